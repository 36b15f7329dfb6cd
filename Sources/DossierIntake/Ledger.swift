import DossierCore
import Foundation
import GRDB

/// The office's intake ledger (`ARCHIVE/ledger.sqlite`): one row per distinct version a unit sent (the bytes kept
/// in the archive), one receipt per time a version came in, the candidates and photos of each version, the
/// office's marks and the paper it received. Each change is one transaction, so a killed run leaves every row whole.
public final class Ledger: Sendable {
    /// One version received: a kept file, whatever number of times it came in.
    public struct Entry: Sendable, Equatable {
        public var id: Int64 = 0
        /// When it first came in.
        public var receivedAt: String
        public var asOf: String
        /// The path it first came from, as given.
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
        /// The bag's `Bagging-Date` (`YYYY-MM-DD`) of a sealed bundle; nil for folders and plain zips.
        public var bagDate: String?
        /// The quota it was judged against, and the approval that raised it.
        public var quota: Int?
        public var approval: String?
    }

    /// One time a version came in.
    public struct Receipt: Sendable, Equatable {
        public var id: Int64 = 0
        /// The version (`Entry.id`).
        public var version: Int64
        public var receivedAt: String
        public var source: String
        /// Who received the drive, and the label on it, as the office gave them.
        public var receivedBy: String?
        public var driveLabel: String?
        /// A second copy of the version's bytes an earlier dossier kept for this receipt; nil for every receipt
        /// since (the same bytes are kept once).
        public var archivedAs: String?

        public init(
            version: Int64 = 0, receivedAt: String, source: String, receivedBy: String? = nil,
            driveLabel: String? = nil, archivedAs: String? = nil
        ) {
            self.version = version
            self.receivedAt = receivedAt
            self.source = source
            self.receivedBy = receivedBy
            self.driveLabel = driveLabel
            self.archivedAs = archivedAs
        }
    }

    /// What the office said of a version.
    public enum Mark: String, Sendable, Codable, CaseIterable {
        /// The unit withdrew it: it never counts.
        case withdrawn
        /// This version counts, whatever its verdict or date.
        case counts
        /// The earlier marks of the version no longer hold.
        case cleared
    }

    /// One mark the office put on a version; marks are kept, the latest of a version holds.
    public struct MarkEntry: Sendable, Equatable {
        public var id: Int64 = 0
        public var version: Int64
        public var mark: Mark
        public var at: String
        public var by: String?
        public var note: String?
    }

    /// A candidate of a version, with the fields the rule set has the ledger keep.
    public struct Candidate: Sendable, Equatable {
        /// The version (`Entry.id`).
        public var intake: Int64
        public var unit: String
        public var name: String
        public var folder: String
        public var fields: [String: String]

        /// The birth month, when kept (the field the rule set names).
        public var birth: String { fields["birth"] ?? "" }
    }

    /// A photo of a version, by its bytes.
    public struct Photo: Sendable, Equatable {
        public var intake: Int64 = 0
        public var unit: String
        public var candidate: String
        public var path: String
        public var sha256: String

        public init(unit: String, candidate: String, path: String, sha256: String) {
            self.unit = unit
            self.candidate = candidate
            self.path = path
            self.sha256 = sha256
        }
    }

    /// The arrival of a unit's stamped paper and the fingerprint written on it. Entries are kept, never
    /// overwritten: a correction is a new entry.
    public struct PaperEntry: Sendable, Equatable {
        public var id: Int64 = 0
        public var unit: String
        /// As written on the paper, normalised to 20 upper-case hex digits in groups of four.
        public var fingerprint: String
        /// `YYYY-MM-DD`: when the paper arrived.
        public var receivedOn: String
        public var recordedAt: String
        public var recordedBy: String?

        public init(unit: String, fingerprint: String, receivedOn: String, recordedAt: String, recordedBy: String?) {
            self.unit = unit
            self.fingerprint = fingerprint
            self.receivedOn = receivedOn
            self.recordedAt = recordedAt
            self.recordedBy = recordedBy
        }
    }

    let queue: DatabaseQueue

    /// Opens (or creates) the ledger at `path`, migrating one an earlier dossier wrote. A ledger a newer dossier
    /// wrote is refused (its tables may mean what this one does not know). Another intake writing to it is waited
    /// for, up to a minute.
    public init(path: String) throws(IntakeError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // A new ledger another intake is creating has no migrations table yet: not superseded.
            if (try? queue.read({ try Self.migrator.hasBeenSuperseded($0) })) == true {
                throw IntakeError.ledgerTooNew(path)
            }
            try Self.migrate(queue)
        } catch let error as IntakeError {
            throw error
        } catch {
            throw .ledgerUnreadable(path, Self.reason(error))
        }
        self.queue = queue
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

