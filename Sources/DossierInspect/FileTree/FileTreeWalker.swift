import DossierCore
import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One entry met while walking a folder.
///
/// A drive can hold 100,000 entries: what every entry has is stored inline, what few have (a symlink's target,
/// a limit, damage) in one box, and the walker's absolute path is its folder's (shared by siblings) plus the name.
public struct TreeEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case file, directory, symlink, special
    }

    /// Relative to the walked root, `/`-separated, NFC.
    public var path: String
    /// The last component, NFC; undecodable bytes replaced by U+FFFD. Taken from `path` when asked, not stored:
    /// a bundle may hold 100,000 entries.
    public var name: String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
    /// The raw bytes of the last component as stored on disk.
    public var rawName: [UInt8]
    public var kind: Kind
    public var bytes: Int
    /// False when the file could not be opened, or the folder not listed.
    public var readable: Bool
    private var place: Place
    private var rare: Boxed<Rare>?

    private enum Place: Sendable, Equatable {
        /// In this folder, under `rawName`.
        case child(of: RawPath)
        /// Exactly here (a zip entry's key).
        case at(RawPath)
    }

    private struct Rare: Sendable, Equatable {
        var specialKind: String?
        var linkTarget: String?
        var limit: WalkLimit?
        var damage: String?
        var rawPath: [UInt8]?
    }

    public init(
        path: String, rawName: [UInt8], location: RawPath, kind: Kind, bytes: Int, readable: Bool,
        rawPath: [UInt8] = []
    ) {
        self.init(path: path, rawName: rawName, place: .at(location), kind: kind, bytes: bytes)
        self.readable = readable
        self.rawPath = rawPath
    }

    /// An entry named `rawName` in the folder at `folder`.
    init(path: String, rawName: [UInt8], folder: RawPath, kind: Kind, bytes: Int) {
        self.init(path: path, rawName: rawName, place: .child(of: folder), kind: kind, bytes: bytes)
    }

    private init(path: String, rawName: [UInt8], place: Place, kind: Kind, bytes: Int) {
        self.path = path
        self.rawName = rawName
        self.place = place
        self.kind = kind
        self.bytes = bytes
        self.readable = true
    }

    /// Where to open it: the raw absolute path (for a zip's entry, its key in the zip).
    public var location: RawPath {
        get {
            switch place {
            case .child(let folder): folder.appending(rawName)
            case .at(let location): location
            }
        }
        set { place = .at(newValue) }
    }

    /// For `special`: what it is (`fifo`, `socket`, `character device`, `block device`).
    public var specialKind: String? {
        get { rare?.value.specialKind }
        set { changeRare { $0.specialKind = newValue } }
    }
    /// For `symlink`: where it points, as stored (never followed).
    public var linkTarget: String? {
        get { rare?.value.linkTarget }
        set { changeRare { $0.linkTarget = newValue } }
    }
    /// Set when the walk stopped at this entry: what lies below it (or after it) was not listed.
    public var limit: WalkLimit? {
        get { rare?.value.limit }
        set { changeRare { $0.limit = newValue } }
    }
    /// For an entry of a zip whose header or data is damaged: what is wrong (`readable` is then false). The zip's
    /// reader reports it, as `ZIP-CORRUPT`, instead of the file system's `FS-UNREADABLE`.
    public var damage: String? {
        get { rare?.value.damage }
        set { changeRare { $0.damage = newValue } }
    }

    /// The path relative to the walked root as stored (`/`-separated): `path` is NFC for comparing, this is what
    /// opens the file again (a name spelt with U+F90A, or decomposed on a Mac, is not its NFC spelling). Kept only
    /// when it differs from `path` (rare), else `path`'s bytes.
    public var rawPath: [UInt8] {
        get { rare?.value.rawPath ?? Array(path.utf8) }
        set {
            let same = newValue.isEmpty || newValue.elementsEqual(path.utf8)
            changeRare { $0.rawPath = same ? nil : newValue }
        }
    }

    private mutating func changeRare(_ change: (inout Rare) -> Void) {
        rare.changeBoxed(empty: Rare(), isEmpty: { $0 == Rare() }, change)
    }

    /// True when the stored name is valid UTF-8.
    public var nameIsUTF8: Bool { String(validating: rawName, as: UTF8.self) != nil }

    /// The path's components.
    public var components: [Substring] { path.split(separator: "/") }

    public static func == (lhs: TreeEntry, rhs: TreeEntry) -> Bool {
        lhs.path == rhs.path && lhs.rawName == rhs.rawName && lhs.location == rhs.location
            && lhs.kind == rhs.kind && lhs.bytes == rhs.bytes && lhs.readable == rhs.readable
            && lhs.rare?.value == rhs.rare?.value
    }
}

/// Why a walk did not list everything: the entry that carries it is where the walk stopped.
public enum WalkLimit: Sendable, Equatable {
    /// A folder at the deepest level followed; its content was not listed.
    case depth(Int)
    /// The walk met its most entries here; later entries were not listed.
    case entries(Int)
    /// The entry's full path is too long for the system to open.
    case pathLength(Int)
}

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
