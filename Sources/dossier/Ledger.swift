import ArgumentParser
import DossierCore
import DossierIntake
import DossierKit
import DossierRules
import Foundation

extension Dossier {
    /// `dossier ledger status|mark|paper --archive DIR`: the campaign office's desk over the intake ledger.
    struct Ledger: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "收件登记（办公室用）：各单位报送情况、纸质材料指纹、全国汇总表、重新检查、版本标记。",
                "Office: who has sent, paper fingerprints, the national table, rechecks, which version counts."),
            subcommands: [Status.self, Paper.self, Export.self, Recheck.self, Mark.self])
    }
}

/// Options every `ledger` subcommand shares.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: .words("收件库文件夹（dossier intake 使用的那个）。", "The archive folder (the one dossier intake keeps)."))
    var archive: String

    @Option(
        name: .long,
        help: .words("规则集文件夹（默认：自带的 rules/zuimei-2021）。", "A rule-set folder (default: the bundled rules/zuimei-2021).")
    )
    var rules: String?

    @Option(
        name: .long,
        help: .words(
            "提示语言：zh（中文）或 en（英文）；默认看 LANG，否则中文。", "Language of messages: zh or en (default from LANG, else zh)."))
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }

    func library() -> DossierLibrary {
        do {
            return try DossierLibrary(rules: rules)
        } catch {
            Dossier.fail(error)
        }
    }
}

