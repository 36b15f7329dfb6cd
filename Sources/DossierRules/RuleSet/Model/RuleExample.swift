import DossierCore
import DossierInspect

/// A place in a sample bundle where a rule must, or must not, fire.
public struct RuleExample: Codable, Sendable, Equatable {
    /// A folder under `Samples/`, or a bundle the tests build, named with a leading `@`.
    public var sample: String
    /// The finding's path in that bundle (empty for the bundle itself).
    public var path: String
}
