import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written as a temporary beside its destination, synced, then renamed into place: a reader never sees it
/// half-written, and a failure or an interruption (Ctrl-C, kill) leaves nothing behind.
public enum AtomicOutput {
    /// Runs `body` on a new temporary file in `folder`; when it returns, syncs the file and renames it to the path
    /// `destination` gives for `body`'s result. Returns that path and the result.
    public static func write<Value>(
        in folder: String, destination: (Value) -> String, _ body: (_ descriptor: Int32) throws -> Value
    ) throws -> (path: String, value: Value) {
        let temporary = (folder as NSString).appendingPathComponent(
            ".dossier-\(getpid())-\(UUID().uuidString.prefix(8)).partial")
        // Armed before the file exists, so that no signal can fall between its creation and its cleanup.
        let cleanupSlot = InterruptCleanup.arm(temporary)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
            InterruptCleanup.disarm(cleanupSlot)
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SealError.write("\(folder): \(String(cString: strerror(errno)))") }
        let value: Value
        do {
            defer { close(descriptor) }
            value = try body(descriptor)
            guard fsync(descriptor) == 0 else { throw SealError.write(String(cString: strerror(errno))) }
        }
        let final = destination(value)
        guard rename(temporary, final) == 0 else {
            throw SealError.write("\(final): \(String(cString: strerror(errno)))")
        }
        succeeded = true
        return (final, value)
    }

    /// Writes all of `bytes` to `descriptor`, however many calls it takes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if written < 0 {
                if errno == EINTR { continue }
                throw SealError.write(String(cString: strerror(errno)))
            }
            done += written
        }
    }
}
