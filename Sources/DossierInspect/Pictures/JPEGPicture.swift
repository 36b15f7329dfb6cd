extension JPEGInspector {
    /// Inspects a JPEG like `inspect(_:limits:thumbnailQuality:)` and also returns the upright luminance of the
    /// same reduced-scale decode (no second decode), for looking at what the photo shows; nil when it does not
    /// decode.
    public static func inspectWithGrey(
        _ bytes: [UInt8], limits: JPEGLimits = JPEGLimits(), thumbnailQuality: Int? = nil, grey: GreyRequest
    ) -> (inspection: JPEGInspection, grey: GreyImage?) {
        inspect(bytes, decode: true, limits: limits, thumbnailQuality: thumbnailQuality, grey: grey)
    }
}
