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
            let report = common.withProgress(words("检查", "Checking")) {
                try library.check(paths, options: judgement.options(common), progress: $0)
            }
            try common.conclude(report, library: library, to: destination.output, inputs: paths)
        }
    }
}
