import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// The dossier command line: thin commands over the library modules.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: words(
            "离线检查推荐材料，并说明每个问题。", "Checks nomination submission bundles offline and explains every problem."),
        version: DossierVersion.current,
        subcommands: [
            Check.self, Seal.self, Verify.self, Intake.self, Ledger.self, Inspect.self, Init.self, Rules.self,
            Serve.self,
        ])

    /// Exit codes of SPEC §4: 0 passed, 1 findings or failed verification, 2 the run could not be done.
    /// ArgumentParser would exit 64 on a usage error; every such error is 2 here, and never a stack trace. Its
    /// words (errors, help headings) are given in the run's language, and a mistyped command gets a suggestion.
    static func main() {
        DossierLibrary.prepareProcessMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let failure = CommandSuggestion.failure(arguments, root: Dossier.self, language: runLanguage) {
            FileHandle.standardError.write(Data((failure + "\n").utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(ParserWords.help(fullMessage(for: error), language: runLanguage))
                Foundation.exit(0)
            }
            let text = ParserWords.failure(fullMessage(for: error), language: runLanguage)
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

extension ParsableCommand {
    /// Prints `failure` as one line on stderr, in the run's language when it has both, and exits 2.
    static func fail(_ failure: Any) -> Never {
        let text: String
        if let message = failure as? any BilingualMessage {
            text = message.text(runLanguage)
        } else if let error = failure as? any Error, let reason = SystemReason(error) {
            // A Foundation error: the system's reason in the run's language, with the file it names.
            let path = (error as NSError).userInfo[NSFilePathErrorKey] as? String
            text =
                path.map {
                    LocalizedText(zh: "\($0)：\(reason.text(.zh))。", en: "\($0): \(reason.text(.en))").text(runLanguage)
                }
                ?? reason.text(runLanguage)
        } else {
            text = "\(failure)"
        }
        FileHandle.standardError.write(Data("dossier: \(text)\n".utf8))
        Foundation.exit(2)
    }
}

/// `--lang` as given on the command line (even when parsing failed), else from the environment.
func commandLineLanguage() -> Language {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
        if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .zh }
        if argument == "--lang", index + 1 < arguments.count {
            return Language(rawValue: arguments[index + 1]) ?? .zh
        }
    }
    return Language.fromEnvironment(ProcessInfo.processInfo.environment)
}

/// A usage error in the run's language (ArgumentParser adds the usage line).
func usageError(zh: String, en: String) -> ValidationError {
    ValidationError(LocalizedText(zh: zh, en: en).text(runLanguage))
}
