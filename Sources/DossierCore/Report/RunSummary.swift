/// The whole-run summary: bundles counted and findings added up.
public struct RunSummary: Codable, Sendable, Equatable {
    public var bundles: Int
    public var errors: Int
    public var warnings: Int
    public var notices: Int
    public var verdict: Verdict
}
