import DossierCore
import DossierFiles
import DossierInspect

/// One file of a bundle as the checks see it: where it is, what it is, what was measured.
public struct ScannedFile: Sendable {
    public var entry: TreeEntry
    public var kind: FileKind
    /// The candidate whose folder holds it (the folder's name, trimmed and NFC).
    public var candidate: String?
    /// What the first bytes say it is (nil for junk, unreadable or empty files).
    public var content: ContentType?
    // What was measured is boxed (`Boxed`), all of it in one box: most files have at most one kind of fact, and
    // 100,000 files must not each carry room for all of them.
    private var measured: Boxed<Measured>?

    private struct Measured: Sendable {
        var sha256: String?
        var jpeg: JPEGInspection?
        var video: Result<VideoFacts, MP4Problem>?
        var docx: Result<(DocxDocument, DocxFacts), OfficeProblem>?
        var xlsx: Result<([XlsxSheet], XlsxFacts), OfficeProblem>?
        var readProblem: FileBytes.ReadError?
        var picture: PictureFacts?
        var frames: VideoFrameFacts?
        var deepDecode: DeepDecode?

        var isEmpty: Bool {
            sha256 == nil && jpeg == nil && video == nil && docx == nil && xlsx == nil && readProblem == nil
                && picture == nil && frames == nil && deepDecode == nil
        }
    }

    private mutating func change(_ body: (inout Measured) -> Void) {
        measured.changeBoxed(empty: Measured(), isEmpty: \.isEmpty, body)
    }

    /// SHA-256 of the content, hex, for photos whose size another photo shares (only they can be duplicates).
    public var sha256: String? {
        get { measured?.value.sha256 }
        set { change { $0.sha256 = newValue } }
    }
    /// For photos whose content is JPEG.
    public var jpeg: JPEGInspection? {
        get { measured?.value.jpeg }
        set { change { $0.jpeg = newValue } }
    }
    /// For videos whose content is MP4 or MOV: the facts, or what is wrong.
    public var video: Result<VideoFacts, MP4Problem>? {
        get { measured?.value.video }
        set { change { $0.video = newValue } }
    }
    /// For .docx documents: what was read, or what is wrong.
    public var docx: Result<(DocxDocument, DocxFacts), OfficeProblem>? {
        get { measured?.value.docx }
        set { change { $0.docx = newValue } }
    }
    /// For .xlsx tables: the sheets, or what is wrong.
    public var xlsx: Result<([XlsxSheet], XlsxFacts), OfficeProblem>? {
        get { measured?.value.xlsx }
        set { change { $0.xlsx = newValue } }
    }
    /// Why the bytes could not be read, when they could not.
    public var readProblem: FileBytes.ReadError? {
        get { measured?.value.readProblem }
        set { change { $0.readProblem = newValue } }
    }
    /// What the photo shows (exposure, backlight; faces and background for the ID photo), when it decodes.
    public var picture: PictureFacts? {
        get { measured?.value.picture }
        set { change { $0.picture = newValue } }
    }

    /// What a video's sampled frames show (backlight, exposure, blank or frozen), and its poster frame.
    public var frames: VideoFrameFacts? {
        get { measured?.value.frames }
        set { change { $0.frames = newValue } }
    }
    /// What decoding every frame of a video found (`--deep`).
    public var deepDecode: DeepDecode? {
        get { measured?.value.deepDecode }
        set { change { $0.deepDecode = newValue } }
    }

    public init(entry: TreeEntry, kind: FileKind, candidate: String?) {
        self.entry = entry
        self.kind = kind
        self.candidate = candidate
    }

    public var path: String { entry.path }
    public var name: String { entry.name }
    public var parts: FileNameParts { FileNameParts(entry.name) }
}
