#!/usr/bin/env python3
"""Benchmarks for `make bench`: each prints dossier's figure and a reference tool's, measured in the same run.

check: `dossier check` on 60 photos of 12 megapixels versus `jpeginfo -c` on the same photos (median of 5,
alternating), peak memory of dossier; the same check without the picture checks (a rule set with `pictures.measure`
off: no faces, no video frames), alternating with it, and the ratio; and, for context, a full decode of every photo
with `djpeg` and the floor (scripts/jpeg-floor.c: libjpeg-turbo's entropy decoding alone, in one process); then what
the HTML report with its contact sheet adds.
seal/verify: on a bundle of 1.4 GB (60 photos, 20 videos), `dossier seal` versus `cp -r` to the same disk and
versus `bagit.py --processes 2` then `zip -0 -r`; `dossier verify` versus `openssl dgst -sha256` of the zip;
peak memory of both; and the floor of both (hashing every byte and entropy-decoding every photo on two cores).
forms: `dossier inspect` of a 200-row summary table and 10 forms versus openpyxl merely loading the workbook.
serve: a check started from the web app's page of a picked folder (`dossier serve`, over HTTP as the page does it,
until its progress stream says done) versus `dossier check` of the same folder, cold and with the cache; how often
the progress stream updates while it runs; peak memory of the server.
intake: `dossier intake` of a drive holding the benchmark bundle sealed (1.4 GB) into a new archive, versus `cp -r`
of the drive + `sync`, and versus its floors measured in the same run: `dossier verify` of the same zip, verify + cp
(what intake did before it read once), and the work no intake can skip (SHA-256 of every byte twice, the entries'
and the whole file's, plus entropy decoding of every photo, on two cores); then the same for the unit's folder
(checked, packed into a plain zip); peak memory of each.
videos: `dossier inspect` over the 20 videos (20–101 MB) versus `ffprobe -show_streams -show_format` on each, and
the bytes dossier reads per file.
"""
import http.client
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DOSSIER = os.environ.get("DOSSIER_BINARY", os.path.join(ROOT, ".build", "release", "dossier"))
BENCH = os.environ.get("BENCH_DIR", "/tmp/dossier-bench")
RUNS = 5


def timed(command, before=None, env=None):
    """Wall time of one run of `command` (after running `before`, untimed)."""
    if before:
        before()
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def median_of(command, before=None, runs=RUNS, env=None):
    return statistics.median(timed(command, before, env) for _ in range(runs))


def cached_env():
    """The environment of runs that use dossier's cache of measured facts: a cache folder of the benchmark's own."""
    return dict(os.environ, XDG_CACHE_HOME=os.path.join(BENCH, "cache"))


def clear(*paths):
    """A `before` for `timed`: removes `paths`, then syncs (what was written is on disk before the next run)."""
    def run():
        for path in paths:
            subprocess.run(["rm", "-rf", path])
        subprocess.run(["sync"])
    return run


