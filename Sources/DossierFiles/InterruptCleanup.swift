import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Removes temporary files when the run is interrupted (Ctrl-C, kill): no half-written zip is left.
///
/// Several seals may run at once in one process: each arms a slot of a fixed table, guarded by a lock. The signal
/// handler only reads the table and calls `unlink`, which is async-signal-safe; the table is never freed.
enum InterruptCleanup {
    private static let capacity = 64
    private static let pathLength = 4096
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<CChar> = {
        let table = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathLength)
        table.initialize(repeating: 0, count: capacity * pathLength)
        return table
    }()
    private static let lock = NSLock()

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
        // A parent may start us with these signals blocked (the mask is inherited): unblock them, or a kill
        // would wait until the seal is finished.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                for slot in 0..<InterruptCleanup.capacity {
                    let path = InterruptCleanup.slots + slot * InterruptCleanup.pathLength
                    if path.pointee != 0 { unlink(path) }
                }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        return slot
    }

    /// Frees `slot`; the handlers stay until the last slot is free.
    static func disarm(_ slot: Int?) {
        lock.lock()
        defer { lock.unlock() }
        if let slot { slots[slot * pathLength] = 0 }
        if (0..<capacity).allSatisfy({ slots[$0 * pathLength] == 0 }) {
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] { signal(signalNumber, SIG_DFL) }
        }
    }
}
