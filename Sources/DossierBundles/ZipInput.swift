import DossierCore
import DossierFiles
import DossierInspect
import DossierRules
import Foundation

/// `dossier check X.zip`: a sealed zip is verified and its payload checked; a plain zip of a unit's folder is
/// checked where it lies, without extracting it (SPEC §4).
public enum ZipInput {
    /// Every rule reading a plain zip can emit besides the bundle's own (each needs examples).
    public static let ruleIDs: [RuleID] = [.zipEncoding, .zipUnsafePath, .zipBomb, .zipCorrupt]

    /// The report of the zip at `path`.
    public static func check(_ path: String, checker: Checker, limits: ZipLimits = ZipLimits()) -> BundleReport {
        let sink = FindingSink(ruleSet: checker.ruleSet, language: checker.options.language)
        let fallbackName = MediaName.normalise(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        let subject = Subject(path: path, kind: .zip)
        func alone() -> BundleReport {
            BundleReport(
                subject: subject, unit: UnitInfo(name: fallbackName, type: checker.options.unitType), candidates: [],
                files: [],
                findings: sink.findings, strict: checker.options.strict)
        }
        let archive: ZipArchive
        do {
            archive = try ZipArchive(RawPath(path), limits: limits)
        } catch let error as ZipError {
            if case .notAZip = error {
                sink.emit(.zipCorrupt, path: "", problem: error)
            } else {
                SealVerifier.report(error, entry: "", sink: sink)
            }
            return alone()
        } catch {
            sink.emit(.zipCorrupt, path: "", problem: ZipError.corrupt("\(error)"))
            return alone()
        }
        let junk = FileClassifier(layout: checker.ruleSet.layout)
        let names = archive.entries.map(\.name).filter { name in
            !name.split(separator: "/").contains { junk.isJunkFolder(String($0)) }
        }
        let tops = Set(names.compactMap { $0.split(separator: "/").first.map(String.init) })
        if tops.count == 1, let top = tops.first, names.contains("\(top)/\(BagLayout.bagit)") {
            return SealVerifier(checker: checker, limits: limits).verify(path, fingerprint: nil)
        }
        for entry in archive.entries where SealVerifier.isUnsafe(entry.name) {
            sink.emit(.zipUnsafePath, path: "", data: ["entry": .string(entry.name)])
        }
        if archive.entries.contains(where: \.nameWasGBK) {
            sink.emit(.zipEncoding, path: "")
        }
        // One folder at the top is the unit's folder; otherwise the zip's root is.
        let single = tops.count == 1 && names.allSatisfy { $0.contains("/") }
        let folder = single ? (tops.first ?? "") + "/" : ""
        let unitName = single ? MediaName.normalise(tops.first ?? fallbackName) : fallbackName
        // Every entry of the bundle whose header or data lies (as `unzip -t` would find) is reported now and
        // listed as unreadable; one that fails only when read (a checksum) is reported after the checks. Junk
        // (`.DS_Store`, `__MACOSX/`) is never read nor sealed: its bytes do not matter.
        func isJunk(_ name: String) -> Bool {
            let components = name.split(separator: "/").map(String.init)
            return components.contains(where: junk.isJunkFolder) || components.last.map(junk.isJunkFile) == true
        }
        var damaged: [Int: ZipError] = [:]
        for entry in archive.entries
        where !entry.isDirectory && entry.name.hasPrefix(folder) && !SealVerifier.isUnsafe(entry.name)
            && !isJunk(entry.name)
        {
            if let damage = Self.damage(of: entry, in: archive) {
                damaged[entry.index] = damage
                Self.report(damage, entry: entry, folder: folder, sink: sink)
            }
        }
        let source = ZipFolderSource(
            archive: archive, folder: folder, skipping: SealVerifier.isUnsafe, damaged: damaged)
        do {
            let report = try checker.check(source: source, unitName: unitName, subject: subject)
            for (entry, error) in source.readFailures.all where damaged[entry.index] == nil {
                Self.report(
                    error as? ZipError ?? .corrupt("\(entry.name): \(error)"), entry: entry, folder: folder, sink: sink)
            }
            var bundle = BundleReport(
                subject: subject, unit: report.unit, candidates: report.candidates, files: report.files,
                findings: sink.findings + report.findings, strict: checker.options.strict)
            // The contact sheet's pictures, when asked for (they were dropped: a zip's HTML report had none).
            bundle.thumbnails = report.thumbnails
            return bundle
        } catch {
            sink.emit(.zipCorrupt, path: "", problem: error)
            return alone()
        }
    }

    /// What keeps `entry` from being read, found without reading its data: its local header and where its data
    /// lies, encryption, the compression method.
    static func damage(of entry: ZipEntry, in archive: ZipArchive) -> ZipError? {
        do {
            _ = try archive.dataOffset(entry)
        } catch let error as ZipError {
            return error
        } catch {
            return .corrupt("\(entry.name): \(error)")
        }
        if entry.flags & 0x0001 != 0 { return .encrypted }
        if entry.method != 0 && entry.method != 8 { return .unsupportedMethod(entry.method) }
        return nil
    }

    /// The finding for a damaged entry, at its path in the bundle.
    static func report(_ error: ZipError, entry: ZipEntry, folder: String, sink: FindingSink) {
        let path = String(entry.name.dropFirst(folder.count)).precomposedStringWithCanonicalMapping
        let candidate = ScannedBundle.candidate(ofPath: path)
        switch error {
        case .tooLarge(let name, let bytes), .ratio(let name, _, let bytes):
            sink.emit(
                .zipBomb, path: path, candidate: candidate,
                data: ["entry": .string(name), "bytes": .int(Int(clamping: bytes))])
        case .crcMismatch:
            sink.emit(
                .zipCorrupt, path: path, candidate: candidate, variant: "checksum", data: ["entry": .string(entry.name)]
            )
        default:
            sink.emit(
                .zipCorrupt, path: path, candidate: candidate, variant: "entry", problem: error,
                data: ["entry": .string(entry.name)])
        }
    }
}
