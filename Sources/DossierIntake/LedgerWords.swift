import DossierCore

/// The words of the office's desk, in both languages.
enum LedgerWords {
    static let title = LocalizedText(zh: "收件登记", en: "Intake ledger")
    static let unknownType = LocalizedText(zh: "名册外单位（类型未知）", en: "units of unknown type")
    static let unfilled = LocalizedText(zh: "未填", en: "not given")
    static let ageAtDeadline = LocalizedText(zh: "截止日年龄", en: "age at the deadline")
    static let unit = LocalizedText(zh: "单位", en: "unit")
    static let type = LocalizedText(zh: "类型", en: "type")
    static let electronic = LocalizedText(zh: "电子材料", en: "electronic")
    static let resubmitted = LocalizedText(zh: "重复报送", en: "resubmitted")
    static let paper = LocalizedText(zh: "纸质材料", en: "paper")
    static let candidates = LocalizedText(zh: "人选", en: "candidates")
    static let quota = LocalizedText(zh: "名额", en: "quota")
    static let versions = LocalizedText(zh: "版本", en: "versions")
    static let fingerprint = LocalizedText(zh: "指纹", en: "fingerprint")
    static let lastReceived = LocalizedText(zh: "最近收到", en: "last received")
    static let units = LocalizedText(zh: "单位数", en: "units")
    static let byType = LocalizedText(zh: "各类单位报送情况", en: "Units by type and state")
    static let notInRegistry = LocalizedText(zh: "（名册外）", en: " (not in the registry)")
    static let overQuota = LocalizedText(zh: "超出名额", en: "over quota")
    static let findings = LocalizedText(zh: "跨单位问题", en: "Findings across units")
    static let rule = LocalizedText(zh: "规则", en: "rule")
    static let message = LocalizedText(zh: "问题", en: "problem")
    static let hint = LocalizedText(zh: "处理办法", en: "what to do")

    static func state(_ state: LedgerStatus.State) -> LocalizedText {
        switch state {
        case .notReceived: LocalizedText(zh: "未收到", en: "not received")
        case .passed: LocalizedText(zh: "已收到，通过", en: "received, passed")
        case .failed: LocalizedText(zh: "已收到，有错误", en: "received with errors")
        }
    }

    static func paper(_ state: LedgerStatus.PaperState) -> LocalizedText {
        switch state {
        case .none: LocalizedText(zh: "未收到", en: "not received")
        case .received: LocalizedText(zh: "已收到（无封装包可比对）", en: "received (no sealed bundle to compare)")
        case .matches: LocalizedText(zh: "已收到，指纹一致", en: "received, fingerprint matches")
        case .mismatch: LocalizedText(zh: "已收到，指纹不符", en: "received, fingerprint does not match")
        }
    }

    /// The paper states as column titles.
    static func paperShort(_ state: LedgerStatus.PaperState) -> LocalizedText {
        switch state {
        case .none: LocalizedText(zh: "纸质未到", en: "no paper")
        case .received: LocalizedText(zh: "纸质已到（无可比对）", en: "paper, nothing to compare")
        case .matches: LocalizedText(zh: "纸质指纹一致", en: "paper matches")
        case .mismatch: LocalizedText(zh: "纸质指纹不符", en: "paper does not match")
        }
    }

    /// How often a unit sent, and whether the content changed.
    static func receipts(_ count: Int, versions: Int) -> LocalizedText {
        versions > 1
            ? LocalizedText(zh: "\(count) 次，\(versions) 个版本", en: "\(count) times, \(versions) versions")
            : LocalizedText(zh: "\(count) 次，内容相同", en: "\(count) times, same content")
    }

    static func deadline(_ days: Int, _ deadline: String) -> LocalizedText {
        if days > 0 {
            return LocalizedText(zh: "距截止日（\(deadline)）还有 \(days) 天", en: "\(days) days to the deadline (\(deadline))")
        }
        if days == 0 { return LocalizedText(zh: "今天是截止日（\(deadline)）", en: "The deadline (\(deadline)) is today") }
        return LocalizedText(
            zh: "截止日（\(deadline)）已过 \(-days) 天", en: "The deadline (\(deadline)) passed \(-days) days ago")
    }

    static func candidatesTotal(_ count: Int) -> LocalizedText {
        LocalizedText(zh: "人选合计 \(count) 名", en: "\(count) candidates in all")
    }
}
