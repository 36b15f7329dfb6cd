import DossierTestSupport
import Foundation
import Testing

@Suite struct InitTests {
    /// Checked as made, before anything is filled in, a new folder fails: it has no candidate (LAYOUT-NO-CANDIDATE),
    /// and its blank form and guide are templates, not unknown files.
    @Test func aNewFolderCheckedAsMadeFails() throws {
        let place = try TemporaryFolder()
        let unit = place.url.appendingPathComponent("深圳市科协")
        #expect(try CommandRunner.dossier(["init", unit.path, "--unit", "深圳市科协"]).status == 0)
        let checked = try CommandRunner.dossier(["check", unit.path, "--as-of", "2021-06-01", "--format", "json"])
        #expect(checked.status == 1, "\(checked.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: checked.stdout) as? [String: Any])
        let bundle = try #require((json["bundles"] as? [[String: Any]])?.first)
        let rules = Set(((bundle["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        #expect(rules.contains("LAYOUT-NO-CANDIDATE") && !rules.contains("LAYOUT-UNKNOWN-FILE"), "\(rules)")
        let kinds = ((bundle["files"] as? [[String: Any]]) ?? []).reduce(into: [String: String]()) {
            $0[$1["path"] as? String ?? ""] = $1["kind"] as? String
        }
        #expect(kinds["推荐表.docx"] == "template" && kinds["说明.txt"] == "template")
    }

    @Test func aNewFolderWithTemplatesThatPassOnceFilledIn() throws {
        let place = try TemporaryFolder()
        let unit = place.url.appendingPathComponent("深圳市科协")
        let made = try CommandRunner.dossier(["init", unit.path, "--unit", "深圳市科协"])
        #expect(made.status == 0, "\(made.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: unit.path).sorted()
        #expect(files == ["学习宣传活动开展情况汇总表.xlsx", "推荐人选汇总表.xlsx", "推荐表.docx", "说明.txt"].sorted())
        #expect(try String(contentsOf: unit.appendingPathComponent("说明.txt"), encoding: .utf8).contains("深圳市科协"))

        // The blank form is read back with every field found (empty).
        let inspected = try CommandRunner.dossier([
            "inspect", unit.appendingPathComponent("推荐表.docx").path, "--format", "json",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: inspected.stdout) as? [String: Any])
        let docx = try #require(((json["files"] as? [[String: Any]])?.first?["docx"]) as? [String: Any])
        #expect((docx["fields"] as? [String: Any])?.count == 16)

        // Filled in as a unit would (python-docx, openpyxl), with real photos: it passes.
        let python = Repository.root.appendingPathComponent(".build/tools-venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("the tools venv is missing: run `make test`, which makes it")
            return
        }
        let fill = """
            import os, shutil, sys
            from docx import Document
            from openpyxl import load_workbook
            unit, photos = sys.argv[1], sys.argv[2]
            form = Document(os.path.join(unit, "推荐表.docx"))
            values = {"姓名": "赵敏", "性别": "女", "出生年月": "1983年4月", "工作单位及职务": "南方科技大学教授",
                      "主要事迹": "扎根科研一线。", "公示情况": "已公示，无异议。", "推荐单位意见": "同意推荐。"}
            for row in form.tables[0].rows:
                if row.cells[0].text in values:
                    row.cells[1].text = values[row.cells[0].text]
            os.makedirs(os.path.join(unit, "赵敏"))
            form.save(os.path.join(unit, "赵敏", "赵敏推荐表.docx"))
            os.remove(os.path.join(unit, "推荐表.docx"))
            os.remove(os.path.join(unit, "说明.txt"))
            book = load_workbook(os.path.join(unit, "推荐人选汇总表.xlsx"))
            book.active.append([1, "赵敏", "女", "1983.04", "南方科技大学", "教授", "科研人员", "0755-88888888"])
            book.save(os.path.join(unit, "推荐人选汇总表.xlsx"))
            book = load_workbook(os.path.join(unit, "学习宣传活动开展情况汇总表.xlsx"))
            book.active.append([1, "事迹报告会", "2021年5月", "深圳", 200, "深圳特区报"])
            book.save(os.path.join(unit, "学习宣传活动开展情况汇总表.xlsx"))
            for number in range(1, 5):
                shutil.copy(os.path.join(photos, f"张三{number}.jpg"), os.path.join(unit, "赵敏", f"赵敏{number}.jpg"))
            """
        let photos = Repository.samples.appendingPathComponent("valid/湖北省科协/张三").path
        let filled = try CommandRunner.run(python, ["-c", fill, unit.path, photos])
        #expect(filled.status == 0, "\(filled.stderr)")
        let checked = try CommandRunner.dossier(["check", unit.path, "--as-of", "2021-06-01"])
        // Only the optional work report is missing: a warning, so the folder passes.
        #expect(checked.status == 0, "\(checked.text)")
        #expect(checked.text.contains("LAYOUT-REPORT-MISSING") && checked.text.contains("0 个错误"))
    }

    @Test func anExistingFolderIsNeverTouched() throws {
        let place = try TemporaryFolder()
        let refused = try CommandRunner.dossier(["init", place.url.path, "--unit", "某单位"])
        #expect(refused.status == 2 && refused.stderr.contains("已经存在"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.url.path).isEmpty)
    }
}
