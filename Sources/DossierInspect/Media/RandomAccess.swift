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

/// A file on disk, opened without following symlinks.
public final class FileRandomAccess: RandomAccess {
    public let size: UInt64
    public private(set) var bytesRead: UInt64 = 0
    private let descriptor: Int32

    public init?(_ path: RawPath) {
        descriptor = path.openForReading()
        guard descriptor >= 0 else { return nil }
        var info = stat()
        fstat(descriptor, &info)
        size = UInt64(max(0, info.st_size))
    }

    deinit { close(descriptor) }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if got <= 0 { return nil }
            filled += got
        }
        bytesRead += UInt64(count)
        return buffer
    }
}

/// A stored (uncompressed) zip entry, read in place.
public final class ZipEntryRandomAccess: RandomAccess {
    public let size: UInt64
    public private(set) var bytesRead: UInt64 = 0
    private let archive: ZipArchive
    private let start: UInt64

    public init?(archive: ZipArchive, entry: ZipEntry) {
        guard entry.method == 0, entry.flags & 1 == 0, let start = try? archive.dataOffset(entry) else { return nil }
        self.archive = archive
        self.start = start
        size = entry.compressedSize
    }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        guard let bytes = try? archive.bytes(at: start + offset, count: count, what: "entry") else { return nil }
        bytesRead += UInt64(count)
        return bytes
    }
}
