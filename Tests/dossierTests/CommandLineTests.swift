import DossierTestSupport
import Foundation
import GRDB
import Testing

#if canImport(Glibc)
    import Glibc
#endif

private let root = Repository.root
private let binary = Repository.binary.path

private struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary from the checkout, as a user would.
private func dossier(_ arguments: String..., environment: [String: String] = ["LANG": "C.UTF-8"]) throws -> Run {
    let result = try CommandRunner.dossier(arguments, environment: environment)
    return Run(status: result.status, stdout: result.text, stderr: result.stderr)
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Path, size, modification and status-change time of everything below `folder`.
private func snapshot(_ folder: String) -> [String] {
    var result: [String] = []
    for case let relative as String in FileManager.default.enumerator(atPath: folder)
        ?? FileManager.DirectoryEnumerator()
    {
        var info = stat()
        lstat(folder + "/" + relative, &info)
        result.append(
            "\(relative) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
        )
    }
    return result.sorted()
}

@Suite(.serialized) struct CommandLineTests {
    @Test func validSamplePassesWithExitZero() throws {
        let run = try dossier("check", "Samples/valid/湖北省科协", "--as-of", "2021-06-01")
        #expect(run.status == 0)
        #expect(run.stdout.contains("0 个错误，0 个警告，0 个提示 — 通过"))
    }

    @Test(arguments: [
        "valid", "photo-problems", "naming-problems", "layout-problems", "video-problems", "form-problems",
        "judgement-problems",
    ])
    func everySampleGivesItsExitCodeAndJSON(_ sample: String) throws {
        let expected = try json(
            String(contentsOf: root.appendingPathComponent("Samples/\(sample)/expected.json"), encoding: .utf8))
        let run = try dossier("check", "Samples/\(sample)", "--format", "json", "--as-of", "2021-06-01")
        #expect(run.status == (expected["exitCode"] as? Int).map(Int32.init))
        let report = try json(run.stdout)
        #expect(report["schemaVersion"] as? Int == 1)
        let bundles = try #require(report["bundles"] as? [[String: Any]])
        #expect(bundles.count == 1)
        let findings = try #require(bundles[0]["findings"] as? [[String: Any]])
        #expect(findings.count == (expected["findings"] as? [Any])?.count)
        for finding in findings {
            #expect(finding["message"] as? String != nil && finding["hint"] as? String != nil)
            #expect(["error", "warning", "notice"].contains(finding["severity"] as? String ?? ""))
        }
    }

    @Test func aFolderHoldingSeveralBundlesIsCheckedWhole() throws {
        let run = try dossier("check", "Samples", "--format", "json", "--as-of", "2021-06-01")
        #expect(run.status == 1)
        let summary = try #require(try json(run.stdout)["summary"] as? [String: Any])
        #expect(summary["bundles"] as? Int == 7)
        #expect(summary["verdict"] as? String == "fail")
    }

    @Test func checkingLeavesTheInputUntouched() throws {
        let folder = root.appendingPathComponent("Samples").path
        let before = snapshot(folder)
        _ = try dossier("check", "Samples", "--as-of", "2021-06-01")
        _ = try dossier("check", "Samples", "--format", "json", "--as-of", "2021-06-01")
        #expect(snapshot(folder) == before)
    }

    @Test func englishOnRequestAndFromLANG() throws {
        let flag = try dossier("check", "Samples/photo-problems", "--lang", "en", "--as-of", "2021-06-01")
        #expect(flag.stdout.contains("The photo is only"))
        #expect(flag.stdout.contains("— fail"))
        let environment = try dossier(
            "check", "Samples/photo-problems", "--as-of", "2021-06-01", environment: ["LANG": "en_US.UTF-8"])
        #expect(environment.stdout.contains("The photo is only"))
        let chinese = try dossier("check", "Samples/photo-problems", "--as-of", "2021-06-01")
        #expect(chinese.stdout.contains("照片只有"))
    }

    @Test func quietPrintsOnlyTheSummary() throws {
        let run = try dossier("check", "Samples/photo-problems", "--quiet", "--as-of", "2021-06-01")
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.status == 1)
    }

    @Test func strictMakesWarningsFail() throws {
        // A copy of the valid bundle without its work report: one warning (LAYOUT-REPORT-MISSING), no error.
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        try FileManager.default.removeItem(at: unit.appendingPathComponent("推荐工作情况报告.docx"))
        let lenient = try dossier("check", unit.path, "--as-of", "2021-06-01")
        #expect(lenient.status == 0 && lenient.stdout.contains("LAYOUT-REPORT-MISSING"))
        #expect(try dossier("check", unit.path, "--strict", "--as-of", "2021-06-01").status == 1)
    }

    @Test func outputIsWrittenWholeAndNeverIntoTheInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("报告.json").path
        let run = try dossier("check", "Samples/valid", "--format", "json", "-o", target, "--as-of", "2021-06-01")
        #expect(run.status == 0 && run.stdout.isEmpty)
        #expect(try json(String(contentsOfFile: target, encoding: .utf8))["schemaVersion"] as? Int == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["报告.json"])

        let inside = root.appendingPathComponent("Samples/valid/湖北省科协/报告.json").path
        let refused = try dossier("check", "Samples/valid", "-o", inside)
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: inside))
    }

    @Test(arguments: [
        ["check", "/no/such/folder"],
        ["check", "Samples/valid", "--format", "pdf"],
        ["check", "Samples/valid", "--as-of", "2021-13-45"],
        ["check", "Samples/valid", "--rules", "/no/such/rules"],
        ["check", "Samples/valid", "--no-such-option"],
        ["check"],
        ["inspect", "/no/such/file.jpg"],
        ["rules", "explain", "NO-SUCH-RULE"],
        ["check", "Samples/valid", "--quota", "12"],
    ])
    func runsThatCannotBeDoneExitTwoWithOneLine(_ arguments: [String]) throws {
        let run = try CommandRunner.dossier(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty && run.stderr.split(separator: "\n").count <= 5)
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack"))
    }

    @Test func failuresSpeakTheRunsLanguage() throws {
        let missing = try dossier("check", "/no/such/folder")
        #expect(missing.stderr == "dossier: 找不到“/no/such/folder”：没有这个文件或文件夹。\n")
        let english = try dossier("check", "/no/such/folder", "--lang", "en")
        #expect(english.stderr == "dossier: /no/such/folder: no such file or folder\n")
        let date = try dossier("check", "Samples/valid", "--as-of", "2021-13-45")
        #expect(date.status == 2 && date.stderr.contains("--as-of 须是 YYYY-MM-DD 形式的日期"))
        let englishDate = try dossier("check", "Samples/valid", "--as-of", "2021-13-45", "--lang", "en")
        #expect(englishDate.stderr.contains("--as-of must be a date written YYYY-MM-DD"))
    }

    @Test func badRulesFileIsNamedWithItsKeyPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("rules/zuimei-2021"), to: folder)
        let photos = folder.appendingPathComponent("photos.yaml")
        let text = try String(contentsOf: photos, encoding: .utf8).replacingOccurrences(
            of: "maximumScans: 500", with: "maximumScans: 500\n    maximumScan: 5")
        try text.write(to: photos, atomically: true, encoding: .utf8)
        let run = try dossier("check", "Samples/valid", "--rules", folder.path)
        #expect(run.status == 2)
        #expect(run.stderr.contains("photos.yaml: photos.limits.maximumScan: unknown key"))
        let lint = try dossier("rules", "lint", photos.path)
        #expect(lint.status == 1 && lint.stdout.contains("photos.limits.maximumScan"))
        #expect(try dossier("rules", "lint", "rules/zuimei-2021").status == 0)
    }

    @Test func rulesCatalogue() throws {
        let list = try dossier("rules", "list")
        #expect(list.status == 0)
        // A title line, then one line per rule of the catalogue.
        let rules =
            try String(contentsOfFile: Repository.rules + "/catalogue.yaml", encoding: .utf8)
            .components(separatedBy: "\n  - id: ").count - 1
        #expect(rules > 60 && list.stdout.split(separator: "\n").count == rules + 1)
        let explain = try dossier("rules", "explain", "photo-size", "--lang", "en")
        #expect(explain.stdout.contains("不小于2MB") && explain.stdout.contains("Triggering examples"))
    }

    @Test func inspectPrintsFactsAsJSON() throws {
        let run = try dossier("inspect", "Tests/Fixtures/jpeg/orientation-6.jpg", "--format", "json")
        #expect(run.status == 0)
        let files = try #require(try json(run.stdout)["files"] as? [[String: Any]])
        let jpeg = try #require(files.first?["jpeg"] as? [String: Any])
        #expect(jpeg["width"] as? Int == 64 && jpeg["orientation"] as? Int == 6 && jpeg["decodes"] as? Bool == true)
        #expect(files.first?["kind"] as? String == "photo")
        let damaged = try dossier("inspect", "Tests/Fixtures/jpeg/truncated.jpg")
        #expect(damaged.status == 1 && damaged.stdout.contains("Premature end"))
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("link-\(UUID().uuidString).jpg")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        defer { try? FileManager.default.removeItem(at: link) }
        let refused = try dossier("inspect", link.path)
        #expect(refused.status == 2 && refused.stderr.contains("符号链接"))
        let english = try dossier("inspect", link.path, "--lang", "en")
        #expect(english.status == 2 && english.stderr.contains("symbolic link"))
    }

    @Test func aDamagedDocumentIsOneProblemAndNothingOnStderr() throws {
        // libxml2 prints some errors on its own (found by fuzzing): the shim silences them.
        let run = try dossier("inspect", "Tests/Fixtures/office/bad-encoding.docx", "--lang", "en")
        #expect(run.status == 1 && run.stdout.contains("damaged XML"))
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
    }

    @Test func aZipWithADamagedEntryFailsAndNamesIt() throws {
        // Python's zipfile makes the zip; its 张三2.jpg then claims a local header past the end (unzip -t reports it).
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let path = folder.url.appendingPathComponent("湖北省科协.zip").path
        var zip = try PatchedZip.python(zipping: unit, to: path)
        #expect(try dossier("check", path, "--as-of", "2021-06-01", "--quiet").status == 0)
        try zip.moveLocalHeaderPastTheEnd(of: "张三/张三2.jpg")
        try zip.write(to: path)
        let run = try dossier("check", path, "--format", "json", "--as-of", "2021-06-01")
        #expect(run.status == 1)
        let bundles = try #require(try json(run.stdout)["bundles"] as? [[String: Any]])
        let findings = try #require(bundles.first?["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["path"] ?? "")" } == ["ZIP-CORRUPT 张三/张三2.jpg"])
    }

    @Test func worksFromAnyDirectory() throws {
        let run = try CommandRunner.dossier(
            ["check", root.appendingPathComponent("Samples/valid").path, "--quiet"],
            directory: URL(fileURLWithPath: "/"))
        #expect(run.status == 0)
    }

    @Test func sealThenVerifyAsTheUnitAndTheOfficeWould() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let sealed = try CommandRunner.dossier(["seal", unit.path, "--as-of", "2021-06-18", "--quiet"])
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let fingerprint = try #require(
            sealed.text.split(separator: "：").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(fingerprint.count == 24)
        let zips = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".zip") }
        #expect(zips.count == 1 && zips[0].hasPrefix("湖北省科协-20210618-"))
        let zip = folder.url.appendingPathComponent(zips[0]).path
        let verified = try CommandRunner.dossier([
            "verify", zip, "--fingerprint", fingerprint.replacingOccurrences(of: "-", with: ""), "--as-of",
            "2021-06-18",
        ])
        #expect(verified.status == 0)
        // Issue 12 (10): with the paper's fingerprint given, say plainly whether it matched; ask to compare only
        // when none was given.
        #expect(verified.text.contains("封装完好，指纹 \(fingerprint) 与纸质报告上的指纹一致。"), "\(verified.text)")
        #expect(!verified.text.contains("请与盖章纸质报告上的指纹核对"), "\(verified.text)")
        let forged = try CommandRunner.dossier([
            "verify", zip, "--fingerprint", "0000-0000-0000-0000-0000", "--as-of", "2021-06-18",
        ])
        #expect(forged.status == 1 && forged.text.contains("SEAL-FINGERPRINT-MISMATCH"))
        #expect(
            forged.text.contains("封装指纹 \(fingerprint) 与纸质报告上的指纹 0000-0000-0000-0000-0000 不一致。"),
            "\(forged.text)")
        #expect(!forged.text.contains("请与盖章纸质报告上的指纹核对"), "\(forged.text)")
        let english = try CommandRunner.dossier([
            "verify", zip, "--fingerprint", fingerprint, "--as-of", "2021-06-18", "--lang", "en",
        ])
        #expect(
            english.text.contains("Seal intact; its fingerprint \(fingerprint) matches the paper report's."),
            "\(english.text)")
        let englishForged = try CommandRunner.dossier([
            "verify", zip, "--fingerprint", "0000-0000-0000-0000-0000", "--as-of", "2021-06-18", "--lang", "en",
        ])
        #expect(
            englishForged.text.contains(
                "Seal fingerprint \(fingerprint) does NOT match the paper report's 0000-0000-0000-0000-0000."),
            "\(englishForged.text)")
        let unasked = try CommandRunner.dossier(["verify", zip, "--as-of", "2021-06-18"])
        #expect(unasked.text.contains("（请与盖章纸质报告上的指纹核对）"), "\(unasked.text)")
        let matchedJSON = try CommandRunner.dossier([
            "verify", zip, "--fingerprint", fingerprint.lowercased(), "--as-of", "2021-06-18", "--format", "json",
        ])
        let matchedSeal = try #require(
            (try json(matchedJSON.text)["bundles"] as? [[String: Any]])?.first?["seal"] as? [String: Any])
        #expect(matchedSeal["matchesPaper"] as? Bool == true)
        #expect(matchedSeal["paperFingerprint"] as? String == fingerprint.lowercased())
        let checked = try CommandRunner.dossier(["check", zip, "--format", "json", "--as-of", "2021-06-18"])
        #expect(checked.status == 0)
        let bundle = try #require((try json(checked.text)["bundles"] as? [[String: Any]])?.first)
        #expect((bundle["subject"] as? [String: Any])?["kind"] as? String == "sealed")
        #expect((bundle["seal"] as? [String: Any])?["fingerprint"] as? String == fingerprint)
    }

    @Test func sealRefusesABundleWithErrors() throws {
        let folder = try TemporaryFolder()
        let refused = try CommandRunner.dossier([
            "seal", "Samples/photo-problems/中国化学会", "-o", folder.url.appendingPathComponent("x.zip").path,
        ])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("未封装"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        #expect(try CommandRunner.dossier(["verify", "/no/such.zip"]).status == 2)
    }

    /// Issue #11: a video whose media data claims a size near 2^64 stopped check, seal, intake and inspect with
    /// “arithmetic overflow” (exit 132). It is a VIDEO-CORRUPT finding, and every command goes on.
    @Test func anImpossibleVideoIsAFindingNotACrash() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let video = unit.appendingPathComponent("张三/张三1.mp4")
        try Data(try HostileVideo.hugeMediaData.make(from: Array(try Data(contentsOf: video)))).write(to: video)
        let check = try dossier("check", unit.path, "--format", "json", "--as-of", "2021-06-01")
        #expect(check.status == 1, "\(check.stderr)")
        let bundles = try #require(try json(check.stdout)["bundles"] as? [[String: Any]])
        let findings = try #require(bundles.first?["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["rule"] ?? "") \($0["path"] ?? "")" } == ["VIDEO-CORRUPT 张三/张三1.mp4"])
        let inspect = try dossier("inspect", video.path)
        #expect(inspect.status == 1 && inspect.stdout.contains("mdat"), "\(inspect.stderr)")
        let seal = try dossier("seal", unit.path, "-o", folder.url.appendingPathComponent("x.zip").path)
        #expect(seal.status == 1 && seal.stderr.contains("未封装"), "\(seal.stderr)")
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: unit, to: drive.appendingPathComponent(unit.lastPathComponent))
        let archive = folder.url.appendingPathComponent("archive").path
        let intake = try dossier("intake", drive.path, "--archive", archive, "--as-of", "2021-06-18")
        #expect(intake.status == 1 && intake.stdout.contains("VIDEO-CORRUPT"), "\(intake.stderr)")
    }

    @Test func theOfficeTakesInADriveAndKeepsALedger() throws {
        let folder = try TemporaryFolder()
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let unit = try folder.copy(ofSample: "valid")
        #expect(
            try CommandRunner.dossier([
                "seal", unit.path, "-o", drive.appendingPathComponent("湖北省科协.zip").path, "--as-of", "2021-06-18",
                "--quiet",
            ]).status == 0)
        let archive = folder.url.appendingPathComponent("archive").path
        let first = try dossier("intake", drive.path, "--archive", archive, "--as-of", "2021-06-18")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("湖北省科协") && first.stderr.contains("ledger.sqlite"))
        #expect(FileManager.default.fileExists(atPath: archive + "/ledger.sqlite"))
        // The same drive again: a notice, in JSON under crossFindings; a faulty folder fails the run.
        try FileManager.default.copyItem(
            at: Repository.samples.appendingPathComponent("photo-problems/中国化学会"),
            to: drive.appendingPathComponent("中国化学会"))
        let second = try dossier(
            "intake", drive.path, "--archive", archive, "--as-of", "2021-06-18", "--format", "json")
        #expect(second.status == 1)
        let cross = try #require(try json(second.stdout)["crossFindings"] as? [[String: Any]])
        #expect(cross.map { $0["rule"] as? String } == ["CROSS-RESUBMISSION"])
        #expect(try dossier("intake", "/no/such/drive", "--archive", archive).status == 2)
        let inside = try dossier("intake", drive.path, "--archive", drive.path + "/archive")
        #expect(inside.status == 2 && inside.stderr.contains("输入只读"))
    }

    /// Issue #11 item 8: a ledger that cannot take the bundle's row (a full disk; here a trigger refuses it) is one
    /// line in the run's language, with SQLite's words only as the reason, and the bundle is not left kept.
    @Test func aLedgerThatCannotTakeTheRowIsOneLineAndKeepsNothing() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive")
        let first = try dossier("intake", unit.path, "--archive", archive.path, "--as-of", "2021-06-18", "--quiet")
        #expect(first.status == 0, "\(first.stderr)")
        try DatabaseQueue(path: archive.appendingPathComponent("ledger.sqlite").path).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER full BEFORE INSERT ON intake
                    BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END
                    """)
        }
        let received = archive.appendingPathComponent("received/湖北省科协").path
        let kept = try FileManager.default.contentsOfDirectory(atPath: received)
        for (language, words) in [("zh", "收件登记"), ("en", "cannot record")] {
            let run = try dossier(
                "intake", unit.path, "--archive", archive.path, "--as-of", "2021-06-18", "--lang", language,
                "--no-progress")
            #expect(run.status == 2)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(run.stderr)")
            #expect(run.stderr.hasPrefix("dossier: ") && run.stderr.contains(words))
            #expect(run.stderr.contains("database or disk is full") && !run.stderr.contains("INSERT"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: received) == kept)
        }
    }

    /// A file its reader may not read (as user nobody when the tests run as root) is an FS-UNREADABLE finding: the
    /// bundle is kept without it, and the intake goes on with the rest of the drive instead of stopping.
    @Test func aFileThatCannotBeReadIsAFindingAndTheDriveIsStillReceived() throws {
        let place = try TemporaryFolder()
        let binary = place.url.appendingPathComponent("dossier")
        try FileManager.default.copyItem(at: Repository.binary, to: binary)
        try FileManager.default.createDirectory(
            at: place.url.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: Repository.rules), to: place.url.appendingPathComponent("rules/zuimei-2021"))
        let drive = place.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "valid")), to: drive.appendingPathComponent("单位乙"))
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "valid")), to: drive.appendingPathComponent("单位甲"))
        #expect(chmod(drive.appendingPathComponent("单位乙/张三/张三4.jpg").path, 0) == 0)
        let archive = place.url.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        #expect(chmod(archive.path, 0o777) == 0)
        let intake = [
            binary.path, "intake", drive.path, "--archive", archive.path, "--as-of", "2021-06-18", "--format", "json",
        ]
        // Root reads every file: the file is unreadable only to an ordinary user.
        let run = try CommandRunner.run(
            geteuid() == 0 ? "/usr/bin/setpriv" : intake[0],
            geteuid() == 0 ? ["--reuid=65534", "--regid=65534", "--clear-groups"] + intake : Array(intake.dropFirst()),
            environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
        #expect(run.status == 1, "\(run.stderr)")
        let bundles = try #require(try json(run.text)["bundles"] as? [[String: Any]])
        #expect(bundles.count == 2)
        let findings = try #require(bundles.first?["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["FS-UNREADABLE"])
        #expect(findings.first?["path"] as? String == "张三/张三4.jpg")
        let received = archive.appendingPathComponent("received/湖北省科协").path
        let kept = try FileManager.default.contentsOfDirectory(atPath: received)
        #expect(kept.count == 2)
        let withoutIt = try #require(kept.first { $0.hasSuffix("-单位乙.zip") })
        let listing = try CommandRunner.run("/usr/bin/unzip", ["-Z1", received + "/" + withoutIt])
        #expect(listing.text.contains("单位乙/张三/张三3.jpg") && !listing.text.contains("张三4.jpg"))
    }
}
