import DossierCore
import DossierFiles
import DossierIntake
import Foundation

/// The campaign office's desk over the intake ledger (`dossier ledger …`, the web app's 收件登记 page).
extension DossierLibrary {
    /// The formats the desk's status comes in.
    public static var ledgerFormats: [String] { LedgerStatusRenderer.formats }

    /// Every unit of the registry and every unit that sent, with its state, as of `asOf` (`YYYY-MM-DD`).
    public func ledgerStatus(archive: String, asOf: String, language: Language) throws -> LedgerStatus {
        let ledger = try LedgerDesk.open(archive: archive)
        return try LedgerDesk(ruleSet: ruleSet, language: language, asOf: asOf).status(ledger)
    }

    /// `status` in `format` (one of `ledgerFormats`): text, JSON and HTML as UTF-8, xlsx as the workbook's bytes.
    public func render(_ status: LedgerStatus, format: String, language: Language) throws -> [UInt8] {
        guard Self.ledgerFormats.contains(format) else { throw LibraryError.unknownFormat(format) }
        return try LedgerStatusRenderer(language: language).render(status, format: format)
    }

    /// One unit on its own page: its versions with their receipts and marks, its paper entries, its candidates.
    /// `unit` is the registry's name or an alias, or a unit the ledger knows (else an error suggesting the closest).
    public func ledgerUnit(archive: String, unit: String, asOf: String, language: Language) throws
        -> LedgerUnitDetail
    {
        let ledger = try LedgerDesk.open(archive: archive)
        return try LedgerDesk(ruleSet: ruleSet, language: language, asOf: asOf).detail(unit: unit, ledger: ledger)
    }

    /// The dashboard of `status` as a piece of a page (the web app's): figures, charts, the table of units, each
    /// unit's name linking to `unitLink(name)`. Its style is `ledgerDashboardStyle`.
    public func dashboard(_ status: LedgerStatus, language: Language, unitLink: @escaping (String) -> String?)
        -> String
    {
        LedgerStatusRenderer(language: language).dashboard(status, unitLink: unitLink)
    }

    /// The dashboard's style sheet (every rule under `.ledger-desk`).
    public static var ledgerDashboardStyle: String { LedgerStatusRenderer.dashboardStyle }

    /// Puts the office's mark on a version: withdrawn, the one that counts, or neither any more.
    public func markVersion(
        archive: String, version: Int64, as mark: Ledger.Mark, by: String?, note: String?, now: Date = Date()
    ) throws {
        let ledger = try LedgerDesk.open(archive: archive)
        try ledger.mark(version: version, mark, at: IntakeRunner.isoTime(now), by: by, note: note)
    }

    /// Records the arrival of a unit's stamped paper and the fingerprint written on it; returns the unit's name
    /// as recorded and what the fingerprint says against its sealed bundles.
    public func recordPaper(
        archive: String, unit: String, fingerprint: String, receivedOn: String, by: String?, language: Language
    ) throws -> (unit: String, outcome: LedgerDesk.PaperOutcome) {
        // Checked before the ledger is opened: a bad fingerprint changes nothing.
        guard LedgerDesk.fingerprint(fingerprint) != nil else { throw IntakeError.badFingerprint(fingerprint) }
        let ledger = try LedgerDesk.open(archive: archive)
        return try LedgerDesk(ruleSet: ruleSet, language: language, asOf: receivedOn).recordPaper(
            unit: unit, fingerprint: fingerprint, receivedOn: receivedOn, by: by, ledger: ledger)
    }

    /// Writes `bytes` to `output` whole or not at all.
    public static func write(bytes: [UInt8], to output: String) throws(LibraryError) {
        do {
            try AtomicOutput.write(bytes, to: output)
        } catch {
            throw .outputUnwritable(output, error.reason)
        }
    }
}

extension DossierLibrary {
    /// The formats of the national table.
    public static var ledgerExportFormats: [String] { LedgerTable.formats }

    /// The national table: one row per candidate of each unit's version that counts.
    public func ledgerExport(archive: String) throws -> LedgerTable {
        let ledger = try LedgerDesk.open(archive: archive)
        return try LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: ruleSet.units.deadline).export(ledger)
    }

    /// The national table in `format` (`xlsx` or `csv`).
    public func render(_ table: LedgerTable, format: String) throws -> [UInt8] {
        guard Self.ledgerExportFormats.contains(format) else { throw LibraryError.unknownFormat(format) }
        return try table.render(format: format, sheet: LedgerDesk.exportSheet)
    }
}

extension DossierLibrary {
    /// Judges every kept version again with this library's rule set; the ledger records the recheck. Cancelled, it
    /// throws `CheckError.cancelled` and the ledger is as it was.
    public func ledgerRecheck(
        archive: String, language: Language, cancellation: Cancellation? = nil
    ) throws -> LedgerRecheck {
        let ledger = try LedgerDesk.open(archive: archive)
        return try LedgerDesk(ruleSet: ruleSet, language: language, asOf: ruleSet.units.deadline).recheck(
            ledger, archive: archive, cancellation: cancellation)
    }

    /// A recheck as text or JSON.
    public func render(_ recheck: LedgerRecheck, format: String, language: Language) throws -> String {
        guard LedgerRecheckRenderer.formats.contains(format) else { throw LibraryError.unknownFormat(format) }
        return try LedgerRecheckRenderer(language: language).render(recheck, format: format)
    }
}
