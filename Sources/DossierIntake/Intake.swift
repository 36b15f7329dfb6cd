import Crypto
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierPacking
import DossierRules
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `dossier intake PATH… --archive DIR`: the campaign office receives bundles from a drive. Each bundle is
/// verified (a sealed zip) or checked (a folder or a plain zip), kept in the archive as it was received, and
/// recorded in the ledger; then bundles are compared across units. The input is only read.
public struct IntakeRunner: Sendable {
    public var checker: Checker
    public var archive: String
    /// When the bundles were received (the ledger's clock); tests fix it.
    public var now: @Sendable () -> Date = { Date() }
    /// Who received the drive, and the label on it: recorded with every receipt.
    public var receivedBy: String?
    public var driveLabel: String?

    /// Every rule that only comparing bundles can emit.
    public static let ruleIDs: [RuleID] = [.crossResubmission, .crossDuplicateCandidate, .crossDuplicatePhoto]

    public init(checker: Checker, archive: String) {
        self.checker = checker
        self.archive = archive
    }

    /// Receives every bundle found at `paths`; the report carries each bundle's findings and the cross findings.
    /// Bytes the archive already holds are not kept again: their version is recorded as received once more.
    public func run(paths: [String]) throws -> Report {
        try checker.validateOptions()
        let items = try paths.flatMap { try DriveDiscovery(layout: checker.ruleSet.layout).items(at: $0) }
        guard !items.isEmpty else { throw IntakeError.nothingFound(paths) }
        try prepareArchive(inputs: paths)
        let ledgerPath = (archive as NSString).appendingPathComponent("ledger.sqlite")
        let ledger = try Ledger(path: ledgerPath)
        removeStalePartials()
        try holdingArchive { try removeOrphans(ledger, ledgerPath: ledgerPath) }
        let sink = FindingSink(ruleSet: checker.ruleSet, language: checker.options.language)
        var bundles: [BundleReport] = []
        var received: Set<Int64> = []
        for item in items {
            // Cancelled between bundles: every bundle kept so far is recorded, nothing is half-kept.
            if checker.options.isCancelled { throw CheckError.cancelled }
            // One bundle that cannot be read (a folder gone, a file unreadable or pulled out while packing) is a
            // finding of its own and is not kept; the rest of the drive is received.
            var bundle: BundleReport
            if item.unlisted {
                bundles.append(
                    notKept(
                        item, bundle: nil, path: "", reason: DriveDiscovery.unlistedReason,
                        detail: DriveDiscovery.unlistedReason.en))
                continue
            }
            do {
                bundle = try item.check(with: checker)
            } catch {
                bundles.append(
                    notKept(item, bundle: nil, path: "", reason: LocalizedText(error), detail: error.text(.en)))
                continue
            }
            let unit = unitKey(bundle.unit.name)
            // Kept and recorded under the archive's lock: no other intake sees a kept file before its row exists,
            // so a file without a row is one whose intake died (`removeOrphans`).
            let lock = try lockArchive()
            defer { lock.release() }
            let earlier = try ledgerRead(ledgerPath) { try ledger.entries(unit: unit) }
            var entry: Ledger.Entry
            do {
                entry = try keep(item, bundle: bundle, unit: unit)
            } catch let failure as FolderPacker.Unreadable {
                bundles.append(
                    notKept(
                        item, bundle: bundle, path: failure.path, reason: LocalizedText(failure.reason),
                        detail: failure.reason.systemText))
                continue
            } catch PackingError.read(let path, let reason) {
                bundles.append(
                    notKept(
                        item, bundle: bundle, path: "",
                        reason: LocalizedText(zh: "\(path)：\(reason.text(.zh))", en: "\(path): \(reason.text(.en))"),
                        detail: "\(path): \(reason.systemText)"))
                continue
            } catch PackingError.write(let reason) {
                throw IntakeError.archiveUnwritable(archive, nil, reason)
            } catch let failure as AtomicOutput.Failure {
                throw IntakeError.archiveUnwritable(archive, failure.path, failure.reason)
            } catch {
                // Whatever else goes wrong with one bundle is that bundle's: the rest of the drive is received.
                let message =
                    (error as? any BilingualMessage).map(LocalizedText.init)
                    ?? LocalizedText(
                        zh: "\(error)", en: "\(error)")
                bundles.append(notKept(item, bundle: bundle, path: "", reason: message, detail: "\(error)"))
                continue
            }
            let keptPath = (archive as NSString).appendingPathComponent(entry.archivedAs)
            let receipt = Ledger.Receipt(
                receivedAt: entry.receivedAt, source: entry.source, receivedBy: receivedBy, driveLabel: driveLabel)
            if let same = try ledgerRead(ledgerPath, { try ledger.version(sha256: entry.sha256) }) {
                // The same bytes again: kept once, recorded as seen again.
                unlink(keptPath)
                var again = receipt
                again.version = same.id
                do {
                    try ledger.record(again)
                } catch {
                    throw IntakeError.ledgerUnwritable(ledgerPath, item.display, Ledger.reason(error))
                }
                sink.emit(
                    .crossResubmission, path: "", variant: "identical",
                    data: [
                        "unit": .string(bundle.unit.name), "previous": .int(Int(same.id)),
                        "count": .int(max(earlier.count, 1)),
                    ],
                    display: [
                        "date": String(same.receivedAt.prefix(10)), "source": item.display,
                        "previousSource": same.source,
                    ])
                received.insert(same.id)
                bundles.append(bundle)
                continue
            }
            let facts = KeptBundle.facts(keptPath, bundle: bundle, unit: unit, sealed: bundle.subject.kind == .sealed)
            entry.bagDate = facts.bagDate
            if let last = earlier.last {
                // Counted by distinct versions: every earlier row is a content of its own.
                sink.emit(
                    .crossResubmission, path: "",
                    data: [
                        "unit": .string(bundle.unit.name), "previous": .int(Int(last.id)),
                        "count": .int(earlier.count + 1),
                    ],
                    display: [
                        "date": String(last.receivedAt.prefix(10)), "source": item.display,
                        "previousSource": last.source,
                    ])
            }
            do {
                entry.id = try ledger.record(
                    entry, report: try Self.json(bundle), candidates: bundle.candidates,
                    fields: checker.ruleSet.units.office?.candidateFields, photos: facts.photos, receipt: receipt)
            } catch {
                // A kept file with no row is a file nobody knows of: take it back, so that the archive holds
                // exactly what the ledger lists (a full disk, a read-only ledger).
                unlink(keptPath)
                throw IntakeError.ledgerUnwritable(ledgerPath, item.display, Ledger.reason(error))
            }
            received.insert(entry.id)
            bundles.append(bundle)
        }
        try ledgerRead(ledgerPath) {
            try CrossUnitChecks(ruleSet: checker.ruleSet).run(ledger: ledger, received: received, sink: sink)
        }
        return Report(
            ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: bundles, crossFindings: sink.findings)
    }

