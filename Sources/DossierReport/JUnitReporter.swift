import DossierCore
import DossierRules
import Foundation

/// JUnit XML for CI: one test suite per bundle, one test case per rule and file checked; errors (and warnings under
/// `--strict`) fail, other findings are written to the case's output.
public struct JUnitReporter: Reporter {
    public static let name = "junit"

    public init() {}

    public static func make() -> JUnitReporter { JUnitReporter() }

    public func render(_ report: Report, context: ReportContext) throws -> String {
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0
        for bundle in report.bundles {
            let strict = bundle.summary.verdict == .fail && bundle.summary.errors == 0
            var cases: [(rule: String, path: String, findings: [Finding])] = []
            var seen: [String: Int] = [:]
            func add(_ rule: String, _ path: String, _ finding: Finding?) {
                let key = rule + "\u{0}" + path
                if let at = seen[key] {
                    if let finding { cases[at].findings.append(finding) }
                    return
                }
                seen[key] = cases.count
                cases.append((rule, path, finding.map { [$0] } ?? []))
            }
            for file in bundle.files {
                for rule in Self.rules(for: file.kind, in: context.ruleSet) { add(rule, file.path, nil) }
            }
            for finding in bundle.findings { add(finding.rule.rawValue, finding.path, finding) }
            var body: [String] = []
            var failures = 0
            for testCase in cases {
                let failing = testCase.findings.filter { $0.severity == .error || (strict && $0.severity == .warning) }
                var element =
                    "    <testcase classname=\"\(Self.escape(bundle.unit.name)).\(testCase.rule)\" name=\"\(Self.escape(testCase.rule + " " + (testCase.path.isEmpty ? "(bundle)" : testCase.path)))\" time=\"0\""
                if testCase.findings.isEmpty {
                    element += "/>"
                } else {
                    element += ">\n"
                    if let first = failing.first {
                        failures += 1
                        element +=
                            "      <failure type=\"\(testCase.rule)\" message=\"\(Self.escape(first.message))\">\(Self.escape(failing.map { "\($0.message)\n→ \($0.hint)" }.joined(separator: "\n")))</failure>\n"
                    }
                    let notes = testCase.findings.filter { !failing.contains($0) }
                    if !notes.isEmpty {
                        element +=
                            "      <system-out>\(Self.escape(notes.map { "[\($0.severity.rawValue)] \($0.message) → \($0.hint)" }.joined(separator: "\n")))</system-out>\n"
                    }
                    element += "    </testcase>"
                }
                body.append(element)
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append(
                "  <testsuite name=\"\(Self.escape(bundle.unit.name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
                    + body.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"dossier \(Self.escape(report.ruleSet.id))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    /// The file-level rules that apply to a file of `kind`, from the rule set's IDs.
    static func rules(for kind: FileKind, in ruleSet: RuleSet) -> [String] {
        let families: [String]
        switch kind {
        case .photo: families = ["FS-", "NAME-", "PHOTO-"]
        case .video: families = ["FS-", "NAME-", "VIDEO-"]
        case .junk: families = []
        default: families = ["FS-"]
        }
        let bundleLevel: Set<String> = ["PHOTO-ID-MISSING", "PHOTO-COUNT", "NAME-SEQUENCE"]
        let checked = CheckFamilies.implementedRuleIDs
        return ruleSet.rules.map(\.id).filter { id in
            checked.contains(id) && families.contains { id.rawValue.hasPrefix($0) }
                && !bundleLevel.contains(id.rawValue)
        }.map(\.rawValue)
    }

    /// XML text and attribute escaping; control characters other than tab and newline are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
