#!/bin/bash
# Checks a built dossier_VERSION_ARCH.deb the way issue #18 asks, in a clean Debian 12 root made with debootstrap
# (no Swift, nothing of this repository but the .deb and a copy of Samples/):
#   1. lintian reports no error (its warnings and overrides are printed); desktop-file-validate accepts the entry;
#   2. `apt-get install ./dossier_*.deb` pulls only the declared dependencies (and what they in turn depend on or
#      recommend); the binary finds every library it links;
#   3. every sample with an expected.json gives its exit code and findings (rule and path); the valid sample passes
#      `--strict` (so the Haar cascades of opencv-data were found); seal, then verify with the printed fingerprint;
#   4. `man dossier-check` (English and Chinese) and bash tab completion work; the desktop entry and its icon are
#      installed; `dossier serve` starts, prints its address, and answers on loopback (403 without the key);
#   5. `apt-get remove --purge dossier` (then `apt-get autoremove --purge`) leaves no file behind.
#
# Usage (as root; needs debootstrap, lintian, desktop-file-utils, python3, curl and network access to the mirror):
#   scripts/check-deb.sh [DEB]          default: the newest dossier_*.deb in the checkout
# Environment: DOSSIER_CHECK_CACHE  where the debootstrap'd base root and downloaded .debs are kept between runs
#                                   (default /var/tmp/dossier-debcheck; delete it to start from a new debootstrap)
#              DEBIAN_MIRROR        default http://deb.debian.org/debian (its -security sibling is used too)
# It takes a few minutes (the first run: debootstrap, several more) and is not part of `make test`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DEB=${1:-$(ls -t "$ROOT"/dossier_*.deb 2>/dev/null | head -1)}
CACHE=${DOSSIER_CHECK_CACHE:-/var/tmp/dossier-debcheck}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
AS_OF=2021-06-18

say() { printf '\n== %s\n' "$*"; }
fail() {
    printf 'check-deb: FAILED: %s\n' "$*" >&2
    exit 1
}

[ -n "$DEB" ] && [ -f "$DEB" ] || fail "no .deb given and none in $ROOT (run make package)"
DEB=$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")
[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, chroot)"
for tool in debootstrap lintian desktop-file-validate python3 curl dpkg-deb strings; do
    command -v "$tool" >/dev/null || fail "needs $tool (apt-get install debootstrap lintian desktop-file-utils python3 curl binutils)"
done

WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/dossier-debcheck.XXXXXX")
TARGET="$WORK/root"
SERVER_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    for mount in "$TARGET/var/cache/apt/archives" "$TARGET/dev/pts" "$TARGET/dev" "$TARGET/sys" "$TARGET/proc"; do
        mountpoint -q "$mount" 2>/dev/null && umount -l "$mount"
    done
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
in_root() { chroot "$TARGET" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb "$@"; }

say "lintian $(basename "$DEB")"
lintian --info --display-info --show-overrides --tag-display-limit 0 "$DEB" | tee "$WORK/lintian.txt" || true
if grep -q '^E: ' "$WORK/lintian.txt"; then fail "lintian reports errors"; fi
dpkg-deb --fsys-tarfile "$DEB" | tar -x -C "$WORK" ./usr/share/applications/dossier.desktop
desktop-file-validate "$WORK/usr/share/applications/dossier.desktop" || fail "desktop-file-validate refuses the entry"
echo "desktop-file-validate: the entry is valid"

say "a clean Debian 12 root ($SUITE, debootstrap --variant=minbase, from $MIRROR)"
mkdir -p "$CACHE/archives"
if [ ! -f "$CACHE/$SUITE-minbase.tar" ]; then
    debootstrap --variant=minbase "$SUITE" "$WORK/base" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 ||
        { tail -20 "$WORK/debootstrap.log"; fail "debootstrap"; }
    tar -C "$WORK/base" -cf "$CACHE/$SUITE-minbase.tar.partial" . && mv "$CACHE/$SUITE-minbase.tar.partial" "$CACHE/$SUITE-minbase.tar"
    rm -rf "$WORK/base"
fi
mkdir "$TARGET"
tar -C "$TARGET" -xf "$CACHE/$SUITE-minbase.tar"
cat >"$TARGET/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb ${MIRROR%/debian}/debian-security $SUITE-security main
EOF
cp /etc/resolv.conf "$TARGET/etc/resolv.conf"
mount -t proc proc "$TARGET/proc"
mount -t sysfs sysfs "$TARGET/sys"
mount --bind /dev "$TARGET/dev"
mount --bind /dev/pts "$TARGET/dev/pts"
mount --bind "$CACHE/archives" "$TARGET/var/cache/apt/archives"
in_root apt-get -q update >/dev/null
grep -q swift <(in_root dpkg-query -W -f '${Package}\n') && fail "the base root has a Swift package"
[ -e "$TARGET/usr/bin/swift" ] && fail "the base root has swift"

