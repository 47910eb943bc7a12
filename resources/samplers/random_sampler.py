#!/usr/bin/env python3
"""Random search as an external Tunebench sampler: the protocol in 30 lines (docs/spec.md,
"External samplers and pruners"). One JSON request per line on stdin, one answer per line
on stdout; the greeting asks for incremental requests (only the trials that changed)."""
import json, math, random, sys

print(json.dumps({"hello": "random_sampler.py", "incremental": True}), flush=True)
space = []
for line in sys.stdin:
    request = json.loads(line)
    space = request.get("space", space)  # whole requests carry it, incremental ones do not
    rng = random.Random(request["seed"] * 1000003 + request["number"])
    params, left = {}, list(space)
    while left:  # a parameter is drawn once its parent (if any) is decided
        p = next(p for p in left if all(k in params or k not in {q["name"] for q in left} for k in p.get("when", {})))
        left.remove(p)
        if any(params.get(k, object()) not in v for k, v in p.get("when", {}).items()):
            continue  # inactive
        if p["type"] == "categorical":
            params[p["name"]] = rng.choice(p["choices"])
        elif p["type"] == "fixed":
            params[p["name"]] = p["value"]
        else:
            lo, hi = p["low"], p["high"]
            x = math.exp(rng.uniform(math.log(lo), math.log(hi))) if p.get("log") else rng.uniform(lo, hi)
            if p.get("step"):
                x = min(hi, lo + round((x - lo) / p["step"]) * p["step"])
            params[p["name"]] = int(round(x)) if p["type"] == "int" else x
    print(json.dumps({"params": params}), flush=True)
