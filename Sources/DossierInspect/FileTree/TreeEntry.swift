import DossierCore
import DossierFiles
import Foundation

/// One entry met while walking a folder.
///
/// A drive can hold 100,000 entries: what every entry has is stored inline, what few have (a symlink's target,
/// a limit, damage) in one box, and the walker's absolute path is its folder's (shared by siblings) plus the name.
public struct TreeEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case file, directory, symlink, special
    }

    /// Relative to the walked root, `/`-separated, NFC.
    public var path: String
    /// The last component, NFC; undecodable bytes replaced by U+FFFD. Taken from `path` when asked, not stored:
    /// a bundle may hold 100,000 entries.
    public var name: String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }
    /// The raw bytes of the last component as stored on disk.
    public var rawName: [UInt8]
    public var kind: Kind
    public var bytes: Int
    /// False when the file could not be opened, or the folder not listed.
    public var readable: Bool
    private var place: Place
    private var rare: Boxed<Rare>?

    private enum Place: Sendable, Equatable {
        /// In this folder, under `rawName`.
        case child(of: RawPath)
        /// Exactly here (a zip entry's key).
        case at(RawPath)
    }

    private struct Rare: Sendable, Equatable {
        var specialKind: String?
        var linkTarget: String?
        var limit: WalkLimit?
        var damage: String?
        var rawPath: [UInt8]?
    }

    public init(
        path: String, rawName: [UInt8], location: RawPath, kind: Kind, bytes: Int, readable: Bool,
        rawPath: [UInt8] = []
    ) {
        self.init(path: path, rawName: rawName, place: .at(location), kind: kind, bytes: bytes)
        self.readable = readable
        self.rawPath = rawPath
    }

    /// An entry named `rawName` in the folder at `folder`.
    init(path: String, rawName: [UInt8], folder: RawPath, kind: Kind, bytes: Int) {
        self.init(path: path, rawName: rawName, place: .child(of: folder), kind: kind, bytes: bytes)
    }

    private init(path: String, rawName: [UInt8], place: Place, kind: Kind, bytes: Int) {
        self.path = path
        self.rawName = rawName
        self.place = place
        self.kind = kind
        self.bytes = bytes
        self.readable = true
    }

    /// Where to open it: the raw absolute path (for a zip's entry, its key in the zip).
    public var location: RawPath {
        get {
            switch place {
            case .child(let folder): folder.appending(rawName)
            case .at(let location): location
            }
        }
        set { place = .at(newValue) }
    }

    /// For `special`: what it is (`fifo`, `socket`, `character device`, `block device`).
    public var specialKind: String? {
        get { rare?.value.specialKind }
        set { changeRare { $0.specialKind = newValue } }
    }
    /// For `symlink`: where it points, as stored (never followed).
    public var linkTarget: String? {
        get { rare?.value.linkTarget }
        set { changeRare { $0.linkTarget = newValue } }
    }
    /// Set when the walk stopped at this entry: what lies below it (or after it) was not listed.
    public var limit: WalkLimit? {
        get { rare?.value.limit }
        set { changeRare { $0.limit = newValue } }
    }
    /// For an entry of a zip whose header or data is damaged: what is wrong (`readable` is then false). The zip's
    /// reader reports it, as `ZIP-CORRUPT`, instead of the file system's `FS-UNREADABLE`.
    public var damage: String? {
        get { rare?.value.damage }
        set { changeRare { $0.damage = newValue } }
    }

    /// The path relative to the walked root as stored (`/`-separated): `path` is NFC for comparing, this is what
    /// opens the file again (a name spelt with U+F90A, or decomposed on a Mac, is not its NFC spelling). Kept only
    /// when it differs from `path` (rare), else `path`'s bytes.
    public var rawPath: [UInt8] {
        get { rare?.value.rawPath ?? Array(path.utf8) }
        set {
            let same = newValue.isEmpty || newValue.elementsEqual(path.utf8)
            changeRare { $0.rawPath = same ? nil : newValue }
        }
    }

    private mutating func changeRare(_ change: (inout Rare) -> Void) {
        rare.changeBoxed(empty: Rare(), isEmpty: { $0 == Rare() }, change)
    }

    /// True when the stored name is valid UTF-8.
    public var nameIsUTF8: Bool { String(validating: rawName, as: UTF8.self) != nil }

    /// The path's components.
    public var components: [Substring] { path.split(separator: "/") }

    public static func == (lhs: TreeEntry, rhs: TreeEntry) -> Bool {
        lhs.path == rhs.path && lhs.rawName == rhs.rawName && lhs.location == rhs.location
            && lhs.kind == rhs.kind && lhs.bytes == rhs.bytes && lhs.readable == rhs.readable
            && lhs.rare?.value == rhs.rare?.value
    }
}
