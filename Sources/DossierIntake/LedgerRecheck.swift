import DossierBundles
import DossierCore
import DossierRules
import Foundation
import GRDB

/// `dossier ledger recheck`: every kept version judged again with the current (or another) rule set, each as of the
/// date it was first judged against; what changed per unit. The ledger records each recheck and every version's
/// judgement before and after; a version's verdict is then the recheck's (it decides which version counts).
public struct LedgerRecheck: Codable, Sendable, Equatable {
    /// One version judged again.
    public struct Result: Codable, Sendable, Equatable {
        public var version: Int64
        public var unit: String
        public var before: Judgement
        public var after: Judgement
        /// Rule IDs the new judgement has and the old one had not, and the other way round.
        public var added: [String]
        public var removed: [String]

        public var verdictChanged: Bool { before.verdict != after.verdict }
    }

    public struct Judgement: Codable, Sendable, Equatable {
        public var verdict: String
        public var errors: Int
        public var warnings: Int
        public var notices: Int
        public var rulesSHA256: String
    }

    /// The recheck's number in the ledger.
    public var id: Int64
    public var at: String
    public var ruleSet: RuleSetInfo
    /// Every version judged, oldest first.
    public var results: [Result]

    /// The versions whose verdict changed.
    public var changed: [Result] { results.filter(\.verdictChanged) }
}

extension Ledger {
    /// What a recheck read again from a version's kept zip: its candidates with the fields the rule set keeps, its
    /// photos' bytes, the bag's date.
    struct Reread: Sendable {
        var candidates: [CandidateInfo]
        var fields: [String]?
        var photos: [Photo]
        var bagDate: String?
    }

