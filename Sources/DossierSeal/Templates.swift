import DossierCore
import DossierInspect
import DossierPacking
import DossierRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `dossier init`: a new submission folder with blank templates made from the rule set — a form (.docx) whose
/// table has a label cell and an empty value cell per field, the two tables (.xlsx) with their title, unit and
/// header rows, and a short guide. Minimal OOXML packages written with the project's zip writer.
public enum SubmissionTemplates {
    /// Why a folder could not be made.
    public enum InitError: Error, BilingualMessage {
        case exists(String)
        case write(String, SystemReason)
        public func text(_ language: Language) -> String {
            switch self {
            case .exists(let path): SealWords.templatesFolderExists(path).text(language)
            case .write(let path, let reason): SealWords.cannotWriteTemplates(path, reason).text(language)
            }
        }
    }

    /// Makes `folder` (which must not exist) for the unit `unit`; returns the files written.
    public static func create(folder: String, unit: String, ruleSet: RuleSet) throws -> [String] {
        guard !FileManager.default.fileExists(atPath: folder) else { throw InitError.exists(folder) }
        let templates = ruleSet.forms.templates
        // Built beside the destination, then renamed: an interrupted init leaves no half-made folder.
        let staging = folder + ".dossier-init-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw InitError.write(folder, SystemReason(error) ?? SystemReason(EIO))
        }
        do {
            let labels = ruleSet.forms.fields.compactMap(\.labels.first)
            try write(docx(title: templates.formTitle, labels: labels), to: staging + "/" + templates.formFile)
            try write(
                xlsx(
                    sheet: templates.summarySheet,
                    rows: [
                        [templates.summaryTitle], ["\(ruleSet.forms.unitLabels[0])：\(unit)"],
                        templates.summaryColumns,
                    ]),
                to: staging + "/" + templates.summaryFile)
            try write(
                xlsx(sheet: templates.activitySheet, rows: [[templates.activityTitle], templates.activityColumns]),
                to: staging + "/" + templates.activityFile)
            try Data(templates.guide.replacingOccurrences(of: "{unit}", with: unit).utf8)
                .write(to: URL(fileURLWithPath: staging + "/" + templates.guideFile))
            guard rename(staging, folder) == 0 else { throw InitError.write(folder, .current) }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        return [templates.formFile, templates.summaryFile, templates.activityFile, templates.guideFile]
    }

    private static func write(_ parts: [(String, String)], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw InitError.write(path, .current) }
        defer { close(descriptor) }
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 1, day: 1)
        for (name, text) in parts { try writer.add(name: name, bytes: Array(text.utf8), compress: true) }
        try writer.finish()
    }

    /// Text for XML content and attributes.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func docx(title: String, labels: [String]) -> [(String, String)] {
        let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        func paragraph(_ text: String, bold: Bool = false) -> String {
            "<w:p><w:r>\(bold ? "<w:rPr><w:b/></w:rPr>" : "")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
        }
        let border =
            "<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/><w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
        let rows = labels.map { label in
            "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"2400\" w:type=\"dxa\"/></w:tcPr>\(paragraph(label, bold: true))</w:tc>"
                + "<w:tc><w:tcPr><w:tcW w:w=\"6600\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc></w:tr>"
        }.joined()
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(main)"><w:body>\(paragraph(title, bold: true))<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/><w:tblBorders>\(border)</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="2400"/><w:gridCol w:w="6600"/></w:tblGrid>\(rows)</w:tbl><w:p/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>
            """
        return [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """
            ),
            ("word/document.xml", document),
        ]
    }

    static func xlsx(sheet: String, rows: [[String]]) -> [(String, String)] {
        func column(_ index: Int) -> String {
            var name = "", number = index + 1
            while number > 0 {
                let remainder = (number - 1) % 26
                name = String(UnicodeScalar(UInt8(65 + remainder))) + name
                number = (number - 1) / 26
            }
            return name
        }
        let data = rows.enumerated().map { rowIndex, row in
            "<row r=\"\(rowIndex + 1)\">"
                + row.enumerated().map { columnIndex, text in
                    "<c r=\"\(column(columnIndex))\(rowIndex + 1)\" t=\"inlineStr\"><is><t>\(escape(text))</t></is></c>"
                }.joined() + "</row>"
        }.joined()
        return [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="\(escape(sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
                """
            ),
            (
                "xl/worksheets/sheet1.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(data)</sheetData></worksheet>
                """
            ),
        ]
    }
}
