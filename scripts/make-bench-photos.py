#!/usr/bin/env python3
"""Makes a benchmark bundle: 12 candidates x 5 photos of 12 megapixels (Pillow), in the folder given.

Usage: python3 scripts/make-bench-photos.py OUT_FOLDER   (needs pillow, numpy)
"""
import io
import os
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨军", "赵磊", "黄敏", "周杰", "吴霞", "徐涛", "孙丽"]


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


def main():
    out = sys.argv[1]
    unit = os.path.join(out, "测试省科协")
    os.makedirs(unit, exist_ok=True)
    for index, name in enumerate(NAMES):
        folder = os.path.join(unit, name)
        os.makedirs(folder, exist_ok=True)
        for number in range(1, 6):
            path = os.path.join(folder, f"{name}{number}.jpg")
            if os.path.exists(path):
                continue
            size = (3000, 4000) if number == 1 else (4000, 3000)
            photo(*size, seed=index * 10 + number).save(path, "JPEG", quality=90)
    print(unit)


if __name__ == "__main__":
    main()
