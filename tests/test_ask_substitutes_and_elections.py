"""Questions of a third set of unseen minutes' kinds, asked of invented minutes in their shapes.

A scrutiny committee and a planning committee that name who sat in for whom ("Councillor A was
present as Substitute Member for Councillor B", "... had been appointed as a substitute member
for ..."), a national park authority's board electing its Convener on nominations ("A was
nominated by B and seconded by C ... elected as Convener by 13 votes to 7"), a police and crime
panel electing its chair ("was elected as Chair of the Panel"), and a US town board called to
order by its supervisor.  Every question here was refused or answered "nobody" before.
"""
from __future__ import annotations


import pytest

from kg.ask import answer
from tests.conftest import assert_answered, read_only, store_of_texts

SCRUTINY = """Overview & Scrutiny Committee
Minutes of the meeting held on 20 June 2023
Committee Members:
Councillors Mrs Blane (Chairman), Cobb, Drury and Hinton
1. Apologies for Absence
Apologies for Absence were received from Councillors Haslam and S Webber.
2. Notification of Substitute Members
Councillor Forrest was present as Substitute Member for Councillor Webber.
3. Minutes
RESOLVED: That the Minutes of the meeting held on 13 April 2023 be approved as a correct record.
"""

PLANNING = """Planning Committee - Thursday, 2nd July, 2020 6.00 pm

137.

Apologies

It was noted that an apology for absence had been received from Councillor D P Marsh.

138.

Appointment of Substitute Members

It was noted that, in accordance with Council Procedure Rule 4, Councillor M Bale had been appointed as a substitute member for Councillor D P Marsh.

139.

Declarations of Interest

There were no declarations of interest.
"""

PARK = """KESTREL NATIONAL PARK AUTHORITY MINUTES OF THE BOARD MEETING held at the Village Hall on Friday 8th September 2006 at 1.30pm PRESENT Peter Baird Stuart Blair Ellen Macrae Duncan Brydon David Greer Sandy Parks Apologies: Anne Lang Election of Convener 1. Two nominations were declared: David Greer was nominated by Stuart Blair and seconded by Ellen Macrae. Following a secret ballot, David Greer was elected as Convener by 13 votes to 7. In accepting his position as Convener, David Greer recorded his thanks to Peter Baird. 2. The minutes of the last meeting were approved.
"""

PANEL = """Kestrel Police and Crime Panel - Friday, 19th July, 2024 10.00 am

1.

Apologies

Apologies were received from Cllr Sam Nolan and Cllr Rob Morton.

2.

Appointment of Chair for the 2024/25 Municipal Year

Mr Owen Marris was elected as Chair of the Panel for the 2024/25 Municipal Year.
"""

TOWN = """TOWN BOARD MINUTES
SPECIAL MEETING
AUGUST 7, 2006
PRESENT :
Supervisor Dietz
Councilpersons : Ann Boyd, Tom Rich
Others Present:
Mary Lund - Town Clerk
Supervisor Dietz called the Special Meeting of the Town Board to Order at 9 : 00 p .m.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "substitutes", {
        "kestrel-overview-and-scrutiny-committee-2023-06-20.txt": SCRUTINY,
        "kestrel-planning-committee-2020-07-02.txt": PLANNING,
        "kestrel-national-park-authority-board-2006-09-08.txt": PARK,
        "kestrel-police-and-crime-panel-2024-07-19.txt": PANEL,
        "kestrel-town-board-2006-08-07.txt": TOWN,
    })


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must, where", [
    ("who substituted for Councillor Webber?", r"Forrest attended as a substitute for .*Webber", r"2023-06-20"),
    ("who was the substitute for Councillor Marsh?", r"Bale attended as a substitute for .*Marsh", r"2020-07-02"),
    ("who was Councillor Marsh's substitute?", r"Bale", r"2020-07-02"),
    ("was Councillor Bale at the Planning Committee meeting?", r"^Yes", r"2020-07-02"),
    ("who nominated David Greer?", r"proposed by Stuart Blair", r"2006-09-08"),
    ("who seconded David Greer's nomination?", r"seconded by Ellen Macrae", r"2006-09-08"),
    ("who is the Convener?", r"David Greer", r"2006-09-08"),
    ("who is the Chair of the Kestrel Police and Crime Panel?", r"Owen Marris", r"2024-07-19"),
    ("who called the town board meeting to order?", r"Dietz", r"2006-08-07"),
])
def test_a_question_of_the_third_set_is_answered(store, question, must, where):
    assert_answered(store, question, must, where)


def test_nobody_substituted_for_a_member_who_sent_apologies_only(store):
    ans = answer(store, "who substituted for Councillor Haslam?")
    assert not ans.rows
    assert "nobody who attended as a substitute" in ans.text()
