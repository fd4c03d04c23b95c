"""The listings that used to compute every row before paging: analyse unowned and busiest
read from the text index a few meetings at a time, review's ranked rows kept per store
state, the tracker's and analyse followup's rows handed out one by one.  The rows, their
order, every filter and every page are those of the whole listing read without the index,
and the whole listing streamed carries every row.

Invented minutes: a parish council of three meetings, a town council of two, and a
village hall committee meeting on the same day as one of the parish's (the tracker orders
by date, then body)."""
from __future__ import annotations

import json

import pytest

from kg import analyse as an
from kg import followups
from tests.conftest import govkg, read_only, store_of_texts
from tests.test_link import MEETINGS
from tests.test_listing_options import ASHCOMBE

HALL = {
    "brookfield-hall-2024-02-07.txt": """Brookfield Village Hall Management Committee
Minutes of the Committee Meeting held on Wednesday 7 February 2024 at 8.00pm in the Hall

Present: Mrs Jo Penn (Chair), Mr Ray Lund, Ms Di Crane

1. Heating
Mr Ray Lund agreed to obtain a quote for servicing the boiler by 1 April 2024.

2. Bookings
Ms Di Crane will update the bookings calendar on the website.
The committee agreed to review the hire charges at the next meeting.
""",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    texts = {f"hollowmere-{d}.txt": t for d, t in MEETINGS.items()} | ASHCOMBE | HALL
    return store_of_texts(tmp_path_factory, "walk", texts)


@pytest.fixture
def one_meeting_at_a_time(monkeypatch):
    """The walks read one meeting, then two, at most two at a time: every boundary between
    parts is crossed with these few meetings."""
    monkeypatch.setattr(an, "_PART_FIRST", 1)
    monkeypatch.setattr(an, "_PART_MOST", 2)


def _json(*args) -> list[dict]:
    r = govkg(*args, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _without_index(monkeypatch, fn):
    """`fn()` with the text index out of reach: every row read whole from the store."""
    from kg import textindex
    with monkeypatch.context() as m:
        m.setattr(textindex, "reader_index", lambda store: None)
        return fn()


# each listing, as a user types it, with the filters that narrow it
CASES = [
    ["actions"],
    ["actions", "--open"],
    ["actions", "--overdue", "--as-of", "2024-03-01"],
    ["actions", "--owner", "Tom Reed"],
    ["actions", "--body", "hollowmere", "--since", "2024-02-01"],
    ["actions", "--until", "2024-02-07", "--open"],
    ["analyse", "unowned"],
    ["analyse", "unowned", "--since", "2024-02-01", "--until", "2024-02-28"],
    ["analyse", "followup"],
    ["analyse", "followup", "--body", "hollowmere"],
    ["analyse", "busiest"],
    ["analyse", "busiest", "--body", "ashcombe"],
    ["review"],
    ["review", "--since", "2024-02-01"],
]


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_walk_gives_the_rows_of_the_whole_listing(store, monkeypatch, one_meeting_at_a_time, args):
    whole = _without_index(monkeypatch, lambda: _json(*args, "--store", store))
    assert _json(*args, "--store", store) == whole
    if args[0] != "review":  # (review's rows are few here; its pages are tested with the others)
        assert whole, "the case shows no row: it tests nothing"


@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_every_page_is_that_slice_of_the_whole_listing(store, one_meeting_at_a_time, args):
    whole = _json(*args, "--store", store)
    for offset in range(len(whole) + 1):
        assert _json(*args, "--store", store, "--offset", offset, "--limit", 2) == whole[offset:offset + 2]


def test_the_tracker_orders_by_date_then_body(store):
    rows = _json("actions", "--store", store)
    keys = [(r["meeting_date"], r["body"], r["action"]) for r in rows]
    assert keys == sorted(keys)
    # the parish and the hall met on 7 February: both bodies' actions of that day, in body order
    day = [r["body"] for r in rows if r["meeting_date"] == "2024-02-07"]
    assert len(set(day)) == 2 and day == sorted(day)


def test_the_whole_tracker_streamed_carries_every_row(store, one_meeting_at_a_time):
    r = govkg("actions", "--store", store, "--format", "ndjson")
    assert r.exit_code == 0, r.stderr
    streamed = [json.loads(line) for line in r.stdout.splitlines()]
    with read_only(store) as st:
        assert streamed == followups.action_tracker(st)[1]
        assert len(streamed) == len(followups.tracked_actions(st))
        columns, rows = followups.action_rows(st)
        assert not isinstance(rows, list)  # handed out as read, not held


def test_the_tracker_checks_its_dates_before_reading_a_row(store):
    from kg.errors import UsageError
    with read_only(store) as st, pytest.raises(UsageError):
        followups.action_rows(st, since="the spring")


def test_review_reads_its_kept_rows_on_the_next_call(store, monkeypatch):
    from kg import review as rv
    first = _json("review", "--store", store)
    monkeypatch.setattr(rv, "_ranked", lambda st: pytest.fail("ranked again on an unchanged store"))
    assert _json("review", "--store", store) == first
    # a body's rows are ranked among themselves from the kept rows
    scoped = _json("review", "--store", store, "--body", "hollowmere")
    assert [r["rank"] for r in scoped] == [str(i) for i in range(1, len(scoped) + 1)]
    assert {r["source"] for r in scoped} <= {r["source"] for r in first}
