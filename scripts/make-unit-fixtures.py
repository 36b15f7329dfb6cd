#!/usr/bin/env python3
"""Makes Tests/Fixtures/units/: the documents of a national society's bundle with three candidates (its quota is
two), for the tests of an approved quota (--quota 3 --approval …). The tests take photos and videos from
Samples/valid; forms and the summary table come from python-docx and openpyxl, laid out as scripts/make-samples.py
lays out Samples/valid's.

Run from the repository root: python3 scripts/make-unit-fixtures.py   (needs python-docx, openpyxl: `make test-tools`
installs them in .build/tools-venv)
"""
import io
import os

from docx import Document
from openpyxl import Workbook

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "units")
UNIT = "中国化学会"
# name, gender, birth, employer, category: two categories and one candidate under 45 (the balance notices stay quiet).
CANDIDATES = [
    ("张三", "男", "1975.03", "华中科技大学材料学院教授", "科研人员"),
    ("李四", "女", "1980.07", "武汉大学化学学院教授", "科研人员"),
    ("王五", "男", "1990.05", "中国石化研究院高级工程师", "工程技术人员"),
]


def form(name, gender, birth, employer, category):
    """A 推荐表 laid out like the 2021 form: label cells and value cells."""
    document = Document()
    document.add_heading("2021年“最美科技工作者”推荐表", level=1)
    table = document.add_table(rows=6, cols=4)
    table.style = "Table Grid"
    cells = [
        ("姓　　名", name, "性　　别", gender),
        ("出生年月", birth, "民　　族", "汉族"),
        ("政治面貌", "中共党员", "职　　称", "研究员"),
        ("工作单位及职务", employer, "联系电话", "027-87654321"),
        ("人员身份", "事业单位专业技术人员", "行政级别", "无"),
        ("人选类别", category, "专业领域", "化学"),
    ]
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("主要事迹：长期扎根科研一线，带领团队攻克关键核心技术。")
    document.add_paragraph("公示情况：已于2021年5月在本单位公示5个工作日，无异议。")
    document.add_paragraph("推荐单位意见：同意推荐。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def summary_table():
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    sheet.append(["2021年“最美科技工作者”推荐人选汇总表"])
    sheet.append([f"推荐单位（盖章）：{UNIT}"])
    sheet.append(["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"])
    for number, (name, gender, birth, employer, category) in enumerate(CANDIDATES, start=1):
        sheet.append([number, name, gender, birth, employer, "研究员", category, "027-87654321"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    os.makedirs(HERE, exist_ok=True)
    with open(os.path.join(HERE, "society-three-summary.xlsx"), "wb") as handle:
        handle.write(summary_table())
    for candidate in CANDIDATES:
        with open(os.path.join(HERE, f"society-three-{candidate[0]}推荐表.docx"), "wb") as handle:
            handle.write(form(*candidate))


if __name__ == "__main__":
    main()
