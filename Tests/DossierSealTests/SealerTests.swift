import DossierBundles
import DossierCore
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

@testable import DossierFiles
@testable import DossierPacking
@testable import DossierSeal

#if canImport(Glibc)
    import Glibc
#endif

private func ruleSet() throws -> RuleSet { try RuleSet.load(folder: Repository.rules) }

private func checker(asOf: String = "2021-06-18") throws -> Checker {
    Checker(ruleSet: try ruleSet(), options: CheckOptions(asOf: asOf))
}

private func seal(_ folder: URL, to output: String?, asOf: String = "2021-06-18") throws -> (String, Fingerprint) {
    guard
        case .sealed(let path, let fingerprint, _) = try Sealer(checker: try checker(asOf: asOf)).seal(
            folder: folder.path, output: output)
    else { throw CocoaError(.featureUnsupported) }
    return (path, fingerprint)
}

/// Runs `tool` if it is on the PATH that `make test` prepares; the result, or nil with a recorded issue.
private func external(_ tool: String, _ arguments: [String], directory: URL = Repository.root) throws -> CommandRunner
    .Result?
{
    let candidates = [
        "/usr/bin/\(tool)", "/usr/local/bin/\(tool)",
        Repository.root.appendingPathComponent(".build/tools-venv/bin/\(tool)").path,
    ]
    guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        Issue.record("\(tool) is not installed: run `make test`, which installs it")
        return nil
    }
    return try CommandRunner.run(path, arguments, directory: directory)
}

@Suite struct SealerTests {
    @Test func sameFolderSameRulesSameDateGiveTheSameBytes() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let (first, print1) = try seal(unit, to: folder.url.appendingPathComponent("a.zip").path)
        let (second, print2) = try seal(unit, to: folder.url.appendingPathComponent("b.zip").path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        #expect(print1 == print2)
        #expect(print1.description.range(of: #"^[0-9A-F]{4}(-[0-9A-F]{4}){4}$"#, options: .regularExpression) != nil)
    }

