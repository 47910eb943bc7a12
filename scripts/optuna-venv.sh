#!/usr/bin/env bash
# A virtual environment with Optuna 5.0 from PyPI (for tst_import; the benchmarks make
# their own). Usage: scripts/optuna-venv.sh DIR   Exit 77 when PyPI cannot be reached.
set -u
DIR=$1
if [[ -x $DIR/bin/python ]] && "$DIR/bin/python" -c 'import optuna, sys; sys.exit(optuna.__version__ < "5")' 2>/dev/null; then
  exit 0
fi
python3 -m venv "$DIR" || exit 77
timeout 300 "$DIR/bin/pip" install --quiet --disable-pip-version-check "optuna==5.0.*" || { echo "optuna-venv: pip could not install optuna 5.0" >&2; exit 77; }
