"""Questions a scrutiny officer asks of a borough council's annual meeting, a parish council's
and a US town board's, written in the shapes of tests/test_rules_boards_and_elections.py
(names invented, shapes kept): who holds a post an election filled, who presided, who moved and
seconded, what was decided about the minutes of an earlier meeting (a date that names those
minutes, not the meetings to look in), what happened at "the Council meeting" of a day and what
"the trustees" (the board of a charity, as "the governors" are a school's) decided.
Each question was answered wrong or refused before those rules.
"""
from __future__ import annotations

import re

import pytest

from kg.ask import answer
from tests.conftest import assert_answered, read_only, store_of_texts

BOROUGH = """Meeting documents

Council
Wednesday, 12th May, 2021 7.30 pm

Place:
Council Chamber, Civic Offices, Ashby
C 21/040 Election of Mayor
It was proposed by Councillor Dunn, seconded by Councillor Hale and

RESOLVED: That Councillor Mrs P R Lowe be re-elected Mayor for the ensuing municipal year.

The Mayor, having made the statutory declaration of acceptance of office, thanked Members for her re-election.
C 21/041 Election of Deputy Mayor
It was proposed by Councillor Vance, seconded by Councillor Mrs Quill and

RESOLVED: That Councillor T Birch be appointed Deputy Mayor for the ensuing municipal year.
C 21/042 Minutes
RESOLVED: That the Minutes of the meeting of the Council held on 21 April 2021 be approved as a correct record and signed.
"""

TOWN = ("TOWN OF KESTREL TOWN BOARD MEETING MINUTES WEDNESDAY, JUNE 2ND, 1999 7:00 P.M. The regular monthly meeting "
        "of the Town Board of the Town of Kestrel was held Wednesday, June 2nd, 1999 at the Kestrel Community Building, "
        "14 Mill Road at 7:00 p.m. Supervisor Hale presiding. Present: Supervisor, Ann Hale; Town Councilmen, Tom "
        "Rich, Al Webb, Joe Fern. Others present - Town Clerk, Mary Lund. Pledge of Allegiance - Supervisor Hale led "
        "the assemblage in the Pledge of Allegiance to the Flag. County Planning - Kim Dale presented the background "
        "to the request for a lease of the salt barn and the costs the Town would carry over the five years of the "
        "lease. Resolution - Salt Barn Lease. Motion made by Councilman Rich, seconded by Councilman Webb that the "
        "Town Board of the Town of Kestrel approve the lease of the salt barn to the County for five years. "
        "Discussion - Councilman Fern asked that the County confirm the lease in writing before it is signed. "
        "Vote: Supervisor Hale, yes. Town Councilmen Rich, Webb, Fern, yes. Town Board Meeting Minutes 6/2/99 2")

PARISH = """Minutes of the Meeting of Ashby Parish Council held on Tuesday 6 July 2021 at 7pm

Present: Cllr Ann Boyd (Chair), Cllr Tom Rich, Cllr Sue Lowe

1. Apologies
Apologies were received from Cllr Ben Fry.

2. Minutes
The minutes of the meeting held on 1 June 2021 were approved and signed as a correct record.

3. Co-option
Following the advertised vacancy, Jo Hart was co-opted onto the Council and will sign a Declaration of Acceptance of Office after the meeting.
"""


CHARITY = """Friends of Ashby Woods Annual General Meeting
14th March 2021
Present: Ruth Dale (Chair), Owen Pike, Kay Bright, Sam Hurst.
1. Apologies for Absence
Apologies for Absence: Lee Moss.
2. Accounts for the Year Ended 30 November 2020
Owen went through the Financial Review. The Trustees agreed to complete "receipts and payments" type accounts.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "boards", {
        "ashby-borough-council-2021-05-12.txt": BOROUGH, "kestrel-town-board-1999-06-02.txt": TOWN,
        "ashby-parish-council-2021-07-06.txt": PARISH, "ashby-woods-friends-agm-2021-03-14.txt": CHARITY})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must, where", [
    ("who is the Mayor?", r"Lowe", "2021-05-12"),
    ("who is the Deputy Mayor?", r"Birch", "2021-05-12"),
    ("who seconded the re-election of Councillor Lowe as Mayor?", r"seconded by Councillor Hale", "2021-05-12"),
    ("who proposed Councillor Birch as Deputy Mayor?", r"proposed by Councillor Vance", "2021-05-12"),
    ("what was decided about the minutes of 21 April 2021?", r"approved as a correct record", "2021-05-12"),
    ("what was decided about the minutes of the meeting held on 1 June 2021?", r"approved and signed", "2021-07-06"),
    ("what happened at the Council meeting on 12 May 2021?", r"Birch", "2021-05-12"),
    ("who chaired the Kestrel town board meeting?", r"Hale", "1999-06-02"),
    ("who moved the salt barn lease?", r"proposed by (?:Tom|Councilman) Rich", "1999-06-02"),
    ("what did the trustees agree about the accounts?", r"receipts and payments", "2021-03-14"),
    ("who seconded the salt barn lease?", r"seconded by (?:Al|Councilman) Webb", "1999-06-02"),
])
def test_a_question_of_these_minutes_is_answered(store, question, must, where):
    assert_answered(store, question, must, re.escape(where))


def test_a_date_of_no_meeting_elsewhere_still_says_so(store):
    # only after "minutes of" is a date the minutes asked about: "in March 2019" names meetings
    ans = answer(store, "who sent apologies in March 2019?")
    assert not ans.rows and "No meeting in the graph matches" in ans.text()
