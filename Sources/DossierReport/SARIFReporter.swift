import Crypto
import DossierCore
import DossierRules
import Foundation

/// SARIF 2.1.0 for code-scanning systems: the rule set's rules as `tool.driver.rules`, one result per finding with
/// a relative `artifactLocation.uri` and a stable `partialFingerprints` value, so one problem stays one alert.
public struct SARIFReporter: Reporter {
    public static let name = "sarif"

    public init() {}

    public static func make() -> SARIFReporter { SARIFReporter() }

    public func render(_ report: Report, context: ReportContext) throws -> String {
        let language = context.language
        let rules = context.ruleSet.rules
        let index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [[String: Any]] = []
        for bundle in report.bundles {
            for finding in bundle.findings {
                let relative = finding.path.isEmpty ? bundle.unit.name : bundle.unit.name + "/" + finding.path
                results.append(result(finding, relative: relative, ruleIndex: index[finding.rule]))
            }
        }
        // Findings across units (intake) are placed at the unit they were found for.
        for finding in report.crossFindings {
            guard case .string(let unit)? = finding.data?["unit"] else { continue }
            results.append(result(finding, relative: unit, ruleIndex: index[finding.rule]))
        }
        let driver: [String: Any] = [
            "name": report.tool.name,
            "version": report.tool.version,
            "rules": rules.map { rule -> [String: Any] in
                var descriptor: [String: Any] = [
                    "id": rule.id.rawValue,
                    "name": rule.id.rawValue.split(separator: "-").map { $0.capitalized }.joined(),
                    "shortDescription": ["text": rule.title.text(language)],
                    "fullDescription": ["text": rule.description.text(language)],
                    "defaultConfiguration": ["level": Self.level(rule.severity)],
                    "help": ["text": rule.hint.text(language)],
                ]
                if let notice = rule.notice { descriptor["properties"] = ["notice": notice] }
                return descriptor
            },
        ]
        let document: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                [
                    "tool": ["driver": driver],
                    "results": results,
                    "properties": [
                        "ruleSet": report.ruleSet.id, "ruleSetSha256": report.ruleSet.sha256, "asOf": report.asOf,
                    ],
                ]
            ],
        ]
        let data = try JSONSerialization.data(
            withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func result(_ finding: Finding, relative: String, ruleIndex: Int?) -> [String: Any] {
        var result: [String: Any] = [
            "ruleId": finding.rule.rawValue,
            "level": Self.level(finding.severity),
            "message": ["text": finding.message + " " + finding.hint],
            "locations": [
                [
                    "physicalLocation": [
                        "artifactLocation": [
                            "uri": relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
                        ]
                    ]
                ]
            ],
            // The same problem in the same place keeps its fingerprint across runs, whatever its wording.
            "partialFingerprints": [
                "dossierFinding/v1": SHA256.hash(data: Data("\(finding.rule.rawValue)|\(relative)".utf8)).hexDigits
            ],
        ]
        if let ruleIndex { result["ruleIndex"] = ruleIndex }
        if let data = finding.data {
            result["properties"] = data.mapValues { value -> Any in
                switch value {
                case .int(let number): number
                case .double(let number): number
                case .bool(let flag): flag
                case .string(let text): text
                case .list(let items): items
                }
            }
        }
        return result
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "note"
        }
    }
}
