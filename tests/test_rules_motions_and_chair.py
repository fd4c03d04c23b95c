"""Rules for several motions in one item, a motion recorded as failed, the chair named after the
post that presides, a surname written with a second prefix, and a department abbreviated, as
(raw, expected) tables of minute-writing (names invented; shapes taken from the minutes of a
Canadian city committee and an Irish city and county council (motions), a residents'
association and a parish church meeting (the chair), a US community council and a parish
council ('Dept'))."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.names import NameContext, find_orgs, find_people
from kg.records import Document
from kg.segment import segment

COMMITTEE = ("---\ntitle: 4th Meeting of the Parks Committee\ndate: 2025-06-09\n---\nJune 9, 2025, at 1:00 PM\n\n"
             "> [!abstract]- Present:\n> D. Fern, H. Moss, P. Cudd, J. Prior, S. Trent\n\n"
             "# 2.   Items for Direction\n\n## 2.9   Updated Housing Plan Cost Schedule\n\n")


def _decisions(body: str):
    ex = extract(segment(Document("t.md", COMMITTEE + body, "md", "0")))
    return [(d.kind, d.proposer.surface if d.proposer else None, d.seconder.surface if d.seconder else None, d.text)
            for d in ex.decisions]


@pytest.mark.parametrize("raw, expected", [
    # a second and third motion in the same item, each with its own mover and seconder
    ("> Moved by S. Trent\n\n> Seconded by H. Moss\n\nThat the staff report BE RECEIVED.\n\n> **Motion Passed (5 to 0)**\n\n"
     "> Moved by J. Prior\n\n> Seconded by D. Fern\n\nThat the staff report BE REFERRED to the July meeting.\n\n"
     "> **Motion Failed (2 to 3)**\n\n> Moved by H. Moss\n\n> Seconded by J. Prior\n\n"
     "That the Committee recess at this time, for 5 minutes.\n\n> **Motion Passed**\n",
     [("approved", "S. Trent", "H. Moss", "the staff report BE RECEIVED"),
      ("rejected", "J. Prior", "D. Fern", "the staff report BE REFERRED to the July meeting"),
      ("approved", "H. Moss", "J. Prior", "the Committee recess at this time, for 5 minutes")]),
    # the lines of the resolved motion's vote after it still belong to it
    ("Proposed by S. Trent;\n\nSeconded by H. Moss;\n\nAnd Resolved:\n\n“That the draft Minutes be adopted.”\n\n"
     "Proposed by J. Prior;\n\nSeconded by D. Fern;\n\nAnd Resolved:\n\n“That the lease be granted.”\n",
     [("resolved", "S. Trent", "H. Moss", "the draft Minutes be adopted"),
      ("resolved", "J. Prior", "D. Fern", "the lease be granted")]),
])
def test_each_motion_of_an_item_has_its_own_mover_and_seconder(raw, expected):
    assert _decisions(raw) == expected


def _chair(text: str) -> list[str]:
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    return [a.person.surface for a in ex.attendance if a.role == "chair"]


@pytest.mark.parametrize("raw, chair", [
    ("Lakeside Residents Association\nAnnual General Meeting 2025\nMinutes\n\nDate: 24 April 2025\n"
     "Attended: Ian Marsh, Greta Holt, Jon Amos\n\n1 Welcome by the Chair\n\n"
     "The Chair of the Association, Ian Marsh, welcomed all participants to the meeting.\n", ["Ian Marsh"]),
    ("ST. MARY’S CHURCH, ELMTON\n\nMINUTES OF THE ANNUAL PAROCHIAL CHURCH MEETING held in the Church on Tuesday "
     "20th February 2018\nThe vicar, Rev Simon Dale, welcomed everyone to the meeting and opened the meeting with\n"
     "prayer.\n\n1. Minutes\nMinutes were accepted and signed.\n", ["Rev Simon Dale"]),
    # an officer welcoming someone does not preside
    ("ELMTON PARISH COUNCIL\nMinutes of the meeting held on 3 March 2025\n\n"
     "Present: Cllr Ann Lee, Cllr Raj Patel, Jo Bright (Clerk)\n\n1. Welcome\n"
     "The Clerk, Jo Bright, welcomed the new councillor to the meeting.\n", []),
])
def test_the_chair_named_after_the_post_that_presides(raw, chair):
    assert _chair(raw) == chair


def test_a_roll_of_surnames_reads_a_double_barrelled_surname_with_a_prefix():
    text = ("MINUTES OF MEETING OF ELMTON COUNTY COUNCIL HELD ON MONDAY, 27TH JANUARY, 2025.\n\n**MEMBERS PRESENT:**\n\n"
            "Councillors Banks, Bell, Hickey-O’Dowd, Keane, O’Hara, Teale.\n\n**Recent Storms**\n\nThe Mayor spoke.\n")
    ex = extract(segment(Document("t.md", text, "md", "0")))
    assert [a.person.surface for a in ex.attendance if a.role == "present"][-4:] == ["Hickey-O’Dowd", "Keane",
                                                                                      "O’Hara", "Teale"]


@pytest.mark.parametrize("raw, expected", [
    ("She said the Parks Dept. had informed her of the designation decision.", ["Parks Dept"]),
    ("Grass cutting by the Roads Dept was reduced to one cut this year.", ["Roads Dept"]),
])
def test_a_department_abbreviated(raw, expected):
    people = find_people(raw, 0, NameContext())
    assert [o.surface for o in find_orgs(raw, 0, {}, [(m.start, m.end) for m in people])] == expected
