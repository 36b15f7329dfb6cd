import ArgumentParser
import DossierCore
import DossierReport
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
                let ruleSet = common.loadRuleSet()
                let language = common.language
                if common.format == MarkdownReporter.name {
                    common.emit(RuleCatalogue.markdown(ruleSet, language: language), to: destination.output)
                    return
                }
                var lines = ["\(ruleSet.header.id) — \(ruleSet.header.title.text(language))"]
                let width = ruleSet.rules.map(\.id.rawValue.count).max() ?? 0
                for rule in ruleSet.rules {
                    let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                    lines.append("\(id)  \(severity)  \(rule.title.text(language))")
                }
                common.emit(lines.joined(separator: "\n") + "\n")
            }
        }

        struct Explain: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: words("说明一条规则，并列出例子。", "Explain one rule, with its examples."))
            @Argument(help: .words("规则编号，例如 PHOTO-SIZE。", "A rule ID, for example PHOTO-SIZE.")) var id: String
            @OptionGroup var common: CommonOptions

            func run() throws {
                let ruleSet = common.loadRuleSet()
                guard let rule = ruleSet.rule(RuleID(id.uppercased())) else {
                    Dossier.fail(
                        LocalizedText(
                            zh: "规则集 \(ruleSet.header.id) 中没有规则 \(id)；全部规则见 `dossier rules list`。",
                            en: "no rule \(id) in \(ruleSet.header.id); see `dossier rules list`"))
                }
                let zh = common.language == .zh
                let language = common.language
                var lines = [
                    "\(rule.id)  \(rule.title.text(language))",
                    "\(zh ? "级别" : "Severity"): \(rule.severity.rawValue)",
                    rule.description.text(language),
                ]
                if let notice = rule.notice { lines.append("\(zh ? "通知原文" : "The notice"): “\(notice)”") }
                lines.append("\(zh ? "提示语" : "Message"): \(rule.message.text(language))")
                lines.append("\(zh ? "处理方法" : "Fix"): \(rule.hint.text(language))")
                for (name, wording) in (rule.variants ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let severity = wording.severity.map { " (\($0.rawValue))" } ?? ""
                    lines.append(
                        "  [\(name)]\(severity) \(wording.message.text(language)) → \(wording.hint.text(language))")
                }
                if let examples = rule.examples {
                    lines.append(zh ? "会触发的例子：" : "Triggering examples:")
                    lines += examples.triggering.map {
                        "  \($0.sample): \($0.path.isEmpty ? (zh ? "（整个材料包）" : "(bundle)") : $0.path)"
                    }
                    lines.append(zh ? "不会触发的例子：" : "Non-triggering examples:")
                    lines += examples.nonTriggering.map {
                        "  \($0.sample): \($0.path.isEmpty ? (zh ? "（整个材料包）" : "(bundle)") : $0.path)"
                    }
                }
                common.emit(lines.joined(separator: "\n") + "\n")
            }
        }

        struct Lint: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: words("检查规则集文件夹或其中一个文件有没有错误。", "Check a rule-set folder, or one of its files, for errors."))
            @Argument(help: .words("规则集文件夹，或其中的一个 .yaml 文件。", "A rule-set folder or one of its .yaml files.")) var path:
                String

            func run() throws {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    Dossier.fail(CheckError.missingPath(path))
                }
                do {
                    if isFolder.boolValue {
                        _ = try RuleSet.load(folder: path)
                    } else {
                        try RuleSetLint.lint(file: path)
                    }
                } catch {
                    print("✗ \(error)")
                    throw ExitCode(1)
                }
                print("✓ \(path)")
            }
        }
    }
}
