import ArgumentParser
import DossierCore
import DossierKit
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
                "封装包写到哪里：文件名，或已有的文件夹（默认：放在单位文件夹旁边，名为 单位-YYYYMMDD-XXXXXXXX.zip）。",
                "Where to write the sealed zip: a file name, or an existing folder (default: beside the unit's folder, "
                    + "UNIT-YYYYMMDD-XXXXXXXX.zip)."))
        var zip: String?

        func run() throws {
            let library = common.library()
            let outcome = common.withProgress(words("封装", "Sealing")) {
                try library.seal(folder, to: zip, options: judgement.options(common), progress: $0)
            }
            switch outcome {
            case .refused(let report):
                common.emit(report, library: library, to: nil, inputs: [folder])
                FileHandle.standardError.write(
                    Data(words("未封装：请先改正上面的错误。\n", "Not sealed: fix the errors above first.\n").utf8))
                throw ExitCode(1)
            case .sealed(let path, let fingerprint, let report):
                let sealed = words(
                    "已封装：\(path)\n指纹（请写在盖章的纸质报告上）：\(fingerprint)\n",
                    "Sealed: \(path)\nFingerprint (write it on the stamped paper report): \(fingerprint)\n")
                // Text: the report (unless --quiet) then where the zip went and its fingerprint, on standard output.
                // JSON, HTML, SARIF, JUnit, Markdown: the report (with its seal) on standard output, as `check`
                // gives it; for all but JSON, where the zip went and its fingerprint on standard error.
                if common.format == "text" {
                    if !common.quiet { common.emit(report, library: library, to: nil, inputs: [folder]) }
                    common.emit(sealed)
                } else {
                    common.emit(report, library: library, to: nil, inputs: [folder])
                    if common.format != "json" { FileHandle.standardError.write(Data(sealed.utf8)) }
                }
            }
        }
    }
}
