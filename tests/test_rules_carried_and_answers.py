"""Rules for a task whose subject is a pronoun carried from the sentence before, for a member
taking on an office, and for the body's short answer to an application ('No objections'), as
(raw, expected) tables of minute-writing (names invented, shapes taken from the minutes of
several bodies: community and parish councils, a library board, a charity's trustees, an
Irish council committee).  Each passage runs through the whole extract stage inside a small
document whose body is known, as in tests/test_rules.py."""
from __future__ import annotations

import pytest

from tests.parish import owners, run

@pytest.mark.parametrize("raw, owner, text_has", [
    # "He" after a post reporting: the post, not whoever spoke last
    ("Cllr Raj Patel said the hall was booked. The Finance Officer reported that the milestones are "
     "being met. He will send reminders to the working groups.", ["Finance Officer"], "send reminders"),
    # a run-in heading before the subject of the sentence before
    ("Budget Plan: The Finance Officer reported that the milestones are being met. He will send "
     "reminders to the working groups.", ["Finance Officer"], "send reminders"),
    # "They" for two owners named together
    ("County Liaison: The Chair and the Clerk reported on their meeting with the county. They will "
     "continue to work with the county at this level.", ["Cllr Ann Lee", "Jo Bright"], "continue to work"),
    # a member who acted in the sentence before, another having spoken in between
    ("Cllr Raj Patel asked about the quote. Cllr Tom Cole attended a meeting on 3 May and all present "
     "voted to accept the quote. He will circulate details.", ["Cllr Tom Cole"], "circulate details"),
    ("Cllr Raj Patel explained the appeals process. She offered to speak to the residents separately.",
     ["Cllr Raj Patel"], "speak to the residents"),
])
def test_a_pronoun_stands_for_the_subject_before(raw, owner, text_has):
    acts = [a for a in run(raw).actions if text_has in a.text]
    assert len(acts) == 1, run(raw).actions
    assert owners(acts[0]) == owner


@pytest.mark.parametrize("raw", [
    "Other cameras were to be connected. They would link to the county control room.",  # a thing
    "Cllr Tom Cole and Cllr Raj Patel met the contractor. He will send the plans.",     # which one?
    "The Clerk wrote to the county. They will reply by May.",                           # one is not "they"
])
def test_a_pronoun_without_its_owner_before_gives_none(raw):
    assert [owners(a) for a in run(raw).actions if "plans" in a.text or "link" in a.text
            or "reply" in a.text] == []


@pytest.mark.parametrize("raw, text_has", [
    ("Cllr Tom Cole was proposed and agreed to take on the post.", "take on the post"),
    ("6.1 TC elected to continue in this role and advised that the numbers had fallen.", "continue in this role"),
    ("Cllr Raj Patel agreed to remain in the post of Vice Chair for another year.", "remain in the post"),
])
def test_taking_on_an_office_is_a_decision(raw, text_has):
    ex = run(raw)
    assert [d.text for d in ex.decisions if text_has in d.text], ex.decisions
    assert not [a for a in ex.actions if a.text.startswith(("take on", "continue in", "remain in"))]


@pytest.mark.parametrize("raw, task", [
    # the task undertaken before the appointment stays the member's
    ("Ann Lee agreed to look at the work involved and if not too onerous agreed to take on the role "
     "in addition to that of secretary.", "look at the work involved"),
])
def test_a_task_before_an_appointment_is_kept(raw, task):
    ex = run(raw)
    assert ex.decisions
    assert [a for a in ex.actions if a.text.startswith(task)]


@pytest.mark.parametrize("raw", [
    "Cllr Tom Cole agreed to take on the task of checking the bins.",   # a task, not an office
    "Cllr Raj Patel agreed to continue to chase the contractor.",
])
def test_an_undertaking_is_not_an_appointment(raw):
    ex = run(raw)
    assert ex.decisions == []
    assert len(ex.actions) == 1


@pytest.mark.parametrize("raw, expected", [
    ("25/00123/F – Mill House, rear extension – No objections",
     ["25/00123/F – Mill House, rear extension – No objections"]),
    # one answer a line; a wrapped line is one application; a decision of the planning
    # authority reported on the line before ("– Approved") is not the body's
    ("25/00100/F – Elm Farm, garage – Refused\n25/00124/F – Oak Barn, new porch and single storey "
     "extension\nto front – No objections\n25/00200/CA Church Lane Treework NO OBJECTION",
     ["25/00124/F – Oak Barn, new porch and single storey extension to front – No objections",
      "25/00200/CA Church Lane Treework NO OBJECTION"]),
    # the answer standing alone answers what the sentence before names
    ("Footpath 12/34 Diversion Order, Mill Farm. No comments. Clerk notify Sam Hill.",
     ["Footpath 12/34 Diversion Order, Mill Farm. No comments."]),
    ("DM/2025/00123 Mill House, extension of start date. No objections, approval recommended.",
     ["DM/2025/00123 Mill House, extension of start date. No objections, approval recommended."]),
])
def test_no_objections_answers_an_application(raw, expected):
    ex = run(raw)
    assert [d.text for d in ex.decisions] == expected
    for d in ex.decisions:
        assert d.evidence.quote in ex.document.text  # the exact words, one application each


@pytest.mark.parametrize("raw", [
    "No comments were received from residents.",
    "Cllr Raj Patel said there had been no objections from the school so far to the new crossing.",
])
def test_no_objections_in_prose_is_no_answer(raw):
    assert run(raw).decisions == []


@pytest.mark.parametrize("raw, decided", [
    # a split infinitive is read past its adverb: members funding something decide
    ("The Trustees agreed to jointly fund the new bench.", True),
    ("The Trustees agreed to personally fund an equal share of the plaque.", True),
    ("The Trustees agreed to personally email the Clerk their views.", False),  # a task for each
])
def test_a_split_infinitive_keeps_its_verb(raw, decided):
    assert bool(run(raw).decisions) is decided


@pytest.mark.parametrize("raw, task", [
    # a state reported, not something done: "open" is not a participle
    ("Cllr Raj Patel confirmed that the county would be open to discuss new ideas for the hall.", None),
    ("Cllr Raj Patel confirmed that the new signs would be taken down by May.", "taken down"),
])
def test_a_reported_passive_needs_a_participle(raw, task):
    acts = run(raw).actions
    assert [a for a in acts if task in a.text] if task else acts == []


@pytest.mark.parametrize("raw, decided", [
    # a decision another meeting made, recalled (or one still to be made)
    ("The Board Standing Orders were reviewed and agreed at the Finance and Audit meeting in February.", False),
    ("The Council Code of Conduct was reviewed and approved at the Governance meeting in May.", False),
    ("The Council submitted the grant form and agreed at the December meeting to chase it.", False),
    ("The draft minutes are not final until approved at the next meeting.", False),
    # this meeting's own
    ("The Board were in agreement and the policy was adopted.", True),
    ("It was agreed at the meeting that the hall be painted.", True),
])
def test_a_decision_of_another_meeting_is_not_this_ones(raw, decided):
    assert bool(run(raw).decisions) is decided
