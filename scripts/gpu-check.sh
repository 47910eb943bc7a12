#!/usr/bin/env bash
# GPU check of tunebench-train (issue 3, items 8 and 10), for a machine with a GPU and
# PyTorch (libtorch inside the Python package), without Qt, SQLite or internet:
#   1. configure -DTUNEBENCH_TRAINER_ONLY=ON against PyTorch's libtorch, build
#      tunebench-train and tst_train;
#   2. the trainer on CUDA through its command line (bench/trainer_gpu.py cudatests:
#      every schedule / checkpoint / offload mode follows the 1-stage losses, CPU and CUDA
#      agree, bf16 learns) and tst_train (ctest; it runs on the CPU: it has no device
#      switch), the latter in the background while the GPU works;
#   0b. in the background from the start: scripts/gpu-telemetry-check.sh (issue 6: the NVML
#      source for real, an experiment with two trials per GPU, samples and allocation);
#   3. benchmarks: bf16 matmul peak, gpt `gpu` bf16 tokens/s + MFU side by side with
#      torch_ref_gpt.py, gpt `small` against the same (target 2x), two pipeline stages on the
#      one GPU (measured bubble against the simulator's, 1f1b and interleaved, m = 8), peak
#      memory with/without checkpointing and offload, and the textbook case (~24 GB of
#      training state with the allocator capped at 10 GB).
# Everything lands under $OUT (JSON, summary.md, logs/). Every step runs under `timeout`
# and the whole script keeps to DEADLINE_S seconds (default 480) plus a 15 s summary.
#
# Usage: OUT=/some/dir scripts/gpu-check.sh [--dry-run]
#   --dry-run (or CPU_ONLY=1): on a machine without a GPU (e.g. Debian's python3-torch):
#   configure, build and the tests on the CPU, and every benchmark step as a short CPU
#   smoke run (gpt tiny, fp32), to catch mistakes in this script. No time box by default.
# Environment: OUT, PREBUILT (a folder with tunebench-train, tst_train and torch-version.txt
#   made by scripts/cuda-link-check.sh, used when this machine's torch is that version and the
#   programs start; otherwise the trainer is built here), BUILD_DIR (default build-gpu-check), PYTHON (the first of python3,
#   /usr/bin/python3 that imports torch), JOBS,
#   DEADLINE_S, TORCH_PREFIX (default: torch.utils.cmake_prefix_path).
set -u -o pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DRY=${CPU_ONLY:-0}
for arg in "$@"; do
  case "$arg" in
    --dry-run) DRY=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "gpu-check.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$REPO/build-gpu-check-out}
mkdir -p "$OUT/logs"
OUT=$(cd "$OUT" && pwd)
BUILD=${BUILD_DIR:-$REPO/build-gpu-check}
# The Python with torch: $PYTHON, else python3, else Debian's /usr/bin/python3 (python3-torch).
if [[ -z ${PYTHON:-} ]]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import torch' 2>/dev/null; then PYTHON=$p; break; fi
  done
fi
[[ -z ${PYTHON:-} ]] && { echo "gpu-check.sh: no python3 with torch (set PYTHON)" >&2; exit 1; }
JOBS=${JOBS:-$(nproc)}
if [[ $DRY == 1 ]]; then DEADLINE_S=${DEADLINE_S:-0}; else DEADLINE_S=${DEADLINE_S:-480}; fi
START=$(date +%s)
STEPS="$OUT/steps.tsv"
printf 'step\trc\tseconds\tlimit\n' > "$STEPS"
SMOKE=(); [[ $DRY == 1 ]] && SMOKE=(--smoke)

log() { echo "[$(date +%H:%M:%S) +$(( $(date +%s) - START ))s] $*" | tee -a "$OUT/gpu-check.log"; }

# left: seconds until the deadline (a large number without one)
left() {
  if [[ $DEADLINE_S -le 0 ]]; then echo 100000; else echo $(( START + DEADLINE_S - $(date +%s) )); fi
}

