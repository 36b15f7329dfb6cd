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
            var cases = Cases()
            for file in bundle.files {
                for rule in Self.rules(for: file.kind, in: context.ruleSet) { cases.add(rule, file.path, nil) }
            }
            for finding in bundle.findings { cases.add(finding.rule.rawValue, finding.path, finding) }
            let strict = bundle.summary.verdict == .fail && bundle.summary.errors == 0
            let (suite, failures) = Self.suite(bundle.unit.name, cases, strict: strict)
            suites.append(suite)
            totalTests += cases.all.count
            totalFailures += failures
        }
        if !report.crossFindings.isEmpty {
            var cases = Cases()
            for finding in report.crossFindings {
                let unit: String = if case .string(let name)? = finding.data?["unit"] { name } else { "" }
                cases.add(finding.rule.rawValue, unit, finding)
            }
            let (suite, failures) = Self.suite(ReportWords(context.language).acrossUnits, cases, strict: false)
            suites.append(suite)
            totalTests += cases.all.count
            totalFailures += failures
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"dossier \(Self.escape(report.ruleSet.id))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }

    /// Test cases by rule and path, in first-seen order, each with its findings.
    private struct Cases {
        var all: [(rule: String, path: String, findings: [Finding])] = []
        private var seen: [String: Int] = [:]

        mutating func add(_ rule: String, _ path: String, _ finding: Finding?) {
            let key = rule + "\u{0}" + path
            if let at = seen[key] {
                if let finding { all[at].findings.append(finding) }
                return
            }
            seen[key] = all.count
            all.append((rule, path, finding.map { [$0] } ?? []))
        }
    }

    /// One `<testsuite>`: errors (and warnings under `--strict`) fail their case; other findings are its output.
    private static func suite(_ name: String, _ cases: Cases, strict: Bool) -> (String, failures: Int) {
        var body: [String] = []
        var failures = 0
        for testCase in cases.all {
            let failing = testCase.findings.filter { $0.severity == .error || (strict && $0.severity == .warning) }
            var element =
                "    <testcase classname=\"\(escape(name)).\(testCase.rule)\" name=\"\(escape(testCase.rule + " " + (testCase.path.isEmpty ? "(bundle)" : testCase.path)))\" time=\"0\""
            if testCase.findings.isEmpty {
                element += "/>"
            } else {
                element += ">\n"
                if let first = failing.first {
                    failures += 1
                    element +=
                        "      <failure type=\"\(testCase.rule)\" message=\"\(escape(first.message))\">\(escape(failing.map { "\($0.message)\n→ \($0.hint)" }.joined(separator: "\n")))</failure>\n"
                }
                let notes = testCase.findings.filter { !failing.contains($0) }
                if !notes.isEmpty {
                    element +=
                        "      <system-out>\(escape(notes.map { "[\($0.severity.rawValue)] \($0.message) → \($0.hint)" }.joined(separator: "\n")))</system-out>\n"
                }
                element += "    </testcase>"
            }
            body.append(element)
        }
        let suite =
            "  <testsuite name=\"\(escape(name))\" tests=\"\(cases.all.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
            + body.joined(separator: "\n") + "\n  </testsuite>"
        return (suite, failures)
    }

    /// The file-level rules that apply to a file of `kind` (the rule set's `fileRules`) and that some check emits.
    static func rules(for kind: FileKind, in ruleSet: RuleSet) -> [String] {
        let checked = CheckFamilies.implementedRuleIDs
        return ruleSet.fileRules.ids(for: kind, in: ruleSet.rules).filter(checked.contains).map(\.rawValue)
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
