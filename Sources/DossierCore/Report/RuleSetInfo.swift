/// The rule set a report was judged by.
public struct RuleSetInfo: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var sha256: String
    public init(id: String, title: String, sha256: String) {
        self.id = id
        self.title = title
        self.sha256 = sha256
    }
}
