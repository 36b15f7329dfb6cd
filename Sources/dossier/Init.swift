import ArgumentParser
import DossierKit
import Foundation

extension Dossier {
    /// `dossier init FOLDER --unit NAME`
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words("生成带空白模板的新材料文件夹。", "Make a new submission folder with blank templates."))

        @Argument(help: .words("要生成的文件夹（不能已经存在）。", "The folder to make (it must not exist)."))
        var folder: String

        @Option(name: .long, help: .words("推荐单位名称，与公章一致。", "The recommending unit's name, as on its seal."))
        var unit: String

        @OptionGroup var common: CommonOptions

        func validate() throws {
            if unit.trimmingCharacters(in: .whitespaces).isEmpty {
                throw usageError(zh: "--unit 须给出单位名称。", en: "--unit needs the unit's name")
            }
        }

        func run() throws {
            let library = common.library()
            do {
                let files = try library.makeFolder(folder, unit: unit)
                print(words("已生成 \(folder)：", "Made \(folder):"))
                for file in files { print("  \(file)") }
                let guide = library.ruleSet.forms.templates.guideFile
                print(words("请先阅读其中的“\(guide)”。", "Read \(guide) in it first."))
            } catch {
                Dossier.fail(error)
            }
        }
    }
}
