import DossierCore

/// The words the office's pages say from code (the templates carry their own `[[中文|English]]`).
enum LedgerPageWords {
    static let ledgerTitle = LocalizedText(zh: "收件登记", en: "Intake ledger")
    static let paperTitle = LocalizedText(zh: "登记纸质材料", en: "Record stamped paper")
    static let recheckTitle = LocalizedText(zh: "重新检查", en: "Recheck")
    static let noUnitGiven = LocalizedText(zh: "请填写单位名称。", en: "Type the unit's name.")
    static let badDate = LocalizedText(
        zh: "收到日期须写成 YYYY-MM-DD，例如 2021-06-19。", en: "The date received is written YYYY-MM-DD, for example 2021-06-19.")
    static let badMark = LocalizedText(
        zh: "请选择一种标记：以此为准、已撤回或取消标记。", en: "Pick a mark: counts, withdrawn or cleared.")
    static let badVersion = LocalizedText(zh: "版本号不对。", en: "That is not a version's number.")
    static let recheckRunning = LocalizedText(
        zh: "重新检查已经在进行，下面是它的进度。", en: "A recheck is already running; here it is.")
    static let noRecheck = LocalizedText(
        zh: "本次启动以来还没有重新检查过。", en: "No recheck has been run since the server started.")

    static func marked(_ version: Int64, _ mark: String) -> LocalizedText {
        LocalizedText(zh: "已把第 \(version) 号版本标记为“\(mark)”。", en: "Version \(version) is now marked “\(mark)”.")
    }

    static func unitTitle(_ unit: String) -> LocalizedText {
        LocalizedText(zh: "收件登记：\(unit)", en: "Ledger: \(unit)")
    }

    static func recheckSummary(_ id: Int64, versions: Int, changed: Int, ruleSet: String) -> LocalizedText {
        LocalizedText(
            zh: "第 \(id) 次重新检查（规则集 \(ruleSet)）：检查了 \(versions) 个版本，\(changed) 个结论有变。",
            en:
                "Recheck no. \(id) (rule set \(ruleSet)): \(versions) versions judged again, \(changed) verdicts changed."
        )
    }

    /// The name a download is saved under.
    static let exportFile = LocalizedText(zh: "全国推荐人选汇总表", en: "national-table")
    static let statusFile = LocalizedText(zh: "收件登记", en: "ledger")
}
