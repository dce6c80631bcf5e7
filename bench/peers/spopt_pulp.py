#!/usr/bin/python3
"""Reference solver for the Stedsvalg benches: PySAL spopt's MCLP and p-median models, solved by CBC.

This script reproduces spopt's own formulations with PuLP directly (spopt itself is not installed on
the build machines; its source is not vendored).  It follows spopt.locate (BSD 3-Clause, (c) PySAL
developers) as published:

* MCLP (``spopt.locate.MCLP.from_cost_matrix``, Church & ReVelle 1974): integer facility variables
  y_j in {0, 1} and integer client variables x_i in {0, 1}; maximise sum_i w_i x_i subject to
  sum_j y_j = p and, for every client, sum_j a_ij y_j >= x_i with a_ij = 1 when cost_ij <= radius
  (the sum runs over every facility, with the zero coefficients, as spopt builds it).
* p-median (``spopt.locate.PMedian.from_cost_matrix``, ReVelle & Swain 1970): integer facility
  variables y_j and integer assignment variables z_ij for every client and facility; minimise
  sum_i sum_j w_i cost_ij z_ij subject to sum_j z_ij = 1 per client, y_j >= z_ij, sum_j y_j = p.
* Existing facilities (``predefined_facilities_arr``): their y_j are fixed to 1 and counted in p.

It reads the same files as ``stedsvalg locate``: --demand rows ``id,weight,lon,lat``, --sites rows
``id,lon,lat,fixed[,group]``, --distances rows ``demand_id,site_id,distance`` (every pair listed).
Groups are not supported (spopt has no such constraint).  It solves with ``pulp.COIN_CMD`` (Debian's
``coinor-cbc``) and prints one JSON object: status, objective value, chosen site ids, build and solve
seconds.  Requires Debian's ``python3-pulp`` and ``coinor-cbc`` for /usr/bin/python3; exits with code 3
and a message when they are missing, so the bench can skip the peer.

Usage:
  /usr/bin/python3 bench/peers/spopt_pulp.py --demand D.csv --sites S.csv --distances X.csv \
      --k K --objective coverage|access [--radius R] [--time-limit SECONDS]
  /usr/bin/python3 bench/peers/spopt_pulp.py --check     (exit 0 when PuLP and CBC are usable, else 3)
"""
import argparse
import csv
import json
import sys
import time

try:
    import pulp
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write("spopt_pulp: python3-pulp is not installed for this interpreter\n")
    sys.exit(3)


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load(args):
    demand = read_rows(args.demand)
    sites = read_rows(args.sites)
    d_index = {row["id"]: i for i, row in enumerate(demand)}
    s_index = {row["id"]: j for j, row in enumerate(sites)}
    weights = [float(row["weight"]) for row in demand]
    fixed = [row.get("fixed", "").strip().lower() in ("1", "true", "yes", "ja", "y") for row in sites]
    n, m = len(demand), len(sites)
    cost = [[None] * m for _ in range(n)]
    with open(args.distances, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            cost[d_index[row["demand_id"]]][s_index[row["site_id"]]] = float(row["distance"])
    for i in range(n):
        if any(c is None for c in cost[i]):
            sys.stderr.write(f"spopt_pulp: demand point {demand[i]['id']} lacks a distance to some site\n")
            sys.exit(2)
    return demand, sites, weights, fixed, cost


def mclp(weights, fixed, cost, p, radius):
    n, m = len(cost), len(cost[0])
    prob = pulp.LpProblem("mclp-problem", pulp.LpMaximize)
    fac = [pulp.LpVariable(f"y_{j}", lowBound=0, upBound=1, cat=pulp.LpInteger) for j in range(m)]
    cli = [pulp.LpVariable(f"x_{i}", lowBound=0, upBound=1, cat=pulp.LpInteger) for i in range(n)]
    prob += pulp.lpSum([weights[i] * cli[i] for i in range(n)])
    prob += pulp.lpSum(fac) == p
    for i in range(n):
        a = [1 if cost[i][j] <= radius else 0 for j in range(m)]
        prob += pulp.lpSum([a[j] * fac[j] for j in range(m)]) >= cli[i]
    fix(fac, fixed)
    return prob, fac


def pmedian(weights, fixed, cost, p):
    n, m = len(cost), len(cost[0])
    prob = pulp.LpProblem("p-median-problem", pulp.LpMinimize)
    fac = [pulp.LpVariable(f"y_{j}", lowBound=0, upBound=1, cat=pulp.LpInteger) for j in range(m)]
    z = [[pulp.LpVariable(f"z_{i}_{j}", lowBound=0, upBound=1, cat=pulp.LpInteger) for j in range(m)] for i in range(n)]
    prob += pulp.lpSum(pulp.lpSum(weights[i] * cost[i][j] * z[i][j] for j in range(m)) for i in range(n))
    prob += pulp.lpSum(fac) == p
    for i in range(n):
        prob += pulp.lpSum([z[i][j] for j in range(m)]) == 1
    for i in range(n):
        for j in range(m):
            prob += fac[j] - z[i][j] >= 0
    fix(fac, fixed)
    return prob, fac


def fix(fac, fixed):
    for j, is_fixed in enumerate(fixed):
        if is_fixed:
            fac[j].setInitialValue(1)
            fac[j].fixValue()


def main():
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if pulp.COIN_CMD().available() else 3)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demand", required=True)
    parser.add_argument("--sites", required=True)
    parser.add_argument("--distances", required=True)
    parser.add_argument("--k", type=int, required=True, help="new sites (fixed sites come on top, as in locate)")
    parser.add_argument("--objective", choices=["coverage", "access"], required=True)
    parser.add_argument("--radius", type=float, default=45.0)
    parser.add_argument("--time-limit", type=float, default=None)
    args = parser.parse_args()
    if not pulp.COIN_CMD().available():
        sys.stderr.write("spopt_pulp: CBC (coinor-cbc) is not available to PuLP\n")
        sys.exit(3)
    t0 = time.perf_counter()
    demand, sites, weights, fixed, cost = load(args)
    p = args.k + sum(fixed)
    if args.objective == "coverage":
        prob, fac = mclp(weights, fixed, cost, p, args.radius)
    else:
        prob, fac = pmedian(weights, fixed, cost, p)
    t1 = time.perf_counter()
    prob.solve(pulp.COIN_CMD(msg=False, timeLimit=args.time_limit))
    t2 = time.perf_counter()
    chosen = [sites[j]["id"] for j, v in enumerate(fac) if not fixed[j] and v.value() is not None and v.value() > 0.5]
    print(json.dumps({
        "status": pulp.LpStatus[prob.status],
        "value": pulp.value(prob.objective),
        "selected": chosen,
        "buildSeconds": round(t1 - t0, 3),
        "solveSeconds": round(t2 - t1, 3),
    }))


if __name__ == "__main__":
    main()
