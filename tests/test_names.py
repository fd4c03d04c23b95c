"""Finding people and organisations as written: (raw, expected) tables."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, declared_aliases, defined_acronyms, find_orgs, find_people


def people(text: str, aliases: dict[str, str] | None = None) -> list[str]:
    return [m.surface for m in find_people(text, 0, NameContext(aliases=aliases or {}))]


def orgs(text: str) -> list[str]:
    return [o.canonical or o.surface for o in find_orgs(text, 0, defined_acronyms(text), [])]


@pytest.mark.parametrize("raw, expected", [
    ("Cllr Smith welcomed the members.", ["Cllr Smith"]),
    ("Present: Cllr Sue Bell (Chair) Cllr Tom Mann Cllr Jo McNeill (Vice Chair)",
     ["Cllr Sue Bell", "Cllr Tom Mann", "Cllr Jo McNeill"]),
    # an untitled name right after a titled one starts a new person
    ("Cllr Janet Taylor Helen Richardson (Clerk)", ["Cllr Janet Taylor", "Helen Richardson"]),
    ("J Hassall replied that GR White would attend.", ["J Hassall", "GR White"]),
    ("J Monty introduced K Crichlow’s report.", ["J Monty", "K Crichlow"]),
    ("Gladys Rhodes-White gave a presentation.", ["Gladys Rhodes-White"]),
    ("Cheryl Way talked through the project.", ["Cheryl Way"]),
    # places and bodies named after people are not people
    ("Lynn Road and High Street", []),
    ("Aneurin Bevan UHB", []),
    ("Stoke Ferry King's Lynn Norfolk PE33", []),
    ("ref 19/01754/F Stoke Ferry", []),
    ("MW said that CW would attend.", ["MW", "CW"]),
])
def test_find_people(raw, expected):
    aliases = {"MW": "Mark Wardle", "CW": "Cheryl Way"} if "MW" in raw else None
    assert people(raw, aliases) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Mark Wardle (MW) (Chair)\t-\tCardiff and Vale UHB\nAndy Warburton (AWa)\t-\tAneurin Bevan UHB",
     {"MW": "Mark Wardle", "AWa": "Andy Warburton"}),
    # the letters must fit the name: a body's acronym is not a person's initials
    ("the Institute of Cemetery and Crematorium Management (ICCM)", {}),
    ("NHS Wales Informatics Service\nCheryl Way (CW)", {"CW": "Cheryl Way"}),
])
def test_declared_aliases(raw, expected):
    assert declared_aliases(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("The DfE will recruit an independent advisor.", ["Department for Education"]),
    ("Ofsted highlighted the Children in Care Council as a strength.", ["Ofsted", "Children in Care Council"]),
    ("template provided by the Institute of Cemetery and Crematorium Management (ICCM)",
     ["Institute of Cemetery and Crematorium Management"]),
    ("larger system providers such as Epic and Cerner have standards", ["Epic", "Cerner"]),
    ("granted funding of £4,028 from Locality.", ["Locality"]),
    ("Buildings Owned by 2Agriculture and others", ["2Agriculture"]),
    ("waiting until NIMB’s endorsement", ["NIMB"]),
    ("clinical commissioning group and the local authority", ["Clinical Commissioning Group", "Local Authority"]),
])
def test_find_orgs(raw, expected):
    found = orgs(raw)
    for name in expected:
        assert any(name.lower() == f.lower() for f in found), (name, found)


# Bodies named by rules that hold across house styles: a district that is a body (Irish municipal
# and metropolitan districts, US fire and school districts), a hotel (a venue, a business), the
# national bodies and banks of the gazetteer; and what those rules must not take.
@pytest.mark.parametrize("raw, expected", [
    ("I will move at the next meeting of the Ballyduff/Rathmore Municipal District that",
     ["Ballyduff/Rathmore Municipal District"]),
    ("Notice of Motion submitted by the Municipal District of Glenmore-Ardee", ["Municipal District of Glenmore-Ardee"]),
    ("Minutes of Monthly Meeting of the Municipal District of\n\nGlenmore-Ardee held on 9th May, 2023.",
     ["Municipal District of Glenmore-Ardee"]),
    ("the Cathaoirleach of the Metropolitan District of Ardee Chair", ["Metropolitan District of Ardee"]),
    ("Regular meeting of the Oakridge Metropolitan Fire District.", ["Oakridge Metropolitan Fire District"]),
    ("The PKOC (Park District Oversight Committee) met.", ["Park District Oversight Committee"]),
    ("The next meeting will be held at 7pm in Riverbank House Hotel, Ardee.", ["Riverbank House Hotel"]),
    ("Cllr Dunne stated the Glen Valley Hotel is closed until spring.", ["Glen Valley Hotel"]),
    ("put forward for submission to the NTA to consider the project", ["National Transport Authority"]),
    ("advising that Uisce Eireann have issued a work order", ["Uisce Éireann"]),
    ("the refurbishment of the old Bank of Ireland building", ["Bank of Ireland"]),
    ("Accounts are held with Lloyds and HSBC.", ["Lloyds Bank", "HSBC"]),
    ("Registered in England by the FCA, registered number 31542R", ["Financial Conduct Authority"]),
])
def test_bodies_by_general_rules(raw, expected):
    found = orgs(raw)
    for name in expected:
        assert any(name.lower() == f.lower() for f in found), (name, found)


@pytest.mark.parametrize("raw", [
    "The review of parking spaces across the Municipal District is ongoing.",
    "The design will be ready before the April Municipal District meeting.",
    "A summary of the Schedule of Municipal District Works was provided.",
    "This was deferred to the March Meeting of the Council.",
    "Registered Office: 4 Mill Lane, Ardee",
])
def test_not_bodies(raw):
    found = orgs(raw)
    assert not any(f.endswith("District") or f.startswith(("March", "April")) or f == "Registered Office"
                   for f in found), found


# Irish and Scottish surnames whose prefix is written as a word of its own ("O Donnell", "Mc
# Williams") are one surname, not a name cut in two
@pytest.mark.parametrize("raw, expected", [
    ("an update on Cllr. Sean O Donnell’s motion from March 2019", ["Cllr. Sean O Donnell"]),
    ("Cllr. O Donovan expressed her dissatisfaction", ["Cllr. O Donovan"]),
    ("Treasurer - Moira Mc Williams", ["Moira Mc Williams"]),
    ("O Connell Street will be closed", []),
])
def test_spaced_surname_prefix(raw, expected):
    assert people(raw) == expected


# A name with its initials in brackets gives a person's initials, not an acronym to define an
# organisation by: "Full Name (XX)" beside people, an initial for a first name, a person's
# mixed-case alias; a long form with a body word or an acronym in it stays an organisation's.
@pytest.mark.parametrize("raw, expected", [
    ("Present; Maeve Tolland (MT), Orla Quennell (OQ), Breda Yelverton (BY).", {}),
    ("Apologies were received from Helen Pryce (HP), Coralie Strand Voss (CSV) and Ysolde Manwaring (YM).", {}),
    ("M Dunphy (MD) re request for a donation towards the new benches.", {}),
    ("Ali Pennock (APen) and Natalie Orme-Blythe (NOB) tabled the costings.", {}),
    ("Councillors Orla Quennell (OQ) and Tam Ruari McAvoy (TRMcA) sent apologies.", {}),
    ("Adele Fenwick (AF) and the Parish Liaison Group (PLG) met twice.", {"PLG": "Parish Liaison Group"}),
    ("The Public Participation Network (PPN) nominated members.", {"PPN": "Public Participation Network"}),
    ("Kerrow Housing Services (KHS) reported on voids.", {"KHS": "Kerrow Housing Services"}),
    # a report named by its acronym: neither a person's initials nor a body's acronym
    ("Annual Comprehensive Financial Report (ACFR) accepted.", {}),
])
def test_person_initials_are_not_acronyms(raw, expected):
    assert defined_acronyms(raw) == expected


# A page, item or year number before a bare body word is layout, not a body's name; a meeting
# "of" a body names the body after "of"; a club named by its number keeps it.
@pytest.mark.parametrize("raw, expected", [
    ("opening hours were discussed (see page 14 Library hours)", []),
    ("The 2025 Board Calendar was reviewed and approved.", []),
    # the ordinance's number is no part of the body, which is named head first
    ("PASSED TO SECOND READING (Y-4) 188412 Office of Management and Finance", ["Office of Management and Finance"]),
    ("At the 7th Meeting of the Leisure and Amenities Committee held on 3 May", ["Leisure and Amenities Committee"]),
    ("as agreed at the Budget Meeting of the Council in November", []),
    ("The 200 Club draw raised £140 for the hall.", ["200 Club"]),
    ("The 1st Kelbrook Scout Group thanked the council.", ["1st Kelbrook Scout Group"]),
])
def test_numbers_before_body_words(raw, expected):
    assert orgs(raw) == expected
