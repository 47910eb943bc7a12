"""Samplers against the state of the art (issue 18): regret after the budget of our samplers,
driven through `tunebench-cli serve` exactly as a client drives them, and of the reference
libraries, on BBOB, the HPO-like functions and mixed/conditional spaces; every run both
sequential (`seq`) and with 4 trials at once (`par4`: ask 4, then tell one of the pending
trials chosen at random and ask the next, as the engine runs them).

Run it with the venv of bench/make_venv.sh (it needs cocoex and scipy):
  /work/venvs/hpo-ref/bin/python bench/sota.py [--build build] [--results FILE] [flags]
  ... --report [--report-out FILE]      only the report, from the results file
  ... --plan                            the runs still to do, and their time where known

Problems (--functions, a comma list of):
  bbob | N | N-M   BBOB noiseless functions 1-24 (cocoex, suite "bbob") in --dims 2,5,10
                   (100 evaluations) and 20 (200), instances --instances x seeds --seeds
  hpo              ../shared/bench/functions.py (100 trials; runs: --fn-seeds)
  mixed            bench/mixed_spaces.py (100 trials, conditional spaces; --fn-seeds)
  heldout          bench/heldout_functions.py (100 trials; --fn-seeds)
  NAME             one function of those three files
Tuning set (defaults may be chosen on it): BBOB instances 1-5, mixed, heldout.
Test set (report on it): BBOB instances 6-10 and hpo. Other BBOB instances: set "other".

Samplers (--samplers): tb:NAME (ours: tpe, gp, cmaes, sobol, random, auto; each run is one
`create` + one `serve` process; settings after '+', e.g. tb:tpe+bandwidth=scott, read as JSON
where they parse), o5:NAME (the venv's Optuna, in process: tpe, tpe_cl, tpe_mv, gp, cmaes,
random, sobol, auto = OptunaHub's AutoSampler), hyperopt:tpe (in process), o31:NAME
(Debian's Optuna 3.1: bench/ref_samplers.py under --o31-python, one process per run). A
sampler that cannot run here (an unknown name, AutoSampler without its registry) is left
out with a warning before anything runs.

Results: one JSON line per run appended to --results, so an interrupted run resumes where it
stopped (finished runs, errors included, are skipped; --retry-errors runs failed ones
again; --cli a copy of the program, so that a rebuild of the shared build folder halfway
does not fail runs). regret = best value found - the problem's optimum (BBOB: f at x_opt).

Report, per set and mode: every sampler's median regret per problem; `ours*`, our sampler
with the best average rank in the problem's class (BBOB d <= 10, BBOB d = 20, hpo, mixed,
heldout), against each reference with the two-sided Mann-Whitney U p; per class the share
of problems where ours* is no worse (median at most theirs, or p >= 0.05) than the best of
Optuna 5's samplers on that problem and than each other reference; median normalised regret
((r - min) / (max - min) over all runs of the problem and mode) and average rank."""
import argparse, json, math, os, random, re, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from sampler_efficiency import spec_space  # noqa: E402  (also puts ../shared/bench on the path)
from functions import ALL as HPO  # noqa: E402
from heldout_functions import HELDOUT  # noqa: E402
from mixed_spaces import MIXED  # noqa: E402
import ref_samplers  # noqa: E402

TUNING_INSTANCES, TEST_INSTANCES = range(1, 6), range(6, 11)
DEFAULT_SAMPLERS = ("tb:tpe,tb:gp,tb:cmaes,tb:sobol,tb:auto,o5:tpe,o5:gp,o5:cmaes,o5:random,o5:auto,"
                    "hyperopt:tpe,o31:tpe")
MODES = {"seq": 1, "par4": 4}
O5 = "o5:"  # prefix of the samplers the targets compare with ("the best of Optuna 5's")


# --- problems ---------------------------------------------------------------------------------
def parse_ints(text):
    out = []
    for part in filter(None, text.split(",")):
        lo, _, hi = part.partition("-")
        out += range(int(lo), int(hi or lo) + 1)
    return out


def bbob_name(f, d):
    return f"bbob_f{f:02d}_d{d:02d}"


