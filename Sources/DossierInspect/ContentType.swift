/// What a file is by its first bytes, whatever its name says.
public enum ContentType: String, Sendable, Equatable, CaseIterable {
    case jpeg, png, gif, bmp, webp, heic, tiff, pdf, zip, ole2, mp4, mov, matroska, avi, flv, text, unknown

    /// Recognises the leading bytes of a file (at least 16 are needed for ISO BMFF brands).
    public static func sniff(_ prefix: [UInt8]) -> ContentType {
        func starts(_ signature: [UInt8], at offset: Int = 0) -> Bool {
            prefix.count >= offset + signature.count && Array(prefix[offset..<offset + signature.count]) == signature
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF8".utf8)) { return .gif }
        if starts(Array("BM".utf8)) && prefix.count >= 14 { return .bmp }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts(Array("RIFF".utf8)) && starts(Array("AVI ".utf8), at: 8) { return .avi }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts(Array("%PDF".utf8)) { return .pdf }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole2 }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .matroska }
        if starts(Array("FLV".utf8)) { return .flv }
        if starts(Array("ftyp".utf8), at: 4) {
            let brand = prefix.count >= 12 ? String(decoding: prefix[8..<12], as: UTF8.self) : ""
            if ["heic", "heix", "mif1", "msf1", "heim", "heis", "avif"].contains(brand) { return .heic }
            return brand == "qt  " ? .mov : .mp4
        }
        for atom in ["moov", "mdat", "wide", "free", "skip", "pnot"] where starts(Array(atom.utf8), at: 4) {
            return .mov
        }
        if !prefix.isEmpty && prefix.allSatisfy({ $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 >= 0x20 }) {
            return .text
        }
        return .unknown
    }
}
