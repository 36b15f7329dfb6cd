import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierPacking
import DossierReport
import DossierRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `seal` produced.
public enum SealOutcome {
    /// Errors remain: nothing was written. The report says why.
    case refused(Report)
    /// The sealed zip is at `path`.
    case sealed(path: String, fingerprint: Fingerprint, report: Report)
}

/// Turns a clean submission folder into a sealed zip: a BagIt 1.0 bag in one zip, byte-identical for the same
/// folder, rules and `--as-of` (SPEC §7). The folder is only read.
public struct Sealer {
    public var checker: Checker
    public var progress: ((WorkProgress) -> Void)?

    public init(checker: Checker, progress: ((WorkProgress) -> Void)? = nil) {
        self.checker = checker
        self.progress = progress
    }

    /// Checks `folder`, and when no error remains writes the sealed zip to `output` (default: beside the folder,
    /// named `单位-YYYYMMDD-XXXXXXXX.zip`) through a temporary file in the same folder, synced, then renamed.
    public func seal(folder: String, output: String?) throws -> SealOutcome {
        let trimmed = LocalPath.trimmingTrailingSlash(folder)
        let root = RawPath(trimmed)
        let bagName = MediaName.normalise((trimmed as NSString).lastPathComponent)
        // The bag's HTML report carries a contact sheet: thumbnails come from the check's own decode.
        var withThumbnails = checker
        withThumbnails.options.thumbnails = true
        var bundle = try withThumbnails.check(bundle: root, displayPath: bagName)
        let report = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: [bundle])
        guard bundle.summary.verdict == .pass else { return .refused(report) }

