import DossierCore
import DossierFiles
import DossierInspect

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
            return SummaryTable(
                path: file.path, unit: summary.unit, rows: summary.rows, nameField: ruleSet.forms.nameField)
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
            summary.map { $0.rows.map { MediaName.normalise($0[ruleSet.forms.nameField]?.value ?? "") } }
            ?? candidates.map(\.name)
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
