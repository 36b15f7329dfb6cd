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
                request, title: ("dossier：推荐材料检查与封装", "dossier: check and seal a submission"), template: "home",
                values: values)
        }
        router.get("/browse") { [self] request, _ -> Response in browse(request) }
        router.post("/check") { [self] request, _ -> Response in
            let fields = await form(request)
            return startJob(request, kind: .check, path: fields["path"] ?? "")
        }
        router.post("/drop") { [self] request, _ -> Response in await drop(request) }
        router.post("/seal") { [self] request, _ -> Response in
            let fields = await form(request)
            return startJob(
                request, kind: .seal, path: fields["path"] ?? "", details: ["output": fields["output"] ?? ""])
        }
    }

    private func browse(_ request: Request) -> Response {
        let language = language(request)
        let zh = language == .zh
        let title = ("选择材料", "Choose your folder")
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
                error: refusalText(error, language: language), status: error == .outside ? .forbidden : .notFound)
        }
        guard let listing = FolderListing.list(path, layout: library.ruleSet.layout) else {
            return page(
                request, title: title, template: "browse", values: ["atRoots": true, "roots": []],
                error: zh
                    ? "无法打开这个文件夹（没有读取权限，或它不是文件夹）。" : "This folder cannot be opened (no permission, or not a folder).",
                status: .notFound)
        }
        let kindText: [FolderListing.Kind: String] = [
            .unit: zh ? "单位材料文件夹" : "unit's folder", .folder: zh ? "文件夹" : "folder",
            .zip: zh ? "zip（可检查或核验）" : "zip (check or verify)", .symlink: zh ? "链接（不跟随）" : "link (not followed)",
        ]
        let entries: [[String: Any]] = listing.entries.map { entry in
            [
                "name": entry.name, "path": entry.path, "q": Query.encode(entry.path), "kind": entry.kind.rawValue,
                "kindText": kindText[entry.kind] ?? "", "open": entry.kind == .unit || entry.kind == .folder,
                "checkable": entry.kind == .unit || entry.kind == .zip, "zip": entry.kind == .zip,
            ]
        }
        let isUnit = BundleLook.isUnit(path, layout: library.ruleSet.layout)
        var values: [String: Any] = [
            "atRoots": false, "path": path, "pathQ": Query.encode(path), "entries": entries, "isUnit": isUnit,
            "hasBundles": listing.entries.contains { $0.kind == .unit || $0.kind == .zip },
        ]
        if let parent = roots.parent(of: path) { values["parentQ"] = Query.encode(parent) }
        if dropZone.folder != nil { values["drop"] = ["limit": Self.megabytes(dropZone.limit)] }
        if listing.unreadableNames > 0 { values["unreadable"] = listing.unreadableNames }
        return page(request, title: title, template: "browse", values: values)
    }

    /// One dragged file, its path relative to what was dragged in `name`, into drop `batch` of the working folder.
    private func drop(_ request: Request) async -> Response {
        let language = language(request)
        let zh = language == .zh
        let fields = query(request)
        let chunks = request.body.map { Array(buffer: $0) }
        do {
            let folder = try await dropZone.receive(
                batch: fields["batch"] ?? "", relative: fields["name"] ?? "", chunks: chunks)
            return Reply.json(["ok": true, "folder": folder])
        } catch let refusal as DropZone.Refusal {
            let message: String
            switch refusal {
            case .badName:
                message = zh ? "这个文件名不能接收（隐藏文件或名称不合适）。" : "This file name cannot be taken (hidden or unsuitable)."
            case .tooLarge:
                message =
                    zh
                    ? "拖入的内容超过了上限 \(Self.megabytes(dropZone.limit))：请改用“选择材料”直接打开U盘或文件夹。"
                    : "What was dropped is over the limit of \(Self.megabytes(dropZone.limit)): open the drive or folder under “Choose” instead."
            case .exists: message = zh ? "同名文件已经拖入过。" : "A file of that name was already dropped."
            case .unwritable:
                message = zh ? "无法写入临时工作文件夹（磁盘已满？）。" : "The working folder cannot be written (disk full?)."
            }
            return Reply.json(
                ["ok": false, "message": message], status: refusal == .tooLarge ? .contentTooLarge : .badRequest)
        } catch {
            return Reply.json(
                ["ok": false, "message": zh ? "传输中断，请重新拖入。" : "The transfer broke off: drop it again."],
                status: .badRequest)
        }
    }

    static func megabytes(_ bytes: Int) -> String { "\(bytes / 1_048_576) MB" }

    /// Starts a check or a seal of `path` (confined to the roots), and leads to its page.
    func startJob(_ request: Request, kind: Job.Kind, path given: String, details: [String: String] = [:]) -> Response {
        let language = language(request)
        let zh = language == .zh
        let path: String
        do {
            path = try roots.resolve(given)
        } catch {
            return page(
                request, title: ("无法开始", "Could not start"), template: "failed",
                values: [
                    "what": zh ? "位置" : "Place", "subject": given, "message": refusalText(error, language: language),
                ],
                status: error == .outside ? .forbidden : .notFound)
        }
        var outputFolder: String? = nil
        if kind == .seal, let output = details["output"], !output.isEmpty {
            do {
                outputFolder = try roots.resolve(output)
            } catch {
                return page(
                    request, title: ("无法封装", "Could not seal"), template: "failed",
                    values: [
                        "what": zh ? "封装包保存位置" : "Where to save", "subject": output,
                        "message": refusalText(error, language: language),
                    ],
                    status: error == .outside ? .forbidden : .notFound)
            }
        }
        let library = library
        let sealInto = outputFolder
        let started = runner.start(kind: kind, subject: path, language: language, details: details) { job in
            do {
                switch kind {
                case .check:
                    return .report(
                        try library.check(
                            path: path, language: language, progress: { job.update($0) }, cancellation: job.cancellation
                        ))
                case .seal:
                    switch try library.seal(
                        folder: path, outputFolder: sealInto, language: language, progress: { job.update($0) },
                        cancellation: job.cancellation)
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
