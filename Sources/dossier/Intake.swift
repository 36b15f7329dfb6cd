import ArgumentParser
import DossierCore
import DossierKit
import Foundation

extension Dossier {
    /// `dossier intake PATH… --archive DIR`
    struct Intake: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "收件（办公室用）：核验或检查U盘上的每份材料，存入收件库并登记。",
                "Office: verify or check every bundle on a drive, keep it in the archive, record it in the ledger."))

        @Argument(
            help: .words(
                "存放材料（封装包、zip、单位文件夹）的U盘或文件夹，或单份材料。",
                "A drive or folder holding bundles (sealed zips, zips, unit folders), or single bundles."))
        var paths: [String]

        @Option(
            name: .long,
            help: .words(
                "收件库文件夹：received/ 存放材料，ledger.sqlite 是登记簿。",
                "The archive folder: received/ holds the bundles, ledger.sqlite the ledger."))
        var archive: String

        @Option(
            name: .long,
            help: .words("收件人（记入每次收件的登记）。", "Who received the drive (recorded with each receipt)."))
        var receivedBy: String?

        @Option(
            name: .long,
            help: .words("U盘或光盘上的标签（记入每次收件的登记）。", "The label on the drive or disc (recorded with each receipt)."))
        var label: String?

        @OptionGroup var common: CommonOptions
        @OptionGroup var output: ReportOutput
        @OptionGroup var judgement: JudgementOptions

        func run() throws {
            let library = common.library()
            let report = common.withProgress(words("收件", "Receiving")) {
                try library.intake(
                    paths, archive: archive, options: judgement.options(common), receivedBy: receivedBy,
                    driveLabel: label, progress: $0)
            }
            common.emit(report, library: library, to: output.output, inputs: paths)
            if !common.quiet && common.format == "text" {
                let ledger = (archive as NSString).appendingPathComponent("ledger.sqlite")
                FileHandle.standardError.write(
                    Data(
                        words(
                            "已存入收件库 \(archive)，登记于 \(ledger)\n",
                            "Kept in the archive \(archive), recorded in \(ledger)\n"
                        ).utf8))
            }
            if report.summary.verdict == .fail { throw ExitCode(1) }
        }
    }
}
