/// Facts measured from an MP4/MOV's boxes (SPEC §6 `video`).
public struct VideoFacts: Codable, Sendable, Equatable {
    /// `mp4` or `mov`, from the file's brands.
    public var container: String = "mp4"
    public var durationSeconds: Double = 0
    /// Size of the video track's pictures before rotation: the coded size after the codec's cropping (1080, not the
    /// 1088 lines H.264 codes), as ffprobe reports `width` and `height`.
    public var width: Int = 0
    public var height: Int = 0
    /// Size as displayed, after the track matrix's rotation (a rotation that is not a multiple of 90° swaps
    /// nothing).
    public var displayWidth: Int = 0
    public var displayHeight: Int = 0
    /// Clockwise display rotation in whole degrees: 0, 90, 180 or 270 in real clips; another angle when the track
    /// matrix tilts the picture.
    public var rotation: Int = 0
    /// Four-character code of the video codec (`avc1`, `hvc1`, …).
    public var codec: String = ""
    public var frameRate: Double = 0
    public var hasVideoTrack: Bool = false
    public var hasAudioTrack: Bool = false
    /// Why FFmpeg must not be given this file to decode its frames, though its boxes are sound (not in the
    /// report's `video` object: a reason for the frames' finding).
    public var decoderHazard: String?

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case container, durationSeconds, width, height, displayWidth, displayHeight, rotation, codec, frameRate
        case hasVideoTrack, hasAudioTrack
    }
}
