import DossierCore
import Foundation
import Hummingbird
import NIOCore

/// The port the server listens on, known once it runs (a free port is picked at start).
final class ListeningPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0

    var value: Int {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}

/// Every request passes here first (one middleware, not a check per route):
/// - its Host must be this server's own (`127.0.0.1:PORT` or `localhost:PORT`): a page elsewhere that rebinds a
///   name of its own to 127.0.0.1 (DNS rebinding) is refused;
/// - it must carry the secret: once in the printed address (`?key=…`, then moved into a cookie and out of the
///   address), in the cookie after that;
/// - a request that changes anything is a POST from this server's own pages (Origin, Sec-Fetch-Site) that carries
///   the secret again in its form (`token`) or in `X-Dossier-Token`.
/// Anything else gets 403; methods other than GET, HEAD and POST get 405.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    let secret: ServerSecret
    let port: ListeningPort
    let renderer: PageRenderer

    /// The cookie's name carries the port: two servers on one machine keep their own.
    static func cookieName(port: Int) -> String { "dossier_key_\(port)" }

    /// The largest form body read (forms carry paths and names only).
    static var formLimit: Int { 64 << 10 }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let port = port.value
        guard let host = request.head.authority, host == "127.0.0.1:\(port)" || host == "localhost:\(port)" else {
            return refuse(ServeWords.foreignHost)
        }
        let cookie = Self.cookieName(port: port)
        let query = Query.fields(request.uri.query ?? "")
        if let key = query["key"] {
            guard request.method == .get, secret.matches(key) else { return refuseSecret() }
            var rest = query
            rest["key"] = nil
            let target =
                request.uri.path
                + (rest.isEmpty
                    ? ""
                    : "?"
                        + rest.sorted { $0.key < $1.key }.map { "\($0.key)=\(Query.encode($0.value))" }
                        .joined(separator: "&"))
            var response = Reply.redirect(target)
            response.setCookie(
                Cookie(name: cookie, value: secret.value, path: "/", secure: false, httpOnly: true, sameSite: .strict))
            return response
        }
        guard secret.matches(request.cookies[cookie]?.value) else { return refuseSecret() }
        switch request.method {
        case .get, .head:
            return try await next(request, context)
        case .post:
            if let origin = request.headers[.origin], origin != "http://\(host)" { return refuseOrigin() }
            if let site = request.headers[FieldName("Sec-Fetch-Site")!], site != "same-origin" {
                return refuseOrigin()
            }
            if let token = request.headers[FieldName("X-Dossier-Token")!] {
                guard secret.matches(token) else { return refuseOrigin() }
                return try await next(request, context)
            }
            var request = request
            let body = try? await request.collectBody(upTo: Self.formLimit)
            guard let body else {
                return Reply.refusal(.contentTooLarge, ServeWords.tooLarge, renderer: renderer)
            }
            let fields = Query.fields(String(buffer: body))
            guard secret.matches(fields["token"]) else { return refuseOrigin() }
            return try await next(request, context)
        default:
            return Reply.refusal(.methodNotAllowed, ServeWords.badMethod, renderer: renderer)
        }
    }

    private func refuse(_ words: LocalizedText) -> Response {
        Reply.refusal(.forbidden, words, renderer: renderer)
    }

    private func refuseSecret() -> Response { refuse(ServeWords.noSecret) }

    private func refuseOrigin() -> Response { refuse(ServeWords.foreignOrigin) }
}
