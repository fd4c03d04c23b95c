"""Minutes with no heading, list or number, as township boards write them, asked of.

A township board's special meeting and another township's regular meeting (names invented, the
shapes kept): a title line, then every record a line or a run of prose with no item heading
("Call to order ...", "Motion ... by Trustee A, supported by Clerk B, all ayes, motion passes.",
"A motion to pay the bills was made by A and supported by B. Motion carried."); "supported"
seconds a motion, and a line of prose may end on "Case No." with its number on the next line.
"""
from __future__ import annotations

import pytest

from tests.conftest import assert_answered, read_only, store_of_texts

SPECIAL = """Special Township Board Meeting, March 11, 2024

Call to order 9:00 am by Supervisor Ann Lake
Roll Call by Clerk Mary Dunn all present, Supervisor Ann Lake, Trustee Peter Holt, Trustee Sarah Cole, Clerk Mary Dunn
Motion 01031124 to go into closed session 9:05 am to discuss a legal matter, Circuit Court Case No.
24-0113, by Trustee Peter Holt, supported by Clerk Mary Dunn, all ayes, motion passes.
Motion 02031124 to adjourn closed session at 9:40 am by Trustee Sarah Cole supported by
Trustee Peter Holt, all ayes, motion passes.
Respectfully submitted by Clerk Mary Dunn
"""

REGULAR = """APRIL 2, 2024 Regular meeting of the Kettle Creek Township Board

The meeting was called to order with the Pledge to the Flag. There were 3 citizens and 5 board members present. A motion to accept the minutes was made by John Baker and supported by Helen Marsh. Motion carried. Bills in the amount of $12,400 were presented for payment. A motion to pay the bills was made by Helen Marsh and supported by John Baker. Motion carried. John Baker moved and Helen Marsh supported to approve the 2024-2025 Budget. Motion carried.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "township", {"lakeside-township-2024-03-11.txt": SPECIAL, "kettle-creek-township-2024-04-02.txt": REGULAR})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must", [
    ("who moved to go into closed session?", r"proposed by Peter Holt"),
    ("who supported the motion to go into closed session?", r"seconded by Mary Dunn"),
    ("who supported the motion to adjourn closed session?", r"seconded by Peter Holt"),
    ("who moved to adjourn closed session?", r"proposed by Sarah Cole"),
    ("who proposed accepting the minutes at Kettle Creek?", r"proposed by John Baker"),
    ("who seconded paying the bills?", r"seconded by John Baker"),
    ("who supported the motion to approve the budget?", r"seconded by Helen Marsh"),
    ("who moved the budget?", r"proposed by John Baker"),
])
def test_a_motion_in_a_line_of_prose_is_answered(store, question, must):
    assert_answered(store, question, must)
