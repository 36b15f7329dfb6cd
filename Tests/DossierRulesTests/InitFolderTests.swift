import DossierCore
import DossierFiles
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// A folder just made by `dossier init` (the web app's 新建), checked as it is: it never passes, and its templates
/// are what they are.
@Suite struct InitFolderTests {
    private func check(_ unit: URL) throws -> BundleReport {
        try Checker(ruleSet: try Repository.ruleSet(), options: CheckOptions(asOf: "2021-06-01"))
            .check(bundle: RawPath(unit.path), displayPath: unit.lastPathComponent)
    }

    @Test func aNewFolderCheckedAsMadeFailsForWantOfCandidates() throws {
        let folder = try TemporaryFolder()
        let unit = try BuiltSample.make("@init", in: folder)
        let report = try check(unit)
        #expect(report.summary.verdict == .fail)
        let rules = Set(report.findings.map(\.rule))
        #expect(rules.contains(.layoutNoCandidate))
        #expect(report.findings.first { $0.rule == .layoutNoCandidate }?.severity == .error)
        #expect(!rules.contains(.layoutUnknownFile), "\(report.findings.map(\.path))")
        let templates = try Repository.ruleSet().forms.templates
        let kinds = Dictionary(uniqueKeysWithValues: report.files.map { ($0.path, $0.kind) })
        #expect(kinds[templates.formFile] == .template && kinds[templates.guideFile] == .template)
        #expect(kinds[templates.summaryFile] == .summary && kinds[templates.activityFile] == .activity)
    }

    /// Only the names `init` writes, at the top: a candidate's form left at the top is still an unknown file, and a
    /// bundle with candidates has no LAYOUT-NO-CANDIDATE.
    @Test func onlyTheTemplatesNamesAtTheTopAreTemplates() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid")
        try FileManager.default.copyItem(
            at: unit.appendingPathComponent("张三/张三推荐表.docx"), to: unit.appendingPathComponent("张三推荐表.docx"))
        try Data("说明".utf8).write(to: unit.appendingPathComponent("张三/说明.txt"))
        let report = try check(unit)
        let unknown = Set(report.findings.filter { $0.rule == .layoutUnknownFile }.map(\.path))
        #expect(unknown == ["张三推荐表.docx", "张三/说明.txt"])
        #expect(!report.findings.contains { $0.rule == .layoutNoCandidate })
    }
}
