"""The youth-care reference model (Benchmarks/peers/youthcare-reference.yaml) in SimPy: referrals
20 a day (70% to A, 30% to B), three care types with FIFO lists, exponential episodes, step up and
down, ten years from empty. Prints one JSON line per run: wall seconds, events (referrals and
episode ends, which is what lumpsim schedules), mean wait per care type, spend in year 5."""
import random

import simpy

from runs import report_youthcare

CAPACITY = {"A": 415, "B": 305, "C": 64}
MEAN = {"A": 25.0, "B": 30.0, "C": 60.0}
COST = {"A": 20.0, "B": 80.0, "C": 250.0}
NEXT = {"A": [("exit", 0.8), ("B", 0.2)], "B": [("exit", 0.7), ("A", 0.2), ("C", 0.1)], "C": [("exit", 0.5), ("B", 0.5)]}
DAYS = 3650.0


def run(seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    places = {k: simpy.Resource(env, capacity=c) for k, c in CAPACITY.items()}
    waits = {k: [] for k in CAPACITY}
    spend_year5 = [0.0]
    events = [0]

    def book(kind, start, end):
        # Year 5 is days 1460–1825.
        overlap = max(0.0, min(end, 1825.0) - max(start, 1460.0))
        spend_year5[0] += overlap * COST[kind]

    def child(env, kind):
        while kind != "exit":
            queued = env.now
            with places[kind].request() as request:
                yield request
                waits[kind].append(env.now - queued)
                start = env.now
                length = rng.expovariate(1.0 / MEAN[kind])
                yield env.timeout(length)
                events[0] += 1
                book(kind, start, env.now)
            u, total = rng.random(), 0.0
            for target, p in NEXT[kind]:
                total += p
                if u < total:
                    kind = target
                    break

    def referrals(env):
        while True:
            yield env.timeout(rng.expovariate(20.0))
            events[0] += 1
            env.process(child(env, "A" if rng.random() < 0.7 else "B"))

    env.process(referrals(env))
    env.run(until=DAYS)
    return {k: sum(w) / len(w) for k, w in waits.items()}, spend_year5[0], events[0]


if __name__ == "__main__":
    report_youthcare("SimPy", run)
