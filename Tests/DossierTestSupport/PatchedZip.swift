import Foundation

/// Zips made by a real producer (Python's `zipfile`), then patched byte by byte into the damage under test: a
/// local header past the end, sizes no file can hold, ZIP64 values near 2^64.
public struct PatchedZip {
    /// One central-directory record, where it lies and what it says.
    public struct Record {
        public var name: [UInt8]
        /// Offset of the record in the file.
        public var offset: Int
        public var extraLength: Int
        public var commentLength: Int
        public var localHeaderOffset: Int
        public var nameString: String { String(decoding: name, as: UTF8.self) }
    }

    public var bytes: [UInt8]

    public init(contentsOf path: String) throws {
        bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Zips `folder` as Python's `zipfile` does (the folder's name on top, entries sorted, deflated unless
    /// `stored`); `extra` adds entries as (name in the zip, file to store), duplicates included.
    @discardableResult
    public static func python(
        zipping folder: URL, to path: String, stored: Bool = false, extra: [(String, String)] = []
    ) throws -> PatchedZip {
        let script = """
            import json, os, sys, warnings, zipfile
            folder, target, method, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), json.loads(sys.argv[4])
            warnings.simplefilter("ignore")  # duplicate names are the point of some tests
            parent = os.path.dirname(folder)
            with zipfile.ZipFile(target, "w", method) as archive:
                for root, folders, files in os.walk(folder):
                    folders.sort()
                    for name in sorted(files):
                        path = os.path.join(root, name)
                        archive.write(path, os.path.relpath(path, parent))
                for name, source in extra:
                    archive.write(source, name)
            """
        let extraJSON = String(
            decoding: try JSONSerialization.data(withJSONObject: extra.map { [$0.0, $0.1] }), as: UTF8.self)
        let result = try CommandRunner.run(
            "/usr/bin/env", ["python3", "-c", script, folder.path, path, stored ? "0" : "8", extraJSON])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["python": result.stderr]) }
        return try PatchedZip(contentsOf: path)
    }

    public func write(to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The end-of-central-directory record's offset.
    private var endOffset: Int {
        var position = bytes.count - 22
        while position >= 0 {
            if Array(bytes[position..<(position + 4)]) == [0x50, 0x4B, 0x05, 0x06] { return position }
            position -= 1
        }
        return -1
    }

    /// The central directory's records, in order.
    public var records: [Record] {
        let end = endOffset
        guard end >= 0 else { return [] }
        var position = Int(u32(end + 16))
        var result: [Record] = []
        for _ in 0..<Int(u16(end + 10)) {
            let nameLength = Int(u16(position + 28))
            let extraLength = Int(u16(position + 30))
            let commentLength = Int(u16(position + 32))
            result.append(
                Record(
                    name: Array(bytes[(position + 46)..<(position + 46 + nameLength)]), offset: position,
                    extraLength: extraLength, commentLength: commentLength,
                    localHeaderOffset: Int(u32(position + 42))))
            position += 46 + nameLength + extraLength + commentLength
        }
        return result
    }

    /// The record whose name ends with `suffix`.
    public func record(endingWith suffix: String) throws -> Record {
        guard let found = records.first(where: { $0.nameString.hasSuffix(suffix) }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return found
    }

    public func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    public func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }

    public mutating func set16(_ at: Int, _ value: UInt16) {
        bytes[at] = UInt8(value & 0xFF)
        bytes[at + 1] = UInt8(value >> 8)
    }

    public mutating func set32(_ at: Int, _ value: UInt32) {
        set16(at, UInt16(value & 0xFFFF))
        set16(at + 2, UInt16(value >> 16))
    }

    /// Points the entry's central record at a local header `beyond` bytes past the end of the file.
    public mutating func moveLocalHeaderPastTheEnd(of suffix: String, beyond: Int = 1000) throws {
        let record = try record(endingWith: suffix)
        set32(record.offset + 42, UInt32(bytes.count + beyond))
    }

    /// Declares both sizes of the entry as `size`, in its central record and its local header alike.
    public mutating func declareSizes(of suffix: String, _ size: UInt32) throws {
        let record = try record(endingWith: suffix)
        set32(record.offset + 20, size)
        set32(record.offset + 24, size)
        set32(record.localHeaderOffset + 18, size)
        set32(record.localHeaderOffset + 22, size)
    }

    /// Gives the entry a ZIP64 extra field in its central record holding (uncompressed, compressed, offset), the
    /// 32-bit fields set to 0xFFFFFFFF; nil keeps the real value. The central directory grows by the field.
    public mutating func makeZIP64(
        _ suffix: String, uncompressed: UInt64? = nil, compressed: UInt64? = nil, offset: UInt64? = nil
    ) throws {
        let record = try record(endingWith: suffix)
        let end = endOffset
        var field: [UInt8] = []
        func append64(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { field.append(UInt8(value >> UInt64(shift) & 0xFF)) }
        }
        append64(uncompressed ?? UInt64(u32(record.offset + 24)))
        append64(compressed ?? UInt64(u32(record.offset + 20)))
        append64(offset ?? UInt64(record.localHeaderOffset))
        set32(record.offset + 20, 0xFFFF_FFFF)
        set32(record.offset + 24, 0xFFFF_FFFF)
        set32(record.offset + 42, 0xFFFF_FFFF)
        set16(record.offset + 30, UInt16(record.extraLength + 4 + field.count))
        let insertAt = record.offset + 46 + record.name.count + record.extraLength
        bytes.insert(contentsOf: [0x01, 0x00, UInt8(field.count), 0x00] + field, at: insertAt)
        // The end record moved by the inserted bytes; the directory it describes grew by as many.
        let movedEnd = end + 4 + field.count
        set32(movedEnd + 12, u32(movedEnd + 12) + UInt32(4 + field.count))
    }

    /// Flips one bit of the entry's stored data, `into` bytes after its start.
    public mutating func flipDataByte(of suffix: String, into: Int) throws {
        let record = try record(endingWith: suffix)
        let header = record.localHeaderOffset
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        bytes[start + into] ^= 0x01
    }
}
