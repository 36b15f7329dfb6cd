#!/usr/bin/env python3
"""Makes Tests/Fixtures/office/: .docx and .xlsx from python-docx and openpyxl (and LibreOffice when `soffice` is
there), in the layouts units send, plus hostile ones; expected.json says what a person reads in each.

Run from the repository root: python3 scripts/make-office-fixtures.py   (needs python-docx, openpyxl)
`python3 scripts/make-office-fixtures.py hinted` writes only the forms whose labels carry hints (form-hinted-*).
"""
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import Workbook

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "office")


def form_docx(path, gender="男"):
    """A 推荐表: spaced labels, a label split across runs, a merged value cell, a vertical merge, check boxes."""
    document = Document()
    document.add_paragraph("2021年“最美科技工作者”推荐表")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).text = "姓　　名"
    table.cell(0, 1).text = "张三"
    table.cell(0, 2).text = "性别："
    table.cell(0, 3).text = gender
    # 出生年月 split across two runs.
    paragraph = table.cell(1, 0).paragraphs[0]
    paragraph.add_run("出生")
    paragraph.add_run("年月")
    table.cell(1, 1).text = "1975.03"
    table.cell(1, 2).text = "政治面貌"
    table.cell(1, 3).text = "☑中共党员 □群众"
    merged = table.cell(2, 1).merge(table.cell(2, 3))
    table.cell(2, 0).text = "工作单位及职务"
    merged.text = "华中科技大学材料学院教授"
    table.cell(3, 0).text = "主要事迹"
    table.cell(3, 1).merge(table.cell(3, 3)).text = "长期扎根科研一线。"
    document.add_paragraph("公示情况：已公示。")
    document.save(path)


