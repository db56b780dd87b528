#!/usr/bin/env python3
"""
An independent oracle for the structural measures of libs/analytics (docs/measures.md): from each
fixed snapshot in libs/analytics/src/golden/inputs/ it rebuilds the collaboration ties itself and
computes every measure with NetworkX, writing libs/analytics/src/golden/<name>.golden.json.
libs/analytics/src/golden.spec.ts compares the code with those files; tools/oracle/check.sh
regenerates them in CI and fails on a difference.

Nothing here is taken from the TypeScript: the tie rule, the windows, the normalisations are
written again from docs/measures.md, so a slip in either shows as a difference.

  python3 tools/oracle/measures.py            # every input
"""
import glob
import json
import math
import os
import sys
from collections import defaultdict
from itertools import combinations

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GOLDEN = os.path.join(ROOT, "libs", "analytics", "src", "golden")
TIE_CONTEXTS = {"ACTIVITY", "PROJECT"}


def num(x):
    """12 significant digits: stable across NetworkX versions' summation order, far inside the spec's 1e-9."""
    if isinstance(x, bool) or x is None or isinstance(x, int):
        return x
    if x == 0:
        return 0.0
    return float(f"{x:.12g}")


def later(a, b):  # null start = -inf
    return b if a is None else a if b is None else max(a, b)


def earlier(a, b):  # null end = +inf
    return b if a is None else a if b is None else min(a, b)


def nonempty(f, t):
    return f is None or t is None or f <= t


def touches(f, t, wf, wt):
    """Interval [f, t] touches window [wf, wt] (None = open)."""
    return (wt is None or f is None or f <= wt) and (wf is None or t is None or t >= wf)


def spells(snapshot):
    nodes = {n["id"]: n for n in snapshot["nodes"]}
    out = []
    for e in snapshot["edges"]:
        if e["kind"] != "PARTICIPATES":
            continue
        org, target = nodes.get(e["source"]), nodes.get(e["target"])
        if not org or not target or org["kind"] != "ORGANISATION":
            continue
        f = later(later(e["validFrom"], target["validFrom"]), org["validFrom"])
        t = earlier(earlier(e["validTo"], target["validTo"]), org["validTo"])
        if nonempty(f, t):
            out.append({"org": org["id"], "target": target["id"], "kind": target["kind"], "role": e["role"], "from": f, "to": t})
    return nodes, out


def ties_in(sp, wf, wt):
    """Ties whose two participations in one activity/project overlap on a day inside [wf, wt]: {(a, b): set(contexts)}."""
    by_context = defaultdict(list)
    for s in sp:
        if s["kind"] in TIE_CONTEXTS and touches(s["from"], s["to"], wf, wt):
            by_context[s["target"]].append(s)
    ties = defaultdict(set)
    for ctx, lst in by_context.items():
        for a, b in combinations(lst, 2):
            if a["org"] == b["org"]:
                continue
            f, t = later(a["from"], b["from"]), earlier(a["to"], b["to"])
            if nonempty(f, t) and touches(f, t, wf, wt):
                ties[tuple(sorted((a["org"], b["org"])))].add(ctx)
    return ties


def active_in(sp, wf, wt):
    return sorted({s["org"] for s in sp if touches(s["from"], s["to"], wf, wt)})


def pagerank(g):
    """PageRank on tie weights, damping 0.85, a lone organisation's share spread evenly (NetworkX's
    pure-Python power iteration: nx.pagerank itself needs SciPy), run to 1e-14."""
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    return _pagerank_python(g, alpha=0.85, weight="weight", tol=1e-14, max_iter=1_000_000)


def network_metrics(sp, at):
    orgs = active_in(sp, at, at)
    ties = ties_in(sp, at, at)
    g = nx.Graph()
    g.add_nodes_from(orgs)
    for (a, b), ctx in ties.items():
        g.add_edge(a, b, weight=len(ctx))
    n, m = g.number_of_nodes(), g.number_of_edges()
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    deg = dict(g.degree())
    max_deg = max(deg.values(), default=0)
    core = nx.core_number(g) if n else {}
    max_core = max(core.values(), default=0)
    art = set(nx.articulation_points(g))
    # Betweenness: unweighted, normalised by (n-1)(n-2)/2 for an undirected graph (NetworkX's normalized=True).
    bc = nx.betweenness_centrality(g, normalized=True, weight=None) if n else {}
    if n <= 2:
        bc = {v: 0.0 for v in g}
    # Closeness: Wasserman–Faust (wf_improved), unweighted; 0 for an organisation without ties.
    cl = nx.closeness_centrality(g, wf_improved=True) if n else {}
    pr = pagerank(g) if n else {}
    louvain_q = None
    if m > 0:
        parts = nx.community.louvain_communities(g, weight="weight", seed=42)
        louvain_q = nx.community.modularity(g, parts, weight="weight")
    return {
        "at": at,
        "size": n,
        "ties": m,
        "totalWeight": sum(len(c) for c in ties.values()),
        "density": num(2 * m / (n * (n - 1)) if n > 1 else 0.0),
        "components": {"count": len(comps), "largest": len(comps[0]) if comps else 0, "largestMembers": comps[0] if comps else []},
        "degreeCentralisation": num((n * max_deg - sum(deg.values())) / ((n - 1) * (n - 2)) if n > 2 else 0.0),
        "articulationPoints": sorted(art),
        "bridges": sorted(f"{min(a, b)}|{max(a, b)}" for a, b in nx.bridges(g)) if m else [],
        "maxCore": max_core,
        "maxCoreMembers": sorted(v for v in g if core[v] == max_core) if max_core > 0 else [],
        "louvainModularity": num(louvain_q),
        "evidence": {
            "ties": sorted(f"{a}|{b}" for a, b in ties),
            "activities": sorted(set().union(*ties.values())) if ties else [],
            "organisations": orgs,
        },
        "organisations": {
            v: {
                "degree": deg[v],
                "weightedDegree": sum(d["weight"] for _, _, d in g.edges(v, data=True)),
                "betweenness": num(bc[v]),
                "closeness": num(cl[v]),
                "pagerank": num(pr[v]),
                "coreness": core[v],
                "isArticulationPoint": v in art,
            }
            for v in orgs
        },
    }


