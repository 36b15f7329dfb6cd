import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The entries of a zip below one folder of it (`湖北省科协/data/`), read in place. Every entry is listed, also
/// when two share a name (the naming checks report them), and an entry whose header or data is damaged is listed
/// as unreadable with what is wrong.
public struct ZipFolderSource: BundleSource {
    public let archive: ZipArchive
    /// The folder inside the zip, with its trailing slash.
    public let folder: String
    /// Entries whose bytes failed to read while the bundle was checked (a checksum, compressed data): the zip's
    /// reader reports them, since the checks see only that a file could not be read.
    public let readFailures = ZipReadFailures()
    private let byLocation: [RawPath: ZipEntry]
    private let damaged: [Int: ZipError]

    /// The entries of `archive` below `folder`, leaving out those `skipping` names (unsafe paths); `damaged` holds
    /// what is wrong with entries, by their place in the central directory.
    public init(
        archive: ZipArchive, folder: String, skipping: (String) -> Bool = { _ in false }, damaged: [Int: ZipError] = [:]
    ) {
        self.archive = archive
        self.folder = folder
        self.damaged = damaged
        var index: [RawPath: ZipEntry] = [:]
        for entry in archive.entries where entry.name.hasPrefix(folder) && !skipping(entry.name) {
            index[Self.location(of: entry)] = entry
        }
        byLocation = index
    }

    /// A key per central-directory entry: its place, then its raw name (two entries may share a name).
    public static func location(of entry: ZipEntry) -> RawPath {
        RawPath(bytes: Array("\(entry.index)/".utf8) + entry.rawName)
    }

    public func entries() throws -> [TreeEntry] {
        var folders: [String: TreeEntry] = [:]
        var files: [(entry: TreeEntry, index: Int)] = []
        for entry in byLocation.values.sorted(by: { $0.index < $1.index }) {
            let relative = String(entry.name.dropFirst(folder.count)).precomposedStringWithCanonicalMapping
            let components = relative.split(separator: "/").map(String.init)
            guard !components.isEmpty else { continue }
            // The path as stored: a name decoded from GBK is sealed as UTF-8 (its NFC spelling); any other keeps
            // the zip's bytes, which may not be NFC.
            let stored: [[UInt8]] = {
                let raw = entry.rawName.dropFirst(folder.utf8.count).split(separator: UInt8(ascii: "/")).map(Array.init)
                return !entry.nameWasGBK && raw.count == components.count ? raw : components.map { Array($0.utf8) }
            }()
            func storedPath(_ depth: Int) -> [UInt8] { Array(stored[0..<depth].joined(separator: [UInt8(ascii: "/")])) }
            // Folders are implied by the paths beneath them.
            for depth in 1..<components.count {
                let path = components[0..<depth].joined(separator: "/")
                if folders[path] == nil {
                    folders[path] = TreeEntry(
                        path: path, rawName: stored[depth - 1],
                        location: RawPath(folder + path + "/"), kind: .directory, bytes: 0, readable: true,
                        rawPath: storedPath(depth))
                }
            }
            let path = components.joined(separator: "/")
            let name = components[components.count - 1]
            let rawName =
                entry.nameWasGBK
                ? Array(name.utf8) : Array(entry.rawName.split(separator: UInt8(ascii: "/")).last ?? [])
            var tree = TreeEntry(
                path: path, rawName: rawName, location: Self.location(of: entry),
                kind: entry.isDirectory ? .directory : entry.isSymlink ? .symlink : .file,
                bytes: entry.uncompressedSize.int ?? .max, readable: true,
                rawPath: storedPath(components.count))
            if let damage = damaged[entry.index] {
                tree.readable = false
                tree.damage = damage.description
            }
            if entry.isDirectory {
                folders[path] = tree
            } else {
                files.append((tree, entry.index))
            }
        }
        let listed = folders.values.map { (entry: $0, index: -1) } + files
        return listed.sorted { first, second in
            first.entry.path == second.entry.path
                ? first.index < second.index : first.entry.path.utf8.lexicographicallyPrecedes(second.entry.path.utf8)
        }.map(\.entry)
    }

    public func prefix(of entry: TreeEntry, count: Int) -> [UInt8]? {
        guard let zipEntry = byLocation[entry.location] else { return nil }
        var result: [UInt8] = []
        struct Enough: Error {}
        do {
            try archive.read(zipEntry, chunk: 4096) { chunk in
                result.append(contentsOf: chunk.prefix(count - result.count))
                if result.count >= count { throw Enough() }
            }
        } catch is Enough {
        } catch {
            readFailures.record(zipEntry, error)
            return result.isEmpty ? nil : result
        }
        return result
    }

    /// Stored entries are read in place (sealed zips store videos); deflated ones forward only, inflating as they go.
    public func randomAccess(of entry: TreeEntry) -> (any RandomAccess)? {
        guard let zipEntry = byLocation[entry.location] else { return nil }
        return ZipEntryRandomAccess(archive: archive, entry: zipEntry)
            ?? ZipEntryStreamAccess(archive: archive, entry: zipEntry)
    }

    public func contents(of entry: TreeEntry, limit: Int) throws(FileBytes.ReadError) -> [UInt8] {
        guard let zipEntry = byLocation[entry.location] else { throw .cannotOpen(errno: ENOENT) }
        do {
            return try archive.contents(zipEntry, limit: limit)
        } catch ZipError.tooLarge(_, let bytes) {
            throw .tooLarge(bytes: Int(clamping: bytes), limit: limit)
        } catch {
            readFailures.record(zipEntry, error)
            throw .readFailed(errno: EIO)
        }
    }
}
