import DossierCore
import Foundation
import GRDB

/// The office's intake ledger (`ARCHIVE/ledger.sqlite`): one row per bundle received, with its candidates. Each
/// bundle is recorded in one transaction, so a killed run leaves every row whole.
public final class Ledger: Sendable {
    /// One bundle received.
    public struct Entry: Sendable, Equatable {
        public var id: Int64 = 0
        public var receivedAt: String
        public var asOf: String
        /// The path it was received from, as given.
        public var source: String
        public var kind: String
        public var unit: String
        public var unitType: String?
        public var fingerprint: String?
        /// SHA-256 of the archived file.
        public var sha256: String
        /// The archived file, relative to the archive folder.
        public var archivedAs: String
        public var bytes: Int64
        public var verdict: String
        public var errors: Int
        public var warnings: Int
        public var notices: Int
        public var rulesSHA256: String
    }

    /// A candidate of the latest bundle of a unit.
    public struct Candidate: Sendable, Equatable {
        public var intake: Int64
        public var unit: String
        public var name: String
        public var birth: String
    }

    private let queue: DatabaseQueue

    /// Opens (or creates) the ledger at `path`. Another intake writing to it is waited for, up to a minute.
    public init(path: String) throws(IntakeError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrate(queue)
        } catch {
            throw .ledgerUnreadable(path, Self.reason(error))
        }
    }

    /// The system's reason for a failure, in one line: SQLite's message without the statement it was running.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return error.message ?? "SQLite error \(error.resultCode.rawValue)"
    }

    /// Brings the ledger's tables up to date. Two intakes into a new archive may both find no table and both
    /// create them: the migrator looks outside the transaction it then creates them in, so the later one fails
    /// ("table intake already exists") once the earlier has committed. Looking again then finds the work done.
    private static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = Self.migrator
        func applied() -> Int { (try? queue.read(migrator.appliedMigrations).count) ?? -1 }
        var before = applied()
        while true {
            do {
                return try migrator.migrate(queue)
            } catch {
                // Tried again only while another writer is seen to make progress: a failure that changes nothing
                // (a file that is no ledger, a full disk) is this run's.
                let after = applied()
                guard after > before else { throw error }
                before = after
            }
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "intake") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("receivedAt", .text).notNull()
                table.column("asOf", .text).notNull()
                table.column("source", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("unit", .text).notNull().indexed()
                table.column("unitType", .text)
                table.column("fingerprint", .text)
                table.column("sha256", .text).notNull()
                table.column("archivedAs", .text).notNull()
                table.column("bytes", .integer).notNull()
                table.column("verdict", .text).notNull()
                table.column("errors", .integer).notNull()
                table.column("warnings", .integer).notNull()
                table.column("notices", .integer).notNull()
                table.column("rulesSHA256", .text).notNull()
                table.column("report", .text).notNull()
            }
            try db.create(table: "candidate") { table in
                table.column("intake", .integer).notNull().indexed().references("intake", onDelete: .cascade)
                table.column("unit", .text).notNull()
                table.column("name", .text).notNull()
                table.column("birth", .text).notNull()
                table.column("employer", .text).notNull()
            }
        }
        return migrator
    }

    /// Records `entry` and its candidates in one transaction; returns the entry's number.
    public func record(_ entry: Entry, report: String, candidates: [CandidateInfo]) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO intake (receivedAt, asOf, source, kind, unit, unitType, fingerprint, sha256, archivedAs,
                      bytes, verdict, errors, warnings, notices, rulesSHA256, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.receivedAt, entry.asOf, entry.source, entry.kind, entry.unit, entry.unitType,
                    entry.fingerprint, entry.sha256, entry.archivedAs, entry.bytes, entry.verdict, entry.errors,
                    entry.warnings, entry.notices, entry.rulesSHA256, report,
                ])
            let id = db.lastInsertedRowID
            for candidate in candidates {
                try db.execute(
                    sql: "INSERT INTO candidate (intake, unit, name, birth, employer) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        id, entry.unit, candidate.name, candidate.fields["birth"] ?? "",
                        candidate.fields["employer"] ?? "",
                    ])
            }
            return id
        }
    }

    /// Every bundle received from `unit`, oldest first.
    public func entries(unit: String) throws -> [Entry] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM intake WHERE unit = ? ORDER BY id", arguments: [unit]).map(
                Self.entry)
        }
    }

    /// Every bundle received, oldest first.
    public func entries() throws -> [Entry] {
        try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM intake ORDER BY id").map(Self.entry) }
    }

    /// Every kept file the ledger names, and when the first bundle was received (nil when none was): what an intake
    /// needs to tell a dead intake's kept file from a recorded one, without reading the rows' reports.
    public func keptFiles() throws -> (files: Set<String>, firstReceivedAt: String?) {
        try queue.read { db in
            let files = try String.fetchAll(db, sql: "SELECT archivedAs FROM intake")
            let first = try String.fetchOne(db, sql: "SELECT receivedAt FROM intake ORDER BY id LIMIT 1")
            return (Set(files), first)
        }
    }

    /// The candidates of each unit's latest bundle: an earlier bundle of a unit is replaced by its latest.
    public func latestCandidates() throws -> [Candidate] {
        try queue.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.intake, c.unit, c.name, c.birth FROM candidate c
                    WHERE c.intake = (SELECT MAX(id) FROM intake i WHERE i.unit = c.unit) ORDER BY c.intake
                    """
            ).map { Candidate(intake: $0["intake"], unit: $0["unit"], name: $0["name"], birth: $0["birth"]) }
        }
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(
            id: row["id"], receivedAt: row["receivedAt"], asOf: row["asOf"], source: row["source"], kind: row["kind"],
            unit: row["unit"], unitType: row["unitType"], fingerprint: row["fingerprint"], sha256: row["sha256"],
            archivedAs: row["archivedAs"], bytes: row["bytes"], verdict: row["verdict"], errors: row["errors"],
            warnings: row["warnings"], notices: row["notices"], rulesSHA256: row["rulesSHA256"])
    }
}