def peak_of(command):
    """Peak resident memory of one run, measured with GNU time."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def bench_bundle(videos):
    """Makes (once) the benchmark bundle in BENCH and returns its unit folder."""
    subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-bench-photos.py"), BENCH]
                   + (["--videos"] if videos else []), check=True, stdout=subprocess.DEVNULL)
    return os.path.join(BENCH, "测试省科协")


def photos_only(unit):
    """The bench bundle without its videos, as hard links in BENCH/photos-only (made once)."""
    copy = os.path.join(BENCH, "photos-only", os.path.basename(unit))
    if not os.path.isdir(copy):
        os.makedirs(os.path.dirname(copy), exist_ok=True)
        subprocess.run(["cp", "-al", unit, copy], check=True)
        for folder, _, names in os.walk(copy):
            for name in names:
                if name.endswith((".mp4", ".mov")):
                    os.remove(os.path.join(folder, name))
    return copy


def rules_without_pictures(faces=False, video_frames=False):
    """A copy of the bundled rule set with `pictures.measure` off (no faces looked for in the ID photos, no video
    frames decoded): the check as it was before those checks came (issue 16), in the same run. With `faces` or
    `video_frames`, that one stays on. Made anew each time."""
    name = "rules-no-" + ("videoFrames" if faces and not video_frames else
                          "faces" if video_frames and not faces else "pictures")
    folder = os.path.join(BENCH, name)
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "rules", "zuimei-2021"), folder)
    path = os.path.join(folder, "pictures.yaml")
    text = open(path, encoding="utf-8").read()
    turned = text.replace("    faces: true\n    videoFrames: true\n",
                          f"    faces: {str(faces).lower()}\n    videoFrames: {str(video_frames).lower()}\n")
    if "    faces: true\n    videoFrames: true\n" not in text:
        raise SystemExit("pictures.yaml: no `measure: {faces: true, videoFrames: true}` to turn off")
    open(path, "w", encoding="utf-8").write(turned)
    return folder


def cpu_seconds(command):
    """User plus system CPU time of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def picture_costs(dossier, id_photos, videos):
    """What each picture check costs in CPU time (issue 16's figures): the check with both on, against the check
    with only faces off (divided by the ID photos) and with only video frames off (divided by the videos); medians
    of RUNS, alternating."""
    no_faces = dossier + ["--rules", rules_without_pictures(video_frames=True)]
    no_frames = dossier + ["--rules", rules_without_pictures(faces=True)]
    both, without_faces, without_frames = [], [], []
    for _ in range(RUNS):
        both.append(cpu_seconds(dossier))
        without_faces.append(cpu_seconds(no_faces))
        without_frames.append(cpu_seconds(no_frames))
    both, without_faces, without_frames = (statistics.median(x) for x in (both, without_faces, without_frames))
    face_ms = (both - without_faces) * 1000 / max(id_photos, 1)
    frame_ms = (both - without_frames) * 1000 / max(videos, 1)
    print(f"  CPU time: {both:.2f} s with the picture checks, {without_faces:.2f} s without faces, "
          f"{without_frames:.2f} s without video frames")
    print(f"  faces add {face_ms:.1f} ms per ID photo ({id_photos}; target at most 25), video frames "
          f"{frame_ms:.1f} ms per video ({videos}; target at most 60)")


