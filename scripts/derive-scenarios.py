#!/usr/bin/env python3
"""Derive the two multi-contract city scenarios from Scenarios/grote-stad.yaml.

    python3 scripts/derive-scenarios.py     # needs PyYAML (apt-get install python3-yaml)

Writes Scenarios/amsterdam-kernpartners.yaml and Scenarios/utrecht-twee-consortia.yaml. Both keep
grote-stad's demand, durations and costs per care type (domain.md §3.3) and split care types into
pieces, each held by one contract:

- Amsterdam: ten kernpartners, each with a lumpsum for its own care profile (SA split in four
  profiles, DT in two, RO in four, CR one). A referral or a step to SA goes to an SA profile in
  proportion to the profiles' shares, so every profile sees its share of the flows and the
  profiles' steady states are the base type's × share.
- Utrecht: two consortia by district. Every care type but secure care and every referral source
  is split into the KOOS districts and the Spoor030 districts; children stay in their own
  districts' care. Secure care stays one regional pool.

The numbers carried over are grote-stad's; what this script adds (profile and district shares,
members, revenues) is an assumption [A] and says so in the files it writes.
"""
import copy
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASE = yaml.safe_load((ROOT / "Scenarios" / "grote-stad.yaml").read_text())


def split_types(base, pieces, scale=1.0):
    """Care types, with each base type replaced by its pieces: (id, name, share, group)."""
    by_id = {t["id"]: t for t in base["careTypes"]}
    out = []
    for t in base["careTypes"]:
        for pid, pname, share, group in pieces.get(t["id"], [(t["id"], t["name"], 1.0, None)]):
            n = copy.deepcopy(t)
            n["id"], n["name"] = pid, pname
            n["capacity"] = max(1, round(t["capacity"] * share * scale))
            n.pop("inLumpsum", None)
            n["transitions"] = spread(t["transitions"], pieces, group)
            n["_group"] = group
            n["_base"] = t["id"]
            out.append(n)
    assert set(by_id) <= {t["_base"] for t in out}
    return out


def spread(probabilities, pieces, group):
    """Moves to a base type go to its piece in `group` if it has one, else to all pieces by share."""
    out = {}
    for target, p in probabilities.items():
        if target in ("exit", "diverted"):
            out[target] = p
            continue
        parts = pieces.get(target)
        if not parts:
            out[target] = p
            continue
        same = [x for x in parts if x[3] == group and group is not None]
        chosen = same if same else parts
        total = sum(x[2] for x in chosen)
        for pid, _, share, _ in chosen:
            out[pid] = out.get(pid, 0) + p * share / total
    return {k: round(v, 6) for k, v in out.items() if v > 0}


def fix_sums(mapping):
    """Rounded probabilities summing to exactly 1 (the largest entry absorbs the rounding)."""
    total = sum(mapping.values())
    largest = max(mapping, key=mapping.get)
    mapping[largest] = round(mapping[largest] + 1 - total, 6)
    return mapping


def stock(base, pieces, scale=1.0, types=None):
    capacity = {t["id"]: t["capacity"] for t in types}
    crisis = {t["id"] for t in types if t.get("crisis")}
    out = []
    for entry in base["initialStock"]:
        for pid, _, share, _ in pieces.get(entry["careType"], [(entry["careType"], "", 1.0, None)]):
            e = {"careType": pid, "inCare": round(entry["inCare"] * share * scale)}
            if pid not in crisis:
                e["inCare"] = min(e["inCare"], capacity[pid])
            if entry.get("waiting"):
                e["waiting"] = round(entry["waiting"] * share * scale)
            out.append(e)
    return out


def flow(obj):
    """One-line YAML for a small mapping, list or scalar."""
    if isinstance(obj, bool):
        return "true" if obj else "false"
    if isinstance(obj, (int, float)):
        return str(obj)
    return yaml.safe_dump(obj, default_flow_style=True, sort_keys=False, width=1000).strip()


