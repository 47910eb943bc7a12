#!/usr/bin/env bash
# Checks the bundle (scripts/bundle.sh) with the system's Qt out of the way: in a private
# mount namespace Qt's plugins folder is emptied and every Qt and QCustomPlot library of the
# system reads as an empty file. Then every library of every program and plugin must
# resolve inside the bundle (but glibc's and the GPU driver's), the demo experiment must run
# and the window must draw offscreen (--render); the archive must be at most 45 MB.
# Usage: scripts/bundle-check.sh [BUILD_DIR]   Exit 77 (skipped) without root or patchelf.
set -u -o pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-build}" && pwd)
[[ $(id -u) == 0 ]] && command -v unshare > /dev/null && command -v patchelf > /dev/null \
  || { echo "bundle-check: needs root, unshare and patchelf: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
archive=$("$REPO/scripts/bundle.sh" "$BUILD" "$tmp" | awk '{print $1}') || { echo "bundle-check: bundle.sh failed"; exit 1; }
size=$(stat -c %s "$archive")
echo "bundle-check: $(basename "$archive"), $((size / 1024 / 1024)) MB"
(( size <= 45 * 1024 * 1024 )) || { echo "bundle-check: larger than 45 MB"; exit 1; }
mkdir -p "$tmp/elsewhere/deep" && tar -C "$tmp/elsewhere/deep" -xzf "$archive"
bundle=$(ls -d "$tmp"/elsewhere/deep/tunebench-*)
export BUNDLE=$bundle TMPDIR_CHECK=$tmp
unshare -m bash -s <<'INNER'
set -u
qtlib=/usr/lib/x86_64-linux-gnu
mount -t tmpfs none "$qtlib/qt6"
for f in "$qtlib"/libQt6*.so.* "$qtlib"/libqcustomplot*.so*; do
  [[ -f $f && ! -L $f ]] && mount --bind /dev/null "$f"
done
status=0
while read -r elf; do
  out=$(ldd "$elf" 2>&1)
  if grep -q "not found" <<< "$out"; then echo "bundle-check: $elf: $(grep 'not found' <<< "$out" | head -3)"; status=1; fi
  while read -r lib; do
    case $lib in
      "$BUNDLE"/*) ;;
      */ld-linux*|*/libc.so*|*/libm.so*|*/libdl.so*|*/libpthread.so*|*/librt.so*|*/libresolv.so*|*/libGL*|*/libEGL*|*/libOpenGL*|*/libGLX*|*/libGLdispatch*|*/libdrm*|*/libgbm*|*/libvulkan*) ;;
      *) echo "bundle-check: $elf loads $lib from outside the bundle"; status=1 ;;
    esac
  done < <(awk '/=> \// {print $3}' <<< "$out")
done < <(find "$BUNDLE/bin" "$BUNDLE/lib" "$BUNDLE/plugins" -type f \( -name '*.so*' -o -perm -u+x \) ! -name qt.conf)
"$BUNDLE/bin/tunebench-cli" --version || status=1
if ! timeout 300 "$BUNDLE/bin/tunebench-cli" demo --db "$TMPDIR_CHECK/demo.db" > "$TMPDIR_CHECK/demo.log" 2>&1; then
  tail -5 "$TMPDIR_CHECK/demo.log"; echo "bundle-check: the demo experiment failed"; status=1
else
  grep -m1 '^experiment ' "$TMPDIR_CHECK/demo.log" | sed 's/^/bundle-check: demo: /'
fi
if ! QT_QPA_PLATFORM=offscreen timeout 120 "$BUNDLE/bin/tunebench" --render curves --db "$TMPDIR_CHECK/demo.db" --output "$TMPDIR_CHECK/curves.png" \
     > "$TMPDIR_CHECK/render.log" 2>&1 || [[ ! -s $TMPDIR_CHECK/curves.png ]]; then
  cat "$TMPDIR_CHECK/render.log"; echo "bundle-check: the window did not draw offscreen"; status=1
fi
QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 timeout 60 "$BUNDLE/bin/tunebench" --render history --db "$TMPDIR_CHECK/demo.db" --output "$TMPDIR_CHECK/h.png" 2>&1 \
  | grep -q "$BUNDLE/plugins/platforms/libqoffscreen.so" || { echo "bundle-check: the offscreen platform did not come from the bundle"; status=1; }
[[ $status == 0 ]] && echo "bundle-check: ok"
exit $status
INNER
