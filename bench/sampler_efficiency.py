"""Sample efficiency: median regret after TRIALS trials over SEEDS seeds on every function in
../shared/bench/functions.py, our samplers driven through `tunebench-cli serve` (one serve
process per run: ask -> evaluate the Python function -> tell), side by side with Optuna 3.1
(../shared/bench/optuna_baseline.py's efficiency(), same functions, seeds and trials).

Usage: /usr/bin/python3 bench/sampler_efficiency.py BUILD_DIR [--jobs 2] [--seeds 20]
       [--trials 100] [--functions a,b] [--ours tpe,gp,random,cmaes]
       [--optuna random,tpe,tpe_mv,cmaes | --no-optuna] [--optuna-per-seed] [--block 20]
       [--ours-settings JSON] [--extra-functions bench/heldout_functions.py] [--json-out FILE]
Prints progress on stderr, then JSON and a markdown table on stdout.
With --optuna-per-seed and more seeds than --block, the seeds are also cut into disjoint
blocks of --block seeds (0-19, 20-39, ...) and each block's medians compared: how often a
20-seed median says "ours is worse" when the samplers are in fact alike.
regret = best value found - the function's known optimum (minimisation)."""
import argparse, json, math, multiprocessing as mp, os, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "bench")
sys.path.insert(0, SHARED)
from functions import ALL  # noqa: E402

CLI = None
SETTINGS = {}


def spec_space(space):
    out = []
    for name, s in space.items():
        if s[0] == "float":
            out.append({"name": name, "type": "float", "low": s[1], "high": s[2], "log": bool(s[3])})
        elif s[0] == "int":
            out.append({"name": name, "type": "int", "low": s[1], "high": s[2], "log": bool(s[3])})
        else:
            out.append({"name": name, "type": "categorical", "choices": list(s[1])})
    return out


def run_ours(task):
    """One run: create the experiment, drive it through one serve process."""
    fname, sampler, seed, trials = task
    space, fn, opt = ALL[fname]
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as d:
        db, spec = os.path.join(d, "e.db"), os.path.join(d, "spec.json")
        name = f"{fname}-{sampler}-{seed}"
        with open(spec, "w") as f:
            json.dump({"name": name, "objective": {"metric": "value", "direction": "minimize"},
                       "space": spec_space(space), "algorithm": {"name": sampler, "seed": seed, "settings": SETTINGS.get(sampler, {})}}, f)
        subprocess.run([CLI, "create", spec, "--db", db], check=True, stdout=subprocess.DEVNULL)
        p = subprocess.Popen([CLI, "serve", "--db", db, "--experiment", name], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, bufsize=1)
        best = math.inf
        try:
            for _ in range(trials):
                p.stdin.write('{"op": "ask"}\n'); p.stdin.flush()
                a = json.loads(p.stdout.readline())
                if "params" not in a:
                    raise RuntimeError(f"{name}: ask answered {a}")
                v = fn(a["params"])
                best = min(best, v)
                p.stdin.write(json.dumps({"op": "tell", "trial": a["trial"], "value": v}) + "\n"); p.stdin.flush()
                r = json.loads(p.stdout.readline())
                if not r.get("ok"):
                    raise RuntimeError(f"{name}: tell answered {r}")
        finally:
            p.stdin.close(); p.wait()
    return ("ours", fname, sampler, seed, best - opt, time.perf_counter() - t0)


def run_optuna_seed(task):
    """One Optuna run with the sampler efficiency() builds for this seed (--optuna-per-seed)."""
    fname, sampler, seed, trials = task
    import optuna, optuna_baseline
    space, fn, opt = ALL[fname]
    t0 = time.perf_counter()
    if sampler == "tpe": s = optuna.samplers.TPESampler(seed=seed)
    elif sampler == "tpe_mv": s = optuna.samplers.TPESampler(seed=seed, multivariate=True)
    elif sampler == "cmaes": s = optuna.samplers.CmaEsSampler(seed=seed)
    else: s = optuna.samplers.RandomSampler(seed=seed)
    st = optuna.create_study(sampler=s)
    st.optimize(lambda t: fn(optuna_baseline.suggest(t, space)), n_trials=trials)
    return ("optuna_seed", fname, sampler, seed, st.best_value - opt, time.perf_counter() - t0)


