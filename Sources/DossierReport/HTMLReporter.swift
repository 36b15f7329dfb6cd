import DossierCore
import DossierRules
import Foundation
import Mustache

/// One self-contained HTML page per run: a header per bundle, a table per candidate, the findings grouped by
/// candidate, and a contact sheet of thumbnails with failing photos outlined. Printable on A4.
public struct HTMLReporter: Reporter {
    public static let name = "html"

    public init() {}

    public static func make() -> HTMLReporter { HTMLReporter() }

    public func render(_ report: Report, context: ReportContext) throws -> String {
        var page: [UInt8] = []
        try render(report, context: context) { page += $0 }
        return String(decoding: page, as: UTF8.self)
    }

    /// The page, handed to `write` piece by piece as UTF-8: the text between pictures, then each thumbnail's
    /// base64. Never held whole: on a bundle of 180 videos the page is about 10 MB, and the seal held it as the
    /// view's data URLs, the rendered text and its bytes at once (its peak, over 100 MB, was at this step).
    public func render(_ report: Report, context: ReportContext, into write: ([UInt8]) throws -> Void) throws {
        let template = try MustacheTemplate(string: HTMLTemplate.page)
        // Each picture's source is first a marker no report text can hold (a fresh UUID), then its bytes.
        let marker = "dossier-picture-\(UUID().uuidString)-"
        var pictures: [[UInt8]] = []
        let page = template.render(
            view(report, context: context) { thumbnail in
                pictures.append(thumbnail)
                return marker + String(pictures.count - 1) + "-"
            })
        var rest = Substring(page)
        while let found = rest.range(of: marker) {
            try write(Array(rest[..<found.lowerBound].utf8))
            rest = rest[found.upperBound...]
            guard let end = rest.firstIndex(of: "-"), let index = Int(rest[..<end]), pictures.indices.contains(index)
            else { continue }
            rest = rest[rest.index(after: end)...]
            try write(Array("data:image/jpeg;base64,".utf8))
            try write(Array(Data(pictures[index]).base64EncodedData()))
        }
        try write(Array(rest.utf8))
    }

    /// The report's style sheet, for pages that show a report the way this page does (`dossier serve`).
    public static var styleSheet: String { HTMLTemplate.style }

    /// The inside of the report's `<body>`, for a page of its own that shows the report (`dossier serve`).
    /// `link` gives, for a finding's bundle and path, the address that opens the file, or nil for none.
    public func renderBody(
        _ report: Report, context: ReportContext, link: (_ bundle: Int, _ path: String) -> String? = { _, _ in nil }
    ) throws -> String {
        let template = try MustacheTemplate(string: HTMLTemplate.body)
        var values = view(report, context: context)
        if var bundles = values["bundles"] as? [[String: Any]] {
            for index in bundles.indices {
                guard var groups = bundles[index]["groups"] as? [[String: Any]] else { continue }
                for group in groups.indices {
                    guard var findings = groups[group]["findings"] as? [[String: Any]] else { continue }
                    for item in findings.indices {
                        if let path = findings[item]["path"] as? String, let href = link(index, path) {
                            findings[item]["href"] = href
                        }
                    }
                    groups[group]["findings"] = findings
                }
                bundles[index]["groups"] = groups
            }
            values["bundles"] = bundles
        }
        return template.render(values)
    }

    /// The values the template shows; every text is escaped by the template.
    /// `source` gives a thumbnail's `src` (a data URL by default).
    func view(
        _ report: Report, context: ReportContext,
        source: ([UInt8]) -> String = { "data:image/jpeg;base64," + Data($0).base64EncodedString() }
    ) -> [String: Any] {
        let words = ReportWords(context.language)
        let total = report.summary
        return [
            "lang": words.htmlLanguage,
            "title": words.title,
            "ruleSetLabel": words.ruleSet, "ruleSetTitle": context.ruleSet.header.title.text(context.language),
            "ruleSetId": report.ruleSet.id, "ruleSetSha": String(report.ruleSet.sha256.prefix(16)) + "…",
            "asOfLabel": words.asOf, "asOf": report.asOf, "version": report.tool.version,
            "verdictClass": total.verdict.rawValue, "verdictText": words.verdict(total.verdict),
            "totalLine": words.bundles(total.bundles)
                + words.summary(
                    errors: total.errors, warnings: total.warnings, notices: total.notices, verdict: total.verdict),
            "bundles": report.bundles.map {
                bundle(report: report, $0, words: words, ruleSet: context.ruleSet, source: source)
            },
            "crossTitle": words.acrossUnits, "hasCross": !report.crossFindings.isEmpty,
            "cross": report.crossFindings.map { finding($0, words) },
            "manualTitle": words.manualChecks,
            "manual": (context.ruleSet.header.manualChecks ?? []).map { $0.text(context.language) },
            "hasManual": !(context.ruleSet.header.manualChecks ?? []).isEmpty,
        ]
    }

