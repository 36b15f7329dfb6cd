import DossierCore
import DossierIntake
import DossierRules
import DossierSeal
import DossierTestSupport
import Foundation
import Testing

/// Issue #15 items 1 and 2: the desk's status of every unit, in every format, and the paper with its fingerprint.
@Suite struct LedgerStatusTests {
    /// An archive that received: 湖北省科协 sealed (passes) twice, 中国物理学会 as a folder (fails), 中国化学会 sealed
    /// (passes); the sealed fingerprints by unit.
    private func archive(in folder: TemporaryFolder) throws -> (archive: String, fingerprints: [String: String]) {
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let checker = Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18"))
        let drive = folder.url.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        var fingerprints: [String: String] = [:]
        for (sample, unit) in [("valid", "湖北省科协"), ("valid", "中国化学会")] {
            let source = try folder.copy(ofSample: sample, as: unit)
            if unit == "中国化学会" { try SocietyRename.rename(source, to: unit) }
            guard
                case .sealed(_, let fingerprint, _) = try Sealer(checker: checker).seal(
                    folder: source.path, output: drive.path + "/\(unit).zip")
            else { throw CocoaError(.fileWriteUnknown) }
            fingerprints[unit] = fingerprint.description
        }
        try FileManager.default.copyItem(
            at: try #require(Repository.unitFolder(ofSample: "judgement-problems")),
            to: drive.appendingPathComponent("中国物理学会"))
        let archive = folder.url.appendingPathComponent("收件库").path
        var runner = IntakeRunner(checker: checker, archive: archive)
        runner.now = { Date(timeIntervalSince1970: 1_624_000_000) }
        _ = try runner.run(paths: [drive.path])
        _ = try runner.run(paths: [drive.appendingPathComponent("湖北省科协.zip").path])
        return (archive, fingerprints)
    }

    private func desk() throws -> LedgerDesk {
        LedgerDesk(ruleSet: try RuleSet.load(folder: Repository.rules), language: .zh, asOf: "2021-06-18")
    }

