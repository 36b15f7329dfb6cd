import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import DossierTestSupport
import Foundation
import Testing

private let office = Repository.root.appendingPathComponent("Tests/Fixtures/office")

private func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: office.appendingPathComponent(name)))
}

/// What a person reads in each fixture (scripts/make-office-fixtures.py wrote it).
private struct Expected: Decodable {
    var form: [String: String]
    var summary: [[String]]
}

@Suite struct OfficeTests {
    private let expected: Expected? = {
        guard let data = try? Data(contentsOf: office.appendingPathComponent("expected.json")) else { return nil }
        return try? JSONDecoder().decode(Expected.self, from: data)
    }()

    @Test(arguments: ["form-python-docx.docx", "form-libreoffice.docx"])
    func aFormGivesTheFieldsAPersonReads(_ file: String) throws {
        let ruleSet = try Repository.ruleSet()
        let document = try OfficeReader.docx(try bytes(file))
        let fields = FieldExtractor(rules: ruleSet.forms).fields(of: document)
        #expect(fields["name"] == FieldFact(value: "张三", label: "姓名"))
        #expect(fields["gender"]?.value == "男")
        #expect(fields["birth"]?.value == "1975-03")
        #expect(fields["political"]?.value == "中共党员")
        #expect(fields["employer"]?.value == "华中科技大学材料学院教授")
        #expect(fields["publicity"]?.value == "已公示。")
        // The raw cells agree with what python-docx wrote.
        let reference = try #require(expected).form
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
        let fields = FieldExtractor(rules: ruleSet.forms).fields(of: try OfficeReader.docx(try bytes(file)))
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
        let blank = extractor.fields(of: try OfficeReader.docx(try bytes("form-hinted-blank.docx")))
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
        let sheets = try OfficeReader.xlsx(try bytes("summary-hinted-openpyxl.xlsx"))
        let summary = try #require(FieldExtractor(rules: ruleSet.forms).summary(of: sheets))
        #expect(summary.rows.first?["birth"]?.value == "1975-03")
        #expect(summary.rows.first?["employer"]?.value == "华中科技大学")
        #expect(summary.rows.first?["phone"]?.value == "13800000000")
    }

    @Test(arguments: ["summary-openpyxl.xlsx", "summary-libreoffice.xlsx"])
    func aSummaryTableReadsAsItShows(_ file: String) throws {
        let sheets = try OfficeReader.xlsx(try bytes(file))
        let sheet = try #require(sheets.first)
        #expect(sheet.name == "汇总表")
        #expect(Array(sheet.rows.suffix(4)) == (try #require(expected)).summary)
        #expect(sheet.merges == ["A1:H1"])
        let ruleSet = try Repository.ruleSet()
        let summary = try #require(FieldExtractor(rules: ruleSet.forms).summary(of: sheets))
        #expect(summary.unit == "湖北省科协")
        #expect(summary.rows.map { $0["name"]?.value } == ["张三", "李四", "王五"])
        #expect(summary.rows.map { $0["birth"]?.value } == ["1975-03", "1980-07", "1969-12"])
    }

    @Test(arguments: [
        "billion-laughs", "external-entity", "external-url", "zip-bomb", "truncated", "mismatched-tags", "bad-encoding",
    ])
    func hostileDocumentsAreProblemsInBoundedTime(_ name: String) throws {
        let start = Date()
        #expect(throws: OfficeProblem.self) { try OfficeReader.docx(try bytes("\(name).docx")) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        // Had the entity been expanded, the machine's name would be in the text.
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? "?"
        do {
            let document = try OfficeReader.docx(try bytes("external-entity.docx"))
            #expect(!document.text.contains(hostname))
        } catch {
            #expect(error is OfficeProblem)
        }
    }

    @Test func excelDates() {
        #expect(OfficeReader.date(serial: 29403, date1904: false) == "1980-07-01")
        #expect(OfficeReader.date(serial: 1, date1904: false) == "1900-01-01")
        #expect(OfficeReader.date(serial: 61, date1904: false) == "1900-03-01")
        #expect(OfficeReader.date(serial: 0, date1904: true) == "1904-01-01")
        #expect(OfficeReader.isDateFormat(#"yyyy"年"m"月""#) && OfficeReader.isDateFormat("mm-dd-yy"))
        #expect(!OfficeReader.isDateFormat("0.00") && !OfficeReader.isDateFormat(#""day" 0"#))
        #expect(OfficeReader.column(of: "B3") == 1 && OfficeReader.column(of: "AA10") == 26)
    }

