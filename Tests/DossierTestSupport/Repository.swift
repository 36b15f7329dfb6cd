import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Places in the checkout the tests read from.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let samples = root.appendingPathComponent("Samples")
    public static let rules = root.appendingPathComponent("rules/zuimei-2021").path
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures/jpeg")
    /// The debug binary `swift build` made: end-to-end tests run it as a user would.
    public static let binary = root.appendingPathComponent(".build/debug/dossier")

    /// The sample folders that carry an expected.json.
    public static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []).filter {
            FileManager.default.fileExists(atPath: samples.appendingPathComponent("\($0)/expected.json").path)
        }.sorted()
    }

    /// The unit folder inside a sample folder.
    public static func unitFolder(ofSample name: String) -> URL? {
        let folder = samples.appendingPathComponent(name)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return children.sorted().map { folder.appendingPathComponent($0) }.first { isFolder($0) }
    }

    public static func isFolder(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
