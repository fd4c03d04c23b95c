"""Rules for the minutes of NHS networks and special interest groups (and the councils and
boards that write the same way), as (raw, expected) tables of minute-writing.

The shapes come from real minutes of several bodies (an imaging network's groups, parent
councils, library trustees, community councils); the names here are invented.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

NETWORK = ("NORTHFIELD IMAGING NETWORK - Spine SIG\nMinutes of the meeting held on 4 March 2025\n\n"
           "Attendance: Anna Price, Helen Marsh, Owen Reid, Sunil Desai\n\n")
COUNCIL = "RIVERSIDE PARISH COUNCIL Minutes of the meeting held on 3 March 2025\n\n" \
          "Present: Cllr Ann Lee (Chair) Cllr Raj Patel Cllr Tom Cole Jo Bright (Clerk)\n\n"


def run(sentence: str, header: str = NETWORK):
    text = header + "Discussion\n\n" + sentence + "\n"
    return extract(segment(Document("t.txt", text, "txt", "0")))


def orgs(ex) -> set[str]:
    return {o.surface for o in ex.organisations}


# -- towns that stand for NHS trusts -------------------------------------------------------

@pytest.mark.parametrize("sentence, trusts", [
    # the trusts of a network named by their towns, in minutes that speak of trusts
    ("OR said Airedale and Bradford are live, the next trusts are Leeds and York.",
     {"Airedale NHS Foundation Trust", "Bradford Teaching Hospitals NHS Foundation Trust",
      "Leeds Teaching Hospitals NHS Trust", "York and Scarborough Teaching Hospitals NHS Foundation Trust"}),
    ("AP -Harrogate have run the pathway for two years; other hospitals plan to follow.",
     {"Harrogate and District NHS Foundation Trust"}),
    ("Demand has grown at Sheffield, and both hospitals are outsourcing.",
     {"Sheffield Teaching Hospitals NHS Foundation Trust"}),
    # a trust's acronym, from the gazetteer
    ("SD said CHFT and the other WYAAT trusts had signed the agreement.",
     {"Calderdale and Huddersfield NHS Foundation Trust", "West Yorkshire Association of Acute Trusts"}),
])
def test_towns_stand_for_trusts_where_the_minutes_speak_of_trusts(sentence, trusts):
    assert trusts <= orgs(run(sentence))


@pytest.mark.parametrize("sentence", [
    # a town is a town in minutes that never speak of trusts or hospitals
    "The Clerk will book the coach to Leeds for the outing in June.",
    "Cllr Tom Cole reported that the York branch of the society had closed.",
])
def test_a_town_is_a_town_elsewhere(sentence):
    names = orgs(run(sentence, COUNCIL))
    assert not any("NHS" in n for n in names), names


@pytest.mark.parametrize("sentence, absent", [
    # a word of a longer name, not the trust ("York Road", "Leeds Beckett", "East Leeds")
    ("Both hospitals are near York Road.", "York and Scarborough Teaching Hospitals NHS Foundation Trust"),
    ("The trusts met staff of East Leeds Primary Care Network.", "Leeds Teaching Hospitals NHS Trust"),
    ("The trusts thanked North Leeds for its help.", "Leeds Teaching Hospitals NHS Trust"),
])
def test_a_town_inside_a_longer_name_is_not_the_trust(sentence, absent):
    assert absent not in orgs(run(sentence))
