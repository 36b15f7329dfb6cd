import Foundation

/// Asks long work (a check, a seal, a verification, an intake) to stop: a front end cancels it when its user goes
/// away (Ctrl-C, a closed browser tab, a server stopping); the work looks at it between files and stops with
/// `CheckError.cancelled`, leaving no partial output behind.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    /// Asks the work to stop; it stops at the next file.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