# step NAME LIMIT CMD...: runs CMD under timeout min(LIMIT, time left), output to
# logs/NAME.log; records rc and seconds in steps.tsv. Returns CMD's status (124: timed out,
# 125: skipped for lack of time).
step() {
  local name=$1 limit=$2; shift 2
  local l; l=$(left)
  [[ $DEADLINE_S -le 0 ]] && limit=$(( limit * 20 ))  # dry runs on a slow CPU: no real box
  (( l - 3 < limit )) && limit=$(( l - 3 ))
  if (( limit < 5 )); then
    log "SKIP $name: no time left"
    printf '%s\t125\t0\t0\n' "$name" >> "$STEPS"
    return 125
  fi
  log "RUN  $name (limit ${limit}s)"
  local t0 rc; t0=$(date +%s)
  TB_STEP_BUDGET=$(( limit - 5 )) timeout -k 10 "$limit" "$@" > "$OUT/logs/$name.log" 2>&1
  rc=$?
  printf '%s\t%s\t%s\t%s\n' "$name" "$rc" "$(( $(date +%s) - t0 ))" "$limit" >> "$STEPS"
  if [[ $rc == 0 ]]; then log "OK   $name ($(( $(date +%s) - t0 ))s)"
  else log "FAIL $name: exit $rc ($(( $(date +%s) - t0 ))s), tail of logs/$name.log:"; tail -n 15 "$OUT/logs/$name.log" | tee -a "$OUT/gpu-check.log"; fi
  return $rc
}

finish() {
  [[ -n ${TEL_PID:-} ]] && wait "$TEL_PID" 2>/dev/null  # the telemetry check ends within its own limit
  timeout -k 5 15 "$PYTHON" "$REPO/bench/trainer_gpu.py" summary --out "$OUT" ${SMOKE[@]+"${SMOKE[@]}"} \
    > "$OUT/logs/summary.log" 2>&1 || log "summary failed: see logs/summary.log"
  log "done in $(( $(date +%s) - START ))s; results in $OUT (gpu_check.json, summary.md, steps.tsv, logs/)"
  exit "${1:-0}"
}

# ---- 0. the machine -------------------------------------------------------------------------
log "repo $REPO, build $BUILD, out $OUT, dry-run $DRY, jobs $JOBS, deadline ${DEADLINE_S}s"
{
  uname -a; nproc; uptime
  command -v nvidia-smi >/dev/null && nvidia-smi
  g++ --version | head -1; cmake --version | head -1; ninja --version
  command -v nvcc >/dev/null && nvcc --version | tail -2
  "$PYTHON" -c 'import torch,sys;print("python",sys.version.split()[0],"torch",torch.__version__,"cuda",torch.version.cuda,"available",torch.cuda.is_available())'
} > "$OUT/logs/machine.log" 2>&1
if [[ $DRY != 1 ]] && ! "$PYTHON" -c 'import torch,sys;sys.exit(0 if torch.cuda.is_available() else 1)' 2>/dev/null; then
  log "no CUDA device visible to $PYTHON's torch: run with --dry-run on a CPU machine"; exit 1
fi

TORCH_PREFIX=${TORCH_PREFIX:-$("$PYTHON" -c 'import torch;print(torch.utils.cmake_prefix_path)')} || { log "cannot ask $PYTHON for torch's CMake path"; exit 1; }
log "python $PYTHON, torch CMake prefix $TORCH_PREFIX"
CMAKE_ARGS=(-S "$REPO" -B "$BUILD" -DTUNEBENCH_TRAINER_ONLY=ON -DCMAKE_BUILD_TYPE=Release
            "-DCMAKE_PREFIX_PATH=$TORCH_PREFIX"
            -DCMAKE_POLICY_VERSION_MINIMUM=3.5) # CMake 4 refuses cmake_minimum_required < 3.5 in old config files
command -v ninja >/dev/null && [[ ! -f $BUILD/CMakeCache.txt || -f $BUILD/build.ninja ]] && CMAKE_ARGS+=(-G Ninja)
if [[ $DRY != 1 ]]; then
  # PyTorch's Caffe2 config finds the CUDA toolkit; help it to nvcc and skip arch detection.
  for c in "${CUDA_HOME:-}" /usr/local/cuda; do
    if [[ -n $c && -x $c/bin/nvcc ]]; then export PATH="$c/bin:$PATH" CUDA_HOME=$c; CMAKE_ARGS+=("-DCUDAToolkit_ROOT=$c"); break; fi
  done
  export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-$("$PYTHON" -c 'import torch;print("%d.%d" % torch.cuda.get_device_capability(0))')}
  # NCCL (replica all-reduce): a system or CUDA-tree install, else the nvidia-nccl Python
  # package's headers and library (include/, lib/libnccl.so.2) through NCCL_ROOT.
  NCCL_DIR=$("$PYTHON" -c 'import nvidia.nccl;print(list(nvidia.nccl.__path__)[0])' 2>/dev/null)
  [[ -n $NCCL_DIR && -z ${NCCL_ROOT:-} ]] && CMAKE_ARGS+=("-DNCCL_ROOT=$NCCL_DIR")
  log "NCCL (python package): ${NCCL_DIR:-not found}"
