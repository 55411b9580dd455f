"""Shared by the peer scripts: time each run and print it as one JSON line."""
import json
import time


def report(system, runs, run):
    """Calls run(r) for r in 0…runs−1 (it returns a dict of outputs), timing each call."""
    for r in range(runs):
        started = time.perf_counter()
        outputs = run(r)
        seconds = time.perf_counter() - started
        print(json.dumps({"system": system, "seconds": seconds, **outputs}), flush=True)
