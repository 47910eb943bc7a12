#!/usr/bin/env bash
# Builds the Debian packages (tunebench, tunebench-train and their -dbgsym packages) from a
# configured and built tree, checks them with lintian (no errors allowed), unpacks them into
# a throwaway root and runs each program's --version from there.
# Usage: scripts/deb-check.sh [BUILD_DIR]   Exit 0 when all of that holds; 77 without lintian.
set -u -o pipefail
BUILD=$(cd "${1:-build}" && pwd)
command -v lintian > /dev/null || { echo "deb-check: lintian is not installed (scripts/setup.sh installs it): skipped"; exit 77; }
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$OUT"
"$SCRIPTS/deb.sh" "$BUILD" "$OUT/packages" > deb.log 2>&1 || { cat deb.log; echo "deb-check: making the packages failed"; exit 1; }
debs=$(ls packages/*.deb packages/*.ddeb 2>/dev/null)
echo "deb-check: built" $(for d in $debs; do basename "$d"; done)
status=0
for deb in $debs; do
  # --fail-on error: any error-level tag fails; warnings are printed for people to read.
  if ! lintian --fail-on error --tag-display-limit 0 "$deb" > lintian.log 2>&1; then
    cat lintian.log; echo "deb-check: lintian reports errors for $(basename "$deb")"; status=1
  else
    sed 's/^/  lintian: /' lintian.log
  fi
done
root=$OUT/root
for deb in packages/*.deb; do dpkg-deb -x "$deb" "$root"; done
for prog in tunebench tunebench-cli tunebench-train; do
  exe=$root/usr/bin/$prog
  # tunebench-train only where it was built (libtorch found): then its package has it in
  # /usr/bin, beside tunebench-cli, where the engine finds a spec's "tunebench-train".
  [[ -x $exe ]] || { [[ $prog == tunebench-train ]] && ! compgen -G "packages/tunebench-train_*.deb" > /dev/null && continue
                     echo "deb-check: $prog is not in /usr/bin of the packages"; status=1; continue; }
  if readelf -S "$exe" | grep -qE " \.symtab| \.debug_info"; then echo "deb-check: $prog is not stripped"; status=1; fi
  version=$(env -u DISPLAY -u WAYLAND_DISPLAY "$exe" --version 2>&1) || { echo "deb-check: $prog --version failed: $version"; status=1; continue; }
  echo "deb-check: $version (from the unpacked package)"
done
[[ -f $root/usr/share/applications/io.tunebench.Tunebench.desktop ]] || { echo "deb-check: no desktop file named after the AppStream id"; status=1; }
grep -q '^MimeType=application/x-tunebench-store;$' "$root/usr/share/applications/io.tunebench.Tunebench.desktop" 2>/dev/null \
  || { echo "deb-check: the desktop file claims other types than the store's"; status=1; }
[[ $status == 0 ]] && echo "deb-check: ok"
exit $status
