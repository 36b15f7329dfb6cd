import DossierCore
import DossierFiles
import DossierInspect

/// The candidate summary table as read: the unit it names and one row of fields per candidate.
public struct SummaryTable: Sendable {
    public let path: String
    public let unit: String?
    public let rows: [[String: FieldFact]]
    /// The first row of each normalised name.
    private let rowByName: [String: Int]

    /// `nameField` is the field that names a candidate (the rule set's `forms.nameField`).
    public init(path: String, unit: String?, rows: [[String: FieldFact]], nameField: String) {
        self.path = path
        self.unit = unit
        self.rows = rows
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let name = MediaName.normalise(row[nameField]?.value ?? "")
            if index[name] == nil { index[name] = position }
        }
        rowByName = index
    }

    /// The row of the candidate called `name`.
    public func row(named name: String) -> [String: FieldFact]? {
        rowByName[name].map { rows[$0] }
    }
}
