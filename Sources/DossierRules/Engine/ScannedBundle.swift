import DossierCore
import DossierFiles
import DossierInspect

/// One file of a bundle as the checks see it: where it is, what it is, what was measured.
public struct ScannedFile: Sendable {
    public var entry: TreeEntry
    public var kind: FileKind
    /// The candidate whose folder holds it (the folder's name, trimmed and NFC).
    public var candidate: String?
    /// What the first bytes say it is (nil for junk, unreadable or empty files).
    public var content: ContentType?
    // What was measured is boxed (`Boxed`), all of it in one box: most files have at most one kind of fact, and
    // 100,000 files must not each carry room for all of them.
    private var measured: Boxed<Measured>?

    private struct Measured: Sendable {
        var sha256: String?
        var jpeg: JPEGInspection?
        var video: Result<VideoFacts, MP4Problem>?
        var docx: Result<(DocxDocument, DocxFacts), OfficeProblem>?
        var xlsx: Result<([XlsxSheet], XlsxFacts), OfficeProblem>?
        var readProblem: FileBytes.ReadError?
        var picture: PictureFacts?

        var isEmpty: Bool {
            sha256 == nil && jpeg == nil && video == nil && docx == nil && xlsx == nil && readProblem == nil
                && picture == nil
        }
    }

    private mutating func change(_ body: (inout Measured) -> Void) {
        measured.changeBoxed(empty: Measured(), isEmpty: \.isEmpty, body)
    }

    /// SHA-256 of the content, hex, for photos whose size another photo shares (only they can be duplicates).
    public var sha256: String? {
        get { measured?.value.sha256 }
        set { change { $0.sha256 = newValue } }
    }
    /// For photos whose content is JPEG.
    public var jpeg: JPEGInspection? {
        get { measured?.value.jpeg }
        set { change { $0.jpeg = newValue } }
    }
    /// For videos whose content is MP4 or MOV: the facts, or what is wrong.
    public var video: Result<VideoFacts, MP4Problem>? {
        get { measured?.value.video }
        set { change { $0.video = newValue } }
    }
    /// For .docx documents: what was read, or what is wrong.
    public var docx: Result<(DocxDocument, DocxFacts), OfficeProblem>? {
        get { measured?.value.docx }
        set { change { $0.docx = newValue } }
    }
    /// For .xlsx tables: the sheets, or what is wrong.
    public var xlsx: Result<([XlsxSheet], XlsxFacts), OfficeProblem>? {
        get { measured?.value.xlsx }
        set { change { $0.xlsx = newValue } }
    }
    /// What the photo shows (exposure, backlight; faces and background for the ID photo), when it decodes.
    public var picture: PictureFacts? {
        get { measured?.value.picture }
        set { change { $0.picture = newValue } }
    }
    /// Why the bytes could not be read, when they could not.
    public var readProblem: FileBytes.ReadError? {
        get { measured?.value.readProblem }
        set { change { $0.readProblem = newValue } }
    }

    public init(entry: TreeEntry, kind: FileKind, candidate: String?) {
        self.entry = entry
        self.kind = kind
        self.candidate = candidate
    }

    public var path: String { entry.path }
    public var name: String { entry.name }
    public var parts: FileNameParts { FileNameParts(entry.name) }
}

/// A candidate folder and the files in it.
public struct ScannedCandidate: Sendable {
    /// The folder's name as stored (NFC).
    public var folder: String
    /// The name used to match file names: the folder name trimmed.
    public var name: String
}

/// Everything the scanner learnt about one bundle; checks read it and do no I/O.
public struct ScannedBundle: Sendable {
    /// The entries that are not files' (folders, and what junk folders hold): each entry is kept once, in `files`
    /// or here, as a bundle may hold 100,000 of them.
    public var otherEntries: [TreeEntry]
    public var files: [ScannedFile]
    public var candidates: [ScannedCandidate]
    /// Junk folders (`__MACOSX/`): reported once each, their content ignored.
    public var junkFolders: [TreeEntry]
    /// The unit's folder name (the fallback for the unit's name).
    public var folderName: String = ""
    /// The summary table and candidates, derived once by `prepare`: every check and report reads them.
    var prepared: (summary: SummaryTable?, records: [CandidateRecord])?
    /// The positions in `files` of each candidate's files (junk left out), made by `prepare`, so that a check
    /// that visits every candidate costs the number of files, not candidates × files.
    var fileIndices: [String: [Int]]?

    /// How many entries the bundle holds: folders, files and what junk folders hold.
    public var entryCount: Int { otherEntries.count + files.count }

    /// Entry `index` of `0..<entryCount`: the other entries first, then the files'.
    public func entry(at index: Int) -> TreeEntry {
        index < otherEntries.count ? otherEntries[index] : files[index - otherEntries.count].entry
    }

