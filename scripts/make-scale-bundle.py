#!/usr/bin/env python3
"""Makes a unit folder with N candidates for `make bench` (scale): a summary table with N rows (openpyxl), and
per candidate a form (python-docx, made once and copied with the name replaced in its XML) and a small ID photo
(Pillow, when present; else the form alone). With --files M, also M small extra files spread over the candidates
(the memory benchmark: 100,000 files).

Usage: make-scale-bundle.py OUT_DIR N [--files M]   (needs python-docx and openpyxl: the tools venv has them)
"""
import datetime
import io
import os
import sys
import zipfile

from docx import Document
from openpyxl import Workbook

out, count = sys.argv[1], int(sys.argv[2])
extra = int(sys.argv[sys.argv.index("--files") + 1]) if "--files" in sys.argv else 0
unit = os.path.join(out, "规模省科协")
if os.path.exists(os.path.join(out, ".complete")):
    sys.exit(0)
os.makedirs(unit, exist_ok=True)
names = [f"人选{n:05d}" for n in range(1, count + 1)]

book = Workbook()
sheet = book.active
sheet.append(["2021年“最美科技工作者”推荐人选汇总表"])
sheet.append(["推荐单位（盖章）：规模省科协"])
sheet.append(["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"])
for n, name in enumerate(names, 1):
    sheet.append([n, name, "男" if n % 2 else "女", f"{1960 + n % 40}.{1 + n % 12:02d}", "某大学教授", "教授", "科研人员",
                  f"0{n:010d}"])
book.save(os.path.join(unit, "推荐人选汇总表.xlsx"))
activity = Workbook()
activity.active.append(["序号", "活动名称", "时间", "地点", "参与人数", "媒体报道情况"])
activity.active.append([1, "报告会", "2021-05-30", "武汉", 300, "湖北日报"])
activity.save(os.path.join(unit, "学习宣传活动开展情况汇总表.xlsx"))

document = Document()
table = document.add_table(rows=7, cols=2)
for row, (label, value) in zip(table.rows, [("姓　　名", "NAMEXXXXXX"), ("性别", "男"), ("出生年月", "1975.03"),
                                            ("工作单位及职务", "某大学教授"), ("职称", "教授"), ("主要事迹", "事迹。" * 50),
                                            ("公示情况", "已公示。")]):
    row.cells[0].text = label
    row.cells[1].text = value
buffer = io.BytesIO()
document.save(buffer)
with zipfile.ZipFile(buffer) as archive:
    parts = {item: archive.read(item) for item in archive.namelist()}

try:
    from PIL import Image
    photo = io.BytesIO()
    Image.new("RGB", (330, 480), (200, 120, 90)).save(photo, "JPEG", quality=90)
    photo = photo.getvalue()
except ImportError:
    photo = None

for index, name in enumerate(names):
    folder = os.path.join(unit, name)
    os.makedirs(folder, exist_ok=True)
    with zipfile.ZipFile(os.path.join(folder, f"{name}推荐表.docx"), "w", zipfile.ZIP_DEFLATED) as archive:
        for item, data in parts.items():
            archive.writestr(item, data.replace("NAMEXXXXXX".encode(), name.encode()))
    if photo:
        with open(os.path.join(folder, f"{name}1.jpg"), "wb") as handle:
            handle.write(photo)
for n in range(extra):
    with open(os.path.join(unit, names[n % count], f"附件{n:06d}.txt"), "w") as handle:
        handle.write("x")
open(os.path.join(out, ".complete"), "w").close()
