"""viz: the accountability network as one interactive HTML page that works offline.

The network comes from `kg.network.accountability_graph`; this module chooses what to
show (everything, the neighbourhood of a name, or one meeting; at most `max_nodes`) and
writes a single self-contained page: vis-network's JavaScript and CSS are inlined from
the installed pyvis package, and nothing is loaded from the network.

Names and sentences come from untrusted documents, so the page never puts them into its
HTML: all data travels as JSON inside a `<script type="application/json">` block, with
`<`, `>`, `&`, U+2028 and U+2029 escaped, and the page's own script shows every label,
tooltip and sentence through `textContent` (tooltips are DOM elements, not HTML strings).
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import heapq
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import islice
from importlib import resources
from pathlib import Path

from typing import TYPE_CHECKING

from kg.docrows import bare as _bare, fold as _fold  # how a --focus name is compared
from kg.errors import GovkgError, UsageError
from kg.iris import meeting_day

if TYPE_CHECKING:
    import networkx as nx

VIS_VERSION = "9.1.2"

# type -> (vis shape, fill colour, legend glyph, legend label); Okabe-Ito colours
NODE_STYLES: dict[str, tuple[str, str, str, str]] = {
    "person": ("dot", "#0072B2", "\u25cf", "person"),
    "organisation": ("hexagon", "#E69F00", "\u2b22", "organisation"),
    "meeting": ("star", "#CC79A7", "\u2605", "meeting"),
    "item": ("square", "#009E73", "\u25a0", "agenda item"),
    "decision": ("diamond", "#D55E00", "\u25c6", "decision"),
    "action": ("triangle", "#E8C500", "\u25b2", "action"),
    "report": ("triangleDown", "#56B4E9", "\u25bc", "report"),
    "declaration": ("square", "#7B3294", "\u25a0", "declaration of interest"),
    "other": ("dot", "#999999", "\u25cf", "other"),
}
HUB_TYPES = ("person", "organisation")
BIG_GRAPH = 300  # above this many nodes: short stabilisation, then physics off
LABEL_MAX = 48
EDGE_LABEL_MAX = 40


@dataclass
class ViewInfo:
    path: Path
    nodes: int
    edges: int
    truncated: bool
    hidden: int = 0  # nodes left out to stay under max_nodes
    note: str = ""  # e.g. the --focus name fits several people


# -- choosing what to show --------------------------------------------------------------
def _neighbours(g: nx.MultiDiGraph, n) -> set:
    return set(g.successors(n)) | set(g.predecessors(n))


def _one_line(text: str, limit: int = 60) -> str:
    """Untrusted text made fit for a one-line terminal message: no control or format
    characters (ANSI escapes, line separators, bidi overrides), at most `limit` characters."""
    clean = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in str(text))
    return _short(clean, limit)


def _close_labels(query: str, labels, n: int = 5) -> list[str]:
    by_fold: dict[str, str] = {}
    for lab in labels:
        by_fold.setdefault(_fold(lab), lab)
    close = difflib.get_close_matches(_fold(query), list(by_fold), n=n, cutoff=0.5)
    if len(close) < n:  # also a surname or another word of a longer name
        words = {w for w in _fold(query).split() if len(w) > 2}
        close += [f for f in by_fold if f not in close and words & set(f.split())][: n - len(close)]
    return [_one_line(by_fold[c]) for c in close]


def find_nodes(g: nx.MultiDiGraph, name: str) -> list:
    """Nodes whose label is `name` (any case), else whose label contains it, else whose IRI is it."""
    want = _fold(name)
    if not want:
        raise UsageError("--focus needs a name, e.g. --focus \"Julia Hassall\"")
    return _find_strict(g, name) or _find_partial(g, name)


def _find_strict(g: nx.MultiDiGraph, name: str) -> list:
    """The label, the IRI, or another name the minutes used (an alias, a post)."""
    want = _fold(name)
    labels = {n: _fold(a.get("label", n)) for n, a in g.nodes(data=True)}
    exact = [n for n, lab in labels.items() if lab == want]
    if exact:
        return exact
    if name in g:
        return [name]
    # any other name the minutes used: initials, a surname, a post ("the Clerk")
    bare = _bare(name)
    alias = [n for n, a in g.nodes(data=True) if a.get("type") in HUB_TYPES
             and any(_bare(x) == bare for x in [a.get("label", "")] + list(a.get("aliases", ())))]
    if alias:
        # a post some minutes name no holder for ("the Clerk" of a second body) is its own node:
        # it fits the name as well as the holders the other minutes give
        unnamed = [n for n, a in g.nodes(data=True) if a.get("type") not in HUB_TYPES and n not in alias
                   and _bare(a.get("label", "")) == bare]
        return alias + unnamed
    return []


def _find_partial(g: nx.MultiDiGraph, name: str) -> list:
    """Nodes whose label contains the name, people and organisations first."""
    want = _fold(name)
    partial = [n for n, a in g.nodes(data=True) if want in _fold(a.get("label", n))]
    hubs = [n for n in partial if g.nodes[n].get("type") in HUB_TYPES]
    return hubs or partial


def focus_note(g: nx.MultiDiGraph, name: str) -> str:
    """What to tell the user when a --focus name fits several people or organisations."""
    found = find_nodes(g, name)
    centres = [n for n in found if g.nodes[n].get("type") in HUB_TYPES]
    if centres:
        centres += [n for n in found if n not in centres and _bare(g.nodes[n].get("label", "")) == _bare(name)]
    if len(centres) < 2:
        return ""
    def who(n):
        a = g.nodes[n]
        if a.get("type") not in HUB_TYPES:
            return f"{_one_line(a.get('label', n))} (a post the minutes name no holder for)"
        posts = ", ".join(a.get("posts", ()))
        return _one_line(a.get("label", n)) + (f" ({_one_line(posts)})" if posts else "")
    return (f"--focus {_one_line(name)!r} fits {len(centres)}: {'; '.join(sorted(who(n) for n in centres))}; "
            "showing all of them (give a full name to see one)")


def _focus_centres(g: nx.MultiDiGraph, name: str) -> list:
    """The nodes `name` fits, or an error naming close names."""
    centres = find_nodes(g, name)
    if not centres:
        hubs = [a.get("label", n) for n, a in g.nodes(data=True) if a.get("type") in HUB_TYPES]
        close = _close_labels(name, hubs) or _close_labels(name, (a.get("label", n) for n, a in g.nodes(data=True)))
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise GovkgError(f"--focus {_one_line(name)!r} matches no person, organisation or other node in the graph{hint}. "
                         "Try one of those, or `govkg query --name people` to list names")
    return centres


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%B %d, %Y")


def _as_iso_date(text: str) -> str | None:
    t = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt).date().isoformat()
        except ValueError:
            pass
    return None


_NO_MEETING = "--meeting needs a meeting IRI, date or body name, e.g. --meeting 2024-03-14"


def meeting_nodes(g: nx.MultiDiGraph, meeting: str) -> set:
    """One or more meetings (by IRI, date, or body name in the label) and what hangs off them:
    the body, attendees, items and their presenters, decisions, actions and their owners."""
    if not _fold(meeting):
        raise UsageError(_NO_MEETING)
    meetings = [n for n, a in g.nodes(data=True) if a.get("type") == "meeting"]
    if meeting in g and meeting in meetings:
        chosen = [meeting]
    else:
        iso = _as_iso_date(meeting)
        want = _fold(iso or meeting)
        chosen = [m for m in meetings if want in _fold(g.nodes[m].get("label", "")) or want == _fold(m)]
        if not chosen:
            chosen = [m for m in meetings if want in _fold(m)]  # a slug of the IRI
    if not chosen:
        labels = sorted({g.nodes[m].get("label", m) for m in meetings})
        close = _close_labels(meeting, labels) or labels[:5]
        hint = f"; meetings in the graph include: {', '.join(close)}" if close else "; the graph has no meetings"
        raise GovkgError(f"--meeting {_one_line(meeting)!r} matches no meeting IRI, date or body name{hint}")
    keep = set(chosen)
    items = set()
    for m in chosen:
        for n in _neighbours(g, m):
            keep.add(n)
            if g.nodes[n].get("type") == "item":
                items.add(n)
    for it in items:
        keep.update(_neighbours(g, it))  # presenters, decisions, actions
    for n in list(keep):
        if g.nodes[n].get("type") in ("action", "decision"):
            keep.update(g.predecessors(n))  # owners of actions
    return keep


def truncate(g: nx.MultiDiGraph, max_nodes: int) -> set:
    """Keep the best-connected people and organisations and their neighbours, up to max_nodes
    (`cut`, on the graph's degrees and neighbours)."""
    return cut(dict(g.degree()), lambda n: _neighbours(g, n),
               {n for n, a in g.nodes(data=True) if a.get("type") in HUB_TYPES}, max_nodes)


def cut(degree: dict, neighbours, hubs: set, max_nodes: int, keys=None, which_hubs=None) -> set:
    """The nodes to draw of a graph given as each node's degree, its neighbours (a function)
    and which nodes are people and organisations (`hubs`; or, with `which_hubs`, the nodes
    that may be, and `which_hubs(nodes)` the set of those of them that are, asked in rank
    order a batch at a time for the hubs the cut reaches).

    A first pass gives each hub, busiest first, a share of its best-connected neighbours,
    so that one very busy owner cannot fill the whole view; a second pass fills what is
    left with the rest of the hubs' neighbourhoods, then with the best-connected others.
    Nodes equally connected go in the order of their `keys` (a function from some nodes to
    a dict of their texts; str of each node by default), asked only for the nodes a tie
    is broken among."""
    known: dict = {}

    def key_of(nodes) -> None:
        want = [n for n in nodes if n not in known]
        if want:
            known.update(keys(want) if keys else {n: str(n) for n in want})

    def ranked(nodes):
        """nodes in the order (-degree, key), the keys read one degree at a time."""
        by = sorted(nodes, key=degree.__getitem__, reverse=True)
        i = 0
        while i < len(by):
            d, j = degree[by[i]], i
            while j < len(by) and degree[by[j]] == d:
                j += 1
            tie = by[i:j]
            key_of(tie)
            yield from sorted(tie, key=known.__getitem__)
            i = j

    def top(nodes, k: int) -> list:
        """The first k of `ranked(nodes)`, as a set goes (only the last degree's ties sorted)."""
        if k <= 0:
            return []
        nodes = list(nodes)
        if len(nodes) <= k:
            return nodes
        # the degree the k-th best has, found without sorting every candidate (a body's
        # neighbours are tens of thousands)
        edge = heapq.nlargest(k, map(degree.__getitem__, nodes))[-1]
        above = sorted((n for n in nodes if degree[n] > edge), key=degree.__getitem__, reverse=True)
        tie = [n for n in nodes if degree[n] == edge]
        key_of(tie)
        return above + sorted(tie, key=known.__getitem__)[: k - len(above)]

    share = max(10, max_nodes // 20)
    keep: dict = {}  # insertion-ordered set

    def add(nodes) -> None:
        for n in nodes:
            keep[n] = None

    checked: dict = {}

    def check(nodes) -> None:
        want = [n for n in nodes if n not in checked]
        if want:
            yes = which_hubs(want)
            checked.update((n, n in yes) for n in want)

    def real(nodes):
        """Those of `nodes` (in order) that are hubs, their types asked 64 at a time."""
        it = iter(nodes)
        while batch := list(islice(it, 64)):
            check(batch)
            yield from (n for n in batch if checked[n])

    def first_pass(order) -> bool:
        """Each hub of `order` a share of its neighbours; whether `order` had any node."""
        any_node = False
        for h in order:
            any_node = True
            if len(keep) >= max_nodes or degree[h] < 2:  # a hub of one link is no hub
                break
            if h not in keep:
                add([h])
            add(top(neighbours(h) - keep.keys(), min(share, max_nodes - len(keep))))
        return any_node

    if which_hubs is None:
        any_hub = bool(hubs) and first_pass(ranked(hubs))
    else:
        any_hub = bool(hubs) and first_pass(real(ranked(hubs)))
    if not any_hub:
        first_pass(ranked(degree))
    if any_hub and which_hubs is not None:
        check([h for h in keep if h in hubs])
        second = [h for h in keep if checked.get(h)]
    else:
        second = [h for h in (hubs if any_hub else degree) if h in keep]
    for h in ranked(second):
        if len(keep) >= max_nodes:
            break
        add(top(neighbours(h) - keep.keys(), max_nodes - len(keep)))
    add(top(degree.keys() - keep.keys(), max_nodes - len(keep)))
    return set(keep)


# -- a focused view cut to fit: nearest first ---------------------------------------------
# Around a focus a reader wants what is nearest it: the focus, then everything one link
# away, then what lies one link beyond those, and of the things one link from a node, the
# people, bodies and posts it deals with and its most recent meetings, items, decisions and
# actions.  Cutting the whole neighbourhood by degree instead (as the whole store's view
# does) needs every node of it and its degree read first, and at a council's decade of
# minutes that is tens of thousands of nodes for one councillor; drawn nearest first, a
# view reads the links of the nodes it draws and of no others.
NEAR_BATCH = 32  # nodes whose links are read at once (the cut is the same for any size)


def standing_first(iri) -> tuple:
    """The order in which a node's neighbours are drawn when not all of them fit: the
    people, bodies and posts (which have no date) first, then meetings and their parts,
    most recent first, then by IRI."""
    day = meeting_day(str(iri))
    return (0, 0, str(iri)) if day is None else (1, -day, str(iri))


def events_first(iri) -> tuple:
    """The order in which a ring's nodes are followed to the next ring: meetings and their
    parts, most recent first, then people, bodies and posts.  An event's neighbours are of
    that event (its items, attendees, owners); a person's or a body's are its whole history,
    which the events the focus took part in show the part of that matters to it first."""
    day = meeting_day(str(iri))
    return (1, 0, str(iri)) if day is None else (0, -day, str(iri))


def nearest(centres, depth: int, max_nodes: int, neighbours, iris=None) -> tuple[list, int]:
    """The nodes a focused view draws, nearest the `centres` first, and how many it found
    and left out (0: none; else at least that many more lie within `depth` hops).

    Breadth-first: the centres, then ring by ring, each ring's nodes followed in
    `events_first` order and each one's new neighbours taken in `standing_first` order: a
    first pass gives each node followed a share of them (so that, of several people a name
    fits, or of the focus's latest meetings, one does not take the whole view), a second
    fills what is left.  A ring with another after it takes at most half the room left, so
    that the nodes nearest the focus come with what lies around them (the items, people and
    meetings of its latest actions) rather than as a star of its every link; the last ring
    fills the rest, up to `max_nodes`, and room it leaves goes back to the nearer nodes left
    out.  `neighbours(nodes)` gives a dict node -> its neighbours (either way) for a list of
    nodes; `iris(nodes)` a dict node -> IRI (default: the node is its IRI).  Only the links
    of the nodes followed (all of them drawn) are asked for, NEAR_BATCH at a time, and no
    more once the view is full."""
    known: dict = {}

    def iri_of(nodes) -> None:
        want = [n for n in nodes if n not in known]
        if want:
            known.update(iris(want) if iris else {n: n for n in want})

    ring = list(dict.fromkeys(centres))
    iri_of(ring)
    ring.sort(key=lambda n: standing_first(known[n]))
    if len(ring) > max_nodes:
        return ring[:max_nodes], len(ring) - max_nodes
    keep = dict.fromkeys(ring)
    share = max(10, max_nodes // 20)
    left: dict = {}  # found and not drawn, nearest first, in the order they were found
    for hop in range(1, depth + 1):
        parents = sorted(ring, key=lambda n: events_first(known[n]))
        limit = max_nodes if hop == depth else len(keep) + (max_nodes - len(keep)) // 2
        ring, found, full = [], {}, False

        def take(nodes, most: int) -> None:
            for m in nodes:
                if most <= 0 or len(keep) >= limit:
                    return
                if m not in keep:
                    keep[m] = None
                    ring.append(m)
                    most -= 1

        for i in range(0, len(parents), NEAR_BATCH):
            batch = parents[i:i + NEAR_BATCH]
            links = neighbours(batch)
            iri_of({m for p in batch for m in links.get(p, ()) if m not in keep})
            for p in batch:
                new = sorted((m for m in links.get(p, ()) if m not in keep), key=lambda n: standing_first(known[n]))
                found[p] = new
                take(new, share)
                if hop == depth and len(keep) >= limit and any(m not in keep for m in new):
                    # the view is full and something found is left out: no more links are
                    # read (a nearer ring reads all its nodes' links, for the room the
                    # last ring may leave)
                    full = True
                    break
            if full:
                break
        for new in found.values():  # the second pass, over the links already read
            take(new, max_nodes)
        left.update(dict.fromkeys(m for new in found.values() for m in new if m not in keep and m not in left))
        if (full and hop == depth) or not ring:
            break
    for m in left:  # the room a ring's half left unused goes back to the nearer nodes left out
        if len(keep) >= max_nodes:
            break
        keep.setdefault(m)
    return list(keep), len(left.keys() - keep.keys())


def select_view(g: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, meeting: str | None = None,
                max_nodes: int = 1500) -> tuple[nx.MultiDiGraph, int]:
    """The subgraph to draw and how many of the selected nodes were left out to fit max_nodes."""
    if depth < 0:
        raise UsageError(f"--depth {depth}: give 0 or more hops")
    if max_nodes < 1:
        raise UsageError(f"max_nodes {max_nodes}: give 1 or more")
    view = g
    if meeting:
        view = g.subgraph(meeting_nodes(g, meeting))
    if focus:
        part = view
        centres = _focus_centres(part, focus)
        keep, hidden = nearest(centres, depth, max_nodes, lambda ns: {n: _neighbours(part, n) for n in ns})
        return part.subgraph(keep), hidden
    hidden = 0
    if view.number_of_nodes() > max_nodes:
        keep = truncate(view, max_nodes)
        hidden = view.number_of_nodes() - len(keep)
        view = view.subgraph(keep)
    return view, hidden


# -- the page ---------------------------------------------------------------------------
def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# attendance roles that mean the person was not there: drawn apart, dashed
ABSENT_ROLES = frozenset({"apologies", "absent"})


def _action_facts(a: dict) -> list[str]:
    """An action's meeting date, due date and state, as the view shows them."""
    when = a.get("meeting_date") or "date not stated"
    facts = [f"set {when}"]
    if a.get("due"):
        facts.append(f"due {_short(a['due'], 24)}")
    facts.append(str(a.get("status") or "open").replace("_", " "))
    return facts


def view_data(view: nx.MultiDiGraph, *, title: str, banner: str | None) -> dict:
    """The JSON the page draws: nodes, edges, styles, big-graph settings, banner text."""
    ids = {}
    nodes = []
    degree = dict(view.degree())
    for i, (n, a) in enumerate(sorted(view.nodes(data=True), key=lambda x: str(x[0]))):
        ids[n] = i
        ntype = a.get("type") if a.get("type") in NODE_STYLES else "other"
        label = str(a.get("label") or n)
        node = {"id": i, "iri": str(n), "type": ntype, "full": label, "label": _short(label, LABEL_MAX),
                "value": degree[n] + 1, "aliases": [str(x) for x in a.get("aliases", ())][:40]}
        if ntype == "action":
            node["facts"] = _action_facts(a)
            node["label"] += "\n" + " \u00b7 ".join(node["facts"])
        nodes.append(node)
    edges = []
    for k, (s, t, a) in enumerate(sorted(view.edges(data=True),
                                         key=lambda e: (ids[e[0]], ids[e[1]], str(e[2].get("relation")),
                                                        str(e[2].get("evidence"))))):
        rel = str(a.get("relation") or "")
        edges.append({"id": f"e{k}", "from": ids[s], "to": ids[t], "relation": rel,
                      "label": _short(rel, EDGE_LABEL_MAX), "evidence": str(a.get("evidence") or ""),
                      "absent": rel in ABSENT_ROLES})
    styles = {t: {"shape": s, "color": c, "glyph": gl, "name": nm} for t, (s, c, gl, nm) in NODE_STYLES.items()}
    return {"title": title, "banner": banner, "nodes": nodes, "edges": edges, "styles": styles,
            "big": len(nodes) > BIG_GRAPH}


def script_json(data) -> str:
    """JSON that is safe inside <script>: no `<`, `>`, `&` or line separators survive raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS, read from the installed pyvis package (found, not imported:
    importing pyvis imports jinja2 and networkx, about 0.4 s a view)."""
    import importlib.util
    spec = importlib.util.find_spec("pyvis")
    places = list(spec.submodule_search_locations or ()) if spec is not None else []
    lib = (Path(places[0]) if places else resources.files("pyvis")) / "templates" / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
        css = (lib / "vis-network.css").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise GovkgError(f"vis-network {VIS_VERSION} is missing from the pyvis package ({e}); "
                         "reinstall pyvis 0.3.2: pip install --force-reinstall pyvis==0.3.2") from None
    # keep the inlined code from ending its own <script>/<style> element early
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I).replace("<!--", "<\\!--")
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return js, css


def render_page(view: nx.MultiDiGraph, *, title: str = "Accountability network", banner: str | None = None) -> str:
    js, css = _vis_assets()
    data = view_data(view, title=title, banner=banner)
    # Only our two scripts may run (by hash): were any markup ever injected, the browser
    # would still refuse its inline handlers and scripts.
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src "
           + " ".join(f"'sha256-{_sha256(s)}'" for s in (js, _PAGE_JS)))
    parts = {"CSP": csp, "VIS_CSS": css, "VIS_JS": js, "PAGE_JS": _PAGE_JS, "DATA": script_json(data)}
    # one pass, so no inserted text is ever searched for another slot
    return re.sub(r"/\*(CSP|VIS_CSS|VIS_JS|PAGE_JS|DATA)\*/", lambda m: parts[m.group(1)], _PAGE)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _title(focus, depth, meeting) -> str:
    parts = []
    if meeting:
        parts.append(f"meeting {meeting}")
    if focus:
        parts.append(f"{depth} hop{'s' if depth != 1 else ''} from {focus}")
    return "Accountability network" + (f": {'; '.join(parts)}" if parts else "")


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _check_path(path) -> Path:
    path = Path(path)
    if path.exists() and path.is_dir():
        raise GovkgError(f"{path} is a folder; give -o a file name such as {path / 'accountability.html'}")
    return path


def _write(path: Path, view: nx.MultiDiGraph, hidden: int, note: str, empty: bool, title: str,
           depth: int | None = None) -> ViewInfo:
    """Write the page; `depth`: the view is a focus's (cut nearest first, `nearest`)."""
    banner = None
    if hidden and depth is not None:
        banner = (f"Showing the {view.number_of_nodes()} nodes nearest the focus: {hidden} or more others within "
                  f"{depth} hop{'s' if depth != 1 else ''} are hidden (the nearest first; of each node's links, "
                  "people and bodies, then the most recent meetings and actions). Use --depth 1 or --meeting ID "
                  "to see one part in full.")
    elif hidden:
        banner = (f"Showing {view.number_of_nodes()} of {view.number_of_nodes() + hidden} nodes: {hidden} "
                  "less connected nodes are hidden. Use --focus NAME or --meeting ID to see one part in full.")
    elif empty:
        banner = "The graph is empty: build some minutes first (govkg build FILE), then run govkg viz again."
    if note:
        banner = f"{banner} {note}." if banner else f"{note}."
    _write_atomic(path, render_page(view, title=title, banner=banner))
    return ViewInfo(path=path, nodes=view.number_of_nodes(), edges=view.number_of_edges(),
                    truncated=hidden > 0, hidden=hidden, note=note)


def write_graph_view(g: nx.MultiDiGraph, path, *, focus: str | None = None, depth: int = 2,
                     meeting: str | None = None, max_nodes: int = 1500) -> ViewInfo:
    """write_view for an accountability graph already in hand."""
    path = _check_path(path)
    view, hidden = select_view(g, focus=focus, depth=depth, meeting=meeting, max_nodes=max_nodes)
    note = focus_note(g.subgraph(meeting_nodes(g, meeting)) if meeting else g, focus) if focus else ""
    return _write(path, view, hidden, note, g.number_of_nodes() == 0, _title(focus, depth, meeting),
                  depth if focus else None)


def focused_view(index, focus: str, depth: int = 2, max_nodes: int = 1500) -> tuple[nx.MultiDiGraph, int, str]:
    """What a --focus view draws, how many nodes it found and left out to fit `max_nodes`
    (`nearest`), and what to say about the name: grown nearest first from the nodes the
    name fits, reading from the text index the links of the nodes it follows and no
    others, then the drawn nodes' rows, labels and details.  The same nodes, edges and
    details as `select_view` of the whole network, without reading the whole network or
    the whole neighbourhood."""
    from kg import textindex
    from kg.network import graph_of_tuples
    if depth < 0:
        raise UsageError(f"--depth {depth}: give 0 or more hops")
    if max_nodes < 1:
        raise UsageError(f"max_nodes {max_nodes}: give 1 or more")
    want = _fold(focus)
    if not want:
        raise UsageError("--focus needs a name, e.g. --focus \"Julia Hassall\"")
    # the nodes the name may fit, each with the label and type the whole network gives it:
    # the name's matches are found among them alone
    near = textindex.nodes_labelled(index, fold=want) | textindex.nodes_labelled(index, bare=_bare(focus)) | {focus}
    fits = _nodes_as_drawn(index, near)
    if not _find_strict(fits, focus):
        near |= textindex.nodes_labelled(index, contains=want)
        fits = _nodes_as_drawn(index, near)
    centres = find_nodes(fits, focus)
    if not centres:
        close = _close_labels(focus, textindex.hub_names(index))
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise GovkgError(f"--focus {_one_line(focus)!r} matches no person, organisation or other node in the graph{hint}. "
                         "Try one of those, or `govkg query --name people` to list names")
    ids = {textindex.node_id(n): n for n in centres}
    iris = dict(ids)

    def iris_of(nodes):
        iris.update(textindex.iris_of(index, [n for n in nodes if n not in iris]))
        return {n: iris[n] for n in nodes}

    keep, hidden = nearest(list(ids), depth, max_nodes, lambda ns: textindex.neighbour_lists(index, ns), iris_of)
    drawn = {n: iris[n] for n in keep}
    rows, labels, types = textindex.drawn_rows(index, drawn)
    # a centre with no edge among the kept nodes (--depth 0) is drawn as the name found it
    for n in (c for c in centres if c in drawn.values()):
        labels.setdefault(n, fits.nodes[n]["label"])
        types.setdefault(n, fits.nodes[n]["type"])
    named = set(drawn.values())
    view = graph_of_tuples(rows, textindex.alias_list_rows(index, named), textindex.action_detail_list_rows(index, named),
                           kinds=(labels, types), nodes=named, drawn=True)
    return view, hidden, focus_note(fits, focus)


def _nodes_as_drawn(index, nodes: set[str]) -> nx.MultiDiGraph:
    """The graph of those of `nodes` some edge of the network touches, without edges: each
    with the label, type, aliases and details the whole network gives it."""
    from kg import textindex
    from kg.network import graph_of_tuples
    ids = {textindex.node_id(n): n for n in nodes}
    _rows, labels, types = textindex.drawn_rows(index, ids)
    found = set(labels)
    return graph_of_tuples((), textindex.alias_list_rows(index, found), textindex.action_detail_list_rows(index, found),
                           kinds=(labels, types), nodes=found, drawn=True)


def _cut_links(index, max_nodes: int, store=None) -> tuple[nx.MultiDiGraph, int]:
    """The graph of the whole network cut to `max_nodes` as `truncate` cuts it, from the
    nodes' degrees (the text index's `network_links`) and the links of the hubs the cut
    reaches alone, with the rows, labels and details of the nodes drawn.  With `store`, the
    cut is kept in the store folder's index for the next view of the same store state."""
    from kg import textindex
    from kg.network import graph_of_tuples
    if store is not None:
        # the degrees are a pass over every row of the network (seconds at 10,000
        # documents) and give the same cut until the store changes
        hidden, drawn = textindex.remembered(store, f"view: whole store cut to {max_nodes}",
                                             lambda: _whole_cut(index, max_nodes))
        drawn_iris = {textindex.node_id(n): n for n in drawn}
    else:
        hidden, drawn = _whole_cut(index, max_nodes)
        drawn_iris = {textindex.node_id(n): n for n in drawn}
    rows, labels, types = textindex.drawn_rows(index, drawn_iris)
    named = set(drawn_iris.values())
    return graph_of_tuples(rows, textindex.alias_list_rows(index, named),
                           textindex.action_detail_list_rows(index, named), kinds=(labels, types),
                           nodes=named, drawn=True), hidden


def _whole_cut(index, max_nodes: int) -> list:
    """[how many nodes the whole store's view leaves out, the IRIs it draws (sorted)]."""
    from kg import textindex
    links = textindex.network_links(index, hub_links=False)
    degree = links.degree
    nodes = degree.keys()
    hidden = 0
    iris: dict[int, str] = {}

    def keys(ids):
        iris.update(textindex.iris_of(index, [n for n in ids if n not in iris]))
        return {n: iris[n] for n in ids}

    drawn = set(nodes)
    if len(nodes) > max_nodes:
        # the links and types of the few dozen hubs the cut visits are read, not every
        # person's and body's (a council's decade of minutes: most rows have one at an end)
        near: dict[int, set[int]] = {}

        def neighbours(n) -> set[int]:
            if n not in near:
                near.update(textindex.neighbour_lists(index, [n]))
            return near[n]

        def which_hubs(ids) -> set[int]:
            return {n for n, kind in textindex.node_types_of(index, ids).items() if kind in HUB_TYPES}

        drawn = cut(degree, neighbours, links.maybe & nodes, max_nodes, keys, which_hubs)
        hidden = len(nodes) - len(drawn)
    return [hidden, sorted(keys(drawn).values())]


def _meetings_in(g) -> list:
    return [n for n, a in g.nodes(data=True) if a.get("type") == "meeting"]


def _meeting_part(index, meeting: str) -> tuple[set[int], dict[int, str]]:
    """The part of the network a --meeting view draws from, read from the text index: the
    node_ids of the meetings `meeting` names and of what hangs off them, found as
    `meeting_nodes` finds them in the whole network (without reading the whole network), and
    the types the whole network gives the nodes their look-up needed."""
    from kg import textindex
    if not _fold(meeting):
        raise UsageError(_NO_MEETING)
    want = _fold(_as_iso_date(meeting) or meeting)
    as_named = _nodes_as_drawn(index, {meeting})
    if meeting in _meetings_in(as_named):
        chosen = [meeting]
    else:
        # a meeting's label holds `want` only if one of the texts it may be labelled by does
        # (the view's look-up table holds them all, folded): those are the candidates
        near = textindex.nodes_labelled(index, contains=want)
        if ":" in want:  # (an IRI has a colon, folded or not)
            near |= {m for m in textindex.meeting_iris(index) | {meeting, want} if _fold(m) == want}
        # only a node some row reaches as a meeting can be one: a year or a word fits
        # thousands of other texts, whose labels and types need not be read
        fits = _nodes_as_drawn(index, textindex.reached_as(index, near, "meeting"))
        chosen = [m for m in _meetings_in(fits) if want in _fold(fits.nodes[m].get("label", "")) or want == _fold(m)]
        if not chosen:  # a slug of the IRI
            every = textindex.meeting_iris(index, every=True)
            chosen = _meetings_in(_nodes_as_drawn(index, textindex.reached_as(
                index, {m for m in every if want in _fold(m)}, "meeting")))
        if not chosen:
            whole = _nodes_as_drawn(index, every)
            labels = sorted({whole.nodes[m].get("label", m) for m in _meetings_in(whole)})
            close = _close_labels(meeting, labels) or labels[:5]
            hint = f"; meetings in the graph include: {', '.join(close)}" if close else "; the graph has no meetings"
            raise GovkgError(f"--meeting {_one_line(meeting)!r} matches no meeting IRI, date or body name{hint}")
    # what `meeting_nodes` keeps: the meetings' neighbours, their items' neighbours (presenters,
    # decisions, actions), and whoever owns an action or decision kept so far
    keep = {textindex.node_id(m) for m in chosen}
    near = textindex.adjacent(index, keep)
    types = textindex.node_types_of(index, near)
    keep |= near
    keep |= textindex.adjacent(index, {n for n in near if types.get(n) == "item"})
    types.update(textindex.node_types_of(index, keep - types.keys()))
    keep |= textindex.adjacent(index, {n for n in keep if types.get(n) in ("action", "decision")}, forward=False)
    return keep, types


def _nodes_with_rows(index, drawn: dict[int, str]):
    """The graph of the `drawn` nodes (node_id -> IRI) and every row among them, each node
    with the label, type, aliases and details the whole network gives it."""
    from kg import textindex
    from kg.network import graph_of_tuples
    rows, labels, types = textindex.drawn_rows(index, drawn)
    named = set(drawn.values())
    return graph_of_tuples(rows, textindex.alias_list_rows(index, named), textindex.action_detail_list_rows(index, named),
                           kinds=(labels, types), nodes=named, drawn=True)


def meeting_view(index, meeting: str, *, focus: str | None = None, depth: int = 2, max_nodes: int = 1500):
    """What a --meeting view draws (with --focus, the name's neighbourhood within it), how
    many nodes it leaves out to fit `max_nodes` and what to say about the name: `select_view`
    of the whole network, from the meeting's part alone (`_meeting_part`), each node with
    the label, type, aliases and details the whole network gives it."""
    if depth < 0:
        raise UsageError(f"--depth {depth}: give 0 or more hops")
    if max_nodes < 1:
        raise UsageError(f"max_nodes {max_nodes}: give 1 or more")
    from kg import textindex
    keep, types = _meeting_part(index, meeting)
    if not focus and len(keep) > max_nodes:
        # too many to draw (a body's every meeting): cut from the part's degrees and links
        # (summed in SQL), and only the drawn nodes' rows and texts read
        return (*_cut_part(index, keep, types, max_nodes), "")
    part = _nodes_with_rows(index, textindex.iris_of(index, keep))
    view, hidden = select_view(part, focus=focus, depth=depth, max_nodes=max_nodes)
    return view, hidden, focus_note(part, focus) if focus else ""


def _cut_part(index, keep: set[int], types: dict[int, str], max_nodes: int):
    """`truncate` of the whole network's subgraph of `keep` (node_ids, with the types the
    whole network gives them), and how many nodes it leaves out: the subgraph's degrees and
    its hubs' links from the text index's integers, the drawn nodes' rows, labels and
    details read for them alone, as the whole network gives them."""
    from kg import textindex
    types = {**types, **textindex.node_types_of(index, keep - types.keys())}
    textindex.scope_of(index, keep)
    links = textindex.network_links(index, scoped=True)
    degree = {n: links.degree.get(n, 0) for n in keep}
    hubs = {n for n in keep if types.get(n) in HUB_TYPES}
    adjacent = dict(links.hub_links) if hubs else textindex.network_adjacency(index, scoped=True)
    # a hub by a row from outside the part (an organisation's edge) has its links read apart
    adjacent.update(textindex.scope_neighbours(index, hubs - adjacent.keys()))
    iris: dict[int, str] = {}

    def keys(ids):
        iris.update(textindex.iris_of(index, [n for n in ids if n not in iris]))
        return {n: iris[n] for n in ids}

    drawn = cut(degree, lambda n: adjacent.get(n, set()), hubs, max_nodes, keys)
    return _nodes_with_rows(index, keys(drawn)), len(keep) - len(drawn)


def whole_view(index, max_nodes: int = 1500, store=None) -> tuple[nx.MultiDiGraph, int]:
    """What the view of the whole store draws and how many nodes it leaves out: cut from
    the network's degrees and links (summed in SQL from the text index) before any row's
    texts are read, the rows, labels and details read for the nodes drawn alone.  The same
    as `select_view` of the whole network.  `store` (read-only, no writer at work): the
    cut is kept in its folder's index for the views of the same store state after it."""
    if max_nodes < 1:
        raise UsageError(f"max_nodes {max_nodes}: give 1 or more")
    return _cut_links(index, max_nodes, store)


def write_view(store, path, *, focus: str | None = None, depth: int = 2, meeting: str | None = None,
               max_nodes: int = 1500) -> ViewInfo:
    """Write the accountability network of `store` as one offline HTML page at `path`.

    focus: a name (any case; exact label, else part of one): only nodes within `depth` hops.
    meeting: a meeting IRI, date or body name: that meeting, its items, decisions, actions,
    attendees and owners.  Over `max_nodes`, the best-connected people and organisations
    and their neighbours are kept, and the page says how many nodes were hidden.
    """
    from kg import textindex
    index = textindex.reader_index(store)
    if index is not None:
        # a focused view reads the focus's neighbourhood only, a meeting's view that meeting's
        # part, and no view reads the details of what it does not draw (the whole network of a
        # council's decade of minutes takes seconds to turn into a graph, most of it never drawn)
        path = _check_path(path)
        if meeting:
            view, hidden, note = meeting_view(index, meeting, focus=focus, depth=depth, max_nodes=max_nodes)
        elif focus:
            view, hidden, note = focused_view(index, focus, depth, max_nodes)
        else:
            (view, hidden), note = whole_view(index, max_nodes, store), ""
        return _write(path, view, hidden, note, view.number_of_nodes() == 0 and not hidden,
                      _title(focus, depth, meeting), depth if focus else None)
    from kg.network import accountability_graph
    return write_graph_view(accountability_graph(store), path, focus=focus, depth=depth, meeting=meeting,
                            max_nodes=max_nodes)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="/*CSP*/">
<title>govkg: accountability network</title>
<style>/*VIS_CSS*/</style>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
  body { display: flex; flex-direction: column; }
  header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 12px; background: #f4f4f2; border-bottom: 1px solid #ddd; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; }
  #govkg-search { display: flex; gap: 4px; align-items: center; }
  #govkg-search input { width: 260px; padding: 4px 6px; font: inherit; }
  #govkg-search button, #govkg-fit { font: inherit; padding: 3px 10px; }
  #govkg-status { color: #555; }
  #govkg-banner { background: #fff3cd; color: #664d03; border-bottom: 1px solid #e9d48b; padding: 6px 12px; }
  #govkg-banner[hidden] { display: none; }
  main { flex: 1; display: flex; min-height: 0; }
  aside { width: 250px; overflow-y: auto; border-right: 1px solid #ddd; padding: 8px 12px; background: #fbfbfa; }
  aside h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: #666; margin: 10px 0 6px; }
  #govkg-legend label { display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }
  #govkg-legend .glyph { width: 18px; text-align: center; font-size: 16px; }
  #govkg-legend .count { margin-left: auto; color: #777; font-size: 12px; }
  #govkg-details { font-size: 13px; overflow-wrap: anywhere; }
  #govkg-details .iri { color: #777; font-size: 11px; word-break: break-all; }
  #govkg-details ul { padding-left: 16px; margin: 6px 0; }
  #govkg-details li { margin-bottom: 6px; }
  #govkg-details q, .govkg-tip q { font-style: italic; color: #333; }
  #govkg-network { flex: 1; min-width: 0; position: relative; }
  .govkg-tip { max-width: 420px; white-space: normal; font: 13px/1.35 system-ui, sans-serif; }
  .govkg-tip b { display: block; margin-bottom: 2px; }
  .govkg-tip .kind { color: #666; font-size: 12px; }
  div.vis-tooltip { white-space: normal; }
</style>
</head>
<body>
<header>
  <h1 id="govkg-title">Accountability network</h1>
  <form id="govkg-search" role="search" autocomplete="off">
    <input id="govkg-query" type="search" list="govkg-names" placeholder="Find a person, body, action..." aria-label="Find a node by name">
    <datalist id="govkg-names"></datalist>
    <button type="submit">Find</button>
  </form>
  <button id="govkg-fit" type="button">Show all</button>
  <span id="govkg-status" role="status"></span>
</header>
<div id="govkg-banner" role="alert" hidden></div>
<main>
  <aside>
    <h2>Node types</h2>
    <div id="govkg-legend"></div>
    <h2>Selected</h2>
    <div id="govkg-details">Click a node, or find one by name, to see its links and the sentences they come from.</div>
  </aside>
  <div id="govkg-network"></div>
</main>
<span id="govkg-node-count" hidden></span>
<span id="govkg-edge-count" hidden></span>
<script id="govkg-data" type="application/json">/*DATA*/</script>
<script>/*VIS_JS*/</script>
<script>/*PAGE_JS*/</script>
</body>
</html>
"""

# The page's own script: every text from the data goes through textContent.
_PAGE_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("govkg-data").textContent);
  var S = DATA.styles;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  document.getElementById("govkg-title").textContent = DATA.title;
  document.title = "govkg: " + DATA.title;
  if (DATA.banner) {
    var banner = document.getElementById("govkg-banner");
    banner.textContent = DATA.banner;
    banner.hidden = false;
  }
  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });

  function nodeTip(n) {
    var d = el("div", null, "govkg-tip");
    d.appendChild(el("b", n.full));
    if (n.facts) d.appendChild(el("div", n.facts.join(" \u00b7 ")));
    if (n.aliases && n.aliases.length) d.appendChild(el("div", "also: " + n.aliases.join(", "), "kind"));
    d.appendChild(el("span", S[n.type].name + " \u00b7 " + n.iri, "kind"));
    return d;
  }
  function edgeTip(e) {
    var d = el("div", null, "govkg-tip");
    d.appendChild(el("b", byId[e.from].full + " \u2014 " + e.relation + " \u2192 " + byId[e.to].full));
    if (e.evidence) d.appendChild(el("q", e.evidence));
    else d.appendChild(el("span", "(no sentence recorded)", "kind"));
    return d;
  }

  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return { id: n.id, label: n.label, group: n.type, value: n.value, title: nodeTip(n) };
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    var d = { id: e.id, from: e.from, to: e.to, label: e.label, title: edgeTip(e) };
    if (e.absent) {  // apologies: not there, so drawn dashed, in another colour, further off
      d.dashes = [6, 6]; d.length = 260; d.color = { color: "#c0392b", highlight: "#7b241c", hover: "#7b241c" };
      d.font = { color: "#c0392b" };
    }
    return d;
  }));

  var hiddenTypes = {};
  var nodesView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes[n.group]; } });
  var edgesView = new vis.DataView(edges, { filter: function (e) {
    return !hiddenTypes[byId[e.from].type] && !hiddenTypes[byId[e.to].type];
  } });

  var groups = {};
  Object.keys(S).forEach(function (t) {
    groups[t] = { shape: S[t].shape, color: { background: S[t].color, border: "#444",
      highlight: { background: S[t].color, border: "#000" }, hover: { background: S[t].color, border: "#000" } } };
  });
  var big = DATA.big;
  var crowded = DATA.nodes.length > 40;  // space the nodes out so that their labels have room
  var FONT = 14;  // label size in screen pixels, whatever the zoom
  var options = {
    groups: groups,
    nodes: { scaling: { min: 10, max: 30, label: { enabled: false } },
             font: { size: FONT, color: "#222", strokeWidth: 3, strokeColor: "#fff", multi: false }, borderWidth: 1 },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, color: { color: "#9a9a9a", highlight: "#333", hover: "#333" },
             font: { size: 9, color: "#555", strokeWidth: 3, strokeColor: "#fff", align: "middle" },
             smooth: big ? false : { type: "dynamic" }, width: 1 },
    physics: { enabled: true, solver: "barnesHut",
               barnesHut: { gravitationalConstant: crowded ? -9000 : -2500, centralGravity: crowded ? 0.25 : 0.6,
                            springLength: crowded ? 150 : 85, springConstant: 0.04, avoidOverlap: crowded ? 1 : 0.2 },
               stabilization: { enabled: true, iterations: big ? 100 : 400, updateInterval: 25, fit: true } },
    layout: { improvedLayout: DATA.nodes.length <= 150, randomSeed: 7 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false }
  };
  var container = document.getElementById("govkg-network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, options);

  var ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    document.getElementById("govkg-node-count").textContent = String(nodesView.length);
    document.getElementById("govkg-edge-count").textContent = String(edgesView.length);
    document.body.setAttribute("data-govkg-ready", "true");
    window.govkgReady = true;
  }
  // Labels that would lie on top of one another are not drawn: the best-connected node
  // keeps its label, the others show theirs as the reader zooms in (labels keep their
  // screen size, so zooming in makes room).  Each label's box is measured with the
  // canvas's own font metrics, in canvas coordinates at the current scale.
  var measure = document.createElement("canvas").getContext("2d");
  var shownLabel = {}, shownSize = {};
  function labelBox(n, p, scale) {
    var lines = n.label.split("\n"), w = 0, size = FONT / scale;
    measure.font = FONT + "px " + "arial";
    lines.forEach(function (l) { w = Math.max(w, measure.measureText(l).width); });
    w = w / scale; var h = lines.length * size * 1.25;
    var body = network.body.nodes[n.id], r = body && body.shape ? (body.shape.height || body.shape.radius * 2 || 20) / 2 : 15;
    var pad = 3 / scale;
    return { l: p.x - w / 2 - pad, r: p.x + w / 2 + pad, t: p.y + r, b: p.y + r + h + 2 * pad };
  }
  function declutter() {
    var scale = network.getScale(), pos = network.getPositions();
    var order = DATA.nodes.filter(function (n) { return !hiddenTypes[n.type] && pos[n.id]; })
      .sort(function (a, b) { return (b.value - a.value) || (a.id - b.id); });
    var placed = [], updates = [];
    order.forEach(function (n) {
      var box = labelBox(n, pos[n.id], scale);
      var free = placed.every(function (o) { return box.r < o.l || box.l > o.r || box.b < o.t || box.t > o.b; });
      if (free) placed.push(box);
      var size = FONT / scale;
      if (shownLabel[n.id] !== free || shownSize[n.id] !== size) {  // unchanged nodes are left alone,
        shownLabel[n.id] = free; shownSize[n.id] = size;            // so the layout is not disturbed
        updates.push({ id: n.id, label: free ? n.label : "", font: { size: size } });
      }
    });
    if (updates.length) nodes.update(updates);
    document.body.setAttribute("data-govkg-labels", String(placed.length));
  }
  var declutterTimer = null;
  function declutterSoon() {
    clearTimeout(declutterTimer);
    declutterTimer = setTimeout(declutter, 120);
  }
  network.on("zoom", declutterSoon);
  network.on("dragEnd", declutterSoon);
  // once laid out (a crowded graph then stops moving), the labels are chosen for that
  // layout, and again whenever it settles after a drag and on every zoom
  var settled = false;
  function settle() {
    if (!settled && crowded) network.setOptions({ physics: { enabled: false } });
    settled = true;
    declutter();
  }
  network.once("stabilizationIterationsDone", settle);
  network.on("stabilized", settle);
  network.on("afterDrawing", function () { if (settled) markReady(); });
  if (!DATA.nodes.length) { settled = true; markReady(); }
  if (DATA.nodes.length === 0) markReady();

  // legend with type filters
  var counts = {};
  DATA.nodes.forEach(function (n) { counts[n.type] = (counts[n.type] || 0) + 1; });
  var legend = document.getElementById("govkg-legend");
  Object.keys(S).forEach(function (t) {
    if (!counts[t] && t === "other") return;
    var row = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = t;
    box.setAttribute("data-type", t);
    box.disabled = !counts[t];
    box.addEventListener("change", function () {
      if (box.checked) delete hiddenTypes[t]; else hiddenTypes[t] = true;
      nodesView.refresh(); edgesView.refresh();
      status(nodesView.length + " of " + DATA.nodes.length + " nodes shown");
    });
    var glyph = el("span", S[t].glyph, "glyph");
    glyph.style.color = S[t].color;
    row.appendChild(box); row.appendChild(glyph); row.appendChild(el("span", S[t].name));
    row.appendChild(el("span", String(counts[t] || 0), "count"));
    legend.appendChild(row);
  });

  function status(text) { document.getElementById("govkg-status").textContent = text; }
  status(DATA.nodes.length + " nodes, " + DATA.edges.length + " links");

  // details of the selected node: its links and their sentences
  function showDetails(id) {
    var n = byId[id], box = document.getElementById("govkg-details");
    box.textContent = "";
    if (!n) { box.textContent = "Nothing selected."; return; }
    box.appendChild(el("b", n.full));
    box.appendChild(el("div", S[n.type].name));
    if (n.facts) box.appendChild(el("div", n.facts.join(" \u00b7 ")));
    if (n.aliases && n.aliases.length) box.appendChild(el("div", "also called: " + n.aliases.join(", ")));
    box.appendChild(el("div", n.iri, "iri"));
    var list = el("ul");
    DATA.edges.forEach(function (e) {
      if (e.from !== id && e.to !== id) return;
      var li = el("li");
      li.appendChild(el("span", e.from === id ? e.relation + " \u2192 " + byId[e.to].full
                                              : byId[e.from].full + " \u2192 " + e.relation));
      if (e.evidence) { li.appendChild(document.createElement("br")); li.appendChild(el("q", e.evidence)); }
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  network.on("click", function (p) { if (p.nodes.length) showDetails(p.nodes[0]); });

  // search by name
  var names = document.getElementById("govkg-names");
  var seen = {};
  DATA.nodes.forEach(function (n) {
    [n.full].concat(n.aliases || []).forEach(function (name) {
      if (seen[name] || names.childNodes.length >= 5000) return;
      seen[name] = true;
      var o = document.createElement("option"); o.value = name; names.appendChild(o);
    });
  });
  // every alias counts: initials ("MW"), surnames, posts ("the Clerk"), acronyms ("DfE");
  // case, typographic quotes and a leading "the" or title do not matter
  function fold(t) {
    return String(t).normalize("NFKC").replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'")
      .replace(/[\u201c\u201d\u201e]/g, '"').replace(/\s+/g, " ").trim().toLowerCase()
      .replace(/^(?:(?:the|cllr|councillor|mr|mrs|ms|miss|dr)\.? )+/, "");
  }
  function find(q) {
    var w = fold(q); if (!w) return null;
    var exact = null, alias = null, starts = null, part = null;
    var hub = function (n) { return n.type === "person" || n.type === "organisation"; };
    DATA.nodes.forEach(function (n) {
      var l = fold(n.full);
      if (l === w) { if (exact === null) exact = n; return; }
      if ((n.aliases || []).some(function (a) { return fold(a) === w; })) {
        if (alias === null || (hub(n) && !hub(alias))) alias = n; return;
      }
      if (l.indexOf(w) === 0) { if (starts === null) starts = n; }
      else if (l.indexOf(w) > 0 || (n.aliases || []).some(function (a) { return fold(a).indexOf(w) >= 0; })) {
        if (part === null) part = n;
      }
    });
    return exact || alias || starts || part;
  }
  function focusNode(n) {
    if (hiddenTypes[n.type]) {
      delete hiddenTypes[n.type];
      var box = legend.querySelector('input[data-type="' + n.type + '"]');
      if (box) box.checked = true;
      nodesView.refresh(); edgesView.refresh();
    }
    network.selectNodes([n.id]);
    network.focus(n.id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails(n.id);
    status("Found: " + n.full);
  }
  document.getElementById("govkg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("govkg-query").value, n = find(q);
    if (n) focusNode(n); else status("No node matches \u201c" + q + "\u201d");
  });
  document.getElementById("govkg-fit").addEventListener("click", function () {
    network.unselectAll(); network.fit({ animation: { duration: 300 } });
  });

  window.govkg = { network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
                   find: find, focusNode: focusNode, declutter: declutter, labelBox: labelBox };
})();
"""
