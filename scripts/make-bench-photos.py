#!/usr/bin/env python3
"""Makes a benchmark bundle in the folder given, one that passes every check: a real unit (湖北省科协, quota 10)
with 10 candidates x 6 photos of 12 megapixels (Pillow: an ID photo of a real face, from scikit-image's
astronaut.png as in the samples, and five life photos), their forms and the two
tables (python-docx, openpyxl, through make-samples.py), and with --videos, 20 clips at 1920x1080 of 20 to 100 s
(20 to 100 MB; ffmpeg: one 100 s encode, then lossless cuts).

Usage: python3 scripts/make-bench-photos.py OUT_FOLDER [--videos]
(needs pillow, numpy, python-docx, openpyxl; ffmpeg for --videos)
"""
import io
import os
import shutil
import subprocess
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨军", "赵磊", "黄敏", "周杰", "吴霞"]
BIRTHS = ["1975.03", "1982.07", "1990.01", "1968.11", "1985.05", "1979.09", "1993.02", "1971.06", "1988.12", "1977.04"]


def photo(width, height, seed):
    rng = np.random.default_rng(seed)
    small = Image.fromarray(rng.integers(0, 255, (height // 40, width // 40, 3), dtype=np.uint8), "RGB")
    image = small.resize((width, height), Image.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        size = int(rng.integers(40, 600))
        draw.ellipse([x, y, x + size, y + size], fill=tuple(int(c) for c in rng.integers(0, 255, 3)))
    pixels = np.asarray(image).astype(np.int16) + rng.integers(-12, 12, (height, width, 3), dtype=np.int16)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def _load_samples():
    """make-samples.py's producers (forms and tables), loaded by path: its file name has a dash."""
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-samples.py")
    spec = importlib.util.spec_from_file_location("make_samples", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    out = sys.argv[1]
    unit = os.path.join(out, "测试省科协")
    os.makedirs(unit, exist_ok=True)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    samples = _load_samples()
    faces = os.path.join(out, ".id-photos-are-faces")
    people = [(name, "男" if index % 2 == 0 else "女", BIRTHS[index], f"湖北某大学教授{index + 1}")
              for index, name in enumerate(NAMES)]
    samples.unit_documents(unit, "湖北省科协", people)
    for index, name in enumerate(NAMES):
        folder = os.path.join(unit, name)
        os.makedirs(folder, exist_ok=True)
        samples.form(os.path.join(folder, f"{name}推荐表.docx"), *people[index],
                     category=["科研人员", "企业", "基层"][index % 3])
        for number in range(1, 7):
            path = os.path.join(folder, f"{name}{number}.jpg")
            if os.path.exists(path) and (number > 1 or os.path.exists(faces)):
                continue
            if number == 1:
                # The ID photo shows a real face (scikit-image's astronaut, as in the samples), so that the face
                # checks have nothing to say of a clean bundle; its own noise makes each candidate's bytes differ.
                image, _ = samples.portrait(3000, 4000)
                with open(path, "wb") as out_file:
                    out_file.write(samples.encode_to_size(image, 1000 + index, minimum=3 << 20, maximum=4 << 20))
            else:
                photo(4000, 3000, seed=index * 10 + number).save(path, "JPEG", quality=90)
    # Made by an earlier version of this script, whose ID photos were noise, the bundle gets new ones once.
    open(faces, "w").close()
    if "--videos" in sys.argv:
        base = os.path.join(out, "base.mp4")
        if not os.path.exists(base):
            subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25",
                            "-f", "lavfi", "-i", "sine=frequency=440", "-t", "100", "-c:v", "libx264", "-preset",
                            "ultrafast", "-b:v", "8M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", base], check=True)
        for number in range(20):
            name = NAMES[number % len(NAMES)]
            path = os.path.join(unit, name, f"{name}{number // len(NAMES) + 1}.mp4")
            if not os.path.exists(path):
                seconds = 20 + 80 * number / 19
                subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", base, "-t", f"{seconds:.2f}", "-c", "copy",
                                "-metadata", f"comment=clip {number}", path], check=True)
    print(unit)


if __name__ == "__main__":
    main()
