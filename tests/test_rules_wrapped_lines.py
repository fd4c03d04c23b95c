"""Rules for lines a layout broke where the writer did not: a second meeting's own minute
numbers in the same file, an item's text running on past its title's colon, a title ending
one line and its name opening the next.

Where each was found (the development corpus and its unlabelled minutes):
- two runs of minute numbers in one file: a community council's annual meeting (805 ... 813)
  and its ordinary meeting after it (2691 ... 2708); each of the council's other minutes
  numbers on from the last (2724 ..., 3769 ...), which a run of its own covers too;
- "N. Title: text" running on to the next line: a community council ("808. Election of
  Chairman for 2019/20: Cllr A, proposed by Cllr" / "B, seconded by Cllr C.", "2729.
  Financial Report: ..."), a library board ("5.1 Governance: Suffolk ... set of" / "questions
  from a user.");
- a title ending a line: a city and county council ("seconded by Councillor" / "O'Donovan."),
  a municipal district ("Councillor" / "Donegan outlined ..."), a parish council ("and Cllr" /
  "Heidi Dennison"), a community council ("proposed by Cllr" / "Hayward").
Names and places are invented; the shape of each line is kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

HEAD = ("ASHCOMBE COMMUNITY COUNCIL\n\nMinutes of the Annual General Meeting of the above Council held in "
        "the Village Hall on Monday 12th May 2025 at 6.30pm.\n\nPresent: Cllrs Marsh, Pellow, Quint & the Clerk.\n\n")


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


def item_numbers(text: str) -> list[str]:
    return [s.number for s in segment(Document("t.txt", text, "txt", "0")).sections if s.kind == "item"]


SECOND = ("\n\nMeeting closed at 18.51.\n\nASHCOMBE COMMUNITY COUNCIL\n\nMinutes of a meeting of the above "
          "Council held on Monday 12th May 2025 at 7.00pm.\n\nPresent: Cllr Pellow in the chair, Cllrs Marsh, Quint.\n\n")


@pytest.mark.parametrize("raw, numbers", [
    # an annual meeting numbered on its own, then the ordinary meeting's running numbers
    (HEAD + "405. Apologies for absence: None.\n\n406. Election of Chairman: Cllr Marsh.\n\n"
     "407. Election of Vice-Chairman: Cllr Quint." + SECOND +
     "3101. Police Report: No report.\n\n3102. Public Forum: None.\n\n3103. Correspondence: None.\n",
     ["405.", "406.", "407.", "3101.", "3102.", "3103."]),
    # one run, with a number in the text that does not follow it: the run is all there is
    (HEAD + "3101. Police Report: No report.\n\n3102. Accounts: £250 paid.\n\n1998. Was the year the hall opened."
     "\n\n3103. Correspondence: None.\n", ["3101.", "3102.", "3103."]),
    # two numbers that rise after a run are no run of their own
    (HEAD + "3101. Police Report: None.\n\n3102. Public Forum: None.\n\n3103. Correspondence: None.\n\n"
     "1500. Spent on the hall.\n\n1501. Spent on the bus shelter.\n", ["3101.", "3102.", "3103."]),
])
def test_second_meeting_numbers_its_own_items(raw, numbers):
    assert item_numbers(raw) == numbers


@pytest.mark.parametrize("line, decision, proposer, seconder", [
    ("406. Election of Chairman for 2025/26: Cllr Marsh, proposed by Cllr\nPellow, seconded by Cllr Quint.",
     "Cllr Marsh, proposed by Cllr Pellow, seconded by Cllr Quint.", "Cllr Pellow", "Cllr Quint"),
    ("407. Approve Annual Governance Statement for 2024/25: Proposed by Cllr\nQuint, seconded by Cllr Marsh.",
     "Proposed by Cllr Quint, seconded by Cllr Marsh.", "Cllr Quint", "Cllr Marsh"),
    # the title's own colon ends the heading; the line after it ends the sentence
    ("408. Internal Auditor: The reappointment of Mr Vane was proposed by Cllr Pellow and\nseconded by "
     "Cllr Marsh.", "The reappointment of Mr Vane was proposed by Cllr Pellow and seconded by Cllr Marsh.",
     "Cllr Pellow", "Cllr Marsh"),
])
def test_item_text_running_on_past_its_title(line, decision, proposer, seconder):
    ex = run(HEAD + "405. Apologies for absence: None.\n\n" + line + "\n\n409. Correspondence: None.\n\n"
             "410. Date of next meeting: June 9th.\n")
    found = [d for d in ex.decisions if d.proposer]
    assert [d.text for d in found] == [decision]
    assert (found[0].proposer.surface, found[0].seconder.surface) == (proposer, seconder)


def test_heading_that_ends_its_line_is_a_sentence_of_its_own():
    # "3102. Financial Report: Community A/C £4,612.62." ends at its line: nothing runs on
    ex = run(HEAD + "3101. Police Report: No report.\n\n3102. Financial Report: Community A/C £4,612.62.\n"
             "The Clerk to pay the hall hire.\n\n3103. Correspondence: None.\n")
    assert [a.text for a in ex.actions] == ["pay the hall hire"]


@pytest.mark.parametrize("raw, names", [
    ("The Motion was proposed by Councillor Hanley and seconded by Councillor\nO’Dwyer, and adopted.",
     ["Councillor Hanley", "Councillor O’Dwyer"]),
    ("Apologies had been received from Cllr Tom Eaves, Cllr Dan Royle and Cllr\nMaria Denton.",
     ["Cllr Tom Eaves", "Cllr Dan Royle", "Cllr Maria Denton"]),
    ("The task force has been led by co-chair Cllr\nPaul Dowd. It focuses on small firms.", ["Cllr Paul Dowd"]),
    # a title ending a line before a word that opens prose or names a body is no name
    ("The approval is given to changes to two Councillor\nMembers of the Policy Committees.", []),
    ("Thanks were given to the Town Councillor\nCommittee for its work.", []),
])
def test_title_ending_a_line_names_the_person_on_the_next(raw, names):
    from kg.extract.names import NameContext, find_people
    found = [m.surface for m in find_people(raw, 0, NameContext()) if m.kind == "titled"]
    assert found == names



@pytest.mark.parametrize("raw, expected", [
    # a letterhead's body wrapped over a line spells out the acronym the minutes then use (a body
    # the gazetteer knows: the rule reads only those)
    ("Fenland Libraries\nThe Society enabling library services supported by Devon County\nCouncil\n\n"
     "Attendees: Ann Cole, Bob Dane (DCC)\n\n1. Finance\n\nDCC agreed to fund the replacement.\n",
     {"DCC": "Devon County Council"}),
    ("Supported by Devon County Council\n\nDCC agreed to fund the replacement.\n", {"DCC": "Devon County Council"}),
])
def test_acronym_spelled_in_a_wrapped_letterhead(raw, expected):
    from kg.extract import _spelled_elsewhere
    assert _spelled_elsewhere(raw) == expected
