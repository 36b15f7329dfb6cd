import DossierRules
import DossierTestSupport
import Foundation

@testable import DossierServe

/// A server started in this process on a free port, over `roots`; stopped when released.
final class ServerHarness: @unchecked Sendable {
    let server: DossierServer
    let task: Task<Void, any Error>
    let port: Int
    let secret: String

    private final class Started: @unchecked Sendable {
        let lock = NSLock()
        var url: URL?
    }

    init(roots: [String], archive: String? = nil, uploadLimit: Int = 2 << 30) async throws {
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let server = try DossierServer(
            settings: ServeSettings(
                roots: roots, archive: archive, ruleSet: ruleSet, asOf: "2021-06-18", uploadLimit: uploadLimit))
        let started = Started()
        task = Task {
            try await server.run(handleSignals: false) { url in started.lock.withLock { started.url = url } }
        }
        var url: URL?
        for _ in 0..<200 {
            url = started.lock.withLock { started.url }
            if url != nil { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let url, let port = url.port else { throw RawHTTP.Failure(what: "the server did not start") }
        self.server = server
        self.port = port
        secret = server.secret.value
    }

    /// The cookie that the secret buys.
    var cookie: String { "dossier_key_\(port)=\(secret)" }

    func get(_ target: String, cookie: Bool = true, host: String? = nil) async throws -> RawHTTP.Response {
        try await RawHTTP.send(port: port, target: target, host: host, headers: cookie ? ["Cookie": self.cookie] : [:])
    }

    func post(_ target: String, _ fields: [String: String], token: Bool = true, headers: [String: String] = [:])
        async throws -> RawHTTP.Response
    {
        var fields = fields
        if token { fields["token"] = secret }
        let body = fields.map { "\($0.key)=\(Query.encode($0.value))" }.joined(separator: "&")
        return try await RawHTTP.send(
            port: port, method: "POST", target: target, headers: headers.merging(["Cookie": cookie]) { a, _ in a },
            body: body)
    }

    /// Waits for job `id` to finish, then gives its page.
    func finishedJob(_ location: String) async throws -> RawHTTP.Response {
        let id = String(location.split(separator: "/").last?.split(separator: "?").first ?? "")
        for _ in 0..<1200 {
            if server.runner.job(id)?.outcome != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await get("/jobs/\(id)")
    }

    deinit {
        task.cancel()
        // The working folder goes with the harness even when the process ends before the server's own stop.
        server.dropZone.removeAll()
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