fi

# ---- 0b. NVML telemetry and GPU allocation (issue 6), in the background while the trainer builds:
# its own g++ build of the NVML source and allocator, then two trials per GPU (about a minute).
TEL_PID=""
if [[ ${SKIP_TELEMETRY:-0} != 1 ]]; then
  log "RUN  telemetry (scripts/gpu-telemetry-check.sh, background, logs/telemetry.log, telemetry/)"
  ( t0=$(date +%s)
    if [[ $DRY == 1 ]]; then export FAKE_GPUS=2; fi
    OUT="$OUT/telemetry" PYTHON="$PYTHON" TIMEOUT_S=150 timeout -k 10 170 "$REPO/scripts/gpu-telemetry-check.sh" \
      > "$OUT/logs/telemetry.log" 2>&1; rc=$?
    printf 'telemetry\t%s\t%s\t170\n' "$rc" "$(( $(date +%s) - t0 ))" >> "$STEPS" ) &
  TEL_PID=$!
fi

# ---- 1. configure and build, or the programs scripts/cuda-link-check.sh built elsewhere -----------
TST=""
if [[ -n ${PREBUILT:-} ]]; then
  # Built against the same PyTorch on another machine: this machine's torch/lib and NCCL
  # stand in for the build machine's (the binaries' run paths point there).
  TORCH_LIB=$("$PYTHON" -c 'import os,torch;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')
  NCCL_LIB=$("$PYTHON" -c 'import os,nvidia.nccl;print(os.path.join(list(nvidia.nccl.__path__)[0],"lib"))' 2>/dev/null)
  export LD_LIBRARY_PATH="$TORCH_LIB${NCCL_LIB:+:$NCCL_LIB}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  want=$(cat "$PREBUILT/torch-version.txt" 2>/dev/null)
  here=$("$PYTHON" -c 'import torch;print(torch.__version__)')
  if [[ $want != "$here" ]]; then
    log "PREBUILT=$PREBUILT was linked against torch ${want:-?}, this machine has $here: building here"
  elif ! "$PREBUILT/tunebench-train" --help > "$OUT/logs/prebuilt.log" 2>&1 || ldd "$PREBUILT/tunebench-train" | grep "not found" >> "$OUT/logs/prebuilt.log"; then
    log "PREBUILT=$PREBUILT does not start here (logs/prebuilt.log): building here"
  else
    TRAIN=$PREBUILT/tunebench-train TST=$PREBUILT/tst_train
    log "carried binaries from $PREBUILT (torch $here; LD_LIBRARY_PATH $LD_LIBRARY_PATH)"
    printf 'prebuilt\t0\t0\t0\n' >> "$STEPS"
  fi
fi
if [[ -z $TST ]]; then
step configure 90 cmake "${CMAKE_ARGS[@]}" || finish 1
if grep -q "libtorch not found" "$OUT/logs/configure.log"; then
  # find_package(Torch QUIET) hides why: ask again, loudly, in a throw-away project.
  probe="$OUT/logs/torch-probe"; mkdir -p "$probe"
  printf 'cmake_minimum_required(VERSION 3.25)\nproject(p CXX)\nfind_package(Torch REQUIRED)\n' > "$probe/CMakeLists.txt"
  step torch-probe 60 cmake -S "$probe" -B "$probe/build" "-DCMAKE_PREFIX_PATH=$TORCH_PREFIX" -DCMAKE_POLICY_VERSION_MINIMUM=3.5
  log "libtorch was not found by CMake: see logs/torch-probe.log"; finish 1
fi
step build 300 cmake --build "$BUILD" --target tunebench-train tst_train -j "$JOBS" || finish 1
TRAIN=$(find "$BUILD" -name tunebench-train -type f -perm -u+x | head -1)
log "binary: $TRAIN"
if [[ $DRY != 1 ]] && ! grep -q TUNEBENCH_WITH_CUDA "$BUILD/compile_commands.json" 2>/dev/null; then
  log "WARNING: tb_train was compiled without TUNEBENCH_WITH_CUDA (libtorch's CMake config gave no CUDA libraries): bf16 will be refused"
