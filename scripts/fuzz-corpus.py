#!/usr/bin/env python3
"""Seeds for the fuzz target (Fuzz/): each seed is the parser's number (one byte, as FuzzInspect.swift reads it:
0 JPEG, 1 MP4, 2 zip, 3 docx, 4 xlsx, 5 XML) followed by a whole real file from Tests/Fixtures (the fuzzer's
-max_len is 1 MiB, above every fixture), plus boundary-value seeds: those files patched byte-wise so that a size,
count or offset is 0, 2^32 - 1, 2^63 or near 2^64, and Office files re-zipped stored so that the mutator can change
their XML as text. Usage: fuzz-corpus.py OUT_DIR (seeds go to OUT_DIR/0 … OUT_DIR/5, by parser)"""
import io
import os
import struct
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
JPEG, MP4, ZIP, DOCX, XLSX, XML = range(6)


def seed(mode, name, data):
    """Writes OUT_DIR/<parser>/<parser>-<name>: one folder per parser, for runs of one parser (FUZZ_ONLY)."""
    os.makedirs(os.path.join(out, str(mode)), exist_ok=True)
    with open(os.path.join(out, str(mode), f"{mode}-{name}"), "wb") as f:
        f.write(bytes([mode]) + data)


def fixture(kind, name):
    with open(os.path.join(ROOT, kind, name), "rb") as f:
        return f.read()


def patched(data, offset, fmt, value):
    """`data` with `value` packed by `fmt` (struct) at `offset`."""
    data = bytearray(data)
    struct.pack_into(fmt, data, offset, value)
    return bytes(data)


def box(data, path):
    """(offset, size) of the first box along `path` (fourccs, containers walked), or None."""
    start, end = 0, len(data)
    for depth, fourcc in enumerate(path):
        position = start
        while position + 8 <= end:
            size, kind = struct.unpack(">I4s", data[position:position + 8])
            if kind == fourcc.encode():
                break
            position += size if size >= 8 else end
        else:
            return None
        if depth == len(path) - 1:
            return position, size
        start, end = position + 8, position + size
    return None


