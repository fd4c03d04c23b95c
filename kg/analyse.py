"""analyse: network metrics and follow-up over the accountability graph (networkx).

Every analysis is `fn(store) -> (columns, rows)`, rows being dicts of plain strings, so the
CLI prints them like any query (`govkg analyse busiest|connectors|unowned|followup`).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from kg.errors import GovkgError, UsageError
from kg.network import accountability_graph
from kg.query import run_named

# -- graphs ---------------------------------------------------------------------------------


def _s(value) -> str:
    return "" if value is None else str(value)


def to_networkx(store) -> nx.MultiDiGraph:
    """The accountability network (kg.network) with every node and edge attribute a string,
    as GraphML and other writers need: nodes `label`, `type`; edges `relation`, `evidence`."""
    src = accountability_graph(store)
    g = nx.MultiDiGraph()
    for n, d in src.nodes(data=True):
        g.add_node(str(n), label=_s(d.get("label", n)), type=_s(d.get("type", "other")))
    for u, v, d in src.edges(data=True):
        g.add_edge(str(u), str(v), relation=_s(d.get("relation")), evidence=_s(d.get("evidence")))
    return g


def simple(g: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple view: one edge per linked pair, keeping the first parallel edge
    that has evidence; `source` and `target` say which way the kept relation points."""
    u_g = nx.Graph()
    u_g.add_nodes_from(g.nodes(data=True))
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        have = u_g.get_edge_data(u, v)
        if have is None or (not have.get("evidence") and d.get("evidence")):
            u_g.add_edge(u, v, relation=_s(d.get("relation")), evidence=_s(d.get("evidence")),
                         source=u, target=v)
    return u_g


# -- shortest path ----------------------------------------------------------------------------

INVERSE = {
    "must do": "is to be done by", "presented": "was presented by", "wrote": "was written by",
    "introduced": "was introduced by", "declared": "was declared by", "member of": "has as a member",
    "manages": "is managed by", "inspects": "is inspected by", "leads": "is led by", "chairs": "is chaired by",
    "has_member": "is a member of", "chair": "was chaired by", "present": "was attended by",
    "apologies": "had apologies from", "in_attendance": "had in attendance", "substitute": "had as a substitute",
    "decided at": "decided", "raised at": "raised", "item of": "has item", "met as": "was a meeting of",
}


