import DossierCore
import DossierRules

/// The rule catalogue as plain text: `dossier rules list` and `dossier rules explain ID`.
extension RuleCatalogue {
    /// One line per rule: ID, severity, title.
    public static func list(_ ruleSet: RuleSet, language: Language) -> String {
        var lines = ["\(ruleSet.header.id) — \(ruleSet.header.title.text(language))"]
        let width = ruleSet.rules.map(\.id.rawValue.count).max() ?? 0
        for rule in ruleSet.rules {
            let id = rule.id.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            lines.append("\(id)  \(severity)  \(rule.title.text(language))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One rule: what it checks, the notice's words, its message and fix, its variants and its examples.
    public static func explain(_ rule: RuleDescription, language: Language) -> String {
        func words(_ text: LocalizedText) -> String { text.text(language) }
        var lines = [
            "\(rule.id)  \(rule.title.text(language))",
            "\(words(Words.severity)): \(rule.severity.rawValue)",
            rule.description.text(language),
        ]
        if let notice = rule.notice { lines.append("\(words(Words.notice)): “\(notice)”") }
        lines.append("\(words(Words.message)): \(rule.message.text(language))")
        lines.append("\(words(Words.fix)): \(rule.hint.text(language))")
        for (name, wording) in (rule.variants ?? [:]).sorted(by: { $0.key < $1.key }) {
            let severity = wording.severity.map { " (\($0.rawValue))" } ?? ""
            lines.append("  [\(name)]\(severity) \(wording.message.text(language)) → \(wording.hint.text(language))")
        }
        if let examples = rule.examples {
            func example(_ example: RuleExample) -> String {
                "  \(example.sample): \(example.path.isEmpty ? words(Words.wholeBundle) : example.path)"
            }
            lines.append(words(Words.triggering))
            lines += examples.triggering.map(example)
            lines.append(words(Words.nonTriggering))
            lines += examples.nonTriggering.map(example)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The words of `explain`.
    enum Words {
        static let severity = LocalizedText(zh: "级别", en: "Severity")
        static let notice = LocalizedText(zh: "通知原文", en: "The notice")
        static let message = LocalizedText(zh: "提示语", en: "Message")
        static let fix = LocalizedText(zh: "处理方法", en: "Fix")
        static let triggering = LocalizedText(zh: "会触发的例子：", en: "Triggering examples:")
        static let nonTriggering = LocalizedText(zh: "不会触发的例子：", en: "Non-triggering examples:")
        static let wholeBundle = LocalizedText(zh: "（整个材料包）", en: "(bundle)")
    }
}
