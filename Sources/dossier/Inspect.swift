import ArgumentParser
import DossierKit
import Foundation

extension Dossier {
    /// `dossier inspect FILE…`
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words("显示单个文件的实测信息。", "Print the measured facts of single files."))

        @Argument(help: .words("要测量的文件（照片、视频、推荐表、汇总表）。", "Files to measure (photos, videos, forms, summary tables)."))
        var files: [String]

        @OptionGroup var common: CommonOptions
        @OptionGroup var destination: ReportOutput

        func run() throws {
            let library = common.library()
            do {
                let results = try library.inspect(files)
                common.emit(
                    try library.render(results, format: common.format, language: common.language),
                    to: destination.output, inputs: files)
                if results.contains(where: { $0.problem != nil }) { throw ExitCode(1) }
            } catch let exit as ExitCode {
                throw exit
            } catch {
                Dossier.fail(error)
            }
        }
    }
}
