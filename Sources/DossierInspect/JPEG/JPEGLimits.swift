import CJPEGShim
import DossierCore

/// Limits on what one JPEG may cost to inspect. The rule set provides the values.
public struct JPEGLimits: Sendable, Equatable {
    /// Width × height above which the image is not decoded (the header can claim 65,500 × 65,500).
    public var maximumPixels: Int
    /// Progressive scans above which decoding stops (a known way to make decoders spin).
    public var maximumScans: Int
    /// Decode at 1/`scaleDenominator`: every scan's entropy data is still decoded, so truncation and
    /// corrupt data are still found (TECH-NOTES), at a fraction of the cost.
    public var scaleDenominator: Int
    /// |Cb−128| + |Cr−128| above which a pixel counts as coloured.
    public var chromaThreshold: Int

    public init(
        maximumPixels: Int = 100_000_000, maximumScans: Int = 500, scaleDenominator: Int = 8,
        chromaThreshold: Int = 8
    ) {
        self.maximumPixels = maximumPixels
        self.maximumScans = maximumScans
        self.scaleDenominator = scaleDenominator
        self.chromaThreshold = chromaThreshold
    }
}
