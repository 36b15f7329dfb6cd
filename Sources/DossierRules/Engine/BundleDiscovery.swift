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
        for depth in 1...2 {
            let found = folders(below: root, display: trimmed, depth: depth).filter { looksLikeBundle($0.location) }
            if !found.isEmpty { return found }
        }
        try refuseCandidateFolder(root, display: trimmed)
        return [Found(location: root, displayPath: trimmed)]
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

    private func folders(below root: RawPath, display: String, depth: Int) -> [Found] {
        let classifier = FileClassifier(layout: layout)
        var level = [Found(location: root, displayPath: display)]
        for _ in 0..<depth {
            level = level.flatMap { parent -> [Found] in
                (FileTreeWalker.list(parent.location) ?? []).sorted { $0.lexicographicallyPrecedes($1) }.compactMap {
                    raw in
                    let location = parent.location.appending(raw)
                    let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
                    guard let info = location.linkStatus(), info.st_mode & S_IFMT == S_IFDIR,
                        !classifier.isJunkFolder(name)
                    else { return nil }
                    // Shown as spelt on disk: a path the user can open again, though not NFC.
                    return Found(
                        location: location,
                        displayPath: parent.displayPath + "/" + String(decoding: raw, as: UTF8.self))
                }
            }
        }
        return level
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
