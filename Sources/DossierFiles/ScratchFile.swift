import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An unnamed file for bytes too large to hold in memory while they are worked on (a video inflated from a zip for
/// FFmpeg, which seeks): made in the user's cache folder (`$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; on
/// disk, where `/tmp` may be memory), else in the temporary folder, and unlinked at once, so that nothing is left
/// behind whatever ends the process. Never made inside an input.
public enum ScratchFile {
    /// A descriptor open for reading and writing on a new file that has no name; the caller closes it.
    public static func anonymous(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        for folder in folders(environment) {
            if mkdir(folder, 0o700) != 0 && errno == ENOENT {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            var template = Array((folder as NSString).appendingPathComponent(".dossier-scratch-XXXXXX").utf8CString)
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { continue }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            return descriptor
        }
        return nil
    }

    /// Where scratch files are tried, in order.
    static func folders(_ environment: [String: String]) -> [String] {
        (ContentCache.dossierFolder(environment).map { [$0] } ?? []) + [NSTemporaryDirectory()]
    }
}
