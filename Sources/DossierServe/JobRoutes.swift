import DossierCore
import DossierFiles
import Foundation
import Hummingbird
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// A job's page (its progress while it runs, its result after), its progress stream, the printable fingerprint
/// page, and the files its findings name.
extension DossierServer {
    func addJobRoutes(to router: Router<BasicRequestContext>) {
        router.get("/jobs/:id") { [self] request, context -> Response in
            guard let job = runner.job(context.parameters.get("id") ?? "") else { return notFound() }
            return jobPage(request, job)
        }
        router.get("/jobs/:id/events") { [self] _, context -> Response in
            guard let job = runner.job(context.parameters.get("id") ?? "") else { return notFound() }
            return events(job)
        }
        router.get("/jobs/:id/paper") { [self] request, context -> Response in
            guard let job = runner.job(context.parameters.get("id") ?? ""),
                case .sealed(let zip, let fingerprint, let report) = job.outcome
            else { return notFound() }
            return paper(request, zip: zip, fingerprint: fingerprint, report: report)
        }
        router.get("/jobs/:id/file") { [self] request, context -> Response in
            guard let job = runner.job(context.parameters.get("id") ?? "") else { return notFound() }
            return file(request, job)
        }
    }

    private func title(_ job: Job) -> (String, String) {
        switch job.kind {
        case .check: return ("检查", "Check")
        case .seal: return ("封装", "Seal")
        case .verify: return ("核验", "Verify")
        case .intake: return ("收件", "Intake")
        }
    }

    private func jobPage(_ request: Request, _ job: Job) -> Response {
        let language = language(request)
        let zh = language == .zh
        let title = title(job)
        let busy =
            query(request)["busy"] != nil && job.outcome == nil
            ? (zh
                ? "另一项工作正在进行，请等它完成后再开始新的工作。下面是正在进行的工作。"
                : "Another job is running: wait until it is done before starting a new one. Here it is.") : nil
        let subjectQ = Query.encode(job.subject)
        let parent = (job.subject as NSString).deletingLastPathComponent
        var values: [String: Any] = [
            "id": job.id, "subject": job.subject, "subjectQ": subjectQ, "what": zh ? title.0 : title.1,
        ]
        guard let outcome = job.outcome else {
            return page(request, title: title, template: "running", values: values, error: busy, refresh: true)
        }
        switch outcome {
        case .report(let report) where job.kind == .check:
            let single = report.bundles.count == 1 ? report.bundles.first : nil
            let isFolder = single?.subject.kind == .folder
            let pass = single?.summary.verdict == .pass
            values["canSeal"] = isFolder && pass
            values["sealable"] = isFolder && pass
            values["cannotSeal"] = isFolder && !pass
            // A dropped copy lives in the working folder, removed at stop: its sealed zip goes to a real place.
            let dropped = dropZone.folder.map { job.subject.hasPrefix($0 + "/") } ?? false
            values["sealFolder"] = dropped ? (allowedRoots.first ?? "") : (roots.parent(of: job.subject) ?? "")
            values["backQ"] = Query.encode(isFolder || single?.subject.kind == .zip ? parent : job.subject)
            values["report"] = reportBody(report, job: job, language: job.language)
            return page(request, title: title, template: "checked", values: values, error: busy)
        case .report(let report) where job.kind == .verify:
            let words = VerifyWords.lines(
                report, language: language, fingerprintGiven: !(job.details["fingerprint"] ?? "").isEmpty)
            values["lines"] = words.lines
            values["verdictClass"] = words.pass ? "note" : "problem"
            values["report"] = reportBody(report, job: job, language: job.language)
            return page(request, title: title, template: "verified", values: values, error: busy)
        case .report(let report):
            values["archive"] = settings.archive ?? ""
            values["report"] = reportBody(report, job: job, language: job.language)
            return page(request, title: title, template: "intakeDone", values: values, error: busy)
        case .sealed(let zip, let fingerprint, let report):
            values["zip"] = zip
            values["zipQ"] = Query.encode(zip)
            values["fingerprint"] = fingerprint
            values["report"] = reportBody(report, job: job, language: job.language)
            return page(request, title: title, template: "sealed", values: values, error: busy)
        case .refused(let report):
            values["report"] = reportBody(report, job: job, language: job.language)
            return page(request, title: title, template: "refused", values: values, error: busy)
        case .failed(let message):
            values["message"] = message
            return page(request, title: title, template: "failed", values: values, error: busy)
        case .cancelled:
            values["message"] = JobCancelledWords().text(language)
            return page(request, title: title, template: "failed", values: values, error: busy)
        }
    }

    /// The report's body; a file a finding names opens through `/jobs/ID/file` when the bundle is a folder.
    private func reportBody(_ report: Report, job: Job, language: Language) -> String {
        library.reportBody(report, language: language) { index, path in
            guard job.kind == .check, index < report.bundles.count, report.bundles[index].subject.kind == .folder,
                report.bundles[index].files.contains(where: { $0.path == path })
            else { return nil }
            return "/jobs/\(job.id)/file?b=\(index)&p=\(Query.encode(path))"
        }
    }

