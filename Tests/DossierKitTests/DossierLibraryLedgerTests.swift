import DossierCore
import DossierIntake
import DossierKit
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// Issue #15: the office's desk through the façade, as the command line and the web app call it.
@Suite struct DossierLibraryLedgerTests {
    @Test func intakeThenStatusPaperMarkExportRecheck() throws {
        let library = try DossierLibrary(rules: Repository.rules)
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        let archive = folder.url.appendingPathComponent("archive").path
        _ = try library.intake(
            [unit.path], archive: archive, options: CheckOptions(asOf: "2021-06-18"), receivedBy: "李杨",
            driveLabel: "U盘-01")
        let status = try library.ledgerStatus(archive: archive, asOf: "2021-06-18", language: .zh)
        #expect(status.units.first { $0.name == "湖北省科协" }?.state == .passed)
        for format in DossierLibrary.ledgerFormats {
            #expect(try !library.render(status, format: format, language: .en).isEmpty)
        }
        #expect(throws: LibraryError.unknownFormat("pdf")) { try library.render(status, format: "pdf", language: .zh) }
        let paper = try library.recordPaper(
            archive: archive, unit: "湖北省科协", fingerprint: "0000-1111-2222-3333-4444", receivedOn: "2021-06-19",
            by: nil, language: .zh)
        #expect(paper.outcome == .noSealedBundle)
        try library.markVersion(archive: archive, version: 1, as: .withdrawn, by: "李杨", note: "单位来函")
        #expect(try library.ledgerExport(archive: archive).rows.isEmpty)
        try library.markVersion(archive: archive, version: 1, as: .cleared, by: nil, note: nil)
        let table = try library.ledgerExport(archive: archive)
        #expect(table.rows.count == 1)
        #expect(try library.render(table, format: "csv").count > 0)
        let recheck = try library.ledgerRecheck(archive: archive, language: .zh)
        #expect(recheck.results.count == 1 && recheck.changed.isEmpty)
        #expect(throws: IntakeError.notAnArchive(folder.url.path)) {
            try library.ledgerStatus(archive: folder.url.path, asOf: "2021-06-18", language: .zh)
        }
    }
}
