"""Several objectives against the state of the art (issue 17, point 5): the hypervolume of the
feasible Pareto set after the budget, our samplers driven through `tunebench-cli serve` exactly
as a client drives them (a spec with "objectives" and `create`, then ask / tell with "values"),
side by side with Optuna 5 (the venv's, in process) and Debian's Optuna 3.1 (a process
speaking serve's lines, bench/mo_ref_samplers.py); every run sequential (`seq`) and with 4
trials at once (`par4`: ask 4, then tell one of the pending trials chosen at random and ask
the next, as the engine runs them; as bench/sota.py).

Run it with the venv of bench/make_venv.sh (it needs pymoo and scipy):
  /work/venvs/hpo-ref/bin/python bench/mo_bench.py [--cli PROGRAM] [--results FILE] [flags]
  ... --plan                      the runs still to do, and their time where known
  ... --report [--report-out F]   only the report, from the results file
  ... --latency                   time per suggestion at 1000 trials on zdt1, every sampler of
                                  --latency-samplers side by side in one run (appended to
                                  the results file; the report shows every such run)

Problems (--problems, a comma list of names or of the words tuning / test):
  TEST set (report on it; nothing is chosen on it): zdt2, zdt3 (../shared/bench/mo_functions.py)
  TUNING set (defaults may be chosen on it): zdt1, dtlz2_3obj (mo_functions.py) and the
  extra problems of bench/mo_extra_functions.py: bnh, srn, tnk (constrained), mlp_cost
  (mixed space: log float, int, log int, categorical).
Every objective is minimized; each problem has its hypervolume reference point. Constraints are
values g <= 0 (ours: {"metric": "c0", "max": 0} in the spec and the values among tell's
"metrics"; Optuna: constraints_func over the trial's user attribute).

Samplers (--samplers): tb:NAME (ours: nsga2, tpe, random, sobol, auto, ...; one `create` + one
`serve` process per run), o5:NAME (the venv's Optuna in process: nsga2, nsga3, tpe, gp, random,
sobol), o31:NAME (Debian's Optuna 3.1, one process per run: nsga2, tpe, random). Settings
follow the name after '+': tb:nsga2+population_size=20, o5:nsga2+population_size=20 (values
read as JSON where they parse). A sampler that cannot run here (unknown to this build, a
missing library) is left out with a warning before anything runs. --seeds-for SAMPLER=RANGE
runs a slow sampler on fewer seeds (e.g. o5:gp=0-9).

Results: one JSON line per run appended to --results, resumable (done runs, errors included,
are skipped; --retry-errors runs failed ones again; --merge adds other results files to the
report, e.g. the slow samplers' file written by a second invocation). Use --cli with a private copy of the
program, so that a rebuild of the shared build folder halfway does not disturb a long run.
Each run records the hypervolume of the feasible Pareto set (trials in the order told) at a
quarter, half, three quarters and all of the budget; the report compares the final one.

Report, per set and mode: median hypervolume (IQR) of every sampler per problem; the true
front's hypervolume HV* and the gap HV* - HV; for each of our samplers (without '+' settings)
against Optuna's best sampler on the problem (the highest median among o5: and o31: samplers
with at least 10 runs there), the
two-sided Mann-Whitney p, the ratio of median gaps (ours / theirs; < 1 is better) with a 95 %
bootstrap interval, and the verdict "no worse" (median at least theirs, or p >= 0.05)."""
import argparse, json, math, os, random, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sota  # noqa: E402  (puts ../shared/bench on the path through sampler_efficiency)
from sampler_efficiency import spec_space  # noqa: E402
from mo_functions import MO  # noqa: E402
from mo_extra_functions import EXTRA, hv2d, true_front_hv  # noqa: E402
from mo_ref_samplers import OptunaMOSession  # noqa: E402

TEST = ("zdt2", "zdt3")
DEFAULT_SAMPLERS = ("tb:nsga2,tb:tpe,tb:auto,tb:random,tb:sobol,o5:nsga2,o5:tpe,o5:gp,o5:random,"
                    "o31:nsga2,o31:tpe")
MODES = {"seq": 1, "par4": 4}
REFS = ("o5:", "o31:")  # "Optuna's best": the best of these per problem and mode
MIN_RUNS = 10  # ... among those with at least this many runs there (a probe's single run is no contender)


