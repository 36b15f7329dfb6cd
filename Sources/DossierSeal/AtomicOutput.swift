import Crypto
import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file written as a temporary beside its destination, synced, then renamed into place: a reader never sees it
/// half-written, and a failure or an interruption (Ctrl-C, kill) leaves nothing behind. What `kill -9` or a power
/// cut leaves (the temporary) is removed by the next write into the same folder, once its writer is known gone.
public enum AtomicOutput {
    /// Runs `body` on a new temporary file in `folder`; when it returns, syncs the file and renames it to the path
    /// `destination` gives for `body`'s result, replacing any file there. Returns that path and the result.
    public static func write<Value>(
        in folder: String, destination: (Value) -> String, _ body: (_ descriptor: Int32) throws -> Value
    ) throws -> (path: String, value: Value) {
        try write(in: folder, body) { temporary, value in
            let final = destination(value)
            guard rename(temporary, final) == 0 else {
                throw SealError.write(final, .current)
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
            throw SealError.write(name(value, 0), SystemReason(EEXIST))
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
        guard descriptor >= 0 else { throw SealError.write(folder, .current) }
        let value: Value
        do {
            defer { close(descriptor) }
            value = try body(descriptor)
            guard fsync(descriptor) == 0 else { throw SealError.write(nil, .current) }
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
            throw SealError.write(final, SystemReason(linkError))
        }
        let claim = open(final, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if claim < 0 {
            if errno == EEXIST { return false }
            throw SealError.write(final, .current)
        }
        close(claim)
        guard rename(temporary, final) == 0 else {
            let renameError = errno
            unlink(final)
            throw SealError.write(final, SystemReason(renameError))
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
                throw SealError.write(nil, .current)
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

/// The name of a temporary file says who wrote it, so that a later run can tell whether its writer is gone:
/// `.dossier-HOST-BOOT-PID-RANDOM.partial`, HOST and BOOT being 8 hex digits of the machine's name and of its
/// boot (a PID is only meaningful on one machine, in one boot). Names from earlier versions,
/// `.dossier-PID-RANDOM.partial`, carry no machine: their PID alone is judged.
struct PartialName: Equatable {
    static let prefix = ".dossier-"
    static let suffix = ".partial"

    /// Nil in a name from an earlier version.
    var host: String?
    var boot: String?
    var pid: Int32
    var random: String

    var fileName: String {
        let place = [host, boot].compactMap { $0 }.map { $0 + "-" }.joined()
        return "\(Self.prefix)\(place)\(pid)-\(random)\(Self.suffix)"
    }

    /// A new name for this process.
    static func mine() -> PartialName {
        PartialName(
            host: machine.host, boot: machine.boot, pid: getpid(),
            random: String(UUID().uuidString.prefix(8)).lowercased())
    }

    init(host: String?, boot: String?, pid: Int32, random: String) {
        self.host = host
        self.boot = boot
        self.pid = pid
        self.random = random
    }

    /// Parses a temporary file's name; nil for any other name.
    init?(fileName: String) {
        guard fileName.hasPrefix(Self.prefix), fileName.hasSuffix(Self.suffix) else { return nil }
        let parts = fileName.dropFirst(Self.prefix.count).dropLast(Self.suffix.count).split(
            separator: "-", omittingEmptySubsequences: false
        ).map(String.init)
        func hex(_ text: String) -> Bool { text.count == 8 && text.allSatisfy(\.isHexDigit) }
        switch parts.count {
        case 2 where hex(parts[1]): (host, boot) = (nil, nil)
        case 4 where hex(parts[0]) && hex(parts[1]) && hex(parts[3]): (host, boot) = (parts[0], parts[1])
        default: return nil
        }
        guard let pid = Int32(parts[parts.count - 2]), pid > 0 else { return nil }
        self.pid = pid
        random = parts[parts.count - 1]
    }

    /// Whether the writer of a file of this name, last changed at `modified`, is gone, as seen from `here`.
    func isStale(here: PartialName, modified: timespec) -> Bool {
        if let host, host != here.host { return false }
        // Another boot's: stale if it has not changed since this one began (a machine of the same name sharing
        // the folder may be writing it now).
        if let boot, boot != here.boot { return Self.bootTime.map { Double(modified.tv_sec) < $0 } ?? false }
        if kill(pid, 0) != 0 && errno == ESRCH { return true }
        // A process has this PID: it wrote the file only if it started before the file last changed. One that
        // started later reuses the PID of the writer, who is gone. (Start times are known to about a second.)
        guard let started = Self.startTime(of: pid) else { return false }
        return started > Double(modified.tv_sec) + 2
    }

    /// This machine's name and boot, each as 8 hex digits.
    private static let machine: (host: String, boot: String) = {
        var buffer = [CChar](repeating: 0, count: 256)
        let host =
            gethostname(&buffer, buffer.count) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        // Linux gives each boot a random id; elsewhere the boot is unknown and only the PID is judged.
        let boot = (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? ""
        func digits(_ text: String) -> String {
            SHA256.hash(data: Data(text.utf8)).prefix(4).hexDigits
        }
        return (digits(host), digits(boot.trimmingCharacters(in: .whitespacesAndNewlines)))
    }()

    /// When process `pid` started, in seconds since 1970 (Linux: `/proc/PID/stat` and the boot time); nil when
    /// unknown.
    static func startTime(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")"), let boot = bootTime
        else { return nil }
        // After the command name in parentheses: field 3 (state) onwards; the start time is field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticksPerSecond = sysconf(Int32(_SC_CLK_TCK))
        guard fields.count > 19, let ticks = Double(fields[19]), ticksPerSecond > 0 else { return nil }
        return boot + ticks / Double(ticksPerSecond)
    }

    /// When this machine booted, in seconds since 1970 (Linux: `btime` in `/proc/stat`); nil when unknown.
    static var bootTime: Double? {
        guard let system = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = system.split(separator: "\n").first(where: { $0.hasPrefix("btime ") })
        else { return nil }
        return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }
}

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
