import ArgumentParser
import DossierCore
import DossierKit
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
        guard DossierLibrary.formats.contains(format) else {
            throw usageError(
                zh: "--format 须是以下之一：\(DossierLibrary.formats.joined(separator: "、"))",
                en: "--format must be one of: \(DossierLibrary.formats.joined(separator: ", "))")
        }
    }

    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    /// The library over the rule set named by `--rules`, else the bundled one; a one-line message and exit 2 when
    /// it cannot be loaded.
    func library() -> DossierLibrary {
        do {
            return try DossierLibrary(rules: rules)
        } catch {
            Dossier.fail(error)
        }
    }

    /// Runs long work with a progress bar labelled `label` on stderr (unless `--no-progress`); a failure is one
    /// line in the run's language and exit 2.
    func withProgress<Value>(_ label: String, _ work: (DossierLibrary.Progress?) throws -> Value) -> Value {
        let bar = ProgressBar.make(label: label, disabled: noProgress)
        do {
            let value = try work(bar?.update)
            bar?.finish()
            return value
        } catch {
            bar?.finish()
            Dossier.fail(error)
        }
    }

    /// Emits `report` and exits 1 when it fails (SPEC §4).
    func conclude(_ report: Report, library: DossierLibrary, to output: String?, inputs: [String]) throws {
        emit(report, library: library, to: output, inputs: inputs)
        if report.summary.verdict == .fail { throw ExitCode(1) }
    }

    /// Colours only on a terminal, never into a file, never with `NO_COLOR`.
    func color(toFile: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return !toFile && isatty(STDOUT_FILENO) != 0 && (environment["NO_COLOR"] ?? "").isEmpty
            && environment["TERM"] != "dumb"
    }

    /// Renders `report` in `--format` and writes it to `output` (or standard output); a failure is exit 2.
    func emit(_ report: Report, library: DossierLibrary, to output: String?, inputs: [String]) {
        do {
            let text = try library.render(
                report, format: format, language: language, quiet: quiet, color: color(toFile: output != nil))
            emit(text, to: output, inputs: inputs)
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
        do {
            try DossierLibrary.write(text, to: output, inputs: inputs)
        } catch {
            Dossier.fail(error)
        }
    }
}

extension Language: ExpressibleByArgument {}
