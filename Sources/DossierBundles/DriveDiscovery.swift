import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The bundles at a path: a zip (sealed or not), a unit folder, or a folder or drive holding zips and unit folders,
/// two levels down at most. Symlinks are not followed; hidden names (`.Trashes`, `._x.zip`) are passed over.
public struct DriveDiscovery: Sendable {
    public var layout: LayoutFile

    public init(layout: LayoutFile) { self.layout = layout }

    /// A bundle found: where it is and how reports name it.
    public struct Item: Sendable, Equatable {
        public enum Kind: Sendable { case zip, folder }
        public var kind: Kind
        public var path: String
        public var display: String
        /// A folder on the drive that could not be listed: it may be a unit's, so it is reported, not passed over.
        public var unlisted = false

        public init(kind: Kind, path: String, display: String, unlisted: Bool = false) {
            self.kind = kind
            self.path = path
            self.display = display
            self.unlisted = unlisted
        }

        /// Its report: a sealed zip is verified and its payload checked, a plain zip is checked where it lies, a
        /// folder is checked; a folder that could not be listed is `FS-UNREADABLE`.
        public func check(with checker: Checker) throws(CheckError) -> BundleReport {
            switch kind {
            case .zip: return ZipInput.check(path, checker: checker)
            case .folder where unlisted:
                return checker.unreadable(
                    subject: Subject(path: display, kind: .folder), unitName: (path as NSString).lastPathComponent,
                    reason: DriveDiscovery.unlistedReason.text(checker.options.language))
            case .folder: return try checker.check(bundle: RawPath(path), displayPath: display)
            }
        }
    }

    /// Whether the folder at `path` can be opened for listing.
    private static func canList(_ path: RawPath) -> Bool {
        guard let directory = path.withCString({ opendir($0) }) else { return false }
        closedir(directory)
        return true
    }

    /// Why a folder that could not be listed was not checked.
    public static let unlistedReason = BundlesWords.folderUnlisted

    /// The bundles at `path`. With `orItself`, a folder where none is found is itself the bundle, so that what is
    /// missing gets reported (`check`); without, it holds nothing (`intake`).
    public func items(at path: String, orItself: Bool = false) throws(CheckError) -> [Item] {
        let trimmed = LocalPath.trimmingTrailingSlash(path)
        guard let info = RawPath(trimmed).linkStatus() else { throw .missingPath(trimmed) }
        if info.st_mode & S_IFMT == S_IFREG {
            guard FileNameParts(trimmed).extension == "zip" else { throw .notAFolder(trimmed) }
            return [Item(kind: .zip, path: trimmed, display: trimmed)]
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(trimmed) }
        let discovery = BundleDiscovery(layout: layout)
        let root = RawPath(trimmed)
        if discovery.looksLikeBundle(root) { return [Item(kind: .folder, path: trimmed, display: trimmed)] }
        // One listing of the two levels below serves the zips, the folders that cannot be listed and the units'
        // folders.
        let survey = discovery.survey(root, display: trimmed)
        let zips = survey.zips.map { Item(kind: .zip, path: $0.displayPath, display: $0.displayPath) }
        // The second level's folders are not listed in the survey; one that cannot be is said too. Opening it is
        // enough to know: its names are not read here (the checks read them once).
        let unlisted =
            (survey.unlisted
            + survey.levels[1].filter { !$0.hidden }.map(\.found).filter {
                !Self.canList($0.location)
            }).map { Item(kind: .folder, path: $0.displayPath, display: $0.displayPath, unlisted: true) }
        let bundles = discovery.bundles(in: survey)
        if bundles.isEmpty { try discovery.refuseCandidateFolder(root, display: trimmed) }
        let folders = bundles.map { Item(kind: .folder, path: $0.location.description, display: $0.displayPath) }
        let reported = Set(folders.map(\.path))
        // A unit's own folders are the unit's check's to report.
        let unreported = unlisted.filter {
            !reported.contains($0.path) && !reported.contains(($0.path as NSString).deletingLastPathComponent)
        }
        if zips.isEmpty && folders.isEmpty && unreported.isEmpty && orItself {
            return [Item(kind: .folder, path: trimmed, display: trimmed)]
        }
        return zips + folders + unreported
    }
}
