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

    public init(
        cascadeFolders: [String] = ["/usr/share/opencv4/haarcascades"],
        frontal: String = "haarcascade_frontalface_alt2.xml", profile: String = "haarcascade_profileface.xml",
        eyes: String = "haarcascade_eye.xml", scaleFactor: Double = 1.1, minimumNeighbours: Int = 4,
        minimumFaceFraction: Double = 0.08, detectionShortSide: Int = 160
    ) {
        self.cascadeFolders = cascadeFolders
        self.frontal = frontal
        self.profile = profile
        self.eyes = eyes
        self.scaleFactor = scaleFactor
        self.minimumNeighbours = minimumNeighbours
        self.minimumFaceFraction = minimumFaceFraction
        self.detectionShortSide = detectionShortSide
    }
}
