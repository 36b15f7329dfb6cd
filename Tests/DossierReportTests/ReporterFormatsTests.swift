import DossierCore
import DossierInspect
import DossierReport
import DossierRules
import DossierTestSupport
import Foundation
import Testing

private let golden = Repository.root.appendingPathComponent("Tests/DossierReportTests/Golden")
private let venvPython = Repository.root.appendingPathComponent(".build/tools-venv/bin/python").path
/// The SARIF 2.1.0 schema, where CI lays ../shared beside the checkout.
private let sarifSchema = Repository.root.deletingLastPathComponent().appendingPathComponent(
    "shared/schemas/sarif-schema-2.1.0.json"
).path
/// Python that validates the SARIF document at argv[2] against the schema at argv[1], leaving it in `document`.
private let validateSARIF = """
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
    jsonschema.validators.validator_for(schema)(schema).validate(document)
    """

/// `report` rendered by `reporter` into the file `name` of `folder`; its path.
private func write(
    _ report: Report, by reporter: any Reporter, context: ReportContext, to name: String, in folder: TemporaryFolder
) throws -> String {
    let path = folder.url.appendingPathComponent(name).path
    try reporter.render(report, context: context).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// The report of one sample, checked as of 2021-06-01, in Chinese, with paths relative to the checkout.
private func sampleReport(_ sample: String, thumbnails: Bool = false) throws -> (Report, ReportContext) {
    let ruleSet = try RuleSet.load(folder: Repository.rules)
    var options = CheckOptions(language: .zh, asOf: "2021-06-01")
    options.thumbnails = thumbnails
    let report = try Checker(ruleSet: ruleSet, options: options).check(paths: [
        Repository.samples.appendingPathComponent(sample).path
    ])
    return (report, ReportContext(language: .zh, ruleSet: ruleSet))
}

/// Output with the checkout's location and the rule set's hash taken out: golden files are about the formats, and
/// compare the same from any clone and after any change to the rules' wording.
private func portable(_ text: String, ruleSetSHA: String) -> String {
    text.replacingOccurrences(of: ruleSetSHA, with: "RULES-SHA256").replacingOccurrences(
        of: String(ruleSetSHA.prefix(16)), with: "RULES-SHA"
    )
    .replacingOccurrences(of: Repository.root.path + "/", with: "")
    .replacingOccurrences(
        of: Repository.root.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "", with: "")
}

private func runPython(_ script: String, _ arguments: [String]) throws -> CommandRunner.Result? {
    guard FileManager.default.isExecutableFile(atPath: venvPython) else {
        Issue.record("the tools venv is missing: run `make test`, which makes it")
        return nil
    }
    return try CommandRunner.run(venvPython, ["-c", script] + arguments)
}

@Suite struct ReporterFormatsTests {
    /// Every reporter on every sample matches its golden file (DOSSIER_UPDATE_GOLDEN=1 writes them anew).
    @Test(arguments: Repository.sampleNames) func goldenFiles(_ sample: String) throws {
        let (report, context) = try sampleReport(sample)
        let update = ProcessInfo.processInfo.environment["DOSSIER_UPDATE_GOLDEN"] == "1"
        for name in Reporters.names {
            let reporter = try #require(Reporters.named(name))
            let output = portable(try reporter.render(report, context: context), ruleSetSHA: report.ruleSet.sha256)
            let file = golden.appendingPathComponent("\(sample).\(name)")
            if update {
                try output.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(
                output == expected,
                "\(sample).\(name) differs from its golden file; if the change is intended, run with DOSSIER_UPDATE_GOLDEN=1"
            )
        }
    }

    /// The OASIS schema lies in ../shared, which CI lays beside the checkout; a clone alone skips what needs it.
    static let schemaIsBeside = FileManager.default.fileExists(atPath: sarifSchema)

    @Test(.enabled(if: schemaIsBeside, "skipped: ../shared/schemas/sarif-schema-2.1.0.json is not beside the checkout"))
    func sarifValidatesAgainstTheOASISSchema() throws {
        let (report, context) = try sampleReport("naming-problems")
        let folder = try TemporaryFolder()
        let path = try write(report, by: SARIFReporter(), context: context, to: "r.sarif", in: folder)
        let script =
            validateSARIF + """

                run = document["runs"][0]
                print(len(run["results"]), len(run["tool"]["driver"]["rules"]))
                """
        guard let result = try runPython(script, [sarifSchema, path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.text.trimmingCharacters(in: .whitespacesAndNewlines)
                == "\(report.bundles[0].findings.count) \(context.ruleSet.rules.count)")
    }

    @Test func sarifFingerprintsAreStableAcrossRuns() throws {
        let first = try SARIFReporter().render(
            try sampleReport("photo-problems").0, context: try sampleReport("photo-problems").1)
        let second = try SARIFReporter().render(
            try sampleReport("photo-problems").0, context: try sampleReport("photo-problems").1)
        #expect(first == second)
        #expect(first.contains("partialFingerprints"))
    }

    @Test func junitIsReadBackByAnIndependentParser() throws {
        let (report, context) = try sampleReport("photo-problems")
        let folder = try TemporaryFolder()
        let path = try write(report, by: JUnitReporter(), context: context, to: "r.xml", in: folder)
        let script = """
            import sys, junitparser
            for suite in junitparser.JUnitXml.fromfile(sys.argv[1]):
                failed = sum(1 for case in suite if any(isinstance(r, junitparser.Failure) for r in case.result))
                print(suite.name, suite.tests, failed)
            """
        guard let result = try runPython(script, [path]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let fields = result.text.split(separator: " ").map(String.init)
        #expect(fields.first == "中国化学会")
        // Every error fails exactly one test case (two errors on one rule and file share a case).
        let failingPlaces = Set(
            report.bundles[0].findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.path)" })
        #expect(fields.last?.trimmingCharacters(in: .whitespacesAndNewlines) == String(failingPlaces.count))
        #expect((Int(fields[1]) ?? 0) > report.bundles[0].files.count)
    }

    @Test(.enabled(if: schemaIsBeside, "skipped: ../shared/schemas/sarif-schema-2.1.0.json is not beside the checkout"))
    func findingsAcrossUnitsAppearInEveryFormat() throws {
        let (checked, context) = try sampleReport("valid")
        let cross = Finding(
            rule: .crossDuplicateCandidate, severity: .warning, path: "", candidate: "张三",
            message: "张三（1975-03 出生）同时出现在“湖北省科协”和“中国物理学会”的推荐中。", hint: "请协调。",
            data: ["unit": .string("湖北省科协"), "otherUnit": .string("中国物理学会")])
        let report = Report(
            ruleSet: checked.ruleSet, asOf: checked.asOf, bundles: checked.bundles, crossFindings: [cross])
        for name in Reporters.names {
            let output = try #require(Reporters.named(name)).render(report, context: context)
            #expect(output.contains("CROSS-DUPLICATE-CANDIDATE"), "\(name)")
        }
        let folder = try TemporaryFolder()
        let sarif = try write(report, by: SARIFReporter(), context: context, to: "r.sarif", in: folder)
        let junit = try write(report, by: JUnitReporter(), context: context, to: "r.xml", in: folder)
        let script =
            validateSARIF + """

                import junitparser
                results = document["runs"][0]["results"]
                print(len(results), results[-1]["ruleId"], results[-1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
                print(",".join(suite.name for suite in junitparser.JUnitXml.fromfile(sys.argv[3])))
                """
        guard let result = try runPython(script, [sarifSchema, sarif, junit]) else { return }
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.text.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasSuffix("CROSS-DUPLICATE-CANDIDATE %E6%B9%96%E5%8C%97%E7%9C%81%E7%A7%91%E5%8D%8F") == true)
        #expect(lines.last == "湖北省科协,跨单位（收件登记）")
    }

    @Test func hostileNamesShowAsText() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(ofSample: "valid")
        try FileManager.default.copyItem(
            at: copy.appendingPathComponent("张三/张三2.jpg"),
            to: copy.appendingPathComponent("张三/<img src=x onerror=alert(1)>.jpg"))
        try Data("x".utf8).write(to: copy.appendingPathComponent("<script>alert(1).txt"))
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        var options = CheckOptions(asOf: "2021-06-01")
        options.thumbnails = true
        let report = try Checker(ruleSet: ruleSet, options: options).check(paths: [copy.path])
        let context = ReportContext(language: .zh, ruleSet: ruleSet)
        let html = try HTMLReporter().render(report, context: context)
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.jpg"))
        let markdown = try MarkdownReporter().render(report, context: context)
        #expect(!markdown.contains("<script>"))
        let xml = try JUnitReporter().render(report, context: context)
        #expect(!xml.contains("<script>") && xml.contains("&lt;script&gt;"))
    }

    @Test func contactSheetHasAnUprightThumbnailOfEveryPhotoAndAPosterOfEveryVideo() throws {
        let (report, context) = try sampleReport("valid", thumbnails: true)
        let bundle = report.bundles[0]
        // Four photos and two videos.
        #expect(bundle.thumbnails.count == 6)
        // 张三2.mov is stored landscape and shown portrait: its poster (the middle frame) is upright.
        let poster = try #require(bundle.thumbnails["张三/张三2.mov"])
        let portrait = try #require(JPEGInspector.inspect(poster).facts)
        #expect(portrait.height > portrait.width && portrait.decodes)
        let phone = try #require(bundle.thumbnails["张三/张三3.jpg"])
        // Stored 2400x1800 with EXIF orientation 6: the thumbnail is upright, taller than wide.
        let facts = try #require(JPEGInspector.inspect(phone).facts)
        #expect(facts.height > facts.width && facts.decodes)
        let html = try HTMLReporter().render(report, context: context)
        #expect(html.components(separatedBy: "data:image/jpeg;base64,").count == 7)
    }

    @Test func textColoursOnlyWhenAsked() throws {
        let (report, context) = try sampleReport("photo-problems")
        var colored = context
        colored.color = true
        #expect(try TextReporter().render(report, context: colored).contains("\u{1B}[31;1m"))
        #expect(!(try TextReporter().render(report, context: context)).contains("\u{1B}["))
    }

    @Test func longListsAreGrouped() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(ofSample: "valid")
        for number in 1...9 { try Data("x".utf8).write(to: copy.appendingPathComponent("张三/备注\(number).txt")) }
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let report = try Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-01")).check(paths: [copy.path])
        let text = try TextReporter().render(report, context: ReportContext(language: .zh, ruleSet: ruleSet))
        #expect(text.components(separatedBy: "LAYOUT-UNKNOWN-FILE").count - 1 == 3)
        #expect(text.contains("…及其他 6 个文件（同一问题）：备注4.txt"))
    }

    @Test func theManualChecklistEndsTextAndHTML() throws {
        let (report, context) = try sampleReport("valid")
        let items = try #require(context.ruleSet.header.manualChecks)
        #expect(items.count >= 5)
        let text = try TextReporter().render(report, context: context)
        let html = try HTMLReporter().render(report, context: context)
        for item in items {
            #expect(text.contains("□ " + item.zh))
            #expect(html.contains("<li>□ " + item.zh + "</li>"))
        }
        #expect(html.contains("<h2>请人工核对"))
    }

    @Test(arguments: ["zuimei-2021", "example-province-2025"])
    func theCommittedRuleCatalogueIsCurrent(_ id: String) throws {
        let ruleSet = try RuleSet.load(folder: Repository.root.appendingPathComponent("rules/\(id)").path)
        let committed = try String(
            contentsOf: Repository.root.appendingPathComponent("docs/rules-\(id).md"), encoding: .utf8)
        #expect(
            RuleCatalogue.markdown(ruleSet, language: .zh) == committed,
            "docs/rules-\(id).md is stale: run `dossier rules list --format markdown --rules rules/\(id) -o docs/rules-\(id).md`"
        )
    }
}
