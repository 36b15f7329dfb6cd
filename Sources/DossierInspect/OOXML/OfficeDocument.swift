import DossierCore
import Foundation

/// Why an Office document could not be read.
public enum OfficeProblem: Error, Equatable, CustomStringConvertible {
    case zip(ZipError)
    case xml(part: String, XMLProblem)
    case missingPart(String)

    public var description: String {
        switch self {
        case .zip(let error): error.description
        case .xml(let part, let problem): "\(part): \(problem)"
        case .missingPart(let part): "the part \(part) is missing"
        }
    }
}

/// Limits on what reading one Office document may cost (its zip and its XML).
public struct OfficeLimits: Sendable, Equatable {
    public var zip: ZipLimits
    public var maximumPartBytes: Int
    public var maximumEvents: Int
    public var maximumRows: Int
    public var maximumColumns: Int

    public init(
        zip: ZipLimits = ZipLimits(
            maximumEntries: 10_000, maximumEntryBytes: 256 << 20, maximumTotalBytes: 512 << 20, maximumRatio: 200),
        maximumPartBytes: Int = 128 << 20, maximumEvents: Int = 20_000_000, maximumRows: Int = 20_000,
        maximumColumns: Int = 256
    ) {
        self.zip = zip
        self.maximumPartBytes = maximumPartBytes
        self.maximumEvents = maximumEvents
        self.maximumRows = maximumRows
        self.maximumColumns = maximumColumns
    }
}

/// A cell of a Word table.
public struct DocxCell: Sendable, Equatable {
    public enum Merge: String, Sendable { case none, restart, `continue` }
    public var text: String
    /// Grid columns the cell spans (`w:gridSpan`).
    public var span: Int
    /// Vertical merge (`w:vMerge`).
    public var merge: Merge
    /// The grid column it starts in.
    public var column: Int
}

/// A Word document's text: body paragraphs, tables, and the text of headers and footers.
public struct DocxDocument: Sendable, Equatable {
    public var paragraphs: [String] = []
    public var tables: [[[DocxCell]]] = []
    /// Headers and footers, by part name (`word/header1.xml`).
    public var headersAndFooters: [String: String] = [:]

    public init() {}

    /// All the text, body first, in reading order.
    public var text: String {
        (paragraphs + tables.flatMap { $0.flatMap { $0.map(\.text) } }).joined(separator: "\n")
    }
}

/// A sheet of a workbook: cell values as shown, by row and column (dense).
public struct XlsxSheet: Sendable, Equatable {
    public var name: String
    public var rows: [[String]]
    public var merges: [String]
    /// True when rows or columns beyond the limits were left out.
    public var truncated: Bool
}

/// Reads .docx and .xlsx files (OOXML): a zip of XML parts, read with limits on both.
public enum OfficeReader {
    /// The document in `bytes` (a .docx).
    public static func docx(_ bytes: [UInt8], limits: OfficeLimits = OfficeLimits()) throws(OfficeProblem)
        -> DocxDocument
    {
        let archive = try open(bytes, limits: limits)
        var document = DocxDocument()
        guard let body = try part("word/document.xml", in: archive, limits: limits) else {
            throw .missingPart("word/document.xml")
        }
        try parseWord(body, part: "word/document.xml", into: &document, limits: limits)
        for entry in archive.entries
        where entry.name.range(of: #"^word/(header|footer)\d*\.xml$"#, options: .regularExpression) != nil {
            if let bytes = try part(entry.name, in: archive, limits: limits) {
                var inner = DocxDocument()
                try parseWord(bytes, part: entry.name, into: &inner, limits: limits)
                document.headersAndFooters[entry.name] = inner.text
            }
        }
        return document
    }

