#!/usr/bin/env python3
"""tunebench-train on the CPU, side by side with PyTorch eager (issue 3, item 10).

(a) tokens/s of `--model gpt --size tiny|small` on resources/corpus/sample.txt (1 stage,
    fp32, AdamW, the batch and block of torch_ref_gpt.py's configs) against
    `torch_ref_gpt.py tiny|small cpu`, both at the same thread count (--threads T and
    OMP_NUM_THREADS=T).
    --a-mode concurrent instead runs both at once, one thread each, one on each core, so
    that whatever slows this shared machine down slows both alike: the reference through
    bench/torch_ref_steps.py (torch_ref_gpt.py's model and step, a line per step), and each
    side's rate counts only the steps that ended while both were running.
(b) two CPU stages (--stages 2 --devices cpu,cpu --threads 2: one intra-op thread per
    worker), m = 8, 1f1b and gpipe, gpt small: the measured bubble (from the span events of
    every step: per device 1 - busy / makespan, averaged over the devices) against the
    simulator's prediction from the measured per-stage F and B durations, and the 2-stage
    throughput against one stage on one thread.

Every repetition runs all sides once, in an order that alternates between repetitions;
figures are medians over the repetitions, with the load average next to each.

Threads: OMP_NUM_THREADS is set to the thread count on both sides. Debian's libtorch calls
OpenBLAS's pthread build, whose own thread pool follows OPENBLAS_NUM_THREADS (else
OMP_NUM_THREADS) and is not bounded by at::set_num_threads: (a) leaves it to follow
OMP_NUM_THREADS on both sides; (b) sets OPENBLAS_NUM_THREADS=1, i.e. one thread per worker
(without it two workers run 2 + 2 BLAS threads on 2 cores and the pipeline is ~3.5x slower).

Usage: /usr/bin/python3 bench/trainer_cpu.py [--build build] [--reps 3] [--part a|b|all]
       [--a-threads 2,1] [--a-mode alternate|concurrent] [--json FILE] [--logs DIR] [--quick]
"""
import argparse, json, os, re, statistics, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIGS = {"tiny": dict(n_layer=4, d=128, heads=4, block=64, batch=32),
           "small": dict(n_layer=8, d=256, heads=8, block=128, batch=32)}


def find_ref():
    for d in (os.path.join(ROOT, "..", "shared", "bench"), os.path.join(ROOT, "shared", "bench")):
        p = os.path.normpath(os.path.join(d, "torch_ref_gpt.py"))
        if os.path.exists(p):
            return p
    return None


def find_binary(build, name, subdirs):
    for sub in subdirs:
        p = os.path.join(build, sub, name)
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    for dirpath, _, files in os.walk(build):
        if name in files and "_CPack" not in dirpath:
            return os.path.join(dirpath, name)
    sys.exit(f"{name} not found under {build}: cmake --build {build} --target {name}")


def load():
    return round(os.getloadavg()[0], 2)


def read_logged(path):
    """A run's log as written with --logs: its text and the load before and after it."""
    with open(path) as f:
        text = f.read()
    m = re.search(r"^# load ([0-9.]+) ([0-9.]+)", text, re.M)
    return (text, float(m.group(1)), float(m.group(2))) if m else (text, None, None)


def thread_env(env_threads, blas_threads=None):
    """OMP_NUM_THREADS = env_threads for both sides. Debian's libtorch calls OpenBLAS's
    pthread build, whose own pool follows OPENBLAS_NUM_THREADS, else OMP_NUM_THREADS, and
    which at::set_num_threads does not bound: blas_threads sets OPENBLAS_NUM_THREADS."""
    env = dict(os.environ, OMP_NUM_THREADS=str(env_threads), MKL_NUM_THREADS=str(env_threads))
    env.pop("OPENBLAS_NUM_THREADS", None)
    if blas_threads:
        env["OPENBLAS_NUM_THREADS"] = str(blas_threads)
    return env


def run_pair(cmd, env_threads, log=None, blas_threads=None):
    """Two copies of cmd at once (the machine's own 2-core ceiling for this workload).
    Returns both outputs."""
    env = thread_env(env_threads, blas_threads)
    t0 = time.perf_counter()
    ps = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env) for _ in range(2)]
    texts = [p.communicate()[0] for p in ps]
    wall = time.perf_counter() - t0
    if log:
        with open(log, "w") as f:
            f.write(" ".join(cmd) + "\n" + texts[0] + "\n# ---- second copy\n" + texts[1])
    if any(p.returncode for p in ps):
        sys.exit(f"failed: {' '.join(cmd)}\n{texts[0][-2000:]}")
    return texts, wall


