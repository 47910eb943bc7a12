#!/usr/bin/env bash
# Screenshots of every main view for docs/, taken under Xvfb: the demo experiment runs in
# the window, then the dashboard, the importance panel and the set-up page are saved.
# Usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
build=${1:-build}
out=${2:-docs/screenshots}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build/app/tunebench" --demo --screenshots "$out" --screenshot-delay 10 "$tmp/screens.db"
ls -1 "$out"
