import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the folder browser shows of one folder: unit folders and zips as what they are, other folders to open,
/// symlinks named but never followed. Hidden names and other files are left out.
struct FolderListing: Sendable {
    enum Kind: String, Sendable {
        /// A unit's submission folder (it holds a summary table, a form, or a candidate's folder).
        case unit
        case folder
        case zip
        /// Shown so that a clerk is not puzzled by what is missing; never opened.
        case symlink
    }

    struct Entry: Sendable {
        var name: String
        var path: String
        var kind: Kind
        var bytes: Int
    }

    var path: String
    var entries: [Entry]
    /// Names that are not UTF-8 and cannot be shown or picked.
    var unreadableNames: Int

    /// Lists `folder` (already confined to the roots); nil when it cannot be listed.
    static func list(_ folder: String, layout: LayoutFile) -> FolderListing? {
        guard let names = FileTreeWalker.list(RawPath(folder)) else { return nil }
        let discovery = BundleDiscovery(layout: layout)
        var entries: [Entry] = []
        var unreadable = 0
        for raw in names {
            guard let name = String(validating: raw, as: UTF8.self) else {
                unreadable += 1
                continue
            }
            guard !name.hasPrefix(".") else { continue }
            let child = folder == "/" ? "/" + name : folder + "/" + name
            guard let info = RawPath(child).linkStatus() else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                entries.append(Entry(name: name, path: child, kind: .symlink, bytes: 0))
            case S_IFDIR:
                let kind: Kind = discovery.looksLikeBundle(RawPath(child)) ? .unit : .folder
                entries.append(Entry(name: name, path: child, kind: kind, bytes: 0))
            case S_IFREG where FileNameParts(name).extension == "zip":
                entries.append(Entry(name: name, path: child, kind: .zip, bytes: Int(info.st_size)))
            default:
                continue
            }
        }
        let order: [Kind: Int] = [.unit: 0, .zip: 1, .folder: 2, .symlink: 3]
        entries.sort {
            (order[$0.kind] ?? 9, $0.name.precomposedStringWithCanonicalMapping)
                < (order[$1.kind] ?? 9, $1.name.precomposedStringWithCanonicalMapping)
        }
        return FolderListing(path: folder, entries: entries, unreadableNames: unreadable)
    }
}
