/// The report of one run (SPEC §6, schemaVersion 1). Every reporter renders this value.
public struct Report: Codable, Sendable, Equatable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var ruleSet: RuleSetInfo
    public var asOf: String
    public var bundles: [BundleReport]
    public var crossFindings: [Finding]
    public var summary: RunSummary

    public init(ruleSet: RuleSetInfo, asOf: String, bundles: [BundleReport], crossFindings: [Finding] = []) {
        schemaVersion = 1
        tool = ToolInfo()
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.bundles = bundles
        self.crossFindings = crossFindings
        let cross = FindingSummary(findings: crossFindings, strict: false)
        summary = RunSummary(
            bundles: bundles.count,
            errors: bundles.reduce(cross.errors) { $0 + $1.summary.errors },
            warnings: bundles.reduce(cross.warnings) { $0 + $1.summary.warnings },
            notices: bundles.reduce(cross.notices) { $0 + $1.summary.notices },
            verdict: bundles.allSatisfy { $0.summary.verdict == .pass } && cross.errors == 0 ? .pass : .fail)
    }
}