extension Dossier.Ledger {
    /// `dossier ledger status --archive DIR [--format text|json|html|xlsx] [-o FILE]`
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "名册中每个单位及名册外报送单位的状态、各类单位统计、人选数与名额、距截止日天数。",
                "Every unit's state, counts per unit type, candidates against quotas, days to the deadline."))

        @OptionGroup var ledger: LedgerOptions

        @Option(
            name: .long,
            help: .words("输出格式：text、json、html（图表页）或 xlsx。", "Output format: text, json, html (a dashboard) or xlsx."))
        var format: String = "text"

        @Option(
            name: .long,
            help: .words("按哪一天计算距截止日天数，格式 YYYY-MM-DD（默认：今天）。", "The day counted from, YYYY-MM-DD (default: today).")
        )
        var asOf: String?

        @OptionGroup var output: ReportOutput

        func validate() throws {
            guard DossierLibrary.ledgerFormats.contains(format) else {
                throw usageError(
                    zh: "--format 须是以下之一：\(DossierLibrary.ledgerFormats.joined(separator: "、"))",
                    en: "--format must be one of: \(DossierLibrary.ledgerFormats.joined(separator: ", "))")
            }
            if let asOf, !AsOfDate.isValid(asOf) {
                throw usageError(
                    zh: "--as-of 须是 YYYY-MM-DD 形式的日期，例如 2021-06-18。",
                    en: "--as-of must be a date written YYYY-MM-DD, for example 2021-06-18")
            }
            if format == "xlsx" && output.output == nil && isatty(STDOUT_FILENO) != 0 {
                throw usageError(
                    zh: "xlsx 是二进制文件：请用 -o 给出文件名，例如 -o 收件登记.xlsx。",
                    en: "xlsx is a binary file: give -o FILE, for example -o ledger.xlsx")
            }
        }

        func run() throws {
            let library = ledger.library()
            do {
                let status = try library.ledgerStatus(
                    archive: ledger.archive, asOf: asOf ?? AsOfDate.today(), language: ledger.language)
                let bytes = try library.render(status, format: format, language: ledger.language)
                if let path = output.output {
                    try DossierLibrary.write(bytes: bytes, to: path)
                } else {
                    FileHandle.standardOutput.write(Data(bytes))
                }
                if !status.findings.isEmpty { throw ExitCode(1) }
            } catch let code as ExitCode {
                throw code
            } catch {
                Dossier.fail(error)
            }
        }
    }

    /// `dossier ledger mark VERSION withdrawn|counts|cleared --archive DIR`
    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "标记某一版：withdrawn（单位撤回）、counts（以此版为准）或 cleared（取消此前的标记）。",
                "Mark a version: withdrawn, counts (the one that counts) or cleared (earlier marks no longer hold)."))

        @Argument(help: .words("版本号（见 dossier ledger status --format json）。", "The version's number (see status)."))
        var version: Int64

        @Argument(help: .words("withdrawn、counts 或 cleared。", "withdrawn, counts or cleared."))
        var mark: String

        @Option(name: .long, help: .words("谁作的标记。", "Who marks it."))
        var by: String?

        @Option(name: .long, help: .words("说明（例如单位来函文号）。", "A note (for example the unit's letter)."))
        var note: String?

        @OptionGroup var ledger: LedgerOptions

        func validate() throws {
            guard DossierIntake.Ledger.Mark(rawValue: mark) != nil else {
                throw usageError(
                    zh: "标记须是 withdrawn、counts 或 cleared。", en: "the mark must be withdrawn, counts or cleared")
            }
        }

        func run() throws {
            guard let mark = DossierIntake.Ledger.Mark(rawValue: mark) else { throw ExitCode(2) }
            do {
                try ledger.library().markVersion(
                    archive: ledger.archive, version: version, as: mark, by: by, note: note)
            } catch {
                Dossier.fail(error)
            }
            FileHandle.standardError.write(
                Data(
                    words("已记下第 \(version) 号版本的标记：\(mark.rawValue)\n", "Version \(version) marked \(mark.rawValue)\n")
                        .utf8))
        }
    }

    /// `dossier ledger paper UNIT --fingerprint F [--received DATE] --archive DIR`
    struct Paper: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "登记单位盖章纸质材料的到达及其上所写的指纹（每次登记都保留，更正即再登记一次）。",
                "Record the arrival of a unit's stamped paper and the fingerprint on it (kept; a correction is a new entry)."
            ))

        @Argument(help: .words("单位名称（名册中的名称或别名）。", "The unit's name (as in the registry, or an alias)."))
        var unit: String

        @Option(name: .long, help: .words("纸质材料上写的指纹。", "The fingerprint written on the paper."))
        var fingerprint: String

        @Option(
            name: .long,
            help: .words("纸质材料到达的日期，格式 YYYY-MM-DD（默认：今天）。", "When the paper arrived, YYYY-MM-DD (default: today)."))
        var received: String?

        @Option(name: .long, help: .words("登记人。", "Who records it."))
        var by: String?

        @OptionGroup var ledger: LedgerOptions

        func validate() throws {
            if let received, !AsOfDate.isValid(received) {
                throw usageError(
                    zh: "--received 须是 YYYY-MM-DD 形式的日期，例如 2021-06-19。",
                    en: "--received must be a date written YYYY-MM-DD, for example 2021-06-19")
            }
        }

        func run() throws {
            let result: (unit: String, outcome: LedgerDesk.PaperOutcome)
            do {
                result = try ledger.library().recordPaper(
                    archive: ledger.archive, unit: unit, fingerprint: fingerprint,
                    receivedOn: received ?? AsOfDate.today(), by: by, language: ledger.language)
            } catch {
                Dossier.fail(error)
            }
            let shown = LedgerDesk.fingerprint(fingerprint) ?? fingerprint
            let line: String
            switch result.outcome {
            case .matches:
                line = words(
                    "已登记“\(result.unit)”的纸质材料：指纹 \(shown) 与其封装包一致。",
                    "Recorded the paper of “\(result.unit)”: the fingerprint \(shown) matches its sealed bundle.")
            case .mismatch:
                line = words(
                    "已登记“\(result.unit)”的纸质材料，但指纹 \(shown) 与该单位的封装包都不一致（CROSS-PAPER-MISMATCH）。",
                    "Recorded the paper of “\(result.unit)”, but the fingerprint \(shown) matches none of its sealed "
                        + "bundles (CROSS-PAPER-MISMATCH).")
            case .noSealedBundle:
                line = words(
                    "已登记“\(result.unit)”的纸质材料（指纹 \(shown)）；该单位尚无封装包可比对。",
                    "Recorded the paper of “\(result.unit)” (fingerprint \(shown)); it has no sealed bundle to compare with."
                )
            }
            print(line)
            if result.outcome == .mismatch { throw ExitCode(1) }
        }
    }
}

