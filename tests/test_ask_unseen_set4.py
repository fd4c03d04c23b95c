"""Questions of issue 11's kinds asked of invented minutes in the shapes a fourth unseen set showed.

A US town board (a roll of members with middle initials, "called the meeting to order", a
month-first date), a parish council (its chairman and clerk written before their names), a
village hall committee ("Item 1:   Apologies:" with the names below) and a housing association's
board (an acting chief executive).  Each question was answered wrong or refused before the rules
of kg/extract and kg/ask these tests go with; each answer must quote its evidence.
"""
from __future__ import annotations

import pytest

from tests.conftest import assert_answered, read_only, store_of_texts

TOWN_BOARD = """WESTBRIDGE TOWN OFFICES                    TOWN BOARD PROCEEDINGS
10 Mill Road                                          Minutes #2014-05
Westbridge, NY 14000                                  March 3, 2014

Supervisor Karen T. Quince called the meeting to order at 7:00 P.M. with the Pledge of Allegiance.

5-A    MINUTES TO BE APPROVED

Motion by Supervisor Quince, seconded by Councilman Martin J. Fadden, to approve Minutes #2014-04 of February 17, 2014.

Ayes: All          Noes: None          Motion Carried
"""

PARISH = """Minutes of the Parish Council Meeting held on Tuesday 8 March 2022 in the Village Hall at 7.30pm

Present: The Chairman, Cllr Alan Wexcombe and Cllrs Petra Lund, Tom Vane and the clerk, Ruth Ashdale.

1. Apologies for Absence: Cllr Hugh Mace.

2. Footpaths
Cllr Lund reported that the stile on the church path is broken. The clerk will write to the landowner about the stile.
"""

HALL = """Village Hall Management Committee

Monthly Meeting Minutes - 14th June 2019

Present:         Ruth Ambler, Colin Pask, Jane Trew.

Item 1:             Apologies:

                        Mary Oldfield, Peter Stannard,

Item 2:             Minutes of the Last Meeting.

The minutes of the meeting held on May 10th were approved by the Committee.
"""

BOARD = """THE ASHCOMBE HOUSING ASSOCIATION MINUTES OF BOARD MEETING FRIDAY 6 May 2011
Present: Ann Prior (Chair), Tom Vale, Ian Cole
In attendance: Nell Rudd (Acting Chief Executive), Jo Marsh (Finance Director)

1. Apologies for Absence
There were no apologies for absence.
2. Declarations of Interest
Tom Vale declared an interest in the repairs contract.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "unseen4", {
        "westbridge-town-board-2014-03-03.txt": TOWN_BOARD, "ashby-pc-2022-03-08.txt": PARISH,
        "oakley-village-hall-2019-06-14.txt": HALL, "ashcombe-ha-board-2011-05-06.txt": BOARD})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must", [
    ("who called the Westbridge Town Board meeting to order?", r"Karen T\.? Quince chaired"),
    ("who opened the Town Board meeting?", r"Karen T\.? Quince chaired"),
    ("was Karen Quince at the meeting on March 3, 2014?", r"^Yes\b"),
    ("who chaired the parish council meeting on 8 March 2022?", r"Alan Wexcombe chaired"),
    ("who is the clerk of the parish council?", r"Ruth Ashdale"),
    ("who sent apologies to the Village Hall Management Committee?", r"(?s)Mary Oldfield.*Peter Stannard"),
    ("was Peter Stannard at the village hall meeting?", r"^No\b.*apologies"),
    ("who is the Acting Chief Executive of the Ashcombe Housing Association?", r"Nell Rudd"),
])
def test_a_question_on_these_shapes_is_answered(store, question, must):
    assert_answered(store, question, must)
