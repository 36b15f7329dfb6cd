/// Facts measured from a JPEG's bytes (SPEC §6 `jpeg`).
public struct JPEGFacts: Codable, Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var components: Int
    public var colorSpace: String
    public var progressive: Bool
    /// EXIF orientation as stored, 1 when absent; values outside 1–8 are invalid and shown as stored.
    public var orientation: Int
    /// Bytes after the end-of-image marker; 0 when the image did not decode (unknown).
    public var trailingBytes: Int
    public var decodes: Bool

    public init(
        width: Int, height: Int, components: Int, colorSpace: String, progressive: Bool, orientation: Int,
        trailingBytes: Int, decodes: Bool
    ) {
        self.width = width
        self.height = height
        self.components = components
        self.colorSpace = colorSpace
        self.progressive = progressive
        self.orientation = orientation
        self.trailingBytes = trailingBytes
        self.decodes = decodes
    }

    /// Orientations 5–8 rotate by 90°: the displayed width is the stored height.
    public var displayWidth: Int { (5...8).contains(orientation) ? height : width }
    /// Orientations 5–8 rotate by 90°: the displayed height is the stored width.
    public var displayHeight: Int { (5...8).contains(orientation) ? width : height }
}
