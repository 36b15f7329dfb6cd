import DossierCore
import DossierInspect

/// `catalogue.yaml`.
public struct RuleCatalogueFile: Codable, Sendable, Equatable {
    public var rules: [RuleDescription]
    public var fileRules: FileRules
}
