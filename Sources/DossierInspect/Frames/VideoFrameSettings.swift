/// How a video's frames are decoded and looked at: where in the clip, how small, within which bounds. The rule set
/// provides the values (`pictures.yaml`, `videoFrames`).
public struct VideoFrameSettings: Sendable, Equatable {
    /// Fractions of the duration at which a frame is decoded (0.1, 0.5, 0.9).
    public var fractions: [Double]
    /// Frames are shrunk to fit this many pixels on their longer side.
    public var longSide: Int
    /// Pictures wider or taller than this, or of more pixels, are not decoded.
    public var maximumSide: Int
    public var maximumPixels: Int
    /// Wall-clock seconds for the frames of one video, and for decoding every frame (`--deep`).
    public var seconds: Double
    public var deepSeconds: Double
    /// Packets read for one frame at most.
    public var maximumPacketsPerFrame: Int
    /// FFmpeg decoders allowed, by name; a video coded otherwise is not decoded.
    public var decoders: [String]
    /// Quality of the poster frame's JPEG.
    public var posterQuality: Int

    public init(
        fractions: [Double] = [0.1, 0.5, 0.9], longSide: Int = 320, maximumSide: Int = 8192,
        maximumPixels: Int = 36_000_000, seconds: Double = 10, deepSeconds: Double = 900,
        maximumPacketsPerFrame: Int = 60,
        decoders: [String] = ["h264", "hevc", "mpeg4", "mjpeg", "prores", "vp9", "libdav1d", "mpeg2video", "h263"],
        posterQuality: Int = 72
    ) {
        self.fractions = fractions
        self.longSide = longSide
        self.maximumSide = maximumSide
        self.maximumPixels = maximumPixels
        self.seconds = seconds
        self.deepSeconds = deepSeconds
        self.maximumPacketsPerFrame = maximumPacketsPerFrame
        self.decoders = decoders
        self.posterQuality = posterQuality
    }
}
