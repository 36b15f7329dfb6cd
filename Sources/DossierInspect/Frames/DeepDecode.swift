/// What decoding every frame of a video found (`--deep`).
public struct DeepDecode: Sendable, Equatable, Codable {
    public var decoder: String
    public var library: String
    public var frames: Int
    public var packets: Int
    /// Seconds from the start to the first decoding error, and the decoder's words; nil when none.
    public var errorSeconds: Double?
    public var error: String?
    /// False when the time limit stopped the decode at `reachedSeconds`.
    public var finished: Bool
    public var reachedSeconds: Double
    /// Why the video could not be opened for decoding, when so.
    public var unopened: String?

    public init(
        decoder: String, library: String, frames: Int = 0, packets: Int = 0, errorSeconds: Double? = nil,
        error: String? = nil, finished: Bool = false, reachedSeconds: Double = 0, unopened: String? = nil
    ) {
        self.decoder = decoder
        self.library = library
        self.frames = frames
        self.packets = packets
        self.errorSeconds = errorSeconds
        self.error = error
        self.finished = finished
        self.reachedSeconds = reachedSeconds
        self.unopened = unopened
    }
}