    @Test func everyRegistryUnitHasItsState() throws {
        let folder = try TemporaryFolder()
        let (archive, fingerprints) = try archive(in: folder)
        let desk = try desk()
        let ledger = try LedgerDesk.open(archive: archive)
        #expect(
            try desk.recordPaper(
                unit: "湖北省科学技术协会", fingerprint: fingerprints["湖北省科协"]!.lowercased(), receivedOn: "2021-06-19",
                by: "李杨", ledger: ledger) == ("湖北省科协", .matches))
        #expect(
            try desk.recordPaper(
                unit: "中国化学会", fingerprint: "0000-1111-2222-3333-4444", receivedOn: "2021-06-19", by: nil,
                ledger: ledger
            ).outcome == .mismatch)
        #expect(
            try desk.recordPaper(
                unit: "中国物理学会", fingerprint: "0000-1111-2222-3333-4444", receivedOn: "2021-06-19", by: nil,
                ledger: ledger
            ).outcome == .noSealedBundle)
        let status = try desk.status(ledger)
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        #expect(status.units.map(\.name) == ruleSet.units.registry.map(\.name))
        func unit(_ name: String) throws -> LedgerStatus.Unit { try #require(status.units.first { $0.name == name }) }
        let hubei = try unit("湖北省科协")
        #expect(hubei.state == .passed && hubei.resubmitted && !hubei.contentChanged && hubei.paper == .matches)
        #expect(hubei.candidates == 1 && hubei.quota == 10 && hubei.receipts == 2 && hubei.versions.count == 1)
        let physics = try unit("中国物理学会")
        #expect(physics.state == .failed && physics.paper == .received && physics.overQuota)
        #expect(try unit("中国化学会").paper == .mismatch)
        #expect(try unit("北京市科协").state == .notReceived)
        #expect(status.daysToDeadline == 2)
        #expect(status.candidates == 8)
        let province = try #require(status.types.first { $0.type == "province" })
        #expect(province.states == ["notReceived": 31, "passed": 1, "failed": 0, "withdrawn": 0])
        #expect(status.findings.map(\.rule) == [.crossPaperMismatch])
        #expect(status.findings.first?.data?["unit"] == .string("中国化学会"))
        let gender = try #require(status.breakdowns.first { $0.field == "gender" })
        #expect(gender.counts.reduce(0) { $0 + $1.count } == 8)
        #expect(status.breakdowns.map(\.field) == ["category", "gender", "age"])
        // A correction is a new entry; the latest holds.
        _ = try desk.recordPaper(
            unit: "中国化学会", fingerprint: fingerprints["中国化学会"]!, receivedOn: "2021-06-20", by: nil, ledger: ledger)
        #expect(try ledger.papers().count == 4)
        #expect(try desk.status(ledger).findings.isEmpty)
    }

    @Test func aUnitOutsideTheRegistryIsListedAfterIt() throws {
        let folder = try TemporaryFolder()
        let unit = try folder.copy(ofSample: "valid", as: "中国心理学会")
        try SocietyRename.rename(unit, to: "中国心理学会")
        let ruleSet = try RuleSet.load(folder: Repository.rules)
        let archive = folder.url.appendingPathComponent("archive").path
        _ = try IntakeRunner(
            checker: Checker(ruleSet: ruleSet, options: CheckOptions(asOf: "2021-06-18")), archive: archive
        )
        .run(paths: [unit.path])
        let status = try desk().status(try LedgerDesk.open(archive: archive))
        let last = try #require(status.units.last)
        #expect(last.name == "中国心理学会" && !last.registered && last.type == "society")
        #expect(status.units.count == ruleSet.units.registry.count + 1)
    }

    @Test func theStatusRendersInEveryFormat() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        let status = try desk().status(try LedgerDesk.open(archive: archive))
        let renderer = LedgerStatusRenderer(language: .zh)
        let text = renderer.text(status)
        #expect(text.contains("湖北省科协") && text.contains("已收到，通过") && text.contains("距截止日（2021-06-20）还有 2 天"))
        #expect(LedgerStatusRenderer(language: .en).text(status).contains("received with errors"))
        let decoded = try JSONDecoder().decode(LedgerStatus.self, from: Data(try renderer.json(status).utf8))
        #expect(decoded == status)
        let html = renderer.html(status)
        #expect(html.contains("<svg") && html.contains("@media print") && html.contains("中国物理学会"))
        #expect(!html.contains("<script"))
        // The workbook read back by openpyxl: the units in the registry's order, a frozen header.
        let xlsx = folder.url.appendingPathComponent("status.xlsx")
        try Data(try renderer.workbook(status).bytes()).write(to: xlsx)
        let rows = try Openpyxl.rows(xlsx)
        #expect(rows.first?.first == "单位")
        #expect(rows.dropFirst().map { $0.first ?? "" } == status.units.map(\.name))
    }

    /// A unit that sent, whose every version the office withdrew, was received: it is not "not received", and
    /// nothing of it counts (no candidates, no version compared), in every format.
    @Test func aUnitWhoseEveryVersionIsWithdrawnHasItsOwnState() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        let ledger = try LedgerDesk.open(archive: archive)
        let versions = try ledger.entries().filter { $0.unit == "湖北省科协" }
        try #require(versions.count == 1)
        for version in versions {
            _ = try ledger.mark(version: version.id, .withdrawn, at: "2021-06-19T09:00:00Z", by: "李杨", note: nil)
        }
        let status = try desk().status(ledger)
        let hubei = try #require(status.units.first { $0.name == "湖北省科协" })
        #expect(hubei.state == .withdrawn)
        #expect(hubei.counting == nil && hubei.current == nil && hubei.candidates == 0 && hubei.receipts == 2)
        #expect(try #require(status.units.first { $0.name == "北京市科协" }).state == .notReceived)
        let province = try #require(status.types.first { $0.type == "province" })
        #expect(province.states == ["notReceived": 31, "passed": 0, "failed": 0, "withdrawn": 1])
        let zh = LedgerStatusRenderer(language: .zh)
        let line = try #require(zh.text(status).split(separator: "\n").first { $0.hasPrefix("湖北省科协") })
        #expect(line.contains("已撤回（无有效版本）"))
        #expect(LedgerStatusRenderer(language: .en).text(status).contains("withdrawn (no version counts)"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try zh.json(status).utf8)) as? [String: Any])
        let units = try #require(json["units"] as? [[String: Any]])
        #expect(units.first { $0["name"] as? String == "湖北省科协" }?["state"] as? String == "withdrawn")
        let html = zh.html(status)
        #expect(html.contains("<tr class=\"withdrawn\"><td>湖北省科协</td>"))
        #expect(html.contains("</td><td>已撤回（无有效版本）</td>"))
        #expect(html.contains("<title>已撤回（无有效版本）: 1</title>"))
        let xlsx = folder.url.appendingPathComponent("status.xlsx")
        try Data(try zh.workbook(status).bytes()).write(to: xlsx)
        let row = try #require(try Openpyxl.rows(xlsx).first { $0.first == "湖北省科协" })
        #expect(row.count > 2 && row[2] == "已撤回（无有效版本）")
    }

    @Test func badInputChangesNothing() throws {
        let folder = try TemporaryFolder()
        let (archive, _) = try archive(in: folder)
        let desk = try desk()
        let ledger = try LedgerDesk.open(archive: archive)
        #expect(throws: IntakeError.badFingerprint("12AB-34")) {
            try desk.recordPaper(
                unit: "湖北省科协", fingerprint: "12AB-34", receivedOn: "2021-06-19", by: nil, ledger: ledger)
        }
        #expect(throws: IntakeError.badFingerprint("ZZZZ-1111-2222-3333-4444")) {
            try desk.recordPaper(
                unit: "湖北省科协", fingerprint: "ZZZZ-1111-2222-3333-4444", receivedOn: "2021-06-19", by: nil,
                ledger: ledger)
        }
        #expect(throws: IntakeError.noSuchUnit("湖北省科学协会", ["湖北省科协"])) {
            try desk.recordPaper(
                unit: "湖北省科学协会", fingerprint: "0000-1111-2222-3333-4444", receivedOn: "2021-06-19", by: nil,
                ledger: ledger)
        }
        #expect(try ledger.papers().isEmpty)
        let empty = folder.url.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: IntakeError.notAnArchive(empty)) { try LedgerDesk.open(archive: empty) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty).isEmpty)
    }

    @Test func agesAreTakenAtTheDeadline() {
        #expect(LedgerDesk.age(birth: "1975-03", on: "2021-06-20") == 46)
        #expect(LedgerDesk.age(birth: "1975-07", on: "2021-06-20") == 45)
        #expect(LedgerDesk.age(birth: "1975-06", on: "2021-06-20") == 46)
        #expect(LedgerDesk.age(birth: "", on: "2021-06-20") == nil)
    }
}

