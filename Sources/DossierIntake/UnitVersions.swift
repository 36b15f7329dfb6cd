import Foundation

/// The versions one unit sent, and which of them counts. The one that counts is the version the office marked so
/// (the latest such mark), else the newest passing one that is not withdrawn: newest by the bag's date (a sealed
/// bundle's `Bagging-Date`; the day of first receipt for folders and plain zips), then by first receipt.
public struct UnitVersions: Sendable, Equatable {
    /// One version with what the office knows of it.
    public struct Version: Sendable, Equatable {
        public var entry: Ledger.Entry
        /// Its receipts, oldest first (at least one).
        public var receipts: [Ledger.Receipt]
        /// The mark that holds (the latest not cleared), if any.
        public var mark: Ledger.Mark?
        /// The id of that mark (the later of two `counts` marks wins).
        var markID: Int64

        /// The date versions are ordered by.
        public var date: String { entry.bagDate ?? String((receipts.first?.receivedAt ?? entry.receivedAt).prefix(10)) }
        var firstReceipt: Int64 { receipts.first?.id ?? entry.id }
        public var withdrawn: Bool { mark == .withdrawn }
        public var passed: Bool { entry.verdict == "pass" }
    }

    public var unit: String
    /// Oldest first, as ordered for counting.
    public var versions: [Version]

    /// Groups the ledger's versions by unit, in the order each unit first sent.
    public static func byUnit(_ snapshot: LedgerSnapshot) -> [UnitVersions] {
        let receipts = Dictionary(grouping: snapshot.receipts, by: \.version)
        var marks: [Int64: Ledger.MarkEntry] = [:]
        for mark in snapshot.marks { marks[mark.version] = mark }
        var order: [String] = []
        var grouped: [String: [Version]] = [:]
        for entry in snapshot.entries {
            if grouped[entry.unit] == nil { order.append(entry.unit) }
            let mark = marks[entry.id]
            grouped[entry.unit, default: []].append(
                Version(
                    entry: entry, receipts: receipts[entry.id] ?? [],
                    mark: mark?.mark == .cleared ? nil : mark?.mark, markID: mark?.id ?? 0))
        }
        return order.map { unit in
            UnitVersions(
                unit: unit,
                versions: (grouped[unit] ?? []).sorted {
                    ($0.date, $0.firstReceipt) < ($1.date, $1.firstReceipt)
                })
        }
    }

    /// The version that counts, if any: marked so, else the newest passing one not withdrawn.
    public var counting: Version? {
        if let marked = versions.filter({ $0.mark == .counts }).max(by: { $0.markID < $1.markID }) { return marked }
        return versions.last { $0.passed && !$0.withdrawn }
    }

    /// The version the office compares across units: the one that counts, else the newest not withdrawn (a unit
    /// whose every version fails is still compared with the others).
    public var current: Version? { counting ?? versions.last { !$0.withdrawn } }

    /// Every receipt of every version.
    public var receiptCount: Int { versions.reduce(0) { $0 + $1.receipts.count } }
}
