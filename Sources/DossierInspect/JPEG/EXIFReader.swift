import CJPEGShim
import DossierCore

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
