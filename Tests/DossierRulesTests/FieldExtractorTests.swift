import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

@Suite struct FieldExtractorTests {
    @Test(arguments: ["form-python-docx.docx", "form-libreoffice.docx"])
    func aFormGivesTheFieldsAPersonReads(_ file: String) throws {
        let ruleSet = try Repository.ruleSet()
        let document = try OfficeReader.docx(try OfficeFixture.bytes(file))
        let fields = FieldExtractor(rules: ruleSet.forms).fields(of: document)
        #expect(fields["name"] == FieldFact(value: "张三", label: "姓名"))
        #expect(fields["gender"]?.value == "男")
        #expect(fields["birth"]?.value == "1975-03")
        #expect(fields["political"]?.value == "中共党员")
        #expect(fields["employer"]?.value == "华中科技大学材料学院教授")
        #expect(fields["publicity"]?.value == "已公示。")
        // The raw cells agree with what python-docx wrote.
        let reference = try #require(OfficeFixture.expected).form
        let cells = Set(document.tables.flatMap { $0.flatMap { $0.map(\.text) } })
        for value in reference.values { #expect(cells.contains(value), "\(value)") }
        let merged = try #require(document.tables.first?[2].last)
        #expect(merged.span == 3 && merged.column == 1)
    }

    /// Issue 12 (1): official forms carry hints in their labels (`主要事迹（1500字以内）`, `（限…字）`,
    /// `(可另附页)`); every field is found under such a label, in rows, in columns and after LibreOffice saved the
    /// form again, and no value carries the hint's words.
    @Test(arguments: [
        "form-hinted-rows.docx", "form-hinted-columns.docx", "form-hinted-rows-libreoffice.docx",
        "form-hinted-columns-libreoffice.docx",
    ])
    func labelsWithHintsAreRecognised(_ file: String) throws {
        let ruleSet = try Repository.ruleSet()
        let fields = FieldExtractor(rules: ruleSet.forms).fields(
            of: try OfficeReader.docx(try OfficeFixture.bytes(file)))
        #expect(fields["name"]?.value == "张三")
        #expect(fields["gender"]?.value == "男")
        #expect(fields["birth"]?.value == "1975-03")
        #expect(fields["employer"]?.value == "华中科技大学材料学院教授")
        #expect(fields["deeds"] == FieldFact(value: "长期扎根科研一线，带领团队攻克关键核心技术。", label: "主要事迹（1500字以内）"))
        #expect(fields["honors"]?.value == "湖北省五一劳动奖章")
        #expect(fields["publicity"]?.value == "已于2021年5月在本单位公示5个工作日，无异议。")
        #expect(fields["unitOpinion"]?.value == "同意推荐。")
        if file.hasPrefix("form-hinted-rows") { #expect(fields["phone"]?.value == "13800000000") }
        for (key, fact) in fields {
            #expect(!["字", "附页", "全称", "盖章", "（", "("].contains { fact.value.contains($0) }, "\(key): \(fact.value)")
        }
    }

    /// Samples/valid with 张三's form replaced by a hinted one checks clean: the unit can seal.
    @Test(arguments: [
        "@form-hinted-rows", "@form-hinted-columns", "@form-hinted-rows-libreoffice",
        "@form-hinted-columns-libreoffice",
    ])
    func aBundleWithAHintedFormChecksClean(_ sample: String) throws {
        let report = try SampleRuns.shared.report(sample)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.rule) \($0.message)" })")
    }

    /// A hint standing alone in a value cell (the blank form's `（1500字以内）`) is no value; a hint before the value
    /// is left out of it; brackets that are not hints stay; a label that itself ends in brackets still matches.
    @Test func hintsAreNotValues() throws {
        let ruleSet = try Repository.ruleSet()
        let extractor = FieldExtractor(rules: ruleSet.forms)
        let blank = extractor.fields(of: try OfficeReader.docx(try OfficeFixture.bytes("form-hinted-blank.docx")))
        #expect(blank["deeds"]?.value ?? "" == "")
        #expect(blank["publicity"]?.value ?? "" == "")
        #expect(blank["honors"]?.value == "湖北省五一劳动奖章")
        var document = DocxDocument()
        document.paragraphs = [
            "主要事迹：（1500字以内）长期扎根科研一线。", "工作单位及职务（职称）：（中国）材料有限公司总工程师",
            "曾获荣誉（限300字，含标点：逗号）：湖北省五一劳动奖章", "公示情况 (可另附页) ：已公示。",
        ]
        let fields = extractor.fields(of: document)
        #expect(fields["deeds"]?.value == "长期扎根科研一线。")
        #expect(fields["employer"]?.value == "（中国）材料有限公司总工程师")
        #expect(fields["honors"]?.value == "湖北省五一劳动奖章")
        #expect(fields["publicity"]?.value == "已公示。")
    }

