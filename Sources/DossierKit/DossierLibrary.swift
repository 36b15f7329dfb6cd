import CAllocatorShim
import DossierBundles
import DossierCore
import DossierFiles
import DossierInspect
import DossierIntake
import DossierReport
import DossierRules
import DossierSeal
import Foundation

/// The one API every front end calls: the command line (`Sources/dossier`) and the web app (`DossierServe`) call
/// exactly these functions, render what they return and decide their exit code or page; neither holds checking
/// logic, and nothing here prints.
///
/// Long work (check, seal, verify, intake) takes its options, a progress callback (files and bytes done, called
/// from worker threads) and a `Cancellation`; a cancelled run throws `CheckError.cancelled` and leaves no partial
/// output behind.
public struct DossierLibrary: Sendable {
    public let ruleSet: RuleSet

    public typealias Progress = @Sendable (WorkProgress) -> Void

    public init(ruleSet: RuleSet) { self.ruleSet = ruleSet }

    /// The library over the rule set in `folder`, else the bundled one (SPEC §4 `--rules`).
    public init(rules folder: String?) throws(LibraryError) {
        guard let folder = folder ?? RuleSet.defaultFolder() else { throw .bundledRulesMissing }
        do {
            ruleSet = try RuleSet.load(folder: folder)
        } catch {
            throw .rulesInvalid("\(error)")
        }
    }

    // MARK: - Work

    /// Checks every bundle at `paths`: a unit folder, a zip, or a folder or drive holding several of either.
    public func check(
        _ paths: [String], options: CheckOptions, progress: Progress? = nil, cancellation: Cancellation? = nil
    ) throws(CheckError) -> Report {
        let checker = self.checker(options, progress: progress, cancellation: cancellation)
        try checker.validateOptions()
        var bundles: [BundleReport] = []
        for path in paths {
            for item in try DriveDiscovery(layout: ruleSet.layout).items(at: path, orItself: true) {
                if checker.options.isCancelled { throw .cancelled }
                bundles.append(try item.check(with: checker))
            }
        }
        return Report(ruleSet: ruleSet.info, asOf: options.asOf, bundles: bundles)
    }

    /// Checks `folder` and, when no error remains, packs it into a sealed zip at `output` (default: beside the
    /// folder); a refusal returns the report that says why.
    public func seal(
        _ folder: String, to output: String?, options: CheckOptions, progress: Progress? = nil,
        cancellation: Cancellation? = nil
    ) throws -> SealOutcome {
        let checker = self.checker(options, progress: nil, cancellation: cancellation)
        return try Sealer(checker: checker, progress: progress).seal(folder: folder, output: output)
    }

    /// Proves each sealed zip intact and unaltered (and, when `fingerprint` is given, the one on the paper), then
    /// checks its content again.
    public func verify(
        _ zips: [String], fingerprint: String?, options: CheckOptions, progress: Progress? = nil,
        cancellation: Cancellation? = nil
    ) throws(CheckError) -> Report {
        for zip in zips where !FileManager.default.fileExists(atPath: zip) { throw .missingPath(zip) }
        let checker = self.checker(options, progress: nil, cancellation: cancellation)
        let verifier = SealVerifier(checker: checker, progress: progress)
        var bundles: [BundleReport] = []
        for zip in zips {
            let bundle = verifier.verify(zip, fingerprint: fingerprint)
            // A verification cut short is no verdict.
            if checker.options.isCancelled { throw .cancelled }
            bundles.append(bundle)
        }
        return Report(ruleSet: ruleSet.info, asOf: options.asOf, bundles: bundles)
    }

    /// The office: verifies or checks every bundle at `paths`, keeps it in `archive` and records it in the ledger.
    /// `receivedBy` and `driveLabel` are recorded with every receipt.
    public func intake(
        _ paths: [String], archive: String, options: CheckOptions, receivedBy: String? = nil,
        driveLabel: String? = nil, progress: Progress? = nil, cancellation: Cancellation? = nil
    ) throws -> Report {
        var runner = IntakeRunner(
            checker: checker(options, progress: progress, cancellation: cancellation), archive: archive)
        runner.receivedBy = receivedBy
        runner.driveLabel = driveLabel
        return try runner.run(paths: paths)
    }

    /// The measured facts of single files (`dossier inspect`), forms' fields and tables' sheets included.
    public func inspect(_ files: [String]) throws(SingleFileInspector.InspectError) -> [SingleFileInspector.Result] {
        var results: [SingleFileInspector.Result] = []
        for file in files {
            var result = try SingleFileInspector.inspect(
                file, jpegLimits: ruleSet.photos.jpegLimits, limit: ruleSet.photos.limits.maximumBytes,
                videoLimits: ruleSet.videos.limits)
            if result.entry.kind == .form || result.entry.kind == .summary { readDocument(&result) }
            results.append(result)
        }
        return results
    }

