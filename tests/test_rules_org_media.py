"""Organisation rules for the papers, newsletters and stations a body deals with, and for firms
written "& Co", as (raw, expected) tables of minute-writing (names invented; shapes taken from the
minutes of a library charity's trustees in two years, a school parent council, a library board
and a borough audit committee)."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_orgs, find_people


def _orgs(text: str) -> list[str]:
    people = find_people(text, 0, NameContext())
    return [o.surface for o in find_orgs(text, 0, {}, [(m.start, m.end) for m in people])]


@pytest.mark.parametrize("raw, expected", [
    ("AGREED that we would publicise this by asking the Wessex Daily Times to do a feature.",
     ["Wessex Daily Times"]),
    ("The events will go in the Ambridge and Borchester Journal alongside the Community News.",
     ["Ambridge and Borchester Journal", "Community News"]),
    ("PH offered to advertise the recipe book in the Felpham Gazette.", ["Felpham Gazette"]),
    ("The Library received good publicity this week on Radio Wessex and in the Borchester Echo.",
     ["Radio Wessex"]),
    ("BBC Radio Kent interviewed the Chair.", ["BBC Radio Kent"]),
])
def test_papers_newsletters_and_stations_are_organisations(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw", [
    "The Opening Times of the hall were discussed.",
    "Bus Times have changed since April.",
    "Latest News from the school was read out.",
])
def test_times_and_news_as_plain_nouns_are_not(raw):
    assert _orgs(raw) == []


@pytest.mark.parametrize("raw, expected", [
    ("The Chair declared a personal interest as a partner in Hollis-Brand & Co which audits charities.",
     ["Hollis-Brand & Co"]),
    ("It was agreed to appoint Peter Marsh & Co as independent examiner.", ["Peter Marsh & Co"]),
])
def test_a_firm_written_and_co(raw, expected):
    assert _orgs(raw) == expected
