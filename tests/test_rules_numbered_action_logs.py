"""Follow-up across a body's meetings where its minutes keep a numbered action log (set f9's classes,
benchmarks/results-real.md sections AY and BB).

Seen in two bodies each (described, not quoted): a software collaboration's monthly meeting pages
(a register "**Present** : ...", an opening agenda list, a closing "Item | Description | Assigned"
table numbered by meeting, rows carried to the next table, report-backs citing "Action N.N" or
"(N.N)", pages titled "Meeting N - DATE" that never name the body); a parish council's 2026 minutes
(a "No | Action | Owner | Update" log numbered by month, a row carried to the summary with its Update
cell); an Irish county council committee's page ("**Officials Present**:", bold closed before the
colon); a hackerspace's town hall page (opening on its agenda's list); a student project team's
numbered weekly minutes ("Meeting 11 Minutes").  Names, tasks and dates below are invented.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.actionnumbers import cited_actions, row_number
from kg.extract import extract
from kg.extract.bodyseries import meeting_number
from kg.extract.meeting import _heading_candidate
from kg.link import current_state, link_body, state_of
from kg.read import read_document
from kg.read.marks import minutes_like
from kg.records import LinkAction, LinkSentence
from kg.segment import segment


@pytest.mark.parametrize("raw, is_minutes", [
    ("# Notes\n\n**Present** : Ann, Bob, Cy\n**Apologies** : Dee\n\nMeeting of 3 March 2015.\n", True),
    ("**Officials Present**: Ms A. Byrne\n**Present**: Cllr Hale\nHeld on 4 May 2021\n", True),
    ("**Present**\n- Ann\n- Bob\n\nHeld on 4 May 2021\n", True),  # a bold heading over the register
    ("**Presentation**: the roadmap, 4 May 2021\n", False),
    ("## Agenda\n- Present the budget (Treasurer)\n- Date of next meeting: 4 May 2021\n", False),
])
def test_bold_register_label_reads_as_minutes(raw, is_minutes):
    assert (minutes_like(raw) is None) == is_minutes


@pytest.mark.parametrize("line, body", [
    ("  - Steering Group (Ann or any other member)", None),  # an agenda entry
    ("* Finance Committee report", None),
    ("• Audit Committee (Treasurer)", None),
    ("**Ashby Village Hall Committee**", "Ashby Village Hall Committee"),  # bold: a heading still
    ("# Minutes of the Harbour Trust Board", "Harbour Trust Board"),
])
def test_list_items_name_no_body(line, body):
    assert _heading_candidate(line) == body


@pytest.mark.parametrize("text, cited", [
    ("Action 41.2 – Ann has sent the draft to the list.", {"41.2"}),
    ("Bob is awaiting a reply from the supplier (42.0).", {"42.0"}),
    ("Cy (42.3) has moved the mock-up to the new site.", {"42.3"}),
    ("| 40.1 | Write up the release notes | Dee |", {"40.1"}),
    ("Mar25.02 | AB will book the hall | AB | On-going", {"Mar25.02"}),
    ("Growth was modest (2.5%) this quarter.", set()),
    ("See paragraph 3.1.2 of the report.", set()),
    ("Action 3 was closed.", set()),  # a bare number restarts at every meeting
])
def test_cited_action_numbers(text, cited):
    assert cited_actions(text) == cited


TABLE = """---
title: Meeting {n} – {day} March 2015
date: 2015-03-{day}
---

Agenda

  - Actions from meeting {prev} (Ann)
  - Steering Group (Bob)

### Notes

**Present** : Ann, Bob, Cy, Dee

{notes}

### Actions