    /// Server-sent events: `progress` at most four times a second, then `done`. A closed tab ends the stream (the
    /// write fails); the job goes on.
    private func events(_ job: Job) -> Response {
        let stopping = stopping
        let body = ResponseBody { writer in
            let encoder = JSONEncoder()
            while !stopping.isStopped && !Task.isCancelled {
                let snapshot = job.snapshot()
                let data = (try? encoder.encode(snapshot)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                try await writer.write(ByteBuffer(string: "event: progress\ndata: \(data)\n\n"))
                if snapshot.done {
                    try await writer.write(ByteBuffer(string: "event: done\ndata: {}\n\n"))
                    break
                }
                try await Task.sleep(for: .milliseconds(250))
            }
            try await writer.finish(nil)
        }
        var headers = Reply.privateHeaders("text/event-stream; charset=utf-8")
        headers[FieldName("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }

    private func paper(_ request: Request, zip: String, fingerprint: String, report: Report) -> Response {
        let language = language(request)
        let bundle = report.bundles.first
        let files = bundle?.files.filter { $0.kind != .junk } ?? []
        let bytes = files.reduce(0) { $0 + $1.bytes }
        let size = String(format: "%.1f MB（%d %@）", Double(bytes) / 1_048_576, bytes, language == .zh ? "字节" : "bytes")
        let values: [String: Any] = [
            "htmlLang": language == .zh ? "zh-CN" : "en", "reportStyle": LibraryAdapter.reportStyle,
            "unit": bundle?.unit.name ?? "", "date": report.asOf, "ruleSet": library.ruleSetTitle(language),
            "ruleSetId": report.ruleSet.id, "zipName": (zip as NSString).lastPathComponent, "files": files.count,
            "size": size, "fingerprint": fingerprint,
        ]
        return Reply.html(renderer.render("paper", values, language: language))
    }

    /// A file of a checked folder, named by a finding: only a file the report lists, under the roots, reached
    /// without a symlink, a regular file.
    private func file(_ request: Request, _ job: Job) -> Response {
        let fields = query(request)
        guard job.kind == .check, case .report(let report) = job.outcome, let index = fields["b"].flatMap(Int.init),
            index >= 0, index < report.bundles.count, let path = fields["p"]
        else { return notFound() }
        let bundle = report.bundles[index]
        guard bundle.subject.kind == .folder, let entry = bundle.files.first(where: { $0.path == path }) else {
            return notFound()
        }
        let full = bundle.subject.path + "/" + String(decoding: entry.storedPath, as: UTF8.self)
        guard let confined = try? roots.resolve(full), let info = RawPath(confined).linkStatus(),
            info.st_mode & S_IFMT == S_IFREG
        else { return notFound() }
        let types: [String: String] = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "mp4": "video/mp4", "mov": "video/quicktime",
            "pdf": "application/pdf",
        ]
        let ext = (path as NSString).pathExtension.lowercased()
        var headers = Reply.privateHeaders(types[ext] ?? "application/octet-stream")
        headers[.contentLength] = String(info.st_size)
        if types[ext] == nil {
            headers[.contentDisposition] =
                "attachment; filename*=UTF-8''\(Query.encode((path as NSString).lastPathComponent))"
        }
        let location = RawPath(confined)
        let body = ResponseBody(contentLength: Int(info.st_size)) { writer in
            let descriptor = location.openForReading()
            guard descriptor >= 0 else { throw SystemReason.current }
            defer { close(descriptor) }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                try await writer.write(ByteBuffer(bytes: buffer[0..<count]))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// 核验's verdict in words, from the report the verifier made.
enum VerifyWords {
    static func lines(_ report: Report, language: Language, fingerprintGiven: Bool) -> (lines: [String], pass: Bool) {
        let zh = language == .zh
        guard let bundle = report.bundles.first else { return ([], false) }
        var lines: [String] = []
        let sealProblems = bundle.findings.filter {
            ($0.rule.rawValue.hasPrefix("SEAL-") || $0.rule.rawValue.hasPrefix("ZIP-")) && $0.severity == .error
                && $0.rule.rawValue != "SEAL-FINGERPRINT-MISMATCH"
        }
        if sealProblems.isEmpty {
            lines.append(
                zh
                    ? "封装包完整，未被改动：每个文件都与封装时的清单一致。"
                    : "The sealed zip is intact and unaltered: every file matches the list made when it was sealed.")
        } else {
            lines.append(zh ? "封装包已被改动或损坏：" : "The sealed zip was altered or is damaged:")
            lines += sealProblems.prefix(5).map { $0.message }
        }
        let mismatch = bundle.findings.contains { $0.rule.rawValue == "SEAL-FINGERPRINT-MISMATCH" }
        if let seal = bundle.seal {
            if mismatch || seal.matchesPaper == false {
                lines.append(
                    zh
                        ? "指纹不一致：封装包的指纹是 \(seal.fingerprint)，与纸质报告上的 \(seal.paperFingerprint ?? "") 不同。请核对抄写，或联系报送单位。"
                        : "Fingerprints differ: the zip's is \(seal.fingerprint), the paper's \(seal.paperFingerprint ?? ""). Check the copy, or ask the unit."
                )
            } else if seal.matchesPaper == true {
                lines.append(
                    zh
                        ? "指纹一致：\(seal.fingerprint)，与纸质报告相符。"
                        : "Fingerprints match: \(seal.fingerprint), as on the paper report.")
            } else if !fingerprintGiven {
                lines.append(
                    zh
                        ? "封装包的指纹是 \(seal.fingerprint)（没有输入纸质报告上的指纹，未比对）。"
                        : "The zip's fingerprint is \(seal.fingerprint) (no paper fingerprint was typed, so none was compared)."
                )
            }
        }
        let contentErrors =
            bundle.findings.filter { $0.severity == .error }.count - sealProblems.count - (mismatch ? 1 : 0)
        lines.append(
            contentErrors == 0
                ? (zh ? "重新检查其中的材料：没有错误。" : "Its content checked again: no error.")
                : (zh
                    ? "重新检查其中的材料：有 \(contentErrors) 个错误，见下面的报告。"
                    : "Its content checked again: \(contentErrors) errors, see the report below."))
        return (lines, bundle.summary.verdict == .pass)
    }
}
