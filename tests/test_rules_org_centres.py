"""Organisations named as a centre, a service or a venue ("the Children’s Centre", "X Counseling
Center"), and the centre of a place that is none, as (raw, expected) tables of minute-writing
(names invented; shapes taken from the minutes of a library board, a US school board, an Irish
city and county council, a residents' association, a borough audit committee and a Welsh
community council)."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_orgs, find_people


def _orgs(text: str) -> list[str]:
    people = find_people(text, 0, NameContext())
    return [o.surface for o in find_orgs(text, 0, {}, [(m.start, m.end) for m in people])]


@pytest.mark.parametrize("raw, expected", [
    ("The library now shares its building with the Children’s Centre.", ["Children’s Centre"]),
    ("Approve the agreement with Oakridge Counseling Center for student services.",
     ["Oakridge Counseling Center"]),
    ("The nominee works at the Westbury Family Resource Centre.", ["Westbury Family Resource Centre"]),
    ("The meeting was held at Hollin Civic Centre.", ["Hollin Civic Centre"]),
    ("A donation was received from the Marlow Therapy Centre.", ["Marlow Therapy Centre"]),
])
def test_a_named_centre_is_an_organisation(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw", [
    "Parking in the City Centre was discussed.",
    "Traders in Westbury Town Centre were consulted.",
    "The plan covers the Westbury City\nCentre and its approaches.",
])
def test_the_centre_of_a_place_is_not(raw):
    assert _orgs(raw) == []


# a church named by its saint or parish (a parish church meeting, a town trust, a Scottish
# community council, two Welsh community councils); a transit agency (a US community council,
# a US city council); a firm in capitals before its suffix (an English parish council's planning
# list, seen beside one in mixed case); the Irish police as minutes write them (the plenary
# meeting and a transport committee of an Irish city and county council)
@pytest.mark.parametrize("raw, expected", [
    ("The flower festival at St Anne’s Church raised £300.", ["St Anne’s Church"]),
    ("The service will be held in Westfield Parish Church on 3rd May.", ["Westfield Parish Church"]),
    ("The Church Hall roof needs repair.", []),
    ("The Parochial Church Meeting then resumed.", []),
    ("Representatives of Harbour Transit attended to talk about the new line.", ["Harbour Transit"]),
    ("Bus Rapid Transit was discussed.", []),
    ("14/00212/F – QX UK Ltd & Northway Mobile UK Ltd. No objection.", ["QX UK Ltd", "Northway Mobile UK Ltd"]),
    ("The Garda Siochána has to play its part in enforcement.", ["Garda Siochána"]),
    ("that we write to the Chief Superintendent of Westbury Garda", ["Garda"]),
])
def test_churches_transit_agencies_firms_in_capitals_and_the_irish_police(raw, expected):
    assert _orgs(raw) == expected
