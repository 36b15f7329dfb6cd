import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Positional reads of one file, wherever it is (a file on disk, a stored zip entry): what the video reader needs
/// to read box headers and `moov` without touching the media data.
public protocol RandomAccess: AnyObject {
    var size: UInt64 { get }
    /// `count` bytes at `offset`, or nil when they are not all there.
    func read(at offset: UInt64, count: Int) -> [UInt8]?
    /// Bytes handed out so far (benchmarks report it).
    var bytesRead: UInt64 { get }
}
