import DossierCore
import DossierRules
import DossierTestSupport
import Testing

/// Every sample bundle produces exactly the findings its expected.json lists, and the verdict its exit code implies.
@Suite struct SampleTests {
    @Test func thereAreSamplesForEveryOutcome() {
        let names = Repository.sampleNames
        #expect(names.contains("valid"))
        #expect(names.count >= 4)
    }

    @Test(arguments: Repository.sampleNames) func sample(_ name: String) throws {
        let expected = try ExpectedOutcome.load(sample: name)
        let report = try SampleRuns.shared.report(name)
        let actual = report.findings.map { ExpectedOutcome.Pair(rule: $0.rule.rawValue, path: $0.path) }.sorted()
        #expect(actual == expected.findings.sorted())
        #expect((report.summary.verdict == .fail ? 1 : 0) == expected.exitCode)
    }

    @Test func validSampleInventoryHasMeasuredPhotos() throws {
        let report = try SampleRuns.shared.report("valid")
        let photos = report.files.filter { $0.kind == .photo }
        #expect(photos.count == 4)
        #expect(photos.allSatisfy { ($0.jpeg?.decodes ?? false) && $0.bytes >= 2_097_152 })
        let phone = try #require(photos.first { $0.path == "张三/张三3.jpg" }?.jpeg)
        #expect(phone.orientation == 6 && phone.displayWidth < phone.displayHeight)
        #expect(report.files.contains { $0.kind == .summary } && report.files.contains { $0.kind == .form })
    }

    @Test func aPlainZipIsCheckedLikeItsFolder() throws {
        let plain = try SampleRuns.shared.report("@zip-plain")
        #expect(plain.subject.kind == .zip && plain.findings.isEmpty, "\(plain.findings.map(\.rule))")
        #expect(plain.unit.name == "湖北省科协" && plain.candidates.map(\.name) == ["张三"])
        // Deflated videos are read through the inflating reader.
        #expect(plain.files.first { $0.path == "张三/张三2.mov" }?.video?.displayHeight == 1920)
        let gbk = try SampleRuns.shared.report("@zip-gbk")
        #expect(gbk.findings.map(\.rule) == [.zipEncoding])
        #expect(gbk.unit.name == "湖北省科协" && gbk.candidates.map(\.name) == ["张三"])
        #expect(gbk.files.map(\.path).sorted() == plain.files.map(\.path).sorted())
    }
}
