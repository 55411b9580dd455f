"""Shared by the peer scripts: time each run and print it as one JSON line."""
import json
import sys
import time


def report(system, runs, run):
    """Calls run(r) for r in 0…runs−1 (it returns a dict of outputs), timing each call."""
    for r in range(runs):
        started = time.perf_counter()
        outputs = run(r)
        seconds = time.perf_counter() - started
        print(json.dumps({"system": system, "seconds": seconds, **outputs}), flush=True)


def report_youthcare(system, run):
    """The youth-care reference model's main: `run(seed)` gives (mean wait per care type, spend in
    year 5, events); runs use seeds 2000, 2001, … and the count comes from the command line."""
    runs = int(sys.argv[1])

    def one(r):
        mean_waits, spend, events = run(2000 + r)
        return {"events": events, "meanWait": mean_waits, "spendYear5": spend}

    report(system, runs, one)
