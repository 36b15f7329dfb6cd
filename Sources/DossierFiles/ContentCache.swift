import Crypto
import DossierCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What was measured of a file's bytes, kept in the user's cache folder and found again by the bytes' SHA-256:
/// identical bytes give identical facts whoever sent them, so a cached fact is this machine's own measurement, never
/// a sender's claim. An entry also carries a context (the program's build, the rule set's hash, anything else that
/// changes a measurement); an entry of another context, a damaged one or one that cannot be read is a miss, and is
/// measured and written again. Entries are written whole (`AtomicOutput`), never followed through a symlink, and the
/// folder is trimmed, oldest first, when it grows past `maximumBytes`. A cache that cannot be written is no cache: a
/// failure only costs time.
public struct ContentCache: Sendable {
    /// The folder entries live in (`…/dossier/facts-v1`).
    public let folder: String
    /// Hex digest of everything besides the content that a measurement depends on.
    public let context: String
    public let maximumBytes: Int
    /// Whether this cache wrote an entry: only then can the folder have grown, and `trim` need list it.
    private let wrote = WriteFlag()

    /// The first line of every entry: a file that does not start so is not ours.
    static let magic = Array("dossier-facts 1\n".utf8)

    public init(folder: String, context: [String], maximumBytes: Int = 256 << 20) {
        self.folder = folder
        self.context = SHA256.hash(data: Array(context.joined(separator: "\n").utf8)).hexDigits
        self.maximumBytes = maximumBytes
    }

    /// `$XDG_CACHE_HOME/dossier/facts-v1`, else `~/.cache/dossier/facts-v1`; nil when neither is known.
    public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        dossierFolder(environment).map { ($0 as NSString).appendingPathComponent("facts-v1") }
    }

    /// The user's cache folder of dossier: `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; nil when neither is
    /// known.
    public static func dossierFolder(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("dossier")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return (home as NSString).appendingPathComponent(".cache/dossier")
        }
        return nil
    }

    /// This build of the program: the running executable's size and modification time, so that a rebuilt binary
    /// (a new measurement) never reads what an older one cached.
    public static var buildIdentity: String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown build" }
        return "\(DossierVersion.current) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The entry for content whose SHA-256 is `digest` (hex), when one of this context is there and whole.
    public func value(for digest: String) -> [UInt8]? {
        guard let path = path(for: digest),
            let bytes = try? FileBytes.readAll(RawPath(path), limit: 16 << 20)
        else { return nil }
        let header = Self.magic + Array((context + "\n").utf8)
        guard bytes.count >= header.count, Array(bytes.prefix(header.count)) == header else { return nil }
        return Array(bytes.dropFirst(header.count))
    }

    /// Keeps `value` for content whose SHA-256 is `digest`; a failure is ignored.
    public func store(_ value: [UInt8], for digest: String) {
        guard let path = path(for: digest) else { return }
        let shard = (path as NSString).deletingLastPathComponent
        if mkdir(shard, 0o700) != 0 && errno == ENOENT {
            // The cache folder itself is new: made with its parents (never through a symlink at the last step).
            try? FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
        }
        if (try? AtomicOutput.write(Self.magic + Array((context + "\n").utf8) + value, to: path)) != nil {
            wrote.set()
        }
    }

    /// Removes the oldest entries until the folder holds at most three quarters of `maximumBytes`, when it holds
    /// more than `maximumBytes`; nothing to do (and no listing) when this cache wrote nothing.
    public func trim() {
        guard wrote.isSet else { return }
        var entries: [(path: String, bytes: Int, modified: Int)] = []
        var total = 0
        guard let shards = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for shard in shards where shard.count == 2 {
            let shardPath = (folder as NSString).appendingPathComponent(shard)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: shardPath) else { continue }
            for name in names {
                let path = (shardPath as NSString).appendingPathComponent(name)
                guard let info = RawPath(path).linkStatus(), info.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append((path, Int(info.st_size), Int(info.st_mtim.tv_sec)))
                total += Int(info.st_size)
            }
        }
        guard total > maximumBytes else { return }
        for entry in entries.sorted(by: { $0.modified < $1.modified }) where total > maximumBytes / 4 * 3 {
            if unlink(entry.path) == 0 { total -= entry.bytes }
        }
    }

    /// `folder/ab/abcdef…`: entries spread over 256 folders by the digest's first two hex digits.
    func path(for digest: String) -> String? {
        guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return (folder as NSString).appendingPathComponent("\(digest.prefix(2))/\(digest)")
    }
}
