"""The store: atomic replace, staging graphs, one writer, read-only readers, streamed export."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import tracemalloc

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreBusyError, StoreError
from kg.export import export_store
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE, GOV

from .conftest import FOUNDING, ROOT

G = DEFAULT_BASE + "graph/doc-a"
S = DEFAULT_BASE + "staging/doc-a"
EX = "https://example.org/"


def _triples(tag: str, n: int = 5):
    return [(URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"{tag} {i}")) for i in range(n)]


def _count(st: GraphStore, sparql: str = "SELECT ?s ?o WHERE { ?s ?p ?o }") -> int:
    return len(st.select(sparql)[1])


def test_replace_twice_gives_the_same_graph_not_a_doubled_one(tmp_path):
    with GraphStore(tmp_path / "st") as st:
        assert st.replace_graph(G, S, _triples("one")) == 5
        assert st.replace_graph(G, S, _triples("one")) == 5
        assert len(st) == 5
        # N-Triples bytes, the form parallel builds hand over, replace the same way
        nt = ox.serialize([ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"two {i}"))
                           for i in range(3)], format=ox.RdfFormat.N_TRIPLES)
        assert st.replace_graph(G, S, nt) == 3
        assert st.replace_graph(G, S, nt) == 3
        rows = st.select("SELECT ?o WHERE { ?s ?p ?o }")[1]
        assert sorted(r["o"] for r in rows) == ["two 0", "two 1", "two 2"]
        assert [g.value for g in st.live_graphs()] == [G]
        assert not any("staging" in g.value for g in st._store.named_graphs())
        # an empty document still has its (empty) graph, replacing the old one
        assert st.replace_graph(G, S, b"") == 0
        assert len(st) == 0


def test_source_hashes_are_read_in_one_pass(tmp_path):
    with GraphStore(tmp_path / "st") as st:
        for name, sha in (("a", "111"), ("b", "222")):
            st.replace_graph(DEFAULT_BASE + f"graph/{name}", DEFAULT_BASE + f"staging/{name}",
                             [(URIRef(EX + name), GOV.sha256, Literal(sha))])
        assert st.source_hashes() == {DEFAULT_BASE + "graph/a": "111", DEFAULT_BASE + "graph/b": "222"}
        assert st.source_hash(DEFAULT_BASE + "graph/b") == "222"
        assert st.source_hash(DEFAULT_BASE + "graph/none") is None


KILL_BETWEEN_STAGING_AND_MOVE = textwrap.dedent("""
    import os, signal, sys
    from rdflib import Literal, URIRef
    from kg.store import GraphStore
    real_write = GraphStore._write
    def write_then_die(self, graph, triples):
        n = real_write(self, graph, triples)
        if "/staging/" in graph.value:  # staged, not yet moved: the worst moment to die
            os.kill(os.getpid(), signal.SIGKILL)
        return n
    GraphStore._write = write_then_die
    st = GraphStore(sys.argv[1])
    st.replace_graph(sys.argv[2], sys.argv[3],
                     [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("NEW VERSION"))])
""")


def test_staging_left_by_a_killed_build_is_invisible_and_removed_by_the_next_writer(tmp_path):
    path = tmp_path / "st"
    with GraphStore(path) as st:
        st.replace_graph(G, S, [(URIRef(EX + "s"), URIRef(EX + "p"), Literal("OLD VERSION"))])
    proc = subprocess.run([sys.executable, "-c", KILL_BETWEEN_STAGING_AND_MOVE, str(path), G, S],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == -9, proc.stderr  # killed, as a build can be
    with GraphStore(path, read_only=True) as ro:
        assert ox.NamedNode(S) in set(ro._store.named_graphs())  # the staging graph is on disk...
        rows = ro.select("SELECT ?o WHERE { ?s ?p ?o }")[1]
        assert [r["o"] for r in rows] == ["OLD VERSION"]  # ...but queries see the live graph only
        assert [g.value for g in ro.live_graphs()] == [G]
        assert [q.object.value for q in ro.quads()] == ["OLD VERSION"]
    with GraphStore(path) as st:  # the next writer clears it away
        assert ox.NamedNode(S) not in set(st._store.named_graphs())
        assert [r["o"] for r in st.select("SELECT ?o WHERE { ?s ?p ?o }")[1]] == ["OLD VERSION"]


HOLD_THE_STORE = textwrap.dedent("""
    import sys
    from rdflib import Literal, URIRef
    from kg.store import GraphStore
    st = GraphStore(sys.argv[1])
    ex = "https://example.org/"
    st.replace_graph(sys.argv[2], sys.argv[3], [(URIRef(ex + "s"), URIRef(ex + "p"), Literal("first"))])
    st.flush()  # readers see what a writer has published (at its start and each flush)
    print("ready", flush=True)
    sys.stdin.readline()
    st.replace_graph(sys.argv[2] + "-2", sys.argv[3] + "-2", [(URIRef(ex + "s"), URIRef(ex + "p"), Literal("second"))])
    st.flush()
    print("wrote", flush=True)
    sys.stdin.readline()
