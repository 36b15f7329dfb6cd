import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// A job's page and what it offers: cancelling the work while it runs, and the files its findings name, in ranges
/// as a browser asks for them to play and seek a video.
@Suite(.serialized) struct JobRoutesTests {
    @Test func cancelStopsTheRunningJobAndSaysSo() async throws {
        let root = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let started = harness.server.runner.start(kind: .seal, subject: root.url.path, language: .zh) { job in
            while !job.cancellation.isCancelled { usleep(10_000) }
            return .failed("not cancelled")
        }
        guard case .started(let job) = started else {
            Issue.record("another job is running")
            return
        }
        let running = try await harness.get("/jobs/\(job.id)")
        #expect(running.body.contains("id=\"cancel\""))
        #expect(running.body.contains("action=\"/jobs/\(job.id)/cancel\""))
        // A form from elsewhere (without the token) is refused, and the job goes on.
        #expect(try await harness.post("/jobs/\(job.id)/cancel", [:], token: false).status == 403)
        #expect(
            try await harness.post("/jobs/\(job.id)/cancel", [:], headers: ["Origin": "http://evil.example"]).status
                == 403)
        #expect(job.outcome == nil)
        let cancelled = try await harness.post("/jobs/\(job.id)/cancel", [:])
        #expect(cancelled.status == 303)
        #expect(cancelled.header("Location") == "/jobs/\(job.id)")
        let page = try await harness.finishedJob("/jobs/\(job.id)")
        #expect(page.body.contains(ServeWords.cancelledByUser.zh))
        #expect(page.body.contains("id=\"check-again\""))
        #expect(!page.body.contains("id=\"cancel\""))
        // Once ended there is nothing to cancel: the page stays as it was.
        #expect(try await harness.post("/jobs/\(job.id)/cancel", [:]).status == 303)
        #expect(try await harness.get("/jobs/\(job.id)").body.contains(ServeWords.cancelledByUser.zh))
        #expect(try await harness.post("/jobs/no-such-job/cancel", [:]).status == 404)
        // The runner is free again.
        #expect(harness.server.runner.current == nil)
    }

    @Test func aCancelledSealLeavesNoZipBehind() async throws {
        let root = try TemporaryFolder()
        let unit = try root.copy(ofSample: "valid")
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        let started = try await harness.post("/seal", ["path": base + "/" + unit.lastPathComponent])
        let location = try #require(started.header("Location"))
        #expect(try await harness.post(location + "/cancel", [:]).status == 303)
        let page = try await harness.finishedJob(location)
        let id = String(location.split(separator: "/").last ?? "")
        let outcome = try #require(harness.server.runner.job(id)?.outcome)
        let left = try FileManager.default.contentsOfDirectory(atPath: root.url.path)
        if case .cancelled = outcome {
            #expect(page.body.contains(ServeWords.cancelledByUser.zh))
            #expect(left == [unit.lastPathComponent], "left behind: \(left)")
        } else {
            // The seal was done before the cancel arrived: then its zip is whole.
            #expect(left.contains { $0.hasSuffix(".zip") } && !left.contains { $0.hasSuffix(".partial") })
        }
    }

    /// The link to a photo a finding of `sample` names, after checking it through the server.
    private func checkedFile(_ harness: ServerHarness, unit: URL) async throws -> String {
        let base = try #require(harness.server.allowedRoots.first)
        let started = try await harness.post("/check", ["path": base + "/" + unit.lastPathComponent])
        let page = try await harness.finishedJob(try #require(started.header("Location")))
        let link = try #require(
            page.body.firstMatch(of: #/href="(/jobs/[0-9a-f-]+/file\?b=0&amp;p=[^"]+)"/#).map { String($0.1) })
        return link.replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func aFileIsServedInTheRangesABrowserAsksFor() async throws {
        let root = try TemporaryFolder()
        let unit = try root.copy(ofSample: "photo-problems")
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let target = try await checkedFile(harness, unit: unit)
        let named = String(target.split(separator: "=").last ?? "").removingPercentEncoding ?? ""
        let bytes = try [UInt8](Data(contentsOf: unit.appendingPathComponent(named)))
        let size = bytes.count
        #expect(size > 1000)
        let range = { (header: String) in
            try await RawHTTP.send(
                port: harness.port, target: target, headers: ["Cookie": harness.cookie, "Range": header])
        }
        let whole = try await harness.get(target)
        #expect(whole.status == 200)
        #expect(whole.header("Accept-Ranges") == "bytes")
        #expect(whole.bytes == bytes)
        let first = try await range("bytes=0-99")
        #expect(first.status == 206)
        #expect(first.header("Content-Range") == "bytes 0-99/\(size)")
        #expect(first.header("Content-Length") == "100")
        #expect(first.bytes == Array(bytes[0..<100]))
        let rest = try await range("bytes=1000-")
        #expect(rest.status == 206)
        #expect(rest.header("Content-Range") == "bytes 1000-\(size - 1)/\(size)")
        #expect(rest.bytes == Array(bytes[1000...]))
        let tail = try await range("bytes=-10")
        #expect(tail.status == 206)
        #expect(tail.bytes == Array(bytes[(size - 10)...]))
        let beyond = try await range("bytes=\(size)-")
        #expect(beyond.status == 416)
        #expect(beyond.header("Content-Range") == "bytes */\(size)")
        #expect(beyond.bytes.count < 200)
        // Several ranges, or a range with a validator the route does not give: the whole file.
        #expect(try await range("bytes=0-1,5-6").bytes == bytes)
        let validated = try await RawHTTP.send(
            port: harness.port, target: target,
            headers: ["Cookie": harness.cookie, "Range": "bytes=0-9", "If-Range": "\"x\""])
        #expect(validated.status == 200 && validated.bytes == bytes)
        // Without the secret, no byte of it.
        let refused = try await RawHTTP.send(port: harness.port, target: target, headers: ["Range": "bytes=0-9"])
        #expect(refused.status == 403)
    }

    @Test func aRangeIsNeverReadThroughASymlinkNorOutsideTheBundle() async throws {
        let root = try TemporaryFolder()
        let unit = try root.copy(ofSample: "photo-problems")
        let outside = try TemporaryFolder()
        let secret = outside.url.appendingPathComponent("private.jpg")
        try Data(repeating: 0x41, count: 4096).write(to: secret)
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let target = try await checkedFile(harness, unit: unit)
        let id = String(target.split(separator: "/")[1])
        for bad in ["../../\(outside.url.lastPathComponent)/private.jpg", "/etc/passwd", "nothing.jpg"] {
            let response = try await RawHTTP.send(
                port: harness.port, target: "/jobs/\(id)/file?b=0&p=\(Query.encode(bad))",
                headers: ["Cookie": harness.cookie, "Range": "bytes=0-9"])
            #expect(response.status == 404, "\(bad)")
        }
        let named = String(target.split(separator: "=").last ?? "").removingPercentEncoding ?? ""
        let onDisk = unit.appendingPathComponent(named)
        try FileManager.default.removeItem(at: onDisk)
        try FileManager.default.createSymbolicLink(atPath: onDisk.path, withDestinationPath: secret.path)
        let swapped = try await RawHTTP.send(
            port: harness.port, target: target, headers: ["Cookie": harness.cookie, "Range": "bytes=0-9"])
        #expect(swapped.status == 404)
        #expect(!swapped.body.contains("AAAA"))
    }

    /// 新建, then 检查 of the folder as made: it fails for want of candidates (no seal offered), and its blank form
    /// and guide are templates, not unknown files.
    @Test func aNewFolderCheckedAsMadeIsNotOfferedForSealing() async throws {
        let root = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        #expect(try await harness.post("/new", ["in": base, "unit": "湖北省科协"]).status == 200)
        let checked = try await harness.finishedJob(
            try #require(try await harness.post("/check", ["path": base + "/湖北省科协"]).header("Location")))
        #expect(checked.body.contains("LAYOUT-NO-CANDIDATE"))
        #expect(!checked.body.contains("LAYOUT-UNKNOWN-FILE"))
        #expect(!checked.body.contains("id=\"seal-form\""))
    }

    /// A unit the registry does not know: its type is picked on the page (the command line's `--unit-type`), and
    /// the check, the check again and the seal are judged by it.
    @Test func theTypeOfAnUnknownUnitIsPickedOnThePage() async throws {
        let root = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        // A new folder (新建) of a unit the registry does not have.
        let base = try #require(harness.server.allowedRoots.first)
        #expect(try await harness.post("/new", ["in": base, "unit": "深圳市科协"]).status == 200)
        let path = base + "/深圳市科协"
        let first = try await harness.finishedJob(
            try #require(try await harness.post("/check", ["path": path]).header("Location")))
        #expect(first.body.contains("QUOTA-UNIT-UNKNOWN"))
        #expect(first.body.contains("id=\"unit-type\""))
        // The type the name suggests is chosen already.
        #expect(first.body.contains("<option value=\"province\" selected>"))
        let typed = try await harness.finishedJob(
            try #require(
                try await harness.post("/check", ["path": path, "unitType": "society"]).header("Location")))
        #expect(!typed.body.contains("QUOTA-UNIT-UNKNOWN"))
        #expect(!typed.body.contains("id=\"unit-type\""))
        // Check again and seal carry the type.
        #expect(typed.body.contains("name=\"unitType\" value=\"society\""))
        // A type the rule set does not have is not taken.
        let bogus = try await harness.finishedJob(
            try #require(try await harness.post("/check", ["path": path, "unitType": "bogus"]).header("Location")))
        #expect(bogus.body.contains("QUOTA-UNIT-UNKNOWN"))
    }

    /// 逐帧检查视频: the check page's checkbox gives the library `--deep`'s option: a clip damaged halfway is found
    /// (VIDEO-CORRUPT at a time) only when it is ticked, and checking again keeps it.
    @Test func theDeepCheckboxDecodesEveryVideoFrameAsTheCommandLineDoes() async throws {
        let root = try TemporaryFolder()
        let unit = try root.copy(ofSample: "valid")
        let video = unit.appendingPathComponent("张三/张三1.mp4")
        try Data(try HostileVideo.damagedMiddle.make(from: Array(try Data(contentsOf: video)))).write(to: video)
        let harness = try await ServerHarness(roots: [root.url.path])
        defer { Task { await harness.stop() } }
        let base = try #require(harness.server.allowedRoots.first)
        let path = base + "/" + unit.lastPathComponent
        // The unit's folder offers the choice, not ticked.
        let browse = try await harness.get("/browse?path=" + Query.encode(path))
        #expect(browse.body.contains("name=\"deep\" id=\"deep\" value=\"1\"> \(ServeWords.deepVideos.zh)"))
        let plain = try await harness.finishedJob(
            try #require(try await harness.post("/check", ["path": path]).header("Location")))
        #expect(plain.body.contains("id=\"recheck\"") && !plain.body.contains("逐帧解码时"))
        #expect(!plain.body.contains("value=\"1\" checked>"))
        let started = try await harness.post("/check", ["path": path, "deep": "1"])
        let location = try #require(started.header("Location"))
        let deep = try await harness.finishedJob(location)
        #expect(deep.body.contains("逐帧解码时"), "no VIDEO-CORRUPT from decoding every frame")
        let job = try #require(harness.server.runner.job(String(location.split(separator: "/").last ?? "")))
        #expect(job.details["deep"] == "1")
        // Check again keeps the box ticked; the options the library is given are the command line's `--deep`.
        #expect(deep.body.contains("name=\"deep\" id=\"deep\" value=\"1\" checked> \(ServeWords.deepVideos.zh)"))
        #expect(harness.server.library.options(.zh, deep: job.details["deep"] == "1").deep)
        #expect(!harness.server.library.options(.zh).deep)
        // Anything but "1" is not the option.
        #expect(DossierServer.deep(["deep": "yes"]) == "" && DossierServer.deep(["deep": "1"]) == "1")
    }
}