extension Dossier.Ledger {
    /// `dossier ledger export -o 全国推荐人选汇总表.xlsx --archive DIR`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "全国推荐人选汇总表：各单位计入的一版中的每位人选一行（xlsx 或 csv）。",
                "The national table: one row per candidate of each unit's version that counts (xlsx or csv)."))

        @OptionGroup var ledger: LedgerOptions

        @Option(
            name: [.short, .long],
            help: .words(
                "写入的文件（.xlsx 或 .csv，整体写入）。", "The file to write (.xlsx or .csv, written atomically)."))
        var output: String

        @Option(
            name: .long,
            help: .words("xlsx 或 csv（默认看 -o 的扩展名）。", "xlsx or csv (default: from the extension of -o)."))
        var format: String?

        var chosenFormat: String {
            format ?? ((output as NSString).pathExtension.lowercased() == "csv" ? "csv" : "xlsx")
        }

        func validate() throws {
            guard DossierLibrary.ledgerExportFormats.contains(chosenFormat) else {
                throw usageError(zh: "--format 须是 xlsx 或 csv。", en: "--format must be xlsx or csv")
            }
        }

        func run() throws {
            let library = ledger.library()
            do {
                let table = try library.ledgerExport(archive: ledger.archive)
                try DossierLibrary.write(bytes: try library.render(table, format: chosenFormat), to: output)
                FileHandle.standardError.write(
                    Data(
                        words(
                            "已写出 \(output)：\(table.rows.count) 名人选。\n",
                            "Wrote \(output): \(table.rows.count) candidates.\n"
                        ).utf8))
            } catch {
                Dossier.fail(error)
            }
        }
    }
}

extension Dossier.Ledger {
    /// `dossier ledger recheck [--rules PATH] --archive DIR`
    struct Recheck: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: words(
                "用当前（或 --rules 给出的）规则集重新检查收件库中的每一版，列出各单位结论的变化；登记簿记下每次重新检查。",
                "Judge every kept version again with the current (or --rules) rule set and show what changed per unit; "
                    + "the ledger records each recheck."))

        @OptionGroup var ledger: LedgerOptions

        @Option(name: .long, help: .words("输出格式：text 或 json。", "Output format: text or json."))
        var format: String = "text"

        func validate() throws {
            guard ["text", "json"].contains(format) else {
                throw usageError(zh: "--format 须是 text 或 json。", en: "--format must be text or json")
            }
        }

        func run() throws {
            let library = ledger.library()
            // Ctrl-C stops the recheck at its next file: nothing of it is recorded (the ledger is as it was, as if
            // it had not been run), which is what one expects of a judgement cut short; run it again to judge all.
            let signals = CancelOnSignal()
            do {
                let recheck = try library.ledgerRecheck(
                    archive: ledger.archive, language: ledger.language, cancellation: signals.cancellation)
                signals.stop()
                print(try library.render(recheck, format: format, language: ledger.language), terminator: "")
            } catch {
                signals.stop()
                if signals.interrupted, (error as? CheckError) == .cancelled {
                    Dossier.fail(
                        LocalizedText(
                            zh: "重新检查已中断：登记簿没有任何改动，这次重新检查未记录。需要时请重新运行 dossier ledger recheck。",
                            en: "recheck interrupted: the ledger is unchanged and this recheck was not recorded; run "
                                + "dossier ledger recheck again when needed"))
                }
                Dossier.fail(error)
            }
        }
    }
}
