import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Finds the bundles at a path: a unit folder, or a folder or drive holding several (SPEC §4).
public struct BundleDiscovery: Sendable {
    public var layout: LayoutFile

    public init(layout: LayoutFile) { self.layout = layout }

    /// A bundle to check: where it is and how reports name it.
    public struct Found: Sendable, Equatable {
        public var location: RawPath
        public var displayPath: String
    }

    /// What lies one and two levels below a folder, listed once: what `bundles(at:)` looks through for units'
    /// folders, and what drive discovery looks through for zips and for folders it cannot list.
    public struct Survey: Sendable {
        /// A folder found below, and whether it or the folder above it has a hidden name (`.Trashes`): drive
        /// discovery passes those over, a unit's folder may be named so.
        public struct Folder: Sendable {
            public var found: Found
            public var hidden: Bool
        }

        /// The folders one level below, then two levels below (junk folders left out), in the order listed.
        public var levels: [[Folder]] = [[], []]
        /// The zips one and two levels below, none under a hidden name.
        public var zips: [Found] = []
        /// The folders one level below, none hidden, whose names could not be read (no permission).
        public var unlisted: [Found] = []
    }

    /// The bundles at `path`: the folder itself when it looks like a unit's folder; else the unit folders in it
    /// (or one level further down, as on a drive with a folder per year); else the folder itself, so that
    /// what is missing gets reported.
    public func bundles(at path: String) throws(CheckError) -> [Found] {
        let trimmed = LocalPath.trimmingTrailingSlash(path)
        let root = RawPath(trimmed)
        guard let info = root.linkStatus() else { throw .missingPath(trimmed) }
        let mode = info.st_mode & S_IFMT
        guard mode == S_IFDIR else { throw .notAFolder(trimmed) }
        if looksLikeBundle(root) { return [Found(location: root, displayPath: trimmed)] }
        let found = bundles(in: survey(root, display: trimmed))
        if !found.isEmpty { return found }
        try refuseCandidateFolder(root, display: trimmed)
        return [Found(location: root, displayPath: trimmed)]
    }

    /// The units' folders of `survey`: those one level below, else those two levels below (a drive with a folder
    /// per year); none when neither level has one.
    public func bundles(in survey: Survey) -> [Found] {
        for level in survey.levels {
            let found = level.map(\.found).filter { looksLikeBundle($0.location) }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Lists `root` and the folders one level below it, once (see `Survey`); `display` is how reports name `root`.
    public func survey(_ root: RawPath, display: String) -> Survey {
        let classifier = FileClassifier(layout: layout)
        var survey = Survey()
        var parents = [Survey.Folder(found: Found(location: root, displayPath: display), hidden: false)]
        for depth in 0..<2 {
            for parent in parents {
                guard let names = FileTreeWalker.list(parent.found.location) else {
                    // A folder below the path that cannot be listed (no permission): said, never skipped.
                    if depth > 0 && !parent.hidden { survey.unlisted.append(parent.found) }
                    continue
                }
                for raw in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                    let name = String(decoding: raw, as: UTF8.self)
                    let location = parent.found.location.appending(raw)
                    guard let status = location.linkStatus(),
                        !classifier.isJunkFolder(name.precomposedStringWithCanonicalMapping)
                    else { continue }
                    // Shown as spelt on disk: a path the user can open again, though not NFC.
                    let parentDisplay = parent.found.displayPath
                    let found = Found(
                        location: location,
                        displayPath: parentDisplay.hasSuffix("/") ? parentDisplay + name : parentDisplay + "/" + name)
                    let hidden = parent.hidden || name.hasPrefix(".")
                    if status.st_mode & S_IFMT == S_IFDIR {
                        survey.levels[depth].append(Survey.Folder(found: found, hidden: hidden))
                    } else if status.st_mode & S_IFMT == S_IFREG && !hidden && FileNameParts(name).extension == "zip" {
                        survey.zips.append(found)
                    }
                }
            }
            parents = survey.levels[depth]
        }
        return survey
    }

    /// Throws when `folder`, holding no unit's folder, is one candidate's: checked alone it would give a dozen
    /// findings that all come from pointing at the wrong folder.
    public func refuseCandidateFolder(_ folder: RawPath, display: String) throws(CheckError) {
        guard looksLikeCandidateFolder(folder) else { return }
        let parent = (display as NSString).deletingLastPathComponent
        throw .candidateFolder(display, parent.isEmpty ? "." : parent)
    }

    /// Whether `folder` is one candidate's: it holds, as regular files, a form, scan, photo or video whose name
    /// begins with the folder's name (李四/李四推荐表.docx, 李四/李四1.jpg), and no unit-level document.
    public func looksLikeCandidateFolder(_ folder: RawPath) -> Bool {
        guard !holdsUnitDocument(folder), let last = folder.bytes.split(separator: UInt8(ascii: "/")).last else {
            return false
        }
        let person = MediaName.normalise(String(decoding: last, as: UTF8.self))
        guard MediaName.containsHan(person) else { return false }
        let classifier = FileClassifier(layout: layout)
        return (FileTreeWalker.list(folder) ?? []).contains { raw in
            let name = MediaName.normalise(String(decoding: raw, as: UTF8.self))
            guard name.hasPrefix(person), let info = folder.appending(raw).linkStatus(),
                info.st_mode & S_IFMT == S_IFREG
            else { return false }
            let kind = classifier.kind(of: name, content: nil, inCandidateFolder: true)
            return [FileKind.form, .scan, .photo, .video].contains(kind)
        }
    }

    /// A unit's folder holds one of the unit-level documents, or a candidate's folder: a sub-folder holding a form,
    /// photo or video. Only regular files count: a symlink is never followed, so it is a finding of the folder it is
    /// in, not a sign of what that folder is. A sub-folder holding unit-level documents is a unit's folder, not a
    /// candidate's: a drive of unit folders is not one bundle because one unit has a stray photo at its top.
    public func looksLikeBundle(_ folder: RawPath) -> Bool {
        if holdsUnitDocument(folder) { return true }
        let classifier = FileClassifier(layout: layout)
        for raw in FileTreeWalker.list(folder) ?? [] {
            let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
            let location = folder.appending(raw)
            guard let info = location.linkStatus(), info.st_mode & S_IFMT == S_IFDIR, !classifier.isJunkFolder(name),
                !holdsUnitDocument(location)
            else { continue }
            for raw in FileTreeWalker.list(location) ?? [] {
                guard let status = location.appending(raw).linkStatus(), status.st_mode & S_IFMT == S_IFREG
                else { continue }
                let kind = classifier.kind(
                    of: String(decoding: raw, as: UTF8.self), content: nil, inCandidateFolder: true)
                if [FileKind.form, .scan, .photo, .video].contains(kind) { return true }
            }
        }
        return false
    }

    /// Whether `folder` holds one of the unit-level documents (a regular file).
    private func holdsUnitDocument(_ folder: RawPath) -> Bool {
        (FileTreeWalker.list(folder) ?? []).contains { raw in
            let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
            guard let info = folder.appending(raw).linkStatus(), info.st_mode & S_IFMT == S_IFREG else { return false }
            return layout.documents.contains { FileClassifier.matches(name, $0) }
        }
    }
}
