import CJPEGShim
import DossierCore

/// What inspecting one JPEG found.
public struct JPEGInspection: Sendable, Equatable {
    /// The facts, when the header could be read.
    public var facts: JPEGFacts?
    /// The header claims more pixels than the limit: nothing was decoded.
    public var tooLarge: Bool
    /// libjpeg's first error or corrupt-data warning, when there was one.
    public var problem: String?
    /// Fraction of pixels with visible colour, when measured (YCbCr images only).
    public var chromaFraction: Double?
    /// A small upright JPEG of the image, when asked for and the image decodes.
    public var thumbnail: [UInt8]?
}
