import DossierCore
import Foundation

/// The web app's own words (not the rules' nor the report's), in both languages: page titles, refusals, what a
/// job's page says. The templates carry their words as `[[中文|English]]` (`PageTemplates`).
enum ServeWords {
    // Page titles.
    static let homeTitle = LocalizedText(zh: "dossier：推荐材料检查与封装", en: "dossier: check and seal a submission")
    static let browseTitle = LocalizedText(zh: "选择材料", en: "Choose your folder")
    static let cannotStart = LocalizedText(zh: "无法开始", en: "Could not start")
    static let cannotSeal = LocalizedText(zh: "无法封装", en: "Could not seal")
    static let verifyTitle = LocalizedText(zh: "核验封装包", en: "Verify a sealed zip")
    static let newTitle = LocalizedText(zh: "新建材料文件夹", en: "New submission folder")
    static let intakeTitle = LocalizedText(zh: "收件", en: "Intake")

    /// A job's page title, by what it does.
    static func title(_ kind: Job.Kind) -> LocalizedText {
        switch kind {
        case .check: LocalizedText(zh: "检查", en: "Check")
        case .seal: LocalizedText(zh: "封装", en: "Seal")
        case .verify: LocalizedText(zh: "核验", en: "Verify")
        case .intake: LocalizedText(zh: "收件", en: "Intake")
        }
    }

    /// The check forms' checkbox: `--deep`, every frame of every video decoded.
    static let deepVideos = LocalizedText(zh: "逐帧检查视频（较慢）", en: "decode every video frame (slower)")

    /// What a failed start was about.
    static let place = LocalizedText(zh: "位置", en: "Place")
    static let whereToSave = LocalizedText(zh: "封装包保存位置", en: "Where to save")

    // Paths refused.
    static let outside = LocalizedText(
        zh: "这个位置不在允许浏览的范围内（主文件夹和U盘）。请从“选择材料”里逐级打开文件夹。",
        en: "That place is outside the folders this server may show (your home and drives). Open folders from “Choose”."
    )
    static let symlink = LocalizedText(
        zh: "这个位置经过一个符号链接（快捷方式）：为安全起见不跟随链接。请打开它实际所在的文件夹。",
        en: "That place goes through a symbolic link, which is never followed. Open the folder where it really is.")
    static let missing = LocalizedText(
        zh: "找不到这个文件夹或文件：它可能已被移动、改名，或U盘已拔出。",
        en: "That folder or file is not there: it may have been moved or renamed, or the drive removed.")
    static let folderUnreadable = LocalizedText(
        zh: "无法打开这个文件夹（没有读取权限，或它不是文件夹）。",
        en: "This folder cannot be opened (no permission, or not a folder).")
    static let notFound = LocalizedText(
        zh: "没有这个页面，或这项工作已不在（服务重启后旧的结果不再保留）。",
        en: "No such page, or that job is gone (results are not kept across restarts).")

    /// What the intake page calls a place to take in.
    static func intakePlace(_ kind: IntakePlaces.Kind, bundles: Int) -> LocalizedText {
        let count = bundles == 1 ? "1 bundle" : "\(bundles) bundles"
        switch kind {
        case .drive: return LocalizedText(zh: "U盘或移动硬盘（\(bundles) 份材料）", en: "drive (\(count))")
        case .folder: return LocalizedText(zh: "文件夹（\(bundles) 份材料）", en: "folder (\(count))")
        }
    }

    /// What the folder browser calls each entry.
    static func kind(_ kind: FolderListing.Kind) -> LocalizedText {
        switch kind {
        case .unit: LocalizedText(zh: "单位材料文件夹", en: "unit's folder")
        case .folder: LocalizedText(zh: "文件夹", en: "folder")
        case .zip: LocalizedText(zh: "zip（可检查或核验）", en: "zip (check or verify)")
        case .symlink: LocalizedText(zh: "链接（不跟随）", en: "link (not followed)")
        }
    }

    // The drop zone.
    static let dropBadName = LocalizedText(
        zh: "这个文件名不能接收（隐藏文件或名称不合适）。", en: "This file name cannot be taken (hidden or unsuitable).")
    static func dropTooLarge(_ limit: String) -> LocalizedText {
        LocalizedText(
            zh: "拖入的内容超过了上限 \(limit)：请改用“选择材料”直接打开U盘或文件夹。",
            en: "What was dropped is over the limit of \(limit): open the drive or folder under “Choose” instead.")
    }
    static let dropExists = LocalizedText(zh: "同名文件已经拖入过。", en: "A file of that name was already dropped.")
    static let dropUnwritable = LocalizedText(
        zh: "无法写入临时工作文件夹（磁盘已满？）。", en: "The working folder cannot be written (disk full?).")
    static let dropBroken = LocalizedText(zh: "传输中断，请重新拖入。", en: "The transfer broke off: drop it again.")

