import Crypto
import DossierCore
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// `dossier intake`: bundles from a drive into the archive and the ledger, compared across units.
@Suite struct IntakeTests {
    private func runner(_ archive: URL, clock: Date = Date(timeIntervalSince1970: 1_624_000_000)) throws
        -> IntakeRunner
    {
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        var runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive.path)
        runner.now = { clock }
        return runner
    }

    /// SHA-256 of every file under `folder`, by relative path: what must not change.
    private func snapshot(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder.path)! {
            let url = folder.appendingPathComponent(relative)
            guard !Repository.isFolder(url) else { continue }
            result[relative] = SHA256.hash(data: try Data(contentsOf: url)).map { String(format: "%02x", $0) }.joined()
        }
        return result
    }

    /// A drive holding the valid sample sealed, and the photo-problems sample as a folder.
    private func drive(in folder: TemporaryFolder) throws -> URL {
        let drive = folder.url.appendingPathComponent("U盘")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let unit = try folder.copy(ofSample: "valid")
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18"))
        guard case .sealed = try Sealer(checker: checker).seal(folder: unit.path, output: drive.path + "/湖北省科协.zip")
        else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "photo-problems")),
            to: drive.appendingPathComponent("中国化学会"))
        return drive
    }

    @Test func everyBundleIsKeptAndRecordedAndTheDriveIsUntouched() throws {
        let folder = try TemporaryFolder()
        let drive = try drive(in: folder)
        let before = try snapshot(drive)
        let archive = folder.url.appendingPathComponent("收件库")
        let report = try runner(archive).run(paths: [drive.path])
        #expect(try snapshot(drive) == before)
        #expect(report.bundles.map(\.subject.kind) == [.sealed, .folder])
        #expect(report.bundles.map(\.summary.verdict) == [.pass, .fail])
        #expect(report.crossFindings.isEmpty)

        let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
        #expect(entries.map(\.unit) == ["湖北省科协", "中国化学会"])
        #expect(entries.map(\.verdict) == ["pass", "fail"])
        #expect(entries[0].fingerprint == report.bundles[0].seal?.fingerprint)
        // The sealed zip is kept byte for byte; the folder is packed, every file in it.
        let kept = try Data(contentsOf: archive.appendingPathComponent(entries[0].archivedAs))
        #expect(kept == (try Data(contentsOf: drive.appendingPathComponent("湖北省科协.zip"))))
        #expect(SHA256.hash(data: kept).map { String(format: "%02x", $0) }.joined() == entries[0].sha256)
        let listing = try CommandRunner.run(
            "/usr/bin/unzip", ["-Z1", archive.appendingPathComponent(entries[1].archivedAs).path])
        let names = Set(listing.text.split(separator: "\n").map(String.init))
        #expect(names.count == report.bundles[1].files.count)
        #expect(names.contains("中国化学会/王芳/王芳1.jpg"))
        let tested = try CommandRunner.run(
            "/usr/bin/unzip", ["-tq", archive.appendingPathComponent(entries[1].archivedAs).path])
        #expect(tested.status == 0)
    }

    @Test func theSameBundleAgainIsANoticeThatItIsIdentical() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        let again = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        #expect(again.crossFindings.map(\.rule) == [.crossResubmission])
        #expect(again.crossFindings.first?.severity == .notice)
        #expect(again.crossFindings.first?.message.contains("完全相同") == true)
        // Both receipts are kept and recorded.
        #expect(try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries().count == 2)
    }

    @Test func aChangedBundleAgainIsANoticeToConfirmWhichCounts() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        try FileManager.default.removeItem(at: unit.appendingPathComponent("张三/张三4.jpg"))
        let again = try runner(archive).run(paths: [unit.path])
        #expect(again.crossFindings.map(\.rule) == [.crossResubmission])
        #expect(again.crossFindings.first?.message.contains("第 2 次报送") == true)
    }

    @Test func theSamePersonFromTwoUnitsIsAWarningUntilOneWithdraws() throws {
        let folder = try TemporaryFolder()
        let hubei = try folder.copy(ofSample: "valid")
        let physics = try folder.copy(ofSample: "judgement-problems")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [hubei.path])
        // 中国物理学会 sends 张三 (born 1975-03, as on 湖北省科协's form) too.
        try FileManager.default.copyItem(
            at: hubei.appendingPathComponent("张三"), to: physics.appendingPathComponent("张三"))
        let second = try runner(archive).run(paths: [physics.path])
        #expect(second.crossFindings.map(\.rule) == [.crossDuplicateCandidate])
        let finding = try #require(second.crossFindings.first)
        #expect(finding.severity == .warning && finding.candidate == "张三")
        #expect(finding.data?["otherUnit"] == .string("湖北省科协"))
        // The society sends again without him: its latest bundle counts, and the warning is gone.
        try FileManager.default.removeItem(at: physics.appendingPathComponent("张三"))
        let third = try runner(archive).run(paths: [physics.path])
        #expect(third.crossFindings.map(\.rule) == [.crossResubmission])
    }

    @Test func anArchiveInsideTheInputIsRefused() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        #expect(throws: IntakeError.archiveInsideInput(unit.path + "/archive", unit.path)) {
            try runner(unit.appendingPathComponent("archive")).run(paths: [unit.path])
        }
        #expect(!FileManager.default.fileExists(atPath: unit.appendingPathComponent("archive").path))
    }

    @Test func aDriveWithNoBundleIsSaidSo() throws {
        let folder = try TemporaryFolder()
        let empty = folder.url.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: IntakeError.nothingFound([empty.path])) {
            try runner(folder.url.appendingPathComponent("archive")).run(paths: [empty.path])
        }
    }

    @Test func aLedgerThatIsNoLedgerStopsTheIntakeBeforeAnythingIsKept() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Data("not a database".utf8).write(to: archive.appendingPathComponent("ledger.sqlite"))
        #expect {
            try runner(archive).run(paths: [unit.path])
        } throws: { error in
            guard case IntakeError.ledgerUnreadable(let path, _) = error else { return false }
            return path.hasSuffix("ledger.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: archive.appendingPathComponent("received").path))
    }
}
