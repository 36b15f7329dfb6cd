import DossierCore
import DossierInspect

/// `videos.yaml`.
public struct VideoRules: Codable, Sendable, Equatable {
    public struct Size: Codable, Sendable, Equatable {
        public var width: Int
        public var height: Int
    }
    public struct Limits: Codable, Sendable, Equatable {
        public var maximumMovieBytes: Int
        public var maximumBoxes: Int
        public var maximumDepth: Int
        public var maximumSamples: Int
    }

    public var maximumSeconds: Double
    public var sizes: [Size]
    public var limits: Limits

    /// What reading one video may cost.
    public var mp4Limits: MP4Limits {
        MP4Limits(
            maximumMovieBytes: limits.maximumMovieBytes, maximumBoxes: limits.maximumBoxes,
            maximumDepth: limits.maximumDepth, maximumSamples: limits.maximumSamples)
    }
}
