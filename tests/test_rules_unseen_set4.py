"""Shapes of minute-writing found on a fourth set of unseen minutes, each in two or more bodies.

- A date written month first with the day's ordinal and no comma ("July 29th 2020"): a society's
  AGM heading and a parish council's prose.  A bare "May 6 2021" is left alone.
- A given name, a middle initial with its stop, and the surname ("Eugene P. Hart") is one name, as
  two US town boards write their members; a firm named after a person ("... Inc.", "...
  Construction") is not a person.
- In an attendance list, a post written before its holder and set off by a comma or a dash ("The
  Chairman, Cllr A", "... and the Clerk – A"): a parish council and a parish meeting.  After a
  comma only at the list's start or end, where "the Clerk, Mrs A" in the middle could be two
  attendees.
- "Item 1:   Apologies:" with the names below: a village hall committee's and a residents'
  association's "Item N:" numbering.
- Officers one to a line, post then holder after a comma, a colon or a run of spaces ("-
  Treasurer, A", "Secretary: A", "Chair      A"): a society's AGM, a residents' association, a
  community council forum's office bearers, a charity's AGM.
- An acting or interim post in a list is the post ("(Acting Chief Executive)", "(Interim Chair)"):
  a housing association's board, a school's governors, two trust boards.

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.meeting import find_date
from kg.records import Document
from kg.segment import segment


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


@pytest.mark.parametrize("raw, expected", [
    ("Annual General Meeting July 29th 2020", "2020-07-29"),
    ("elections are due to take place on May 6th 2021.", "2021-05-06"),
    ("Thursday, January 23rd, 2025", "2025-01-23"),
    ("January 14, 2025", "2025-01-14"),
    # the first date written wins: the heading's, not a postponed meeting's in the prose
    ("The Thornby Society\nAnnual General Meeting August 3rd 2021\nreplaces the AGM postponed from 21st April 2021",
     "2021-08-03"),
])
def test_a_month_first_date_with_an_ordinal_needs_no_comma(raw, expected):
    assert find_date(raw) == expected


def test_a_bare_month_first_date_without_comma_or_ordinal_is_not_read():
    assert find_date("the May 6 2021 elections") is None


ROLL = ("WESTBRIDGE TOWN OFFICES   TOWN BOARD PROCEEDINGS\nMarch 3, 2014\n\n"
        "Supervisor Karen T. Quince called the meeting to order at 7:00 P.M.\n\n"
        "Motion by Supervisor Quince, seconded by Councilman Martin J. Fadden, to approve the minutes.\n")


def test_a_middle_initial_keeps_a_name_whole():
    ex = run(ROLL)
    people = {p.surface for p in ex.people}
    assert "Supervisor Karen T. Quince" in people and "Martin J. Fadden" in " ".join(people)
    assert not any(p in people for p in ("T. Quince", "Supervisor Karen", "J. Fadden"))
    assert any(a.role == "chair" and "Quince" in a.person.surface for a in ex.attendance)


@pytest.mark.parametrize("firm", ["Harold K. Ostby Inc.", "Harold K. Ostby Construction"])
def test_a_firm_named_after_a_person_is_no_person(firm):
    ex = run(ROLL + f"\nThe board awarded the contract for the salt shed to {firm} of Westbridge.\n")
    assert not any("Ostby" in p.surface for p in ex.people)


HEAD = "Minutes of the Parish Council Meeting held on Tuesday 8 March 2022 in the Village Hall at 7.30pm\n\n"


@pytest.mark.parametrize("present, holders", [
    ("Present: The Chairman, Cllr Alan Wexcombe and Cllrs Petra Lund, Tom Vane and the clerk, Ruth Ashdale.",
     {"chair": "Cllr Alan Wexcombe", "clerk": "Ruth Ashdale"}),
    ("Present: Cllr Mr H. Darrow – Chairman, Cllrs P Lund, T Vane and the Clerk – Simon Pellew",
     {"chair": "Mr H. Darrow", "clerk": "Simon Pellew"}),
])
def test_a_post_before_its_holder_in_a_list(present, holders):
    ex = run(HEAD + present + "\n\n1. Apologies: Cllr Mace.\n")
    for post, who in holders.items():
        assert ex.posts.get(post) == who, ex.posts
    chair = holders["chair"]
    assert any(a.role == "chair" and a.person.surface == chair for a in ex.attendance)


def test_a_post_after_a_comma_mid_list_is_not_given_to_the_next_name():
    ex = run(HEAD + "Present: Cllr Ann Lund, the Clerk, Mrs Jo Vane (resident), Cllr Tom Hale.\n\n1. Apologies: none.\n")
    assert ex.posts.get("clerk") != "Mrs Jo Vane"


def test_item_n_colon_before_an_attendance_label():
    text = ("Village Hall Management Committee\n\nMonthly Meeting Minutes - 14th June 2019\n\n"
            "Present:         Ruth Ambler, Colin Pask, Jane Trew.\n\n"
            "Item 1:             Apologies:\n\n                        Mary Oldfield, Peter Stannard,\n\n"
            "Item 2:             Minutes of the Last Meeting.\n\nThe minutes were approved.\n")
    ex = run(text)
    assert [a.person.surface for a in ex.attendance if a.role == "apologies"] == ["Mary Oldfield", "Peter Stannard"]


@pytest.mark.parametrize("line, post, who", [
    ("- Treasurer, Colin Averill", "treasurer", "Colin Averill"),
    ("- Vice-chair, Jenny Dorsett", "vice-chair", "Jenny Dorsett"),
    ("Secretary: Colin Averill", "secretary", "Colin Averill"),
    ("Treasurer          Colin Averill", "treasurer", "Colin Averill"),
])
def test_officers_one_to_a_line(line, post, who):
    text = ("The Thornby Society\nAnnual General Meeting August 3rd 2021\nMinutes\n"
            "- ELECTION OF OFFICERS.\n" + line + "\n- The meeting closed at 3pm.\n")
    assert run(text).posts.get(post) == who


@pytest.mark.parametrize("bracket, post", [
    ("Acting Chief Executive", "chief executive"),
    # not "Acting Chair": an acting chair chairs the meeting and the Chair's post stays with its
    # holder (tests/test_rules_registers_elections_substitutes.py, two trusts' boards)
    ("Interim Chair", "chair"),
])
def test_an_acting_post_is_the_post(bracket, post):
    text = ("THE ASHCOMBE HOUSING ASSOCIATION MINUTES OF BOARD MEETING FRIDAY 6 May 2011\n"
            f"Present: Ann Prior, Tom Vale\nIn attendance: Nell Rudd ({bracket}), Ian Cole (Finance Director)\n\n"
            "1. Apologies for Absence\nThere were no apologies.\n")
    ex = run(text)
    assert ex.posts.get(post) == "Nell Rudd", ex.posts