def write_type(lines, t, note=""):
    lines.append(f"  - id: {t['id']}")
    lines.append(f"    name: {t['name']}")
    lines.append(f"    level: {t['level']}")
    lines.append(f"    capacity: {t['capacity']}{note}")
    for key in ("crisis", "overflowCostFactor"):
        if key in t:
            lines.append(f"    {key}: {flow(t[key])}")
    lines.append(f"    duration: {flow(t['duration'])}")
    lines.append(f"    costPerDay: {t['costPerDay']}")
    lines.append(f"    waitingNormDays: {t['waitingNormDays']}")
    if "subcontracting" in t:
        lines.append(f"    subcontracting: {flow(t['subcontracting'])}   # [A] domain.md §3.2: 10% of SA, paid per day")
    lines.append(f"    transitions: {flow(fix_sums(t['transitions']))}")


def write_sources(lines, sources):
    for s in sources:
        lines.append(f"  - id: {s['id']}")
        lines.append(f"    name: {s['name']}")
        for key in ("ratePer1000", "trendPerYear", "overdispersionCV", "courtOrderedShare"):
            if key in s:
                lines.append(f"    {key}: {s[key]}")
        if "seasonality" in s:
            lines.append(f"    seasonality: {flow(s['seasonality'])}")
        lines.append(f"    routing: {flow(s['routing'])}")


def write_common_head(lines, horizon, population, seed):
    lines.append("horizon:")
    for k, v in horizon.items():
        lines.append(f"  {k}: {v}")
    lines.append("")
    lines.append("random:")
    lines.append("  generator: mt19937")
    lines.append(f"  seed: {seed}")
    lines.append("")
    lines.append("population:")
    for k, v in population.items():
        lines.append(f"  {k}: {v}")
    lines.append("")


def write_tail(lines, base, stock_entries):
    lines.append("blockedStepDown: true")
    lines.append("")
    lines.append("reReferral:")
    lines.append(f"  probability: {base['reReferral']['probability']}")
    lines.append(f"  delay: {flow(base['reReferral']['delay'])}")
    lines.append("")
    lines.append("initialStock:             # grote-stad's warm start, split like the care types")
    for e in stock_entries:
        lines.append(f"  - {flow(e)}")
    lines.append("")
    lines.append("costs:")
    lines.append(f"  indexPerYear: {base['costs']['indexPerYear']}")
    lines.append("")


def write_body(lines, sources, types, stock_entries, sources_comment, types_comment):
    """Referral sources, care types, warm start, costs and funding: the part both cities share."""
    lines.extend(f"# {line}" for line in sources_comment)
    lines.append("referralSources:")
    write_sources(lines, sources)
    lines.append("")
    lines.extend(f"# {line}" for line in types_comment)
    lines.append("careTypes:")
    for t in types:
        write_type(lines, t)
    lines.append("")
    write_tail(lines, BASE, stock_entries)
    funding_block(lines)


def funding_block(lines):
    lines.append("funding:")
    lines.append("  model: lumpsum          # or pxq / output: `lumpsim compare` runs all three on the same children")
    lines.append("  pressurePolicy: none")
    lines.append("  pxq: {margin: 0.10}     # [A] tariff = cost/day × 1.10")
    lines.append("  output: {margin: 0.07}  # [A] fee = expected episode cost × 1.07")
    lines.append("  # [A] domain.md §3.4 (durations: lumpsum −5%, P×Q +10%, output −10%), taken relative to the")
    lines.append("  # lumpsum, because the durations above describe care under these cities' lumpsums.")
    lines.append("  behaviour:")
    lines.append("    lumpsum: {durationFactor: 1.0, adminCostShare: 0.02}")
    lines.append("    pxq: {durationFactor: 1.16, adminCostShare: 0.06}       # 1.10 / 0.95: \"productieprikkel\"")
    lines.append("    output: {durationFactor: 0.95, adminCostShare: 0.05}    # 0.90 / 0.95")
    lines.append("")


def in_care_cost(types, stock_entries):
    """Yearly cost of the warm-start stock per care type: a steady-state cost share [D]."""
    cost = {t["id"]: t["costPerDay"] for t in types}
    return {e["careType"]: e["inCare"] * cost[e["careType"]] * 365 for e in stock_entries}


