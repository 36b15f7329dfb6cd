import ArgumentParser
import DossierCore
import DossierKit
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
            let library = common.library()
            let bar = ProgressBar.make(label: words("检查", "Checking"), disabled: common.noProgress)
            defer { bar?.finish() }
            let report: Report
            do {
                report = try library.check(paths, options: judgement.options(common), progress: bar?.update)
            } catch {
                Dossier.fail(error)
            }
            bar?.finish()
            common.emit(report, library: library, to: destination.output, inputs: paths)
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
