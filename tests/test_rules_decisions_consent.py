"""Decision rules for the body's consent to a question put to it, for a decision another meeting
made, and for where a decision's text starts, as (raw, expected) tables of minute-writing (names
invented; shapes taken from the minutes of several bodies: two community councils, a library
charity's trustees, an Irish city and county council, a library board, a parent council).  Each
passage runs through the whole extract stage inside a small document whose body is known, as in
tests/test_rules.py."""
from __future__ import annotations

import pytest

from tests.parish import run


@pytest.mark.parametrize("raw, expected", [
    # the answer in the same sentence
    ("He asked if the Council were happy for him to look further into it and they confirmed they were.",
     "He asked if the Council were happy for him to look further into it and they confirmed they were."),
    # the answer as a sentence of its own: the question says what was agreed
    ("Cllr Raj Patel asked if the Council wanted her to forward it on to the businesses.  This they were "
     "happy for her to do.",
     "Cllr Raj Patel asked if the Council wanted her to forward it on to the businesses. This they were "
     "happy for her to do."),
    ("Jo asked if we could agree to the purchase of cycle maps which would\ngenerate a small income. AGREED",
     "Jo asked if we could agree to the purchase of cycle maps which would generate a small income. AGREED"),
    # a question the reader broke over two lines is read whole
    ("TC tabled a form for the Town Park and asked if this could be\n\ncirculated. AGREED",
     "TC tabled a form for the Town Park and asked if this could be circulated. AGREED"),
])
def test_the_bodys_consent_to_a_question_is_a_decision(raw, expected):
    ex = run(raw)
    assert [d.text for d in ex.decisions] == [expected]
    assert ex.decisions[0].evidence.quote in ex.document.text  # the exact words, question and answer


@pytest.mark.parametrize("raw", [
    # one member's consent is not the body's
    "Cllr Ann Lee asked if he was happy for the report to be put on the website. This he was in agreement with.",
    # a question about a matter, its answer settling a detail
    "Cllr Raj Patel asked if the residents should be consulted and it was agreed that they should be.",
    # a question nobody answered
    "Cllr Raj Patel asked if the Council were happy for the hall to be let on Sundays.",
])
def test_a_question_without_the_bodys_consent_decides_nothing(raw):
    assert run(raw).decisions == []


def test_all_agreed_after_a_motion_is_its_vote_not_a_second_decision():
    ex = run("Proposed by Cllr Raj Patel seconded by Cllr Tom Cole, to accept the quote of £200. All agreed.")
    assert len(ex.decisions) == 1, ex.decisions
    assert ex.decisions[0].unanimous


@pytest.mark.parametrize("raw, decided", [
    # a decision of another meeting, named by its article or before the decision
    ("The two nominations were approved at a Special Meeting of the Council on 19th December, 2024.", False),
    ("The report stated that at a Special Meeting of the Council held on 19th December, 2024, the membership "
     "of the committees was approved.", False),
    ("The Clerk gave an update following the recent Staffing Committee meeting where three new policies were "
     "agreed and adopted.", False),
    # this meeting's own
    ("It was agreed at the meeting that the hall be painted.", True),
    ("The Board were in agreement and the policy was adopted.", True),
])
def test_a_decision_of_another_meeting_named_either_way(raw, decided):
    assert bool(run(raw).decisions) is decided


@pytest.mark.parametrize("raw, text", [
    # the body named after "by" is whole words: what follows "that" is the decision
    ("It was agreed by the Council that they could not afford this in the budget.",
     "they could not afford this in the budget."),
    ("It was agreed by RPC that the hedge be cut in March.", "the hedge be cut in March."),
    # "Decision made that": the label, then what was decided
    ("Decision made that the majority of the Parent Council will apply for checks.",
     "the majority of the Parent Council will apply for checks."),
    ("Decision also made that the Parent Council would fund the applications.",
     "the Parent Council would fund the applications."),
])
def test_where_the_decision_text_starts(raw, text):
    assert [d.text for d in run(raw).decisions] == [text]


@pytest.mark.parametrize("raw, expected", [
    # the outcome after a proposal the sentence before states: that proposal, carried
    ("The Council proposed that with effect from 2026, the number of members should be reduced from 15 "
     "to 12. This resolution\nwas carried on a show of hands.",
     ["The Council proposed that with effect from 2026, the number of members should be reduced from 15 "
      "to 12. This resolution was carried on a show of hands."]),
    # after the motion already recorded, past the lines of its vote: that motion's outcome, not a second
    ("Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the estimate of £2,000. "
     "7 for 1 against. Motion passed.",
     ["Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the estimate of £2,000."]),
    ("Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the offer. All agreed. Motion passed",
     ["Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the offer."]),
    # work carried out is no motion
    ("The verge cutting was carried out by the county in May.", []),
    ("The following motions were passed at the meeting on 9 November", []),
])
def test_a_motion_carried(raw, expected):
    assert [d.text for d in run(raw).decisions] == expected


@pytest.mark.parametrize("raw, expected", [
    # a proposal line with its own motion is a decision, not the vote on the one before
    ("The minutes were approved and signed. Proposed by Cllr Raj Patel seconded by Cllr Tom Cole that in "
     "future all agreed minutes are stored electronically.",
     ["The minutes were approved and signed.",
      "Proposed by Cllr Raj Patel seconded by Cllr Tom Cole that in future all agreed minutes are stored "
      "electronically."]),
    # a line that is only the vote stays the vote of the decision before
    ("The minutes were approved and signed. Proposed by Cllr Raj Patel, seconded by Cllr Tom Cole.",
     ["The minutes were approved and signed."]),
])
def test_a_proposal_line_with_its_motion(raw, expected):
    assert [d.text for d in run(raw).decisions] == expected


@pytest.mark.parametrize("raw, decided", [
    # "noted that" records what members heard, as "It was noted that" does
    ("Members noted that Sam Hill had worked in six councils and, in latter years, that she led the "
     "housing team.", False),
    # unless they go on to decide
    ("The Council noted that the audit was complete and agreed to publish it.", True),
    ("The Parish Council noted the audit report.", True),
])
def test_noted_that_is_what_was_heard(raw, decided):
    assert bool(run(raw).decisions) is decided


@pytest.mark.parametrize("raw, owner, task", [
    # "it was agreed that Y would ...": Y's task, not a decision, past an apposition after Y
    ("Following discussions, it was agreed that the Clerk, as the proper officer, would meet with Cllr Tom "
     "Cole to discuss the matter further.", "Jo Bright", "meet with Cllr Tom Cole"),  # the Clerk
    ("It was agreed that the Chair, Cllr Raj Patel and Cllr Tom Cole, Chair of the Finance Group, would "
     "discuss these matters in advance.", "Cllr Raj Patel", "discuss these matters"),
])
def test_agreed_that_a_member_would_past_an_apposition_is_their_task(raw, owner, task):
    from tests.parish import owners
    ex = run(raw)
    assert ex.decisions == []
    assert [a for a in ex.actions if task in a.text and owner in owners(a)], ex.actions


def test_agreed_that_a_thing_would_past_an_apposition_is_still_a_decision():
    ex = run("It was agreed that the Motion, as amended, would be circulated to all councils.")
    assert [d.text for d in ex.decisions] == ["the Motion, as amended, would be circulated to all councils."]
