import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written as a temporary beside its destination, synced, then renamed into place: a reader never sees it
/// half-written, and a failure or an interruption (Ctrl-C, kill) leaves nothing behind. What `kill -9` or a power
/// cut leaves (the temporary) is removed by the next write into the same folder, once its writer is known gone.
public enum AtomicOutput {
    /// Why an output could not be written: where (when known) and the system's reason. Callers word it for what
    /// they were writing (a report, a sealed zip, the archive).
    public struct Failure: Error, Equatable {
        public var path: String?
        public var reason: SystemReason

        public init(path: String?, reason: SystemReason) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `bytes` to `path` whole or not at all, replacing any file there.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            _ = try write(in: folder, destination: { _ in path }) { descriptor in try writeAll(bytes, to: descriptor) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(path: path, reason: SystemReason(error) ?? SystemReason(EIO))
        }
    }

    /// Runs `body` on a new temporary file in `folder`; when it returns, syncs the file and renames it to the path
    /// `destination` gives for `body`'s result, replacing any file there. Returns that path and the result.
    public static func write<Value>(
        in folder: String, destination: (Value) -> String, _ body: (_ descriptor: Int32) throws -> Value
    ) throws -> (path: String, value: Value) {
        try write(in: folder, body) { temporary, value in
            let final = destination(value)
            guard rename(temporary, final) == 0 else {
                throw Failure(path: final, reason: .current)
            }
            return final
        }
    }

    /// Like `write(in:destination:_:)`, but never replaces a file: the result takes the first free name of
    /// `name(value, 0)`, `name(value, 1)`, …, each taken atomically, so that two runs choosing the same name at the
    /// same moment both keep their file.
    public static func writeNew<Value>(
        in folder: String, name: (_ value: Value, _ attempt: Int) -> String,
        _ body: (_ descriptor: Int32) throws -> Value
    ) throws -> (path: String, value: Value) {
        try write(in: folder, body) { temporary, value in
            for attempt in 0..<1000 {
                let final = name(value, attempt)
                if try place(temporary, atFreeName: final) { return final }
            }
            throw Failure(path: name(value, 0), reason: SystemReason(EEXIST))
        }
    }

    private static func write<Value>(
        in folder: String, _ body: (_ descriptor: Int32) throws -> Value,
        place: (_ temporary: String, Value) throws -> String
    ) throws -> (path: String, value: Value) {
        removeStalePartials(in: folder)
        let temporary = (folder as NSString).appendingPathComponent(PartialName.mine().fileName)
        // Armed before the file exists, so that no signal can fall between its creation and its cleanup.
        let cleanupSlot = InterruptCleanup.arm(temporary)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
            InterruptCleanup.disarm(cleanupSlot)
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: folder, reason: .current) }
        let value: Value
        do {
            defer { close(descriptor) }
            value = try body(descriptor)
            guard fsync(descriptor) == 0 else { throw Failure(path: nil, reason: .current) }
        }
        let final = try place(temporary, value)
        succeeded = true
        return (final, value)
    }

    /// Gives the file `temporary` the name `final` unless that name is taken; false when it is. A hard link fails
    /// when the name exists, atomically, where a look followed by a rename would race another run. On a disk
    /// without hard links (FAT, exFAT) the name is claimed by an exclusive create, then the file renamed over the
    /// claim.
    private static func place(_ temporary: String, atFreeName final: String) throws -> Bool {
        if link(temporary, final) == 0 {
            unlink(temporary)
            return true
        }
        let linkError = errno
        if linkError == EEXIST { return false }
        guard [EPERM, EOPNOTSUPP, EMLINK, ENOSYS, EXDEV].contains(linkError) else {
            throw Failure(path: final, reason: SystemReason(linkError))
        }
        let claim = open(final, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if claim < 0 {
            if errno == EEXIST { return false }
            throw Failure(path: final, reason: .current)
        }
        close(claim)
        guard rename(temporary, final) == 0 else {
            let renameError = errno
            unlink(final)
            throw Failure(path: final, reason: SystemReason(renameError))
        }
        return true
    }

    /// Writes all of `bytes` to `descriptor`, however many calls it takes.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws {
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure(path: nil, reason: .current)
            }
            done += written
        }
    }

    /// Removes the temporary files in `folder` whose writer is gone (killed with `kill -9`, or the machine lost
    /// power): written on this machine by a process that no longer runs, or in an earlier boot. One of a running
    /// process, or of another machine sharing the folder, is left alone. Best effort: what cannot be removed stays.
    public static func removeStalePartials(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let here = PartialName.mine()
        for fileName in names {
            guard let partial = PartialName(fileName: fileName) else { continue }
            let path = (folder as NSString).appendingPathComponent(fileName)
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            if partial.isStale(here: here, modified: info.st_mtim) { unlink(path) }
        }
    }

    /// The name a temporary file of process `pid` gets on this machine in this boot (tests make stale ones).
    public static func temporaryName(pid: Int32) -> String {
        var name = PartialName.mine()
        name.pid = pid
        return name.fileName
    }
}