""")


def test_one_writer_and_readers_beside_it(tmp_path):
    path = tmp_path / "st"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THE_STORE, str(path), G, S], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready", holder.stderr.read()
        # a second writer is refused with a message that says what to do
        with pytest.raises(StoreBusyError, match="in use by another govkg build; wait for it to finish"):
            GraphStore(path)
        # a reader opens beside the writer and sees what it has published
        reader = GraphStore(path, read_only=True)
        assert [r["o"] for r in reader.select("SELECT ?o WHERE { ?s ?p ?o }")[1]] == ["first"]
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "wrote"
        # pyoxigraph's read-only handle is a snapshot: later writes need a fresh handle
        assert _count(reader) == 1
        reader.close()
        with GraphStore(path, read_only=True) as fresh:
            assert sorted(r["o"] for r in fresh.select("SELECT ?o WHERE { ?s ?p ?o }")[1]) == ["first", "second"]
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with GraphStore(path) as st:  # the writer has gone: writing works again
        assert len(st.live_graphs()) == 2


def test_missing_or_wrong_store_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no store at .*govkg build"):
        GraphStore(tmp_path / "nothing", read_only=True)
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="not a govkg store"):
        GraphStore(tmp_path / "empty", read_only=True)
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        GraphStore(tmp_path / "file")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--name", "people", "--store",
                        str(tmp_path / "nothing")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().count("\n") == 0 and "no store at" in r.stderr


# -- export streams -------------------------------------------------------------------------

N_DOCS = 2000


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """2,000 documents' graphs (about 60,000 quads) written straight into a store folder."""
    path = tmp_path_factory.mktemp("big") / "st"
    lines = []
    p_name, p_quote = f"<{EX}name>", f"<{str(ox.NamedNode('http://www.w3.org/ns/oa#exact'))[1:-1]}>"
    for d in range(N_DOCS):
        g = f"<{DEFAULT_BASE}graph/doc-{d}>"
        for i in range(30):
            s = f"<{DEFAULT_BASE}source/doc-{d}/passage/{i}>"
            text = ox.Literal(f'Item {i} of meeting {d}: the "Board" agreed {{to act}};\nnext line')
            lines.append(f"{s} {p_quote if i % 2 else p_name} {text} {g} .\n")
    with GraphStore(path) as st:
        st._store.load("".join(lines).encode(), ox.RdfFormat.N_QUADS)
    return path


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "nt", "jsonld"])
def test_export_streams_without_a_list_of_the_graph(big_store, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    with GraphStore(big_store, read_only=True) as st:
        st.live_graphs()  # warm caches that are not part of the stream
        tracemalloc.start()
        try:
            n = export_store(st, fmt, str(out))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    size = out.stat().st_size
    assert n == N_DOCS * 30
    # a list of 60,000 quads (or their text) would take tens of MB of Python objects
    assert peak < size / 8 and peak < 2_000_000, (peak, size)
    if fmt in ("nquads", "trig"):
        graphs, count = set(), 0
        with open(out, "rb") as f:
            for q in ox.parse(f, format=ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG):
                graphs.add(q.graph_name.value)
                count += 1
        assert count == N_DOCS * 30
        assert graphs == {f"{DEFAULT_BASE}graph/doc-{d}" for d in range(N_DOCS)}


def test_export_graphml_of_a_real_build(founding, tmp_path):
    # GraphML is the accountability network (networkx), built in memory by design
    out = tmp_path / "g.graphml"
    assert export_store(founding, "graphml", str(out)) > 0
    assert b"<graphml" in out.read_bytes()[:500]


def test_founding_fixture_is_what_the_pipeline_builds(founding):
    assert FOUNDING.exists() and len(founding) > 100


HOSTILE = ['say "hello"', "{braces} }", "line\nbreak\r\n", '} ; DROP ALL ; INSERT DATA { <http://e/s> <http://e/p> "x" } #',
           'a\\" } ; DROP ALL #', "\\u0022 looks like an escape", "?var <http://x> # not a comment", ""]


@pytest.mark.parametrize("value", HOSTILE)
def test_local_bindings_cannot_change_the_query(founding, value):
    before = len(founding)
    # a projected variable is substituted by the engine...
    assert founding.select("SELECT ?v WHERE { }", {"v": value})[1] == [{"v": value}]
    # ...one that is not (who-owns' ?thing_text) is bound by a VALUES block of escaped literals
    from kg.query import run_named
    rows = run_named(founding, "who-owns", {"thing": value})[1]
    assert rows == [] or value == ""
    assert len(founding) == before


def test_who_owns_binds_its_parameter_locally(founding):
    from kg.query import run_named
    rows = run_named(founding, "who-owns", {"thing": "data set"})[1]
    assert rows and all("data set" in r["thing"].lower() for r in rows)
    rows = run_named(founding, "accountable", {"entity": "Hassall"})[1]
    assert rows and all("Hassall" in r["entity_name"] for r in rows)


def test_the_store_is_also_an_rdflib_dataset(founding_store):
    """rdflib users get the same Oxigraph store through oxrdflib, without a copy."""
    from rdflib.namespace import FOAF
    with GraphStore(founding_store, read_only=True) as st:
        ds = st.rdflib_dataset()
        names = {str(o) for g in ds.graphs() for o in g.objects(None, FOAF.name)}
        assert "Julia Hassall" in names
        rows = list(ds.query("SELECT ?n WHERE { GRAPH ?g { ?p <http://xmlns.com/foaf/0.1/name> ?n } }"))
        assert any(str(r[0]) == "Kerry Crichlow" for r in rows)


def _nt(tag: str, n: int = 4, shared: bool = False) -> bytes:
    rows = [ox.Triple(ox.NamedNode(f"{EX}{tag}/s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(f"{tag} {i}\n."))
            for i in range(n)]
    if shared:  # a triple two documents both state
        rows.append(ox.Triple(ox.NamedNode(f"{EX}body"), ox.NamedNode(f"{EX}name"), ox.Literal("The Board")))
    return ox.serialize(rows, format=ox.RdfFormat.N_TRIPLES)


def _state(st: GraphStore) -> tuple[dict, set]:
    named = {g.value: {str(q) for q in st._store.quads_for_pattern(None, None, None, g)} for g in st.live_graphs()}
    default = {str(q) for q in st._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return named, default


def test_many_documents_in_one_write_equal_one_write_each(tmp_path):
    docs = [(DEFAULT_BASE + f"graph/doc-{k}", DEFAULT_BASE + f"staging/doc-{k}", _nt(f"d{k}", shared=True))
            for k in range(5)]
    with GraphStore(tmp_path / "one-by-one") as a, GraphStore(tmp_path / "together") as b:
        for d in docs[:2]:  # two documents already stored: the batch replaces them
            a.replace_graph(*d)
            b.replace_graph(*d)
        changed = [(g, s, _nt(g[-5:], n=2, shared=k == 0)) for k, (g, s, _) in enumerate(docs[:2])]
        for d in changed + docs[2:]:
            a.replace_graph(*d)
        assert b.replace_graphs(changed + docs[2:]) == [3, 2, 5, 5, 5]
        assert _state(a) == _state(b)
        named, default = _state(b)
        assert len(named) == 5 and not any(g.startswith(DEFAULT_BASE + "staging/") for g in named)
        # the merged default graph holds each triple once, however many documents state it
        assert len(default) == 2 + 2 + 3 * 4 + 1
        assert b.select(f"SELECT ?o WHERE {{ <{EX}body> ?p ?o }}")[1] == [{"o": "The Board"}]
        b.remove_graph(docs[0][0])  # removing one document keeps what the others still state
        assert b.select(f"SELECT ?o WHERE {{ <{EX}body> ?p ?o }}")[1] == [{"o": "The Board"}]


def test_a_bad_document_in_a_write_of_many_writes_none_of_them(tmp_path):
    docs = [(DEFAULT_BASE + f"graph/doc-{k}", DEFAULT_BASE + f"staging/doc-{k}", _nt(f"d{k}")) for k in range(3)]
    docs.insert(2, (DEFAULT_BASE + "graph/bad", DEFAULT_BASE + "staging/bad", b"<not an iri .\n"))
    with GraphStore(tmp_path / "st") as st:
        with pytest.raises(StoreError):
            st.replace_graphs(docs)
        assert st.live_graphs() == [] and len(st._store) == 0


def test_a_parameter_outside_the_projection_binds_the_same_every_time():
    """A query whose parameter Oxigraph will not substitute (it is not selected) is bound
    by VALUES from its first call on: the second call gives the first's rows, and a value
    with quotes and braces stays a literal; unbound columns are left out of a row."""
    from kg import store as st
    s = GraphStore(None)
    s._store.load(b'<urn:a> <urn:p> "x" .\n<urn:b> <urn:p> "y" .\n<urn:b> <urn:q> "z" .\n',
                  format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:g"))
    q = "SELECT ?s ?z WHERE { GRAPH ?g { ?s <urn:p> ?o OPTIONAL { ?s <urn:q> ?z } } FILTER(STR(?o) = ?v) }"
    first = s.select(q, {"v": "y"})
    assert (q, frozenset({"v"})) in st._VALUES_BOUND
    assert s.select(q, {"v": "y"}) == first == (["s", "z"], [{"s": "urn:b", "z": "z"}])
    assert s.select(q, {"v": "x"}) == (["s", "z"], [{"s": "urn:a"}])
    assert s.select(q, {"v": '"} DROP ALL {'}) == (["s", "z"], [])
    # a parameter in the projection is still substituted by the engine
    assert s.select("SELECT ?v WHERE {}", {"v": "y"}) == (["v"], [{"v": "y"}])


def _all_quads(st: GraphStore) -> set:
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in st._store.quads_for_pattern(None, None, None)}


@pytest.mark.parametrize("new", [
    _triples("old", 5)[1:] + _triples("new", 3),  # some kept, some gone, some added
    _triples("old", 5),  # the same: nothing written
    [],  # emptied
    _triples("new", 7),  # all replaced
])
def test_a_graph_replaced_by_its_changes_is_the_graph_a_full_swap_gives(tmp_path, new, monkeypatch):
    other = DEFAULT_BASE + "graph/doc-b"
    stores = []
    staged: list[int] = []
    real = GraphStore._write

    def write(self, graph, rows):
        staged.append(len(rows))
        return real(self, graph, rows)
    for name, replace in (("swap", GraphStore.replace_graph), ("changes", GraphStore.replace_graph_changes)):
        st = GraphStore(tmp_path / name)
        st.replace_graph(G, S, _triples("old", 5))
        # another document states two of the same triples: they stay in the merged graph
        st.replace_graph(other, DEFAULT_BASE + "staging/doc-b", _triples("old", 2))
        if name == "changes":
            monkeypatch.setattr(GraphStore, "_write", write)
        replace(st, G, S, new)
        stores.append(st)
    swap, changes = stores
    try:
        # only what changed was staged (nothing at all for the same triples)
        assert sum(staged) == len(set(map(str, _triples("old", 5))) ^ set(map(str, new)))
        assert _all_quads(changes) == _all_quads(swap)
        default = {(s, p, o) for s, p, o, g in _all_quads(changes) if g == ox.DefaultGraph()}
        assert default == {(s, p, o) for s, p, o, g in _all_quads(changes) if g != ox.DefaultGraph()}
        assert not [g for g in changes._store.named_graphs() if "staging" in g.value]
    finally:
        swap.close()
        changes.close()


def test_a_replace_by_changes_stopped_before_its_swap_leaves_the_old_graph(tmp_path):
    path = tmp_path / "st"
    with GraphStore(path) as st:
        st.replace_graph(G, S, _triples("old", 5))
        before = _all_quads(st)

        class Stopped(Exception):
            pass

        real = st._store

        class StopsAtUpdate:  # a build killed after the staged changes were written
            def __getattr__(self, name):
                return getattr(real, name)

            def update(self, _sparql):
                raise Stopped()
        st._store = StopsAtUpdate()
        with pytest.raises(Stopped):
            st.replace_graph_changes(G, S, _triples("old", 2) + _triples("new", 2))
        st._store = real
        real = None  # (the store's one handle is the writer's: its lock goes with it)
        assert {q for q in _all_quads(st) if "staging" not in str(q[3])} == before
    with GraphStore(path) as st:  # the next writer removes what was staged
        assert _all_quads(st) == before
        assert len(st.select(f"SELECT ?o WHERE {{ GRAPH <{G}> {{ ?s ?p ?o }} }}")[1]) == 5
