import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import GRDB
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

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
            result[relative] = SHA256.hash(data: try Data(contentsOf: url)).hexDigits
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
        #expect(SHA256.hash(data: kept).hexDigits == entries[0].sha256)
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
        // Issue #15 item 0: the same bytes are kept once and recorded as seen again: one version, two receipts,
        // one kept file, the candidates once.
        let ledger = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
        let entries = try ledger.entries()
        #expect(entries.count == 1)
        #expect(try ledger.receipts().map(\.version) == [entries[0].id, entries[0].id])
        let received = archive.appendingPathComponent("received/湖北省科协").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: received).count == 1)
        #expect(try ledger.candidates(versions: entries.map(\.id)).map(\.name) == ["张三"])
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
        // Issue #15 item 0: resubmissions are counted by distinct versions, not by intakes: the second version
        // received twice more, then a third, is the third submission.
        _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_200_000)).run(paths: [unit.path])
        try FileManager.default.removeItem(at: unit.appendingPathComponent("张三/张三3.jpg"))
        let third = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_300_000)).run(paths: [unit.path])
        #expect(third.crossFindings.first?.message.contains("第 3 次报送") == true, "\(third.crossFindings)")
    }

    /// Issue #15 item 0: the candidate table keeps every field the rule set names (the summary table's), and each
    /// receipt who received the drive and its label.
    @Test func theLedgerKeepsEverySummaryFieldAndWhoReceivedTheDrive() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        var runner = try runner(archive)
        runner.receivedBy = "李杨"
        runner.driveLabel = "U盘-07"
        _ = try runner.run(paths: [unit.path])
        let ledger = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
        let receipt = try #require(try ledger.receipts().first)
        #expect(receipt.receivedBy == "李杨" && receipt.driveLabel == "U盘-07")
        let candidate = try #require(try ledger.candidates(versions: try ledger.entries().map(\.id)).first)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let kept = try #require(ruleSet.units.office?.candidateFields)
        #expect(Set(candidate.fields.keys) == Set(kept).intersection(candidate.fields.keys))
        for key in ["gender", "birth", "employer", "title", "category", "phone"] {
            #expect(candidate.fields[key]?.isEmpty == false, "\(key): \(candidate.fields)")
        }
        #expect(candidate.fields["deeds"] == nil)
        #expect(candidate.folder == "张三")
    }

    /// Issue #15 item 0: the version that counts is the newest passing one, not the last taken in; the office can
    /// mark a version withdrawn or the one that counts.
    @Test func theVersionThatCountsIsTheNewestPassingOne() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        // A failing draft comes later: no ID photo.
        try FileManager.default.removeItem(at: unit.appendingPathComponent("张三/张三1.jpg"))
        let failing = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        #expect(failing.summary.verdict == .fail)
        let ledger = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
        func counting() throws -> Int64? {
            UnitVersions.byUnit(try ledger.snapshot()).first?.counting?.entry.id
        }
        let ids = try ledger.entries().map(\.id)
        #expect(ids.count == 2)
        #expect(try counting() == ids[0])
        try ledger.mark(version: ids[1], .counts, at: "2021-06-19T10:00:00+08:00", by: "李杨", note: nil)
        #expect(try counting() == ids[1])
        try ledger.mark(version: ids[1], .cleared, at: "2021-06-19T10:01:00+08:00", by: nil, note: nil)
        try ledger.mark(version: ids[0], .withdrawn, at: "2021-06-19T10:02:00+08:00", by: nil, note: nil)
        #expect(try counting() == nil)
        #expect(UnitVersions.byUnit(try ledger.snapshot()).first?.current?.entry.id == ids[1])
        #expect(throws: IntakeError.noSuchVersion(99)) {
            try ledger.mark(version: 99, .counts, at: "2021-06-19T10:03:00+08:00", by: nil, note: nil)
        }
    }

    /// Issue #15 item 0: among sealed versions the bag's date orders them, before the order they came in.
    @Test func anOlderBagReceivedLaterDoesNotCount() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        for asOf in ["2021-06-15", "2021-06-10"] {
            let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf))
            guard
                case .sealed = try Sealer(checker: checker).seal(folder: unit.path, output: drive.path + "/\(asOf).zip")
            else { throw CocoaError(.fileWriteUnknown) }
        }
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [drive.appendingPathComponent("2021-06-15.zip").path])
        _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [
            drive.appendingPathComponent("2021-06-10.zip").path
        ])
        let ledger = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
        let entries = try ledger.entries()
        #expect(entries.map(\.bagDate) == ["2021-06-15", "2021-06-10"])
        #expect(UnitVersions.byUnit(try ledger.snapshot()).first?.counting?.entry.id == entries[0].id)
    }

    /// Issue #15 item 0: the same photo bytes from two units under two candidates' names is a warning.
    @Test func theSamePhotoForTwoUnitsCandidatesIsAWarning() throws {
        let folder = try TemporaryFolder()
        let hubei = try folder.copy(ofSample: "valid")
        let physics = try folder.copy(ofSample: "judgement-problems")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [hubei.path])
        try FileManager.default.copyItem(
            at: hubei.appendingPathComponent("张三/张三2.jpg"), to: physics.appendingPathComponent("甲一/甲一2.jpg"))
        let second = try runner(archive).run(paths: [physics.path])
        #expect(second.crossFindings.map(\.rule) == [.crossDuplicatePhoto])
        let finding = try #require(second.crossFindings.first)
        #expect(finding.severity == .warning && finding.candidate == "甲一" && finding.path == "甲一/甲一2.jpg")
        #expect(finding.data?["otherUnit"] == .string("湖北省科协"))
        #expect(finding.data?["otherPath"] == .string("张三/张三2.jpg"))
        #expect(finding.message.contains("张三") && finding.message.contains("完全相同"))
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

    /// Runs `bodies` at once, each on its own thread, started together; their errors, in order.
    private func concurrently(_ bodies: [@Sendable () throws -> Void]) -> [(any Error)?] {
        let errors = Mutex<[(any Error)?]>(Array(repeating: nil, count: bodies.count))
        let waiting = Atomic<Int>(bodies.count)
        let done = DispatchGroup()
        for (index, body) in bodies.enumerated() {
            done.enter()
            Thread.detachNewThread {
                // Every thread is running before any starts its work.
                waiting.subtract(1, ordering: .sequentiallyConsistent)
                while waiting.load(ordering: .sequentiallyConsistent) > 0 {}
                do { try body() } catch { errors.withLock { $0[index] = error } }
                done.leave()
            }
        }
        done.wait()
        return errors.withLock { $0 }
    }

    /// Issue #11 item 2: two intakes at the same second of two different bundles of one unit (named alike) both
    /// want `received/UNIT/STAMP-NAME.zip`; each must keep its own file, and each row's SHA-256 must be its file's.
    @Test func twoIntakesAtTheSameSecondKeepBothBundles() throws {
        let folder = try TemporaryFolder()
        let first = try folder.copy(ofSample: "valid", as: "a")
        let second = try folder.copy(ofSample: "valid", as: "b")
        try FileManager.default.removeItem(at: second.appendingPathComponent("张三/张三4.jpg"))
        // A large stray file (sparse; only a LAYOUT-UNKNOWN-FILE warning) makes packing last long enough for the two
        // runs to overlap between choosing the kept file's name and taking it.
        for unit in [first, second] {
            let stray = unit.appendingPathComponent("张三/原始素材.bin").path
            #expect(FileManager.default.createFile(atPath: stray, contents: nil))
            #expect(truncate(stray, 128 << 20) == 0)
        }
        // The same folder name on two drives.
        let drives = try [first, second].map { unit in
            let drive = folder.url.appendingPathComponent("drive-" + unit.lastPathComponent)
            try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: unit, to: drive.appendingPathComponent("湖北省科协"))
            return drive.appendingPathComponent("湖北省科协").path
        }
        for round in 0..<4 {
            let archive = folder.url.appendingPathComponent("archive-\(round)")
            let runners = try drives.map { _ in try runner(archive) }
            // The ledger exists before the race: this test is about the kept files.
            try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
            _ = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
            let errors = concurrently(
                zip(runners, drives).map { runner, drive in { _ = try runner.run(paths: [drive]) } })
            #expect(errors.allSatisfy { $0 == nil }, "\(errors)")
            let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
            #expect(entries.count == 2)
            #expect(Set(entries.map(\.archivedAs)).count == 2)
            for entry in entries {
                let kept = try Data(contentsOf: archive.appendingPathComponent(entry.archivedAs))
                #expect(SHA256.hash(data: kept).hexDigits == entry.sha256)
            }
            let received = archive.appendingPathComponent("received/湖北省科协").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: received).count == 2)
        }
    }

    /// Issue #11 item 2: two first intakes into a new archive both create the ledger; neither may fail.
    @Test func twoFirstOpeningsOfANewLedgerBothSucceed() throws {
        let folder = try TemporaryFolder()
        for round in 0..<40 {
            let path = folder.url.appendingPathComponent("ledger-\(round).sqlite").path
            let errors = concurrently(Array(repeating: { _ = try Ledger(path: path) }, count: 8))
            try #require(
                errors.allSatisfy { $0 == nil },
                "round \(round): \(errors.compactMap { $0 }.first.map { "\($0)" } ?? "")")
        }
    }

    /// Issue #11 item 8: a partial file a killed intake left (its PID is gone) is removed by the next intake; one
    /// of a running process is not.
    @Test func partialFilesOfDeadIntakesAreRemovedByTheNext() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        let dead = try Self.deadProcess()
        let received = archive.appendingPathComponent("received")
        // One in the unit about to be received, one in another unit's folder.
        let other = received.appendingPathComponent("中国化学会")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        // As this version names them, and as earlier versions did (`.dossier-PID-RANDOM.partial`).
        let stale = [
            received.appendingPathComponent("湖北省科协/" + AtomicOutput.temporaryName(pid: dead)),
            other.appendingPathComponent(".dossier-\(dead)-0BADF00D.partial"),
        ]
        let live = other.appendingPathComponent(AtomicOutput.temporaryName(pid: getpid()))
        for file in stale + [live] { try Data(count: 1000).write(to: file) }
        _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        for file in stale { #expect(!FileManager.default.fileExists(atPath: file.path)) }
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    /// A kept file with no row (its intake was killed between keeping and recording) is removed by the next
    /// intake; a file older than the ledger's first row (a ledger begun afresh beside an older archive) is not.
    @Test func keptFilesOfDeadIntakesWithNoRowAreRemovedByTheNext() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        let received = archive.appendingPathComponent("received/湖北省科协")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: received.path).first)
        let orphan = received.appendingPathComponent("20210618-120000-湖北省科协.zip")
        let older = received.appendingPathComponent("20000101-000000-湖北省科协.zip")
        for file in [orphan, older] {
            try FileManager.default.copyItem(at: received.appendingPathComponent(kept), to: file)
        }
        // Kept before the ledger's first row (1,624,000,000 s: 2021-06-18).
        var times = [timespec(tv_sec: 946_684_800, tv_nsec: 0), timespec(tv_sec: 946_684_800, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, older.path, &times, 0) == 0)
        _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        #expect(FileManager.default.fileExists(atPath: older.path))
        let ledger = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path)
        for entry in try ledger.entries() {
            #expect(FileManager.default.fileExists(atPath: archive.appendingPathComponent(entry.archivedAs).path))
        }
    }

    /// The PID of a process that has ended (and been waited for).
    static func deadProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Issue #11 item 8: when the bundle's row cannot be written to the ledger (here a trigger refuses it, as a
    /// full disk would), the kept file is taken back and the failure is one line in the run's language.
    @Test func aRowThatCannotBeWrittenLeavesNoKeptFileAndOneMessage() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        _ = try runner(archive).run(paths: [unit.path])
        let ledgerPath = archive.appendingPathComponent("ledger.sqlite").path
        try DatabaseQueue(path: ledgerPath).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER full BEFORE INSERT ON intake
                    BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END
                    """)
        }
        let received = archive.appendingPathComponent("received/湖北省科协").path
        let before = try FileManager.default.contentsOfDirectory(atPath: received)
        // A changed version: the same bytes would only add a receipt.
        try FileManager.default.removeItem(at: unit.appendingPathComponent("张三/张三4.jpg"))
        #expect {
            _ = try runner(archive, clock: Date(timeIntervalSince1970: 1_624_100_000)).run(paths: [unit.path])
        } throws: { error in
            guard let failure = error as? IntakeError, case .ledgerUnwritable = failure else { return false }
            let zh = failure.text(.zh), en = failure.text(.en)
            return zh.contains("收件登记") && zh.contains("database or disk is full") && !zh.contains("\n")
                && !zh.contains("INSERT") && en.contains("ledger") && !en.contains("\n") && !en.contains("INSERT")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: received) == before)
        #expect(try Ledger(path: ledgerPath).entries().count == 1)
    }

    /// Issue #11 item 9: a symlink at the top of one unit folder on a drive does not make the drive one bundle.
    @Test func aSymlinkInOneUnitFolderKeepsEveryUnitItsOwnBundle() throws {
        let drive = try TemporaryFolder()
        let plain = try drive.copy(ofSample: "valid", as: "单位甲")
        let linked = try drive.copy(ofSample: "valid", as: "单位乙")
        try FileManager.default.createSymbolicLink(
            atPath: linked.appendingPathComponent("张三5.jpg").path,
            withDestinationPath: plain.appendingPathComponent("张三/张三1.jpg").path)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        // 单位乙 sorts first: 乙 is U+4E59, 甲 U+7532.
        let items = try DriveDiscovery(layout: ruleSet.layout).items(at: drive.url.path)
        #expect(items.map(\.path) == [linked.path, plain.path])
        let checked = try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")).check(paths: [
            drive.url.path
        ])
        #expect(checked.bundles.map(\.subject.path) == [linked.path, plain.path])

        let folder = try TemporaryFolder()
        let report = try runner(folder.url.appendingPathComponent("archive")).run(paths: [drive.url.path])
        #expect(report.bundles.map(\.subject.path) == [linked.path, plain.path])
        #expect(report.bundles.map { $0.findings.map(\.rule) } == [[.fsSymlink], []])
        #expect(report.bundles.first?.findings.first?.path == "张三5.jpg")

        // Nor does a stray photo at the top of a unit folder: a folder holding unit documents is no candidate's.
        try FileManager.default.copyItem(
            at: plain.appendingPathComponent("张三/张三1.jpg"), to: plain.appendingPathComponent("合影.jpg"))
        #expect(
            try DriveDiscovery(layout: ruleSet.layout).items(at: drive.url.path).map(\.path) == [
                linked.path, plain.path,
            ])
    }

    /// "Never let one bundle stop a drive": a bundle that cannot be read while it is packed (here a file is pulled
    /// off the drive after the check) is a finding of its own, neither kept nor recorded; the other bundles are.
    @Test func aBundleThatCannotBeReadDoesNotStopTheDrive() throws {
        let drive = try TemporaryFolder()
        let plain = try drive.copy(ofSample: "valid", as: "单位甲")
        let pulled = try drive.copy(ofSample: "valid", as: "单位乙")
        let folder = try TemporaryFolder()
        let archive = folder.url.appendingPathComponent("archive")
        var runner = try runner(archive)
        // The clock is read once a bundle is checked, before it is packed: 单位乙 comes first.
        let gone = pulled.appendingPathComponent("张三/张三4.jpg")
        runner.now = {
            try? FileManager.default.removeItem(at: gone)
            return Date(timeIntervalSince1970: 1_624_000_000)
        }
        let report = try runner.run(paths: [drive.url.path])
        #expect(report.bundles.map(\.subject.path) == [pulled.path, plain.path])
        let finding = try #require(report.bundles.first?.findings.last)
        #expect(finding.rule == .fsUnreadable && finding.path == "张三/张三4.jpg" && finding.candidate == "张三")
        #expect(finding.message.contains("没有存入收件库"))
        #expect(report.bundles.map(\.summary.verdict) == [.fail, .pass])
        let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
        #expect(entries.map(\.source) == [plain.path])
        let received = archive.appendingPathComponent("received/湖北省科协").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: received).count == 1)
    }

    /// Names that are not NFC (made on a Mac) or not UTF-8 (GBK, from a Chinese Windows tool) are packed as they
    /// are on disk; the bundle is kept, not the intake stopped.
    @Test func namesAreKeptAsTheyAreOnDisk() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let photo = try Data(contentsOf: unit.appendingPathComponent("张三/张三2.jpg"))
        // 张三 in GBK, then 2.jpg; and an accented name decomposed (NFD).
        let gbk = RawPath(unit.appendingPathComponent("张三").path).appending(
            [0xD5, 0xC5, 0xC8, 0xFD] + Array("2.jpg".utf8))
        let descriptor = gbk.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        #expect(descriptor >= 0)
        _ = photo.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        let decomposed = "说明-e\u{0301}.txt"
        #expect(
            FileManager.default.createFile(
                atPath: unit.appendingPathComponent("张三").path + "/" + decomposed, contents: Data("x".utf8)))
        let archive = folder.url.appendingPathComponent("archive")
        let report = try runner(archive).run(paths: [unit.path])
        #expect(!report.bundles[0].findings.contains { $0.rule == .fsUnreadable })
        let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
        let kept = archive.appendingPathComponent(try #require(entries.first).archivedAs)
        let names = try ZipArchive(RawPath(kept.path)).entries.map(\.rawName)
        #expect(names.contains(Array("湖北省科协/张三/".utf8) + [0xD5, 0xC5, 0xC8, 0xFD] + Array("2.jpg".utf8)))
        #expect(names.contains(Array(("湖北省科协/张三/" + decomposed).utf8)))
        #expect(names.count == report.bundles[0].files.count)
    }

    /// Issue #12 item 2: a bundle whose folder and files are spelt with U+F90A (金), as a folder and sealed, with a
    /// valid bundle between them on the drive: all three are received, the kept zips keep the names on disk.
    @Test func namesThatAreNotNFCAreReceivedAsTheyAreOnDisk() throws {
        let folder = try TemporaryFolder()
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let unit = try folder.copy(ofSample: "valid", as: "中国化学会")
        try NonNFCSample.make(from: unit)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18"))
        guard case .sealed = try Sealer(checker: checker).seal(folder: unit.path, output: drive.path + "/中国化学会.zip")
        else { throw CocoaError(.fileWriteUnknown) }
        try FileManager.default.copyItem(at: unit, to: drive.appendingPathComponent("中国化学会"))
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "valid")), to: drive.appendingPathComponent("湖北省科协"))
        let archive = folder.url.appendingPathComponent("archive")
        let report = try runner(archive).run(paths: [drive.path])
        #expect(report.bundles.count == 3)
        #expect(
            report.bundles.allSatisfy { $0.summary.errors == 0 }, "\(report.bundles.map { $0.findings.map(\.rule) })")
        #expect(report.bundles.filter { $0.findings.contains { $0.rule == .nameNoncanonical } }.count == 2)
        let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
        #expect(entries.count == 3)
        let onDisk = Array("/\(NonNFCSample.onDisk)/".utf8)
        // The summary table names the unit 湖北省科协 in all three; the folder and the zip are 中国化学会's.
        #expect(entries.filter { $0.source.hasSuffix("中国化学会") || $0.source.hasSuffix("中国化学会.zip") }.count == 2)
        for entry in entries where !entry.source.hasSuffix("湖北省科协") {
            let kept = try ZipArchive(RawPath(archive.appendingPathComponent(entry.archivedAs).path))
            #expect(kept.entries.filter { $0.rawName.firstRange(of: onDisk) != nil }.count == 7, "\(entry.kind)")
        }
    }
    /// Issue #12 item 3: a bundle sealed with an approved quota is received as sealed: no QUOTA-EXCEEDED, its type
    /// and quota in the report and the ledger.
    @Test func aBundleSealedWithAnApprovedQuotaIsReceivedByIt() throws {
        let folder = try TemporaryFolder()
        let unit = try SocietySample.make(in: folder)
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let approved = Checker(
            ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18", quota: 3, approval: "科协调函〔2021〕8号"))
        guard case .sealed = try Sealer(checker: approved).seal(folder: unit.path, output: drive.path + "/中国化学会.zip")
        else { throw CocoaError(.fileWriteUnknown) }
        let archive = folder.url.appendingPathComponent("archive")
        let report = try runner(archive).run(paths: [drive.path])
        #expect(report.summary.verdict == .pass, "\(report.bundles.map { $0.findings.map(\.rule) })")
        #expect(report.bundles.first?.unit.quota == 3 && report.bundles.first?.unit.approval == "科协调函〔2021〕8号")
        let entries = try Ledger(path: archive.appendingPathComponent("ledger.sqlite").path).entries()
        #expect(entries.map(\.unitType) == ["society"])
        #expect(entries.map(\.verdict) == ["pass"])
    }
}
