"""M/M/c in SimPy: λ = 9, μ = 1, c = 10, a given number of customers. Prints one JSON line per run:
wall seconds, events (arrivals + departures, as lumpsim and the C loop count them), mean wait."""
import random
import sys

import simpy

from runs import report


def run(customers, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=10)
    waits = []

    def customer(env):
        arrived = env.now
        with servers.request() as request:
            yield request
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1.0))

    def source(env):
        for _ in range(customers):
            yield env.timeout(rng.expovariate(9.0))
            env.process(customer(env))

    env.process(source(env))
    env.run()
    return sum(waits) / len(waits)


if __name__ == "__main__":
    customers, runs = int(sys.argv[1]), int(sys.argv[2])
    report("SimPy", runs, lambda r: {"events": 2 * customers, "meanWait": run(customers, 1000 + r)})
