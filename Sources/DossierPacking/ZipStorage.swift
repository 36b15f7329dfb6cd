import DossierCore
import DossierInspect

/// Which files go into a zip stored rather than deflated: already-compressed media and documents are stored,
/// everything else is deflated. The seal and intake's kept folders pack alike.
public enum ZipStorage {
    static let storedKinds: Set<FileKind> = [.photo, .video, .form, .summary, .activity, .report, .scan]
    static let storedExtensions: Set<String> = [
        "jpg", "jpeg", "mp4", "mov", "docx", "xlsx", "pdf", "zip", "png", "heic",
    ]

    /// Whether `file` goes into a zip stored rather than deflated.
    public static func isStored(_ file: FileEntry) -> Bool {
        storedKinds.contains(file.kind) || storedExtensions.contains(FileNameParts(file.path).extension)
    }
}