def _node_for(store, g: nx.Graph, text: str, pool) -> str:
    from kg.ask import content_words, find_entities, mentions_all
    found = [e for e in find_entities(store, text, pool=pool) if e.iri in g]
    if len(found) == 1:
        return found[0].iri
    if len(found) > 1:
        raise GovkgError(f"{text!r} could be any of: {', '.join(e.name for e in found[:8])}; give the full name")
    if find_entities(store, text, pool=pool):
        raise GovkgError(f"{text!r} is in the graph but has no accountability links to follow")
    words = content_words(text) or content_words(text, generic=False)
    hits = [n for n, d in g.nodes(data=True) if words and mentions_all(d.get("label", ""), words)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        labels = "; ".join(sorted({g.nodes[n].get("label", n)[:60] for n in hits})[:6])
        raise GovkgError(f"{text!r} matches several things ({labels}); say which one")
    raise GovkgError(f"nothing in the graph is called {text!r}; list names with `govkg query --name people` "
                     "or `--name organisations`")


def _meeting_of(store):
    """node IRI -> meeting label; node IRI -> its evidence sentence; evidence sentence ->
    meeting label (for links, like responsibilities, that have no node of their own)."""
    from kg.ask import meeting_label, meetings
    info = meetings(store)
    _, rows = run_named(store, "fact-meetings")
    by_node, node_evidence, by_evidence = {}, {}, {}
    for r in rows:
        label = meeting_label(info, r["meeting"])
        by_node.setdefault(r["fact"], label)
        if r.get("evidence"):
            node_evidence.setdefault(r["fact"], r["evidence"])
            by_evidence.setdefault(" ".join(r["evidence"].split()), label)
    for iri in info:
        by_node[iri] = meeting_label(info, iri)
    return by_node, node_evidence, by_evidence


# which node of a link speaks for it when the link itself has no evidence
_EVIDENCE_ORDER = {"action": 0, "decision": 1, "declaration": 2, "report": 3, "item": 4}


FORWARD = {"chair": "chaired", "present": "attended", "apologies": "sent apologies to",
           "in_attendance": "was in attendance at", "substitute": "substituted at"}

PATH_COLUMNS = ["step", "from", "relation", "to", "evidence", "meeting"]


def shortest_path(store, a: str, b: str) -> tuple[list[str], list[dict[str, str]]]:
    """The shortest chain of accountability links between two names (people,
    organisations, or any node whose label holds all the words), over the undirected view.
    Rows: step, from, relation, to, evidence, meeting; relations read from -> to."""
    from kg.ask import entities
    g = to_networkx(store)
    u_g = simple(g)
    pool = entities(store)
    s, t = _node_for(store, u_g, a, pool), _node_for(store, u_g, b, pool)
    label = lambda n: u_g.nodes[n].get("label") or n  # noqa: E731
    if s == t:
        raise GovkgError(f"{a!r} and {b!r} name the same node ({label(s)}); give two different names")
    try:
        nodes = nx.shortest_path(u_g, s, t)
    except nx.NetworkXNoPath:
        raise GovkgError(f"no chain of links connects {label(s)} and {label(t)} in the graph (their minutes "
                         "share no person, organisation or meeting)") from None
    by_node, node_evidence, by_evidence = _meeting_of(store)
    rows = []
    for i, (u, v) in enumerate(zip(nodes, nodes[1:]), 1):
        d = u_g.edges[u, v]
        rel = d.get("relation", "")
        if d.get("source") != u:
            rel = INVERSE.get(rel, f"{rel} (reverse)")
        else:
            rel = FORWARD.get(rel, rel)
        ev = d.get("evidence", "")
        if not ev:
            facts = sorted((n for n in (u, v) if u_g.nodes[n].get("type") in _EVIDENCE_ORDER and n in node_evidence),
                           key=lambda n: _EVIDENCE_ORDER[u_g.nodes[n]["type"]])
            ev = node_evidence[facts[0]] if facts else ""
        meeting = ""
        for n in (u, v):
            if u_g.nodes[n].get("type") == "meeting":
                meeting = by_node.get(n, "")
        if not meeting:
            for n in (u, v):
                if u_g.nodes[n].get("type") not in ("person", "organisation") and n in by_node:
                    meeting = by_node[n]
                    break
        if not meeting and ev:
            meeting = by_evidence.get(" ".join(ev.split()), "")
        row = {"step": str(i), "from": label(u), "relation": rel, "to": label(v)}
        if ev:
            row["evidence"] = ev
        if meeting:
            row["meeting"] = meeting
        rows.append(row)
    return PATH_COLUMNS, rows


# -- busiest, connectors, unowned ----------------------------------------------------------------

def _actions(store, meetings: set[str] | None = None) -> dict[str, dict]:
    """action IRI -> {text, meeting, owners {iri: name}, due, evidence}; only the actions of
    `meetings` (IRIs) when given."""
    return _actions_of(run_named(store, "actions")[1], meetings)


def _actions_of(rows, meetings: set[str] | None = None) -> dict[str, dict]:
    """`_actions` of the actions listing's rows `rows`."""
    out: dict[str, dict] = {}
    for r in rows:
        if meetings is not None and r.get("meeting") not in meetings:
            continue
        a = out.setdefault(r["action"], {"text": r.get("text", ""), "meeting": r.get("meeting", ""),
                                         "owners": {}, "due": r.get("due", ""), "evidence": r.get("evidence", "")})
        if r.get("owner"):
            a["owners"][r["owner"]] = r.get("owner_name", r["owner"])
        if r.get("due") and not a["due"]:
            a["due"] = r["due"]
    return out


def busiest(store, meetings: set[str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Who carries most actions: owner, owner_name, actions (count), most first; counting
    only the actions of `meetings` (IRIs) when given."""
    counts: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for a in (a for part in _actions_by_meeting(store, meetings) for a in part.values()):
        for iri, name in a["owners"].items():
            counts[iri] += 1
            names[iri] = name
    order = sorted(counts, key=lambda k: (-counts[k], names[k]))
    return ["owner", "owner_name", "actions"], [
        {"owner": k, "owner_name": names[k], "actions": str(counts[k])} for k in order]


def connectors(store, meetings: set[str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Organisations that hold the network together: betweenness centrality on the
    undirected view, and degree (distinct neighbours).  A measure of the whole network:
    it cannot be narrowed to some meetings (`meetings` given is an error)."""
    if meetings is not None:
        raise UsageError("analyse connectors measures the whole network, which is not kept by meeting: "
                         "--body, --since and --until do not apply to it (page it with --limit/--offset)")
    u_g = simple(to_networkx(store))
    if u_g.number_of_nodes() == 0:
        return ["org", "name", "betweenness", "degree"], []
    bc = nx.betweenness_centrality(u_g)
    orgs = [n for n, d in u_g.nodes(data=True) if d.get("type") == "organisation"]
    orgs.sort(key=lambda n: (-bc[n], -u_g.degree(n), u_g.nodes[n].get("label", n)))
    return ["org", "name", "betweenness", "degree"], [
        {"org": n, "name": u_g.nodes[n].get("label", n), "betweenness": f"{bc[n]:.4f}",
         "degree": str(u_g.degree(n))} for n in orgs]


def unowned(store, meetings: set[str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Actions with no owner, with no due date, or with neither (of `meetings`, IRIs, when given).
    Rows: action (text), owner_name, missing, meeting, evidence."""
    columns, rows = unowned_rows(store, meetings)
    return columns, list(rows)


def unowned_rows(store, meetings: set[str] | None = None) -> tuple[list[str], Iterator[dict[str, str]]]:
    """`unowned`'s rows handed out a few meetings at a time where the store keeps the actions
    listing's rows by meeting (a page reads its first meetings only)."""
    from kg.ask import meeting_label, meetings as meeting_info

    def rows() -> Iterator[dict[str, str]]:
        for part in _actions_by_meeting(store, meetings):
            info = meeting_info(store, {a["meeting"] for a in part.values()})
            for iri, a in sorted(part.items(), key=lambda kv: (kv[1]["meeting"], kv[0])):
                missing = [m for m, gone in (("owner", not a["owners"]), ("due date", not a["due"])) if gone]
                if not missing:
                    continue
                row = {"action": a["text"], "missing": " and ".join(missing),
                       "meeting": meeting_label(info, a["meeting"])}
                if a["owners"]:
                    row["owner_name"] = "; ".join(sorted(a["owners"].values()))
                if a["evidence"]:
                    row["evidence"] = a["evidence"]
                yield row
    return ["action", "owner_name", "missing", "meeting", "evidence"], rows()


# meetings of the first part of `_actions_by_meeting`, doubled each part up to the most
_PART_FIRST = 8
_PART_MOST = 256


def _actions_by_meeting(store, meetings: set[str] | None = None) -> Iterator[dict[str, dict]]:
    """`_actions` in parts, each the actions of the next few meetings in IRI order (the
    actions listing's order: every action of a part sorts before those of the next), read
    from the text index's rows of that listing; one part of every action where there is none."""
    from kg import textindex
    index = textindex.reader_index(store)
    walk = None
    if index is not None:
        import sqlite3
        try:
            walk = textindex.listing_meetings(index, "actions")
        except sqlite3.Error:
            walk = None
    if walk is None:
        yield _actions(store, meetings)
        return
    if meetings is not None:
        walk = [m for m in walk if m in meetings]
    i, size = 0, _PART_FIRST
    while i < len(walk):
        chunk, i, size = walk[i:i + size], i + size, min(size * 2, _PART_MOST)
        yield _actions_of(textindex.listing_rows_at(index, "actions", chunk), meetings)


# -- follow-up ----------------------------------------------------------------------------------

FOLLOWUP_COLUMNS = ["action", "meeting", "owner_name", "status", "later_meeting", "evidence"]


def followup(store, meetings: set[str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Each action of an earlier meeting of a body with its state after the latest
    report-back, read from the links the build stored (kg.link): status is that state
    (open when no later sentence reports on it), later_meeting and evidence are those of
    the latest report-back (the action's own sentence when it is open).
    Rows: action, meeting, owner_name, status, later_meeting, evidence.
    Actions of a body's latest meeting, or of undated meetings, have nothing to follow yet.
    Only the actions of `meetings` (IRIs) when given."""
    columns, rows = followup_rows(store, meetings)
    return columns, list(rows)


def followup_rows(store, meetings: set[str] | None = None) -> tuple[list[str], Iterator[dict[str, str]]]:
    """`followup`'s rows handed out one by one (kg.followups.tracked_in_order, which reads the
    tracker whole: a page still costs the whole tracker's first read after a build)."""
    from kg.followups import tracked_in_order
    latest = _latest_days(store)

    def rows() -> Iterator[dict[str, str]]:
        label = _meeting_labels(store)
        for a in tracked_in_order(store, meetings=meetings):
            if not a.date or not a.body or a.date >= latest.get(a.body, ""):
                continue
            row = {"action": a.task, "meeting": label(a.meeting), "status": a.status}
            if a.owners:
                row["owner_name"] = "; ".join(a.owners)
            if a.latest:
                row["later_meeting"] = label(a.latest.meeting)
                if a.latest.evidence:
                    row["evidence"] = a.latest.evidence
            elif a.evidence:
                row["evidence"] = a.evidence
            yield row
    return FOLLOWUP_COLUMNS, rows()


def _meeting_labels(store):
    """A function giving a meeting's label (kg.ask.meeting_label), each meeting read once
    from the text index as it is first asked for (every meeting at once where there is none)."""
    from kg import textindex
    from kg.ask import meeting_label, meetings as meeting_info
    info = {} if textindex.reader_index(store) is not None else meeting_info(store)
    asked: set[str] = set()

    def label(iri: str | None) -> str:
        if iri and iri not in asked and textindex.reader_index(store) is not None:
            asked.add(iri)
            info.update(meeting_info(store, {iri}))
        return meeting_label(info, iri)
    return label


def _latest_days(store) -> dict[str, str]:
    """Body name -> the date (day) of its latest meeting, of the meetings with both."""
    from kg import textindex
    index = textindex.reader_index(store)
    if index is not None:
        import sqlite3
        try:
            return textindex.latest_days(index)
        except sqlite3.Error:
            pass
    from kg.ask import meetings as all_meetings
    latest: dict[str, str] = {}
    for m in all_meetings(store).values():
        if m.body and m.date:
            latest[m.body] = max(latest.get(m.body, ""), m.date[:10])
    return latest


ANALYSES = {"busiest": busiest, "connectors": connectors, "unowned": unowned, "followup": followup}
# the same, their rows handed out as they are read where they can be (what the CLI prints)
STREAMED = {**ANALYSES, "unowned": unowned_rows, "followup": followup_rows}
