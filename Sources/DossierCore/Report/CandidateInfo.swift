/// A candidate as the bundle presents them.
public struct CandidateInfo: Codable, Sendable, Equatable {
    public var name: String
    public var folder: String
    public var fields: [String: String]

    public init(name: String, folder: String, fields: [String: String] = [:]) {
        self.name = name
        self.folder = folder
        self.fields = fields
    }
}
