/// One file of a bundle's inventory (SPEC §6 `files`).
public struct FileEntry: Codable, Sendable, Equatable {
    /// Relative to the bundle, `/`-separated, NFC: how reports name the file and how names are compared.
    public var path: String
    public var kind: FileKind
    public var bytes: Int
    /// The path as stored on disk (or in the zip), when its bytes are not `path`'s: a name that is not NFC (U+F90A
    /// for 金, an accent decomposed on a Mac). Files are opened and sealed by these bytes; never in the JSON.
    public var diskPath: [UInt8]?
    // Facts are boxed: a report of 100,000 files pays one pointer for each kind of fact a file lacks.
    private var jpegBox: Boxed<JPEGFacts>?
    private var videoBox: Boxed<VideoFacts>?
    private var docxBox: Boxed<DocxFacts>?
    private var xlsxBox: Boxed<XlsxFacts>?

    public var jpeg: JPEGFacts? {
        get { jpegBox?.value }
        set { jpegBox = newValue.map(Boxed.init) }
    }
    public var video: VideoFacts? {
        get { videoBox?.value }
        set { videoBox = newValue.map(Boxed.init) }
    }
    public var docx: DocxFacts? {
        get { docxBox?.value }
        set { docxBox = newValue.map(Boxed.init) }
    }
    public var xlsx: XlsxFacts? {
        get { xlsxBox?.value }
        set { xlsxBox = newValue.map(Boxed.init) }
    }

    public init(
        path: String, kind: FileKind, bytes: Int, jpeg: JPEGFacts? = nil, video: VideoFacts? = nil,
        diskPath: [UInt8]? = nil
    ) {
        self.path = path
        self.kind = kind
        self.bytes = bytes
        self.jpeg = jpeg
        self.video = video
        self.diskPath = diskPath == Array(path.utf8) ? nil : diskPath
    }

    /// The bytes that name the file where it is stored.
    public var storedPath: [UInt8] { diskPath ?? Array(path.utf8) }

    private enum CodingKeys: String, CodingKey {
        case path, kind, bytes, jpeg, video, docx, xlsx
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        kind = try container.decode(FileKind.self, forKey: .kind)
        bytes = try container.decode(Int.self, forKey: .bytes)
        jpeg = try container.decodeIfPresent(JPEGFacts.self, forKey: .jpeg)
        video = try container.decodeIfPresent(VideoFacts.self, forKey: .video)
        docx = try container.decodeIfPresent(DocxFacts.self, forKey: .docx)
        xlsx = try container.decodeIfPresent(XlsxFacts.self, forKey: .xlsx)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(kind, forKey: .kind)
        try container.encode(bytes, forKey: .bytes)
        try container.encodeIfPresent(jpeg, forKey: .jpeg)
        try container.encodeIfPresent(video, forKey: .video)
        try container.encodeIfPresent(docx, forKey: .docx)
        try container.encodeIfPresent(xlsx, forKey: .xlsx)
    }

    public static func == (lhs: FileEntry, rhs: FileEntry) -> Bool {
        lhs.path == rhs.path && lhs.diskPath == rhs.diskPath && lhs.kind == rhs.kind && lhs.bytes == rhs.bytes
            && lhs.jpeg == rhs.jpeg
            && lhs.video == rhs.video && lhs.docx == rhs.docx && lhs.xlsx == rhs.xlsx
    }
}