    /// The name a unit is recorded under: the registry's, when the bundle names it by an alias.
    private func unitKey(_ name: String) -> String {
        UnitResolver(rules: checker.ruleSet.units).unit(named: name)?.name ?? name
    }

    /// `bundle` (or, when its check could not be done, a bundle named after the item) with an `FS-UNREADABLE`
    /// finding saying it was neither kept nor recorded, and why: `reason` in the report's language, the system's
    /// own words (`detail`) only in the finding's data.
    private func notKept(
        _ item: DriveDiscovery.Item, bundle: BundleReport?, path: String, reason: LocalizedText, detail: String
    )
        -> BundleReport
    {
        // Inside the message's brackets: no full stop of its own.
        let shown = reason.text(checker.options.language).trimmingCharacters(in: CharacterSet(charactersIn: "。."))
        guard var report = bundle else {
            return checker.unreadable(
                subject: Subject(path: item.display, kind: item.kind == .zip ? .zip : .folder),
                unitName: ((item.path as NSString).lastPathComponent as NSString).deletingPathExtension, path: path,
                variant: "notKept", reason: shown, detail: detail)
        }
        let sink = FindingSink(ruleSet: checker.ruleSet, language: checker.options.language)
        sink.emit(
            .fsUnreadable, path: path, candidate: ScannedBundle.candidate(ofPath: path), variant: "notKept",
            data: ["reason": .string(detail)], display: ["reason": shown])
        report.findings += sink.findings
        report.summary = FindingSummary(findings: report.findings, strict: checker.options.strict)
        return report
    }

