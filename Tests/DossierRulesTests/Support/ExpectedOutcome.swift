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

/// What a sample must produce (`Samples/*/expected.json`).
struct ExpectedOutcome: Decodable {
    struct Pair: Decodable, Hashable, Comparable {
        var rule: String
        var path: String
        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.path, lhs.rule) < (rhs.path, rhs.rule) }
    }
    var exitCode: Int32
    var asOf: String
    var findings: [Pair]

    static func load(sample: String) throws -> ExpectedOutcome {
        let data = try Data(contentsOf: Repository.samples.appendingPathComponent("\(sample)/expected.json"))
        return try JSONDecoder().decode(ExpectedOutcome.self, from: data)
    }
}
