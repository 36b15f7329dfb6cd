import DossierCore
import DossierInspect

/// `photos.yaml`.
public struct PhotoRules: Codable, Sendable, Equatable {
    public struct IDPhoto: Codable, Sendable, Equatable {
        public var minimumAspect: Double
        public var maximumAspect: Double
        public var minimumWidth: Int
        public var minimumHeight: Int
    }
    public struct LifePhoto: Codable, Sendable, Equatable {
        public var minimumLongSide: Int
        public var minimumShortSide: Int
    }
    public struct Colour: Codable, Sendable, Equatable {
        public var chromaThreshold: Int
        public var minimumColouredFraction: Double
        /// Colour spaces of print (CMYK, YCCK) in which an ID photo gets a warning: browsers and photo viewers
        /// show them wrongly or not at all. Absent: none.
        public var printColourSpaces: [String]?
    }
    public struct Limits: Codable, Sendable, Equatable {
        public var maximumPixels: Int
        public var maximumScans: Int
        public var maximumBytes: Int
        public var scaleDenominator: Int
    }

    public var minimumBytes: Int
    public var sizeIgnoresTrailingBytes: Bool
    public var lifePhotos: CountRange
    public var idPhoto: IDPhoto
    public var lifePhoto: LifePhoto
    public var colour: Colour
    public var paddingMinimumBytes: Int
    public var limits: Limits
}

extension PhotoRules {
    /// What one JPEG may cost to inspect, from the rule set's limits.
    public var jpegLimits: JPEGLimits {
        JPEGLimits(
            maximumPixels: limits.maximumPixels, maximumScans: limits.maximumScans,
            scaleDenominator: limits.scaleDenominator, chromaThreshold: colour.chromaThreshold)
    }
}
