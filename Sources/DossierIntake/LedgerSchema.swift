import DossierCore
import Foundation
import GRDB

/// The ledger's migrations. Each is written once and never changed: a ledger any earlier dossier wrote is brought
/// up to date by running those it lacks, in order.
enum LedgerSchema {
    /// The first ledger: one row per intake, candidates with name, birth and employer.
    static func v1(_ db: Database) throws {
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

    /// What a v1 ledger's report says of its bundle's unit and candidates.
    private struct RecordedReport: Decodable {
        struct Unit: Decodable {
            var quota: Int?
            var approval: String?
        }
        var unit: Unit
        var candidates: [CandidateInfo]
    }

    /// Versions, not intakes: an `intake` row is a distinct version (kept bytes), each time it came in a `receipt`
    /// (who received it, the drive's label); candidates keep every field (JSON) and their folder; photos by their
    /// bytes; the office's marks and paper. Rows of a v1 ledger that kept the same bytes twice become one version
    /// with two receipts, the second naming its own copy (which stays in the archive, listed).
    static func v2(_ db: Database) throws {
        try db.create(table: "receipt") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("intake", .integer).notNull().indexed().references("intake", onDelete: .cascade)
            table.column("receivedAt", .text).notNull()
            table.column("source", .text).notNull()
            table.column("receivedBy", .text)
            table.column("driveLabel", .text)
            table.column("archivedAs", .text)
        }
        try db.alter(table: "intake") { table in
            table.add(column: "bagDate", .text)
            table.add(column: "quota", .integer)
            table.add(column: "approval", .text)
        }
        try db.create(index: "intake_sha256", on: "intake", columns: ["sha256"])
        try db.create(table: "candidate_v2") { table in
            table.column("intake", .integer).notNull().references("intake", onDelete: .cascade)
            table.column("unit", .text).notNull()
            table.column("name", .text).notNull()
            table.column("folder", .text).notNull().defaults(to: "")
            table.column("fields", .text).notNull().defaults(to: "{}")
        }
        var firstOf: [String: Int64] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, receivedAt, source, sha256, archivedAs, report FROM intake ORDER BY id")
        for row in rows {
            let id: Int64 = row["id"]
            let sha256: String = row["sha256"]
            if let first = firstOf[sha256] {
                try db.execute(
                    sql: "INSERT INTO receipt (intake, receivedAt, source, archivedAs) VALUES (?, ?, ?, ?)",
                    arguments: [first, row["receivedAt"], row["source"], row["archivedAs"]])
                try db.execute(sql: "DELETE FROM candidate WHERE intake = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM intake WHERE id = ?", arguments: [id])
                continue
            }
            firstOf[sha256] = id
            try db.execute(
                sql: "INSERT INTO receipt (intake, receivedAt, source) VALUES (?, ?, ?)",
                arguments: [id, row["receivedAt"], row["source"]])
            let text: String = row["report"]
            guard let report = try? JSONDecoder().decode(RecordedReport.self, from: Data(text.utf8)) else {
                // A report that cannot be read back: the v1 row's fields are what there is.
                try db.execute(
                    sql: """
                        INSERT INTO candidate_v2 (intake, unit, name, fields)
                        SELECT intake, unit, name, json_object('birth', birth, 'employer', employer)
                        FROM candidate WHERE intake = ?
                        """, arguments: [id])
                continue
            }
            try db.execute(
                sql: "UPDATE intake SET quota = ?, approval = ? WHERE id = ?",
                arguments: [report.unit.quota, report.unit.approval, id])
            let unit = try String.fetchOne(db, sql: "SELECT unit FROM intake WHERE id = ?", arguments: [id]) ?? ""
            for candidate in report.candidates {
                try db.execute(
                    sql: "INSERT INTO candidate_v2 (intake, unit, name, folder, fields) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, unit, candidate.name, candidate.folder, json(candidate.fields)])
            }
        }
        try db.drop(table: "candidate")
        try db.rename(table: "candidate_v2", to: "candidate")
        try db.create(index: "candidate_intake", on: "candidate", columns: ["intake"])
        try db.create(table: "photo") { table in
            table.column("intake", .integer).notNull().indexed().references("intake", onDelete: .cascade)
            table.column("unit", .text).notNull()
            table.column("candidate", .text).notNull()
            table.column("path", .text).notNull()
            table.column("sha256", .text).notNull().indexed()
        }
        try db.create(table: "mark") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("intake", .integer).notNull().indexed().references("intake", onDelete: .cascade)
            table.column("mark", .text).notNull()
            table.column("at", .text).notNull()
            table.column("by", .text)
            table.column("note", .text)
        }
        try db.create(table: "paper") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("unit", .text).notNull().indexed()
            table.column("fingerprint", .text).notNull()
            table.column("receivedOn", .text).notNull()
            table.column("recordedAt", .text).notNull()
            table.column("recordedBy", .text)
        }
    }

    /// Rechecks: each run of `dossier ledger recheck`, and every version's judgement before and after it.
    static func v3(_ db: Database) throws {
        try db.create(table: "recheck") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .text).notNull()
            table.column("rulesSHA256", .text).notNull()
            table.column("rulesFolder", .text).notNull()
            table.column("checked", .integer).notNull()
            table.column("changed", .integer).notNull()
        }
        try db.create(table: "recheckResult") { table in
            table.column("recheck", .integer).notNull().indexed().references("recheck", onDelete: .cascade)
            table.column("intake", .integer).notNull().references("intake", onDelete: .cascade)
            table.column("verdictBefore", .text).notNull()
            table.column("verdictAfter", .text).notNull()
            table.column("errorsBefore", .integer).notNull()
            table.column("errorsAfter", .integer).notNull()
            table.column("warningsBefore", .integer).notNull()
            table.column("warningsAfter", .integer).notNull()
            table.column("rulesBefore", .text).notNull()
            table.column("added", .text).notNull()
            table.column("removed", .text).notNull()
        }
    }

    /// A candidate's fields as stored: a JSON object, keys sorted.
    static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A candidate's stored fields; empty when they cannot be read.
    static func fields(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
