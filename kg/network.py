"""The accountability network as a networkx graph, shared by views and analysis."""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kg.query import run_named


def accountability_graph(store) -> nx.MultiDiGraph:
    """Nodes carry `label` and `type` (person, organisation, action, decision, item, report,
    declaration, meeting); edges carry `relation` and `evidence` (the source sentence)."""
    _, rows = run_named(store, "network")
    _, aliases = run_named(store, "aliases")
    _, details = run_named(store, "action-details")
    return graph_of(rows, aliases, details)


def _label_key(label: str):
    # the fullest of a node's names ("Julia Hassall" over "J Hassall"), then the first in order
    return (-len(label), label)


def graph_of(rows: Iterable[dict], aliases: Iterable[dict] = (), details: Iterable[dict] = ()) -> nx.MultiDiGraph:
    """The network from the rows of the network, aliases and action-details queries (of the
    whole store or of some of its nodes).  A node named or typed two ways by its rows gets
    one label and type whatever order the rows come in: its fullest name, and a type other
    than "other" where a row gives one."""
    rows = sorted(rows, key=lambda r: tuple(r.get(c, "") for c in (
        "source", "target", "relation", "evidence", "source_label", "target_label", "source_type", "target_type")))
    labels: dict[str, set] = {}
    types: dict[str, set] = {}
    for r in rows:
        for end in ("source", "target"):
            n = r[end]
            labels.setdefault(n, set()).add(r.get(f"{end}_label", n))
            types.setdefault(n, set()).add(r.get(f"{end}_type", "other"))
    g = nx.MultiDiGraph()
    for n in sorted(labels):
        kinds = types[n] - {"other"} or {"other"}
        g.add_node(n, label=min(labels[n], key=_label_key), type=min(kinds))
    for r in rows:
        g.add_edge(r["source"], r["target"], relation=r.get("relation", ""), evidence=r.get("evidence", ""))
    _add_view_details(g, aliases, details)
    return g


def _add_view_details(g: nx.MultiDiGraph, aliases: Iterable[dict], details: Iterable[dict]) -> None:
    """Node attributes a reader needs: every alias of a person or organisation (`aliases`:
    surface forms, initials, posts) and, on actions, the meeting, due date and state
    (`meeting_date`, `body`, `due`, `status`)."""
    for r in aliases:
        n = r["entity"]
        if n in g:
            aliases = g.nodes[n].setdefault("aliases", [])
            if r["alias"] not in aliases and r["alias"] != g.nodes[n].get("label"):
                aliases.append(r["alias"])
            if r.get("kind") == "post":
                posts = g.nodes[n].setdefault("posts", [])
                if r["alias"] not in posts:
                    posts.append(r["alias"])
    # an action set at two meetings (or of a body with two names) shows the last of its rows
    for r in sorted(details, key=lambda r: tuple(r.get(c, "") for c in (
            "action", "meeting", "body", "date", "due", "due_date", "status"))):
        n = r["action"]
        if n in g:
            a = g.nodes[n]
            a["meeting_date"] = r.get("date", "")
            a["body"] = r.get("body", "")
            a["due"] = r.get("due_date") or r.get("due", "")
            a["status"] = r.get("status") or "open"


# -- parts of the network, from the rows the text index keeps per document ------------------
def graph_touching(index, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """The network's edges with an end in `nodes`, with what a view shows on those nodes."""
    from kg import textindex
    nodes = set(nodes)
    return graph_of(textindex.network_rows(index, nodes), textindex.alias_list_rows(index, nodes),
                    textindex.action_detail_list_rows(index, nodes))


def graph_within(index, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """The network cut to `nodes`: their edges among themselves and what a view shows on them."""
    from kg import textindex
    nodes = set(nodes)
    return graph_of(textindex.network_rows(index, within=nodes), textindex.alias_list_rows(index, nodes),
                    textindex.action_detail_list_rows(index, nodes))


def around(index, centres: Iterable[str], depth: int) -> set[str]:
    """The nodes within `depth` hops of any centre (either way), grown hop by hop."""
    from kg import textindex
    seen = set(centres)
    frontier = set(seen)
    for _ in range(depth):
        if not frontier:
            break
        frontier = textindex.network_neighbours(index, frontier) - seen
        seen |= frontier
    return seen
