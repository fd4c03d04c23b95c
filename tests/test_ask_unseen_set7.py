"""Questions of issue 11's kinds asked of invented minutes in the shapes a seventh unseen set showed.

A Norfolk parish council's page on a village site (front matter posted months after the meeting,
its title no body's name), an Irish county council ("Proposed by" / "Seconded by" / "AND AGREED"
lines; "The Cathaoirleach, Councillor A presided." ending the apologies list), an Irish municipal
district (its name in a capitalised run-on heading; "be elected to fill the Office of Mayor") and an
Ontario municipality ("MUNICIPALITY OF A" on a line of its own; "Motion: 494-2011 Moved by A
Seconded by B" with the resolution quoted on the next line).  Each question was answered wrong
before the rules of kg/extract these tests go with; each answer must quote its evidence and come
from the right meeting, the body and date the minutes themselves state.
"""
from __future__ import annotations

import pytest

from kg.ask import answer
from tests.conftest import assert_answered, read_only, store_of_texts

PARISH = """---
title: "Fenby PC Minutes May"
date: "2015-10-22"
categories:
  - "parish-councils"
---

MINUTES OF FENBY PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 11th MAY 2015

Present– Cllr Ann Lowe - Chairman, Cllr Bob Hart, Cllr Cath Wren.

3\\. Apologies for absence accepted from: No apologies from councillors. Apologies from Borough Councillor D Pike noted.

8\\. Reports. The Internal Auditor suggested more stringent internal control should be implemented and the Chairman will in future initial bank statements against the bank reconciliation presented.
"""

COUNTY = """Minutes 2013
Minutes of January Ordinary Meeting of Fencastle County Council held on Monday 14th January, 2013 at 11.30am
MEMBERS PRESENT:
- Councillor Breen,
- Councillor Keane,
- Councillor Doyle.
APOLOGIES:
- Councillor Ann Carey
CATHAOIRLEACH
- The Cathaoirleach, Councillor V. Keane presided.
1. MINUTES OF THE BUDGET MEETING HELD ON 17TH DECEMBER 2012:
Proposed by Councillor M. Doyle
Seconded by Councillor P. Breen
AND AGREED
“To confirm the minutes of the Annual Budget Meeting held on 17th December, 2012.”
"""

DISTRICT = ("MUNICIPAL DISTRICT OF FENBY CITY MINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON MONDAY, 22nd JUNE, 2015 "
            "Present: Councillors: Ann Lowe, Bob Hart, Joe Dunne. Apologies: Matt Kerr Item No. 1. Election of Mayor: "
            "Proposed by: Cllr. Ann Lowe Seconded by: Cllr. Bob Hart And unanimously Resolved “That Cllr. Joe Dunne be "
            "elected to fill the Office of Mayor for the ensuing year.”\n")

TOWNSHIP = """Meeting Minutes

Tuesday December 6, 2011

MUNICIPALITY OF FENWICK-ASHBY

COUNCIL CHAMBERS

2) Agenda:

Adoption of Agenda:

Motion:  494-2011      Moved by Neil Dune          Seconded by Jason Crane

“That the agenda for the meeting of December 6th, 2011 be adopted as amended.”

Disposition                        Carried

3) Declaration of Pecuniary Interest:

Jason Crane declared a pecuniary interest for Item # 8 - Crane Municipal Drain, since he is related to the landowner.
"""


TRANSIT = """# Fenby Transit Board of Directors

Minutes of the Board Meeting of February 27, 2018

## V. Public Participation

Zeb Quarrie, Fenby, stated that the last two years he had been a bus operator out of East Depot. Mr. Quarrie stated that wages did not keep pace with the cost of living in Fenby.

## X. General Manager's Report

David Dunmore, General Manager, reported on the budget. General Manager Dunmore stated that the working group would present its recommendation on fares to the Board in March.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    # file names that carry neither body nor date: the minutes' own words must give both
    return store_of_texts(tmp_path_factory, "unseen7", {
        "page.md": PARISH, "county.txt": COUNTY, "district.txt": DISTRICT, "township.txt": TOWNSHIP,
        "transit.md": TRANSIT})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must, where", [
    ("who will initial the bank statements?", r"Ann Lowe", r"Fenby Parish Council, 2015-05-11"),
    ("was Cllr Cath Wren at the Fenby Parish Council meeting?", r"^Yes", r"Fenby Parish Council, 2015-05-11"),
    ("who presided at Fencastle County Council?", r"Keane", r"Fencastle County Council, 2013-01-14"),
    ("who proposed confirming the minutes of the budget meeting?", r"Doyle", r"Fencastle County Council, 2013-01-14"),
    ("who seconded the minutes of the budget meeting?", r"Breen", r"Fencastle County Council, 2013-01-14"),
    ("who is the Mayor of Fenby City?", r"Joe Dunne", r"Municipal District of Fenby City, 2015-06-22"),
    ("who sent apologies to the Municipal District of Fenby City?", r"Matt Kerr",
     r"Municipal District of Fenby City, 2015-06-22"),
    ("who moved the adoption of the agenda at Fenwick-Ashby?", r"Neil Dune", r"Fenwick-Ashby, 2011-12-06"),
    ("who seconded the adoption of the agenda at Fenwick-Ashby?", r"Jason Crane", r"Fenwick-Ashby, 2011-12-06"),
    ("what interests were declared at Fenwick-Ashby?", r"Municipal Drain", r"Fenwick-Ashby, 2011-12-06"),
])
def test_a_question_of_the_seventh_set_is_answered(store, question, must, where):
    assert_answered(store, question, must, where)


@pytest.mark.parametrize("question, must", [
    # named in full once (a given name the name finder lacks), by title and surname after
    ("what did Zeb Quarrie say about wages?", r"Quarrie stated: wages did not keep pace"),
    # a post before the surname of one named in full with that post
    ("what did General Manager Dunmore say about fares?", r"recommendation on fares"),
])
def test_a_speaker_named_by_title_or_post_and_surname(store, question, must):
    assert_answered(store, question, must, r"2018-02-27")


def test_the_one_who_presided_sent_no_apologies(store):
    # a guard: the line saying who presided ends the apologies list above it
    text = answer(store, "who sent apologies to Fencastle County Council?").text()
    assert "Ann Carey" in text and "Keane" not in text, text
