import DossierCore
import DossierIntake
import DossierRules
import DossierTestSupport
import Foundation
import GRDB
import Testing

/// Issue #15 item 4: a recheck after a rule-set change reports exactly the bundles whose verdict changed, and the
/// ledger records it.
@Suite struct LedgerRecheckTests {
    @Test func aRuleChangeReportsExactlyTheVerdictsThatChanged() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        let hubei = try folder.copy(ofSample: "valid")
        let physics = try folder.copy(ofSample: "judgement-problems")
        var runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive)
        runner.now = { Date(timeIntervalSince1970: 1_624_000_000) }
        _ = try runner.run(paths: [hubei.path, physics.path])
        let ledger = try LedgerDesk.open(archive: archive)

        // The same rules: nothing changes.
        let same = try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").recheck(ledger, archive: archive)
        #expect(same.results.count == 2 && same.changed.isEmpty)
        #expect(same.results.allSatisfy { $0.added.isEmpty && $0.removed.isEmpty }, "\(same.results)")

        // The office learns that a 张三 born 1975-03 was honoured in 2020.
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: rules)
        let judgement = rules.appendingPathComponent("judgement.yaml")
        let text = try String(contentsOf: judgement, encoding: .utf8)
        try text.replacingOccurrences(of: "{name: 李东}", with: "{name: 李东}, {name: 张三, born: 1975-03}")
            .write(to: judgement, atomically: true, encoding: .utf8)
        let changedRules = try RuleSet.load(folder: rules.path)
        let recheck = try LedgerDesk(ruleSet: changedRules, language: .zh, asOf: "2021-06-18").recheck(
            ledger, archive: archive)
        #expect(recheck.changed.map(\.unit) == ["湖北省科协"])
        #expect(recheck.changed.first?.added == ["EXCL-PRIOR-HONOREE"])
        #expect(try ledger.recheckCount() == 2)
        // The new verdict decides: 湖北省科协 has no passing version any more.
        let status = try LedgerDesk(ruleSet: changedRules, language: .zh, asOf: "2021-06-18").status(ledger)
        #expect(status.units.first { $0.name == "湖北省科协" }?.state == .failed)
        let shown = LedgerRecheckRenderer(language: .zh).text(recheck)
        #expect(shown.contains("1 个结论有变") && shown.contains("通过 → 未通过") && shown.contains("EXCL-PRIOR-HONOREE"))
        #expect(!shown.contains("中国物理学会"))
    }

    /// A cancelled recheck (the web app's 取消, the server's stop) stops and records nothing.
    @Test func aCancelledRecheckRecordsNothing() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        let hubei = try folder.copy(ofSample: "valid")
        _ = try IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive
        ).run(paths: [hubei.path])
        let ledger = try LedgerDesk.open(archive: archive)
        let before = try ledger.entries()
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: CheckError.cancelled) {
            try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").recheck(
                ledger, archive: archive, cancellation: cancellation)
        }
        #expect(try ledger.recheckCount() == 0)
        #expect(try ledger.entries() == before)
    }

    /// A copy of the rule set whose `units.office.candidateFields` is `fields`.
    private func rules(keeping fields: String, in folder: TemporaryFolder) throws -> RuleSet {
        let rules = folder.url.appendingPathComponent("rules-kept")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.rules), to: rules)
        let units = rules.appendingPathComponent("units.yaml")
        let text = try String(contentsOf: units, encoding: .utf8)
        let line = "candidateFields: [gender, birth, employer, title, category, phone]"
        #expect(text.contains(line))
        try text.replacingOccurrences(of: line, with: "candidateFields: [\(fields)]")
            .write(to: units, atomically: true, encoding: .utf8)
        return try RuleSet.load(folder: rules.path)
    }

    @Test func aRecheckReadsAgainTheCandidateFieldsTheRulesNowKeep() throws {
        let folder = try TemporaryFolder()
        let archive = folder.url.appendingPathComponent("archive").path
        let hubei = try folder.copy(ofSample: "valid")
        // Taken in when the office kept only gender and birth month.
        let fewer = try rules(keeping: "gender, birth", in: folder)
        _ = try IntakeRunner(
            checker: Checker(ruleSet: fewer, options: CheckOptions(asOf: "2021-06-18")), archive: archive
        ).run(paths: [hubei.path])
        let ledger = try LedgerDesk.open(archive: archive)
        let version = try #require(try ledger.entries().first?.id)
        let before = try ledger.candidates(versions: [version])
        #expect(before.map(\.name) == ["张三"])
        #expect(Set(before.first?.fields.keys.map { $0 } ?? []) == ["gender", "birth"])

        // The rule set that keeps every summary-table field the roll-up needs.
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let recheck = try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").recheck(
            ledger, archive: archive)
        #expect(recheck.results.count == 1)
        let after = try ledger.candidates(versions: [version])
        #expect(after.map(\.name) == ["张三"] && after.first?.folder == "张三")
        let kept = try #require(after.first?.fields)
        #expect(Set(kept.keys).isSuperset(of: ["gender", "birth", "employer", "category"]), "\(kept)")
        #expect(kept["birth"] == before.first?.fields["birth"])
        // The national table has them now.
        let table = try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").export(ledger)
        #expect(
            try String(decoding: table.render(format: "csv", sheet: LedgerDesk.exportSheet), as: UTF8.self)
                .contains(kept["employer"] ?? "—"))
    }

    @Test func aRecheckFillsThePhotosOfAVersionAFirstLedgerRecorded() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        _ = try IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive
        ).run(paths: [try folder.copy(ofSample: "valid").path])
        let path = archive + "/ledger.sqlite"
        let (entry, report, photos): (Ledger.Entry, String, [Ledger.Photo]) = try {
            let ledger = try Ledger(path: path)
            let entry = try #require(try ledger.entries().first)
            return (entry, try #require(try ledger.report(version: entry.id)), try ledger.photos(versions: [entry.id]))
        }()
        #expect(!photos.isEmpty)
        // The same kept zip as dossier 0.1.0 recorded it: schema v1, no photo table.
        try FileManager.default.removeItem(atPath: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: LedgerV1Schema.sql)
            try db.execute(
                sql: """
                    INSERT INTO intake (receivedAt, asOf, source, kind, unit, unitType, sha256, archivedAs, bytes,
                      verdict, errors, warnings, notices, rulesSHA256, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.receivedAt, entry.asOf, entry.source, entry.kind, entry.unit, entry.unitType, entry.sha256,
                    entry.archivedAs, entry.bytes, entry.verdict, entry.errors, entry.warnings, entry.notices,
                    entry.rulesSHA256, report,
                ])
        }
        let ledger = try LedgerDesk.open(archive: archive)
        let version = try #require(try ledger.entries().first?.id)
        #expect(try ledger.photos(versions: [version]).isEmpty)
        _ = try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18").recheck(ledger, archive: archive)
        let filled = try ledger.photos(versions: [version])
        #expect(filled.map(\.path) == photos.map(\.path))
        #expect(filled.map(\.sha256) == photos.map(\.sha256))
        #expect(filled.allSatisfy { $0.intake == version && $0.unit == entry.unit })
    }
}
