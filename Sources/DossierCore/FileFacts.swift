/// What a file is in a bundle (SPEC §6 `kind`).
public enum FileKind: String, Codable, Sendable, CaseIterable {
    case photo, video, form, summary, activity, report, scan, junk, unknown
}

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

/// Facts measured from an MP4/MOV's boxes (SPEC §6 `video`).
public struct VideoFacts: Codable, Sendable, Equatable {
    /// `mp4` or `mov`, from the file's brands.
    public var container: String = "mp4"
    public var durationSeconds: Double = 0
    /// Size of the video track's pictures before rotation: the coded size after the codec's cropping (1080, not the
    /// 1088 lines H.264 codes), as ffprobe reports `width` and `height`.
    public var width: Int = 0
    public var height: Int = 0
    /// Size as displayed, after the track matrix's rotation (a rotation that is not a multiple of 90° swaps
    /// nothing).
    public var displayWidth: Int = 0
    public var displayHeight: Int = 0
    /// Clockwise display rotation in whole degrees: 0, 90, 180 or 270 in real clips; another angle when the track
    /// matrix tilts the picture.
    public var rotation: Int = 0
    /// Four-character code of the video codec (`avc1`, `hvc1`, …).
    public var codec: String = ""
    public var frameRate: Double = 0
    public var hasVideoTrack: Bool = false
    public var hasAudioTrack: Bool = false

    public init() {}
}

/// A field read from a document, with the label it came from.
public struct FieldFact: Codable, Sendable, Equatable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

/// What was read from a Word document (SPEC §6 `docx`).
public struct DocxFacts: Codable, Sendable, Equatable {
    public var fields: [String: FieldFact]
    public var text: String
    /// Every table as rows of cell texts.
    public var tables: [[[String]]]
    public init(fields: [String: FieldFact], text: String, tables: [[[String]]]) {
        self.fields = fields
        self.text = text
        self.tables = tables
    }
}

/// What was read from a workbook (SPEC §6 `xlsx`).
public struct XlsxFacts: Codable, Sendable, Equatable {
    public struct Sheet: Codable, Sendable, Equatable {
        public var name: String
        public var rows: [[String]]
        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }
    public var sheets: [Sheet]
    public init(sheets: [Sheet]) { self.sheets = sheets }
}
