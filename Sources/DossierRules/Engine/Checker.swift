import DossierCore
import DossierInspect
import Foundation

/// What a check run is asked for.
public struct CheckOptions: Sendable {
    public var language: Language
    public var strict: Bool
    /// The date the deadline is judged against, `YYYY-MM-DD`.
    public var asOf: String
    public var unitType: String?
    public var quota: Int?
    public var approval: String?
    /// Keep a small upright JPEG of every photo (for the HTML contact sheet).
    public var thumbnails: Bool = false
    /// Told as photos and videos are measured (a progress bar).
    public var progress: (@Sendable (WorkProgress) -> Void)?

    public init(
        language: Language = .zh, strict: Bool = false, asOf: String, unitType: String? = nil, quota: Int? = nil,
        approval: String? = nil
    ) {
        self.language = language
        self.strict = strict
        self.asOf = asOf
        self.unitType = unitType
        self.quota = quota
        self.approval = approval
    }
}

/// Why a check run could not be done at all (exit 2): not a finding.
public enum CheckError: Error, Equatable, BilingualMessage {
    case missingPath(String)
    case notAFolder(String)
    case unreadableFolder(String)
    case unknownUnitType(String, [String])
    /// The path (first) is one candidate's folder, not a unit's; the second is the folder above it.
    case candidateFolder(String, String)

    public func text(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .missingPath(let path): return zh ? "找不到“\(path)”：没有这个文件或文件夹。" : "\(path): no such file or folder"
        case .notAFolder(let path):
            return zh ? "“\(path)”不是文件夹，也不是 zip：请给出单位文件夹、zip 或存放它们的文件夹。" : "\(path): not a folder"
        case .unreadableFolder(let path):
            return zh ? "无法读取文件夹“\(path)”（没有读取权限）。" : "\(path): the folder cannot be read"
        case .unknownUnitType(let type, let known):
            return zh
                ? "--unit-type \(type) 不是本规则集的单位类型，可选：\(known.joined(separator: "、"))。"
                : "--unit-type \(type) is not one of: \(known.joined(separator: ", "))"
        case .candidateFolder(let path, let parent):
            return zh
                ? "“\(path)”看起来是一位候选人的文件夹，不是推荐单位的文件夹：请检查上一级的单位文件夹“\(parent)”，推荐表、汇总表和名额要按整个单位核对。"
                : "\(path) looks like one candidate's folder, not a unit's: check the unit's folder above it, \(parent); "
                    + "forms, summary tables and the quota are judged for the whole unit."
        }
    }
}

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

    /// Checks one bundle folder.
    public func check(bundle root: RawPath, displayPath: String) throws(CheckError) -> BundleReport {
        let unitName = MediaName.normalise(
            String(decoding: root.bytes.split(separator: UInt8(ascii: "/")).last ?? [], as: UTF8.self))
        return try check(
            source: FolderSource(root), unitName: unitName, subject: Subject(path: displayPath, kind: .folder))
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

    /// Checks the bundle `source` holds, reported as `subject`.
    public func check(source: any BundleSource, unitName: String, subject: Subject) throws(CheckError) -> BundleReport {
        let displayPath = subject.path
        var scanned: ScannedBundle
        do {
            var scanner = BundleScanner(ruleSet: ruleSet, thumbnails: options.thumbnails)
            scanner.progress = options.progress
            scanned = try scanner.scan(source)
        } catch FileTreeWalker.WalkError.notAFolder {
            throw .notAFolder(displayPath)
        } catch FileTreeWalker.WalkError.missing {
            throw .missingPath(displayPath)
        } catch {
            throw .unreadableFolder(displayPath)
        }
        scanned.folderName = unitName
        scanned.prepare(ruleSet)
        let sink = FindingSink(ruleSet: ruleSet, language: options.language, options: options)
        sink.reserve(scanned.entryCount)
        for family in CheckFamilies.all {
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
            if let thumbnail = file.jpeg?.thumbnail { report.thumbnails[file.path] = thumbnail }
        }
        return report
    }
}

extension Checker {
    /// The candidates as reports show them.
    func candidates(_ scanned: ScannedBundle) -> [CandidateInfo] {
        scanned.candidateRecords(ruleSet).map {
            CandidateInfo(name: $0.name, folder: $0.folder ?? "", fields: $0.fields)
        }
    }
}

/// Finds the bundles at a path: a unit folder, or a folder or drive holding several (SPEC §4).
public struct BundleDiscovery: Sendable {
    public var layout: LayoutFile

    public init(layout: LayoutFile) { self.layout = layout }

    /// A bundle to check: where it is and how reports name it.
    public struct Found: Sendable, Equatable {
        public var location: RawPath
        public var displayPath: String
    }

