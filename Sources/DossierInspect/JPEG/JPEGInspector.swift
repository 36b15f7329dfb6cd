import CJPEGShim
import DossierCore
import Foundation

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
