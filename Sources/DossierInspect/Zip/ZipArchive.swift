import CZlibShim
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One entry of a zip's central directory.
public struct ZipEntry: Sendable, Equatable {
    /// The name as decoded: UTF-8 when flagged or valid, else GB18030 (Chinese Windows zip tools).
    public var name: String
    public var rawName: [UInt8]
    /// True when the name was decoded from GBK/GB18030.
    public var nameWasGBK: Bool
    public var method: UInt16
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: UInt64
    public var uncompressedSize: UInt64
    public var localHeaderOffset: UInt64
    /// Unix mode bits when the entry was made on Unix (0 otherwise).
    public var unixMode: UInt32

    public var isDirectory: Bool { name.hasSuffix("/") }
    public var isSymlink: Bool { unixMode & 0o170000 == 0o120000 }
}

/// Why a zip cannot be read.
public enum ZipError: Error, Equatable, CustomStringConvertible {
    case notAZip
    case truncated(String)
    case corrupt(String)
    case unsupportedMethod(UInt16)
    case encrypted
    case tooLarge(entry: String, bytes: UInt64)
    case ratio(entry: String, ratio: UInt64, bytes: UInt64)
    case crcMismatch(entry: String)

    public var description: String {
        switch self {
        case .notAZip: "not a zip file (no end-of-central-directory record)"
        case .truncated(let what): "cut short: \(what)"
        case .corrupt(let what): "damaged: \(what)"
        case .unsupportedMethod(let method): "compression method \(method) is not supported"
        case .encrypted: "encrypted entries cannot be read"
        case .tooLarge(let entry, let bytes): "\(entry) expands to \(bytes) bytes"
        case .ratio(let entry, let ratio, _): "\(entry) expands \(ratio) times its stored size"
        case .crcMismatch(let entry): "\(entry): CRC-32 does not match"
        }
    }
}

/// Limits on what reading a zip may cost.
public struct ZipLimits: Sendable, Equatable {
    public var maximumEntries: Int
    public var maximumEntryBytes: UInt64
    public var maximumTotalBytes: UInt64
    public var maximumRatio: UInt64

    public init(
        maximumEntries: Int = 100_000, maximumEntryBytes: UInt64 = 8 << 30, maximumTotalBytes: UInt64 = 64 << 30,
        maximumRatio: UInt64 = 200
    ) {
        self.maximumEntries = maximumEntries
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumRatio = maximumRatio
    }
}

/// A zip file opened for reading with positional reads: every offset and length from the file is checked
/// against the file's size before use, so a lying archive gives an error, never a trap or a huge allocation.
public final class ZipArchive: @unchecked Sendable {
    public let size: UInt64
    public private(set) var entries: [ZipEntry] = []
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
    func bytes(at offset: UInt64, count: Int, what: String) throws -> [UInt8] {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else { throw ZipError.truncated(what) }
        lock.lock()
        defer { lock.unlock() }
        guard let bytes = backend.read(at: offset, count: count) else { throw ZipError.truncated(what) }
        return bytes
    }

