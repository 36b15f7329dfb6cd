#!/usr/bin/env bash
# Makes Tests/Fixtures/video/frames/: short 1080p clips from ffmpeg (libx264) whose pictures the frame checks judge
# (VIDEO-BACKLIT, VIDEO-EXPOSURE, VIDEO-BLANK) and a normal one that none of them must flag. Each is 3 s at 10
# frames a second, drawn small with ffmpeg's filters and scaled up: a few KB to a few tens of KB.
# Then clips for the decoder itself: keyframes where the sampled times find none, and the codecs and containers
# other producers write (HEVC, MPEG-4 part 2, Motion JPEG in MOV, a phone's rotated HEVC MOV), a few tens of KB each;
# and damaged frames (a keyframe partly overwritten; HEVC cut between keyframes).
# Run from the repository root: bash scripts/make-frame-fixtures.sh   (needs ffmpeg with libx264 and libx265)
set -euo pipefail
out=Tests/Fixtures/video/frames
mkdir -p "$out"
ff() { ffmpeg -loglevel error -y "$@"; }
enc=(-t 3 -c:v libx264 -preset veryfast -crf 30 -pix_fmt yuv420p -g 10 -movflags +faststart)
small="size=480x270:rate=10"
up="scale=1920:1080:flags=bicubic"
# A dark figure (an ellipse of level 45, swaying) against a near-white window (level 240): shot against the light.
ff -f lavfi -i "nullsrc=$small" -vf "geq=lum='if(lt(hypot((X-W/2-30*sin(2*T))*1.3,Y-H/2-20),H/2.6),45,240)':cb=128:cr=128,$up" \
  "${enc[@]}" "$out/backlit.mp4"
# The same figure lit from the front against a mid-grey wall: nothing to say.
ff -f lavfi -i "nullsrc=$small" -vf "geq=lum='if(lt(hypot((X-W/2-30*sin(2*T))*1.3,Y-H/2-20),H/2.6),150,110)':cb=120:cr=136,$up" \
  "${enc[@]}" "$out/normal.mp4"
# Blown out: white all over but for a small moving test card; crushed: the same on black.
ff -f lavfi -i "color=white:$small" -f lavfi -i "testsrc2=size=96x54:rate=10" \
  -filter_complex "[0][1]overlay=x='mod(t*120,380)':y=20:shortest=1,$up" "${enc[@]}" "$out/overexposed.mp4"
ff -f lavfi -i "color=black:$small" -f lavfi -i "testsrc2=size=96x54:rate=10" \
  -filter_complex "[0][1]overlay=x='mod(t*120,380)':y=20:shortest=1,$up" "${enc[@]}" "$out/underexposed.mp4"
# Black from start to end (a lens cap); one still picture held for 3 s (frozen).
ff -f lavfi -i "color=black:$small" -vf "$up" "${enc[@]}" "$out/black.mp4"
ff -f lavfi -i "testsrc2=$small" -vf "trim=end_frame=1,tpad=stop_mode=clone:stop_duration=4,$up" "${enc[@]}" \
  "$out/frozen.mp4"
# One keyframe, the first frame, in 8 s at 25 frames a second: every sampled time but the first lies past the last
# keyframe, further from it than the packets read for one frame (60).
ff -f lavfi -i "nullsrc=size=320x180:rate=25" \
  -vf "geq=lum='if(lt(hypot((X-W/2-40*sin(2*T))*1.3,Y-H/2-10),H/2.6),150,110)+20*sin(X/9+T)':cb=120:cr=136" -t 8 \
  -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p -x264-params keyint=infinite:scenecut=0 -movflags +faststart \
  "$out/one-keyframe.mp4"
# No keyframe at all: the same clip cut at 3 s without re-encoding, the frames before the cut dropped even though
# those after refer to them (`-copyinkf`, as a careless cut does): nothing in it decodes cleanly.
ff -i "$out/one-keyframe.mp4" -ss 3 -c copy -copyinkf "$out/no-keyframe.mp4"
# Keyframes that do not decode alone: x264's periodic intra refresh (low-latency encoders) marks where each refresh
# starts as a keyframe; the pictures show once the refresh is done, a second later.
ff -f lavfi -i "nullsrc=size=320x180:rate=25" \
  -vf "geq=lum='if(lt(hypot((X-W/2-40*sin(2*T))*1.3,Y-H/2-10),H/2.6),150,110)+20*sin(X/9+T)':cb=120:cr=136" -t 4 \
  -c:v libx264 -preset veryfast -crf 32 -pix_fmt yuv420p -x264-params intra-refresh=1:keyint=25 -movflags +faststart \
  "$out/intra-refresh.mp4"
