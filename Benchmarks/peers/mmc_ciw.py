"""M/M/c in Ciw: λ = 9, μ = 1, c = 10, a given number of customers. Prints one JSON line per run:
wall seconds, events (arrivals + departures), mean wait."""
import sys

import ciw

from runs import report


def run(customers, seed):
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=9.0)],
        service_distributions=[ciw.dists.Exponential(rate=1.0)],
        number_of_servers=[10],
    )
    ciw.seed(seed)
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_customers(customers, method="Finish")
    waits = [record.waiting_time for record in simulation.get_all_records()]
    return sum(waits) / len(waits), len(waits)


if __name__ == "__main__":
    customers, runs = int(sys.argv[1]), int(sys.argv[2])

    def one(r):
        mean_wait, served = run(customers, 1000 + r)
        return {"events": 2 * served, "meanWait": mean_wait}

    report("Ciw", runs, one)
