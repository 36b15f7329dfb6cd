#!/usr/bin/env python3
"""The 收件登记 dashboard screenshot of the README (docs/ledger-dashboard.png).

Builds a drive as the office receives one: Samples/valid under eleven registry units' names (the summary table's
unit row changed with openpyxl), sealed by `dossier seal`, zipped by Info-ZIP or left as folders, and
Samples/judgement-problems (中国物理学会, failing); takes it in with `dossier intake`, sends 湖北省科协 again,
records two units' paper (one matching, one not), renders `dossier ledger status --format html` and has headless
Chromium take its picture.

    .build/tools-venv/bin/python scripts/make-ledger-dashboard.py [--binary .build/debug/dossier]
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNITS = [
    ("北京市科协", "sealed"), ("天津市科协", "sealed"), ("河北省科协", "zip"), ("山西省科协", "folder"),
    ("江苏省科协", "zip"), ("浙江省科协", "folder"), ("湖北省科协", "sealed"), ("中国工程物理研究院", "sealed"),
    ("中国核工业集团有限公司", "folder"), ("中国化学会", "sealed"), ("中国数学会", "zip"),
]


def rename(unit_folder, name):
    for file in os.listdir(unit_folder):
        if "推荐人选汇总表" in file:
            path = os.path.join(unit_folder, file)
            workbook = openpyxl.load_workbook(path)
            for sheet in workbook:
                for row in sheet.iter_rows():
                    for cell in row:
                        if isinstance(cell.value, str) and "湖北省科协" in cell.value:
                            cell.value = cell.value.replace("湖北省科协", name)
            workbook.save(path)


def run(*arguments, cwd=None, check=True):
    result = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode not in (0, 1):
        raise SystemExit(f"{arguments}: {result.returncode}\n{result.stderr}")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/dossier"))
    parser.add_argument("--output", default=os.path.join(ROOT, "docs/ledger-dashboard.png"))
    arguments = parser.parse_args()
    dossier = arguments.binary
    with tempfile.TemporaryDirectory() as place:
        drive, work = os.path.join(place, "U盘"), os.path.join(place, "work")
        os.makedirs(drive)
        os.makedirs(work)
        fingerprints = {}
        for name, form in UNITS:
            unit = os.path.join(work, name)
            shutil.copytree(os.path.join(ROOT, "Samples/valid/湖北省科协"), unit)
            if name != "湖北省科协":
                rename(unit, name)
            if form == "sealed":
                sealed = run(dossier, "seal", unit, "-o", os.path.join(drive, name + ".zip"), "--as-of", "2021-06-15")
                fingerprints[name] = re.search(r"[0-9A-F]{4}(-[0-9A-F]{4}){4}", sealed.stderr + sealed.stdout).group(0)
            elif form == "zip":
                run("zip", "-qr", os.path.join(drive, name + ".zip"), name, cwd=work)
            else:
                shutil.copytree(unit, os.path.join(drive, name))
        shutil.copytree(os.path.join(ROOT, "Samples/judgement-problems/中国物理学会"), os.path.join(drive, "中国物理学会"))
        archive = os.path.join(place, "收件库")
        run(dossier, "intake", drive, "--archive", archive, "--as-of", "2021-06-18", "--received-by", "李杨",
            "--label", "U盘-01", "--quiet")
        os.remove(os.path.join(work, "湖北省科协", "推荐工作情况报告.docx"))
        run(dossier, "intake", os.path.join(work, "湖北省科协"), "--archive", archive, "--as-of", "2021-06-18",
            "--quiet")
        run(dossier, "ledger", "paper", "湖北省科协", "--fingerprint", fingerprints["湖北省科协"], "--archive", archive,
            "--received", "2021-06-18")
        run(dossier, "ledger", "paper", "中国化学会", "--fingerprint", "0000-1111-2222-3333-4444", "--archive", archive,
            "--received", "2021-06-18")
        page = os.path.join(place, "status.html")
        run(dossier, "ledger", "status", "--archive", archive, "--as-of", "2021-06-18", "--format", "html", "-o", page,
            "--lang", "zh")
        run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1000",
            f"--screenshot={arguments.output}", "file://" + page)
    print(arguments.output)


if __name__ == "__main__":
    main()
