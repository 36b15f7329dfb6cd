import DossierFiles
import DossierInspect
import DossierTestSupport
import Foundation
import Testing

@Suite struct OfficeReaderTests {
    @Test(arguments: ["summary-openpyxl.xlsx", "summary-libreoffice.xlsx"])
    func aSummaryTableReadsAsItShows(_ file: String) throws {
        let sheets = try OfficeReader.xlsx(try OfficeFixture.bytes(file))
        let sheet = try #require(sheets.first)
        #expect(sheet.name == "汇总表")
        #expect(Array(sheet.rows.suffix(4)) == (try #require(OfficeFixture.expected)).summary)
        #expect(sheet.merges == ["A1:H1"])
    }

    @Test(arguments: [
        "billion-laughs", "external-entity", "external-url", "zip-bomb", "truncated", "mismatched-tags", "bad-encoding",
    ])
    func hostileDocumentsAreProblemsInBoundedTime(_ name: String) throws {
        let start = Date()
        #expect(throws: OfficeProblem.self) { try OfficeReader.docx(try OfficeFixture.bytes("\(name).docx")) }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        // Had the entity been expanded, the machine's name would be in the text.
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines) ?? "?"
        do {
            let document = try OfficeReader.docx(try OfficeFixture.bytes("external-entity.docx"))
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

    @Test(arguments: ["form-libreoffice.doc", "summary-libreoffice.xls"])
    func legacyBinaryFormatsAreRecognisedByContent(_ file: String) throws {
        #expect(ContentType.sniff(Array(try OfficeFixture.bytes(file).prefix(32))) == .ole2)
        #expect(throws: OfficeProblem.self) { try OfficeReader.docx(try OfficeFixture.bytes(file)) }
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
        try TestZip.write(
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
        try TestZip.rewrite(OfficeFixture.url("summary-openpyxl.xlsx").path, to: path) { name, bytes in
            guard name == "xl/worksheets/sheet1.xml" else { return bytes }
            let text = String(decoding: bytes, as: UTF8.self)
            return Array(text.replacingOccurrences(of: #"<row r="1""#, with: #"<row r="\#(number)""#).utf8)
        }
        let sheets = try OfficeReader.xlsx(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(sheets.first?.rows.count == 6)
    }
}

extension OfficeReaderTests {

    /// Documents from real producers with one part taken out, refused or pointing at nothing: reading them is a
    /// problem that names the part, never a document read as if the part said nothing.
    @Suite struct MissingParts {
        private static let table = OfficeFixture.url("summary-libreoffice.xlsx")
        private static let openpyxlTable = OfficeFixture.url("summary-openpyxl.xlsx")
        private static let form = OfficeFixture.url("form-python-docx.docx")
        /// A python-docx form with a header (its classification marking).
        private static let formWithHeader = Repository.samples.appendingPathComponent(
            "form-problems/广东省科协/陈一/陈一推荐表.docx")

        /// `source` repacked part by part: `changes` gives a part new bytes, or nil to leave it out.
        private func repacked(_ source: URL, _ changes: [String: [UInt8]?]) throws -> [UInt8] {
            let folder = try TemporaryFolder()
            let target = folder.url.appendingPathComponent(source.lastPathComponent).path
            try TestZip.rewrite(source.path, to: target) { name, bytes in
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
                #expect(docxProblem(try OfficeFixture.bytes(name)) == nil, "\(name)")
            }
            for name in ["summary-openpyxl.xlsx", "summary-libreoffice.xlsx"] {
                #expect(xlsxProblem(try OfficeFixture.bytes(name)) == nil, "\(name)")
            }
            #expect(docxProblem(Array(try Data(contentsOf: Self.formWithHeader))) == nil)
        }
    }
}
