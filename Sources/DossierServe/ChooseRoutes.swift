import DossierCore
import DossierFiles
import DossierRules
import Foundation
import Hummingbird

/// 选择材料 and 检查/封装: the start page, the folder browser, starting a check or a seal.
extension DossierServer {
    func addChooseRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { [self] request, _ -> Response in
            var values: [String: Any] = [:]
            if let job = runner.current { values["running"] = ["id": job.id, "subject": job.subject] }
            return page(
                request, title: ServeWords.homeTitle, template: "home", values: values)
        }
        router.get("/browse") { [self] request, _ -> Response in browse(request) }
        router.post("/check") { [self] request, _ -> Response in
            let fields = await form(request)
            return startJob(
                request, kind: .check, path: fields["path"] ?? "",
                details: ["unitType": fields["unitType"] ?? "", "deep": Self.deep(fields)])
        }
        router.post("/drop") { [self] request, _ -> Response in await drop(request) }
        router.post("/seal") { [self] request, _ -> Response in
            let fields = await form(request)
            return startJob(
                request, kind: .seal, path: fields["path"] ?? "",
                details: [
                    "output": fields["output"] ?? "", "unitType": fields["unitType"] ?? "", "deep": Self.deep(fields),
                ])
        }
    }

    /// The check forms' checkbox (`--deep`): "1" when ticked, else "".
    static func deep(_ fields: [String: String]) -> String { fields["deep"] == "1" ? "1" : "" }

    private func browse(_ request: Request) -> Response {
        let language = language(request)
        let title = ServeWords.browseTitle
        guard let given = query(request)["path"], !given.isEmpty else {
            let roots = allowedRoots.map { ["path": $0, "q": Query.encode($0)] }
            var values: [String: Any] = ["atRoots": true, "roots": roots]
            if dropZone.folder != nil { values["drop"] = ["limit": Self.megabytes(dropZone.limit)] }
            return page(request, title: title, template: "browse", values: values)
        }
        let path: String
        do {
            path = try roots.resolve(given)
        } catch {
            let roots = roots.roots.map { ["path": $0, "q": Query.encode($0)] }
            return page(
                request, title: title, template: "browse", values: ["atRoots": true, "roots": roots],
                error: refusalText(error, language: language), status: refusalStatus(error))
        }
        guard let listing = FolderListing.list(path, layout: library.ruleSet.layout) else {
            return page(
                request, title: title, template: "browse", values: ["atRoots": true, "roots": []],
                error: ServeWords.folderUnreadable.text(language), status: .notFound)
        }
        let entries: [[String: Any]] = listing.entries.map { entry in
            [
                "name": entry.name, "path": entry.path, "q": Query.encode(entry.path), "kind": entry.kind.rawValue,
                "kindText": ServeWords.kind(entry.kind).text(language),
                "open": entry.kind == .unit || entry.kind == .folder,
                "checkable": entry.kind == .unit || entry.kind == .zip, "zip": entry.kind == .zip,
            ]
        }
        let isUnit = BundleLook.isUnit(path, layout: library.ruleSet.layout)
        var values: [String: Any] = [
            "atRoots": false, "path": path, "pathQ": Query.encode(path), "entries": entries, "isUnit": isUnit,
            "hasBundles": listing.entries.contains { $0.kind == .unit || $0.kind == .zip },
        ]
        // The office takes in from here too (the 收件 page's choice, reached by browsing).
        values["takeIn"] = isUnit || listing.entries.contains { $0.kind == .unit || $0.kind == .zip }
        if let parent = roots.parent(of: path) { values["parentQ"] = Query.encode(parent) }
        if dropZone.folder != nil { values["drop"] = ["limit": Self.megabytes(dropZone.limit)] }
        if listing.unreadableNames > 0 { values["unreadable"] = listing.unreadableNames }
        return page(request, title: title, template: "browse", values: values)
    }

    /// One dragged file, its path relative to what was dragged in `name`, into drop `batch` of the working folder.
    private func drop(_ request: Request) async -> Response {
        let language = language(request)
        let fields = query(request)
        let chunks = request.body.map { Array(buffer: $0) }
        do {
            let folder = try await dropZone.receive(
                batch: fields["batch"] ?? "", relative: fields["name"] ?? "", chunks: chunks)
            return Reply.json(["ok": true, "folder": folder])
        } catch let refusal as DropZone.Refusal {
            let message: LocalizedText
            switch refusal {
            case .badName: message = ServeWords.dropBadName
            case .tooLarge: message = ServeWords.dropTooLarge(Self.megabytes(dropZone.limit))
            case .exists: message = ServeWords.dropExists
            case .unwritable: message = ServeWords.dropUnwritable
            }
            return Reply.json(
                ["ok": false, "message": message.text(language)],
                status: refusal == .tooLarge ? .contentTooLarge : .badRequest)
        } catch {
            return Reply.json(
                ["ok": false, "message": ServeWords.dropBroken.text(language)], status: .badRequest)
        }
    }

    static func megabytes(_ bytes: Int) -> String { "\(bytes / 1_048_576) MB" }

    /// Starts a check or a seal of `path` (confined to the roots), and leads to its page.
    func startJob(_ request: Request, kind: Job.Kind, path given: String, details: [String: String] = [:]) -> Response {
        let language = language(request)
        let path: String
        do {
            path = try roots.resolve(given)
        } catch {
            return page(
                request, title: ServeWords.cannotStart, template: "failed",
                values: [
                    "what": ServeWords.place.text(language), "subject": given,
                    "message": refusalText(error, language: language),
                ],
                status: refusalStatus(error))
        }
        var outputFolder: String? = nil
        if kind == .seal, let output = details["output"], !output.isEmpty {
            do {
                outputFolder = try roots.resolve(output)
            } catch {
                return page(
                    request, title: ServeWords.cannotSeal, template: "failed",
                    values: [
                        "what": ServeWords.whereToSave.text(language), "subject": output,
                        "message": refusalText(error, language: language),
                    ],
                    status: refusalStatus(error))
            }
        }
        let library = library
        let sealInto = outputFolder
        let unitType = details["unitType"].flatMap { $0.isEmpty ? nil : $0 }
        let deep = details["deep"] == "1"
        let started = runner.start(kind: kind, subject: path, language: language, details: details) { job in
            do {
                switch kind {
                case .check:
                    return .report(
                        try library.check(
                            path: path, language: language, unitType: unitType, deep: deep,
                            progress: { job.update($0) }, cancellation: job.cancellation))
                case .seal:
                    switch try library.seal(
                        folder: path, outputFolder: sealInto, language: language, unitType: unitType, deep: deep,
                        progress: { job.update($0) }, cancellation: job.cancellation)
                    {
                    case .refused(let report): return .refused(report)
                    case .sealed(let zip, let fingerprint, let report):
                        return .sealed(zip: zip, fingerprint: fingerprint, report: report)
                    }
                default:
                    return .failed("")
                }
            } catch  where LibraryAdapter.isCancelled(error) {
                return .cancelled
            } catch {
                return .failed(LibraryAdapter.message(for: error, language: language))
            }
        }
        return jobStarted(started)
    }

    /// The page of the job just started, or of the one that is still running.
    func jobStarted(_ start: JobRunner.Start) -> Response {
        switch start {
        case .started(let job): return Reply.redirect("/jobs/\(job.id)")
        case .busy(let job): return Reply.redirect("/jobs/\(job.id)?busy=1")
        }
    }
}

/// Whether a folder is a unit's own (as the browser shows it).
enum BundleLook {
    static func isUnit(_ path: String, layout: DossierRules.LayoutFile) -> Bool {
        DossierRules.BundleDiscovery(layout: layout).looksLikeBundle(DossierFiles.RawPath(path))
    }
}
