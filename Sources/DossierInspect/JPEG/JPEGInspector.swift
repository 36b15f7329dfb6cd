import CJPEGShim
import DossierCore
import Foundation

/// Limits on what one JPEG may cost to inspect. The rule set provides the values.
public struct JPEGLimits: Sendable, Equatable {
    /// Width × height above which the image is not decoded (the header can claim 65,500 × 65,500).
    public var maximumPixels: Int
    /// Progressive scans above which decoding stops (a known way to make decoders spin).
    public var maximumScans: Int
    /// Decode at 1/`scaleDenominator`: every scan's entropy data is still decoded, so truncation and
    /// corrupt data are still found (TECH-NOTES), at a fraction of the cost.
    public var scaleDenominator: Int
    /// |Cb−128| + |Cr−128| above which a pixel counts as coloured.
    public var chromaThreshold: Int

    public init(
        maximumPixels: Int = 100_000_000, maximumScans: Int = 500, scaleDenominator: Int = 8,
        chromaThreshold: Int = 8
    ) {
        self.maximumPixels = maximumPixels
        self.maximumScans = maximumScans
        self.scaleDenominator = scaleDenominator
        self.chromaThreshold = chromaThreshold
    }
}

/// What inspecting one JPEG found.
public struct JPEGInspection: Sendable, Equatable {
    /// The facts, when the header could be read.
    public var facts: JPEGFacts?
    /// The header claims more pixels than the limit: nothing was decoded.
    public var tooLarge: Bool
    /// libjpeg's first error or corrupt-data warning, when there was one.
    public var problem: String?
    /// Fraction of pixels with visible colour, when measured (YCbCr images only).
    public var chromaFraction: Double?
    /// A small upright JPEG of the image, when asked for and the image decodes.
    public var thumbnail: [UInt8]?
}

/// Kept in the cache of measured facts (`ContentCache`); the thumbnail as bytes (base64 in JSON), not numbers.
extension JPEGInspection: Codable {
    enum CodingKeys: String, CodingKey {
        case facts, tooLarge, problem, chromaFraction, thumbnail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        facts = try container.decodeIfPresent(JPEGFacts.self, forKey: .facts)
        tooLarge = try container.decode(Bool.self, forKey: .tooLarge)
        problem = try container.decodeIfPresent(String.self, forKey: .problem)
        chromaFraction = try container.decodeIfPresent(Double.self, forKey: .chromaFraction)
        thumbnail = try container.decodeIfPresent(Data.self, forKey: .thumbnail).map { [UInt8]($0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(facts, forKey: .facts)
        try container.encode(tooLarge, forKey: .tooLarge)
        try container.encodeIfPresent(problem, forKey: .problem)
        try container.encodeIfPresent(chromaFraction, forKey: .chromaFraction)
        try container.encodeIfPresent(thumbnail.map { Data($0) }, forKey: .thumbnail)
    }
}

/// Measures JPEGs with libjpeg-turbo (through `CJPEGShim`) and reads EXIF orientation itself.
public enum JPEGInspector {
    /// Inspects a JPEG held in memory; `decode` false reads the header only. With `thumbnailQuality`, the
    /// reduced-scale decode also gives a small upright JPEG for contact sheets, at no second decode.
    public static func inspect(
        _ bytes: [UInt8], decode: Bool = true, limits: JPEGLimits = JPEGLimits(), thumbnailQuality: Int? = nil
    ) -> JPEGInspection {
        var raw = CJPEGShim_Facts()
        var small = CJPEGShim_Thumbnail()
        // The tag as stored (0, 9 or 65535 reach the report as they are, for PHOTO-CORRUPT); pixels are turned
        // only for a valid one.
        let taggedOrientation = EXIFReader.orientation(in: bytes) ?? 1
        let orientation = (1...8).contains(taggedOrientation) ? taggedOrientation : 1
        bytes.withUnsafeBufferPointer { buffer in
            if decode, let quality = thumbnailQuality {
                CJPEGShim_inspect_with_thumbnail(
                    buffer.baseAddress, buffer.count, Int32(limits.scaleDenominator),
                    UInt64(max(0, limits.maximumPixels)),
                    Int32(limits.maximumScans), Int32(limits.chromaThreshold), Int32(orientation), Int32(quality), &raw,
                    &small)
            } else {
                CJPEGShim_inspect(
                    buffer.baseAddress, buffer.count, decode ? 1 : 0, Int32(limits.scaleDenominator),
                    UInt64(max(0, limits.maximumPixels)), Int32(limits.maximumScans), Int32(limits.chromaThreshold),
                    &raw)
            }
        }
        var thumbnail: [UInt8]?
        if let pointer = small.bytes {
            thumbnail = Array(UnsafeBufferPointer(start: pointer, count: Int(small.size)))
            CJPEGShim_free(pointer)
        }
        let message = withUnsafeBytes(of: raw.message) { buffer in
            String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
        }
        var inspection = JPEGInspection(
            facts: nil, tooLarge: raw.too_large != 0,
            problem: raw.message_code != 0 ? message : nil,
            chromaFraction: raw.chroma_fraction >= 0 ? raw.chroma_fraction : nil, thumbnail: thumbnail)
        guard raw.header_read != 0 else {
            if inspection.problem == nil { inspection.problem = "no JPEG header" }
            return inspection
        }
        inspection.facts = JPEGFacts(
            width: Int(raw.width), height: Int(raw.height), components: Int(raw.components),
            colorSpace: colorSpaceName(Int(raw.color_space)), progressive: raw.progressive != 0,
            orientation: taggedOrientation,
            trailingBytes: raw.trailing_bytes > 0 ? Int(raw.trailing_bytes) : 0,
            decodes: raw.decodes != 0)
        return inspection
    }