    @Test(arguments: [
        ("1975.03", "1975-03"), ("1975年3月", "1975-03"), ("1975-03", "1975-03"), ("1975/3", "1975-03"),
        ("1975-03-01", "1975-03"), ("197503", "1975-03"),
    ])
    func birthDatesInEverySpelling(_ text: String, _ normalised: String) {
        #expect(FieldExtractor.yearMonth(text) == normalised)
    }

    @Test(arguments: ["form-libreoffice.doc", "summary-libreoffice.xls"])
    func legacyBinaryFormatsAreRecognisedByContent(_ file: String) throws {
        #expect(ContentType.sniff(Array(try bytes(file).prefix(32))) == .ole2)
        #expect(throws: OfficeProblem.self) { try OfficeReader.docx(try bytes(file)) }
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

    @Test func aSheetClaimingAMillionRowsIsStreamedAndBounded() throws {
        // 1,048,576 rows (Excel's maximum): read as a stream, only the first rows kept.
        var sheet = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        sheet.reserveCapacity(40 << 20)
        for row in 1...1_048_576 { sheet += #"<row r="\#(row)"><c r="A\#(row)"><v>\#(row)</v></c></row>"# }
        sheet += "</sheetData></worksheet>"
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("big.xlsx").path
        let workbook =
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="大" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        let relations =
            #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>"#
        let types =
            #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
        let package =
            #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        try OfficeZip.write(
            path,
            [
                ("[Content_Types].xml", types), ("_rels/.rels", package), ("xl/workbook.xml", workbook),
                ("xl/_rels/workbook.xml.rels", relations), ("xl/worksheets/sheet1.xml", sheet),
            ])
        let sheets = try OfficeReader.xlsx(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let read = try #require(sheets.first)
        #expect(read.truncated)
        #expect(read.rows.count == OfficeLimits().maximumRows)
        #expect(read.rows.last == [String(OfficeLimits().maximumRows)])
    }

    @Test(arguments: ["-9223372036854775808", "0", "-1", "9223372036854775807", "99999999999999999999"])
    func rowNumbersFromTheFileNeverTrap(_ number: String) throws {
        // openpyxl's table with its first row renumbered: the number is the file's, any arithmetic on it checked.
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("rows.xlsx").path
        try SealedSample.rewrite(office.appendingPathComponent("summary-openpyxl.xlsx").path, to: path) { name, bytes in
            guard name == "xl/worksheets/sheet1.xml" else { return bytes }
            let text = String(decoding: bytes, as: UTF8.self)
            return Array(text.replacingOccurrences(of: #"<row r="1""#, with: #"<row r="\#(number)""#).utf8)
        }
        let sheets = try OfficeReader.xlsx(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(sheets.first?.rows.count == 6)
    }

    @Test func aDocumentZipBombIsAZipBomb() throws {
        let folder = try TemporaryFolder()
        let copy = try folder.copy(ofSample: "valid")
        let form = copy.appendingPathComponent("张三/张三推荐表.docx")
        try FileManager.default.removeItem(at: form)
        try FileManager.default.copyItem(at: office.appendingPathComponent("zip-bomb.docx"), to: form)
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
}

/// Documents from real producers with one part taken out, refused or pointing at nothing: reading them is a
/// problem that names the part, never a document read as if the part said nothing.
@Suite struct OfficePartTests {
    private static let table = office.appendingPathComponent("summary-libreoffice.xlsx")
    private static let openpyxlTable = office.appendingPathComponent("summary-openpyxl.xlsx")
    private static let form = office.appendingPathComponent("form-python-docx.docx")
    /// A python-docx form with a header (its classification marking).
    private static let formWithHeader = Repository.samples.appendingPathComponent(
        "form-problems/广东省科协/陈一/陈一推荐表.docx")

    /// `source` repacked part by part: `changes` gives a part new bytes, or nil to leave it out.
    private func repacked(_ source: URL, _ changes: [String: [UInt8]?]) throws -> [UInt8] {
        let folder = try TemporaryFolder()
        let target = folder.url.appendingPathComponent(source.lastPathComponent).path
        try SealedSample.rewrite(source.path, to: target) { name, bytes in
            if let change = changes[name] { return change }
            return bytes
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: target)))
    }

    private func part(_ name: String, of source: URL) throws -> String {
        let archive = try ZipArchive(RawPath(source.path))
        let entry = try #require(archive.entries.first { $0.name == name })
        return String(decoding: try archive.contents(entry, limit: 1 << 24), as: UTF8.self)
    }

    private func xlsxProblem(_ bytes: [UInt8]) -> OfficeProblem? {
        do {
            _ = try OfficeReader.xlsx(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func docxProblem(_ bytes: [UInt8]) -> OfficeProblem? {
        do {
            _ = try OfficeReader.docx(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func sharedStringsWithADTDAreRefusedByName() throws {
        let strings = try part("xl/sharedStrings.xml", of: Self.table).replacingOccurrences(
            of: "?>\n", with: "?>\n<!DOCTYPE sst [<!ENTITY x \"y\">]>\n")
        let problem = xlsxProblem(try repacked(Self.table, ["xl/sharedStrings.xml": Array(strings.utf8)]))
        guard case .xml(let part, .forbidden) = problem else {
            Issue.record("got \(String(describing: problem))")
            return
        }
        #expect(part == "xl/sharedStrings.xml")
    }

    @Test func cellsWhoseSharedStringsAreMissingAreAProblem() throws {
        let problem = xlsxProblem(try repacked(Self.table, ["xl/sharedStrings.xml": nil]))
        #expect(problem == .missingPart("xl/sharedStrings.xml"))
    }

    @Test func aCellPointingPastTheSharedStringsIsAProblem() throws {
        let sheet = try part("xl/worksheets/sheet1.xml", of: Self.table)
        let pointing = try #require(sheet.range(of: #"t="s"><v>\d+</v>"#, options: .regularExpression))
        let changed = sheet.replacingCharacters(in: pointing, with: #"t="s"><v>999</v>"#)
        let problem = xlsxProblem(try repacked(Self.table, ["xl/worksheets/sheet1.xml": Array(changed.utf8)]))
        guard case .badReference(let part, let what) = problem else {
            Issue.record("got \(String(describing: problem))")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml" && what.contains("999"))
    }

    @Test(arguments: ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml"])
    func aWorkbookWithoutAPartItNeedsIsAProblem(_ name: String) throws {
        #expect(xlsxProblem(try repacked(Self.openpyxlTable, [name: nil])) == .missingPart(name))
    }

    @Test(arguments: ["[Content_Types].xml", "_rels/.rels"])
    func aFormWithoutAPackagePartIsAProblem(_ name: String) throws {
        #expect(docxProblem(try repacked(Self.form, [name: nil])) == .missingPart(name))
    }

    @Test(arguments: ["word/header1.xml", "word/_rels/document.xml.rels"])
    func aFormWhoseHeaderCannotBeFoundIsAProblem(_ name: String) throws {
        #expect(docxProblem(try repacked(Self.formWithHeader, [name: nil])) == .missingPart(name))
    }

    @Test func aPartStoredTwiceIsAProblemNotAChoice() throws {
        // Python's zipfile stores word/document.xml a second time (an empty document): which one would Word read?
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("twice.docx").path
        let script = """
            import shutil, sys, warnings, zipfile
            warnings.simplefilter("ignore")
            shutil.copy(sys.argv[1], sys.argv[2])
            with zipfile.ZipFile(sys.argv[2], "a") as archive:
                archive.writestr("word/document.xml", "<w:document xmlns:w='x'/>")
            """
        let run = try CommandRunner.run("/usr/bin/env", ["python3", "-c", script, Self.form.path, path])
        try #require(run.status == 0, "\(run.stderr)")
        let problem = docxProblem(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        guard case .badReference(let part, _) = problem else {
            Issue.record("got \(String(describing: problem))")
            return
        }
        #expect(part == "word/document.xml")
    }

    @Test func everyFixtureAndSampleDocumentStillReads() throws {
        for name in [
            "form-python-docx.docx", "form-libreoffice.docx", "form-hinted-rows.docx", "form-hinted-columns.docx",
            "form-hinted-rows-libreoffice.docx", "form-hinted-columns-libreoffice.docx", "form-hinted-blank.docx",
        ] {
            #expect(docxProblem(try bytes(name)) == nil, "\(name)")
        }
        for name in ["summary-openpyxl.xlsx", "summary-libreoffice.xlsx"] {
            #expect(xlsxProblem(try bytes(name)) == nil, "\(name)")
        }
        #expect(docxProblem(Array(try Data(contentsOf: Self.formWithHeader))) == nil)
    }

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