    private func readCentralDirectory(limits: ZipLimits) throws -> [ZipEntry] {
        guard size >= 22 else { throw ZipError.notAZip }
        let tailLength = Int(min(size, 65_557))
        let tail = try bytes(at: size - UInt64(tailLength), count: tailLength, what: "end of archive")
        guard let end = stride(from: tailLength - 22, through: 0, by: -1).first(where: { tail.u32($0) == 0x0605_4B50 })
        else {
            // It starts like a zip but its end is missing: the copy was cut short.
            let head = try bytes(at: 0, count: 4, what: "start of archive")
            if head.u32(0) == 0x0403_4B50 { throw ZipError.truncated("the end of the archive is missing") }
            throw ZipError.notAZip
        }
        var count = UInt64(tail.u16(end + 10))
        var directorySize = UInt64(tail.u32(end + 12))
        var directoryOffset = UInt64(tail.u32(end + 16))
        let endOffset = size - UInt64(tailLength) + UInt64(end)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, endOffset >= 20 {
            let locator = try bytes(at: endOffset - 20, count: 20, what: "ZIP64 locator")
            if locator.u32(0) == 0x0706_4B50 {
                let record = try bytes(at: locator.u64(8), count: 56, what: "ZIP64 end record")
                guard record.u32(0) == 0x0606_4B50 else { throw ZipError.corrupt("ZIP64 end record") }
                count = record.u64(32)
                directorySize = record.u64(40)
                directoryOffset = record.u64(48)
            }
        }
        guard count <= UInt64(limits.maximumEntries) else { throw ZipError.corrupt("\(count) entries") }
        guard directorySize <= size, directoryOffset <= size - directorySize else {
            throw ZipError.truncated("the central directory lies past the end of the file")
        }
        let directory = try bytes(at: directoryOffset, count: Int(directorySize), what: "central directory")
        var result: [ZipEntry] = []
        var position = 0
        var total: UInt64 = 0
        for _ in 0..<count {
            guard position + 46 <= directory.count, directory.u32(position) == 0x0201_4B50 else {
                throw ZipError.corrupt("central directory entry \(result.count + 1)")
            }
            let nameLength = Int(directory.u16(position + 28))
            let extraLength = Int(directory.u16(position + 30))
            let commentLength = Int(directory.u16(position + 32))
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw ZipError.corrupt("central directory entry \(result.count + 1)") }
            let flags = directory.u16(position + 8)
            let rawName = Array(directory[(position + 46)..<(position + 46 + nameLength)])
            var entry = ZipEntry(
                name: "", rawName: rawName, nameWasGBK: false, method: directory.u16(position + 10), flags: flags,
                crc32: directory.u32(position + 16), compressedSize: UInt64(directory.u32(position + 20)),
                uncompressedSize: UInt64(directory.u32(position + 24)),
                localHeaderOffset: UInt64(directory.u32(position + 42)),
                unixMode: directory.u16(position + 4) >> 8 == 3 ? directory.u32(position + 38) >> 16 : 0)
            (entry.name, entry.nameWasGBK) = Self.decodeName(rawName, utf8Flag: flags & 0x0800 != 0)
            try Self.applyZIP64(
                &entry,
                extra: Array(directory[(position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)]))
            if entry.uncompressedSize > limits.maximumEntryBytes {
                throw ZipError.tooLarge(entry: entry.name, bytes: entry.uncompressedSize)
            }
            if entry.method != 0, entry.uncompressedSize > 1 << 20,
                entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maximumRatio
            {
                throw ZipError.ratio(
                    entry: entry.name, ratio: entry.uncompressedSize / max(entry.compressedSize, 1),
                    bytes: entry.uncompressedSize)
            }
            total += entry.uncompressedSize
            if total > limits.maximumTotalBytes { throw ZipError.tooLarge(entry: entry.name, bytes: total) }
            result.append(entry)
            position = next
        }
        return result
    }

    private static func applyZIP64(_ entry: inout ZipEntry, extra: [UInt8]) throws {
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.u16(position), length = Int(extra.u16(position + 2))
            guard position + 4 + length <= extra.count else { return }
            if id == 0x0001 {
                var field = position + 4
                func take() -> UInt64? {
                    guard field + 8 <= position + 4 + length else { return nil }
                    defer { field += 8 }
                    return extra.u64(field)
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = take() ?? entry.uncompressedSize }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = take() ?? entry.compressedSize }
                if entry.localHeaderOffset == 0xFFFF_FFFF {
                    entry.localHeaderOffset = take() ?? entry.localHeaderOffset
                }
            }
            position += 4 + length
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

    /// Where the entry's data starts (after its local header), checked against the file.
    func dataOffset(_ entry: ZipEntry) throws -> UInt64 {
        let header = try bytes(at: entry.localHeaderOffset, count: 30, what: "local header of \(entry.name)")
        guard header.u32(0) == 0x0403_4B50 else { throw ZipError.corrupt("local header of \(entry.name)") }
        let start = entry.localHeaderOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
        guard start <= size, entry.compressedSize <= size - start else {
            throw ZipError.truncated("\(entry.name) ends past the end of the file")
        }
        return start
    }

    /// Streams the entry's uncompressed content to `consume` in chunks, checking its CRC-32 and its declared size.
    public func read(_ entry: ZipEntry, chunk: Int = 1 << 20, _ consume: ([UInt8]) throws -> Void) throws {
        if entry.flags & 0x0001 != 0 { throw ZipError.encrypted }
        var offset = try dataOffset(entry)
        var remaining = entry.compressedSize
        var crc: UInt32 = 0
        var produced: UInt64 = 0
        func deliver(_ bytes: [UInt8]) throws {
            produced += UInt64(bytes.count)
            if produced > entry.uncompressedSize { throw ZipError.tooLarge(entry: entry.name, bytes: produced) }
            crc = bytes.withUnsafeBytes { CZlibShim_crc32(crc, $0.baseAddress, $0.count) }
            try consume(bytes)
        }
        switch entry.method {
        case 0:
            while remaining > 0 {
                let count = Int(min(UInt64(chunk), remaining))
                try deliver(try bytes(at: offset, count: count, what: entry.name))
                offset += UInt64(count)
                remaining -= UInt64(count)
            }
        case 8:
            let inflater = try Inflater()
            while remaining > 0 {
                let count = Int(min(UInt64(chunk), remaining))
                let input = try bytes(at: offset, count: count, what: entry.name)
                offset += UInt64(count)
                remaining -= UInt64(count)
                try inflater.inflate(input, finish: remaining == 0, entry: entry.name, deliver)
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
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw ZipError.tooLarge(entry: entry.name, bytes: entry.uncompressedSize)
        }
        var result: [UInt8] = []
        result.reserveCapacity(Int(entry.uncompressedSize))
        try read(entry) { result.append(contentsOf: $0) }
        return result
    }
}

/// Raw-deflate decompression with zlib; the z_stream stays at one address while in use.
final class Inflater {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private(set) var finished = false

    init() throws {
        stream.initialize(to: z_stream())
        guard CZlibShim_inflateInit2(stream, -15) == Z_OK else {
            stream.deallocate()
            throw ZipError.corrupt("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func inflate(_ input: [UInt8], finish: Bool, entry: String, _ deliver: ([UInt8]) throws -> Void) throws {
        var output = [UInt8](repeating: 0, count: 1 << 18)
        try input.withUnsafeBufferPointer { inputBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.pointee.avail_in = uInt(inputBuffer.count)
            repeat {
                let status = output.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = uInt(outputBuffer.count)
                    return CZlibShim_inflate(stream)
                }
                let made = output.count - Int(stream.pointee.avail_out)
                if made > 0 { try deliver(Array(output.prefix(made))) }
                if status == Z_STREAM_END {
                    finished = true
                    return
                }
                guard status == Z_OK || status == Z_BUF_ERROR else {
                    throw ZipError.corrupt("\(entry): bad compressed data")
                }
                if status == Z_BUF_ERROR && stream.pointee.avail_in == 0 { return }
            } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
        }
        stream.pointee.next_in = nil
    }
}

extension [UInt8] {
    /// Little-endian reads; callers check bounds first.
    func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
    func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
}
