"""viz: the HTML view is offline, shows what was asked for, and shows hostile text as text."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV

from kg.errors import GovkgError, UsageError
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE, GOV, OA, ORG, SCHEMA
from kg.viz import ViewInfo, script_json, write_graph_view, write_view

ID = DEFAULT_BASE
DOC = URIRef(ID + "source/minutes-0123456789")
ALICE = URIRef(ID + "person/alice-smith")
BOB = URIRef(ID + "person/bob-hostile")
CAROL = URIRef(ID + "person/carol-jones")
BOARD = URIRef(ID + "org/childrens-trust-board")
M1 = URIRef(ID + "meeting/childrens-trust-board/2016-03-14")
M2 = URIRef(ID + "meeting/childrens-trust-board/2016-06-20")
ITEM = URIRef(f"{M1}/item/0123456789-0")
ACT = URIRef(f"{M1}/action/0123456789-0")
DEC = URIRef(f"{M1}/decision/0123456789-0")
DECL = URIRef(f"{M1}/declaration/0123456789-0")

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_EVIDENCE = "Bob will circulate the plan.</script><script>window.__pwned=1</script>"
HOSTILE_INTEREST = 'Governor at <b>Hillside</b> School "&" \u2028 trust'

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def _passage(g: Graph, n: int, quote: str) -> URIRef:
    p = URIRef(f"{DOC}/passage/{n}-{n + len(quote)}")
    g.add((p, RDF.type, GOV.Passage))
    g.add((p, OA.exact, Literal(quote)))
    return p


def hostile_graph() -> Graph:
    """10 nodes and 12 edges of the accountability network, with hostile text in names and quotes."""
    g = Graph()
    for iri, name in ((ALICE, "Alice Smith"), (BOB, HOSTILE_NAME), (CAROL, "Carol Jones")):
        g.add((iri, RDF.type, FOAF.Person))
        g.add((iri, FOAF.name, Literal(name)))
    g.add((BOARD, RDF.type, ORG.Organization))
    g.add((BOARD, FOAF.name, Literal("Children's Trust Board")))
    g.add((ALICE, ORG.memberOf, BOARD))
    for m, date in ((M1, "2016-03-14"), (M2, "2016-06-20")):
        g.add((m, RDF.type, GOV.Meeting))
        g.add((m, RDFS.label, Literal(f"Children's Trust Board {date}")))
        g.add((m, GOV.body, BOARD))
    g.add((ITEM, RDF.type, GOV.AgendaItem))
    g.add((ITEM, GOV.meeting, M1))
    g.add((ITEM, DCTERMS.title, Literal("Safeguarding report")))
    g.add((ITEM, GOV.presenter, ALICE))
    g.add((ACT, RDF.type, GOV.Action))
    g.add((ACT, GOV.meeting, M1))
    g.add((ACT, GOV.item, ITEM))
    g.add((ACT, GOV.text, Literal("Circulate the safeguarding plan")))
    g.add((ACT, SCHEMA.agent, BOB))
    g.add((ACT, PROV.wasDerivedFrom, _passage(g, 100, HOSTILE_EVIDENCE)))
    g.add((DEC, RDF.type, GOV.Decision))
    g.add((DEC, GOV.meeting, M1))
    g.add((DEC, GOV.item, ITEM))
    g.add((DEC, GOV.text, Literal("The report was noted.")))
    g.add((DECL, RDF.type, GOV.Declaration))
    g.add((DECL, GOV.person, ALICE))
    g.add((DECL, GOV.interest, Literal(HOSTILE_INTEREST)))
    for n, (who, m, role) in enumerate(((ALICE, M1, "chair"), (BOB, M1, "present"), (CAROL, M2, "present"))):
        att = URIRef(f"{m}/attendance/0123456789-{n}")
        g.add((att, RDF.type, GOV.Attendance))
        g.add((att, GOV.person, who))
        g.add((att, GOV.meeting, m))
        g.add((att, GOV.role, Literal(role)))
        g.add((att, PROV.wasDerivedFrom, _passage(g, 10 * n, f"Attendance line {n}")))
    return g


def hostile_store() -> GraphStore:
    store = GraphStore(None)
    store.replace_graph(ID + "graph/minutes-0123456789", ID + "staging/minutes-0123456789", hostile_graph())
    return store


@pytest.fixture()
def store():
    return hostile_store()


def page_data(html: str) -> dict:
    m = re.search(r'<script id="govkg-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "the page carries its data as JSON"
    return json.loads(m.group(1))


def _tags(html: str) -> list[tuple[str, dict]]:
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    p = Tags()
    p.feed(html)
    return p.tags


def labels(html: str) -> set[str]:
    return {n["full"] for n in page_data(html)["nodes"]}


# -- offline ------------------------------------------------------------------------------
def test_page_is_offline_and_self_contained(store, tmp_path):
    info = write_view(store, tmp_path / "deep" / "folder" / "view.html")
    assert isinstance(info, ViewInfo)
    html = info.path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\']?\s*(https?:)?//', html, re.I), "no network references"
    assert 'src="http' not in html and 'href="http' not in html
    assert "<link" not in html.lower() and "bootstrap" not in html.lower()
    assert "vis.Network" in html and len(html) > 400_000, "vis-network is inlined"
    assert "default-src 'none'" in html, "a CSP forbids any fetch"
    assert list(info.path.parent.iterdir()) == [info.path], "no temporary file is left behind"


def test_node_and_edge_counts(store, tmp_path):
    info = write_view(store, tmp_path / "v.html")
    assert (info.nodes, info.edges, info.truncated) == (10, 12, False)
    data = page_data(info.path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 12
    types = {n["full"]: n["type"] for n in data["nodes"]}
    assert types["Alice Smith"] == "person" and types["Children's Trust Board"] == "organisation"
    assert types["Circulate the safeguarding plan"] == "action" and types["Safeguarding report"] == "item"
    assert types["The report was noted."] == "decision" and types[HOSTILE_INTEREST] == "declaration"
    assert types["Children's Trust Board 2016-03-14"] == "meeting"
    relations = {e["relation"] for e in data["edges"]}
    assert {"must do", "presented", "chair", "present", "member of", "declared", "item of",
            "raised at", "decided at", "met as"} <= relations
    evidence = {e["evidence"] for e in data["edges"] if e["relation"] == "must do"}
    assert evidence == {HOSTILE_EVIDENCE}, "the tooltip data carries the evidence sentence"


def test_rewrite_replaces_atomically(store, tmp_path):
    out = tmp_path / "v.html"
    out.write_text("old")
    write_view(store, out, focus="Carol Jones", depth=1)
    assert "Carol Jones" in labels(out.read_text(encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == ["v.html"]


# -- focus, depth, meeting ---------------------------------------------------------------
@pytest.mark.parametrize("focus, depth, expected", [
    ("carol jones", 0, {"Carol Jones"}),
    ("CAROL JONES", 1, {"Carol Jones", "Children's Trust Board 2016-06-20"}),
    ("Carol Jones", 2, {"Carol Jones", "Children's Trust Board 2016-06-20", "Children's Trust Board"}),
    ("alice smith", 1, {"Alice Smith", "Children's Trust Board", "Safeguarding report",
                        "Children's Trust Board 2016-03-14", HOSTILE_INTEREST}),
    ("Jones", 1, {"Carol Jones", "Children's Trust Board 2016-06-20"}),  # part of a name
])
def test_focus_and_depth_restrict(store, tmp_path, focus, depth, expected):
    info = write_view(store, tmp_path / "v.html", focus=focus, depth=depth)
    assert labels(info.path.read_text(encoding="utf-8")) == expected
    assert info.nodes == len(expected)


def test_depth_grows_the_view(store, tmp_path):
    sizes = [write_view(store, tmp_path / f"{d}.html", focus="Carol Jones", depth=d).nodes for d in range(5)]
    assert sizes == sorted(sizes) and sizes[0] == 1 and sizes[-1] > sizes[1]


def test_unknown_focus_lists_close_names(store, tmp_path):
    with pytest.raises(GovkgError) as e:
        write_view(store, tmp_path / "v.html", focus="Alise Smyth")
    msg = str(e.value)
    assert "Alise Smyth" in msg and "Alice Smith" in msg and "\n" not in msg
    assert not (tmp_path / "v.html").exists(), "no page is written for a failed view"


def test_negative_depth_is_a_usage_error(store, tmp_path):
    with pytest.raises(UsageError):
        write_view(store, tmp_path / "v.html", focus="Carol Jones", depth=-1)


@pytest.mark.parametrize("meeting", ["2016-03-14", "14 March 2016", str(M1)])
def test_meeting_view(store, tmp_path, meeting):
    info = write_view(store, tmp_path / "v.html", meeting=meeting)
    assert labels(info.path.read_text(encoding="utf-8")) == {
        "Children's Trust Board 2016-03-14", "Children's Trust Board", "Alice Smith", HOSTILE_NAME,
        "Safeguarding report", "Circulate the safeguarding plan", "The report was noted."}


def test_meeting_by_body_name_takes_all_its_meetings(store, tmp_path):
    info = write_view(store, tmp_path / "v.html", meeting="trust board")
    assert {"Children's Trust Board 2016-03-14", "Children's Trust Board 2016-06-20", "Carol Jones"} \
        <= labels(info.path.read_text(encoding="utf-8"))


def test_unknown_meeting_says_which_exist(store, tmp_path):
    with pytest.raises(GovkgError, match="2016-03-14"):
        write_view(store, tmp_path / "v.html", meeting="1999-01-01")


def test_meeting_and_focus_combine(store, tmp_path):
    info = write_view(store, tmp_path / "v.html", meeting="2016-06-20", focus="Carol Jones", depth=5)
    assert labels(info.path.read_text(encoding="utf-8")) == {
        "Carol Jones", "Children's Trust Board 2016-06-20", "Children's Trust Board"}


# -- escaping ----------------------------------------------------------------------------------
def test_hostile_text_never_appears_raw(store, tmp_path):
    html = write_view(store, tmp_path / "v.html").path.read_text(encoding="utf-8")
    for raw in ("<img", "<script>window.__pwned", "</script><script>", "<b>Hillside", "\u2028"):
        assert raw not in html, f"{raw!r} is in the page unescaped"
    # the page's own markup, as a browser's parser sees it: three scripts, no handlers, no images
    tags = _tags(html)
    assert [a.get("id") or a.get("type") for t, a in tags if t == "script"] == ["govkg-data", None, None]
    assert not [(t, a) for t, a in tags if any(k.startswith("on") for k in a)], "no inline event handlers"
    assert not {t for t, _ in tags} & {"img", "iframe", "object", "embed", "svg", "link", "a", "b"}
    assert html.lower().count("</script") == 3
    data = page_data(html)  # ...and the JSON still carries the exact text
    assert HOSTILE_NAME in {n["full"] for n in data["nodes"]}
    assert HOSTILE_INTEREST in {n["full"] for n in data["nodes"]}
    assert HOSTILE_EVIDENCE in {e["evidence"] for e in data["edges"]}


def test_page_script_shows_text_only():
    """The page's own JS never turns data into markup."""
    from kg.viz import _PAGE_JS
    assert "innerHTML" not in _PAGE_JS and "insertAdjacentHTML" not in _PAGE_JS
    assert "document.write" not in _PAGE_JS and "eval(" not in _PAGE_JS
    assert "textContent" in _PAGE_JS


