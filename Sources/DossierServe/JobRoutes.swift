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
        router.post("/jobs/:id/cancel") { [self] _, context -> Response in
            guard let job = runner.job(context.parameters.get("id") ?? "") else { return notFound() }
            if job.outcome == nil { job.cancelByUser() }
            return Reply.redirect("/jobs/\(job.id)")
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

    private func jobPage(_ request: Request, _ job: Job) -> Response {
        let language = language(request)
        let title = ServeWords.title(job.kind)
        let busy = query(request)["busy"] != nil && job.outcome == nil ? ServeWords.busy.text(language) : nil
        let subjectQ = Query.encode(job.subject)
        let parent = (job.subject as NSString).deletingLastPathComponent
        var values: [String: Any] = [
            "id": job.id, "subject": job.subject, "subjectQ": subjectQ, "what": title.text(language),
            "unitType": job.details["unitType"] ?? "", "deep": job.details["deep"] == "1",
        ]
        guard let outcome = job.outcome else {
            values["cancelling"] = job.cancellation.isCancelled
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
            let warnings = single?.findings.filter { $0.severity == .warning }.count ?? 0
            if isFolder && pass && warnings > 0 { values["warnings"] = warnings }
            // A unit the registry does not know: its type is picked here (the command line's `--unit-type`).
            if isFolder, let unknown = single?.findings.first(where: { $0.rule == .quotaUnitUnknown }) {
                var picked = job.details["unitType"] ?? ""
                if picked.isEmpty, case .string(let inferred)? = unknown.data?["inferredType"] { picked = inferred }
                values["hasTypes"] = true
                values["types"] = library.unitTypes(language).map {
                    ["key": $0.key, "title": $0.title, "selected": $0.key == picked]
                }
            }
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
            values["archivePath"] = settings.archive ?? ""
            // What came in, one row a bundle, before the report itself; its unit's page on the office's desk.
            values["taken"] = report.bundles.enumerated().map { index, bundle -> [String: Any] in
                let line = LibraryAdapter.verdictLine(bundle.summary, language: language)
                var row: [String: Any] = [
                    "index": index, "unit": bundle.unit.name, "unitQ": Query.encode(bundle.unit.name),
                    "source": (bundle.subject.path as NSString).lastPathComponent, "verdict": line.verdict,
                    "counts": line.counts, "verdictClass": bundle.summary.verdict == .pass ? "pass" : "fail",
                ]
                // Left out when there is none: a Mustache section shows for an empty text too.
                if let seal = bundle.seal { row["fingerprint"] = seal.fingerprint }
                return row
            }
            values["crossCount"] = report.crossFindings.count
            values["hasCross"] = !report.crossFindings.isEmpty
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
            values["message"] =
                (job.cancelledByUser ? ServeWords.cancelledByUser : ServeWords.cancelledByStop).text(language)
            if job.kind == .check || job.kind == .seal { values["again"] = ["path": job.subject] }
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
        let values: [String: Any] = [
            "htmlLang": ServeWords.htmlLanguage.text(language), "reportStyle": LibraryAdapter.reportStyle,
            "unit": bundle?.unit.name ?? "", "date": report.asOf, "ruleSet": library.ruleSetTitle(language),
            "ruleSetId": report.ruleSet.id, "zipName": (zip as NSString).lastPathComponent, "files": files.count,
            "size": ServeWords.size(bytes).text(language), "fingerprint": fingerprint,
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
        // Opened without following a last symlink and judged by what was opened; the body opens it again and
        // reads only when it is still that file (so no descriptor waits on a body that is never sent).
        guard let confined = try? roots.resolve(full), let info = Self.openedStatus(confined),
            info.st_mode & S_IFMT == S_IFREG, info.st_size >= 0
        else { return notFound() }
        let size = UInt64(info.st_size)
        let types: [String: String] = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "mp4": "video/mp4", "mov": "video/quicktime",
            "pdf": "application/pdf",
        ]
        let ext = (path as NSString).pathExtension.lowercased()
        var headers = Reply.privateHeaders(types[ext] ?? "application/octet-stream")
        headers[.acceptRanges] = "bytes"
        if types[ext] == nil {
            headers[.contentDisposition] =
                "attachment; filename*=UTF-8''\(Query.encode((path as NSString).lastPathComponent))"
        }
        // Browsers play and seek a video by asking for ranges of it; a range is answered only for the same file.
        let range = request.headers[.ifRange] == nil ? ByteRange.parse(request.headers[.range], size: size) : .whole
        let offset: UInt64
        let count: UInt64
        let status: HTTPResponse.Status
        switch range {
        case .whole:
            (offset, count, status) = (0, size, .ok)
        case .part(let from, let length):
            (offset, count, status) = (from, length, .partialContent)
            headers[.contentRange] = "bytes \(from)-\(from + length - 1)/\(size)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(
                status: .rangeNotSatisfiable, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: ServeWords.badRange.text(language(request)))))
        }
        headers[.contentLength] = String(count)
        let location = RawPath(confined)
        let body = ResponseBody(contentLength: Int(count)) { writer in
            let descriptor = location.openForReading()
            guard descriptor >= 0 else { throw SystemReason.current }
            defer { close(descriptor) }
            var now = stat()
            guard fstat(descriptor, &now) == 0, now.st_dev == info.st_dev, now.st_ino == info.st_ino else {
                throw SystemReason(ESTALE)
            }
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var position = offset
            var left = count
            // Never more than asked for, even when the file grew since; a file that shrank ends the body early.
            while left > 0 {
                let want = Int(min(UInt64(buffer.count), left))
                let got = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, want, off_t(position)) }
                if got <= 0 { throw SystemReason.current }
                try await writer.write(ByteBuffer(bytes: buffer[0..<got]))
                position += UInt64(got)
                left -= UInt64(got)
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// The status of the file at `path` as opened (a last symlink is not followed: nil).
    private static func openedStatus(_ path: String) -> stat? {
        let descriptor = RawPath(path).openForReading()
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }
}

