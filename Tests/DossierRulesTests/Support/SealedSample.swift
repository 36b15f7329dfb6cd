import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierPacking
import DossierRules
import DossierTestSupport
import Foundation

@testable import DossierSeal

/// Sealed zips the tests build from Samples/valid, untouched or tampered with, for the SEAL-* and ZIP-* examples.
/// Tampered copies are rewritten with dossier's own zip writer, so only the change under test differs.
enum SealedSample {
    static let asOf = "2021-06-18"

    /// Seals the valid sample into `folder`; returns the zip's path and fingerprint.
    static func sealValid(in folder: TemporaryFolder, ruleSet: RuleSet) throws -> (String, Fingerprint) {
        guard let unit = Repository.unitFolder(ofSample: "valid") else { throw CocoaError(.fileNoSuchFile) }
        let output = folder.url.appendingPathComponent("original.zip").path
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf))
        guard
            case .sealed(let path, let fingerprint, _) = try Sealer(checker: checker).seal(
                folder: unit.path, output: output)
        else { throw CocoaError(.featureUnsupported) }
        return (path, fingerprint)
    }

    /// Builds sample `name` and verifies it; the report of the verification.
    static func report(_ name: String, in folder: TemporaryFolder, ruleSet: RuleSet) throws -> BundleReport {
        let (sealed, fingerprint) = try sealValid(in: folder, ruleSet: ruleSet)
        let target = folder.url.appendingPathComponent("\(name.dropFirst()).zip").path
        let photo = "湖北省科协/data/张三/张三2.jpg"
        var claimed: String? = fingerprint.description
        switch name {
        case "@sealed":
            try FileManager.default.copyItem(atPath: sealed, toPath: target)
        case "@sealed-flipped":
            // One byte of a stored photo, flipped in place: CRC and SHA-256 both change.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: sealed))
            let entry = try requireEntry(photo, in: sealed)
            guard let header = entry.localHeaderOffset.int else { throw CocoaError(.fileReadCorruptFile) }
            let start =
                header + 30 + Int(bytes[header + 26]) + Int(bytes[header + 27]) << 8 + Int(bytes[header + 28])
                + Int(bytes[header + 29]) << 8
            bytes[start + 100_000] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: target))
        case "@sealed-added":
            let copy = try ZipArchive(RawPath(sealed))
            let photoBytes = try copy.contents(try requireEntry(photo, in: sealed), limit: 1 << 30)
            try TestZip.rewrite(sealed, to: target, extra: [("湖北省科协/data/张三/张三5.jpg", photoBytes.reversed())])
        case "@sealed-removed":
            try TestZip.rewrite(sealed, to: target) { $0.hasSuffix("张三4.jpg") ? nil : $1 }
        case "@sealed-manifest-edited":
            // A photo changed and the manifest edited to match it: only the tag manifest can tell.
            let archive = try ZipArchive(RawPath(sealed))
            let original = try archive.contents(try requireEntry("湖北省科协/data/张三/张三3.jpg", in: sealed), limit: 1 << 30)
            var changed = original
            changed[5000] ^= 0xFF
            try TestZip.rewrite(sealed, to: target) { name, bytes in
                if name.hasSuffix("张三3.jpg") { return changed }
                if name.hasSuffix("/manifest-sha256.txt") {
                    return Array(
                        String(decoding: bytes, as: UTF8.self)
                            .replacingOccurrences(of: sha256Hex(original), with: sha256Hex(changed)).utf8)
                }
                return bytes
            }
        case "@sealed-forged-fingerprint":
            try FileManager.default.copyItem(atPath: sealed, toPath: target)
            claimed = "0000-1111-2222-3333-4444"
        case "@sealed-truncated":
            let bytes = try Data(contentsOf: URL(fileURLWithPath: sealed))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: target))
        case "@zip-unsafe":
            try TestZip.rewrite(
                sealed, to: target, extra: [("../x.txt", Array("x".utf8)), ("/etc/x", Array("x".utf8))])
        case "@zip-duplicate":
            try TestZip.rewrite(sealed, to: target, extra: [("湖北省科协/bagit.txt", Array(BagLayout.declaration.utf8))])
        case "@zip-bomb":
            // 64 MiB of zeros deflate to about 64 KiB: a ratio of 1000.
            let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let writer = ZipWriter(descriptor: descriptor, year: 2021, month: 6, day: 18)
            try writer.add(name: "b/data/zeros.txt", bytes: [UInt8](repeating: 0, count: 64 << 20), compress: true)
            try writer.finish()
            close(descriptor)
        case "@not-a-bag":
            try TestZip.rewrite(sealed, to: target) { name, bytes in name.hasSuffix("/bagit.txt") ? nil : bytes }
        default:
            throw CocoaError(.featureUnsupported)
        }
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: asOf))
        return SealVerifier(checker: checker).verify(target, fingerprint: claimed)
    }

    private static func requireEntry(_ name: String, in zip: String) throws -> ZipEntry {
        guard let entry = try ZipArchive(RawPath(zip)).entries.first(where: { $0.name == name }) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return entry
    }
}