|      |                                        |          |
| ---- | -------------------------------------- | -------- |
| Item | Description                            | Assigned |
{rows}
"""


def _page(n, day, notes, rows):
    return TABLE.format(n=n, prev=n - 1, day=day, notes=notes, rows="\n".join(rows))


def _extract(path: Path):
    return extract(segment(read_document(path)))


def test_assigned_table_rows_read_with_their_numbers(tmp_path):
    p = tmp_path / "meeting-41.md"
    p.write_text(_page(41, 10, "Ann reported on the build.", [
        "| 41.0 | Look into the connector resilience on the new server | Bob |",
        "| 41.1 | Document the connector fix for the old server | Cy or Bob |",  # alike words, two tasks
        "| 38.2 | Put the simple browser into the contrib area | Dee |",
    ]), encoding="utf-8")
    ex = _extract(p)
    got = [(row_number(a.evidence.quote), a.text, [o.surface for o in a.owners]) for a in ex.actions]
    assert ("41.0", "Look into the connector resilience on the new server", ["Bob"]) in got
    assert ("41.1", "Document the connector fix for the old server", ["Cy", "Bob"]) in got
    assert ("38.2", "Put the simple browser into the contrib area", ["Dee"]) in got
    assert not any(t.startswith("-") for _n, t, _o in got)  # the Markdown rule is no row


def test_numbered_pages_of_a_folder_share_a_body(tmp_path):
    d = tmp_path / "2015-meetings"
    d.mkdir()
    for n, day in ((41, 10), (42, 17), (43, 24)):
        (d / f"meeting-{n}.md").write_text(_page(n, day, "Ann reported.", ["| %d.0 | Send the notes | Ann |" % n]),
                                           encoding="utf-8")
    bodies = {_extract(d / f"meeting-{n}.md").meeting.body for n in (41, 42, 43)}
    assert len(bodies) == 1 and None not in bodies
    assert _extract(d / "meeting-41.md").meeting.body_from == "the folder's numbered meeting pages"
    lone = tmp_path / "2016-meetings"  # (a folder's pages are read once a build: a new folder)
    lone.mkdir()
    (lone / "meeting-44.md").write_text(_page(44, 10, "Ann reported.", []), encoding="utf-8")
    (lone / "meeting-45.md").write_text(_page(45, 17, "Ann reported.", []), encoding="utf-8")
    assert _extract(lone / "meeting-44.md").meeting.body is None  # two pages are no run of meetings


@pytest.mark.parametrize("title, number", [
    ("---\ntitle: Meeting 41 – 12 March 2015\n---\n", "41"),
    ("# **Meeting 11 Minutes**\n", "11"),
    ("Meeting No. 12 - 3/5/2019\n", "12"),
    ("Meeting 3 was held in the hall\n", None),
    ("Meeting 2.1 Finance\n", None),
])
def test_meeting_number_titles(title, number):
    assert meeting_number(title) == number


def _act(k, date, text, number, owner, order=None):
    ev = f"| {number} | {text} | {owner} |"
    return LinkAction(f"a{k}", f"m{date}", date, text, ev, "Actions", [owner], k if order is None else order)


def _sent(k, date, text, report=False):
    return LinkSentence(f"p{k}", f"m{date}", date, text, "Notes", state_of(text), report, k)


def test_report_by_number_links_the_first_wording():
    actions = [_act(1, "2015-03-10", "Put the simple browser into the contrib area", "38.2", "Dee"),
               _act(2, "2015-03-10", "Circulate a plan for naming releases", "41.0", "Ann"),
               # the row carried to the next meeting's table (the action its row sentence states)
               _act(3, "2015-03-17", "Put the simple browser into the contrib area", "38.2", "Dee", order=200)]
    cands = [_sent(10, "2015-03-17", "Action 41.0 – Ann has emailed the plan and had one answer."),
             _sent(200, "2015-03-17", "| 38.2 | Put the simple browser into the contrib area | Dee |", report=True),
             _sent(20, "2015-03-24", "Action 38.2 – A student has been working on the browser.")]
    links = {(r.action, r.passage): r.state for r in link_body(actions, cands) if r.action}
    assert links.get(("a2", "p10")) == "done"
    assert links.get(("a1", "p200")) == "carried_forward"
    assert links.get(("a1", "p20")) == "in_progress"  # the first wording, not the carried row
    assert not any(a == "a3" for a, _p in links)


@pytest.mark.parametrize("reports, state", [
    ([("2015-03-17", 40, "in_progress"), ("2015-03-17", 90, "carried_forward")], "in_progress"),
    ([("2015-03-10", 40, "in_progress"), ("2015-03-17", 90, "carried_forward")], "carried_forward"),
    ([("2015-03-17", 90, "carried_forward")], "carried_forward"),
    ([], "open"),
])
def test_the_minute_outranks_the_log_row_at_one_meeting(reports, state):
    assert current_state(reports) == state
