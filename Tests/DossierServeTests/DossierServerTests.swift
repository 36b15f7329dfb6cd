import DossierTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The server as `dossier serve` runs it: Ctrl-C ends it cleanly (exit 0, the drop zone's working folder removed)
/// whenever it comes, during a seal or after one. A seal's own interrupt handling (which removes its half-written
/// zip, then ends the process) must neither replace the server's nor be left reset after the seal.
@Suite(
    .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: Repository.binary.path), "needs the built binary"))
struct DossierServerTests {
    /// `dossier serve` over a root holding a copy of the valid sample, with a temporary folder of its own.
    private final class Serving: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        let root: TemporaryFolder
        let temporary: TemporaryFolder
        let unit: URL
        var port = 0
        var key = ""

        init() throws {
            root = try TemporaryFolder()
            temporary = try TemporaryFolder()
            unit = try root.copy(ofSample: "valid")
            process.executableURL = Repository.binary
            process.arguments = ["serve", "--root", root.url.path, "--as-of", "2021-06-18"]
            process.environment = [
                "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": temporary.url.path, "TMPDIR": temporary.url.path,
            ]
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            let deadline = Date().addingTimeInterval(60)
            while !text.contains("key=") && Date() < deadline {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard let match = text.firstMatch(of: #/127\.0\.0\.1:(\d+)/\?key=(\w+)/#) else {
                throw RawHTTP.Failure(what: "no address: \(text)")
            }
            port = Int(match.1) ?? 0
            key = String(match.2)
        }

        var unitPath: String { unit.resolvingSymlinksInPath().path }

        /// Starts a seal of the unit; the job's page.
        func seal() async throws -> String {
            let response = try await RawHTTP.send(
                port: port, method: "POST", target: "/seal",
                headers: ["Cookie": "dossier_key_\(port)=\(key)", "Origin": "http://127.0.0.1:\(port)"],
                body: "token=\(key)&path=\(query(unitPath))")
            guard let location = response.header("Location") else {
                throw RawHTTP.Failure(what: "no job: \(response.status)")
            }
            return location
        }

        func page(_ location: String) async throws -> String {
            try await RawHTTP.send(port: port, target: location, headers: ["Cookie": "dossier_key_\(port)=\(key)"]).body
        }

        /// Whether the drop zone's working folder is there.
        var workingFolders: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary.url.path)) ?? []).filter {
                $0.hasPrefix("dossier-drop-")
            }
        }

        /// Ctrl-C; whether it ended by exiting with 0 within 30 s.
        func interrupt() -> Bool {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return process.terminationReason == .exit && process.terminationStatus == 0
        }
    }

    @Test func ctrlCAfterASealStillEndsTheServerCleanly() async throws {
        let serving = try Serving()
        #expect(serving.workingFolders.count == 1)
        let location = try await serving.seal()
        var sealed = false
        for _ in 0..<600 where !sealed {
            sealed = try await serving.page(location).contains("id=\"fingerprint\"")
            if !sealed { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(sealed)
        // The server still answers, then Ctrl-C ends it by its own stop: exit 0, the working folder removed.
        #expect(try await serving.page("/").contains("dossier"))
        #expect(serving.interrupt())
        #expect(serving.workingFolders.isEmpty)
    }

    @Test func ctrlCDuringASealCancelsItAndLeavesNoHalfZip() async throws {
        let serving = try Serving()
        _ = try await serving.seal()
        try await Task.sleep(for: .milliseconds(150))
        #expect(serving.interrupt())
        #expect(serving.workingFolders.isEmpty)
        // Either the seal was cancelled (no zip) or it had finished (a whole zip): never a partial file.
        let left = try FileManager.default.contentsOfDirectory(atPath: serving.root.url.path)
        #expect(!left.contains { $0.hasSuffix(".partial") || $0.hasPrefix(".dossier-") }, "\(left)")
    }
}
