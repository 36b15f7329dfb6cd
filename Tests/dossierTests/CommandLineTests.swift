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

    /// Installed as a package installs it (`/usr/bin/dossier`, rules in `/usr/share/dossier/rules`) and started
    /// through `PATH`, as `dossier`, the binary finds its rules.
    @Test func anInstalledBinaryStartedThroughPATHFindsItsRules() throws {
        let place = try TemporaryFolder()
        let bin = place.url.appendingPathComponent("usr/bin")
        let rules = place.url.appendingPathComponent("usr/share/dossier/rules")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.binary, to: bin.appendingPathComponent("dossier"))
        let installed = rules.appendingPathComponent("zuimei-2021")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: installed)
        // The installed copy says so in its title: the checkout's own rules (which the binary also knows, by the path
        // it was built from) must not be the ones found.
        let header = installed.appendingPathComponent("ruleset.yaml")
        let text = try String(contentsOf: header, encoding: .utf8)
        try text.replacingOccurrences(of: "zh: 2021年“最美科技工作者”学习宣传活动", with: "zh: 安装版规则集")
            .write(to: header, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(
            "/usr/bin/env", ["dossier", "rules", "list"],
            environment: ["PATH": bin.path + ":/usr/bin:/bin", "LANG": "C.UTF-8"],
            directory: place.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.text.hasPrefix("zuimei-2021 — 安装版规则集"), "\(run.text.prefix(80))")
    }

    /// A successful seal writes the report in the format asked for (issue #13: `--format` was ignored), with the
    /// fingerprint in it; where the zip went and the fingerprint also reach the clerk on standard error.
    @Test(arguments: ["markdown", "html", "sarif", "junit"])
    func aSuccessfulSealGivesTheReportInEveryFormat(_ format: String) throws {
        let place = try TemporaryFolder()
        let zip = place.url.appendingPathComponent("sealed.zip").path
        let run = try dossier(
            "seal", "Samples/valid/湖北省科协", "-o", zip, "--format", format, "--as-of", "2021-06-18", "--no-progress")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: zip))
        let fingerprint = try #require(
            run.stderr.split(separator: "\n").last.map { String($0.split(separator: "：").last ?? "") })
        #expect(fingerprint.count == 24, "\(run.stderr)")
        switch format {
        case "markdown": #expect(run.stdout.hasPrefix("#") && run.stdout.contains(fingerprint))
        case "html": #expect(run.stdout.hasPrefix("<!DOCTYPE html>") && run.stdout.contains(fingerprint))
        case "sarif": #expect((try json(run.stdout))["version"] as? String == "2.1.0")
        default: #expect(run.stdout.hasPrefix("<?xml") && run.stdout.contains("<testsuites"))
        }
    }

    @Test func aCandidatesFolderCheckedByMistakeIsSentToTheUnitFolderAboveIt() throws {
        let run = try dossier("check", "Samples/valid/湖北省科协/张三", "--as-of", "2021-06-01")
        #expect(run.status == 2)
        #expect(run.stderr.contains("候选人的文件夹"))
        #expect(run.stderr.contains("“Samples/valid/湖北省科协”"))
        #expect(run.stdout.isEmpty)
        let english = try dossier("check", "Samples/valid/湖北省科协/张三/", "--lang", "en")
        #expect(english.status == 2)
        #expect(english.stderr.contains("looks like one candidate's folder"))
        // The unit folder itself, and a folder of unit folders, are checked as before.
        #expect(try dossier("check", "Samples/valid/湖北省科协", "--as-of", "2021-06-01").status == 0)
        #expect(try dossier("check", "Samples/valid", "--as-of", "2021-06-01").status == 0)
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
        #expect(summary["bundles"] as? Int == Repository.sampleNames.count)
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

    @Test func deepDecodesEveryFrameAndFindsTheFirstError() throws {
        // 张三's landscape clip with 4 KB of its media data overwritten halfway: the sampled keyframes still decode,
        // decoding every frame does not.
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let clip = unit.appendingPathComponent("张三/张三1.mp4")
        try Data(try HostileVideo.damagedMiddle.make(from: Array(try Data(contentsOf: clip)))).write(to: clip)
        let quick = try dossier("check", unit.path, "--as-of", "2021-06-01", "--no-cache")
        #expect(quick.status == 0, "\(quick.stdout)")
        let deep = try dossier("check", unit.path, "--deep", "--as-of", "2021-06-01", "--no-cache", "--lang", "en")
        #expect(
            deep.status == 1 && deep.stdout.contains("VIDEO-CORRUPT") && deep.stdout.contains("Decoding every frame"))
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

    /// Issue #12 item 7: help is in the run's language, for every command, option and argument, so that a new
    /// option cannot skip its Chinese (or its English) help.
    @Test func everyOptionsHelpIsInTheRunsLanguage() throws {
        for (environment, chinese) in [(["LANG": "C.UTF-8"], true), (["LANG": "en_US.UTF-8"], false)] {
            let run = try dossier("--experimental-dump-help", environment: environment)
            #expect(run.status == 0, "\(run.stderr)")
            var texts: [(String, String)] = []
            func collect(_ command: [String: Any], _ name: String) {
                texts.append((name, command["abstract"] as? String ?? ""))
                // The parser's own `help` command: its abstract is translated, its arguments have no help.
                guard name != "dossier help" else { return }
                for argument in command["arguments"] as? [[String: Any]] ?? []
                where argument["shouldDisplay"] as? Bool != false {
                    let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                    let label = "\(name) \(names.first ?? argument["valueName"] as? String ?? "?")"
                    texts.append((label, argument["abstract"] as? String ?? ""))
                }
                for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                    collect(sub, "\(name) \(sub["commandName"] as? String ?? "?")")
                }
            }
            collect(try #require(try json(run.stdout)["command"] as? [String: Any]), "dossier")
            #expect(texts.count > 60)
            for (label, text) in texts {
                let han = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                #expect(!text.isEmpty && han == chinese, "\(label): “\(text)”")
            }
        }
        let help = try dossier("check", "--help")
        #expect(help.status == 0 && help.stdout.contains("用法：") && help.stdout.contains("选项："))
        #expect(help.stdout.contains("显示帮助。") && help.stdout.contains("（默认：text）"))
        for english in ["USAGE", "OPTIONS", "ARGUMENTS", "Show help", "default:"] {
            #expect(!help.stdout.contains(english), "\(english) in \(help.stdout)")
        }
        let top = try dossier("--help")
        #expect(top.stdout.contains("子命令：") && !top.stdout.contains("SUBCOMMANDS") && !top.stdout.contains("See "))
        let english = try dossier("check", "--help", "--lang", "en")
        #expect(english.stdout.contains("USAGE:") && english.stdout.contains("Print only the summary line."))
    }

    /// Issue #12 item 7: the argument parser's own errors are in the run's language too, with nothing left in
    /// English under the Chinese default (and nothing in Chinese on request of English).
    @Test(arguments: [
        ["check"],
        ["check", "Samples/valid", "--as-of", "2021/06/15"],
        ["check", "Samples/valid", "--lang", "fr"],
        ["check", "Samples/valid", "--formt", "json"],
        ["check", "Samples/valid", "-x"],
        ["check", "Samples/valid", "--quota", "abc"],
        ["check", "Samples/valid", "--format"],
        ["check", "Samples/valid", "--quiet=yes"],
        ["seal", "Samples/valid", "Samples/valid"],
        ["intake", "Samples/valid"],
        ["init", "x", "--unit", " "],
    ])
    func argumentErrorsSpeakTheRunsLanguage(_ arguments: [String]) throws {
        let chinese = try CommandRunner.dossier(arguments)
        let said = chinese.stderr + chinese.text
        #expect(chinese.status == 2, "\(arguments): \(said)")
        #expect(chinese.stderr.hasPrefix("dossier: "), "\(said)")
        // Capitalised English words (Error, Usage, Missing, See) or common small ones; option and value names pass.
        let small: Set<Substring> = ["for", "the", "is", "was", "not", "invalid", "unexpected"]
        let englishWords = said.split { !$0.isLetter }.filter { word in
            guard word.allSatisfy(\.isASCII) else { return false }
            let capitalised =
                word.count > 2 && word.first?.isUppercase == true && word.dropFirst().allSatisfy(\.isLowercase)
            return (capitalised || small.contains(word)) && !arguments.contains { $0.contains(word) }
        }
        #expect(englishWords.isEmpty, "\(arguments): \(said)")
        guard arguments != ["check", "Samples/valid", "--lang", "fr"] else { return }
        let english = try CommandRunner.dossier(arguments + ["--lang", "en"])
        #expect(english.status == 2)
        let han = (english.stderr + english.text).unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        #expect(!han, "\(arguments): \(english.stderr)")
    }

    /// Issue #12 item 7: `dossier chek X` was “2 unexpected arguments”; the closest command is suggested.
    @Test func aMistypedCommandIsSuggested() throws {
        let run = try dossier("chek", "Samples/valid")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: 没有命令“chek”。是不是要用 dossier check？"), "\(run.stderr)")
        let english = try dossier("chek", "Samples/valid", "--lang", "en")
        #expect(english.stderr.contains("Did you mean 'dossier check'?"), "\(english.stderr)")
        let rules = try dossier("rules", "lsit")
        #expect(rules.status == 2 && rules.stderr.contains("是不是要用 dossier rules list？"), "\(rules.stderr)")
        let far = try dossier("Samples/valid")
        #expect(far.status == 2 && !far.stderr.contains("是不是") && far.stderr.contains("可用的命令：check、seal"))
        #expect(try dossier("help", "check").stdout.contains("用法："))
    }

    /// Issue #11 item 10: `check -o` into a folder that cannot be written answered in English under the Chinese
    /// default (“cannot write (Permission denied)”). The system's reason is in the run's language.
    @Test func aReportThatCannotBeWrittenIsOneLineInTheRunsLanguage() throws {
        let place = try TemporaryFolder()
        // Root writes into any folder: the folder is read-only only to an ordinary user (a copy of the binary and
        // rules that user nobody may run).
        let nobody = try UnprivilegedDossier(in: place)
        let unit = try place.copy(ofSample: "valid")
        let readOnly = place.url.appendingPathComponent("只读")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        #expect(chmod(readOnly.path, 0o555) == 0)
        let target = readOnly.appendingPathComponent("报告.txt").path
        for (language, expected) in [
            ("zh", "dossier: 无法写入报告 \(target)（没有权限）：请把 -o 指到可以写入的文件夹。\n"),
            (
                "en",
                "dossier: \(target): cannot write the report (permission denied): point -o at a folder you can write to\n"
            ),
        ] {
            let run = try nobody.run(
                ["check", unit.path, "-o", target, "--lang", language, "--as-of", "2021-06-01"])
            #expect(run.status == 2 && run.stderr == expected, "\(run.stderr)")
        }
        // A path through a file: refused to root too.
        let file = place.url.appendingPathComponent("文件.txt")
        try Data("x".utf8).write(to: file)
        let through = try dossier("check", unit.path, "-o", file.path + "/报告.txt", "--as-of", "2021-06-01")
        #expect(through.status == 2 && through.stderr.contains("（路径中有一部分不是文件夹）"), "\(through.stderr)")
        #expect(!through.stderr.contains("Not a directory"))
    }

    /// Issue #12 item 8: “这不是封装包（no valid BagIt 1.0 bag …）” and system errors ending in “No such file or
    /// directory”. What the tool says is in the run's language; a reader's own English words stay in the JSON data.
    @Test func readerAndSystemReasonsSpeakTheRunsLanguage() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let plain = folder.url.appendingPathComponent("plain.zip").path
        _ = try PatchedZip.python(zipping: unit, to: plain)
        func findings(_ run: Run) throws -> [[String: Any]] {
            let bundles = try #require(try json(run.stdout)["bundles"] as? [[String: Any]])
            return try #require(bundles.first?["findings"] as? [[String: Any]])
        }
        let verify = try findings(try dossier("verify", plain, "--as-of", "2021-06-18", "--format", "json"))
        #expect(verify.map { $0["rule"] as? String } == ["SEAL-FORMAT"])
        #expect(verify.first?["message"] as? String == "这不是封装包（没有有效的 BagIt 1.0 封装结构：须有 SHA-256 清单和标签清单）。")
        let detail = "no valid BagIt 1.0 bag with a SHA-256 manifest and tag manifest"
        #expect((verify.first?["data"] as? [String: Any])?["problem"] as? String == detail)
        let english = try findings(
            try dossier("verify", plain, "--as-of", "2021-06-18", "--format", "json", "--lang", "en"))
        #expect(english.first?["message"] as? String == "This is not a sealed bundle (\(detail)).")

        // System errors: writing where a file stands in the path.
        let file = folder.url.appendingPathComponent("文件.txt")
        try Data("x".utf8).write(to: file)
        let seal = try dossier("seal", unit.path, "-o", file.path + "/x.zip", "--as-of", "2021-06-18")
        #expect(seal.stderr == "dossier: 无法写入封装包 \(file.path)（路径中有一部分不是文件夹）。\n", "\(seal.stderr)")
        let sealEnglish = try dossier("seal", unit.path, "-o", file.path + "/x.zip", "--lang", "en")
        #expect(
            sealEnglish.stderr
                == "dossier: cannot write the sealed zip \(file.path): a part of the path is not a folder\n")
        let initRun = try dossier("init", file.path + "/新", "--unit", "湖北省科协")
        #expect(initRun.status == 2 && initRun.stderr.contains("（路径中有一部分不是文件夹）"), "\(initRun.stderr)")
        for run in [seal, initRun] { #expect(!run.stderr.contains("Not a directory") && !run.stderr.contains("Error")) }
        // A reader's reason: a video whose media data claims a size near 2^64.
        let video = unit.appendingPathComponent("张三/张三1.mp4")
        try Data(try HostileVideo.hugeMediaData.make(from: Array(try Data(contentsOf: video)))).write(to: video)
        let check = try findings(try dossier("check", unit.path, "--as-of", "2021-06-01", "--format", "json"))
        let message = try #require(check.first?["message"] as? String)
        // Box names (‘mdat’) are names, not words.
        let words = message.replacing(#/‘[^’]*’/#, with: "").split { !$0.isLetter }.filter { $0.allSatisfy(\.isASCII) }
        #expect(words.isEmpty && message.hasPrefix("视频已损坏（"), "\(message)")
        let raw = try #require((check.first?["data"] as? [String: Any])?["problem"] as? String)
        #expect(raw.contains("mdat") && !raw.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })

        let inspect = try dossier("inspect", "Tests/Fixtures/jpeg/truncated.jpg")
        #expect(inspect.stdout.contains("问题：文件提前结束，没有复制完整（Premature end of JPEG file）"))
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

    /// `-o` naming a folder puts the zip in it under seal's own name; said before any work, never after it (a
    /// 10 GB seal once ran for 99 s and then failed: "无法写入封装包 …（这是文件夹，不是文件）").
    @Test func sealIntoAFolderNamedByOutput() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let out = folder.url.appendingPathComponent("送审")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        for given in [out.path, out.path + "/"] {
            let sealed = try CommandRunner.dossier(["seal", unit.path, "-o", given, "--as-of", "2021-06-18", "--quiet"])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            #expect(sealed.text.contains("已封装：\(out.path)/湖北省科协-20210618-"), "\(sealed.text)")
        }
        let zips = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(zips.count == 1 && zips[0].hasPrefix("湖北省科协-20210618-") && zips[0].hasSuffix(".zip"), "\(zips)")
        let missing = try CommandRunner.dossier([
            "seal", unit.path, "-o", folder.url.appendingPathComponent("无此文件夹/x.zip").path, "--as-of",
            "2021-06-18",
        ])
        #expect(missing.status == 2 && missing.stderr.contains("无此文件夹"), "\(missing.stderr)")
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

    /// FFmpeg's libraries are opened at the first video, not at start (they cost every run 28 MB). Where they cannot
    /// be loaded, each video says its pictures were not looked at and why (a warning), and the rest is judged as usual.
    @Test func videosSayTheirPicturesWereNotLookedAtWhereFFmpegCannotBeLoaded() throws {
        let missing = "/nonexistent-ffmpeg-folder"
        let check = try dossier(
            "check", "Samples/valid", "--format", "json", "--as-of", "2021-06-01",
            environment: ["LANG": "C.UTF-8", "DOSSIER_FFMPEG_LIBDIR": missing])
        #expect(check.status == 0, "\(check.stderr)")
        let bundles = try #require(try json(check.stdout)["bundles"] as? [[String: Any]])
        let findings = try #require(bundles.first?["findings"] as? [[String: Any]])
        #expect(
            findings.map { "\($0["rule"] ?? "") \($0["path"] ?? "")" } == [
                "VIDEO-CORRUPT 张三/张三1.mp4", "VIDEO-CORRUPT 张三/张三2.mov",
            ])
        for finding in findings {
            #expect(finding["severity"] as? String == "warning")
            #expect((finding["message"] as? String)?.contains(missing + "/libavutil.so.") == true)
        }
        // With the libraries where they are, the same sample is clean.
        let clean = try dossier("check", "Samples/valid", "--format", "json", "--as-of", "2021-06-01")
        #expect(clean.status == 0 && !clean.stdout.contains("VIDEO-CORRUPT"), "\(clean.stdout)")
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

    /// Issue #12 item 2: a candidate's folder and files spelt with U+F90A (金, which NFC maps to U+91D1). `check`
    /// shows the path as it is on disk and tells the unit, `seal` reads and stores the names as they are, `verify`
    /// and `intake` take the zip in; nothing stops.
    @Test func namesThatAreNotNFCAreCheckedSealedVerifiedAndTakenIn() throws {
        let folder = try TemporaryFolder()
        // The unit folder below a folder spelt with U+F90A too: the path `check` prints must open.
        let batch = folder.url.appendingPathComponent("\u{F90A}秋报送")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let unit = batch.appendingPathComponent("湖北省科协")
        try FileManager.default.copyItem(at: try #require(Repository.unitFolder(ofSample: "valid")), to: unit)
        try NonNFCSample.make(from: unit)
        let compatibility: [UInt8] = [0xEF, 0xA4, 0x8A]  // U+F90A in UTF-8
        #expect(
            NonNFCSample.namesOnDisk(unit.path).contains { $0.starts(with: compatibility) },
            "the sample's folder is not spelt with U+F90A on disk")

        let checked = try dossier("check", folder.url.path, "--format", "json", "--as-of", "2021-06-18")
        #expect(checked.status == 0, "\(checked.stdout)")
        let bundle = try #require((try json(checked.stdout)["bundles"] as? [[String: Any]])?.first)
        let shown = try #require((bundle["subject"] as? [String: Any])?["path"] as? String)
        #expect(Array(shown.utf8).firstRange(of: compatibility) != nil, "\(shown) is not the path on disk")
        let findings = try #require(bundle["findings"] as? [[String: Any]])
        #expect(
            findings.contains { $0["rule"] as? String == "NAME-NONCANONICAL" && $0["path"] as? String == "金明/金明2.jpg" })
        #expect(findings.allSatisfy { $0["severity"] as? String == "notice" })

        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let zip = drive.appendingPathComponent("湖北省科协.zip").path
        let sealed = try dossier("seal", shown, "-o", zip, "--as-of", "2021-06-18", "--quiet")
        #expect(sealed.status == 0, "\(sealed.stderr)")
        let verified = try dossier("verify", zip, "--as-of", "2021-06-18")
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("NAME-NONCANONICAL") && verified.stdout.contains("U+F90A"))

        // The drive holds the sealed zip and, as another unit, the folder itself.
        try FileManager.default.copyItem(at: unit, to: drive.appendingPathComponent("湖南省科协"))
        let archive = folder.url.appendingPathComponent("archive").path
        let intake = try dossier(
            "intake", drive.path, "--archive", archive, "--as-of", "2021-06-18", "--format", "json")
        #expect(intake.status == 0, "\(intake.stderr)")
        let received = try #require(try json(intake.stdout)["bundles"] as? [[String: Any]])
        #expect(received.count == 2)
        let rules = received.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(Set(rules) == ["NAME-NONCANONICAL"])
        let ledger = try DatabaseQueue(path: archive + "/ledger.sqlite")
        #expect(try ledger.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM intake") } == 2)
    }

    /// Issue #12 item 3: sealed with an approved quota, a society's bundle of three passes `verify`, `check` and
    /// `intake` at the office, which show the type, quota and approval; the office's own --quota still wins.
    @Test func anApprovedQuotaIsKeptBySealingAndShownAtTheOffice() throws {
        let folder = try TemporaryFolder()
        let unit = try SocietySample.make(in: folder)
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        let zip = drive.appendingPathComponent("中国化学会.zip").path
        let approval = "科协调函〔2021〕8号"
        #expect(try dossier("check", unit.path, "--as-of", "2021-06-18", "--quiet").status == 1)
        let sealed = try dossier(
            "seal", unit.path, "-o", zip, "--quota", "3", "--approval", approval, "--as-of", "2021-06-18", "--quiet")
        #expect(sealed.status == 0, "\(sealed.stdout)\(sealed.stderr)")

        let verified = try dossier("verify", zip, "--as-of", "2021-06-18")
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("全国学会") && verified.stdout.contains(approval))
        let english = try dossier("verify", zip, "--as-of", "2021-06-18", "--lang", "en")
        #expect(english.stdout.contains("national society") && english.stdout.contains("quota 3"))
        let checked = try dossier("check", zip, "--as-of", "2021-06-18", "--format", "json")
        #expect(checked.status == 0)
        let bundle = try #require((try json(checked.stdout)["bundles"] as? [[String: Any]])?.first)
        let unitInfo = try #require(bundle["unit"] as? [String: Any])
        #expect(unitInfo["type"] as? String == "society" && unitInfo["quota"] as? Int == 3)
        #expect(unitInfo["approval"] as? String == approval)
        let overruled = try dossier("verify", zip, "--quota", "2", "--approval", "另文", "--as-of", "2021-06-18")
        #expect(overruled.status == 1 && overruled.stdout.contains("QUOTA-EXCEEDED"))

        let archive = folder.url.appendingPathComponent("archive").path
        let intake = try dossier("intake", drive.path, "--archive", archive, "--as-of", "2021-06-18")
        #expect(intake.status == 0, "\(intake.stdout)")
        let ledger = try DatabaseQueue(path: archive + "/ledger.sqlite")
        #expect(try ledger.read { try String.fetchOne($0, sql: "SELECT unitType FROM intake") } == "society")
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
            // The same bytes again are one more receipt, not a new version (issue #15): that row fails too.
            try db.execute(
                sql: """
                    CREATE TRIGGER fullReceipt BEFORE INSERT ON receipt
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

    /// A unit folder on a drive that its reader may not list is a bundle with an FS-UNREADABLE finding, never passed
    /// over: the drive's other units are still checked.
    @Test func aUnitFolderThatCannotBeListedIsReportedNotSkipped() throws {
        let place = try TemporaryFolder()
        let nobody = try UnprivilegedDossier(in: place)
        let drive = place.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        for name in ["单位甲", "单位乙"] {
            try FileManager.default.copyItem(
                at: try #require(Repository.unitFolder(ofSample: "valid")), to: drive.appendingPathComponent(name))
        }
        #expect(chmod(drive.appendingPathComponent("单位乙").path, 0) == 0)
        defer { chmod(drive.appendingPathComponent("单位乙").path, 0o755) }
        let run = try nobody.run(["check", drive.path, "--as-of", "2021-06-18", "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        let bundles = try #require(try json(run.text)["bundles"] as? [[String: Any]])
        #expect(bundles.count == 2)
        func subject(_ bundle: [String: Any]) -> String {
            (bundle["subject"] as? [String: Any])?["path"] as? String ?? ""
        }
        let closed = try #require(bundles.first { subject($0).hasSuffix("单位乙") })
        let findings = try #require(closed["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["FS-UNREADABLE"])
        let open = try #require(bundles.first { subject($0).hasSuffix("单位甲") })
        #expect((open["summary"] as? [String: Any])?["verdict"] as? String == "pass")
    }

    /// A file its reader may not read (as user nobody when the tests run as root) is an FS-UNREADABLE finding: the
    /// bundle is kept without it, and the intake goes on with the rest of the drive instead of stopping.
    @Test func aFileThatCannotBeReadIsAFindingAndTheDriveIsStillReceived() throws {
        let place = try TemporaryFolder()
        let nobody = try UnprivilegedDossier(in: place)
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
        let run = try nobody.run(
            ["intake", drive.path, "--archive", archive.path, "--as-of", "2021-06-18", "--format", "json"])
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
