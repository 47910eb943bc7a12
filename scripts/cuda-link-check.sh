#!/usr/bin/env bash
# Builds and links tunebench-train and tst_train with CUDA and NCCL against PyTorch's own
# libtorch (the GPU machine's version, from PyPI), on a machine without a GPU, then runs
# tst_train on the CPU with that CUDA-enabled build. The result is the binary that
# scripts/gpu-check.sh carries to a GPU machine instead of compiling there.
#
#   1. a virtual environment outside the source tree with torch==$TORCH_VERSION (PyPI's
#      wheel is CUDA 13; its nvidia-* packages bring cuBLAS, cuDNN and NCCL), made once
#      and reused;
#   2. cmake -DTUNEBENCH_TRAINER_ONLY=ON against its libtorch, with CUDA's toolkit
#      ($CUDA_HOME) for PyTorch's CMake config and the nvidia-nccl package for NCCL;
#   3. build tunebench-train and tst_train; check that both were compiled with
#      TUNEBENCH_WITH_CUDA and TUNEBENCH_WITH_NCCL and that every library they need is
#      found (libtorch_cuda, libc10_cuda, libnccl among them);
#   4. tst_train (ctest) on the CPU;
#   5. build-cuda/prebuilt/: both programs stripped, and the torch version, to carry.
#
# Usage: scripts/cuda-link-check.sh [--no-test]
# Environment: TORCH_VENV (default ~/.cache/tunebench/torch-$TORCH_VERSION), TORCH_VERSION
#   (default 2.11.0), PIP_ARGS (extra pip arguments, e.g. an --index-url), BUILD_DIR (default
#   build-cuda), CUDA_HOME (default /usr/local/cuda), TORCH_CUDA_ARCH_LIST (default 9.0, the
#   H100/H200), JOBS (default 2).
# Exit: 0 when everything built, linked and passed; 1 otherwise; 77 (skipped) without a CUDA
# toolkit. The download is about 3.5 GB the first time.
set -u -o pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_TESTS=1
for arg in "$@"; do
  case "$arg" in
    --no-test) RUN_TESTS=0 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "cuda-link-check.sh: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done
TORCH_VERSION=${TORCH_VERSION:-2.11.0}
TORCH_VENV=${TORCH_VENV:-$HOME/.cache/tunebench/torch-$TORCH_VERSION}
BUILD=${BUILD_DIR:-$REPO/build-cuda}
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
JOBS=${JOBS:-2}
export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}

say() { echo "cuda-link-check: $*"; }
fail() { echo "cuda-link-check: $*" >&2; exit 1; }

[[ -x $CUDA_HOME/bin/nvcc ]] || { say "no CUDA toolkit at $CUDA_HOME (set CUDA_HOME): skipped"; exit 77; }
case $TORCH_VENV in "$REPO"|"$REPO"/*) fail "TORCH_VENV=$TORCH_VENV is inside the source tree: put it elsewhere" ;; esac

# ---- 1. PyTorch from PyPI, in its own virtual environment -------------------------------------
PY=$TORCH_VENV/bin/python
have=$("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null)
if [[ ${have%%+*} != "$TORCH_VERSION" ]]; then
  say "installing torch==$TORCH_VERSION into $TORCH_VENV (found: ${have:-none})"
  mkdir -p "$(dirname "$TORCH_VENV")"
  [[ -x $PY ]] || python3 -m venv "$TORCH_VENV" || fail "cannot make a virtual environment at $TORCH_VENV (python3-venv?)"
  # shellcheck disable=SC2086
  "$PY" -m pip install --quiet ${PIP_ARGS:-} "torch==$TORCH_VERSION" || fail "pip could not install torch==$TORCH_VERSION"
  have=$("$PY" -c 'import torch; print(torch.__version__)' 2>/dev/null)
fi
TORCH_CUDA=$("$PY" -c 'import torch; print(torch.version.cuda or "")' 2>/dev/null)
[[ -n $TORCH_CUDA ]] || fail "torch $have in $TORCH_VENV is a CPU-only build: install a CUDA one (PIP_ARGS=--index-url ...)"
TORCH_PREFIX=$("$PY" -c 'import torch; print(torch.utils.cmake_prefix_path)')
NCCL_DIR=$("$PY" -c 'import nvidia.nccl; print(list(nvidia.nccl.__path__)[0])' 2>/dev/null)
[[ -n $NCCL_DIR && -f $NCCL_DIR/include/nccl.h ]] || fail "no NCCL in $TORCH_VENV (the nvidia-nccl package of torch $have)"
say "torch $have (CUDA $TORCH_CUDA) in $TORCH_VENV; NCCL $NCCL_DIR; CUDA toolkit $CUDA_HOME ($("$CUDA_HOME/bin/nvcc" --version | sed -n 's/.*release \([0-9.]*\).*/\1/p'))"

