import DossierCore

/// The terminal report: findings grouped by candidate, each with its fix, and a summary line.
public struct TextReporter: Reporter {
    public static let name = "text"

    public init() {}

    public func render(_ report: Report, context: ReportContext) throws -> String {
        let words = ReportWords(context.language)
        let total = report.summary
        let totalLine = words.bundles(total.bundles)
            + words.summary(errors: total.errors, warnings: total.warnings, notices: total.notices, verdict: total.verdict)
        if context.quiet { return totalLine + "\n" }
        var lines: [String] = []
        lines.append("\(words.title) — \(words.ruleSet) \(report.ruleSet.id)  \(words.asOf) \(report.asOf)")
        for bundle in report.bundles {
            lines.append("")
            lines.append("■ \(bundle.unit.name)  (\(bundle.subject.path); \(words.files(bundle.files.count, candidates: bundle.candidates.count)))")
            if let seal = bundle.seal {
                let intact = !bundle.findings.contains { $0.rule.rawValue.hasPrefix("SEAL-") || $0.rule.rawValue.hasPrefix("ZIP-") }
                lines.append("  " + words.fingerprint(seal.fingerprint, intact: intact))
            }
            let groups = group(bundle)
            if groups.isEmpty { lines.append("  " + words.noFindings) }
            for (heading, findings) in groups {
                lines.append("  \(heading)")
                for finding in findings {
                    let mark = finding.severity == .error ? "✗" : finding.severity == .warning ? "!" : "·"
                    let place = finding.path.isEmpty ? "" : "  \(finding.path)"
                    lines.append("    \(mark) \(words.severity(finding.severity)) \(finding.rule)\(place)")
                    lines.append("      \(finding.message)")
                    lines.append("      → \(finding.hint)")
                }
            }
            let summary = bundle.summary
            lines.append(
                "  " + words.summary(
                    errors: summary.errors, warnings: summary.warnings, notices: summary.notices, verdict: summary.verdict))
        }
        lines.append("")
        lines.append(totalLine)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Unit-level findings first, then each candidate's in the bundle's candidate order.
    private func group(_ bundle: BundleReport) -> [(String, [Finding])] {
        var result: [(String, [Finding])] = []
        let unitLevel = bundle.findings.filter { $0.candidate == nil }
        if !unitLevel.isEmpty { result.append((bundle.unit.name, unitLevel)) }
        for candidate in bundle.candidates {
            let own = bundle.findings.filter { $0.candidate == candidate.name }
            if !own.isEmpty { result.append((candidate.name, own)) }
        }
        return result
    }
}
