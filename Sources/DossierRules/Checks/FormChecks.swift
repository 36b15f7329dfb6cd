import DossierCore
import DossierInspect
import Foundation

/// `FORM-*` and the candidate list: document formats and damage, required and valid fields, agreement between
/// form, summary table and folder, classification markings, publicity; folders not in the table and the reverse.
public struct FormChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .formFormat, .formCorrupt, .formFieldMissing, .formFieldInvalid, .formInconsistent, .formSecretMarking,
        .formPublicityMissing, .layoutCandidateUnlisted, .layoutCandidateNoFolder, .layoutNoCandidate,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        let documentKinds: Set<FileKind> = [.form, .summary, .activity, .report]
        for file in bundle.files
        where documentKinds.contains(file.kind) && file.entry.kind == .file && file.entry.readable
            && file.entry.bytes > 0
        {
            checkDocument(file, ruleSet: ruleSet, sink: sink)
        }
        let summary = bundle.summaryTable(ruleSet)
        for candidate in bundle.candidates {
            if let summary, summary.row(named: candidate.name) == nil {
                sink.emit(.layoutCandidateUnlisted, path: candidate.folder, candidate: candidate.name)
            }
            guard let (file, _, facts) = bundle.form(of: candidate) else { continue }
            checkFields(facts.fields, file: file, candidate: candidate, summary: summary, ruleSet: ruleSet, sink: sink)
        }
        let folderNames = Set(bundle.candidates.map(\.name))
        for row in summary?.rows ?? [] {
            let name = MediaName.normalise(row[ruleSet.forms.nameField]?.value ?? "")
            if !folderNames.contains(name) {
                sink.emit(.layoutCandidateNoFolder, path: "", candidate: name)
            }
        }
        // No folder and nobody in the table (a new folder from `init`, as made): nothing to recommend.
        if bundle.candidateRecords(ruleSet).isEmpty {
            sink.emit(.layoutNoCandidate, path: "")
        }
    }

    /// FORM-FORMAT, FORM-CORRUPT and FORM-SECRET-MARKING for one document.
    private func checkDocument(_ file: ScannedFile, ruleSet: RuleSet, sink: FindingSink) {
        let ext = file.parts.extension
        if file.content == .ole2 || (["docx", "xlsx"].contains(ext) && file.content != .zip) {
            let detected = file.content == .ole2 ? Self.legacyName(ext) : (file.content?.rawValue.uppercased() ?? "?")
            sink.emit(.formFormat, path: file.path, candidate: file.candidate, data: ["detected": .string(detected)])
            return
        }
        var problem: OfficeProblem?
        var lines: [(LocalizedText, String)] = []
        if case .failure(let error) = file.docx { problem = error }
        if case .failure(let error) = file.xlsx { problem = error }
        if case .success(let (document, _)) = file.docx {
            lines += document.paragraphs.map { (RulesWords.bodyText, $0) }
            lines += document.tables.flatMap { $0.flatMap { $0.map { (RulesWords.table, $0.text) } } }
            lines += document.headersAndFooters.sorted { $0.key < $1.key }.flatMap { part, text in
                text.split(separator: "\n").map {
                    (part.contains("header") ? RulesWords.header : RulesWords.footer, String($0))
                }
            }
        }
        if case .success(let (sheets, _)) = file.xlsx {
            lines += sheets.flatMap { sheet in sheet.rows.flatMap { $0.map { (RulesWords.sheet(sheet.name), $0) } } }
        }
        if let problem {
            switch problem {
            case .zip(.tooLarge(let entry, let bytes)), .zip(.ratio(let entry, _, let bytes)):
                // A document that would expand too far is a zip bomb, whatever its name says.
                sink.emit(
                    .zipBomb, path: file.path, candidate: file.candidate,
                    data: ["entry": .string(entry), "bytes": .int(Int(clamping: bytes))])
                return
            default:
                break
            }
            // A part that is missing or cannot be read is named: the rest of the document may read well.
            switch problem {
            case .zip(.truncated):
                sink.emit(
                    .formCorrupt, path: file.path, candidate: file.candidate, variant: "truncated", problem: problem)
            case .xml(let part, let refused):
                sink.emit(
                    .formCorrupt, path: file.path, candidate: file.candidate, variant: "part", problem: refused,
                    data: ["part": .string(part)])
            case .badReference(let part, let what):
                sink.emit(
                    .formCorrupt, path: file.path, candidate: file.candidate, variant: "part",
                    problem: RulesWords.badReference(what), data: ["part": .string(part)])
            case .missingPart(let part):
                sink.emit(
                    .formCorrupt, path: file.path, candidate: file.candidate, variant: "missingPart",
                    data: ["part": .string(part)])
            case .zip: sink.emit(.formCorrupt, path: file.path, candidate: file.candidate, problem: problem)
            }
            return
        }
        for (place, line) in lines {
            guard let marking = Self.marking(in: line, markings: ruleSet.forms.secretMarkings) else { continue }
            // The data says where in Chinese whatever the run's language, as it always has.
            sink.emit(
                .formSecretMarking, path: file.path, candidate: file.candidate,
                data: ["marking": .string(marking), "where": .string(place.zh)],
                display: ["where": place.text(sink.language)])
            return
        }
    }

    /// A classification marking stands alone on its line or is followed by ★ (秘密★1年); the word inside a
    /// sentence (“揭开生命的秘密”) is not one.
    static func marking(in line: String, markings: [String]) -> String? {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        for marking in markings {
            if text == marking || text.hasPrefix(marking + "★") || text.hasPrefix(marking + " ★")
                || text.contains(marking + "★")
            {
                return marking
            }
        }
        return nil
    }

    static func legacyName(_ ext: String) -> String {
        switch ext {
        case "xls", "xlsx", "et": "Excel 97-2003 (.xls)"
        case "wps": "WPS (.wps)"
        default: "Word 97-2003 (.doc)"
        }
    }

    /// Required fields, valid birth date, publicity, and agreement with the summary table and the folder.
    private func checkFields(
        _ fields: [String: FieldFact], file: ScannedFile, candidate: ScannedCandidate, summary: SummaryTable?,
        ruleSet: RuleSet, sink: FindingSink
    ) {
        let forms = ruleSet.forms
        func label(_ key: String) -> String { forms.fields.first { $0.key == key }?.labels.first ?? key }
        for key in forms.required where (fields[key]?.value ?? "").isEmpty {
            sink.emit(
                .formFieldMissing, path: file.path, candidate: candidate.name,
                data: ["field": .string(key), "label": .string(label(key))])
        }
        for field in ruleSet.forms.fields where field.normalise?.validates == true {
            guard let value = fields[field.key]?.value, !value.isEmpty,
                !FieldExtractor.isValid(value, field.normalise)
            else { continue }
            sink.emit(
                .formFieldInvalid, path: file.path, candidate: candidate.name,
                data: ["field": .string(field.key), "label": .string(label(field.key)), "value": .string(value)],
                display: ["expected": field.expected?.text(sink.language) ?? ""])
        }
        if (fields[forms.publicityField]?.value ?? "").isEmpty {
            sink.emit(.formPublicityMissing, path: file.path, candidate: candidate.name)
        }
        let formWord = forms.sources.form.text(sink.language)
        let tableWord = forms.sources.summary.text(sink.language)
        func differ(_ key: String, _ first: (String, String), _ second: (String, String)) {
            sink.emit(
                .formInconsistent, path: file.path, candidate: candidate.name,
                data: [
                    "field": .string(key), "label": .string(label(key)), "firstValue": .string(first.1),
                    "secondValue": .string(second.1),
                ],
                display: ["firstSource": first.0, "secondSource": second.0])
        }
        let nameField = forms.nameField
        if let name = fields[nameField]?.value, !name.isEmpty, MediaName.normalise(name) != candidate.name {
            differ(nameField, (formWord, name), (forms.sources.folder.text(sink.language), candidate.name))
        }
        guard let row = summary?.row(named: candidate.name) else { return }
        for comparison in forms.compared {
            let key = comparison.field
            guard let mine = fields[key]?.value, !mine.isEmpty, let theirs = row[key]?.value, !theirs.isEmpty else {
                continue
            }
            // An invalid value is reported once, as invalid (FORM-FIELD-INVALID), not again as a disagreement.
            let normalise = forms.fields.first { $0.key == key }?.normalise
            if normalise?.validates == true && !FieldExtractor.isValid(mine, normalise) { continue }
            let same = comparison.match == .contains ? Self.similar(mine, theirs) : mine == theirs
            if !same { differ(key, (formWord, mine), (tableWord, theirs)) }
        }
    }

    /// Values compared with `match: contains` agree when one contains the other once spaces are gone (the table
    /// often shortens an employer's title).
    static func similar(_ first: String, _ second: String) -> Bool {
        let a = first.filter { !$0.isWhitespace }, b = second.filter { !$0.isWhitespace }
        return a.contains(b) || b.contains(a)
    }
}
