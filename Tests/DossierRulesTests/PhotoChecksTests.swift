import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Thresholds come from the rule set, and their edges behave as the notice reads.
@Suite struct PhotoChecksTests {
    private func findings(_ ruleSet: RuleSet) throws -> [Finding] {
        let unit = try #require(Repository.unitFolder(ofSample: "valid"))
        return try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: "valid").findings
    }

    @Test func exactlyTheMinimumPasses() throws {
        var ruleSet = try Repository.ruleSet()
        let unit = try #require(Repository.unitFolder(ofSample: "valid"))
        let size = try #require(
            try FileManager.default.attributesOfItem(atPath: unit.appendingPathComponent("张三/张三1.jpg").path)[.size]
                as? Int)
        ruleSet.photos.minimumBytes = size
        #expect(try findings(ruleSet).filter { $0.path == "张三/张三1.jpg" && $0.rule == .photoSize }.isEmpty)
        ruleSet.photos.minimumBytes = size + 1
        let finding = try #require(try findings(ruleSet).first { $0.path == "张三/张三1.jpg" && $0.rule == .photoSize })
        #expect(finding.data?["bytes"] == .int(size))
        #expect(finding.message.contains("MB"))
    }

    @Test func lifePhotoCountComesFromTheRuleSet() throws {
        var ruleSet = try Repository.ruleSet()
        ruleSet.photos.lifePhotos = CountRange(minimum: 4, maximum: 5)
        let finding = try #require(try findings(ruleSet).first { $0.rule == .photoCount })
        #expect(finding.path == "张三" && finding.data?["count"] == .int(3))
    }

    @Test func paddedSmallPhotoIsStillTooSmall() throws {
        let report = try SampleRuns.shared.report("@padded-small")
        let size = try #require(report.findings.first { $0.rule == .photoSize && $0.path == "张三/张三5.jpg" })
        #expect(size.data?["trailingBytes"] == .int(2_097_152 + 1000))
        #expect(report.findings.contains { $0.rule == .photoPadded && $0.path == "张三/张三5.jpg" })
    }

    /// Issue 12 (6): a photo one byte short of 2 MiB was refused with “照片只有 2 MB，通知要求不小于 2MB”. The
    /// message shows enough digits, and the bytes, for the shortfall to be seen.
    @Test func aPhotoJustUnderTheMinimumSaysByHowMuch() throws {
        let report = try SampleRuns.shared.report("@just-under-2mb")
        let finding = try #require(report.findings.first { $0.rule == .photoSize && $0.path == "张三/张三5.jpg" })
        #expect(finding.data?["bytes"] == .int(2_097_151))
        #expect(finding.message.contains("1.999999 MB（2,097,151 字节）"), "\(finding.message)")
        #expect(!finding.message.contains("只有 2 MB"), "\(finding.message)")
        // The same in English, from the same bundle.
        let folder = try TemporaryFolder()
        let unit = try BuiltSample.make("@just-under-2mb", in: folder)
        let english = try Checker(
            ruleSet: try Repository.ruleSet(), options: CheckOptions(language: .en, asOf: "2021-06-01")
        )
        .check(bundle: RawPath(unit.path), displayPath: "x")
        let size = try #require(english.findings.first { $0.rule == .photoSize })
        #expect(size.message.contains("1.999999 MB (2,097,151 bytes)"), "\(size.message)")
    }

    @Test(arguments: [
        (2_097_151, 2_097_152, "1.999999"), (2_000_000, 2_097_152, "1.91"), (100_881, 2_097_152, "0.1"),
        (2_097_100, 2_097_152, "1.99995"), (0, 2_097_152, "0"), (3_550, 2_097_152, "0.003"), (1, 2_097_152, "0.000001"),
    ])
    func megabytesShowTheShortfall(_ bytes: Int, _ minimum: Int, _ text: String) {
        #expect(PhotoChecks.megabytes(bytes, below: minimum) == text)
    }

    @Test func englishMessagesAreEnglish() throws {
        let unit = try #require(Repository.unitFolder(ofSample: "photo-problems"))
        let report = try Checker(
            ruleSet: try Repository.ruleSet(), options: CheckOptions(language: .en, asOf: "2021-06-01")
        )
        .check(bundle: RawPath(unit.path), displayPath: "x")
        let size = try #require(report.findings.first { $0.rule == .photoSize })
        #expect(size.message.hasPrefix("The photo is only"))
        #expect(!report.findings.contains { $0.message.contains("{") || $0.hint.contains("{") })
    }

    @Test func strictMakesWarningsFail() throws {
        let unit = try #require(Repository.unitFolder(ofSample: "naming-problems"))
        let checker = Checker(
            ruleSet: try Repository.ruleSet(), options: CheckOptions(strict: true, asOf: "2021-06-01"))
        #expect(try checker.check(bundle: RawPath(unit.path), displayPath: "x").summary.verdict == .fail)
    }

    @Test func heicNamedJPGGetsThePhoneAdvice() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(ofSample: "valid")
        var heic = Data([0, 0, 0, 0x18]) + Data("ftypheic".utf8) + Data(count: 4) + Data("mif1heic".utf8)
        heic.append(Data(count: 4096))
        try heic.write(to: copy.appendingPathComponent("张三/张三5.jpg"))
        let report = try Checker(ruleSet: try Repository.ruleSet(), options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(copy.path), displayPath: "x")
        let finding = try #require(report.findings.first { $0.rule == .photoFormat && $0.path == "张三/张三5.jpg" })
        #expect(finding.message.contains("HEIC") && finding.hint.contains("兼容性最佳"))
    }
}

