"""Where the link stage gets its inputs: the documents a build reads give theirs beside them
(no read-back of what was just written), stored documents are read per body, and both give
exactly what the named queries over the whole store give."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import kg.link as link
from kg import textindex
from kg.ids import Minter, source_key
from kg.link import _inputs, bodies_of, merge_inputs, stored_inputs
from kg.pipeline import build_document, build_into_store
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE

from tests.test_link import _links, _write_meetings


def _comparable(inputs):
    actions, cands, due = inputs
    return ([(a.iri, a.meeting, a.date, a.text, a.evidence, a.item_title, a.owners, a.order, a.item_number)
             for a in actions], [vars(c) for c in cands], due)


@pytest.fixture(scope="module")
def three_meetings(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs") / "minutes"
    paths = _write_meetings(folder)
    store = folder.parent / "store"
    build_into_store([str(folder)], str(store))
    return paths, store


def test_documents_and_stored_graphs_give_what_the_whole_store_gives(three_meetings):
    paths, store = three_meetings
    per_doc = [build_document((str(p), None, None, DEFAULT_BASE, None, None))[2] for p in paths]
    with GraphStore(store, read_only=True) as st:
        bodies = bodies_of(st)
        assert len(bodies) == 1
        body = bodies[0]
        whole = _inputs(st, body, None)
        assert whole[0] and whole[1]  # actions and candidate sentences to compare
        assert _comparable(merge_inputs([d[body] for d in per_doc])) == _comparable(whole)
        assert _comparable(stored_inputs(st, body)) == _comparable(whole)
        # leaving a document out is leaving out what its graph states, as the old query did
        g = str(Minter(DEFAULT_BASE).graph(source_key(str(paths[1]))))
        assert _comparable(stored_inputs(st, body, {g})) == _comparable(_inputs(st, body, g))


def _recording_reads(monkeypatch) -> list[str]:
    """The graphs the link stage copies out of the store from now on, by either reader."""
    read: list[str] = []
    chunked, one_by_one = link._read_graphs, link._graph_inputs

    def recording(store, body_iri, graphs):
        read.extend(graphs)
        return chunked(store, body_iri, graphs)

    def recording_each(store, graphs):
        read.extend(graphs)
        return one_by_one(store, graphs)
    monkeypatch.setattr(link, "_read_graphs", recording)
    monkeypatch.setattr(link, "_graph_inputs", recording_each)
    return read


def _forget_kept_inputs(store: Path) -> None:
    db = sqlite3.connect(str(store / textindex.FILE))
    db.execute("DELETE FROM linkin")
    db.commit()
    db.close()


def test_a_build_reads_back_only_the_stored_documents_of_the_bodies_it_relinks(three_meetings, tmp_path,
                                                                               monkeypatch):
    read = _recording_reads(monkeypatch)
    folder = tmp_path / "m"
    mine = _write_meetings(folder)
    store = tmp_path / "st"
    minter = Minter(DEFAULT_BASE)
    graph = {p: str(minter.graph(source_key(str(p)))) for p in mine}

    build_into_store([str(mine[0]), str(mine[1])], str(store))
    assert read == []  # both were read by this build: no graph is copied back out of the store

    # the index lost what it kept of them (an index made by an older govkg, say): the new
    # meeting came from its worker; only its body's two stored meetings were read back
    _forget_kept_inputs(store)
    build_into_store([str(mine[2])], str(store))
    assert sorted(read) == sorted([graph[mine[0]], graph[mine[1]]])
    monkeypatch.undo()
    reference = tmp_path / "whole"
    build_into_store([str(folder)], str(reference))
    assert _links(store) == _links(reference)


def test_stored_documents_link_inputs_come_from_the_index_and_give_the_same_links(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    mine = _write_meetings(folder)
    store = tmp_path / "st"
    build_into_store([str(mine[0])], str(store))
    read = _recording_reads(monkeypatch)
    build_into_store([str(mine[2])], str(store))
    build_into_store([str(mine[1])], str(store))
    # each build relinked the body from the rows the index keeps of its stored meetings
    assert read == []
    monkeypatch.undo()
    reference = tmp_path / "whole"
    build_into_store([str(folder)], str(reference))
    assert _links(store) == _links(reference)


def test_kept_inputs_are_those_of_the_stored_graphs_and_follow_a_rebuilt_document(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    mine = _write_meetings(folder)
    store = tmp_path / "st"
    build_into_store([str(folder)], str(store))

    def kept_and_stored() -> tuple:
        with GraphStore(store) as st:
            body = bodies_of(st)[0]
            index = textindex.TextIndex(store / textindex.FILE)
            try:
                kept = stored_inputs(st, body, kept=link.StoredInputs(st, index))
            finally:
                index.close()
            return _comparable(kept), _comparable(_inputs(st, body, None))

    kept, whole = kept_and_stored()
    assert whole[0] and whole[1] and kept == whole
    before = kept
    # read from the store once (nothing kept), then from what that read kept
    _forget_kept_inputs(store)
    read = _recording_reads(monkeypatch)
    assert kept_and_stored()[0] == whole
    assert len(read) == 3
    read.clear()
    assert kept_and_stored()[0] == whole
    assert read == []
    monkeypatch.undo()
    # a meeting rewritten: its new actions, not the ones kept before, come out
    mine[1].write_text(mine[1].read_text(encoding="utf-8").replace("cut the hedge", "trim the hedge"), encoding="utf-8")
    build_into_store([str(folder)], str(store))
    kept, whole = kept_and_stored()
    assert kept == whole and kept != before
    assert [a[3] for a in kept[0] if "hedge" in a[3]] == ["ask the landowner to trim the hedge on Church Walk"]
    reference = tmp_path / "whole"
    build_into_store([str(folder)], str(reference))
    assert _links(store) == _links(reference)


def test_stored_graphs_are_read_a_chunk_at_a_time_with_the_same_result(three_meetings, monkeypatch):
    _, store = three_meetings
    with GraphStore(store, read_only=True) as st:
        body = bodies_of(st)[0]
        at_once = _comparable(stored_inputs(st, body))
        monkeypatch.setattr(link, "STORED_CHUNK", 1)
        assert _comparable(stored_inputs(st, body)) == at_once
