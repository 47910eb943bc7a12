#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UBSan, runs each for
# FUZZ_SECONDS (default 600) on its committed corpus, and merges what it found back into
# fuzz/corpus/<target>/ (minimised). Any crash, hang (>10 s) or sanitizer report fails the
# script and leaves the input under build-fuzz/artifacts/.
#   scripts/fuzz.sh [target ...]      (make fuzz; FUZZ_SECONDS=60 for a quick round)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
build=${FUZZ_BUILD:-build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(spec_fuzzer metric_line_fuzzer event_fuzzer schedule_csv_fuzzer serve_request_fuzzer)

if ! command -v clang++ >/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends clang
fi
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" -DTUNEBENCH_FUZZ=ON -DTUNEBENCH_BUILD_TESTS=OFF -DTUNEBENCH_BUILD_BENCH=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_Torch=ON >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}"

mkdir -p "$build/artifacts" "$build/found"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_LOGGING_RULES="*.warning=false"
status=0
run_one() {
  local t=$1
  mkdir -p "$build/found/$t"
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$build/artifacts/$t-" -print_final_stats=1 \
       "$build/found/$t" "fuzz/corpus/$t" > "$build/$t.log" 2>&1; then
    echo "fuzz: $t FAILED, see $build/$t.log and $build/artifacts/"; return 1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/$t.log" | sed "s/^/fuzz: $t /"
  # Keep the committed corpus small: only inputs that add coverage.
  mkdir -p "$build/merged/$t"
  "$build/fuzz/$t" -merge=1 "$build/merged/$t" "fuzz/corpus/$t" "$build/found/$t" >/dev/null 2>&1
  rm -f fuzz/corpus/"$t"/*; cp "$build/merged/$t"/* "fuzz/corpus/$t/" 2>/dev/null || true
  rm -rf "$build/merged/$t"
}
pids=()
for t in "${targets[@]}"; do
  run_one "$t" & pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
