import DossierFiles
import Foundation

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
