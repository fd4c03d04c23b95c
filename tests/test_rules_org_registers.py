"""Bodies' names where registers and headings run them into other words.

An acronym joined by "and" or "&" to a body's name is a body of its own: seen in a parents'
association ("the SBC and ... Government guidelines"), a community council ("NRW & ... Government",
unlabelled), a safeguarding board's register ("BHFT and Section 11 Panel Chair") and an Irish
county council ("SPC and Full Council", unlabelled).  A unit named by its trades ("IT and
Digital Services Team") stays one unit.

A weekday and date before a body's name in a heading date the meeting: a police and crime panel
("Thursday 25 October 2012 East Herts District Council ...") and an academy's governing body
("Wednesday 14th December 2016" / "At The City Academy ...").

A corporation is a body ("the Housing Corporation" in a housing association's board, "City of
London Corporation" in an academy's governing body); corporation tax is not.

A register's entry with no comma between the person and their body: the body's first word is
not a third word of the name ("Cllr R Henry Stevenage Borough Council", a police and crime panel;
"Mr ... Hackney Learning Trust", an academy's clerk).  Names and places below are invented."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_orgs, find_people


def _orgs(raw: str) -> list[str]:
    people = find_people(raw, 0, NameContext())
    return [o.surface for o in find_orgs(raw, 0, {}, [(p.start, p.end) for p in people], None)]


@pytest.mark.parametrize("raw, expected", [
    ("Parents were pleased that the KBC and Scottish Government guidelines had changed.", ["KBC", "Scottish Government"]),
    ("A letter from NRW & Welsh Government was read.", ["NRW", "Welsh Government"]),
    ("Jo Dunn, Locality Lead, WHFT and Section 11 Panel Chair", ["WHFT", "Section 11 Panel"]),
    # one unit named by its trades, not two bodies
    ("The IT and Digital Services Team will set up the laptops.", ["IT and Digital Services Team"]),
    ("The HR and Payroll Team confirmed the figures.", ["HR and Payroll Team"]),
])
def test_acronym_joined_to_a_body_is_a_body(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Thursday 12 March 2015 Eastmarch District Council Offices,", ["Eastmarch District Council"]),
    ("Minutes of the meeting held on Wednesday 9th June 2021\nAt The Kelby Academy, Westfield", ["Kelby Academy"]),
    ("Tuesday, 3 May 2022 Kelby Town Council met in the hall.", ["Kelby Town Council"]),
])
def test_a_weekday_and_date_before_a_body_name_no_body(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("The minutes named the Federation; this should have read the Housing Corporation only.", ["Housing Corporation"]),
    ("Abbreviations: KCC (Kelby City Corporation)", ["Kelby City Corporation"]),
    ("Corporation Tax was paid in full.", []),
])
def test_a_corporation_is_a_body(raw, expected):
    assert [o for o in _orgs(raw) if "Corporation" in o] == expected


@pytest.mark.parametrize("raw, person, org", [
    ("Apologies: Cllr R Henry Westbury Borough Council Mayor Ann Lee, Mayor of Kelby",
     "Cllr R Henry", "Westbury Borough Council"),
    ("Clerk / Mr Oskar Brandt Kelby Learning Trust", "Mr Oskar Brandt", "Kelby Learning Trust"),
    # a name of three words with nothing of a body after it stays whole
    ("Cllr Mary Ann Jones attended the meeting.", "Cllr Mary Ann Jones", None),
])
def test_a_body_after_a_register_name_keeps_its_first_word(raw, person, org):
    people = [p.surface for p in find_people(raw, 0, NameContext())]
    assert person in people
    orgs = _orgs(raw)
    assert (org in orgs) if org else not any("Council" in o or "Trust" in o for o in orgs)
