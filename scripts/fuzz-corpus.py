#!/usr/bin/env python3
"""Seeds for the fuzz target (Fuzz/): each seed is the parser's number (one byte, as FuzzInspect.swift reads it)
followed by a real file from Tests/Fixtures. Usage: fuzz-corpus.py OUT_DIR"""
import os
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def seed(mode, name, data):
    with open(os.path.join(out, f"{mode}-{name}"), "wb") as f:
        f.write(bytes([mode]) + data)


for name in sorted(os.listdir(os.path.join(ROOT, "jpeg"))):
    if name.endswith(".jpg"):
        seed(0, name, open(os.path.join(ROOT, "jpeg", name), "rb").read())
for name in ["faststart.mp4", "hevc.mp4", "audio-only.m4a", "quicktime.mov", "fragmented.mp4", "avc-422.mp4",
             "avc-interlaced.mp4", "hevc-cropped.mp4"]:
    seed(1, name, open(os.path.join(ROOT, "video", name), "rb").read()[:65000])
for name in sorted(os.listdir(os.path.join(ROOT, "office"))):
    data = open(os.path.join(ROOT, "office", name), "rb").read()
    if name.endswith(".docx") and len(data) < 65000:
        seed(2, name, data)
        seed(3, name, data)
    if name.endswith(".xlsx"):
        seed(2, name, data)
        seed(4, name, data)
for name, part in [("form-python-docx.docx", "word/document.xml"), ("summary-openpyxl.xlsx", "xl/worksheets/sheet1.xml"),
                   ("summary-openpyxl.xlsx", "xl/sharedStrings.xml"), ("billion-laughs.docx", "word/document.xml")]:
    with zipfile.ZipFile(os.path.join(ROOT, "office", name)) as archive:
        if part in archive.namelist():
            seed(5, name + "-" + part.replace("/", "_"), archive.read(part)[:65000])
