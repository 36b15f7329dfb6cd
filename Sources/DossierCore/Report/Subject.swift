/// What was checked: a folder, a zip of one, or a sealed zip.
public struct Subject: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case folder, zip, sealed
    }
    public var path: String
    public var kind: Kind
    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}
