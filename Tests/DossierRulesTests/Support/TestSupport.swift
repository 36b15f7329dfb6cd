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

extension Repository {
    /// The bundled rule set; a test that needs it fails when it does not load.
    static func ruleSet() throws -> RuleSet { try RuleSet.load(folder: rules) }
}

extension CommandRunner {
    /// Copies the binary and the rules into a folder anyone can read, and checks `unit` as user nobody.
    static func checkAsUnprivilegedUser(_ unit: URL, asOf: String) throws -> BundleReport {
        let place = try TemporaryFolder()
        let result = try UnprivilegedDossier(in: place).run(
            ["check", unit.path, "--format", "json", "--as-of", asOf])
        return try JSONDecoder().decode(Report.self, from: result.stdout).bundles[0]
    }
}