    private func bundle(
        report: Report, _ bundle: BundleReport, words: ReportWords, ruleSet: RuleSet, source: ([UInt8]) -> String
    ) -> [String: Any] {
        let summary = bundle.summary
        let failing = Set(bundle.findings.filter { $0.severity != .notice }.map(\.path))
        var candidates: [[String: Any]] = []
        // Grouped once by their first folder: filtering every file per candidate grows with their product.
        var filesByFolder: [String: [FileEntry]] = [:]
        for file in bundle.files {
            guard let slash = file.path.firstIndex(of: "/") else { continue }
            filesByFolder[String(file.path[..<slash]), default: []].append(file)
        }
        for candidate in bundle.candidates {
            let files = filesByFolder[candidate.folder] ?? []
            let photos = files.filter { $0.kind == .photo }
            let videos = files.filter { $0.kind == .video }
            let videoText =
                videos.isEmpty
                ? "0"
                : "\(videos.count)（"
                    + videos.map { file in
                        let seconds = file.video.map { "\($0.durationSeconds.formatted2) s" } ?? "?"
                        return "\(seconds), \((Double(file.bytes) / 1_048_576).formatted2) MB"
                    }.joined(separator: "; ") + "）"
            candidates.append([
                "name": candidate.name,
                "form": files.contains { $0.kind == .form } ? words.yes : words.no,
                "idPhoto": bundle.findings.contains { $0.rule == .photoIDMissing && $0.candidate == candidate.name }
                    ? words.no : words.yes,
                "photos": String(photos.count),
                "videos": videoText,
                "findings": String(bundle.findings.filter { $0.candidate == candidate.name }.count),
            ])
        }
        var groups: [[String: Any]] = []
        let unitLevel = bundle.findings.filter { $0.candidate == nil }
        if !unitLevel.isEmpty {
            groups.append(["heading": bundle.unit.name, "findings": unitLevel.map { finding($0, words) }])
        }
        for candidate in bundle.candidates {
            let own = bundle.findings.filter { $0.candidate == candidate.name }
            if !own.isEmpty { groups.append(["heading": candidate.name, "findings": own.map { finding($0, words) }]) }
        }
        // Photos, then each video with its poster frame (the middle frame looked at), upright.
        let shown = bundle.files.filter { $0.kind == .photo } + bundle.files.filter { $0.kind == .video }
        let sheet: [[String: Any]] = shown.map { file in
            let pixels =
                file.jpeg.map { "\($0.displayWidth)×\($0.displayHeight)" }
                ?? file.video.map { "\($0.displayWidth)×\($0.displayHeight) · \($0.durationSeconds.formatted2) s" }
                ?? "—"
            var item: [String: Any] = [
                "name": (file.path as NSString).lastPathComponent,
                "megabytes": (Double(file.bytes) / 1_048_576).formatted2, "pixels": pixels,
                "failing": failing.contains(file.path),
            ]
            if let thumbnail = bundle.thumbnails[file.path] {
                item["src"] = source(thumbnail)
            }
            return item
        }
        var view: [String: Any] = [
            "unit": bundle.unit.name,
            // The rule set's title for the type (`province` → 省、自治区、直辖市…); the key when it has none.
            "unitType": bundle.unit.type.map { key in
                ruleSet.units.types.first { $0.key == key }?.title.text(words.language) ?? key
            } ?? words.typeNotGiven,
            "quota": bundle.unit.quota.map(String.init) ?? "—",
            "subjectPath": bundle.subject.path,
            "verdictClass": summary.verdict.rawValue, "verdictText": words.verdict(summary.verdict),
            "summaryLine": words.summary(
                errors: summary.errors, warnings: summary.warnings, notices: summary.notices, verdict: summary.verdict),
            "candidates": candidates, "groups": groups, "sheet": sheet, "hasSheet": !sheet.isEmpty,
            "labels": words.htmlLabels,
        ]
        if let seal = bundle.seal {
            view["fingerprint"] = seal.fingerprint
            if let check = words.paperCheck(seal) { view["paperCheck"] = check }
        }
        if let approval = bundle.unit.approval { view["approval"] = approval }
        return view
    }

    private func finding(_ finding: Finding, _ words: ReportWords) -> [String: Any] {
        var item: [String: Any] = [
            "severity": finding.severity.rawValue, "severityText": words.severity(finding.severity),
            "rule": finding.rule.rawValue, "message": finding.message, "hint": finding.hint,
        ]
        if !finding.path.isEmpty { item["path"] = finding.path }
        if let data = finding.data, !data.isEmpty {
            item["data"] = data.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: " · ")
        }
        return item
    }
}
