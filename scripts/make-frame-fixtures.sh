#!/usr/bin/env bash
# Makes Tests/Fixtures/video/frames/: short 1080p clips from ffmpeg (libx264) whose pictures the frame checks judge
# (VIDEO-BACKLIT, VIDEO-EXPOSURE, VIDEO-BLANK) and a normal one that none of them must flag. Each is 3 s at 10
# frames a second, drawn small with ffmpeg's filters and scaled up: a few KB to a few tens of KB.
# Run from the repository root: bash scripts/make-frame-fixtures.sh   (needs ffmpeg with libx264)
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
ls -la "$out"
