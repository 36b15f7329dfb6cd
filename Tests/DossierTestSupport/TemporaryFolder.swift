import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder under the system's temporary folder, readable by every user, removed when released, or when the test
/// process exits if it is never released (a fixture kept for the whole run, as `SampleRuns.shared` keeps its
/// folders: a full `swift test` left about 70 such folders, hundreds of megabytes, in /tmp each time).
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        chmod(url.path, 0o755)
        Self.lock.withLock {
            if !Self.atExitRegistered {
                Self.atExitRegistered = true
                atexit { TemporaryFolder.removeLeftovers() }
            }
            Self.alive.insert(url.path)
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var alive: Set<String> = []
    nonisolated(unsafe) private static var atExitRegistered = false

    /// Removes the folders still alive; run at exit.
    private static func removeLeftovers() {
        let paths = lock.withLock {
            defer { alive.removeAll() }
            return alive
        }
        for path in paths { remove(URL(fileURLWithPath: path)) }
    }

    private static func remove(_ url: URL) {
        // Restore permissions a test took away, so that everything can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            for case let relative as String in walker { chmod(url.appendingPathComponent(relative).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// A copy of a sample's unit folder in this folder (named `name`, else as in the sample); its location.
    public func copy(ofSample sample: String, as name: String? = nil) throws -> URL {
        guard let unit = Repository.unitFolder(ofSample: sample) else { throw CocoaError(.fileNoSuchFile) }
        let copy = url.appendingPathComponent(name ?? unit.lastPathComponent)
        try FileManager.default.copyItem(at: unit, to: copy)
        return copy
    }

    deinit {
        _ = Self.lock.withLock { Self.alive.remove(url.path) }
        Self.remove(url)
    }
}
