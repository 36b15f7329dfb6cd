#!/usr/bin/env python3
"""Benchmarks for `make bench`: each prints dossier's figure and a reference tool's, measured in the same run.

check: `dossier check` on 60 photos of 12 megapixels versus `jpeginfo -c` on the same photos (median of 5,
alternating), peak memory of dossier; and, for context, a full decode of every photo with `djpeg`.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DOSSIER = os.path.join(ROOT, ".build", "release", "dossier")
BENCH = os.environ.get("BENCH_DIR", "/tmp/dossier-bench")
RUNS = 5


def timed(command):
    """Wall time of one run, and the peak resident memory (KB) of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak, process.returncode, before


def peak_of(command):
    """Peak resident memory of one run, measured with GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def bench_check():
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-bench-photos.py"), BENCH], check=True,
                   stdout=subprocess.DEVNULL)
    unit = os.path.join(BENCH, "测试省科协")
    photos = sorted(os.path.join(folder, name) for folder, _, names in os.walk(unit) for name in names
                    if name.endswith(".jpg"))
    megabytes = sum(os.path.getsize(p) for p in photos) / 1e6
    dossier = [DOSSIER, "check", unit, "--quiet", "--no-progress"]
    jpeginfo = ["jpeginfo", "-c"] + photos
    djpeg = ["sh", "-c", 'for f in "$@"; do djpeg -dct int "$f" > /dev/null || exit 1; done', "djpeg"] + photos
    for command in (dossier, jpeginfo):  # warm the page cache
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ours, theirs, full = [], [], []
    for _ in range(RUNS):
        ours.append(timed(dossier)[0])
        theirs.append(timed(jpeginfo)[0])
        full.append(timed(djpeg)[0])
    ours_median, theirs_median, full_median = (statistics.median(x) for x in (ours, theirs, full))
    peak = peak_of(dossier)
    print(f"check: {len(photos)} photos of 12 MP ({megabytes:.0f} MB), median of {RUNS}, {os.cpu_count()} cores")
    print(f"  dossier check      {ours_median:6.3f} s   peak memory {peak / 1024:.0f} MB (budget 100 MB)")
    print(f"  jpeginfo -c        {theirs_median:6.3f} s")
    print(f"  ratio dossier/jpeginfo = {ours_median / theirs_median:.2f}  (target 0.35)")
    print(f"  context: djpeg full decode {full_median:6.3f} s, ratio {ours_median / full_median:.2f}")


if __name__ == "__main__":
    bench_check()
