import DossierCore
import Foundation

/// One unit as the office's desk shows it on its own page: its state (as `status` gives it), every version with
/// each time it came in (when, from where, who received the drive, its label) and the office's marks on it, every
/// paper entry with what its fingerprint says, and the candidates of the version compared across units.
public struct LedgerUnitDetail: Sendable {
    /// One version with its receipts and marks.
    public struct Version: Sendable {
        public var version: LedgerStatus.Version
        /// Oldest first.
        public var receipts: [Ledger.Receipt]
        /// Every mark put on it, oldest first (the latest holds).
        public var marks: [Ledger.MarkEntry]
        /// Whether it is the version that counts, and the one compared across units.
        public var counts: Bool
        public var current: Bool
    }

    /// One paper entry and what its fingerprint says against the unit's sealed bundles.
    public struct Paper: Sendable {
        public var entry: Ledger.PaperEntry
        public var outcome: LedgerDesk.PaperOutcome
        /// Whether it is the latest entry (the one that holds).
        public var latest: Bool
    }

    public var unit: LedgerStatus.Unit
    /// The title of the unit's type.
    public var typeTitle: String
    /// Oldest first, as ordered for counting.
    public var versions: [Version]
    /// Oldest first.
    public var papers: [Paper]
    /// The candidates of the version compared across units (`unit.current`).
    public var candidates: [Ledger.Candidate]
    /// The candidate fields the ledger keeps (their keys, and titles as the forms label them), in the rule set's
    /// order.
    public var fields: [(key: String, title: String)]
    /// The unit's findings on the desk (CROSS-PAPER-MISMATCH).
    public var findings: [Finding]
    /// The deadline, and days to it.
    public var deadline: String
    public var daysToDeadline: Int
}

extension LedgerDesk {
    /// The unit `name` names (the registry's, by name or alias, or one the ledger knows) on its own page; an error
    /// suggesting the closest names when it is neither.
    public func detail(unit name: String, ledger: Ledger) throws -> LedgerUnitDetail {
        let resolved = try unit(named: name, ledger: ledger)
        let status = try status(ledger)
        guard let unit = status.units.first(where: { $0.name == resolved }) else {
            throw IntakeError.noSuchUnit(name, [])
        }
        let snapshot = try ledger.snapshot()
        let ids = Set(unit.versions.map(\.id))
        let receipts = Dictionary(grouping: snapshot.receipts.filter { ids.contains($0.version) }, by: \.version)
        let marks = Dictionary(grouping: snapshot.marks.filter { ids.contains($0.version) }, by: \.version)
        let versions = unit.versions.map { version in
            LedgerUnitDetail.Version(
                version: version, receipts: receipts[version.id] ?? [], marks: marks[version.id] ?? [],
                counts: version.id == unit.counting, current: version.id == unit.current)
        }
        let sealed = unit.versions.compactMap(\.fingerprint)
        let entries = snapshot.papers.filter { $0.unit == resolved }
        let papers = entries.enumerated().map { index, entry in
            LedgerUnitDetail.Paper(
                entry: entry, outcome: Self.outcome(entry.fingerprint, sealed: sealed),
                latest: index == entries.count - 1)
        }
        let candidates = try unit.current.map { try ledger.candidates(versions: [$0]) } ?? []
        return LedgerUnitDetail(
            unit: unit, typeTitle: LedgerStatusRenderer(language: language).typeTitle(unit.type, status),
            versions: versions, papers: papers, candidates: candidates,
            fields: (ruleSet.units.office?.candidateFields ?? []).map { ($0, fieldTitle($0)) },
            findings: status.findings.filter { $0.data?["unit"] == .string(resolved) },
            deadline: status.deadline, daysToDeadline: status.daysToDeadline)
    }
}
