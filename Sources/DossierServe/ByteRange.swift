import Foundation

/// A request's `Range` header (RFC 9110 §14), as far as the file route answers it: one range of bytes, `bytes=a-b`,
/// `bytes=a-` or `bytes=-n`. Browsers ask so when a video is played or sought. Several ranges, another unit or a
/// header that does not parse are answered with the whole file, as the RFC allows; a range that starts past the
/// end is unsatisfiable (416).
enum ByteRange: Equatable {
    /// The whole file (no header, or one the route does not answer with a part).
    case whole
    /// `count` bytes from `offset`; both within the file.
    case part(offset: UInt64, count: UInt64)
    /// No byte of the file is in the range asked for.
    case unsatisfiable

    /// The range `header` asks for in a file of `size` bytes.
    static func parse(_ header: String?, size: UInt64) -> ByteRange {
        guard let header else { return .whole }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = text.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), first.count + last.count > 0 else {
            return .whole
        }
        if first.isEmpty {
            // The last n bytes; more than the file has is the whole file (but still a 206 answer).
            let wanted = number(last)
            guard wanted > 0, size > 0 else { return .unsatisfiable }
            let count = min(wanted, size)
            return .part(offset: size - count, count: count)
        }
        let start = number(first)
        guard start < size else { return .unsatisfiable }
        // The end is inclusive; past the end of the file is the end of the file.
        let end = last.isEmpty ? size - 1 : min(number(last), size - 1)
        guard end >= start else { return .whole }
        return .part(offset: start, count: end - start + 1)
    }

    /// A run of ASCII digits as a number; one too large for 64 bits is the largest.
    private static func number(_ digits: String) -> UInt64 {
        UInt64(digits) ?? (digits.isEmpty ? 0 : .max)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
