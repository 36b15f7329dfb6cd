import DossierCore
import DossierInspect
import Foundation

/// Finds the rule set's fields in forms and tables: labels matched after removing spaces (U+3000 too) and
/// colons, as written and then without trailing bracketed hints (`主要事迹（1500字以内）`, `公示情况(可另附页)`);
/// a label's value is the next non-label cell to its right, or the cell below a column header, or the text
/// after the colon in the same cell or paragraph, without a leading filling hint (`（1500字以内）`, as the rule set's
/// `hintWords` tell). Values are normalised as the rule set says.
public struct FieldExtractor: Sendable {
    public var rules: FormRules
    /// The campaign's prefixes (`2021年“最美科技工作者”`), removed from the front of labels.
    public var prefixes: [String]

    public init(rules: FormRules, prefixes: [String] = []) {
        self.rules = rules
        self.prefixes = prefixes.map { $0.filter { !$0.isWhitespace && $0 != "\u{3000}" } }
    }

    /// `姓　　名：` → `姓名`.
    public static func labelKey(_ text: String) -> String {
        var key = text.filter { !$0.isWhitespace && $0 != "\u{3000}" }
        while let last = key.last, last == "：" || last == ":" { key.removeLast() }
        return key
    }

    /// The label key with the campaign prefix removed.
    func key(_ text: String) -> String {
        let key = Self.labelKey(text)
        guard let prefix = prefixes.first(where: { !$0.isEmpty && key.hasPrefix($0) && key.count > $0.count }) else {
            return key
        }
        return String(key.dropFirst(prefix.count))
    }

    /// The field a cell's text names, if it is a label: its key as written, else without its trailing bracketed
    /// hints, one at a time (`工作单位及职务（职称）` is itself a label).
    func field(forLabel text: String) -> FormRules.Field? {
        var key = key(text)
        guard key.count <= 64 else { return nil }
        while !key.isEmpty {
            if key.count <= 16, let field = rules.fields.first(where: { $0.labels.contains(key) }) { return field }
            guard let shorter = Self.removingTrailingHint(key) else { return nil }
            key = shorter
        }
        return nil
    }

    /// `主要事迹（1500字以内）` → `主要事迹`, `公示情况(可另附页)：` → `公示情况`: the key without its last bracketed
    /// group (full- or half-width brackets, nested ones too) and the colons before it; nil when it has none.
    static func removingTrailingHint(_ key: String) -> String? {
        guard let last = key.last, last == "）" || last == ")" else { return nil }
        var depth = 0
        var index = key.endIndex
        while index > key.startIndex {
            index = key.index(before: index)
            switch key[index] {
            case "）", ")": depth += 1
            case "（", "(": depth -= 1
            default: continue
            }
            if depth == 0 { return labelKey(String(key[..<index])) }
        }
        return nil
    }

    /// The value without the filling hint it starts with (`（1500字以内）长期扎根…` → `长期扎根…`): a bracketed group
    /// holding one of the rule set's hint words. Other brackets (`（中国）有限公司`) stay.
    func removingLeadingHint(_ value: String) -> String {
        var value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        while let first = value.first, first == "（" || first == "(" {
            var depth = 0
            var close: String.Index?
            for index in value.indices {
                switch value[index] {
                case "（", "(": depth += 1
                case "）", ")": depth -= 1
                default: continue
                }
                if depth == 0 {
                    close = index
                    break
                }
            }
            guard let close else { break }
            let group = value[value.index(after: value.startIndex)..<close]
            guard (rules.hintWords ?? []).contains(where: { !$0.isEmpty && group.contains($0) }) else { break }
            value = value[value.index(after: close)...].trimmingCharacters(in: .whitespacesAndNewlines)
            while let colon = value.first, colon == "：" || colon == ":" { value.removeFirst() }
        }
        return value
    }

    /// `label：value` in one cell or paragraph; the colon is the first outside brackets (`主要事迹（限1500字：含
    /// 标点）：…`).
    func inline(_ text: String) -> (FormRules.Field, String, String)? {
        var depth = 0
        var found: String.Index?
        for index in text.indices {
            switch text[index] {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            case "：", ":": if depth == 0 { found = index }
            default: break
            }
            if found != nil { break }
        }
        guard let colon = found else { return nil }
        let label = String(text[..<colon])
        let value = removingLeadingHint(String(text[text.index(after: colon)...]))
        guard let field = field(forLabel: label), !value.isEmpty else { return nil }
        return (field, key(label), value)
    }

