import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Real JPEGs (Pillow's, Tests/Fixtures/jpeg) with one byte-level change.
public enum JPEGFixture {
    /// `jpeg` with its EXIF orientation tag's value replaced by `value` (any 16-bit number, valid or not).
    public static func withOrientation(_ value: UInt16, from jpeg: Data) throws -> Data {
        var bytes = [UInt8](jpeg)
        guard let exif = bytes.firstRange(of: Array("Exif\0\0".utf8)) else { throw CocoaError(.fileReadCorruptFile) }
        let tiff = exif.upperBound
        let little = bytes[tiff] == 0x49
        let tag: [UInt8] = little ? [0x12, 0x01, 0x03, 0x00] : [0x01, 0x12, 0x00, 0x03]
        guard let entry = bytes[tiff...].firstRange(of: tag) else { throw CocoaError(.fileReadCorruptFile) }
        let at = entry.lowerBound + 8
        bytes[at] = UInt8(little ? value & 0xFF : value >> 8)
        bytes[at + 1] = UInt8(little ? value >> 8 : value & 0xFF)
        return Data(bytes)
    }

    /// `jpeg` grown to exactly `size` bytes by comment (COM) segments after its start marker: the image and its
    /// end are untouched, so every byte counts as the photo's own.
    public static func withComments(toSize size: Int, from jpeg: Data) throws -> Data {
        var bytes = [UInt8](jpeg)
        guard bytes.starts(with: [0xFF, 0xD8]), size >= bytes.count else { throw CocoaError(.fileReadCorruptFile) }
        var segments: [UInt8] = []
        var missing = size - bytes.count
        while missing > 0 {
            // A segment is 4 bytes of marker and length, then up to 65,533 bytes; never leave fewer than 4 over.
            var payload = min(missing - 4, 65_533)
            if (1..<4).contains(missing - (payload + 4)) { payload -= 4 }
            guard payload >= 0 else { throw CocoaError(.fileReadCorruptFile) }
            let length = payload + 2
            segments +=
                [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + [UInt8](repeating: 0x20, count: payload)
            missing -= payload + 4
        }
        bytes.insert(contentsOf: segments, at: 2)
        return Data(bytes)
    }
}

extension JPEGFixture {
    /// `jpeg` with a comment segment (COM) right after its start marker: the same picture, other bytes.
    public static func withComment(_ text: String, from jpeg: Data) -> Data {
        let comment = Array(text.utf8)
        let length = comment.count + 2
        var bytes = [UInt8](jpeg)
        bytes.insert(contentsOf: [0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)] + comment, at: 2)
        return Data(bytes)
    }
}
