"""Shapes of minute-writing read on a seventh set of unseen minutes (two Norfolk parish councils'
pages on one village site, an Irish county council, an Irish municipal district, a township
council in Ontario, a US transit board, a software project's steering committee, two Scottish
community councils).

Each table is (raw minutes, what must be read from them), over invented minutes in the shapes
the real ones showed; the bodies that showed each shape are named above its table.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read import read_document
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


def roles(ex, role):
    return sorted(a.person.surface for a in ex.attendance if a.role == role)


def decisions(ex):
    return [(d.proposer.surface if d.proposer else None, d.seconder.surface if d.seconder else None, d.text)
            for d in ex.decisions]


# "Proposed by Councillor A" / "Seconded by Councillor B" / "AND AGREED" / "“To confirm ...”": the
# resolution on the line after a label without its colon (an Irish county council; a municipal
# district writes "Seconded by: Cllr B And Agreed “That ...”" in one run); a colon'd label and
# "And Resolved" read as before; a line "And agreed to ..." is no label
AND_AGREED = [
    ("MINUTES OF THE ORDINARY MEETING OF FENCASTLE COUNTY COUNCIL\n1. MINUTES OF THE BUDGET MEETING:\n"
     "Proposed by Councillor M. Doyle\nSeconded by Councillor P. Carey\nAND AGREED\n"
     "“To confirm the minutes of the Annual Budget Meeting held on 17th December, 2012.”\n",
     [("Councillor M. Doyle", "Councillor P. Carey",
       "To confirm the minutes of the Annual Budget Meeting held on 17th December, 2012")]),
    ("MINUTES OF THE ORDINARY MEETING OF FENCASTLE COUNTY COUNCIL\n2. VOTE OF SYMPATHY:\n"
     "Proposed by Councillor D. Breen\nSeconded by Councillor V. Keane\nAnd Agreed\n"
     "“That a vote of sympathy be extended to the family of the late Mr Ó Dálaigh.”\n",
     [("Councillor D. Breen", "Councillor V. Keane",
       "a vote of sympathy be extended to the family of the late Mr Ó Dálaigh")]),
    ("MINUTES OF THE ORDINARY MEETING OF FENCASTLE COUNTY COUNCIL\n3. ROADS:\nProposed by Councillor D. Breen\n"
     "Seconded by Councillor V. Keane\nAnd Resolved:\n“That the roads programme be adopted.”\n",
     [("Councillor D. Breen", "Councillor V. Keane", "the roads programme be adopted")]),
]


@pytest.mark.parametrize("raw,expected", AND_AGREED)
def test_and_agreed_labels_the_resolution_after_the_vote_lines(raw, expected):
    assert decisions(run(raw)) == expected


# "The Cathaoirleach, Councillor A presided." (an Irish county council; a second's "An
# Cathaoirleach Councillor B presided."), "Mayor C assumed the Chair and called the meeting to
# order" (a township council), "Cllr D took the Chair" (a Welsh community council, an English parish
# council): the chair; the line that says who presided ends the apologies list, and is no apology
PRESIDED = [
    ("Minutes of the Ordinary Meeting of Fencastle County Council\nMEMBERS PRESENT:\n- Councillor Breen,\n"
     "- Councillor Keane.\nAPOLOGIES:\n- Councillor Ann Doyle\nCATHAOIRLEACH\n"
     "- The Cathaoirleach, Councillor V. Keane presided.\n1. MINUTES\nThe minutes were confirmed.\n",
     {"chair": ["Councillor V. Keane"], "apologies": ["Councillor Ann Doyle"]}),
    ("Annual Meeting\nAn Cathaoirleach Councillor Jim Carney presided.\nMembers Present\n"
     "Councillors Peter Walsh, Mary Hogan.\n1.0 Election of Cathaoirleach\nCouncillor Walsh was elected.\n",
     {"chair": ["Councillor Jim Carney"], "apologies": []}),
    ("Fenwick Township Council Meeting Minutes\nCouncil Present: Mayor Ann Holt, Councillor Ben Crane.\n"
     "1. Call to Order: Mayor Ann Holt assumed the Chair and called the meeting to order.\n",
     {"chair": ["Ann Holt"], "apologies": []}),
    ("Fenwick Community Council\nPRESENT\nCouncillors Alun Price, Owen Rees and Dai Morgan.\n"
     "WELCOME AND APOLOGIES\nCllr. Owen Rees took the Chair and welcomed everyone.\n",
     {"chair": ["Cllr. Owen Rees"], "apologies": []}),
]


@pytest.mark.parametrize("raw,expected", PRESIDED)
def test_who_presided_or_took_the_chair(raw, expected):
    ex = run(raw)
    assert {"chair": roles(ex, "chair"), "apologies": roles(ex, "apologies")} == expected


# A village site's page: its front matter's "date:" is when the page was posted (a May meeting's
# minutes posted in October, an AGM's in July: two parish councils' pages) and its "title:" names
# the page ("Ashby PC Minutes May"); the minutes' own heading states the meeting's date and
# names the body.  "start:" (a meeting's own time) and a heading that states no date keep the
# front matter's date; a heading that names no body keeps the title's.
FRONT_MATTER = [
    ('---\ntitle: "Fenby PC Minutes May"\ndate: "2015-10-22"\n---\n\nMINUTES OF FENBY PARISH COUNCIL MEETING HELD '
     "AT THE CHURCH MONDAY 11th MAY 2015\n\nPresent– Cllr Ann Lowe - Chairman, Cllr Bob Hart.\n",
     ("Fenby Parish Council", "2015-05-11")),
    ('---\ntitle: "Fenby PC AGM 2013B"\ndate: "2013-07-01"\n---\n\n**Fenby Parish Council.**\n\n**Annual General '
     "Meeting.** **3rd May 2013****.**  **7.00pm**\n\n1. Apologies for Absence\n",
     ("Fenby Parish Council", "2013-05-03")),
    ("---\ntitle: 2022 Spring Fenby Imaging SIG Meeting\nstart: 2022-05-12T13:00:46.420Z\n---\n\n"
     "Minutes of the meeting held on 2 May 2022 were approved.\n\nPresent: Ann Lowe, Bob Hart.\n",
     ("Fenby Imaging SIG", "2022-05-12")),
    ("---\ntitle: 10th Meeting of the Fenby Parks Committee\ndate: 2025-06-09\n---\nAt 1:00 PM\n\n"
     "Present: D. Fern, H. Moss\n", ("Fenby Parks Committee", "2025-06-09")),
]


@pytest.mark.parametrize("raw,expected", FRONT_MATTER)
def test_front_matter_gives_way_to_the_minutes_own_heading(tmp_path, raw, expected):
    path = tmp_path / "page.md"
    path.write_text(raw, encoding="utf-8")
    m = extract(segment(read_document(path))).meeting
    assert (m.body, m.date) == expected


# A municipality named head first near the top of its page: "MUNICIPALITY OF A" on a line of its
# own, "The Township of B Council Meeting Minutes", "MUNICIPAL DISTRICT OF C CITY MINUTES OF
# PROCEEDINGS" (two Ontario municipalities, an Irish municipal district); a slogan "Township of
# Proud Heritage, Exciting Future" names no body, nor does "the City of Fenby" inside a sentence
MUNICIPALITY = [
    ("Meeting Minutes\n\nTuesday December 6, 2011\n\nMUNICIPALITY OF FENWICK-ASHBY\n\nCOUNCIL CHAMBERS\n\n"
     "1) Call to order: The meeting was called to order by Mayor Paul Dune at 7:30 pm.\n", "Municipality of Fenwick-Ashby"),
    ("01 14 2015 Council Meeting MinutesTownship of Proud Heritage, Exciting Future Wednesday, January 14, 2015 "
     "The Township of Fenmoor Council Meeting Minutes Council Chambers Present: Mayor A. Holt\n", "Township of Fenmoor"),
    ("MUNICIPAL DISTRICT OF FENBY CITY MINUTES OF PROCEEDINGS OF ANNUAL MEETING HELD ON MONDAY, 22nd JUNE, "
     "2015 Present: Councillors: Ann Lowe, Bob Hart.\n", "Municipal District of Fenby City"),
    ("Meeting Minutes\n\nThe residents asked the City of Fenby to mend the road.\n", None),
]


@pytest.mark.parametrize("raw,expected", MUNICIPALITY)
def test_municipality_named_head_first_at_the_top(raw, expected):
    assert run(raw).meeting.body == expected


# A motion's number and its vote on one line, the resolution quoted on the next: "Motion: 494-2011
# Moved by A   Seconded by B" / "“That the agenda ... be adopted as amended.”" (an Ontario
# municipality; a second's "2009-193 Moved by Councillor A Seconded by Councillor B" / "\"THAT the
# minutes ... be approved.\""); an unquoted sentence after the line is no resolution of it
NUMBERED_VOTE = [
    ("MUNICIPALITY OF FENWICK-ASHBY\n\n2) Agenda:\n\nAdoption of Agenda:\n\nMotion:  494-2011      Moved by Neil Dune"
     "          Seconded by Jason Crane\n\n“That the agenda for the meeting of December 6th, 2011 be adopted as amended.”"
     "\n\nDisposition                        Carried\n",
     [("Neil Dune", "Jason Crane", "the agenda for the meeting of December 6th, 2011 be adopted as amended")]),
    ("MUNICIPALITY OF FENWICK-ASHBY\n\n3. APPROVAL OF MINUTES\n\n2009-193 Moved by Councillor Mark Tate Seconded by "
     "Councillor Ed Kemp\n\n\"THAT the minutes of the regular meeting held March 26, 2009 be approved as circulated.\"\n\n"
     "CARRIED UNANIMOUSLY\n",
     [("Councillor Mark Tate", "Councillor Ed Kemp",
       "the minutes of the regular meeting held March 26, 2009 be approved as circulated")]),
]


@pytest.mark.parametrize("raw,expected", NUMBERED_VOTE)
def test_quoted_resolution_after_a_numbered_vote_line(raw, expected):
    assert decisions(run(raw)) == expected


def test_an_unquoted_sentence_after_the_vote_line_is_no_resolution():
    raw = ("MUNICIPALITY OF FENWICK-ASHBY\n\n2) Agenda:\n\nMotion:  494-2011      Moved by Neil Dune          Seconded by "
           "Jason Crane\n\nThe Clerk added a listing to the agenda.\n")
    assert all("listing" not in text for _, _, text in decisions(run(raw)))


# "That Cllr A be elected to fill the Office of Mayor for the ensuing year" (an Irish municipal
# district's annual meeting), "that Mrs B be appointed to fill the position of Clerk": the post the
# holder takes; "be appointed to fill the vacancy" names no post
FILL_THE_OFFICE = [
    ("Annual Meeting\nItem No. 1. Election of Mayor: Proposed by: Cllr. Ann Lowe Seconded by: Cllr. Bob Hart And "
     "unanimously Resolved “That Cllr. Joe Dunne be elected to fill the Office of Mayor for the ensuing year.”\n",
     {"mayor": "Cllr. Joe Dunne"}),
    ("Parish Council meeting\n5. Clerk\nIt was resolved that Mrs Jane Lowe be appointed to fill the position of Clerk "
     "from 1 April.\n", {"clerk": "Mrs Jane Lowe"}),
    ("Parish Council meeting\n5. Co-option\nIt was resolved that Mrs Jane Lowe be appointed to fill the vacancy.\n", {}),
]


@pytest.mark.parametrize("raw,expected", FILL_THE_OFFICE)
def test_elected_to_fill_the_office_of(raw, expected):
    got = {k: v for k, v in run(raw).posts.items() if k in ("mayor", "clerk")}
    assert got == expected