def test_script_json_escapes_everything_that_could_end_a_script():
    s = script_json({"x": "</script><!-- \u2028\u2029 & <b>"})
    assert not set("<>&\u2028\u2029") & set(s)
    assert json.loads(s) == {"x": "</script><!-- \u2028\u2029 & <b>"}


def test_hostile_focus_title_is_data_not_markup(store, tmp_path):
    html = write_view(store, tmp_path / "v.html", focus=HOSTILE_NAME, depth=1).path.read_text(encoding="utf-8")
    assert "<img" not in html
    assert HOSTILE_NAME in page_data(html)["title"]


# -- large graphs ------------------------------------------------------------------------------
def big_graph(people: int = 1500, actions: int = 4500, seed: int = 1) -> nx.MultiDiGraph:
    import random
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(people):
        g.add_node(f"p{i}", label=f"Person {i}", type="person")
    for i in range(actions):
        g.add_node(f"a{i}", label=f"Action {i}", type="action")
        owner = f"p{min(int(rnd.paretovariate(1.2)) - 1, people - 1)}"  # a few very busy owners
        g.add_edge(owner, f"a{i}", relation="must do", evidence=f"Sentence {i}.")
    return g


def test_large_graph_is_truncated_with_a_banner(tmp_path):
    g = big_graph()
    assert g.number_of_nodes() == 6000
    t = time.perf_counter()
    info = write_graph_view(g, tmp_path / "big.html", max_nodes=800)
    assert time.perf_counter() - t < 20
    assert info.truncated and info.nodes == 800 and info.hidden == 5200
    data = page_data(info.path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 800 and data["big"] is True
    assert "5200" in data["banner"] and "--focus" in data["banner"] and "--meeting" in data["banner"]
    kept = {n["full"] for n in data["nodes"]}
    owners = sorted((n for n in g if n.startswith("p")), key=lambda n: (-g.degree(n), n))
    assert owners[0] == "p0" and g.degree("p0") > 800, "one owner alone could fill the view"
    busiest = owners[:10]
    assert all(g.nodes[p]["label"] in kept for p in busiest), "the busiest owners are all kept"
    for p in busiest:  # each with (part of) its neighbourhood
        shown = sum(g.nodes[a]["label"] in kept for a in g.successors(p))
        assert shown >= min(g.degree(p), 40)
    edges = {(e["from"], e["to"]) for e in data["edges"]}
    assert len(edges) == len(data["edges"]) and all(e["to"] < 800 for e in data["edges"])


def test_small_graph_is_not_truncated(store, tmp_path):
    info = write_view(store, tmp_path / "v.html", max_nodes=10)
    assert not info.truncated and page_data(info.path.read_text(encoding="utf-8"))["banner"] is None
    info = write_view(store, tmp_path / "v.html", max_nodes=4)
    assert info.truncated and info.nodes == 4 and info.hidden == 6


def test_empty_store_gives_an_empty_page_that_says_so(tmp_path):
    info = write_view(GraphStore(None), tmp_path / "v.html")
    assert (info.nodes, info.edges) == (0, 0)
    assert "empty" in page_data(info.path.read_text(encoding="utf-8"))["banner"]


def test_output_path_that_is_a_folder_is_refused(store, tmp_path):
    with pytest.raises(GovkgError, match="folder"):
        write_view(store, tmp_path)


# -- real minutes ---------------------------------------------------------------------------------
def test_view_of_the_bundled_minutes(founding, tmp_path):
    """The founding minutes (built once by conftest's `founding` fixture): the whole network is drawn."""
    from kg.network import accountability_graph
    g = accountability_graph(founding)
    info = write_view(founding, tmp_path / "wirral.html")
    assert info.nodes == g.number_of_nodes() > 10 and info.edges == g.number_of_edges()
    html = info.path.read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html
    person = max((a["label"] for n, a in g.nodes(data=True) if a["type"] == "person"), key=len)
    focused = write_view(founding, tmp_path / "focus.html", focus=person.upper(), depth=1)
    assert 1 < focused.nodes < info.nodes
    meeting = next(n for n, a in g.nodes(data=True) if a["type"] == "meeting")
    assert write_view(founding, tmp_path / "m.html", meeting=meeting).nodes > 5


@pytest.mark.parametrize("name", ["stoke-ferry-pc-2019-12-04.txt", "wtsb-2019-03-28.txt"])
def test_view_of_corpus_minutes(tmp_path, name):
    src = CORPUS / name
    if not src.exists():
        pytest.skip(f"{src} is absent (the shared development corpus is not on this machine)")
    from kg.pipeline import build_into_store
    report = build_into_store([str(src)], str(tmp_path / "store"))
    assert not report.failed, report.failed
    st = GraphStore(tmp_path / "store", read_only=True)
    info = write_view(st, tmp_path / "v.html")
    assert info.nodes > 0 and not info.truncated
    html = info.path.read_text(encoding="utf-8")
    assert 'src="http' not in html and 'href="http' not in html
    assert len(page_data(html)["nodes"]) == info.nodes


def test_cli_viz_on_a_store_folder(tmp_path):
    """`govkg viz` end to end, on a store written to disk from the hand-built graph."""
    path = tmp_path / "store"
    with GraphStore(path) as st:
        st.replace_graph(ID + "graph/minutes-0123456789", ID + "staging/minutes-0123456789", hostile_graph())
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", "--store", str(path), "-o",
                        str(tmp_path / "out" / "v.html"), "--focus", "alice smith", "--depth", "1"],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "5 nodes" in r.stdout and (tmp_path / "out" / "v.html").exists()
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", "--store", str(path), "-o",
                        str(tmp_path / "v2.html"), "--focus", "nobody at all"],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_error_message_is_one_clean_line(store, tmp_path):
    """Close names come from documents: no control characters reach the terminal."""
    g = hostile_graph()
    g.add((CAROL, FOAF.name, Literal("Carol\x1b[31m Jones\u2028x")))
    st = GraphStore(None)
    st.replace_graph(ID + "graph/x", ID + "staging/x", g)
    with pytest.raises(GovkgError) as e:
        write_view(st, tmp_path / "v.html", focus="Carol\x1b]0;evil\x07Jonas")
    msg = str(e.value)
    assert "Carol" in msg and "\x1b" not in msg and "\x07" not in msg and "\u2028" not in msg
