import DossierCore

/// The rule engine's own words, one text per message: why a run could not be done, what a finding says when the
/// rule set lacks its rule, and the small words checks fill into the rule set's messages. Everything a campaign
/// words differently (documents, fields, labels) is the rule set's, in rules/.
enum RulesWords {
    static func missingPath(_ path: String) -> LocalizedText {
        LocalizedText(zh: "找不到“\(path)”：没有这个文件或文件夹。", en: "\(path): no such file or folder")
    }

    static func notAFolder(_ path: String) -> LocalizedText {
        LocalizedText(zh: "“\(path)”不是文件夹，也不是 zip：请给出单位文件夹、zip 或存放它们的文件夹。", en: "\(path): not a folder")
    }

    static func unreadableFolder(_ path: String) -> LocalizedText {
        LocalizedText(zh: "无法读取文件夹“\(path)”（没有读取权限）。", en: "\(path): the folder cannot be read")
    }

    static func unknownUnitType(_ type: String, known: [String]) -> LocalizedText {
        LocalizedText(
            zh: "--unit-type \(type) 不是本规则集的单位类型，可选：\(Language.zh.list(known))。",
            en: "--unit-type \(type) is not one of: \(Language.en.list(known))")
    }

    static func candidateFolder(_ path: String, parent: String) -> LocalizedText {
        LocalizedText(
            zh: "“\(path)”看起来是一位候选人的文件夹，不是推荐单位的文件夹：请检查上一级的单位文件夹“\(parent)”，推荐表、汇总表和名额要按整个单位核对。",
            en: "\(path) looks like one candidate's folder, not a unit's: check the unit's folder above it, \(parent); "
                + "forms, summary tables and the quota are judged for the whole unit.")
    }

    /// A run cancelled before it finished (`Cancellation`).
    static let cancelled = LocalizedText(zh: "已取消：没有写出任何结果。", en: "cancelled: nothing was written")

    /// A finding whose rule the rule set lacks: an error, so that a missing rule never turns a problem into a pass.
    static func ruleMissing(_ rule: RuleID) -> LocalizedText {
        LocalizedText(
            zh: "规则集中没有规则 \(rule)，这个问题无法说明；请更新规则集。",
            en: "The rule set has no rule \(rule), so this problem cannot be described; update the rule set.")
    }

    /// A file's content type that could not be recognised (“是未知格式”, “is in an unknown format”).
    static let unknownFormat = LocalizedText(zh: "未知", en: "an unknown")

    /// A part of an Office document that points at something the document does not hold; `what` is the reader's
    /// English.
    static func badReference(_ what: String) -> LocalizedText {
        LocalizedText(zh: "引用了文件中不存在的内容", en: what)
    }

    /// Where in a document a classification marking stands. The Chinese goes into the finding's data.
    static let bodyText = LocalizedText(zh: "正文", en: "body text")
    /// The side a face sits off centre (PHOTO-ID-FRAMING).
    static let left = LocalizedText(zh: "左", en: "left")
    static let right = LocalizedText(zh: "右", en: "right")
    static let table = LocalizedText(zh: "表格", en: "a table")
    static let header = LocalizedText(zh: "页眉", en: "the header")
    static let footer = LocalizedText(zh: "页脚", en: "the footer")
    static func sheet(_ name: String) -> LocalizedText {
        LocalizedText(zh: "工作表“\(name)”", en: "the sheet “\(name)”")
    }
}
