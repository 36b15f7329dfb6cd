import DossierCore
import Foundation

/// Limits on what reading one video's boxes may cost. The rule set provides the values: `videos.yaml`'s `limits`
/// decodes straight into this type.
public struct MP4Limits: Codable, Sendable, Equatable {
    /// Largest `moov` (or `moof`) read into memory.
    public var maximumMovieBytes: Int
    /// Most top-level boxes walked (fragmented files have one `moof` per fragment).
    public var maximumBoxes: Int
    /// Deepest nesting followed.
    public var maximumDepth: Int
    /// Most samples a track may list.
    public var maximumSamples: Int

    public init(
        maximumMovieBytes: Int = 64 << 20, maximumBoxes: Int = 200_000, maximumDepth: Int = 16,
        maximumSamples: Int = 20_000_000
    ) {
        self.maximumMovieBytes = maximumMovieBytes
        self.maximumBoxes = maximumBoxes
        self.maximumDepth = maximumDepth
        self.maximumSamples = maximumSamples
    }
}
