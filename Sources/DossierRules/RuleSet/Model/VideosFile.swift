import DossierCore
import DossierInspect

/// The `videos.yaml` file.
public struct VideosFile: Codable, Sendable, Equatable {
    public var videos: VideoRules
}
