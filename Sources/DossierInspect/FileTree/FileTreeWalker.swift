import DossierCore
import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Walks a folder without following symlinks, recording every entry; bounded in depth and count. Where a bound
/// stops the walk, the entry where it stopped says so (`limit`), so that no file is left out unseen.
public struct FileTreeWalker: Sendable {
    public var maximumDepth: Int
    public var maximumEntries: Int

    public init(maximumDepth: Int = 24, maximumEntries: Int = 200_000) {
        self.maximumDepth = maximumDepth
        self.maximumEntries = maximumEntries
    }

    /// Why a walk could not start.
    public enum WalkError: Error, Equatable {
        case missing(String)
        case notAFolder(String)
        case unreadable(String)
    }

    /// Lists everything below `root`, sorted by path. The root itself must be a readable folder (a symlink to
    /// a folder given on the command line is refused: it would be followed).
    public func walk(_ root: RawPath) throws -> [TreeEntry] {
        guard let info = root.linkStatus() else { throw WalkError.missing(root.description) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw WalkError.notAFolder(root.description) }
        guard let children = Self.list(root) else { throw WalkError.unreadable(root.description) }
        var entries: [TreeEntry] = []
        var pending: [(RawPath, String, [UInt8], [[UInt8]], Int)] = [(root, "", [], children, 1)]
        walk: while let (folder, prefix, rawPrefix, names, depth) = pending.popLast() {
            for rawName in names {
                if entries.count >= maximumEntries {
                    if !entries.isEmpty { entries[entries.count - 1].limit = .entries(maximumEntries) }
                    break walk
                }
                let location = folder.appending(rawName)
                var entry = Self.describe(location, in: folder, rawName: rawName, prefix: prefix)
                entry.rawPath = rawPrefix + rawName
                if location.bytes.count >= Self.maximumPathBytes {
                    entry.limit = .pathLength(location.bytes.count)
                    entry.readable = false
                } else if entry.kind == .directory {
                    if let grandchildren = Self.list(location) {
                        if depth < maximumDepth {
                            pending.append(
                                (
                                    location, entry.path + "/", entry.rawPath + [UInt8(ascii: "/")], grandchildren,
                                    depth + 1
                                ))
                        } else if !grandchildren.isEmpty {
                            entry.limit = .depth(maximumDepth)
                        }
                    } else {
                        entry.readable = false
                    }
                }
                entries.append(entry)
            }
        }
        entries.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return entries
    }

    /// The longest absolute path the system opens (Linux's PATH_MAX, terminating NUL included).
    public static let maximumPathBytes = 4096

    /// The raw names in a folder, or nil when it cannot be listed.
    public static func list(_ folder: RawPath) -> [[UInt8]]? {
        guard let directory = folder.withCString({ opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { buffer -> [UInt8] in
                Array(buffer.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    static func describe(_ location: RawPath, in folder: RawPath, rawName: [UInt8], prefix: String) -> TreeEntry {
        let name = String(decoding: rawName, as: UTF8.self).precomposedStringWithCanonicalMapping
        var entry = TreeEntry(
            path: prefix + name, rawName: rawName, folder: folder, kind: .special, bytes: 0)
        guard let info = location.linkStatus() else {
            entry.readable = false
            entry.kind = .file
            return entry
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            entry.kind = .directory
        case S_IFREG:
            entry.kind = .file
            entry.bytes = Int(info.st_size)
            let descriptor = location.openForReading()
            if descriptor >= 0 { close(descriptor) } else { entry.readable = false }
        case S_IFLNK:
            entry.kind = .symlink
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = location.withCString { readlink($0, &buffer, buffer.count - 1) }
            if count >= 0 {
                entry.linkTarget = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        case S_IFIFO: entry.specialKind = "fifo"
        case S_IFSOCK: entry.specialKind = "socket"
        case S_IFCHR: entry.specialKind = "character device"
        case S_IFBLK: entry.specialKind = "block device"
        default: entry.specialKind = "unknown"
        }
        return entry
    }
}