def run(cmd, env_threads, log=None, blas_threads=None):
    """One run of cmd with thread_env(env_threads, blas_threads)."""
    env = thread_env(env_threads, blas_threads)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    wall = time.perf_counter() - t0
    if log:
        with open(log, "w") as f:
            f.write(" ".join(cmd) + "\n" + p.stdout)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-3000:]}")
    return p.stdout, wall


STEP = re.compile(r"^step=(\d+) .*tokens_per_s=([0-9.]+)", re.M)


def steps_of(text):
    return [(int(s), float(t)) for s, t in STEP.findall(text)]


def rate(steps, warm):
    """tokens/s over the kept steps: total tokens / total time (harmonic mean of the
    per-step rates, every step has the same token count)."""
    kept = [t for s, t in steps if s > warm]
    return len(kept) / sum(1.0 / t for t in kept)


def events(text, kind):
    out = []
    for line in text.splitlines():
        if line.startswith("@tunebench "):
            e = json.loads(line[len("@tunebench "):])
            if e.get("event") == kind:
                out.append(e)
    return out


def med(xs):
    return statistics.median(xs)


# ---- (a) tokens/s against PyTorch eager -------------------------------------------------

def run_concurrent(cmds, threads, logs=None, extra_env=None, leader=None):
    """Starts every command at once (OMP and OpenBLAS threads = threads; extra_env[i]: more
    variables for command i). When command `leader` ends, the others get SIGTERM (they are
    meant to run longer: tunebench-train stops after its current step). Returns, per
    command, its output and the (arrival time, step, tokens/s) of each step line."""
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
               OPENBLAS_NUM_THREADS=str(threads))
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
                              env=dict(env, **((extra_env or {}).get(i) or {})))
             for i, c in enumerate(cmds)]
    lines = [[] for _ in cmds]
    steps = [[] for _ in cmds]

    def read(i):
        for line in procs[i].stdout:
            t = time.monotonic()
            lines[i].append(line)
            m = STEP.match(line)
            if m:
                steps[i].append((t, int(m.group(1)), float(m.group(2))))
    readers = [threading.Thread(target=read, args=(i,)) for i in range(len(cmds))]
    for r in readers:
        r.start()
    if leader is not None:
        procs[leader].wait()
        for i, p in enumerate(procs):
            if i != leader and p.poll() is None:
                p.terminate()
    for r in readers:
        r.join()
    for i, p in enumerate(procs):
        if p.wait() not in (0, 143, -15):
            sys.exit(f"failed: {' '.join(cmds[i])}\n{''.join(lines[i])[-2000:]}")
    if logs:
        for i, c in enumerate(cmds):
            with open(logs[i], "w") as f:
                f.write(" ".join(c) + "\n" + "".join(lines[i]))
    return ["".join(x) for x in lines], steps


