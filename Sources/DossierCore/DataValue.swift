import Foundation

/// A measured value attached to a finding (`data` in SPEC §6): bytes, seconds, a width, a name.
public enum DataValue: Codable, Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String].self) {
            self = .list(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        }
    }

    /// The value as a person reads it in a message.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): value.formatted2
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        case .list(let value): value.joined(separator: ", ")
        }
    }
}

extension Double {
    /// Two decimals at most, no trailing zeros: 2.5, 1.84, 3. A whole number beyond `Int` (a rate computed from
    /// absurd numbers in a file) is written out, not trapped on.
    public var formatted2: String {
        let rounded = (self * 100).rounded() / 100
        if rounded == rounded.rounded(), let whole = Int(exactly: rounded) { return String(whole) }
        guard rounded.isFinite else { return String(rounded) }
        if rounded == rounded.rounded() { return String(format: "%.0f", rounded) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

extension Int {
    /// Digits in groups of three, as byte counts are written in messages: 2,097,151.
    public var groupedDigits: String {
        let digits = String(magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return (self < 0 ? "-" : "") + text
    }
}
