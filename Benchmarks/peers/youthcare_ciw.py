"""The youth-care reference model (Benchmarks/peers/youthcare-reference.yaml) in Ciw: a network of
three nodes with FIFO queues, exponential services and the same routing, ten years from empty.
Prints one JSON line per run: wall seconds, events (referrals and episode ends), mean wait per care
type, spend in year 5 (from the completed services that overlap it). Ciw records finished services
only, so children still waiting or in care at the end are not in the waits."""

import ciw

from runs import report_youthcare

KINDS = ["A", "B", "C"]
COST = [20.0, 80.0, 250.0]


def run(seed):
    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Exponential(rate=14.0), ciw.dists.Exponential(rate=6.0), None],
        service_distributions=[ciw.dists.Exponential(rate=1 / 25.0), ciw.dists.Exponential(rate=1 / 30.0),
                               ciw.dists.Exponential(rate=1 / 60.0)],
        routing=[[0.0, 0.2, 0.0], [0.2, 0.0, 0.1], [0.0, 0.5, 0.0]],
        number_of_servers=[415, 305, 64],
    )
    ciw.seed(seed)
    simulation = ciw.Simulation(network)
    simulation.simulate_until_max_time(3650.0)
    records = simulation.get_all_records()
    waits = {k: [] for k in KINDS}
    spend = 0.0
    for record in records:
        node = record.node - 1
        waits[KINDS[node]].append(record.waiting_time)
        start, end = record.service_start_date, record.service_end_date
        spend += max(0.0, min(end, 1825.0) - max(start, 1460.0)) * COST[node]
    # Events as lumpsim counts them: referrals (one per child) and episode ends (one per record).
    referrals = len({record.id_number for record in records})
    return {k: sum(w) / len(w) for k, w in waits.items()}, spend, referrals + len(records)


if __name__ == "__main__":
    report_youthcare("Ciw", run)
