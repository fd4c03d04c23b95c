"""What reads like an organisation and is none: a law named after what it governs, a service's
word in a post's portfolio or an item's heading, a church's service of worship, as (raw,
expected) tables of minute-writing (names invented; shapes taken from the minutes of an Irish
city and county council, a Canadian city committee, a Scottish community council, an English
parish council, two Welsh community councils, a library charity's trustees and a library
board)."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, defined_acronyms, find_orgs, find_people


def _orgs(text: str) -> list[str]:
    people = find_people(text, 0, NameContext())
    return [o.surface for o in find_orgs(text, 0, {}, [(m.start, m.end) for m in people])]


@pytest.mark.parametrize("raw, expected", [
    ("In accordance with Section 183 of the Local Government Act, 2001 the disposal was approved.", []),
    ("Notice was given under the Planning and Development Act, 2000 (as amended).", []),
    ("Service managers are funded under the Housing Services Act.", []),
    ("The Local Government Association issued new guidance.", ["Local Government Association"]),
])
def test_a_law_named_after_what_it_governs_is_not_a_body(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Also present: Director, Planning and Place-Making (Mr. T. Byrne).", []),
    ("(f) Heritage, Planning and Licensing Contact (AB)", []),
    ("The Director of Planning and Environment noted that the register was available.", []),
    ("03.25.11 Planning - two applications had been received.", []),
    ("**PLANNING AND DEVELOPMENT:**", []),
    ("- Highways advised that the road would close in May.", ["Highways"]),
])
def test_a_service_word_in_a_portfolio_or_a_heading_is_not_the_service(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("The Carol Service will be held in the church on 20 December.", []),
    ("A collection was taken at the Remembrance Service.", []),
    ("Xmas Morning Communion Service at 10am.", []),
    ("The new self service machines were installed; the Self Service kiosk is popular.", []),
    ("The Westshire Fire and Rescue Service will inspect the hall.", ["Westshire Fire and Rescue Service"]),
])
def test_a_service_of_worship_is_not_a_body(raw, expected):
    assert _orgs(raw) == expected


# a thing, a post or people joined to a body by "and the" or put before it (a Welsh community
# council's carol services, an English parish council, a US community council, a borough audit
# committee): the body is what follows
@pytest.mark.parametrize("raw, expected", [
    ("Xmas Eve and the Choral Group will sing at the church.", ["Choral Group"]),
    ("The Asset Manager and the Highways have been asked to inspect the verge.", ["Highways"]),
    ("Letter from Chairman Westbury Parish Council regarding the footpath.", ["Westbury Parish Council"]),
    ("Officers and Audit Commission representatives attended.", ["Audit Commission"]),
    ("The Finance and Audit Committee met in May.", ["Finance and Audit Committee"]),
])
def test_what_is_joined_to_a_body_is_not_part_of_it(raw, expected):
    assert _orgs(raw) == expected


# a paper, a plan, a programme or a measure defined by its acronym (a US fire district's
# board, a Canadian city committee, a US school board) is no body, nor is its acronym
@pytest.mark.parametrize("raw, expected", [
    ("Staff presented the Community Safety Report (CSR); the CSR was received.", []),
    ("The Homes for Everyone Plan (HEP) sets targets; the HEP was endorsed.", []),
    ("Funding from the Rent Relief Program (RRP) continues. RRP applications rose.", []),
    ("The English Learner Progress Indicator (ELPI) rose. ELPI results were shared.", []),
    ("The Westland Housing Agency (WHA) attended; the WHA will report in May.", ["Westland Housing Agency", "WHA", "WHA"]),
])
def test_a_paper_or_programme_named_by_its_acronym_is_not_a_body(raw, expected):
    people = find_people(raw, 0, NameContext())
    found = find_orgs(raw, 0, defined_acronyms(raw), [(m.start, m.end) for m in people])
    assert [o.surface for o in found] == expected
