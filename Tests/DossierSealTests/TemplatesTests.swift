import DossierCore
import DossierInspect
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// `dossier init`'s templates take their words, files and worksheet names from the rule set.
@Suite struct TemplatesTests {
    private func sheetNames(_ path: URL) throws -> [String] {
        try OfficeReader.xlsx(Array(try Data(contentsOf: path))).map(\.name)
    }

    @Test func theWorksheetNamesComeFromTheRuleSet() throws {
        var ruleSet = try RuleSet.load(folder: Repository.rules)
        let templates = ruleSet.forms.templates
        let place = try TemporaryFolder()
        let bundled = place.url.appendingPathComponent("bundled")
        _ = try SubmissionTemplates.create(folder: bundled.path, unit: "深圳市科协", ruleSet: ruleSet)
        #expect(try sheetNames(bundled.appendingPathComponent(templates.summaryFile)) == ["汇总表"])
        #expect(try sheetNames(bundled.appendingPathComponent(templates.activityFile)) == ["活动"])

        ruleSet.forms.templates.summarySheet = "推荐人选"
        ruleSet.forms.templates.activitySheet = "宣传活动"
        let edited = place.url.appendingPathComponent("edited")
        _ = try SubmissionTemplates.create(folder: edited.path, unit: "深圳市科协", ruleSet: ruleSet)
        #expect(try sheetNames(edited.appendingPathComponent(templates.summaryFile)) == ["推荐人选"])
        #expect(try sheetNames(edited.appendingPathComponent(templates.activityFile)) == ["宣传活动"])
    }
}
