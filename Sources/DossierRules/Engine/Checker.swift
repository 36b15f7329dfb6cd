import DossierCore
import DossierFiles
import DossierInspect
import Foundation

/// Runs the rule set's checks over bundles and builds the report.
public struct Checker: Sendable {
    public var ruleSet: RuleSet
    public var options: CheckOptions

    public init(ruleSet: RuleSet, options: CheckOptions) {
        self.ruleSet = ruleSet
        self.options = options
    }

    /// Checks every bundle found at each of `paths` (SPEC §4).
    public func check(paths: [String]) throws(CheckError) -> Report {
        try validateOptions()
        var bundles: [BundleReport] = []
        for path in paths {
            for bundle in try BundleDiscovery(layout: ruleSet.layout).bundles(at: path) {
                if options.isCancelled { throw .cancelled }
                bundles.append(try check(bundle: bundle.location, displayPath: bundle.displayPath))
            }
        }
        return Report(ruleSet: ruleSet.info, asOf: options.asOf, bundles: bundles)
    }

    /// Refuses options the rule set does not know (a `--unit-type` it has no quota for).
    public func validateOptions() throws(CheckError) {
        if let type = options.unitType, !ruleSet.units.types.contains(where: { $0.key == type }) {
            throw .unknownUnitType(type, ruleSet.units.types.map(\.key))
        }
    }

    /// Checks one bundle folder; photos at the locations in `knownPhotos` were measured already in this run.
    public func check(
        bundle root: RawPath, displayPath: String,
        knownPhotos: [RawPath: PhotoMeasurer.Known] = [:]
    ) throws(CheckError) -> BundleReport {
        try check(
            source: FolderSource(root), unitName: Self.unitName(root),
            subject: Subject(path: displayPath, kind: .folder), knownPhotos: knownPhotos)
    }

    /// One bundle folder's unit, candidates and files, without reading a photo or judging anything: what the seal
    /// needs before it copies the folder (findings are empty).
    public func preview(bundle root: RawPath, displayPath: String) throws(CheckError) -> BundleReport {
        try check(
            source: FolderSource(root), unitName: Self.unitName(root),
            subject: Subject(path: displayPath, kind: .folder), judging: false)
    }

    static func unitName(_ root: RawPath) -> String {
        MediaName.normalise(String(decoding: root.bytes.split(separator: UInt8(ascii: "/")).last ?? [], as: UTF8.self))
    }

    /// The report of a bundle that could not be read at all, named `unitName`: one `FS-UNREADABLE` finding (of
    /// `variant`, at `path`), so that a drive's other bundles are still checked and this one is not passed over.
    /// `reason` is in the run's language; `detail` (the system's own words), when given, goes to the data instead.
    public func unreadable(
        subject: Subject, unitName: String, path: String = "", variant: String? = nil, reason: String,
        detail: String? = nil
    ) -> BundleReport {
        let sink = FindingSink(ruleSet: ruleSet, language: options.language)
        sink.emit(
            .fsUnreadable, path: path, candidate: ScannedBundle.candidate(ofPath: path), variant: variant,
            data: ["reason": .string(detail ?? reason)], display: ["reason": reason])
        return BundleReport(
            subject: subject,
            unit: UnitResolver(rules: ruleSet.units).resolve(name: MediaName.normalise(unitName), options: options),
            candidates: [], files: [], findings: sink.takeFindings(), strict: options.strict)
    }

    /// Checks the bundle `source` holds, reported as `subject`; photos at the locations in `knownPhotos` were
    /// measured already in this run.
    public func check(
        source: any BundleSource, unitName: String, subject: Subject,
        knownPhotos: [RawPath: PhotoMeasurer.Known] = [:]
    ) throws(CheckError) -> BundleReport {
        try check(source: source, unitName: unitName, subject: subject, knownPhotos: knownPhotos, judging: true)
    }

    private func check(
        source: any BundleSource, unitName: String, subject: Subject,
        knownPhotos: [RawPath: PhotoMeasurer.Known] = [:], judging: Bool
    ) throws(CheckError) -> BundleReport {
        let displayPath = subject.path
        var scanned: ScannedBundle
        do {
            var scanner = BundleScanner(ruleSet: ruleSet, thumbnails: options.thumbnails)
            scanner.progress = options.progress
            scanner.cancellation = options.cancellation
            scanner.knownPhotos = knownPhotos
            scanner.measuresPictures = judging
            scanner.deepVideos = options.deep
            if let folder = options.cacheFolder {
                scanner.cache = cache(folder)
            }
            scanned = try scanner.scan(source)
        } catch FileTreeWalker.WalkError.notAFolder {
            throw .notAFolder(displayPath)
        } catch FileTreeWalker.WalkError.missing {
            throw .missingPath(displayPath)
        } catch {
            throw .unreadableFolder(displayPath)
        }
        // What was not measured after a cancellation must not be judged.
        if options.isCancelled { throw .cancelled }
        scanned.folderName = unitName
        scanned.prepare(ruleSet)
        let sink = FindingSink(ruleSet: ruleSet, language: options.language, options: options)
        sink.reserve(scanned.entryCount)
        for family in CheckFamilies.all where judging {
            family.run(scanned, ruleSet: ruleSet, sink: sink)
        }
        var files: [FileEntry] = []
        files.reserveCapacity(scanned.files.count)
        for file in scanned.files where file.entry.kind == .file {
            files.append(
                FileEntry(
                    path: file.path, kind: file.kind, bytes: file.entry.bytes, jpeg: file.jpeg?.facts,
                    video: try? file.video?.get(), diskPath: file.entry.rawPath.isEmpty ? nil : file.entry.rawPath))
        }
        var report = BundleReport(
            subject: subject,
            unit: UnitResolver(rules: ruleSet.units).resolve(name: scanned.unitName(ruleSet), options: options),
            candidates: candidates(scanned),
            files: files, findings: sink.takeFindings(), strict: options.strict)
        for file in scanned.files {
            if let thumbnail = file.jpeg?.thumbnail ?? file.frames?.poster { report.thumbnails[file.path] = thumbnail }
        }
        return report
    }
}

extension Checker {
    /// The cache of measured facts in `folder`: facts depend on the bytes (the key), this build and the rule set's
    /// limits (the context).
    public func cache(_ folder: String) -> ContentCache {
        ContentCache(folder: folder, context: [ContentCache.buildIdentity, ruleSet.sha256])
    }

    /// The candidates as reports show them.
    func candidates(_ scanned: ScannedBundle) -> [CandidateInfo] {
        scanned.candidateRecords(ruleSet).map {
            CandidateInfo(name: $0.name, folder: $0.folder ?? "", fields: $0.fields)
        }
    }
}
