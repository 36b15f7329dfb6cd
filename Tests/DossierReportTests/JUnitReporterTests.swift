import DossierCore
import DossierReport
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// JUnit's test cases per file follow the rule set's `fileRules`, not a table in the reporter.
@Suite struct JUnitReporterTests {
    private func junit(_ ruleSet: RuleSet) throws -> String {
        let report = try Checker(ruleSet: ruleSet, options: CheckOptions(language: .zh, asOf: "2021-06-01")).check(
            paths: [Repository.samples.appendingPathComponent("valid").path])
        return try JUnitReporter().render(report, context: ReportContext(language: .zh, ruleSet: ruleSet))
    }

    @Test func theCasesPerFileComeFromTheRuleSet() throws {
        var ruleSet = try RuleSet.load(folder: Repository.rules)
        let bundled = try junit(ruleSet)
        #expect(bundled.contains("name=\"PHOTO-SIZE 张三/张三2.jpg\""))
        #expect(bundled.contains("name=\"NAME-PATTERN 张三/张三2.jpg\""))
        #expect(!bundled.contains("name=\"PHOTO-COUNT 张三/张三2.jpg\""))

        ruleSet.fileRules.groups = [.init(kinds: [.photo], families: ["PHOTO"])]
        ruleSet.fileRules.bundleLevel = [.photoSize]
        let edited = try junit(ruleSet)
        #expect(!edited.contains("name=\"PHOTO-SIZE 张三/张三2.jpg\""))
        #expect(!edited.contains("name=\"NAME-PATTERN 张三/张三2.jpg\""))
        #expect(edited.contains("name=\"PHOTO-COUNT 张三/张三2.jpg\""))
        #expect(edited.contains("name=\"PHOTO-FORMAT 张三/张三2.jpg\""))
    }
}
