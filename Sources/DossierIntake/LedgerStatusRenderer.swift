import DossierCore
import Foundation

/// Renders the desk's status in each format the office reads it in: text for a terminal, JSON for tools, an HTML
/// dashboard (charts drawn as inline SVG, printable) and an .xlsx workbook. The command line and the web app both
/// call it; it prints nothing.
public struct LedgerStatusRenderer: Sendable {
    /// The formats, as `--format` names them.
    public static let formats = ["text", "json", "html", "xlsx"]

    public var language: Language

    public init(language: Language) { self.language = language }

    /// `status` in `format` (one of `formats`).
    public func render(_ status: LedgerStatus, format: String) throws -> [UInt8] {
        switch format {
        case "json": Array(try json(status).utf8)
        case "html": Array(html(status).utf8)
        case "xlsx": try workbook(status).bytes()
        default: Array(text(status).utf8)
        }
    }

    private func word(_ text: LocalizedText) -> String { text.text(language) }

    // MARK: JSON

    public func json(_ status: LedgerStatus) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(status), as: UTF8.self) + "\n"
    }

    // MARK: Text

    /// Columns padded to the width of their widest cell (a CJK character counts two).
    private static func table(_ rows: [[String]]) -> String {
        func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) } }
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0 }
        return rows.map { row in
            let line = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - width(cell))
            }.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }

    /// Candidates against the quota (`8/10`, `12/10 超出名额`).
    public func quotaText(_ unit: LedgerStatus.Unit) -> String {
        let quota = unit.quota.map { "/\($0)" } ?? ""
        return "\(unit.candidates)\(quota)" + (unit.overQuota ? " " + word(LedgerWords.overQuota) : "")
    }

    /// How often the unit sent and whether the content changed; empty when it sent once or never.
    public func resubmissionText(_ unit: LedgerStatus.Unit) -> String {
        guard unit.resubmitted else { return "" }
        return word(LedgerWords.receipts(unit.receipts, versions: unit.versions.count))
    }

    public func text(_ status: LedgerStatus) -> String {
        var out =
            word(
                LedgerWords.statusHeading(title: status.ruleSet.title, ruleSetID: status.ruleSet.id, asOf: status.asOf))
            + "\n"
        out +=
            word(LedgerWords.deadline(status.daysToDeadline, status.deadline)) + word(LedgerWords.clauseSeparator)
            + word(LedgerWords.candidatesTotal(status.candidates)) + "\n\n"
        for finding in status.findings {
            out += "✗ \(finding.rule.rawValue)  \(finding.message)\n  → \(finding.hint)\n"
        }
        if !status.findings.isEmpty { out += "\n" }
        out += word(LedgerWords.byType) + "\n"
        out += Self.table(
            [typeHeader()] + status.types.map { typeRow($0).map(\.shown) })
        out += "\n"
        out += Self.table(
            [unitHeader()] + status.units.map { unitRow($0, status).map(\.shown) })
        for breakdown in status.breakdowns {
            out += "\n\(breakdown.title)："
            out += breakdown.counts.map { "\($0.value) \($0.count)" }.joined(separator: word(LedgerWords.listSeparator))
        }
        return out + (status.breakdowns.isEmpty ? "" : "\n")
    }

    private func typeHeader() -> [String] {
        [word(LedgerWords.type), word(LedgerWords.units)]
            + LedgerStatus.State.allCases.map { word(LedgerWords.state($0)) }
            + [word(LedgerWords.resubmitted)]
            + LedgerStatus.PaperState.allCases.filter { $0 != .none }.map { word(LedgerWords.paperShort($0)) }
            + [word(LedgerWords.candidates)]
    }

    private func typeRow(_ type: LedgerStatus.TypeCount) -> [XlsxWorkbook.Cell] {
        [.text(type.title), .number(Double(type.units))]
            + LedgerStatus.State.allCases.map { .number(Double(type.states[$0.rawValue] ?? 0)) }
            + [.number(Double(type.resubmitted))]
            + LedgerStatus.PaperState.allCases.filter { $0 != .none }.map {
                .number(Double(type.papers[$0.rawValue] ?? 0))
            } + [.number(Double(type.candidates))]
    }

    private func unitHeader() -> [String] {
        [
            word(LedgerWords.unit), word(LedgerWords.type), word(LedgerWords.electronic),
            word(LedgerWords.resubmitted), word(LedgerWords.paper),
            word(LedgerWords.candidates) + "/" + word(LedgerWords.quota), word(LedgerWords.fingerprint),
            word(LedgerWords.lastReceived),
        ]
    }

    /// The title of a unit's type; units of a type the rule set does not list are counted as unknown.
    func typeTitle(_ key: String?, _ status: LedgerStatus) -> String {
        (key.flatMap { key in status.types.first { $0.type == key } } ?? status.types.first { $0.type == nil })?.title
            ?? ""
    }

    private func unitRow(_ unit: LedgerStatus.Unit, _ status: LedgerStatus) -> [XlsxWorkbook.Cell] {
        let version = unit.versions.first { $0.id == unit.current }
        return [
            .text(unit.name + (unit.registered ? "" : word(LedgerWords.notInRegistry))),
            .text(typeTitle(unit.type, status)),
            .text(word(LedgerWords.state(unit.state))),
            .text(resubmissionText(unit)),
            .text(word(LedgerWords.paper(unit.paper))),
            .text(quotaText(unit)),
            .text(version?.fingerprint ?? ""),
            .text(unit.lastReceived.map { String($0.prefix(10)) } ?? ""),
        ]
    }

    // MARK: Words other pages show

    /// How often the unit sent: nothing when never, once, or as `resubmissionText` says.
    public func sentText(_ unit: LedgerStatus.Unit) -> String {
        unit.receipts == 1 ? word(LedgerWords.sentOnce) : resubmissionText(unit)
    }

    public func stateText(_ state: LedgerStatus.State) -> String { word(LedgerWords.state(state)) }
    public func paperText(_ state: LedgerStatus.PaperState) -> String { word(LedgerWords.paper(state)) }
    public func deadlineText(_ days: Int, _ deadline: String) -> String { word(LedgerWords.deadline(days, deadline)) }
    public func outcomeText(_ outcome: LedgerDesk.PaperOutcome) -> String { word(LedgerWords.paperOutcome(outcome)) }
    public func markText(_ mark: Ledger.Mark) -> String { word(LedgerWords.mark(mark)) }
    public func kindText(_ kind: String) -> String { word(LedgerWords.kind(kind)) }
    public func verdictText(_ verdict: String, errors: Int, warnings: Int) -> String {
        word(LedgerWords.verdictCounts(verdict, errors: errors, warnings: warnings))
    }
    public func verdictText(_ verdict: String) -> String { word(LedgerWords.verdict(verdict)) }

    // MARK: xlsx

    public func workbook(_ status: LedgerStatus) -> XlsxWorkbook {
        func sheet(_ name: String, _ header: [String], _ rows: [[XlsxWorkbook.Cell]]) -> XlsxWorkbook.Sheet {
            let columns = header.enumerated().map { index, title in
                XlsxWorkbook.Column(
                    title: title,
                    width: XlsxWorkbook.width(
                        [title] + rows.map { index < $0.count ? $0[index].shown : "" }))
            }
            return XlsxWorkbook.Sheet(name: name, columns: columns, rows: rows)
        }
        var sheets = [
            sheet(
                word(LedgerWords.title),
                unitHeader() + [word(LedgerWords.versions)],
                status.units.map { unit in
                    unitRow(unit, status) + [.number(Double(unit.versions.count))]
                }),
            sheet(word(LedgerWords.byType), typeHeader(), status.types.map(typeRow)),
        ]
        if !status.findings.isEmpty {
            sheets.append(
                sheet(
                    LedgerWords.findings.text(language),
                    [
                        word(LedgerWords.rule), word(LedgerWords.unit), word(LedgerWords.message),
                        word(LedgerWords.hint),
                    ],
                    status.findings.map {
                        [
                            .text($0.rule.rawValue), .text($0.data?["unit"]?.description ?? ""), .text($0.message),
                            .text($0.hint),
                        ]
                    }))
        }
        for breakdown in status.breakdowns {
            sheets.append(
                sheet(
                    breakdown.title, [breakdown.title, word(LedgerWords.candidates)],
                    breakdown.counts.map { [.text($0.value), .number(Double($0.count))] }))
        }
        return XlsxWorkbook(sheets: sheets)
    }

    // MARK: HTML

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The colours of the states, in `State.allCases` order: grey, green, red, amber.
    private static let stateColours = ["#b8bec6", "#2e8b57", "#c0392b", "#d08a1c"]
    private static let barColour = "#3b6ea5"

    /// A stacked horizontal bar per unit type, one segment per state.
    private func typeChart(_ status: LedgerStatus) -> String {
        let rowHeight = 26, labelWidth = 230, barWidth = 420
        let chartWidth = labelWidth + barWidth + 60
        // The legend's entries, laid out in rows that fit the chart's width.
        var legend: [(state: Int, label: String, x: Int, row: Int)] = []
        var legendX = labelWidth, legendRow = 0
        for (index, state) in LedgerStatus.State.allCases.enumerated() {
            let label = word(LedgerWords.state(state))
            let width = 36 + label.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) }
            if legendX + width > chartWidth, legendX > labelWidth {
                legendX = labelWidth
                legendRow += 1
            }
            legend.append((index, label, legendX, legendRow))
            legendX += width
        }
        let height = status.types.count * rowHeight + 36 + legendRow * 18
        var svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(chartWidth) \(height)\" "
            + "width=\"\(chartWidth)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(Self.escape(word(LedgerWords.byType)))</title>"
        for (row, type) in status.types.enumerated() {
            let y = row * rowHeight + 4
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\">\(Self.escape(type.title))</text>"
            var x = Double(labelWidth)
            for (index, state) in LedgerStatus.State.allCases.enumerated() {
                let count = type.states[state.rawValue] ?? 0
                guard count > 0, type.units > 0 else { continue }
                let width = Double(barWidth) * Double(count) / Double(type.units)
                svg +=
                    "<rect x=\"\(Self.number(x))\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"20\" "
                    + "fill=\"\(Self.stateColours[index])\"><title>\(Self.escape(word(LedgerWords.state(state)))): "
                    + "\(count)</title></rect>"
                if width >= 18 {
                    svg +=
                        "<text class=\"in\" x=\"\(Self.number(x + width / 2))\" y=\"\(y + 15)\" "
                        + "text-anchor=\"middle\">\(count)</text>"
                }
                x += width
            }
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 16)\">\(type.units)</text>"
        }
        // The legend.
        for entry in legend {
            let y = status.types.count * rowHeight + 14 + entry.row * 18
            svg +=
                "<rect x=\"\(entry.x)\" y=\"\(y)\" width=\"12\" height=\"12\" "
                + "fill=\"\(Self.stateColours[entry.state])\"/>"
            svg += "<text x=\"\(entry.x + 16)\" y=\"\(y + 11)\">\(Self.escape(entry.label))</text>"
        }
        return svg + "</svg>"
    }

    /// A horizontal bar per value.
    private func barChart(_ breakdown: LedgerStatus.Breakdown) -> String {
        let rowHeight = 24, labelWidth = 150, barWidth = 300
        let most = max(breakdown.counts.map(\.count).max() ?? 1, 1)
        let height = max(breakdown.counts.count, 1) * rowHeight + 8
        var svg =
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 50) \(height)\" "
            + "width=\"\(labelWidth + barWidth + 50)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(Self.escape(breakdown.title))</title>"
        for (row, count) in breakdown.counts.enumerated() {
            let y = row * rowHeight + 4
            let width = Double(barWidth) * Double(count.count) / Double(most)
            svg +=
                "<text x=\"\(labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\">\(Self.escape(count.value))</text>"
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(Self.number(width))\" height=\"18\" "
                + "fill=\"\(Self.barColour)\"/>"
            svg += "<text x=\"\(Self.number(Double(labelWidth) + width + 6))\" y=\"\(y + 14)\">\(count.count)</text>"
        }
        return svg + "</svg>"
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    private func stateClass(_ unit: LedgerStatus.Unit) -> String {
        switch unit.state {
        case .notReceived: "none"
        case .passed: unit.paper == .mismatch ? "bad" : "good"
        case .failed: "bad"
        case .withdrawn: "withdrawn"
        }
    }

    /// The dashboard as a whole printable page.
    public func html(_ status: LedgerStatus) -> String {
        let title = "\(word(LedgerWords.title)) — \(status.ruleSet.title)"
        return """
            <!DOCTYPE html>
            <html lang="\(word(LedgerWords.htmlLanguage))"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
            .ledger-desk h1{font-size:22px;margin:0 0 4px}
            \(Self.dashboardStyle)
            @media print{body{margin:0}}
            </style></head><body>
            <div class="ledger-desk"><header><h1>\(Self.escape(title))</h1></header>\(dashboard(status))</div>
            </body></html>

            """
    }

    /// The dashboard's own style, every rule under `.ledger-desk`, so that a page holding other content (the web
    /// app's) keeps its own.
    public static let dashboardStyle = """
        .ledger-desk .meta{color:#555;margin:0 0 16px}
        .ledger-desk .figures{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}
        .ledger-desk .figures div{border:1px solid #ccd;border-radius:6px;padding:8px 16px;min-width:120px}
        .ledger-desk .figures b{display:block;font-size:24px}.ledger-desk .figures span{color:#555;font-size:13px}
        .ledger-desk .charts{display:flex;flex-wrap:wrap;gap:16px}
        .ledger-desk figure{margin:0;border:1px solid #e3e6ea;padding:8px}
        .ledger-desk figcaption{font-weight:bold;margin-bottom:6px}
        .ledger-desk svg text{font-size:12px;fill:#222}.ledger-desk svg text.in{fill:#fff}
        .ledger-desk table{border-collapse:collapse;margin-top:16px;width:100%;font-size:13px}
        .ledger-desk th,.ledger-desk td{border:1px solid #d5d9de;padding:3px 6px;text-align:left}
        .ledger-desk th{background:#f0f2f5}
        .ledger-desk tr.good td:nth-child(3){color:#2e7d32}
        .ledger-desk tr.bad td:nth-child(3),.ledger-desk tr.bad td:nth-child(5){color:#c0392b}
        .ledger-desk tr.none td{color:#777}
        .ledger-desk tr.withdrawn td:nth-child(3){color:#a0660a}
        .ledger-desk .findings{border:1px solid #c0392b;background:#fdf0ee;padding:4px 12px;margin-bottom:16px}
        @media print{.ledger-desk .charts,.ledger-desk figure{break-inside:avoid}
        .ledger-desk thead{display:table-header-group}.ledger-desk tr{break-inside:avoid}@page{size:A4 landscape;margin:12mm}}
        """

    /// The dashboard without a page around it (the caller's page gives the title and holds it in an element of class
    /// `ledger-desk`): the date and deadline, the key figures, the findings, the charts and the
    /// table of units. `unitLink` gives the address a unit's name links to (none when nil).
    public func dashboard(_ status: LedgerStatus, unitLink: ((String) -> String?)? = nil) -> String {
        var body =
            "<p class=\"meta\">\(Self.escape(status.asOf)) · "
            + Self.escape(word(LedgerWords.deadline(status.daysToDeadline, status.deadline))) + "</p>"
        // Key figures.
        let received = status.units.filter { $0.state != .notReceived }.count
        let passed = status.units.filter { $0.state == .passed }.count
        let mismatched = status.units.filter { $0.paper == .mismatch }.count
        let figures: [(String, String)] = [
            (word(LedgerWords.units), "\(received)/\(status.units.count)"),
            (word(LedgerWords.state(.passed)), "\(passed)"),
            (word(LedgerWords.candidates), "\(status.candidates)"),
            (word(LedgerWords.paper(.mismatch)), "\(mismatched)"),
        ]
        body +=
            "<section class=\"figures\">"
            + figures.map { "<div><b>\(Self.escape($0.1))</b><span>\(Self.escape($0.0))</span></div>" }.joined()
            + "</section>"
        if !status.findings.isEmpty {
            body +=
                "<section class=\"findings\"><ul>"
                + status.findings.map {
                    "<li><code>\(Self.escape($0.rule.rawValue))</code> \(Self.escape($0.message))"
                        + "<br><small>\(Self.escape($0.hint))</small></li>"
                }.joined() + "</ul></section>"
        }
        body +=
            "<section class=\"charts\"><figure><figcaption>\(Self.escape(word(LedgerWords.byType)))</figcaption>"
            + typeChart(status) + "</figure>"
        for breakdown in status.breakdowns {
            body += "<figure><figcaption>\(Self.escape(breakdown.title))</figcaption>\(barChart(breakdown))</figure>"
        }
        body += "</section>"
        body +=
            "<table id=\"units\"><thead><tr>"
            + unitHeader().map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for unit in status.units {
            let cells = unitRow(unit, status).map { "<td>\(Self.escape($0.shown))</td>" }
            var first = cells.first ?? "<td></td>"
            if let link = unitLink?(unit.name) {
                first =
                    "<td><a href=\"\(Self.escape(link))\">"
                    + Self.escape(unitRow(unit, status).first?.shown ?? unit.name) + "</a></td>"
            }
            body += "<tr class=\"\(stateClass(unit))\">" + first + cells.dropFirst().joined() + "</tr>"
        }
        body += "</tbody></table>"
        return body
    }
}

extension XlsxWorkbook.Cell {
    /// The cell as text.
    var shown: String {
        switch self {
        case .text(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
        }
    }
}
