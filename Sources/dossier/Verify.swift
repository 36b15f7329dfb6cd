import ArgumentParser
import DossierBundles
import DossierCore
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
            let checker = judgement.checker(common)
            for zip in zips where !FileManager.default.fileExists(atPath: zip) {
                Dossier.fail(LocalizedText(zh: "找不到文件“\(zip)”。", en: "\(zip): no such file"))
            }
            let bar = ProgressBar.make(
                label: common.language == .zh ? "核验" : "Verifying", language: common.language,
                disabled: common.noProgress)
            let verifier = SealVerifier(checker: checker, progress: bar.map { bar in { bar.update($0) } })
            let bundles = zips.map { verifier.verify($0, fingerprint: fingerprint) }
            bar?.finish()
            let report = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: bundles)
            common.emit(report, ruleSet: checker.ruleSet, to: output.output, inputs: zips)
            if report.summary.verdict == .fail { throw ExitCode(1) }
        }
    }
}