def stored(data):
    """The zip re-written with every entry stored (no compression)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
    return buffer.getvalue()


def with_zip64_end(data, directory_offset=None, entries=None):
    """The zip with a ZIP64 end record and locator before its end record, which then defers to them (0xFFFF...)."""
    end = data.rfind(b"PK\x05\x06")
    count, size, offset = struct.unpack("<HII", data[end + 10:end + 20])
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count if entries is None else entries,
                         count if entries is None else entries, size, offset if directory_offset is None else directory_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, end, 1)
    record_end = bytearray(data[end:])
    struct.pack_into("<HHII", record_end, 8, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return data[:end] + record + locator + bytes(record_end)


# Real files, whole.
for name in sorted(os.listdir(os.path.join(ROOT, "jpeg"))):
    if name.endswith(".jpg"):
        seed(JPEG, name, fixture("jpeg", name))
for name in ["faststart.mp4", "hevc.mp4", "audio-only.m4a", "quicktime.mov", "fragmented.mp4", "avc-422.mp4",
             "avc-interlaced.mp4", "hevc-cropped.mp4", "avc-baseline.mp4"]:
    seed(MP4, name, fixture("video", name))
# The frame checks' clips (scripts/make-frame-fixtures.sh) for the FFmpeg path: one keyframe, none, intra refresh,
# HEVC, MPEG-4 part 2, Motion JPEG in MOV, a phone's rotated HEVC MOV.
for name in ["one-keyframe.mp4", "no-keyframe.mp4", "intra-refresh.mp4", "hevc.mp4", "mpeg4.mp4", "mjpeg.mov",
             "phone.mov"]:
    seed(MP4, "frames-" + name, fixture(os.path.join("video", "frames"), name))
for name in sorted(os.listdir(os.path.join(ROOT, "office"))):
    data = fixture("office", name)
    if name.endswith(".docx"):
        seed(ZIP, name, data)
        seed(DOCX, name, data)
    if name.endswith(".xlsx"):
        seed(ZIP, name, data)
        seed(XLSX, name, data)
for name, part in [("form-python-docx.docx", "word/document.xml"), ("summary-openpyxl.xlsx", "xl/worksheets/sheet1.xml"),
                   ("summary-openpyxl.xlsx", "xl/sharedStrings.xml"), ("billion-laughs.docx", "word/document.xml")]:
    with zipfile.ZipFile(os.path.join(ROOT, "office", name)) as archive:
        if part in archive.namelist():
            seed(XML, name + "-" + part.replace("/", "_"), archive.read(part))

# MP4 boundary seeds. avc-baseline.mp4 (ffmpeg) has `free` (8 bytes) before `mdat`: room for a 64-bit header.
mp4 = fixture("video", "avc-baseline.mp4")
mdat_at, mdat_size = box(mp4, ["mdat"])
assert mp4[mdat_at - 8:mdat_at] == b"\x00\x00\x00\x08free"
for label, large in [("max", 2**64 - 1), ("2p63", 2**63), ("filesize-plus-1", len(mp4) - mdat_at + 8 + 1), ("0", 0),
                     ("7", 7)]:
    header = struct.pack(">I4sQ", 1, b"mdat", large)
    seed(MP4, f"boundary-mdat-largesize-{label}.mp4", mp4[:mdat_at - 8] + header + mp4[mdat_at + 8:])
seed(MP4, "boundary-mdat-size-0.mp4", patched(mp4, mdat_at, ">I", 0))
stbl = ["moov", "trak", "mdia", "minf", "stbl"]
for fourcc, offset, label, value in [("stsz", 16, "count-ffffffff", 2**32 - 1), ("stsz", 12, "size-ffffffff", 2**32 - 1),
                                     ("stco", 12, "count-ffffffff", 2**32 - 1), ("stco", 16, "offset-ffffffff", 2**32 - 1),
                                     ("stts", 12, "count-80000000", 2**31), ("stts", 20, "delta-ffffffff", 2**32 - 1),
                                     ("stsc", 12, "count-ffffffff", 2**32 - 1)]:
    at, _ = box(mp4, stbl + [fourcc])
    seed(MP4, f"boundary-{fourcc}-{label}.mp4", patched(mp4, at + offset, ">I", value))
at, _ = box(mp4, ["moov", "mvhd"])
seed(MP4, "boundary-mvhd-timescale-0.mp4", patched(mp4, at + 20, ">I", 0))
at, _ = box(mp4, ["moov", "trak", "mdia", "mdhd"])
seed(MP4, "boundary-mdhd-duration-ffffffff.mp4", patched(mp4, at + 24, ">I", 2**32 - 1))
fragmented = fixture("video", "fragmented.mp4")
at, _ = box(fragmented, ["moof", "traf", "trun"])
seed(MP4, "boundary-trun-count-ffffffff.mp4", patched(fragmented, at + 12, ">I", 2**32 - 1))
seed(MP4, "boundary-trun-data-offset-80000000.mp4", patched(fragmented, at + 16, ">I", 2**31))

# Zip boundary seeds, from the smallest real Office file.
xlsx = fixture("office", "summary-openpyxl.xlsx")
end = xlsx.rfind(b"PK\x05\x06")
central = xlsx.find(b"PK\x01\x02")
seed(ZIP, "boundary-zip64-directory-offset-max-minus-16.zip", with_zip64_end(xlsx, directory_offset=2**64 - 16))
seed(ZIP, "boundary-zip64-directory-offset-2p63.zip", with_zip64_end(xlsx, directory_offset=2**63))
seed(ZIP, "boundary-zip64-entries-max.zip", with_zip64_end(xlsx, entries=2**64 - 1))
seed(ZIP, "boundary-zip64-valid.zip", with_zip64_end(xlsx))
seed(ZIP, "boundary-eocd-offset-ffffffff.zip", patched(xlsx, end + 16, "<I", 2**32 - 1))
seed(ZIP, "boundary-eocd-entries-ffff.zip", patched(xlsx, end + 10, "<H", 0xFFFF))
seed(ZIP, "boundary-central-csize-ffffffff.zip", patched(xlsx, central + 20, "<I", 2**32 - 1))
seed(ZIP, "boundary-central-offset-ffffffff.zip", patched(xlsx, central + 42, "<I", 2**32 - 1))
seed(ZIP, "boundary-local-name-length-ffff.zip", patched(xlsx, 26, "<H", 0xFFFF))
# A ZIP64 extra field in the first central entry (sizes and offset deferred to it), its offset 2^64 - 16.
name_length, extra_length = struct.unpack("<HH", xlsx[central + 28:central + 32])
extra = struct.pack("<HHQQQ", 1, 24, 2**64 - 1, 2**63, 2**64 - 16)
entry = bytearray(xlsx[central:central + 46 + name_length])
struct.pack_into("<II", entry, 20, 0xFFFFFFFF, 0xFFFFFFFF)
struct.pack_into("<H", entry, 30, extra_length + len(extra))
struct.pack_into("<I", entry, 42, 0xFFFFFFFF)
rest = xlsx[central + 46 + name_length:]
directory_size, = struct.unpack("<I", xlsx[end + 12:end + 16])
zip64_extra = xlsx[:central] + bytes(entry) + extra + rest
new_end = zip64_extra.rfind(b"PK\x05\x06")
seed(ZIP, "boundary-zip64-extra-offset-max-minus-16.zip",
     patched(zip64_extra, new_end + 12, "<I", directory_size + len(extra)))

# Office files stored (for the mutator's XML text mutations) and with extreme cell values.
seed(DOCX, "stored-form-python-docx.docx", stored(fixture("office", "form-python-docx.docx")))
stored_xlsx = stored(xlsx)
seed(XLSX, "stored-summary-openpyxl.xlsx", stored_xlsx)
seed(ZIP, "stored-summary-openpyxl.xlsx", stored_xlsx)
# LibreOffice's table refers to shared strings (t="s"): its first cell gets a reference and an index past 64 bits.
buffer = io.BytesIO()
with zipfile.ZipFile(os.path.join(ROOT, "office", "summary-libreoffice.xlsx")) as source, \
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
    for info in source.infolist():
        part = source.read(info.filename)
        if info.filename == "xl/worksheets/sheet1.xml":
            cell = b'<c r="A1" s="1" t="s"><v>0</v>'
            assert cell in part
            part = part.replace(cell, b'<c r="A99999999999999999999" s="1" t="s"><v>18446744073709551615</v>', 1)
        target.writestr(info.filename, part)
seed(XLSX, "boundary-cell-reference-and-string-index.xlsx", buffer.getvalue())
seed(XLSX, "stored-summary-libreoffice.xlsx", stored(fixture("office", "summary-libreoffice.xlsx")))
seed(XML, "boundary-doctype-and-numbers.xml",
     b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><sheetData><row r="4294967296">'
     b'<c r="A99999999999999999999" s="18446744073709551616" t="s"><v>4294967295</v></c></row></sheetData>')