def part_a_concurrent(a, train, ref, corpus, logs):
    """Ours and the reference at once, one thread each; each side's rate over its steps
    that ended inside the window in which both were past their warm-up."""
    steps_ref = os.path.join(ROOT, "bench", "torch_ref_steps.py")
    res = {}
    for size in ("tiny", "small"):
        steps, warm = (60, 5) if size == "tiny" else (12, 2)
        if a.quick:
            steps, warm = (10, 2) if size == "tiny" else (4, 1)
        ours_steps = 20 * steps  # stopped when the reference ends
        ours_cmd = [train, "--task", "text", "--data", corpus, "--model", "gpt", "--size", size,
                    "--stages", "1", "--threads", "1", "--steps", str(ours_steps), "--lr", "3e-4",
                    "--optimizer", "adamw", "--precision", "fp32", "--span-every", "1000000",
                    "--val-fraction", "0.1" if size == "tiny" else "0.03"]
        ref_cmd = ["/usr/bin/python3", steps_ref, ref, size, str(steps)]
        runs = []
        for r in range(a.reps):
            l0 = load()
            texts, st = run_concurrent([ours_cmd, ref_cmd], 1,
                                       logs and [f"{logs}/a_{size}_conc_ours_{r}.log", f"{logs}/a_{size}_conc_ref_{r}.log"],
                                       {1: {"OPENBLAS_CORETYPE": a.ref_blas_core}} if a.ref_blas_core else None,
                                       leader=1)
            ours = [x for x in st[0] if x[1] > warm]
            theirs = st[1]  # the reference's warm-up steps are not printed
            t0 = max(ours[0][0] - 1e-9, theirs[0][0] - 1e-9)
            t1 = min(ours[-1][0], theirs[-1][0])
            ko = [x[2] for x in ours if t0 <= x[0] <= t1]
            kt = [x[2] for x in theirs if t0 <= x[0] <= t1]
            row = {"ours": len(ko) / sum(1 / x for x in ko) if ko else None,
                   "ref": len(kt) / sum(1 / x for x in kt) if kt else None,
                   "ours_steps_in_window": len(ko), "ref_steps_in_window": len(kt),
                   "window_s": round(t1 - t0, 1), "load": [l0, load()]}
            row["ratio"] = row["ours"] / row["ref"] if row["ours"] and row["ref"] else None
            runs.append(row)
            print(f"  (a, concurrent) {size} rep {r}: ours {row['ours']} ref {row['ref']} ratio {row['ratio']} "
                  f"({len(ko)} / {len(kt)} steps in {row['window_s']} s) load {row['load']}", file=sys.stderr)
        ok = [x for x in runs if x["ratio"]]
        res[f"{size} 1t concurrent"] = {
            "model": f"gpt {size}", "config": CONFIGS[size], "threads": 1, "mode": "concurrent", "steps": steps,
            "warmup_steps_dropped": warm,
            "ours_tokens_per_s": med([x["ours"] for x in ok]), "ref_tokens_per_s": med([x["ref"] for x in ok]),
            "ratio": med([x["ratio"] for x in ok]),
            "load_range": [min(min(x["load"]) for x in runs), max(max(x["load"]) for x in runs)], "runs": runs}
        res[f"{size} 1t concurrent"]["target_1_0x_met"] = res[f"{size} 1t concurrent"]["ratio"] >= 1.0
    return res


def part_a(a, train, ref, corpus, logs):
    res = {}
    for threads, size in [(t, s) for t in a.a_threads for s in ("tiny", "small")]:
        cfg = CONFIGS[size]
        key = f"{size} {threads}t"
        steps, warm = (30, 5) if size == "tiny" else (10, 2)
        ref_steps = 25 if size == "tiny" else 8
        if a.quick:
            steps, warm, ref_steps = (12, 3, 8) if size == "tiny" else (5, 2, 3)
        ours_cmd = [train, "--task", "text", "--data", corpus, "--model", "gpt", "--size", size,
                    "--stages", "1", "--threads", str(threads), "--steps", str(steps), "--lr", "3e-4",
                    "--optimizer", "adamw", "--precision", "fp32", "--span-every", "1000000",
                    "--val-fraction", "0.1" if size == "tiny" else "0.03"]
        ref_cmd = ["/usr/bin/python3", ref, size, "cpu", str(ref_steps)]
        runs = []
        for r in range(a.reps):
            order = ("ours", "ref") if r % 2 == 0 else ("ref", "ours")
            row = {}
            for side in order:
                l0 = load()
                if side == "ours":
                    text, wall = run(ours_cmd, threads, logs and f"{logs}/a_{size}_{threads}t_ours_{r}.log")
                    row["ours"] = rate(steps_of(text), warm)
                else:
                    text, wall = run(ref_cmd, threads, logs and f"{logs}/a_{size}_{threads}t_ref_{r}.log")
                    m = re.search(r"tokens_per_s=([0-9.]+)", text)
                    row["ref"] = float(m.group(1))
                    row["ref_params"] = int(re.search(r"params=(\d+)", text).group(1))
                row[side + "_load"] = [l0, load()]
            row["ratio"] = row["ours"] / row["ref"]
            runs.append(row)
            print(f"  (a) {key} rep {r}: ours {row['ours']:.0f} ref {row['ref']:.0f} tokens/s "
                  f"ratio {row['ratio']:.2f} load {row['ours_load']}/{row['ref_load']}", file=sys.stderr)
        res[key] = {
            "model": f"gpt {size}", "config": cfg, "threads": threads, "steps": steps, "warmup_steps_dropped": warm,
            "ref_steps": ref_steps,
            "ours_tokens_per_s": med([x["ours"] for x in runs]),
            "ref_tokens_per_s": med([x["ref"] for x in runs]),
            "ratio": med([x["ratio"] for x in runs]),
            "load_range": [min(min(x["ours_load"] + x["ref_load"]) for x in runs),
                           max(max(x["ours_load"] + x["ref_load"]) for x in runs)],
            "runs": runs,
        }
        res[key]["target_1_0x_met"] = res[key]["ratio"] >= 1.0
    return res


