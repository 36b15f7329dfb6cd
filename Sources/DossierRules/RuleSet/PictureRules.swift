import DossierInspect

/// `pictures.yaml`: what the notice asks of the pictures themselves (正面免冠, 彩色, 避免逆光), measured on the
/// luminance of the reduced-scale decode. Every threshold of PHOTO-ID-FACE, -POSE, -FRAMING, -BACKGROUND,
/// PHOTO-BACKLIT and PHOTO-EXPOSURE is here, and of VIDEO-BACKLIT, VIDEO-EXPOSURE and VIDEO-BLANK.
public struct PictureRules: Codable, Sendable, Equatable {
    /// What is looked at: faces in the ID photo (the PHOTO-ID rules) and frames of every video (VIDEO-BACKLIT,
    /// VIDEO-EXPOSURE, VIDEO-BLANK, VIDEO-CORRUPT's frame variants, the contact sheet's posters). A campaign whose
    /// notice asks nothing of what its pictures show turns them off; their rules are then not checked.
    public struct Measure: Codable, Sendable, Equatable {
        public var faces: Bool
        public var videoFrames: Bool
    }
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
        /// Faces are first looked for in a coarser copy shrunk to this shorter side (0: not); see FaceSettings.
        public var quickShortSide: Int
        /// Eyes are looked for in the upper part of the face shrunk to at most this width (0: not shrunk).
        public var eyeSearchFaceWidth: Int
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

    /// Frames of videos: where they are decoded, within which bounds, and when what they show is a finding
    /// (VIDEO-BACKLIT, VIDEO-EXPOSURE and VIDEO-BLANK judge each frame with the photos' thresholds above).
    public struct VideoFrames: Codable, Sendable, Equatable {
        public var at: [Double]
        public var longSide: Int
        public var maximumSide: Int
        public var maximumPixels: Int
        public var seconds: Double
        public var deepSeconds: Double
        public var maximumPacketsPerFrame: Int
        /// A video deflated in a zip is inflated into a scratch file to be decoded up to this size; a larger one's
        /// frames are not looked at (a notice).
        public var maximumInflatedBytes: Int
        public var decoders: [String]
        /// A finding when at least this fraction of the decoded frames shows it.
        public var minimumFrameFraction: Double
        /// A frame whose luminance varies by at most this standard deviation is blank.
        public var blankMaximumSpread: Double
        /// Of a blank frame, a mean at most this is black.
        public var blackMaximumMean: Double
        /// Frames that differ from the one before by at most this mean level are the same picture (frozen).
        public var frozenMaximumChange: Double

        /// What the scanner decodes with.
        public var settings: VideoFrameSettings {
            VideoFrameSettings(
                fractions: at, longSide: longSide, maximumSide: maximumSide, maximumPixels: maximumPixels,
                seconds: seconds, deepSeconds: deepSeconds, maximumPacketsPerFrame: maximumPacketsPerFrame,
                decoders: decoders)
        }
    }

    public var measure: Measure
    public var analysis: Analysis
    public var faces: Faces
    public var framing: Framing
    public var background: Background
    public var backlight: Backlight
    public var exposure: Exposure
    public var videoFrames: VideoFrames

    /// What the scanner measures with.
    public var settings: PictureSettings {
        PictureSettings(
            grey: GreyRequest(minimumShortSide: analysis.minimumShortSide),
            faces: FaceSettings(
                cascadeFolders: faces.cascadeFolders, frontal: faces.frontal, profile: faces.profile, eyes: faces.eyes,
                scaleFactor: faces.scaleFactor, minimumNeighbours: faces.minimumNeighbours,
                minimumFaceFraction: faces.minimumFaceFraction, detectionShortSide: faces.detectionShortSide,
                quickShortSide: faces.quickShortSide, companionMinimumRatio: faces.companionMinimumRatio,
                eyeSearchFaceWidth: faces.eyeSearchFaceWidth),
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
        try require(
            faces.quickShortSide == 0 || (48...faces.detectionShortSide).contains(faces.quickShortSide),
            "faces.quickShortSide", "must be 0 (no coarse search) or 48 pixels to detectionShortSide")
        try require(
            faces.eyeSearchFaceWidth == 0 || (40...4096).contains(faces.eyeSearchFaceWidth), "faces.eyeSearchFaceWidth",
            "must be 0 (not shrunk) or 40 to 4096 pixels")
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
        let frames = pictures.videoFrames
        try require(
            (1...9).contains(frames.at.count) && frames.at.allSatisfy { (0...1).contains($0) }
                && frames.at == frames.at.sorted(),
            "videoFrames.at", "must be 1 to 9 fractions of the duration from 0 to 1, in order")
        try require((16...1024).contains(frames.longSide), "videoFrames.longSide", "must be 16 to 1024 pixels")
        try require((16...16384).contains(frames.maximumSide), "videoFrames.maximumSide", "must be 16 to 16384")
        try require(
            (256...268_435_456).contains(frames.maximumPixels), "videoFrames.maximumPixels", "must be 256 to 2^28")
        try require((0.1...600).contains(frames.seconds), "videoFrames.seconds", "must be 0.1 to 600 seconds")
        try require(
            (1...86400).contains(frames.deepSeconds), "videoFrames.deepSeconds", "must be 1 to 86400 seconds")
        try require(
            (1...100_000).contains(frames.maximumPacketsPerFrame), "videoFrames.maximumPacketsPerFrame",
            "must be 1 to 100000")
        try require(
            (0...2_147_483_647).contains(frames.maximumInflatedBytes), "videoFrames.maximumInflatedBytes",
            "must be 0 to 2^31-1")
        try require(
            !frames.decoders.isEmpty
                && frames.decoders.allSatisfy {
                    !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                },
            "videoFrames.decoders", "must name at least one FFmpeg decoder (letters, digits, _)")
        try fraction(frames.minimumFrameFraction, "videoFrames.minimumFrameFraction")
        try require((0...128).contains(frames.blankMaximumSpread), "videoFrames.blankMaximumSpread", "must be 0 to 128")
        try require((0...255).contains(frames.blackMaximumMean), "videoFrames.blackMaximumMean", "must be 0 to 255")
        try require(
            (0...255).contains(frames.frozenMaximumChange), "videoFrames.frozenMaximumChange", "must be 0 to 255")
    }
}
