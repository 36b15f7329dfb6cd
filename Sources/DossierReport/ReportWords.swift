import DossierCore

/// The report's own words (not the rules'): headings, severities, verdicts, in both languages.
public struct ReportWords: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public var title: String { pick("dossier 检查报告", "dossier check report") }
    public var ruleSet: String { pick("规则集", "Rule set") }
    public var asOf: String { pick("判定日期", "As of") }
    public var unitLevel: String { pick("单位材料", "Unit documents") }
    public var candidate: String { pick("人选", "Candidate") }
    public var noFindings: String { pick("未发现问题。", "No problems found.") }
    public var fix: String { pick("处理", "Fix") }
    public var acrossUnits: String { pick("跨单位（收件登记）", "Across units (the intake ledger)") }
    public var manualChecks: String { pick("请人工核对（程序无法检查）：", "Check by hand (no program can):") }

    /// The line under a sealed bundle's heading: whether the fingerprint matched the paper's when one was given,
    /// else a request to compare it with the paper.
    public func fingerprint(_ seal: SealInfo, intact: Bool) -> String {
        let value = seal.fingerprint
        switch (seal.matchesPaper, intact) {
        case (true, true):
            return pick(
                "封装完好，指纹 \(value) 与纸质报告上的指纹一致。",
                "Seal intact; its fingerprint \(value) matches the paper report's.")
        case (true, false):
            return pick(
                "封装指纹 \(value) 与纸质报告上的指纹一致，但封装包有问题（见下）。",
                "Seal fingerprint \(value) matches the paper report's, but the sealed zip has problems (below).")
        case (false, _):
            let paper = seal.paperFingerprint ?? ""
            return pick(
                "封装指纹 \(value) 与纸质报告上的指纹 \(paper) 不一致。",
                "Seal fingerprint \(value) does NOT match the paper report's \(paper).")
        case (nil, true):
            return pick(
                "封装完好，指纹：\(value)（请与盖章纸质报告上的指纹核对）",
                "Seal intact, fingerprint: \(value) (compare it with the stamped paper report)")
        case (nil, false):
            return pick("封装指纹：\(value)", "Seal fingerprint: \(value)")
        }
    }

    /// Whether the paper's fingerprint matched, for the HTML and Markdown reports; nil when none was given.
    public func paperCheck(_ seal: SealInfo) -> String? {
        guard let matches = seal.matchesPaper else { return nil }
        let paper = seal.paperFingerprint ?? ""
        return matches
            ? pick("与纸质报告上的指纹 \(paper) 一致", "matches the paper report's \(paper)")
            : pick("与纸质报告上的指纹 \(paper) 不一致", "does NOT match the paper report's \(paper)")
    }

    /// The line under a bundle's heading: the unit's type (the rule set's title for it), its quota, and the
    /// approval of an approved quota.
    public func unit(type: String?, quota: Int?, approval: String?) -> String {
        let count = quota.map(String.init) ?? "—"
        return language == .zh
            ? "单位类型：\(type ?? "未知")；名额：\(count)" + (approval.map { "（增加名额批准文号：\($0)）" } ?? "")
            : "Unit type: \(type ?? "unknown"); quota \(count)" + (approval.map { " (approved by \($0))" } ?? "")
    }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: pick("错误", "error")
        case .warning: pick("警告", "warning")
        case .notice: pick("提示", "notice")
        }
    }

    public func verdict(_ verdict: Verdict) -> String {
        verdict == .pass ? pick("通过", "pass") : pick("未通过", "fail")
    }

    /// “2 个错误，1 个警告，0 个提示 — 未通过”.
    public func summary(errors: Int, warnings: Int, notices: Int, verdict: Verdict) -> String {
        language == .zh
            ? "\(errors) 个错误，\(warnings) 个警告，\(notices) 个提示 — \(self.verdict(verdict))"
            : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings"), "
                + "\(notices) \(notices == 1 ? "notice" : "notices") — \(self.verdict(verdict))"
    }

    /// “…及其他 12 个文件（同一问题）：a.jpg、b.jpg…”
    public func andMore(_ count: Int, names: [String]) -> String {
        let listed = names.joined(separator: language == .zh ? "、" : ", ") + (count > names.count ? "…" : "")
        return language == .zh
            ? "…及其他 \(count) 个文件（同一问题）：\(listed)" : "…and \(count) more files with the same problem: \(listed)"
    }

    public func bundles(_ count: Int) -> String {
        pick("共 \(count) 个材料包：", "\(count) \(count == 1 ? "bundle" : "bundles"): ")
    }

    public func files(_ count: Int, candidates: Int) -> String {
        pick(
            "\(candidates) 名人选，\(count) 个文件",
            "\(candidates) \(candidates == 1 ? "candidate" : "candidates"), \(count) files")
    }
}
