import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a bundle's bytes come from: a folder on disk, or a folder inside a zip. The scanner reads only
/// through this, so the same checks run on both without extracting anything.
public protocol BundleSource: Sendable {
    /// Everything below the bundle's root, sorted by path.
    func entries() throws -> [TreeEntry]
    /// The first `count` bytes of a file entry, or nil when it cannot be read.
    func prefix(of entry: TreeEntry, count: Int) -> [UInt8]?
    /// The whole content of a file entry, refusing more than `limit` bytes.
    func contents(of entry: TreeEntry, limit: Int) throws(FileBytes.ReadError) -> [UInt8]
    /// Positional reads of a file entry (videos are read box by box), or nil when that is not possible.
    func randomAccess(of entry: TreeEntry) -> (any RandomAccess)?
}

/// A bundle folder on disk, walked without following symlinks.
public struct FolderSource: BundleSource {
    public var root: RawPath
    public var walker: FileTreeWalker

    public init(_ root: RawPath, walker: FileTreeWalker = FileTreeWalker()) {
        self.root = root
        self.walker = walker
    }

    public func entries() throws -> [TreeEntry] { try walker.walk(root) }

    public func prefix(of entry: TreeEntry, count: Int) -> [UInt8]? {
        FileBytes.readPrefix(entry.location, count: count)
    }

    public func contents(of entry: TreeEntry, limit: Int) throws(FileBytes.ReadError) -> [UInt8] {
        try FileBytes.readAll(entry.location, limit: limit)
    }

    public func randomAccess(of entry: TreeEntry) -> (any RandomAccess)? { FileRandomAccess(entry.location) }
}

/// The entries of a zip below one folder of it (`湖北省科协/data/`), read in place.
public struct ZipFolderSource: BundleSource {
    public let archive: ZipArchive
    /// The folder inside the zip, with its trailing slash.
    public let folder: String
    private let byLocation: [RawPath: ZipEntry]

    /// The entries of `archive` below `folder`, leaving out those `skipping` names (unsafe paths).
    public init(archive: ZipArchive, folder: String, skipping: (String) -> Bool = { _ in false }) {
        self.archive = archive
        self.folder = folder
        var index: [RawPath: ZipEntry] = [:]
        for entry in archive.entries where entry.name.hasPrefix(folder) && !skipping(entry.name) {
            index[RawPath(bytes: entry.rawName)] = entry
        }
        byLocation = index
    }

    public func entries() throws -> [TreeEntry] {
        var result: [String: TreeEntry] = [:]
        for (location, entry) in byLocation {
            let relative = String(entry.name.dropFirst(folder.count)).precomposedStringWithCanonicalMapping
            let components = relative.split(separator: "/").map(String.init)
            guard !components.isEmpty else { continue }
            // Folders are implied by the paths beneath them.
            for depth in 1..<components.count {
                let path = components[0..<depth].joined(separator: "/")
                if result[path] == nil {
                    result[path] = TreeEntry(
                        path: path, name: components[depth - 1], rawName: Array(components[depth - 1].utf8),
                        location: RawPath(folder + path + "/"), kind: .directory, bytes: 0, readable: true)
                }
            }
            let path = components.joined(separator: "/")
            let name = components[components.count - 1]
            let rawName =
                entry.nameWasGBK
                ? Array(name.utf8) : Array(entry.rawName.split(separator: UInt8(ascii: "/")).last ?? [])
            result[path] = TreeEntry(
                path: path, name: name, rawName: rawName, location: location,
                kind: entry.isDirectory ? .directory : entry.isSymlink ? .symlink : .file,
                bytes: Int(clamping: entry.uncompressedSize), readable: true)
        }
        return result.values.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
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
            throw .readFailed(errno: EIO)
        }
    }
}
