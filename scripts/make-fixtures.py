#!/usr/bin/env python3
"""Makes Tests/Fixtures/jpeg/: small JPEGs from Pillow, good and hostile, and pillow.json recording what
Pillow itself reads from each good one (the reference `dossier inspect` must agree with).

Run from the repository root: python3 scripts/make-fixtures.py   (needs: pip install pillow numpy)
"""
import io
import json
import os
import struct

import numpy as np
from PIL import Image

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "jpeg")


def picture(width, height, seed):
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 255, height)[:, None]
    x = np.linspace(0, 255, width)[None, :]
    rgb = np.stack(np.broadcast_arrays(x, y, 255 - x), axis=-1) + rng.normal(0, 6, (height, width, 3))
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8), "RGB")


def save(name, image, **options):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data)
    return data


def exif(orientation):
    tags = Image.Exif()
    tags[0x0112] = orientation
    return tags.tobytes()


def main():
    os.makedirs(HERE, exist_ok=True)
    good = []
    for orientation in range(1, 9):
        save(f"orientation-{orientation}.jpg", picture(64, 48, orientation), quality=85, exif=exif(orientation))
        good.append(f"orientation-{orientation}.jpg")
    save("grey.jpg", picture(80, 60, 10).convert("L"), quality=85)
    save("cmyk.jpg", picture(80, 60, 11).convert("CMYK"), quality=85)
    save("progressive.jpg", picture(120, 90, 12), quality=85, progressive=True)
    save("subsampling-444.jpg", picture(72, 40, 13), quality=90, subsampling=0)
    save("monochrome-rgb.jpg", picture(80, 60, 14).convert("L").convert("RGB"), quality=90)
    good += ["grey.jpg", "cmyk.jpg", "progressive.jpg", "subsampling-444.jpg", "monochrome-rgb.jpg"]

    whole = save("whole.jpg", picture(160, 120, 20), quality=90)
    good.append("whole.jpg")
    with open(os.path.join(HERE, "truncated.jpg"), "wb") as handle:
        handle.write(whole[: len(whole) * 2 // 3])
    with open(os.path.join(HERE, "padded.jpg"), "wb") as handle:
        handle.write(whole + bytes(1000))
    damaged = bytearray(whole)
    middle = len(damaged) // 2
    damaged[middle : middle + 200] = bytes(200)
    with open(os.path.join(HERE, "zeroed-block.jpg"), "wb") as handle:
        handle.write(bytes(damaged))
    # The header claims 65,500 x 65,500 pixels: SOF0 carries height then width after the precision byte.
    huge = bytearray(whole)
    sof = huge.find(b"\xff\xc0")
    huge[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65500)
    with open(os.path.join(HERE, "huge-header.jpg"), "wb") as handle:
        handle.write(bytes(huge))
    # An EXIF segment whose IFD offset points far outside it.
    lying = bytearray(save("orientation-lying.jpg", picture(64, 48, 30), quality=85, exif=exif(6)))
    app1 = lying.find(b"Exif\x00\x00")
    tiff = app1 + 6
    lying[tiff + 4 : tiff + 8] = (0x7FFFFFF0).to_bytes(4, "little" if lying[tiff] == 0x49 else "big")
    with open(os.path.join(HERE, "orientation-lying.jpg"), "wb") as handle:
        handle.write(bytes(lying))
    buffer = io.BytesIO()
    picture(40, 30, 40).save(buffer, "PNG")
    with open(os.path.join(HERE, "png-named.jpg"), "wb") as handle:
        handle.write(buffer.getvalue())

    reference = {}
    for name in good:
        with Image.open(os.path.join(HERE, name)) as image:
            reference[name] = {
                "width": image.width,
                "height": image.height,
                "components": len(image.getbands()),
                "progressive": bool(image.info.get("progressive", False) or image.info.get("progression", False)),
                "orientation": int(image.getexif().get(0x0112, 1)),
            }
    with open(os.path.join(HERE, "pillow.json"), "w") as handle:
        json.dump(reference, handle, indent=2, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
