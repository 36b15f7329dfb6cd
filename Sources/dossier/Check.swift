import ArgumentParser
import DossierCore
import DossierReport
import DossierRules
import Foundation

extension Dossier {
    /// `dossier check PATH…`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check each bundle found at PATH and print the report. / 检查材料并输出报告。")

        @Argument(help: "A unit's folder, or a folder or drive holding several.")
        var paths: [String]

        @OptionGroup var common: CommonOptions

        @Option(name: .long, help: "The date the deadline is judged against, YYYY-MM-DD (default: today).")
        var asOf: String?

        @Flag(name: .long, help: "Warnings fail too.")
        var strict = false

        @Option(name: .long, help: "The unit's type: province, society, defense or organizer.")
        var unitType: String?

        @Option(name: .long, help: "An approved quota (with --approval).")
        var quota: Int?

        @Option(name: .long, help: "The approval's reference number (文号) for --quota.")
        var approval: String?

        func validate() throws {
            if let asOf, !AsOfDate.isValid(asOf) {
                throw ValidationError("--as-of must be a date written YYYY-MM-DD, for example 2021-06-01")
            }
            if quota != nil && approval == nil {
                throw ValidationError("--quota needs --approval with the approval's reference number (文号)")
            }
            if let quota, quota < 0 { throw ValidationError("--quota must not be negative") }
        }

        func run() throws {
            let ruleSet = common.loadRuleSet()
            let options = CheckOptions(
                language: common.language, strict: strict, asOf: asOf ?? AsOfDate.today(), unitType: unitType,
                quota: quota, approval: approval)
            let report: Report
            do {
                report = try Checker(ruleSet: ruleSet, options: options).check(paths: paths)
            } catch {
                Dossier.fail(error)
            }
            let context = ReportContext(language: common.language, quiet: common.quiet, ruleSet: ruleSet)
            guard let reporter = Reporters.named(common.format) else { Dossier.fail("unknown format") }
            do {
                common.emit(try reporter.render(report, context: context), inputs: paths)
            } catch {
                Dossier.fail(error)
            }
            if report.summary.verdict == .fail { throw ExitCode(1) }
        }
    }
}

/// `--as-of` dates.
enum AsOfDate {
    static func isValid(_ text: String) -> Bool {
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return false }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.isLenient = false
        return formatter.date(from: text) != nil
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
