import DossierCore
import DossierInspect

/// One rule of `catalogue.yaml`.
public struct RuleDescription: Codable, Sendable, Equatable {
    public var id: RuleID
    public var severity: Severity
    public var title: LocalizedText
    public var description: LocalizedText
    /// The notice's own words that the rule enforces.
    public var notice: String?
    public var message: LocalizedText
    public var hint: LocalizedText
    /// Other wordings for other causes of the same rule, by name.
    public var variants: [String: RuleWording]?
    public var examples: RuleExamples?

    /// The wording of `variant`, or the rule's own when nil or unknown.
    public func wording(_ variant: String?) -> RuleWording {
        if let variant, let wording = variants?[variant] { return wording }
        return RuleWording(message: message, hint: hint, severity: nil)
    }
}
