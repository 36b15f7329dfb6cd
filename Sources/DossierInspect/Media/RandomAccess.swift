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

/// A stored (uncompressed) zip entry, read in place.
public final class ZipEntryRandomAccess: RandomAccess {
    public let size: UInt64
    public private(set) var bytesRead: UInt64 = 0
    private let archive: ZipArchive
    private let start: FileNumber

    public init?(archive: ZipArchive, entry: ZipEntry) {
        guard entry.method == 0, entry.flags & 1 == 0, let start = try? archive.dataOffset(entry) else { return nil }
        self.archive = archive
        self.start = start
        size = entry.compressedSize.value
    }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset, let at = start.adding(FileNumber(offset)),
            let bytes = try? archive.bytes(at: at, count: count, what: "entry")
        else { return nil }
        bytesRead += UInt64(count)
        return bytes
    }
}

/// A deflated zip entry read forward only: each read inflates up to the offset asked for. The video reader walks
/// top-level boxes in increasing order, so this serves it without holding the entry in memory; a read behind the
/// current position returns nil.
public final class ZipEntryStreamAccess: RandomAccess {
    public let size: UInt64
    public private(set) var bytesRead: UInt64 = 0
    private let archive: ZipArchive
    private let inflater: Inflater
    private var compressedOffset: FileNumber
    private var compressedLeft: FileNumber
    private var pending: [UInt8] = []
    private var pendingStart: UInt64 = 0

    public init?(archive: ZipArchive, entry: ZipEntry) {
        guard entry.method == 8, entry.flags & 1 == 0, let start = try? archive.dataOffset(entry),
            let inflater = try? Inflater()
        else { return nil }
        self.archive = archive
        self.inflater = inflater
        compressedOffset = start
        compressedLeft = entry.compressedSize
        size = entry.uncompressedSize.value
    }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset, offset >= pendingStart else { return nil }
        // Drop what lies before the offset, then inflate until the range is there.
        let drop = Int(min(UInt64(pending.count), offset - pendingStart))
        pending.removeFirst(drop)
        pendingStart += UInt64(drop)
        while pendingStart + UInt64(pending.count) < offset + UInt64(count) {
            let chunk = min(compressedLeft, FileNumber(UInt64(1 << 18)))
            guard chunk > .zero, let length = chunk.int, let next = compressedOffset.adding(chunk),
                let left = compressedLeft.subtracting(chunk),
                let input = try? archive.bytes(at: compressedOffset, count: length, what: "entry")
            else { return nil }
            compressedOffset = next
            compressedLeft = left
            do {
                try inflater.inflate(input, finish: compressedLeft == .zero, entry: "") { output in
                    // Keep only what a later read can still ask for.
                    if pendingStart + UInt64(pending.count) + UInt64(output.count) <= offset {
                        pendingStart += UInt64(output.count)
                    } else {
                        pending.append(contentsOf: output)
                    }
                }
            } catch {
                return nil
            }
            let skip = Int(min(UInt64(pending.count), offset > pendingStart ? offset - pendingStart : 0))
            pending.removeFirst(skip)
            pendingStart += UInt64(skip)
        }
        let start = Int(offset - pendingStart)
        bytesRead += UInt64(count)
        return Array(pending[start..<(start + count)])
    }
}

/// Bytes in memory, read like a file (an Office document is a zip held in memory).
public final class MemoryRandomAccess: RandomAccess {
    public let bytes: [UInt8]
    public private(set) var bytesRead: UInt64 = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var size: UInt64 { UInt64(bytes.count) }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { return nil }
        bytesRead += UInt64(count)
        return Array(bytes[Int(offset)..<(Int(offset) + count)])
    }
}
