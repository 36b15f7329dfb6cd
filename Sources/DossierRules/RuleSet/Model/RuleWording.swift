import DossierCore
import DossierInspect

/// The words of one way a rule can fire.
public struct RuleWording: Codable, Sendable, Equatable {
    public var message: LocalizedText
    public var hint: LocalizedText
    /// A variant may be less (or more) serious than the rule's default.
    public var severity: Severity?
}