    /// A summary table whose header carries hints (`出生年月（年.月）`) is found and read.
    @Test func aSummaryHeaderWithHintsIsRead() throws {
        let ruleSet = try Repository.ruleSet()
        let sheets = try OfficeReader.xlsx(try OfficeFixture.bytes("summary-hinted-openpyxl.xlsx"))
        let summary = try #require(FieldExtractor(rules: ruleSet.forms).summary(of: sheets))
        #expect(summary.rows.first?["birth"]?.value == "1975-03")
        #expect(summary.rows.first?["employer"]?.value == "华中科技大学")
        #expect(summary.rows.first?["phone"]?.value == "13800000000")
    }

    @Test(arguments: ["summary-openpyxl.xlsx", "summary-libreoffice.xlsx"])
    func aSummaryTableGivesTheRowsAPersonReads(_ file: String) throws {
        let sheets = try OfficeReader.xlsx(try OfficeFixture.bytes(file))
        let ruleSet = try Repository.ruleSet()
        let summary = try #require(FieldExtractor(rules: ruleSet.forms).summary(of: sheets))
        #expect(summary.unit == "湖北省科协")
        #expect(summary.rows.map { $0["name"]?.value } == ["张三", "李四", "王五"])
        #expect(summary.rows.map { $0["birth"]?.value } == ["1975-03", "1980-07", "1969-12"])
    }

    @Test(arguments: [
        ("1975.03", "1975-03"), ("1975年3月", "1975-03"), ("1975-03", "1975-03"), ("1975/3", "1975-03"),
        ("1975-03-01", "1975-03"), ("197503", "1975-03"),
    ])
    func birthDatesInEverySpelling(_ text: String, _ normalised: String) {
        #expect(FieldExtractor.yearMonth(text) == normalised)
    }

    @Test func checkBoxesAndGender() {
        #expect(FieldExtractor.ticked("☑是 □否") == "是")
        #expect(FieldExtractor.ticked("□是 ■否") == "否")
        #expect(FieldExtractor.ticked("√中共党员") == "中共党员")
        #expect(FieldExtractor.ticked("□是 □否") == "")
        #expect(FieldExtractor.gender("☐男 ☑女") == "女")
        #expect(FieldExtractor.gender("男性") == "男")
        #expect(FieldExtractor.labelKey("姓　　名：") == "姓名")
    }

    @Test func aDocumentZipBombIsAZipBomb() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(ofSample: "valid")
        let form = copy.appendingPathComponent("张三/张三推荐表.docx")
        try FileManager.default.removeItem(at: form)
        try FileManager.default.copyItem(at: OfficeFixture.url("zip-bomb.docx"), to: form)
        let report = try Checker(ruleSet: try Repository.ruleSet(), options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(copy.path), displayPath: "x")
        #expect(report.findings.map(\.rule).contains(.zipBomb))
        #expect(!report.findings.map(\.rule).contains(.formCorrupt))
    }

    @Test func labelsAreMatchedWithoutTheCampaignPrefix() throws {
        let ruleSet = try Repository.ruleSet()
        let extractor = FieldExtractor(rules: ruleSet.forms, prefixes: ruleSet.header.campaignPrefixes)
        var document = DocxDocument()
        document.paragraphs = ["2021年“最美科技工作者”公示情况：已公示。"]
        #expect(extractor.fields(of: document)["publicity"] == FieldFact(value: "已公示。", label: "公示情况"))
        #expect(FieldExtractor(rules: ruleSet.forms).fields(of: document)["publicity"] == nil)
    }

    /// An Office document the reader refuses is a FORM-CORRUPT finding that names the part, in the run's language.
    @Test func theFindingNamesThePartInTheRunsLanguage() throws {
        let report = try SampleRuns.shared.report("@table-unreadable")
        let finding = try #require(report.findings.first { $0.rule == .formCorrupt })
        #expect(finding.path == "2021年“最美科技工作者”推荐人选汇总表.xlsx")
        #expect(finding.message.contains("文件中的“xl/sharedStrings.xml”部分无法读取"), "\(finding.message)")
        let unpackaged = try SampleRuns.shared.report("@form-unpackaged")
        let missing = try #require(unpackaged.findings.first { $0.rule == .formCorrupt })
        #expect(missing.path == "张三/张三推荐表.docx")
        #expect(missing.message.contains("缺少“[Content_Types].xml”"), "\(missing.message)")
    }
}
