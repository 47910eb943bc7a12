#!/usr/bin/env bash
# Screenshots of every main view for docs/, taken under Xvfb: the first start's welcome page,
# then the demo experiment runs in the window and every dashboard tab, the set-up and the
# pipeline view are saved; then the multi-objective example, run headless, for its Pareto front
# tab (pareto.png); the same again in Chinese under OUT_DIR/zh_CN.
# Usage: scripts/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
build=${1:-build}
out=${2:-docs/screenshots}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
shots() { # LANGUAGE DIR ARGS...: one window, its own settings, so every run is a first start
  local lang=$1 dir=$2
  shift 2
  rm -rf "$tmp/data" "$tmp/config"
  mkdir -p "$dir"
  LANGUAGE=$lang LANG=$lang.UTF-8 XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/tunebench" --screenshots "$dir" "$@"
}
# The first start (no store yet): the welcome page.
shots en_US "$out" --screenshot-delay 2
# The demo, most of its trials done: dashboard tabs, set-up, pipeline.
shots en_US "$out" --demo --screenshot-delay 25 "$tmp/screens.db"
# Several objectives: the example runs to its end first, then the window shows it; only the
# Pareto front tab is kept (the other views are the demo's above).
"$build/app/tunebench-cli" run resources/examples/multi_objective.json --db "$tmp/objectives.db" --quiet
pareto() { # LANGUAGE DIR
  rm -rf "$tmp/pareto"
  shots "$1" "$tmp/pareto" --screenshot-delay 3 "$tmp/objectives.db"
  cp "$tmp/pareto/pareto.png" "$2/pareto.png"
}
pareto en_US "$out"
# The same in Chinese.
rm -f "$tmp/screens.db"
shots zh_CN "$out/zh_CN" --screenshot-delay 2
shots zh_CN "$out/zh_CN" --demo --screenshot-delay 25 "$tmp/screens.db"
pareto zh_CN "$out/zh_CN"
ls -1 "$out" "$out/zh_CN"
