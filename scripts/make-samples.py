#!/usr/bin/env python3
"""Makes Samples/: real bundles from real producers (Pillow JPEGs, python-docx forms, openpyxl tables, ffmpeg clips).

Run from the repository root: python3 scripts/make-samples.py [MAKER …]   (no argument: every sample, anew;
with arguments, only those makers, e.g. `valid_videos video_problems`, leaving the rest as they are)
Needs: pip install pillow python-docx openpyxl numpy; ffmpeg with libx264. Photos are deterministic for the same
versions; documents carry their creation time.
Each sample folder holds one unit folder and expected.json (exit code and exact (rule, path) findings).
"""
import io
import os
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image, ImageDraw
from docx import Document
from openpyxl import Workbook

MiB = 1024 * 1024
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Samples")


def scene(width, height, seed, grey=False):
    """A photo-like picture: sky gradient, ground, shapes, and sensor-like noise."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 1, height)[:, None]
    x = np.linspace(0, 1, width)[None, :]
    r = 90 + 120 * y + 30 * np.sin(6 * x + seed)
    g = 130 + 80 * y + 25 * np.cos(5 * x * y + seed)
    b = 200 - 90 * y + 20 * np.sin(9 * x)
    rgb = np.stack(np.broadcast_arrays(r, g, b), axis=-1)
    image = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x0, y0 = int(rng.integers(0, width)), int(rng.integers(0, height))
        size = int(rng.integers(width // 30, width // 6))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        if rng.random() < 0.5:
            draw.ellipse([x0, y0, x0 + size, y0 + size], fill=colour)
        else:
            draw.rectangle([x0, y0, x0 + size, y0 + size // 2], fill=colour)
    pixels = np.asarray(image).astype(np.float32)
    return pixels, rng


def jpeg(width, height, seed, minimum=int(2.02 * MiB), maximum=None, grey=False, mono_rgb=False,
         progressive=False, orientation=None):
    """JPEG bytes of a scene, with noise raised until the file is at least `minimum` bytes and, so that Samples/ stays
    within its 40 MB, at most `maximum` (by default 3 % above the minimum): the noise level is bisected between the
    last too-small and the last too-large try."""
    maximum = maximum or int(minimum * 1.03)
    base, rng = scene(width, height, seed)
    sigma, too_small, too_large, quality = 4.0, None, None, 92
    for _ in range(60):
        noisy = base + rng.normal(0, sigma, base.shape)
        image = Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8), "RGB")
        if grey:
            image = image.convert("L")
        elif mono_rgb:
            image = image.convert("L").convert("RGB")
        buffer = io.BytesIO()
        options = {"quality": quality, "progressive": progressive}
        if orientation:
            exif = Image.Exif()
            exif[0x0112] = orientation
            options["exif"] = exif.tobytes()
        image.save(buffer, "JPEG", **options)
        data = buffer.getvalue()
        if minimum <= len(data) <= maximum:
            return data
        if len(data) < minimum:
            too_small = sigma
            if quality == 92 and sigma >= 30:
                # Noise alone does not get there at 92: from here on quality 97, bisected afresh.
                quality, too_small, too_large = 97, None, None
        else:
            too_large = sigma
        if too_small is None and too_large is not None:
            sigma *= 0.8
        elif too_large is None:
            sigma *= 1.25
        else:
            sigma = (too_small + too_large) / 2
    raise SystemExit(f"could not reach {minimum}–{maximum} bytes at {width}x{height}")


def small_jpeg(width, height, seed):
    base, _ = scene(width, height, seed)
    buffer = io.BytesIO()
    Image.fromarray(base.astype(np.uint8), "RGB").save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def png(width, height, seed):
    base, _ = scene(width, height, seed)
    buffer = io.BytesIO()
    Image.fromarray(base.astype(np.uint8), "RGB").save(buffer, "PNG")
    return buffer.getvalue()


def pdf_scan(text_seed):
    base, _ = scene(620, 877, text_seed)
    buffer = io.BytesIO()
    Image.fromarray(base.astype(np.uint8), "RGB").convert("L").save(buffer, "PDF", resolution=75)
    return buffer.getvalue()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def form(path, name, gender, birth, employer, publicity=True, header=None, identity="事业单位专业技术人员",
         rank="无", honors=None, category="科研人员"):
    """A 推荐表 laid out like the 2021 form: label cells and value cells."""
    document = Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.add_heading("2021年“最美科技工作者”推荐表", level=1)
    table = document.add_table(rows=6, cols=4)
    table.style = "Table Grid"
    cells = [
        ("姓　　名", name, "性　　别", gender),
        ("出生年月", birth, "民　　族", "汉族"),
        ("政治面貌", "中共党员", "职　　称", "研究员"),
        ("工作单位及职务", employer, "联系电话", "027-87654321"),
        ("人员身份", identity, "行政级别", rank),
        ("人选类别", category, "专业领域", "材料科学"),
    ]
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value
    if honors:
        document.add_paragraph(f"曾获荣誉：{honors}")
    document.add_paragraph("主要事迹：长期扎根科研一线，带领团队攻克关键核心技术。")
    if publicity:
        document.add_paragraph("公示情况：已于2021年5月在本单位公示5个工作日，无异议。")
    document.add_paragraph("推荐单位意见：同意推荐。")
    buffer = io.BytesIO()
    document.save(buffer)
    write(path, buffer.getvalue())


def report(path, unit):
    document = Document()
    document.add_heading(f"{unit}2021年“最美科技工作者”推荐工作情况报告", level=1)
    document.add_paragraph("按照通知要求，我单位组织开展了遴选推荐工作，经民主程序确定推荐人选，并在一定范围内公示。")
    buffer = io.BytesIO()
    document.save(buffer)
    write(path, buffer.getvalue())


def summary_table(path, unit, candidates):
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    sheet.append(["2021年“最美科技工作者”推荐人选汇总表"])
    sheet.append([f"推荐单位（盖章）：{unit}"])
    sheet.append(["序号", "姓名", "性别", "出生年月", "工作单位及职务", "职称", "人选类别", "联系电话"])
    for number, (name, gender, birth, employer) in enumerate(candidates, start=1):
        sheet.append([number, name, gender, birth, employer, "研究员", "科研人员", "027-87654321"])
    buffer = io.BytesIO()
    book.save(buffer)
    write(path, buffer.getvalue())


def activity_table(path, unit):
    book = Workbook()
    sheet = book.active
    sheet.append(["2021年“最美科技工作者”学习宣传活动开展情况汇总表"])
    sheet.append(["序号", "活动名称", "时间", "地点", "参与人数", "媒体报道情况"])
    sheet.append([1, f"{unit}“最美科技工作者”事迹报告会", "2021年5月", "武汉", 300, "湖北日报报道"])
    buffer = io.BytesIO()
    book.save(buffer)
    write(path, buffer.getvalue())


def unit_documents(folder, unit, candidates, with_report=True):
    summary_table(os.path.join(folder, "2021年“最美科技工作者”推荐人选汇总表.xlsx"), unit, candidates)
    activity_table(os.path.join(folder, "学习宣传活动开展情况汇总表.xlsx"), unit)
    if with_report:
        report(os.path.join(folder, "推荐工作情况报告.docx"), unit)


def valid():
    unit = "湖北省科协"
    folder = os.path.join(ROOT, "valid", unit)
    person = ("张三", "男", "1975.03", "华中科技大学材料学院教授")
    unit_documents(folder, unit, [person])
    form(os.path.join(folder, "张三", "张三推荐表.docx"), *person)
    write(os.path.join(folder, "张三", "张三1.jpg"), id_photo_of_a_face())                    # portrait ID photo
    write(os.path.join(folder, "张三", "张三2.jpg"), jpeg(2400, 1800, 2))                       # landscape
    write(os.path.join(folder, "张三", "张三3.jpg"), jpeg(2400, 1800, 3, orientation=6))        # phone portrait
    write(os.path.join(folder, "张三", "张三4.jpg"), jpeg(2000, 1500, 4, progressive=True))     # progressive


def photo_problems():
    unit = "中国化学会"
    folder = os.path.join(ROOT, "photo-problems", unit)
    person = ("王芳", "女", "1982年7月", "北京大学化学学院研究员")
    unit_documents(folder, unit, [person])
    here = os.path.join(folder, "王芳")
    form(os.path.join(here, "王芳推荐表.docx"), *person)
    write(os.path.join(here, "王芳1.jpg"), jpeg(2000, 1500, 11, mono_rgb=True))     # black and white, landscape
    small = small_jpeg(2000, 1500, 12)
    write(os.path.join(here, "王芳2.jpg"), small)                                    # under 2 MiB
    write(os.path.join(here, "王芳3.jpg"), jpeg(2400, 1800, 13) + bytes(4096))        # padded after EOI
    write(os.path.join(here, "王芳4.jpg"), jpeg(1400, 1050, 14))                     # low resolution
    whole = jpeg(2600, 1950, 15, minimum=int(2.3 * MiB))
    write(os.path.join(here, "王芳5.jpg"), whole[: int(2.1 * MiB)])                   # cut short
    write(os.path.join(here, "王芳6.jpg"), png(800, 600, 16))                        # a PNG named .jpg
    write(os.path.join(here, "王芳7.jpg"), small)                                    # the same bytes as 王芳2


def naming_problems():
    unit = "山西省科协"
    folder = os.path.join(ROOT, "naming-problems", unit)
    person = ("李四", "男", "1979-11", "太原理工大学教授")
    unit_documents(folder, unit, [person], with_report=False)
    report_pdf = os.path.join(folder, "推荐工作情况报告|终稿.pdf")                     # '|' cannot be stored on Windows
    write(report_pdf, pdf_scan(20))
    here = os.path.join(folder, "李四")
    form(os.path.join(here, "李四推荐表.docx"), *person)
    write(os.path.join(here, "李四01.jpg"), busy_background())                       # leading zero; square; busy
    write(os.path.join(here, "李四_2.jpg"), jpeg(2400, 1800, 22))                    # separator
    write(os.path.join(here, "李四３.JPG"), jpeg(2400, 1800, 23))                    # full-width digit, upper case
    write(os.path.join(here, "李四5.jpg"), jpeg(2400, 1800, 25))                     # 4 is missing
    write(os.path.join(here, "李四5.JPG"), small_jpeg(1600, 1200, 26))              # same name but for case
    write(os.path.join(here, "王五3.jpg"), small_jpeg(1600, 1200, 27))              # someone else's name
    write(os.path.join(here, "IMG_0001.jpg"), small_jpeg(1600, 1200, 28))           # camera name


def layout_problems():
    unit = "中国核工业集团有限公司"
    folder = os.path.join(ROOT, "layout-problems", unit)
    write(os.path.join(folder, ".DS_Store"), b"\x00\x00\x00\x01Bud1" + bytes(2042))
    write(os.path.join(folder, "__MACOSX", "赵六", "._赵六推荐表.docx"), b"\x00\x05\x16\x07" + bytes(80))
    write(os.path.join(folder, "赵六", "赵六推荐表.docx"), b"")                         # empty: the save failed
    write(os.path.join(folder, "赵六", "说明.txt"), "照片稍后补交。\n".encode("utf-8"))
    write(os.path.join(folder, "赵六", "Thumbs.db"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    write(os.path.join(folder, "孙七", "孙七推荐表.pdf"), pdf_scan(30))                 # a scan, no .docx
    write(os.path.join(folder, "周八", "desktop.ini"), "[.ShellClassInfo]\r\n".encode("utf-8"))


def ffmpeg(*arguments):
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", *arguments], check=True)


def clip(path, size="1920x1080", seconds=2, rate=25, source="testsrc2", extra=()):
    """A small real H.264 clip (high CRF keeps the sample small)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ffmpeg("-f", "lavfi", "-i", f"{source}{'' if source.endswith(':') else '='}size={size}:rate={rate}", "-t", str(seconds), "-c:v", "libx264",
           "-preset", "ultrafast", "-crf", "45", "-pix_fmt", "yuv420p", *extra, path)


