import DossierBundles
import DossierCore
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Testing

/// Every rule a check family can emit carries examples, and every example does what it says (STYLE: examples
/// are documentation and tests at once).
@Suite struct RuleExamplesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: RuleID
        var example: RuleExample
        var triggers: Bool
        var testDescription: String {
            "\(rule) \(triggers ? "fires" : "does not fire") at \(example.sample):\(example.path.isEmpty ? "(bundle)" : example.path)"
        }
    }

    static let cases: [Case] = ((try? Repository.ruleSet())?.rules ?? []).flatMap { rule -> [Case] in
        guard let examples = rule.examples else { return [] }
        return examples.triggering.map { Case(rule: rule.id, example: $0, triggers: true) }
            + examples.nonTriggering.map { Case(rule: rule.id, example: $0, triggers: false) }
    }

    @Test func everyImplementedRuleHasBothKindsOfExample() throws {
        let ruleSet = try Repository.ruleSet()
        let implemented = CheckFamilies.implementedRuleIDs.union(SealVerifier.ruleIDs).union(ZipInput.ruleIDs)
            .union(IntakeRunner.ruleIDs)
        for id in implemented.sorted() {
            let examples = try #require(ruleSet.rule(id)?.examples, "\(id) has no examples")
            #expect(!examples.triggering.isEmpty, "\(id) has no triggering example")
            #expect(!examples.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        }
        #expect(Self.cases.count >= 2 * implemented.count)
    }

    @Test(arguments: cases) func example(_ item: Case) throws {
        let report = try SampleRuns.shared.report(item.example.sample)
        let fired = report.findings.contains { $0.rule == item.rule && $0.path == item.example.path }
        if item.triggers {
            #expect(
                fired,
                "expected \(item.rule) at “\(item.example.path)”; got \(report.findings.map { "\($0.rule) \($0.path)" })"
            )
        } else {
            #expect(!fired, "\(item.rule) fired at “\(item.example.path)” but must not")
        }
    }
}
