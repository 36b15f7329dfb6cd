import ArgumentParser
import DossierBundles
import DossierCore
import DossierReport
import DossierRules
import DossierSeal
import Foundation

extension Dossier {
    /// `dossier seal FOLDER -o OUT.zip`
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "检查单位文件夹，没有错误时把它封装成封装包（zip）。", "Check a folder and, when no error remains, pack it into a sealed zip."))

        @Argument(help: .words("单位文件夹。", "The unit's folder."))
        var folder: String

        @OptionGroup var common: CommonOptions
        @OptionGroup var judgement: JudgementOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: .words(
                "封装包写到哪里（默认：放在文件夹旁边，名为 单位-YYYYMMDD-XXXXXXXX.zip）。",
                "Where to write the sealed zip (default: beside the folder, UNIT-YYYYMMDD-XXXXXXXX.zip)."))
        var zip: String?

        func run() throws {
            let checker = judgement.checker(common)
            let bar = ProgressBar.make(
                label: common.language == .zh ? "封装" : "Sealing", language: common.language, disabled: common.noProgress
            )
            let outcome: SealOutcome
            do {
                outcome = try Sealer(checker: checker, progress: bar.map { bar in { bar.update($0) } }).seal(
                    folder: folder, output: zip)
            } catch let error as CheckError {
                Dossier.fail(error)
            } catch {
                bar?.finish()
                Dossier.fail(error)
            }
            bar?.finish()
            let context = common.reportContext(ruleSet: checker.ruleSet, toFile: false)
            let zh = common.language == .zh
            switch outcome {
            case .refused(let report):
                common.emit(report, ruleSet: checker.ruleSet, to: nil, inputs: [folder])
                FileHandle.standardError.write(
                    Data((zh ? "未封装：请先改正上面的错误。\n" : "Not sealed: fix the errors above first.\n").utf8))
                throw ExitCode(1)
            case .sealed(let path, let fingerprint, let report):
                let sealed =
                    zh
                    ? "已封装：\(path)\n指纹（请写在盖章的纸质报告上）：\(fingerprint)\n"
                    : "Sealed: \(path)\nFingerprint (write it on the stamped paper report): \(fingerprint)\n"
                if common.format == TextReporter.name {
                    if !common.quiet {
                        common.emit(try TextReporter().render(report, context: context), inputs: [folder])
                    }
                    common.emit(sealed)
                } else {
                    // JSON, HTML, SARIF, JUnit, Markdown: the report (with its seal) on standard output, as `check`
                    // gives it; for all but JSON, where the zip went and its fingerprint on standard error.
                    common.emit(report, ruleSet: checker.ruleSet, to: nil, inputs: [folder])
                    if common.format != JSONReporter.name { FileHandle.standardError.write(Data(sealed.utf8)) }
                }
            }
        }
    }
}
