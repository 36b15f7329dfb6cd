#!/usr/bin/env python3
"""Makes Tests/Fixtures/units/: the documents of a national society's bundle with three candidates (its quota is
two), for the tests of an approved quota (--quota 3 --approval …). The tests take photos and videos from
Samples/valid; forms and the summary table come from python-docx and openpyxl, laid out as scripts/make-samples.py
lays out Samples/valid's.

Run from the repository root: python3 scripts/make-unit-fixtures.py   (needs python-docx and openpyxl, and
Pillow and numpy, which scripts/make-samples.py imports)
"""
import importlib.util
import io
import os

from openpyxl import Workbook

# The form is the one Samples/valid's forms are made with.
_spec = importlib.util.spec_from_file_location(
    "make_samples", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-samples.py"))
make_samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_samples)

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "units")
UNIT = "中国化学会"
# name, gender, birth, employer, category: two categories and one candidate under 45 (the balance notices stay quiet).
CANDIDATES = [
    ("张三", "男", "1975.03", "华中科技大学材料学院教授", "科研人员"),
    ("李四", "女", "1980.07", "武汉大学化学学院教授", "科研人员"),
    ("王五", "男", "1990.05", "中国石化研究院高级工程师", "工程技术人员"),
]


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
    for name, gender, birth, employer, category in CANDIDATES:
        make_samples.form(os.path.join(HERE, f"society-three-{name}推荐表.docx"), name, gender, birth, employer,
                          category=category)


if __name__ == "__main__":
    main()
