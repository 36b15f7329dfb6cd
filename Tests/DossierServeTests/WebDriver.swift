import Foundation

/// A small client of the W3C WebDriver protocol (HTTP and JSON, through `RawHTTP`: FoundationNetworking's
/// URLSession hung here on the session's answer), enough to drive chromedriver: a session, pages,
/// elements, clicks, typing, text and screenshots.
struct WebDriver {
    let base: URL
    let session: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    static func call(_ method: String, _ url: URL, _ body: [String: Any]? = nil) async throws -> Any? {
        let text =
            try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) } ?? ""
        // POST always carries a body (chromedriver wants `{}`), and goes through a plain HTTP client.
        let response = try await RawHTTP.send(
            port: url.port ?? 80, method: method == "GET" || method == "DELETE" ? method : "POST", target: url.path,
            body: method == "POST" ? (text.isEmpty ? "{}" : text) : "", contentType: "application/json")
        let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        let value = json?["value"]
        if let error = value as? [String: Any], let kind = error["error"] as? String {
            throw Failure(description: "\(kind): \(error["message"] ?? "")")
        }
        return value
    }

    /// A new headless Chromium session through the chromedriver at `base`; files it downloads go to `downloads`.
    static func start(base: URL, chromium: String, downloads: String? = nil) async throws -> WebDriver {
        var options: [String: Any] = [
            "binary": chromium,
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--lang=zh-CN",
            ],
        ]
        if let downloads {
            options["prefs"] = [
                "download.default_directory": downloads, "download.prompt_for_download": false,
                "download.directory_upgrade": true,
            ]
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options]]]
        let value = try await call("POST", base.appendingPathComponent("session"), capabilities) as? [String: Any]
        guard let session = value?["sessionId"] as? String else { throw Failure(description: "no session") }
        return WebDriver(base: base, session: session)
    }

    private var sessionURL: URL { base.appendingPathComponent("session/\(session)") }

    func open(_ url: String) async throws {
        _ = try await Self.call("POST", sessionURL.appendingPathComponent("url"), ["url": url])
    }

    var currentURL: String {
        get async throws { try await Self.call("GET", sessionURL.appendingPathComponent("url")) as? String ?? "" }
    }

    /// The element `css` selects, waiting up to `seconds` for it to appear.
    func element(_ css: String, seconds: Double = 30) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                let value =
                    try await Self.call(
                        "POST", sessionURL.appendingPathComponent("element"), ["using": "css selector", "value": css])
                    as? [String: Any]
                if let id = value?[Self.elementKey] as? String { return id }
            } catch let failure as Failure where failure.description.hasPrefix("no such element") {
                if Date() > deadline { throw Failure(description: "no element \(css) within \(seconds) s") }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The element whose link text is `text`.
    func link(_ text: String, seconds: Double = 30) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                let value =
                    try await Self.call(
                        "POST", sessionURL.appendingPathComponent("element"), ["using": "link text", "value": text])
                    as? [String: Any]
                if let id = value?[Self.elementKey] as? String { return id }
            } catch let failure as Failure where failure.description.hasPrefix("no such element") {
                if Date() > deadline { throw Failure(description: "no link \(text) within \(seconds) s") }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    func click(_ element: String) async throws {
        _ = try await Self.call("POST", sessionURL.appendingPathComponent("element/\(element)/click"), [:])
    }

    func type(_ element: String, _ text: String) async throws {
        _ = try await Self.call("POST", sessionURL.appendingPathComponent("element/\(element)/clear"), [:])
        _ = try await Self.call("POST", sessionURL.appendingPathComponent("element/\(element)/value"), ["text": text])
    }

    func text(_ element: String) async throws -> String {
        try await Self.call("GET", sessionURL.appendingPathComponent("element/\(element)/text")) as? String ?? ""
    }

    func attribute(_ element: String, _ name: String) async throws -> String {
        try await Self.call("GET", sessionURL.appendingPathComponent("element/\(element)/attribute/\(name)")) as? String
            ?? ""
    }

    var pageSource: String {
        get async throws { try await Self.call("GET", sessionURL.appendingPathComponent("source")) as? String ?? "" }
    }

    /// A PNG of the window.
    func screenshot() async throws -> Data {
        let text = try await Self.call("GET", sessionURL.appendingPathComponent("screenshot")) as? String ?? ""
        return Data(base64Encoded: text) ?? Data()
    }

    func quit() async { _ = try? await Self.call("DELETE", sessionURL) }
}