/// Photos' facts kept by content in a cache give the same report, and are read from it.
@Suite struct PhotoFactsCacheTests {
    @Test func aSecondCheckReadsTheCacheAndReportsTheSame() throws {
        let ruleSet = try Repository.ruleSet()
        let unit = try #require(Repository.unitFolder(ofSample: "photo-problems"))
        let cacheFolder = try TemporaryFolder()
        var options = CheckOptions(asOf: "2021-06-01")
        let uncached = try Checker(ruleSet: ruleSet, options: options).check(
            bundle: RawPath(unit.path), displayPath: "p")
        options.cacheFolder = cacheFolder.url.path
        let first = try Checker(ruleSet: ruleSet, options: options).check(bundle: RawPath(unit.path), displayPath: "p")
        let second = try Checker(ruleSet: ruleSet, options: options).check(bundle: RawPath(unit.path), displayPath: "p")
        #expect(first.findings == uncached.findings)
        #expect(second.findings == uncached.findings)
        #expect(second.files.map(\.jpeg) == uncached.files.map(\.jpeg))
        // Thumbnails are kept in the cache though this check asked for none, and served when one does.
        #expect(second.thumbnails.isEmpty)
        var withThumbnails = options
        withThumbnails.thumbnails = true
        let sheet = try Checker(ruleSet: ruleSet, options: withThumbnails).check(
            bundle: RawPath(unit.path), displayPath: "p")
        withThumbnails.cacheFolder = nil
        let sheetUncached = try Checker(ruleSet: ruleSet, options: withThumbnails).check(
            bundle: RawPath(unit.path), displayPath: "p")
        #expect(!sheet.thumbnails.isEmpty)
        #expect(sheet.thumbnails == sheetUncached.thumbnails)

        // The second check's facts came from the cache: an entry changed in place is what it reports.
        let photo = try #require(uncached.files.first { $0.jpeg?.decodes == true })
        let bytes = try [UInt8](Data(contentsOf: unit.appendingPathComponent(photo.path)))
        let cache = ContentCache(
            folder: cacheFolder.url.path, context: [ContentCache.buildIdentity, ruleSet.sha256])
        let digest = SHA256.hash(data: bytes).hexDigits
        var record = try JSONDecoder().decode(
            PhotoMeasurer.Record.self, from: Data(try #require(cache.value(for: digest))))
        record.inspection.facts?.decodes = false
        record.inspection.problem = "altered in the cache"
        cache.store(Array(try JSONEncoder().encode(record)), for: digest)
        let third = try Checker(ruleSet: ruleSet, options: options).check(bundle: RawPath(unit.path), displayPath: "p")
        #expect(third.findings.contains { $0.path == photo.path && $0.rule == .photoCorrupt })
    }
}

/// Photos measured earlier in a run (as `verify` does while it hashes) are not read or measured again.
@Suite struct KnownPhotosTests {
    @Test func aPhotoKnownByItsLocationIsTakenAsMeasured() throws {
        let ruleSet = try Repository.ruleSet()
        let unit = try #require(Repository.unitFolder(ofSample: "valid"))
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-01"))
        let plain = try checker.check(
            source: FolderSource(RawPath(unit.path)), unitName: "u", subject: Subject(path: "u", kind: .folder))
        let photo = try #require(plain.files.first { $0.jpeg?.decodes == true })
        var inspection = JPEGInspector.inspect(try [UInt8](Data(contentsOf: unit.appendingPathComponent(photo.path))))
        inspection.facts?.decodes = false
        inspection.problem = "measured while hashed"
        let location = RawPath(unit.appendingPathComponent(photo.path).path)
        let known = try checker.check(
            source: FolderSource(RawPath(unit.path)), unitName: "u", subject: Subject(path: "u", kind: .folder),
            knownPhotos: [
                location: (
                    digest: String(repeating: "0", count: 64),
                    record: PhotoMeasurer.Record(inspection: inspection, picture: nil, facesSearched: false)
                )
            ])
        #expect(known.findings.contains { $0.path == photo.path && $0.rule == .photoCorrupt })
        #expect(!plain.findings.contains { $0.path == photo.path && $0.rule == .photoCorrupt })
    }
}
