import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

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

    /// A file already open (`descriptor`, which this now owns and closes), of `size` bytes.
    public init(owning descriptor: Int32, size: UInt64) {
        self.descriptor = descriptor
        self.size = size
    }

    /// A forward-only `source` (a deflated zip entry) copied into an unnamed scratch file on disk, read back in any
    /// order: FFmpeg seeks, and holding a video in memory would put a check over its memory budget. Nil when the
    /// scratch file cannot be made or written, or `source` cannot be read through.
    public convenience init?(spooling source: any RandomAccess, chunk: Int = 1 << 20) {
        guard let descriptor = ScratchFile.anonymous() else { return nil }
        var offset: UInt64 = 0
        while offset < source.size {
            let count = Int(min(UInt64(chunk), source.size - offset))
            guard let bytes = source.read(at: offset, count: count), bytes.count == count,
                (try? AtomicOutput.writeAll(bytes, to: descriptor)) != nil
            else {
                close(descriptor)
                return nil
            }
            offset += UInt64(count)
        }
        self.init(owning: descriptor, size: source.size)
    }

    deinit { close(descriptor) }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        // `offset` comes from the file's own numbers: it must fit in an off_t with the whole read after it.
        guard count >= 0, offset <= size, UInt64(count) <= size - offset, let start = off_t(exactly: offset),
            start <= off_t.max - off_t(count)
        else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return pread(descriptor, base + filled, count - filled, start + off_t(filled))
            }
            if got <= 0 { return nil }
            filled += got
        }
        bytesRead += UInt64(count)
        return buffer
    }
}
