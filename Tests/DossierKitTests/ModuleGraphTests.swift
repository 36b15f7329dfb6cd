import DossierTestSupport
import Foundation
import Testing

/// The modules' layers as the README draws them: a module may import only modules of lower layers, so that data
/// flows one way and reading a bundle never needs what writes one.
@Suite struct ModuleGraphTests {
    static let layers: [[String]] = [
        ["DossierCore"],
        ["DossierFiles"],
        ["DossierInspect"],
        ["DossierRules"],
        ["DossierBundles", "DossierReport", "DossierPacking"],
        ["DossierSeal", "DossierIntake"],
        ["DossierKit"],
        // The web app is a library the command line starts (`dossier serve`), so it sits below it.
        ["DossierServe"],
        ["dossier"],
    ]

    static func layer(of module: String) -> Int? { layers.firstIndex { $0.contains(module) } }

    /// `import Dossier…` lines of every source file, as (module, imported module, file).
    static func imports() throws -> [(String, String, String)] {
        let sources = Repository.root.appendingPathComponent("Sources")
        var found: [(String, String, String)] = []
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            guard let walker = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path)
            else { continue }
            for case let file as String in walker where file.hasSuffix(".swift") {
                let text = try String(
                    contentsOf: sources.appendingPathComponent(module).appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard let match = line.wholeMatch(of: #/(?:@testable )?import (Dossier\w*)/#) else { continue }
                    found.append((module, String(match.1), "\(module)/\(file)"))
                }
            }
        }
        return found
    }

    @Test func everyModuleHasALayer() throws {
        let modules = try FileManager.default.contentsOfDirectory(
            atPath: Repository.root.appendingPathComponent("Sources").path
        ).filter { $0.hasPrefix("Dossier") || $0 == "dossier" }
        #expect(modules.count >= 10)
        for module in modules { #expect(Self.layer(of: module) != nil, "\(module) is in no layer") }
    }

    @Test func importsGoOnlyDownTheLayers() throws {
        let imports = try Self.imports()
        #expect(!imports.isEmpty)
        for (module, imported, file) in imports {
            guard let from = Self.layer(of: module), let to = Self.layer(of: imported) else {
                Issue.record("\(file): \(module) or \(imported) is in no layer")
                continue
            }
            #expect(to < from, "\(file) imports \(imported), which is not below \(module)")
        }
    }

    @Test func readingABundleNeverImportsWhatWritesOne() throws {
        let readers: Set<String> = ["DossierInspect", "DossierRules", "DossierBundles", "DossierReport"]
        for (module, imported, file) in try Self.imports() where readers.contains(module) {
            #expect(!["DossierSeal", "DossierIntake", "DossierPacking"].contains(imported), "\(file)")
        }
    }
}