def bench_check():
    # The bundle: 60 photos and 20 videos (each video's boxes read and three frames decoded).
    unit = bench_bundle(videos=True)
    photos = sorted(os.path.join(folder, name) for folder, _, names in os.walk(unit) for name in names
                    if name.endswith(".jpg"))
    videos = sum(1 for _, _, names in os.walk(unit) for name in names if name.endswith((".mp4", ".mov")))
    megabytes = sum(os.path.getsize(p) for p in photos) / 1e6
    dossier = [DOSSIER, "check", unit, "--quiet", "--no-progress", "--no-cache"]
    jpeginfo = ["jpeginfo", "-c"] + photos
    djpeg = ["sh", "-c", 'for f in "$@"; do djpeg -dct int "$f" > /dev/null || exit 1; done', "djpeg"] + photos
    # The same check without the picture checks (faces, video frames), alternating with it.
    no_pictures = dossier + ["--rules", rules_without_pictures()]
    for command in (dossier, jpeginfo):  # warm the page cache
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ours, theirs, full, plain = [], [], [], []
    for _ in range(RUNS):
        ours.append(timed(dossier))
        plain.append(timed(no_pictures))
        theirs.append(timed(jpeginfo))
        full.append(timed(djpeg))
    ours_median, theirs_median, full_median, plain_median = (
        statistics.median(x) for x in (ours, theirs, full, plain))
    peak = peak_of(dossier)
    plain_peak = peak_of(no_pictures)
    without = dossier[:2] + [photos_only(unit)] + dossier[3:]
    without_median = median_of(without)
    print(f"check: {len(photos)} photos of 12 MP ({megabytes:.0f} MB) and {videos} videos, median of {RUNS}, "
          f"{os.cpu_count()} cores")
    print(f"  dossier check      {ours_median:6.3f} s   peak memory {peak / 1024:.0f} MB (budget 100 MB)")
    print(f"  (the same bundle without its videos: {without_median:6.3f} s)")
    print(f"  without the picture checks {plain_median:6.3f} s   peak memory {plain_peak / 1024:.0f} MB "
          f"(pictures.measure off: no faces, no video frames)")
    print(f"  ratio with/without the picture checks = {ours_median / plain_median:.2f} (target at most 1.15); "
          f"runs with {' '.join(f'{t:.2f}' for t in ours)}, without {' '.join(f'{t:.2f}' for t in plain)}")
    print(f"  jpeginfo -c        {theirs_median:6.3f} s")
    print(f"  ratio dossier/jpeginfo = {ours_median / theirs_median:.2f}  (target 0.35)")
    print(f"  context: djpeg full decode {full_median:6.3f} s, ratio {ours_median / full_median:.2f}")
    scaled_ms, entropy_ms = jpeg_floor(photos)
    cores = min(os.cpu_count() or 1, 2)
    floor = len(photos) * entropy_ms / 1000 / cores
    print(f"  floor: libjpeg-turbo in one process, per photo: 1/8-scale decode {scaled_ms:.1f} ms, entropy decoding "
          f"alone {entropy_ms:.1f} ms; {len(photos)} photos on {cores} cores cannot take less than {floor:.3f} s, "
          f"a ratio of {floor / theirs_median:.2f} to jpeginfo; check/floor = {ours_median / floor:.2f}, without "
          f"the videos {without_median / floor:.2f} (target 1.15)")
    id_photos = sum(1 for p in photos if re.fullmatch(r"\D+1\.jpg", os.path.basename(p)))
    picture_costs(dossier, id_photos, videos)
    # Again, with the cache of measured facts: nothing changed, then one photo changed before each run.
    cached = dossier[:-1]
    env = cached_env()
    shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    subprocess.run(cached, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    again = median_of(cached, env=env)
    changed_photo = photos[len(photos) // 2]
    original = open(changed_photo, "rb").read()
    counter = [0]

    def change_one():
        counter[0] += 1
        with open(changed_photo, "wb") as out:  # new bytes after the end of the image: a photo the cache has not seen
            out.write(original + counter[0].to_bytes(4, "big"))

    try:
        one_changed = median_of(cached, before=change_one, env=env)
    finally:
        with open(changed_photo, "wb") as out:
            out.write(original)
    print(f"  check again, nothing changed (cache)  {again:6.3f} s   ratio to jpeginfo = {again / theirs_median:.2f} "
          f"(target 0.15)")
    print(f"  check again, one photo changed        {one_changed:6.3f} s   ratio to jpeginfo = "
          f"{one_changed / theirs_median:.2f} (target 0.2)")
    html = [DOSSIER, "check", unit, "--no-cache", "--format", "html", "-o", os.path.join(BENCH, "report.html"),
            "--no-progress"]
    html_median = median_of(html)
    print(f"  dossier check --format html (contact sheet of {len(photos)} thumbnails) {html_median:6.3f} s: "
          f"adds {html_median - ours_median:+.3f} s (target at most +1 s), "
          f"{os.path.getsize(os.path.join(BENCH, 'report.html')) / 1e6:.1f} MB")


def jpeg_floor(photos):
    """Milliseconds per photo of a 1/8-scale decode and of entropy decoding alone (scripts/jpeg-floor.c)."""
    program = os.path.join(ROOT, ".build", "jpeg-floor")
    subprocess.run(["cc", "-O2", "-o", program, os.path.join(ROOT, "scripts", "jpeg-floor.c"), "-ljpeg"], check=True)
    runs = [subprocess.run([program] + photos, capture_output=True, text=True, check=True).stdout.split()
            for _ in range(RUNS)]
    return statistics.median(float(r[0]) for r in runs), statistics.median(float(r[1]) for r in runs)


def bench_seal():
    unit = bench_bundle(videos=True)
    out = os.path.join(BENCH, "out")
    os.makedirs(out, exist_ok=True)
    gigabytes = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(unit) for n in ns) / 1e9
    sealed = os.path.join(out, "sealed.zip")
    copy = os.path.join(out, "copy")
    bag = os.path.join(out, "bag")
    bagit = os.path.join(ROOT, ".build", "tools-venv", "bin", "bagit.py")

    def fresh_bag():
        clear(bag, bag + ".zip")()
        subprocess.run(["cp", "-r", unit, bag])
        subprocess.run(["sync"])

    seal = [DOSSIER, "seal", unit, "-o", sealed, "--as-of", "2021-06-18", "--quiet", "--no-progress",
            "--no-cache"]
    verify = [DOSSIER, "verify", sealed, "--as-of", "2021-06-18", "--quiet", "--no-progress",
            "--no-cache"]
    bag_and_zip = ["sh", "-c", f'"{bagit}" --processes 2 "{bag}" 2>/dev/null && cd "{out}" && zip -0 -r -q bag.zip bag']
    seal_time = median_of(seal, clear(sealed))
    # The reference: a copy that reaches the disk, as the seal's synced zip does.
    copy_time = median_of(["sh", "-c", f'cp -r "{unit}" "{copy}" && sync'], clear(copy))
    # Right after a check (the clerk's loop): the check's cache holds every photo's facts.
    env = cached_env()
    cached_seal = seal[:-1]
    check = [DOSSIER, "check", unit, "--quiet", "--no-progress"]

    def checked():
        clear(sealed)()
        subprocess.run(check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    seal_after_check = median_of(cached_seal, checked, env=env)
    bag_time = median_of(bag_and_zip, fresh_bag, runs=3)
    subprocess.run(seal, stdout=subprocess.DEVNULL)
    verify_time = median_of(verify)
    openssl_time = median_of(["openssl", "dgst", "-sha256", sealed])
    seal_peak = peak_of(seal)
    verify_peak = peak_of(verify)
    clear(copy, bag, bag + ".zip")()
    print(f"seal/verify: a bundle of {gigabytes:.2f} GB (60 photos, 20 videos), median of {RUNS} (bagit: 3)")
    print(f"  dossier seal       {seal_time:6.3f} s   peak memory {seal_peak / 1024:.0f} MB (budget 100 MB)")
    print(f"  cp -r + sync       {copy_time:6.3f} s   ratio seal/cp = {seal_time / copy_time:.2f} (target 1.25)")
    print(f"  dossier seal right after a check (cache) {seal_after_check:6.3f} s   ratio to cp -r + sync = "
          f"{seal_after_check / copy_time:.2f} (target 1.1)")
    print(f"  bagit.py + zip -0  {bag_time:6.3f} s   ratio seal/(bagit+zip) = {seal_time / bag_time:.2f} (target 0.33)")
    print(f"  dossier verify     {verify_time:6.3f} s   peak memory {verify_peak / 1024:.0f} MB (budget 100 MB)")
    print(f"  openssl dgst       {openssl_time:6.3f} s   ratio verify/openssl = {verify_time / openssl_time:.2f} (target 1.0)")
    # Both commands must hash every byte (BagIt) and entropy-decode every photo (PHOTO-CORRUPT): on two cores
    # neither can take less than half of that work, even with nothing written.
    photos = [os.path.join(d, n) for d, _, ns in os.walk(unit) for n in ns if n.endswith(".jpg")]
    _, entropy_ms = jpeg_floor(photos)
    cores = min(os.cpu_count() or 1, 2)
    floor = (openssl_time + len(photos) * entropy_ms / 1000) / cores
    print(f"  floor: SHA-256 of every byte (openssl, one core) + entropy decoding of {len(photos)} photos, on {cores} "
          f"cores: {floor:.3f} s = {floor / copy_time:.2f} x cp -r + sync, {floor / openssl_time:.2f} x openssl; "
          f"verify/floor = {verify_time / floor:.2f} (target 1.2)")


def bench_serve():
    """A check started from the web app versus the command line's, on the same folder (the app makes no copy of a
    picked folder): both cold (an empty cache folder before each run) and with the cache; the progress stream's
    updates while the app's check runs; peak memory of the server process (VmHWM)."""
    unit = bench_bundle(videos=False)
    cache = os.path.join(BENCH, "serve-cache")
    env = dict(os.environ, XDG_CACHE_HOME=cache, LANG="C.UTF-8")
    server = subprocess.Popen([DOSSIER, "serve", "--root", BENCH, "--as-of", "2021-06-18"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env, text=True)
    try:
        address = ""
        while "key=" not in address:
            address = server.stdout.readline()
            if not address:
                raise SystemExit("dossier serve printed no address")
        match = re.search(r"http://127\.0\.0\.1:(\d+)/\?key=(\w+)", address)
        port, key = int(match.group(1)), match.group(2)
        cookie = f"dossier_key_{port}={key}"
        origin = f"http://127.0.0.1:{port}"

        def served_check():
            """Seconds from the page's POST to the progress stream's `done`, and the times of its events."""
            start = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port)
            body = f"token={key}&path={urllib.parse.quote(unit)}"
            connection.request("POST", "/check", body, {"Cookie": cookie, "Origin": origin,
                               "Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            response.read()
            job = response.getheader("Location")
            connection.request("GET", job + "/events", headers={"Cookie": cookie})
            stream = connection.getresponse()
            events = []  # (seconds since start, event name, data)
            name = None
            while True:
                line = stream.fp.readline().decode()
                if not line:
                    break
                if line.startswith("event: "):
                    name = line[7:].strip()
                elif line.startswith("data: "):
                    events.append((time.perf_counter() - start, name, line[6:].strip()))
                    if name == "done":
                        break
            elapsed = time.perf_counter() - start
            connection.close()
            return elapsed, events

        def empty_cache():
            shutil.rmtree(cache, ignore_errors=True)

        cli = [DOSSIER, "check", unit, "--quiet", "--no-progress", "--as-of", "2021-06-18"]
        cli_html = cli + ["--format", "html", "-o", os.path.join(BENCH, "serve-report.html")]
        served_check()  # warm the page cache and the server
        subprocess.run(cli, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        rows = {}
        gaps, changed_gaps, rates = [], [], []
        for mode in ("cold", "cache"):
            ours, theirs, theirs_html = [], [], []
            for _ in range(RUNS):
                if mode == "cold":
                    empty_cache()
                elapsed, events = served_check()
                ours.append(elapsed)
                progress = [(t, json.loads(d)) for t, n, d in events if n == "progress"]
                times = [t for t, _ in progress]
                gaps.append(max(b - a for a, b in zip(times, times[1:])) if len(times) > 1 else elapsed)
                moved = [t for (t, p), (_, q) in zip(progress[1:], progress) if (p["files"], p["bytes"]) != (q["files"], q["bytes"])]
                moved = [progress[0][0]] + moved + [elapsed]
                changed_gaps.append(max(b - a for a, b in zip(moved, moved[1:])))
                rates.append(len(times) / elapsed)
                theirs.append(timed(cli, empty_cache if mode == "cold" else None, env=env))
                theirs_html.append(timed(cli_html, empty_cache if mode == "cold" else None, env=env))
            rows[mode] = tuple(statistics.median(x) for x in (ours, theirs, theirs_html))
        peak = 0
        with open(f"/proc/{server.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1])
    finally:
        server.send_signal(2)  # Ctrl-C: the server ends cleanly
        server.wait(timeout=30)
    cli_peak = peak_of(cli)
    print(f"serve: a check started from the page of a picked folder (60 photos of 12 MP), median of {RUNS}")
    for mode, label in (("cold", "cold (empty cache)"), ("cache", "again, nothing changed (cache)")):
        ours, theirs, theirs_html = rows[mode]
        print(f"  {label:31s} web app {ours:6.3f} s   dossier check {theirs:6.3f} s   ratio = {ours / theirs:.2f} "
              f"(target 1.1); check --format html {theirs_html:6.3f} s, ratio {ours / theirs_html:.2f}")
    print(f"  progress stream: {statistics.median(rates):.1f} updates a second (median), longest gap between updates "
          f"{max(gaps):.3f} s, between changes of files or bytes done {max(changed_gaps):.3f} s (target at most 1 s)")
    print(f"  peak memory: server {peak / 1024:.0f} MB over {2 * RUNS + 1} checks; dossier check {cli_peak / 1024:.0f} MB")
    print(f"  server stopped by Ctrl-C: exit status {server.returncode}")


def bench_videos():
    unit = bench_bundle(videos=True)
    clips = sorted(os.path.join(d, n) for d, _, ns in os.walk(unit) for n in ns if n.endswith(".mp4"))
    sizes = [os.path.getsize(c) for c in clips]
    inspect = [DOSSIER, "inspect", "--lang", "en"] + clips
    probe = ["sh", "-c", 'for f in "$@"; do ffprobe -v error -show_streams -show_format "$f" > /dev/null; done', "ffprobe"] + clips
    ours, theirs = median_of(inspect), median_of(probe)
    output = subprocess.run(inspect, capture_output=True, text=True).stdout
    read = [int(line.rsplit(":", 1)[1]) for line in output.splitlines() if "bytes read:" in line]
    print(f"videos: {len(clips)} clips of {min(sizes) / 1e6:.0f}-{max(sizes) / 1e6:.0f} MB, median of {RUNS}")
    share = max(r / s for r, s in zip(read, sizes)) * 100
    print(f"  dossier inspect    {ours:6.3f} s   bytes read per file: median {statistics.median(read):.0f}, "
          f"largest {max(read)}; at most {share:.3f} % of a file")
    print(f"  ffprobe (each)     {theirs:6.3f} s")
    print(f"  ratio dossier/ffprobe = {ours / theirs:.3f}  (target 0.1)")


def bench_forms():
    python = os.path.join(ROOT, ".build", "tools-venv", "bin", "python")
    folder = os.path.join(BENCH, "forms")
    os.makedirs(folder, exist_ok=True)
    table = os.path.join(folder, "推荐人选汇总表.xlsx")
    make = """
import datetime, os, sys
from docx import Document
from openpyxl import Workbook
folder = sys.argv[1]
book = Workbook(); sheet = book.active
sheet.append(["2021年“最美科技工作者”推荐人选汇总表"]); sheet.append(["推荐单位（盖章）：测试省科协"])
sheet.append(["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"])
for n in range(1, 201):
    sheet.append([n, f"人选{n}", "男" if n % 2 else "女", datetime.date(1960 + n % 40, 1 + n % 12, 1), f"单位{n}", "教授", "科研人员", f"0{n:010d}"])
    sheet.cell(row=n + 3, column=4).number_format = "yyyy-mm"
book.save(os.path.join(folder, "推荐人选汇总表.xlsx"))
for n in range(1, 11):
    document = Document(); t = document.add_table(rows=8, cols=2)
    for row, (label, value) in zip(t.rows, [("姓　　名", f"人选{n}"), ("性别", "男"), ("出生年月", "1975.03"), ("工作单位及职务", "某大学教授"),
                                            ("职称", "教授"), ("人选类别", "科研人员"), ("主要事迹", "事迹。" * 200), ("公示情况", "已公示。")]):
        row.cells[0].text = label; row.cells[1].text = value
    document.save(os.path.join(folder, f"人选{n}推荐表.docx"))
"""
    if not os.path.exists(table):
        subprocess.run([python, "-c", make, folder], check=True)
    forms = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".docx"))
    ours = median_of([DOSSIER, "inspect", table] + forms)
    theirs = median_of([python, "-c", "import sys, openpyxl; openpyxl.load_workbook(sys.argv[1])", table])
    print(f"forms: a 200-row summary table and {len(forms)} forms, median of {RUNS}")
    print(f"  dossier inspect (table + forms, fields extracted) {ours:6.3f} s")
    print(f"  openpyxl.load_workbook (the table alone)         {theirs:6.3f} s")
    print(f"  ratio = {ours / theirs:.2f}  (target below 1)")


def bench_scale():
    """`check` of units with 250, 1,000 and 2,000 candidates (forms and a summary table): linear growth means a
    per-candidate time that stays flat; and peak memory for 100,000 files."""
    python = os.path.join(ROOT, ".build", "tools-venv", "bin", "python")
    times = {}
    for count in (250, 1000, 2000):
        out = os.path.join(BENCH, f"scale-{count}")
        subprocess.run([python, os.path.join(ROOT, "scripts", "make-scale-bundle.py"), out, str(count)], check=True)
        unit = os.path.join(out, "规模省科协")
        times[count] = median_of([DOSSIER, "check", unit, "--quiet", "--no-progress", "--no-cache", "--as-of", "2021-06-01"], runs=3)
        print(f"  {count:5d} candidates: {times[count]:6.2f} s, {times[count] / count * 1000:.2f} ms per candidate")
    print(f"  growth 2000/250 = {times[2000] / times[250]:.1f} (linear: 8; target: 2,000 candidates under 3 s)")
    out = os.path.join(BENCH, "scale-files")
    subprocess.run([python, os.path.join(ROOT, "scripts", "make-scale-bundle.py"), out, "1000", "--files", "99000"],
                   check=True)
    peak = peak_of([DOSSIER, "check", os.path.join(out, "规模省科协"), "--quiet", "--no-progress", "--no-cache"])
    # The reference: the same binary on the valid sample (10 files), what any run costs before its files do.
    base = peak_of([DOSSIER, "check", os.path.join(ROOT, "Samples", "valid"), "--quiet", "--no-progress", "--no-cache"])
    print(f"  100,000 files: peak memory {peak / 1024:.0f} MB (target under 100 MB); the valid sample's "
          f"{base / 1024:.0f} MB; {(peak - base) * 1024 / 100000:.0f} bytes per file above it")

def bench_intake():
    unit = bench_bundle(videos=True)
    out = os.path.join(BENCH, "out")
    drive = os.path.join(BENCH, "drive-intake")
    sealed = os.path.join(drive, "测试省科协.zip")
    archive = os.path.join(out, "archive")
    copy = os.path.join(out, "drive-copy")
    os.makedirs(out, exist_ok=True)
    if not os.path.exists(sealed):
        os.makedirs(drive, exist_ok=True)
        subprocess.run([DOSSIER, "seal", unit, "-o", sealed, "--as-of", "2021-06-18", "--quiet", "--no-progress",
                        "--no-cache"], check=True, stdout=subprocess.DEVNULL)
    gigabytes = os.path.getsize(sealed) / 1e9

    def intake(source):
        return [DOSSIER, "intake", source, "--archive", archive, "--as-of", "2021-06-18", "--quiet", "--no-progress",
                "--no-cache"]

    verify = [DOSSIER, "verify", sealed, "--as-of", "2021-06-18", "--quiet", "--no-progress", "--no-cache"]
    # Alternating runs, so that a load that comes and goes weighs on each alike.
    times = {"intake": [], "cp": [], "verify": [], "openssl": [], "folder": [], "folder-cp": []}
    for _ in range(RUNS):
        times["intake"].append(timed(intake(drive), clear(archive)))
        times["cp"].append(timed(["sh", "-c", f'cp -r "{drive}" "{copy}" && sync'], clear(copy)))
        times["verify"].append(timed(verify))
        times["openssl"].append(timed(["openssl", "dgst", "-sha256", sealed]))
        times["folder"].append(timed(intake(unit), clear(archive)))
        times["folder-cp"].append(timed(["sh", "-c", f'cp -r "{unit}" "{copy}" && sync'], clear(copy)))
    median = {key: statistics.median(values) for key, values in times.items()}
    clear(archive)()
    intake_peak = peak_of(intake(drive))
    clear(archive)()
    folder_peak = peak_of(intake(unit))
    clear(archive, copy)()
    photos = [os.path.join(d, n) for d, _, ns in os.walk(unit) for n in ns if n.endswith(".jpg")]
    _, entropy_ms = jpeg_floor(photos)
    cores = min(os.cpu_count() or 1, 2)
    floor = (2 * median["openssl"] + len(photos) * entropy_ms / 1000) / cores
    ours, copied = median["intake"], median["cp"]
    print(f"intake: a drive holding the bundle sealed ({gigabytes:.2f} GB), into a new archive, median of {RUNS}")
    print(f"  dossier intake     {ours:6.3f} s   peak memory {intake_peak / 1024:.0f} MB (budget 100 MB)")
    print(f"  cp -r + sync       {copied:6.3f} s   ratio intake/cp = {ours / copied:.2f} (target 1.2)")
    print(f"  dossier verify     {median['verify']:6.3f} s   ratio intake/verify = {ours / median['verify']:.2f}; "
          f"verify/cp = {median['verify'] / copied:.2f}")
    print(f"  verify + cp        {median['verify'] + copied:6.3f} s   ratio intake/(verify + cp) = "
          f"{ours / (median['verify'] + copied):.2f}")
    print(f"  floor: SHA-256 of every byte twice (openssl {median['openssl']:.3f} s each) + entropy decoding of "
          f"{len(photos)} photos, on {cores} cores: {floor:.3f} s = {floor / copied:.2f} x cp; intake/floor = "
          f"{ours / floor:.2f}")
    print(f"  the unit's folder: dossier intake {median['folder']:.3f} s (peak {folder_peak / 1024:.0f} MB), "
          f"cp -r + sync {median['folder-cp']:.3f} s, ratio {median['folder'] / median['folder-cp']:.2f}")


if __name__ == "__main__":
    which = sys.argv[1:] or ["check", "seal", "serve", "intake", "videos", "forms", "scale"]
    if "check" in which:
        bench_check()
    if "serve" in which:
        bench_serve()
    if "seal" in which:
        bench_seal()
    if "intake" in which:
        bench_intake()
    if "videos" in which:
        bench_videos()
    if "forms" in which:
        bench_forms()
    if "scale" in which:
        print("scale: check against the number of candidates and files")
        bench_scale()
