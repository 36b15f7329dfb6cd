import CZlibShim
import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A zip file opened for reading with positional reads: every offset and length from the file is checked
/// against the file's size before use, so a lying archive gives an error, never a trap or a huge allocation.
public final class ZipArchive: @unchecked Sendable {
    public let size: UInt64
    public private(set) var entries: [ZipEntry] = []
    /// Where the central directory starts: every entry's header and data lie before it.
    public private(set) var directoryOffset = FileNumber.zero
    private let backend: any RandomAccess
    private let lock = NSLock()

    /// Opens the zip file at `path` (no symlink followed) and reads its central directory.
    public convenience init(_ path: RawPath, limits: ZipLimits = ZipLimits()) throws {
        guard let file = FileRandomAccess(path) else { throw ZipError.corrupt("cannot be opened") }
        try self.init(file, limits: limits)
    }

    /// Opens a zip held by `backend` (a file, bytes in memory, an entry of another zip).
    public init(_ backend: any RandomAccess, limits: ZipLimits = ZipLimits()) throws {
        self.backend = backend
        size = backend.size
        entries = try readCentralDirectory(limits: limits)
    }

    /// `count` bytes at `offset`, or an error when the file is shorter.
    func bytes(at offset: FileNumber, count: Int, what: String) throws -> [UInt8] {
        guard let end = offset.adding(count), end.value <= size else { throw ZipError.truncated(what) }
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = backend.read(at: offset.value, count: count) else { throw ZipError.truncated(what) }
        return bytes
    }

    private func readCentralDirectory(limits: ZipLimits) throws -> [ZipEntry] {
        guard size >= 22 else { throw ZipError.notAZip }
        // The end record and its comment (at most 65,535 bytes) are in the last 65,557 bytes.
        let tailLength = Int(min(size, 65_557))
        let tailStart = FileNumber(size - UInt64(tailLength))
        let tail = try bytes(at: tailStart, count: tailLength, what: "end of archive")
        guard
            let end = stride(from: tailLength - 22, through: 0, by: -1).first(where: {
                tail.littleEndian(at: $0, width: 4)?.value == 0x0605_4B50
            })
        else {
            // It starts like a zip but its end is missing: the copy was cut short.
            let head = try bytes(at: .zero, count: 4, what: "start of archive")
            if head.littleEndian(at: 0, width: 4)?.value == 0x0403_4B50 {
                throw ZipError.truncated("the end of the archive is missing")
            }
            throw ZipError.notAZip
        }
        let endRecord = FieldReader(tail, at: end, what: "the end-of-central-directory record")
        var count = try endRecord.number(10, 2)
        var directorySize = try endRecord.number(12, 4)
        var directoryOffset = try endRecord.number(16, 4)
        guard let endOffset = tailStart.adding(end) else { throw ZipError.corrupt("the end record") }
        if count.value == 0xFFFF || directorySize.value == 0xFFFF_FFFF || directoryOffset.value == 0xFFFF_FFFF,
            let locatorOffset = endOffset.subtracting(FileNumber(UInt64(20)))
        {
            let locator = FieldReader(
                try bytes(at: locatorOffset, count: 20, what: "ZIP64 locator"), at: 0, what: "the ZIP64 locator")
            if try locator.number(0, 4).value == 0x0706_4B50 {
                let recordOffset = try locator.number(8, 8)
                guard recordOffset < locatorOffset else { throw ZipError.corrupt("ZIP64 end record") }
                let record = FieldReader(
                    try bytes(at: recordOffset, count: 56, what: "ZIP64 end record"), at: 0, what: "ZIP64 end record")
                guard try record.number(0, 4).value == 0x0606_4B50 else { throw ZipError.corrupt("ZIP64 end record") }
                count = try record.number(32, 8)
                directorySize = try record.number(40, 8)
                directoryOffset = try record.number(48, 8)
            }
        }
        guard let entryCount = count.int(atMost: limits.maximumEntries) else {
            throw ZipError.corrupt("\(count) entries")
        }
        guard let directoryEnd = directoryOffset.adding(directorySize), directoryEnd.value <= size,
            let directoryLength = directorySize.int
        else {
            throw ZipError.truncated("the central directory lies past the end of the file")
        }
        self.directoryOffset = directoryOffset
        let directory = try bytes(at: directoryOffset, count: directoryLength, what: "central directory")
        var result: [ZipEntry] = []
        var position = 0
        var total = FileNumber.zero
        for index in 0..<entryCount {
            let what = "central directory entry \(index + 1)"
            let record = FieldReader(directory, at: position, what: what)
            guard try record.number(0, 4).value == 0x0201_4B50 else { throw ZipError.corrupt(what) }
            // Lengths of at most 65,535 each, from a position inside the directory: these Ints cannot overflow.
            let nameLength = try record.length(28)
            let extraLength = try record.length(30)
            let commentLength = try record.length(32)
            let nameStart = position + 46
            let extraStart = nameStart + nameLength
            let next = extraStart + extraLength + commentLength
            guard next <= directory.count else { throw ZipError.corrupt(what) }
            let flags = try record.short(8)
            let rawName = Array(directory[nameStart..<extraStart])
            let creator = try record.short(4)
            var entry = ZipEntry(
                name: "", rawName: rawName, nameWasGBK: false, method: try record.short(10), flags: flags,
                crc32: try record.word(16), compressedSize: try record.number(20, 4),
                uncompressedSize: try record.number(24, 4), localHeaderOffset: try record.number(42, 4),
                unixMode: creator >> 8 == 3 ? try record.word(38) >> 16 : 0, index: index)
            (entry.name, entry.nameWasGBK) = Self.decodeName(rawName, utf8Flag: flags & 0x0800 != 0)
            Self.applyZIP64(&entry, extra: Array(directory[extraStart..<(extraStart + extraLength)]))
            result.append(entry)
            position = next
            // More stored bytes than the file holds is a lie, not a bomb: `dataOffset` reports it, by entry.
            guard entry.compressedSize.value <= size else { continue }
            if entry.uncompressedSize.value > limits.maximumEntryBytes {
                throw ZipError.tooLarge(entry: entry.name, bytes: entry.uncompressedSize.value)
            }
            // A ratio of `maximumRatio` + 1 or more (whole times) is a bomb; a product past 64 bits is no ratio at all.
            let ratioLimit = FileNumber(limits.maximumRatio).adding(1).flatMap {
                max(entry.compressedSize, FileNumber(UInt64(1))).multiplied(by: $0)
            }
            if entry.method != 0, entry.uncompressedSize.value > 1 << 20, let ratioLimit,
                entry.uncompressedSize >= ratioLimit
            {
                throw ZipError.ratio(
                    entry: entry.name, ratio: entry.uncompressedSize.value / max(entry.compressedSize.value, 1),
                    bytes: entry.uncompressedSize.value)
            }
            guard let sum = total.adding(entry.uncompressedSize), sum.value <= limits.maximumTotalBytes else {
                throw ZipError.tooLarge(entry: entry.name, bytes: total.adding(entry.uncompressedSize)?.value ?? .max)
            }
            total = sum
        }
        return result
    }

