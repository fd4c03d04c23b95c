"""Decision rules for the meeting filling an office (appointed, elected, declared elected) and for
everyone present agreeing, as (raw, expected) tables of minute-writing (names invented; shapes
taken from the minutes of several bodies: two community councils' AGMs, a parish church meeting,
a residents' association, a charity's trustees, a parish council).  Each passage runs through the
whole extract stage inside a small document whose body is known, as in tests/test_rules.py."""
from __future__ import annotations

import pytest

from tests.parish import run


@pytest.mark.parametrize("raw, expected", [
    # an office filled, in the sentence's own clause
    ("8. Dana Frost was appointed Independent Examiner of accounts for the next year",
     "8. Dana Frost was appointed Independent Examiner of accounts for the next year"),
    ("The following members of the Association were elected as Committee for 2025/26:",
     "The following members of the Association were elected as Committee for 2025/26"),
    ("The current officers and committee are all willing to continue, and were elected unopposed.",
     "The current officers and committee are all willing to continue, and were elected unopposed."),
    # the chair declaring the result of an election
    ("Nominations as Warden were received for Gil Rowe and Ivan Marsh, and Mr Pryce declared that Mr Rowe "
     "and Mr Marsh had been duly elected.",
     "Nominations as Warden were received for Gil Rowe and Ivan Marsh, and Mr Pryce declared that Mr Rowe "
     "and Mr Marsh had been duly elected."),
    ("Nominations were received for Ann Bell and Omar Reid and they were\ndeclared elected to serve for "
     "three years.",
     "Nominations were received for Ann Bell and Omar Reid and they were declared elected to serve for "
     "three years."),
])
def test_an_office_filled_at_the_meeting_is_a_decision(raw, expected):
    ex = run(raw)
    assert [d.text for d in ex.decisions] == [expected]
    assert ex.declarations == []  # the chair declaring a result declares no interest


@pytest.mark.parametrize("raw", [
    # another body's election, reported
    "(e) Friends of the Green AGM was held in October and their chair Gerry was re-elected, but they "
    "are seeking a treasurer.",
    # an office not filled, or filled before this meeting
    "Maternity cover has not been appointed.",
    "House Captains have been appointed and will be consulting their classes.",
    "The Director who was appointed last year spoke about the budget.",
])
def test_an_office_reported_or_not_filled_decides_nothing(raw):
    assert run(raw).decisions == []


def test_a_declared_interest_that_mentions_a_result_is_still_a_declaration():
    ex = run("The Chair declared a personal interest as a partner in Hollis & Co which carried out audit work.")
    assert [d.interest for d in ex.declarations] == ["a partner in Hollis & Co which carried out audit work"]


@pytest.mark.parametrize("raw, expected", [
    ("Small banner already installed outside the hall. All agreed that the\nlarge banner needs to be "
     "installed as soon as possible.",
     "All agreed that the large banner needs to be installed as soon as possible."),
    ("The opening days were discussed by the volunteers. All agreed a\nChristmas tea party for the volunteers.",
     "All agreed a Christmas tea party for the volunteers."),
    ("Everyone agreed that the hall should stay open on Saturdays.",
     "Everyone agreed that the hall should stay open on Saturdays."),
])
def test_everyone_present_agreeing_is_a_decision(raw, expected):
    assert [d.text for d in run(raw).decisions] == [expected]


@pytest.mark.parametrize("raw, n", [
    # the vote on the motion just recorded, not a second decision
    ("Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the quote. All agreed motion passed.", 1),
    # an opinion shared, not a decision
    ("All agreed with Cllr Tom Cole that the verges look untidy.", 0),
])
def test_all_agreed_as_a_vote_or_an_opinion(raw, n):
    assert len(run(raw).decisions) == n


@pytest.mark.parametrize("raw, expected", [
    # the minutes approved, whatever else the sentence says was done to them (a library charity's
    # trustees, a parish council)
    ("The minutes were amended to delete an inaccuracy and then accepted as a true and\naccurate record to be "
     "posted on the website and noticeboard.",
     ["The minutes were amended to delete an inaccuracy and then accepted as a true and accurate record to be "
      "posted on the website and noticeboard."]),
    ("The minutes of the meeting held on 26th February 2026 were\nchecked for accuracy and content, agreed as a "
     "true record of the meeting and\nsigned by the Chair.",
     ["The minutes of the meeting held on 26th February 2026 were checked for accuracy and content, agreed as a "
      "true record of the meeting and signed by the Chair."]),
    # not yet approved
    ("The draft minutes cannot be signed until approved as a correct record at the next meeting.", []),
])
def test_minutes_taken_as_a_true_record(raw, expected):
    assert [d.text for d in run(raw).decisions] == expected
