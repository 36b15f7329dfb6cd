import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// The drop zone copies dragged files into a private working folder, within its limit, and nothing outside it.
@Suite(.serialized) struct DropZoneTests {
    private func drop(
        _ harness: ServerHarness, batch: String, name: String, bytes: [UInt8], token: Bool = true
    ) async throws -> RawHTTP.Response {
        var headers = ["Cookie": harness.cookie, "Origin": "http://127.0.0.1:\(harness.port)"]
        if token { headers["X-Dossier-Token"] = harness.secret }
        return try await RawHTTP.send(
            port: harness.port, method: "POST", target: "/drop?batch=\(batch)&name=\(Query.encode(name))",
            headers: headers, contentType: "application/octet-stream", bytes: bytes)
    }

    @Test func aDroppedFolderIsCopiedThenCheckedAndRemovedAtStop() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        let working = try #require(harness.server.dropZone.folder)
        let unit = try #require(Repository.unitFolder(ofSample: "valid"))
        let walker = try #require(FileManager.default.enumerator(atPath: unit.path))
        var folder = ""
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: unit.appendingPathComponent(relative).path, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            let bytes = try [UInt8](Data(contentsOf: unit.appendingPathComponent(relative)))
            let answer = try await drop(harness, batch: "0123456789abcdef", name: "湖北省科协/" + relative, bytes: bytes)
            #expect(answer.status == 200, "\(relative): \(answer.body)")
            folder =
                (try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])?["folder"]
                as? String ?? ""
        }
        #expect(folder == working + "/0123456789abcdef")
        let started = try await harness.post("/check", ["path": folder + "/湖北省科协"])
        let page = try await harness.finishedJob(try #require(started.header("Location")))
        #expect(page.body.contains("id=\"seal\""))
        await harness.stop()
        #expect(!FileManager.default.fileExists(atPath: working))
    }

    @Test func badNamesOversizeAndMissingTokensAreRefused() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path], uploadLimit: 1000)
        defer { Task { await harness.stop() } }
        for name in ["../x.jpg", "a/../../x", "/etc/x", ".hidden", "a//b", "a/./b"] {
            #expect(try await drop(harness, batch: "00112233", name: name, bytes: [1]).status == 400, "\(name)")
        }
        #expect(try await drop(harness, batch: "../x", name: "a.zip", bytes: [1]).status == 400)
        #expect(try await drop(harness, batch: "00112233", name: "a.zip", bytes: [1], token: false).status == 403)
        #expect(
            try await drop(harness, batch: "00112233", name: "a.zip", bytes: [UInt8](repeating: 0, count: 600)).status
                == 200)
        #expect(try await drop(harness, batch: "00112233", name: "a.zip", bytes: [1]).status == 400)
        let over = try await drop(harness, batch: "00112233", name: "b.zip", bytes: [UInt8](repeating: 0, count: 600))
        #expect(over.status == 413)
        let working = try #require(harness.server.dropZone.folder)
        #expect(!FileManager.default.fileExists(atPath: working + "/00112233/b.zip"))
        #expect(!FileManager.default.fileExists(atPath: place.url.path + "/x.jpg"))
    }
}

/// 收件 with `--archive`: a folder taken in, its verdict, and the office's ledger page.
@Suite(.serialized) struct IntakePageTests {
    @Test func aFolderIsTakenInAndTheLedgerShowsIt() async throws {
        let place = try TemporaryFolder()
        _ = try place.copy(ofSample: "valid")
        let archive = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path], archive: archive.url.path + "/收件库")
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        let form = try await harness.get("/intake")
        #expect(form.status == 200)
        // The root holds a unit's folder: it is offered, with how many bundles, to take in with one button.
        #expect(form.body.contains("id=\"place-0\"") && form.body.contains("文件夹（1 份材料）"))
        #expect(form.body.contains("name=\"path\" value=\"\(base)\""))
        // The folder browser offers it too, where it holds a bundle.
        #expect(try await harness.get("/browse?path=" + Query.encode(base)).body.contains("id=\"take-in-here\""))
        let started = try await harness.post("/intake", ["path": base])
        let page = try await harness.finishedJob(try #require(started.header("Location")))
        #expect(page.body.contains("湖北省科协"))
        #expect(page.body.contains("id=\"taken-0\"") && page.body.contains("<span class=\"verdict pass\">通过</span>"))
        #expect(page.body.contains("没有跨单位问题"))
        #expect(page.body.contains("id=\"ledger\""))
        let ledger = try await harness.get("/ledger")
        #expect(ledger.status == 200)
        #expect(ledger.body.contains("湖北省科协"))
        #expect(FileManager.default.fileExists(atPath: archive.url.path + "/收件库/ledger.sqlite"))
    }

    @Test func withoutAnArchiveThereIsNoIntake() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        #expect(try await harness.get("/intake").status == 404)
        _ = try place.copy(ofSample: "valid")
        let base = try #require(harness.server.allowedRoots.first)
        #expect(try await !harness.get("/browse?path=" + Query.encode(base)).body.contains("take-in-here"))
        #expect(try await harness.get("/ledger").status == 404)
        #expect(try await harness.post("/intake", ["path": place.url.path]).status == 404)
    }
}
