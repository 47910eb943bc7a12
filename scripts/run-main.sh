#!/usr/bin/env bash
# The main job on its embedded default: the demo experiment (resources/examples/demo.json)
# in the GUI when a display exists, headless through tunebench-cli otherwise; both write to
# the store in the user's data folder.
set -euo pipefail
build=${1:-build}
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$build/app/tunebench" ]; then
  exec "$build/app/tunebench" --demo
fi
exec "$build/app/tunebench-cli" demo
