"""Suggest latency, end to end through `tunebench-cli serve`: an experiment with D float
parameters in [0, 1] is filled with N completed trials (ask -> uniform random value -> tell,
through the same serve process), then each further ask is timed from the request written to
the answer read (sampler, the trial's insert and commit, JSON), and its trial told with the
sum of its parameters, as ../shared/bench/optuna_baseline.py's latency() does. Also the serve
process's CPU time per ask + tell (from /proc, 10 ms ticks: use >= 30 asks), which tells the
work done from the waiting for a core on a loaded machine.
The sampler alone (no store, no process) is timed by build/bench/tb-bench-samplers.

Usage: /usr/bin/python3 bench/sampler_latency.py BUILD_DIR [--asks 30] [--optuna] [--preload SO]
  --optuna: also run optuna_baseline.latency(1000, 16) in the same session."""
import argparse, json, os, random, statistics, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("build")
ap.add_argument("--asks", type=int, default=30)
ap.add_argument("--optuna", action="store_true")
ap.add_argument("--preload", help="LD_PRELOAD for the serve process only (bench/avx_upper_preload.c)")
a = ap.parse_args()
cli = os.path.abspath(os.path.join(a.build, "app", "tunebench-cli"))


def measure(sampler, n_hist, dims, settings=None):
    d = tempfile.mkdtemp()
    db, spec = os.path.join(d, "lat.db"), os.path.join(d, "spec.json")
    with open(spec, "w") as f:
        json.dump({"name": "lat", "objective": {"metric": "loss"}, "algorithm": {"name": sampler, "seed": 0, "settings": settings or {}},
                   "space": [{"name": f"x{i}", "type": "float", "low": 0, "high": 1} for i in range(dims)]}, f)
    subprocess.run([cli, "create", spec, "--db", db], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, LD_PRELOAD=os.path.abspath(a.preload)) if a.preload else None
    p = subprocess.Popen([cli, "serve", "--db", db, "--experiment", "lat"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True, bufsize=1, env=env)
    rnd = random.Random(0)
    tick = os.sysconf("SC_CLK_TCK")

    def cpu_s():  # user + system CPU time of the serve process
        f = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(f[11]) + int(f[12])) / tick

    ms = []
    t_fill = time.perf_counter()
    for i in range(n_hist + a.asks):
        if i == n_hist:
            t_fill = time.perf_counter() - t_fill
            cpu0 = cpu_s()
        t0 = time.perf_counter()
        p.stdin.write('{"op": "ask"}\n'); p.stdin.flush()
        ans = json.loads(p.stdout.readline())
        dt = (time.perf_counter() - t0) * 1000
        v = rnd.random() if i < n_hist else sum(ans["params"].values())
        if i >= n_hist:
            ms.append(dt)
        p.stdin.write(json.dumps({"op": "tell", "trial": ans["trial"], "value": v}) + "\n"); p.stdin.flush()
        assert json.loads(p.stdout.readline())["ok"]
    cpu = (cpu_s() - cpu0) / a.asks * 1000
    p.stdin.close(); p.wait()
    return {"serve_cpu_ms_per_ask_and_tell": cpu, "median_ms": statistics.median(ms), "mean_ms": statistics.mean(ms), "min_ms": min(ms),
            "asks": len(ms), "fill_s": t_fill, "loadavg": os.getloadavg()}


res = {"loadavg_start": os.getloadavg(), "preload": a.preload}
# tpe_optuna31: our tpe with Optuna 3.1's defaults (univariate, random start-up, categorical
# prior weight 1), for the cost of the current defaults on the same machine state.
OPTUNA31 = {"multivariate": False, "startup": "random", "categorical_prior_weight": 1}
for label, sampler, n, dims, settings in (("tpe", "tpe", 1000, 16, None), ("tpe_optuna31", "tpe", 1000, 16, OPTUNA31),
                                          ("gp", "gp", 300, 16, None), ("random", "random", 1000, 16, None)):
    r = measure(sampler, n, dims, settings)
    res[f"serve_ask_ms/{label}/n={n}/d={dims}"] = r
    print(label, n, dims, r, file=sys.stderr, flush=True)
if a.optuna:
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench"))
    import optuna_baseline
    res["optuna_tpe_ms_per_suggest/n=1000/d=16"] = optuna_baseline.latency(1000, 16)
    res["optuna_loadavg"] = os.getloadavg()
print(json.dumps(res, indent=1))
