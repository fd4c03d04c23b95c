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