    /// Runs `body` on the ledger; a failure is the ledger's, in one line.
    private func ledgerRead<Value>(_ path: String, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw IntakeError.ledgerUnreadable(path, Ledger.reason(error))
        }
    }

    /// Copies a zip, or packs a folder, into `received/UNIT/` as it was received; returns its ledger entry.
    private func keep(_ item: DriveDiscovery.Item, bundle: BundleReport, unit: String) throws -> Ledger.Entry {
        let unitFolder = "received/" + Self.safeName(unit)
        let folder = (archive as NSString).appendingPathComponent(unitFolder)
        for path in [(archive as NSString).appendingPathComponent("received"), folder] { try makeFolder(path) }
        let stamp = Self.stamp(now())
        let base = Self.safeName((item.path as NSString).lastPathComponent)
        let name = item.kind == .zip ? "\(stamp)-\(base)" : "\(stamp)-\(base).zip"
        var hasher = SHA256()
        var bytes: Int64 = 0
        func hash(_ chunk: [UInt8]) {
            hasher.update(data: chunk)
            bytes += Int64(chunk.count)
        }
        // Another intake may keep a bundle of the same unit in the same second: the name is taken atomically, the
        // later one getting `2-…`, `3-…`.
        let (path, _) = try AtomicOutput.writeNew(
            in: folder,
            name: { _, attempt in
                (folder as NSString).appendingPathComponent(attempt == 0 ? name : "\(attempt + 1)-" + name)
            }
        ) { descriptor in
            switch item.kind {
            case .zip:
                // Hashed as it is copied: the kept file is these bytes.
                try readChunks(item.path) { chunk in
                    try AtomicOutput.writeAll(chunk, to: descriptor)
                    hash(chunk)
                }
            case .folder:
                // Dated 1980-01-01, not today: the same folder received twice packs to the same bytes.
                try FolderPacker.pack(
                    bundle, root: RawPath(item.path), top: base, asOf: "1980-01-01", to: descriptor)
            }
        }
        // A packed folder is read back: the zip writer patches each header after its data.
        if item.kind == .folder { try readChunks(path, hash) }
        let summary = bundle.summary
        return Ledger.Entry(
            receivedAt: Self.isoTime(now()), asOf: checker.options.asOf, source: item.display,
            kind: bundle.subject.kind.rawValue, unit: unit, unitType: bundle.unit.type,
            fingerprint: bundle.seal?.fingerprint,
            sha256: hasher.finalize().hexDigits,
            archivedAs: unitFolder + "/" + (path as NSString).lastPathComponent, bytes: bytes,
            verdict: summary.verdict.rawValue, errors: summary.errors, warnings: summary.warnings,
            notices: summary.notices, rulesSHA256: checker.ruleSet.sha256, quota: bundle.unit.quota,
            approval: bundle.unit.approval)
    }

    /// Makes the folder `path` in the archive unless it is there; another intake making it at the same moment is no
    /// failure.
    private func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let failure = errno
        var info = stat()
        if failure == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
        throw IntakeError.archiveUnwritable(archive, path, SystemReason(failure))
    }

    /// The archive's lock (`ARCHIVE/.intake.lock`), held while a bundle is kept and recorded and while orphans are
    /// looked for. The system releases it when its holder dies, even by `kill -9`.
    private func lockArchive() throws -> ArchiveLock {
        let path = (archive as NSString).appendingPathComponent(".intake.lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IntakeError.archiveUnwritable(archive, path, .current)
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let failure = errno
                close(descriptor)
                throw IntakeError.archiveUnwritable(archive, path, SystemReason(failure))
            }
        }
        return ArchiveLock(descriptor: descriptor)
    }

    private func holdingArchive<Value>(_ body: () throws -> Value) throws -> Value {
        let lock = try lockArchive()
        defer { lock.release() }
        return try body()
    }

    /// Removes kept files that no ledger row names: an intake killed between keeping a bundle and recording it
    /// left them (the bundle was not received; its drive still holds it). Only files written since the ledger's
    /// first row are judged: a ledger begun afresh beside an older archive removes nothing it never knew. Temporary
    /// files are left to `removeStalePartials`, anything that is not a zip to the office.
    private func removeOrphans(_ ledger: Ledger, ledgerPath: String) throws {
        let (recorded, firstReceivedAt) = try ledgerRead(ledgerPath) { try ledger.keptFiles() }
        guard let first = firstReceivedAt.flatMap({ ISO8601DateFormatter().date(from: $0) }) else { return }
        let received = (archive as NSString).appendingPathComponent("received")
        for unit in (try? FileManager.default.contentsOfDirectory(atPath: received)) ?? [] {
            let folder = (received as NSString).appendingPathComponent(unit)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where !name.hasPrefix(".") && name.hasSuffix(".zip") && !recorded.contains("received/\(unit)/\(name)") {
                let path = (folder as NSString).appendingPathComponent(name)
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
                    Double(info.st_mtim.tv_sec) >= first.timeIntervalSince1970.rounded(.down)
                else { continue }
                unlink(path)
            }
        }
    }

    /// Reads `path` in chunks; a read failure is that bundle's (not kept), named by its path.
    private func readChunks(_ path: String, _ consume: ([UInt8]) throws -> Void) throws {
        do {
            try FileBytes.readChunks(RawPath(path), consume)
        } catch let failure as FileBytes.ReadError {
            throw PackingError.read(path, failure.reason)
        }
    }

    /// Removes what killed intakes left in `received/UNIT/` (their temporary files), whichever unit comes now.
    private func removeStalePartials() {
        let received = (archive as NSString).appendingPathComponent("received")
        for unit in (try? FileManager.default.contentsOfDirectory(atPath: received)) ?? [] {
            AtomicOutput.removeStalePartials(in: (received as NSString).appendingPathComponent(unit))
        }
    }

    /// Makes the archive folder when missing; refuses one inside an input (inputs are read-only).
    private func prepareArchive(inputs: [String]) throws {
        for input in inputs where LocalPath.isInside(archive, folder: input) {
            throw IntakeError.archiveInsideInput(archive, input)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: archive, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw IntakeError.archiveNotAFolder(archive) }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
            } catch {
                throw IntakeError.archiveUnwritable(archive, nil, SystemReason(error) ?? SystemReason(EIO))
            }
        }
        guard access(archive, W_OK) == 0 else {
            throw IntakeError.archiveUnwritable(archive, nil, .current)
        }
    }

    private static func json(_ bundle: BundleReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(bundle), as: UTF8.self)
    }

    /// A file or folder name safe on any disk the archive may be copied to: NFC, no `/`, no control characters.
    static func safeName(_ name: String) -> String {
        let cleaned = String(
            MediaName.normalise(name).unicodeScalars.map {
                $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0 == ":" ? "_" : Character($0)
            })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    /// `date` as the ledger writes times: ISO 8601 in the local time zone.
    public static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        return formatter.string(from: date)
    }
}