# --- problems ---------------------------------------------------------------------------------
def problem_table():
    """name -> dict(set, space (spec list), fn(params) -> (objectives, constraints), ref, cons)."""
    t = {}
    for name, (space, fn, ref) in MO.items():
        t[name] = dict(set="test" if name in TEST else "tuning", space=spec_space(space),
                       fn=(lambda p, fn=fn: (fn(p), [])), ref=list(ref), cons=0)
    for name, (space, fn, ref, cons) in EXTRA.items():
        t[name] = dict(set="tuning", space=spec_space(space), fn=fn, ref=list(ref), cons=cons)
    return t


PROBLEMS = problem_table()
_HV_STAR = {}


def true_hv(name):
    """The hypervolume of the problem's true (feasible) Pareto front against its reference."""
    if name not in _HV_STAR:
        import numpy as np
        ref = PROBLEMS[name]["ref"]
        if name.startswith("zdt"):
            f1 = np.linspace(0.0, 1.0, 2_000_001)  # the front: g = 1 (x1..x5 = 0)
            kind = int(name[3])
            h = 1 - np.sqrt(f1) if kind == 1 else 1 - f1 ** 2 if kind == 2 else \
                1 - np.sqrt(f1) - f1 * np.sin(10 * np.pi * f1)
            _HV_STAR[name] = hv2d(np.stack([f1, h], 1), ref)
        elif name == "dtlz2_3obj":  # the front is the unit sphere's positive octant; ref >= 1
            _HV_STAR[name] = math.prod(ref) - math.pi / 6
        else:
            _HV_STAR[name] = true_front_hv(name)
    return _HV_STAR[name]


def hypervolume(points, ref):
    """Hypervolume of the points' non-dominated set against ref (pymoo's HV for 3+ objectives)."""
    pts = [p for p in points if all(x < r for x, r in zip(p, ref))]
    if not pts:
        return 0.0
    if len(ref) == 2:
        return hv2d(pts, ref)
    import numpy as np
    from pymoo.indicators.hv import HV
    return float(HV(ref_point=np.array(ref, dtype=float))(np.array(pts, dtype=float)))


def parse_seeds(text):
    return sota.parse_ints(text)


split_sampler = sota.split_sampler


def plan_runs(a):
    names = []
    for item in filter(None, a.problems.split(",")):
        if item in ("tuning", "test"):
            names += [n for n, p in PROBLEMS.items() if p["set"] == item]
        elif item in PROBLEMS:
            names.append(item)
        else:
            sys.exit(f"mo_bench.py: --problems: unknown {item!r}; known: tuning, test, " + ", ".join(PROBLEMS))
    seeds_for = dict(x.split("=", 1) for x in a.seeds_for)
    runs = []
    for n in names:
        p = PROBLEMS[n]
        for s in a.samplers:
            for seed in parse_seeds(seeds_for.get(s, a.seeds)):
                for m in a.modes:
                    runs.append(dict(problem=n, set=p["set"], objectives=len(p["ref"]), constraints=p["cons"],
                                     seed=seed, budget=a.budget, sampler=s, mode=m))
    return runs


def run_key(r):
    return (r["problem"], r["seed"], r["budget"], r["sampler"], r["mode"])


# --- samplers -----------------------------------------------------------------------------------
class MOLineSession(sota.LineSession):
    """serve's lines with several objectives: tell sends "values" and the constraints as metrics."""

    def tell(self, trial, values, metrics=None):
        req = {"op": "tell", "trial": trial, "values": list(values)}
        if metrics:
            req["metrics"] = [{"name": k, "value": v} for k, v in metrics.items()]
        r = self._call(req)
        if not r.get("ok"):
            raise RuntimeError(f"tell answered {r}")


def constraint_names(n):
    return [f"c{i}" for i in range(n)]


