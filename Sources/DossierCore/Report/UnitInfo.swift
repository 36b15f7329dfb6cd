/// The recommending unit a bundle belongs to.
public struct UnitInfo: Codable, Sendable, Equatable {
    public var name: String
    /// `province`, `society`, `defense`, `organizer`, or nil when unknown.
    public var type: String?
    public var quota: Int?
    public var approval: String?

    public init(name: String, type: String? = nil, quota: Int? = nil, approval: String? = nil) {
        self.name = name
        self.type = type
        self.quota = quota
        self.approval = approval
    }

    private enum CodingKeys: String, CodingKey { case name, type, quota, approval }

    // Every key is written, null included: readers rely on the keys being there (SPEC §6).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(quota, forKey: .quota)
        try container.encode(approval, forKey: .approval)
    }
}
