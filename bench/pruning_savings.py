"""Compute saved by pruning: the demo objective (resources/demo, a noisy learning curve set by
lr, layers, optimizer, momentum) tuned by the random sampler with each pruner, the same
seed giving the same configurations and the same noise in every variant (one store per run,
so trial ids and with them the noise seeds line up). Per run: total trial-seconds, best loss,
and the trial-seconds until the run first reached the best loss of the unpruned run with the
same seed (the target). Pruner settings are the defaults (Optuna's), not tuned here.
Usage: /usr/bin/python3 bench/pruning_savings.py BUILD_DIR [SEEDS] [TRIALS]"""
import json, os, statistics, subprocess, sys, tempfile

build = os.path.abspath(sys.argv[1])
seeds = range(1, 1 + (int(sys.argv[2]) if len(sys.argv) > 2 else 5))
trials = int(sys.argv[3]) if len(sys.argv) > 3 else 40
cli = os.path.join(build, "app", "tunebench-cli")
objective = os.path.join(build, "resources", "tunebench-demo-objective")
if not os.path.exists(objective):
    objective = os.path.join(build, "app", "tunebench-demo-objective")
pruners = {"none": {"name": "none"}, "median": {"name": "median"}, "asha": {"name": "asha"},
           "hyperband": {"name": "hyperband", "settings": {"min_resource": 1, "max_resource": 30}}}


def run(seed, pruner):
    d = tempfile.mkdtemp()
    spec = {"name": "p", "objective": {"metric": "loss", "direction": "minimize", "use": "last"},
            "space": [{"name": "lr", "type": "float", "low": 1e-5, "high": 1.0, "log": True},
                      {"name": "layers", "type": "int", "low": 1, "high": 8},
                      {"name": "optimizer", "type": "categorical", "choices": ["adam", "sgd"]},
                      {"name": "momentum", "type": "float", "low": 0.5, "high": 0.99, "when": {"optimizer": ["sgd"]}}],
            "algorithm": {"name": "random", "seed": seed}, "pruner": pruner,
            "budget": {"max_trials": trials}, "resources": {"parallel_trials": 1},
            "trial": {"argv": [objective, "--lr=${lr}", "--layers", "${layers}", "--optimizer=${optimizer}",
                               "--momentum=${momentum}", "--epochs=30", "--epoch-ms=15"], "timeout_s": 60}}
    path = os.path.join(d, "spec.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    db = os.path.join(d, "s.db")
    subprocess.run([cli, "run", path, "--db", db, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([cli, "export", "--db", db, "--format", "json"], check=True, capture_output=True, text=True).stdout
    rows = sorted(json.loads(out)["trials"], key=lambda t: t["number"])
    return [(t["duration_s"] or 0.0, t["value"] if t["state"] == "completed" else None, t["state"]) for t in rows]


def seconds_to(rows, target):
    spent, best = 0.0, float("inf")
    for seconds, value, _ in rows:
        spent += seconds
        if value is not None:
            best = min(best, value)
        if best <= target:
            return spent
    return None


results = {name: [] for name in pruners}
for seed in seeds:
    base = run(seed, pruners["none"])
    target = min(v for _, v, _ in base if v is not None)
    for name, pruner in pruners.items():
        rows = base if name == "none" else run(seed, pruner)
        best = min(v for _, v, _ in rows if v is not None)
        results[name].append({"seed": seed, "trial_seconds": sum(s for s, _, _ in rows), "best": best,
                              "seconds_to_target": seconds_to(rows, target),
                              "pruned": sum(1 for _, _, st in rows if st == "pruned")})

summary = {}
for name, runs in results.items():
    base = results["none"]
    ratios = [r["trial_seconds"] / b["trial_seconds"] for r, b in zip(runs, base)]
    reached = [r for r in runs if r["seconds_to_target"] is not None]
    to_target = [r["seconds_to_target"] / b["seconds_to_target"] for r, b in zip(runs, base) if r["seconds_to_target"] is not None]
    summary[name] = {"trial_seconds_ratio_median": statistics.median(ratios), "trial_seconds_ratio_range": [min(ratios), max(ratios)],
                     "reached_target": f"{len(reached)}/{len(runs)}",
                     "seconds_to_target_ratio_median": statistics.median(to_target) if to_target else None,
                     "pruned_per_run_median": statistics.median(r["pruned"] for r in runs),
                     "best_minus_target_median": statistics.median(r["best"] - b["best"] for r, b in zip(runs, base))}
print(json.dumps({"trials": trials, "seeds": list(seeds), "summary": summary, "runs": results}, indent=1))
