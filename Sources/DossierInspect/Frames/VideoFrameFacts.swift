/// What a video's sampled frames show, each measured as a photo is (`PictureMeasure`), and which decoder read them.
public struct VideoFrameFacts: Sendable, Equatable, Codable {
    /// One decoded frame.
    public struct Frame: Sendable, Equatable, Codable {
        /// Where in the clip, in seconds from its start.
        public var seconds: Double
        /// Exposure and backlight, measured on the frame's luminance as on a photo's.
        public var picture: PictureFacts
        /// Mean luminance and its standard deviation over the frame (a blank frame has almost none).
        public var mean: Double
        public var spread: Double
        /// Mean absolute difference in luminance from the frame before (nil for the first).
        public var change: Double?
        /// How the frame is damaged, when it is (nil: it decoded cleanly).
        public var damage: Damage?
    }

    /// How a decoded frame is damaged: what it shows is not the clip's picture, and is not measured as one.
    public enum Damage: String, Sendable, Equatable, Codable {
        /// The decoder flagged it: its bytes did not decode cleanly, and the decoder concealed the gaps.
        case decoding
        /// It came before any keyframe: it refers to pictures the decoder never had (a clip cut between two
        /// keyframes, or whose first keyframe comes late), which HEVC's decoder fills in grey.
        case noKeyframe
    }

    /// A frame that did not decode: where it was looked for, and why.
    public struct Failure: Sendable, Equatable, Codable {
        public var fraction: Double
        public var problem: String
    }

    /// FFmpeg's decoder ("h264") and the libraries' versions.
    public var decoder: String
    public var library: String
    public var frames: [Frame]
    public var failures: [Failure]
    /// Why no frame could be looked for at all (the video did not open), when so.
    public var unopened: String?
    /// Why the frames were not looked for (not a fault of the video: a deflated zip entry too large to inflate in
    /// memory), when so.
    public var skipped: String?
    /// Why FFmpeg's libraries could not be loaded on this machine (not a fault of the video), when so.
    public var unavailable: String?
    /// A small JPEG of the middle frame, upright, for the contact sheet (when asked for).
    public var poster: [UInt8]?

    public init(
        decoder: String, library: String, frames: [Frame] = [], failures: [Failure] = [], unopened: String? = nil,
        skipped: String? = nil, unavailable: String? = nil, poster: [UInt8]? = nil
    ) {
        self.skipped = skipped
        self.unavailable = unavailable
        self.decoder = decoder
        self.library = library
        self.frames = frames
        self.failures = failures
        self.unopened = unopened
        self.poster = poster
    }
}
