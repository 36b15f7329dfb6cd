import DossierCore
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

        /// Its report: a sealed zip is verified and its payload checked, a plain zip is checked where it lies, a
        /// folder is checked.
        public func check(with checker: Checker) throws(CheckError) -> BundleReport {
            switch kind {
            case .zip: ZipInput.check(path, checker: checker)
            case .folder: try checker.check(bundle: RawPath(path), displayPath: display)
            }
        }
    }

    /// The bundles at `path`. With `orItself`, a folder where none is found is itself the bundle, so that what is
    /// missing gets reported (`check`); without, it holds nothing (`intake`).
    public func items(at path: String, orItself: Bool = false) throws(CheckError) -> [Item] {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let info = RawPath(trimmed).linkStatus() else { throw .missingPath(trimmed) }
        if info.st_mode & S_IFMT == S_IFREG {
            guard FileNameParts(trimmed).extension == "zip" else { throw .notAFolder(trimmed) }
            return [Item(kind: .zip, path: trimmed, display: trimmed)]
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(trimmed) }
        let discovery = BundleDiscovery(layout: layout)
        if discovery.looksLikeBundle(RawPath(trimmed)) { return [Item(kind: .folder, path: trimmed, display: trimmed)] }
        var zips: [Item] = []
        var level = [trimmed]
        for _ in 1...2 {
            var next: [String] = []
            for folder in level {
                for raw in (FileTreeWalker.list(RawPath(folder)) ?? []).sorted(by: { $0.lexicographicallyPrecedes($1) })
                {
                    let name = String(decoding: raw, as: UTF8.self)
                    let child = (folder as NSString).appendingPathComponent(name)
                    guard let status = RawPath(child).linkStatus(), !name.hasPrefix(".") else { continue }
                    if status.st_mode & S_IFMT == S_IFREG && FileNameParts(name).extension == "zip" {
                        zips.append(Item(kind: .zip, path: child, display: child))
                    } else if status.st_mode & S_IFMT == S_IFDIR {
                        next.append(child)
                    }
                }
            }
            level = next
        }
        let folders = try discovery.bundles(at: trimmed).filter { discovery.looksLikeBundle($0.location) }.map {
            Item(kind: .folder, path: $0.location.description, display: $0.displayPath)
        }
        if zips.isEmpty && folders.isEmpty && orItself { return [Item(kind: .folder, path: trimmed, display: trimmed)] }
        return zips + folders
    }
}
