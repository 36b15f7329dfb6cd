import ArgumentParser
import DossierKit
import DossierRules
import Foundation

extension Dossier {
    /// `dossier rules list|explain ID|lint FILE`
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words("规则目录。", "The rule catalogue."), subcommands: [List.self, Explain.self, Lint.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: words("列出每条规则及其级别和标题。", "List every rule with its severity and title."))
            @OptionGroup var common: CommonOptions

            @OptionGroup var destination: ReportOutput

            func run() throws {
                common.emit(
                    common.library().ruleCatalogue(format: common.format, language: common.language),
                    to: destination.output)
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: words("说明一条规则，并列出例子。", "Explain one rule, with its examples."))
            @Argument(help: .words("规则编号，例如 PHOTO-SIZE。", "A rule ID, for example PHOTO-SIZE.")) var id: String
            @OptionGroup var common: CommonOptions

            func run() throws {
                do {
                    common.emit(try common.library().explain(rule: id, language: common.language))
                } catch {
                    Dossier.fail(error)
                }
            }
        }

        struct Lint: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: words("检查规则集文件夹或其中一个文件有没有错误。", "Check a rule-set folder, or one of its files, for errors."))
            @Argument(help: .words("规则集文件夹，或其中的一个 .yaml 文件。", "A rule-set folder or one of its .yaml files.")) var path:
                String

            func run() throws {
                do {
                    try DossierLibrary.lintRules(at: path)
                } catch let error as CheckError {
                    Dossier.fail(error)
                } catch {
                    print("✗ \(error)")
                    throw ExitCode(1)
                }
                print("✓ \(path)")
            }
        }
    }
}
