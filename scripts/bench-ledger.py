#!/usr/bin/env python3
"""Benchmark of the office's desk (issue #15; not a test): `dossier ledger status` (text, HTML dashboard) and
`dossier ledger export` on a ledger of 250 units and 800 candidates, medians of 5 runs.

The ledger is grown from a real one: Samples/valid is taken in once by `dossier intake`, then its version, receipt,
candidate and photo rows are copied with sqlite3 under 250 unit names (the registry's, then made-up societies),
800 candidates in all.

    python3 scripts/bench-ledger.py [--binary .build/release/dossier]
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNITS, CANDIDATES = 250, 800


def registry():
    names = []
    with open(os.path.join(ROOT, "rules/zuimei-2021/units.yaml"), encoding="utf-8") as units:
        for line in units:
            if "{type:" in line and "name:" in line:
                names.append(line.split("name:")[1].split(",")[0].strip())
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/dossier"))
    dossier = parser.parse_args().binary
    with tempfile.TemporaryDirectory() as place:
        archive = os.path.join(place, "收件库")
        subprocess.run([dossier, "intake", os.path.join(ROOT, "Samples/valid"), "--archive", archive, "--as-of",
                        "2021-06-18", "--quiet"], check=False, capture_output=True)
        database = sqlite3.connect(os.path.join(archive, "ledger.sqlite"))
        names = registry()
        names += [f"中国测试{i}学会" for i in range(UNITS - len(names))]
        intake = database.execute("SELECT * FROM intake").fetchone()
        columns = [c[1] for c in database.execute("PRAGMA table_info(intake)")]
        candidate = database.execute("SELECT unit, name, folder, fields FROM candidate").fetchone()
        made = 0
        for index, name in enumerate(names[:UNITS]):
            row = dict(zip(columns, intake))
            if index > 0:
                row.pop("id")
                row["unit"] = name
                row["sha256"] = f"{index:064x}"
                cursor = database.execute(
                    f"INSERT INTO intake ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
                version = cursor.lastrowid
                database.execute("INSERT INTO receipt (intake, receivedAt, source) VALUES (?, ?, ?)",
                                 (version, row["receivedAt"], row["source"]))
            else:
                version = row["id"]
                database.execute("DELETE FROM candidate")
            count = CANDIDATES // UNITS + (1 if index < CANDIDATES % UNITS else 0)
            for number in range(count):
                database.execute("INSERT INTO candidate (intake, unit, name, folder, fields) VALUES (?, ?, ?, ?, ?)",
                                 (version, name, f"{candidate[1]}{number}", f"{candidate[1]}{number}", candidate[3]))
                made += 1
        database.commit()
        print(f"ledger: {UNITS} units, {made} candidates")
        for label, arguments in [
            ("baseline: rules list (start-up, rule set loaded)", ["rules", "list"]),
            ("status (text)", ["ledger", "status", "--archive", archive]),
            ("status (html dashboard)", ["ledger", "status", "--archive", archive, "--format", "html", "-o",
                                         os.path.join(place, "s.html")]),
            ("status (xlsx)", ["ledger", "status", "--archive", archive, "--format", "xlsx", "-o",
                               os.path.join(place, "s.xlsx")]),
            ("export (xlsx)", ["ledger", "export", "--archive", archive, "-o", os.path.join(place, "t.xlsx")]),
        ]:
            times = []
            for _ in range(5):
                start = time.perf_counter()
                subprocess.run([dossier] + arguments, capture_output=True)
                times.append(time.perf_counter() - start)
            print(f"{label}: {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
