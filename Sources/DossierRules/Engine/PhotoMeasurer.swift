import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Measures one photo's bytes with libjpeg-turbo, unless the cache of measured facts knows them by their content.
/// What it measures goes into the cache, with a thumbnail even when none is asked for now (it costs little beside the
/// decode), so that the seal or the HTML report that often follows a check finds it.
public struct PhotoMeasurer: Sendable {
    public var limits: JPEGLimits
    /// Keep a small upright JPEG of the photo (the HTML contact sheet).
    public var thumbnails: Bool
    public var cache: ContentCache?

    public init(limits: JPEGLimits, thumbnails: Bool, cache: ContentCache?) {
        self.limits = limits
        self.thumbnails = thumbnails
        self.cache = cache
    }

    /// Whether measuring needs the content's digest (to look it up).
    public var needsDigest: Bool { cache != nil }

    /// The inspection of `bytes`, whose SHA-256 is `digest` when known.
    public func measure(_ bytes: [UInt8], digest: String?) -> JPEGInspection {
        guard let digest, needsDigest else {
            return JPEGInspector.inspect(bytes, limits: limits, thumbnailQuality: thumbnails ? 72 : nil)
        }
        if let inspection = cached(digest) { return wanted(inspection) }
        let inspection = JPEGInspector.inspect(bytes, limits: limits, thumbnailQuality: 72)
        if let cache, let record = try? JSONEncoder().encode(inspection) { cache.store(Array(record), for: digest) }
        return wanted(inspection)
    }

    /// The thumbnail only when asked for.
    private func wanted(_ inspection: JPEGInspection) -> JPEGInspection {
        var inspection = inspection
        if !thumbnails { inspection.thumbnail = nil }
        return inspection
    }

    /// The cache's inspection, when it holds one that serves (with a thumbnail when one is asked for and the photo
    /// decodes).
    private func cached(_ digest: String) -> JPEGInspection? {
        guard let record = cache?.value(for: digest),
            let inspection = try? JSONDecoder().decode(JPEGInspection.self, from: Data(record))
        else { return nil }
        if thumbnails && inspection.thumbnail == nil && inspection.facts?.decodes == true { return nil }
        return inspection
    }
}
