import DossierPacking
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small .xlsx the office's desk writes (status, the national table): sheets of text and numbers, a bold and
/// frozen header row, column widths. Written with the seal's zip writer; opens in Excel, LibreOffice and WPS.
public struct XlsxWorkbook: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
    }

    public struct Column: Sendable, Equatable {
        public var title: String
        /// In characters (Excel's unit); a CJK character counts about two.
        public var width: Double

        public init(title: String, width: Double) {
            self.title = title
            self.width = width
        }
    }

    public struct Sheet: Sendable, Equatable {
        public var name: String
        public var columns: [Column]
        public var rows: [[Cell]]

        public init(name: String, columns: [Column], rows: [[Cell]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// A column's width that fits `texts`: CJK characters count two, at least 6 and at most 60.
    public static func width(_ texts: [String]) -> Double {
        let widest =
            texts.map { text in
                text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
            }.max() ?? 0
        return Double(min(max(widest + 2, 6), 60))
    }

    /// The workbook written to `descriptor` (a regular file positioned at 0).
    public func write(to descriptor: Int32) throws {
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 1, day: 1)
        for (name, text) in parts() { try writer.add(name: name, bytes: Array(text.utf8), compress: true) }
        try writer.finish()
    }

    /// The workbook's bytes (written through an unnamed temporary file: the zip writer patches headers in place).
    public func bytes() throws -> [UInt8] {
        guard let file = tmpfile() else { throw CocoaError(.fileWriteUnknown) }
        defer { fclose(file) }
        let descriptor = fileno(file)
        try write(to: descriptor)
        let size = lseek(descriptor, 0, SEEK_END)
        guard size >= 0 else { throw CocoaError(.fileReadUnknown) }
        var result = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < result.count {
            let read = result.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(done))
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { throw CocoaError(.fileReadUnknown) }
            done += read
        }
        return result
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            // XML 1.0 has no place for other control characters.
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// `A`, `B`, … `Z`, `AA` …
    static func column(_ index: Int) -> String {
        var name = ""
        var number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private func sheetXML(_ sheet: Sheet) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (index, column) in sheet.columns.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(column.width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        let header = sheet.columns.map { Cell.text($0.title) }
        for (rowIndex, row) in ([header] + sheet.rows).enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = "\(Self.column(columnIndex))\(rowIndex + 1)"
                let style = rowIndex == 0 ? " s=\"1\"" : ""
                switch cell {
                case .text(let text):
                    xml +=
                        "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                        + Self.escape(text) + "</t></is></c>"
                case .number(let number):
                    let shown = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
                    xml += "<c r=\"\(reference)\"\(style)><v>\(shown)</v></c>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    private func parts() -> [(String, String)] {
        let sheetTypes = sheets.indices.map { index in
            "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        let sheetList = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(Self.escape(String(sheet.name.prefix(31))))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        let sheetRelations = sheets.indices.map { index in
            "<Relationship Id=\"rId\(index + 1)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }.joined()
        var parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/styles.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(sheetTypes)</Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets>\(sheetList)</sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(sheetRelations)\
                <Relationship Id="rId\(sheets.count + 1)" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
                Target="styles.xml"/></Relationships>
                """
            ),
            (
                "xl/styles.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="宋体"/></font>\
                <font><b/><sz val="11"/><name val="宋体"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill>\
                <fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """
            ),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheetXML(sheet)))
        }
        return parts
    }
}
