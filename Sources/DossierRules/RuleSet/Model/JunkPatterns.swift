import DossierCore
import DossierInspect

/// Files the operating system makes.
public struct JunkPatterns: Codable, Sendable, Equatable {
    public var names: [String]
    public var folders: [String]
    public var prefixes: [String]
}
