import DossierCore
import DossierInspect

/// The `naming.yaml` file.
public struct NamingFile: Codable, Sendable, Equatable {
    public var naming: NamingRules
}
