import Crypto
import DossierCore

/// Reads of another `RandomAccess`, remembered: which ranges were read, in the order they were read (adjacent
/// reads joined into one range), and a SHA-256 of what they held. A reader whose work depends on nothing but the
/// bytes it reads (FFmpeg sampling a video's frames) gives the same result whenever those ranges hold the same bytes,
/// so its result can be kept under this witness and trusted again once `confirms` finds the ranges unchanged, without
/// hashing the whole file (a video's frames are sampled from a few MB of its tens of MB).
public final class ReadWitness: RandomAccess {
    /// One range read: where it starts and how many bytes.
    public struct Range: Sendable, Equatable, Codable {
        public var offset: UInt64
        public var count: UInt64

        public init(offset: UInt64, count: UInt64) {
            self.offset = offset
            self.count = count
        }
    }

    public let file: any RandomAccess
    public private(set) var ranges: [Range] = []
    private var hasher = SHA256()

    public init(_ file: any RandomAccess) { self.file = file }

    public var size: UInt64 { file.size }
    public var bytesRead: UInt64 { file.bytesRead }

    public func read(at offset: UInt64, count: Int) -> [UInt8]? {
        guard let bytes = file.read(at: offset, count: count) else { return nil }
        if let last = ranges.last, last.offset.addingReportingOverflow(last.count) == (offset, false) {
            ranges[ranges.count - 1].count += UInt64(bytes.count)
        } else {
            if let last = ranges.last { Self.close(last, into: &hasher) }
            ranges.append(Range(offset: offset, count: UInt64(bytes.count)))
        }
        hasher.update(data: bytes)
        return bytes
    }

    /// The SHA-256 (hex) of the ranges read and their bytes; the witness reads nothing after it is taken.
    public func finish() -> String {
        var hasher = self.hasher
        if let last = ranges.last { Self.close(last, into: &hasher) }
        return hasher.finalize().hexDigits
    }

    /// Whether `file`'s `ranges` hold what they held when `digest` was taken (read again in `chunk`-byte pieces).
    public static func confirms(
        _ file: any RandomAccess, ranges: [Range], digest: String, chunk: Int = 1 << 20
    ) -> Bool {
        var hasher = SHA256()
        for range in ranges {
            guard case (let end, false) = range.offset.addingReportingOverflow(range.count), end <= file.size else {
                return false
            }
            var offset = range.offset
            while offset < end {
                let count = Int(min(UInt64(chunk), end - offset))
                guard let bytes = file.read(at: offset, count: count), bytes.count == count else { return false }
                hasher.update(data: bytes)
                offset += UInt64(count)
            }
            close(range, into: &hasher)
        }
        return hasher.finalize().hexDigits == digest
    }

    /// A range's place ends its bytes in the digest, so that the same bytes read from elsewhere differ.
    private static func close(_ range: Range, into hasher: inout SHA256) {
        var place = [UInt8]()
        place.reserveCapacity(16)
        for value in [range.offset, range.count] {
            for shift in stride(from: 0, to: 64, by: 8) { place.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
        hasher.update(data: place)
    }
}
