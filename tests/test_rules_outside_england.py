"""Shapes of minute-writing read on a sixth set of unseen minutes: bodies outside England (a
Scottish community council, integration joint board and council; a Welsh community council; a
Northern Irish district council; a US water district and county commission; a Canadian
municipal council; a New Zealand local board; an Australian shire council).

Each rule was seen in two or more bodies:

- "Proposed by Councillor A Seconded by Councillor B, and" / "Resolved: that X", every word
  capitalised on lines of its own: one motion, X moved by A and seconded by B (two Northern Irish
  district councils: "Moved by the Lord Mayor," / "Seconded by Councillor B and" / "Resolved -
  That ..." is the other's form).

Names and bodies are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


def surface(ref) -> str | None:
    return ref.surface if ref is not None else None


NI_COUNCIL = """KILREA DISTRICT COUNCIL

Minutes of Proceedings of a Meeting of District Council held in the Council Chamber on Tuesday, 9 June 2015.

2 Minutes

2.1 It was

Proposed by Councillor D Harkin Seconded by Councillor M O Fearon, and

Resolved: that the Minutes of the Meeting of the Council held on Tuesday, 12 May 2015 be taken as read and signed as correct.

2.2 It was

Moved by the Mayor (Councillor P Rooney),

Seconded by Councillor E Tolan and

Resolved - That the minutes of the Special Meeting of 19 May 2015 be signed as correct.
"""

# (the resolution's opening words, its proposer, its seconder)
MOTIONS = [
    ("the Minutes of the Meeting of the Council held on Tuesday, 12 May 2015", "Councillor D Harkin",
     "Councillor M O Fearon"),
    ("the minutes of the Special Meeting of 19 May 2015", "Councillor P Rooney", "Councillor E Tolan"),
]


@pytest.mark.parametrize("opening, proposer, seconder", MOTIONS)
def test_capitalised_motion_lines_move_the_resolution_after_them(opening, proposer, seconder):
    ex = run(NI_COUNCIL)
    found = [d for d in ex.decisions if d.text.startswith(opening)]
    assert len(found) == 1, [d.text for d in ex.decisions]
    d = found[0]
    assert (surface(d.proposer), surface(d.seconder)) == (proposer, seconder)
    assert opening in d.evidence.quote and NI_COUNCIL[d.evidence.start:d.evidence.end] == d.evidence.quote


def test_capitalised_motion_lines_leave_no_decision_of_their_own():
    ex = run(NI_COUNCIL)
    assert not [d.text for d in ex.decisions if d.text.startswith(("Proposed by", "Seconded by", "Moved by"))]
