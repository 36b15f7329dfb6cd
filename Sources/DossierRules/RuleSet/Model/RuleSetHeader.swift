import DossierCore
import DossierInspect

/// `ruleset.yaml`: what the rule set is.
public struct RuleSetHeader: Codable, Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var notice: String?
    /// Removed from the front of file names before matching (“2021年“最美科技工作者”推荐人选汇总表”).
    public var campaignPrefixes: [String]
    /// What no program can check, listed for a person at the end of text and HTML reports.
    public var manualChecks: [LocalizedText]?
}
