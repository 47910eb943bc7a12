"""Reference samplers behind the same ask/tell interface as `tunebench-cli serve`, for
bench/sota.py (issue 18): Optuna (whatever version the interpreter has: 5.x in the venv of
bench/make_venv.sh, 3.1 in Debian's /usr/bin/python3) and Hyperopt's TPE.

A space is our spec's `space` list (docs/spec.md), `when` included: Optuna suggests a child
only when its parents are active and match (define-by-run); Hyperopt gets the usual nested
hp.choice, one branch per value of the parent with that value's children inside.

In-process: OptunaSession / HyperoptSession with ask() -> (trial, params) and tell(trial,
value). As a process (for an interpreter other than the harness's, e.g. Optuna 3.1):
  python3 bench/ref_samplers.py --lib optuna --sampler tpe --seed 3 --space JSON
reads {"op": "ask"} / {"op": "tell", "trial": N, "value": V} lines and answers like serve:
{"trial": N, "params": {...}} / {"ok": true}, or {"ok": false, "error": "..."}.

Pending trials (several asks before their tells): Optuna's samplers see them as RUNNING
trials and treat them as each sampler's defaults say (TPE ignores them unless
constant_liar=True, the `tpe_cl` name here). Hyperopt 0.3's tpe.suggest gives every trial
without a loss an infinite one, so pending trials count as bad observations, and they count
towards its 20 start-up trials."""
import argparse, json, math, sys, warnings

OPTUNA_SAMPLERS = ("tpe", "tpe_cl", "tpe_mv", "gp", "cmaes", "random", "sobol", "auto")


def ordered(space):
    """Parents before their children (the spec allows a parent declared after its child)."""
    by_name, done, out = {p["name"]: p for p in space}, set(), []

    def visit(p):
        if p["name"] in done:
            return
        for parent in p.get("when", {}):
            visit(by_name[parent])
        done.add(p["name"])
        out.append(p)
    for p in space:
        visit(p)
    return out


def is_active(p, params):
    return all(parent in params and params[parent] in values for parent, values in p.get("when", {}).items())


class OptunaSession:
    _auto_module = None

    def __init__(self, sampler, space, seed, optunahub_registry=None):
        import optuna
        optuna.logging.set_verbosity(optuna.logging.ERROR)
        warnings.filterwarnings("ignore")  # CmaEsSampler on categoricals, experimental GPSampler, ...
        self.space, self.pending = ordered(space), {}
        self.study = optuna.create_study(direction="minimize",
                                         sampler=self._sampler(optuna, sampler, seed, optunahub_registry))

    @classmethod
    def _sampler(cls, optuna, name, seed, registry):
        s = optuna.samplers
        if name == "tpe":
            return s.TPESampler(seed=seed)
        if name == "tpe_cl":
            return s.TPESampler(seed=seed, constant_liar=True)
        if name == "tpe_mv":
            return s.TPESampler(seed=seed, multivariate=True)
        if name == "gp":
            return s.GPSampler(seed=seed)
        if name == "cmaes":
            return s.CmaEsSampler(seed=seed)
        if name == "random":
            return s.RandomSampler(seed=seed)
        if name == "sobol":
            return s.QMCSampler(qmc_type="sobol", seed=seed)
        if name == "auto":
            if cls._auto_module is None:
                import optunahub  # the registry lives on GitHub; a local checkout works offline
                cls._auto_module = (optunahub.load_local_module("samplers/auto_sampler", registry_root=registry)
                                    if registry else optunahub.load_module("samplers/auto_sampler"))
            return cls._auto_module.AutoSampler(seed=seed)
        raise ValueError(f"unknown Optuna sampler {name!r}; known: {', '.join(OPTUNA_SAMPLERS)}")

    def ask(self):
        t = self.study.ask()
        params = {}
        for p in self.space:
            if not is_active(p, params):
                continue
            n = p["name"]
            if p["type"] == "float":
                params[n] = t.suggest_float(n, p["low"], p["high"], log=p.get("log", False), step=p.get("step"))
            elif p["type"] == "int":
                params[n] = t.suggest_int(n, p["low"], p["high"], log=p.get("log", False), step=p.get("step", 1))
            elif p["type"] == "categorical":
                params[n] = t.suggest_categorical(n, p["choices"])
            else:
                params[n] = p["value"]
        self.pending[t.number] = t
        return t.number, params

    def tell(self, trial, value):
        self.study.tell(self.pending.pop(trial), value)


