import ArgumentParser
import DossierCore
import DossierKit
import DossierRules

/// Options of commands that judge a bundle: `check`, `seal`, `verify`.
struct JudgementOptions: ParsableArguments {
    @Option(
        name: .long,
        help: .words(
            "按哪一天判断是否逾期，格式 YYYY-MM-DD（默认：今天）。", "The date the deadline is judged against, YYYY-MM-DD (default: today).")
    )
    var asOf: String?

    @Flag(name: .long, help: .words("有警告也判为不通过。", "Warnings fail too."))
    var strict = false

    @Option(
        name: .long,
        help: .words(
            "单位类型：province（省级科协）、society（全国学会）、defense（国防系统）或 organizer（主办单位）。",
            "The unit's type: province, society, defense or organizer."))
    var unitType: String?

    @Option(name: .long, help: .words("经批准的名额（须同时给出 --approval）。", "An approved quota (with --approval)."))
    var quota: Int?

    @Option(name: .long, help: .words("--quota 的批准文号。", "The approval's reference number for --quota."))
    var approval: String?

    @Flag(
        name: .long,
        help: .words(
            "不用缓存：每张照片都重新测量（默认把测量结果按内容缓存在 ~/.cache/dossier）。",
            "Measure every photo again instead of using the cache of measured facts (~/.cache/dossier, by content)."))
    var noCache = false

    @Flag(
        name: .long,
        help: .words(
            "逐帧解码每个视频，报告第一处解码错误的时间（较慢，约为视频时长的解码时间；供收件单位终审）。",
            "Decode every frame of every video and report the time of the first decoding error (slow: about the clips' length in decoding; for the office's final check)."
        ))
    var deep = false

    func validate() throws {
        if let asOf, !AsOfDate.isValid(asOf) {
            throw usageError(
                zh: "--as-of 须是 YYYY-MM-DD 形式的日期，例如 2021-06-01。",
                en: "--as-of must be a date written YYYY-MM-DD, for example 2021-06-01")
        }
        if quota != nil && approval == nil {
            throw usageError(
                zh: "--quota 须同时用 --approval 给出批准文号。",
                en: "--quota needs --approval with the approval's reference number (文号)")
        }
        if let quota, quota < 0 { throw usageError(zh: "--quota 不能是负数。", en: "--quota must not be negative") }
    }

    /// The options of a check run from the command line; thumbnails only when an HTML report is asked for.
    func options(_ common: CommonOptions) -> CheckOptions {
        var options = CheckOptions(
            language: common.language, strict: strict, asOf: asOf ?? AsOfDate.today(), unitType: unitType,
            quota: quota, approval: approval)
        options.thumbnails = DossierLibrary.showsPhotos(format: common.format)
        if !noCache { options.cacheFolder = DossierLibrary.userCacheFolder }
        options.deep = deep
        return options
    }
}
