#!/usr/bin/env bash
# The main job on its embedded default: the bundled demo experiment, run through
# tunebench-cli into the user's data folder, printing progress and the best config.
set -euo pipefail
build=${1:-build}
exec "$build/app/tunebench-cli" demo
