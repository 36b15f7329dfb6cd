import Foundation

/// Paths the user types, as every command reads them.
public enum LocalPath {
    /// `path` without its trailing slash (`unit/` is `unit`; `/` stays `/`), as reports and messages show it.
    public static func trimmingTrailingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Whether `path` is the folder `folder` or inside it, symlinks resolved: an output must not be written into an
    /// input, which every command only reads.
    public static func isInside(_ path: String, folder: String) -> Bool {
        resolved(path).hasPrefix(resolved(folder))
    }

    /// The absolute path, symlinks resolved, with a trailing slash (so that `/a/bc/` is not inside `/a/b/`).
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path + "/"
    }
}