def form_problems():
    unit = "广东省科协"
    folder = os.path.join(ROOT, "form-problems", unit)
    chen = ("陈一", "男", "1970.01", "中山大学化学学院教授")
    lin = ("林二", "女", "1981.05", "华南理工大学研究员")
    huang = ("黄三", "男", "1990.10", "深圳大学副教授")
    summary_table(os.path.join(folder, "推荐人选汇总表.xlsx"), unit, [chen, lin, huang])          # 黄三 has no folder
    activity_table(os.path.join(folder, "学习宣传活动开展情况汇总表.xlsx"), unit)
    # The work report saved in the old Word format (LibreOffice writes the .doc).
    report(os.path.join(folder, "tmp", "推荐工作情况报告.docx"), unit)
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", folder,
                    os.path.join(folder, "tmp", "推荐工作情况报告.docx")], check=True, capture_output=True)
    shutil.rmtree(os.path.join(folder, "tmp"))
    # 陈一: 女 on the form, 男 in the table; birth 不详; no publicity; 机密★ in the header.
    form(os.path.join(folder, "陈一", "陈一推荐表.docx"), "陈一", "女", "不详", chen[3], publicity=False, header="机密★1年")
    # 林二: the form's copy was cut short.
    form(os.path.join(folder, "林二", "whole.docx"), *lin)
    data = open(os.path.join(folder, "林二", "whole.docx"), "rb").read()
    write(os.path.join(folder, "林二", "林二推荐表.docx"), data[: len(data) // 2])
    os.remove(os.path.join(folder, "林二", "whole.docx"))
    # 周四: not in the table; the form leaves 工作单位及职务 empty.
    form(os.path.join(folder, "周四", "周四推荐表.docx"), "周四", "男", "1977.08", "")


def judgement_problems():
    unit = "中国物理学会"
    folder = os.path.join(ROOT, "judgement-problems", unit)
    people = [
        (("甲一", "男", "1965.02", "某研究所研究员"), dict(identity="现役军人")),
        (("乙二", "男", "1963.06", "某部科技司司长"), dict(identity="公务员", rank="司局级")),
        (("丙三", "女", "1966.09", "某局科技处"), dict(identity="参照公务员法管理", rank="厅局级")),
        (("丁四", "男", "1968.11", "某委科技处处长"), dict(identity="公务员", rank="处级")),
        (("戊五", "女", "1962.04", "某大学教授"), dict(honors="2015年全国劳动模范")),
        # The name of a 2020 honouree, whose list gives no birth month: a warning to confirm it is not the same person.
        (("李东", "男", "1966.05", "某研究院研究员"), {}),
    ]
    unit_documents(folder, unit, [person for person, _ in people])
    for person, extra in people:
        form(os.path.join(folder, person[0], f"{person[0]}推荐表.docx"), *person, **extra)


def valid_videos():
    here = os.path.join(ROOT, "valid", "湖北省科协", "张三")
    clip(os.path.join(here, "张三1.mp4"), extra=("-movflags", "+faststart"))                  # 1920x1080 landscape
    # A phone's portrait clip: frames stored 1920x1080 with a rotation matrix, displayed 1080x1920. ffmpeg 5.1
    # writes the matrix from the legacy rotate tag on a stream copy, with the opposite sign (270 shows as 90°).
    landscape = os.path.join(here, "tmp-landscape.mov")
    clip(landscape, extra=("-f", "mov"))
    ffmpeg("-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=270", "-f", "mov", os.path.join(here, "张三2.mov"))
    os.remove(landscape)


def video_problems():
    unit = "中国工程物理研究院"
    folder = os.path.join(ROOT, "video-problems", unit)
    person = ("刘强", "男", "1985-09", "中国工程物理研究院研究员")
    unit_documents(folder, unit, [person])
    here = os.path.join(folder, "刘强")
    form(os.path.join(here, "刘强推荐表.docx"), *person)
    clip(os.path.join(here, "刘强1.mp4"), seconds=181, rate=1, source="color=c=gray:")          # too long
    clip(os.path.join(here, "刘强2.mp4"), seconds=180, rate=1, source="color=c=gray:")          # exactly 3 minutes
    clip(os.path.join(here, "刘强3.mp4"), size="1280x720", seconds=1)                           # 720p
    whole = os.path.join(here, "whole.mp4")
    clip(whole, extra=("-movflags", "+faststart"))
    data = open(whole, "rb").read()
    write(os.path.join(here, "刘强4.mp4"), data[: len(data) * 3 // 5])                          # copy cut short
    os.remove(whole)
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050", "-t", "2", "-c:a", "aac", "-b:a", "16k",
           "-f", "mp4", os.path.join(here, "刘强5.mp4"))                                          # sound only
    clip(os.path.join(here, "刘强6.mp4"), size="320x240", seconds=1, extra=("-f", "matroska"))   # an MKV renamed
    clip(os.path.join(here, "刘强7.mp4"), seconds=1, extra=("-f", "mov"))                        # a MOV named .mp4


# --- Photographs of people, from the images scikit-image ships (read from its wheel, never installed) ---------------
# astronaut.png: Eileen Collins, a frontal portrait (512×512, colour), in front of a flag and a shuttle model; OpenCV's
# frontal cascade boxes her face at (177, 66, 97, 97). camera.png: “the cameraman”, a man in profile (grey);
# OpenCV's profile cascade finds him and its frontal cascade does not.
SKIMAGE = "scikit-image==0.26.0"
ASTRONAUT_FACE = (177, 66, 97, 97)
CAMERA_FACE = (146, 81, 122, 122)
BLUE = (96, 150, 214)


def skimage_image(name):
    """An image of skimage/data/, read from the scikit-image wheel (downloaded once into .build/)."""
    import glob
    import zipfile
    cache = os.path.join(os.path.dirname(ROOT), ".build", "skimage-wheel")
    wheels = glob.glob(os.path.join(cache, "scikit_image-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:", "-d", cache,
                        SKIMAGE], check=True)
        wheels = glob.glob(os.path.join(cache, "scikit_image-*.whl"))
    with zipfile.ZipFile(wheels[0]) as wheel:
        return Image.open(io.BytesIO(wheel.read("skimage/data/" + name))).convert("RGB")


def head_mask(size, face, scale):
    """A soft mask of the head (an ellipse around the face box, hair included) and everything below the chin."""
    from PIL import ImageFilter
    x, y, w, h = [v * scale for v in face]
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    draw.ellipse([x + w / 2 - 0.78 * w, y - 0.45 * h, x + w / 2 + 0.78 * w, y + 1.2 * h], fill=255)
    draw.rectangle([0, y + 1.05 * h, size[0], size[1]], fill=255)
    return mask.filter(ImageFilter.GaussianBlur(radius=max(2, int(0.06 * w))))


def portrait(width, height, face_share=0.45, background=BLUE, plain=True, source="astronaut.png",
             face=ASTRONAUT_FACE):
    """A 小2寸-style portrait of `width` × `height`: the face `face_share` of the width, centred, eyes at about a
    third of the height; the original background replaced by a plain colour when `plain`."""
    image = skimage_image(source)
    x, y, w, h = face
    crop_width = w / face_share
    crop_height = crop_width * height / width
    left = x + w / 2 - crop_width / 2
    top = y + h / 2 - 0.36 * crop_height
    box = (int(left), int(top), int(left + crop_width), int(top + crop_height))
    scale = width / crop_width
    canvas = Image.new("RGB", image.size, background)
    if plain:
        canvas.paste(image, (0, 0), head_mask(image.size, face, 1))
    else:
        canvas = image
    # Outside the source (a crop reaching past its edges) is the plain colour too.
    framed = Image.new("RGB", (box[2] - box[0], box[3] - box[1]), background)
    framed.paste(canvas, (-box[0], -box[1]))
    return framed.resize((width, height), Image.LANCZOS), scale


def encode_to_size(image, seed, minimum=int(2.01 * MiB), maximum=int(2.1 * MiB), noise_mask=None, quality=92):
    """JPEG bytes of a Pillow image with sensor-like noise raised until the file is between the sizes. Noise is
    added only where `noise_mask` (a boolean array) is true, when given: clipped white stays clipped."""
    rng = np.random.default_rng(seed)
    base = np.asarray(image).astype(np.float32)
    sigma = 6.0
    for _ in range(60):
        noise = rng.normal(0, sigma, base.shape)
        if noise_mask is not None:
            noise = noise * noise_mask[..., None]
        buffer = io.BytesIO()
        Image.fromarray(np.clip(base + noise, 0, 255).astype(np.uint8), "RGB").save(buffer, "JPEG", quality=quality)
        data = buffer.getvalue()
        if minimum <= len(data) <= maximum:
            return data
        sigma = sigma * (1.15 if len(data) < minimum else 0.9)
    raise SystemExit(f"could not reach {minimum} bytes")


def id_photo_of_a_face():
    """The clean ID photo: the astronaut, plain blue background, 2400 × 3490 (33:48; enough pixels that 2 MiB needs
    little noise)."""
    image, _ = portrait(2400, 3490)
    return encode_to_size(image, 101)


def two_people():
    """A group of two: the astronaut and her mirror image side by side, 2400 × 3490."""
    half, _ = portrait(1200, 3490, face_share=0.5)
    canvas = Image.new("RGB", (2400, 3490), BLUE)
    canvas.paste(half, (0, 0))
    canvas.paste(half.transpose(Image.FLIP_LEFT_RIGHT), (1200, 0))
    return encode_to_size(canvas, 102)


def profile():
    """The cameraman in profile (a black-and-white original), cropped as an ID photo."""
    image, _ = portrait(2400, 3490, face_share=0.45, plain=False, source="camera.png", face=CAMERA_FACE)
    return encode_to_size(image, 103)


def tiny_face():
    """The ID photo shrunk to 40 % on the plain background: the face is a fifth of the width."""
    small, _ = portrait(960, 1396)
    canvas = Image.new("RGB", (2400, 3490), BLUE)
    canvas.paste(small, (720, 800))
    return encode_to_size(canvas, 104)


def busy_background():
    """The astronaut in her original surroundings (flag, shuttle model), a square crop as in naming-problems."""
    image = skimage_image("astronaut.png").crop((75, 0, 375, 300)).resize((1500, 1500), Image.LANCZOS)
    return encode_to_size(image, 105)


def backlit(width=2400, height=1800, person_width=1500, person_height=2000):
    """A life photo against a bright window: the person, darkened to a third, fills the middle; the window is near
    white."""
    person, _ = portrait(person_width, person_height, face_share=0.3, background=(0, 0, 0))
    # The person's own mask at the portrait's crop and scale.
    x, y, w, h = ASTRONAUT_FACE
    crop_width = w / 0.3
    crop_height = crop_width * person_height / person_width
    left, top = x + w / 2 - crop_width / 2, y + h / 2 - 0.36 * crop_height
    framed = Image.new("L", (int(crop_width), int(crop_height)), 0)
    framed.paste(head_mask((512, 512), ASTRONAUT_FACE, 1), (-int(left), -int(top)))
    person_mask = framed.resize((person_width, person_height), Image.LANCZOS)
    dark = Image.fromarray((np.asarray(person).astype(np.float32) * 0.3).astype(np.uint8), "RGB")
    window = Image.new("RGB", (width, height), (238, 240, 242))
    draw = ImageDraw.Draw(window)
    for mullion in (width // 3, 2 * width // 3):
        draw.rectangle([mullion - 12, 0, mullion + 12, height], fill=(150, 140, 130))
    window.paste(dark, ((width - person_width) // 2, height // 6), person_mask)
    return encode_to_size(window, 106)


def over_exposed(width=2400, height=1800):
    """A scene pushed past white: two thirds of it clipped, faces and all."""
    base, _ = scene(width, height, 14)
    bright = np.clip(base * 2.0 + 30, 0, 255)
    clipped = bright.min(axis=-1) >= 250
    # A sensor's clipped white still flickers by a few levels (and so the file reaches 2 MiB): 249–255, still clipped.
    flicker = np.random.default_rng(14).integers(0, 7, bright.shape)
    bright = np.where(clipped[..., None], 255 - flicker, bright)
    image = Image.fromarray(bright.astype(np.uint8), "RGB")
    return encode_to_size(image, 107, noise_mask=~clipped, quality=100)


def picture_problems():
    """What the notice asks of the pictures themselves: each ID photo shows one problem; 孙三's life photos are
    backlit and over-exposed."""
    unit = "浙江省科协"
    folder = os.path.join(ROOT, "picture-problems", unit)
    people = [("赵一", "男", "1972.04", "浙江大学教授"), ("钱二", "男", "1969.08", "之江实验室研究员"),
              ("孙三", "女", "1980.12", "西湖大学研究员")]
    unit_documents(folder, unit, people)
    for person in people:
        form(os.path.join(folder, person[0], f"{person[0]}推荐表.docx"), *person)
    write(os.path.join(folder, "赵一", "赵一1.jpg"), two_people())
    write(os.path.join(folder, "钱二", "钱二1.jpg"), profile())
    write(os.path.join(folder, "孙三", "孙三1.jpg"), tiny_face())
    write(os.path.join(folder, "孙三", "孙三2.jpg"), backlit())
    write(os.path.join(folder, "孙三", "孙三3.jpg"), over_exposed())


def main():
    if len(sys.argv) > 1:
        for name in sys.argv[1:]:
            globals()[name]()
        return
    for sample in ["valid", "picture-problems", "photo-problems", "naming-problems", "layout-problems", "video-problems", "form-problems",
                   "judgement-problems"]:
        folder = os.path.join(ROOT, sample)
        for name in os.listdir(folder) if os.path.isdir(folder) else []:
            if os.path.isdir(os.path.join(folder, name)):
                shutil.rmtree(os.path.join(folder, name))
    for make in [valid, valid_videos, picture_problems, photo_problems, naming_problems, layout_problems, video_problems, form_problems,
                 judgement_problems]:
        make()


if __name__ == "__main__":
    sys.exit(main())
