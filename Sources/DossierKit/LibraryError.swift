import DossierCore

/// Why a front end's request could not be done at all (exit 2 on the command line), in both languages: the rule
/// set, the output, a rule or a format asked for. Errors of the work itself are the modules' own (`CheckError`,
/// `SealError`, `IntakeError`).
public enum LibraryError: Error, Equatable, BilingualMessage {
    /// No rule set was named and the bundled one is not where it should be.
    case bundledRulesMissing
    /// The rule set at the path does not load; the loader's own words.
    case rulesInvalid(String)
    /// An output (first) would be written inside an input (second), which is read-only.
    case outputInsideInput(String, String)
    /// An output could not be written.
    case outputUnwritable(String, SystemReason)
    case unknownFormat(String)
    /// No rule of this ID in the rule set (second).
    case noSuchRule(String, String)

    public func text(_ language: Language) -> String { words.text(language) }

    /// The message in both languages.
    public var words: LocalizedText {
        switch self {
        case .bundledRulesMissing:
            return LocalizedText(
                zh: "找不到自带的规则集：请用 --rules 给出规则集文件夹，或设置 DOSSIER_RULES。",
                en: "the bundled rule set was not found; give --rules PATH or set DOSSIER_RULES")
        case .rulesInvalid(let problem):
            return LocalizedText(zh: "规则集有误：\(problem)", en: "the rule set is not valid: \(problem)")
        case .outputInsideInput(let output, let input):
            return LocalizedText(
                zh: "报告 \(output) 不能写在输入 \(input) 里面（输入只读）：请把 -o 指到别处。",
                en: "\(output): the report must not be written inside the input \(input) (input is read-only)")
        case .outputUnwritable(let output, let reason):
            return LocalizedText(
                zh: "无法写入报告 \(output)（\(reason.text(.zh))）：请把 -o 指到可以写入的文件夹。",
                en: "\(output): cannot write the report (\(reason.text(.en))): point -o at a folder you can write to")
        case .unknownFormat:
            return LocalizedText(zh: "不支持这种报告格式。", en: "unknown format")
        case .noSuchRule(let id, let ruleSet):
            return LocalizedText(
                zh: "规则集 \(ruleSet) 中没有规则 \(id)；全部规则见 `dossier rules list`。",
                en: "no rule \(id) in \(ruleSet); see `dossier rules list`")
        }
    }
}
