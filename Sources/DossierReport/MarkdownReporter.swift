import DossierCore

/// Markdown for pasting into a message or an issue: a heading per bundle and a table of its findings.
public struct MarkdownReporter: Reporter {
    public static let name = "markdown"

    public init() {}

    public static func make() -> MarkdownReporter { MarkdownReporter() }

    public func render(_ report: Report, context: ReportContext) throws -> String {
        let words = ReportWords(context.language)
        var lines = [
            "# \(words.title)", "", "\(words.ruleSet) `\(report.ruleSet.id)` · \(words.asOf) \(report.asOf)", "",
        ]
        for bundle in report.bundles {
            let summary = bundle.summary
            lines.append("## \(Self.cell(bundle.unit.name))")
            lines.append("")
            if let seal = bundle.seal {
                let paper = words.paperCheck(seal).map(words.aside) ?? ""
                lines.append("\(words.fingerprint): `\(seal.fingerprint)`\(paper)\n")
            }
            lines.append(
                "**"
                    + words.summary(
                        errors: summary.errors, warnings: summary.warnings, notices: summary.notices,
                        verdict: summary.verdict) + "**")
            lines.append("")
            guard !bundle.findings.isEmpty else {
                lines.append(words.noFindings)
                lines.append("")
                continue
            }
            lines += table(bundle.findings, words: words)
        }
        if !report.crossFindings.isEmpty {
            lines.append("## \(words.acrossUnits)")
            lines.append("")
            lines += table(report.crossFindings, words: words)
        }
        let total = report.summary
        lines.append(
            words.bundles(total.bundles)
                + words.summary(
                    errors: total.errors, warnings: total.warnings, notices: total.notices, verdict: total.verdict))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The findings as a table, and a blank line.
    private func table(_ findings: [Finding], words: ReportWords) -> [String] {
        var lines = [
            words.findingsTableHead,
            "| --- | --- | --- | --- | --- |",
        ]
        for finding in findings {
            lines.append(
                "| \(words.severity(finding.severity)) | `\(finding.rule)` | \(Self.cell(finding.path)) | \(Self.cell(finding.message)) | \(Self.cell(finding.hint)) |"
            )
        }
        return lines + [""]
    }

    /// A table cell: pipes, backticks and angle brackets cannot break the table or become markup.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\n", with: " ")
    }
}
