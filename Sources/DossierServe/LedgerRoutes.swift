import DossierCore
import DossierIntake
import Foundation
import Hummingbird
import NIOCore

/// 收件登记, the office's desk (with `--archive`): the dashboard (states, charts, the table of units), one unit's page
/// (versions, receipts, marks, paper, candidates), recording paper with its fingerprint, marking a version, the
/// national table and the status as downloads, and the recheck. All through `DossierLibrary`, as `dossier ledger`.
extension DossierServer {
    func addLedgerRoutes(to router: Router<BasicRequestContext>) {
        router.get("/ledger") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            return dashboard(request, archive: archive, notice: nil)
        }
        router.get("/ledger/unit") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            return unitPage(request, archive: archive, name: query(request)["name"] ?? "", notice: nil)
        }
        router.get("/ledger/export") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            let format = query(request)["format"] ?? "xlsx"
            guard LibraryAdapter.exportFormats.contains(format) else { return notFound() }
            return download(request, archive: archive, name: ServeWords.exportFile, format: format) {
                try library.ledgerExport(archive: archive, format: format)
            }
        }
        router.get("/ledger/status") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            let format = query(request)["format"] ?? "xlsx"
            guard LibraryAdapter.statusFormats.contains(format), format != "text" else { return notFound() }
            let language = language(request)
            return download(request, archive: archive, name: ServeWords.statusFile, format: format) {
                try library.ledgerStatusFile(archive: archive, format: format, language: language)
            }
        }
        router.post("/ledger/paper") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            return recordPaper(request, archive: archive, fields: await form(request))
        }
        router.post("/ledger/mark") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            return mark(request, archive: archive, fields: await form(request))
        }
        router.post("/ledger/recheck") { [self] request, _ -> Response in
            guard let archive = settings.archive else { return notFound() }
            let language = language(request)
            let library = library
            let started = recheckRun.start {
                try library.ledgerRecheck(archive: archive, language: language, cancellation: $0)
            }
            return Reply.redirect(started ? "/ledger/recheck" : "/ledger/recheck?busy=1")
        }
        router.post("/ledger/recheck/cancel") { [self] _, _ -> Response in
            guard settings.archive != nil else { return notFound() }
            recheckRun.cancel()
            return Reply.redirect("/ledger/recheck")
        }
        router.get("/ledger/recheck") { [self] request, _ -> Response in
            guard settings.archive != nil else { return notFound() }
            return recheckPage(request)
        }
    }

    private func word(_ text: LocalizedText, _ request: Request) -> String { text.text(language(request)) }

    /// What every office page has: the archive, the styles, the secret for its forms.
    private func deskValues(archive: String) -> [String: Any] {
        [
            "archivePath": archive, "deskStyle": LibraryAdapter.dashboardStyle, "ledgerStyle": LedgerTemplates.style,
            "paperReceived": library.deskDate,
        ]
    }

    private func dashboard(
        _ request: Request, archive: String, notice: String?, error: String? = nil, paper: [String: String] = [:],
        status code: HTTPResponse.Status = .ok
    ) -> Response {
        let language = language(request)
        let title = ServeWords.ledgerTitle
        var values = deskValues(archive: archive)
        if let notice { values["notice"] = notice }
        for (key, value) in paper { values[key] = value }
        do {
            let status = try library.ledgerStatus(archive: archive, language: language)
            values["dashboard"] = library.dashboard(status, language: language)
            values["unitNames"] = status.units.map(\.name)
            return page(request, title: title, template: "ledger", values: values, error: error, status: code)
        } catch {
            // No ledger yet (nothing taken in) or one that cannot be opened: said on the intake page.
            return page(
                request, title: title, template: "intakeForm",
                values: intakeFormValues(request, archive: archive, path: ""),
                error: LibraryAdapter.message(for: error, language: language))
        }
    }

    private func unitPage(
        _ request: Request, archive: String, name: String, notice: String?, error: String? = nil,
        paper: [String: String] = [:], status code: HTTPResponse.Status = .ok
    ) -> Response {
        let language = language(request)
        let words = LibraryAdapter.deskWords(language)
        let detail: LedgerUnitDetail
        do {
            detail = try library.ledgerUnit(archive: archive, unit: name, language: language)
        } catch {
            return dashboard(
                request, archive: archive, notice: nil, error: LibraryAdapter.message(for: error, language: language),
                status: .notFound)
        }
        let unit = detail.unit
        var values = deskValues(archive: archive)
        if let notice { values["notice"] = notice }
        for (key, value) in paper { values[key] = value }
        values["fixedUnit"] = unit.name
        values["unitName"] = unit.name
        values["typeTitle"] = detail.typeTitle
        values["registered"] = unit.registered
        values["stateText"] = words.stateText(unit.state)
        values["receiptsText"] = words.sentText(unit)
        values["paperText"] = words.paperText(unit.paper)
        values["quotaText"] = words.quotaText(unit)
        values["deadlineText"] = words.deadlineText(detail.daysToDeadline, detail.deadline)
        values["findings"] = detail.findings.map { ["rule": $0.rule.rawValue, "message": $0.message, "hint": $0.hint] }
        values["hasVersions"] = !detail.versions.isEmpty
        values["versions"] = detail.versions.map { version -> [String: Any] in
            let shown = version.version
            return [
                "id": String(shown.id), "counts": version.counts, "current": version.current,
                "withdrawn": shown.mark == Ledger.Mark.withdrawn.rawValue, "kindText": words.kindText(shown.kind),
                "verdictText": words.verdictText(shown.verdict, errors: shown.errors, warnings: shown.warnings),
                "fingerprint": shown.fingerprint ?? "", "bagDate": shown.bagDate ?? "", "archivedAs": shown.archivedAs,
                "receipts": version.receipts.map { receipt in
                    Self.given([
                        "at": receipt.receivedAt, "source": receipt.source, "by": receipt.receivedBy,
                        "label": receipt.driveLabel,
                    ])
                },
                "marks": version.marks.map { mark in
                    Self.given(["at": mark.at, "markText": words.markText(mark.mark), "by": mark.by, "note": mark.note])
                },
            ]
        }
        values["hasPapers"] = !detail.papers.isEmpty
        values["papers"] = detail.papers.map { paper -> [String: Any] in
            [
                "receivedOn": paper.entry.receivedOn, "fingerprint": paper.entry.fingerprint,
                "outcomeText": words.outcomeText(paper.outcome), "recordedAt": paper.entry.recordedAt,
                "latest": paper.latest,
            ].merging(Self.given(["by": paper.entry.recordedBy])) { a, _ in a }
        }
        values["hasCandidates"] = !detail.candidates.isEmpty
        values["fieldTitles"] = detail.fields.map(\.title)
        values["candidates"] = detail.candidates.map { candidate -> [String: Any] in
            ["name": candidate.name, "values": detail.fields.map { candidate.fields[$0.key] ?? "" }]
        }
        let title = ServeWords.unitTitle(unit.name)
        return page(
            request, title: title, template: "ledgerUnit", values: values, error: error, status: code)
    }

    /// Records a unit's paper and the fingerprint on it; shows what the fingerprint says. Bad input changes nothing
    /// and comes back to the form that sent it, with what was typed.
    private func recordPaper(_ request: Request, archive: String, fields: [String: String]) -> Response {
        let language = language(request)
        let unit = (fields["unit"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let typed = (fields["fingerprint"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var received = (fields["received"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if received.isEmpty { received = library.deskDate }
        let by = (fields["by"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let typedValues = [
            "paperUnit": unit, "paperFingerprint": typed, "paperReceived": received, "paperBy": by,
        ]
        func again(_ message: String) -> Response {
            if fields["back"] == "unit" {
                return unitPage(
                    request, archive: archive, name: unit, notice: nil, error: message, paper: typedValues,
                    status: .badRequest)
            }
            return dashboard(
                request, archive: archive, notice: nil, error: message, paper: typedValues, status: .badRequest)
        }
        guard !unit.isEmpty else { return again(word(ServeWords.noUnitGiven, request)) }
        guard Self.isDate(received) else { return again(word(ServeWords.badDate, request)) }
        let recorded: (unit: String, outcome: LedgerDesk.PaperOutcome)
        do {
            recorded = try library.recordPaper(
                archive: archive, unit: unit, fingerprint: typed, receivedOn: received, by: by.isEmpty ? nil : by,
                language: language)
        } catch {
            return again(LibraryAdapter.message(for: error, language: language))
        }
        let verdictClass = recorded.outcome == .mismatch ? "problem" : "note"
        return page(
            request, title: ServeWords.paperTitle, template: "paperRecorded",
            values: [
                "verdictClass": verdictClass,
                "verdict": LibraryAdapter.deskWords(language).outcomeText(recorded.outcome),
                "outcome": recorded.outcome.rawValue, "unit": recorded.unit, "unitQ": Query.encode(recorded.unit),
                "fingerprint": LibraryAdapter.fingerprint(typed) ?? typed, "received": received,
            ])
    }

    /// Puts the office's mark on a version, then back to the unit's page saying so.
    private func mark(_ request: Request, archive: String, fields: [String: String]) -> Response {
        let language = language(request)
        let unit = fields["unit"] ?? ""
        guard let mark = Ledger.Mark(rawValue: fields["mark"] ?? "") else {
            return unitPage(
                request, archive: archive, name: unit, notice: nil, error: word(ServeWords.badMark, request),
                status: .badRequest)
        }
        guard let version = Int64(fields["version"] ?? "") else {
            return unitPage(
                request, archive: archive, name: unit, notice: nil, error: word(ServeWords.badVersion, request),
                status: .badRequest)
        }
        let by = (fields["by"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let note = (fields["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            try library.markVersion(
                archive: archive, version: version, as: mark, by: by.isEmpty ? nil : by, note: note.isEmpty ? nil : note
            )
        } catch {
            return unitPage(
                request, archive: archive, name: unit, notice: nil,
                error: LibraryAdapter.message(for: error, language: language), status: .badRequest)
        }
        let words = LibraryAdapter.deskWords(language)
        return unitPage(
            request, archive: archive, name: unit,
            notice: ServeWords.marked(version, words.markText(mark)).text(language))
    }

    /// A file of the desk to save (xlsx, csv, json) or to print (html), named in the page's language.
    private func download(
        _ request: Request, archive: String, name: LocalizedText, format: String, _ make: () throws -> [UInt8]
    ) -> Response {
        let language = language(request)
        let bytes: [UInt8]
        do {
            bytes = try make()
        } catch {
            return dashboard(
                request, archive: archive, notice: nil, error: LibraryAdapter.message(for: error, language: language),
                status: .internalServerError)
        }
        let types = [
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "csv": "text/csv; charset=utf-8", "json": "application/json", "html": "text/html; charset=utf-8",
        ]
        var headers = Reply.privateHeaders(types[format] ?? "application/octet-stream")
        if format != "html" {
            // An ASCII name for old clients, the real one (RFC 6266, 5987) for the rest.
            let file = name.text(language) + "." + format
            headers[FieldName("Content-Disposition")!] =
                "attachment; filename=\"\(name.en).\(format)\"; filename*=UTF-8''"
                + (file.addingPercentEncoding(withAllowedCharacters: Self.attrChar) ?? "")
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func recheckPage(_ request: Request) -> Response {
        let language = language(request)
        let title = ServeWords.recheckTitle
        switch recheckRun.state {
        case .idle:
            return page(
                request, title: title, template: "rechecked",
                values: ["summary": word(ServeWords.noRecheck, request)])
        case .running(let since, let cancelling):
            let busy = query(request)["busy"] != nil ? word(ServeWords.recheckRunning, request) : nil
            return page(
                request, title: title, template: "rechecking",
                values: ["started": IntakeRunner.isoTime(since), "cancelling": cancelling], error: busy,
                refresh: true)
        case .cancelled(let byUser):
            return page(
                request, title: title, template: "rechecked",
                values: [
                    "summary": word(byUser ? ServeWords.recheckCancelled : ServeWords.recheckCancelledByStop, request),
                    "cancelled": true,
                ])
        case .failed(let message):
            return page(
                request, title: title, template: "rechecked", values: ["summary": ""], error: message.text(language))
        case .done(let recheck):
            let words = LibraryAdapter.deskWords(language)
            let changes = recheck.results.filter { $0.verdictChanged || !$0.added.isEmpty || !$0.removed.isEmpty }
            return page(
                request, title: title, template: "rechecked",
                values: [
                    "summary": ServeWords.recheckSummary(
                        recheck.id, versions: recheck.results.count, changed: recheck.changed.count,
                        ruleSet: recheck.ruleSet.id
                    ).text(language),
                    "hasChanges": !changes.isEmpty,
                    "changes": changes.map { change -> [String: Any] in
                        [
                            "unit": change.unit, "unitQ": Query.encode(change.unit), "version": String(change.version),
                            "verdict": change.verdictChanged
                                ? words.verdictText(change.before.verdict) + " → "
                                    + words.verdictText(change.after.verdict)
                                : words.verdictText(change.after.verdict),
                            "added": change.added.joined(separator: ", "),
                            "removed": change.removed.joined(separator: ", "),
                        ]
                    },
                ])
        }
    }

    /// The characters RFC 5987 leaves unescaped in a `filename*` (ASCII only: `.alphanumerics` has every script's
    /// letters).
    static let attrChar = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")

    /// The values that are given: a Mustache section shows for an empty text too, so an absent one is left out.
    static func given(_ values: [String: String?]) -> [String: Any] {
        values.compactMapValues { $0.flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// Whether `text` is a real day written `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool {
        guard text.count == 10, text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text).map { formatter.string(from: $0) == text } ?? false
    }
}
