import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// `EXCL-PRIOR-HONOREE`: name and birth month against the rule set's list of earlier honourees.
@Suite struct PriorHonoreeMatchTests {
    /// The bundled rule set with its honouree list replaced by one person.
    private func findings(
        sample: String, honoree name: String, born: String?, candidate: String
    ) throws -> [Finding] {
        var ruleSet = try Repository.ruleSet()
        ruleSet.judgement.priorHonorees = .init(
            rule: .exclPriorHonoree,
            lists: [.init(year: 2019, source: "测试名单", people: [.init(name: name, born: born)])])
        let unit = try #require(Repository.unitFolder(ofSample: sample))
        let report = try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: "x")
        return report.findings.filter { $0.rule == .exclPriorHonoree && $0.candidate == candidate }
    }

    @Test func sameNameAndBirthMonthIsAnError() throws {
        // 李东's form in judgement-problems gives 1966.05.
        let found = try findings(sample: "judgement-problems", honoree: "李东", born: "1966-05", candidate: "李东")
        #expect(found.map(\.severity) == [.error])
        #expect(found.first?.message.contains("1966-05") == true)
        #expect(found.first?.message.contains("2019") == true)
        #expect(found.first?.hint.contains("测试名单") == true)
        #expect(found.first?.data?["birth"] == .string("1966-05"))
    }

    @Test func aBirthYearAloneIsEnoughWhenTheListGivesNoMore() throws {
        let found = try findings(sample: "judgement-problems", honoree: "李 东", born: "1966", candidate: "李东")
        #expect(found.map(\.severity) == [.error])
    }

    @Test func aNamesakeBornInAnotherMonthPasses() throws {
        #expect(try findings(sample: "judgement-problems", honoree: "李东", born: "1966-06", candidate: "李东").isEmpty)
        #expect(try findings(sample: "judgement-problems", honoree: "李东", born: "1975", candidate: "李东").isEmpty)
    }

    @Test func aListWithoutBirthsAsksAPersonToConfirm() throws {
        let found = try findings(sample: "judgement-problems", honoree: "李东", born: nil, candidate: "李东")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("没有记载其出生年月") == true)
    }

    @Test func aFormWithoutABirthMonthAsksForOne() throws {
        // 陈一's form in form-problems gives 出生年月 不详.
        let found = try findings(sample: "form-problems", honoree: "陈一", born: "1970-01", candidate: "陈一")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.hint.contains("出生年月") == true)
    }

    @Test func otherNamesNeverMatch() throws {
        #expect(try findings(sample: "judgement-problems", honoree: "李冬", born: nil, candidate: "李东").isEmpty)
        #expect(try findings(sample: "judgement-problems", honoree: "李东", born: nil, candidate: "丁四").isEmpty)
    }
}