# The sector an organisation kind falls in when none is recorded (libs/domain's DEFAULT_SECTOR, written again).
KIND_SECTOR = {
    "MUNICIPALITY": "PUBLIC", "WELLBEING_COUNTY": "PUBLIC", "AUTHORITY": "PUBLIC", "EDUCATION": "PUBLIC",
    "PARISH": "PARISH", "ASSOCIATION": "THIRD", "FOUNDATION": "THIRD", "COMPANY": "PRIVATE", "OTHER": "THIRD",
}


def sector(nodes, o):
    n = nodes[o]
    return n.get("sector") or KIND_SECTOR[n.get("orgKind") or "OTHER"]


def ei(internal, external):
    """Krackhardt & Stern: (E - I) / (E + I); None without ties."""
    total = len(internal) + len(external)
    return {"value": num((len(external) - len(internal)) / total) if total else None, "internalTies": sorted(internal), "externalTies": sorted(external)}


def ei_index(nodes, orgs, ties):
    tie_ids = {f"{a}|{b}": (sector(nodes, a), sector(nodes, b)) for a, b in ties}
    whole = ei([t for t, (x, y) in tie_ids.items() if x == y], [t for t, (x, y) in tie_ids.items() if x != y])
    by = {}
    for s in sorted({sector(nodes, o) for o in orgs}):
        inside = [t for t, (x, y) in tie_ids.items() if x == y == s]
        across = [t for t, (x, y) in tie_ids.items() if x != y and s in (x, y)]
        by[s] = {**ei(inside, across), "organisations": sorted(o for o in orgs if sector(nodes, o) == s)}
    return {**whole, "bySector": by}


def multiplexity(nodes, sp, at, ties):
    """Share of ties whose two organisations are joined in two or more ways on `at`: a shared activity,
    a shared project, the same network."""
    nets = defaultdict(set)
    for s in sp:
        if s["kind"] == "NETWORK" and touches(s["from"], s["to"], at, at):
            nets[s["org"]].add(s["target"])
    multiplex = []
    for (a, b), ctx in ties.items():
        kinds = {nodes[c]["kind"] for c in ctx}
        if nets[a] & nets[b]:
            kinds.add("NETWORK")
        if len(kinds) >= 2:
            multiplex.append(f"{a}|{b}")
    return {"value": num(len(multiplex) / len(ties)) if ties else None, "multiplexTies": sorted(multiplex)}


def structure(nodes, sp, at):
    orgs = active_in(sp, at, at)
    ties = ties_in(sp, at, at)
    g = nx.Graph()
    g.add_nodes_from(orgs)
    g.add_edges_from(ties)
    n, m = g.number_of_nodes(), g.number_of_edges()
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    return {
        "size": n,
        "ties": m,
        "density": num(2 * m / (n * (n - 1)) if n > 1 else 0.0),
        "components": {"count": len(comps), "largest": len(comps[0]) if comps else 0, "largestMembers": comps[0] if comps else []},
        "eiIndex": ei_index(nodes, orgs, ties),
        "transitivity": num(nx.transitivity(g)) if n else 0.0,
        "averageClustering": num(nx.average_clustering(g)) if n else 0.0,
        "multiplexity": multiplexity(nodes, sp, at, ties),
        "organisations": orgs,
        "tieIds": sorted(f"{a}|{b}" for a, b in ties),
    }


def partnership(nodes, sp, case):
    at, other, project = case["at"], case["comparedTo"], case["projectId"]
    out = {"case": case}
    if project is None:
        out.update(structure(nodes, sp, at))
    if other is not None:
        frm, to = sorted((at, other))
        before = {f"{a}|{b}" for a, b in ties_in(sp, frm, frm)}
        after = {f"{a}|{b}" for a, b in ties_in(sp, to, to)}
        union = before | after
        out["retention"] = {"from": frm, "to": to, "value": num(len(before & after) / len(union)) if union else None,
                            "keptTies": sorted(before & after), "lostTies": sorted(before - after), "newTies": sorted(after - before)}
    if project is not None:
        # The project's own actors vanish: the project as a place to meet, and every participation of its leads.
        leads = sorted({s["org"] for s in sp if s["target"] == project and s["role"] == "LEAD"})
        rest = [s for s in sp if s["target"] != project and s["org"] not in leads]
        out["withoutProject"] = {**structure(nodes, rest, at), "removedOrganisations": leads}
    return out


