import DossierCore
import DossierIntake
import DossierKit
import Foundation

/// The office's desk through the library (`dossier ledger …`): status, one unit, paper, marks, the exports and the
/// recheck, over the archive the server was started with.
extension LibraryAdapter {
    /// The day the desk counts from: `--as-of`, else today.
    var deskDate: String { asOf ?? Self.today() }

    func ledgerStatus(archive: String, language: Language) throws -> LedgerStatus {
        try library.ledgerStatus(archive: archive, asOf: deskDate, language: language)
    }

    /// The dashboard's figures, charts and table, each unit linking to its page.
    func dashboard(_ status: LedgerStatus, language: Language) -> String {
        library.dashboard(status, language: language) { "/ledger/unit?name=" + Query.encode($0) }
    }

    static var dashboardStyle: String { DossierLibrary.ledgerDashboardStyle }

    /// The status in `format` (xlsx, json, html: the printable page).
    func ledgerStatusFile(archive: String, format: String, language: Language) throws -> [UInt8] {
        try library.render(try ledgerStatus(archive: archive, language: language), format: format, language: language)
    }

    func ledgerUnit(archive: String, unit: String, language: Language) throws -> LedgerUnitDetail {
        try library.ledgerUnit(archive: archive, unit: unit, asOf: deskDate, language: language)
    }

    func recordPaper(
        archive: String, unit: String, fingerprint: String, receivedOn: String, by: String?, language: Language
    ) throws -> (unit: String, outcome: LedgerDesk.PaperOutcome) {
        try library.recordPaper(
            archive: archive, unit: unit, fingerprint: fingerprint, receivedOn: receivedOn, by: by, language: language)
    }

    func markVersion(archive: String, version: Int64, as mark: Ledger.Mark, by: String?, note: String?) throws {
        try library.markVersion(archive: archive, version: version, as: mark, by: by, note: note)
    }

    /// The national table (`dossier ledger export`) in `format` (xlsx or csv).
    func ledgerExport(archive: String, format: String) throws -> [UInt8] {
        try library.render(try library.ledgerExport(archive: archive), format: format)
    }

    static var exportFormats: [String] { DossierLibrary.ledgerExportFormats }
    static var statusFormats: [String] { DossierLibrary.ledgerFormats }

    func ledgerRecheck(archive: String, language: Language, cancellation: Cancellation) throws -> LedgerRecheck {
        try library.ledgerRecheck(archive: archive, language: language, cancellation: cancellation)
    }

    /// The words of the desk's values in `language`.
    static func deskWords(_ language: Language) -> LedgerStatusRenderer { LedgerStatusRenderer(language: language) }

    /// The fingerprint as 20 upper-case hex digits in groups of four; nil when it is not one.
    static func fingerprint(_ text: String) -> String? { LedgerDesk.fingerprint(text) }
}
