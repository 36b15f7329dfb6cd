import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

/// What the ledger keeps from a kept zip besides its report: the SHA-256 of every photo (to see the same photo in
/// two units) and, for a sealed bundle, the bag's date (to order a unit's versions).
enum KeptBundle {
    struct Facts {
        var photos: [Ledger.Photo] = []
        var bagDate: String?
    }

    /// Reads the kept zip at `path`. A photo that cannot be read back is left out: the bundle's own findings say
    /// what is wrong with it.
    static func facts(_ path: String, bundle: BundleReport, unit: String, sealed: Bool) -> Facts {
        var facts = Facts()
        guard let zip = try? ZipArchive(RawPath(path)) else { return facts }
        let photos = Set(bundle.files.filter { $0.kind == .photo }.map(\.path))
        var found: [String: String] = [:]
        for entry in zip.entries where !entry.isDirectory && !entry.isSymlink {
            let name = entry.name.precomposedStringWithCanonicalMapping
            let components = name.split(separator: "/", omittingEmptySubsequences: false)
            if sealed, components.count == 2, components[1] == Substring(BagLayout.bagInfo),
                let bytes = try? zip.contents(entry, limit: 1 << 20)
            {
                let info = BagLayout.parseBagInfo(String(decoding: bytes, as: UTF8.self))
                facts.bagDate = info["Bagging-Date"].map { String($0.prefix(10)) }
                continue
            }
            // The bundle's path is the entry's name without its leading folders (the bag's, `data/`, the unit's).
            guard
                let photo = components.indices.lazy.map({ components[$0...].joined(separator: "/") })
                    .first(where: { photos.contains($0) }),
                found[photo] == nil
            else { continue }
            var hasher = SHA256()
            guard (try? zip.read(entry) { hasher.update(data: $0) }) != nil else { continue }
            found[photo] = hasher.finalize().hexDigits
        }
        facts.photos = found.sorted { $0.key < $1.key }.map { path, sha256 in
            Ledger.Photo(
                unit: unit, candidate: ScannedBundle.candidate(ofPath: path) ?? "", path: path, sha256: sha256)
        }
        return facts
    }
}
