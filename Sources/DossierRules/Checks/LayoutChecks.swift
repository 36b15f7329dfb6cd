import DossierCore

/// `LAYOUT-*` rules that need only the folder: junk, unknown files, missing documents and forms.
public struct LayoutChecks: CheckFamily {
    public static let ruleIDs: [RuleID] = [
        .layoutJunkFile, .layoutUnknownFile, .layoutSummaryMissing, .layoutActivityMissing, .layoutReportMissing,
        .layoutFormMissing,
    ]

    public init() {}

    public func run(_ bundle: ScannedBundle, ruleSet: RuleSet, sink: FindingSink) {
        for folder in bundle.junkFolders {
            sink.emit(.layoutJunkFile, path: folder.path, candidate: ScannedBundle.candidate(ofPath: folder.path))
        }
        for file in bundle.files {
            if file.kind == .junk {
                sink.emit(.layoutJunkFile, path: file.path, candidate: file.candidate)
            } else if file.kind == .unknown && file.entry.kind == .file && file.entry.readable {
                sink.emit(.layoutUnknownFile, path: file.path, candidate: file.candidate)
            }
        }
        let topLevel = bundle.files.filter { $0.candidate == nil && $0.entry.kind == .file }
        for requirement in ruleSet.layout.documents {
            guard let rule = requirement.missingRule else { continue }
            if !topLevel.contains(where: { $0.kind == requirement.kind }) {
                sink.emit(rule, path: "")
            }
        }
        guard let formRule = ruleSet.layout.candidate.form.missingRule else { return }
        for candidate in bundle.candidates {
            let files = bundle.files(of: candidate)
            if files.contains(where: { $0.kind == .form }) { continue }
            let form = ruleSet.layout.candidate.form
            let canonical = candidate.name + (form.nameContains.first ?? "") + "." + (form.extensions.first ?? "")
            sink.emit(
                formRule, path: candidate.folder, candidate: candidate.name,
                variant: files.contains(where: { $0.kind == .scan }) ? "scanOnly" : nil,
                display: ["canonical": canonical])
        }
    }

}
