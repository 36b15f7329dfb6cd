import DossierCore
import DossierRules
import Foundation

/// `dossier ledger export`: the national table, one row per candidate of each unit's version that counts (the
/// newest passing one, or the one the office marked): unit, unit type, the rule set's candidate fields, age at the
/// deadline, verdict, fingerprint, and where the candidate's photos and videos are kept in the archive. Units in the
/// registry's order, then those outside it; Chinese headers, as the office's tables have them.
public struct LedgerTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[XlsxWorkbook.Cell]]

    public init(headers: [String], rows: [[XlsxWorkbook.Cell]]) {
        self.headers = headers
        self.rows = rows
    }

    /// The formats the table comes in.
    public static let formats = ["xlsx", "csv"]

    /// The table as a workbook: widths fitted to the cells, the header frozen.
    public func workbook(sheet: String) -> XlsxWorkbook {
        let columns = headers.enumerated().map { index, title in
            XlsxWorkbook.Column(
                title: title,
                width: XlsxWorkbook.width([title] + rows.map { index < $0.count ? $0[index].shown : "" }))
        }
        return XlsxWorkbook(sheets: [XlsxWorkbook.Sheet(name: sheet, columns: columns, rows: rows)])
    }

    /// The table as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel and WPS read the Chinese.
    public func csv() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let lines = [headers.map(field)] + rows.map { $0.map { field($0.shown) } }
        return "\u{FEFF}" + lines.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The table in `format` (one of `formats`).
    public func render(format: String, sheet: String) throws -> [UInt8] {
        format == "csv" ? Array(csv().utf8) : try workbook(sheet: sheet).bytes()
    }
}

extension LedgerDesk {
    /// The national table's sheet name.
    public static let exportSheet = "全国推荐人选汇总表"

    /// The national table of the ledger.
    public func export(_ ledger: Ledger) throws -> LedgerTable {
        let status = try status(ledger)
        let versions = Dictionary(
            uniqueKeysWithValues: UnitVersions.byUnit(try ledger.snapshot()).map { ($0.unit, $0) })
        let counting = status.units.compactMap { unit in versions[unit.name]?.counting.map { (unit, $0) } }
        let candidates = Dictionary(
            grouping: try ledger.candidates(versions: counting.map(\.1.entry.id)), by: \.intake)
        let fields = ruleSet.units.office?.candidateFields ?? []
        let birthField = ruleSet.units.office?.birthField ?? "birth"
        var headers = ["序号", "推荐单位", "单位类型", fieldTitle("name")]
        headers += fields.map(fieldTitle)
        headers += ["截止日年龄", "检查结论", "封装指纹", "存档文件", "人选材料文件夹"]
        var rows: [[XlsxWorkbook.Cell]] = []
        let typeTitles = Dictionary(uniqueKeysWithValues: ruleSet.units.types.map { ($0.key, $0.title.zh) })
        for (unit, version) in counting {
            for candidate in candidates[version.entry.id] ?? [] {
                var row: [XlsxWorkbook.Cell] = [
                    .number(Double(rows.count + 1)), .text(unit.name),
                    .text(unit.type.flatMap { typeTitles[$0] } ?? ""), .text(candidate.name),
                ]
                row += fields.map { .text(candidate.fields[$0] ?? "") }
                let age = Self.age(birth: candidate.fields[birthField] ?? "", on: ruleSet.units.deadline)
                row.append(age.map { .number(Double($0)) } ?? .text(""))
                row.append(.text(version.entry.verdict == "pass" ? "通过" : "未通过（办公室指定计入）"))
                row.append(.text(version.entry.fingerprint ?? ""))
                row.append(.text(version.entry.archivedAs))
                row.append(.text(candidate.folder))
                rows.append(row)
            }
        }
        return LedgerTable(headers: headers, rows: rows)
    }
}
