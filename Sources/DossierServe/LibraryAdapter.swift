import DossierCore
import DossierKit
import DossierReport
import DossierRules
import Foundation

/// The one place the web app calls the library: DossierKit's `DossierLibrary` (check, seal, verify, intake, a new
/// folder), as the command line does, and the HTML report's own pieces (its body and style) for the pages. The
/// server holds no checking logic of its own.
struct LibraryAdapter: Sendable {
    let library: DossierLibrary
    /// `--as-of`; nil judges the deadline against the day each job runs.
    let asOf: String?

    init(ruleSet: RuleSet, asOf: String?) {
        library = DossierLibrary(ruleSet: ruleSet)
        self.asOf = asOf
    }

    var ruleSet: RuleSet { library.ruleSet }

    /// What a seal produced, in the web app's terms.
    enum SealResult: Sendable {
        case refused(Report)
        case sealed(zip: String, fingerprint: String, report: Report)
    }

    /// The options of a job; `deep` is the page's checkbox, the command line's `--deep`.
    func options(_ language: Language, unitType: String? = nil, deep: Bool = false) -> CheckOptions {
        var options = CheckOptions(language: language, asOf: asOf ?? Self.today())
        // The unit's type picked on the page, as `--unit-type` gives it (only a type of the rule set's).
        options.unitType = unitType.flatMap { key in ruleSet.units.types.contains { $0.key == key } ? key : nil }
        // The page shows a contact sheet, as the HTML report does.
        options.thumbnails = DossierLibrary.showsPhotos(format: HTMLReporter.name)
        options.cacheFolder = DossierLibrary.userCacheFolder
        options.deep = deep
        return options
    }

    /// Checks every bundle at `path` (a unit folder, a zip, or a folder or drive holding several), as `check` does.
    func check(
        path: String, language: Language, unitType: String?, deep: Bool = false,
        progress: @escaping DossierLibrary.Progress, cancellation: Cancellation
    ) throws -> Report {
        try library.check(
            [path], options: options(language, unitType: unitType, deep: deep), progress: progress,
            cancellation: cancellation)
    }

    /// The unit types of the rule set, for the page's choice: key and title.
    func unitTypes(_ language: Language) -> [(key: String, title: String)] {
        ruleSet.units.types.map { ($0.key, $0.title.text(language)) }
    }

    /// Checks `folder` and, when no error remains, writes the sealed zip into `outputFolder` (default: beside it).
    func seal(
        folder: String, outputFolder: String?, language: Language, unitType: String?, deep: Bool = false,
        progress: @escaping DossierLibrary.Progress, cancellation: Cancellation
    ) throws -> SealResult {
        // A folder of the user's gets the zip under the name `seal` gives beside the unit's folder.
        switch try library.seal(
            folder, to: outputFolder, options: options(language, unitType: unitType, deep: deep), progress: progress,
            cancellation: cancellation)
        {
        case .refused(let report): return .refused(report)
        case .sealed(let path, let fingerprint, let report):
            return .sealed(zip: path, fingerprint: fingerprint.description, report: report)
        }
    }

    /// Proves `zip` intact and unaltered (and its fingerprint the paper's, when given), then checks its content.
    func verify(
        zip: String, fingerprint: String?, language: Language, progress: @escaping DossierLibrary.Progress,
        cancellation: Cancellation
    ) throws -> Report {
        try library.verify(
            [zip], fingerprint: fingerprint, options: options(language), progress: progress,
            cancellation: cancellation)
    }

    /// Takes in every bundle at `path` into `archive`, as `intake` does.
    func intake(
        path: String, archive: String, language: Language, progress: @escaping DossierLibrary.Progress,
        cancellation: Cancellation
    ) throws -> Report {
        try library.intake(
            [path], archive: archive, options: options(language), progress: progress, cancellation: cancellation)
    }

    /// Makes a new submission folder with blank templates (`init`); the files written.
    func makeFolder(_ folder: String, unit: String) throws -> [String] {
        try library.makeFolder(folder, unit: unit)
    }

    /// The guide file `init` writes into a new folder.
    var guideFile: String { ruleSet.forms.templates.guideFile }

    /// The report as the HTML report shows it, inside a page; `link` opens a file a finding names.
    func reportBody(_ report: Report, language: Language, link: (Int, String) -> String?) -> String {
        let context = ReportContext(language: language, ruleSet: ruleSet)
        return (try? HTMLReporter().renderBody(report, context: context, link: link)) ?? ""
    }

    /// A bundle's verdict and counts in the report's words (`通过`/`未通过` and its errors, warnings, notices).
    static func verdictLine(_ summary: FindingSummary, language: Language) -> (verdict: String, counts: String) {
        let words = ReportWords(language)
        return (
            words.verdict(summary.verdict),
            words.summary(
                errors: summary.errors, warnings: summary.warnings, notices: summary.notices, verdict: summary.verdict)
        )
    }

    /// The report's style sheet.
    static var reportStyle: String { HTMLReporter.styleSheet }

    /// The rule set's title in `language`.
    func ruleSetTitle(_ language: Language) -> String { ruleSet.header.title.text(language) }

    /// Signals are the server's own: seals install no handlers of their own.
    static func leaveSignalsToCaller() { DossierLibrary.leaveSignalsToCaller() }

    /// Whether `error` is a cancelled run.
    static func isCancelled(_ error: any Error) -> Bool { (error as? CheckError) == .cancelled }

    /// An error of the library in words a clerk can act on, in `language`.
    static func message(for error: any Error, language: Language) -> String {
        if let message = error as? any BilingualMessage { return message.text(language) }
        if let reason = SystemReason(error) { return reason.text(language) }
        return ServeWords.couldNotBeDone("\(error)").text(language)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
