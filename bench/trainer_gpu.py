#!/usr/bin/env python3
"""GPU checks and benchmarks of tunebench-train, driven by scripts/gpu-check.sh (issue 3,
items 8 and 10). Each subcommand writes one JSON file into --out and keeps every run's
output under --out/logs, so a step that runs out of time leaves the others' results.

  env        torch/CUDA/device facts; whether PYTORCH_CUDA_ALLOC_CONF caps the allocator
  peak       measured bf16 dense matmul peak (TFLOP/s), torch.matmul loop
  cudatests  the trainer on CUDA through its command line: every schedule, checkpoint and
             offload mode gives the 1-stage loss sequence; CPU and CUDA agree; bf16 learns;
             spans are sane; a missing device exits 2
  throughput gpt `gpu` in bf16: tokens/s and MFU, side by side with torch_ref_gpt.py
             (--size small: the launch-bound model, target 2x eager)
  bubble     two pipeline stages on the one GPU (a stream each), m = 8, 1f1b and
             interleaved: the measured bubble against the simulator's for the measured
             per-stage durations
  memory     peak device memory with and without checkpointing and offload
  textbook   a gpt whose parameters + gradients + AdamW state + activations need ~24 GB,
             uncapped and with the allocator capped at 10 GB (checkpoint + offload, L2L)
  summary    merges the JSON files into gpu_check.json and summary.md

--smoke runs every subcommand on the CPU with gpt tiny and a few steps: it checks this
script (and scripts/gpu-check.sh --dry-run), not the figures.
"""
import argparse, glob, json, math, os, re, statistics, subprocess, sys, threading, time

GIB = 1024 ** 3
CONFIGS = {"tiny": dict(n_layer=4, d=128, heads=4, block=64, batch=32),
           "small": dict(n_layer=8, d=256, heads=8, block=128, batch=32),
           "gpu": dict(n_layer=12, d=768, heads=12, block=1024, batch=16)}


