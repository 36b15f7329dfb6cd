import DossierInspect

/// `pictures.yaml`: what the notice asks of the pictures themselves (正面免冠, 彩色, 避免逆光), measured on the
/// luminance of the reduced-scale decode. Every threshold of PHOTO-ID-FACE, -POSE, -FRAMING, -BACKGROUND,
/// PHOTO-BACKLIT and PHOTO-EXPOSURE is here.
public struct PictureRules: Codable, Sendable, Equatable {
    public struct Analysis: Codable, Sendable, Equatable {
        /// The decode is made finer than the photo check's scale while the shorter side would be under this.
        public var minimumShortSide: Int
    }
    public struct Faces: Codable, Sendable, Equatable {
        public var cascadeFolders: [String]
        public var frontal: String
        public var profile: String
        public var eyes: String
        public var scaleFactor: Double
        public var minimumNeighbours: Int
        /// Faces narrower than this fraction of the shorter side are not looked for.
        public var minimumFaceFraction: Double
        /// Faces are looked for in a copy shrunk to this shorter side (eyes in the analysed picture).
        public var detectionShortSide: Int
        /// Another face counts when it is at least this fraction of the largest face's width.
        public var companionMinimumRatio: Double
        /// Eyes farther from level than this many degrees: the head is tilted.
        public var maximumEyeTilt: Double
    }
    public struct Framing: Codable, Sendable, Equatable {
        public var minimumFaceWidth: Double
        public var maximumFaceWidth: Double
        public var maximumCentreOffset: Double
    }
    public struct Background: Codable, Sendable, Equatable {
        public var edgeStep: Int
        public var maximumEdgeFraction: Double
    }
    public struct Backlight: Codable, Sendable, Equatable {
        public var minimumBackgroundMean: Double
        public var maximumSubjectRatio: Double
    }
    public struct Exposure: Codable, Sendable, Equatable {
        public var shadowLevel: Int
        public var highlightLevel: Int
        public var minimumPictureFraction: Double
        public var minimumSubjectFraction: Double
    }

    public var analysis: Analysis
    public var faces: Faces
    public var framing: Framing
    public var background: Background
    public var backlight: Backlight
    public var exposure: Exposure

    /// What the scanner measures with.
    public var settings: PictureSettings {
        PictureSettings(
            grey: GreyRequest(minimumShortSide: analysis.minimumShortSide),
            faces: FaceSettings(
                cascadeFolders: faces.cascadeFolders, frontal: faces.frontal, profile: faces.profile, eyes: faces.eyes,
                scaleFactor: faces.scaleFactor, minimumNeighbours: faces.minimumNeighbours,
                minimumFaceFraction: faces.minimumFaceFraction, detectionShortSide: faces.detectionShortSide),
            shadowLevel: exposure.shadowLevel, highlightLevel: exposure.highlightLevel,
            edgeStep: background.edgeStep)
    }
}

/// `pictures.yaml`'s top level.
public struct PicturesFile: Codable, Sendable, Equatable {
    public var pictures: PictureRules
}

extension RuleSetValidation {
    static func validate(pictures: PictureRules, file: String) throws(RuleSetError) {
        func require(_ condition: Bool, _ key: String, _ problem: String) throws(RuleSetError) {
            if !condition { throw RuleSetError(file: file, keyPath: "pictures.\(key)", problem: problem) }
        }
        func fraction(_ value: Double, _ key: String) throws(RuleSetError) {
            try require((0...1).contains(value), key, "must be between 0 and 1")
        }
        try require(
            (16...4096).contains(pictures.analysis.minimumShortSide), "analysis.minimumShortSide", "must be 16 to 4096")
        let faces = pictures.faces
        try require(!faces.cascadeFolders.isEmpty, "faces.cascadeFolders", "needs at least one folder")
        for (key, name) in [("frontal", faces.frontal), ("profile", faces.profile), ("eyes", faces.eyes)] {
            try require(
                !name.isEmpty && !name.contains("/") && name.hasSuffix(".xml"), "faces.\(key)",
                "must be a cascade's file name ending in .xml, without a folder")
        }
        try require(faces.scaleFactor > 1 && faces.scaleFactor <= 2, "faces.scaleFactor", "must be above 1, at most 2")
        try require((1...50).contains(faces.minimumNeighbours), "faces.minimumNeighbours", "must be 1 to 50")
        try fraction(faces.minimumFaceFraction, "faces.minimumFaceFraction")
        try require(
            (48...4096).contains(faces.detectionShortSide), "faces.detectionShortSide", "must be 48 to 4096 pixels")
        try fraction(faces.companionMinimumRatio, "faces.companionMinimumRatio")
        try require((0...90).contains(faces.maximumEyeTilt), "faces.maximumEyeTilt", "must be 0 to 90 degrees")
        let framing = pictures.framing
        try fraction(framing.minimumFaceWidth, "framing.minimumFaceWidth")
        try fraction(framing.maximumFaceWidth, "framing.maximumFaceWidth")
        try require(
            framing.minimumFaceWidth <= framing.maximumFaceWidth, "framing.maximumFaceWidth",
            "must not be under minimumFaceWidth")
        try require((0...0.5).contains(framing.maximumCentreOffset), "framing.maximumCentreOffset", "must be 0 to 0.5")
        try require((1...255).contains(pictures.background.edgeStep), "background.edgeStep", "must be 1 to 255")
        try fraction(pictures.background.maximumEdgeFraction, "background.maximumEdgeFraction")
        try require(
            (0...255).contains(pictures.backlight.minimumBackgroundMean), "backlight.minimumBackgroundMean",
            "must be a level from 0 to 255")
        try fraction(pictures.backlight.maximumSubjectRatio, "backlight.maximumSubjectRatio")
        let exposure = pictures.exposure
        try require((0...255).contains(exposure.shadowLevel), "exposure.shadowLevel", "must be a level from 0 to 255")
        try require(
            (0...255).contains(exposure.highlightLevel) && exposure.highlightLevel > exposure.shadowLevel,
            "exposure.highlightLevel", "must be a level from 0 to 255, above shadowLevel")
        try fraction(exposure.minimumPictureFraction, "exposure.minimumPictureFraction")
        try fraction(exposure.minimumSubjectFraction, "exposure.minimumSubjectFraction")
    }
}
