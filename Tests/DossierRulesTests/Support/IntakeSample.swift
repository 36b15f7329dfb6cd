import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Intakes the tests run for the CROSS-* examples. Their findings are the run's cross findings, as one bundle.
enum IntakeSample {
    static func report(_ name: String, in folder: TemporaryFolder, ruleSet: RuleSet) throws -> BundleReport {
        let hubei = try folder.copy(ofSample: "valid")
        let runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")),
            archive: folder.url.appendingPathComponent("archive").path)
        var last = try runner.run(paths: [hubei.path])
        switch name {
        case "@intake-once":
            break
        case "@intake-resubmitted":
            last = try runner.run(paths: [hubei.path])
        case "@intake-two-units":
            // 中国物理学会 recommends 湖北省科协's 张三 too.
            let physics = try folder.copy(ofSample: "judgement-problems")
            try FileManager.default.copyItem(
                at: hubei.appendingPathComponent("张三"), to: physics.appendingPathComponent("张三"))
            last = try runner.run(paths: [physics.path])
        case "@intake-paper-mismatch", "@intake-paper-matches":
            // 湖北省科协 sends its bundle sealed; its paper comes with the seal's fingerprint, or another.
            let sealed = folder.url.appendingPathComponent("湖北省科协.zip")
            guard
                case .sealed(_, let fingerprint, _) = try Sealer(checker: runner.checker).seal(
                    folder: hubei.path, output: sealed.path)
            else { throw CocoaError(.fileWriteUnknown) }
            _ = try runner.run(paths: [sealed.path])
            let desk = LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18")
            let ledger = try LedgerDesk.open(archive: runner.archive)
            _ = try desk.recordPaper(
                unit: "湖北省科协",
                fingerprint: name == "@intake-paper-matches" ? fingerprint.description : "0000-1111-2222-3333-4444",
                receivedOn: "2021-06-19", by: nil, ledger: ledger)
            return BundleReport(
                subject: Subject(path: name, kind: .folder), unit: UnitInfo(name: name), candidates: [], files: [],
                findings: desk.paperFindings(try desk.status(ledger)), strict: false)
        case "@intake-same-photo":
            // 中国物理学会 sends 湖北省科协's photo of 张三 as one of 甲一.
            let physics = try folder.copy(ofSample: "judgement-problems")
            try FileManager.default.copyItem(
                at: hubei.appendingPathComponent("张三/张三2.jpg"), to: physics.appendingPathComponent("甲一/甲一2.jpg"))
            last = try runner.run(paths: [physics.path])
        default:
            throw CocoaError(.featureUnsupported)
        }
        return BundleReport(
            subject: Subject(path: name, kind: .folder), unit: UnitInfo(name: name), candidates: [], files: [],
            findings: last.crossFindings, strict: false)
    }
}
