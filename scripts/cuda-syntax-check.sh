#!/usr/bin/env bash
# Compiles tunebench-train's CUDA-only code paths (TUNEBENCH_WITH_CUDA and
# TUNEBENCH_WITH_NCCL) on a machine without a GPU, for syntax and types only: the
# libtorch headers here (Debian's 1.13) include c10/cuda and ATen/cuda, and CUDA's own
# headers (cuda_runtime.h, nccl.h) come from a CUDA toolkit when one is installed. Nothing
# is linked or run; the GPU check is scripts/gpu-check.sh on a GPU machine.
#
# Usage: scripts/cuda-syntax-check.sh [BUILD_DIR]   (default: build; needs its
#        compile_commands.json, i.e. a configured build)
# Environment: CUDA_HOME (default /usr/local/cuda). Exit 0 when every unit compiles, 1 when
# one does not, 77 (skipped) when there are no CUDA headers.
set -u -o pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$REPO/build}
CUDA_HOME=${CUDA_HOME:-/usr/local/cuda}
if [[ ! -f $CUDA_HOME/include/cuda_runtime.h ]]; then
  echo "cuda-syntax-check: no $CUDA_HOME/include/cuda_runtime.h: skipped" >&2
  exit 77
fi
if [[ ! -f $BUILD/compile_commands.json ]]; then
  echo "cuda-syntax-check: $BUILD/compile_commands.json missing: configure the build first" >&2
  exit 1
fi
# Debian's CPU-only libtorch ships c10/cuda's headers but not the one CMake generates for a
# CUDA build: stand in for it (it only says whether c10_cuda is a shared library).
SHIM=$(mktemp -d)
trap 'rm -rf "$SHIM"' EXIT
if ! echo '#include <c10/cuda/impl/cuda_cmake_macros.h>' | g++ -x c++ -E - -o /dev/null 2>/dev/null; then
  mkdir -p "$SHIM/c10/cuda/impl"
  printf '#pragma once\n#define C10_CUDA_BUILD_SHARED_LIBS\n' > "$SHIM/c10/cuda/impl/cuda_cmake_macros.h"
fi
NCCL=()
if [[ -f $CUDA_HOME/include/nccl.h ]] || [[ -f /usr/include/nccl.h ]]; then NCCL=(-DTUNEBENCH_WITH_NCCL); fi

status=0
for unit in device allreduce pipeline trainer; do
  src=$REPO/engine/train/$unit.cpp
  # The unit's own compile command, turned into a syntax-only run with CUDA on.
  cmd=$(python3 - "$BUILD/compile_commands.json" "$src" <<'EOF'
import json, shlex, sys
for entry in json.load(open(sys.argv[1])):
    if entry["file"] == sys.argv[2]:
        args = entry.get("arguments") or shlex.split(entry["command"])
        out, skip = [], False
        for a in args:
            if skip:
                skip = False
                continue
            if a in ("-o", "-MF", "-MT", "-c"):
                skip = a != "-c"
                continue
            if a.startswith("-MD") or a == sys.argv[2]:
                continue
            out.append(a)
        print(shlex.join(out))
        break
EOF
)
  if [[ -z $cmd ]]; then
    echo "cuda-syntax-check: $src is not in $BUILD/compile_commands.json" >&2
    status=1
    continue
  fi
  # shellcheck disable=SC2086
  if eval "$cmd" -fsyntax-only -DTUNEBENCH_WITH_CUDA "${NCCL[@]}" -isystem "$CUDA_HOME/include" -isystem "$SHIM" "$src"; then
    echo "cuda-syntax-check: $unit.cpp compiles with CUDA${NCCL:+ and NCCL}"
  else
    echo "cuda-syntax-check: $unit.cpp does not compile with CUDA" >&2
    status=1
  fi
done
exit $status