    @Test func changingOneFileChangesTheFingerprint() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let (_, before) = try seal(unit, to: folder.url.appendingPathComponent("a.zip").path)
        // Another valid document in the work report's place: the content changes, the checks still pass.
        let report = unit.appendingPathComponent("推荐工作情况报告.docx")
        try FileManager.default.removeItem(at: report)
        try FileManager.default.copyItem(at: unit.appendingPathComponent("张三/张三推荐表.docx"), to: report)
        let (_, after) = try seal(unit, to: folder.url.appendingPathComponent("b.zip").path)
        #expect(before != after)
    }

    @Test func defaultNameSitsBesideTheFolderAndTheFolderIsUntouched() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let before = try FileManager.default.subpathsOfDirectory(atPath: unit.path).sorted()
        let (path, fingerprint) = try seal(unit, to: nil)
        #expect(
            path
                == folder.url.appendingPathComponent("湖北省科协-20210618-\(fingerprint.sha256.prefix(8).uppercased()).zip")
                .path)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: unit.path).sorted() == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
                == [URL(fileURLWithPath: path).lastPathComponent, "湖北省科协"].sorted())
    }

    @Test func errorsRefuseTheSealAndNothingIsWritten() throws {
        let folder = try TemporaryFolder()
        let unit = try #require(Repository.unitFolder(ofSample: "photo-problems"))
        let output = folder.url.appendingPathComponent("x.zip").path
        guard case .refused(let report) = try Sealer(checker: try checker()).seal(folder: unit.path, output: output)
        else {
            Issue.record("a bundle with errors was sealed")
            return
        }
        #expect(report.summary.errors > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    /// Issue #11 item 8: `kill -9` leaves the temporary file; the next seal into the folder removes it once its
    /// writer is known gone, and never one a running process may still be writing.
    @Test func theNextSealRemovesTemporaryFilesOfKilledRunsOnly() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let output = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let mine = PartialName.mine()
        func name(_ change: (inout PartialName) -> Void) -> String {
            var name = mine
            change(&name)
            return name.fileName
        }
        let gone = [
            // Its process has ended.
            AtomicOutput.temporaryName(pid: ended.processIdentifier),
            // Written by an earlier version, whose names carry no machine.
            ".dossier-\(ended.processIdentifier)-0BADF00D.partial",
            // Written in an earlier boot of this machine.
            name { $0.boot = "00000000" },
            // PID 1 runs, but started after this file last changed: its writer had the PID before.
            name { $0.pid = 1 },
        ]
        let kept = [
            // A running process started before its file last changed: it may be writing it.
            AtomicOutput.temporaryName(pid: getpid()),
            // Another machine's (a shared folder): its PID means nothing here.
            name {
                $0.host = "00000000"
                $0.pid = ended.processIdentifier
            },
            // Not ours.
            ".dossier-notes.partial",
        ]
        for file in gone + kept {
            try Data(count: 100).write(to: output.appendingPathComponent(file))
        }
        // The earlier boot's and PID 1's last changed in 2000; so did one of another boot that is still written to.
        let stillWritten = name { $0.boot = "11111111" }
        try Data(count: 100).write(to: output.appendingPathComponent(stillWritten))
        var old = [timespec(tv_sec: 946_684_800, tv_nsec: 0), timespec(tv_sec: 946_684_800, tv_nsec: 0)]
        for file in [gone[2], gone[3]] {
            #expect(utimensat(AT_FDCWD, output.appendingPathComponent(file).path, &old, 0) == 0)
        }
        _ = try seal(unit, to: output.appendingPathComponent("sealed.zip").path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        #expect(left == Set(kept + [stillWritten, "sealed.zip"]))
    }

    @Test func theZipIsNeverWrittenInsideTheInput() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        #expect(throws: SealError.self) { try seal(unit, to: unit.appendingPathComponent("x.zip").path) }
        #expect(!FileManager.default.fileExists(atPath: unit.appendingPathComponent("x.zip").path))
    }

    @Test func junkIsLeftOutAndTheBagIsLaidOutAsSection7() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        try Data("x".utf8).write(to: unit.appendingPathComponent(".DS_Store"))
        let (path, fingerprint) = try seal(unit, to: folder.url.appendingPathComponent("a.zip").path)
        let archive = try ZipArchive(RawPath(path))
        let names = archive.entries.map(\.name)
        #expect(names == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(!names.contains { $0.contains(".DS_Store") })
        for tag in [
            "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "report/report.json",
            "report/report.html",
        ] {
            #expect(names.contains("湖北省科协/\(tag)"), "\(tag)")
        }
        for entry in archive.entries {
            #expect(entry.flags & 0x0800 != 0)
            let stored = [".jpg", ".docx", ".xlsx", ".mp4", ".mov"].contains { entry.name.hasSuffix($0) }
            #expect(entry.method == (stored ? 0 : 8), "\(entry.name)")
        }
        let info = String(
            decoding: try archive.contents(
                try #require(archive.entries.first { $0.name.hasSuffix("bag-info.txt") }), limit: 1 << 20),
            as: UTF8.self)
        for field in [
            "Source-Organization: 湖北省科协", "Bagging-Date: 2021-06-18", "Payload-Oxum: ", "Bag-Software-Agent: dossier",
            "Campaign: zuimei-2021", "Rules-SHA256: ", "Unit-Type: ", "Candidate-Count: 1",
        ] {
            #expect(info.contains(field), "\(field)")
        }
        let tags = try archive.contents(
            try #require(archive.entries.first { $0.name.hasSuffix("tagmanifest-sha256.txt") }), limit: 1 << 20)
        #expect(Fingerprint(tagManifest: tags) == fingerprint)
        // The report, streamed into the zip, shows every photo and every video's poster, and its digest is the
        // tag manifest's.
        let page = try archive.contents(
            try #require(archive.entries.first { $0.name.hasSuffix("report/report.html") }), limit: 64 << 20)
        let html = String(decoding: page, as: UTF8.self)
        let pictures = names.filter { [".jpg", ".mp4", ".mov"].contains(where: $0.hasSuffix) }.count
        #expect(pictures >= 6)
        #expect(html.components(separatedBy: "src=\"data:image/jpeg;base64,/9j/").count - 1 == pictures)
        #expect(!html.contains("dossier-picture-"))
        #expect(String(decoding: tags, as: UTF8.self).contains("\(sha256Hex(page))  report/report.html"))
    }

    @Test func independentToolsAcceptTheZipAndTheBag() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let (path, _) = try seal(unit, to: folder.url.appendingPathComponent("sealed.zip").path)
        if let unzip = try external("unzip", ["-t", path]) {
            #expect(unzip.status == 0 && unzip.text.contains("No errors detected"))
        }
        if let sevenZip = try external("7z", ["t", path]) {
            #expect(sevenZip.status == 0 && sevenZip.text.contains("Everything is Ok"))
        }
        if let python = try external(
            "python3", ["-c", "import sys, zipfile; print('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))", path])
        {
            #expect(python.text.contains("湖北省科协/data/张三/张三1.jpg"))
        }
        let extracted = folder.url.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        if try external("unzip", ["-q", path, "-d", extracted.path])?.status == 0,
            let bagit = try external("bagit.py", ["--validate", extracted.appendingPathComponent("湖北省科协").path])
        {
            #expect(bagit.status == 0, "\(bagit.stderr)")
            #expect(bagit.stderr.contains("is valid"))
        }
    }

    /// Issue #12 item 2: names spelt with U+F90A (金) are compared as NFC but read, stored and listed in the
    /// manifest as they are on disk; the bag verifies, and bagit-python finds every file the manifest lists.
    @Test func namesThatAreNotNFCAreSealedAsTheyAreOnDisk() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        try NonNFCSample.make(from: unit)
        let (path, fingerprint) = try seal(unit, to: folder.url.appendingPathComponent("sealed.zip").path)
        let archive = try ZipArchive(RawPath(path))
        let stored = Array("湖北省科协/data/".utf8) + Array(NonNFCSample.onDisk.utf8) + [UInt8(ascii: "/")]
        let payload = archive.entries.filter { $0.rawName.starts(with: Array("湖北省科协/data/".utf8)) }
        #expect(payload.count == 10)
        #expect(payload.filter { $0.rawName.starts(with: stored) }.count == 7)
        #expect(!payload.contains { $0.rawName.starts(with: Array("湖北省科协/data/金明".utf8)) })
        let manifest = try archive.contents(
            try #require(archive.entries.first { $0.name.hasSuffix("/manifest-sha256.txt") }), limit: 1 << 20)
        #expect(manifest.firstRange(of: Array("  data/".utf8) + stored.dropFirst("湖北省科协/data/".utf8.count)) != nil)

        let report = SealVerifier(checker: try checker()).verify(path, fingerprint: fingerprint.description)
        #expect(report.summary.verdict == .pass && report.summary.errors == 0)
        #expect(Set(report.findings.map(\.rule)) == [.nameNoncanonical])
        let photo = try #require(report.findings.first { $0.path == "金明/金明2.jpg" })
        #expect(photo.candidate == "金明" && photo.severity == .notice && photo.message.contains("U+F90A"))
        #expect(report.files.first { $0.path == "金明/金明3.jpg" }?.jpeg?.orientation == 6)

        let extracted = folder.url.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        if try external("unzip", ["-q", path, "-d", extracted.path])?.status == 0,
            let bagit = try external("bagit.py", ["--validate", extracted.appendingPathComponent("湖北省科协").path])
        {
            #expect(bagit.status == 0 && bagit.stderr.contains("is valid"), "\(bagit.stderr)")
        }
    }

    /// Issue #12 item 3: a society's bundle of three (its quota is two) sealed with an approved quota carries the
    /// unit's type, quota and approval in bag-info.txt; the office's verify and check judge by them and show them,
    /// unless the office says otherwise.
    @Test func anApprovedQuotaTravelsInTheBag() throws {
        let folder = try TemporaryFolder()
        let unit = try SocietySample.make(in: folder)
        let approval = "科协调函〔2021〕8号"
        let plain = try checker().check(bundle: RawPath(unit.path), displayPath: unit.path)
        #expect(plain.findings.map(\.rule) == [.quotaExceeded])
        let approved = Checker(
            ruleSet: try ruleSet(), options: CheckOptions(asOf: "2021-06-18", quota: 3, approval: approval))
        guard
            case .sealed(let path, let fingerprint, _) = try Sealer(checker: approved).seal(
                folder: unit.path, output: folder.url.appendingPathComponent("sealed.zip").path)
        else {
            Issue.record("the bundle with its approved quota was not sealed")
            return
        }
        let archive = try ZipArchive(RawPath(path))
        let info = String(
            decoding: try archive.contents(
                try #require(archive.entries.first { $0.name == "中国化学会/bag-info.txt" }), limit: 1 << 16),
            as: UTF8.self)
        #expect(info.contains("Unit-Type: society\n"))
        #expect(info.contains("Quota: 3\n"))
        #expect(info.contains("Quota-Approval: \(approval)\n"))

        let expected = UnitInfo(name: "中国化学会", type: "society", quota: 3, approval: approval)
        let verified = SealVerifier(checker: try checker()).verify(path, fingerprint: fingerprint.description)
        #expect(verified.findings.isEmpty, "\(verified.findings.map(\.rule))")
        #expect(verified.unit == expected)
        let checked = ZipInput.check(path, checker: try checker())
        #expect(checked.summary.verdict == .pass && checked.unit == expected)

        // The office's own options win over the bag's.
        let office = Checker(
            ruleSet: try ruleSet(), options: CheckOptions(asOf: "2021-06-18", quota: 2, approval: "另文"))
        let overruled = SealVerifier(checker: office).verify(path, fingerprint: nil)
        #expect(overruled.findings.map(\.rule) == [.quotaExceeded])
        #expect(overruled.unit == UnitInfo(name: "中国化学会", type: "society", quota: 2, approval: "另文"))
        let retyped = Checker(ruleSet: try ruleSet(), options: CheckOptions(asOf: "2021-06-18", unitType: "province"))
        #expect(SealVerifier(checker: retyped).verify(path, fingerprint: nil).unit.type == "province")
    }

    @Test func anUntouchedZipVerifiesAndChecksAgain() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let (path, fingerprint) = try seal(unit, to: folder.url.appendingPathComponent("a.zip").path)
        let report = SealVerifier(checker: try checker()).verify(
            path, fingerprint: fingerprint.description.lowercased())
        #expect(report.findings.isEmpty, "\(report.findings.map(\.rule))")
        #expect(report.summary.verdict == .pass)
        #expect(report.seal?.fingerprint == fingerprint.description)
        #expect(report.seal?.matchesPaper == true)
        #expect(report.seal?.paperFingerprint == fingerprint.description.lowercased())
        let forged = SealVerifier(checker: try checker()).verify(path, fingerprint: "0000-0000-0000-0000-0000")
        #expect(forged.seal?.matchesPaper == false && forged.findings.map(\.rule) == [.sealFingerprintMismatch])
        let unasked = SealVerifier(checker: try checker()).verify(path, fingerprint: nil)
        #expect(unasked.seal == SealInfo(fingerprint: fingerprint.description))
        #expect(report.files.filter { $0.kind == .photo }.count == 4)
        #expect(report.files.first { $0.path == "张三/张三3.jpg" }?.jpeg?.orientation == 6)
        #expect(fingerprint.matches(fingerprint.sha256.prefix(20).lowercased()))
    }
}
