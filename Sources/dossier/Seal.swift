import ArgumentParser
import DossierCore
import DossierReport
import DossierRules
import DossierSeal
import Foundation

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

    func checker(_ common: CommonOptions, progress: ProgressBar? = nil) -> Checker {
        var options = CheckOptions(
            language: common.language, strict: strict, asOf: asOf ?? AsOfDate.today(), unitType: unitType,
            quota: quota, approval: approval)
        options.thumbnails = common.format == HTMLReporter.name
        if let progress { options.progress = { progress.update($0) } }
        return Checker(ruleSet: common.loadRuleSet(), options: options)
    }
}

extension Dossier {
    /// `dossier seal FOLDER -o OUT.zip`
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "检查单位文件夹，没有错误时把它封装成封装包（zip）。", "Check a folder and, when no error remains, pack it into a sealed zip."))

        @Argument(help: .words("单位文件夹。", "The unit's folder."))
        var folder: String

        @OptionGroup var common: CommonOptions
        @OptionGroup var judgement: JudgementOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: .words(
                "封装包写到哪里（默认：放在文件夹旁边，名为 单位-YYYYMMDD-XXXXXXXX.zip）。",
                "Where to write the sealed zip (default: beside the folder, UNIT-YYYYMMDD-XXXXXXXX.zip)."))
        var zip: String?

        func run() throws {
            let checker = judgement.checker(common)
            let bar = ProgressBar.make(
                label: common.language == .zh ? "封装" : "Sealing", language: common.language, disabled: common.noProgress
            )
            let outcome: SealOutcome
            do {
                outcome = try Sealer(checker: checker, progress: bar.map { bar in { bar.update($0) } }).seal(
                    folder: folder, output: zip)
            } catch let error as CheckError {
                Dossier.fail(error)
            } catch {
                bar?.finish()
                Dossier.fail(error)
            }
            bar?.finish()
            let context = common.reportContext(ruleSet: checker.ruleSet, toFile: false)
            let zh = common.language == .zh
            switch outcome {
            case .refused(let report):
                common.emit(report, ruleSet: checker.ruleSet, to: nil, inputs: [folder])
                FileHandle.standardError.write(
                    Data((zh ? "未封装：请先改正上面的错误。\n" : "Not sealed: fix the errors above first.\n").utf8))
                throw ExitCode(1)
            case .sealed(let path, let fingerprint, let report):
                if common.format == JSONReporter.name {
                    common.emit(try JSONReporter().render(report, context: context), inputs: [folder])
                } else {
                    if !common.quiet {
                        common.emit(try TextReporter().render(report, context: context), inputs: [folder])
                    }
                    print(zh ? "已封装：\(path)" : "Sealed: \(path)")
                    print(
                        zh
                            ? "指纹（请写在盖章的纸质报告上）：\(fingerprint)"
                            : "Fingerprint (write it on the stamped paper report): \(fingerprint)")
                }
            }
        }
    }

    /// `dossier verify SEALED.zip [--fingerprint F]`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "核验封装包完整、未被改动，再重新检查其中的材料。", "Prove a sealed zip intact and unaltered, then check its content again."))

        @Argument(help: .words("封装包（zip）。", "Sealed zips."))
        var zips: [String]

        @Option(
            name: .long,
            help: .words(
                "盖章纸质报告上写的指纹（连字符和大小写不影响）。",
                "The fingerprint written on the paper report (dashes and case do not matter)."))
        var fingerprint: String?

        @OptionGroup var common: CommonOptions
        @OptionGroup var output: ReportOutput
        @OptionGroup var judgement: JudgementOptions

        func run() throws {
            let checker = judgement.checker(common)
            for zip in zips where !FileManager.default.fileExists(atPath: zip) {
                Dossier.fail(LocalizedText(zh: "找不到文件“\(zip)”。", en: "\(zip): no such file"))
            }
            let bar = ProgressBar.make(
                label: common.language == .zh ? "核验" : "Verifying", language: common.language,
                disabled: common.noProgress)
            let verifier = SealVerifier(checker: checker, progress: bar.map { bar in { bar.update($0) } })
            let bundles = zips.map { verifier.verify($0, fingerprint: fingerprint) }
            bar?.finish()
            let report = Report(ruleSet: checker.ruleSet.info, asOf: checker.options.asOf, bundles: bundles)
            common.emit(report, ruleSet: checker.ruleSet, to: output.output, inputs: zips)
            if report.summary.verdict == .fail { throw ExitCode(1) }
        }
    }
}
