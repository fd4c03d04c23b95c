"""The accountability network as a networkx graph, shared by views and analysis."""
from __future__ import annotations

from collections.abc import Iterable

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx


def accountability_graph(store) -> nx.MultiDiGraph:
    """Nodes carry `label` and `type` (person, organisation, action, decision, item, report,
    declaration, meeting); edges carry `relation` and `evidence` (the source sentence)."""
    from kg.query import run_named
    _, rows = run_named(store, "network")
    _, aliases = run_named(store, "aliases")
    _, details = run_named(store, "action-details")
    return graph_of(rows, aliases, details)


def _label_key(label: str):
    # the fullest of a node's names ("Julia Hassall" over "J Hassall"), then the first in order
    return (-len(label), label)


COLUMNS = ("source", "source_label", "source_type", "relation", "target", "target_label", "target_type", "evidence")


def graph_of(rows: Iterable[dict], aliases: Iterable[dict] = (), details: Iterable[dict] = ()) -> nx.MultiDiGraph:
    """The network from the rows of the network, aliases and action-details queries (of the
    whole store or of some of its nodes)."""
    return graph_of_tuples([tuple(r.get(c) for c in COLUMNS) for r in rows], aliases, details)


def node_kinds(rows: Iterable[tuple]) -> tuple[dict[str, str], dict[str, str]]:
    """(label, type) of every node of network rows (tuples in `COLUMNS` order).  A node
    named or typed two ways by its rows gets one label and type whatever order the rows
    come in: its fullest name, and a type other than "other" where a row gives one."""
    rows = list(rows)
    return node_labels(rows), node_types(rows)


def node_labels(rows: Iterable[tuple], nodes: set[str] | None = None) -> dict[str, str]:
    """The label of every node of network rows (of `nodes` alone, when given): `node_kinds`."""
    labels: dict[str, set] = {}
    for s, sl, _st, _rel, t, tl, _tt, _ev in rows:
        if nodes is None or s in nodes:
            labels.setdefault(s, set()).add(s if sl is None else sl)
        if nodes is None or t in nodes:
            labels.setdefault(t, set()).add(t if tl is None else tl)
    return {n: min(v, key=_label_key) for n, v in labels.items()}


def node_types(rows: Iterable[tuple]) -> dict[str, str]:
    """The type of every node of network rows: `node_kinds`."""
    types: dict[str, set] = {}
    for s, _sl, st, _rel, t, _tl, tt, _ev in rows:
        types.setdefault(s, set()).add(st or "other")
        types.setdefault(t, set()).add(tt or "other")
    return {n: min(v - {"other"} or v) for n, v in types.items()}


class _Nodes(dict):
    """A `DrawnGraph`'s nodes: node -> attributes, called as networkx's node view is."""

    def __call__(self, data: bool = False):
        return self.items() if data else self.keys()


class DrawnGraph:
    """The part of networkx's MultiDiGraph a view reads (nodes and edges with attributes,
    degrees, counts), for a view drawn from the text index's rows without importing
    networkx (a quarter of a second of a view's start)."""

    def __init__(self) -> None:
        self.nodes = _Nodes()
        self._edges: list[tuple] = []
        self._adj: tuple | None = None

    def add_nodes_from(self, nodes) -> None:
        for n, attrs in nodes:
            self.nodes.setdefault(n, {}).update(attrs)

    def add_edges_from(self, edges) -> None:
        for s, t, attrs in edges:
            self.nodes.setdefault(s, {})
            self.nodes.setdefault(t, {})
            self._edges.append((s, t, attrs))

    def edges(self, data: bool = False) -> list[tuple]:
        return list(self._edges) if data else [(s, t) for s, t, _a in self._edges]

    def degree(self):
        degree = dict.fromkeys(self.nodes, 0)
        for s, t, _a in self._edges:
            degree[s] += 1
            degree[t] += 1
        return degree.items()

    def _adjacent(self) -> tuple[dict, dict]:
        # (successors, predecessors) of every node, made once the edges are all added
        if self._adj is None or self._adj[0] != len(self._edges):
            succ: dict = {}
            pred: dict = {}
            for s, t, _a in self._edges:
                succ.setdefault(s, set()).add(t)
                pred.setdefault(t, set()).add(s)
            self._adj = (len(self._edges), succ, pred)
        return self._adj[1], self._adj[2]

    def successors(self, n):
        return iter(self._adjacent()[0].get(n, ()))

    def predecessors(self, n):
        return iter(self._adjacent()[1].get(n, ()))

    def subgraph(self, nodes) -> DrawnGraph:
        """The graph of those of `nodes` it has and the edges among them (attributes shared,
        as networkx's subgraph view shares them)."""
        keep = {n for n in nodes if n in self.nodes}
        g = DrawnGraph()
        for n in sorted(keep, key=str):
            g.nodes[n] = self.nodes[n]
        g._edges = [e for e in self._edges if e[0] in keep and e[1] in keep]
        return g

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self._edges)

    def __contains__(self, n) -> bool:
        return n in self.nodes

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)


def graph_of_tuples(rows: Iterable[tuple], aliases: Iterable[dict] = (), details: Iterable[dict] = (), *,
                    kinds: tuple[dict, dict] | None = None, nodes: Iterable[str] = (), drawn: bool = False):
    """`graph_of` for rows as tuples in `COLUMNS` order (None for an unbound value); `kinds`,
    the nodes' labels and types when known from more rows than these (`node_kinds`), and
    `nodes`, nodes to have even when no row links them; `drawn`: a `DrawnGraph`, not a
    networkx one."""
    rows = list(rows)
    labels, types = kinds or node_kinds(rows)
    if drawn:
        g = DrawnGraph()
    else:
        import networkx as nx
        g = nx.MultiDiGraph()
    ends = {r[0] for r in rows} | {r[4] for r in rows} | set(nodes)
    g.add_nodes_from((n, {"label": labels[n], "type": types[n]}) for n in sorted(ends))
    g.add_edges_from((s, t, {"relation": rel or "", "evidence": ev or ""}) for s, _sl, _st, rel, t, _tl, _tt, ev in rows)
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
