/// How faces are looked for: which Haar cascades, where, and the detector's parameters. The rule set provides the
/// values (`pictures.yaml`).
public struct FaceSettings: Sendable, Equatable {
    /// Folders searched in order for the cascade files (Debian's opencv-data installs them in the first).
    public var cascadeFolders: [String]
    /// File names of the cascades: frontal faces, faces in profile (one side: the picture is also searched
    /// mirrored), eyes.
    public var frontal: String
    public var profile: String
    public var eyes: String
    /// Each step of the search enlarges the window by this factor.
    public var scaleFactor: Double
    /// Overlapping detections needed before a face counts (fewer: more false faces).
    public var minimumNeighbours: Int
    /// Faces narrower than this fraction of the picture's shorter side are not looked for.
    public var minimumFaceFraction: Double
    /// Faces are looked for in a copy of the picture shrunk to this shorter side (eyes in the picture itself).
    public var detectionShortSide: Int
    /// Faces are first looked for in a coarser copy shrunk to this shorter side (0: not). Its faces are kept when
    /// every face that would count beside the largest (`companionMinimumRatio` of its width) is large enough for
    /// the coarse search to see; otherwise the search runs again at `detectionShortSide`.
    public var quickShortSide: Int
    /// Another face counts when it is at least this fraction of the largest face's width.
    public var companionMinimumRatio: Double
    /// Eyes are looked for in the upper part of the face shrunk to at most this width (0: not shrunk).
    public var eyeSearchFaceWidth: Int

    public init(
        cascadeFolders: [String] = ["/usr/share/opencv4/haarcascades"],
        frontal: String = "haarcascade_frontalface_alt2.xml", profile: String = "haarcascade_profileface.xml",
        eyes: String = "haarcascade_eye.xml", scaleFactor: Double = 1.1, minimumNeighbours: Int = 4,
        minimumFaceFraction: Double = 0.08, detectionShortSide: Int = 160, quickShortSide: Int = 96,
        companionMinimumRatio: Double = 0.5, eyeSearchFaceWidth: Int = 100
    ) {
        self.cascadeFolders = cascadeFolders
        self.frontal = frontal
        self.profile = profile
        self.eyes = eyes
        self.scaleFactor = scaleFactor
        self.minimumNeighbours = minimumNeighbours
        self.minimumFaceFraction = minimumFaceFraction
        self.detectionShortSide = detectionShortSide
        self.quickShortSide = quickShortSide
        self.companionMinimumRatio = companionMinimumRatio
        self.eyeSearchFaceWidth = eyeSearchFaceWidth
    }
}
