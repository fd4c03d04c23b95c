"""A body's link graph is written as what changed, a bounded number of triples a
transaction, and a build killed while a large change is written in parts leaves the graph
marked, repaired by the next build (tests/GUARANTEES.md).

The minutes are invented, in the shape of a parish council's series (tests/test_link.py):
one body, three meetings, its actions reported on at the later ones.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import link, store as kstore
from kg.pipeline import build_into_store
from kg.store import GraphStore
from tests.test_link import _write_meetings

ROOT = Path(__file__).resolve().parents[1]
LINKS = "https://w3id.org/govkg/id/graph/links/"
PENDING = "https://w3id.org/govkg/ontology#linksPending"
HASH = "https://w3id.org/govkg/ontology#graphHash"


def _graphs(path: Path) -> dict[str, frozenset[str]]:
    """Every live named graph's triples, as N-Triples strings (staging graphs left out)."""
    with GraphStore(path, read_only=True) as st:
        out = {}
        for g in st.live_graphs():
            out[g.value] = frozenset(f"{q.subject} {q.predicate} {q.object}"
                                     for q in st._store.quads_for_pattern(None, None, None, g))
        default = frozenset(f"{q.subject} {q.predicate} {q.object}"
                            for q in st._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    out["(default)"] = default
    return out


def _link_graph(graphs: dict[str, frozenset[str]]) -> tuple[str, frozenset[str]]:
    (g,) = [g for g in graphs if g.startswith(LINKS)]
    return g, graphs[g]


@pytest.fixture(scope="module")
def series(tmp_path_factory):
    """The three meetings, and a clean build of all three at once."""
    root = tmp_path_factory.mktemp("linkwrites")
    paths = _write_meetings(root / "minutes")
    build_into_store([str(root / "minutes")], str(root / "whole"))
    return paths, _graphs(root / "whole")


class _Spy:
    """Counts the link stage's writes: each transaction's triples, and whole-graph compares."""

    def __init__(self, monkeypatch):
        self.parts: list[int] = []
        self.compared = 0
        real_apply, real_compare = GraphStore._apply_changes, GraphStore.replace_graph_changes

        def apply(st, live, staging_iri, plus, minus):
            if live.value.startswith(LINKS):
                self.parts.append(len(plus) + len(minus))
            return real_apply(st, live, staging_iri, plus, minus)

        def compare(st, *a, **k):
            self.compared += 1
            return real_compare(st, *a, **k)
        monkeypatch.setattr(GraphStore, "_apply_changes", apply)
        monkeypatch.setattr(GraphStore, "replace_graph_changes", compare)


@pytest.mark.parametrize("known_from", ["snapshot", "inputs"])
def test_a_meeting_added_writes_only_what_its_links_change(series, tmp_path, monkeypatch, known_from):
    """The stored graph known from the readers' snapshot, or (no snapshot to be read) from
    the graph the stored documents' link inputs give."""
    paths, whole = series
    store = tmp_path / "st"
    build_into_store([str(paths[0]), str(paths[1])], str(store))
    _g, before = _link_graph(_graphs(store))
    read = []
    real = link._snapshot_lines

    def snapshot_lines(*a):
        out = real(*a) if known_from == "snapshot" else None
        read.append(out is not None)
        return out
    monkeypatch.setattr(link, "_snapshot_lines", snapshot_lines)
    spy = _Spy(monkeypatch)
    build_into_store([str(paths[2])], str(store))
    after = _graphs(store)
    g, links = _link_graph(after)
    # the same graph, triple for triple, as building the three at once
    assert after == whole
    # told from the documents' link inputs: the stored graph was not read and compared
    assert spy.compared == 0
    changed = len(links ^ before)
    assert spy.parts and sum(spy.parts) == changed < len(links)
    assert read == [known_from == "snapshot"]


def test_a_large_change_is_written_a_bounded_number_of_triples_at_a_time(series, tmp_path, monkeypatch):
    paths, whole = series
    monkeypatch.setattr(kstore, "CHANGE_CHUNK", 4)
    spy = _Spy(monkeypatch)
    store = tmp_path / "st"
    build_into_store([str(p) for p in paths], str(store))
    after = _graphs(store)
    assert after == whole  # no mark left, the hash stated, the merged graph in step
    _g, links = _link_graph(after)
    assert len(spy.parts) > 3 and max(spy.parts) <= 4
    assert sum(spy.parts) >= len(links)
    with GraphStore(store, read_only=True) as st:
        assert st.pending_graphs() == {}


def test_a_change_applied_in_parts_is_the_change_applied_at_once(tmp_path):
    """Store level: removing and adding in parts of two triples gives the quads one
    transaction gives, the merged graph keeping what another graph also states."""
    g, other = "https://w3id.org/govkg/id/graph/links/b", "https://w3id.org/govkg/id/graph/doc-x"

    def t(k: int) -> tuple:
        return ox.Triple(ox.NamedNode(f"urn:s{k}"), ox.NamedNode("urn:p"), ox.Literal(f"v{k}"))
    results = []
    for chunk in (100, 2):
        with GraphStore(tmp_path / f"c{chunk}") as st:
            st.replace_graph(g, "https://w3id.org/govkg/id/staging/b", [t(k) for k in range(7)])
            st.replace_graph(other, "https://w3id.org/govkg/id/staging/x", [t(0), t(1)])
            st.apply_graph_changes(g, "https://w3id.org/govkg/id/staging/b", [t(k) for k in range(10, 15)],
                                   [t(k) for k in range(0, 5)], pending="urn:body", chunk=chunk)
            results.append({(q.subject, q.predicate, q.object, q.graph_name)
                             for q in st._store.quads_for_pattern(None, None, None)})
            assert st.pending_graphs() == {}
    once, parts = results
    assert once == parts
    default = {(s, p, o) for s, p, o, gr in parts if gr == ox.DefaultGraph()}
    assert (t(0).subject, t(0).predicate, t(0).object) in default  # the other graph still states it
    assert (t(2).subject, t(2).predicate, t(2).object) not in default


# A build that writes link changes two triples a transaction and SIGKILLs itself after the
# n-th transaction on a link graph (argv[1]).
KILLED = textwrap.dedent("""
    import os, signal, sys
    from kg import store as st
    st.CHANGE_CHUNK = 2
    n, seen = int(sys.argv[1]), [0]
    real = st.GraphStore._apply_changes
    def apply(self, live, staging_iri, plus, minus):
        out = real(self, live, staging_iri, plus, minus)
        if "/graph/links/" in live.value:
            seen[0] += 1
            if seen[0] == n:
                self._store.flush()
                os.kill(os.getpid(), signal.SIGKILL)
        return out
    st.GraphStore._apply_changes = apply
    from kg.pipeline import build_into_store
    build_into_store(sys.argv[2:-1], sys.argv[-1])
""")


@pytest.mark.parametrize("kill_after", [1, 4])
def test_a_build_killed_while_links_are_written_in_parts_is_repaired_by_the_next(series, tmp_path, kill_after):
    """Killed after the graph was marked (1) or half-way through its parts (4): every
    document graph is whole, the link graph says it is part-way (gov:linksPending, no
    gov:graphHash), and the next build, with no document left to build, makes it the graph
    a clean build gives."""
    paths, whole = series
    store = tmp_path / "st"
    build_into_store([str(paths[0])], str(store))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-c", KILLED, str(kill_after), *map(str, paths[1:]), str(store)],
                       env=env, capture_output=True, text=True, timeout=120)
    assert p.returncode == -9, p.stderr
    left = _graphs(store)
    for g, triples in left.items():
        if g != "(default)" and not g.startswith(LINKS):
            assert triples == whole[g], f"document graph {g} is not whole"
    g, links = _link_graph(left)
    assert links != whole[g]
    assert any(PENDING in t for t in links) and not any(HASH in t for t in links)
    with GraphStore(store, read_only=True) as st:
        assert list(st.pending_graphs()) == [g]
    report = build_into_store([str(p) for p in paths], str(store))
    assert len(report.built) == 0
    assert _graphs(store) == whole


