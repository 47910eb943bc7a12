#!/usr/bin/env bash
# Makes the Debian packages from a configured and built tree (make deb):
#   tunebench, tunebench-train              the programs, stripped
#   tunebench-dbgsym, tunebench-train-dbgsym their debug symbols (.ddeb, by build id)
# CPack (3.25) writes the dbgsym packages' md5sums with absolute build paths and without a
# doc folder; they are repaired here before anything checks them.
# Usage: scripts/deb.sh [BUILD_DIR] [OUT_DIR]   (default: build, BUILD_DIR/packages)
set -eu -o pipefail
BUILD=$(cd "${1:-build}" && pwd)
OUT=${2:-$BUILD/packages}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --build "$BUILD" > /dev/null
(cd "$work" && cpack --config "$BUILD/CPackConfig.cmake" -B "$work/cpack" > cpack.log 2>&1) \
  || { tail -n 30 "$work/cpack.log"; echo "deb.sh: cpack failed" >&2; exit 1; }
rm -f "$OUT"/*.deb "$OUT"/*.ddeb
cp "$work"/cpack/*.deb "$OUT"/
for ddeb in "$work"/cpack/*.ddeb; do
  [[ -e $ddeb ]] || continue
  root=$work/root-$(basename "$ddeb")
  dpkg-deb -R "$ddeb" "$root"
  pkg=$(dpkg-deb -f "$ddeb" Package)
  # As debhelper does: the doc folder is a link to the main package's (which it depends on).
  mkdir -p "$root/usr/share/doc"
  ln -s "${pkg%-dbgsym}" "$root/usr/share/doc/$pkg"
  (cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
  sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)/" "$root/DEBIAN/control"
  dpkg-deb --root-owner-group -Zxz -b "$root" "$OUT/$(basename "$ddeb")" > /dev/null
done
ls -1 "$OUT"
