"""Listings narrowed to one body's meetings in a date range: --body, --since, --until give
exactly the rows of the whole listing whose meeting fits, in the listing's order, and their
values never change the query."""
from __future__ import annotations

import json

import pytest

from kg.errors import QueryError, UsageError
from kg.pipeline import build_into_store
from kg.query import get_named, run, stream
from kg.store import GraphStore

from tests.conftest import cli_runner
from tests.test_link import _write_meetings

# a second body, invented, in the shape of a trust board's minutes
BOARD = {
    "2024-01-24": """Eastbrook Community Trust
Minutes of the Board Meeting held on 24 January 2024 at the Old School

Present: Jo Marsh (Chair), Ravi Patel, Lena Ford

1. Garden Project
Ravi Patel agreed to obtain quotes for the raised beds.
""",
    "2024-03-20": """Eastbrook Community Trust
Minutes of the Board Meeting held on 20 March 2024 at the Old School

Present: Jo Marsh (Chair), Ravi Patel, Lena Ford

1. Matters Arising
Raised beds – two quotes had been obtained.
2. Volunteers
Lena Ford agreed to draft a volunteer handbook.
""",
}

LISTINGS = ["meetings", "attendance", "items", "decisions", "actions", "statements", "followups"]


@pytest.fixture(scope="module")
def two_bodies(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scope") / "minutes"
    _write_meetings(folder)
    for date, text in BOARD.items():
        (folder / f"eastbrook-{date}.txt").write_text(text, encoding="utf-8")
    store = folder.parent / "store"
    report = build_into_store([str(folder)], str(store))
    assert not report.failed and len(report.built) == 5
    with GraphStore(store, read_only=True) as st:
        yield st, store


def _meeting_facts(st) -> dict[str, tuple[str, str]]:
    rows = run(st, get_named("meetings"))[1]
    return {r["meeting"]: (r.get("body", ""), r.get("date", "")[:10]) for r in rows}


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("body, since, until", [
    ("Hollowmere", None, None),
    ("eastbrook community trust", None, None),
    (None, "2024-02-07", None),  # the day itself is in
    (None, None, "2024-02-07"),
    ("Hollowmere", "2024-01-11", "2024-03-06"),
    (None, "2024-01-25", "2024-03-05"),
])
def test_a_scoped_listing_is_the_whole_listing_filtered_by_its_meeting(two_bodies, name, body, since, until):
    st, _ = two_bodies
    facts = _meeting_facts(st)
    nq = get_named(name)
    whole = run(st, nq)[1]

    def fits(row):
        b, d = facts[row["meeting"]]
        return ((body is None or body.lower() in b.lower()) and (since is None or d >= since)
                and (until is None or d <= until))
    expected = [r for r in whole if fits(r)]
    assert run(st, nq, body=body, since=since, until=until)[1] == expected
    if name == "meetings":
        assert 0 < len(expected) < len(whole)  # each case does narrow


def test_a_page_is_taken_from_the_scoped_rows(two_bodies):
    st, _ = two_bodies
    nq = get_named("attendance")
    scoped = run(st, nq, body="Hollowmere")[1]
    assert len(scoped) > 4
    assert run(st, nq, body="Hollowmere", limit=2, offset=3)[1] == scoped[3:5]


@pytest.mark.parametrize("hostile", ['"} ; DROP ALL ; SELECT * {"', "Hollowmere' || true", "<x> } UNION { ?s ?p ?o"])
def test_a_hostile_body_matches_as_text(two_bodies, hostile):
    st, _ = two_bodies
    before = len(run(st, get_named("meetings"))[1])
    assert run(st, get_named("meetings"), body=hostile)[1] == []
    assert len(run(st, get_named("meetings"))[1]) == before


@pytest.mark.parametrize("since", ["2024-1-1", "yesterday", '2024-01-01" || "1', ""])
def test_a_date_that_is_not_yyyy_mm_dd_is_refused(two_bodies, since):
    st, _ = two_bodies
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        run(st, get_named("meetings"), since=since)


def test_a_query_with_no_meeting_takes_no_scope(two_bodies):
    st, _ = two_bodies
    with pytest.raises(QueryError, match="no meeting to filter by"):
        run(st, get_named("people"), body="Hollowmere")


def test_the_cli_scopes_a_listing(two_bodies):
    from kg.cli import main
    st, store = two_bodies
    runner = cli_runner()
    args = ["query", "--name", "meetings", "--store", str(store), "--format", "json"]
    res = runner.invoke(main, args + ["--body", "Eastbrook", "--since", "2024-02-01"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [(r["body"], r["date"][:10]) for r in rows] == [("Eastbrook Community Trust Board", "2024-03-20")]
    bad = runner.invoke(main, args + ["--until", "20 March"])
    assert bad.exit_code == 2  # a date written wrong is usage (DESIGN.md section 3)
    assert "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("body, since", [("Hollowmere", None), (None, "2024-01-11"), ("Eastbrook", "2024-01-01")])
def test_pages_of_a_scoped_listing_put_together_are_the_scoped_listing(two_bodies, name, body, since):
    # a page is read a few meetings at a time: pages must still meet end to end across them
    st, _ = two_bodies
    nq = get_named(name)
    whole = run(st, nq, body=body, since=since)[1]
    for size in (1, 2, 5):
        pages = []
        for offset in range(0, len(whole) + size, size):
            page = run(st, nq, body=body, since=since, limit=size, offset=offset)[1]
            assert len(page) <= size
            pages.extend(page)
        assert pages == whole, size
    streamed = list(stream(st, nq, body=body, since=since, limit=3, offset=1)[1])
    assert streamed == whole[1:4]


@pytest.mark.parametrize("name", LISTINGS + ["declarations"])
@pytest.mark.parametrize("most", [30, 2])
def test_pages_of_the_whole_store_put_together_are_the_whole_listing(two_bodies, name, most, monkeypatch):
    # with no scope a page is read meeting by meeting too, and after `most` meetings the
    # rest in one query: the pages are still the listing's rows in its order
    import kg.query
    monkeypatch.setattr(kg.query, "_MOST_MEETINGS", most)
    monkeypatch.setattr(kg.query, "_SPARSE_CPU", 0.0 if most == 2 else 1e9)
    st, _ = two_bodies
    nq = get_named(name)
    whole = run(st, nq)[1]
    for size in (1, 3):
        pages = []
        for offset in range(0, len(whole) + size, size):
            pages.extend(run(st, nq, limit=size, offset=offset)[1])
        assert pages == whole, size
    assert list(stream(st, nq, limit=2, offset=1)[1]) == whole[1:3]


@pytest.mark.parametrize("name", LISTINGS + ["declarations"])
def test_one_meeting_is_the_whole_listing_filtered_by_that_meeting(two_bodies, name):
    st, _ = two_bodies
    nq = get_named(name)
    whole = run(st, nq)[1]
    for meeting in sorted(_meeting_facts(st)):
        mine = [r for r in whole if r.get("meeting") == meeting]
        assert run(st, nq, meeting=meeting)[1] == mine
        assert list(stream(st, nq, meeting=meeting)[1]) == mine
        assert run(st, nq, meeting=meeting, limit=1, offset=1)[1] == mine[1:2]
        body, _ = _meeting_facts(st)[meeting]
        assert run(st, nq, meeting=meeting, body=body.split()[0])[1] == mine
    assert any(run(st, nq, meeting=m)[1] for m in _meeting_facts(st)) or not whole


def test_a_meeting_must_be_an_iri_and_the_query_must_have_one(two_bodies):
    st, _ = two_bodies
    with pytest.raises(QueryError, match="IRI"):
        run(st, get_named("actions"), meeting="not an iri> } DROP ALL {")
    with pytest.raises(QueryError, match="no meeting to filter by"):
        run(st, get_named("people"), meeting="https://w3id.org/govkg/id/meeting/x")


def test_the_cli_lists_one_meetings_rows(two_bodies):
    from kg.cli import main
    st, store = two_bodies
    whole = run(st, get_named("actions"))[1]
    meeting = whole[-1]["meeting"]
    runner = cli_runner()
    args = ["query", "--name", "actions", "--store", str(store), "--format", "json"]
    res = runner.invoke(main, args + ["--meeting", meeting])
    assert res.exit_code == 0, res.output
    mine = [r for r in whole if r["meeting"] == meeting]
    assert mine and len(mine) < len(whole) and json.loads(res.output) == mine
    bad = runner.invoke(main, args + ["--meeting", "no such <meeting>"])
    assert bad.exit_code == 1 and "IRI" in bad.stderr and "Traceback" not in bad.stderr