def test_a_changed_meeting_and_its_link_changes_give_a_clean_builds_graphs(tmp_path, monkeypatch):
    """A changed document is swapped in with its body's link changes; a change of more than
    CHANGE_CHUNK triples is marked in that same update and written in parts after it."""
    folder = tmp_path / "m"
    mine = _write_meetings(folder)
    store = tmp_path / "st"
    build_into_store([str(folder)], str(store))
    text = mine[1].read_text(encoding="utf-8").replace("Play area fence – three quotes had been obtained.\n", "")
    mine[1].write_text(text, encoding="utf-8")
    clean = tmp_path / "clean"
    build_into_store([str(folder)], str(clean))
    monkeypatch.setattr(kstore, "CHANGE_CHUNK", 2)
    spy = _Spy(monkeypatch)
    report = build_into_store([str(folder)], str(store))
    assert len(report.built) == 1
    assert _graphs(store) == _graphs(clean)
    assert spy.parts and max(spy.parts) <= 2


def test_with_workers_a_bodys_stored_inputs_are_read_by_the_worker(series, tmp_path, monkeypatch):
    """A build with workers sends each body's documents' content hashes, not their link
    inputs: the worker reads those from the text index, and the graphs are a clean build's."""
    paths, whole = series
    store = tmp_path / "st"
    build_into_store([str(paths[0])], str(store))
    kinds = []
    real = link._relink_task

    def relink_task(*a, **k):
        task = real(*a, **k)
        kinds.append(None if task is None else (task[0] if task[0] == "index" else "inputs"))
        return task
    monkeypatch.setattr(link, "_relink_task", relink_task)
    report = build_into_store([str(p) for p in paths[1:]], str(store), jobs=2)
    assert len(report.built) == 2
    assert kinds == ["index"]
    assert _graphs(store) == whole


def test_a_worker_that_finds_the_index_without_the_inputs_leaves_the_body_to_the_writer(tmp_path):
    """The index no longer keeping what a worker was sent to read is an error the writer
    meets by reading the inputs itself (kg.link.relink_stale), never a graph linked from less."""
    from kg.textindex import TextIndex
    index = TextIndex(tmp_path / "ix.sqlite")
    index.close()
    with pytest.raises(LookupError):
        link.index_inputs(str(tmp_path / "ix.sqlite"), "urn:body", {"urn:graph": "sha"})
