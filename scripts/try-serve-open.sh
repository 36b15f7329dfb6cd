#!/bin/sh
# `dossier serve --open` as on a desktop, as closely as a machine without one allows (not part of `make`): a virtual
# X screen (Xvfb), chromium made the default browser through a desktop entry and mimeapps.list in a private HOME, the
# server started with --open, and the X screen captured. Then the cases without a desktop and without xdg-open.
# Needs (as root, for the try only): apt-get install xvfb xdg-utils imagemagick chromium
# Usage: scripts/try-serve-open.sh [DOSSIER] [OUT]   (defaults: .build/debug/dossier, a new temporary folder)
# Writes OUT/screen.png (what the X screen showed) and prints what each case said. Stops only what it started.
set -u
dossier=$(realpath "${1:-.build/debug/dossier}")
out=${2:-$(mktemp -d)}
samples=$(realpath Samples)
mkdir -p "$out/home/.config" "$out/home/.local/share/applications" "$out/root" "$out/nobin"
cp -r "$samples/valid/湖北省科协" "$out/root/"

# chromium as the default browser for xdg-open. The try runs as root, where chromium needs --no-sandbox (a clerk's
# desktop session does not); its own profile keeps it apart from any other chromium.
cat > "$out/home/.local/share/applications/chromium-try.desktop" <<EOF
[Desktop Entry]
Type=Application
Name=Chromium (try)
Exec=/usr/bin/chromium --no-sandbox --no-first-run --user-data-dir=$out/profile %U
MimeType=text/html;x-scheme-handler/http;x-scheme-handler/https;
EOF
printf '[Default Applications]\nx-scheme-handler/http=chromium-try.desktop\nx-scheme-handler/https=chromium-try.desktop\ntext/html=chromium-try.desktop\n' \
  > "$out/home/.config/mimeapps.list"

Xvfb :99 -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
sleep 2
echo "default browser: $(HOME=$out/home DISPLAY=:99 xdg-settings get default-web-browser)"

# One case: the environment given, the server started with --open, what it printed after a while, then Ctrl-C.
serve() {
  env -i HOME="$out/home" LANG=C.UTF-8 "$@" "$dossier" serve --open --root "$out/root" ${LANG_ARG:-} \
    >"$out/serve.out" 2>"$out/serve.err" &
  pid=$!
  sleep 12
  echo "== $* ${LANG_ARG:-}"
  cat "$out/serve.out" "$out/serve.err"
  kill -0 $pid 2>/dev/null && echo "(still serving)"
}

serve DISPLAY=:99 PATH=/usr/bin:/bin
DISPLAY=:99 import -window root "$out/screen.png" && echo "captured: $out/screen.png"
# The browser is xdg-open's child, xdg-open the server's: found by their parent's id, stopped after the server.
opener=$(pgrep -P $pid)
browser=$(for o in $opener; do pgrep -P "$o"; done)
kill -INT $pid
sleep 1
echo "after Ctrl-C: browser ${browser:-(none)} $(kill -0 $browser 2>/dev/null && echo 'still open' || echo 'gone')"
for b in $browser; do kill "$b"; done
for LANG_ARG in "" "--lang en"; do
  serve PATH="$out/nobin" DISPLAY=:99
  kill -INT $pid
  serve PATH=/usr/bin:/bin
  kill -INT $pid
done
sleep 1
kill $xvfb