        let parent = URL(fileURLWithPath: trimmed).standardizedFileURL.deletingLastPathComponent().path
        let destinationFolder =
            output.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path } ?? parent
        if LocalPath.isInside(destinationFolder, folder: trimmed) {
            throw SealError.refused(
                LocalizedText(
                    zh: "封装包不能写在被封装的文件夹里面（输入只读）：请用 -o 指到文件夹之外。",
                    en: "the sealed zip must not be written inside the folder being sealed (input is read-only)"))
        }
        let date = checker.options.asOf.replacingOccurrences(of: "-", with: "")
        let final: String
        let fingerprint: Fingerprint
        do {
            (final, fingerprint) = try AtomicOutput.write(
                in: destinationFolder,
                destination: { fingerprint in
                    output
                        ?? (parent as NSString).appendingPathComponent(
                            "\(bagName)-\(date)-\(fingerprint.sha256.prefix(8).uppercased()).zip")
                },
                { descriptor in try writeBag(bundle: bundle, root: root, bagName: bagName, descriptor: descriptor) })
        } catch let failure as AtomicOutput.Failure {
            throw SealError.write(failure.path, failure.reason)
        } catch PackingError.write(let reason) {
            throw SealError.write(output ?? destinationFolder, reason)
        }
        bundle.seal = SealInfo(fingerprint: fingerprint.description)
        return .sealed(
            path: final, fingerprint: fingerprint,
            report: Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: [bundle]))
    }

    /// Writes every entry in path order: bag-info.txt, bagit.txt, data/… (hashed while copied), the manifest,
    /// the reports, the tag manifest.
    private func writeBag(bundle: BundleReport, root: RawPath, bagName: String, descriptor: Int32) throws -> Fingerprint
    {
        // Opened and stored by the bytes on disk: a name that is not NFC keeps its spelling in the bag, and the
        // manifest names it so (any BagIt tool finds the file the manifest lists).
        let payload = bundle.files.filter { $0.kind != .junk }
            .sorted { $0.storedPath.lexicographicallyPrecedes($1.storedPath) }
        let totalBytes = payload.reduce(UInt64(0)) { $0 + UInt64($1.bytes) }
        let parts = checker.options.asOf.split(separator: "-").compactMap { Int($0) }
        let writer = ZipWriter(
            descriptor: descriptor, year: parts.first ?? 1980, month: parts.dropFirst().first ?? 1, day: parts.last ?? 1
        )
        let prefix = bagName + "/"
        var tags: [(path: String, sha256: String)] = []
        func addTag(_ name: String, _ text: String) throws {
            let bytes = Array(text.utf8)
            try writer.add(name: prefix + name, bytes: bytes, compress: true)
            tags.append((name, sha256Hex(bytes)))
        }
        try addTag(BagLayout.bagInfo, BagLayout.bagInfoText(bagInfo(bundle, payload: payload, bytes: totalBytes)))
        try addTag(BagLayout.bagit, BagLayout.declaration)

        var manifest: [(path: String, sha256: String)] = []
        var done = WorkProgress(files: 0, totalFiles: payload.count, bytes: 0, totalBytes: totalBytes)
        for file in payload {
            let location = RawPath(bytes: root.bytes + [UInt8(ascii: "/")] + file.storedPath)
            let name = BagLayout.payload + String(decoding: file.storedPath, as: UTF8.self)
            let hasher = PipelinedSHA256()
            try writer.add(
                name: prefix + name, size: UInt64(file.bytes), compress: !ZipStorage.isStored(file)
            ) { consume in
                do {
                    try FileBytes.readChunks(location) { chunk in
                        // A cancelled seal stops here; the temporary zip is removed by AtomicOutput.
                        if checker.options.isCancelled { throw CheckError.cancelled }
                        hasher.update(chunk)
                        try consume(chunk)
                        done.bytes += UInt64(chunk.count)
                        progress?(done)
                    }
                } catch let failure as FileBytes.ReadError {
                    throw SealError.read("\(location)", failure.reason)
                }
            }
            manifest.append((name, hasher.finalize()))
            done.files += 1
            progress?(done)
        }
        try addTag(BagLayout.manifest, BagLayout.manifestText(manifest))
        // The report inside the bag names the bag, not the path it was sealed from: the zip depends only on the
        // folder's content, the rules and --as-of.
        let inside = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: [bundle])
        let context = ReportContext(language: checker.options.language, ruleSet: checker.ruleSet)
        try addTag(BagLayout.reportHTML, try HTMLReporter().render(inside, context: context))
        try addTag(BagLayout.reportJSON, try JSONReporter().render(inside, context: context))
        let tagManifest = Array(BagLayout.manifestText(tags).utf8)
        try writer.add(name: prefix + BagLayout.tagManifest, bytes: tagManifest, compress: true)
        try writer.finish()
        return Fingerprint(tagManifest: tagManifest)
    }

    /// The fields of bag-info.txt (SPEC §7): the unit's type and quota as the seal judged them, and an approved
    /// quota's approval, so that the office judges the bag by them (`SealVerifier`).
    func bagInfo(_ bundle: BundleReport, payload: [FileEntry], bytes: UInt64) -> [(String, String)] {
        var info = [
            (BagLayout.sourceOrganization, bundle.unit.name),
            ("Bagging-Date", checker.options.asOf),
            ("Payload-Oxum", "\(bytes).\(payload.count)"),
            ("Bag-Software-Agent", "dossier \(DossierVersion.current)"),
            ("Campaign", checker.ruleSet.header.id),
            ("Rules-SHA256", checker.ruleSet.sha256),
            (BagLayout.unitType, bundle.unit.type ?? "unknown"),
        ]
        if let quota = bundle.unit.quota { info.append((BagLayout.quota, String(quota))) }
        if let approval = bundle.unit.approval { info.append((BagLayout.quotaApproval, approval)) }
        info.append(("Candidate-Count", String(bundle.candidates.count)))
        return info
    }
}

/// SHA-256 computed on a second core while the caller copies the same chunks: chunks are hashed in order on a
/// serial queue, at most four in flight (4 MiB), so the copy and the hash overlap instead of adding up.
final class PipelinedSHA256: @unchecked Sendable {
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "dossier.seal.sha256")
    private let inFlight = DispatchSemaphore(value: 4)

    func update(_ chunk: [UInt8]) {
        inFlight.wait()
        queue.async {
            self.hasher.update(data: chunk)
            self.inFlight.signal()
        }
    }

    /// Waits for every chunk, then gives the hex digest.
    func finalize() -> String {
        queue.sync { hasher.finalize().hexDigits }
    }
}