/// The valid sample under another unit's name: its summary table names the unit, so the name is changed there too.
enum SocietyRename {
    static func rename(_ unit: URL, to name: String) throws {
        let table = try #require(
            try FileManager.default.contentsOfDirectory(atPath: unit.path).first { $0.contains("推荐人选汇总表") })
        let path = unit.appendingPathComponent(table).path
        let python = Repository.root.appendingPathComponent(".build/tools-venv/bin/python").path
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            for ws in wb:
                for row in ws.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str) and '湖北省科协' in cell.value:
                            cell.value = cell.value.replace('湖北省科协', sys.argv[2])
            wb.save(sys.argv[1])
            """
        let result = try CommandRunner.run(python, ["-c", script, path, name])
        try #require(result.status == 0, "\(result.stderr)")
    }
}

/// Reads an .xlsx's first sheet with openpyxl (the tools venv): every row's cells as text.
enum Openpyxl {
    static func rows(_ file: URL, sheet: Int = 0) throws -> [[String]] {
        let python = Repository.root.appendingPathComponent(".build/tools-venv/bin/python").path
        let script = """
            import sys, json, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[int(sys.argv[2])]
            print(json.dumps([["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]))
            """
        let result = try CommandRunner.run(python, ["-c", script, file.path, String(sheet)])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([[String]].self, from: result.stdout)
    }
}
