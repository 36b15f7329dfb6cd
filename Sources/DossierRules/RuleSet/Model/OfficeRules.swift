import DossierCore

/// `units.office`: what the intake ledger keeps of each candidate and how the office's desk groups them.
public struct OfficeRules: Codable, Sendable, Equatable {
    /// An age band of the office's charts: ages below `under` (the last band has none), with its label.
    public struct AgeBand: Codable, Sendable, Equatable {
        public var under: Int?
        public var label: LocalizedText
    }

    /// The form fields the ledger keeps for every candidate (the summary table's), in the national table's order.
    public var candidateFields: [String]
    /// Fields that, all equal and filled, make two units' candidates one person (CROSS-DUPLICATE-CANDIDATE).
    public var samePerson: [String]
    /// The field holding the birth month (`YYYY-MM`), for ages at the deadline.
    public var birthField: String?
    /// Age bands, youngest first.
    public var ageBands: [AgeBand]?
    /// Fields whose values the office counts candidates by (category, gender).
    public var breakdowns: [String]?
}
