import CJPEGShim
import DossierCore
import Foundation

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

/// Kept in the cache of measured facts (`ContentCache`); the thumbnail as bytes (base64 in JSON), not numbers.
extension JPEGInspection: Codable {
    enum CodingKeys: String, CodingKey {
        case facts, tooLarge, problem, chromaFraction, thumbnail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        facts = try container.decodeIfPresent(JPEGFacts.self, forKey: .facts)
        tooLarge = try container.decode(Bool.self, forKey: .tooLarge)
        problem = try container.decodeIfPresent(String.self, forKey: .problem)
        chromaFraction = try container.decodeIfPresent(Double.self, forKey: .chromaFraction)
        thumbnail = try container.decodeIfPresent(Data.self, forKey: .thumbnail).map { [UInt8]($0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(facts, forKey: .facts)
        try container.encode(tooLarge, forKey: .tooLarge)
        try container.encodeIfPresent(problem, forKey: .problem)
        try container.encodeIfPresent(chromaFraction, forKey: .chromaFraction)
        try container.encodeIfPresent(thumbnail.map { Data($0) }, forKey: .thumbnail)
    }
}
