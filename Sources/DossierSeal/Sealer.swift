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
    /// named `单位-YYYYMMDD-XXXXXXXX.zip`; an `output` that is a folder gets that name inside it) through a temporary
    /// file in the same folder, synced, then renamed.
    ///
    /// One read of each file feeds the SHA-256 (on a second core), the CRC and the zip writer, and, for a photo, the
    /// check's measurement (on other cores, or from the cache): the layout, forms and videos are read first (they
    /// decide bag-info.txt, which comes first in the zip), the photos while copied, and the check judges when all
    /// are in. With an error the temporary zip is removed and the report says why.
    public func seal(folder: String, output: String?) throws -> SealOutcome {
        let trimmed = LocalPath.trimmingTrailingSlash(folder)
        let root = RawPath(trimmed)
        let bagName = MediaName.normalise((trimmed as NSString).lastPathComponent)
        // The bag's HTML report carries a contact sheet: thumbnails come from the check's own decode.
        var judge = checker
        judge.options.thumbnails = true
        let preview = try judge.preview(bundle: root, displayPath: bagName)

        // Told where the zip goes before the work, not after it: a folder given as the output is where it goes.
        var output = output
        var parent = URL(fileURLWithPath: trimmed).standardizedFileURL.deletingLastPathComponent().path
        if let given = output, let info = RawPath(given).linkStatus(), info.st_mode & S_IFMT == S_IFDIR {
            parent = URL(fileURLWithPath: LocalPath.trimmingTrailingSlash(given)).standardizedFileURL.path
            output = nil
        }
        let destinationFolder =
            output.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path } ?? parent
        if LocalPath.isInside(destinationFolder, folder: trimmed) {
            throw SealError.refused(SealWords.outputInsideInput)
        }
        let date = checker.options.asOf.replacingOccurrences(of: "-", with: "")
        let final: String
        let fingerprint: Fingerprint
        var bundle: BundleReport
        do {
            (final, (fingerprint, bundle)) = try AtomicOutput.write(
                in: destinationFolder,
                destination: { sealed in
                    output
                        ?? (parent as NSString).appendingPathComponent(
                            "\(bagName)-\(date)-\(sealed.0.sha256.prefix(8).uppercased()).zip")
                },
                { descriptor in
                    try writeBag(preview: preview, judge: judge, root: root, bagName: bagName, descriptor: descriptor)
                })
        } catch let refusal as Refusal {
            return .refused(refusal.report)
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

    /// Thrown from inside the temporary zip's writing when the check finds an error: the zip is removed.
    private struct Refusal: Error {
        var report: Report
    }

    /// Writes every entry in path order: bag-info.txt, bagit.txt, data/… (hashed and photos measured while
    /// copied), then, when the check finds no error, the manifest, the reports and the tag manifest. The bundle's
    /// layout comes from `preview`; the check runs when the photos are measured.
    private func writeBag(
        preview: BundleReport, judge: Checker, root: RawPath, bagName: String, descriptor: Int32
    ) throws -> (Fingerprint, BundleReport) {
        // Opened and stored by the bytes on disk: a name that is not NFC keeps its spelling in the bag, and the
        // manifest names it so (any BagIt tool finds the file the manifest lists).
        let payload = preview.files.filter { $0.kind != .junk }
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
        let info = bagInfo(preview, payload: payload, bytes: totalBytes)
        try addTag(BagLayout.bagInfo, BagLayout.bagInfoText(info))
        try addTag(BagLayout.bagit, BagLayout.declaration)

        let measurer = BackgroundMeasurer(
            PhotoMeasurer(
                limits: checker.ruleSet.photos.jpegLimits, thumbnails: true,
                cache: judge.options.cacheFolder.map(judge.cache), pictures: checker.ruleSet.pictures.settings))
        let photoLimit = checker.ruleSet.photos.limits.maximumBytes
        let hasher = PipelinedSHA256()
        var names: [String] = []
        var done = WorkProgress(files: 0, totalFiles: payload.count, bytes: 0, totalBytes: totalBytes)
        for file in payload {
            let location = RawPath(bytes: root.bytes + [UInt8(ascii: "/")] + file.storedPath)
            let name = BagLayout.payload + String(decoding: file.storedPath, as: UTF8.self)
            // A photo's bytes are kept while copied, for its measurement.
            var photo: [UInt8]? = file.kind == .photo && file.bytes <= photoLimit ? [] : nil
            photo?.reserveCapacity(file.bytes)
            try writer.add(
                name: prefix + name, size: UInt64(file.bytes), compress: !ZipStorage.isStored(file)
            ) { consume in
                do {
                    try FileBytes.readChunks(location) { chunk in
                        // A cancelled seal stops here; the temporary zip is removed by AtomicOutput.
                        if checker.options.isCancelled { throw CheckError.cancelled }
                        hasher.update(chunk)
                        try consume(chunk)
                        if photo != nil { photo! += chunk }
                        done.bytes += UInt64(chunk.count)
                        progress?(done)
                    }
                } catch let failure as FileBytes.ReadError {
                    throw SealError.read("\(location)", failure.reason)
                }
            }
            names.append(name)
            if let bytes = photo, bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                // Measured once hashed (the digest is the cache's key), while the copy goes on.
                hasher.endFile { digest in measurer.measure(bytes, digest: digest, at: location) }
            } else {
                hasher.endFile()
            }
            done.files += 1
            progress?(done)
        }
        let manifest = zip(names, hasher.finish()).map { (path: $0, sha256: $1) }
        // The check, with the photos measured while copied. A folder changed while sealed (its files, forms or
        // candidates no longer those bag-info.txt and the manifest were written from) is not sealed.
        let bundle = try judge.check(bundle: root, displayPath: bagName, knownPhotos: measurer.finish())
        let report = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: [bundle])
        guard bundle.summary.verdict == .pass else { throw Refusal(report: report) }
        let sealed = bundle.files.filter { $0.kind != .junk }
            .sorted { $0.storedPath.lexicographicallyPrecedes($1.storedPath) }
        guard sealed.map(\.storedPath) == payload.map(\.storedPath), sealed.map(\.bytes) == payload.map(\.bytes),
            bagInfo(bundle, payload: sealed, bytes: totalBytes).elementsEqual(info, by: ==)
        else {
            throw SealError.refused(
                LocalizedText(
                    zh: "封装时文件夹里的文件有变化：请等文件都复制好、不再改动后再封装。",
                    en: "the folder changed while it was being sealed: seal it again once nothing changes in it"))
        }
        try addTag(BagLayout.manifest, BagLayout.manifestText(manifest))
        // The report inside the bag names the bag, not the path it was sealed from: the zip depends only on the
        // folder's content, the rules and --as-of.
        let context = ReportContext(language: checker.options.language, ruleSet: checker.ruleSet)
        // Streamed: the page with its pictures is the largest thing a seal holds in memory.
        var pageHash = SHA256()
        try writer.add(name: prefix + BagLayout.reportHTML, size: 0, compress: true) { consume in
            try HTMLReporter().render(report, context: context) { piece in
                pageHash.update(data: piece)
                try consume(piece)
            }
        }
        tags.append((BagLayout.reportHTML, pageHash.finalize().hexDigits))
        try addTag(BagLayout.reportJSON, try JSONReporter().render(report, context: context))
        let tagManifest = Array(BagLayout.manifestText(tags).utf8)
        try writer.add(name: prefix + BagLayout.tagManifest, bytes: tagManifest, compress: true)
        try writer.finish()
        return (Fingerprint(tagManifest: tagManifest), bundle)
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
