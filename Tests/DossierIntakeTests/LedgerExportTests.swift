import DossierCore
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// Issue #15 items 1 and 3, as "How it is checked" asks: a drive of 13 bundles from several unit types (sealed,
/// plain zips made by Info-ZIP, folders, one resubmission, one failing, the other registry units missing), taken
/// in; every registry unit in its state; the national table read back with openpyxl and with LibreOffice equals the
/// candidates of the accepted bundles, row for row.
@Suite(.serialized) struct LedgerExportTests {
    enum Form { case sealed, zip, folder }

    static let units: [(String, Form)] = [
        ("北京市科协", .sealed), ("天津市科协", .sealed), ("河北省科协", .zip), ("山西省科协", .folder),
        ("江苏省科协", .zip), ("浙江省科协", .folder), ("湖北省科协", .sealed), ("中国工程物理研究院", .sealed),
        ("中国核工业集团有限公司", .folder), ("中国化学会", .sealed), ("中国数学会", .zip),
    ]

    /// The drive taken in, then 湖北省科协 again as a folder without its (optional) work report; the archive.
    private func receivedDrive(in folder: TemporaryFolder) throws -> String {
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-15"))
        let drive = folder.url.appendingPathComponent("U盘")
        let work = folder.url.appendingPathComponent("work")
        for place in [drive, work] {
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
        }
        for (name, form) in Self.units {
            let unit = try folder.copy(ofSample: "valid", as: "work/\(name)")
            if name != "湖北省科协" { try SocietyRename.rename(unit, to: name) }
            switch form {
            case .sealed:
                guard
                    case .sealed = try Sealer(checker: checker).seal(
                        folder: unit.path, output: drive.path + "/\(name).zip")
                else { throw CocoaError(.fileWriteUnknown) }
            case .zip:
                let zipped = try CommandRunner.run(
                    "/usr/bin/zip", ["-qr", drive.path + "/\(name).zip", name], directory: work)
                try #require(zipped.status == 0, "\(zipped.stderr)")
            case .folder:
                try FileManager.default.copyItem(at: unit, to: drive.appendingPathComponent(name))
            }
        }
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "judgement-problems")),
            to: drive.appendingPathComponent("中国物理学会"))
        let archive = folder.url.appendingPathComponent("收件库").path
        var runner = IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive)
        runner.now = { Date(timeIntervalSince1970: 1_624_000_000) }
        let report = try runner.run(paths: [drive.path])
        try #require(report.bundles.count == 12)
        let hubei = work.appendingPathComponent("湖北省科协")
        try FileManager.default.removeItem(at: hubei.appendingPathComponent("推荐工作情况报告.docx"))
        runner.now = { Date(timeIntervalSince1970: 1_624_100_000) }
        _ = try runner.run(paths: [hubei.path])
        return archive
    }

    @Test func theNationalTableIsTheAcceptedCandidatesRowForRow() throws {
        let folder = try TemporaryFolder()
        let archive = try receivedDrive(in: folder)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let desk = LedgerDesk(ruleSet: ruleSet, language: .zh, asOf: "2021-06-18")
        let ledger = try LedgerDesk.open(archive: archive)

        let status = try desk.status(ledger)
        let states = Dictionary(uniqueKeysWithValues: status.units.map { ($0.name, $0.state) })
        for (name, _) in Self.units { #expect(states[name] == .passed, "\(name)") }
        #expect(states["中国物理学会"] == .failed)
        #expect(states["广东省科协"] == .notReceived)
        let hubei = try #require(status.units.first { $0.name == "湖北省科协" })
        #expect(hubei.contentChanged && hubei.versions.count == 2 && hubei.counting == hubei.versions.last?.id)

        // What the table must hold: the accepted bundles' candidates, units in the registry's order.
        let order = ruleSet.units.registry.map(\.name)
        let accepted = Self.units.map(\.0).sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
        let table = try desk.export(ledger)
        #expect(table.headers.prefix(4) == ["序号", "推荐单位", "单位类型", "姓名"])
        #expect(table.rows.map { [$0[1].text, $0[3].text] } == accepted.map { [$0, "张三"] })

        let xlsx = folder.url.appendingPathComponent("全国推荐人选汇总表.xlsx")
        try Data(try table.workbook(sheet: LedgerDesk.exportSheet).bytes()).write(to: xlsx)
        let read = try Openpyxl.rows(xlsx)
        #expect(read.first == table.headers)
        #expect(read.dropFirst().map { [$0[1], $0[3]] } == accepted.map { [$0, "张三"] })
        #expect(Array(read.dropFirst()) == table.rows.map { $0.map(\.text) })

        // LibreOffice opens it too: converted to CSV, the same cells. Only with Calc installed
        // (libreoffice-calc-nogui): Writer alone cannot load a workbook.
        guard FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libsclo.so") else { return }
        let out = folder.url.appendingPathComponent("lo")
        let converted = try CommandRunner.run(
            "/usr/bin/soffice",
            [
                "-env:UserInstallation=file://\(folder.url.path)/lo-profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.path, xlsx.path,
            ])
        try #require(converted.status == 0, "\(converted.stderr)")
        let csv = try String(contentsOf: out.appendingPathComponent("全国推荐人选汇总表.csv"), encoding: .utf8)
        let lines = csv.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(lines.count == accepted.count + 1)
        #expect(lines.dropFirst().map { String($0[1]) } == accepted)
    }

    @Test func theTableAsCSV() throws {
        let table = LedgerTable(
            headers: ["序号", "姓名"], rows: [[.number(1), .text("张\"三, 李")]])
        #expect(table.csv() == "\u{FEFF}序号,姓名\r\n1,\"张\"\"三, 李\"\r\n")
    }
}

extension XlsxWorkbook.Cell {
    /// The cell as openpyxl shows it.
    var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): number == number.rounded() ? String(Int(number)) : "\(number)"
        }
    }
}
