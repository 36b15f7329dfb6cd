import DossierCore
import DossierInspect

/// A closed range from the rule set.
public struct CountRange: Codable, Sendable, Equatable {
    public var minimum: Int
    public var maximum: Int

    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }
}