def tb_create(cli, name, settings, space, seed, n_obj, n_con, reference=None, db_dir=None):
    """Our experiment for one run, made as a user makes it: a spec file and `create`."""
    tmp = tempfile.TemporaryDirectory(prefix="mo-", dir=db_dir)
    db, spec = os.path.join(tmp.name, "e.db"), os.path.join(tmp.name, "spec.json")
    objectives = [{"metric": f"f{i}", "direction": "minimize"} for i in range(n_obj)]
    if reference:
        for o, r in zip(objectives, reference):
            o["reference"] = r
    algorithm = {"name": name, "seed": seed}
    if settings:
        algorithm["settings"] = settings
    doc = {"name": "run", "objectives": objectives, "space": space, "algorithm": algorithm}
    if n_con:
        doc["constraints"] = [{"metric": c, "max": 0} for c in constraint_names(n_con)]
    with open(spec, "w") as f:
        json.dump(doc, f)
    r = subprocess.run([cli, "create", spec, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        tmp.cleanup()
        raise RuntimeError(r.stderr.strip())
    return tmp, db


def open_session(a, sampler, problem, seed):
    lib, name, settings = split_sampler(sampler)
    p = PROBLEMS[problem]
    n_obj, n_con = len(p["ref"]), p["cons"]
    if lib == "tb":
        tmp, db = tb_create(a.cli, name, settings, p["space"], seed, n_obj, n_con,
                            p["ref"] if a.tb_reference else None, a.db_dir)
        return MOLineSession([a.cli, "serve", "--db", db, "--experiment", "run"], tmp)
    if lib == "o31":
        argv = [a.o31_python, os.path.join(HERE, "mo_ref_samplers.py"), "--sampler", name, "--seed", str(seed),
                "--space", json.dumps(p["space"]), "--objectives", str(n_obj),
                "--constraints", ",".join(constraint_names(n_con)), "--settings", json.dumps(settings)]
        return MOLineSession(argv)
    if lib == "o5":
        return OptunaMOSession(name, p["space"], seed, n_obj, constraint_names(n_con), settings)
    raise ValueError(f"unknown sampler {sampler!r}: use tb:, o5: or o31:")


def close(session):
    if hasattr(session, "close"):
        session.close()


def available(a, sampler):
    """None when the sampler runs here, else why not (checked on a constrained problem and on
    mlp_cost's mixed space, three trials each)."""
    try:
        for problem in ("bnh", "mlp_cost"):
            s = open_session(a, sampler, problem, 0)
            try:
                drive(s, PROBLEMS[problem]["fn"], 3, 1, random.Random(0), PROBLEMS[problem]["cons"])
            finally:
                close(s)
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "leave it out", with the reason
        return f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]


def drive(session, fn, budget, parallel, rng, n_con):
    """Ask/tell until `budget` trials are told, `parallel` of them pending at a time; the
    pending trial told next is drawn at random. Returns ([(objectives, constraints)] in the
    order told, seconds spent in ask, seconds spent in tell)."""
    names = constraint_names(n_con)
    history, pending, asked, ask_s, tell_s = [], [], 0, 0.0, 0.0
    while len(history) < budget:
        while len(pending) < parallel and asked < budget:
            t0 = time.perf_counter()
            trial, params = session.ask()
            ask_s += time.perf_counter() - t0
            objs, cons = fn(params)
            pending.append((trial, objs, cons))
            asked += 1
        trial, objs, cons = pending.pop(rng.randrange(len(pending)))
        t0 = time.perf_counter()
        session.tell(trial, objs, dict(zip(names, cons)))
        tell_s += time.perf_counter() - t0
        history.append((objs, cons))
    return history, ask_s, tell_s


def feasible_hv(history, ref):
    return hypervolume([o for o, c in history if all(g <= 0 for g in c)], ref)


def run_one(a, r):
    t0 = time.perf_counter()
    out = dict(r)
    try:
        p = PROBLEMS[r["problem"]]
        session = open_session(a, r["sampler"], r["problem"], r["seed"])
        try:
            history, ask_s, tell_s = drive(session, p["fn"], r["budget"], MODES[r["mode"]], random.Random(r["seed"]),
                                           p["cons"])
        finally:
            close(session)
        marks = sorted({max(1, r["budget"] * k // 4) for k in (1, 2, 3, 4)})
        feasible = [o for o, c in history if all(g <= 0 for g in c)]
        from mo_functions import pareto
        out.update(hv=feasible_hv(history, p["ref"]), hv_at={str(m): feasible_hv(history[:m], p["ref"]) for m in marks},
                   feasible=len(feasible), front=len(pareto(feasible)), ask_s=round(ask_s, 4), tell_s=round(tell_s, 4))
    except Exception as e:  # noqa: BLE001 - recorded in the results; the report lists it
        out["error"] = f"{type(e).__name__}: {e}"[:500]
    out["wall_s"] = round(time.perf_counter() - t0, 4)
    return out


_ARGS = None


def _init(a):
    global _ARGS
    _ARGS = a
    try:
        os.nice(a.nice)
    except OSError:
        pass


def _run(r):
    return run_one(_ARGS, r)


def progress(r):
    """A finished run, as the progress line names it."""
    status = f"error {r['error'][:120]}" if "error" in r else f"hv {fmt(r['hv'])}"
    return f"{r['problem']} s{r['seed']} {r['sampler']} {r['mode']}: {status}"


def load(path):
    """(runs, sessions, latencies) of a results file."""
    lines = []
    if os.path.exists(path):
        with open(path) as f:
            lines = [json.loads(line) for line in f if line.strip()]
    return ([x for x in lines if "session" not in x and "latency" not in x],
            [x["session"] for x in lines if "session" in x], [x["latency"] for x in lines if "latency" in x])


def environment(a, samplers):
    import importlib.metadata as md
    env = sota.environment(a, samplers)
    for dist in ("hyperopt", "coco-experiment", "optunahub"):
        env.pop(dist, None)
    try:
        env["pymoo"] = md.version("pymoo")
    except md.PackageNotFoundError:
        pass
    env["nice"] = a.nice
    try:  # which program ran ours: a private copy has no commit of its own
        import hashlib
        with open(a.cli, "rb") as f:
            env["cli_sha256"] = hashlib.sha256(f.read()).hexdigest()[:12]
    except OSError:
        pass
    return env


# --- time per suggestion ------------------------------------------------------------------------
def serve_cpu_s(session):
    f = open(f"/proc/{session.p.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def latency(a):
    """Every sampler of --latency-samplers on zdt1: filled with --latency-trials of its own
    suggestions (sequentially), then --latency-rounds rounds in which each sampler in turn is
    asked --latency-asks times (each ask told at once): the samplers are measured in the same
    minutes, so a machine's slow phase hits them alike."""
    problem, p = "zdt1", PROBLEMS["zdt1"]
    rng = random.Random(0)
    out = {"problem": problem, "trials": a.latency_trials, "asks_per_round": a.latency_asks,
           "rounds": a.latency_rounds, "db_dir": a.db_dir or tempfile.gettempdir(),
           "omp_num_threads": os.environ.get("OMP_NUM_THREADS"), "samplers": {},
           "environment": environment(a, a.latency_samplers)}
    sessions = {}
    try:
        for s in a.latency_samplers:
            print(f"mo_bench.py: latency: filling {s} with {a.latency_trials} trials", file=sys.stderr, flush=True)
            sess = open_session(a, s, problem, 0)
            sessions[s] = sess
            t0 = time.perf_counter()
            drive(sess, p["fn"], a.latency_trials, 1, rng, 0)
            out["samplers"][s] = {"fill_s": round(time.perf_counter() - t0, 3), "ask_ms": [], "tell_ms": [], "cpu_s": 0.0}
        for rnd in range(a.latency_rounds):
            for s, sess in sessions.items():
                rec = out["samplers"][s]
                cpu0 = serve_cpu_s(sess) if isinstance(sess, sota.LineSession) else None
                for _ in range(a.latency_asks):
                    t0 = time.perf_counter()
                    trial, params = sess.ask()
                    t1 = time.perf_counter()
                    sess.tell(trial, p["fn"](params)[0], {})
                    t2 = time.perf_counter()
                    rec["ask_ms"].append(round((t1 - t0) * 1000, 3))
                    rec["tell_ms"].append(round((t2 - t1) * 1000, 3))
                if cpu0 is not None:
                    rec["cpu_s"] += serve_cpu_s(sess) - cpu0
            print(f"mo_bench.py: latency: round {rnd + 1}/{a.latency_rounds} "
                  + ", ".join(f"{s} {statistics.median(r['ask_ms']):.2f} ms" for s, r in out["samplers"].items()),
                  file=sys.stderr, flush=True)
    finally:
        for sess in sessions.values():
            close(sess)
    for s, rec in out["samplers"].items():
        n = len(rec["ask_ms"])
        rec["serve_cpu_ms_per_ask_and_tell"] = round(rec.pop("cpu_s") * 1000 / n, 3) if s.startswith("tb:") else None
    out["loadavg_after"] = os.getloadavg()
    return out


def latency_report(lat):
    lines = [f"Time per suggestion on {lat['problem']} after {lat['trials']} trials (the samplers' own suggestions, "
             f"told sequentially), {lat['rounds']} rounds x {lat['asks_per_round']} asks per sampler, the samplers "
             f"taking turns within each round; measured {lat['environment'].get('time', '')}, load average "
             f"{', '.join(f'{x:.1f}' for x in lat['environment'].get('loadavg', []))} before and "
             f"{', '.join(f'{x:.1f}' for x in lat.get('loadavg_after', []))} after; our stores in "
             f"{lat.get('db_dir', 'the temporary folder')}, OMP_NUM_THREADS {lat.get('omp_num_threads')}. Ours: the ask from request "
             "written to answer read through `serve` (sampler, store insert and commit, JSON), and serve's "
             "CPU time per ask + tell (/proc, 10 ms ticks); Optuna: study.ask() and the suggest calls in "
             "process (in-memory storage).\n",
             "| sampler | ask median (p10-p90) ms | ask median per round, ms | vs Optuna's: median of the rounds' ratios "
             "(range) | tell median ms | serve CPU per ask + tell, ms | fill to "
             f"{lat['trials']} trials, s |", "|---|---|---|---|---|---|---|"]
    k = lat["asks_per_round"]
    per_round = {s: [statistics.median(r["ask_ms"][i:i + k]) for i in range(0, len(r["ask_ms"]), k)]
                 for s, r in lat["samplers"].items()}
    for s, r in lat["samplers"].items():
        asks = sorted(r["ask_ms"])
        q = lambda f: asks[min(len(asks) - 1, int(f * len(asks)))]  # noqa: E731
        lib, name, _ = split_sampler(s)
        partner = f"o5:{'tpe' if name == 'auto' else name}" if lib == "tb" else None
        vs = ""
        if partner in per_round:
            ratios = [x / y for x, y in zip(per_round[s], per_round[partner])]
            vs = f"{statistics.median(ratios):.3g}x {partner} ({min(ratios):.3g}-{max(ratios):.3g})"
        lines.append(f"| {s} | {statistics.median(asks):.3g} ({q(0.1):.3g}-{q(0.9):.3g}) | "
                     f"{', '.join(f'{x:.3g}' for x in per_round[s])} | {vs} | {statistics.median(r['tell_ms']):.3g} | "
                     f"{'' if r.get('serve_cpu_ms_per_ask_and_tell') is None else format(r['serve_cpu_ms_per_ask_and_tell'], '.3g')} | "
                     f"{r['fill_s']:.1f} |")
    return "\n".join(lines)


# --- report ---------------------------------------------------------------------------------
def fmt(x, digits=4):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if x == 0:
        return "0"
    return f"{x:.{digits}g}" if abs(x) >= 1e-3 else f"{x:.2e}"


def quartiles(v):
    v = sorted(v)
    if len(v) < 2:
        return v[0], v[0]
    q = statistics.quantiles(v, n=4, method="inclusive")
    return q[0], q[2]


def bootstrap_ratio(ours, theirs, reps=4000, seed=0):
    """95 % bootstrap interval of median(ours) / median(theirs) (resampling each side)."""
    import numpy as np
    rng = np.random.default_rng(seed)
    o, t = np.asarray(ours), np.asarray(theirs)
    mo = np.median(o[rng.integers(0, len(o), (reps, len(o)))], axis=1)
    mt = np.median(t[rng.integers(0, len(t), (reps, len(t)))], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = mo / mt
    r = r[np.isfinite(r)]
    if not len(r):
        return math.nan, math.nan
    return float(np.quantile(r, 0.025)), float(np.quantile(r, 0.975))


def is_default(sampler):
    return "+" not in sampler


def ratio_matrix(runs, mkeys, ours, mode):
    """Every one of our samplers, settings variants included: the ratio of its median gap to
    Optuna's best's per problem, and their geometric mean (for choosing defaults)."""
    cols = [s for s in ours if any(s in runs[k] for k in mkeys)]
    if len(cols) < 2:
        return []
    out = [f"Ratio of median gaps, ours / Optuna's best ({mode}; < 1 better; every setting):\n",
           "| problem | Optuna's best | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
    logs = {s: [] for s in cols}
    for k in mkeys:
        cand = [s for s in runs[k] if s.startswith(REFS) and is_default(s)]
        cand = [s for s in cand if len(runs[k][s]) >= MIN_RUNS] or cand
        if not cand:
            continue
        best = max(cand, key=lambda s: statistics.median(runs[k][s]))
        star = true_hv(k[2])
        tg = statistics.median(star - x for x in runs[k][best])
        cells = []
        for s in cols:
            if s not in runs[k] or tg <= 0:
                cells.append("")
                continue
            r = statistics.median(star - x for x in runs[k][s]) / tg
            logs[s].append(math.log(max(r, 1e-12)))
            cells.append(fmt(r, 3))
        out.append(f"| {k[2]} | {best} | " + " | ".join(cells) + " |")
    out.append("| geometric mean | | " + " | ".join(fmt(math.exp(statistics.mean(logs[s])), 3) if logs[s] else ""
                                                 for s in cols) + " |")
    return out + [""]


def report(rows, sessions=(), latencies=(), samplers_order=None):
    from scipy.stats import mannwhitneyu
    ok = [r for r in rows if "error" not in r]
    finished = {run_key(r) for r in ok}
    errors = [r for r in rows if "error" in r and run_key(r) not in finished]
    runs = {}  # (set, mode, problem) -> sampler -> [hv] in seed order
    for r in sorted(ok, key=lambda r: r["seed"]):
        runs.setdefault((r["set"], r["mode"], r["problem"]), {}).setdefault(r["sampler"], []).append(r["hv"])
    present = {r["sampler"] for r in ok}
    order = [s for s in (samplers_order or []) if s in present]
    samplers = order + sorted(present - set(order), key=lambda s: (not s.startswith("tb:"), s))
    ours = [s for s in samplers if s.startswith("tb:")]
    lines = [f"Runs: {len(ok)} finished, {len(errors)} failed. HV = hypervolume of the feasible Pareto set after "
             "the budget against the problem's reference point; HV* = the true front's; gap = HV* - HV. "
             f"Optuna's best = the o5:/o31: sampler with the highest median HV on the problem and mode (among those with "
             f"at least {MIN_RUNS} runs there). "
             "ratio = median gap of ours / median gap of Optuna's best (< 1: ours closer to the front), with a "
             "95 % bootstrap interval; p = two-sided Mann-Whitney U on the HVs; no worse = our median HV at "
             "least theirs, or p >= 0.05.\n"]
    summary = {}  # (set, mode, sampler) -> [no worse?]
    for set_ in ("tuning", "test"):
        keys = sorted(k for k in runs if k[0] == set_)
        if not keys:
            continue
        lines.append("## " + {"tuning": "TUNING set (zdt1, dtlz2_3obj, bnh, srn, tnk, mlp_cost): defaults may be chosen here",
                              "test": "TEST set (zdt2, zdt3): report here, nothing chosen on it"}[set_] + "\n")
        for mode in MODES:
            mkeys = [k for k in keys if k[1] == mode]
            if not mkeys:
                continue
            lines.append(f"### {mode} ({MODES[mode]} trial{'s' if MODES[mode] > 1 else ''} at once): median HV (IQR)\n")
            cols = [s for s in samplers if any(s in runs[k] for k in mkeys)]
            lines.append("| problem | HV* | runs | " + " | ".join(cols) + " |")
            lines.append("|---|---|---|" + "---|" * len(cols))
            for k in mkeys:
                cells = []
                for s in cols:
                    v = runs[k].get(s)
                    if not v:
                        cells.append("")
                        continue
                    lo, hi = quartiles(v)
                    cells.append(f"{fmt(statistics.median(v))} ({fmt(lo)}-{fmt(hi)})")
                n = max(len(v) for v in runs[k].values())
                lines.append(f"| {k[2]} | {fmt(true_hv(k[2]))} | {n} | " + " | ".join(cells) + " |")
            lines.append("")
            lines.append(f"Ours against Optuna's best ({mode}):\n")
            lines.append("| problem | Optuna's best: median HV (gap) | our sampler | median HV (gap) | ratio of gaps [95 % CI] | p | no worse |")
            lines.append("|---|---|---|---|---|---|---|")
            for k in mkeys:
                cand = [s for s in runs[k] if s.startswith(REFS) and is_default(s)]
                enough = [s for s in cand if len(runs[k][s]) >= MIN_RUNS]
                cand = enough or cand
                if not cand:
                    continue
                best = max(cand, key=lambda s: statistics.median(runs[k][s]))
                star = true_hv(k[2])
                theirs = runs[k][best]
                tg = [star - x for x in theirs]
                for s in [s for s in ours if s in runs[k] and is_default(s)]:
                    mine = runs[k][s]
                    mg = [star - x for x in mine]
                    p = mannwhitneyu(mine, theirs, alternative="two-sided").pvalue
                    med_ok = statistics.median(mine) >= statistics.median(theirs)
                    verdict = med_ok or p >= 0.05
                    summary.setdefault((set_, mode, s), []).append((verdict, med_ok))
                    lo, hi = bootstrap_ratio(mg, tg)
                    ratio = statistics.median(mg) / statistics.median(tg) if statistics.median(tg) > 0 else math.nan
                    lines.append(f"| {k[2]} | {best} {fmt(statistics.median(theirs))} ({fmt(statistics.median(tg), 3)}; "
                                 f"{len(theirs)} runs) | {s} | "
                                 f"{fmt(statistics.median(mine))} ({fmt(statistics.median(mg), 3)}) | "
                                 f"{fmt(ratio, 3)} [{fmt(lo, 3)}-{fmt(hi, 3)}] | {p:.2g} | "
                                 f"{'yes' if verdict else '**no**'}{' (median better)' if med_ok else ''} |")
            lines.append("")
            for s in ours:
                v = summary.get((set_, mode, s))
                if v:
                    lines.append(f"- {s}: no worse than Optuna's best on {sum(x[0] for x in v)}/{len(v)} problems "
                                 f"({sum(x[1] for x in v)}/{len(v)} with a median HV at least theirs)")
            lines.append("")
            lines += ratio_matrix(runs, mkeys, ours, mode)
    # progress over the budget: median gap at each mark, for every sampler (tuning + test)
    marks = sorted({m for r in ok for m in r.get("hv_at", {})}, key=int)
    if marks:
        lines.append("## Median gap HV* - HV over the budget (trials told)\n")
        lines.append("| problem | mode | sampler | " + " | ".join(marks) + " |")
        lines.append("|---|---|---|" + "---|" * len(marks))
        per = {}
        for r in ok:
            per.setdefault((r["problem"], r["mode"], r["sampler"]), []).append(r)
        for (prob, mode, s), rs in sorted(per.items(), key=lambda x: (PROBLEMS[x[0][0]]["set"] != "test", x[0][0], x[0][1],
                                                                       samplers.index(x[0][2]))):
            star = true_hv(prob)
            lines.append(f"| {prob} | {mode} | {s} | " + " | ".join(
                fmt(statistics.median(star - r["hv_at"][m] for r in rs if m in r.get("hv_at", {})), 3)
                if any(m in r.get("hv_at", {}) for r in rs) else "" for m in marks) + " |")
        lines.append("")
    if latencies:
        lines.append("## Time per suggestion\n")
        for n, lat in enumerate(latencies, 1):
            lines.append(f"Run {n} of {len(latencies)}. " + latency_report(lat))
            lines.append("")
    if sessions:
        lines.append("Measured with (one line per invocation that ran something):\n")
        lines += ["- " + ", ".join(f"{k} {v}" for k, v in e.items() if k != "samplers") for e in sessions]
        lines.append("")
    if errors:
        lines.append("Failed runs (first 10):\n")
        lines += [f"- {r['problem']} s{r['seed']} {r['sampler']} {r['mode']}: {r['error']}" for r in errors[:10]]
        lines.append("")
    lines.append("Seconds per run (median wall time; in parentheses the part spent in ask, then in tell):\n")
    cost = {}
    for r in ok:
        cost.setdefault((r["sampler"], r["mode"]), {}).setdefault(r["problem"], []).append(r)
    for (s, m), per in sorted(cost.items(), key=lambda x: (samplers.index(x[0][0]), x[0][1])):
        lines.append(f"- {s} {m}: " + ", ".join(
            f"{g} {statistics.median(x['wall_s'] for x in v):.2f} ({statistics.median(x['ask_s'] for x in v):.2f}, "
            f"{statistics.median(x.get('tell_s', 0) for x in v):.2f})" for g, v in sorted(per.items())))
    return "\n".join(lines)


def plan_report(todo, rows, jobs):
    seen = {}
    for r in rows:
        if "error" not in r:
            seen.setdefault((r["sampler"], r["mode"], r["problem"], r["budget"]), []).append(r["wall_s"])
            seen.setdefault((r["sampler"], r["mode"], None, r["budget"]), []).append(r["wall_s"])
    med = {k: statistics.median(v) for k, v in seen.items()}
    per, unknown, borrowed = {}, {}, 0
    for r in todo:
        t = med.get((r["sampler"], r["mode"], r["problem"], r["budget"]))
        if t is None:
            t = med.get((r["sampler"], r["mode"], None, r["budget"]))
            borrowed += t is not None
        if t is None:
            unknown[r["sampler"]] = unknown.get(r["sampler"], 0) + 1
            continue
        per[r["sampler"]] = per.get(r["sampler"], 0.0) + t
    total = sum(per.values())
    out = [f"{len(todo)} runs to do: {total / 3600:.2f} h of run time, {total / 3600 / jobs:.2f} h with {jobs} job(s)"]
    out += [f"  {s}: {t / 3600:.2f} h" for s, t in sorted(per.items(), key=lambda x: -x[1])]
    if borrowed:
        out.append(f"{borrowed} of them timed by the same sampler and mode on another problem")
    if unknown:
        out.append("not counted (never measured): " + ", ".join(f"{s} {n} runs" for s, n in unknown.items()))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--cli", help="the tunebench-cli to drive (default BUILD/app/tunebench-cli); for a long run, "
                                  "a copy that no rebuild replaces halfway")
    ap.add_argument("--results", default=os.path.join(HERE, "results-mo.jsonl"))
    ap.add_argument("--problems", default="tuning,test")
    ap.add_argument("--seeds", default="0-19")
    ap.add_argument("--seeds-for", action="append", default=[], metavar="SAMPLER=RANGE",
                    help="other seeds for one sampler (a slow one on fewer seeds)")
    ap.add_argument("--samplers", default=DEFAULT_SAMPLERS)
    ap.add_argument("--modes", default="seq,par4")
    ap.add_argument("--budget", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--nice", type=int, default=10, help="niceness of the runs (and of our serve processes)")
    ap.add_argument("--o31-python", default="/usr/bin/python3")
    ap.add_argument("--tb-reference", action="store_true", help="give our specs the problem's reference point")
    ap.add_argument("--db-dir", help="where our runs' stores are made (default: the system's temporary folder); "
                                     "/dev/shm takes the disk's sync out of the time per suggestion")
    ap.add_argument("--retry-errors", action="store_true")
    ap.add_argument("--plan", action="store_true", help="print the runs to do and their expected time; run nothing")
    ap.add_argument("--report", action="store_true", help="only print the report of the results file")
    ap.add_argument("--report-out", help="also write the report (markdown) here")
    ap.add_argument("--merge", action="append", default=[], metavar="FILE",
                    help="another results file whose runs the report includes (e.g. the slow samplers' runs, "
                         "made by another invocation at the same time); runs are done and skipped per --results only")
    ap.add_argument("--latency", action="store_true", help="measure time per suggestion instead of running")
    ap.add_argument("--latency-samplers", default="tb:nsga2,tb:tpe,o5:nsga2,o5:tpe")
    ap.add_argument("--latency-trials", type=int, default=1000)
    ap.add_argument("--latency-asks", type=int, default=10)
    ap.add_argument("--latency-rounds", type=int, default=5)
    a = ap.parse_args()
    a.cli = os.path.abspath(a.cli or os.path.join(a.build, "app", "tunebench-cli"))
    a.samplers = [s for s in a.samplers.split(",") if s]
    a.latency_samplers = [s for s in a.latency_samplers.split(",") if s]
    a.modes = [m for m in a.modes.split(",") if m]
    for m in a.modes:
        if m not in MODES:
            sys.exit(f"mo_bench.py: --modes: unknown {m!r}; known: {', '.join(MODES)}")

    rows, sessions, latencies = load(a.results)
    for extra in a.merge:  # other results files, for the report only
        r, se, la = load(extra)
        rows, sessions, latencies = rows + r, sessions + se, latencies + la
    if a.latency:
        # one thread for numpy's BLAS and torch, as our serve has one: on a loaded machine a
        # second thread spinning for a core made Optuna's TPE up to 15x slower from one round to
        # the next (set before anything imports numpy)
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        os.nice(a.nice)
        lat = latency(a)
        with open(a.results, "a") as out:
            out.write(json.dumps({"latency": lat}) + "\n")
        print(latency_report(lat))
        return
    if not a.report and not sota.execute(a, rows, sessions, sys.modules[__name__], "mo_bench.py", progress):
        return
    text = report(rows, sessions, latencies, a.samplers)
    print(text)
    if a.report_out:
        with open(a.report_out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
