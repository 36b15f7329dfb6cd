import DossierTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue #15: `dossier ledger status|paper|mark` from the command line, as the office runs them.
@Suite struct LedgerCommandTests {
    /// Runs the binary in Chinese (the office's language), unless the arguments say otherwise.
    private func dossier(_ arguments: String...) throws -> CommandRunner.Result {
        try CommandRunner.dossier(arguments, environment: ["LANG": "zh_CN.UTF-8"])
    }

    /// An archive holding 湖北省科协 sealed, received twice; its fingerprint.
    private func archive(in folder: TemporaryFolder) throws -> (archive: String, fingerprint: String) {
        let unit = try folder.copy(ofSample: "valid")
        let zip = folder.url.appendingPathComponent("湖北省科协.zip").path
        let sealed = try dossier("seal", unit.path, "-o", zip, "--as-of", "2021-06-15")
        try #require(sealed.status == 0, "\(sealed.stderr)")
        let pattern = #/[0-9A-F]{4}(-[0-9A-F]{4}){4}/#
        let fingerprint = try #require(
            (sealed.stderr + sealed.text).firstMatch(of: pattern).map { String($0.output.0) })
        let archive = folder.url.appendingPathComponent("收件库").path
        for label in ["U盘-01", "U盘-02"] {
            let intake = try dossier(
                "intake", zip, "--archive", archive, "--as-of", "2021-06-18", "--received-by", "李杨", "--label", label)
            try #require(intake.status == 0, "\(intake.stderr)")
        }
        return (archive, fingerprint)
    }

    @Test func statusInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        let text = try dossier("ledger", "status", "--archive", archive, "--as-of", "2021-06-18")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.text.contains("湖北省科协") && text.text.contains("2 次，内容相同"))
        let json = try dossier("ledger", "status", "--archive", archive, "--as-of", "2021-06-18", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["daysToDeadline"] as? Int == 2)
        let html = folder.url.appendingPathComponent("status.html").path
        #expect(try dossier("ledger", "status", "--archive", archive, "--format", "html", "-o", html).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
        let xlsx = folder.url.appendingPathComponent("收件登记.xlsx").path
        #expect(try dossier("ledger", "status", "--archive", archive, "--format", "xlsx", "-o", xlsx).status == 0)
        let listing = try CommandRunner.run("/usr/bin/unzip", ["-tq", xlsx])
        #expect(listing.status == 0)
        let english = try dossier("ledger", "status", "--archive", archive, "--lang", "en")
        #expect(english.text.contains("received, passed"))
    }

    @Test func paperThatMatchesAndPaperThatDoesNot() throws {
        let folder = try TemporaryFolder()
        let (archive, fingerprint) = try archive(in: folder)
        let matches = try dossier("ledger", "paper", "湖北省科协", "--fingerprint", fingerprint, "--archive", archive)
        #expect(matches.status == 0 && matches.text.contains("一致"), "\(matches.stderr)")
        let wrong = try dossier(
            "ledger", "paper", "湖北科协", "--fingerprint", "0000-1111-2222-3333-4444", "--archive", archive,
            "--received", "2021-06-19")
        #expect(wrong.status == 1 && wrong.text.contains("CROSS-PAPER-MISMATCH"))
        let status = try dossier("ledger", "status", "--archive", archive, "--as-of", "2021-06-19")
        #expect(status.status == 1 && status.text.contains("CROSS-PAPER-MISMATCH"))
    }

    @Test func badInputIsOneMessageAndExit2() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        let ledger = (archive as NSString).appendingPathComponent("ledger.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        for arguments in [
            ["ledger", "paper", "湖北省科协", "--fingerprint", "12-34", "--archive", archive],
            ["ledger", "paper", "湖北省科学协会", "--fingerprint", "0000-1111-2222-3333-4444", "--archive", archive],
            ["ledger", "status", "--archive", folder.url.path],
            ["ledger", "status", "--archive", archive, "--format", "pdf"],
            ["ledger", "mark", "99", "counts", "--archive", archive],
        ] {
            let run = try CommandRunner.dossier(arguments, environment: ["LANG": "zh_CN.UTF-8"])
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count >= 1 && !run.stderr.contains("Fatal"), "\(run.stderr)")
        }
        let suggestion = try dossier(
            "ledger", "paper", "湖北省科学协会", "--fingerprint", "0000-1111-2222-3333-4444", "--archive", archive)
        #expect(suggestion.stderr.contains("是不是“湖北省科协”"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("ledger.sqlite").path))
    }

    @Test func aVersionIsMarkedWithdrawn() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        #expect(try dossier("ledger", "mark", "1", "withdrawn", "--archive", archive, "--by", "李杨").status == 0)
        let json = try dossier("ledger", "status", "--archive", archive, "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        let hubei = try #require(units.first { $0["name"] as? String == "湖北省科协" })
        #expect(hubei["state"] as? String == "withdrawn")
    }

    @Test func theNationalTableAsXlsxAndCSV() throws {
        let folder = try TemporaryFolder()
        let (archive, fingerprint) = try archive(in: folder)
        let xlsx = folder.url.appendingPathComponent("全国推荐人选汇总表.xlsx").path
        let written = try dossier("ledger", "export", "-o", xlsx, "--archive", archive)
        #expect(written.status == 0 && written.stderr.contains("1 名人选"), "\(written.stderr)")
        #expect(try CommandRunner.run("/usr/bin/unzip", ["-tq", xlsx]).status == 0)
        let csv = folder.url.appendingPathComponent("全国推荐人选汇总表.csv").path
        #expect(try dossier("ledger", "export", "-o", csv, "--archive", archive).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("序号,推荐单位,单位类型,姓名") == true)
        #expect(lines.last?.contains("湖北省科协") == true && lines.last?.contains(fingerprint) == true)
    }

    /// Ctrl-C during `ledger recheck`: SIGINT to the real process while it reads the first of six kept versions. It
    /// stops, says so in one line in the run's language, exits 2 and records nothing (the ledger's bytes are as
    /// they were); a recheck run after it is whole and recorded.
    @Test func anInterruptedRecheckRecordsNothing() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let drive = folder.url.appendingPathComponent("U盘")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        // Six versions: the same folder sealed on six days (bag-info.txt differs).
        for day in 10...15 {
            let zip = drive.appendingPathComponent("湖北省科协-\(day).zip").path
            let sealed = try dossier("seal", unit.path, "-o", zip, "--as-of", "2021-06-\(day)")
            try #require(sealed.status == 0, "\(sealed.stderr)")
        }
        let archive = folder.url.appendingPathComponent("收件库").path
        let intake = try dossier("intake", drive.path, "--archive", archive, "--as-of", "2021-06-18")
        try #require(intake.status == 0, "\(intake.stderr)")
        let ledger = (archive as NSString).appendingPathComponent("ledger.sqlite")
        var readOnly = Configuration()
        readOnly.readonly = true
        let first = try DatabaseQueue(path: ledger, configuration: readOnly).read { db in
            try String.fetchAll(db, sql: "SELECT archivedAs FROM intake ORDER BY id")
        }
        try #require(first.count == 6)
        let firstKept = (archive as NSString).appendingPathComponent(first[0])
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        for (language, said) in [("zh", "重新检查已中断"), ("en", "recheck interrupted")] {
            let process = Process()
            process.executableURL = Repository.binary
            process.arguments = ["ledger", "recheck", "--archive", archive, "--lang", language]
            process.environment = ["LANG": "zh_CN.UTF-8"]
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // Mid-way: the first version's zip is open (five more are to come).
            var reading = false
            for _ in 0..<30_000 where process.isRunning && !reading {
                let descriptors = "/proc/\(process.processIdentifier)/fd"
                reading = ((try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []).contains {
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + $0)) == firstKept
                }
                if !reading { usleep(2_000) }
            }
            try #require(reading, "the recheck was never seen reading its first version")
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(stderr)")
            #expect(stderr.contains(said) && stderr.split(separator: "\n").count == 1, "\(stderr)")
            #expect(stdout.isEmpty, "\(stdout)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        }
        let whole = try dossier("ledger", "recheck", "--archive", archive)
        #expect(whole.status == 0, "\(whole.stderr)")
        let rechecks = try DatabaseQueue(path: ledger, configuration: readOnly).read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recheck")
        }
        #expect(rechecks == 1)
    }
}
