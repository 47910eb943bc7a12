"""Optuna's multi-objective samplers behind the same ask/tell lines as `tunebench-cli serve`,
for bench/mo_bench.py (issue 17): whatever Optuna the interpreter has (5.x in the venv of
bench/make_venv.sh, in process; 3.1 in Debian's /usr/bin/python3, as a process).

Every objective is minimized. Constraints are values g that are satisfied when g <= 0; they
reach Optuna as the trial's user attribute "constraints" and the sampler's constraints_func
(NSGA-II's constraint domination, TPE's and GP's feasibility handling), as Optuna's
documentation shows.

Samplers: nsga2 (NSGAIISampler), nsga3 (NSGAIIISampler, Optuna >= 3.2), tpe (TPESampler: on
a study with several objectives it is MOTPE), gp (GPSampler: log EHVI; Optuna >= 4.x), random,
sobol (QMCSampler). Each with its defaults and the seed; --settings adds keyword arguments.

As a process:
  python3 bench/mo_ref_samplers.py --sampler nsga2 --seed 3 --space JSON --objectives 2 \\
      [--constraints c0,c1] [--settings JSON]
reads {"op": "ask"} / {"op": "tell", "trial": N, "values": [...], "metrics": [{"name": "c0",
"value": V}, ...]} lines and answers like serve: {"trial": N, "params": {...}} / {"ok": true},
or {"ok": false, "error": "..."}."""
import argparse, json, os, sys, warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ref_samplers import OptunaSession, ordered, serve  # noqa: E402

MO_SAMPLERS = ("nsga2", "nsga3", "tpe", "gp", "random", "sobol")


class OptunaMOSession(OptunaSession):
    """ask() as OptunaSession's (define-by-run over our space); tell() takes the objectives'
    values and the constraint values by name."""

    def __init__(self, sampler, space, seed, n_objectives, constraints=(), settings=None):
        import optuna
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        warnings.filterwarnings("ignore")  # experimental GPSampler, constraints_func, ...
        self.space, self.pending, self.constraints = ordered(space), {}, list(constraints)
        self.study = optuna.create_study(directions=["minimize"] * n_objectives,
                                         sampler=self._mo_sampler(optuna, sampler, seed, settings or {}))

    def _mo_sampler(self, optuna, name, seed, settings):
        s = optuna.samplers
        kw = dict(seed=seed, **settings)
        if self.constraints and name not in ("random", "sobol"):
            kw["constraints_func"] = lambda t: t.user_attrs["constraints"]
        if name == "nsga2":
            return s.NSGAIISampler(**kw)
        if name == "nsga3":
            return s.NSGAIIISampler(**kw)
        if name == "tpe":
            return s.TPESampler(**kw)
        if name == "gp":
            return s.GPSampler(**kw)
        if name == "random":
            return s.RandomSampler(**kw)
        if name == "sobol":
            return s.QMCSampler(qmc_type="sobol", **kw)
        raise ValueError(f"unknown Optuna multi-objective sampler {name!r}; known: {', '.join(MO_SAMPLERS)}")

    def tell(self, trial, values, metrics=None):
        t = self.pending.pop(trial)
        if self.constraints:
            t.set_user_attr("constraints", [float(metrics[c]) for c in self.constraints])
        self.study.tell(t, [float(v) for v in values])


def tell(session, req):
    session.tell(req["trial"], req["values"], {m["name"]: m["value"] for m in req.get("metrics", [])})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sampler", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--space", required=True, help="our spec's space list as JSON")
    ap.add_argument("--objectives", type=int, required=True)
    ap.add_argument("--constraints", default="", help="the constraint metrics' names, comma-separated")
    ap.add_argument("--settings", default="{}", help="keyword arguments of the sampler, as JSON")
    a = ap.parse_args()
    serve(OptunaMOSession(a.sampler, json.loads(a.space), a.seed, a.objectives,
                          [c for c in a.constraints.split(",") if c], json.loads(a.settings)), tell=tell)


if __name__ == "__main__":
    main()
