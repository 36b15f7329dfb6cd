import Foundation

/// Progress of long work (checking, sealing, verifying): files and bytes done out of the totals.
public struct WorkProgress: Sendable {
    public var files: Int
    public var totalFiles: Int
    public var bytes: UInt64
    public var totalBytes: UInt64

    public init(files: Int, totalFiles: Int, bytes: UInt64, totalBytes: UInt64) {
        self.files = files
        self.totalFiles = totalFiles
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}

/// Progress counted from several threads, reported under a lock.
public final class ProgressTally: @unchecked Sendable {
    private var state: WorkProgress
    private let report: ((WorkProgress) -> Void)?
    private let lock = NSLock()

    public init(_ initial: WorkProgress, _ report: ((WorkProgress) -> Void)?) {
        state = initial
        self.report = report
    }

    public func add(bytes: Int = 0, files: Int = 0) {
        guard let report else { return }
        lock.lock()
        defer { lock.unlock() }
        state.bytes += UInt64(bytes)
        state.files += files
        report(state)
    }
}
