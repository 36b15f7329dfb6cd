import DossierCore
import DossierInspect

/// What a candidate's folder holds.
public struct CandidateLayout: Codable, Sendable, Equatable {
    public var form: DocumentRequirement
    public var scan: DocumentRequirement
    public var photoExtensions: [String]
    public var canonicalPhotoExtension: String
    public var otherImageExtensions: [String]
    public var videoExtensions: [String]
    public var otherVideoExtensions: [String]
}