fi
grep -q "tunebench-train: NCCL" "$OUT/logs/configure.log" && log "NCCL: $(grep -m1 'tunebench-train: NCCL' "$OUT/logs/configure.log")"
fi

# ---- 2. tst_train ------------------------------------------------------------------------------------
# tst_train is CPU-only (one intra-op thread): run it in the background while the GPU works.
# Its SIGTERM check signals a child 1.5 s after starting it: load libtorch into the page
# cache first, or a cold start of PyTorch's CUDA libraries can take longer than that.
"$TRAIN" --help > /dev/null 2>&1
TST_LIMIT=240; [[ $DEADLINE_S -gt 0 ]] && (( $(left) - 40 < TST_LIMIT )) && TST_LIMIT=$(( $(left) - 40 ))
TST_PID=""
if (( TST_LIMIT < 20 )); then
  log "SKIP tst_train: no time left"; printf 'tst_train\t125\t0\t0\n' >> "$STEPS"
else
  log "RUN  tst_train in the background (limit ${TST_LIMIT}s)"
  if [[ -n $TST ]]; then TST_CMD=(env "TB_TRAIN_EXE=$TRAIN" "TB_SOURCE_DIR=$REPO" "$TST")
  else TST_CMD=(ctest --test-dir "$BUILD" -R tst_train --output-on-failure --timeout "$TST_LIMIT"); fi
  ( t0=$(date +%s); timeout -k 10 "$TST_LIMIT" "${TST_CMD[@]}" > "$OUT/logs/tst_train.log" 2>&1; rc=$?
    printf 'tst_train\t%s\t%s\t%s\n' "$rc" "$(( $(date +%s) - t0 ))" "$TST_LIMIT" >> "$STEPS" ) &
  TST_PID=$!
fi

SAMPLE="$REPO/resources/corpus/sample.txt"
CORPUS="${TMPDIR:-/tmp}/tunebench-gpu-check-corpus.txt"
# gpt gpu: block 1024, batch up to ~100 for the textbook case: 4 MB of text (sample.txt repeated)
if [[ $DRY == 1 ]]; then CORPUS=$SAMPLE; else
  "$PYTHON" -c 'import sys; d = open(sys.argv[1], "rb").read(); open(sys.argv[2], "wb").write(d * (4500000 // len(d) + 1))' \
    "$SAMPLE" "$CORPUS" || log "could not write $CORPUS"
fi
REF=""
for d in "$REPO/../shared/bench" "$REPO/shared/bench"; do
  [[ -f $d/torch_ref_gpt.py ]] && { REF=$(cd "$d" && pwd)/torch_ref_gpt.py; break; }
done
[[ -z $REF ]] && log "torch_ref_gpt.py not found at ../shared/bench or shared/bench: the PyTorch eager comparison is skipped"
G=("$PYTHON" "$REPO/bench/trainer_gpu.py" --out "$OUT" --train "$TRAIN" --corpus "$CORPUS" --sample "$SAMPLE" ${SMOKE[@]+"${SMOKE[@]}"})
[[ -n $REF ]] && G+=(--ref "$REF")

# ---- 3. the trainer on CUDA and the benchmarks, the most wanted first ------------------------------
step env 40 "${G[@]}" env
step peak 30 "${G[@]}" peak
step throughput 75 "${G[@]}" throughput
step cudatests 100 "${G[@]}" cudatests
step throughput-small 45 "${G[@]}" throughput --size small --reps 2
step bubble 50 "${G[@]}" bubble
step memory 60 "${G[@]}" memory
step textbook 90 "${G[@]}" textbook

if [[ -n $TEL_PID ]]; then
  log "waiting for the telemetry check"
  wait "$TEL_PID"
  tail -n 8 "$OUT/telemetry/summary.txt" 2>/dev/null | tee -a "$OUT/gpu-check.log"
fi
if [[ -n $TST_PID ]]; then
  log "waiting for tst_train"
  wait "$TST_PID"
  grep -E '^(FAIL|[0-9]+ passed)' "$OUT/logs/tst_train.log" | tee -a "$OUT/gpu-check.log"
fi
FAILED=$(awk -F'\t' 'NR > 1 && $2 != 0 {print $1}' "$STEPS" | tr '\n' ' ')
[[ -n $FAILED ]] && log "steps that failed or timed out: $FAILED"
finish "$([[ -z $FAILED ]] && echo 0 || echo 1)"
