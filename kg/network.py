"""The accountability network as a networkx graph, shared by views and analysis."""
from __future__ import annotations

import networkx as nx

from kg.query import run_named


def accountability_graph(store) -> nx.MultiDiGraph:
    """Nodes carry `label` and `type` (person, organisation, action, decision, item, report,
    declaration, meeting); edges carry `relation` and `evidence` (the source sentence)."""
    _, rows = run_named(store, "network")
    g = nx.MultiDiGraph()
    for r in rows:
        s, t = r["source"], r["target"]
        if s not in g:
            g.add_node(s, label=r.get("source_label", s), type=r.get("source_type", "other"))
        if t not in g:
            g.add_node(t, label=r.get("target_label", t), type=r.get("target_type", "other"))
        g.add_edge(s, t, relation=r.get("relation", ""), evidence=r.get("evidence", ""))
    return g