    /// The fields of a Word form, by key.
    public func fields(of document: DocxDocument) -> [String: FieldFact] {
        var found: [String: FieldFact] = [:]
        func keep(_ field: FormRules.Field, label: String, value: String) {
            let value = removingLeadingHint(value)
            guard found[field.key] == nil || found[field.key]?.value.isEmpty == true else { return }
            found[field.key] = FieldFact(value: normalise(value, field.normalise), label: label)
        }
        for table in document.tables {
            for (rowIndex, row) in table.enumerated() {
                for (cellIndex, cell) in row.enumerated() {
                    if let (field, label, value) = inline(cell.text), self.field(forLabel: cell.text) == nil {
                        keep(field, label: label, value: value)
                        continue
                    }
                    guard let field = field(forLabel: cell.text) else { continue }
                    let label = key(cell.text)
                    // The next non-label cell to the right…
                    if let right = row.dropFirst(cellIndex + 1).first, self.field(forLabel: right.text) == nil {
                        keep(field, label: label, value: right.text)
                        continue
                    }
                    // …or the cell below, when the label heads a column.
                    if rowIndex + 1 < table.count,
                        let below = table[rowIndex + 1].first(where: { $0.column == cell.column }),
                        self.field(forLabel: below.text) == nil
                    {
                        keep(field, label: label, value: below.text)
                    } else {
                        keep(field, label: label, value: "")
                    }
                }
            }
        }
        for paragraph in document.paragraphs {
            if let (field, label, value) = inline(paragraph) { keep(field, label: label, value: value) }
        }
        return found
    }

    /// The summary table of a workbook: the unit named in its `推荐单位（盖章）：…` row and one field map per
    /// candidate row below the header row (the first row with enough field labels), blank rows skipped.
    public func summary(of sheets: [XlsxSheet]) -> (
        unit: String?, header: [String: String], rows: [[String: FieldFact]]
    )? {
        for sheet in sheets {
            var unit: String?
            for (index, row) in sheet.rows.enumerated() {
                for cell in row {
                    for label in rules.unitLabels {
                        let key = Self.labelKey(cell)
                        if key.hasPrefix(label) {
                            let rest = String(key.dropFirst(label.count)).trimmingCharacters(
                                in: CharacterSet(charactersIn: "：:"))
                            if !rest.isEmpty { unit = unit ?? rest }
                        }
                    }
                }
                let columns = row.enumerated().compactMap { column, text in field(forLabel: text).map { (column, $0) } }
                guard columns.count >= rules.summaryHeaderMinimumLabels else { continue }
                var candidates: [[String: FieldFact]] = []
                for line in sheet.rows.dropFirst(index + 1) {
                    var fields: [String: FieldFact] = [:]
                    for (column, field) in columns where column < line.count {
                        let value = line[column].trimmingCharacters(in: .whitespacesAndNewlines)
                        if !value.isEmpty {
                            fields[field.key] = FieldFact(
                                value: normalise(value, field.normalise), label: key(row[column]))
                        }
                    }
                    if fields[rules.nameField] != nil { candidates.append(fields) }
                }
                let header = Dictionary(columns.map { ($1.key, key(row[$0])) }, uniquingKeysWith: { first, _ in first })
                return (unit, header, candidates)
            }
        }
        return nil
    }

    /// The value as the rule set wants it compared.
    public func normalise(_ value: String, _ how: FormRules.Normalisation?) -> String {
        switch how {
        case .yearMonth: Self.yearMonth(value) ?? value
        case .gender: Self.gender(value) ?? value
        case .checkbox: Self.ticked(value) ?? value
        case nil: value
        }
    }

    /// True when `value` reads as the normalisation expects (a year and month, 男 or 女); always for the others.
    public static func isValid(_ value: String, _ how: FormRules.Normalisation?) -> Bool {
        switch how {
        case .yearMonth: yearMonth(value) != nil
        case .gender: gender(value) != nil
        case .checkbox, nil: true
        }
    }

    /// `1975.03`, `1975年3月`, `1975-03`, `1975/3`, `1975-03-01`, `197503` → `1975-03`; nil when not a year and month.
    public static func yearMonth(_ text: String) -> String? {
        let digits = text.map { $0.wholeNumberValue.map(String.init) ?? " " }.joined()
        let numbers = digits.split(separator: " ").map(String.init)
        var year: Int?, month: Int?
        if numbers.count >= 2, numbers[0].count == 4 {
            year = Int(numbers[0])
            month = Int(numbers[1])
        } else if numbers.count == 1, numbers[0].count == 6 || numbers[0].count == 8 {
            year = Int(numbers[0].prefix(4))
            month = Int(numbers[0].dropFirst(4).prefix(2))
        }
        guard let year, let month, (1900...2100).contains(year), (1...12).contains(month) else { return nil }
        return String(format: "%04d-%02d", year, month)
    }

    /// 男 or 女, from the value or its ticked option.
    public static func gender(_ text: String) -> String? {
        let value = ticked(text) ?? text
        let male = value.contains("男"), female = value.contains("女")
        return male != female ? (male ? "男" : "女") : nil
    }

    /// The ticked option of `☑是 □否`, `√是`, `■是 □否`: the text after the tick, up to the next box.
    public static func ticked(_ text: String) -> String? {
        let ticks: Set<Character> = ["☑", "☒", "■", "√", "✓", "✔", "▣"]
        let boxes: Set<Character> = ["□", "☐", "▢"]
        guard text.contains(where: { boxes.contains($0) || ticks.contains($0) }) else { return nil }
        guard let tick = text.firstIndex(where: { ticks.contains($0) }) else { return "" }
        let rest = text[text.index(after: tick)...]
        let option = rest.prefix { !boxes.contains($0) && !ticks.contains($0) }
        return option.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "：:，,、")))
    }
}
