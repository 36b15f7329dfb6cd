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

/// A one-line message for the user and exit code 2.
struct RunFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ParsableCommand {
    /// Prints `failure` as one line on stderr and exits 2.
    static func fail(_ failure: Any) -> Never {
        FileHandle.standardError.write(Data("dossier: \(failure)\n".utf8))
        Foundation.exit(2)
    }
}