    // Jobs.
    static let busy = LocalizedText(
        zh: "另一项工作正在进行，请等它完成后再开始新的工作。下面是正在进行的工作。",
        en: "Another job is running: wait until it is done before starting a new one. Here it is.")
    static let cancelledByStop = LocalizedText(zh: "已取消（服务已停止）。", en: "Cancelled (the server stopped).")
    static let cancelledByUser = LocalizedText(
        zh: "已取消：这项工作没有做完，没有留下任何文件。可以重新开始。",
        en: "Cancelled: the work was not finished and left no file behind. You may start it again.")
    static let cancelNotRunning = LocalizedText(
        zh: "这项工作已经结束，不能再取消。", en: "This job has already ended: there is nothing to cancel.")
    static func couldNotBeDone(_ error: String) -> LocalizedText {
        LocalizedText(zh: "无法完成：\(error)", en: "could not be done: \(error)")
    }
    /// A size on the printed page: megabytes, then the exact bytes.
    static func size(_ bytes: Int) -> LocalizedText {
        let megabytes = String(format: "%.1f", Double(bytes) / 1_048_576)
        return LocalizedText(zh: "\(megabytes) MB（\(bytes) 字节）", en: "\(megabytes) MB (\(bytes) bytes)")
    }

    // Forms.
    static let badFingerprint = LocalizedText(
        zh: "指纹只能由数字 0–9 和字母 A–F 组成（连字符可有可无），请照纸质报告重新输入。",
        en: "A fingerprint has only digits 0–9 and letters A–F (dashes optional): type it again from the paper.")
    static let badUnitName = LocalizedText(
        zh: "请填写推荐单位名称（不能含有“/”，也不能以“.”开头）。", en: "Type the unit's name (no “/”, not starting with “.”).")

    // 核验's verdict.
    static let sealIntact = LocalizedText(
        zh: "封装包完整，未被改动：每个文件都与封装时的清单一致。",
        en: "The sealed zip is intact and unaltered: every file matches the list made when it was sealed.")
    static let sealAltered = LocalizedText(zh: "封装包已被改动或损坏：", en: "The sealed zip was altered or is damaged:")
    static func fingerprintsDiffer(zip: String, paper: String) -> LocalizedText {
        LocalizedText(
            zh: "指纹不一致：封装包的指纹是 \(zip)，与纸质报告上的 \(paper) 不同。请核对抄写，或联系报送单位。",
            en: "Fingerprints differ: the zip's is \(zip), the paper's \(paper). Check the copy, or ask the unit.")
    }
    static func fingerprintsMatch(_ fingerprint: String) -> LocalizedText {
        LocalizedText(
            zh: "指纹一致：\(fingerprint)，与纸质报告相符。", en: "Fingerprints match: \(fingerprint), as on the paper report.")
    }
    static func fingerprintNotCompared(_ fingerprint: String) -> LocalizedText {
        LocalizedText(
            zh: "封装包的指纹是 \(fingerprint)（没有输入纸质报告上的指纹，未比对）。",
            en: "The zip's fingerprint is \(fingerprint) (no paper fingerprint was typed, so none was compared).")
    }
    static func contentErrors(_ count: Int) -> LocalizedText {
        count == 0
            ? LocalizedText(zh: "重新检查其中的材料：没有错误。", en: "Its content checked again: no error.")
            : LocalizedText(
                zh: "重新检查其中的材料：有 \(count) 个错误，见下面的报告。",
                en: "Its content checked again: \(count) errors, see the report below.")
    }

    // Refusals of the guard (shown in both languages at once).
    static let foreignHost = LocalizedText(
        zh: "这个地址不是 dossier 服务自己的地址，已拒绝。请使用启动 dossier serve 时显示的地址。",
        en: "This address is not the server's own; refused. Use the address dossier serve printed.")
    static let noSecret = LocalizedText(
        zh: "缺少或不符合本次启动的访问密钥，已拒绝。请使用启动 dossier serve 时显示（或自动打开）的完整地址；每次启动地址都不同。",
        en: "The secret of this start is missing or wrong; refused. Open the full address dossier serve printed "
            + "(or opened) at its start; it changes at every start.")
    static let foreignOrigin = LocalizedText(
        zh: "这个操作不是从本服务自己的页面提交的，已拒绝。请回到 dossier 的页面重新操作。",
        en: "This action did not come from the server's own pages; refused. Go back to dossier's page and try again.")
    static let tooLarge = LocalizedText(zh: "提交的内容太大。", en: "What was sent is too large.")
    static let badMethod = LocalizedText(zh: "不支持这种请求。", en: "This kind of request is not supported.")
    static let badRange = LocalizedText(
        zh: "请求的范围超出了文件的大小。", en: "The range asked for lies beyond the end of the file.")

    // The office's pages (收件登记, with `--archive`); the desk's own values say themselves (`LedgerStatusRenderer`).
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
    static let recheckCancelled = LocalizedText(
        zh: "重新检查已取消：收件登记没有任何改动。可以重新开始。",
        en: "The recheck was cancelled: nothing in the ledger was changed. You may start it again.")
    static let recheckCancelledByStop = LocalizedText(
        zh: "重新检查已取消（服务已停止）：收件登记没有任何改动。", en: "The recheck was cancelled (the server stopped): the ledger is unchanged."
    )
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

    // Attributes the layout needs.
    /// The page's language tag.
    static let htmlLanguage = LocalizedText(zh: "zh-CN", en: "en")
    /// The language the switch leads to.
    static let otherLanguage = LocalizedText(zh: "en", en: "zh")
}
