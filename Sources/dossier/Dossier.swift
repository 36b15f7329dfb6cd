import ArgumentParser
import DossierCore
import Foundation

/// The dossier command line: thin commands over the library modules.
@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Checks nomination submission bundles offline and explains every problem. / 离线检查推荐材料并说明每个问题。",
        version: DossierVersion.current,
        subcommands: [Check.self, Seal.self, Verify.self, Intake.self, Inspect.self, Init.self, Rules.self])

    /// Exit codes of SPEC §4: 0 passed, 1 findings or failed verification, 2 the run could not be done.
    /// ArgumentParser would exit 64 on a usage error; every such error is 2 here, and never a stack trace.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

extension ParsableCommand {
    /// Prints `failure` as one line on stderr, in the run's language when it has both, and exits 2.
    static func fail(_ failure: Any) -> Never {
        let text = (failure as? any BilingualMessage)?.text(commandLineLanguage()) ?? "\(failure)"
        FileHandle.standardError.write(Data("dossier: \(text)\n".utf8))
        Foundation.exit(2)
    }
}

extension LocalizedText {
    /// A format the reporters do not know (argument parsing refuses it first).
    static let unknownFormat = LocalizedText(zh: "不支持这种报告格式。", en: "unknown format")
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
    ValidationError(commandLineLanguage() == .zh ? zh : en)
}
