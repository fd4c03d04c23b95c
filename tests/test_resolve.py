"""resolve: name variants to one person, close names kept apart, organisations keyed."""
from __future__ import annotations

import pytest

from kg.records import Document, Extraction, Meeting, OrgRef, PersonRef
from kg.resolve import parse_name, resolve


def clusters(surfaces: list[str], body: str = "Test Board") -> list[set[str]]:
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body=body, date=None),
                    people=[PersonRef(s) for s in surfaces])
    res = resolve(ex)
    by_key: dict[str, set[str]] = {}
    for s in surfaces:
        by_key.setdefault(res.person_of[s], set()).add(s)
    return sorted(by_key.values(), key=lambda c: sorted(c))


@pytest.mark.parametrize("surfaces, expected", [
    (["Julia Hassall", "J Hassall"], [{"Julia Hassall", "J Hassall"}]),
    (["Gladys Rhodes White", "Gladys Rhodes-White", "GR White"],
     [{"Gladys Rhodes White", "Gladys Rhodes-White", "GR White"}]),
    (["Kit Hesketh Harvey", "Cllr Kit Hesketh-Harvey"], [{"Kit Hesketh Harvey", "Cllr Kit Hesketh-Harvey"}]),
    (["Jim McNeill", "Cllr Jim McNeil"], [{"Jim McNeill", "Cllr Jim McNeil"}]),        # a slip of one letter
    (["Cllr Sue Lintern", "Sue Lintern"], [{"Cllr Sue Lintern", "Sue Lintern"}]),
    (["Kerry Crichlow", "K Crichlow"], [{"Kerry Crichlow", "K Crichlow"}]),
    # different people stay apart
    (["S Taylor", "Sue Talbot"], [{"S Taylor"}, {"Sue Talbot"}]),
    (["Julia Hassall", "Julie Graham", "J Graham"], [{"J Graham", "Julie Graham"}, {"Julia Hassall"}]),
    (["John Evans", "Tom Evans"], [{"John Evans"}, {"Tom Evans"}]),                   # father and son
    (["Jim Bell", "Tim Bell"], [{"Jim Bell"}, {"Tim Bell"}]),                         # one letter, other given name
])
def test_person_clusters(surfaces, expected):
    assert clusters(surfaces) == expected


def test_ambiguous_initial_is_reported_not_guessed():
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body="Test Board", date=None),
                    people=[PersonRef(s) for s in ("John Evans", "Jane Evans", "J Evans")])
    res = resolve(ex)
    assert len({res.person_of[s] for s in ("John Evans", "Jane Evans", "J Evans")}) == 3
    assert any("J Evans" in u for u in res.unresolved)


def test_keys_are_stable_and_scoped():
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body="Test Board", date=None),
                    people=[PersonRef("Julia Hassall"), PersonRef("Cllr Smith")])
    res = resolve(ex)
    # a full name is global, so other bodies' minutes link to it; a bare surname is the body's
    assert res.person_of["Julia Hassall"] == "julia-hassall"
    assert res.person_of["Cllr Smith"] == "test-board--cllr-smith"


@pytest.mark.parametrize("raw, title, given, initials, surname", [
    ("Cllr Sue Lintern", "Cllr", ["Sue"], "S", "Lintern"),
    ("GR White", None, [], "GR", "White"),
    ("Dr J. Smith", "Dr", [], "J", "Smith"),
])
def test_parse_name(raw, title, given, initials, surname):
    p = parse_name(raw, {})
    assert (p.title, p.given, p.initials, p.surname) == (title, given, initials, surname)


def test_generic_bodies_belong_to_the_body_and_named_ones_are_global():
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body="Wirral Children's Trust", date=None),
                    organisations=[OrgRef("LA"), OrgRef("Ofsted"), OrgRef("Children's Trust")])
    res = resolve(ex)
    assert res.org_of["Ofsted"] == "ofsted"
    assert res.org_of["LA"].startswith("wirral-childrens-trust--")
    assert res.org_of["Children's Trust"] == res.body_key


@pytest.mark.parametrize("surfaces, expected", [
    (["Jane Brown", "JB"], [{"JB", "Jane Brown"}]),
    (["Jane Brown", "Jack Bell", "JB"], [{"JB"}, {"Jack Bell"}, {"Jane Brown"}]),   # two fit: kept apart
    (["Andy Warburton", "Ann Wrightson", "AWa"], [{"AWa", "Andy Warburton"}, {"Ann Wrightson"}]),
])
def test_owner_initials_without_a_declaration(surfaces, expected):
    assert clusters(surfaces) == expected


def test_a_partial_name_links_to_a_person_already_stored_for_the_body():
    from kg.resolve import known_people
    base = "https://w3id.org/govkg/id/"
    rows = [{"person": base + "person/julia-hassall", "name": "Julia Hassall", "body": base + "org/test-board"},
            {"person": base + "person/jack-hassall", "name": "Jack Hassall", "body": base + "org/other-board"}]
    known = known_people(rows, base)
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body="Test Board", date=None),
                    people=[PersonRef("J Hassall")])
    assert resolve(ex, known=known).person_of["J Hassall"] == "julia-hassall"
    ex.meeting.body = "Third Board"  # no one of that name is known in this body's meetings
    assert resolve(ex, known=known).person_of["J Hassall"] == "third-board--j-hassall"


@pytest.mark.parametrize("surfaces, expected", [
    (["Rachael Whitcombe", "Rachel Whitcombe"], [{"Rachael Whitcombe", "Rachel Whitcombe"}]),  # a dropped letter
    # the title says which of two namesakes is meant
    (["Cllr John Evans", "Tom Evans", "Mr Tom Evans", "Cllr Evans", "Mr Evans"],
     [{"Cllr Evans", "Cllr John Evans"}, {"Mr Evans", "Mr Tom Evans", "Tom Evans"}]),
])
def test_spelling_slips_and_titles(surfaces, expected):
    assert clusters(surfaces) == expected


def test_a_generic_body_is_the_one_named_body_of_its_kind():
    ex = Extraction(Document("t.txt", "", "txt", "0"), Meeting(body="Kestrel Vale Partnership", date=None),
                    organisations=[OrgRef("NHS North Pennine ICB"), OrgRef("ICB")])
    res = resolve(ex)
    assert res.org_of["ICB"] == res.org_of["NHS North Pennine ICB"]
    ex.organisations.append(OrgRef("NHS South Fell ICB"))  # two named ICBs: "the ICB" stays generic
    res = resolve(ex)
    assert res.org_of["ICB"] not in (res.org_of["NHS North Pennine ICB"], res.org_of["NHS South Fell ICB"])
