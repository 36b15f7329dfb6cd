import Foundation

/// Byte surgery on a real MP4/MOV made by ffmpeg, for hostile-file tests: finds a box by its path and overwrites
/// numbers inside it in place, so that every other byte stays what the producer wrote.
public struct MP4Surgery {
    /// Where a box lies in the file.
    public struct Location: Sendable {
        /// Offset of the box's size field.
        public var start: Int
        /// Offset of the first byte after the header.
        public var payload: Int
        /// Offset of the first byte after the box.
        public var end: Int
    }

    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The committed fixture `name` under Tests/Fixtures/video.
    public init(fixture name: String) throws {
        bytes = Array(try Data(contentsOf: Repository.videoFixtures.appendingPathComponent(name)))
    }

    /// The data, to write or to read from memory.
    public var data: Data { Data(bytes) }

    private static let containers: Set<String> = [
        "moov", "trak", "mdia", "minf", "stbl", "edts", "mvex", "moof", "traf", "dinf", "udta",
    ]

    /// The first box at `path` (e.g. `["moov", "trak", "tkhd"]`); `track` picks the `trak` whose `hdlr` names that
    /// handler (`vide`, `soun`).
    public func box(_ path: [String], track: String? = nil) -> Location? {
        find(path[...], in: 0..<bytes.count, track: track)
    }

    private func find(_ path: ArraySlice<String>, in range: Range<Int>, track: String?) -> Location? {
        guard let wanted = path.first else { return nil }
        for child in children(in: range) where type(at: child.start + 4) == wanted {
            if wanted == "trak", let track, handler(of: child) != track { continue }
            if path.count == 1 { return child }
            if let found = find(path.dropFirst(), in: child.payload..<child.end, track: track) { return found }
        }
        return nil
    }

    private func handler(of trak: Location) -> String? {
        guard let hdlr = find(["mdia", "hdlr"], in: trak.payload..<trak.end, track: nil) else { return nil }
        return type(at: hdlr.payload + 8)
    }

    private func children(in range: Range<Int>) -> [Location] {
        var result: [Location] = []
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound {
            var size = Int(number(at: offset, width: 4))
            var header = 8
            if size == 1 {
                size = Int(number(at: offset + 8, width: 8))
                header = 16
            } else if size == 0 {
                size = range.upperBound - offset
            }
            guard size >= header, offset + size <= range.upperBound else { break }
            result.append(Location(start: offset, payload: offset + header, end: offset + size))
            offset += size
        }
        return result
    }

    private func type(at offset: Int) -> String { String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self) }

    /// The big-endian number of `width` bytes at `offset`.
    public func number(at offset: Int, width: Int) -> UInt64 {
        bytes[offset..<(offset + width)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Overwrites `width` bytes at `offset` with `value`, big-endian.
    public mutating func set(_ value: UInt64, at offset: Int, width: Int) {
        for index in 0..<width {
            bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(width - 1 - index)))
        }
    }

    /// Overwrites the number `offset` bytes into the payload of the box at `path` (the payload starts with the
    /// version and flags of a full box).
    public mutating func set(_ value: UInt64, in path: [String], track: String? = "vide", at offset: Int, width: Int)
        throws
    {
        guard let location = box(path, track: track), location.payload + offset + width <= location.end else {
            throw CocoaError(.fileReadCorruptFile)
        }
        set(value, at: location.payload + offset, width: width)
    }

    /// Sets the first two rows of the video track's matrix: (a, b) and (c, d) in 16.16 fixed point.
    public mutating func setMatrix(a: Int32, b: Int32, c: Int32, d: Int32) throws {
        guard let tkhd = box(["moov", "trak", "tkhd"], track: "vide") else { throw CocoaError(.fileReadCorruptFile) }
        let matrix = tkhd.payload + (bytes[tkhd.payload] == 1 ? 52 : 40)
        for (index, value) in [a, b, 0, c, d].enumerated() {
            set(UInt64(UInt32(bitPattern: value)), at: matrix + index * 4, width: 4)
        }
    }

    /// Sets the width and height the video's sample description (and its track header) give, leaving the
    /// codec's own parameter sets alone.
    public mutating func setStoredSize(width: Int, height: Int) throws {
        guard let stsd = box(["moov", "trak", "mdia", "minf", "stbl", "stsd"], track: "vide"),
            let tkhd = box(["moov", "trak", "tkhd"], track: "vide")
        else { throw CocoaError(.fileReadCorruptFile) }
        set(UInt64(width), at: stsd.payload + 40, width: 2)
        set(UInt64(height), at: stsd.payload + 42, width: 2)
        let size = tkhd.payload + (bytes[tkhd.payload] == 1 ? 52 : 40) + 36
        set(UInt64(width) << 16, at: size, width: 4)
        set(UInt64(height) << 16, at: size + 4, width: 4)
    }
}

extension Repository {
    /// The ffmpeg-made clips the video tests start from.
    public static let videoFixtures = root.appendingPathComponent("Tests/Fixtures/video")
}
