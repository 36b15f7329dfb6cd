import ArgumentParser
import DossierCore
import Foundation

/// swift-argument-parser's own words (usage errors, help headings) in the run's language.
///
/// The parser's error types are internal, so its messages are matched by their (pinned) English wording; a message
/// this table does not know is shown as the parser wrote it, and a test over the usual mistakes keeps it honest.
enum ParserWords {
    /// The lines of a usage failure: the message, the option's help, the usage line and where to read more.
    static func failure(_ fullMessage: String, language: Language) -> String {
        var lines: [String] = []
        for line in fullMessage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                lines.append("dossier: " + message(String(line.dropFirst(7)), language: language))
            } else if line.hasPrefix("Help:  ") {
                lines.append((language == .zh ? "说明：" : "Help: ") + line.dropFirst(7))
            } else if line.hasPrefix("Usage: ") {
                lines.append((language == .zh ? "用法：" : "Usage: ") + line.dropFirst(7))
            } else if let match = line.firstMatch(of: #/^  See '(.+)' for more information\.$/#) {
                lines.append(language == .zh ? "  详见 \(match.1)。" : line)
            } else if lines.count == 1 && !lines[0].isEmpty {
                // A message of several lines (a list of values).
                lines.append(language == .zh ? message(line, language: language) : line)
            } else {
                lines.append(line)
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// One error message of the parser in `language`.
    static func message(_ text: String, language: Language) -> String {
        guard language == .zh else { return text }
        if let m = text.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "缺少参数 \(m.1)。" }
        if let m = text.wholeMatch(of: #/Missing one of: (.+)/#) { return "缺少以下参数之一：\(m.1)。" }
        if let m = text.wholeMatch(of: #/Missing value for '(.+)'/#) { return "\(m.1) 后面缺少值。" }
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'. Did you mean '(.+)'\?/#) {
            return "没有选项 \(m.1)。是不是要用 \(m.2)？"
        }
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'/#) { return "没有选项 \(m.1)。" }
        if let m = text.wholeMatch(of: #/Unexpected argument '(.+)'/#) { return "多余的参数“\(m.1)”。" }
        if let m = text.wholeMatch(of: #/(\d+) unexpected arguments: '(.+)'/#) {
            return "多余的参数（\(m.1) 个）：“\(m.2.replacing("', '", with: "”、“"))”。"
        }
        if let m = text.wholeMatch(of: #/The option '(.+)' does not take any value, but '(.+)' was specified\./#) {
            return "选项 \(m.1) 不带值，却给了“\(m.2)”。"
        }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+?)'(?:\. Please provide one of (.+)\.)?/#)
        {
            let choices = m.3.map { "，可选：\($0.replacing(" and ", with: "、").replacing(" or ", with: "、"))" } ?? ""
            return "“\(m.1)”不是 \(m.2) 的有效值\(choices.replacing(", ", with: "、"))。"
        }
        if let m = text.wholeMatch(
            of: #/The value '(.*)' is invalid for '(.+?)'\. Please provide one of the following:/#)
        {
            return "“\(m.1)”不是 \(m.2) 的有效值，可选："
        }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+?)': (.+)/#) {
            return "“\(m.1)”不是 \(m.2) 的有效值（\(m.3)）。"
        }
        if let m = text.wholeMatch(of: #/Value to be set with (.+) had already been set with (.+)/#) {
            return "\(m.1.replacing("flag ", with: "选项 ")) 与前面的 \(m.2.replacing("flag ", with: "选项 ")) 重复。"
        }
        if let m = text.wholeMatch(of: #/Invalid option: (.+)/#) { return "无效的选项：\(m.1)。" }
        if text == "Missing required subcommand." { return "缺少子命令。" }
        return text
    }

    /// Help, usage and `--experimental-dump-help` output with the parser's headings in `language`.
    static func help(_ text: String, language: Language) -> String {
        guard language == .zh else { return text }
        var result = text
        for (english, chinese) in [
            ("OVERVIEW: ", "概述："), ("USAGE: ", "用法："), ("ARGUMENTS:\n", "参数：\n"), ("OPTIONS:\n", "选项：\n"),
            ("SUBCOMMANDS:\n", "子命令：\n"), ("Show help information.", "显示帮助。"),
            ("Show subcommand help information.", "显示子命令的帮助。"), ("Show the version.", "显示版本号。"),
        ] {
            result = result.replacing(english, with: chinese)
        }
        result = result.replacing(#/ *\(default:\s+([^)]*)\)/#) { "（默认：\($0.1)）" }
        result = result.replacing(#/ *\(values:\s+([^;)]*)\)/#) { "（可选：\($0.1)）" }
        result = result.replacing(#/See '(.+) <subcommand>' for detailed help\./#) { "各子命令的说明：\($0.1) <子命令>" }
        return result
    }
}
