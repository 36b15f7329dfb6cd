import DossierCore
import DossierInspect

/// `layout.yaml`.
public struct LayoutFile: Codable, Sendable, Equatable {
    public var documents: [DocumentRequirement]
    public var candidate: CandidateLayout
    public var junk: JunkPatterns
}