    /// Records a recheck: its results, and each version's new judgement and report; the candidates and photos of
    /// every version whose zip could be read again replace those recorded (a version a v1 ledger recorded gets its
    /// photos; fields the rule set now keeps are filled). One transaction.
    func record(
        _ recheck: inout LedgerRecheck, reports: [Int64: String], reread: [Int64: Reread], rulesFolder: String
    ) throws {
        let id = try queue.write { db -> Int64 in
            try db.execute(
                sql: "INSERT INTO recheck (at, rulesSHA256, rulesFolder, checked, changed) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    recheck.at, recheck.ruleSet.sha256, rulesFolder, recheck.results.count, recheck.changed.count,
                ])
            let id = db.lastInsertedRowID
            for result in recheck.results {
                try db.execute(
                    sql: """
                        INSERT INTO recheckResult (recheck, intake, verdictBefore, verdictAfter, errorsBefore, errorsAfter,
                          warningsBefore, warningsAfter, rulesBefore, added, removed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        id, result.version, result.before.verdict, result.after.verdict, result.before.errors,
                        result.after.errors, result.before.warnings, result.after.warnings, result.before.rulesSHA256,
                        result.added.joined(separator: " "), result.removed.joined(separator: " "),
                    ])
                try db.execute(
                    sql: """
                        UPDATE intake SET verdict = ?, errors = ?, warnings = ?, notices = ?, rulesSHA256 = ?,
                          report = COALESCE(?, report) WHERE id = ?
                        """,
                    arguments: [
                        result.after.verdict, result.after.errors, result.after.warnings, result.after.notices,
                        result.after.rulesSHA256, reports[result.version], result.version,
                    ])
                guard let again = reread[result.version] else { continue }
                try db.execute(sql: "DELETE FROM candidate WHERE intake = ?", arguments: [result.version])
                try Self.insert(
                    again.candidates, fields: again.fields, version: result.version, unit: result.unit, db)
                try db.execute(sql: "DELETE FROM photo WHERE intake = ?", arguments: [result.version])
                try Self.insert(again.photos, version: result.version, unit: result.unit, db)
                try db.execute(
                    sql: "UPDATE intake SET bagDate = COALESCE(bagDate, ?) WHERE id = ?",
                    arguments: [again.bagDate, result.version])
            }
            return id
        }
        recheck.id = id
    }

    /// How many rechecks the ledger records.
    public func recheckCount() throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM recheck") ?? 0 }
    }
}

extension LedgerDesk {
    /// Judges every kept version again with this desk's rule set; records the recheck in the ledger. Cancelled
    /// (`cancellation`), it stops at the next file with `CheckError.cancelled` and records nothing.
    public func recheck(
        _ ledger: Ledger, archive: String, now: Date = Date(), cancellation: Cancellation? = nil
    ) throws -> LedgerRecheck {
        var results: [LedgerRecheck.Result] = []
        var reports: [Int64: String] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var reread: [Int64: Ledger.Reread] = [:]
        for entry in try ledger.entries() {
            if cancellation?.isCancelled == true { throw CheckError.cancelled }
            let path = (archive as NSString).appendingPathComponent(entry.archivedAs)
            var options = CheckOptions(language: language, asOf: entry.asOf)
            options.cancellation = cancellation
            // The quota the bundle was judged against (an approval sealed into it, or the office's).
            if let approval = entry.approval, let quota = entry.quota {
                options.quota = quota
                options.approval = approval
            }
            let checker = Checker(ruleSet: ruleSet, options: options)
            let item = DriveDiscovery.Item(kind: .zip, path: path, display: entry.source)
            let read = try? item.check(with: checker)
            // A check cut short judged nothing: neither it nor anything before it is recorded.
            if cancellation?.isCancelled == true { throw CheckError.cancelled }
            let bundle = read ?? item.unreadableReport(with: checker)
            if let read {
                // Read again from the zip as it was kept: the fields the rule set keeps now, every photo's bytes.
                let facts = KeptBundle.facts(
                    path, bundle: read, unit: entry.unit, sealed: entry.kind == Subject.Kind.sealed.rawValue)
                reread[entry.id] = Ledger.Reread(
                    candidates: read.candidates, fields: ruleSet.units.office?.candidateFields, photos: facts.photos,
                    bagDate: facts.bagDate)
            }
            let old = (try? ledger.report(version: entry.id)).flatMap { $0 }.map(Self.rules) ?? []
            let new = Set(bundle.findings.map(\.rule.rawValue))
            results.append(
                LedgerRecheck.Result(
                    version: entry.id, unit: entry.unit,
                    before: LedgerRecheck.Judgement(
                        verdict: entry.verdict, errors: entry.errors, warnings: entry.warnings, notices: entry.notices,
                        rulesSHA256: entry.rulesSHA256),
                    after: LedgerRecheck.Judgement(
                        verdict: bundle.summary.verdict.rawValue, errors: bundle.summary.errors,
                        warnings: bundle.summary.warnings, notices: bundle.summary.notices,
                        rulesSHA256: ruleSet.sha256),
                    added: new.subtracting(old).sorted(), removed: old.subtracting(new).sorted()))
            reports[entry.id] = (try? encoder.encode(bundle)).map { String(decoding: $0, as: UTF8.self) }
        }
        // Cancelled after the last version: still nothing is recorded.
        if cancellation?.isCancelled == true { throw CheckError.cancelled }
        var recheck = LedgerRecheck(
            id: 0, at: IntakeRunner.isoTime(now), ruleSet: ruleSet.info, results: results)
        do {
            try ledger.record(&recheck, reports: reports, reread: reread, rulesFolder: ruleSet.folder)
        } catch {
            throw IntakeError.ledgerUnwritable(ledger.path, "recheck", Ledger.reason(error))
        }
        return recheck
    }

    /// The rule IDs of a recorded report's findings.
    private static func rules(_ report: String) -> Set<String> {
        struct Recorded: Decodable {
            struct Found: Decodable { var rule: String }
            var findings: [Found]
        }
        let recorded = try? JSONDecoder().decode(Recorded.self, from: Data(report.utf8))
        return Set(recorded?.findings.map(\.rule) ?? [])
    }
}

extension DriveDiscovery.Item {
    /// The report of a kept zip that can no longer be read, saying so.
    func unreadableReport(with checker: Checker) -> BundleReport {
        checker.unreadable(
            subject: Subject(path: display, kind: .zip), unitName: (path as NSString).lastPathComponent, reason: "")
    }
}

/// A recheck as text (what changed, per unit) or JSON.
public struct LedgerRecheckRenderer: Sendable {
    public static let formats = ["text", "json"]
    public var language: Language

    public init(language: Language) { self.language = language }

    public func render(_ recheck: LedgerRecheck, format: String) throws -> String {
        guard format == "json" else { return text(recheck) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(recheck), as: UTF8.self) + "\n"
    }

    private func verdict(_ text: String) -> String { LedgerWords.verdict(text).text(language) }

    public func text(_ recheck: LedgerRecheck) -> String {
        func word(_ text: LocalizedText) -> String { text.text(language) }
        var out =
            word(
                LedgerWords.recheckHeading(
                    recheck.id, ruleSetID: recheck.ruleSet.id, sha256: String(recheck.ruleSet.sha256.prefix(12)),
                    versions: recheck.results.count, changed: recheck.changed.count)) + "\n"
        var units: [String] = []
        for result in recheck.results where !units.contains(result.unit) { units.append(result.unit) }
        for unit in units {
            let changes = recheck.results.filter {
                $0.unit == unit && ($0.verdictChanged || !$0.added.isEmpty || !$0.removed.isEmpty)
            }
            guard !changes.isEmpty else { continue }
            out += "\n\(unit)\n"
            for change in changes {
                var line = word(LedgerWords.recheckVersion(change.version))
                line +=
                    change.verdictChanged
                    ? "\(verdict(change.before.verdict)) → \(verdict(change.after.verdict))"
                    : verdict(change.after.verdict) + word(LedgerWords.verdictUnchanged)
                if !change.added.isEmpty { line += word(LedgerWords.rulesAdded) + change.added.joined(separator: ", ") }
                if !change.removed.isEmpty {
                    line += word(LedgerWords.rulesRemoved) + change.removed.joined(separator: ", ")
                }
                out += line + "\n"
            }
        }
        return out
    }
}
