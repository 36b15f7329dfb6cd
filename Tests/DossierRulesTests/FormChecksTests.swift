import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// FORM-* read their campaign knowledge from forms.yaml.
@Suite struct FormChecksTests {
    /// The findings on the form-problems sample under a copy of the bundled rule set whose forms.yaml `edit` changes.
    private func findings(editingForms edit: (String) -> String) throws -> [Finding] {
        let folder = try TemporaryFolder()
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: rules)
        let forms = rules.appendingPathComponent("forms.yaml")
        let text = try String(contentsOf: forms, encoding: .utf8)
        try edit(text).write(to: forms, atomically: true, encoding: .utf8)
        let unit = try #require(Repository.unitFolder(ofSample: "form-problems"))
        return try Checker(
            ruleSet: try RuleSet.load(folder: rules.path),
            options: CheckOptions(asOf: try ExpectedOutcome.load(sample: "form-problems").asOf)
        )
        .check(bundle: RawPath(unit.path), displayPath: "x").findings
    }

    private func inconsistentFields(_ findings: [Finding]) -> [String] {
        findings.filter { $0.rule == .formInconsistent }.compactMap {
            if case .string(let field)? = $0.data?["field"] { field } else { nil }
        }
    }

    /// 陈一's form says 女 and the summary table 男: a disagreement only while forms.yaml compares gender.
    @Test func theComparedFieldsComeFromTheRuleSet() throws {
        let bundled = try findings { $0 }
        #expect(inconsistentFields(bundled) == ["gender"])
        let withoutGender = try findings { $0.replacingOccurrences(of: "    - {field: gender}\n", with: "") }
        #expect(inconsistentFields(withoutGender) == [])
    }

    /// How FORM-INCONSISTENT names the form and the table is the rule set's wording.
    @Test func theSourcesAreNamedByTheRuleSet() throws {
        let renamed = try findings {
            $0.replacingOccurrences(of: "form: {zh: 推荐表, en: the form}", with: "form: {zh: 申报表, en: the application}")
        }
        let message = try #require(renamed.first { $0.rule == .formInconsistent }?.message)
        #expect(message.contains("申报表为“女”") && message.contains("汇总表为“男”"), "\(message)")
    }

    /// FORM-PUBLICITY-MISSING asks for the field forms.yaml names: 陈一's form lacks publicity but has a birth.
    @Test func thePublicityFieldComesFromTheRuleSet() throws {
        func missing(_ findings: [Finding]) -> [String] {
            findings.filter { $0.rule == .formPublicityMissing }.compactMap(\.candidate).sorted()
        }
        #expect(missing(try findings { $0 }).contains("陈一"))
        let byGender = try findings {
            $0.replacingOccurrences(of: "publicityField: publicity", with: "publicityField: gender")
        }
        #expect(!missing(byGender).contains("陈一"))
    }
}
