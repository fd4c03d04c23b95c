"""A report presented at two meetings ("Finance report", "Clerk's report") is two reports, each
with its own meeting's presenter and sentence; two documents of one meeting that name two chairs
pair each chair with its own source.  The merged graph used to pair the presenter of one
meeting with the sentence of another (one report node minted from the title alone)."""
from __future__ import annotations

import pytest

from kg.pipeline import build_into_store
from kg.query import bind, get_named, run_named
from kg.store import GraphStore

MINUTES = """Parish Council of Upper Wendham
Minutes of the meeting held on {date}

Present: Cllr {chair} (Chair), Cllr Mary Ashdown, Cllr Peter Quill

1. Apologies
None.

2. Finance report
Cllr {presenter} presented the report.
"""

# (file, date, chair, presenter): a and b are two meetings presenting a report of one title;
# c is a second document of b's meeting that names another chair
DOCS = [("a.txt", "4 March 2020", "Mary Ashdown", "Mary Ashdown"),
        ("b.txt", "1 April 2020", "Mary Ashdown", "Peter Quill"),
        ("c.txt", "1 April 2020", "Peter Quill", "Peter Quill")]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scoped") / "minutes"
    folder.mkdir()
    for name, date, chair, presenter in DOCS:
        (folder / name).write_text(MINUTES.format(date=date, chair=chair, presenter=presenter), encoding="utf-8")
    path = folder.parent / "store"
    report = build_into_store([str(folder)], str(path))
    assert not report.failed, report.failed
    with GraphStore(path, read_only=True) as st:
        yield st


def _merged(st: GraphStore, name: str, params: dict | None = None) -> list[dict]:
    """The query over the merged graph of the store itself (not the text index)."""
    nq = get_named(name)
    return st.select(nq.text, bind(nq, params or {}))[1]


def _reads(st, name, params=None):
    return [_merged(st, name, params), run_named(st, name, params or {})[1]]


def test_each_presenter_only_with_the_sentence_of_their_own_meeting(store):
    for rows in _reads(store, "fact-texts"):
        reports = [r for r in rows if r["kind"] == "report"]
        pairs = {(r["by_name"], r["evidence"].split()[1:3] == r["by_name"].split()) for r in reports}
        assert pairs == {("Mary Ashdown", True), ("Peter Quill", True)}
        # one report per meeting (and per document of it), not one for every "Finance report"
        assert len({r["fact"] for r in reports}) == 3
        assert {r["meeting"].rsplit("/", 1)[-1] for r in reports} == {"2020-03-04", "2020-04-01"}
    for rows in _reads(store, "who-owns", {"thing": "finance report"}):
        assert rows and all(r["owner_name"] in r["evidence"] for r in rows)
    for rows in _reads(store, "accountable", {"entity": "Quill"}):
        introduced = [r for r in rows if r["relation"] == "introduced"]
        assert introduced and all("Peter Quill presented" in r["evidence"] for r in introduced)
        assert {r["meeting"].rsplit("/", 1)[-1] for r in introduced} == {"2020-04-01"}


@pytest.mark.parametrize("name,params", [("fact-texts", {}), ("who-owns", {"thing": "finance"}),
                                         ("accountable", {"entity": "Ashdown"}), ("meetings", {}),
                                         ("accountabilities", {})])
def test_the_merged_graph_gives_the_rows_of_each_document(store, name, params):
    merged, read = _reads(store, name, params)
    assert sorted(map(sorted, (r.items() for r in merged))) == sorted(map(sorted, (r.items() for r in read)))


def test_each_chair_with_the_source_that_names_them(store):
    for rows in _reads(store, "meetings"):
        pairs = {(r["source"].rsplit("/", 1)[-1], r.get("chair")) for r in rows}
        assert pairs == {("a.txt", "Mary Ashdown"), ("b.txt", "Mary Ashdown"), ("c.txt", "Peter Quill")}
