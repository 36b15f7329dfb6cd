import DossierCore
import DossierRules

/// What every reporter may need beyond the report itself.
public struct ReportContext: Sendable {
    public var language: Language
    public var quiet: Bool
    public var ruleSet: RuleSet
    /// ANSI colours in the text report (a terminal, and no `NO_COLOR`).
    public var color: Bool

    public init(language: Language, quiet: Bool = false, ruleSet: RuleSet, color: Bool = false) {
        self.language = language
        self.quiet = quiet
        self.ruleSet = ruleSet
        self.color = color
    }
}