class HyperoptSession:
    def __init__(self, sampler, space, seed, optunahub_registry=None):
        if sampler != "tpe":
            raise ValueError(f"unknown Hyperopt sampler {sampler!r}; known: tpe")
        import numpy as np
        from hyperopt import Trials, base
        self.space = space
        if any(len(p.get("when", {})) > 1 for p in space):
            raise ValueError("hyperopt: a parameter with two parents in `when` has no nested hp.choice form")
        self.hspace = self._branch([p for p in space if not p.get("when")], "")
        self.domain = base.Domain(lambda _: 0.0, self.hspace)
        self.trials = Trials()
        self.rng = np.random.default_rng(seed)  # as fmin(rstate=...) draws one seed per suggest
        self.docs = {}

    def _dist(self, p, label):
        from hyperopt import hp
        lo, hi = p.get("low"), p.get("high")
        if p["type"] == "fixed":
            return p["value"]
        if p["type"] == "float":
            if p.get("step"):
                return hp.quniform(label, lo, hi, p["step"])
            return hp.loguniform(label, math.log(lo), math.log(hi)) if p.get("log") else hp.uniform(label, lo, hi)
        if p["type"] == "int":
            if p.get("log"):
                return hp.qloguniform(label, math.log(lo), math.log(hi), 1)
            return hp.quniform(label, lo, hi, p.get("step", 1))
        children = [c for c in self.space if p["name"] in c.get("when", {})]
        if not children:
            return hp.choice(label, p["choices"])
        # A parent: one branch per choice holding its value and the children it activates.
        # Labels must be unique, so a child living in several branches gets the value's name.
        return hp.choice(label, [dict(self._branch([c for c in children if v in c["when"][p["name"]]],
                                                   f"{label}={v}/"), **{p["name"]: v})
                                 for v in p["choices"]])

    def _branch(self, params, prefix):
        return {p["name"]: self._dist(p, prefix + p["name"]) for p in params}

    def _flatten(self, tree, out):
        for k, v in tree.items():
            if isinstance(v, dict):
                self._flatten(v, out)
            else:
                out[k] = v
        return out

    def ask(self):
        from hyperopt import space_eval, tpe
        tid, = self.trials.new_trial_ids(1)
        docs = tpe.suggest([tid], self.domain, self.trials, int(self.rng.integers(2 ** 31 - 1)))
        self.trials.insert_trial_docs(docs)
        self.trials.refresh()
        doc = next(d for d in self.trials._dynamic_trials if d["tid"] == tid)
        vals = {k: v[0] for k, v in doc["misc"]["vals"].items() if len(v)}
        params = self._flatten(space_eval(self.hspace, vals), {})
        by_name = {p["name"]: p for p in self.space}
        for k, v in params.items():  # q* distributions return floats; keep ints ints, in range
            p = by_name[k]
            if p["type"] == "int":
                params[k] = int(min(p["high"], max(p["low"], round(v))))
            elif p["type"] == "float":
                params[k] = float(min(p["high"], max(p["low"], v)))
        self.docs[tid] = doc
        return tid, params

    def tell(self, trial, value):
        from hyperopt import JOB_STATE_DONE, STATUS_OK
        doc = self.docs.pop(trial)
        doc["state"], doc["result"] = JOB_STATE_DONE, {"loss": float(value), "status": STATUS_OK}
        self.trials.refresh()


SESSIONS = {"optuna": OptunaSession, "hyperopt": HyperoptSession}


def serve(session, inp=sys.stdin, out=sys.stdout, tell=lambda session, req: session.tell(req["trial"], req["value"])):
    """serve's JSON lines for `session`; `tell(session, request)` hands a tell on (mo_ref_samplers.py
    passes its values and metrics)."""
    for line in inp:
        if not line.strip():
            continue
        try:
            req = json.loads(line)
            if req.get("op") == "ask":
                trial, params = session.ask()
                ans = {"trial": trial, "params": params}
            elif req.get("op") == "tell":
                tell(session, req)
                ans = {"ok": True}
            else:
                ans = {"ok": False, "error": f"unknown op {req.get('op')!r}"}
        except Exception as e:  # noqa: BLE001 - answered, as serve does, and serving goes on
            ans = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(ans) + "\n")
        out.flush()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lib", choices=sorted(SESSIONS), required=True)
    ap.add_argument("--sampler", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--space", required=True, help="our spec's space list as JSON")
    ap.add_argument("--optunahub-registry", help="a local checkout of optuna/optunahub-registry")
    a = ap.parse_args()
    serve(SESSIONS[a.lib](a.sampler, json.loads(a.space), a.seed, a.optunahub_registry))


if __name__ == "__main__":
    main()