    /// Makes a new submission folder with the rule set's blank templates (`dossier init`); returns the files made.
    public func makeFolder(_ folder: String, unit: String) throws -> [String] {
        try SubmissionTemplates.create(folder: folder, unit: unit, ruleSet: ruleSet)
    }

    /// The user's cache of measured facts (`$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`), for
    /// `CheckOptions.cacheFolder`; nil when the environment names no home.
    public static var userCacheFolder: String? { ContentCache.userFolder() }

    /// For a long-running caller that answers SIGINT and SIGTERM itself by cancelling its work (the web app): seals
    /// then install no signal handlers of their own and never reset the caller's; a cancelled seal removes its
    /// temporary file itself. (A command that runs once keeps the default: a seal's handler removes the file, then
    /// the signal ends the process.)
    public static func leaveSignalsToCaller() { InterruptCleanup.leaveSignalsToCaller() }

    /// For a front end, once at its start: blocks of 1.5 MiB and more (photos held while measured) are given back
    /// to the system when freed, as glibc does not do by default after the first one. Measured on the benchmark
    /// bundle (static release build, 2026-12-02): `seal` peaks 13 MB lower (116 → 103 MB); chunks of 1 MiB still
    /// come from the heap, so the copy is not slowed by mapping every chunk.
    public static func prepareProcessMemory() { _ = CAllocatorShim_map_blocks_from(3 << 19) }

    // MARK: - Output

    /// Every report format (SPEC §6).
    public static var formats: [String] { Reporters.names }

    /// Whether a report in `format` shows photos (the HTML contact sheet): then a check keeps thumbnails
    /// (`CheckOptions.thumbnails`).
    public static func showsPhotos(format: String) -> Bool { format == HTMLReporter.name }

    /// `report` in `format`; `color` only for a terminal.
    public func render(
        _ report: Report, format: String, language: Language, quiet: Bool = false, color: Bool = false
    ) throws -> String {
        guard let reporter = Reporters.named(format) else { throw LibraryError.unknownFormat(format) }
        return try reporter.render(
            report, context: ReportContext(language: language, quiet: quiet, ruleSet: ruleSet, color: color))
    }

    /// Inspection results as text, or as JSON when `format` is `json`.
    public func render(_ results: [SingleFileInspector.Result], format: String, language: Language) throws -> String {
        format == JSONReporter.name
            ? try InspectionReporter.json(results) : InspectionReporter.text(results, language: language)
    }

    /// The rule catalogue: one line per rule, or the Markdown of docs/ when `format` is `markdown`.
    public func ruleCatalogue(format: String, language: Language) -> String {
        format == MarkdownReporter.name
            ? RuleCatalogue.markdown(ruleSet, language: language) : RuleCatalogue.list(ruleSet, language: language)
    }

    /// One rule explained, with its examples; `id` in any case.
    public func explain(rule id: String, language: Language) throws(LibraryError) -> String {
        guard let rule = ruleSet.rule(RuleID(id.uppercased())) else {
            throw .noSuchRule(id, ruleSet.header.id)
        }
        return RuleCatalogue.explain(rule, language: language)
    }

    /// Lints a rule-set folder, or one of its files.
    public static func lintRules(at path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CheckError.missingPath(path)
        }
        if isFolder.boolValue {
            _ = try RuleSet.load(folder: path)
        } else {
            try RuleSetLint.lint(file: path)
        }
    }

    /// Writes `text` to `output` whole or not at all; refuses a place inside any of `inputs` (read-only).
    public static func write(_ text: String, to output: String, inputs: [String]) throws(LibraryError) {
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        for input in inputs where LocalPath.isInside(folder, folder: input) {
            throw .outputInsideInput(output, input)
        }
        do {
            try AtomicOutput.write(Array(text.utf8), to: output)
        } catch {
            throw .outputUnwritable(output, error.reason)
        }
    }

    // MARK: - Pieces

    private func checker(_ options: CheckOptions, progress: Progress?, cancellation: Cancellation?) -> Checker {
        var options = options
        if let progress { options.progress = progress }
        if let cancellation { options.cancellation = cancellation }
        return Checker(ruleSet: ruleSet, options: options)
    }

    /// Fields, text and tables of a .docx; sheets of an .xlsx.
    private func readDocument(_ result: inout SingleFileInspector.Result) {
        guard let bytes = try? FileBytes.readAll(RawPath(result.entry.path), limit: 256 << 20) else { return }
        if result.entry.kind == .form {
            switch DocumentFacts.docx(bytes, ruleSet: ruleSet) {
            case .success(let (_, facts)): result.entry.docx = facts
            case .failure(let problem): result.problem = LocalizedText(problem)
            }
        } else {
            switch DocumentFacts.xlsx(bytes) {
            case .success(let (_, facts)): result.entry.xlsx = facts
            case .failure(let problem): result.problem = LocalizedText(problem)
            }
        }
    }
}
