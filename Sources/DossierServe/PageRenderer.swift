import DossierCore
import Foundation
import Hummingbird
import Mustache

/// Compiles the page templates once per language and wraps pages in the layout.
struct PageRenderer: Sendable {
    private let libraries: [Language: MustacheLibrary]

    static let names: [(String, String)] =
        [
            ("layout", PageTemplates.layout), ("home", PageTemplates.home), ("browse", PageTemplates.browse),
            ("running", PageTemplates.running), ("checked", PageTemplates.checked), ("sealed", PageTemplates.sealed),
            ("refused", PageTemplates.refused), ("paper", PageTemplates.paper),
            ("verifyForm", PageTemplates.verifyForm),
            ("verified", PageTemplates.verified), ("newForm", PageTemplates.newForm), ("made", PageTemplates.made),
            ("intakeForm", PageTemplates.intakeForm), ("intakeDone", PageTemplates.intakeDone),
            ("failed", PageTemplates.failed), ("refusal", PageTemplates.refusal),
        ] + LedgerTemplates.names

    init() throws {
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            for (name, text) in Self.names {
                try library.register(Self.pick(text, language), named: name)
            }
            libraries[language] = library
        }
        self.libraries = libraries
    }

    /// `text` with every `[[中文|English]]` replaced by the words of `language`.
    static func pick(_ text: String, _ language: Language) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[[") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "]]"),
                let bar = rest[open.upperBound..<close.lowerBound].firstIndex(of: "|")
            else {
                result += rest[open.lowerBound...]
                return result
            }
            let words = LocalizedText(
                zh: String(rest[open.upperBound..<bar]), en: String(rest[rest.index(after: bar)..<close.lowerBound]))
            result += words.text(language)
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// One template rendered with `values`.
    func render(_ name: String, _ values: [String: Any], language: Language) -> String {
        libraries[language]?.render(values, withTemplate: name) ?? ""
    }

    /// A whole page: `content` (HTML this module made) inside the layout.
    func page(
        title: String, content: String, language: Language, back: String, archive: Bool, error: String? = nil,
        refresh: Bool = false
    ) -> String {
        var values: [String: Any] = [
            "htmlLang": ServeWords.htmlLanguage.text(language), "title": title, "content": content,
            "reportStyle": LibraryAdapter.reportStyle, "pageStyle": PageTemplates.pageStyle,
            "otherLang": ServeWords.otherLanguage.text(language), "back": Query.encode(back), "archive": archive,
            "refresh": refresh,
        ]
        if let error { values["error"] = error }
        return render("layout", values, language: language)
    }
}

/// Responses every route builds the same way.
enum Reply {
    /// Headers that keep pages private: never cached, never framed, nothing loaded from elsewhere. The referrer
    /// policy is `same-origin`, not `no-referrer`: with the latter a browser sends `Origin: null` on the pages' own
    /// POSTs, and `RequestGuard` refuses them.
    static func privateHeaders(_ contentType: String) -> HTTPFields {
        [
            .contentType: contentType, .cacheControl: "no-store",
            FieldName("X-Frame-Options")!: "DENY", FieldName("X-Content-Type-Options")!: "nosniff",
            FieldName("Referrer-Policy")!: "same-origin",
            FieldName("Content-Security-Policy")!:
                "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; "
                + "media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ]
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: privateHeaders("text/html; charset=utf-8"),
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A small JSON answer (the drop zone's).
    static func json(_ value: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: privateHeaders("application/json"),
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 303 to `location` (a path on this server).
    static func redirect(_ location: String) -> Response {
        var headers = privateHeaders("text/plain; charset=utf-8")
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// A refusal in both languages, without the menu or anything else of the server's.
    static func refusal(_ status: HTTPResponse.Status, _ words: LocalizedText, renderer: PageRenderer) -> Response {
        html(
            renderer.render(
                "refusal", ["status": "\(status.code) \(status.reasonPhrase)", "zh": words.zh, "en": words.en],
                language: .zh),
            status: status)
    }
}

/// Query strings and form bodies (`application/x-www-form-urlencoded`).
enum Query {
    /// `text` percent-encoded for a query value.
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The fields of a form body or query string; a malformed escape makes the field absent.
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : "") else { continue }
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }
}

/// A header's name (HTTPTypes' `HTTPField.Name`, reached through the `HTTPFields` Hummingbird exports).
typealias FieldName = HTTPFields.Element.Name
