#!/usr/bin/env python3
"""A sampler that costs nothing but the protocol (bench/external_sampler_bench.cpp): it
reads and parses every request and answers the same parameters. With --incremental it
greets asking for incremental requests and keeps the trials it was told about."""
import json, sys

incremental = "--incremental" in sys.argv
if incremental:
    print(json.dumps({"hello": "trivial", "incremental": True}), flush=True)
trials, space = {}, []
for line in sys.stdin:
    request = json.loads(line)
    space = request.get("space", space)
    if not request["incremental"]:
        trials.clear()
    for t in request["trials"]:
        trials[t["number"]] = t
    print(json.dumps({"params": {p["name"]: (p["low"] + p["high"]) / 2 for p in space}}), flush=True)
