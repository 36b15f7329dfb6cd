import DossierCore
import Foundation
import Hummingbird
import Logging
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// `dossier serve`: the library as a local web app on 127.0.0.1, for people who do not use a terminal.
/// Pages by area live in the `…Routes.swift` files; security (Host, secret, same-origin POST) is `RequestGuard`.
public final class DossierServer: Sendable {
    public let settings: ServeSettings
    public let secret: ServerSecret
    let roots: AllowedRoots
    let library: LibraryAdapter
    let renderer: PageRenderer
    let runner = JobRunner()
    let port = ListeningPort()
    let stopping = StopFlag()
    let dropZone: DropZone
    let recheckRun = LedgerRecheckRun()

    public init(settings: ServeSettings, secret: ServerSecret = ServerSecret()) throws {
        self.settings = settings
        self.secret = secret
        dropZone = DropZone(limit: settings.uploadLimit)
        // The drop zone's working folder is browsed and checked like any other root.
        roots = AllowedRoots(settings.roots + [dropZone.folder].compactMap { $0 })
        library = LibraryAdapter(ruleSet: settings.ruleSet, asOf: settings.asOf)
        renderer = try PageRenderer()
    }

    /// The folders the pages may show, as they were resolved at start.
    public var allowedRoots: [String] { roots.roots.filter { $0 != dropZone.folder } }

    /// Listens on 127.0.0.1 (at `settings.port`, or a free port), tells `onStart` the address with the secret,
    /// and serves until SIGINT or SIGTERM (or until the task is cancelled). Then work in progress is cancelled and
    /// the drop zone's copies are removed.
    public func run(handleSignals: Bool = true, onStart: @escaping @Sendable (URL) -> Void) async throws {
        let router = Router()
        router.add(middleware: RequestGuard(secret: secret, port: port, renderer: renderer))
        addRoutes(to: router)
        var logger = Logger(label: "dossier.serve")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: settings.port)),
            onServerRunning: { [port, secret] channel in
                let bound = channel.localAddress?.port ?? 0
                port.value = bound
                onStart(URL(string: "http://127.0.0.1:\(bound)/?key=\(secret.value)")!)
            },
            logger: logger)
        var signalSources: [any DispatchSourceSignal] = []
        if handleSignals {
            // Ctrl-C during or after a seal must still reach the server (which cancels the seal, and the seal
            // removes its temporary file), never end the process from a seal's own handler.
            LibraryAdapter.leaveSignalsToCaller()
            // Told first, beside the service group's own handling: open progress streams end, jobs are cancelled.
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number)
                source.setEventHandler { [stopping] in stopping.stop() }
                source.resume()
                signalSources.append(source)
            }
        }
        defer {
            for source in signalSources { source.cancel() }
            stopping.stop()
            runner.cancelAll(timeout: 10)
            recheckRun.stop(timeout: 10)
            dropZone.removeAll()
        }
        if handleSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }
}

/// Set when the server is asked to stop.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    var isStopped: Bool { lock.withLock { stopped } }
    func stop() { lock.withLock { stopped = true } }
}

extension DossierServer {
    /// The language of the request: the switch's cookie, else the server's.
    func language(_ request: Request) -> Language {
        request.cookies["dossier_lang"].flatMap { Language(rawValue: $0.value) } ?? settings.language
    }

    /// The query's fields.
    func query(_ request: Request) -> [String: String] { Query.fields(request.uri.query ?? "") }

    /// The form's fields (the guard has already read the body, within its limit).
    func form(_ request: Request) async -> [String: String] {
        var request = request
        guard let body = try? await request.collectBody(upTo: RequestGuard<BasicRequestContext>.formLimit) else {
            return [:]
        }
        return Query.fields(String(buffer: body))
    }

    /// The address of the page, to come back to after switching language.
    func back(_ request: Request) -> String {
        request.method == .get ? request.uri.string : "/"
    }

    /// A page in the request's language.
    func page(
        _ request: Request, title: LocalizedText, template: String, values: [String: Any],
        error: String? = nil, status: HTTPResponse.Status = .ok, refresh: Bool = false
    ) -> Response {
        let language = language(request)
        var values = values
        values["token"] = secret.value
        values["archive"] = settings.archive != nil
        // The check forms' choice of `--deep`.
        values["deepLabel"] = ServeWords.deepVideos.text(language)
        let content = renderer.render(template, values, language: language)
        let text = renderer.page(
            title: title.text(language), content: content, language: language, back: back(request),
            archive: settings.archive != nil, error: error, refresh: refresh)
        return Reply.html(text, status: status)
    }

    /// 404 in both languages.
    func notFound() -> Response {
        Reply.refusal(.notFound, ServeWords.notFound, renderer: renderer)
    }

    /// Why a path given in a request was not taken, in words a clerk can act on.
    func refusalText(_ refusal: AllowedRoots.Refusal, language: Language) -> String {
        switch refusal {
        case .outside: ServeWords.outside.text(language)
        case .symlink: ServeWords.symlink.text(language)
        case .missing: ServeWords.missing.text(language)
        }
    }

    /// The answer's status for a path refused by the roots: forbidden outside them, else not found.
    func refusalStatus(_ refusal: AllowedRoots.Refusal) -> HTTPResponse.Status {
        refusal == .outside ? .forbidden : .notFound
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        addChooseRoutes(to: router)
        addJobRoutes(to: router)
        addOfficeRoutes(to: router)
        addLedgerRoutes(to: router)
        router.get("/lang") { [self] request, _ -> Response in
            let fields = query(request)
            let to = Language(rawValue: fields["to"] ?? "") ?? settings.language
            var back = fields["back"] ?? "/"
            // Only a path on this server: never another site.
            if !back.hasPrefix("/") || back.hasPrefix("//") || back.contains("\\") { back = "/" }
            var response = Reply.redirect(back)
            response.setCookie(
                Cookie(name: "dossier_lang", value: to.rawValue, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
    }
}