def summary_xlsx(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    sheet.append(["2021年“最美科技工作者”推荐人选汇总表"])
    sheet.merge_cells("A1:H1")
    sheet.append(["推荐单位（盖章）：湖北省科协"])
    sheet.append(["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"])
    sheet.append([1, "张三", "男", "1975.03", "华中科技大学", "教授", "科研人员", "027-87654321"])
    sheet.append([2, "李四", "女", datetime.date(1980, 7, 1), "武汉大学", "研究员", "科研人员", 13800000000])
    sheet.cell(row=5, column=4).number_format = "yyyy-mm"
    sheet.append([3, "王五", "男", datetime.date(1969, 12, 31), "武汉理工大学", "教授", "企业", True])
    sheet.cell(row=6, column=4).number_format = 'yyyy"年"m"月"'
    book.save(path)


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def hostile(good_docx):
    with zipfile.ZipFile(good_docx) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10)
    ) + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    write_zip(os.path.join(HERE, "billion-laughs.docx"), {**parts, "word/document.xml": laughs})
    xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/hostname">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'
    write_zip(os.path.join(HERE, "external-entity.docx"), {**parts, "word/document.xml": xxe})
    url = xxe.replace("file:///etc/hostname", "http://127.0.0.1:9/secret")
    write_zip(os.path.join(HERE, "external-url.docx"), {**parts, "word/document.xml": url})
    write_zip(os.path.join(HERE, "zip-bomb.docx"), {**parts, "word/media/zeros.bin": b"\0" * (300 << 20)})
    data = open(good_docx, "rb").read()
    open(os.path.join(HERE, "truncated.docx"), "wb").write(data[: len(data) // 2])
    write_zip(os.path.join(HERE, "mismatched-tags.docx"), {**parts, "word/document.xml": b"<w:document><w:body></w:document>"})
    # Bytes that are no Shift_JIS: libxml2 reports this outside the reader's error handler (found by fuzzing).
    write_zip(os.path.join(HERE, "bad-encoding.docx"),
              {**parts, "word/document.xml": b'<?xml version="1.0" encoding="Shift_JIS"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                                     b'wordprocessingml/2006/main">' + b"\xff" * 64 + b"</w:document>"})


# What the hinted forms hold: 张三 of Samples/valid, so that each can stand in for his form there.
HINTED_PERSON = {"name": "张三", "gender": "男", "birth": "1975.03", "employer": "华中科技大学材料学院教授",
                 "deeds": "长期扎根科研一线，带领团队攻克关键核心技术。",
                 "publicity": "已于2021年5月在本单位公示5个工作日，无异议。"}


def hinted_rows_docx(path):
    """A 推荐表 as official forms print it: labels on the left carry hints in full- or half-width brackets
    (`主要事迹（1500字以内）`, `（限…字）`, `(可另附页)`), values on their right."""
    person = HINTED_PERSON
    document = Document()
    document.add_heading("2021年“最美科技工作者”推荐表", level=1)
    table = document.add_table(rows=10, cols=4)
    table.style = "Table Grid"
    cells = [
        ("姓　　名", person["name"], "性　　别", person["gender"]),
        ("出生年月（年.月）", person["birth"], "民　　族", "汉族"),
        ("政治面貌", "中共党员", "职　　称", "研究员"),
        ("工作单位及职务（全称）", person["employer"], "联系电话(手机)", "13800000000"),
        ("人员身份", "事业单位专业技术人员", "行政级别", "无"),
        ("人选类别", "科研人员", "专业领域", "材料科学"),
    ]
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value
    wide = [("主要事迹（1500字以内）", person["deeds"]), ("曾获荣誉（限300字）", "湖北省五一劳动奖章"),
            ("公示情况(可另附页)", person["publicity"]), ("推荐单位意见（盖章）", "同意推荐。")]
    for index, (label, value) in enumerate(wide, start=6):
        table.cell(index, 0).text = label
        table.cell(index, 1).merge(table.cell(index, 3)).text = value
    document.save(path)


def hinted_columns_docx(path):
    """The same form with labels heading columns (values below them), and `label（hint）：value` paragraphs."""
    person = HINTED_PERSON
    document = Document()
    document.add_heading("2021年“最美科技工作者”推荐表", level=1)
    table = document.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["姓名", "性别", "出生年月（年.月）", "工作单位及职务(全称)"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, [person[k] for k in ("name", "gender", "birth", "employer")]):
        cell.text = text
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["主要事迹（1500字以内）", "曾获荣誉（限300字）"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, [person["deeds"], "湖北省五一劳动奖章"]):
        cell.text = text
    document.add_paragraph("公示情况（可另附页）：" + person["publicity"])
    document.add_paragraph("推荐单位意见(盖章)：同意推荐。")
    document.save(path)


def hinted_blank_docx(path):
    """The rows form as a unit might leave it: the hints stand in the value cells, nothing is written after them."""
    hinted_rows_docx(path)
    document = Document(path)
    table = document.tables[0]
    table.cell(6, 1).text = "（1500字以内）"
    table.cell(8, 1).text = "（可另附页）"
    document.save(path)


def hinted_summary_xlsx(path):
    """A summary table whose header row carries hints, as some units' templates do."""
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    sheet.append(["推荐单位（盖章）：湖北省科协"])
    sheet.append(["序号", "姓名", "性别", "出生年月（年.月）", "工作单位及职务（全称）", "联系电话(手机)"])
    sheet.append([1, "张三", "男", "1975.03", "华中科技大学", "13800000000"])
    book.save(path)


def hinted():
    """The hinted forms, and each saved again by LibreOffice when `soffice` is there."""
    os.makedirs(HERE, exist_ok=True)
    hinted_rows_docx(os.path.join(HERE, "form-hinted-rows.docx"))
    hinted_columns_docx(os.path.join(HERE, "form-hinted-columns.docx"))
    hinted_blank_docx(os.path.join(HERE, "form-hinted-blank.docx"))
    hinted_summary_xlsx(os.path.join(HERE, "summary-hinted-openpyxl.xlsx"))
    if not shutil.which("soffice"):
        print("soffice not found: the LibreOffice round trips are not made")
        return
    out = os.path.join(HERE, "lo")
    for source in ["form-hinted-rows.docx", "form-hinted-columns.docx"]:
        subprocess.run(["soffice", "--headless", "--convert-to", "docx", "--outdir", out, os.path.join(HERE, source)],
                       check=True, capture_output=True)
        stem = os.path.splitext(source)[0]
        shutil.move(os.path.join(out, source), os.path.join(HERE, f"{stem}-libreoffice.docx"))
    os.rmdir(out)


def main():
    os.makedirs(HERE, exist_ok=True)
    form_docx(os.path.join(HERE, "form-python-docx.docx"))
    # 性别 neither 男 nor 女: FORM-FIELD-INVALID.
    form_docx(os.path.join(HERE, "form-gender-invalid.docx"), gender="未知")
    summary_xlsx(os.path.join(HERE, "summary-openpyxl.xlsx"))
    hostile(os.path.join(HERE, "form-python-docx.docx"))
    if shutil.which("soffice"):
        for source, target in [("form-python-docx.docx", "docx"), ("summary-openpyxl.xlsx", "xlsx"),
                               ("form-python-docx.docx", "doc"), ("summary-openpyxl.xlsx", "xls")]:
            out = os.path.join(HERE, "lo")
            subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", out, os.path.join(HERE, source)],
                           check=True, capture_output=True)
        for name in os.listdir(os.path.join(HERE, "lo")):
            stem, ext = os.path.splitext(name)
            shutil.move(os.path.join(HERE, "lo", name), os.path.join(HERE, f"{stem.split('-')[0]}-libreoffice{ext}"))
        os.rmdir(os.path.join(HERE, "lo"))
    expected = {
        "form": {"姓名": "张三", "性别": "男", "出生年月": "1975.03", "政治面貌": "☑中共党员 □群众",
                 "工作单位及职务": "华中科技大学材料学院教授"},
        "summary": [["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"],
                    ["1", "张三", "男", "1975.03", "华中科技大学", "教授", "科研人员", "027-87654321"],
                    ["2", "李四", "女", "1980-07-01", "武汉大学", "研究员", "科研人员", "13800000000"],
                    ["3", "王五", "男", "1969-12-31", "武汉理工大学", "教授", "企业", "TRUE"]],
    }
    json.dump(expected, open(os.path.join(HERE, "expected.json"), "w"), ensure_ascii=False, indent=2)


if __name__ == "__main__":
    if sys.argv[1:] == ["hinted"]:
        hinted()
    else:
        main()
        hinted()