class Ctx:
    def __init__(self, a):
        self.a = a
        self.out = a.out
        self.logs = os.path.join(a.out, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.smoke = a.smoke
        self.device = "cpu" if a.smoke else "cuda"
        self.size = "tiny" if a.smoke else (a.size or "gpu")
        # throughput.json for gpt gpu, throughput_small.json for --size small (also in smoke runs)
        self.suffix = "" if (a.size or "gpu") == "gpu" else "_" + a.size
        self.precision = "fp32" if a.smoke else "bf16"
        self.deadline = time.time() + a.budget if a.budget else None
        if a.smoke:
            a.reps = 1

    def left(self):
        return None if self.deadline is None else self.deadline - time.time()

    def log_path(self, name):
        return os.path.join(self.logs, name + ".log")


def write_json(ctx, name, obj):
    path = os.path.join(ctx.out, name + ".json")
    with open(path + ".tmp", "w") as f:
        json.dump(obj, f, indent=1)
    os.replace(path + ".tmp", path)


def say(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


# ---- device memory: nvidia-smi sampling (the trainer's memory events count its stash only) --

class MemSampler:
    """Peak GPU memory used while a command runs: nvidia-smi memory.used every 50 ms, minus
    what was used before it started (the machine is ours alone). Covers the CUDA context and
    the caching allocator's reserved memory. None where nvidia-smi is missing (CPU smoke)."""

    def __init__(self, enabled):
        self.enabled = enabled and subprocess.run(["which", "nvidia-smi"], stdout=subprocess.DEVNULL).returncode == 0
        self.peak = None
        self.base = None

    @staticmethod
    def used_mib():
        out = subprocess.run(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits", "-i", "0"],
                             stdout=subprocess.PIPE, text=True).stdout
        return float(out.split()[0])

    def __enter__(self):
        if not self.enabled:
            return self
        self.base = self.used_mib()
        self.peak = self.base
        self.proc = subprocess.Popen(["nvidia-smi", "--query-gpu=memory.used", "--format=csv,noheader,nounits",
                                      "-i", "0", "-lms", "50"], stdout=subprocess.PIPE, text=True)

        def reader():
            for line in self.proc.stdout:
                try:
                    self.peak = max(self.peak, float(line.split()[0]))
                except (ValueError, IndexError):
                    pass
        self.thread = threading.Thread(target=reader, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        if self.enabled:
            time.sleep(0.1)
            self.proc.terminate()
            self.proc.wait()
            self.thread.join(timeout=2)

    def peak_gib(self):
        return None if self.peak is None else round((self.peak - self.base) / 1024, 3)


# ---- running the trainer -----------------------------------------------------------------

STEP = re.compile(r"^step=(\d+) loss=([-+0-9.eEnaif]+) .*?(tokens|samples)_per_s=([0-9.]+)", re.M)


def run(ctx, name, cmd, env=None, timeout=None, mem=False, check=False):
    """Runs cmd, its output to logs/NAME.log. Returns dict(rc, text, wall_s, peak_gib)."""
    left = ctx.left()
    if left is not None:
        timeout = min(timeout or left, max(1.0, left - 2))
    e = dict(os.environ)
    e.update(env or {})
    t0 = time.perf_counter()
    with MemSampler(mem and not ctx.smoke) as sampler:
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=e, timeout=timeout)
            rc, text = p.returncode, p.stdout
        except subprocess.TimeoutExpired as x:
            rc, text = 124, (x.stdout.decode() if isinstance(x.stdout, bytes) else (x.stdout or "")) + "\n[timed out]"
    wall = time.perf_counter() - t0
    with open(ctx.log_path(name), "w") as f:
        f.write(" ".join(cmd) + "\n" + "".join(f"{k}={v}\n" for k, v in (env or {}).items()) + text)
    r = {"rc": rc, "text": text, "wall_s": round(wall, 2), "peak_gib": sampler.peak_gib()}
    if check and rc != 0:
        raise RuntimeError(f"{name}: exit {rc}; see logs/{name}.log:\n{text[-1500:]}")
    return r


def steps_of(text):
    return [(int(s), float(l), float(t)) for s, l, _, t in STEP.findall(text)]


def losses(text):
    return [l for _, l, _ in steps_of(text)]


def rate(text, warm):
    """tokens/s over the steps after `warm`: total tokens / total time (on CUDA a step's
    optimizer kernels may finish inside the next step's timing; over many steps it evens out)."""
    kept = [t for s, _, t in steps_of(text) if s > warm]
    if not kept:
        return None
    return len(kept) / sum(1.0 / t for t in kept)


def events(text, kind):
    out = []
    for line in text.splitlines():
        if line.startswith("@tunebench "):
            try:
                e = json.loads(line[len("@tunebench "):])
            except ValueError:
                continue
            if e.get("event") == kind:
                out.append(e)
    return out


def parameters(text):
    p = events(text, "partition")
    return p[0]["parameters"] if p else None


def oom(text):
    t = text.lower()
    return "out of memory" in t or "outofmemory" in t


def gpt_cmd(ctx, extra, steps, batch=None, size=None):
    size = size or ctx.size
    cmd = [ctx.a.train, "--task", "text", "--data", ctx.a.corpus, "--model", "gpt", "--size", size,
           "--devices", ctx.device, "--precision", ctx.precision, "--steps", str(steps), "--lr", "3e-4",
           "--span-every", "1000000", "--val-fraction", "0.002" if not ctx.smoke else "0.1"]
    if batch:
        cmd += ["--batch", str(batch)]
    return cmd + extra


def flops_per_token(n_params, cfg):
    return 6 * n_params + 12 * cfg["n_layer"] * cfg["block"] * cfg["d"]


# ---- env: facts and the allocator-cap probe ----------------------------------------------

def cmd_env(ctx):
    import torch
    info = {"torch": torch.__version__, "cuda_available": torch.cuda.is_available(),
            "torch_cuda": torch.version.cuda, "cmake_prefix_path": torch.utils.cmake_prefix_path,
            "cpu_count": os.cpu_count(), "load": os.getloadavg()}
    if torch.cuda.is_available():
        p = torch.cuda.get_device_properties(0)
        info.update(device=p.name, total_memory_gib=round(p.total_memory / GIB, 2), device_count=torch.cuda.device_count(),
                    capability=list(torch.cuda.get_device_capability(0)))
        info["cap_method"] = f"tunebench-train --gpu-memory-limit {ctx.a.cap_gib} (setMemoryFraction)"
    write_json(ctx, "env", info)
    say(json.dumps(info))


# ---- peak: bf16 dense matmul ----------------------------------------------------------------

def cmd_peak(ctx):
    import torch
    res = {"dtype": "bf16" if not ctx.smoke else "fp32", "sizes": {}}
    dev = torch.device(ctx.device)
    dtype = torch.bfloat16 if not ctx.smoke else torch.float32
    sizes = [4096, 8192, 16384] if not ctx.smoke else [512]
    for n in sizes:
        a = torch.randn(n, n, device=dev, dtype=dtype)
        b = torch.randn(n, n, device=dev, dtype=dtype)
        c = torch.empty(n, n, device=dev, dtype=dtype)
        for _ in range(3):
            torch.matmul(a, b, out=c)
        sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
        sync()
        # about 2 s per size (at least 10 products)
        t0 = time.perf_counter()
        reps = 0
        while True:
            for _ in range(10):
                torch.matmul(a, b, out=c)
            reps += 10
            sync()
            if time.perf_counter() - t0 > (2.0 if not ctx.smoke else 0.2):
                break
        dt = time.perf_counter() - t0
        res["sizes"][str(n)] = 2 * n ** 3 * reps / dt / 1e12
        del a, b, c
    res["peak_tflops"] = max(res["sizes"].values())
    write_json(ctx, "peak", res)
    say("matmul peak", json.dumps(res))


# ---- cudatests: the trainer on CUDA through its command line -----------------------------------

def cmd_cudatests(ctx):
    dev = ctx.device
    checks = []

    def check(name, ok, detail=""):
        checks.append({"check": name, "ok": bool(ok), "detail": detail})
        say(("PASS " if ok else "FAIL ") + name + (f" ({detail})" if detail and not ok else ""))
        write_json(ctx, "cudatests", {"device": dev, "checks": checks,
                                      "passed": sum(c["ok"] for c in checks),
                                      "failed": sum(not c["ok"] for c in checks)})

    def same(a, b, rtol):
        return len(a) == len(b) and len(a) > 0 and all(abs(x - y) <= rtol * max(abs(y), 1e-12) for x, y in zip(a, b))

    # mlp on spirals, fp32: every pipeline configuration follows the 1-stage run's losses
    def spirals(batch):
        return [ctx.a.train, "--task", "spirals", "--samples", "400", "--hidden", "32", "--depth", "7",
                "--batch", str(batch), "--lr", "1e-2", "--seed", "3", "--steps", "6", "--threads", "1",
                "--span-every", "3"]
    base = spirals(32)
    ref = run(ctx, "t_mlp_1stage", base + ["--devices", dev])
    ref_l = losses(ref["text"])
    check("mlp 1 stage runs on " + dev, ref["rc"] == 0 and len(ref_l) == 6, f"rc {ref['rc']}")
    ngpu = 1
    if dev == "cuda":
        try:
            import torch
            ngpu = torch.cuda.device_count()
        except Exception:
            pass

    def devs(p):
        if dev == "cuda" and ngpu >= p:
            return ",".join(f"cuda:{i}" for i in range(p))
        return dev

    configs = [
        ("gpipe p2 m4", ["--stages", "2", "--microbatches", "4", "--schedule", "gpipe"]),
        ("1f1b p2 m4", ["--stages", "2", "--microbatches", "4", "--schedule", "1f1b"]),
        ("1f1b p4 m8 checkpoint always", ["--stages", "4", "--microbatches", "8", "--schedule", "1f1b",
                                          "--checkpoint", "always"]),
        ("1f1b p2 m4 checkpoint except_last", ["--stages", "2", "--microbatches", "4", "--schedule", "1f1b",
                                               "--checkpoint", "except_last"]),
        ("interleaved p2 v2 m4", ["--stages", "2", "--microbatches", "4", "--schedule", "interleaved",
                                  "--virtual-stages", "2"]),
        ("zb1 p2 m4", ["--stages", "2", "--microbatches", "4", "--schedule", "zb1"]),
        ("gpipe p2 m4 checkpoint always + offload activations",
         ["--stages", "2", "--microbatches", "4", "--schedule", "gpipe", "--checkpoint", "always",
          "--offload", "activations"]),
        ("1 stage m4 l2l", ["--stages", "1", "--microbatches", "4", "--offload", "l2l"]),
    ]
    for name, extra in configs:
        p = int(extra[extra.index("--stages") + 1])
        r = run(ctx, "t_mlp_" + re.sub(r"\W+", "_", name), base + extra + ["--devices", devs(p)])
        l = losses(r["text"])
        check(f"mlp {name} on {devs(p)} follows 1 stage", r["rc"] == 0 and same(l, ref_l, 1e-4),
              f"rc {r['rc']} losses {l[:3]} vs {ref_l[:3]}")
        if name == "1f1b p2 m4":
            spans = events(r["text"], "span")
            ok = bool(spans) and all(s["end_us"] >= s["start_us"] >= 0 for s in spans) and \
                len([s for s in spans if s["step"] == 1]) == 2 * 2 * 4
            check("span events on " + dev + " (16 per sampled step, end >= start)", ok, f"{len(spans)} spans")
    # accumulation: 2 mini-batches of 16 per step follow one of 32
    r = run(ctx, "t_mlp_accumulate", spirals(16) + ["--accumulate", "2", "--stages", "2", "--microbatches", "2", "--schedule", "1f1b", "--devices", devs(2)])
    check("mlp accumulate 2 x 16 (2 stages 1f1b) follows batch 32", r["rc"] == 0 and same(losses(r["text"]), ref_l, 1e-4),
          f"rc {r['rc']} {losses(r['text'])[:3]} vs {ref_l[:3]}")
    if dev == "cuda":
        c = run(ctx, "t_mlp_cpu", base + ["--devices", "cpu"])
        check("mlp on cuda follows the cpu run (rtol 1e-3)", same(losses(c["text"]), ref_l, 1e-3),
              f"{losses(c['text'])[:3]} vs {ref_l[:3]}")
        r = run(ctx, "t_missing_device", base + ["--devices", "cuda:63"])
        check("--devices cuda:63 exits 2", r["rc"] == 2, f"rc {r['rc']}")
    # gpt tiny on the device: 2 stages 1f1b follows 1 stage; L2L too; bf16 learns
    g = [ctx.a.train, "--task", "text", "--data", ctx.a.sample, "--model", "gpt", "--size", "tiny", "--batch", "8",
         "--block-size", "32", "--steps", "5", "--threads", "1", "--lr", "1e-3", "--devices", dev]
    g1 = run(ctx, "t_gpt_1stage", g)
    g2 = run(ctx, "t_gpt_1f1b", g + ["--stages", "2", "--microbatches", "4", "--schedule", "1f1b",
                                     "--checkpoint", "except_last"])
    gl = run(ctx, "t_gpt_l2l", g + ["--microbatches", "2", "--offload", "l2l"])
    l1 = losses(g1["text"])
    check("gpt tiny 1 stage runs", g1["rc"] == 0 and len(l1) == 5 and l1[0] > 4.0, f"rc {g1['rc']} {l1}")
    check("gpt tiny 2-stage 1f1b (checkpoint except_last) follows 1 stage (rtol 1e-4)",
          g2["rc"] == 0 and same(losses(g2["text"]), l1, 1e-4), f"{losses(g2['text'])} vs {l1}")
    check("gpt tiny L2L follows 1 stage (rtol 1e-4)", gl["rc"] == 0 and same(losses(gl["text"]), l1, 1e-4),
          f"{losses(gl['text'])} vs {l1}")
    if dev == "cuda":
        b = run(ctx, "t_gpt_bf16", g + ["--precision", "bf16", "--steps", "20", "--stages", "2", "--microbatches", "2",
                                        "--schedule", "1f1b"])
        bl = losses(b["text"])
        check("gpt tiny bf16 2 stages learns (finite, last < first)",
              b["rc"] == 0 and len(bl) == 20 and all(math.isfinite(x) for x in bl) and bl[-1] < bl[0],
              f"rc {b['rc']} {bl[:2]}..{bl[-2:]}")
    else:
        b = run(ctx, "t_gpt_bf16_cpu", g + ["--precision", "bf16"])
        check("bf16 on the CPU exits 2", b["rc"] == 2, f"rc {b['rc']}")
    # data-parallel replicas: 2 x (2 stages) follow one pipeline on the whole batch; on one GPU
    # the replicas share it (gradients summed by copies), on 4+ GPUs NCCL all-reduces them
    rep_devs = ",".join(f"cuda:{i}" for i in range(4)) if dev == "cuda" and ngpu >= 4 else dev
    r = run(ctx, "t_mlp_replicas", base + ["--stages", "2", "--microbatches", "2", "--schedule", "1f1b",
                                           "--replicas", "2", "--devices", rep_devs])
    part = (events(r["text"], "partition") or [{}])[0]
    check(f"mlp 2 replicas x 2 stages on {rep_devs} follow 1 stage ({part.get('gradient_reduction')})",
          r["rc"] == 0 and same(losses(r["text"]), ref_l, 1e-4), f"rc {r['rc']} {losses(r['text'])[:3]} vs {ref_l[:3]}")
    if dev == "cuda":
        mem = events(g1["text"], "memory")
        check("memory events on cuda come from the caching allocator",
              bool(mem) and all(e.get("source") == "cuda_allocator" and e["peak_bytes"] > 0 for e in mem), str(mem[:2]))
        r = run(ctx, "t_gpt_memory_limit", g + ["--gpu-memory-limit", "0.5"])
        check("gpt tiny under --gpu-memory-limit 0.5 follows the uncapped run",
              r["rc"] == 0 and same(losses(r["text"]), l1, 1e-6) and "capped at 0.5 GiB" in r["text"],
              f"rc {r['rc']} {r['text'][-300:]}")
        r = run(ctx, "t_gpt_memory_limit_tiny", g + ["--gpu-memory-limit", "0.001", "--batch", "64", "--block-size", "64"])
        check("gpt tiny under a 1 MiB limit fails with out of memory (exit 1)", r["rc"] == 1 and oom(r["text"]),
              f"rc {r['rc']} {r['text'][-300:]}")
    return 0 if all(c["ok"] for c in checks) else 1


# ---- throughput: gpt gpu bf16 vs PyTorch eager -----------------------------------------------

def cmd_throughput(ctx):
    cfg = CONFIGS[ctx.size]
    steps, warm = (60, 10) if not ctx.smoke else (6, 2)
    ref_steps = 50 if not ctx.smoke else 3
    peak = None
    try:
        with open(os.path.join(ctx.out, "peak.json")) as f:
            peak = json.load(f)["peak_tflops"]
    except (OSError, ValueError, KeyError):
        pass
    res = {"size": ctx.size, "precision": ctx.precision, "config": cfg, "steps": steps, "warmup_dropped": warm,
           "ref": ctx.a.ref, "runs": []}
    for r in range(ctx.a.reps):
        if ctx.left() is not None and ctx.left() < 25:
            res["note"] = f"stopped after {r} repetitions: time box"
            break
        row = {}
        for side in (("ours", "ref") if r % 2 == 0 else ("ref", "ours")):
            if side == "ours":
                o = run(ctx, f"throughput{ctx.suffix}_ours_{r}", gpt_cmd(ctx, [], steps), mem=True)
                row.update(ours=rate(o["text"], warm), ours_rc=o["rc"], ours_peak_gib=o["peak_gib"],
                           parameters=parameters(o["text"]))
            elif ctx.a.ref:
                e = run(ctx, f"throughput{ctx.suffix}_ref_{r}", [sys.executable, ctx.a.ref, ctx.size, ctx.device, str(ref_steps)],
                        env={"OMP_NUM_THREADS": "1"} if ctx.smoke else None, mem=True)
                m = re.search(r"tokens_per_s=([0-9.]+)", e["text"])
                row.update(ref=float(m.group(1)) if m else None, ref_rc=e["rc"], ref_peak_gib=e["peak_gib"])
        if row.get("ours") and row.get("ref"):
            row["ratio"] = row["ours"] / row["ref"]
        res["runs"].append(row)
        say("throughput", json.dumps(row))
        write_json(ctx, "throughput" + ctx.suffix, res)
    ok = [x for x in res["runs"] if x.get("ours")]
    if ok:
        res["ours_tokens_per_s"] = statistics.median([x["ours"] for x in ok])
        n = next(x["parameters"] for x in ok if x.get("parameters"))
        res["parameters"] = n
        res["flops_per_token"] = flops_per_token(n, cfg)
        if peak:
            res["peak_tflops"] = peak
            res["mfu"] = res["ours_tokens_per_s"] * res["flops_per_token"] / (peak * 1e12)
            res["mfu_target_40pct_met"] = res["mfu"] >= 0.40
    refs = [x for x in res["runs"] if x.get("ref")]
    if refs:
        res["ref_tokens_per_s"] = statistics.median([x["ref"] for x in refs])
        if peak:
            res["ref_mfu"] = res["ref_tokens_per_s"] * res.get("flops_per_token", 0) / (peak * 1e12)
    ratios = [x["ratio"] for x in res["runs"] if x.get("ratio")]
    if ratios:
        res["ratio"] = statistics.median(ratios)
        target = 2.0 if ctx.suffix == "_small" else 1.0
        res["ratio_target"] = target
        res["ratio_target_met"] = res["ratio"] >= target
    write_json(ctx, "throughput" + ctx.suffix, res)
    say("throughput" + ctx.suffix, json.dumps({k: v for k, v in res.items() if k != "runs"}))
    return 0 if ok else 1


# ---- bubble: two stages on one GPU -----------------------------------------------------------

def cmd_bubble(ctx):
    """gpt on two pipeline ranks that share device 0 (each rank has its own worker thread and
    stream), m = 8. Per kept step: the measured bubble (per device 1 - busy / makespan, from
    the span events) and the simulator's bubble for the same action order with each stage's
    mean forward and backward durations (bench/trainer_cpu.py's simulate, the rule of
    algorithms/schedules/simulator.cpp). Target: within 10 % of each other."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from trainer_cpu import measured_bubble, simulate
    m = 8
    steps, warm = (14, 4) if not ctx.smoke else (4, 1)
    dev = ctx.device + ":0" if ctx.device == "cuda" else ctx.device
    res = {"size": ctx.size, "precision": ctx.precision, "microbatches": m, "steps": steps,
           "warmup_dropped": warm, "runs": {}}
    for kind in ("1f1b", "interleaved"):
        if ctx.left() is not None and ctx.left() < 20:
            res["note"] = f"stopped before {kind}: time box"
            break
        extra = ["--stages", "2", "--devices", f"{dev},{dev}", "--microbatches", str(m), "--schedule", kind,
                 "--span-every", "1"] + (["--virtual-stages", "2"] if kind == "interleaved" else [])
        cmd = gpt_cmd(ctx, [], steps)
        cmd[cmd.index("--devices"):cmd.index("--devices") + 2] = []
        cmd[cmd.index("--span-every"):cmd.index("--span-every") + 2] = []
        o = run(ctx, f"bubble_{kind}", cmd + extra)
        row = {"rc": o["rc"], "tokens_per_s": rate(o["text"], warm)}
        spans = events(o["text"], "span")
        if o["rc"] == 0 and spans:
            # The action order of one step, per device, as the runtime ran it: the schedule's own
            # lists (each rank runs its list in order).
            first = [e for e in spans if e["step"] == spans[-1]["step"]]
            devices = sorted({e["device"] for e in first})
            order = [[(e["stage"], e["op"], e["mb"]) for e in sorted((x for x in first if x["device"] == d),
                                                                     key=lambda x: x["start_us"])] for d in devices]
            meas = measured_bubble(spans, warm, order)
            fwd, bwd = meas["forward_us"], meas["backward_us"]
            sim, sim_ms = simulate(order, lambda op, s, k: fwd[s] if op == "F" else bwd[s])
            row.update(measured_bubble=meas["bubble"], sim_bubble=sim, measured_makespan_us=meas["makespan_us"],
                       sim_makespan_us=sim_ms, forward_us=fwd, backward_us=bwd,
                       replay_bubble=meas["replay_bubble"], span_steps=meas["steps"])
            row["relative_error"] = abs(meas["bubble"] - sim) / sim if sim > 0 else None
            row["within_10pct"] = row["relative_error"] is not None and row["relative_error"] <= 0.10
        res["runs"][kind] = row
        say("bubble", kind, json.dumps({k: v for k, v in row.items() if k not in ("forward_us", "backward_us")}))
        write_json(ctx, "bubble", res)
    write_json(ctx, "bubble", res)
    return 0 if res["runs"] and all(r["rc"] == 0 for r in res["runs"].values()) else 1


# ---- memory: peak with and without checkpointing and offload --------------------------------

def cmd_memory(ctx):
    steps, warm = (12, 4) if not ctx.smoke else (3, 1)
    m = "4"
    configs = [
        ("m1 none", ["--microbatches", "1"]),
        ("m4 none", ["--microbatches", m]),
        ("m4 checkpoint always", ["--microbatches", m, "--checkpoint", "always"]),
        ("m4 checkpoint always + offload activations", ["--microbatches", m, "--checkpoint", "always",
                                                        "--offload", "activations"]),
        ("m4 l2l", ["--microbatches", m, "--offload", "l2l"]),
    ]
    res = {"size": ctx.size, "precision": ctx.precision, "batch": CONFIGS[ctx.size]["batch"], "stages": 1,
           "schedule": "gpipe", "peak_source": "nvidia-smi memory.used during the run minus before (CUDA context + "
           "caching allocator reserve)", "runs": {}}
    for name, extra in configs:
        if ctx.left() is not None and ctx.left() < 15:
            res["note"] = "time box reached"
            break
        r = run(ctx, "memory_" + re.sub(r"\W+", "_", name), gpt_cmd(ctx, extra, steps), mem=True)
        stash = events(r["text"], "memory")
        res["runs"][name] = {"rc": r["rc"], "tokens_per_s": rate(r["text"], warm), "peak_gib": r["peak_gib"],
                             "stash_peak_bytes": [e["peak_bytes"] for e in stash[-1:]], "wall_s": r["wall_s"]}
        say("memory", name, json.dumps(res["runs"][name]))
        write_json(ctx, "memory", res)
    return 0


# ---- textbook: ~24 GB of training state, allocator capped at 10 GB ---------------------------

def cmd_textbook(ctx):
    env_info = {}
    try:
        with open(os.path.join(ctx.out, "env.json")) as f:
            env_info = json.load(f)
    except (OSError, ValueError):
        pass
    res = {"size": ctx.size, "precision": ctx.precision, "target_gib": ctx.a.target_gib, "cap_gib": ctx.a.cap_gib,
           "note": "the trainer has no flags for the model's depth or width (sizes tiny|small|gpu only), so the "
                   "24 GB comes from the batch: gpt gpu's parameters + gradients + AdamW state are ~1.4 GB, "
                   "activations the rest", "runs": {}}
    steps, warm = (8, 3) if not ctx.smoke else (3, 1)

    def save():
        write_json(ctx, "textbook", res)

    # 1. calibrate: peak at batch 8 and 16, linear in the batch
    if ctx.smoke:
        batch = 32
        res["calibration"] = "smoke: batch 32"
    else:
        pts = {}
        for b in (8, 16):
            r = run(ctx, f"textbook_calibrate_b{b}", gpt_cmd(ctx, [], 4, batch=b), mem=True)
            pts[b] = r["peak_gib"]
        slope = (pts[16] - pts[8]) / 8
        intercept = pts[8] - 8 * slope
        batch = int((ctx.a.target_gib - intercept) / slope) // 8 * 8
        total = env_info.get("total_memory_gib", 80)
        batch = max(16, min(batch, int((total - 4 - intercept) / slope) // 8 * 8))
        res["calibration"] = {"peak_gib_b8": pts[8], "peak_gib_b16": pts[16], "gib_per_sample": slope,
                              "fixed_gib": intercept, "batch": batch}
    res["batch"] = batch
    mb = 4 if batch % 4 == 0 else 1
    m = str(batch // mb)
    save()
    say("textbook batch", batch, "micro-batches", m)

    # 2. uncapped: plain training, the yardstick
    r = run(ctx, "textbook_uncapped", gpt_cmd(ctx, [], steps, batch=batch), mem=True)
    res["runs"]["uncapped"] = {"rc": r["rc"], "tokens_per_s": rate(r["text"], warm), "peak_gib": r["peak_gib"],
                               "parameters": parameters(r["text"])}
    save()
    say("textbook uncapped", json.dumps(res["runs"]["uncapped"]))

    # 3. capped at cap_gib: the trainer's own --gpu-memory-limit (setMemoryFraction on its
    #    caching allocator); nothing else shares the device
    capped = [("capped, no checkpointing (expected: out of memory)", ["--microbatches", "1"], 1),
              (f"capped, checkpoint always + offload activations, m={m}",
               ["--microbatches", m, "--checkpoint", "always", "--offload", "activations"], 0),
              (f"capped, l2l, m={m}", ["--microbatches", m, "--offload", "l2l"], 0)]
    if ctx.smoke:
        res["cap_method"] = "none (CPU smoke run)"
    else:
        res["cap_method"] = f"tunebench-train --gpu-memory-limit {ctx.a.cap_gib} (CUDACachingAllocator::setMemoryFraction)"
    for name, extra, expect_fail in capped:
        if ctx.left() is not None and ctx.left() < 15:
            res["note_time"] = "time box reached"
            break
        tag = "textbook_" + re.sub(r"\W+", "_", name)[:60]
        limit = [] if ctx.smoke else ["--gpu-memory-limit", str(ctx.a.cap_gib)]
        r = run(ctx, tag, gpt_cmd(ctx, extra + limit, steps if not expect_fail else 2, batch=batch), mem=True)
        row = {"rc": r["rc"], "tokens_per_s": rate(r["text"], warm), "peak_gib": r["peak_gib"],
               "out_of_memory": oom(r["text"])}
        un = res["runs"]["uncapped"].get("tokens_per_s")
        if row["tokens_per_s"] and un:
            row["vs_uncapped"] = row["tokens_per_s"] / un
        res["runs"][name] = row
        save()
        say("textbook", name, json.dumps(row))
    return 0


# ---- summary ------------------------------------------------------------------------------------

def cmd_summary(ctx):
    parts = {}
    for path in sorted(glob.glob(os.path.join(ctx.out, "*.json"))):
        name = os.path.basename(path)[:-5]
        if name == "gpu_check":
            continue
        try:
            with open(path) as f:
                parts[name] = json.load(f)
        except (OSError, ValueError):
            parts[name] = {"error": "unreadable"}
    write_json(ctx, "gpu_check", parts)
    md = ["# tunebench-train GPU check", ""]
    e = parts.get("env", {})
    md.append(f"device: {e.get('device')} ({e.get('total_memory_gib')} GiB), torch {e.get('torch')}, "
              f"CUDA {e.get('torch_cuda')}; allocator cap: {e.get('cap_method')}")
    md.append("")
    t = parts.get("throughput", {})
    if t:
        md += ["| gpt " + str(t.get("size")) + " " + str(t.get("precision")) +
               " | tunebench-train | PyTorch eager | ratio | MFU (ours) | MFU (eager) | peak TFLOP/s |",
               "|---|---|---|---|---|---|---|",
               f"| tokens/s | {fmt(t.get('ours_tokens_per_s'))} | {fmt(t.get('ref_tokens_per_s'))} | "
               f"{fmt(t.get('ratio'), '.2f')}x | {pct(t.get('mfu'))} | {pct(t.get('ref_mfu'))} | "
               f"{fmt(t.get('peak_tflops'), '.0f')} |", ""]
    ts = parts.get("throughput_small", {})
    if ts:
        md += [f"gpt small {ts.get('precision')}: {fmt(ts.get('ours_tokens_per_s'))} tokens/s, PyTorch eager "
               f"{fmt(ts.get('ref_tokens_per_s'))}: {fmt(ts.get('ratio'), '.2f')}x (target 2x)", ""]
    bu = parts.get("bubble", {})
    if bu:
        md += [f"| two stages on one device, m = {bu.get('microbatches')} | measured bubble | simulator | "
               "relative error | tokens/s |", "|---|---|---|---|---|"]
        for k, v in bu.get("runs", {}).items():
            md.append(f"| {k} (rc {v.get('rc')}) | {pct(v.get('measured_bubble'))} | {pct(v.get('sim_bubble'))} | "
                      f"{pct(v.get('relative_error'))} | {fmt(v.get('tokens_per_s'))} |")
        md.append("")
    m = parts.get("memory", {})
    if m:
        md += ["| memory run (batch %s, 1 stage) | peak GiB | tokens/s |" % m.get("batch"), "|---|---|---|"]
        for k, v in m.get("runs", {}).items():
            md.append(f"| {k} | {fmt(v.get('peak_gib'), '.2f')} | {fmt(v.get('tokens_per_s'))} |")
        md.append("")
    tb = parts.get("textbook", {})
    if tb:
        md += [f"textbook case: batch {tb.get('batch')}, cap {tb.get('cap_gib')} GiB via {tb.get('cap_method')}", "",
               "| run | rc | peak GiB | tokens/s | vs uncapped |", "|---|---|---|---|---|"]
        for k, v in tb.get("runs", {}).items():
            md.append(f"| {k} | {v.get('rc')} | {fmt(v.get('peak_gib'), '.2f')} | {fmt(v.get('tokens_per_s'))} | "
                      f"{fmt(v.get('vs_uncapped'), '.2f')} |")
        md.append("")
    ct = parts.get("cudatests", {})
    if ct:
        md.append(f"trainer checks on {ct.get('device')}: {ct.get('passed')} passed, {ct.get('failed')} failed")
        md += [f"- FAIL {c['check']}: {c['detail']}" for c in ct.get("checks", []) if not c["ok"]]
    try:
        with open(os.path.join(ctx.out, "logs", "tst_train.log")) as f:
            tst = f.read()
        counts = re.findall(r"^(\d+) passed, (\d+) failed", tst, re.M)
        parts["tst_train"] = {"passed": int(counts[-1][0]) if counts else None,
                              "failed": int(counts[-1][1]) if counts else None,
                              "failures": re.findall(r"^FAIL: (.*)$", tst, re.M),
                              "timed_out": "Timeout" in tst or "timed out" in tst.lower()}
        write_json(ctx, "gpu_check", parts)
        t = parts["tst_train"]
        md.append(f"tst_train (CPU): {t['passed']} passed, {t['failed']} failed" + ("" if counts else " (no result line)"))
        md += [f"- FAIL {x}" for x in t["failures"]]
    except OSError:
        pass
    try:  # scripts/gpu-telemetry-check.sh, run by gpu-check.sh (issue 6)
        with open(os.path.join(ctx.out, "telemetry", "summary.txt")) as f:
            md += ["", "NVML telemetry and allocation (scripts/gpu-telemetry-check.sh):", "", "```"] + \
                f.read().rstrip().splitlines()[-20:] + ["```"]
    except OSError:
        pass
    with open(os.path.join(ctx.out, "summary.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


def fmt(x, spec=".0f"):
    return "" if x is None else format(x, spec)


def pct(x):
    return "" if x is None else f"{100 * x:.1f}%"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["env", "peak", "cudatests", "throughput", "bubble", "memory", "textbook",
                                        "summary"])
    ap.add_argument("--size", choices=sorted(CONFIGS), help="gpt size for throughput (default gpu; tiny in --smoke)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--train", help="tunebench-train binary")
    ap.add_argument("--corpus", help="text file for gpt runs (large enough for block 1024)")
    ap.add_argument("--sample", help="resources/corpus/sample.txt")
    ap.add_argument("--ref", help="torch_ref_gpt.py (optional)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--cap-gib", type=float, default=10.0)
    ap.add_argument("--target-gib", type=float, default=24.0)
    ap.add_argument("--budget", type=float, default=float(os.environ.get("TB_STEP_BUDGET", 0)),
                    help="seconds this subcommand may take (0: no limit; default $TB_STEP_BUDGET)")
    ap.add_argument("--smoke", action="store_true")
    a = ap.parse_args()
    ctx = Ctx(a)
    fn = globals()["cmd_" + a.command]
    sys.exit(fn(ctx) or 0)


if __name__ == "__main__":
    main()
