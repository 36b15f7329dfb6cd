import ArgumentParser
import DossierCore
import DossierFiles
import DossierReport
import DossierRules
import Foundation

/// Options every command shares (SPEC §4).
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: .words("规则集文件夹（默认：自带的 rules/zuimei-2021）。", "A rule-set folder (default: the bundled rules/zuimei-2021).")
    )
    var rules: String?

    @Option(
        name: .long,
        help: .words(
            "报告格式：text、json、html、sarif、junit 或 markdown。", "Output format: text, json, html, sarif, junit or markdown.")
    )
    var format: String = "text"

    @Option(
        name: .long,
        help: .words(
            "提示语言：zh（中文）或 en（英文）；默认看 LANG，否则中文。", "Language of messages: zh or en (default from LANG, else zh)."))
    var lang: Language?

    @Flag(name: .long, help: .words("只输出汇总行。", "Print only the summary line."))
    var quiet = false

    @Flag(name: .long, help: .words("不显示进度条。", "Never show a progress bar."))
    var noProgress = false

    func validate() throws {
        guard Reporters.names.contains(format) else {
            throw usageError(
                zh: "--format 须是以下之一：\(Reporters.names.joined(separator: "、"))",
                en: "--format must be one of: \(Reporters.names.joined(separator: ", "))")
        }
    }

    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// The rule set named by `--rules`, else the bundled one; a one-line message and exit 2 when it cannot be loaded.
    func loadRuleSet() -> RuleSet {
        guard let folder = rules ?? RuleSet.defaultFolder() else {
            Dossier.fail(
                LocalizedText(
                    zh: "找不到自带的规则集：请用 --rules 给出规则集文件夹，或设置 DOSSIER_RULES。",
                    en: "the bundled rule set was not found; give --rules PATH or set DOSSIER_RULES"))
        }
        do {
            return try RuleSet.load(folder: folder)
        } catch {
            Dossier.fail(LocalizedText(zh: "规则集有误：\(error)", en: "the rule set is not valid: \(error)"))
        }
    }

    /// What reporters need; colours only on a terminal, never into a file, never with `NO_COLOR`.
    func reportContext(ruleSet: RuleSet, toFile: Bool) -> ReportContext {
        let environment = ProcessInfo.processInfo.environment
        let color =
            !toFile && isatty(STDOUT_FILENO) != 0 && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
        return ReportContext(language: language, quiet: quiet, ruleSet: ruleSet, color: color)
    }

    /// Renders `report` in `--format` and writes it to `output` (or standard output); a failure is exit 2.
    func emit(_ report: Report, ruleSet: RuleSet, to output: String?, inputs: [String]) {
        let context = reportContext(ruleSet: ruleSet, toFile: output != nil)
        guard let reporter = Reporters.named(format) else { Dossier.fail(LocalizedText.unknownFormat) }
        do {
            emit(try reporter.render(report, context: context), to: output, inputs: inputs)
        } catch {
            Dossier.fail(error)
        }
    }

    /// Writes `text` to `output` atomically, or to standard output. Refuses to write inside an input path.
    func emit(_ text: String, to output: String? = nil, inputs: [String] = []) {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        for input in inputs where LocalPath.isInside(folder, folder: input) {
            Dossier.fail(
                LocalizedText(
                    zh: "报告 \(output) 不能写在输入 \(input) 里面（输入只读）：请把 -o 指到别处。",
                    en: "\(output): the report must not be written inside the input \(input) (input is read-only)"))
        }
        do {
            try AtomicOutput.write(Array(text.utf8), to: output)
        } catch {
            let reason = error.reason
            Dossier.fail(
                LocalizedText(
                    zh: "无法写入报告 \(output)（\(reason.text(.zh))）：请把 -o 指到可以写入的文件夹。",
                    en: "\(output): cannot write the report (\(reason.text(.en))): "
                        + "point -o at a folder you can write to"))
        }
    }
}

extension Language: ExpressibleByArgument {}

/// `-o/--output`: where the report goes.
struct ReportOutput: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: .words(
            "把报告写入这个文件（整体写入），而不是输出到屏幕。", "Write the report to this file (atomically) instead of standard output."))
    var output: String?
}
