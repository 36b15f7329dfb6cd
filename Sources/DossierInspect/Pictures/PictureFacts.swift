/// What a photo shows, measured on the luminance of its reduced-scale decode (upright): exposure, backlight and, for
/// the ID photo, faces and the background. Values are 0–255 luminance levels and fractions of pixels.
public struct PictureFacts: Sendable, Equatable, Codable {
    /// Size of the analysed picture.
    public var width: Int
    public var height: Int
    /// Faces, for the photos they were looked for in (the ID photo).
    public var faces: FaceSearchOutcome?
    /// The face (the largest frontal face, where found) or else the centre of the picture.
    public var subject: PixelRect
    public var subjectIsFace: Bool
    /// Mean luminance of the subject and of the background around it.
    public var subjectMean: Double
    public var backgroundMean: Double
    /// Fractions of the picture's pixels at or below the shadow level and at or above the highlight level.
    public var shadowFraction: Double
    public var highlightFraction: Double
    /// The same fractions within the subject.
    public var subjectShadowFraction: Double
    public var subjectHighlightFraction: Double
    /// Fraction of edge pixels in the background around a found face (nil when no face was found).
    public var backgroundEdgeFraction: Double?
}

/// The levels and regions the measures use. The rule set provides the values (`pictures.yaml`).
public struct PictureSettings: Sendable, Equatable {
    public var grey: GreyRequest
    public var faces: FaceSettings
    /// At or below: a clipped shadow; at or above: a clipped highlight.
    public var shadowLevel: Int
    public var highlightLevel: Int
    /// A pixel is an edge where the luminance changes by more than this to its right or lower neighbour.
    public var edgeStep: Int

    public init(
        grey: GreyRequest = GreyRequest(minimumShortSide: 240), faces: FaceSettings = FaceSettings(),
        shadowLevel: Int = 6, highlightLevel: Int = 249, edgeStep: Int = 12
    ) {
        self.grey = grey
        self.faces = faces
        self.shadowLevel = shadowLevel
        self.highlightLevel = highlightLevel
        self.edgeStep = edgeStep
    }
}
