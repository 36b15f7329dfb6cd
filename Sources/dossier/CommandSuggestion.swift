import ArgumentParser
import DossierCore
import Foundation

/// A mistyped command (`dossier chek X`) named with the closest command, before the parser calls it two
/// unexpected arguments.
enum CommandSuggestion {
    /// A failure message when `arguments` (without the program's name) start with a word that is no command of
    /// `root` (or of the command it names), else nil.
    static func failure(_ arguments: [String], root: any ParsableCommand.Type, language: Language) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "dossier"]
        for word in arguments {
            guard !word.hasPrefix("-") else { return nil }
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty else { return nil }
            let names =
                subcommands.map { $0._commandName }
                + (ObjectIdentifier(command) == ObjectIdentifier(root) ? ["help"] : [])
            if let next = subcommands.first(where: { $0._commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            if word == "help" { return nil }
            let prefix = path.joined(separator: " ")
            let closest = names.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
            var parts = [
                LocalizedText(zh: "dossier: 没有命令“\(word)”。", en: "dossier: '\(word)' is not a command of \(prefix).")
            ]
            if let (name, distance) = closest, distance <= max(2, word.count / 3) || name.hasPrefix(word.lowercased()) {
                parts.append(LocalizedText(zh: "是不是要用 \(prefix) \(name)？", en: " Did you mean '\(prefix) \(name)'?"))
            }
            parts.append(
                LocalizedText(
                    zh: "\n可用的命令：\(names.joined(separator: "、"))。\n  详见 \(prefix) --help。",
                    en: "\nCommands: \(names.joined(separator: ", ")).\n  See '\(prefix) --help' for more information.")
            )
            let text = parts.map { $0.text(language) }.joined()
            return text
        }
        return nil
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