def add_months(y, m, k):
    m0 = (m - 1) + k
    return y + m0 // 12, m0 % 12 + 1


def periods(frm, to, interval):
    import datetime as dt

    months = 1 if interval == "MONTH" else 3
    y, m = int(frm[:4]), int(frm[5:7])
    if interval == "QUARTER":
        m = (m - 1) // 3 * 3 + 1
    out = []
    while True:
        start = f"{y:04d}-{m:02d}-01"
        if start > to:
            break
        ny, nm = add_months(y, m, months)
        last = (dt.date(ny, nm, 1) - dt.timedelta(days=1)).isoformat()
        label = start[:7] if interval == "MONTH" else f"{y:04d}-Q{(m - 1) // 3 + 1}"
        out.append((label, max(start, frm), min(last, to)))
        y, m = ny, nm
    return out


def growth(nodes, sp, frm, to, interval):
    first = {}
    for s in sp:
        o = s["org"]
        if o not in first:
            first[o] = s["from"]
        elif first[o] is not None and (s["from"] is None or s["from"] < first[o]):
            first[o] = s["from"]
    activities = sorted(i for i, n in nodes.items() if n["kind"] == "ACTIVITY")
    out, prev = [], None
    for label, pf, pt in periods(frm, to, interval):
        present = active_in(sp, pf, pt)
        ties = ties_in(sp, pf, pt)
        fresh = [o for o in present if first.get(o) is not None and pf <= first[o] <= pt]
        acts = [a for a in activities if touches(nodes[a]["validFrom"], nodes[a]["validTo"], pf, pt)]
        retained = [o for o in present if prev is not None and o in prev]
        n = len(present)
        out.append({
            "label": label,
            "from": pf,
            "to": pt,
            "activeOrganisations": n,
            "newOrganisations": len(fresh),
            "ties": len(ties),
            "activities": len(acts),
            "density": num(2 * len(ties) / (n * (n - 1)) if n > 1 else 0.0),
            "retention": num(len(retained) / len(prev)) if prev else None,
            "evidence": {
                "organisations": present,
                "newOrganisations": fresh,
                "retained": retained,
                "ties": sorted(f"{a}|{b}" for a, b in ties),
                "activities": acts,
            },
        })
        prev = set(present)
    return out


def dumps(golden):
    """JSON with one date's measures, one organisation and one growth period a line: small, and a diff names what moved."""
    line = lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    out = ["{", f' "name": {line(golden["name"])},', f' "oracle": {line(golden["oracle"])},', ' "metrics": [']
    for i, m in enumerate(golden["metrics"]):
        rest = {k: v for k, v in m.items() if k != "organisations"}
        orgs = ",\n".join(f"   {line(k)}: {line(v)}" for k, v in sorted(m["organisations"].items()))
        out.append(f'  {line(rest)[:-1]},"organisations":{{\n{orgs}\n  }}}}' + ("," if i < len(golden["metrics"]) - 1 else ""))
    out.append(" ],")
    out.append(' "growth": [')
    for i, w in enumerate(golden["growth"]):
        head = {k: v for k, v in w.items() if k != "periods"}
        periods = ",\n".join(f"   {line(p)}" for p in w["periods"])
        out.append(f'  {line(head)[:-1]},"periods":[\n{periods}\n  ]}}' + ("," if i < len(golden["growth"]) - 1 else ""))
    out.append(" ],")
    out.append(' "partnership": [')
    out.append(",\n".join(f"  {line(p)}" for p in golden["partnership"]))
    out.append(" ]")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    inputs = sorted(glob.glob(os.path.join(GOLDEN, "inputs", "*.json")))
    if not inputs:
        sys.exit("no inputs: run node dist/tools/oracle/export-inputs.js first")
    for path in inputs:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        nodes, sp = spells(data["snapshot"])
        golden = {
            "name": data["name"],
            "oracle": f"NetworkX {nx.__version__}",
            "metrics": [network_metrics(sp, at) for at in data["dates"]],
            "growth": [{**w, "periods": growth(nodes, sp, w["from"], w["to"], w["interval"])} for w in data["growth"]],
            "partnership": [partnership(nodes, sp, c) for c in data.get("partnership", [])],
        }
        out = os.path.join(GOLDEN, f"{data['name']}.golden.json")
        with open(out, "w", encoding="utf-8") as f:
            f.write(dumps(golden))
        print(f"{os.path.relpath(out, ROOT)}: {len(golden['metrics'])} dates, {sum(len(g['periods']) for g in golden['growth'])} periods")


if __name__ == "__main__":
    main()