    /// The ledger's schema, one migration per version of it; each runs once, in its own transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: LedgerSchema.v1)
        migrator.registerMigration("v2", migrate: LedgerSchema.v2)
        migrator.registerMigration("v3", migrate: LedgerSchema.v3)
        return migrator
    }

    /// The version whose kept bytes have this SHA-256, if any was received.
    public func version(sha256: String) throws -> Entry? {
        try queue.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM intake WHERE sha256 = ? ORDER BY id LIMIT 1", arguments: [sha256])
                .map(Self.entry)
        }
    }

    /// Records a new version with its first receipt, candidates and photos in one transaction; returns its number.
    /// `fields` are the candidate fields kept (every field when nil).
    public func record(
        _ entry: Entry, report: String, candidates: [CandidateInfo], fields: [String]? = nil, photos: [Photo] = [],
        receipt: Receipt? = nil
    ) throws -> Int64 {
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO intake (receivedAt, asOf, source, kind, unit, unitType, fingerprint, sha256, archivedAs,
                      bytes, verdict, errors, warnings, notices, rulesSHA256, report, bagDate, quota, approval)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.receivedAt, entry.asOf, entry.source, entry.kind, entry.unit, entry.unitType,
                    entry.fingerprint, entry.sha256, entry.archivedAs, entry.bytes, entry.verdict, entry.errors,
                    entry.warnings, entry.notices, entry.rulesSHA256, report, entry.bagDate, entry.quota,
                    entry.approval,
                ])
            let id = db.lastInsertedRowID
            try Self.insert(candidates, fields: fields, version: id, unit: entry.unit, db)
            try Self.insert(photos, version: id, unit: entry.unit, db)
            var first = receipt ?? Receipt(receivedAt: entry.receivedAt, source: entry.source)
            first.version = id
            try Self.insert(first, db)
            return id
        }
    }

    /// Records that `receipt.version`'s bytes came in again; returns the receipt's number.
    @discardableResult
    public func record(_ receipt: Receipt) throws -> Int64 {
        try queue.write { db in
            try Self.insert(receipt, db)
            return db.lastInsertedRowID
        }
    }

    /// Records the candidates of `version`, keeping only `fields` of each (every field when nil).
    static func insert(
        _ candidates: [CandidateInfo], fields: [String]?, version: Int64, unit: String, _ db: Database
    ) throws {
        for candidate in candidates {
            let kept = fields.map { keys in candidate.fields.filter { keys.contains($0.key) } } ?? candidate.fields
            try db.execute(
                sql: "INSERT INTO candidate (intake, unit, name, folder, fields) VALUES (?, ?, ?, ?, ?)",
                arguments: [version, unit, candidate.name, candidate.folder, LedgerSchema.json(kept)])
        }
    }

    /// Records the photos of `version`.
    static func insert(_ photos: [Photo], version: Int64, unit: String, _ db: Database) throws {
        for photo in photos {
            try db.execute(
                sql: "INSERT INTO photo (intake, unit, candidate, path, sha256) VALUES (?, ?, ?, ?, ?)",
                arguments: [version, unit, photo.candidate, photo.path, photo.sha256])
        }
    }

    private static func insert(_ receipt: Receipt, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO receipt (intake, receivedAt, source, receivedBy, driveLabel, archivedAs)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                receipt.version, receipt.receivedAt, receipt.source, receipt.receivedBy, receipt.driveLabel,
                receipt.archivedAs,
            ])
    }

    /// Puts the office's `mark` on `version`; returns the mark's number. An unknown version is an error.
    @discardableResult
    public func mark(version: Int64, _ mark: Mark, at: String, by: String?, note: String?) throws(IntakeError)
        -> Int64
    {
        do {
            return try queue.write { db in
                guard try Int64.fetchOne(db, sql: "SELECT id FROM intake WHERE id = ?", arguments: [version]) != nil
                else { throw IntakeError.noSuchVersion(version) }
                try db.execute(
                    sql: "INSERT INTO mark (intake, mark, at, by, note) VALUES (?, ?, ?, ?, ?)",
                    arguments: [version, mark.rawValue, at, by, note])
                return db.lastInsertedRowID
            }
        } catch let error as IntakeError {
            throw error
        } catch {
            throw .ledgerUnwritable(path, "#\(version)", Self.reason(error))
        }
    }

    /// Records the arrival of a unit's paper; returns the entry's number.
    @discardableResult
    public func record(_ paper: PaperEntry) throws(IntakeError) -> Int64 {
        do {
            return try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO paper (unit, fingerprint, receivedOn, recordedAt, recordedBy) VALUES (?, ?, ?, ?, ?)",
                    arguments: [paper.unit, paper.fingerprint, paper.receivedOn, paper.recordedAt, paper.recordedBy])
                return db.lastInsertedRowID
            }
        } catch {
            throw .ledgerUnwritable(path, paper.unit, Self.reason(error))
        }
    }

    /// Where the ledger lies.
    public var path: String { queue.path }

    /// Every version of `unit`, oldest first.
    public func entries(unit: String) throws -> [Entry] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM intake WHERE unit = ? ORDER BY id", arguments: [unit]).map(
                Self.entry)
        }
    }

    /// Every version received, oldest first.
    public func entries() throws -> [Entry] { try queue.read(Self.entries) }

    private static func entries(_ db: Database) throws -> [Entry] {
        try Row.fetchAll(db, sql: "SELECT * FROM intake ORDER BY id").map(Self.entry)
    }

    /// Every receipt, oldest first.
    public func receipts() throws -> [Receipt] { try queue.read(Self.receipts) }

    private static func receipts(_ db: Database) throws -> [Receipt] {
        try Row.fetchAll(db, sql: "SELECT * FROM receipt ORDER BY id").map { row in
            var receipt = Receipt(
                version: row["intake"], receivedAt: row["receivedAt"], source: row["source"],
                receivedBy: row["receivedBy"], driveLabel: row["driveLabel"], archivedAs: row["archivedAs"])
            receipt.id = row["id"]
            return receipt
        }
    }

    /// Every mark the office put, oldest first.
    public func marks() throws -> [MarkEntry] { try queue.read(Self.marks) }

    private static func marks(_ db: Database) throws -> [MarkEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM mark ORDER BY id").compactMap { row in
            guard let mark = Mark(rawValue: row["mark"]) else { return nil }
            return MarkEntry(
                id: row["id"], version: row["intake"], mark: mark, at: row["at"], by: row["by"], note: row["note"])
        }
    }

    /// Every paper entry, oldest first.
    public func papers() throws -> [PaperEntry] { try queue.read(Self.papers) }

    private static func papers(_ db: Database) throws -> [PaperEntry] {
        try Row.fetchAll(db, sql: "SELECT * FROM paper ORDER BY id").map { row in
            var paper = PaperEntry(
                unit: row["unit"], fingerprint: row["fingerprint"], receivedOn: row["receivedOn"],
                recordedAt: row["recordedAt"], recordedBy: row["recordedBy"])
            paper.id = row["id"]
            return paper
        }
    }

    /// Every kept file the ledger names, and when the first bundle was received (nil when none was): what an intake
    /// needs to tell a dead intake's kept file from a recorded one, without reading the rows' reports.
    public func keptFiles() throws -> (files: Set<String>, firstReceivedAt: String?) {
        try queue.read { db in
            let files = try String.fetchAll(
                db,
                sql: "SELECT archivedAs FROM intake UNION SELECT archivedAs FROM receipt WHERE archivedAs IS NOT NULL")
            let first = try String.fetchOne(db, sql: "SELECT receivedAt FROM intake ORDER BY id LIMIT 1")
            return (Set(files), first)
        }
    }

    /// The candidates of the versions `versions`, in the order of their versions.
    public func candidates(versions: [Int64]) throws -> [Candidate] {
        guard !versions.isEmpty else { return [] }
        return try queue.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT rowid, * FROM candidate WHERE intake IN (\(versions.map(String.init).joined(separator: ","))) "
                    + "ORDER BY intake, rowid"
            ).map { row in
                Candidate(
                    intake: row["intake"], unit: row["unit"], name: row["name"], folder: row["folder"],
                    fields: LedgerSchema.fields(row["fields"]))
            }
        }
    }

    /// The photos of the versions `versions`.
    public func photos(versions: [Int64]) throws -> [Photo] {
        guard !versions.isEmpty else { return [] }
        return try queue.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT rowid, * FROM photo WHERE intake IN (\(versions.map(String.init).joined(separator: ","))) "
                    + "ORDER BY intake, rowid"
            ).map { row in
                var photo = Photo(
                    unit: row["unit"], candidate: row["candidate"], path: row["path"], sha256: row["sha256"])
                photo.intake = row["intake"]
                return photo
            }
        }
    }

    /// The report recorded for `version` (the JSON of its bundle report), if it exists.
    public func report(version: Int64) throws -> String? {
        try queue.read { db in
            try String.fetchOne(db, sql: "SELECT report FROM intake WHERE id = ?", arguments: [version])
        }
    }

    /// Everything the office's desk reads, in one read transaction: a consistent picture of the ledger.
    public func snapshot() throws -> LedgerSnapshot {
        try queue.read { db in
            LedgerSnapshot(
                entries: try Self.entries(db), receipts: try Self.receipts(db), marks: try Self.marks(db),
                papers: try Self.papers(db))
        }
    }

    private static func entry(_ row: Row) -> Entry {
        Entry(
            id: row["id"], receivedAt: row["receivedAt"], asOf: row["asOf"], source: row["source"], kind: row["kind"],
            unit: row["unit"], unitType: row["unitType"], fingerprint: row["fingerprint"], sha256: row["sha256"],
            archivedAs: row["archivedAs"], bytes: row["bytes"], verdict: row["verdict"], errors: row["errors"],
            warnings: row["warnings"], notices: row["notices"], rulesSHA256: row["rulesSHA256"],
            bagDate: row["bagDate"], quota: row["quota"], approval: row["approval"])
    }
}

/// The ledger as the office's desk reads it.
public struct LedgerSnapshot: Sendable, Equatable {
    public var entries: [Ledger.Entry]
    public var receipts: [Ledger.Receipt]
    public var marks: [Ledger.MarkEntry]
    public var papers: [Ledger.PaperEntry]

    public init(
        entries: [Ledger.Entry], receipts: [Ledger.Receipt], marks: [Ledger.MarkEntry], papers: [Ledger.PaperEntry]
    ) {
        self.entries = entries
        self.receipts = receipts
        self.marks = marks
        self.papers = papers
    }
}
