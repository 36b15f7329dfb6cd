import DossierFiles

#if canImport(Glibc)
    import Glibc
#endif

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
