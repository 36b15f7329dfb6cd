import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// `EXCL-*` read which fields they carry and where the birth month is from judgement.yaml.
@Suite struct ExclusionChecksTests {
    private func findings(_ ruleSet: RuleSet, _ rule: RuleID) throws -> [Finding] {
        let unit = try #require(Repository.unitFolder(ofSample: "judgement-problems"))
        let asOf = try ExpectedOutcome.load(sample: "judgement-problems").asOf
        return try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf))
            .check(bundle: RawPath(unit.path), displayPath: "x").findings.filter { $0.rule == rule }
    }

    @Test func theEvidenceFieldsComeFromTheRuleSet() throws {
        var ruleSet = try Repository.ruleSet()
        #expect(ruleSet.judgement.evidenceFields == ["identity", "adminRank", "honors"])
        let bundled = try #require(try findings(ruleSet, .exclMilitary).first)
        #expect(bundled.data?["identity"] != nil)
        ruleSet.judgement.evidenceFields = ["category"]
        let edited = try #require(try findings(ruleSet, .exclMilitary).first)
        #expect(edited.data?["identity"] == nil)
        #expect(edited.data.map { Set($0.keys).isSubset(of: ["category"]) } ?? true)
    }

    /// 李东's form gives 1966.05: with the birth month read from another field, the earlier honoree of that name
    /// and month can only be a name match.
    @Test func theBirthFieldComesFromTheRuleSet() throws {
        var ruleSet = try Repository.ruleSet()
        ruleSet.judgement.priorHonorees = .init(
            rule: .exclPriorHonoree,
            lists: [.init(year: 2019, source: "测试名单", people: [.init(name: "李东", born: "1966-05")])])
        let bundled = try findings(ruleSet, .exclPriorHonoree).filter { $0.candidate == "李东" }
        #expect(bundled.count == 1)
        #expect(bundled.first?.severity == .error)
        ruleSet.judgement.birthField = "title"
        let edited = try findings(ruleSet, .exclPriorHonoree).filter { $0.candidate == "李东" }
        #expect(edited.count == 1)
        #expect(edited.first?.severity == .warning)
    }
}
