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

/// Runs the checks on committed and built samples, once each.
final class SampleRuns: @unchecked Sendable {
    static let shared = SampleRuns()
    private let lock = NSLock()
    private var reports: [String: BundleReport] = [:]
    private var folders: [TemporaryFolder] = []

    /// The report of sample `name` (committed, or built when it starts with @), checked as of its date.
    func report(_ name: String) throws -> BundleReport {
        lock.lock()
        defer { lock.unlock() }
        if let report = reports[name] { return report }
        let ruleSet = try Repository.ruleSet()
        let unit: URL
        var asOf = "2021-06-01"
        if name == "@zip-plain" || name == "@zip-gbk" {
            let folder = try TemporaryFolder()
            folders.append(folder)
            let zip = try PlainZipSample.make(gbk: name == "@zip-gbk", in: folder)
            let report = ZipInput.check(zip, checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf)))
            reports[name] = report
            return report
        }
        if name == "@zip-damaged" || name == "@zip-collision" {
            let folder = try TemporaryFolder()
            folders.append(folder)
            let zip = try PythonZipSample.make(name, in: folder)
            let report = ZipInput.check(zip, checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf)))
            reports[name] = report
            return report
        }
        if name.hasPrefix("@intake") {
            let folder = try TemporaryFolder()
            folders.append(folder)
            let report = try IntakeSample.report(name, in: folder, ruleSet: ruleSet)
            reports[name] = report
            return report
        }
        if name.hasPrefix("@sealed") || name.hasPrefix("@zip") || name == "@not-a-bag" {
            let folder = try TemporaryFolder()
            folders.append(folder)
            let report = try SealedSample.report(name, in: folder, ruleSet: ruleSet)
            reports[name] = report
            return report
        }
        if name == "@late" { asOf = "2021-06-21" }
        if name.hasPrefix("@") {
            let folder = try TemporaryFolder()
            folders.append(folder)
            unit = try BuiltSample.make(name, in: folder)
        } else {
            guard let found = Repository.unitFolder(ofSample: name) else { throw CocoaError(.fileNoSuchFile) }
            unit = found
            asOf = try ExpectedOutcome.load(sample: name).asOf
        }
        let report: BundleReport
        if name == "@unreadable" && geteuid() == 0 {
            // Root reads every file: the unreadable file is only unreadable to an ordinary user.
            report = try CommandRunner.checkAsUnprivilegedUser(unit, asOf: asOf)
        } else {
            var options = CheckOptions(asOf: asOf)
            // `--deep`: every frame of every video decoded.
            options.deep = name.hasPrefix("@video-deep")
            report = try Checker(ruleSet: ruleSet, options: options)
                .check(bundle: RawPath(unit.path), displayPath: unit.lastPathComponent)
        }
        reports[name] = report
        return report
    }
}