def run_optuna(task):
    fname, sampler, seeds, trials = task
    import optuna_baseline
    t0 = time.perf_counter()
    r = optuna_baseline.efficiency([fname], [sampler], trials=trials, seeds=seeds)[f"{fname}/{sampler}"]
    return ("optuna", fname, sampler, r, time.perf_counter() - t0)


def run(task):
    if task[0] == "optuna_seed":
        return run_optuna_seed(task[1:])
    return run_optuna(task[1:]) if task[0] == "optuna" else run_ours(task[1:])


def init(cli, settings):
    global CLI, SETTINGS
    CLI = cli
    SETTINGS = settings


def fmt(x):
    if x == 0:
        return "0"
    return f"{x:.3g}" if abs(x) >= 1e-3 else f"{x:.2e}"


def blocks(ours, theirs, size):
    """Per disjoint block of `size` seeds: both medians; how many blocks ours <= theirs; and a
    bootstrap 95% interval of the ratio of the two full-sample medians (ours / theirs)."""
    n = min(len(ours), len(theirs))
    if n < 2 * size:
        return {}
    import random
    rows = [(statistics.median(ours[i:i + size]), statistics.median(theirs[i:i + size]))
            for i in range(0, n - size + 1, size)]
    rng = random.Random(0)
    ratios = sorted(statistics.median(rng.choices(ours, k=len(ours))) /
                    statistics.median(rng.choices(theirs, k=len(theirs))) for _ in range(2000))
    return {"block_size": size, "block_medians": rows,
            "blocks_ours_no_worse": sum(1 for o, t in rows if o <= t), "blocks": len(rows),
            "median_ratio_ci95": [ratios[49], ratios[1949]]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--functions", default=",".join(ALL))
    ap.add_argument("--ours", default="tpe,gp,random,cmaes")
    ap.add_argument("--optuna", default="random,tpe,tpe_mv,cmaes")
    ap.add_argument("--no-optuna", action="store_true")
    ap.add_argument("--optuna-per-seed", action="store_true",
                    help="one task per Optuna run (same samplers as efficiency()), keeping every seed's "
                         "regret for a Mann-Whitney test against ours")
    ap.add_argument("--block", type=int, default=20,
                    help="with --optuna-per-seed: compare the medians of each block of this many seeds")
    ap.add_argument("--ours-settings", default="{}",
                    help='JSON: extra algorithm settings per sampler of ours, e.g. {"tpe": {"consider_endpoints": true}}')
    ap.add_argument("--extra-functions",
                    help="a Python file whose HELDOUT dict (functions.py's format) adds functions, "
                         "e.g. bench/heldout_functions.py; name them with --functions")
    ap.add_argument("--json-out")
    a = ap.parse_args()
    if a.extra_functions:  # before the worker processes fork, so that they see them too
        import importlib.util
        spec = importlib.util.spec_from_file_location("extra_functions", a.extra_functions)
        extra = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(extra)
        ALL.update(extra.HELDOUT)  # the dict optuna_baseline imported as well
    cli = os.path.abspath(os.path.join(a.build, "app", "tunebench-cli"))
    fnames = a.functions.split(",")
    ours = a.ours.split(",") if a.ours else []
    theirs = [] if a.no_optuna or not a.optuna else a.optuna.split(",")

    # Optuna's tasks (one per function x sampler, all seeds: ~20-60 s each) first, so the
    # long ones do not end up alone at the tail; ours (one per run) fill in around them.
    if a.optuna_per_seed:
        tasks = [("optuna_seed", f, s, seed, a.trials) for f in fnames for s in theirs for seed in range(a.seeds)]
    else:
        tasks = [("optuna", f, s, a.seeds, a.trials) for f in fnames for s in theirs]
    tasks += [("ours", f, s, seed, a.trials) for f in fnames for s in ours for seed in range(a.seeds)]
    load_start = os.getloadavg()
    t0 = time.time()
    results = {"ours": {}, "optuna": {}}
    per_run = {}
    with mp.Pool(a.jobs, initializer=init, initargs=(cli, json.loads(a.ours_settings))) as pool:
        for i, r in enumerate(pool.imap_unordered(run, tasks), 1):
            if r[0] in ("ours", "optuna_seed"):
                who, f, s, seed, regret, dt = r
                who = "ours" if who == "ours" else "optuna"
                per_run.setdefault((who, f, s), {})[seed] = (regret, dt)
                if len(per_run[(who, f, s)]) == a.seeds:
                    regrets = [per_run[(who, f, s)][k][0] for k in range(a.seeds)]
                    secs = [per_run[(who, f, s)][k][1] for k in range(a.seeds)]
                    results[who][f"{f}/{s}"] = {"median_regret": statistics.median(regrets),
                                                   "mean_regret": statistics.mean(regrets),
                                                   "regrets": regrets, "median_run_s": statistics.median(secs)}
                    print(f"[{i}/{len(tasks)} {time.time() - t0:.0f}s] {who} {f} {s} median regret "
                          f"{fmt(statistics.median(regrets))} ({statistics.median(secs):.2f} s/run) "
                          f"load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
            else:
                _, f, s, res, dt = r
                res = dict(res, total_s=dt)
                results["optuna"][f"{f}/{s}"] = res
                print(f"[{i}/{len(tasks)} {time.time() - t0:.0f}s] optuna {f} {s} median regret "
                      f"{fmt(res['median_regret'])} ({dt / a.seeds:.2f} s/run) load {os.getloadavg()[0]:.2f}",
                      file=sys.stderr, flush=True)

    verdicts, tests = {}, {}
    for f in fnames:
        ot = results["optuna"].get(f"{f}/tpe")
        if ot is None:
            continue
        for mine, rule in (("tpe", "<="), ("gp", "<")):
            if mine not in ours or (mine == "gp" and f not in ("branin", "hartmann6", "rosenbrock4")):
                continue
            r = results["ours"][f"{f}/{mine}"]
            m = r["median_regret"]
            verdicts[f"{f}: {mine} {rule} optuna tpe"] = m <= ot["median_regret"] if rule == "<=" else m < ot["median_regret"]
            if "regrets" in ot:  # per-seed Optuna regrets: is the difference more than seed noise?
                from scipy.stats import mannwhitneyu
                tests[f"{f}: ours {mine} vs optuna tpe"] = {
                    "ours_median": m, "optuna_median": ot["median_regret"],
                    "p_two_sided": float(mannwhitneyu(r["regrets"], ot["regrets"], alternative="two-sided").pvalue),
                    **blocks(r["regrets"], ot["regrets"], a.block)}
    out = {"trials": a.trials, "seeds": a.seeds, "jobs": a.jobs, "wall_s": time.time() - t0,
           "loadavg_start": load_start, "loadavg_end": os.getloadavg(), "results": results, "verdicts": verdicts,
           "mann_whitney": tests}
    if a.json_out:
        with open(a.json_out, "w") as fh:
            json.dump(out, fh, indent=1)
    print(json.dumps(out, indent=1))

    cols = [("ours", s) for s in ours] + [("optuna", s) for s in theirs]
    print(f"\nMedian regret after {a.trials} trials over {a.seeds} seeds (mean in parentheses)\n")
    print("| function | " + " | ".join(f"{'ours' if w == 'ours' else 'Optuna'} {s}" for w, s in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for f in fnames:
        cells = []
        for w, s in cols:
            r = results[w].get(f"{f}/{s}")
            cells.append(f"{fmt(r['median_regret'])} ({fmt(r['mean_regret'])})" if r else "")
        print(f"| {f} | " + " | ".join(cells) + " |")
    if verdicts:
        print()
        for k, v in verdicts.items():
            print(f"- {k}: {'met' if v else 'NOT met'}")
    for k, v in tests.items():
        print(f"- {k}: medians {fmt(v['ours_median'])} vs {fmt(v['optuna_median'])}, Mann-Whitney p = {v['p_two_sided']:.3g}")
        if "blocks" in v:
            lo, hi = v["median_ratio_ci95"]
            print(f"  {v['block_size']}-seed blocks where ours <= Optuna: {v['blocks_ours_no_worse']} of {v['blocks']}; "
                  f"ratio of medians (ours / Optuna) 95% bootstrap interval {lo:.2f}-{hi:.2f}")
            print("  per block (ours, Optuna): " + ", ".join(f"({fmt(o)}, {fmt(t)})" for o, t in v["block_medians"]))


if __name__ == "__main__":
    main()
