"""Owners, bare outcomes and reST names (results-real.md section BD).  Names and wording invented.

- a bare "Carried." / "Passed." after a motion's own lines ("Proposed by: A" / "Seconded by: B")
  carries the statement before them, as "Unanimously approved." does (BARE_OUTCOME admits those
  words; before, only an outcome that read as a decision of its own reached the rule, so
  "Carried." gave nothing).  Shape seen in two foundations' boards (tests/test_rules_decisions_bare_outcome.py).
- "X indicated ... but stated he would VP": X's task (seen in: a community interest company's
  directors, "but stated he would"; a library friends' trustees, "stated that he would").
- a reStructuredText source writes names as links ("`Nadia`_ will send"); read in a text that
  defines link targets, as the page shows them (seen in: a Quaker meeting's finance committee;
  the syntax is reST's own, not any body's).
"""
from __future__ import annotations

import pytest

from kg.read.text import read_text, rest_links
from tests.parish import owners, run


@pytest.mark.parametrize("raw, text, proposer, seconder", [
    ("The group will buy a projector for the hall.\nProposed by: Priya Shah\nSeconded by: Tom Evans\nCarried.",
     "The group will buy a projector for the hall.", "Priya Shah", "Tom Evans"),
    ("The fees stay as they are for next year.\n\nMoved: Ana Costa\n\nPassed unanimously.",
     "The fees stay as they are for next year.", "Ana Costa", None),
])
def test_carried_after_motion_lines_carries_the_motion(raw, text, proposer, seconder):
    ex = run(raw)
    assert [d.text for d in ex.decisions] == [text]
    d = ex.decisions[0]
    assert (d.proposer.surface if d.proposer else None) == proposer
    assert (d.seconder.surface if d.seconder else None) == seconder


def test_carried_with_no_motion_lines_makes_no_decision_of_its_own():
    # a bare "Carried." with no motion before it in the item names nothing that was carried
    assert [d.text for d in run("The hall lights were discussed at length.\nCarried.").decisions] == []


@pytest.mark.parametrize("raw, task, owner", [
    ("Cllr Raj Patel indicated his support for the plan but stated he would hold off deciding until the survey is back.",
     "hold off deciding until the survey is back", "Cllr Raj Patel"),
    ("Cllr Tom Cole welcomed the quote and stated that he would ask the contractor for a start date.",
     "ask the contractor for a start date", "Cllr Tom Cole"),
])
def test_but_stated_he_would_is_the_speakers_task(raw, task, owner):
    acts = run(raw).actions
    assert [(a.text, owners(a)) for a in acts] == [(task, [owner])]


@pytest.mark.parametrize("raw, expected", [
    ("`Nadia`_ will send the cheque.\n\n.. _`Nadia`: /people/nadia/\n", "Nadia will send the cheque."),
    ("`Ann`_ and `Brian Hale <http://x.org/bh>`_ spoke; `Brian`_’s view was no.\n\n.. _Ann: /a/\n",
     "Ann and Brian Hale spoke; Brian’s view was no."),
    # no link target defined: backquotes are what the text says
    ("Run `make`_ first.", "Run `make`_ first."),
])
def test_rest_links_read_as_the_names_they_show(raw, expected):
    assert rest_links(raw).split("\n")[0] == expected


def test_a_rest_name_link_owns_its_task():
    raw = ("FINANCE COMMITTEE Minutes of the meeting held on 3 March 2025\n\nPresent: `Nadia Grey`_, `Ann Hale`_.\n\n"
           "We found the fee was short. `Nadia`_ will send the difference to the treasurer.\n\n"
           ".. _`Nadia`: /f/nadia/\n.. _`Nadia Grey`: /f/nadia/\n.. _`Ann Hale`: /f/ann/\n")
    from kg.extract import extract
    from kg.records import Document
    from kg.segment import segment
    text = read_text(raw.encode(), "t.txt").text
    acts = extract(segment(Document("t.txt", text, "txt", "0"))).actions
    assert [(a.text, owners(a)) for a in acts] == [("send the difference to the treasurer", ["Nadia"])]


@pytest.mark.parametrize("raw, task, owner", [
    # a given name alone that one member of the register has, before "indicated" or "shall"
    ("Raj indicated his support for the plan but stated he would hold off until the survey.", "hold off until the survey", "Raj"),
    ("Tom shall write to the school about the crossing.", "write to the school about the crossing", "Tom"),
])
def test_a_registers_given_name_owns_its_task(raw, task, owner):
    acts = run(raw).actions
    assert [(a.text, owners(a)) for a in acts] == [(task, [owner])]


def test_a_one_word_task_under_an_items_action_heading_is_kept():
    # "ACTIONS:" lines repeat the prose's tasks; a task of one word is not taken as a repeat
    raw = ("Uniform\n\nACTIONS: Cllr Tom Cole to confirm the uniform policy with the school.\n\n"
           "Sports kit\n\nACTIONS: Cllr Tom Cole to confirm.")
    assert [a.text for a in run(raw).actions] == ["confirm the uniform policy with the school", "confirm"]