# Other producers' codecs, 2 s each: HEVC (libx265, as phones write it), MPEG-4 part 2 (older cameras and
# converters), Motion JPEG in a QuickTime MOV (compact cameras).
src=(-f lavfi -i "testsrc2=size=320x180:rate=25" -t 2)
ff "${src[@]}" -c:v libx265 -preset ultrafast -crf 34 -pix_fmt yuv420p -tag:v hvc1 \
  -x265-params log-level=error:keyint=25 "$out/hevc.mp4"
ff "${src[@]}" -c:v mpeg4 -q:v 12 -g 25 -pix_fmt yuv420p "$out/mpeg4.mp4"
ff -f lavfi -i "testsrc2=size=320x180:rate=10" -t 2 -c:v mjpeg -q:v 14 -pix_fmt yuvj420p -f mov "$out/mjpeg.mov"
# A phone's portrait clip: HEVC in MOV, stored 1920×1080 with a display matrix turning it 90° clockwise, so shown
# 1080×1920 (ffmpeg 5.1 writes the matrix from the `rotate` tag on a stream copy; see make-video-fixtures.sh).
ff -f lavfi -i "testsrc2=size=320x180:rate=30" -t 1 -vf "scale=1920:1080:flags=bicubic" -c:v libx265 \
  -preset ultrafast -crf 40 -pix_fmt yuv420p -tag:v hvc1 -x265-params log-level=error:keyint=15 -f mov \
  "$out/phone-stored.mov"
ff -i "$out/phone-stored.mov" -c copy -metadata:s:v:0 rotate=270 -f mov "$out/phone.mov"
rm "$out/phone-stored.mov"
# Damage the decoder flags: normal.mp4 with the middle third of its keyframe at 1 s (the frame sampled at 50 %)
# overwritten. H.264 conceals the broken slices and flags the frame (decode_error_flags); the packet's place comes
# from ffprobe.
python3 - "$out/normal.mp4" "$out/damaged-keyframe.mp4" <<'PY'
import subprocess, sys
source, target = sys.argv[1], sys.argv[2]
packets = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                          "packet=pts_time,flags,pos,size", "-of", "csv=p=0", source],
                         capture_output=True, text=True, check=True).stdout.split()
key = next(p.split(",") for p in packets if p.split(",")[0] == "1.000000" and "K" in p.split(",")[3])
position, size = int(key[2]), int(key[1])
data = bytearray(open(source, "rb").read())
for index in range(position + size // 3, position + 2 * size // 3):
    data[index] = (index * 97) & 0xFF
open(target, "wb").write(data)
PY
# HEVC cut between two keyframes: 4 s with a keyframe every 3 s, cut at 0.5 s without re-encoding, the frames
# before the cut dropped though those after refer to them (`-copyinkf`): its first keyframe comes at 2.5 s of 3.5.
# Until then its pictures refer to ones the file does not hold, which FFmpeg's HEVC decoder fills in grey and
# gives unflagged: the frames sampled at 10 and 50 % were grey, measured as the clip's picture, and passed.
ff -f lavfi -i "testsrc2=size=320x180:rate=25" -t 4 -c:v libx265 -preset ultrafast -crf 34 -pix_fmt yuv420p \
  -tag:v hvc1 -x265-params log-level=error:keyint=75:min-keyint=75:scenecut=0 "$out/hevc-whole.mp4"
ff -i "$out/hevc-whole.mp4" -ss 0.5 -c copy -copyinkf "$out/hevc-cut.mp4"
rm "$out/hevc-whole.mp4"
# A fragmented MP4 of 1,000 one-frame fragments (32×18, 100 frames a second, 10 s): 7,000 boxes in 138 KB, each
# header read before FFmpeg opens the file (the fuzz target once timed out on such a file).
ff -f lavfi -i "testsrc2=size=32x18:rate=100" -t 10 -c:v libx264 -preset ultrafast -crf 51 -pix_fmt yuv420p \
  -movflags frag_every_frame+empty_moov+default_base_moof "$out/many-fragments.mp4"
ls -la "$out"
