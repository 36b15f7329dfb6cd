import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

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
