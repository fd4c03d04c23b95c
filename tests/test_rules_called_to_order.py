"""The chair from who called the meeting to order, as North American boards write it (names
invented; the shape taken from a fire district's board and a school district's board), as a
(raw, expected) table run through the whole extract stage."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

HEAD = "Lakeside Water District Board of Directors\nMinutes of the Regular Meeting, January 23, 2025\n\n"


@pytest.mark.parametrize("raw, chair", [
    ("CALL TO ORDER\n\nThe meeting was called to order at 6:01 pm by President Ash. Board members present:\n"
     "Clark, Costa, Ash and Webber. Board members absent: Jones.\n", "Ash"),
    ("Open Session\nThe January 14 regular meeting was called to order by the president, Jo Avey. The meeting "
     "was livestreamed.\n\nRoll Call\nPresent:\nJo Avey, president\nTanya Krall, vice president\n", "Jo Avey"),
    ("The meeting was called to order by Chair Dee Morton at 7:00 pm.\n\nPresent: Dee Morton, Al Finch\n",
     "Dee Morton"),
])
def test_who_called_the_meeting_to_order_chaired_it(raw, chair):
    ex = extract(segment(Document("t.txt", HEAD + raw, "txt", "0")))
    assert [a.person.surface for a in ex.attendance if a.role == "chair"] == [chair]


def test_a_meeting_called_to_order_by_nobody_named_has_no_chair_from_it():
    ex = extract(segment(Document("t.txt", HEAD + "The meeting was called to order at 1:00 PM.\n\n"
                                  "Present: Dee Morton, Al Finch\n", "txt", "0")))
    assert [a for a in ex.attendance if a.role == "chair"] == []
