import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Which unit a bundle comes from: the registry, else the ending of its name (units.yaml `inference`).
@Suite struct UnitResolverTests {
    private func resolver() throws -> UnitResolver { UnitResolver(rules: try Repository.ruleSet().units) }

    @Test func aSocietyTheRegistryDoesNotKnowIsTypedByItsName() throws {
        #expect(try resolver().identify("中国心理学会") == .inferred(type: "society", suffix: "学会"))
        #expect(try resolver().identify("中国石油天然气集团") == .inferred(type: "defense", suffix: "集团"))
        // The longest ending wins: 科学技术协会 is a province's, not a society's 协会.
        #expect(try resolver().identify("新疆生产建设兵团科学技术协会").type == "province")
    }

    @Test func onlyReallyCloseNamesAreSuggested() throws {
        // Two societies that share only 中国…学会 are not close; a misspelt registered name is.
        #expect(try resolver().suggestions(for: "中国心理学会").isEmpty)
        #expect(try resolver().suggestions(for: "中国化学学会") == ["中国化学会"])
        #expect(try resolver().suggestions(for: "湖北省科学协会").first == "湖北省科协")
    }

    @Test func aNameCloseToARegisteredOneIsNotTypedByItsEnding() throws {
        // 湖北省科学协会 ends in 协会, but it is 湖北省科协 misspelt: typing it as a society would judge a province
        // against a society's quota.
        #expect(try resolver().identify("湖北省科学协会") == .unknown(suggestions: ["湖北省科协"]))
        #expect(try resolver().identify("湖北省科协").type == "province")
    }

    @Test func anInferredSocietyIsJudgedAgainstItsQuota() throws {
        // judgement-problems recommends six, named by folders once its summary table is gone.
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "judgement-problems", as: "中国心理学会")
        try FileManager.default.removeItem(at: unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx"))
        let report = try Checker(ruleSet: try Repository.ruleSet(), options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: "中国心理学会")
        #expect(report.unit.type == "society")
        #expect(report.unit.quota == 2)
        let unknown = report.findings.filter { $0.rule == .quotaUnitUnknown }
        #expect(unknown.map(\.severity) == [.warning])
        #expect(unknown.first?.message.contains("全国学会") == true)
        #expect(unknown.first?.data?["inferredType"] == .string("society"))
        #expect(report.findings.contains { $0.rule == .quotaExceeded })
        // Told the type, the warning goes.
        let told = try Checker(
            ruleSet: try Repository.ruleSet(), options: CheckOptions(asOf: "2021-06-01", unitType: "society")
        ).check(bundle: RawPath(unit.path), displayPath: "中国心理学会")
        #expect(!told.findings.contains { $0.rule == .quotaUnitUnknown })
    }
}