    /// The sheets in `bytes` (an .xlsx), with dates as `YYYY-MM-DD` where the cell's style is a date.
    public static func xlsx(_ bytes: [UInt8], limits: OfficeLimits = OfficeLimits()) throws(OfficeProblem)
        -> [XlsxSheet]
    {
        let archive = try open(bytes, limits: limits)
        guard let workbook = try part("xl/workbook.xml", in: archive, limits: limits) else {
            throw .missingPart("xl/workbook.xml")
        }
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        try events(workbook, part: "xl/workbook.xml", limits: limits) { event in
            if case .start(let name, let attributes, _) = event {
                if local(name) == "sheet", let sheetName = attributes["name"],
                    let id = attributes.first(where: { local($0.key) == "id" && $0.key.contains(":") })?.value
                {
                    sheets.append((sheetName, id))
                }
                if local(name) == "workbookPr", let value = attributes["date1904"] {
                    date1904 = value == "1" || value == "true"
                }
            }
        }
        var targets: [String: String] = [:]
        if let relations = try part("xl/_rels/workbook.xml.rels", in: archive, limits: limits) {
            try events(relations, part: "xl/_rels/workbook.xml.rels", limits: limits) { event in
                if case .start(let name, let attributes, _) = event, local(name) == "Relationship",
                    let id = attributes["Id"], let target = attributes["Target"]
                {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        let strings = try sharedStrings(archive, limits: limits)
        let dateStyles = try dateStyleIndices(archive, limits: limits)
        var result: [XlsxSheet] = []
        for (index, sheet) in sheets.enumerated() {
            let path = targets[sheet.id] ?? "xl/worksheets/sheet\(index + 1).xml"
            guard let bytes = try part(path, in: archive, limits: limits) else { throw .missingPart(path) }
            result.append(
                try parseSheet(
                    bytes, name: sheet.name, part: path, strings: strings, dateStyles: dateStyles,
                    date1904: date1904, limits: limits))
        }
        return result
    }

    // MARK: - Parts

    private static func open(_ bytes: [UInt8], limits: OfficeLimits) throws(OfficeProblem) -> ZipArchive {
        do {
            return try ZipArchive(MemoryRandomAccess(bytes), limits: limits.zip)
        } catch let error as ZipError {
            throw .zip(error)
        } catch {
            throw .zip(.corrupt("\(error)"))
        }
    }

    private static func part(_ name: String, in archive: ZipArchive, limits: OfficeLimits) throws(OfficeProblem)
        -> [UInt8]?
    {
        guard let entry = archive.entries.first(where: { $0.name == name }) else { return nil }
        do {
            return try archive.contents(entry, limit: limits.maximumPartBytes)
        } catch let error as ZipError {
            throw .zip(error)
        } catch {
            throw .zip(.corrupt("\(error)"))
        }
    }

    private static func events(
        _ bytes: [UInt8], part: String, limits: OfficeLimits, _ handle: (XMLEvent) throws -> Void
    ) throws(OfficeProblem) {
        do {
            try XMLStream.read(bytes, maximumEvents: limits.maximumEvents, handle)
        } catch let problem as XMLProblem {
            throw .xml(part: part, problem)
        } catch let problem as OfficeProblem {
            throw problem
        } catch {
            throw .xml(part: part, .malformed("\(error)"))
        }
    }

    static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    // MARK: - Word

    /// Wingdings and Wingdings 2 check-box glyphs, as Word's “symbol” runs store them.
    static let symbols: [String: String] = [
        "F0FE": "☑", "F0FD": "☒", "F0A8": "□", "F06F": "□", "F078": "☒", "F052": "☑", "F054": "☒", "F0A3": "□",
        "F0A2": "□",
        "F0D6": "☑", "F0FC": "✓",
    ]

    private static func parseWord(
        _ bytes: [UInt8], part: String, into document: inout DocxDocument, limits: OfficeLimits
    ) throws(OfficeProblem) {
        // Nested tables: a stack of tables, each a list of rows.
        var tables: [[[DocxCell]]] = []
        var cell: DocxCell?
        var cellParagraphs: [String] = []
        var cellStack: [(DocxCell?, [String])] = []
        var paragraph = ""
        var inText = false
        try events(bytes, part: part, limits: limits) { event in
            switch event {
            case .start(let name, let attributes, _):
                switch local(name) {
                case "tbl":
                    cellStack.append((cell, cellParagraphs))
                    cell = nil
                    cellParagraphs = []
                    tables.append([])
                case "tr":
                    if !tables.isEmpty { tables[tables.count - 1].append([]) }
                case "tc":
                    let column = tables.last?.last?.reduce(0) { $0 + $1.span } ?? 0
                    cell = DocxCell(text: "", span: 1, merge: .none, column: column)
                    cellParagraphs = []
                case "gridSpan":
                    if let value = attributes.first(where: { local($0.key) == "val" })?.value, let span = Int(value) {
                        cell?.span = max(1, min(span, 64))
                    }
                case "vMerge":
                    let value = attributes.first(where: { local($0.key) == "val" })?.value
                    cell?.merge = value == "restart" ? .restart : .continue
                case "p":
                    paragraph = ""
                case "t":
                    inText = true
                case "tab":
                    paragraph += "\t"
                case "br", "cr":
                    paragraph += "\n"
                case "sym":
                    let code = (attributes.first(where: { local($0.key) == "char" })?.value ?? "").uppercased()
                    paragraph += symbols[code] ?? symbols["F0" + code.suffix(2)] ?? ""
                default:
                    break
                }
            case .end(let name):
                switch local(name) {
                case "t":
                    inText = false
                case "p":
                    if cell != nil { cellParagraphs.append(paragraph) } else { document.paragraphs.append(paragraph) }
                    paragraph = ""
                case "tc":
                    if var finished = cell, !tables.isEmpty, !tables[tables.count - 1].isEmpty {
                        finished.text = cellParagraphs.joined(separator: "\n").trimmingCharacters(
                            in: .whitespacesAndNewlines)
                        let rows = tables[tables.count - 1].count
                        tables[tables.count - 1][rows - 1].append(finished)
                    }
                    cell = nil
                case "tbl":
                    if let table = tables.popLast() {
                        document.tables.append(table)
                        // A nested table's text also belongs to the cell holding it.
                        let text = table.flatMap { $0.map(\.text) }.joined(separator: "\n")
                        let (outerCell, outerParagraphs) = cellStack.popLast() ?? (nil, [])
                        cell = outerCell
                        cellParagraphs = outerParagraphs
                        if cell != nil { cellParagraphs.append(text) }
                    }
                default:
                    break
                }
            case .text(let text):
                if inText { paragraph += text }
            }
        }
    }

    // MARK: - Excel

    private static func sharedStrings(_ archive: ZipArchive, limits: OfficeLimits) throws(OfficeProblem) -> [String] {
        guard let bytes = try part("xl/sharedStrings.xml", in: archive, limits: limits) else { return [] }
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try events(bytes, part: "xl/sharedStrings.xml", limits: limits) { event in
            switch event {
            case .start(let name, _, _):
                switch local(name) {
                case "si": current = ""
                case "t": inText = true
                case "rPh": inPhonetic = true
                default: break
                }
            case .end(let name):
                switch local(name) {
                case "si": strings.append(current)
                case "t": inText = false
                case "rPh": inPhonetic = false
                default: break
                }
            case .text(let text):
                if inText && !inPhonetic { current += text }
            }
        }
        return strings
    }

    /// Built-in number formats that show dates (ECMA-376 §18.8.30, with the CJK ones).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    private static func dateStyleIndices(_ archive: ZipArchive, limits: OfficeLimits) throws(OfficeProblem) -> Set<Int>
    {
        guard let bytes = try part("xl/styles.xml", in: archive, limits: limits) else { return [] }
        var customDates: Set<Int> = []
        var formats: [Int] = []
        var inCellXfs = false
        try events(bytes, part: "xl/styles.xml", limits: limits) { event in
            switch event {
            case .start(let name, let attributes, _):
                switch local(name) {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                        isDateFormat(code)
                    {
                        customDates.insert(id)
                    }
                case "cellXfs": inCellXfs = true
                case "xf" where inCellXfs: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            case .end(let name):
                if local(name) == "cellXfs" { inCellXfs = false }
            case .text:
                break
            }
        }
        return Set(
            formats.enumerated().filter { builtInDateFormats.contains($1) || customDates.contains($1) }.map(\.offset))
    }

    /// A format code shows a date when, outside quoted text and [brackets], it has a year or day part.
    public static func isDateFormat(_ code: String) -> Bool {
        var plain = ""
        var quoted = false, bracketed = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            default: if !quoted && !bracketed { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        return lower.contains("y") || lower.contains("d") || plain.contains("年") || plain.contains("月")
    }

    /// `YYYY-MM-DD` of an Excel serial day number.
    public static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        // The 1900 system counts a 29 February 1900 that never was (serial 60).
        if !date1904 && days < 60 { days += 1 }
        let epoch =
            date1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 30)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let start = calendar.date(from: epoch), let day = calendar.date(byAdding: .day, value: days, to: start)
        else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
    }

    /// Column index of a cell reference (`B3` → 1), or nil.
    public static func column(of reference: String) -> Int? {
        var value = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) || (97...122).contains(scalar.value) else { break }
            value = value * 26 + Int((scalar.value & ~0x20) - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : value - 1
    }

    private static func parseSheet(
        _ bytes: [UInt8], name: String, part: String, strings: [String], dateStyles: Set<Int>, date1904: Bool,
        limits: OfficeLimits
    ) throws(OfficeProblem) -> XlsxSheet {
        var sheet = XlsxSheet(name: name, rows: [], merges: [], truncated: false)
        var row: [String] = []
        var inRow = false
        var column = 0, type = "n", style = 0
        var value = "", inValue = false, inline = "", inInlineText = false
        try events(bytes, part: part, limits: limits) { event in
            switch event {
            case .start(let tag, let attributes, _):
                switch local(tag) {
                case "row":
                    inRow = true
                    row = []
                    // Empty rows in between keep their place.
                    if let number = attributes["r"].flatMap(Int.init), number - 1 > sheet.rows.count,
                        number - 1 <= limits.maximumRows
                    {
                        sheet.rows += Array(repeating: [], count: number - 1 - sheet.rows.count)
                    }
                case "c":
                    column = attributes["r"].flatMap(column(of:)) ?? row.count
                    type = attributes["t"] ?? "n"
                    style = attributes["s"].flatMap(Int.init) ?? 0
                    value = ""
                    inline = ""
                case "v": inValue = true
                case "t": inInlineText = true
                case "mergeCell":
                    if let reference = attributes["ref"], sheet.merges.count < 10_000 { sheet.merges.append(reference) }
                default: break
                }
            case .end(let tag):
                switch local(tag) {
                case "v": inValue = false
                case "t": inInlineText = false
                case "c":
                    guard inRow, column < limits.maximumColumns else {
                        sheet.truncated = true
                        break
                    }
                    let shown: String
                    switch type {
                    case "s": shown = Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
                    case "inlineStr": shown = inline
                    case "b": shown = value == "1" ? "TRUE" : "FALSE"
                    case "str", "e": shown = value
                    default:
                        if dateStyles.contains(style), let serial = Double(value),
                            let date = date(serial: serial, date1904: date1904)
                        {
                            shown = date
                        } else if let number = Double(value), number == number.rounded(), abs(number) < 1e15 {
                            shown = String(Int(number))
                        } else {
                            shown = value
                        }
                    }
                    if row.count < column { row += Array(repeating: "", count: column - row.count) }
                    if row.count == column { row.append(shown) } else { row[column] = shown }
                case "row":
                    inRow = false
                    if sheet.rows.count < limits.maximumRows { sheet.rows.append(row) } else { sheet.truncated = true }
                default: break
                }
            case .text(let text):
                if inValue { value += text } else if inInlineText { inline += text }
            }
        }
        return sheet
    }
}
