import DossierCore
import DossierInspect

/// `videos.yaml`.
public struct VideoRules: Codable, Sendable, Equatable {
    public struct Size: Codable, Sendable, Equatable {
        public var width: Int
        public var height: Int
    }

    public var maximumSeconds: Double
    public var sizes: [Size]
    /// What reading one video may cost.
    public var limits: MP4Limits
}
