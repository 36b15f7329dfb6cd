import DossierCore
import DossierInspect
import DossierReport
import DossierRules
import DossierTestSupport
import Foundation
import Testing

private let root = Repository.root

private func report(_ sample: String, language: Language = .zh) throws -> (Report, ReportContext) {
    let ruleSet = try RuleSet.load(folder: root.appendingPathComponent("rules/zuimei-2021").path)
    let checker = Checker(ruleSet: ruleSet, options: CheckOptions(language: language, asOf: "2021-06-01"))
    let report = try checker.check(paths: [root.appendingPathComponent("Samples/\(sample)").path])
    return (report, ReportContext(language: language, ruleSet: ruleSet))
}

@Suite struct ReporterTests {
    @Test func everyListedFormatRenders() throws {
        let (value, context) = try report("photo-problems")
        for name in Reporters.names {
            let reporter = try #require(Reporters.named(name))
            #expect(!(try reporter.render(value, context: context)).isEmpty)
        }
        #expect(Reporters.named("nonsense") == nil)
    }

    /// The keys SPEC §6 promises, with their types.
    @Test func jsonHasTheShapeOfSection6() throws {
        let (value, context) = try report("photo-problems")
        let text = try JSONReporter().render(value, context: context)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect((object["tool"] as? [String: Any])?["name"] as? String == "dossier")
        let ruleSet = try #require(object["ruleSet"] as? [String: Any])
        #expect(ruleSet["id"] as? String == "zuimei-2021" && (ruleSet["sha256"] as? String)?.count == 64)
        #expect(object["asOf"] as? String == "2021-06-01")
        #expect(object["crossFindings"] as? [Any] != nil)
        let bundle = try #require((object["bundles"] as? [[String: Any]])?.first)
        #expect((bundle["subject"] as? [String: Any])?["kind"] as? String == "folder")
        let unit = try #require(bundle["unit"] as? [String: Any])
        #expect(unit["name"] as? String == "中国化学会")
        #expect(unit.keys.contains("approval") && unit["approval"] is NSNull)
        let candidate = try #require((bundle["candidates"] as? [[String: Any]])?.first)
        #expect(candidate["name"] as? String == "王芳" && candidate["fields"] as? [String: Any] != nil)
        let files = try #require(bundle["files"] as? [[String: Any]])
        let photo = try #require(files.first { $0["path"] as? String == "王芳/王芳4.jpg" })
        #expect(photo["kind"] as? String == "photo" && (photo["bytes"] as? Int ?? 0) > 2_097_152)
        let jpeg = try #require(photo["jpeg"] as? [String: Any])
        for key in [
            "width", "height", "components", "colorSpace", "progressive", "orientation", "trailingBytes", "decodes",
        ] {
            #expect(jpeg[key] != nil, "jpeg.\(key)")
        }
        let finding = try #require(
            (bundle["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "PHOTO-SIZE" })
        #expect(finding["severity"] as? String == "error" && finding["candidate"] as? String == "王芳")
        let data = try #require(finding["data"] as? [String: Any])
        #expect(data["minimum"] as? Int == 2_097_152 && data["bytes"] as? Int != nil)
        let summary = try #require(bundle["summary"] as? [String: Any])
        #expect(summary["verdict"] as? String == "fail" && summary["errors"] as? Int == 5)
    }

    @Test func sameInputGivesSameBytes() throws {
        let (first, context) = try report("naming-problems")
        let (second, _) = try report("naming-problems")
        #expect(try JSONReporter().render(first, context: context) == JSONReporter().render(second, context: context))
    }

    @Test func textGroupsByCandidateWithFixes() throws {
        let (value, context) = try report("layout-problems")
        let text = try TextReporter().render(value, context: context)
        let lines = text.split(separator: "\n").map(String.init)
        // Unit-level findings come first, under the unit's name, then each candidate's.
        let unitLine = try #require(lines.firstIndex(of: "  中国核工业集团有限公司"))
        let candidateLine = try #require(lines.firstIndex(of: "  周八"))
        #expect(unitLine < candidateLine)
        #expect(text.contains("→ 请把推荐表以 Word 格式放入该文件夹"))
        #expect(lines.last == "共 1 个材料包：12 个错误，2 个警告，4 个提示 — 未通过")
    }

    /// Issue 12 (9): the HTML report showed the unit type's key (“单位类型 province”); it shows the rule set's title.
    @Test(arguments: [Language.zh, .en]) func theHTMLReportNamesTheUnitTypeByItsTitle(_ language: Language) throws {
        let (value, context) = try report("valid", language: language)
        let html = try HTMLReporter().render(value, context: context)
        let title = language == .zh ? "省、自治区、直辖市及新疆生产建设兵团" : "province, region, municipality or the XPCC"
        #expect(html.contains("<td>\(title)</td>"))
        #expect(!html.contains("<td>province</td>"))
    }

    @Test func quietTextIsOneLine() throws {
        let (value, context) = try report("valid", language: .en)
        var quiet = context
        quiet.quiet = true
        #expect(
            try TextReporter().render(value, context: quiet) == "1 bundle: 0 errors, 0 warnings, 0 notices — pass\n")
    }
}
