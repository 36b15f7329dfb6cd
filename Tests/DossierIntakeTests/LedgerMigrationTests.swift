import DossierIntake
import DossierTestSupport
import Foundation
import GRDB
import Testing

/// Issue #15 items 0 and 6: a ledger written by an earlier dossier opens and is migrated, never lost; one written by
/// a newer dossier is refused.
@Suite struct LedgerMigrationTests {
    /// A ledger as dossier 0.1.0 wrote it (schema v1): the same bytes received twice as two rows, a changed version.
    private func v1Ledger(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: LedgerV1Schema.sql)
            let report = """
                {"unit":{"name":"湖北省科协","type":"province","quota":10,"approval":null},
                 "candidates":[{"name":"张三","folder":"张三","fields":{"birth":"1975-03","employer":"武汉大学","gender":"男",
                 "category":"科研人员"}}]}
                """
            for (index, sha) in ["aaa", "aaa", "bbb"].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO intake (receivedAt, asOf, source, kind, unit, unitType, sha256, archivedAs, bytes,
                          verdict, errors, warnings, notices, rulesSHA256, report)
                        VALUES (?, '2021-06-18', ?, 'folder', '湖北省科协', 'province', ?, ?, 10, 'pass', 0, 0, 0, 'r', ?)
                        """,
                    arguments: [
                        "2021-06-1\(index + 1)T10:00:00+08:00", "/media/usb\(index)", sha,
                        "received/湖北省科协/\(index).zip", report,
                    ])
                try db.execute(
                    sql: "INSERT INTO candidate VALUES (?, '湖北省科协', '张三', '1975-03', '武汉大学')",
                    arguments: [db.lastInsertedRowID])
            }
        }
    }

    @Test func aLedgerOfTheFirstSchemaIsMigratedWithNothingLost() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("ledger.sqlite").path
        try v1Ledger(at: path)
        let ledger = try Ledger(path: path)
        let entries = try ledger.entries()
        #expect(entries.map(\.sha256) == ["aaa", "bbb"])
        #expect(entries.map(\.quota) == [10, 10])
        let receipts = try ledger.receipts()
        #expect(receipts.map(\.version) == [entries[0].id, entries[0].id, entries[1].id])
        #expect(receipts.map(\.source) == ["/media/usb0", "/media/usb1", "/media/usb2"])
        // The second copy of the same bytes stays listed, so that the next intake does not take it for an orphan.
        #expect(try ledger.keptFiles().files.contains("received/湖北省科协/1.zip"))
        let candidates = try ledger.candidates(versions: entries.map(\.id))
        #expect(candidates.count == 2)
        #expect(candidates.first?.fields["category"] == "科研人员")
        #expect(candidates.first?.folder == "张三")
        // Opened again, nothing changes.
        #expect(try Ledger(path: path).receipts() == receipts)
    }

    @Test func aLedgerOfANewerDossierIsRefusedAndLeftAsItIs() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("ledger.sqlite").path
        _ = try Ledger(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: IntakeError.ledgerTooNew(path)) { try Ledger(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(IntakeError.ledgerTooNew(path).text(.zh).contains("更新版本"))
    }
}
