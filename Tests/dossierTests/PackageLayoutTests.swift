import DossierTestSupport
import Foundation
import Testing

/// The package as SwiftPM reads it (`swift package dump-package`).
private struct Manifest: Decodable {
    struct Target: Decodable {
        var name: String
        var type: String
        var path: String?
        var exclude: [String]
        var resources: [Resource]
    }
    struct Resource: Decodable {
        var path: String
    }
    var targets: [Target]
}

@Suite struct PackageLayoutTests {
    /// Issue 12 (12): `swift test` warned about 42 unhandled files (the reporters' golden files). Every file in a
    /// target's folder is a source file, or excluded, or a declared resource.
    @Test func everyFileInATargetIsHandled() throws {
        let scratch = try TemporaryFolder()
        let swift = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
            .map { "\($0)/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(swift, "no swift on PATH")
        let run = try CommandRunner.run(
            executable,
            ["package", "--package-path", Repository.root.path, "--scratch-path", scratch.url.path, "dump-package"])
        try #require(run.status == 0, "\(run.stderr)")
        let manifest = try JSONDecoder().decode(Manifest.self, from: run.stdout)
        let sourceExtensions: Set<String> = ["swift", "c", "cc", "cpp", "cxx", "m", "mm", "h", "hh", "hpp", "s", "S"]
        var unhandled: [String] = []
        for target in manifest.targets where target.type != "system" {
            let folder = target.path ?? "\(target.type == "test" ? "Tests" : "Sources")/\(target.name)"
            let handled = target.exclude + target.resources.map(\.path)
            let base = Repository.root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(
                    atPath: base.appendingPathComponent(relative).path, isDirectory: &isFolder)
                guard !isFolder.boolValue, !name.hasPrefix(".") else { continue }
                if sourceExtensions.contains((name as NSString).pathExtension) { continue }
                if name == "module.modulemap" && relative.hasPrefix("include/") { continue }
                if handled.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
                unhandled.append("\(folder)/\(relative)")
            }
        }
        #expect(unhandled.isEmpty, "declare these as resources or exclude them in Package.swift: \(unhandled)")
    }
}
