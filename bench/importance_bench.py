"""fANOVA importance with N trials x 8 parameters: `tunebench-cli importance --json` (wall time
of the whole command: process start, reading the store, 64 trees) on a store filled through
`tunebench-cli serve` (random sampler, ask -> objective -> tell), side by side with Optuna
3.1's FanovaImportanceEvaluator(seed=0) on the same trials (same parameters, same values).

The objective has a known ranking of first-order variance shares (x in [0,1]^8):
  f = 10 x0 + 7 x1 + 6 x2 (x3 + 0.5) + 6.3 sin(2 pi x4) + 2 x5 + 1 x6 + 0 x7
main-effect variances: x4 6.3^2/2, x0 100/12, x1 49/12, x2 36/12, x3 9/12, x5 4/12, x6 1/12,
x7 0 (that order), plus an x2*x3 interaction (36/144) that is neither's main effect.
Usage: /usr/bin/python3 bench/importance_bench.py BUILD_DIR [N] [--no-optuna] [--repeat 3]"""
import argparse, json, math, os, random, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("n", nargs="?", type=int, default=1000)
ap.add_argument("--repeat", type=int, default=3)
ap.add_argument("--no-optuna", action="store_true")
a = ap.parse_args()
cli = os.path.abspath(os.path.join(a.build, "app", "tunebench-cli"))
D = 8


def objective(p):
    x = [p[f"x{i}"] for i in range(D)]
    return (10 * x[0] + 7 * x[1] + 6 * x[2] * (x[3] + 0.5) + 6.3 * math.sin(2 * math.pi * x[4])
            + 2 * x[5] + 1 * x[6] + 0 * x[7])


main_var = {"x0": 100 / 12, "x1": 49 / 12, "x2": 36 / 12, "x3": 9 / 12, "x4": 6.3 ** 2 / 2,
            "x5": 4 / 12, "x6": 1 / 12, "x7": 0.0}
expected = {k: v / sum(main_var.values()) for k, v in main_var.items()}
expected_rank = sorted(expected, key=lambda k: -expected[k])

d = tempfile.mkdtemp()
db, spec = os.path.join(d, "imp.db"), os.path.join(d, "spec.json")
with open(spec, "w") as f:
    json.dump({"name": "imp", "objective": {"metric": "loss"}, "algorithm": {"name": "random", "seed": 0},
               "space": [{"name": f"x{i}", "type": "float", "low": 0, "high": 1} for i in range(D)]}, f)
subprocess.run([cli, "create", spec, "--db", db], check=True, stdout=subprocess.DEVNULL)
p = subprocess.Popen([cli, "serve", "--db", db, "--experiment", "imp"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True, bufsize=1)
trials = []
for _ in range(a.n):
    p.stdin.write('{"op": "ask"}\n'); p.stdin.flush()
    ans = json.loads(p.stdout.readline())
    v = objective(ans["params"])
    trials.append((ans["params"], v))
    p.stdin.write(json.dumps({"op": "tell", "trial": ans["trial"], "value": v}) + "\n"); p.stdin.flush()
    assert json.loads(p.stdout.readline())["ok"]
p.stdin.close(); p.wait()

res = {"n_trials": a.n, "params": D, "expected_first_order_shares": expected, "expected_ranking": expected_rank,
       "loadavg_start": os.getloadavg()}
times, ours = [], None
for _ in range(a.repeat):
    t0 = time.perf_counter()
    out = subprocess.run([cli, "importance", "--db", db, "--experiment", "imp", "--json"], check=True,
                         capture_output=True, text=True).stdout
    times.append(time.perf_counter() - t0)
    ours = json.loads(out)
res["ours"] = {"wall_s_each": times, "median_wall_s": statistics.median(times), "trials_used": ours["trials"],
               "importance": ours["importance"],
               "ranking": sorted(ours["importance"], key=lambda k: -ours["importance"][k])}
res["ours"]["same_ranking_as_expected"] = res["ours"]["ranking"] == expected_rank
print(f"ours: {statistics.median(times):.3f} s, ranking {res['ours']['ranking']}", file=sys.stderr, flush=True)

if not a.no_optuna:
    import optuna
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    dists = {f"x{i}": optuna.distributions.FloatDistribution(0, 1) for i in range(D)}
    st = optuna.create_study()
    st.add_trials([optuna.trial.create_trial(params=pp, distributions=dists, value=v) for pp, v in trials])
    res["loadavg_before_optuna"] = os.getloadavg()
    t0 = time.perf_counter()
    imp = optuna.importance.get_param_importances(
        st, evaluator=optuna.importance.FanovaImportanceEvaluator(seed=0))
    dt = time.perf_counter() - t0
    imp = {k: float(v) for k, v in imp.items()}
    res["optuna"] = {"wall_s": dt, "importance": imp, "ranking": sorted(imp, key=lambda k: -imp[k])}
    res["optuna"]["same_ranking_as_expected"] = res["optuna"]["ranking"] == expected_rank
    res["same_ranking_ours_vs_optuna"] = res["ours"]["ranking"] == res["optuna"]["ranking"]
    res["speedup"] = dt / res["ours"]["median_wall_s"]
res["loadavg_end"] = os.getloadavg()
print(json.dumps(res, indent=1))

print("\n| parameter | expected first-order share | ours | Optuna fANOVA |")
print("|---|---|---|---|")
for k in expected_rank:
    o = res.get("optuna", {}).get("importance", {}).get(k)
    print(f"| {k} | {expected[k]:.4f} | {res['ours']['importance'][k]:.4f} | {'' if o is None else f'{o:.4f}'} |")
