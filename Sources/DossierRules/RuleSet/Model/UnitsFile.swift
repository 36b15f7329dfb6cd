import DossierCore
import DossierInspect

/// The `units.yaml` file.
public struct UnitsFile: Codable, Sendable, Equatable {
    public var units: UnitRules
}
