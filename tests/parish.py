"""One tiny parish council's minutes around the line under test, as the rule tables read it.

The heading and attendance are written the way parish minutes write them, so a rule sees its
line with a body, a chair, members and a clerk, as it does in real minutes.
"""
from __future__ import annotations

from kg.extract import extract
from kg.records import Document, Extraction
from kg.segment import segment

HEADER = "RIVERSIDE PARISH COUNCIL Minutes of the meeting held on 3 March 2025\n\n" \
         "Present: Cllr Ann Lee (Chair) Cllr Raj Patel Cllr Tom Cole Jo Bright (Clerk)\n\n"


def minutes_with(lines: str) -> str:
    """The whole text: the heading, the attendance and an item holding `lines`."""
    return HEADER + "12/25 Matters arising\n\n" + lines + "\n"


def run(lines: str) -> Extraction:
    """What the extract stage reads from `lines` inside those minutes."""
    return extract(segment(Document("t.txt", minutes_with(lines), "txt", "0")))


def owners(action) -> list[str]:
    """An action's owners as written (a post by its holder's name)."""
    return [o.person.surface if o.person else o.surface for o in action.owners]
