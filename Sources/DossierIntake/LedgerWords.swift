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
        case .withdrawn: LocalizedText(zh: "已撤回（无有效版本）", en: "withdrawn (no version counts)")
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

    static let sentOnce = LocalizedText(zh: "1 次", en: "once")

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

    /// Between the parts of a line, and between the items of a list.
    static let clauseSeparator = LocalizedText(zh: "；", en: "; ")
    static let listSeparator = LocalizedText(zh: "，", en: ", ")
    /// The `lang` of an HTML page.
    static let htmlLanguage = LocalizedText(zh: "zh-CN", en: "en")

    /// The first line of the status as text.
    static func statusHeading(title: String, ruleSetID: String, asOf: String) -> LocalizedText {
        LocalizedText(
            zh: "\(Self.title.zh) — \(title)（\(asOf)）", en: "\(Self.title.en) — \(ruleSetID) (as of \(asOf))")
    }

    // MARK: Recheck

    /// A verdict as the recheck shows it.
    static func verdict(_ verdict: String) -> LocalizedText {
        switch verdict {
        case "pass": LocalizedText(zh: "通过", en: "pass")
        case "fail": LocalizedText(zh: "未通过", en: "fail")
        default: LocalizedText(zh: verdict, en: verdict)
        }
    }

    static func recheckHeading(
        _ id: Int64, ruleSetID: String, sha256: String, versions: Int, changed: Int
    ) -> LocalizedText {
        LocalizedText(
            zh: "第 \(id) 次重新检查（规则集 \(ruleSetID)，\(sha256)）：\(versions) 个版本，\(changed) 个结论有变。",
            en:
                "Recheck no. \(id) (rule set \(ruleSetID), \(sha256)): \(versions) versions, \(changed) verdicts changed."
        )
    }

    static func recheckVersion(_ version: Int64) -> LocalizedText {
        LocalizedText(zh: "  第 \(version) 号版本：", en: "  version \(version): ")
    }

    static let verdictUnchanged = LocalizedText(zh: "（结论未变）", en: " (verdict unchanged)")
    static let rulesAdded = LocalizedText(zh: "；新增 ", en: "; new ")
    static let rulesRemoved = LocalizedText(zh: "；不再有 ", en: "; gone ")

    // MARK: Why a run could not be done (IntakeError)

    static func archiveInsideInput(_ archive: String, _ input: String) -> LocalizedText {
        LocalizedText(
            zh: "收件库 \(archive) 不能放在输入 \(input) 里面（输入只读，不写入任何内容）：请把 --archive 指到别处。",
            en: "the archive \(archive) must not be inside the input \(input) (input is read-only)")
    }

    static func archiveNotAFolder(_ archive: String) -> LocalizedText {
        LocalizedText(zh: "\(archive) 不是文件夹：--archive 须是收件库文件夹。", en: "\(archive): the archive must be a folder")
    }

    static func archiveUnwritable(_ archive: String, _ path: String?, _ reason: SystemReason) -> LocalizedText {
        let place = path.map { "\($0)：" } ?? ""
        let location = path.map { "\($0): " } ?? ""
        return LocalizedText(
            zh: "无法写入收件库 \(archive)（\(place)\(reason.text(.zh))）。",
            en: "\(archive): cannot write the archive: \(location)\(reason.text(.en))")
    }

    static func ledgerUnreadable(_ path: String, _ reason: String) -> LocalizedText {
        LocalizedText(
            zh: "无法打开收件登记 \(path)（\(reason)）：请确认 --archive 指向收件库文件夹；登记库由 dossier 自己维护，不要手工修改。",
            en: "cannot open the ledger \(path) (\(reason)): is --archive the intake archive folder? "
                + "The ledger is dossier's own file and must not be edited by hand.")
    }

    static func ledgerUnwritable(_ path: String, _ source: String, _ reason: String) -> LocalizedText {
        LocalizedText(
            zh: "无法在收件登记 \(path) 中记下 \(source)（\(reason)）：这个材料包没有存入收件库，之前已登记的不受影响；请腾出磁盘空间或检查写入权限后重新收件。",
            en: "cannot record \(source) in the ledger \(path) (\(reason)): that bundle was not kept, those recorded "
                + "before are unaffected; free disk space or check write permissions, then receive it again.")
    }

    static func ledgerTooNew(_ path: String) -> LocalizedText {
        LocalizedText(
            zh: "收件登记 \(path) 由更新版本的 dossier 写成，这个版本读不懂它：请用更新的 dossier 打开；登记库未作任何改动。",
            en: "the ledger \(path) was written by a newer dossier, which this one cannot read: open it with a newer "
                + "dossier; nothing in it was changed.")
    }

    static func noSuchVersion(_ version: Int64) -> LocalizedText {
        LocalizedText(
            zh: "收件登记中没有第 \(version) 号版本：请用 dossier ledger status 查看各版本的编号。",
            en: "the ledger has no version no. \(version): dossier ledger status lists the versions' numbers.")
    }

    static func notAnArchive(_ archive: String) -> LocalizedText {
        LocalizedText(
            zh: "\(archive) 不是收件库（里面没有 ledger.sqlite）：--archive 须是 dossier intake 使用的收件库文件夹。",
            en: "\(archive) is not an intake archive (no ledger.sqlite in it): --archive must be the folder "
                + "dossier intake keeps.")
    }

    static func badFingerprint(_ text: String) -> LocalizedText {
        LocalizedText(
            zh: "指纹“\(text)”不对：应是 20 位十六进制数字（0–9、A–F），可每 4 位用短横线分开，如 7F3A-C2D1-88B0-7E41-9C2B。",
            en: "“\(text)” is not a fingerprint: 20 hex digits (0–9, A–F), dashes allowed every four, "
                + "like 7F3A-C2D1-88B0-7E41-9C2B")
    }

    static func noSuchUnit(_ name: String, _ suggestions: [String]) -> LocalizedText {
        let zhHint = suggestions.isEmpty ? "" : "是不是“\(suggestions.joined(separator: "”、“"))”？"
        let enHint = suggestions.isEmpty ? "" : " Did you mean “\(suggestions.joined(separator: "”, “"))”?"
        return LocalizedText(
            zh: "名册和收件登记中都没有单位“\(name)”。\(zhHint)", en: "no unit “\(name)” in the registry or the ledger.\(enHint)")
    }

    static func nothingFound(_ paths: [String]) -> LocalizedText {
        LocalizedText(
            zh: "在 \(paths.joined(separator: "、")) 中没有找到材料包（单位文件夹、封装包或 zip）。",
            en: "no bundle (unit folder, sealed zip or zip) found in \(paths.joined(separator: ", "))")
    }

    // MARK: A unit's page

    static func paperOutcome(_ outcome: LedgerDesk.PaperOutcome) -> LocalizedText {
        switch outcome {
        case .matches: LocalizedText(zh: "指纹一致：与这个单位的封装包相符", en: "The fingerprint matches the unit's sealed bundle")
        case .mismatch:
            LocalizedText(
                zh: "指纹不符：不是这个单位任何一个封装包的指纹（CROSS-PAPER-MISMATCH）",
                en: "The fingerprint matches none of the unit's sealed bundles (CROSS-PAPER-MISMATCH)")
        case .noSealedBundle:
            LocalizedText(
                zh: "已登记；这个单位还没有报送封装包，暂无可比对的指纹",
                en: "Recorded; the unit has sent no sealed bundle yet, so there is nothing to compare")
        }
    }

    static func mark(_ mark: Ledger.Mark) -> LocalizedText {
        switch mark {
        case .withdrawn: LocalizedText(zh: "已撤回", en: "withdrawn")
        case .counts: LocalizedText(zh: "以此为准", en: "counts")
        case .cleared: LocalizedText(zh: "取消标记", en: "marks cleared")
        }
    }

    static func kind(_ kind: String) -> LocalizedText {
        switch kind {
        case "sealed": LocalizedText(zh: "封装包", en: "sealed zip")
        case "zip": LocalizedText(zh: "zip", en: "zip")
        case "folder": LocalizedText(zh: "文件夹", en: "folder")
        default: LocalizedText(zh: kind, en: kind)
        }
    }

    static func verdictCounts(_ verdict: String, errors: Int, warnings: Int) -> LocalizedText {
        let word = Self.verdict(verdict)
        return LocalizedText(
            zh: "\(word.zh)（错误 \(errors)，警告 \(warnings)）", en: "\(word.en) (\(errors) errors, \(warnings) warnings)")
    }
}
