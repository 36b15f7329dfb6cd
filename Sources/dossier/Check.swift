import ArgumentParser
import DossierBundles
import DossierCore
import DossierReport
import DossierRules
import Foundation

extension Dossier {
    /// `dossier check PATH…`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words("检查给出路径中的每份材料，并输出报告。", "Check each bundle found at PATH and print the report."))

        @Argument(help: .words("单位文件夹，或存放多个单位文件夹的文件夹或U盘。", "A unit's folder, or a folder or drive holding several."))
        var paths: [String]

        @OptionGroup var common: CommonOptions
        @OptionGroup var destination: ReportOutput

        @OptionGroup var judgement: JudgementOptions

        func run() throws {
            let bar = ProgressBar.make(
                label: common.language == .zh ? "检查" : "Checking", language: common.language,
                disabled: common.noProgress)
            let checker = judgement.checker(common, progress: bar)
            defer { bar?.finish() }
            var bundles: [BundleReport] = []
            do {
                try checker.validateOptions()
                for path in paths {
                    // A unit folder, a zip, or a folder or drive holding several of either.
                    for item in try DriveDiscovery(layout: checker.ruleSet.layout).items(at: path, orItself: true) {
                        bundles.append(try item.check(with: checker))
                    }
                }
            } catch {
                Dossier.fail(error)
            }
            bar?.finish()
            let report = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: bundles)
            common.emit(report, ruleSet: checker.ruleSet, to: destination.output, inputs: paths)
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