    static func colorSpaceName(_ value: Int) -> String {
        switch value {
        case 1: "Grayscale"
        case 2: "RGB"
        case 3: "YCbCr"
        case 4: "CMYK"
        case 5: "YCCK"
        default: "Unknown"
        }
    }
}

/// Reads the EXIF orientation tag from a JPEG's APP1 segment. Every offset and length comes from the file, so every
/// one is a `FileNumber` and every read is bounds-checked: a short or lying segment gives nil, never a trap.
public enum EXIFReader {
    /// The orientation tag of the first EXIF APP1 segment before the image data, as stored (valid ones are 1–8),
    /// or nil when there is none.
    public static func orientation(in bytes: [UInt8]) -> Int? {
        func number(_ at: FileNumber, _ width: Int) -> FileNumber? {
            at.int.flatMap { bytes.bigEndian(at: $0, width: width) }
        }
        guard number(.zero, 2)?.value == 0xFFD8 else { return nil }
        var offset = FileNumber(UInt64(2))
        // At most a few hundred markers precede the image data in any real file.
        for _ in 0..<512 {
            guard number(offset, 1)?.value == 0xFF, let marker = offset.adding(1).flatMap({ number($0, 1) })?.value
            else { return nil }
            if marker == 0xFF {
                guard let next = offset.adding(1) else { return nil }
                offset = next
                continue
            }
            if marker == 0xDA || marker == 0xD9 { return nil }
            // The length counts itself (2 bytes) and the segment's content, which follows it.
            guard let length = offset.adding(2).flatMap({ number($0, 2) }), length.value >= 2,
                let start = offset.adding(4), let end = offset.adding(2).flatMap({ $0.adding(length) }),
                end.value <= UInt64(bytes.count), let from = start.int, let to = end.int
            else { return nil }
            if marker == 0xE1, let value = orientation(inEXIF: Array(bytes[from..<to])) { return value }
            offset = end
        }
        return nil
    }

    static func orientation(inEXIF segment: [UInt8]) -> Int? {
        guard segment.count >= 14, Array(segment.prefix(6)) == Array("Exif\0\0".utf8) else { return nil }
        let tiff = Array(segment.dropFirst(6))
        let little: Bool
        switch tiff.bigEndian(at: 0, width: 2)?.value {
        case 0x4949: little = true
        case 0x4D4D: little = false
        default: return nil
        }
        func number(_ at: FileNumber, _ width: Int) -> FileNumber? {
            guard let index = at.int else { return nil }
            return little ? tiff.littleEndian(at: index, width: width) : tiff.bigEndian(at: index, width: width)
        }
        // The first IFD: a count of 12-byte entries (TIFF 6.0 §2), each a tag, a type, a count and a value.
        guard let ifd = number(FileNumber(UInt64(4)), 4), let count = number(ifd, 2) else { return nil }
        for index in 0..<min(count.int ?? 0, 1024) {
            guard
                let entry = FileNumber(exactly: index)?.multiplied(by: 12).flatMap({ $0.adding(2) }).flatMap(
                    ifd.adding),
                let tag = number(entry, 2)
            else { return nil }
            if tag.value == 0x0112 {
                return entry.adding(8).flatMap({ number($0, 2) })?.int
            }
        }
        return nil
    }
}
