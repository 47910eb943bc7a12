#!/usr/bin/env python3
"""What Optuna itself suggests after a history (tst_external_sampler): the space of the test
written out as Optuna distributions by hand, the trials added as Optuna trials, one ask with
the sampler seeded as docs/spec.md says (seed * 1000003 + number), the parameters suggested
as a define-by-run objective would. Independent of resources/samplers/optuna_sampler.py.

Usage: optuna_reference.py HISTORY.json  ->  prints the suggested parameters as JSON."""
import json, sys, warnings
import optuna

warnings.simplefilter("ignore")
optuna.logging.set_verbosity(optuna.logging.WARNING)
h = json.load(open(sys.argv[1]))
settings = dict(h["settings"])
kind = settings.pop("sampler")
seed = (h["seed"] * 1000003 + h["number"]) % 2 ** 32
sampler = {"tpe": optuna.samplers.TPESampler, "cmaes": optuna.samplers.CmaEsSampler}[kind](seed=seed, **settings)
study = optuna.create_study(direction="minimize", sampler=sampler)
dists = {"x": optuna.distributions.FloatDistribution(0.0, 1.0),
         "c": optuna.distributions.CategoricalDistribution(["a", "b"]),
         "y": optuna.distributions.FloatDistribution(0.0, 1.0)}
for t in h["history"]:
    failed = t["value"] is None
    study.add_trial(optuna.trial.create_trial(
        params=t["params"], distributions={k: dists[k] for k in t["params"]},
        state=optuna.trial.TrialState.FAIL if failed else optuna.trial.TrialState.COMPLETE,
        value=None if failed else t["value"]))
trial = study.ask()
params = {"x": trial.suggest_float("x", 0.0, 1.0), "c": trial.suggest_categorical("c", ["a", "b"])}
if params["c"] == "b":
    params["y"] = trial.suggest_float("y", 0.0, 1.0)
print(json.dumps(params))
