"""Bodies' names where registers and headings run them into other words.

An acronym joined by "and" or "&" to a body's name is a body of its own: seen in a parents'
association (a council's acronym and a government's guidelines), a safeguarding board's register
(a trust's acronym and a panel), and in the unlabelled minutes of a community council (a Welsh
agency and a government) and an Irish county council (a committee and the full council).  A unit
named by its trades ("IT and Digital Services Team") stays one unit.

A weekday and date before a body's name in a heading date the meeting: a police and crime
panel's heading (date, then the host council and its offices) and an academy's governing body
(date, then "At" the academy).

A corporation is a body (a housing association's board names the former housing regulator, an
academy's governing body its sponsor corporation); corporation tax is not.

A register's entry with no comma between the person and their body: the body's first word is
not a third word of the name (a police and crime panel's apologies, an academy's clerk).  Names
and places below are invented."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_orgs, find_people


def _orgs(raw: str) -> list[str]:
    people = find_people(raw, 0, NameContext())
    return [o.surface for o in find_orgs(raw, 0, {}, [(p.start, p.end) for p in people], None)]


@pytest.mark.parametrize("raw, expected", [
    ("The new rota follows the KBC and Scottish Government advice on visits.", ["KBC", "Scottish Government"]),
    ("A joint letter from EWA & Welsh Government was read.", ["EWA", "Welsh Government"]),
    ("Jo Dunn, Named Nurse, WHT and Audit Review Panel member", ["WHT", "Audit Review Panel"]),
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
    ("A grant from the Kelby Housing Corporation was received.", ["Kelby Housing Corporation"]),
    ("Abbreviations: KCC (Kelby City Corporation)", ["Kelby City Corporation"]),
    ("Corporation Tax was paid in full.", []),
])
def test_a_corporation_is_a_body(raw, expected):
    assert [o for o in _orgs(raw) if "Corporation" in o] == expected


@pytest.mark.parametrize("raw, person, org", [
    ("Apologies: Cllr P Moss Westbury Borough Council Mayor Ann Lee, Mayor of Kelby",
     "Cllr P Moss", "Westbury Borough Council"),
    ("Clerk / Mr Tom Hale Kelby Learning Trust", "Mr Tom Hale", "Kelby Learning Trust"),
    # a name of three words with nothing of a body after it stays whole
    ("Cllr Mary Ann Jones attended the meeting.", "Cllr Mary Ann Jones", None),
])
def test_a_body_after_a_register_name_keeps_its_first_word(raw, person, org):
    people = [p.surface for p in find_people(raw, 0, NameContext())]
    assert person in people
    orgs = _orgs(raw)
    assert (org in orgs) if org else not any("Council" in o or "Trust" in o for o in orgs)
