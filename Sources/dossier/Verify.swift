import ArgumentParser
import DossierCore
import DossierKit
import Foundation

extension Dossier {
    /// `dossier verify SEALED.zip [--fingerprint F]`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "核验封装包完整、未被改动，再重新检查其中的材料。", "Prove a sealed zip intact and unaltered, then check its content again."))

        @Argument(help: .words("封装包（zip）。", "Sealed zips."))
        var zips: [String]

        @Option(
            name: .long,
            help: .words(
                "盖章纸质报告上写的指纹（连字符和大小写不影响）。",
                "The fingerprint written on the paper report (dashes and case do not matter)."))
        var fingerprint: String?

        @OptionGroup var common: CommonOptions
        @OptionGroup var output: ReportOutput
        @OptionGroup var judgement: JudgementOptions

        func run() throws {
            let library = common.library()
            let report = common.withProgress(words("核验", "Verifying")) {
                try library.verify(zips, fingerprint: fingerprint, options: judgement.options(common), progress: $0)
            }
            try common.conclude(report, library: library, to: output.output, inputs: zips)
        }
    }
}
