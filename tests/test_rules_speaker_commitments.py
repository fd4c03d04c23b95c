"""A speaker's own commitment in a clause after what they reported: 'X noted that ... and she
would VP', 'X explained ... and she will VP'.

Found in a community council ("Cllr A explained their next meeting is next week and she will
bring it up then and report back to it") and a neighbourhood community council in another
country ("Ellen noted that there was an additional deposit made and she would include it on the
subsequent treasurer's report").  Not: a wish or a state ("and he would like a site visit",
"and she will be missed"), nor "they" (whose antecedent is seldom the speaker).
Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

HEAD = ("ASHCOMBE COMMUNITY COUNCIL\n\nMinutes of a meeting of the above Council held on Monday 12th May 2025."
        "\n\nPresent: Cllrs Marsh, Pellow, Quint & the Clerk. Also present: Ellen Varga.\n\n3101. Police Report: None."
        "\n\n3102. Forum: ")


def tasks(line: str) -> list[tuple[str, list[str]]]:
    ex = extract(segment(Document("t.txt", HEAD + line + "\n\n3103. Correspondence: None.\n", "txt", "0")))
    return [(a.text, [o.surface for o in a.owners]) for a in ex.actions]


@pytest.mark.parametrize("line, expected", [
    ("Ellen Varga noted that there was an additional deposit made and she would include it on the "
     "subsequent treasurer’s report.", [("include it on the subsequent treasurer’s report", ["Ellen Varga"])]),
    ("Cllr Pellow explained their next meeting is next week and she will bring it up then.",
     [("bring it up then", ["Cllr Pellow"])]),
    ("Cllr Quint reported that the road was closed and he would chase the contractor.",
     [("chase the contractor", ["Cllr Quint"])]),
    ("Cllr Pellow said the road was closed and he would like a site visit.", []),
    ("Cllr Pellow reported that her last day is tomorrow and she will be missed.", []),
    ("Cllr Pellow said the hall was booked and they will let us know.", []),
])
def test_and_she_will_after_a_report(line, expected):
    assert tasks(line) == expected
