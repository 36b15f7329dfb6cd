import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Packs a checked folder, as it was received, into a plain zip (not a seal: only a unit seals its own bundle, and
/// only its fingerprint goes on its stamped paper). Every file the check listed goes in, junk too, under the name it
/// has on disk (a name that is not NFC, or not UTF-8 as from a Chinese Windows tool, is kept as it is); what the
/// check could not read (symlinks, special files, files without read permission) cannot.
public enum FolderPacker {
    /// A file the check listed that could not be packed: gone from the drive, or a read failed. `path` is relative
    /// to the bundle, as the report names it.
    public struct Unreadable: Error, Equatable {
        public var path: String
        public var reason: SystemReason
    }

    /// Writes the files of `bundle`, read from `root`, to `descriptor` as `top/…` entries dated `asOf`.
    public static func pack(_ bundle: BundleReport, root: RawPath, top: String, asOf: String, to descriptor: Int32)
        throws
    {
        let parts = asOf.split(separator: "-").compactMap { Int($0) }
        let writer = ZipWriter(
            descriptor: descriptor, year: parts.first ?? 1980, month: parts.dropFirst().first ?? 1, day: parts.last ?? 1
        )
        // The report names files by NFC paths, with U+FFFD for bytes that are not UTF-8: the walk gives each its
        // bytes on disk again. Two names on disk may share one report path (NFC and NFD spellings): both go in.
        let listed = Dictionary(bundle.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let walked: [TreeEntry]
        do {
            walked = try FileTreeWalker().walk(root)
        } catch {
            switch error as? FileTreeWalker.WalkError {
            case .missing: throw Unreadable(path: "", reason: SystemReason(ENOENT))
            case .notAFolder: throw Unreadable(path: "", reason: SystemReason(ENOTDIR))
            default: throw Unreadable(path: "", reason: SystemReason(EACCES))
            }
        }
        let onDisk = walked.filter { $0.kind == .file && $0.readable && listed[$0.path] != nil }
        // Gone since the check (the drive changed, or was pulled out).
        if let missing = Set(listed.keys).subtracting(walked.filter { $0.kind == .file }.map(\.path)).min() {
            throw Unreadable(path: missing, reason: SystemReason(ENOENT))
        }
        let prefix = Array(top.utf8) + [UInt8(ascii: "/")]
        for entry in onDisk.sorted(by: { $0.location.bytes.lexicographicallyPrecedes($1.location.bytes) }) {
            guard let file = listed[entry.path] else { continue }
            let relative = Array(entry.location.bytes.dropFirst(root.bytes.count + 1))
            let name = prefix + relative
            try writer.add(
                nameBytes: name, utf8: String(validating: name, as: UTF8.self) != nil, size: UInt64(entry.bytes),
                compress: !ZipStorage.isStored(file)
            ) { consume in
                do {
                    try FileBytes.readChunks(entry.location, consume)
                } catch let failure as FileBytes.ReadError {
                    throw Unreadable(path: entry.path, reason: failure.reason)
                }
            }
        }
        try writer.finish()
    }
}
