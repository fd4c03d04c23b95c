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
    _add_view_details(store, g)
    return g


def _add_view_details(store, g: nx.MultiDiGraph) -> None:
    """Node attributes a reader needs: every alias of a person or organisation (`aliases`:
    surface forms, initials, posts) and, on actions, the meeting, due date and state
    (`meeting_date`, `body`, `due`, `status`)."""
    _, rows = run_named(store, "aliases")
    for r in rows:
        n = r["entity"]
        if n in g:
            aliases = g.nodes[n].setdefault("aliases", [])
            if r["alias"] not in aliases and r["alias"] != g.nodes[n].get("label"):
                aliases.append(r["alias"])
            if r.get("kind") == "post":
                posts = g.nodes[n].setdefault("posts", [])
                if r["alias"] not in posts:
                    posts.append(r["alias"])
    _, rows = run_named(store, "action-details")
    for r in rows:
        n = r["action"]
        if n in g:
            a = g.nodes[n]
            a["meeting_date"] = r.get("date", "")
            a["body"] = r.get("body", "")
            a["due"] = r.get("due_date") or r.get("due", "")
            a["status"] = r.get("status") or "open"
