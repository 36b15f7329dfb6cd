import DossierFiles
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folders the web app may list, read and write in. A path from a request is taken only when it is absolute,
/// has no `.` or `..` component, lies under a root, and no component below the root is a symlink: symlinks are
/// never followed, so nothing outside the roots is listed or read.
public struct AllowedRoots: Sendable {
    /// The roots that exist, as real paths (a root given through a symlink is taken where it leads, once, at start).
    public let roots: [String]

    /// Keeps the folders of `candidates` that exist, resolved.
    public init(_ candidates: [String]) {
        var kept: [String] = []
        for candidate in candidates {
            guard let real = realpath(candidate, nil) else { continue }
            let path = String(cString: real)
            free(real)
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, !kept.contains(path) else { continue }
            kept.append(path)
        }
        roots = kept
    }

    /// Why a path was not taken.
    public enum Refusal: Error, Equatable, Sendable {
        /// Not absolute, `.`/`..`, a NUL, or outside every root.
        case outside
        /// A component below the root is a symlink.
        case symlink
        /// A component does not exist.
        case missing
    }

    /// The root that `path` lies under, and the path's components below it.
    private func split(_ path: String) -> (root: String, below: [Substring])? {
        guard path.hasPrefix("/"), !path.contains("\0") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        let normal = "/" + parts.joined(separator: "/")
        // The longest root that holds it: /media inside a home of / would otherwise be judged by the wrong one.
        for root in roots.sorted(by: { $0.count > $1.count }) {
            let prefix = root == "/" ? "/" : root + "/"
            if normal == root {
                return (root, [])
            }
            if normal.hasPrefix(prefix) {
                return (root, normal.dropFirst(prefix.count).split(separator: "/"))
            }
        }
        return nil
    }

    /// `path` normalised, when it is inside a root and reached without a symlink; `mustExist` false lets the last
    /// component be missing (a folder or file to make).
    public func resolve(_ path: String, mustExist: Bool = true) throws(Refusal) -> String {
        guard let (root, below) = split(path) else { throw .outside }
        var current = root
        for (index, part) in below.enumerated() {
            current = current == "/" ? "/" + part : current + "/" + part
            guard let info = RawPath(current).linkStatus() else {
                if !mustExist && index == below.count - 1 { return current }
                throw .missing
            }
            if info.st_mode & S_IFMT == S_IFLNK { throw .symlink }
            if index < below.count - 1 && info.st_mode & S_IFMT != S_IFDIR { throw .missing }
        }
        return current
    }

    /// Whether `path` is a root itself.
    public func isRoot(_ path: String) -> Bool { roots.contains(path) }

    /// The folder above `path`, when it is still inside the roots.
    public func parent(of path: String) -> String? {
        guard !isRoot(path) else { return nil }
        let above = (path as NSString).deletingLastPathComponent
        return (try? resolve(above)) != nil ? above : nil
    }
}
