import Crypto
import Foundation

/// The seal's fingerprint: SHA-256 of `tagmanifest-sha256.txt`, shown as 20 upper-case hex digits in groups of
/// four (SPEC §7). A detached signature over the same tag manifest can be added later without changing the bag.
public struct Fingerprint: Equatable, Sendable, CustomStringConvertible {
    /// The full SHA-256, lower-case hex.
    public let sha256: String

    public init(tagManifest: [UInt8]) {
        sha256 = SHA256.hash(data: tagManifest).hexDigits
    }

    /// `7F3A-C2D1-88B0-7E41-9C2B`.
    public var description: String {
        let digits = Array(sha256.prefix(20).uppercased())
        return stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }
            .joined(separator: "-")
    }

    /// Whether `text` (as written on paper: with or without dashes or spaces, any case) names this fingerprint.
    public func matches(_ text: String) -> Bool {
        let given = text.uppercased().filter { !"- ".contains($0) }
        return given.count >= 20 && given.allSatisfy(\.isHexDigit) && sha256.uppercased().hasPrefix(given)
    }
}

/// Hex SHA-256 of bytes.
public func sha256Hex(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).hexDigits }
