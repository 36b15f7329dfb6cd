#!/usr/bin/env python3
"""Benchmark of the office's desk (issue #15; not a test): `dossier ledger status` (text, HTML dashboard) and
`dossier ledger export` on a ledger of 250 units and 800 candidates, medians of 5 runs.

The ledger is grown from a real one: Samples/valid is taken in once by `dossier intake`, then its version, receipt,
candidate and photo rows are copied with sqlite3 under 250 unit names (the registry's, then made-up societies),
800 candidates in all. `--units N --versions V --receipts R` grows another shape: N units, each with V distinct
versions (the candidates and photos copied to every version), each version received R times, a paper entry for
every other unit and an office's mark on every third (`--candidates` is then per version).

    python3 scripts/bench-ledger.py [--binary .build/release/dossier]
    python3 scripts/bench-ledger.py --units 100 --versions 4 --receipts 2 --candidates 3
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
    parser.add_argument("--units", type=int, default=UNITS)
    parser.add_argument("--versions", type=int, default=1)
    parser.add_argument("--receipts", type=int, default=1)
    parser.add_argument("--candidates", type=int, default=None, help="per version (default: 800 over all units)")
    options = parser.parse_args()
    dossier = options.binary
    units = options.units
    with tempfile.TemporaryDirectory() as place:
        archive = os.path.join(place, "收件库")
        subprocess.run([dossier, "intake", os.path.join(ROOT, "Samples/valid"), "--archive", archive, "--as-of",
                        "2021-06-18", "--quiet"], check=False, capture_output=True)
        database = sqlite3.connect(os.path.join(archive, "ledger.sqlite"))
        names = registry()
        names += [f"中国测试{i}学会" for i in range(max(units - len(names), 0))]
        intake = database.execute("SELECT * FROM intake").fetchone()
        columns = [c[1] for c in database.execute("PRAGMA table_info(intake)")]
        candidate = database.execute("SELECT unit, name, folder, fields FROM candidate").fetchone()
        photos = database.execute("SELECT candidate, path, sha256 FROM photo").fetchall()
        made = versions_made = 0
        # The default shape is the README's benchmark, as it always was: no photos, marks or paper added.
        shaped = options.versions > 1 or options.receipts > 1 or options.candidates is not None
        photos = photos if shaped else []
        for index, name in enumerate(names[:units]):
            if options.candidates is None:
                count = CANDIDATES // units + (1 if index < CANDIDATES % units else 0)
            else:
                count = options.candidates
            for number_of_version in range(options.versions):
                row = dict(zip(columns, intake))
                if index == 0 and number_of_version == 0:
                    version = row["id"]
                    database.execute("DELETE FROM candidate")
                    if shaped:
                        database.execute("DELETE FROM photo")
                else:
                    row.pop("id")
                    row["unit"] = name
                    row["sha256"] = f"{index:032x}{number_of_version:032x}"
                    row["receivedAt"] = f"2021-06-{10 + number_of_version:02d}T10:00:00+08:00"
                    # The last version of every fifth unit fails: the one before it counts.
                    if shaped and index % 5 == 4 and number_of_version == options.versions - 1:
                        row["verdict"], row["errors"] = "fail", 2
                    cursor = database.execute(
                        f"INSERT INTO intake ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                        list(row.values()))
                    version = cursor.lastrowid
                    database.execute("INSERT INTO receipt (intake, receivedAt, source) VALUES (?, ?, ?)",
                                     (version, row["receivedAt"], row["source"]))
                for again in range(options.receipts - 1):
                    database.execute(
                        "INSERT INTO receipt (intake, receivedAt, source, receivedBy, driveLabel) VALUES (?, ?, ?, ?, ?)",
                        (version, row["receivedAt"], row["source"], "李杨", f"U盘-{again:02d}"))
                versions_made += 1
                for number in range(count):
                    person = f"{candidate[1]}{number}"
                    database.execute(
                        "INSERT INTO candidate (intake, unit, name, folder, fields) VALUES (?, ?, ?, ?, ?)",
                        (version, name, person, person, candidate[3]))
                    for photo in photos:
                        database.execute(
                            "INSERT INTO photo (intake, unit, candidate, path, sha256) VALUES (?, ?, ?, ?, ?)",
                            (version, name, person, photo[1].replace(photo[0], person),
                             f"{index:020x}{number_of_version:020x}{number:024x}"))
                    made += 1
                if shaped and index % 3 == 2 and number_of_version == 0:
                    database.execute("INSERT INTO mark (intake, mark, at) VALUES (?, 'withdrawn', ?)",
                                     (version, row["receivedAt"]))
            if shaped and index % 2 == 1:
                database.execute(
                    "INSERT INTO paper (unit, fingerprint, receivedOn, recordedAt) VALUES (?, ?, ?, ?)",
                    (name, "0000-1111-2222-3333-4444", "2021-06-19", "2021-06-19T10:00:00+08:00"))
        database.commit()
        print(f"ledger: {units} units, {versions_made} versions, {versions_made * options.receipts} receipts, "
              f"{made} candidate rows")
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
