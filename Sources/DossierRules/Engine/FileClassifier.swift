import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Tells what a file is from its name and first bytes, with the rule set's layout.
public struct FileClassifier: Sendable {
    public var layout: LayoutFile
    /// The names of the templates `dossier init` writes at the top level that are no document (normalised).
    public var templates: Set<String>

    public init(layout: LayoutFile, templates: [String] = []) {
        self.layout = layout
        self.templates = Set(templates.map(MediaName.normalise))
    }

    public func isJunkFolder(_ name: String) -> Bool { layout.junk.folders.contains(name) }

    public func isJunkFile(_ name: String) -> Bool {
        layout.junk.names.contains(name) || layout.junk.prefixes.contains { name.hasPrefix($0) }
    }

    /// Whether `name` matches a document requirement (a name fragment and an extension).
    public static func matches(_ name: String, _ requirement: DocumentRequirement) -> Bool {
        let parts = FileNameParts(name)
        let stem = MediaName.normalise(parts.stem)
        return requirement.extensions.contains(parts.extension)
            && requirement.nameContains.contains { stem.contains($0) }
    }

    /// The kind of a file named `name`, whose first bytes say `content`.
    public func kind(of name: String, content: ContentType?, inCandidateFolder: Bool) -> FileKind {
        let candidate = layout.candidate
        if !inCandidateFolder {
            if let kind = layout.documents.first(where: { Self.matches(name, $0) })?.kind { return kind }
            return templates.contains(MediaName.normalise(name)) ? .template : .unknown
        }
        if Self.matches(name, candidate.form) { return .form }
        if Self.matches(name, candidate.scan) { return .scan }
        let ext = FileNameParts(name).extension
        if candidate.photoExtensions.contains(ext) || candidate.otherImageExtensions.contains(ext) { return .photo }
        if candidate.videoExtensions.contains(ext) || candidate.otherVideoExtensions.contains(ext) { return .video }
        switch content {
        case .jpeg, .png, .heic, .webp, .gif, .bmp, .tiff: return .photo
        case .mp4, .mov, .matroska, .avi, .flv: return .video
        default: return .unknown
        }
    }
}
