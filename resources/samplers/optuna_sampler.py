#!/usr/bin/env python3
"""Optuna's samplers as an external Tunebench sampler (docs/spec.md, "External samplers
and pruners"), through Optuna's ask-and-tell interface.

    "algorithm": {"name": "external", "seed": 7,
                  "command": ["python3", "optuna_sampler.py"],
                  "settings": {"sampler": "tpe", "n_startup_trials": 10}}

settings: "sampler": tpe (default), random, cmaes, gp, nsga2 (gp needs Optuna >= 3.6, cmaes
the `cmaes` package); every other setting is passed to the sampler's constructor
(n_startup_trials, multivariate, population_size, ...).

Each request rebuilds an in-memory study from the trials it lists (completed, pruned and
failed ones with their values and reports; running ones are left out) and asks it once, with
the sampler seeded from the request: seed * 1000003 + number (mod 2**32). The suggestion is
therefore exactly what Optuna suggests for that history and seed, and a run that is stopped
and resumed goes on as if it never stopped. Parameters are suggested in the space's order,
a conditional one only when its condition holds, as a define-by-run Optuna objective would.
"""
import json
import sys
import warnings

try:
    import optuna
except ImportError:
    optuna = None


def make_sampler(settings, seed):
    name = settings.get("sampler", "tpe")
    kwargs = {k: v for k, v in settings.items() if k != "sampler"}
    samplers = {"tpe": "TPESampler", "random": "RandomSampler", "cmaes": "CmaEsSampler",
                "gp": "GPSampler", "nsga2": "NSGAIISampler"}
    if name not in samplers:
        raise ValueError(f"settings.sampler: unknown sampler '{name}'; known: {', '.join(samplers)}")
    cls = getattr(optuna.samplers, samplers[name], None)
    if cls is None:
        raise ValueError(f"settings.sampler: '{name}' needs a newer Optuna than {optuna.__version__}")
    return cls(seed=seed, **kwargs)


def distribution(p):
    if p["type"] == "float":
        return optuna.distributions.FloatDistribution(p["low"], p["high"], log=p.get("log", False), step=p.get("step"))
    if p["type"] == "int":
        return optuna.distributions.IntDistribution(p["low"], p["high"], log=p.get("log", False), step=p.get("step", 1))
    if p["type"] == "categorical":
        return optuna.distributions.CategoricalDistribution(p["choices"])
    return None  # fixed: not searched


def ordered(space):
    """Parents before children, otherwise in the order the space lists them."""
    names, out, left = {p["name"] for p in space}, [], list(space)
    while left:
        done = {p["name"] for p in out}
        p = next(p for p in left if all(k in done or k not in names for k in p.get("when", {})))
        left.remove(p)
        out.append(p)
    return out


def active(p, params):
    return all(k in params and params[k] in v for k, v in p.get("when", {}).items())


def suggest(trial, space):
    params = {}
    for p in ordered(space):
        if not active(p, params):
            continue
        if p["type"] == "fixed":
            params[p["name"]] = p["value"]
        elif p["type"] == "float":
            params[p["name"]] = trial.suggest_float(p["name"], p["low"], p["high"], log=p.get("log", False), step=p.get("step"))
        elif p["type"] == "int":
            params[p["name"]] = trial.suggest_int(p["name"], p["low"], p["high"], log=p.get("log", False), step=p.get("step", 1))
        else:
            params[p["name"]] = trial.suggest_categorical(p["name"], p["choices"])
    return params


def frozen(t, space):
    states = {"completed": optuna.trial.TrialState.COMPLETE, "pruned": optuna.trial.TrialState.PRUNED,
              "failed": optuna.trial.TrialState.FAIL}
    dists = {p["name"]: distribution(p) for p in space}
    params = {k: v for k, v in t["params"].items() if dists.get(k) is not None}
    state = states[t["state"]]
    value = t.get("value")
    if state == optuna.trial.TrialState.COMPLETE and value is None:
        state = optuna.trial.TrialState.FAIL
    return optuna.trial.create_trial(
        params=params, distributions={k: dists[k] for k in params}, state=state,
        value=value if state == optuna.trial.TrialState.COMPLETE else None,
        intermediate_values={int(s): v for s, v in t.get("reports", []) if v is not None})


def answer(request):
    seed = (request["seed"] * 1000003 + request["number"]) % 2 ** 32
    direction = request.get("direction", "minimize")
    sampler = make_sampler(request.get("settings", {}), seed)
    study = optuna.create_study(direction=direction, sampler=sampler)
    space = request["space"]
    for t in sorted(request["trials"], key=lambda t: t["number"]):
        if t["state"] != "running":
            study.add_trial(frozen(t, space))
    return {"params": suggest(study.ask(), space)}


def main():
    optuna_logging = getattr(optuna, "logging", None)
    if optuna_logging:
        optuna_logging.set_verbosity(optuna_logging.WARNING)
    warnings.simplefilter("ignore")  # experimental-feature warnings go to stderr anyway
    said = False
    for line in sys.stdin:
        request = json.loads(line)
        try:
            if optuna is None:
                raise RuntimeError("Optuna is not installed for " + sys.executable + " (pip install optuna)")
            if not said:  # once: what runs (stderr goes to the sampler log)
                print(f"optuna_sampler.py: Optuna {optuna.__version__} on Python {sys.version.split()[0]}, "
                      f"settings {json.dumps(request.get('settings', {}))}", file=sys.stderr, flush=True)
                said = True
            out = answer(request)
        except Exception as e:  # the trial fails with the message; the next request is answered
            out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
