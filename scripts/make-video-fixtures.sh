#!/usr/bin/env bash
# Makes Tests/Fixtures/video/: small real clips from ffmpeg in the layouts phones and editors write, and
# ffprobe.json with what ffprobe reads from each (the reference `dossier inspect` must agree with).
# Run from the repository root: bash scripts/make-video-fixtures.sh   (needs ffmpeg with libx264; libx265 optional)
set -euo pipefail
out=Tests/Fixtures/video
mkdir -p "$out"
src=(-f lavfi -i "testsrc2=size=1920x1080:rate=25" -f lavfi -i "sine=frequency=440:sample_rate=22050")
enc=(-c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p -c:a aac -b:a 16k -shortest)
ff() { ffmpeg -loglevel error -y "$@"; }
ff "${src[@]}" -t 2 "${enc[@]}" "$out/landscape.mp4"
ff -f lavfi -i "testsrc2=size=1080x1920:rate=30" -t 2 -c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p "$out/portrait.mp4"
# Phones store portrait clips as landscape frames with a rotation matrix. ffmpeg 5.1 writes the matrix from the
# legacy `rotate` tag when the stream is copied (an encode drops it), with the opposite sign: rotate=270 gives the
# matrix of a clip shown turned 90° clockwise (an iPhone portrait clip). Files are named by how they display.
ff -i "$out/landscape.mp4" -c copy -metadata:s:v:0 rotate=270 "$out/rotated-90.mp4"
ff -i "$out/landscape.mp4" -c copy -metadata:s:v:0 rotate=180 "$out/rotated-180.mov"
ff -i "$out/landscape.mp4" -c copy -metadata:s:v:0 rotate=90 "$out/rotated-270.mov"
ff "${src[@]}" -t 2 "${enc[@]}" -movflags +faststart "$out/faststart.mp4"
ff "${src[@]}" -t 3 "${enc[@]}" -movflags +frag_keyframe+empty_moov+default_base_moof -g 25 "$out/fragmented.mp4"
ff "${src[@]}" -t 2 "${enc[@]}" -f mov "$out/quicktime.mov"
ff -f lavfi -i "testsrc2=size=1280x720:rate=24" -t 1 -c:v libx264 -preset ultrafast -crf 45 -pix_fmt yuv420p "$out/hd720.mp4"
ff -f lavfi -i "sine=frequency=440:sample_rate=22050" -t 2 -c:a aac -b:a 16k "$out/audio-only.m4a"
ff -f lavfi -i "testsrc2=size=320x240:rate=10" -t 1 -c:v libx264 -preset ultrafast -crf 45 -f matroska "$out/matroska.mkv"
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
if grep -q libx265 <<<"$encoders"; then
  ff -f lavfi -i "testsrc2=size=1920x1080:rate=25" -t 1 -c:v libx265 -preset ultrafast -crf 45 -tag:v hvc1 -x265-params log-level=error "$out/hevc.mp4"
fi
# Pictures whose coded size is not the displayed size: the SPS crops the macroblock-aligned frame (H.264
# frame_cropping, HEVC conformance window) with the crop unit of each chroma format and of field coding. The
# reader must report the cropped size, as ffprobe does; two frames each keep them at a few KB.
small=(-f lavfi -i "testsrc2=size=312x200:rate=25" -frames:v 2 -c:v libx264 -preset ultrafast -crf 51)
ff "${small[@]}" -pix_fmt yuv422p "$out/avc-422.mp4"
ff "${small[@]}" -pix_fmt yuv444p "$out/avc-444.mp4"
ff "${small[@]}" -pix_fmt yuv420p -flags +ildct+ilme -x264-params interlaced=1 "$out/avc-interlaced.mp4"
ff "${small[@]}" -pix_fmt yuv420p -profile:v baseline "$out/avc-baseline.mp4"
if grep -q libx265 <<<"$encoders"; then
  hevc=(-f lavfi -i "testsrc2=size=310x198:rate=25" -frames:v 2 -c:v libx265 -preset ultrafast -crf 51 -tag:v hvc1
        -x265-params log-level=error)
  ff "${hevc[@]}" -pix_fmt yuv420p "$out/hevc-cropped.mp4"
  ff "${hevc[@]}" -pix_fmt yuv444p "$out/hevc-444.mp4"
fi
python3 - "$out" <<'PY'
import json, os, subprocess, sys
out = sys.argv[1]
reference = {}
for name in sorted(os.listdir(out)):
    if not name.endswith((".mp4", ".mov", ".m4a")):
        continue
    probe = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json",
                                       os.path.join(out, name)], capture_output=True, text=True, check=True).stdout)
    video = next((s for s in probe["streams"] if s["codec_type"] == "video"), None)
    entry = {"duration": float(probe["format"]["duration"]), "hasVideo": video is not None}
    if video:
        rotation = 0
        for side in video.get("side_data_list", []):
            if "rotation" in side:
                rotation = int(side["rotation"])
        # ffprobe gives the display matrix's counter-clockwise angle; dossier reports the clockwise rotation.
        rotation = (-rotation) % 360
        entry.update(width=video["width"], height=video["height"], codec=video["codec_tag_string"],
                     rotation=rotation)
    reference[name] = entry
json.dump(reference, open(os.path.join(out, "ffprobe.json"), "w"), indent=2, sort_keys=True)
PY
ls -la "$out"
