#!/bin/sh
# The reference libraries of issue 18 in one Python virtual environment, outside the
# repository and not needed by `make test`: Optuna 5.0 (TPE, GP, CMA-ES, random; AutoSampler
# through OptunaHub where its registry can be reached), Hyperopt 0.3, cmaes, coco-experiment
# (the `cocoex` module: BBOB), pymoo, scipy, and PyTorch for Optuna's GPSampler.
# Debian's Optuna 3.1 stays in /usr/bin/python3 (python3-optuna) as the second reference.
#
# Usage: bench/make_venv.sh [DIR]      (default $TB_REF_VENV, else /work/venvs/hpo-ref)
#        NO_TORCH=1 bench/make_venv.sh  skips PyTorch (then no GPSampler, no AutoSampler)
# Idempotent: a second run only checks the pins and prints the versions.
#
# Pins: Optuna 5.0.0 is the newest 5.0.x on PyPI (5.1.0 exists too; the issue asks for 5.0;
# OPTUNA_VERSION=5.1.0 to try it). PyPI's only Linux torch wheels pull the CUDA libraries
# (a few GB); the CPU-only index is tried first and is used where it can be reached.
set -eu

DIR=${1:-${TB_REF_VENV:-/work/venvs/hpo-ref}}
PY=/usr/bin/python3  # Debian 12's Python 3.11, the interpreter our other bench scripts use
OPTUNA_VERSION=${OPTUNA_VERSION:-5.0.0}
PINS="optuna==$OPTUNA_VERSION optunahub==0.5.0 hyperopt==0.3.0 cmaes==0.13.1
      coco-experiment==2.8.2 pymoo==0.6.2 scipy==1.17.1"
TORCH_PIN=torch==2.15.0
CPU_INDEX=https://download.pytorch.org/whl/cpu

if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "make_venv: installing python3-venv" >&2
    apt-get update -qq && apt-get install -y -qq python3-venv
fi
if [ ! -x "$DIR/bin/python" ]; then
    mkdir -p "$(dirname "$DIR")"
    "$PY" -m venv "$DIR"
    "$DIR/bin/pip" install -q --upgrade pip
fi
PIP="$DIR/bin/pip"

# shellcheck disable=SC2086  # PINS is a list of words
"$PIP" install -q $PINS

if [ "${NO_TORCH:-0}" != 1 ] && ! "$DIR/bin/python" -c 'import torch' 2>/dev/null; then
    if "$PIP" install -q --retries 0 --timeout 10 --index-url "$CPU_INDEX" "$TORCH_PIN" 2>/dev/null; then
        echo "make_venv: torch from the CPU-only index" >&2
    else
        echo "make_venv: the CPU-only torch index cannot be reached; torch from PyPI (with CUDA libraries)" >&2
        "$PIP" install -q "$TORCH_PIN"
    fi
fi

# Which reference samplers work here; a missing one is reported, not fatal.
"$DIR/bin/python" - <<'EOF'
import importlib.metadata as md, warnings
warnings.filterwarnings("ignore")
def version(dist):
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return "not installed"
for dist in ("optuna", "optunahub", "hyperopt", "cmaes", "coco-experiment", "pymoo", "scipy", "numpy", "torch"):
    print(f"{dist:16} {version(dist)}")
import optuna
optuna.logging.set_verbosity(optuna.logging.ERROR)
def check(name, make):
    try:
        study = optuna.create_study(sampler=make())
        study.optimize(lambda t: (t.suggest_float("x", -1, 1) - 0.3) ** 2, n_trials=12)
        print(f"{name:16} works")
    except Exception as e:  # noqa: BLE001 - the point is to report any failure
        print(f"{name:16} unavailable: {type(e).__name__}: {str(e).splitlines()[0][:160]}")
check("TPESampler", lambda: optuna.samplers.TPESampler(seed=0))
check("CmaEsSampler", lambda: optuna.samplers.CmaEsSampler(seed=0))
check("GPSampler", lambda: optuna.samplers.GPSampler(seed=0))
def auto_sampler():
    # OptunaHub loads its samplers from the registry on GitHub at run time; a local checkout
    # of optuna/optunahub-registry works too (bench/sota.py --optunahub-registry DIR).
    import optunahub
    return optunahub.load_module("samplers/auto_sampler").AutoSampler(seed=0)
check("AutoSampler", auto_sampler)
try:
    import hyperopt, numpy  # 25 evaluations: past its 20 random start-up trials
    hyperopt.fmin(lambda x: x * x, hyperopt.hp.uniform("x", -1, 1), algo=hyperopt.tpe.suggest, max_evals=25,
                  show_progressbar=False, rstate=numpy.random.default_rng(0))
    print(f"{'hyperopt.tpe':16} works")
except Exception as e:  # noqa: BLE001
    print(f"{'hyperopt.tpe':16} unavailable: {type(e).__name__}: {e}")
try:
    import cocoex
    print(f"{'cocoex bbob':16} {len(cocoex.Suite('bbob', '', ''))} problems")
except Exception as e:  # noqa: BLE001
    print(f"{'cocoex':16} unavailable: {type(e).__name__}: {e}")
EOF
echo "make_venv: $DIR ready (python: $DIR/bin/python)"
