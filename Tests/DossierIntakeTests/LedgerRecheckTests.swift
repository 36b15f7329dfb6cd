import DossierCore
import DossierIntake
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Issue #15 item 4: a recheck after a rule-set change reports exactly the bundles whose verdict changed, and the
/// ledger records it.
@Suite struct LedgerRecheckTests {
    @Test func aRuleChangeReportsExactlyTheVerdictsThatChanged() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        let hubei = try folder.copy(ofSample: "valid")
        let physics = try folder.copy(ofSample: "judgement-problems")
        var runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive)
        runner.now = { Date(timeIntervalSince1970: 1_624_000_000) }
        _ = try runner.run(paths: [hubei.path, physics.path])
        let ledger = try LedgerDesk.open(archive: archive)

        // The same rules: nothing changes.
        let same = try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").recheck(ledger, archive: archive)
        #expect(same.results.count == 2 && same.changed.isEmpty)
        #expect(same.results.allSatisfy { $0.added.isEmpty && $0.removed.isEmpty }, "\(same.results)")

        // The office learns that a 张三 born 1975-03 was honoured in 2020.
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: rules)
        let judgement = rules.appendingPathComponent("judgement.yaml")
        let text = try String(contentsOf: judgement, encoding: .utf8)
        try text.replacingOccurrences(of: "{name: 李东}", with: "{name: 李东}, {name: 张三, born: 1975-03}")
            .write(to: judgement, atomically: true, encoding: .utf8)
        let changedRules = try RuleSet.load(folder: rules.path)
        let recheck = try LedgerDesk(ruleSet: changedRules, language: .zh, asOf: "2021-06-18").recheck(
            ledger, archive: archive)
        #expect(recheck.changed.map(\.unit) == ["湖北省科协"])
        #expect(recheck.changed.first?.added == ["EXCL-PRIOR-HONOREE"])
        #expect(try ledger.recheckCount() == 2)
        // The new verdict decides: 湖北省科协 has no passing version any more.
        let status = try LedgerDesk(ruleSet: changedRules, language: .zh, asOf: "2021-06-18").status(ledger)
        #expect(status.units.first { $0.name == "湖北省科协" }?.state == .failed)
        let shown = LedgerRecheckRenderer(language: .zh).text(recheck)
        #expect(shown.contains("1 个结论有变") && shown.contains("通过 → 未通过") && shown.contains("EXCL-PRIOR-HONOREE"))
        #expect(!shown.contains("中国物理学会"))
    }
}
