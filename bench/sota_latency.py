"""Suggest latency against Optuna 5 (issue 18, point 3): TPE with 1000 completed trials of 16
float parameters, GP with 300, CMA-ES with 1000, ours and Optuna 5's side by side in one run,
alternating rounds so that a change in the machine's load hits both alike.

Ours: end to end through `tunebench-cli serve`, as a client sees it: the experiment is filled
with N completed trials through the same serve process (uniform points, values of a sphere),
then each further ask is timed from the request written to the answer read (the sampler, the
trial's insert and commit, JSON), and told. Optuna 5: an in-memory study (its fastest storage)
holding the same N trials (add_trials), then each `study.ask(distributions)` (all 16
parameters sampled, as the sampler's independent and relative sampling do) and tell, timed.
CMA-ES keeps its state in the trials it made, so for it both sides are filled by running the
sampler itself on the same sphere.

With --bench build/bench/tb-bench-samplers the samplers alone are timed too (no store, no
process: the suggest in our process), after each round's pair.

Usage: /work/venvs/hpo-ref/bin/python bench/sota_latency.py CLI [--asks 20] [--rounds 3]
       [--samplers tpe,gp,cmaes] [--bench TB_BENCH_SAMPLERS] [--out bench/results-sota-latency.json]
"""
import argparse, json, os, random, statistics, subprocess, sys, tempfile, time

SETS = {"tpe": (1000, 16), "gp": (300, 16), "cmaes": (1000, 16)}


def history(n, dims, seed=0):
    rnd = random.Random(seed)
    pts = [[rnd.random() for _ in range(dims)] for _ in range(n)]
    return pts, [sum((x - 0.3) ** 2 for x in p) for p in pts]


def ours(cli, sampler, n, dims, asks):
    d = tempfile.mkdtemp()
    db, spec = os.path.join(d, "lat.db"), os.path.join(d, "spec.json")
    with open(spec, "w") as f:
        json.dump({"name": "lat", "objective": {"metric": "loss"}, "algorithm": {"name": sampler, "seed": 0},
                   "space": [{"name": f"x{i}", "type": "float", "low": 0, "high": 1} for i in range(dims)]}, f)
    subprocess.run([cli, "create", spec, "--db", db], check=True, stdout=subprocess.DEVNULL)
    p = subprocess.Popen([cli, "serve", "--db", db, "--experiment", "lat"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, bufsize=1)
    pts, vals = history(n, dims)
    ms = []
    for i in range(n + asks):
        t0 = time.perf_counter()
        p.stdin.write('{"op": "ask"}\n'); p.stdin.flush()
        ans = json.loads(p.stdout.readline())
        dt = (time.perf_counter() - t0) * 1000
        if i < n and sampler != "cmaes":
            v = vals[i]  # the filled history: values of uniform points, whatever was asked
        elif i < n:
            v = sum((x - 0.3) ** 2 for x in ans["params"].values())  # CMA-ES's own generations
        else:
            ms.append(dt)
            v = sum((x - 0.3) ** 2 for x in ans["params"].values())
        p.stdin.write(json.dumps({"op": "tell", "trial": ans["trial"], "value": v}) + "\n"); p.stdin.flush()
        assert json.loads(p.stdout.readline())["ok"]
    p.stdin.close(); p.wait()
    return ms


def optuna5(sampler, n, dims, asks):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    import warnings
    warnings.filterwarnings("ignore")
    s = {"tpe": lambda: optuna.samplers.TPESampler(seed=0), "gp": lambda: optuna.samplers.GPSampler(seed=0),
         "cmaes": lambda: optuna.samplers.CmaEsSampler(seed=0)}[sampler]()
    study = optuna.create_study(sampler=s)
    dist = {f"x{i}": optuna.distributions.FloatDistribution(0, 1) for i in range(dims)}
    if sampler == "cmaes":  # its state lives in its own trials: fill by running it
        for _ in range(n):
            t = study.ask(dist)
            study.tell(t, sum((x - 0.3) ** 2 for x in t.params.values()))
    else:  # TPE and GP are stateless: any completed trials will do
        pts, vals = history(n, dims)
        study.add_trials([optuna.trial.create_trial(params={f"x{i}": p[i] for i in range(dims)}, distributions=dist, value=v)
                          for p, v in zip(pts, vals)])
    ms = []
    for _ in range(asks):
        t0 = time.perf_counter()
        t = study.ask(dist)
        dt = (time.perf_counter() - t0) * 1000
        ms.append(dt)
        study.tell(t, sum((x - 0.3) ** 2 for x in t.params.values()))
    return ms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--asks", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--samplers", default="tpe,gp,cmaes")
    ap.add_argument("--bench")
    ap.add_argument("--out")
    a = ap.parse_args()
    import optuna
    res = {"optuna": optuna.__version__, "python": sys.version.split()[0], "loadavg_start": os.getloadavg(), "sets": {}}
    for sampler in a.samplers.split(","):
        n, dims = SETS[sampler]
        rounds = []
        for r in range(a.rounds):  # alternate: ours, Optuna, ours, ...
            mine = ours(os.path.abspath(a.cli), sampler, n, dims, a.asks)
            theirs = optuna5(sampler, n, dims, a.asks)
            row = {"ours_median_ms": statistics.median(mine), "optuna5_median_ms": statistics.median(theirs),
                   "ratio": statistics.median(theirs) / statistics.median(mine), "loadavg": os.getloadavg()}
            if a.bench:
                out = subprocess.run([a.bench, str(a.asks), sampler], check=True, capture_output=True, text=True).stdout
                case = next(c for c in json.loads(out)["cases"] if c["n"] == n and c["d"] == dims
                            and (sampler == "cmaes" or c["history"] == "uniform"))
                row["ours_sampler_alone_median_ms"] = case["median_ms"]
                row["ratio_sampler_alone"] = row["optuna5_median_ms"] / case["median_ms"]
            rounds.append(row)
            print(sampler, n, dims, rounds[-1], file=sys.stderr, flush=True)
        ratios = sorted(x["ratio"] for x in rounds)
        entry = {"rounds": rounds, "ratio_median": statistics.median(ratios), "ratio_min": ratios[0], "ratio_max": ratios[-1]}
        if a.bench:
            alone = sorted(x["ratio_sampler_alone"] for x in rounds)
            entry.update(ratio_sampler_alone_median=statistics.median(alone), ratio_sampler_alone_min=alone[0],
                         ratio_sampler_alone_max=alone[-1])
        res["sets"][f"{sampler}/n={n}/d={dims}"] = entry
    res["loadavg_end"] = os.getloadavg()
    text = json.dumps(res, indent=1)
    print(text)
    if a.out:
        open(a.out, "w").write(text + "\n")


if __name__ == "__main__":
    main()
