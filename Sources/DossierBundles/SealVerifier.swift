import Crypto
import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

/// Proves a sealed zip intact and unaltered, then runs the rules again on its payload, read from the zip
/// (nothing is extracted to disk). Every problem is a finding; `verify` passes only when none is an error.
public struct SealVerifier {
    /// Every rule verification can emit: each needs triggering and non-triggering examples.
    public static let ruleIDs: [RuleID] = [
        .sealFormat, .sealTampered, .sealMissingFile, .sealExtraFile, .sealFingerprintMismatch, .zipUnsafePath,
        .zipBomb, .zipCorrupt,
    ]

    public var checker: Checker
    public var limits: ZipLimits
    public var progress: ((WorkProgress) -> Void)?

    public init(checker: Checker, limits: ZipLimits = ZipLimits(), progress: ((WorkProgress) -> Void)? = nil) {
        self.checker = checker
        self.limits = limits
        self.progress = progress
    }

    /// Verifies the zip at `path`; `fingerprint` is the one written on the paper report, when given.
    public func verify(_ path: String, fingerprint expected: String?) -> BundleReport {
        let sink = FindingSink(ruleSet: checker.ruleSet, language: checker.options.language)
        let subject = Subject(path: path, kind: .sealed)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        func finish(
            unit: String = name, unitInfo: UnitInfo? = nil, candidates: [CandidateInfo] = [], files: [FileEntry] = [],
            extra: [Finding] = [], seal: SealInfo? = nil
        ) -> BundleReport {
            BundleReport(
                subject: subject, unit: unitInfo ?? UnitInfo(name: unit, type: checker.options.unitType),
                candidates: candidates, files: files, findings: sink.findings + extra, strict: checker.options.strict,
                seal: seal)
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(RawPath(path), limits: limits)
        } catch let error as ZipError {
            Self.report(error, entry: "", sink: sink)
            return finish()
        } catch {
            sink.emit(.zipCorrupt, path: "", problem: ZipError.corrupt("\(error)"))
            return finish()
        }

        // Names: no way out of the folder, no duplicates, one top-level folder.
        var seen: Set<String> = []
        var unsafe = false
        for entry in archive.entries {
            if Self.isUnsafe(entry.name) {
                sink.emit(.zipUnsafePath, path: "", data: ["entry": .string(entry.name)])
                unsafe = true
            }
            if !seen.insert(entry.name).inserted {
                sink.emit(.zipCorrupt, path: "", variant: "duplicate", data: ["entry": .string(entry.name)])
                unsafe = true
            }
        }
        if unsafe { return finish() }
        let tops = Set(archive.entries.map { String($0.name.split(separator: "/").first ?? "") })
        guard tops.count == 1, let bag = tops.first, !bag.isEmpty else {
            sink.emit(
                .sealFormat, path: "",
                problem: BundlesWords.notOneFolder)
            return finish()
        }
        let prefix = bag + "/"
        let files = archive.entries.filter { !$0.isDirectory }
        let byName = Dictionary(
            files.map { (String($0.name.dropFirst(prefix.count)), $0) }, uniquingKeysWith: { first, _ in first })
        func text(_ name: String) -> String? {
            guard let entry = byName[name], let bytes = try? archive.contents(entry, limit: 64 << 20) else {
                return nil
            }
            return String(validating: bytes, as: UTF8.self)
        }
        guard let declaration = text(BagLayout.bagit), declaration.contains("BagIt-Version: 1.0"),
            let manifestText = text(BagLayout.manifest), let manifest = BagLayout.parseManifest(manifestText),
            let tagManifestEntry = byName[BagLayout.tagManifest],
            let tagBytes = try? archive.contents(tagManifestEntry, limit: 64 << 20),
            let tagManifest = String(validating: tagBytes, as: UTF8.self).flatMap(BagLayout.parseManifest)
        else {
            sink.emit(
                .sealFormat, path: "",
                problem: BundlesWords.noValidBag)
            return finish(unit: bag)
        }

        // Every entry's bytes: CRC-32 (by the reader) and SHA-256 against the manifests, entries spread over
        // every core (the reader's positional reads are independent).
        let totalBytes = files.reduce(FileNumber.zero) { $0.adding($1.uncompressedSize) ?? $0 }.value
        let tally = ProgressTally(
            WorkProgress(files: 0, totalFiles: files.count, bytes: 0, totalBytes: totalBytes), progress)
        let listedEntries = byName.filter { $0.key != BagLayout.tagManifest }
            .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        // One read feeds the CRC, the SHA-256 and the photos' measurement for the check that follows: a photo of the
        // payload is kept in memory while hashed, then measured on the same core (or found in the cache).
        let cancellation = checker.options.cancellation
        let measurer = PhotoMeasurer(
            limits: checker.ruleSet.photos.jpegLimits, thumbnails: checker.options.thumbnails,
            cache: checker.options.cacheFolder.map(checker.cache), pictures: checker.ruleSet.pictures.settings)
        let photoLimit = UInt64(max(0, checker.ruleSet.photos.limits.maximumBytes))
        let hashes = ParallelMap.map(listedEntries) { name, entry -> (String, ZipError?, PhotoMeasurer.Known?) in
            // A cancelled verification reads no more (its caller throws its report away).
            if cancellation?.isCancelled == true { return ("", .corrupt("cancelled"), nil) }
            var hasher = SHA256()
            var damage: ZipError?
            var photo: [UInt8]? = Self.mayBePhoto(name) && entry.uncompressedSize.value <= photoLimit ? [] : nil
            do {
                try archive.read(entry) { chunk in
                    hasher.update(data: chunk)
                    if photo != nil { photo! += chunk }
                    tally.add(bytes: chunk.count)
                }
            } catch let error as ZipError {
                damage = error
            } catch {
                damage = .corrupt("\(error)")
            }
            tally.add(files: 1)
            let digest = hasher.finalize().hexDigits
            guard damage == nil, let bytes = photo, bytes.starts(with: [0xFF, 0xD8, 0xFF]) else {
                return (digest, damage, nil)
            }
            return (digest, damage, measurer.known(bytes, digest: digest))
        }
        var knownPhotos: [RawPath: PhotoMeasurer.Known] = [:]
        for ((_, entry), (_, _, known)) in zip(listedEntries, hashes) {
            if let known { knownPhotos[ZipFolderSource.location(of: entry)] = known }
        }
        for ((name, _), (actual, damage, _)) in zip(listedEntries, hashes) {
            let listed = name.hasPrefix(BagLayout.payload) ? manifest[name] : tagManifest[name]
            guard let listed else {
                sink.emit(.sealExtraFile, path: name)
                continue
            }
            if actual != listed {
                sink.emit(.sealTampered, path: name, data: ["expected": .string(listed), "actual": .string(actual)])
            } else if let damage {
                Self.report(damage, entry: name, sink: sink)
            }
        }
        for name in (Set(manifest.keys).union(tagManifest.keys)).subtracting(byName.keys).sorted() {
            sink.emit(.sealMissingFile, path: name)
        }
        let fingerprint = Fingerprint(tagManifest: tagBytes)
        let seal = SealInfo(
            fingerprint: fingerprint.description, paperFingerprint: expected,
            matchesPaper: expected.map { fingerprint.matches($0) })
        if let expected, !fingerprint.matches(expected) {
            sink.emit(
                .sealFingerprintMismatch, path: "",
                data: ["actual": .string(fingerprint.description), "expected": .string(expected)])
        }

        // The rules again, on the payload as it is in the zip, judging the unit as it was sealed (its type and an
        // approved quota) unless the office says otherwise.
        var judge = checker
        judge.options = Self.options(
            checker.options, bagInfo: text(BagLayout.bagInfo).map(BagLayout.parseBagInfo) ?? [:],
            ruleSet: checker.ruleSet)
        do {
            let recheck = try judge.check(
                source: ZipFolderSource(archive: archive, folder: prefix + BagLayout.payload), unitName: bag,
                subject: subject, knownPhotos: knownPhotos)
            var bundle = finish(
                unit: bag, unitInfo: recheck.unit, candidates: recheck.candidates, files: recheck.files,
                extra: recheck.findings, seal: seal)
            // The contact sheet's pictures, when asked for (they were dropped: a verified zip's HTML report and the
            // web app's intake page showed 无预览 for every photo).
            bundle.thumbnails = recheck.thumbnails
            return bundle
        } catch {
            sink.emit(
                .zipCorrupt, path: "", problem: error)
            return finish(unit: bag, seal: seal)
        }
    }

