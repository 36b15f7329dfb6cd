import Crypto
import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