/// An exclusive `flock` on the archive's lock file, released by `release()` or by the holder's death.
struct ArchiveLock {
    let descriptor: Int32

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Why an intake could not be done at all (exit 2).
public enum IntakeError: Error, Equatable, BilingualMessage {
    case archiveInsideInput(String, String)
    case archiveNotAFolder(String)
    /// The archive, the path in it that could not be written (when another than the archive), and why.
    case archiveUnwritable(String, String?, SystemReason)
    case nothingFound([String])
    case ledgerUnreadable(String, String)
    /// The ledger at the first path could not record the bundle from the second; the third is the system's reason.
    case ledgerUnwritable(String, String, String)
    /// The ledger at this path was written by a newer dossier.
    case ledgerTooNew(String)
    /// No version of this number is in the ledger.
    case noSuchVersion(Int64)
    /// The folder given as `--archive` is not an intake archive (no folder, or no ledger in it).
    case notAnArchive(String)
    /// A fingerprint that is not 20 hex digits.
    case badFingerprint(String)
    /// No unit of this name; the closest names.
    case noSuchUnit(String, [String])

    public func text(_ language: Language) -> String {
        let words: LocalizedText
        switch self {
        case .archiveInsideInput(let archive, let input): words = LedgerWords.archiveInsideInput(archive, input)
        case .archiveNotAFolder(let archive): words = LedgerWords.archiveNotAFolder(archive)
        case .archiveUnwritable(let archive, let path, let reason):
            words = LedgerWords.archiveUnwritable(archive, path, reason)
        case .ledgerUnreadable(let path, let reason): words = LedgerWords.ledgerUnreadable(path, reason)
        case .ledgerUnwritable(let path, let source, let reason):
            words = LedgerWords.ledgerUnwritable(path, source, reason)
        case .ledgerTooNew(let path): words = LedgerWords.ledgerTooNew(path)
        case .noSuchVersion(let version): words = LedgerWords.noSuchVersion(version)
        case .notAnArchive(let archive): words = LedgerWords.notAnArchive(archive)
        case .badFingerprint(let text): words = LedgerWords.badFingerprint(text)
        case .noSuchUnit(let name, let suggestions): words = LedgerWords.noSuchUnit(name, suggestions)
        case .nothingFound(let paths): words = LedgerWords.nothingFound(paths)
        }
        return words.text(language)
    }
}