# What a clerk's desktop has anyway, before dossier: the man page reader and bash's completion package.
say "tools of the desktop, installed before dossier: man-db bash-completion"
in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y install man-db bash-completion >/dev/null

# The file list of the root: what the purge is compared against. Package databases, caches, logs, and the
# user's own folders (the samples, dossier's cache under ~/.cache) are not the package's files.
file_list() {
    (cd "$TARGET" && find . -xdev \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./run -o -path ./tmp \
        -o -path ./root -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./var/cache -o -path ./var/log \
        -o -path ./var/lib/dbus -o -path ./etc/ld.so.cache \) -prune -o -print | sort)
}
file_list >"$WORK/files-before.txt"
in_root dpkg-query -W -f '${Package}\n' | sort >"$WORK/packages-before.txt"

say "apt-get install ./$(basename "$DEB")"
cp "$DEB" "$TARGET/tmp/"
in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y install "/tmp/$(basename "$DEB")" >"$WORK/install.txt" 2>&1 ||
    { tail -20 "$WORK/install.txt"; fail "apt-get install"; }
grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$WORK/install.txt"
in_root dpkg-query -W -f '${Status} ${Version}\n' dossier | grep -q '^install ok installed' || fail "dossier is not installed"
in_root dpkg-query -W -f '${Package}\n' | sort >"$WORK/packages-after.txt"
comm -13 "$WORK/packages-before.txt" "$WORK/packages-after.txt" >"$WORK/new-packages.txt"
DEPENDS=$(in_root dpkg-query -W -f '${Depends}' dossier)
RECOMMENDS=$(in_root dpkg-query -W -f '${Recommends}' dossier)
echo "Depends: $DEPENDS"
echo "Recommends: ${RECOMMENDS:-(none)}"
# Declared: dossier's Depends and Recommends, and everything those depend on or recommend in turn.
in_root apt-cache depends --recurse --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
    --no-pre-depends dossier | sed -n 's/^\([a-z0-9][^ ]*\)$/\1/p; s/^ *|\{0,1\}\(Pre\)\{0,1\}Depends: <\{0,1\}\([^ >]*\)>\{0,1\}$/\2/p; s/^ *|\{0,1\}Recommends: <\{0,1\}\([^ >]*\)>\{0,1\}$/\1/p' |
    sed 's/:amd64$//' | sort -u >"$WORK/declared-closure.txt"
undeclared=$(comm -23 <(sed 's/:amd64$//' "$WORK/new-packages.txt" | grep -vx dossier) "$WORK/declared-closure.txt")
echo "$(grep -cvx dossier "$WORK/new-packages.txt") packages installed with dossier: $(grep -vx dossier "$WORK/new-packages.txt" | tr '\n' ' ')"
[ -z "$undeclared" ] || fail "installed but not declared (nor needed by what is declared): $undeclared"
echo "every one of them is declared, or a dependency of a declared one"
if in_root ldd /usr/bin/dossier | grep 'not found'; then fail "the binary misses a library"; fi
# FFmpeg's libraries are loaded with dlopen() at the first video: ldd does not list them; the loader must find them.
in_root ldconfig -p >"$WORK/ldconfig.txt"
for soname in $(strings -a "$TARGET/usr/bin/dossier" | grep -E '^lib(avutil|swscale|avcodec|avformat)\.so\.[0-9]+$' | sort -u); do
    grep -qE "^[[:space:]]+${soname//./\\.} " "$WORK/ldconfig.txt" || fail "the binary loads $soname, which the root does not have"
    echo "loaded at the first video: $soname (found)"
done
in_root dossier --version