    /// Replaces the 32-bit fields set to 0xFFFFFFFF by the 64-bit values of the ZIP64 extra field, in the order
    /// APPNOTE 4.5.3 gives (uncompressed size, compressed size, local header offset).
    private static func applyZIP64(_ entry: inout ZipEntry, extra: [UInt8]) {
        var position = 0
        while let id = extra.littleEndian(at: position, width: 2),
            let length = extra.littleEndian(at: position + 2, width: 2)?.int
        {
            let fieldsEnd = position + 4 + length
            guard fieldsEnd <= extra.count else { return }
            if id.value == 0x0001 {
                var field = position + 4
                func take(_ current: FileNumber) -> FileNumber {
                    guard current.value == 0xFFFF_FFFF, field + 8 <= fieldsEnd,
                        let value = extra.littleEndian(at: field, width: 8)
                    else { return current }
                    field += 8
                    return value
                }
                entry.uncompressedSize = take(entry.uncompressedSize)
                entry.compressedSize = take(entry.compressedSize)
                entry.localHeaderOffset = take(entry.localHeaderOffset)
            }
            position = fieldsEnd
        }
    }

    /// UTF-8 when flagged or when the bytes are valid UTF-8; else GB18030, as Chinese Windows tools write.
    public static func decodeName(_ raw: [UInt8], utf8Flag: Bool) -> (String, Bool) {
        if let text = String(validating: raw, as: UTF8.self) { return (text, false) }
        if !utf8Flag, let text = String(data: Data(raw), encoding: String.Encoding(rawValue: 0x8000_0632)),
            !text.isEmpty
        {
            return (text, true)
        }
        return (String(decoding: raw, as: UTF8.self), false)
    }

