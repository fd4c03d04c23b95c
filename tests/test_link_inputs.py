"""Where the link stage gets its inputs: the documents a build reads give theirs beside them
(no read-back of what was just written), stored documents are read per body, and both give
exactly what the named queries over the whole store give."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg.link as link
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


def test_a_build_reads_back_only_the_stored_documents_of_the_bodies_it_relinks(three_meetings, tmp_path,
                                                                               monkeypatch):
    read: list[str] = []
    real = link._read_graphs

    def recording(store, body_iri, graphs):
        read.extend(graphs)
        return real(store, body_iri, graphs)
    monkeypatch.setattr(link, "_read_graphs", recording)
    folder = tmp_path / "m"
    mine = _write_meetings(folder)
    store = tmp_path / "st"
    minter = Minter(DEFAULT_BASE)
    graph = {p: str(minter.graph(source_key(str(p)))) for p in mine}

    build_into_store([str(mine[0]), str(mine[1])], str(store))
    assert read == []  # both were read by this build: no graph is copied back out of the store

    build_into_store([str(mine[2])], str(store))
    # the new meeting came from its worker; only its body's two stored meetings were read back
    assert sorted(read) == sorted([graph[mine[0]], graph[mine[1]]])
    monkeypatch.setattr(link, "_read_graphs", real)
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
