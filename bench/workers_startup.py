"""Start-up overhead of a group of workers: 200 trivial trials (each worker prints its loss
and exits) with trial.workers 4 and with 1, one trial at a time, alternating blocks in one
run. Per trial: recorded end - recorded start, from the store (ms). The difference of the
medians is what a 4-worker trial costs more than a 1-worker one: the engine's part (a free
port, the workers' description file) and the supervisor starting and reaping three more
processes.
Usage: /usr/bin/python3 bench/workers_startup.py BUILD_DIR [N]"""
import json, os, sqlite3, statistics, subprocess, sys, tempfile

build = os.path.abspath(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
cli = os.path.join(build, "app", "tunebench-cli")
trial = os.path.join(build, "tests", "e2e", "tb-test-trial")


def run(workers, trials):
    d = tempfile.mkdtemp()
    spec = {"name": "w", "objective": {"metric": "loss"}, "space": [{"name": "x", "type": "float", "low": 0, "high": 1}],
            "algorithm": {"name": "random", "seed": 1}, "budget": {"max_trials": trials},
            "trial": {"argv": [trial, "--value=${x}"], "workers": workers}}
    with open(os.path.join(d, "s.json"), "w") as f:
        json.dump(spec, f)
    db = os.path.join(d, "s.db")
    subprocess.run([cli, "run", os.path.join(d, "s.json"), "--db", db, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    return [(e - s) * 1000 for s, e in sqlite3.connect(db).execute("SELECT started_at, ended_at FROM trials")]


one, four = [], []
for _ in range(4):  # alternating blocks: the machine's slow phases hit both
    one += run(1, n // 4)
    four += run(4, n // 4)
m1, m4 = statistics.median(one), statistics.median(four)
q = lambda v: [sorted(v)[len(v) // 10], sorted(v)[len(v) * 9 // 10]]
print(json.dumps({"trials_each": len(one), "one_worker_ms": {"median": m1, "p10_p90": q(one)},
                  "four_workers_ms": {"median": m4, "p10_p90": q(four)}, "added_median_ms": m4 - m1}, indent=1))