/// 核验's verdict in words, from the report the verifier made.
enum VerifyWords {
    static func lines(_ report: Report, language: Language, fingerprintGiven: Bool) -> (lines: [String], pass: Bool) {
        guard let bundle = report.bundles.first else { return ([], false) }
        var lines: [LocalizedText] = []
        let sealProblems = bundle.findings.filter {
            ($0.rule.rawValue.hasPrefix("SEAL-") || $0.rule.rawValue.hasPrefix("ZIP-")) && $0.severity == .error
                && $0.rule.rawValue != "SEAL-FINGERPRINT-MISMATCH"
        }
        var problems: [String] = []
        if sealProblems.isEmpty {
            lines.append(ServeWords.sealIntact)
        } else {
            lines.append(ServeWords.sealAltered)
            problems = sealProblems.prefix(5).map { $0.message }
        }
        var after: [LocalizedText] = []
        let mismatch = bundle.findings.contains { $0.rule.rawValue == "SEAL-FINGERPRINT-MISMATCH" }
        if let seal = bundle.seal {
            if mismatch || seal.matchesPaper == false {
                after.append(ServeWords.fingerprintsDiffer(zip: seal.fingerprint, paper: seal.paperFingerprint ?? ""))
            } else if seal.matchesPaper == true {
                after.append(ServeWords.fingerprintsMatch(seal.fingerprint))
            } else if !fingerprintGiven {
                after.append(ServeWords.fingerprintNotCompared(seal.fingerprint))
            }
        }
        let contentErrors =
            bundle.findings.filter { $0.severity == .error }.count - sealProblems.count - (mismatch ? 1 : 0)
        after.append(ServeWords.contentErrors(contentErrors))
        let said = lines.map { $0.text(language) } + problems + after.map { $0.text(language) }
        return (said, bundle.summary.verdict == .pass)
    }
}