def function_table():
    """name -> (group, set, space (spec list), fn, optimum) for the non-BBOB problems."""
    t = {}
    for name, (space, fn, opt) in HPO.items():
        t[name] = ("hpo", "test", spec_space(space), fn, opt)
    for name, (space, fn, opt) in HELDOUT.items():
        t[name] = ("heldout", "tuning", spec_space(space), fn, opt)
    for name, (space, fn, opt, _argmin) in MIXED.items():
        t[name] = ("mixed", "tuning", space, fn, opt)
    return t


FUNCTIONS = function_table()
_BBOB = {}


def bbob(f, d, instance):
    """(fn, optimum) of one BBOB problem; f_opt is f at the x_opt cocoex writes out."""
    key = (f, d, instance)
    if key not in _BBOB:
        import cocoex, numpy as np
        suite = cocoex.Suite("bbob", f"instances: {instance}", f"function_indices: {f} dimensions: {d}")
        problem = suite[0]
        cwd = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:  # _best_parameter("print") writes to the current folder
            os.chdir(tmp)
            try:
                problem._best_parameter("print")
                xopt = np.loadtxt("._bbob_problem_best_parameter.txt", ndmin=1)
            finally:
                os.chdir(cwd)
        names = [f"x{k}" for k in range(d)]
        _BBOB[key] = (suite, lambda p: float(problem(np.array([p[n] for n in names]))), float(problem(xopt)))
    return _BBOB[key][1:]


def bbob_space(d):
    return [{"name": f"x{k}", "type": "float", "low": -5.0, "high": 5.0} for k in range(d)]


def plan_runs(a):
    """Every run the flags ask for, as dicts (the results file's keys)."""
    bbob_fns, names = [], []
    for item in filter(None, a.functions.split(",")):
        if item == "bbob":
            bbob_fns += range(1, 25)
        elif item[0].isdigit():
            bbob_fns += parse_ints(item)
        elif item in ("hpo", "mixed", "heldout"):
            names += [n for n, v in FUNCTIONS.items() if v[0] == item]
        elif item in FUNCTIONS:
            names.append(item)
        else:
            sys.exit(f"sota.py: --functions: unknown {item!r}; known: bbob, 1-24, hpo, mixed, heldout, "
                     + ", ".join(FUNCTIONS))
    problems = []
    for f in bbob_fns:
        for d in parse_ints(a.dims):
            for i in parse_ints(a.instances):
                problems += [dict(problem=bbob_name(f, d), group="bbob", dim=d, instance=i, seed=s,
                                  set="tuning" if i in TUNING_INSTANCES else "test" if i in TEST_INSTANCES else "other",
                                  budget=a.budget or (100 if d <= 10 else 200)) for s in parse_ints(a.seeds)]
    for n in names:
        group, set_, space, _, _ = FUNCTIONS[n]
        problems += [dict(problem=n, group=group, dim=len(space), instance=0, seed=s, set=set_, budget=a.budget or 100)
                     for s in parse_ints(a.fn_seeds)]
    return [dict(p, sampler=s, mode=m) for p in problems for s in a.samplers for m in a.modes]


def run_key(r):
    return (r["problem"], r["instance"], r["seed"], r["budget"], r["sampler"], r["mode"])