def amsterdam():
    pieces = {
        "SA": [("SA-GGZ1", "Jeugd-GGZ ambulant (kernpartner 1)", 0.30, None),
               ("SA-GGZ2", "Jeugd-GGZ ambulant (kernpartner 2)", 0.20, None),
               ("SA-JO", "Jeugd en opvoeding ambulant", 0.30, None),
               ("SA-LVB", "LVB ambulant", 0.20, None)],
        "DT": [("DT-LVB", "LVB daghulp", 0.40, None),
               ("DT-JO", "Daghulp jeugd en opvoeding", 0.60, None)],
        "RO": [("RO-BG", "Behandelgroepen", 0.45, None),
               ("RO-GH", "Gezinshuizen", 0.25, None),
               ("RO-KT", "Kamertraining en begeleid wonen", 0.20, None),
               ("RO-LVB", "LVB wonen", 0.10, None)],
    }
    kernpartners = [  # id, name, care types, members' contract shares
        ("kp01", "Kernpartner jeugd-GGZ 1", ["SA-GGZ1"], [0.5, 0.3, 0.2]),
        ("kp02", "Kernpartner jeugd-GGZ 2", ["SA-GGZ2"], [0.6, 0.4]),
        ("kp03", "Kernpartner jeugd en opvoeding", ["SA-JO"], [0.6, 0.4]),
        ("kp04", "Kernpartner LVB ambulant en dag", ["SA-LVB", "DT-LVB"], [0.5, 0.3, 0.2]),
        ("kp05", "Kernpartner daghulp", ["DT-JO"], [1.0]),
        ("kp06", "Kernpartner behandelgroepen", ["RO-BG"], [0.4, 0.3, 0.2, 0.1]),
        ("kp07", "Kernpartner gezinshuizen", ["RO-GH"], [0.7, 0.3]),
        ("kp08", "Kernpartner kamertraining", ["RO-KT"], [0.6, 0.4]),
        ("kp09", "Kernpartner LVB wonen", ["RO-LVB"], [1.0]),
        ("kp10", "Kernpartner crisis", ["CR"], [1.0]),
    ]
    # Each member's contract revenue as a share of its own revenue [A]: from nearly all of it to a
    # few percent, the NZa's <5% to >90% range [S: seed 001].
    dependence = [0.9, 0.6, 0.3, 0.15, 0.08, 0.04]
    types = split_types(BASE, pieces)
    for t in types:
        if t["_base"] == "SA":
            t["subcontracting"] = {"share": 0.10, "tariffPerDay": 24.2}
    sources = []
    for s in BASE["referralSources"]:
        n = copy.deepcopy(s)
        n["routing"] = fix_sums(spread(s["routing"], pieces, None))
        sources.append(n)
    stock_entries = stock(BASE, pieces, types=types)
    cost = in_care_cost(types, stock_entries)
    total_cost = sum(cost[k] for _, _, scope, _ in kernpartners for k in scope)
    total_budget = 128_000_000

    lines = [
        "# Amsterdam kernpartners: a city (≈150,000 youths 0–17) that buys specialist youth care from ten",
        "# kernpartners, each with its own lumpsum, from 1 January 2021 for six years [S: seed 004,",
        "# Rekenkamer Amsterdam]. Behind the ten stand 21 providers, and 30 subcontractors were intended [S].",
        "#",
        "# Generated by scripts/derive-scenarios.py from grote-stad.yaml: demand, durations, costs and the",
        "# €128M total are grote-stad's (domain.md §3.3). Each kernpartner holds one care profile: SA is",
        "# split into four profiles, DT into two, RO into four, crisis care is one [A: the profiles and",
        "# their shares are assumptions; Amsterdam contracted kernpartners by profile, the notes give no",
        "# split]. The €128M is divided by each profile's share of the warm-start cost [D], so every",
        "# kernpartner starts at the same budget/cost ratio; the largest gets ≈23%, the smallest ≈3%",
        "# (domain.md: largest ≈25%, smallest ≈3%). Members and their revenues are [A].",
        "#",
        "# Labels: [S] sourced, [D] derived, [A] assumption. Details in docs/scenarios.md.",
        'name: "Amsterdam (10 kernpartners, €128M in ten lumpsums)"',
        "description: >",
        "  Specialist youth care for a large city in ten lumpsums, one per kernpartner and care profile.",
        "  Compare with grote-stad.yaml (one pot) to see what splitting the money and the places does to",
        "  waits and to the chance that some kernpartner runs out.",
        "",
    ]
    write_common_head(lines, BASE["horizon"], BASE["population"], 20210102)
    write_body(lines, sources, types, stock_entries,
               ["Referral sources as grote-stad; a referral to a split care type goes to its profiles by share [A]."],
               ["Care types: grote-stad's, with SA, DT and RO split into profiles (capacities by share [A]).",
                "L, FC and SC stay outside the kernpartners' lumpsums, paid per day by the municipality."])
    lines.append("# One lumpsum per kernpartner; base = €128M × the profile's share of the warm-start cost [D].")
    lines.append("contracts:")
    for number, (cid, name, scope, shares) in enumerate(kernpartners):
        share = sum(cost[k] for k in scope) / total_cost
        base = round(total_budget * share, -3)
        lines.append(f"  - id: {cid}")
        lines.append(f"    name: {name}")
        lines.append(f"    careTypes: {flow(scope)}")
        lines.append(f"    lumpsum: {{base: {int(base)}, indexPerYear: 0.035, bookedSavings: [0, 0.02, 0.04, 0.06, 0.08, 0.08], "
                     f"overheadShare: 0.07}}   # {share * 100:.1f}% of €128M")
        lines.append("    consortium:")
        lines.append("      split: proRata")
        lines.append("      exit: {lossShareOfRevenue: 0.05, maxDependence: 0.10}   # R5 [A: domain.md §3.5]")
        lines.append("      members:")
        for m, member_share in enumerate(shares):
            contract_revenue = base * member_share
            revenue = contract_revenue / dependence[(number + m) % len(dependence)]
            lines.append(f"        - {{id: {cid}-{chr(97 + m)}, share: {member_share}, revenue: {int(round(revenue, -3))}}}")
    assert sum(len(s) for _, _, _, s in kernpartners) == 21
    return "\n".join(lines) + "\n"


