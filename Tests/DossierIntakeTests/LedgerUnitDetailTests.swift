import DossierCore
import DossierIntake
import DossierRules
import DossierTestSupport
import Foundation
import Testing

/// One unit on its own page (the web app's 收件登记): its versions with every receipt and mark, its paper entries
/// with what each says, its candidates.
@Suite struct LedgerUnitDetailTests {
    @Test func aUnitShowsItsReceiptsMarksPaperAndCandidates() throws {
        let folder = try TemporaryFolder()
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        let hubei = try folder.copy(ofSample: "valid")
        var runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive)
        runner.receivedBy = "李杨"
        runner.driveLabel = "U盘-07"
        _ = try runner.run(paths: [hubei.path])
        runner.driveLabel = "U盘-08"
        _ = try runner.run(paths: [hubei.path])
        let ledger = try LedgerDesk.open(archive: archive)
        let desk = LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18")
        let version = try #require(try ledger.entries().first?.id)
        try ledger.mark(version: version, .counts, at: "2021-06-19T09:00:00+08:00", by: "王", note: "核对无误")
        _ = try desk.recordPaper(
            unit: "湖北省科协", fingerprint: "0000-1111-2222-3333-4444", receivedOn: "2021-06-19", by: nil,
            ledger: ledger)

        let detail = try desk.detail(unit: "湖北省科学技术协会", ledger: ledger)
        #expect(detail.unit.name == "湖北省科协" && detail.typeTitle.contains("省"))
        #expect(detail.versions.count == 1)
        let shown = try #require(detail.versions.first)
        #expect(shown.counts && shown.current)
        #expect(shown.receipts.map(\.driveLabel) == ["U盘-07", "U盘-08"])
        #expect(shown.receipts.allSatisfy { $0.receivedBy == "李杨" })
        #expect(shown.marks.map(\.mark) == [.counts] && shown.marks.first?.note == "核对无误")
        // A folder is not sealed: the paper has nothing to be compared with.
        #expect(detail.papers.map(\.outcome) == [.noSealedBundle] && detail.papers.first?.latest == true)
        #expect(detail.candidates.map(\.name) == ["张三"])
        #expect(detail.fields.map(\.key) == ruleSet.units.office?.candidateFields)
        #expect(throws: IntakeError.self) { try desk.detail(unit: "湖北科技", ledger: ledger) }
    }
}