say "the samples, copied into the root, checked by the installed dossier"
cp -R "$ROOT/Samples" "$TARGET/root/Samples"
for expected in "$ROOT"/Samples/*/expected.json; do
    sample=$(basename "$(dirname "$expected")")
    as_of=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("asOf", "2021-06-01"))' "$expected")
    status=0
    in_root dossier check "/root/Samples/$sample" --format json --as-of "$as_of" --no-progress >"$WORK/$sample.json" ||
        status=$?
    python3 - "$expected" "$WORK/$sample.json" "$status" "$sample" <<'PY' || fail "dossier check of $sample"
import collections, json, sys
expected, report, status, sample = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3]), sys.argv[4]
want = collections.Counter((f["rule"], f.get("path", "")) for f in expected["findings"])
got = collections.Counter((f["rule"], f.get("path", "")) for b in report["bundles"] for f in b["findings"])
if status != expected["exitCode"] or want != got:
    print(f"{sample}: exit {status}, expected {expected['exitCode']}; missing {dict(want - got)}; extra {dict(got - want)}")
    sys.exit(1)
print(f"dossier check {sample}: exit {status}, {sum(got.values())} findings, as expected")
PY
done
# The videos' frames were decoded by FFmpeg's libraries in the root: the valid sample's video has no VIDEO-CORRUPT
# (which, without the libraries, says its frames could not be looked at), and the flat grey videos are VIDEO-BLANK,
# which only decoded frames show.
python3 - "$WORK/valid.json" "$WORK/video-problems.json" <<'PY' || fail "the videos' frames were not decoded"
import json, sys
valid, videos = (json.load(open(path)) for path in sys.argv[1:3])
corrupt = [f for b in valid["bundles"] for f in b["findings"] if f["rule"] == "VIDEO-CORRUPT"]
if corrupt:
    sys.exit(f"valid: {corrupt}")
blank = sorted(f["path"] for b in videos["bundles"] for f in b["findings"] if f["rule"] == "VIDEO-BLANK")
if not blank:
    sys.exit("video-problems: no VIDEO-BLANK, so no frame was decoded")
print(f"video frames decoded: no VIDEO-CORRUPT in valid; VIDEO-BLANK (seen in decoded frames) on {', '.join(blank)}")
PY
in_root dossier check /root/Samples/valid/湖北省科协 --strict --as-of "$AS_OF" --no-progress ||
    fail "the valid sample does not pass --strict (are opencv-data's cascades found?)"
in_root dossier seal /root/Samples/valid/湖北省科协 -o /root/湖北省科协.zip --as-of "$AS_OF" --quiet | tee "$WORK/seal.txt"
FINGERPRINT=$(grep -oE '[0-9A-F]{4}(-[0-9A-F]{4}){4}' "$WORK/seal.txt" | tail -1)
[ -n "$FINGERPRINT" ] || fail "dossier seal printed no fingerprint"
in_root dossier verify /root/湖北省科协.zip --fingerprint "$FINGERPRINT" --as-of "$AS_OF" --quiet ||
    fail "dossier verify with the printed fingerprint"
if in_root dossier verify /root/湖北省科协.zip --fingerprint 0000-0000-0000-0000-0000 --as-of "$AS_OF" --quiet >/dev/null; then
    fail "dossier verify accepts a wrong fingerprint"
fi
echo "sealed, and verified with $FINGERPRINT (a wrong fingerprint is refused)"

say "man dossier-check, bash completion, the desktop entry"
in_root env MANWIDTH=100 man -P cat dossier-check >"$WORK/man-en.txt" 2>&1 || fail "man dossier-check"
grep -q -- '--as-of' "$WORK/man-en.txt" && grep -q 'dossier check' "$WORK/man-en.txt" ||
    { head -20 "$WORK/man-en.txt"; fail "man dossier-check does not show the command"; }
head -12 "$WORK/man-en.txt"
in_root env MANWIDTH=100 man -L zh_CN -P cat dossier-check >"$WORK/man-zh.txt" 2>&1 || fail "man -L zh_CN dossier-check"
grep -q '截止' "$WORK/man-zh.txt" || grep -q '检查' "$WORK/man-zh.txt" || fail "the Chinese man page is not Chinese"
echo "man -L zh_CN dossier-check: $(grep -c . "$WORK/man-zh.txt") lines, in Chinese"
# Interactive bash, as a terminal starts it (Debian's ~/.bashrc from /etc/skel sources bash_completion; root's in a
# debootstrap root does not, so it is sourced here): bash-completion loads dossier's script on first use.
completion=$(in_root bash -ic '
    . /usr/share/bash-completion/bash_completion
    _completion_loader dossier 2>/dev/null
    spec=$(complete -p dossier) || exit 1
    function=$(printf "%s" "$spec" | sed -n "s/.* -F \([^ ]*\) .*/\1/p")
    COMP_WORDS=(dossier ch); COMP_CWORD=1; COMP_LINE="dossier ch"; COMP_POINT=${#COMP_LINE}
    "$function" dossier ch dossier
    printf "%s\n" "$spec" "${COMPREPLY[@]}"' 2>/dev/null) || fail "bash has no completion for dossier"
echo "$completion"
grep -qx 'check' <<<"$completion" || fail "bash does not complete 'dossier ch' to check"
for file in /usr/share/applications/dossier.desktop /usr/share/icons/hicolor/scalable/apps/dossier.svg; do
    [ -f "$TARGET$file" ] || fail "$file is not installed"
done
grep -x 'Exec=dossier serve --open' "$TARGET/usr/share/applications/dossier.desktop"

say "dossier serve answers on loopback"
# The root shares this machine's network: the address it prints is reached from outside the root.
chroot "$TARGET" /usr/bin/env -i HOME=/root PATH=/usr/bin:/bin LANG=C.UTF-8 \
    dossier serve --root /root/Samples >"$WORK/serve.txt" 2>&1 &
SERVER_PID=$!
url=""
for _ in $(seq 1 50); do
    url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+/\?key=[^ ]+' "$WORK/serve.txt" || true)
    [ -n "$url" ] && break
    sleep 0.2
done
[ -n "$url" ] || { cat "$WORK/serve.txt"; fail "dossier serve printed no address"; }
echo "dossier serve printed ${url%%\?*}?key=…"
# The key moves into a cookie at the first request (303 to the page), as in a browser.
page=$(curl -s -L -o "$WORK/page.html" -w '%{http_code}' -b "$WORK/cookies" -c "$WORK/cookies" "$url")
[ "$page" = 200 ] || fail "the printed address answers $page"
grep -q 'dossier' "$WORK/page.html" || fail "the start page does not name dossier"
refused=$(curl -s -o /dev/null -w '%{http_code}' "${url%%\?*}")
[ "$refused" = 403 ] || fail "without the key the server answers $refused, not 403"
echo "the page answers 200 with the key ($(wc -c <"$WORK/page.html") bytes), 403 without"
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

say "apt-get remove --purge dossier"
in_root dpkg-query -L dossier >"$WORK/dossier-files.txt"
in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y remove --purge dossier >/dev/null
in_root dpkg-query -W -f '${Status}\n' dossier 2>/dev/null | grep -q 'installed' && fail "dossier is still installed"
left=""
while IFS= read -r path; do
    [ -e "$TARGET$path" ] || continue
    # A folder that was there before dossier (/usr/share/man/man1), or that a package installed with it also owns
    # (/usr/share/icons/hicolor), stays, as it should; the comparison after autoremove below settles those.
    if [ -d "$TARGET$path" ] && { [ "$path" = /. ] || grep -qxF ".$path" "$WORK/files-before.txt" ||
        in_root dpkg-query -S "$path" >/dev/null 2>&1; }; then continue; fi
    left="$left $path"
done <"$WORK/dossier-files.txt"
[ -z "$left" ] || fail "left behind by the purge:$left"
in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y autoremove --purge >/dev/null
file_list >"$WORK/files-after.txt"
# What other packages' purges leave (ca-certificates leaves /etc/ca-certificates) is theirs; a path of dossier's
# own list, or one naming dossier, is a failure.
extra=$(comm -13 "$WORK/files-before.txt" "$WORK/files-after.txt")
ours=$(printf '%s\n' "$extra" | sed 's/^\.//' | grep -xF -f "$WORK/dossier-files.txt" || true)
ours="$ours$(printf '%s\n' "$extra" | grep -i dossier || true)"
[ -z "$ours" ] || fail "dossier's files left after autoremove: $ours"
if [ -n "$extra" ]; then
    # Packages that came with dossier and that autoremove keeps (APT keeps what an installed package recommends), and
    # the files of them; what no package owns is what the purges of dossier's dependencies left.
    in_root dpkg-query -W -f '${Package}\n' | sort >"$WORK/packages-autoremoved.txt"
    kept=$(comm -13 "$WORK/packages-before.txt" "$WORK/packages-autoremoved.txt" | tr '\n' ' ')
    : >"$WORK/kept-files.txt"
    for package in $kept; do in_root dpkg-query -L "$package" >>"$WORK/kept-files.txt"; done
    unowned=$(printf '%s\n' "$extra" | sed 's/^\.//' | grep -vxF -f <(sort -u "$WORK/kept-files.txt") || true)
    # update-ca-certificates' links in /etc/ssl/certs are counted, not listed.
    certificates=$(grep -c '^/etc/ssl/certs/' <<<"$unowned" || true)
    echo "not dossier's, left after autoremove: $(grep -c . <<<"$extra") paths; the packages autoremove keeps" \
        "(the root's apt recommends ca-certificates): ${kept:-none}; paths no package owns (made by those packages'" \
        "scripts, or left by the purges of dossier's dependencies): $(grep -v '^/etc/ssl/certs/' <<<"$unowned" |
            tr '\n' ' ')and $certificates links in /etc/ssl/certs"
fi
echo "none of dossier's $(wc -l <"$WORK/dossier-files.txt") paths is left, before or after autoremove"

say "check-deb: all passed for $(basename "$DEB")"