def utrecht():
    scale = 70602 / 150000
    koos_share = 0.40   # [A] KOOS: 4 of 10 districts, with the young families of Leidsche Rijn and Vleuten-De Meern
    districts = [("koos", "KOOS", koos_share), ("spoor", "Spoor030", 1 - koos_share)]
    # Secure care (JeugdzorgPlus) is bought regionally, not by district: one pool for the city, and a
    # child leaving it returns to either group of districts in proportion to their youths [A].
    pieces = {t["id"]: [(f"{t['id']}-{d}", f"{t['name']} ({label})", share, d) for d, label, share in districts]
              for t in BASE["careTypes"] if t["id"] != "SC"}
    types = split_types(BASE, pieces, scale)
    sources = []
    for d, label, share in districts:
        for s in BASE["referralSources"]:
            n = copy.deepcopy(s)
            n["id"] = f"{s['id']}-{d}"
            n["name"] = f"{s['name']} ({label})"
            n["ratePer1000"] = round(s["ratePer1000"] * share, 4)
            n["routing"] = fix_sums(spread(s["routing"], pieces, d))
            sources.append(n)
    stock_entries = stock(BASE, pieces, scale, types=types)
    total_budget = 60_000_000   # [A] grote-stad × 70.6/150 (domain.md §3.3 B′)
    members = {
        "koos": [("altrecht", 0.30, 0.05), ("opvoedpoli", 0.25, 0.6), ("de-rading", 0.20, 0.3),
                 ("reinaerde", 0.10, 0.04), ("youke", 0.15, 0.5)],
        "spoor": [("dokter-bosman", 0.40, 0.7), ("intermetzo", 0.30, 0.15), ("timon", 0.30, 0.2)],
    }
    in_scope = ("SA", "DT", "RO", "CR")

    lines = [
        "# Utrecht: two consortia by district. From 1 January 2020 specialist youth care is bought from",
        "# KOOS (Altrecht, De Opvoedpoli, De Rading, Reinaerde, Youké) for Leidsche Rijn, Vleuten-De Meern,",
        "# West and Zuidwest, and from Spoor030 (Dokter Bosman, Intermetzo, Timon) for the other six",
        "# districts [S: gemeente Utrecht, aanbesteding specialistische jeugdhulp]. 70,602 youths under 18",
        "# [S: seed 003]; 18 buurtteams funded task-based by subsidy, €20M [S], here the L care outside",
        "# the lumpsums. A total budget for KOOS + Spoor030 was not found (domain.md §1): the specialist",
        "# lumpsum is grote-stad's scaled by 70.6/150, ≈€60M [A], split 40/60 like the youths [A].",
        "# Checks: a 2023 shortfall of €7.2M without intervention, rising to €17M by 2027 [S: Skipr/DUIC].",
        "#",
        "# Generated by scripts/derive-scenarios.py from grote-stad.yaml: rates per 1,000, durations and",
        "# costs are grote-stad's; every care type and referral source is split into the KOOS districts",
        "# (40% of youths [A]) and the Spoor030 districts (60%), and children stay in their own districts'",
        "# care (secure care is one regional pool). Member shares and the contract's weight in each",
        "# member's revenue are [A].",
        "#",
        "# Labels: [S] sourced, [D] derived, [A] assumption. Details in docs/scenarios.md.",
        'name: "Utrecht (KOOS and Spoor030, two lumpsums by district)"',
        "description: >",
        "  Specialist youth care for a city of 70,602 youths in two lumpsums, one per consortium and group",
        "  of districts, each with a volume corridor (the 'vangnet voor groei en krimp').",
        "",
    ]
    write_common_head(lines, {"contractYears": 8, "warmupYears": 2, "firstYear": 2020},
                      {"youths": 70602, "growthPerYear": 0.0}, 20200101)
    write_body(lines, sources, types, stock_entries,
               ["Referral sources as grote-stad, once per group of districts (rate × its share of youths) [A]."],
               ["Care types: grote-stad's per group of districts, capacities × 70.6/150 × the group's share [A].",
                "L (buurtteams), FC and SC are outside both lumpsums, paid per day by the municipality; SC is one",
                "regional pool (JeugdzorgPlus is bought regionally) and sends children back to both groups [A]."])
    lines.append("contracts:")
    for d, label, share in districts:
        lines.append(f"  - id: {d}")
        lines.append(f"    name: {label}")
        lines.append(f"    careTypes: {flow([f'{k}-{d}' for k in in_scope])}")
        lines.append(f"    lumpsum: {{base: {int(total_budget * share)}, indexPerYear: 0.035, overheadShare: 0.07}}   # [A] {share:.0%} of ≈€60M")
        lines.append("    valves:")
        lines.append("      volumeCorridor: {measure: inCare, threshold: 0.10, factor: 0.8}   # V1 'vangnet voor groei en krimp' [S], numbers [A]")
        lines.append("    settlement: {}        # R1/R2 defaults [A]")
        lines.append("    consortium:")
        lines.append("      split: proRata")
        lines.append("      exit: {lossShareOfRevenue: 0.05, maxDependence: 0.10}   # R5 [A]")
        lines.append("      members:            # names [S]; shares and the contract's weight in their revenue [A]")
        for mid, member_share, dependence in members[d]:
            revenue = total_budget * share * member_share / dependence
            lines.append(f"        - {{id: {mid}, share: {member_share}, revenue: {int(round(revenue, -3))}}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "Scenarios" / "amsterdam-kernpartners.yaml").write_text(amsterdam())
    (ROOT / "Scenarios" / "utrecht-twee-consortia.yaml").write_text(utrecht())
