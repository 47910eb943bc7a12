"""What the engine adds per trial through Slurm, next to local execution: 200 trivial trials
(one line of output), one at a time, each way, in one run on a single-node cluster that
scripts/slurm-cluster.sh starts. Per trial, from the store, the job's handle and its end
record (milliseconds):
  slurm_latency   = program start - the moment before sbatch ran (sbatch + scheduling + launch: Slurm's)
  detect          = trial recorded ended - program end (the engine noticing the end record, reading, storing)
  next            = next trial's submission (or local start) - this trial recorded ended (sampler, store, job file)
engine_added = detect + next (local: next only; its end arrives as a signal).
Usage: scripts/slurm-cluster.sh run /tmp/bench-slurm -- /usr/bin/python3 bench/slurm_overhead.py BUILD_DIR [N]"""
import json, os, statistics, subprocess, sys, tempfile

build = os.path.abspath(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
cli = os.path.join(build, "app", "tunebench-cli")
trial = os.path.join(build, "tests", "e2e", "tb-test-trial")


def run(executor):
    d = tempfile.mkdtemp()
    spec = {"name": "bench", "objective": {"metric": "loss"},
            "space": [{"name": "x", "type": "float", "low": 0, "high": 1}],
            "algorithm": {"name": "random", "seed": 1}, "budget": {"max_trials": n},
            "resources": {"parallel_trials": 1}, "executor": {"type": executor},
            "trial": {"argv": [trial, "--value=${x}"]}}
    with open(os.path.join(d, "s.json"), "w") as f:
        json.dump(spec, f)
    db = os.path.join(d, "s.db")
    subprocess.run([cli, "run", os.path.join(d, "s.json"), "--db", db, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    sys.path.insert(0, os.path.dirname(__file__))
    import sqlite3
    rows = sqlite3.connect(db).execute("SELECT number, started_at, ended_at, handle, dir FROM trials ORDER BY number").fetchall()
    out = []
    for number, started, ended, handle, tdir in rows:
        h = json.loads(handle) if handle else {}
        rec = {"started_ms": started * 1000, "ended_ms": ended * 1000, "submitted_ms": h.get("submitted_ms")}
        token = h.get("token")
        endfile = os.path.join(tdir, f"slurm-{token}.end.json")
        if os.path.exists(endfile):
            with open(endfile) as f:
                e = json.load(f)
            rec["program_start_ms"], rec["program_end_ms"] = e["started_ms"], e["ended_ms"]
        out.append(rec)
    return out


def stats(values):
    values = sorted(values)
    return {"median": statistics.median(values), "p10": values[len(values) // 10], "p90": values[len(values) * 9 // 10],
            "mean": statistics.mean(values)}


result = {"trials": n}
local = run("local")
result["local_next_ms"] = stats([b["started_ms"] - a["ended_ms"] for a, b in zip(local, local[1:])])
slurm = run("slurm")
result["slurm_latency_ms"] = stats([r["program_start_ms"] - r["submitted_ms"] for r in slurm])
result["slurm_detect_ms"] = stats([r["ended_ms"] - r["program_end_ms"] for r in slurm])
result["slurm_next_ms"] = stats([b["submitted_ms"] - a["ended_ms"] for a, b in zip(slurm, slurm[1:])])
result["slurm_engine_added_ms"] = stats([(a["ended_ms"] - a["program_end_ms"]) + (b["submitted_ms"] - a["ended_ms"])
                                         for a, b in zip(slurm, slurm[1:])])
print(json.dumps(result, indent=1))
