/// A size, offset or count read from an untrusted file.
///
/// It deliberately has no `+`, `-`, `*` or `/` operators: a sum, product or conversion of a value read from a file
/// goes through a method that returns nil on overflow, so an unchecked `offset + size` on file data does not
/// compile. Parsers read such values through `[UInt8].number(...)` (or wrap them at once) and turn a nil into a
/// finding that names the part, never a trap.
public struct FileNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The raw value; read it only to compare or to report, never to do arithmetic with.
    public let value: UInt64

    public init(_ value: UInt64) { self.value = value }
    public init(_ value: UInt32) { self.value = UInt64(value) }
    public init(_ value: UInt16) { self.value = UInt64(value) }
    /// A non-negative `Int` (a count or length the parser itself computed); nil for a negative one.
    public init?(exactly value: Int) {
        guard let converted = UInt64(exactly: value) else { return nil }
        self.value = converted
    }

    public static let zero = FileNumber(UInt64(0))

    public var description: String { String(value) }

    public static func < (lhs: FileNumber, rhs: FileNumber) -> Bool { lhs.value < rhs.value }

    /// `self + other`, or nil when it does not fit in 64 bits.
    public func adding(_ other: FileNumber) -> FileNumber? {
        let (sum, overflow) = value.addingReportingOverflow(other.value)
        return overflow ? nil : FileNumber(sum)
    }

    /// `self + other` for a length the parser knows (a header size); nil on overflow or a negative `other`.
    public func adding(_ other: Int) -> FileNumber? { FileNumber(exactly: other).flatMap(adding) }

    /// `self - other`, or nil when `other` is larger.
    public func subtracting(_ other: FileNumber) -> FileNumber? {
        let (difference, overflow) = value.subtractingReportingOverflow(other.value)
        return overflow ? nil : FileNumber(difference)
    }

    /// `self × other`, or nil when it does not fit in 64 bits.
    public func multiplied(by other: FileNumber) -> FileNumber? {
        let (product, overflow) = value.multipliedReportingOverflow(by: other.value)
        return overflow ? nil : FileNumber(product)
    }

    /// `self × other` for a width the parser knows (bytes per entry); nil on overflow or a negative `other`.
    public func multiplied(by other: Int) -> FileNumber? { FileNumber(exactly: other).flatMap(multiplied(by:)) }

    /// The value as an `Int` (an index, an allocation size), or nil when it does not fit.
    public var int: Int? { Int(exactly: value) }

    /// The value as an `Int` when it is at most `limit`; nil otherwise. For counts that size a loop or an array.
    public func int(atMost limit: Int) -> Int? {
        guard let converted = Int(exactly: value), converted <= limit else { return nil }
        return converted
    }

    /// The value as a `Double`, for measurements (seconds, rates) that are judged, not indexed.
    public var double: Double { Double(value) }
}

extension Array where Element == UInt8 {
    /// A big-endian number of `width` bytes (1–8) at `offset`, or nil when the bytes are not all there.
    public func bigEndian(at offset: Int, width: Int) -> FileNumber? {
        guard width > 0, width <= 8, offset >= 0, offset <= count, width <= count - offset else { return nil }
        var value: UInt64 = 0
        for index in offset..<(offset + width) { value = value << 8 | UInt64(self[index]) }
        return FileNumber(value)
    }

    /// A little-endian number of `width` bytes (1–8) at `offset`, or nil when the bytes are not all there.
    public func littleEndian(at offset: Int, width: Int) -> FileNumber? {
        guard width > 0, width <= 8, offset >= 0, offset <= count, width <= count - offset else { return nil }
        var value: UInt64 = 0
        for index in stride(from: offset + width - 1, through: offset, by: -1) {
            value = value << 8 | UInt64(self[index])
        }
        return FileNumber(value)
    }
}
