import DossierTestSupport
import Foundation
import Testing

@testable import DossierServe

/// The security promises of issue 14 and SPEC §8: loopback only, the secret, the Host, same-origin POSTs.
@Suite(.serialized) struct RequestGuardTests {
    @Test func withoutTheSecretEveryPageIsRefused() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        for target in ["/", "/browse", "/verify", "/new", "/jobs/x", "/lang?to=en&back=/"] {
            #expect(try await harness.get(target, cookie: false).status == 403, "\(target)")
        }
        #expect(try await harness.get("/?key=" + String(repeating: "0", count: 64), cookie: false).status == 403)
        let wrongCookie = try await RawHTTP.send(
            port: harness.port, target: "/", headers: ["Cookie": "dossier_key_\(harness.port)=nope"])
        #expect(wrongCookie.status == 403)
        #expect(try await harness.get("/").status == 200)
    }

    @Test func theSecretInTheAddressBecomesACookieAndLeavesTheAddress() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        let response = try await harness.get("/browse?key=\(harness.secret)&path=/x", cookie: false)
        #expect(response.status == 303)
        #expect(response.header("Location") == "/browse?path=/x")
        let cookie = try #require(response.header("Set-Cookie"))
        #expect(cookie.hasPrefix("dossier_key_\(harness.port)=\(harness.secret)"))
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.lowercased().contains("samesite=strict"))
    }

    @Test func aForeignHostIsRefusedEvenWithTheSecret() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        for host in [
            "evil.example:\(harness.port)", "127.0.0.1", "127.0.0.1:1", "localhost.evil.example:\(harness.port)",
        ] {
            #expect(try await harness.get("/", host: host).status == 403, "\(host)")
        }
        #expect(try await harness.get("/", host: "localhost:\(harness.port)").status == 200)
    }

    @Test func aPostMustComeFromTheServersOwnPagesWithTheToken() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        #expect(try await harness.post("/new", ["in": place.url.path, "unit": "甲"], token: false).status == 403)
        #expect(
            try await harness.post(
                "/new", ["in": place.url.path, "unit": "乙"], headers: ["Origin": "http://evil.example"]
            ).status == 403)
        #expect(
            try await harness.post(
                "/new", ["in": place.url.path, "unit": "丙"], headers: ["Sec-Fetch-Site": "cross-site"]
            ).status == 403)
        #expect(!FileManager.default.fileExists(atPath: place.url.appendingPathComponent("甲").path))
        let made = try await harness.post(
            "/new", ["in": place.url.path, "unit": "丁"], headers: ["Origin": "http://127.0.0.1:\(harness.port)"])
        #expect(made.status == 200)
        #expect(FileManager.default.fileExists(atPath: place.url.appendingPathComponent("丁").path))
        let other = try await RawHTTP.send(
            port: harness.port, method: "DELETE", target: "/", headers: ["Cookie": harness.cookie])
        #expect(other.status == 405)
    }

    @Test func theServerListensOnLoopbackOnly() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        // /proc/net/tcp lists listening sockets (state 0A) as hex address:port; 0100007F is 127.0.0.1.
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let port = String(format: "%04X", harness.port)
        let listening = table.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let columns = line.split(separator: " ")
            guard columns.count > 3, columns[3] == "0A", columns[1].hasSuffix(":" + port) else { return nil }
            return String(columns[1])
        }
        #expect(listening == ["0100007F:" + port])
        let six = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
        #expect(
            !six.split(separator: "\n").contains {
                $0.split(separator: " ").dropFirst().first?.hasSuffix(":" + port) == true
            })
    }

    @Test func theLanguageSwitchGoesBackOnlyToThisServer() async throws {
        let place = try TemporaryFolder()
        let harness = try await ServerHarness(roots: [place.url.path])
        defer { Task { await harness.stop() } }
        let switched = try await harness.get("/lang?to=en&back=%2Fbrowse")
        #expect(switched.status == 303)
        #expect(switched.header("Location") == "/browse")
        #expect(switched.header("Set-Cookie")?.hasPrefix("dossier_lang=en") == true)
        for back in ["//evil.example/", "http://evil.example/", "%5C%5Cevil"] {
            #expect(try await harness.get("/lang?to=en&back=\(back)").header("Location") == "/", "\(back)")
        }
        let english = try await RawHTTP.send(
            port: harness.port, target: "/", headers: ["Cookie": harness.cookie + "; dossier_lang=en"])
        #expect(english.body.contains("Choose your folder"))
        #expect(try await harness.get("/").body.contains("选择材料"))
    }
}
