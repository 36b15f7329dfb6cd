import DossierCore
import DossierInspect

/// A document the unit folder must hold, found by its name.
public struct DocumentRequirement: Codable, Sendable, Equatable {
    /// What a matching file is; required for the unit-level documents.
    public var kind: FileKind?
    public var nameContains: [String]
    public var extensions: [String]
    public var missingRule: RuleID?
}
