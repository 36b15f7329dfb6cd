import DossierFiles
import Foundation

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
