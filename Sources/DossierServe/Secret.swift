import Foundation

/// The secret made at each start: the printed address carries it once, a cookie after that. Without it no page
/// answers, so another user of the machine, or a web page in the browser, cannot use the server.
public struct ServerSecret: Sendable, Equatable {
    public let value: String

    /// 32 random bytes as 64 hex digits.
    public init() {
        var generator = SystemRandomNumberGenerator()
        value = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public init(value: String) { self.value = value }

    /// Whether `candidate` is the secret, compared in time that does not depend on where they differ.
    public func matches(_ candidate: Substring?) -> Bool {
        guard let candidate else { return false }
        let given = Array(candidate.utf8)
        let own = Array(value.utf8)
        guard given.count == own.count else { return false }
        var difference: UInt8 = 0
        for index in own.indices { difference |= own[index] ^ given[index] }
        return difference == 0
    }

    public func matches(_ candidate: String?) -> Bool { matches(candidate.map { Substring($0) }) }
}
