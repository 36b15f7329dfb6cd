import Foundation

/// A photo or video file name read as 姓名+序号 (SPEC §3), with what makes it non-canonical.
public struct MediaName: Sendable, Equatable {
    /// The name part, trimmed and NFC.
    public var namePart: String
    public var number: Int
    /// Why the name is not written the standard way (empty when it is).
    public var irregularities: [Irregularity]

    public enum Irregularity: String, Sendable, Equatable {
        case separator, fullWidthDigits, leadingZero, upperCaseExtension, longExtension
    }

    /// Trims spaces, including the ideographic space U+3000, and normalises to NFC.
    public static func normalise(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{3000}"]))
    }

    /// Reads `stem` (the name without extension) with the given separators; nil when no number ends it.
    public static func parse(stem: String, separators: [String]) -> MediaName? {
        var digits = ""
        var fullWidth = false
        var rest = Substring(normalise(stem))
        while let last = rest.last {
            if let value = last.wholeNumberValue, last.isASCII || ("０"..."９").contains(last) {
                if !last.isASCII { fullWidth = true }
                digits = String(value) + digits
                rest = rest.dropLast()
            } else {
                break
            }
        }
        guard !digits.isEmpty, let number = Int(digits.prefix(9)) else { return nil }
        var irregularities: [Irregularity] = []
        var namePart = String(rest)
        if let separator = separators.first(where: { !$0.isEmpty && namePart.hasSuffix($0) }) {
            namePart.removeLast(separator.count)
            irregularities.append(.separator)
        }
        if fullWidth { irregularities.append(.fullWidthDigits) }
        if digits.count > 1 && digits.hasPrefix("0") { irregularities.append(.leadingZero) }
        return MediaName(namePart: normalise(namePart), number: number, irregularities: irregularities)
    }

    /// True when `text` holds a Han character: it reads as a person's name.
    public static func containsHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x3134F).contains($0.value) }
    }
}
