import DossierCore
import DossierInspect
import Foundation

/// Packs a checked folder, as it was received, into a plain zip (not a seal: only a unit seals its own bundle, and
/// only its fingerprint goes on its stamped paper). Every file the check listed goes in, junk too; what the check
/// could not read (symlinks, special files) cannot.
public enum FolderPacker {
    /// Writes the files of `bundle`, read from `root`, to `descriptor` as `top/…` entries dated `asOf`.
    public static func pack(_ bundle: BundleReport, root: RawPath, top: String, asOf: String, to descriptor: Int32)
        throws
    {
        let parts = asOf.split(separator: "-").compactMap { Int($0) }
        let writer = ZipWriter(
            descriptor: descriptor, year: parts.first ?? 1980, month: parts.dropFirst().first ?? 1, day: parts.last ?? 1
        )
        let files = bundle.files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for file in files {
            let location = RawPath(bytes: root.bytes + [UInt8(ascii: "/")] + Array(file.path.utf8))
            try writer.add(
                name: top + "/" + file.path, size: UInt64(file.bytes), compress: !Sealer.isStored(file)
            ) { consume in try FileChunks.read(location, consume) }
        }
        try writer.finish()
    }
}