    /// Whether the payload entry `name` may be a photo the check measures (a JPEG's extension).
    static func mayBePhoto(_ name: String) -> Bool {
        name.hasPrefix(BagLayout.payload) && ["jpg", "jpeg"].contains(FileNameParts(name).extension)
    }

    /// The options a bag is judged with: the office's own first; else the unit's type the bag was sealed as (when
    /// the rule set knows it) and an approved quota with its approval (a quota without an approval is the rule
    /// set's for the type, and is judged by the office's rules).
    public static func options(_ office: CheckOptions, bagInfo: [String: String], ruleSet: RuleSet) -> CheckOptions {
        var options = office
        if options.unitType == nil, let type = bagInfo[BagLayout.unitType],
            ruleSet.units.types.contains(where: { $0.key == type })
        {
            options.unitType = type
        }
        if options.quota == nil && options.approval == nil, let approval = bagInfo[BagLayout.quotaApproval],
            !approval.isEmpty, let quota = bagInfo[BagLayout.quota].flatMap({ Int($0) }), quota >= 0
        {
            options.quota = quota
            options.approval = approval
        }
        return options
    }

    /// A name that would land outside the folder it is extracted into: absolute, `..`, a drive, a backslash.
    public static func isUnsafe(_ name: String) -> Bool {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        return name.hasPrefix("/") || name.contains("\\") || components.contains("..")
            || (components.first?.count == 2 && components.first?.last == ":")
    }

    /// The finding for a zip that cannot be read.
    public static func report(_ error: ZipError, entry: String, sink: FindingSink) {
        switch error {
        case .notAZip:
            sink.emit(.sealFormat, path: entry, problem: error)
        case .truncated:
            sink.emit(.zipCorrupt, path: entry, variant: "truncated", problem: error)
        case .crcMismatch:
            sink.emit(.zipCorrupt, path: entry, variant: "checksum", problem: error)
        case .tooLarge(let name, let bytes):
            sink.emit(.zipBomb, path: entry, data: ["entry": .string(name), "bytes": .int(Int(clamping: bytes))])
        case .ratio(let name, _, let bytes):
            sink.emit(.zipBomb, path: entry, data: ["entry": .string(name), "bytes": .int(Int(clamping: bytes))])
        default:
            sink.emit(.zipCorrupt, path: entry, problem: error)
        }
    }
}