    /// Derives the file index, the summary table and the candidate records once.
    public mutating func prepare(_ ruleSet: RuleSet) {
        fileIndices = Self.indexByCandidate(files)
        let summary = readSummaryTable(ruleSet)
        prepared = (summary, makeCandidateRecords(ruleSet, summary: summary))
    }

    static func indexByCandidate(_ files: [ScannedFile]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (position, file) in files.enumerated() where file.kind != .junk {
            if let candidate = file.candidate { index[candidate, default: []].append(position) }
        }
        return index
    }

    /// The files of `candidate`, in path order.
    public func files(of candidate: ScannedCandidate) -> [ScannedFile] {
        guard let fileIndices else { return files.filter { $0.candidate == candidate.name && $0.kind != .junk } }
        return (fileIndices[candidate.name] ?? []).map { files[$0] }
    }
}

extension ScannedBundle {
    /// The candidate whose folder holds `path` (its first component, trimmed), nil at the top level.
    public static func candidate(ofPath path: String) -> String? {
        let components = path.split(separator: "/")
        return components.count > 1 ? MediaName.normalise(String(components[0])) : nil
    }
}

/// The candidate summary table as read: the unit it names and one row of fields per candidate.
public struct SummaryTable: Sendable {
    public let path: String
    public let unit: String?
    public let rows: [[String: FieldFact]]
    /// The first row of each normalised name.
    private let rowByName: [String: Int]

    public init(path: String, unit: String?, rows: [[String: FieldFact]]) {
        self.path = path
        self.unit = unit
        self.rows = rows
        var index: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let name = MediaName.normalise(row["name"]?.value ?? "")
            if index[name] == nil { index[name] = position }
        }
        rowByName = index
    }

    /// The row of the candidate called `name`.
    public func row(named name: String) -> [String: FieldFact]? {
        rowByName[name].map { rows[$0] }
    }
}

extension ScannedBundle {
    /// The unit-level summary table, when one was read.
    public func summaryTable(_ ruleSet: RuleSet) -> SummaryTable? {
        prepared.map(\.summary) ?? readSummaryTable(ruleSet)
    }

    func readSummaryTable(_ ruleSet: RuleSet) -> SummaryTable? {
        for file in files where file.kind == .summary && file.candidate == nil {
            guard case .success(let (sheets, _)) = file.xlsx,
                let summary = FieldExtractor(rules: ruleSet.forms, prefixes: ruleSet.header.campaignPrefixes).summary(
                    of: sheets)
            else { continue }
            return SummaryTable(path: file.path, unit: summary.unit, rows: summary.rows)
        }
        return nil
    }

    /// The candidate's form, when it was read.
    public func form(of candidate: ScannedCandidate) -> (ScannedFile, DocxDocument, DocxFacts)? {
        for file in files(of: candidate) where file.kind == .form {
            if case .success(let (document, facts)) = file.docx { return (file, document, facts) }
        }
        return nil
    }
}

extension ScannedBundle {
    /// The unit's name: the summary table's `推荐单位（盖章）：…` row, else the folder's name (SPEC §3).
    public func unitName(_ ruleSet: RuleSet) -> String {
        summaryTable(ruleSet)?.unit.map(MediaName.normalise) ?? folderName
    }

    /// How many candidates the bundle recommends: the summary table's rows, else the candidate folders.
    public func candidateCount(_ ruleSet: RuleSet) -> Int {
        summaryTable(ruleSet)?.rows.count ?? candidates.count
    }
}

/// A candidate as the checks judge them: from the summary table's row, completed by their form.
public struct CandidateRecord: Sendable {
    public var name: String
    public var folder: String?
    /// Field values by key (SPEC §3), normalised.
    public var fields: [String: String]
    /// The form the fields came from, when there is one.
    public var formPath: String?
}

extension ScannedBundle {
    /// The candidates: the summary table's rows when it was read (SPEC §3), else the folders; then folders the
    /// table does not list.
    public func candidateRecords(_ ruleSet: RuleSet) -> [CandidateRecord] {
        prepared?.records ?? makeCandidateRecords(ruleSet, summary: summaryTable(ruleSet))
    }

    func makeCandidateRecords(_ ruleSet: RuleSet, summary: SummaryTable?) -> [CandidateRecord] {
        var result: [CandidateRecord] = []
        var seen: Set<String> = []
        let folders = Dictionary(candidates.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names =
            summary.map { $0.rows.map { MediaName.normalise($0["name"]?.value ?? "") } } ?? candidates.map(\.name)
        for name in names + candidates.map(\.name) where !name.isEmpty && seen.insert(name).inserted {
            let folder = folders[name]
            var record = CandidateRecord(
                name: name, folder: folder?.folder, fields: (summary?.row(named: name) ?? [:]).mapValues(\.value))
            if let folder, let (file, _, facts) = form(of: folder) {
                record.formPath = file.path
                for (key, field) in facts.fields where !field.value.isEmpty { record.fields[key] = field.value }
            }
            result.append(record)
        }
        return result
    }
}
