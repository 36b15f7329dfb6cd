import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Removes temporary files when the run is interrupted (Ctrl-C, kill): no half-written zip is left.
///
/// Several seals may run at once in one process: each arms a slot of a fixed table, guarded by a lock. The signal
/// handler only reads the table and calls `unlink`, which is async-signal-safe; the table is never freed. The
/// handlers are installed while a slot is armed, and the dispositions they replaced are put back when the last slot
/// is freed. A long-running process that answers SIGINT and SIGTERM itself by cancelling its work (the web app)
/// calls `leaveSignalsToCaller()`: then no handler is ever installed, and a cancelled write removes its own
/// temporary file.
public enum InterruptCleanup {
    private static let capacity = 64
    private static let pathLength = 4096
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
        let table = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathLength)
        table.initialize(repeating: 0, count: capacity * pathLength)
        return table
    }()
    private static let lock = NSLock()
    private static let handled = [SIGINT, SIGTERM, SIGHUP]
    /// The dispositions the handlers replaced, while they are installed.
    nonisolated(unsafe) private static var replaced: [sigaction]?
    nonisolated(unsafe) private static var callerHandlesSignals = false

    /// From now on, the caller answers SIGINT, SIGTERM and SIGHUP itself (cancelling work in progress, whose writes
    /// then remove their temporary files); writes install no handler of their own, and never reset the caller's.
    public static func leaveSignalsToCaller() {
        lock.withLock { callerHandlesSignals = true }
    }

    /// Arms a slot for `temporary`; returns it, for `disarm`. Nil when every slot is taken (nothing to clean).
    @discardableResult
    static func arm(_ temporary: String) -> Int? {
        let bytes = Array(temporary.utf8)
        guard bytes.count < pathLength else { return nil }
        lock.lock()
        defer { lock.unlock() }
        guard let slot = (0..<capacity).first(where: { slots[$0 * pathLength] == 0 }) else { return nil }
        for (index, byte) in bytes.enumerated() { slots[slot * pathLength + index] = CChar(bitPattern: byte) }
        slots[slot * pathLength + bytes.count] = 0
        guard !callerHandlesSignals, replaced == nil else { return slot }
        // A parent may start us with these signals blocked (the mask is inherited): unblock them, or a kill
        // would wait until the seal is finished.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in handled { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        var saved: [sigaction] = []
        for signalNumber in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                for slot in 0..<InterruptCleanup.capacity {
                    let path = InterruptCleanup.slots + slot * InterruptCleanup.pathLength
                    if path.pointee != 0 { unlink(path) }
                }
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            sigaction(signalNumber, &action, &previous)
            saved.append(previous)
        }
        replaced = saved
        return slot
    }

    /// Frees `slot`; the handlers stay until the last slot is free, then what they replaced is put back.
    static func disarm(_ slot: Int?) {
        lock.lock()
        defer { lock.unlock() }
        if let slot { slots[slot * pathLength] = 0 }
        if let saved = replaced, (0..<capacity).allSatisfy({ slots[$0 * pathLength] == 0 }) {
            for (signalNumber, previous) in zip(handled, saved) {
                var action = previous
                sigaction(signalNumber, &action, nil)
            }
            replaced = nil
        }
    }

    /// Whether SIGINT now has a handler of this type's.
    static var handlesInterrupt: Bool { lock.withLock { replaced != nil } }
}
