import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Measures one photo's bytes with libjpeg-turbo, unless the cache of measured facts knows them by their content.
/// What it measures goes into the cache, with a thumbnail even when none is asked for now (it costs little beside the
/// decode), so that the seal or the HTML report that often follows a check finds it. With `pictures`, the same decode
/// also gives what the photo shows (exposure, backlight; faces and background in the ID photo), cached with it.
public struct PhotoMeasurer: Sendable {
    public var limits: JPEGLimits
    /// Keep a small upright JPEG of the photo (the HTML contact sheet).
    public var thumbnails: Bool
    public var cache: ContentCache?
    /// How pictures are measured; nil: not at all.
    public var pictures: PictureSettings?

    public init(limits: JPEGLimits, thumbnails: Bool, cache: ContentCache?, pictures: PictureSettings? = nil) {
        self.limits = limits
        self.thumbnails = thumbnails
        self.cache = cache
        self.pictures = pictures
    }

    /// What the cache keeps of one photo. A record of an older build (an inspection alone) does not decode as one:
    /// the photo is measured again.
    public struct Record: Codable, Sendable {
        public var inspection: JPEGInspection
        public var picture: PictureFacts?
        /// Whether faces were looked for (the photo was an ID photo when measured).
        public var facesSearched: Bool

        public init(inspection: JPEGInspection, picture: PictureFacts?, facesSearched: Bool) {
            self.inspection = inspection
            self.picture = picture
            self.facesSearched = facesSearched
        }
    }

    /// A photo measured earlier in the run (while the seal copied it or verify hashed it): the SHA-256 of its
    /// bytes and what was measured. Faces are looked for later, in the ID photo only.
    public typealias Known = (digest: String, record: Record)

    /// Whether measuring needs the content's digest (to look it up).
    public var needsDigest: Bool { cache != nil }

    /// The inspection of `bytes` and what the photo shows, faces looked for when `isIDPhoto`.
    public func measure(
        _ bytes: [UInt8], digest: String?, isIDPhoto: Bool
    ) -> (inspection: JPEGInspection, picture: PictureFacts?) {
        guard let digest, needsDigest else {
            let record = measureAnew(bytes, thumbnailQuality: thumbnails ? 72 : nil, isIDPhoto: isIDPhoto)
            return (record.inspection, record.picture)
        }
        if let record = cached(digest, isIDPhoto: isIDPhoto) { return (wanted(record.inspection), record.picture) }
        let record = measureAnew(bytes, thumbnailQuality: 72, isIDPhoto: isIDPhoto)
        if let cache, let data = try? JSONEncoder().encode(record) { cache.store(Array(data), for: digest) }
        return (wanted(record.inspection), record.picture)
    }

    /// What `bytes` (whose SHA-256 is `digest`) measure, faces not looked for: what the seal and verify learn
    /// while they read each photo once.
    public func known(_ bytes: [UInt8], digest: String) -> Known {
        let measured = measure(bytes, digest: digest, isIDPhoto: false)
        return (
            digest,
            Record(inspection: measured.inspection, picture: measured.picture, facesSearched: false)
        )
    }

    /// Whether a known photo's record serves the check as it is: faces looked for when it is an ID photo, what it
    /// shows measured when pictures are, or it does not decode at all.
    public func serves(_ record: Record, isIDPhoto: Bool) -> Bool {
        record.inspection.facts?.decodes != true || pictures == nil
            || (record.picture != nil && (!isIDPhoto || record.facesSearched))
    }

    /// What the cache holds for the content `digest`, when it serves.
    public func cachedPicture(_ digest: String, isIDPhoto: Bool) -> PictureFacts? {
        cached(digest, isIDPhoto: isIDPhoto)?.picture
    }

    private func measureAnew(_ bytes: [UInt8], thumbnailQuality: Int?, isIDPhoto: Bool) -> Record {
        guard let pictures else {
            return Record(
                inspection: JPEGInspector.inspect(bytes, limits: limits, thumbnailQuality: thumbnailQuality),
                picture: nil, facesSearched: false)
        }
        // Only a face search needs a finer decode than the photo check's; light is judged at any scale.
        let (inspection, grey) = JPEGInspector.inspectWithGrey(
            bytes, limits: limits, thumbnailQuality: thumbnailQuality,
            grey: isIDPhoto ? pictures.grey : GreyRequest(minimumShortSide: 0))
        // Faces are looked for in the ID photo only; exposure and backlight are measured in every photo.
        let picture = grey.map { image in
            PictureMeasure.measure(
                image, faces: isIDPhoto ? FaceFinder.search(image, settings: pictures.faces) : nil, settings: pictures)
        }
        return Record(inspection: inspection, picture: picture, facesSearched: isIDPhoto)
    }

    /// The thumbnail only when asked for.
    private func wanted(_ inspection: JPEGInspection) -> JPEGInspection {
        var inspection = inspection
        if !thumbnails { inspection.thumbnail = nil }
        return inspection
    }

    /// The cache's record, when it holds one that serves (with a thumbnail when one is asked for and the photo
    /// decodes; with faces looked for when it is an ID photo; with what the picture shows when it decodes).
    private func cached(_ digest: String, isIDPhoto: Bool) -> Record? {
        guard let data = cache?.value(for: digest),
            let record = try? JSONDecoder().decode(Record.self, from: Data(data))
        else { return nil }
        let decodes = record.inspection.facts?.decodes == true
        if thumbnails && record.inspection.thumbnail == nil && decodes { return nil }
        if pictures != nil && decodes && (record.picture == nil || (isIDPhoto && !record.facesSearched)) { return nil }
        return record
    }
}
