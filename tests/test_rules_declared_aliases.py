"""Initials declared beside a name in an attendance list, in two shapes the list reader missed.

- The letters wrapped to the next line: "Alison Hopkins" / "(AHop)" (a charity's trustees),
  "Roy Hamdy" / "(RH)" (a community council).
- A name whose given name the given-name list lacks, its two initials beside it: "Shayna
  Daitch (SD)" (a neighbourhood community council), "Eunis Jassemi (EJ)" (a community
  council).  Not a body's or a plan's acronym: "Parish Council (PC)", "Neighbourhood Plan (NP)".
Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract.names import declared_aliases


@pytest.mark.parametrize("raw, expected", [
    ("Present; Joan Piercy (JP), Alma Hargreaves\n(AHar), Alma Bristow (AB)",
     {"JP": "Joan Piercy", "AHar": "Alma Hargreaves", "AB": "Alma Bristow"}),
    ("Morag Keir (MK), Ross Haldane\n(RH), Ivy Yule (IY)", {"MK": "Morag Keir", "RH": "Ross Haldane", "IY": "Ivy Yule"}),
    ("her staff member, Tahlia Dwornik (TD), joined us", {"TD": "Tahlia Dwornik"}),
    ("Apologies: Cllrs Eunis Vashti (EV) and Lana Reid", {"EV": "Eunis Vashti"}),
    # a body's or a plan's letters are no person's initials
    ("the Parish Council (PC) and the Neighbourhood Plan (NP) group", {}),
    ("Sound Transit (ST) will report", {}),
])
def test_declared_initials(raw, expected):
    assert declared_aliases(raw) == expected
