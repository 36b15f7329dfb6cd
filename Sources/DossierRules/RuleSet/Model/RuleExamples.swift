import DossierCore
import DossierInspect

/// Examples of a rule: documentation and tests at once.
public struct RuleExamples: Codable, Sendable, Equatable {
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
}
