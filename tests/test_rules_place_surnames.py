"""A surname that is also a word of places ("Field", "Hall", "Ward") is a surname where it closes
an entry of a list of names after a given name: an imaging network's attendance line ("Lisa
Field, Amy Richards"), a parish church meeting's list of who does what ("Youth work • Alison
Hall and Lisa Brown"), a city and county council's bold list of members ("**John Ward**").
A place named the same way in running text is still a place ("Kerry Road, Abbeyfeale", "St
Nicolas Church", "the Playing Field Day").  Names are invented; the shapes are kept."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_people


def _people(text: str) -> list[str]:
    return [m.surface for m in find_people(text, 0, NameContext())]


@pytest.mark.parametrize("raw, expected", [
    ("*Attendance: James Barron, Lisa Field, Amy Richer, Gill Barker*",
     ["James Barron", "Lisa Field", "Amy Richer", "Gill Barker"]),
    ("Youth work • Alison Hall and Lisa Brewer", ["Alison Hall", "Lisa Brewer"]),
    ("**Mary O'Dea**  **John Ward**  **Ann Pyne**", ["Mary O'Dea", "John Ward", "Ann Pyne"]),
    ("Present: Peter Wood (Chair), Susan Marsh (Treasurer)", ["Peter Wood", "Susan Marsh"]),
    # places stay places
    ("the sale of property at Kerry Road, Abbeyfeale", []),
    ("a collection for St Nicolas Church, and the hall", []),
    ("plans for the Grace Field Day were noted", []),
])
def test_a_place_word_closing_a_list_entry_is_a_surname(raw, expected):
    assert _people(raw) == expected
