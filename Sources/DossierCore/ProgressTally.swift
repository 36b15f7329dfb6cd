import Foundation

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
