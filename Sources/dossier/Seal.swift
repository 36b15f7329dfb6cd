import ArgumentParser
import DossierCore
import DossierReport
import DossierRules
import DossierSeal
import Foundation

/// Options of commands that judge a bundle: `check`, `seal`, `verify`.
struct JudgementOptions: ParsableArguments {
    @Option(name: .long, help: "The date the deadline is judged against, YYYY-MM-DD (default: today).")
    var asOf: String?

    @Flag(name: .long, help: "Warnings fail too.")
    var strict = false

    @Option(name: .long, help: "The unit's type: province, society, defense or organizer.")
    var unitType: String?

    @Option(name: .long, help: "An approved quota (with --approval).")
    var quota: Int?

    @Option(name: .long, help: "The approval's reference number (文号) for --quota.")
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
            abstract: "Check a folder and, when no error remains, pack it into a sealed zip. / 检查并封装材料。")

        @Argument(help: "The unit's folder.")
        var folder: String

        @OptionGroup var common: CommonOptions
        @OptionGroup var judgement: JudgementOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: "Where to write the sealed zip (default: beside the folder, 单位-YYYYMMDD-XXXXXXXX.zip).")
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
            abstract: "Prove a sealed zip intact and unaltered, then check its content again. / 核验封装包。")

        @Argument(help: "Sealed zips.")
        var zips: [String]

        @Option(name: .long, help: "The fingerprint written on the paper report (dashes and case do not matter).")
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
