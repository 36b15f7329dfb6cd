import DossierBundles
import DossierCore
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// `dossier check X.zip` on plain zips of Samples/valid made by Python's `zipfile`, some patched into damage that
/// `unzip -t` reports: each damaged entry is a finding that names it, and the bundle fails.
@Suite struct ZipInputTests {
    private static let photo = "张三/张三2.jpg"

    /// A Python-made zip of Samples/valid, patched by `patch`; its report.
    private func check(
        stored: Bool = false, extra: (URL) -> [(String, String)] = { _ in [] },
        _ patch: (inout PatchedZip) throws -> Void
    ) throws -> BundleReport {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let path = folder.url.appendingPathComponent("湖北省科协.zip").path
        var zip = try PatchedZip.python(zipping: unit, to: path, stored: stored, extra: extra(unit))
        try patch(&zip)
        try zip.write(to: path)
        let checker = Checker(
            ruleSet: try RuleSet.load(folder: Repository.rules), options: CheckOptions(asOf: "2021-06-01"))
        return ZipInput.check(path, checker: checker)
    }

    private func corrupt(_ report: BundleReport, at path: String) -> Bool {
        report.findings.contains { $0.rule == .zipCorrupt && $0.path == path } && report.summary.verdict == .fail
    }

    @Test func anIntactZipPasses() throws {
        let report = try check { _ in }
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.rule) \($0.path)" })")
        #expect(report.files.count == 10)
    }

    @Test func aLocalHeaderPastTheEndIsDamageNamingTheEntry() throws {
        let report = try check { try $0.moveLocalHeaderPastTheEnd(of: Self.photo) }
        #expect(corrupt(report, at: Self.photo), "\(report.findings.map { "\($0.rule) \($0.path)" })")
    }

    @Test func aStoredEntryDeclaringFourGigabytesIsDamage() throws {
        let report = try check(stored: true) { try $0.declareSizes(of: Self.photo, 0xFFFF_FFF0) }
        #expect(corrupt(report, at: Self.photo), "\(report.findings.map { "\($0.rule) \($0.path)" })")
    }

    @Test(arguments: ["offset", "compressed", "both"])
    func zip64ValuesNearTwoToTheSixtyFourAreDamage(_ field: String) throws {
        let huge = UInt64.max - 15
        let report = try check(stored: field == "both") { zip in
            switch field {
            case "offset": try zip.makeZIP64(Self.photo, offset: huge)
            case "compressed": try zip.makeZIP64(Self.photo, compressed: huge)
            default: try zip.makeZIP64(Self.photo, uncompressed: huge, compressed: huge)
            }
        }
        #expect(corrupt(report, at: Self.photo), "\(report.findings.map { "\($0.rule) \($0.path)" })")
    }

    @Test func aFlippedByteInAnEntryIsDamage() throws {
        let report = try check { try $0.flipDataByte(of: Self.photo, into: 100_000) }
        #expect(corrupt(report, at: Self.photo), "\(report.findings.map { "\($0.rule) \($0.path)" })")
    }

    @Test func damagedJunkIsJunkNotDamage() throws {
        // A .DS_Store is left out of every check and of the seal: its bytes do not matter.
        let report = try check(extra: { unit in
            [("湖北省科协/张三/.DS_Store", unit.appendingPathComponent("张三/张三3.jpg").path)]
        }) { try $0.moveLocalHeaderPastTheEnd(of: "张三/.DS_Store") }
        #expect(report.findings.map { "\($0.rule) \($0.path)" } == ["LAYOUT-JUNK-FILE 张三/.DS_Store"])
    }

    @Test func theSameNameTwiceIsACollisionAndBothAreListed() throws {
        let report = try check(extra: { unit in
            [("湖北省科协/" + Self.photo, unit.appendingPathComponent("张三/张三3.jpg").path)]
        }) { _ in }
        let collisions = report.findings.filter { $0.rule == .nameCollision }
        #expect(collisions.map(\.path) == [Self.photo], "\(report.findings.map { "\($0.rule) \($0.path)" })")
        #expect(report.files.filter { $0.path == Self.photo }.count == 2)
        #expect(report.summary.verdict == .fail)
    }

    @Test func oneNameInNFCAndNFDIsACollisionAndBothAreListed() throws {
        // 张三2.jpg has no decomposable character: the copy is named 张三2-é.jpg in both forms.
        let nfc = "张三/张三2-\u{E9}.jpg", nfd = "张三/张三2-e\u{301}.jpg"
        let report = try check(extra: { unit in
            let source = unit.appendingPathComponent("张三/张三3.jpg").path
            return [("湖北省科协/" + nfc, source), ("湖北省科协/" + nfd, source)]
        }) { _ in }
        #expect(
            report.findings.contains { $0.rule == .nameCollision && $0.path == nfc },
            "\(report.findings.map { "\($0.rule) \($0.path)" })")
        #expect(report.files.filter { $0.path == nfc }.count == 2)
    }
}
