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
        default:
            throw CocoaError(.featureUnsupported)
        }
        return BundleReport(
            subject: Subject(path: name, kind: .folder), unit: UnitInfo(name: name), candidates: [], files: [],
            findings: last.crossFindings, strict: false)
    }
}
