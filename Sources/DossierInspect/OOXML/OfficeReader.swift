import DossierCore
import Foundation

/// Reads .docx and .xlsx files (OOXML): a zip of XML parts, read with limits on both.
public enum OfficeReader {
    /// The document in `bytes` (a .docx): its main part, and the headers and footers it refers to (and any other
    /// `word/header*.xml`, `word/footer*.xml` part).
    public static func docx(_ bytes: [UInt8], limits: OfficeLimits = OfficeLimits()) throws(OfficeProblem)
        -> DocxDocument
    {
        let package = try Package(bytes, limits: limits)
        let main = package.mainPart(default: "word/document.xml")
        var document = DocxDocument()
        guard let body = try package.part(main) else { throw .missingPart(main) }
        let references = try parseWord(body, part: main, into: &document, limits: limits)
        var headersAndFooters = Set(
            package.names.filter {
                $0.range(of: #"^word/(header|footer)\d*\.xml$"#, options: .regularExpression) != nil
            })
        if !references.isEmpty {
            let relationships = try package.relationships(of: main)
            for id in references {
                guard let target = relationships[id]?.target else {
                    throw .badReference(
                        part: main,
                        "a header or footer refers to \(id), which \(Package.relationshipsPart(of: main)) lacks")
                }
                headersAndFooters.insert(target)
            }
        }
        for name in headersAndFooters.sorted() {
            guard let bytes = try package.part(name) else { throw .missingPart(name) }
            var inner = DocxDocument()
            _ = try parseWord(bytes, part: name, into: &inner, limits: limits)
            document.headersAndFooters[name] = inner.text
        }
        return document
    }

    /// The sheets in `bytes` (an .xlsx), with dates as `YYYY-MM-DD` where the cell's style is a date.
    public static func xlsx(_ bytes: [UInt8], limits: OfficeLimits = OfficeLimits()) throws(OfficeProblem)
        -> [XlsxSheet]
    {
        let package = try Package(bytes, limits: limits)
        let main = package.mainPart(default: "xl/workbook.xml")
        guard let workbook = try package.part(main) else { throw .missingPart(main) }
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        try events(workbook, part: main, limits: limits) { event in
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
        let relationships = try package.relationships(of: main)
        /// The part of the workbook's relationship of `type`, else the name every producer gives it.
        func related(_ type: String, default name: String) -> String {
            relationships.values.first { $0.type.hasSuffix("/" + type) }?.target ?? name
        }
        let strings = try sharedStrings(
            package, part: related("sharedStrings", default: "xl/sharedStrings.xml"), limits: limits)
        let styles = try cellStyles(package, part: related("styles", default: "xl/styles.xml"), limits: limits)
        var result: [XlsxSheet] = []
        for sheet in sheets {
            guard let path = relationships[sheet.id]?.target else {
                throw .badReference(
                    part: main,
                    "the sheet “\(sheet.name)” refers to \(sheet.id), which \(Package.relationshipsPart(of: main)) lacks"
                )
            }
            guard let bytes = try package.part(path) else { throw .missingPart(path) }
            result.append(
                try parseSheet(
                    bytes, name: sheet.name, part: path, strings: strings, styles: styles, date1904: date1904,
                    limits: limits))
        }
        return result
    }

    // MARK: - Parts

    /// An Office package (ECMA-376 part 2): a zip of parts with a `[Content_Types].xml` and a `_rels/.rels`
    /// naming the main part; Word, Excel and python-docx refuse a package without either.
    struct Package {
        let archive: ZipArchive
        let limits: OfficeLimits
        private let entries: [String: ZipEntry]
        /// The package's own relationships (`_rels/.rels`).
        private let root: [String: Relationship]

        struct Relationship {
            var type: String
            /// The part it points at, from the package's root (`word/header1.xml`).
            var target: String
        }

        init(_ bytes: [UInt8], limits: OfficeLimits) throws(OfficeProblem) {
            do {
                archive = try ZipArchive(MemoryRandomAccess(bytes), limits: limits.zip)
            } catch let error as ZipError {
                throw .zip(error)
            } catch {
                throw .zip(.corrupt("\(error)"))
            }
            self.limits = limits
            var entries: [String: ZipEntry] = [:]
            var folded: Set<String> = []
            for entry in archive.entries {
                // Part names are case-insensitive (ECMA-376 part 2, §9.1.1.2): one name twice is two parts in one.
                guard folded.insert(entry.name.lowercased()).inserted else {
                    throw .badReference(part: entry.name, "the package holds this part twice")
                }
                entries[entry.name] = entry
            }
            self.entries = entries
            guard let types = try Self.contents(of: entries["[Content_Types].xml"], in: archive, limits: limits) else {
                throw .missingPart("[Content_Types].xml")
            }
            try OfficeReader.events(types, part: "[Content_Types].xml", limits: limits) { _ in }
            root = try Self.relationships(of: "", entries: entries, archive: archive, limits: limits)
        }

        /// Every part's name.
        var names: [String] { Array(entries.keys) }

        /// The bytes of part `name`, or nil when the package has no such part.
        func part(_ name: String) throws(OfficeProblem) -> [UInt8]? {
            try Self.contents(of: entries[name], in: archive, limits: limits)
        }

        /// The main part, as `_rels/.rels` names it (else where every producer puts it).
        func mainPart(default name: String) -> String {
            root.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? name
        }

        /// The relationships of `part` by id; a part that has relationships cannot be read without them.
        func relationships(of part: String) throws(OfficeProblem) -> [String: Relationship] {
            try Self.relationships(of: part, entries: entries, archive: archive, limits: limits)
        }

        /// `word/_rels/document.xml.rels` for `word/document.xml`; `_rels/.rels` for the package ("").
        static func relationshipsPart(of part: String) -> String {
            let slash = part.lastIndex(of: "/")
            let folder = slash.map { String(part[...$0]) } ?? ""
            let name = slash.map { String(part[part.index(after: $0)...]) } ?? part
            return folder + "_rels/" + name + ".rels"
        }

        private static func relationships(
            of part: String, entries: [String: ZipEntry], archive: ZipArchive, limits: OfficeLimits
        ) throws(OfficeProblem) -> [String: Relationship] {
            let name = relationshipsPart(of: part)
            guard let bytes = try contents(of: entries[name], in: archive, limits: limits) else {
                throw .missingPart(name)
            }
            let folder = part.lastIndex(of: "/").map { String(part[..<$0]) } ?? ""
            var result: [String: Relationship] = [:]
            try OfficeReader.events(bytes, part: name, limits: limits) { event in
                guard case .start(let tag, let attributes, _) = event, local(tag) == "Relationship",
                    attributes["TargetMode"] != "External", let id = attributes["Id"], let target = attributes["Target"]
                else { return }
                result[id] = Relationship(type: attributes["Type"] ?? "", target: resolve(target, from: folder))
            }
            return result
        }

        /// A relationship's target as a part name: absolute (`/xl/…`) or relative to the source's folder, `..`
        /// and percent-encoding undone.
        static func resolve(_ target: String, from folder: String) -> String {
            let decoded = target.removingPercentEncoding ?? target
            var components = decoded.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
            for component in decoded.split(separator: "/").map(String.init) {
                switch component {
                case ".": continue
                case "..": _ = components.popLast()
                default: components.append(component)
                }
            }
            return components.joined(separator: "/")
        }

        private static func contents(of entry: ZipEntry?, in archive: ZipArchive, limits: OfficeLimits)
            throws(OfficeProblem) -> [UInt8]?
        {
            guard let entry else { return nil }
            do {
                return try archive.contents(entry, limit: limits.maximumPartBytes)
            } catch let error as ZipError {
                throw .zip(error)
            } catch {
                throw .zip(.corrupt("\(error)"))
            }
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

    /// Reads a Word part into `document`; returns the relationship ids of the headers and footers it refers to.
    private static func parseWord(
        _ bytes: [UInt8], part: String, into document: inout DocxDocument, limits: OfficeLimits
    ) throws(OfficeProblem) -> [String] {
        var references: [String] = []
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
                case "headerReference", "footerReference":
                    if let id = attributes.first(where: { local($0.key) == "id" && $0.key.contains(":") })?.value {
                        references.append(id)
                    }
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
        return references
    }

    // MARK: - Excel

    /// The workbook's shared strings, from `part`; `values` is nil when there is no such part (then no cell
    /// may refer to one).
    struct SharedStrings {
        var part: String
        var values: [String]?
    }

    private static func sharedStrings(_ package: Package, part: String, limits: OfficeLimits) throws(OfficeProblem)
        -> SharedStrings
    {
        guard let bytes = try package.part(part) else { return SharedStrings(part: part, values: nil) }
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        try events(bytes, part: part, limits: limits) { event in
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
        return SharedStrings(part: part, values: strings)
    }

    /// Built-in number formats that show dates (ECMA-376 §18.8.30, with the CJK ones).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// The workbook's cell formats (`cellXfs`), from `part`: how many there are and which show dates; `count` is
    /// nil when there is no such part (then no number may refer to a style).
    struct CellStyles {
        var part: String
        var count: Int?
        var dates: Set<Int>
    }

    private static func cellStyles(_ package: Package, part: String, limits: OfficeLimits) throws(OfficeProblem)
        -> CellStyles
    {
        guard let bytes = try package.part(part) else { return CellStyles(part: part, count: nil, dates: []) }
        var customDates: Set<Int> = []
        var formats: [Int] = []
        var inCellXfs = false
        try events(bytes, part: part, limits: limits) { event in
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
        let dates = Set(
            formats.enumerated().filter { builtInDateFormats.contains($1) || customDates.contains($1) }.map(\.offset))
        return CellStyles(part: part, count: formats.count, dates: dates)
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
        _ bytes: [UInt8], name: String, part: String, strings: SharedStrings, styles: CellStyles, date1904: Bool,
        limits: OfficeLimits
    ) throws(OfficeProblem) -> XlsxSheet {
        var sheet = XlsxSheet(name: name, rows: [], merges: [], truncated: false)
        var row: [String] = []
        var inRow = false
        var column = 0, type = "n", style = 0, reference = ""
        var value = "", inValue = false, inline = "", inInlineText = false
        try events(bytes, part: part, limits: limits) { event in
            switch event {
            case .start(let tag, let attributes, _):
                switch local(tag) {
                case "row":
                    inRow = true
                    row = []
                    // Empty rows in between keep their place. The number is the file's: only one from 1 to the
                    // limit counts, so no arithmetic on it can overflow.
                    if let number = attributes["r"].flatMap(Int.init), number >= 1, number <= limits.maximumRows,
                        number - 1 > sheet.rows.count
                    {
                        sheet.rows += Array(repeating: [], count: number - 1 - sheet.rows.count)
                    }
                case "c":
                    reference = attributes["r"] ?? "?"
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
                    case "s":
                        guard let values = strings.values else { throw OfficeProblem.missingPart(strings.part) }
                        guard let index = Int(value.trimmingCharacters(in: .whitespaces)),
                            values.indices.contains(index)
                        else {
                            throw OfficeProblem.badReference(
                                part: part,
                                "cell \(reference) refers to shared string “\(value)”, but \(strings.part) holds \(values.count)"
                            )
                        }
                        shown = values[index]
                    case "inlineStr": shown = inline
                    case "b": shown = value == "1" ? "TRUE" : "FALSE"
                    case "str", "e": shown = value
                    default:
                        // A number shows as its style says: a style that is not there cannot be shown.
                        if style != 0 {
                            guard let count = styles.count else { throw OfficeProblem.missingPart(styles.part) }
                            guard style > 0, style < count else {
                                throw OfficeProblem.badReference(
                                    part: part,
                                    "cell \(reference) uses style \(style), but \(styles.part) defines \(count)")
                            }
                        }
                        if styles.dates.contains(style), let serial = Double(value),
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