    /// The bundles at `path`: the folder itself when it looks like a unit's folder; else the unit folders in it
    /// (or one level further down, as on a drive with a folder per year); else the folder itself, so that
    /// what is missing gets reported.
    public func bundles(at path: String) throws(CheckError) -> [Found] {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let root = RawPath(trimmed)
        guard let info = root.linkStatus() else { throw .missingPath(trimmed) }
        let mode = info.st_mode & S_IFMT
        guard mode == S_IFDIR else { throw .notAFolder(trimmed) }
        if looksLikeBundle(root) { return [Found(location: root, displayPath: trimmed)] }
        for depth in 1...2 {
            let found = folders(below: root, display: trimmed, depth: depth).filter { looksLikeBundle($0.location) }
            if !found.isEmpty { return found }
        }
        try refuseCandidateFolder(root, display: trimmed)
        return [Found(location: root, displayPath: trimmed)]
    }

    /// Throws when `folder`, holding no unit's folder, is one candidate's: checked alone it would give a dozen
    /// findings that all come from pointing at the wrong folder.
    public func refuseCandidateFolder(_ folder: RawPath, display: String) throws(CheckError) {
        guard looksLikeCandidateFolder(folder) else { return }
        let parent = (display as NSString).deletingLastPathComponent
        throw .candidateFolder(display, parent.isEmpty ? "." : parent)
    }

    /// Whether `folder` is one candidate's: it holds, as regular files, a form, scan, photo or video whose name
    /// begins with the folder's name (李四/李四推荐表.docx, 李四/李四1.jpg), and no unit-level document.
    public func looksLikeCandidateFolder(_ folder: RawPath) -> Bool {
        guard !holdsUnitDocument(folder), let last = folder.bytes.split(separator: UInt8(ascii: "/")).last else {
            return false
        }
        let person = MediaName.normalise(String(decoding: last, as: UTF8.self))
        guard MediaName.containsHan(person) else { return false }
        let classifier = FileClassifier(layout: layout)
        return (FileTreeWalker.list(folder) ?? []).contains { raw in
            let name = MediaName.normalise(String(decoding: raw, as: UTF8.self))
            guard name.hasPrefix(person), let info = folder.appending(raw).linkStatus(),
                info.st_mode & S_IFMT == S_IFREG
            else { return false }
            let kind = classifier.kind(of: name, content: nil, inCandidateFolder: true)
            return [FileKind.form, .scan, .photo, .video].contains(kind)
        }
    }

    private func folders(below root: RawPath, display: String, depth: Int) -> [Found] {
        let classifier = FileClassifier(layout: layout)
        var level = [Found(location: root, displayPath: display)]
        for _ in 0..<depth {
            level = level.flatMap { parent -> [Found] in
                (FileTreeWalker.list(parent.location) ?? []).sorted { $0.lexicographicallyPrecedes($1) }.compactMap {
                    raw in
                    let location = parent.location.appending(raw)
                    let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
                    guard let info = location.linkStatus(), info.st_mode & S_IFMT == S_IFDIR,
                        !classifier.isJunkFolder(name)
                    else { return nil }
                    // Shown as spelt on disk: a path the user can open again, though not NFC.
                    return Found(
                        location: location,
                        displayPath: parent.displayPath + "/" + String(decoding: raw, as: UTF8.self))
                }
            }
        }
        return level
    }

    /// A unit's folder holds one of the unit-level documents, or a candidate's folder: a sub-folder holding a form,
    /// photo or video. Only regular files count: a symlink is never followed, so it is a finding of the folder it is
    /// in, not a sign of what that folder is. A sub-folder holding unit-level documents is a unit's folder, not a
    /// candidate's: a drive of unit folders is not one bundle because one unit has a stray photo at its top.
    public func looksLikeBundle(_ folder: RawPath) -> Bool {
        if holdsUnitDocument(folder) { return true }
        let classifier = FileClassifier(layout: layout)
        for raw in FileTreeWalker.list(folder) ?? [] {
            let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
            let location = folder.appending(raw)
            guard let info = location.linkStatus(), info.st_mode & S_IFMT == S_IFDIR, !classifier.isJunkFolder(name),
                !holdsUnitDocument(location)
            else { continue }
            for raw in FileTreeWalker.list(location) ?? [] {
                guard let status = location.appending(raw).linkStatus(), status.st_mode & S_IFMT == S_IFREG
                else { continue }
                let kind = classifier.kind(
                    of: String(decoding: raw, as: UTF8.self), content: nil, inCandidateFolder: true)
                if [FileKind.form, .scan, .photo, .video].contains(kind) { return true }
            }
        }
        return false
    }

    /// Whether `folder` holds one of the unit-level documents (a regular file).
    private func holdsUnitDocument(_ folder: RawPath) -> Bool {
        (FileTreeWalker.list(folder) ?? []).contains { raw in
            let name = String(decoding: raw, as: UTF8.self).precomposedStringWithCanonicalMapping
            guard let info = folder.appending(raw).linkStatus(), info.st_mode & S_IFMT == S_IFREG else { return false }
            return layout.documents.contains { FileClassifier.matches(name, $0) }
        }
    }
}