# ---- (b) two CPU stages: bubble and speed-up --------------------------------------------

def virtual(kind):
    return ["--virtual-stages", "2"] if kind == "interleaved" else []


def schedule_order(cli, kind, p, m):
    """The schedule's per-device action order, from the simulator itself."""
    out = subprocess.run([cli, "schedule", "--schedule", kind, "--stages", str(p), "--microbatches", str(m),
                          "--format", "json"] + virtual(kind), check=True, stdout=subprocess.PIPE, text=True).stdout
    return [[(x["stage"], x["op"], x["microbatch"]) for x in dev] for dev in json.loads(out)["actions"]]


def cli_bubble(cli, kind, p, m, f, b):
    out = subprocess.run([cli, "schedule", "--schedule", kind, "--stages", str(p), "--microbatches", str(m),
                          "--durations", f"{f:.3f},{b:.3f},0", "--format", "json"] + virtual(kind),
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    j = json.loads(out)
    return j["bubble_fraction"], j["makespan"]


def simulate(order, duration):
    """The simulator's rule (algorithms/schedules/simulator.cpp): each device runs its list
    in order; an action starts when its device is free and its dependencies have ended.
    F(s,k) needs F(s-1,k); B(s,k) needs F(s,k) and B(s+1,k). duration(op, stage, mb).
    Returns (mean idle fraction over devices, makespan)."""
    n_stages = 1 + max(a[0] for dev in order for a in dev)
    end, pos, free = {}, [0] * len(order), [0.0] * len(order)
    busy = [0.0] * len(order)
    left = sum(len(d) for d in order)
    while left:
        progressed = False
        for d, acts in enumerate(order):
            while pos[d] < len(acts):
                s, op, k = acts[pos[d]]
                deps = [("F", s - 1, k)] if op == "F" and s > 0 else []
                if op == "B":
                    deps = [("F", s, k)] + ([("B", s + 1, k)] if s + 1 < n_stages else [])
                if any(x not in end for x in deps):
                    break
                start = max([free[d]] + [end[x] for x in deps])
                dur = duration(op, s, k)
                end[(op, s, k)] = start + dur
                free[d] = start + dur
                busy[d] += dur
                pos[d] += 1
                left -= 1
                progressed = True
        if not progressed:
            raise RuntimeError("schedule deadlocks")
    makespan = max(free)
    idle = [1 - x / makespan for x in busy]
    return sum(idle) / len(idle), makespan


def measured_bubble(spans, warm, order):
    """Per kept step: per device 1 - busy / makespan (makespan: first start to last end
    over all devices); mean over devices. Also the per-stage mean F and B durations, and
    the simulator replayed with each action's own measured duration (the runtime's
    scheduling overhead: measured minus replayed)."""
    by_step = {}
    for e in spans:
        if e["step"] > warm:
            by_step.setdefault(e["step"], []).append(e)
    bubbles, makespans, dur, replay, replay_ms = [], [], {}, [], []
    for step, es in sorted(by_step.items()):
        own = {(e["op"], e["stage"], e["mb"]): e["end_us"] - e["start_us"] for e in es}
        rb, rm = simulate(order, lambda op, s, k: own[(op, s, k)])
        replay.append(rb)
        replay_ms.append(rm)
        t0 = min(e["start_us"] for e in es)
        t1 = max(e["end_us"] for e in es)
        devs = sorted({e["device"] for e in es})
        idle = [1 - sum(e["end_us"] - e["start_us"] for e in es if e["device"] == d) / (t1 - t0) for d in devs]
        bubbles.append(sum(idle) / len(idle))
        makespans.append(t1 - t0)
        for e in es:
            dur.setdefault((e["stage"], e["op"]), []).append(e["end_us"] - e["start_us"])
    n_stages = 1 + max(s for s, _ in dur)
    fwd = [statistics.mean(dur[(s, "F")]) for s in range(n_stages)]
    bwd = [statistics.mean(dur[(s, "B")]) for s in range(n_stages)]
    return {"bubble": statistics.mean(bubbles), "bubble_per_step": bubbles,
            "makespan_us": statistics.mean(makespans), "forward_us": fwd, "backward_us": bwd,
            "replay_bubble": statistics.mean(replay), "replay_makespan_us": statistics.mean(replay_ms),
            "steps": len(bubbles)}


def part_b(a, train, cli, corpus, logs):
    size, m = a.b_size, 8
    steps, warm = (10, 2) if not a.quick else (4, 1)
    base = [train, "--task", "text", "--data", corpus, "--model", "gpt", "--size", size, "--steps", str(steps),
            "--lr", "3e-4", "--val-fraction", "0.1" if size == "tiny" else "0.03"]
    sides = {
        "1stage_1thread": base + ["--stages", "1", "--threads", "1", "--span-every", "1000000"],
        "1stage_1thread_m8": base + ["--stages", "1", "--threads", "1", "--microbatches", str(m),
                                     "--span-every", "1000000"],
        "2stage_1f1b": base + ["--stages", "2", "--devices", "cpu,cpu", "--threads", "2", "--microbatches", str(m),
                               "--schedule", "1f1b", "--span-every", "1"],
        "2stage_gpipe": base + ["--stages", "2", "--devices", "cpu,cpu", "--threads", "2", "--microbatches", str(m),
                                "--schedule", "gpipe", "--span-every", "1"],
        # two ranks, two stages each (virtual stages): the same two workers, a smaller bubble
        "2stage_interleaved": base + ["--stages", "2", "--devices", "cpu,cpu", "--threads", "2", "--microbatches",
                                      str(m), "--schedule", "interleaved", "--virtual-stages", "2",
                                      "--span-every", "1"],
        # the same with the layers split by measured time (--partition time): four balanced stages
        "2stage_interleaved_balanced": base + ["--stages", "2", "--devices", "cpu,cpu", "--threads", "2",
                                               "--microbatches", str(m), "--schedule", "interleaved",
                                               "--virtual-stages", "2", "--partition", "time", "--span-every", "1"],
    }
    # two independent 1-stage 1-thread trainers at once: what two cores give this workload
    if not a.reanalyze or os.path.exists(f"{a.reanalyze}/b_2procs_1thread_0.log"):
        sides["2procs_1thread"] = sides["1stage_1thread"]
    if a.b_sides:
        wanted = ["1stage_1thread"] + [n for n in a.b_sides.split(",") if n != "1stage_1thread"]
        unknown = [n for n in wanted if n not in sides]
        if unknown:
            sys.exit(f"--b-sides: unknown {unknown}; known: {list(sides)}")
        sides = {n: sides[n] for n in wanted}
    names = list(sides)
    runs = {n: [] for n in names}
    partition = None
    for r in range(a.reps):
        order = names if r % 2 == 0 else names[::-1]
        for n in order:
            l0 = load()
            threads = 2 if n.startswith("2stage") else 1
            # one BLAS thread per worker: see run() and the note in main()
            if n == "2procs_1thread":
                if a.reanalyze:
                    text, l0, l1 = read_logged(f"{a.reanalyze}/b_{n}_{r}.log")
                    wall = 0.0
                else:
                    texts, wall = run_pair(sides[n], 1, logs and f"{logs}/b_{n}_{r}.log", blas_threads=1)
                    l1 = load()
                    if logs:
                        with open(f"{logs}/b_{n}_{r}.log", "a") as f:
                            f.write(f"# load {l0} {l1}\n")
                    text = texts[0] + "\n# ---- second copy\n" + texts[1]
                halves = text.split("# ---- second copy") if "# ---- second copy" in text else [text]
                row = {"tokens_per_s": sum(rate(steps_of(h), warm) for h in halves), "load": [l0, l1],
                       "wall_s": round(wall, 1)}
                runs[n].append(row)
                print(f"  (b) {n} rep {r}: {row['tokens_per_s']:.0f} tokens/s (sum of two) load {row['load']}",
                      file=sys.stderr)
                continue
            if a.reanalyze:
                text, l0, l1 = read_logged(f"{a.reanalyze}/b_{n}_{r}.log")
                wall = 0.0
            else:
                text, wall = run(sides[n], threads, logs and f"{logs}/b_{n}_{r}.log", blas_threads=1)
                l1 = load()
                if logs:
                    with open(f"{logs}/b_{n}_{r}.log", "a") as f:
                        f.write(f"# load {l0} {l1}\n")
            row = {"tokens_per_s": rate(steps_of(text), warm), "load": [l0, l1], "wall_s": round(wall, 1)}
            if n.startswith("2stage"):
                kind = n.split("_")[1]
                order_ = schedule_order(cli, kind, 2, m)
                meas = measured_bubble(events(text, "span"), warm, order_)
                partition = partition or [s["layers"] for s in events(text, "partition")[0]["stages"]]
                fwd, bwd = meas["forward_us"], meas["backward_us"]
                sim_stage, sim_makespan = simulate(order_, lambda op, s, k: fwd[s] if op == "F" else bwd[s])
                sim_cli, _ = cli_bubble(cli, kind, 2, m, statistics.mean(fwd), statistics.mean(bwd))
                row.update(measured_bubble=meas["bubble"], sim_bubble_per_stage_durations=sim_stage,
                           sim_makespan_us=sim_makespan, measured_makespan_us=meas["makespan_us"],
                           sim_bubble_cli_mean_durations=sim_cli, forward_us=fwd, backward_us=bwd,
                           replay_bubble_per_action_durations=meas["replay_bubble"],
                           replay_makespan_us=meas["replay_makespan_us"], span_steps=meas["steps"])
            runs[n].append(row)
            extra = (f" bubble {row['measured_bubble']:.3f} sim {row['sim_bubble_per_stage_durations']:.3f}"
                     if "measured_bubble" in row else "")
            print(f"  (b) {n} rep {r}: {row['tokens_per_s']:.0f} tokens/s load {row['load']}{extra}",
                  file=sys.stderr)
    res = {"model": f"gpt {size}", "microbatches": m, "steps": steps, "warmup_steps_dropped": warm,
           "partition": partition, "runs": runs}
    base_rate = med([x["tokens_per_s"] for x in runs["1stage_1thread"]])
    for n in names:
        loads = [v for x in runs[n] for v in x["load"] if v is not None]
        res[n] = {"tokens_per_s": med([x["tokens_per_s"] for x in runs[n]]),
                  "load_range": [min(loads), max(loads)] if loads else [None, None]}
        # speed-up per repetition (same repetition, adjacent runs), then the median
        res[n]["speedup_vs_1stage_1thread"] = med(
            [x["tokens_per_s"] / y["tokens_per_s"] for x, y in zip(runs[n], runs["1stage_1thread"])])
        if n.startswith("2stage"):
            for k in ("measured_bubble", "sim_bubble_per_stage_durations", "sim_bubble_cli_mean_durations",
                      "replay_bubble_per_action_durations", "measured_makespan_us", "sim_makespan_us",
                      "replay_makespan_us"):
                res[n][k] = med([x[k] for x in runs[n]])
            stages = len(runs[n][0]["forward_us"])
            res[n]["forward_us"] = [med([x["forward_us"][s] for x in runs[n]]) for s in range(stages)]
            res[n]["backward_us"] = [med([x["backward_us"][s] for x in runs[n]]) for s in range(stages)]
            rel = med([abs(x["measured_bubble"] - x["sim_bubble_per_stage_durations"])
                       / x["sim_bubble_per_stage_durations"] for x in runs[n]])
            res[n]["bubble_relative_error"] = rel
            res[n]["bubble_within_10pct"] = rel <= 0.10
            res[n]["speedup_target_1_6x_met"] = res[n]["speedup_vs_1stage_1thread"] >= 1.6
            res[n]["replay_relative_error"] = med([abs(x["measured_bubble"] - x["replay_bubble_per_action_durations"])
                                                   / x["replay_bubble_per_action_durations"] for x in runs[n]])
            # contention check: the first F of stage 0 runs alone, the steady-state Fs overlap stage 1
            res[n]["note"] = ("durations vary with how many workers run at once when the cores are shared: "
                              "see replay_bubble_per_action_durations")
    res["theoretical_bubble_equal_stages"] = 1 / (m + 1)
    res["baseline_tokens_per_s"] = base_rate
    return res


def markdown(result):
    lines = []
    if "a" in result:
        lines += ["| model | threads | tunebench-train tokens/s | PyTorch eager tokens/s | ratio | load (1-min) |",
                  "|---|---|---|---|---|---|"]
        for r in result["a"].values():
            lines.append(f"| {r['model']} | {r['threads']} | {r['ours_tokens_per_s']:.0f} | {r['ref_tokens_per_s']:.0f} "
                         f"| {r['ratio']:.2f}x | {r['load_range'][0]:.1f}-{r['load_range'][1]:.1f} |")
        lines.append("")
    if "b" in result:
        b = result["b"]
        lines += [f"{b['model']}, m = {b['microbatches']}, partition {b['partition']}", "",
                  "| run | tokens/s | vs 1 stage 1 thread | measured bubble | simulated (per-stage F/B) "
                  "| simulated (CLI, mean F/B) | rel. error | replay (per-action) | F ms (s0, s1) | B ms (s0, s1) "
                  "| load |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for n in ("1stage_1thread", "1stage_1thread_m8", "2procs_1thread", "2stage_1f1b", "2stage_gpipe",
                  "2stage_interleaved", "2stage_interleaved_balanced"):
            if n not in b:
                continue
            r = b[n]
            if n.startswith("2stage"):
                extra = (f"{r['measured_bubble']:.3f} | {r['sim_bubble_per_stage_durations']:.3f} | "
                         f"{r['sim_bubble_cli_mean_durations']:.3f} | {100 * r['bubble_relative_error']:.1f}% | "
                         f"{r['replay_bubble_per_action_durations']:.3f} | "
                         + ", ".join(f"{x / 1e3:.0f}" for x in r["forward_us"]) + " | "
                         + ", ".join(f"{x / 1e3:.0f}" for x in r["backward_us"]))
            else:
                extra = " | | | | | | "
            load_range = "" if r["load_range"][0] is None else f"{r['load_range'][0]:.1f}-{r['load_range'][1]:.1f}"
            lines.append(f"| {n} | {r['tokens_per_s']:.0f} | {r['speedup_vs_1stage_1thread']:.2f}x | {extra} "
                         f"| {load_range} |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--a-threads", default="2,1", help="(a): thread counts, comma separated (the target is at 2)")
    ap.add_argument("--part", choices=["a", "b", "all"], default="all")
    ap.add_argument("--a-mode", choices=["alternate", "concurrent"], default="alternate",
                    help="(a): one side after the other at --a-threads, or both at once with one thread each")
    ap.add_argument("--b-size", default="small", choices=["tiny", "small"])
    ap.add_argument("--ref-blas-core", help="(a, concurrent): OPENBLAS_CORETYPE for the PyTorch reference only "
                    "(e.g. SkylakeX: the kernels tunebench-train picks itself where OpenBLAS falls back to Prescott)")
    ap.add_argument("--b-sides", help="(b): only these runs (comma separated; 1stage_1thread, the baseline, always)")
    ap.add_argument("--json", help="also write the JSON here")
    ap.add_argument("--logs", help="keep every run's output in this folder")
    ap.add_argument("--quick", action="store_true", help="few steps: checks the script, not the figures")
    ap.add_argument("--reanalyze", metavar="DIR", help="(b): analyse the logs a previous run kept in DIR")
    a = ap.parse_args()
    a.a_threads = [int(x) for x in a.a_threads.split(",")]
    train = find_binary(a.build, "tunebench-train", ["app"])
    cli = find_binary(a.build, "tunebench-cli", ["app"])
    if a.logs:
        os.makedirs(a.logs, exist_ok=True)
    # sample.txt (4340 bytes) repeated 20 times: with the sample alone every step is an epoch
    # and a validation pass runs between any two steps (outside the timed step, but its
    # freed memory makes the next step fault its pages in again), which a real run does not
    corpus = os.path.join(a.logs or "/tmp", "trainer_cpu_corpus.txt")
    with open(os.path.join(ROOT, "resources", "corpus", "sample.txt"), "rb") as f:
        sample = f.read()
    with open(corpus, "wb") as f:
        f.write(sample * 20)
    result = {"machine": {"cpus": os.cpu_count(), "load_at_start": list(os.getloadavg())},
              "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    if a.part in ("a", "all"):
        ref = find_ref()
        if not ref:
            sys.exit("torch_ref_gpt.py not found at ../shared/bench or shared/bench")
        result["a"] = (part_a_concurrent if a.a_mode == "concurrent" else part_a)(a, train, ref, corpus, a.logs)
    if a.part in ("b", "all"):
        result["b"] = part_b(a, train, cli, corpus, a.logs)
    result["machine"]["load_at_end"] = list(os.getloadavg())
    text = json.dumps(result, indent=1)
    if a.json:
        with open(a.json, "w") as f:
            f.write(text + "\n")
    print(text)
    print()
    print(markdown(result))


if __name__ == "__main__":
    main()
