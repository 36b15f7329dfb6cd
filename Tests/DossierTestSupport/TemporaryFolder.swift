import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder under the system's temporary folder, readable by every user, removed when released.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
    }

    /// A copy of a sample's unit folder in this folder (named `name`, else as in the sample); its location.
    public func copy(ofSample sample: String, as name: String? = nil) throws -> URL {
        guard let unit = Repository.unitFolder(ofSample: sample) else { throw CocoaError(.fileNoSuchFile) }
        let copy = url.appendingPathComponent(name ?? unit.lastPathComponent)
        try FileManager.default.copyItem(at: unit, to: copy)
        return copy
    }

    deinit {
        // Restore permissions a test took away, so that everything can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let relative as String in walker { chmod(url.appendingPathComponent(relative).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }
}
