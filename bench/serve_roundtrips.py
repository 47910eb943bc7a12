"""ask+tell round trips per second through `tunebench-cli serve` (random sampler, SQLite
store), lock-step like a training loop: send ask, wait for the answer, send tell, wait.
Side by side, Optuna 3.1's trials/s with SQLite storage (../shared/bench/optuna_baseline.py).
Usage: /usr/bin/python3 bench/serve_roundtrips.py BUILD_DIR [N]"""
import json, os, subprocess, sys, tempfile, time

build, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5000
cli = os.path.join(build, "app", "tunebench-cli")
d = tempfile.mkdtemp()
db, spec = os.path.join(d, "serve.db"), os.path.join(d, "spec.json")
with open(spec, "w") as f:
    json.dump({"name": "serve", "objective": {"metric": "loss"}, "algorithm": {"name": "random", "seed": 0},
               "space": [{"name": "x", "type": "float", "low": 0, "high": 1},
                         {"name": "y", "type": "float", "low": 0, "high": 1}]}, f)
subprocess.run([cli, "create", spec, "--db", db], check=True, stdout=subprocess.DEVNULL)
p = subprocess.Popen([cli, "serve", "--db", db, "--experiment", "serve"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True, bufsize=1)
t0 = time.perf_counter()
for _ in range(n):
    p.stdin.write('{"op": "ask"}\n'); p.stdin.flush()
    a = json.loads(p.stdout.readline())
    v = a["params"]["x"] ** 2 + a["params"]["y"]
    p.stdin.write(json.dumps({"op": "tell", "trial": a["trial"], "value": v}) + "\n"); p.stdin.flush()
    assert json.loads(p.stdout.readline())["ok"]
dt = time.perf_counter() - t0
p.stdin.close(); p.wait()
res = {"serve_roundtrips_per_s": n / dt, "n": n}
if "--no-optuna" not in sys.argv:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
    import optuna_baseline
    res["optuna_sqlite_trials_per_s/random/n=500"] = optuna_baseline.sqlite_throughput(500, "random")
    res["ratio"] = res["serve_roundtrips_per_s"] / res["optuna_sqlite_trials_per_s/random/n=500"]
print(json.dumps(res, indent=1))