    /// Where the entry's data starts. Its local header must be where the directory says, name the same entry and
    /// agree on its checksum and sizes (when it records them), and its data must end before the central
    /// directory: `unzip -t` checks as much. A lie is `ZipError.corrupt` naming the entry.
    public func dataOffset(_ entry: ZipEntry) throws -> FileNumber {
        func damaged(_ what: String) -> ZipError { .corrupt("\(entry.name): \(what)") }
        guard let headerEnd = entry.localHeaderOffset.adding(30), headerEnd <= directoryOffset else {
            throw damaged("its local header lies past the end of the file")
        }
        let header = FieldReader(
            try bytes(at: entry.localHeaderOffset, count: 30, what: "local header of \(entry.name)"), at: 0,
            what: "local header of \(entry.name)")
        guard try header.number(0, 4).value == 0x0403_4B50 else { throw damaged("its local header is missing") }
        let nameLength = try header.number(26, 2)
        guard let extraStart = headerEnd.adding(nameLength), let start = extraStart.adding(try header.number(28, 2)),
            let end = start.adding(entry.compressedSize), end <= directoryOffset
        else { throw damaged("its data would lie past the end of the file") }
        guard try bytes(at: headerEnd, count: nameLength.int ?? 0, what: "name of \(entry.name)") == entry.rawName
        else { throw damaged("its local header names another entry") }
        if entry.flags & 0x0008 == 0 {
            // Without a data descriptor, the local header holds the checksum and sizes: two headers that give
            // different values make two tools see two files. A zero (a streaming writer) or 0xFFFFFFFF (ZIP64)
            // says nothing and is let be.
            let crc = try header.word(14)
            let compressed = try header.number(18, 4), uncompressed = try header.number(22, 4)
            func agrees(_ local: FileNumber, _ central: FileNumber) -> Bool {
                local.value == 0 || local.value == 0xFFFF_FFFF || local == central
            }
            guard crc == 0 || crc == entry.crc32, agrees(compressed, entry.compressedSize),
                agrees(uncompressed, entry.uncompressedSize)
            else { throw damaged("its local header and the central directory disagree") }
        }
        if entry.method == 0 && entry.compressedSize != entry.uncompressedSize {
            throw damaged("stored, yet its two sizes differ")
        }
        return start
    }

    /// Streams the entry's uncompressed content to `consume` in chunks, checking its CRC-32 and its declared size.
    public func read(_ entry: ZipEntry, chunk: Int = 1 << 20, _ consume: ([UInt8]) throws -> Void) throws {
        if entry.flags & 0x0001 != 0 { throw ZipError.encrypted }
        var offset = try dataOffset(entry)
        var remaining = entry.compressedSize
        var crc: UInt32 = 0
        var produced = FileNumber.zero
        func deliver(_ bytes: [UInt8]) throws {
            guard let total = produced.adding(bytes.count), total <= entry.uncompressedSize else {
                throw ZipError.tooLarge(entry: entry.name, bytes: produced.adding(bytes.count)?.value ?? .max)
            }
            produced = total
            crc = bytes.withUnsafeBytes { CZlibShim_crc32(crc, $0.baseAddress, $0.count) }
            try consume(bytes)
        }
        // The next piece of stored bytes; `dataOffset` proved the whole range inside the file.
        let step = FileNumber(UInt64(max(chunk, 1)))
        func nextInput() throws -> [UInt8] {
            let count = min(step, remaining)
            guard let length = count.int, let after = offset.adding(count), let left = remaining.subtracting(count)
            else { throw ZipError.corrupt("\(entry.name): its data would lie past the end of the file") }
            let input = try bytes(at: offset, count: length, what: entry.name)
            offset = after
            remaining = left
            return input
        }
        switch entry.method {
        case 0:
            while remaining > .zero { try deliver(try nextInput()) }
        case 8:
            let inflater = try Inflater()
            while remaining > .zero {
                let input = try nextInput()
                try inflater.inflate(input, finish: remaining == .zero, entry: entry.name, deliver)
            }
            guard inflater.finished else { throw ZipError.truncated("\(entry.name): compressed data ends early") }
        default:
            throw ZipError.unsupportedMethod(entry.method)
        }
        guard produced == entry.uncompressedSize else {
            throw ZipError.corrupt("\(entry.name): size differs from the directory")
        }
        guard crc == entry.crc32 else { throw ZipError.crcMismatch(entry: entry.name) }
    }

    /// The whole entry in memory, refusing entries over `limit` bytes.
    public func contents(_ entry: ZipEntry, limit: Int) throws -> [UInt8] {
        // A size the file cannot hold is damage, whatever the limit.
        _ = try dataOffset(entry)
        guard let capacity = entry.uncompressedSize.int(atMost: limit) else {
            throw ZipError.tooLarge(entry: entry.name, bytes: entry.uncompressedSize.value)
        }
        var result: [UInt8] = []
        result.reserveCapacity(capacity)
        try read(entry) { result.append(contentsOf: $0) }
        return result
    }
}
