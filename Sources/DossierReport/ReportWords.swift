import DossierCore

/// The report's own words (not the rules'), one text per message: headings, severities, verdicts, the lines under
/// a bundle's heading, the HTML report's labels and the rule catalogue's headings.
public struct ReportWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// `text` in the report's language.
    public func say(_ text: LocalizedText) -> String { text.text(language) }

    public var title: String { say(LocalizedText(zh: "dossier 检查报告", en: "dossier check report")) }
    public var ruleSet: String { say(LocalizedText(zh: "规则集", en: "Rule set")) }
    public var asOf: String { say(LocalizedText(zh: "判定日期", en: "As of")) }
    public var unitLevel: String { say(LocalizedText(zh: "单位材料", en: "Unit documents")) }
    public var candidate: String { say(LocalizedText(zh: "人选", en: "Candidate")) }
    public var noFindings: String { say(LocalizedText(zh: "未发现问题。", en: "No problems found.")) }
    public var fix: String { say(LocalizedText(zh: "处理", en: "Fix")) }
    public var acrossUnits: String { say(LocalizedText(zh: "跨单位（收件登记）", en: "Across units (the intake ledger)")) }
    public var manualChecks: String {
        say(LocalizedText(zh: "请人工核对（程序无法检查）：", en: "Check by hand (no program can):"))
    }
    /// The Markdown report's label of a seal's fingerprint.
    public var fingerprint: String { say(LocalizedText(zh: "封装指纹", en: "Fingerprint")) }
    /// The HTML page's language tag.
    public var htmlLanguage: String { say(LocalizedText(zh: "zh-CN", en: "en")) }
    public var yes: String { say(LocalizedText(zh: "有", en: "yes")) }
    public var no: String { say(LocalizedText(zh: "无", en: "no")) }
    /// A unit whose type neither the options nor the rule set's registry give.
    public var typeNotGiven: String { say(LocalizedText(zh: "未指定", en: "not given")) }
    /// The head of the Markdown findings table.
    public var findingsTableHead: String {
        say(LocalizedText(zh: "| 级别 | 规则 | 文件 | 问题 | 处理 |", en: "| Severity | Rule | File | Problem | Fix |"))
    }

    /// `text` in brackets after what it explains: “（…）”, “ (…)”.
    public func aside(_ text: String) -> String { say(LocalizedText(zh: "（\(text)）", en: " (\(text))")) }

    /// The line under a sealed bundle's heading: whether the fingerprint matched the paper's when one was given,
    /// else a request to compare it with the paper.
    public func fingerprint(_ seal: SealInfo, intact: Bool) -> String {
        let value = seal.fingerprint
        switch (seal.matchesPaper, intact) {
        case (true, true):
            return say(
                LocalizedText(
                    zh: "封装完好，指纹 \(value) 与纸质报告上的指纹一致。",
                    en: "Seal intact; its fingerprint \(value) matches the paper report's."))
        case (true, false):
            return say(
                LocalizedText(
                    zh: "封装指纹 \(value) 与纸质报告上的指纹一致，但封装包有问题（见下）。",
                    en: "Seal fingerprint \(value) matches the paper report's, but the sealed zip has problems (below)."
                ))
        case (false, _):
            let paper = seal.paperFingerprint ?? ""
            return say(
                LocalizedText(
                    zh: "封装指纹 \(value) 与纸质报告上的指纹 \(paper) 不一致。",
                    en: "Seal fingerprint \(value) does NOT match the paper report's \(paper)."))
        case (nil, true):
            return say(
                LocalizedText(
                    zh: "封装完好，指纹：\(value)（请与盖章纸质报告上的指纹核对）",
                    en: "Seal intact, fingerprint: \(value) (compare it with the stamped paper report)"))
        case (nil, false):
            return say(LocalizedText(zh: "封装指纹：\(value)", en: "Seal fingerprint: \(value)"))
        }
    }

    /// Whether the paper's fingerprint matched, for the HTML and Markdown reports; nil when none was given.
    public func paperCheck(_ seal: SealInfo) -> String? {
        guard let matches = seal.matchesPaper else { return nil }
        let paper = seal.paperFingerprint ?? ""
        return matches
            ? say(LocalizedText(zh: "与纸质报告上的指纹 \(paper) 一致", en: "matches the paper report's \(paper)"))
            : say(LocalizedText(zh: "与纸质报告上的指纹 \(paper) 不一致", en: "does NOT match the paper report's \(paper)"))
    }

    /// The line under a bundle's heading: the unit's type (the rule set's title for it), its quota, and the
    /// approval of an approved quota.
    public func unit(type: String?, quota: Int?, approval: String?) -> String {
        let count = quota.map(String.init) ?? "—"
        return say(
            LocalizedText(
                zh: "单位类型：\(type ?? "未知")；名额：\(count)" + (approval.map { "（增加名额批准文号：\($0)）" } ?? ""),
                en: "Unit type: \(type ?? "unknown"); quota \(count)" + (approval.map { " (approved by \($0))" } ?? ""))
        )
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: say(LocalizedText(zh: "错误", en: "error"))
        case .warning: say(LocalizedText(zh: "警告", en: "warning"))
        case .notice: say(LocalizedText(zh: "提示", en: "notice"))
        }
    }

    public func verdict(_ verdict: Verdict) -> String {
        verdict == .pass ? say(LocalizedText(zh: "通过", en: "pass")) : say(LocalizedText(zh: "未通过", en: "fail"))
    }

    /// “2 个错误，1 个警告，0 个提示 — 未通过”.
    public func summary(errors: Int, warnings: Int, notices: Int, verdict: Verdict) -> String {
        say(
            LocalizedText(
                zh: "\(errors) 个错误，\(warnings) 个警告，\(notices) 个提示 — \(self.verdict(verdict))",
                en:
                    "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings"), "
                    + "\(notices) \(notices == 1 ? "notice" : "notices") — \(self.verdict(verdict))"))
    }

    /// “…及其他 12 个文件（同一问题）：a.jpg、b.jpg…”
    public func andMore(_ count: Int, names: [String]) -> String {
        let listed = language.list(names) + (count > names.count ? "…" : "")
        return say(
            LocalizedText(
                zh: "…及其他 \(count) 个文件（同一问题）：\(listed)",
                en: "…and \(count) more files with the same problem: \(listed)"))
    }

    public func bundles(_ count: Int) -> String {
        say(LocalizedText(zh: "共 \(count) 个材料包：", en: "\(count) \(count == 1 ? "bundle" : "bundles"): "))
    }

    public func files(_ count: Int, candidates: Int) -> String {
        say(
            LocalizedText(
                zh: "\(candidates) 名人选，\(count) 个文件",
                en: "\(candidates) \(candidates == 1 ? "candidate" : "candidates"), \(count) files"))
    }

    /// The HTML report's labels, by the template's names for them.
    public var htmlLabels: [String: String] {
        let labels: [String: LocalizedText] = [
            "unitType": LocalizedText(zh: "单位类型", en: "Unit type"),
            "quota": LocalizedText(zh: "名额", en: "Quota"),
            "source": LocalizedText(zh: "检查对象", en: "Checked"),
            "verdict": LocalizedText(zh: "结论", en: "Verdict"),
            "fingerprint": LocalizedText(zh: "封装指纹", en: "Seal fingerprint"),
            "approval": LocalizedText(zh: "增加名额批准文号", en: "Quota approval"),
            "candidates": LocalizedText(zh: "推荐人选", en: "Candidates"),
            "candidate": LocalizedText(zh: "姓名", en: "Name"),
            "form": LocalizedText(zh: "推荐表", en: "Form"),
            "idPhoto": LocalizedText(zh: "证件照", en: "ID photo"),
            "photos": LocalizedText(zh: "照片", en: "Photos"),
            "videos": LocalizedText(zh: "视频（时长、大小）", en: "Videos (length, size)"),
            "findings": LocalizedText(zh: "问题数", en: "Findings"),
            "problems": LocalizedText(zh: "问题及处理方法", en: "Problems and how to fix them"),
            "contactSheet": LocalizedText(zh: "照片和视频一览", en: "Contact sheet"),
            "noPreview": LocalizedText(zh: "无预览", en: "no preview"),
        ]
        return labels.mapValues(say).merging(["noFindings": noFindings]) { first, _ in first }
    }

    /// The rule catalogue's heading after the rule set's title.
    public var ruleCatalogue: String { say(LocalizedText(zh: "规则目录", en: "rule catalogue")) }

    /// The rule catalogue's first line.
    public func ruleCount(ruleSet id: String, _ count: Int) -> String {
        say(LocalizedText(zh: "规则集 `\(id)`，共 \(count) 条规则。", en: "Rule set `\(id)`, \(count) rules."))
    }

    /// The head of the rule catalogue's table.
    public var catalogueTableHead: String {
        say(
            LocalizedText(
                zh: "| 规则 | 级别 | 检查什么 | 通知原文 | 如何处理 |",
                en: "| Rule | Severity | What it checks | The notice's words | How to fix |"))
    }
}
