import DossierFiles
import DossierInspect
import DossierPacking
import Foundation

/// Zips the tests write with dossier's own writer, so only the change under test differs from what a real producer
/// wrote: a copy changed entry by entry, or a small package from parts given as text.
public enum TestZip {
    /// Copies `source` entry by entry: `change` may return new bytes, or nil to drop the entry; `extra` is added.
    public static func rewrite(
        _ source: String, to target: String, extra: [(String, [UInt8])] = [],
        change: (String, [UInt8]) -> [UInt8]? = { $1 }
    ) throws {
        let archive = try ZipArchive(RawPath(source))
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(descriptor) }
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 6, day: 18)
        for entry in archive.entries {
            guard let bytes = change(entry.name, try archive.contents(entry, limit: 1 << 30)) else { continue }
            try writer.add(name: entry.name, bytes: bytes, compress: entry.method == 8)
        }
        for (name, bytes) in extra { try writer.add(name: name, bytes: bytes, compress: false) }
        try writer.finish()
    }

    /// Writes a small Office package (for hostile-size tests): each part's text, deflated.
    public static func write(_ path: String, _ parts: [(String, String)]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(descriptor) }
        let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 1, day: 1)
        for (name, text) in parts { try writer.add(name: name, bytes: Array(text.utf8), compress: true) }
        try writer.finish()
    }
}