# ---- 2. configure ---------------------------------------------------------------------------
mkdir -p "$BUILD"
export PATH="$CUDA_HOME/bin:$PATH" CUDA_HOME
cmake -S "$REPO" -B "$BUILD" -G Ninja -DTUNEBENCH_TRAINER_ONLY=ON -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_PREFIX_PATH=$TORCH_PREFIX" "-DCUDAToolkit_ROOT=$CUDA_HOME" "-DNCCL_ROOT=$NCCL_DIR" \
  -UTUNEBENCH_NCCL_LIBRARY -UTUNEBENCH_NCCL_INCLUDE \
  > "$BUILD/cuda-link-check.configure.log" 2>&1 || { tail -n 30 "$BUILD/cuda-link-check.configure.log" >&2; fail "configure failed (whole log: $BUILD/cuda-link-check.configure.log)"; }
grep -q "tunebench-train: NCCL" "$BUILD/cuda-link-check.configure.log" || fail "configure found no NCCL (see $BUILD/cuda-link-check.configure.log)"

# ---- 3. build, link and check what was built ----------------------------------------------------
say "building tunebench-train and tst_train in $BUILD (-j$JOBS)"
t0=$(date +%s)
cmake --build "$BUILD" --target tunebench-train tst_train -j "$JOBS" > "$BUILD/cuda-link-check.build.log" 2>&1 \
  || { grep -E "error|undefined reference" "$BUILD/cuda-link-check.build.log" | head -n 30 >&2; fail "build failed (whole log: $BUILD/cuda-link-check.build.log)"; }
say "built in $(( $(date +%s) - t0 )) s"
for def in TUNEBENCH_WITH_CUDA TUNEBENCH_WITH_NCCL; do
  grep -q -- "-D$def" "$BUILD/compile_commands.json" || fail "tb_train was compiled without $def"
done
status=0
for exe in "$BUILD/app/tunebench-train" "$BUILD/tests/train/tst_train"; do
  [[ -x $exe ]] || fail "$exe was not built"
  deps=$(ldd "$exe")
  if grep -q "not found" <<< "$deps"; then
    echo "$deps" | grep "not found" >&2; say "$exe: libraries not found" >&2; status=1
  fi
  for lib in libtorch_cuda.so libc10_cuda.so libnccl.so.2 libcudart.so; do
    grep -q "$lib" <<< "$deps" || { say "$exe does not load $lib" >&2; status=1; }
  done
  say "$(basename "$exe"): $(du -h "$exe" | cut -f1), links $(grep -c '=>' <<< "$deps") libraries, CUDA and NCCL among them"
done
[[ $status == 0 ]] || exit 1
"$BUILD/app/tunebench-train" --help > /dev/null || fail "tunebench-train --help failed"
# What scripts/gpu-check.sh carries (PREBUILT=build-cuda/prebuilt): the two programs without
# their symbols, and the PyTorch they were linked against (it refuses another version).
PRE=$BUILD/prebuilt
mkdir -p "$PRE"
strip -o "$PRE/tunebench-train" "$BUILD/app/tunebench-train"
strip -o "$PRE/tst_train" "$BUILD/tests/train/tst_train"
echo "$have" > "$PRE/torch-version.txt"
say "prebuilt: $PRE ($(du -sh "$PRE" | cut -f1))"

# ---- 4. tst_train on the CPU with the CUDA-enabled build ---------------------------------------
if [[ $RUN_TESTS == 1 ]]; then
  say "running tst_train on the CPU"
  ctest --test-dir "$BUILD" -R '^tst_train$' --output-on-failure || fail "tst_train failed with the CUDA-enabled build"
fi
say "ok: $BUILD/app/tunebench-train links torch $have with CUDA $TORCH_CUDA and NCCL"
say "on a machine with the same PyTorch: LD_LIBRARY_PATH=<site-packages>/torch/lib:<site-packages>/nvidia/nccl/lib"