# --- samplers -----------------------------------------------------------------------------------
class LineSession:
    """A process answering serve's JSON lines: `tunebench-cli serve` or bench/ref_samplers.py."""

    def __init__(self, argv, tmp=None):
        self.tmp = tmp
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def _call(self, req):
        self.p.stdin.write(json.dumps(req) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            raise RuntimeError(f"{self.p.args[0]} ended (exit {self.p.wait()}) on {req}")
        return json.loads(line)

    def ask(self):
        a = self._call({"op": "ask"})
        if "params" not in a:
            raise RuntimeError(f"ask answered {a}")
        return a["trial"], a["params"]

    def tell(self, trial, value):
        r = self._call({"op": "tell", "trial": trial, "value": value})
        if not r.get("ok"):
            raise RuntimeError(f"tell answered {r}")

    def close(self):
        self.p.stdin.close()
        self.p.wait()
        if self.tmp:
            self.tmp.cleanup()


def split_sampler(sampler):
    """'tb:nsga2+population_size=20' -> ('tb', 'nsga2', {'population_size': 20})."""
    lib, _, rest = sampler.partition(":")
    name, *items = re.split(r"\+(?=[A-Za-z_]\w*=)", rest)  # a '+' inside a value (1e+3) stays
    settings = {}
    for it in items:
        k, _, v = it.partition("=")
        try:
            settings[k] = json.loads(v)
        except ValueError:
            settings[k] = v
    return lib, name, settings


def tb_create(cli, name, space, seed, settings=None):
    """Our experiment for one run, made as a user makes it: a spec file and `create`."""
    tmp = tempfile.TemporaryDirectory(prefix="sota-")
    db, spec = os.path.join(tmp.name, "e.db"), os.path.join(tmp.name, "spec.json")
    with open(spec, "w") as f:
        json.dump({"name": "run", "objective": {"metric": "value", "direction": "minimize"}, "space": space,
                   "algorithm": {"name": name, "seed": seed, **({"settings": settings} if settings else {})}}, f)
    r = subprocess.run([cli, "create", spec, "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        tmp.cleanup()
        raise RuntimeError(r.stderr.strip())
    return tmp, db


def open_session(a, sampler, space, seed):
    lib, name, settings = split_sampler(sampler)
    if lib != "tb" and settings:
        raise ValueError(f"{sampler!r}: '+' settings are for our samplers (tb:) only")
    if lib == "tb":
        tmp, db = tb_create(a.cli, name, space, seed, settings)
        return LineSession([a.cli, "serve", "--db", db, "--experiment", "run"], tmp)
    if lib == "o31":
        argv = [a.o31_python, os.path.join(HERE, "ref_samplers.py"), "--lib", "optuna", "--sampler", name,
                "--seed", str(seed), "--space", json.dumps(space)]
        return LineSession(argv)
    if lib == "o5":
        return ref_samplers.OptunaSession(name, space, seed, a.optunahub_registry)
    if lib == "hyperopt":
        return ref_samplers.HyperoptSession(name, space, seed)
    raise ValueError(f"unknown sampler {sampler!r}: use tb:, o5:, o31: or hyperopt:")


def available(a, sampler):
    """None when the sampler runs here, else why not (checked on a one-parameter space)."""
    space = [{"name": "x", "type": "float", "low": 0.0, "high": 1.0}]
    try:
        s = open_session(a, sampler, space, 0)
        try:
            s.tell(s.ask()[0], 0.5)
        finally:
            if hasattr(s, "close"):
                s.close()
        return None
    except Exception as e:  # noqa: BLE001 - any failure means "leave it out", with the reason
        return f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:300]


def drive(session, fn, budget, parallel, rng):
    """Ask/tell until `budget` trials are told, `parallel` of them pending at a time; the
    pending trial told next is drawn at random (trials finishing out of order)."""
    best, pending, asked, told, ask_s = math.inf, [], 0, 0, 0.0
    while told < budget:
        while len(pending) < parallel and asked < budget:
            t0 = time.perf_counter()
            trial, params = session.ask()
            ask_s += time.perf_counter() - t0
            pending.append((trial, fn(params)))
            asked += 1
        trial, value = pending.pop(rng.randrange(len(pending)))
        session.tell(trial, value)
        told += 1
        best = min(best, value)
    return best, ask_s


def run_one(a, r):
    t0 = time.perf_counter()
    out = dict(r)
    try:
        if r["group"] == "bbob":
            f, d = int(r["problem"][6:8]), r["dim"]
            space, (fn, opt) = bbob_space(d), bbob(f, d, r["instance"])
        else:
            _, _, space, fn, opt = FUNCTIONS[r["problem"]]
        seed = r["seed"] + 1000 * r["instance"]
        session = open_session(a, r["sampler"], space, seed)
        try:
            best, ask_s = drive(session, fn, r["budget"], MODES[r["mode"]], random.Random(seed))
        finally:
            if hasattr(session, "close"):
                session.close()
        out.update(regret=best - opt, best=best, optimum=opt, ask_s=round(ask_s, 4))
    except Exception as e:  # noqa: BLE001 - recorded in the results; the report lists it
        out["error"] = f"{type(e).__name__}: {e}"[:500]
    out["wall_s"] = round(time.perf_counter() - t0, 4)
    return out


_ARGS = None


def _init(a):
    global _ARGS
    _ARGS = a


def _run(r):
    return run_one(_ARGS, r)


def progress(r):
    """A finished run, as the progress line names it."""
    status = f"error {r['error'][:120]}" if "error" in r else f"regret {fmt(r['regret'])}"
    return f"{r['problem']} i{r['instance']} s{r['seed']} {r['sampler']} {r['mode']}: {status}"


def execute(a, rows, sessions, mod, tool, describe):
    """The runs of mod.plan_runs(a) not yet in `rows`, appended to a.results as they finish
    (after a session line); shared with mo_bench.py. `mod` is the harness's module (its
    plan_runs, run_key, plan_report, available, run_one, _init, _run, environment),
    `describe(r)` a finished run's progress text. False when only the plan was asked for."""
    done = {mod.run_key(r) for r in rows if not a.retry_errors or "error" not in r}
    todo = [r for r in mod.plan_runs(a) if mod.run_key(r) not in done]
    if a.plan:
        print(mod.plan_report(todo, rows, a.jobs))
        return False
    missing = {s: why for s in sorted({r["sampler"] for r in todo}) if (why := mod.available(a, s))}
    for s, why in missing.items():
        print(f"{tool}: leaving out {s}: {why}", file=sys.stderr)
    todo = [r for r in todo if r["sampler"] not in missing]
    print(f"{tool}: {len(todo)} runs to do ({len(rows)} in {a.results})", file=sys.stderr, flush=True)
    t0 = time.time()
    pool = None
    if a.jobs > 1:
        # spawn, not fork: the availability checks may have started torch's OpenMP threads,
        # which a forked child cannot use; one thread per job so the jobs do not fight
        import multiprocessing as mp
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        pool = mp.get_context("spawn").Pool(a.jobs, initializer=mod._init, initargs=(a,))
        results = pool.imap_unordered(mod._run, todo)
    else:
        mod._init(a)
        results = (mod.run_one(a, r) for r in todo)
    with open(a.results, "a") as out:
        if todo:
            sessions.append(mod.environment(a, sorted({r["sampler"] for r in todo})))
            out.write(json.dumps({"session": sessions[-1]}) + "\n")
        for n, r in enumerate(results, 1):
            out.write(json.dumps(r) + "\n")
            out.flush()
            rows.append(r)
            print(f"[{n}/{len(todo)} {time.time() - t0:.0f}s] {describe(r)} ({r['wall_s']:.2f} s)", file=sys.stderr, flush=True)
    if pool:
        pool.close()
        pool.join()
    return True


def load(path):
    """(runs, sessions): the results file's run lines and its {"session": ...} lines."""
    lines = []
    if os.path.exists(path):
        with open(path) as f:
            lines = [json.loads(line) for line in f if line.strip()]
    return [x for x in lines if "session" not in x], [x["session"] for x in lines if "session" in x]


def environment(a, samplers):
    """What a results file's runs were measured with: versions, machine load, flags."""
    import importlib.metadata as md
    env = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cpus": os.cpu_count(), "loadavg": os.getloadavg(),
           "jobs": a.jobs, "samplers": samplers, "python": sys.version.split()[0]}
    for dist in ("optuna", "optunahub", "hyperopt", "cmaes", "coco-experiment", "scipy", "numpy", "torch"):
        try:
            env[dist] = md.version(dist)
        except md.PackageNotFoundError:
            pass
    for what, argv in (("tunebench", [a.cli, "--version"]),
                       ("commit", ["git", "-C", HERE, "describe", "--always", "--dirty"]),
                       ("o31_optuna", [a.o31_python, "-c", "import optuna; print(optuna.__version__)"])):
        try:
            env[what] = subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip()
        except OSError:
            pass
    return env


# --- report ---------------------------------------------------------------------------------
def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if x == 0:
        return "0"
    return f"{x:.3g}" if abs(x) >= 1e-3 else f"{x:.2e}"


def problem_class(problem, group, dim):
    if group == "bbob":
        return "bbob d<=10" if dim <= 10 else "bbob d=20"
    return group


def no_worse(ours, theirs, mannwhitneyu):
    """Our regrets are no worse than theirs: a median at most theirs, or a difference that a
    two-sided Mann-Whitney U test cannot tell from seed noise (p >= 0.05)."""
    if statistics.median(ours) <= statistics.median(theirs):
        return True
    return mannwhitneyu(ours, theirs, alternative="two-sided").pvalue >= 0.05


SINGLE = ("tb:tpe", "tb:gp", "tb:cmaes", "tb:sobol", "tb:random")  # auto's rivals (point 5)
TPES = ("o5:tpe", "hyperopt:tpe")  # our tpe's (point 3)


def pairwise_verdicts(runs, keys, samplers, mannwhitneyu):
    """Point 5: `auto` against the best (lowest median) of our single samplers on each problem;
    point 3: our `tpe` against Optuna 5's and Hyperopt's TPE. Each a count of problems where
    ours is no worse, and the problems where it is worse."""
    out = []

    def verdict(who, rival_of):
        hits, worse = 0, []
        for k in keys:
            rival = rival_of(k)
            if who not in runs[k] or rival not in runs[k]:
                continue
            if no_worse(runs[k][who], runs[k][rival], mannwhitneyu):
                hits += 1
            else:
                p = mannwhitneyu(runs[k][who], runs[k][rival], alternative="two-sided").pvalue
                worse.append(f"{k[2]} ({fmt(statistics.median(runs[k][who]))} vs {rival} "
                             f"{fmt(statistics.median(runs[k][rival]))}, p {p:.2g})")
        n = hits + len(worse)
        if n:
            against = ("the best of " + ", ".join(s for s in SINGLE if s in samplers)) if who == "tb:auto" else rival_of(None)
            out.append(f"- {who} vs {against}: {hits}/{n} no worse ({100 * hits / n:.0f} %)"
                       + (f"; worse on {', '.join(worse)}" if worse else ""))

    def best_single(k):
        cand = [s for s in SINGLE if k is not None and s in runs[k]]
        return min(cand, key=lambda s: statistics.median(runs[k][s])) if cand else None
    if "tb:auto" in samplers:
        verdict("tb:auto", best_single)
    if "tb:tpe" in samplers:
        for ref in TPES:
            if ref in samplers:
                verdict("tb:tpe", lambda k, ref=ref: ref)
    return out


def report(rows, sessions=()):
    from scipy.stats import mannwhitneyu, rankdata
    ok = [r for r in rows if "error" not in r]
    finished = {run_key(r) for r in ok}  # a run failed once and then retried counts once
    errors = [r for r in rows if "error" in r and run_key(r) not in finished]
    lines = []
    runs = {}  # (set, mode, problem) -> sampler -> [regret], in (instance, seed) order
    meta = {}
    for r in sorted(ok, key=lambda r: (r["instance"], r["seed"])):
        runs.setdefault((r["set"], r["mode"], r["problem"]), {}).setdefault(r["sampler"], []).append(r["regret"])
        meta[r["problem"]] = (r["group"], r["dim"], r["budget"])
    samplers = sorted({r["sampler"] for r in ok}, key=lambda s: (not s.startswith("tb:"), s))
    ours = [s for s in samplers if s.startswith("tb:")]
    refs = [s for s in samplers if not s.startswith("tb:")]
    lines.append(f"Runs: {len(ok)} finished, {len(errors)} failed. regret = best value - optimum after the "
                 "budget; cells are medians over the runs (BBOB: instances x seeds). `ours*` is our sampler with "
                 "the best average rank in the problem's class (same set and mode); a reference's cell adds "
                 "the two-sided Mann-Whitney p of `ours*` against it, with < where ours* has the lower median "
                 "and > where the higher.\n")
    for set_ in ("tuning", "test", "other"):
        keys = sorted(k for k in runs if k[0] == set_)
        if not keys:
            continue
        what = {"tuning": "TUNING set (BBOB instances 1-5, mixed, heldout): defaults may be chosen here",
                "test": "TEST set (BBOB instances 6-10, ../shared/bench/functions.py): report here",
                "other": "other BBOB instances"}[set_]
        lines.append(f"## {what}\n")
        for mode in MODES:
            mkeys = [k for k in keys if k[1] == mode]
            if not mkeys:
                continue
            # average rank of each of ours per class, to pick ours* per class
            ranks, classes = {}, {}
            for k in mkeys:
                present = [s for s in samplers if s in runs[k]]
                meds = [statistics.median(runs[k][s]) for s in present]
                for s, rk in zip(present, rankdata(meds)):
                    ranks.setdefault(k, {})[s] = float(rk)
                classes.setdefault(problem_class(k[2], *meta[k[2]][:2]), []).append(k)
            best_ours = {}
            for c, ks in classes.items():
                avg = {s: statistics.mean(ranks[k][s] for k in ks if s in ranks[k]) for s in ours
                       if any(s in ranks[k] for k in ks)}
                if avg:
                    best_ours[c] = min(avg, key=avg.get)
            lines.append(f"### {mode} ({MODES[mode]} trial{'s' if MODES[mode] > 1 else ''} at once)\n")
            lines.append("| problem | budget | runs | ours* | " + " | ".join(samplers) + " |")
            lines.append("|---|---|---|---|" + "---|" * len(samplers))
            for k in mkeys:
                group, dim, budget = meta[k[2]]
                star = best_ours.get(problem_class(k[2], group, dim))
                cells = []
                for s in samplers:
                    v = runs[k].get(s)
                    if not v:
                        cells.append("")
                        continue
                    cell = fmt(statistics.median(v))
                    if s in refs and star in runs[k]:
                        mine = runs[k][star]
                        p = mannwhitneyu(mine, v, alternative="two-sided").pvalue
                        sign = "<" if statistics.median(mine) < statistics.median(v) else \
                            ">" if statistics.median(mine) > statistics.median(v) else "="
                        cell += f" ({sign} p {p:.2g})"
                    cells.append(cell)
                n = max(len(v) for v in runs[k].values())
                lines.append(f"| {k[2]} | {budget} | {n} | {star or ''} | " + " | ".join(cells) + " |")
            lines.append("")
            # aggregates: median normalised regret and average rank, per class and overall
            lines.append("| sampler | " + " | ".join(f"{c}: median norm. regret / avg rank" for c in classes)
                         + " | all: median norm. regret / avg rank |")
            lines.append("|---|" + "---|" * (len(classes) + 1))
            norm = {}
            for k in mkeys:
                allv = [x for v in runs[k].values() for x in v]
                lo, hi = min(allv), max(allv)
                for s, v in runs[k].items():
                    norm.setdefault(k, {})[s] = statistics.median([(x - lo) / (hi - lo) if hi > lo else 0.0 for x in v])
            for s in samplers:
                cells = []
                for ks in list(classes.values()) + [mkeys]:
                    nv = [norm[k][s] for k in ks if s in norm[k]]
                    rv = [ranks[k][s] for k in ks if s in ranks[k]]
                    cells.append(f"{fmt(statistics.median(nv))} / {statistics.mean(rv):.2f}" if nv else "")
                lines.append(f"| {s} | " + " | ".join(cells) + " |")
            lines.append("")
            # the targets' comparisons: ours* no worse than the best of Optuna 5's samplers
            for c, ks in classes.items():
                star = best_ours.get(c)
                if not star:
                    continue
                verdicts = {}
                for who in ["best " + O5.rstrip(":")] + [s for s in refs if not s.startswith(O5)]:
                    hits = []
                    for k in ks:
                        if star not in runs[k]:
                            continue
                        if who.startswith("best "):
                            cand = [s for s in runs[k] if s.startswith(O5)]
                            if not cand:
                                continue
                            theirs = runs[k][min(cand, key=lambda s: statistics.median(runs[k][s]))]
                        elif who in runs[k]:
                            theirs = runs[k][who]
                        else:
                            continue
                        hits.append((no_worse(runs[k][star], theirs, mannwhitneyu),
                                     statistics.median(runs[k][star]) <= statistics.median(theirs)))
                    if hits:
                        verdicts[who] = (f"{sum(h[0] for h in hits)}/{len(hits)} no worse "
                                         f"({sum(h[1] for h in hits)}/{len(hits)} with a median at most theirs)")
                lines.append(f"- {c}: ours* = {star}; " + "; ".join(f"vs {w}: {v}" for w, v in verdicts.items()))
            lines += pairwise_verdicts(runs, mkeys, samplers, mannwhitneyu)
            lines.append("")
    if sessions:
        lines.append("Measured with (one line per invocation that ran something):\n")
        lines += ["- " + ", ".join(f"{k} {v}" for k, v in e.items() if k != "samplers") for e in sessions]
        lines.append("")
    if errors:
        lines.append("Failed runs (first 10):\n")
        lines += [f"- {r['problem']} i{r['instance']} s{r['seed']} {r['sampler']} {r['mode']}: {r['error']}"
                  for r in errors[:10]]
        lines.append("")
    lines.append("Seconds per run (median wall time; in parentheses the part spent in ask):\n")
    cost = {}
    for r in ok:
        cost.setdefault((r["sampler"], r["mode"]), {}).setdefault(f"{r['group']} d={r['dim']} n={r['budget']}", []).append(r)
    for (s, m), per in sorted(cost.items()):
        lines.append(f"- {s} {m}: " + ", ".join(
            f"{g} {statistics.median(x['wall_s'] for x in v):.2f} ({statistics.median(x['ask_s'] for x in v):.2f})"
            for g, v in sorted(per.items())))
    return "\n".join(lines)


def plan_report(todo, rows, jobs):
    """How long the runs still to do take, from the median wall time of finished runs of the
    same sampler, mode, group, dimension and budget; a cell never measured borrows the time
    of the same sampler and mode at the same budget and the nearest dimension (any group),
    and is counted apart."""
    seen = {}
    for r in rows:
        if "error" not in r:
            seen.setdefault((r["sampler"], r["mode"], r["group"], r["dim"], r["budget"]), []).append(r["wall_s"])
    med = {k: statistics.median(v) for k, v in seen.items()}
    per_sampler, borrowed, unknown = {}, {}, {}
    for r in todo:
        k = (r["sampler"], r["mode"], r["group"], r["dim"], r["budget"])
        t = med.get(k)
        if t is None:
            near = [(abs(c[3] - k[3]), c) for c in med if c[:2] == k[:2] and c[4] == k[4]]
            if not near:
                unknown[k] = unknown.get(k, 0) + 1
                continue
            t = med[min(near)[1]]
            borrowed[k] = borrowed.get(k, 0) + 1
        per_sampler[k[0]] = per_sampler.get(k[0], 0.0) + t
    total = sum(per_sampler.values())
    out = [f"{len(todo)} runs to do: {total / 3600:.1f} h of run time, {total / 3600 / jobs:.1f} h with "
           f"{jobs} job(s) (if the jobs have a core each)"]
    out += [f"  {s}: {t / 3600:.2f} h" for s, t in sorted(per_sampler.items(), key=lambda x: -x[1])]
    if borrowed:
        out.append(f"{sum(borrowed.values())} of them in {len(borrowed)} cells (sampler, mode, group, dim, budget) "
                   "never measured, timed as the nearest dimension measured")
    if unknown:
        out.append(f"{sum(unknown.values())} runs not counted: no time for their sampler, mode and budget, "
                   "e.g. " + ", ".join(map(str, list(unknown)[:6])))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--cli", help="the tunebench-cli to drive (default BUILD/app/tunebench-cli); for a long "
                                  "run, a copy that no rebuild replaces halfway")
    ap.add_argument("--results", default=os.path.join(HERE, "results-sota.jsonl"))
    ap.add_argument("--functions", default="bbob,hpo,mixed,heldout")
    ap.add_argument("--dims", default="2,5,10,20")
    ap.add_argument("--instances", default="1-10", help="BBOB instances (1-5 tuning, 6-10 test)")
    ap.add_argument("--seeds", default="0-3", help="seeds per BBOB instance (5 instances x 4 seeds = 20 runs)")
    ap.add_argument("--fn-seeds", default="0-19", help="seeds for the hpo, mixed and heldout functions")
    ap.add_argument("--samplers", default=DEFAULT_SAMPLERS)
    ap.add_argument("--modes", default="seq,par4")
    ap.add_argument("--budget", type=int, help="override every budget (smoke tests only)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--o31-python", default="/usr/bin/python3")
    ap.add_argument("--optunahub-registry", help="a local checkout of optuna/optunahub-registry for o5:auto")
    ap.add_argument("--retry-errors", action="store_true")
    ap.add_argument("--plan", action="store_true", help="print the runs to do and their expected time; run nothing")
    ap.add_argument("--report", action="store_true", help="only print the report of the results file")
    ap.add_argument("--report-out", help="also write the report (markdown) here")
    a = ap.parse_args()
    a.cli = os.path.abspath(a.cli or os.path.join(a.build, "app", "tunebench-cli"))
    a.samplers = [s for s in a.samplers.split(",") if s]
    a.modes = [m for m in a.modes.split(",") if m]
    for m in a.modes:
        if m not in MODES:
            sys.exit(f"sota.py: --modes: unknown {m!r}; known: {', '.join(MODES)}")

    rows, sessions = load(a.results)
    if not a.report and not execute(a, rows, sessions, sys.modules[__name__], "sota.py", progress):
        return
    text = report(rows, sessions)
    print(text)
    if a.report_out:
        with open(a.report_out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
