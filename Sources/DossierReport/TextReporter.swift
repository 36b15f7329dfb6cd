import DossierCore
import Foundation

/// The terminal report: findings grouped by candidate, each with its fix, and a summary line.
public struct TextReporter: Reporter {
    public static let name = "text"

    public init() {}

    public static func make() -> TextReporter { TextReporter() }

    /// More findings of one rule for one candidate than this are shown as the first few and a count.
    static let groupAbove = 4
    static let groupShown = 3

    public func render(_ report: Report, context: ReportContext) throws -> String {
        let words = ReportWords(context.language)
        let paint = Paint(enabled: context.color)
        let total = report.summary
        let totalLine =
            words.bundles(total.bundles)
            + words.summary(
                errors: total.errors, warnings: total.warnings, notices: total.notices, verdict: total.verdict)
        let totalPainted = paint.verdict(total.verdict, totalLine)
        if context.quiet { return totalPainted + "\n" }
        var lines: [String] = []
        lines.append(
            paint.bold("\(words.title)") + " — \(words.ruleSet) \(report.ruleSet.id)  \(words.asOf) \(report.asOf)")
        for bundle in report.bundles {
            lines.append("")
            lines.append(
                paint.bold("■ \(bundle.unit.name)")
                    + "  (\(bundle.subject.path); \(words.files(bundle.files.count, candidates: bundle.candidates.count)))"
            )
            if bundle.unit.type != nil || bundle.unit.quota != nil {
                let type = bundle.unit.type.map { key in
                    context.ruleSet.units.types.first { $0.key == key }?.title.text(context.language) ?? key
                }
                lines.append(
                    "  " + words.unit(type: type, quota: bundle.unit.quota, approval: bundle.unit.approval))
            }
            if let seal = bundle.seal {
                let intact = !bundle.findings.contains {
                    $0.rule.rawValue.hasPrefix("SEAL-") || $0.rule.rawValue.hasPrefix("ZIP-")
                }
                lines.append("  " + words.fingerprint(seal, intact: intact))
            }
            let groups = group(bundle)
            if groups.isEmpty { lines.append("  " + words.noFindings) }
            for (heading, findings) in groups {
                lines.append("  " + paint.bold(heading))
                var byRule: [RuleID: Int] = [:]
                for finding in findings { byRule[finding.rule, default: 0] += 1 }
                var shown: [RuleID: Int] = [:]
                for finding in findings {
                    let count = byRule[finding.rule] ?? 0
                    let index = shown[finding.rule, default: 0]
                    shown[finding.rule] = index + 1
                    if count > Self.groupAbove && index >= Self.groupShown {
                        if index == Self.groupShown {
                            let rest = findings.filter { $0.rule == finding.rule }.dropFirst(Self.groupShown)
                            let names = rest.prefix(8).map { ($0.path as NSString).lastPathComponent }
                            lines.append("      " + words.andMore(rest.count, names: names))
                        }
                        continue
                    }
                    lines += Self.lines(of: finding, words: words, paint: paint)
                }
            }
            let summary = bundle.summary
            lines.append(
                "  "
                    + paint.verdict(
                        summary.verdict,
                        words.summary(
                            errors: summary.errors, warnings: summary.warnings, notices: summary.notices,
                            verdict: summary.verdict)))
        }
        if !report.crossFindings.isEmpty {
            lines.append("")
            lines.append(paint.bold("■ \(words.acrossUnits)"))
            for finding in report.crossFindings { lines += Self.lines(of: finding, words: words, paint: paint) }
        }
        let manual = context.ruleSet.header.manualChecks ?? []
        if !manual.isEmpty {
            lines.append("")
            lines.append(paint.bold(words.manualChecks))
            lines += manual.map { "  □ " + $0.text(context.language) }
        }
        lines.append("")
        lines.append(totalPainted)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One finding: its mark, severity, rule and place, the message, and the fix.
    private static func lines(of finding: Finding, words: ReportWords, paint: Paint) -> [String] {
        let mark = finding.severity == .error ? "✗" : finding.severity == .warning ? "!" : "·"
        let place = finding.path.isEmpty ? "" : "  \(finding.path)"
        return [
            "    " + paint.severity(finding.severity, "\(mark) \(words.severity(finding.severity)) \(finding.rule)")
                + place,
            "      \(finding.message)",
            "      → \(finding.hint)",
        ]
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
