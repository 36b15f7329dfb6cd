import DossierFiles
import Foundation

/// The entries of a zip that failed to read, each with the first error met; shared by the threads of a check.
public final class ZipReadFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [Int: (ZipEntry, any Error)] = [:]

    public init() {}

    func record(_ entry: ZipEntry, _ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if failures[entry.index] == nil { failures[entry.index] = (entry, error) }
    }

    /// Every failure, in central-directory order.
    public var all: [(entry: ZipEntry, error: any Error)] {
        lock.lock()
        defer { lock.unlock() }
        return failures.sorted { $0.key < $1.key }.map { (entry: $0.value.0, error: $0.value.1) }
    }
}
