import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// The same engine, with no code change, gives the second rule set's own verdicts (issue: rules are data).
@Suite struct SecondRuleSetTests {
    private let provinceRules = Repository.root.appendingPathComponent("rules/example-province-2025").path

    private func findings(_ unit: URL, rules: String, options: CheckOptions) throws -> [Finding] {
        let ruleSet = try RuleSet.load(folder: rules)
        return try Checker(ruleSet: ruleSet, options: options).check(bundle: RawPath(unit.path), displayPath: "x")
            .findings
    }

    @Test func bothRuleSetsLoad() throws {
        let province = try RuleSet.load(folder: provinceRules)
        #expect(province.header.id == "example-province-2025")
        #expect(province.videos.maximumSeconds == 300)
        #expect(province.units.types.map(\.quota) == [1, 1])
        #expect(province.rule("BALANCE-ACADEMICIANS") != nil)
        #expect(province.header.manualChecks?.first?.zh.contains("红底") == true)
    }

    @Test func aFourMinuteLimitIsTheRuleSetsNotTheCodes() throws {
        let unit = try #require(Repository.unitFolder(ofSample: "video-problems"))
        let options = CheckOptions(asOf: "2021-06-01")
        let national = try findings(unit, rules: Repository.rules, options: options)
        let provincial = try findings(unit, rules: provinceRules, options: options)
        #expect(national.contains { $0.rule == .videoDuration && $0.path == "刘强/刘强1.mp4" })
        #expect(!provincial.contains { $0.rule == .videoDuration })
        // 中国工程物理研究院 is a unit of the national campaign, not of the province's.
        #expect(!national.contains { $0.rule == .quotaUnitUnknown })
        #expect(provincial.contains { $0.rule == .quotaUnitUnknown })
    }

    @Test func theValidBundleGetsTheProvincesOwnVerdict() throws {
        let unit = try #require(Repository.unitFolder(ofSample: "valid"))
        let national = try findings(unit, rules: Repository.rules, options: CheckOptions(asOf: "2021-06-01"))
        let provincial = try findings(
            unit, rules: provinceRules, options: CheckOptions(asOf: "2025-05-01", unitType: "city"))
        #expect(national.isEmpty)
        // A sole candidate of 50: the province wants at least 20 % under 45 (a notice).
        #expect(provincial.map(\.rule) == [.balanceAge])
    }

    @Test func academiciansAreCountedByTheProvincesRule() throws {
        let python = Repository.root.appendingPathComponent(".build/tools-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("the tools venv is missing: run `make test`, which makes it")
            return
        }
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid", as: "武汉市科协")
        let table = unit.appendingPathComponent("2021年“最美科技工作者”推荐人选汇总表.xlsx").path
        let form = unit.appendingPathComponent("张三/张三推荐表.docx").path
        let edit = """
            import sys
            from docx import Document
            from openpyxl import load_workbook
            book = load_workbook(sys.argv[1]); sheet = book.active
            sheet["A2"] = "推荐单位（盖章）：武汉市科协"; sheet["F4"] = "中国科学院院士"
            book.save(sys.argv[1])
            document = Document(sys.argv[2])
            for row in document.tables[0].rows:
                for cell in row.cells:
                    if cell.text == "研究员":
                        cell.text = "中国科学院院士"
            document.save(sys.argv[2])
            """
        #expect(try CommandRunner.run(python, ["-c", edit, table, form]).status == 0)
        let provincial = try findings(unit, rules: provinceRules, options: CheckOptions(asOf: "2025-05-01"))
        #expect(provincial.map(\.rule).sorted() == ["BALANCE-ACADEMICIANS", "BALANCE-AGE"])
    }
}
