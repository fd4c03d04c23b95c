"""Shapes of minute-writing read on a sixth set of unseen minutes: bodies outside England (a
Scottish community council, integration joint board and council; a Welsh community council; a
Northern Irish district council; a US water district and county commission; a Canadian
municipal council; a New Zealand local board; an Australian shire council).

Each rule was seen in two or more bodies:

- "Proposed by Councillor A Seconded by Councillor B, and" / "Resolved: that X", every word
  capitalised on lines of its own: one motion, X moved by A and seconded by B (two Northern Irish
  district councils: "Moved by the Lord Mayor," / "Seconded by Councillor B and" / "Resolved -
  That ..." is the other's form).
- "Mr A in the Chair", "Jo SMITH, Vice Chairperson, in the Chair.": the register's line saying who
  chaired, not an entry of the officers' list it ends (a Scottish council's special meeting, a
  Scottish integration joint board).
- "Cr Barnes", "Crs W Devlin, W Attwood & T Barnes": the councillor's title in Australia and New
  Zealand (an Australian shire council, a New Zealand local board's "Cr Penny Webster", a Western
  Australian shire's "Cr C Crosby").
- "Director A", "Commissioner B", "President C" before a surname: a US board member's title (a
  water district, a county commission; the corpus's fire district and city council write them
  so); and a motion in three or four sentences: "Director A moved to approve X." / "President C
  seconded the motion." / "Motion carried with the following votes: ...", "Commissioner B made a
  motion to approve X. Commissioner D seconded the motion. All voted "aye". The motion has
  passed." (a water district, a county commission).
- "Deputy Mayor Cliff Evans was absent.", "Jo Lee, Student Board member, was absent.": the one
  named straight before sent no apologies but did not attend (a Canadian municipal council, a US
  state board; the corpus's parish council's "if in attendance Cllr A was absent."); not "(Cllr A
  and Cllr B as they were absent)", an earlier meeting's absence.
- A post written as a title before its holder's name: "Present were Mayor Lynn Acre, ...,
  Administrator Kyle Kruger and Clerk Lynda Millard", "General Manager Gray provided an overview"
  (Tom R. Gray named in full elsewhere): a Canadian municipal council, a US water district (and
  the corpus's Irish city council's "Mayor John Moran", a US city council's "Mayor Sam Adams");
  not "the former Elected Member A", and not a member's seat.  General Manager, Chief
  Administrative Officer (Administrator), County Clerk and Fire Chief are posts (a US water
  district, a Canadian municipal council, a US county commission, a US fire district).
- "MOVED by Chairperson A, seconded by Member B:", "MOVED by Member C, seconded by Deputy
  Chairperson D:": a local board's mover and seconder named by their seat (four Auckland local
  boards: Rodney, Kaipatiki, Orakei, Puketapapa); "Commissioner A makes a motion to ..." moves
  as "made a motion" does (a US county commission's "make a motion").
- Minutes run on in one long line after a web page's own line or two ("Page content
  transcription" / "If your browser does not render page correctly ...", "Loading..."): every
  sentence of the long line is read, as one-line minutes are (an Australian shire council's and
  a Canadian municipal council's stored pages); "MOVED: Cr A SECONDED: Cr B CARRIED": the mover
  after the label (the same shire, a Canadian city's "SECONDED: COUNCILLOR TRACE").
- "MOVED by A, seconded by B:" / "That the Kowhai Local Board:" / "a) accept the apology from C
  for absence.": the lettered lines are the motion's resolution; "Member Pirrie declared an
  interest": a local board member's title (four Auckland local boards: Rodney, Kaipatiki,
  Orakei, Puketapapa); not "Member States".
- A Markdown quote's marker opening each wrapped line ("... write to the Scottish" / "> government
  asking ...") is no word of a decision's text (a Scottish community council's quoted
  paragraphs; the corpus's Canadian committee's callout blocks).

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


SCOTTISH_COMMITTEE = """Minutes of Meeting of the Roads and Harbours Committee held in the Council Chamber, Dunbeath on Thursday 3 March 2016 at 10.30am.

Present:

Mr A Gunn, Mr D Sinclair, Mrs F Mowat, Ms K Reay

In Attendance:
Director of Roads
Mr A Gunn in the Chair

Apologies for absence were intimated on behalf of Mr T Bremner and Mrs E Durie.

1. Declarations of Interest

There were no declarations of interest.
"""

VICE_IN_CHAIR = """At a MEETING of the Fernside Integration Joint Board held remotely on 2nd June, 2021.

Present:-

Ann Dorrit (Vice Chairperson), Bill Crane, Ed Mallow

Ann Dorrit, Vice Chairperson, in the Chair.

I APOLOGIES FOR ABSENCE

Apologies for absence were submitted on behalf of Kenneth Loam.
"""

# (minutes, who chaired, who is not read as an officer in attendance)
IN_THE_CHAIR = [(SCOTTISH_COMMITTEE, "Mr A Gunn"), (VICE_IN_CHAIR, "Ann Dorrit")]


@pytest.mark.parametrize("text, chair", IN_THE_CHAIR)
def test_in_the_chair_names_who_chaired(text, chair):
    ex = run(text)
    chairs = [a for a in ex.attendance if a.role == "chair"]
    assert [a.person.surface for a in chairs] == [chair]
    assert "in the Chair" in chairs[0].evidence.quote
    assert not [a for a in ex.attendance if a.role == "in_attendance" and a.person.surface == chair]


def test_in_the_chair_keeps_the_rest_of_the_register():
    ex = run(SCOTTISH_COMMITTEE)
    assert sorted(a.person.surface for a in ex.attendance if a.role == "present") == \
        ["Mr A Gunn", "Mr D Sinclair", "Mrs F Mowat", "Ms K Reay"]
    assert sorted(a.person.surface for a in ex.attendance if a.role == "apologies") == ["Mr T Bremner", "Mrs E Durie"]


# (text, the people read) -- "Cr" and "Crs" as titles; not inside a word or an amount's "Cr"
CR_TITLES = [
    ("The minutes were confirmed. MOVED: Cr Kemp SECONDED: Cr Moffat CARRIED 4/0", ["Cr Kemp", "Cr Moffat"]),
    ("ATTENDANCE Crs R Dunne, P Kemp, S Moffat & L Tully", ["Crs R Dunne", "P Kemp", "S Moffat", "L Tully"]),
    ("Also present: Cr Penny Webster", ["Cr Penny Webster"]),
    ("The balance was £1,200 Cr at the end of March.", []),
    ("Crawley Road is closed.", []),
]


@pytest.mark.parametrize("text, people", CR_TITLES)
def test_cr_is_a_councillors_title(text, people):
    from kg.extract.names import NameContext, find_people
    assert [m.surface for m in find_people(text, 0, NameContext(aliases={}))] == people


WATER_DISTRICT = """Orchard Springs Irrigation District
Regular Board Meeting
Approved Minutes
March 4, 2019

District Attendees
Dana Whitlock - Board President
Lee Ambrose - Board Member
Ron Tafoya - General Manager

## AGENDA ITEMS

**I. Call to Order**
President Whitlock called the meeting to order at 6:30 p.m.

**II. Consent Calendar**
The following consent calendar items were considered and acted upon as follows:
1. Approval of Minutes
2. Approval of Warrants

Director Ambrose moved to approve the consent calendar.
President Whitlock seconded the motion.
Motion carried with the following votes: Whitlock – aye, Ambrose – aye

**III. New Business**
1. Discussion on the pump station
- Director Ambrose asked about the cost of the pump station.
- General Manager Tafoya said it was within budget.

President Whitlock moved to defer the pump station project.
Director Ambrose seconded the motion.
Motion carried with the following votes: Whitlock – aye, Ambrose – aye.
"""

COUNTY_COMMISSION = """AGENDA
1. Call to Order
2. Roll Call of Members
3. Approval of the Agenda
4. Adjournment
LAKE COUNTY BOARD MEETING
MARCH 7, 2022
The Lake County Board of Commissioners met in the Commissioner's office on Monday March 7, 2022 at 9 am.
Chr. Ansel said the first order of business is the approval of the agenda. Commissioner Dorsey made a motion to approve the agenda as presented. Commissioner Hale seconded the motion. All voted "aye". The motion has passed.
Chr. Ansel said the next item is the minutes. The minutes were discussed at length by the board.
Commissioner Hale seconded the motion. The motion has passed.
"""

# (minutes, what the motion moved, its mover, its seconder)
US_MOTIONS = [
    (WATER_DISTRICT, "approve the consent calendar", "Director Ambrose", "President Whitlock"),
    (WATER_DISTRICT, "defer the pump station project", "President Whitlock", "Director Ambrose"),
    (COUNTY_COMMISSION, "approve the agenda as presented", "Commissioner Dorsey", "Commissioner Hale"),
]


@pytest.mark.parametrize("text, moved, proposer, seconder", US_MOTIONS)
def test_a_motion_moved_seconded_and_carried_in_sentences(text, moved, proposer, seconder):
    ex = run(text)
    found = [d for d in ex.decisions if moved in d.text]
    assert len(found) == 1, [d.text for d in ex.decisions]
    d = found[0]
    assert (surface(d.proposer), surface(d.seconder)) == (proposer, seconder)
    assert d.evidence.quote.startswith(proposer) and text[d.evidence.start:d.evidence.end] == d.evidence.quote


def test_a_seconding_without_a_mover_before_it_moves_nothing():
    # "Commissioner Hale seconded the motion." after a sentence that moves nothing: no mover is made up
    ex = run(COUNTY_COMMISSION)
    assert not [d for d in ex.decisions if "discussed at length" in d.evidence.quote]
    assert all(surface(d.proposer) != "Chr. Ansel" for d in ex.decisions)


# (text, the people read) -- the titles before a surname; not a post's "Director of", "Director General"
US_TITLES = [
    ("Director Sarkovich asked about the well.", ["Director Sarkovich"]),
    ("Commissioner Fanning answered present.", ["Commissioner Fanning"]),
    ("President Marx called the meeting to order.", ["President Marx"]),
    ("The Director of Finance reported.", []),
    ("Deputy Director General and Director, Corporate Services", []),
    ("Board President Workshop on Friday", []),
    ("Board President                            Melissa Bassanelli", ["Melissa Bassanelli"]),
]


@pytest.mark.parametrize("text, people", US_TITLES)
def test_us_board_titles(text, people):
    from kg.extract.names import NameContext, find_people
    assert [m.surface for m in find_people(text, 0, NameContext(aliases={}))] == people


CANADIAN_COUNCIL = """COUNCIL MINUTES THE CORPORATION OF THE MUNICIPALITY OF ELGINFIELD Thursday,May 7,2009 7:00 p.m. The regular meeting of the Council of the Municipality of Elginfield was held on Thursday,May 7, 2009 in the Council Chambers. Present were Mayor Lynn Parrow,Councillors Mark Dent,Wayne Cosh and Ed Kettle,Administrator Kyle Brunner and Clerk Lynda Marsh. Deputy Mayor Cliff Evans was absent. 1. CALL TO ORDER Mayor Parrow called the meeting to order at 7:00 p.m.
"""

EARLIER_ABSENCE = """Minutes of the Parish Council meeting held on 2 October 2019
Present: Cllr Jo Ames, Cllr Ken Dale

22/19 Minutes
The minutes were proposed by Cllr Jo Ames, two abstained (Cllr Ken Dale and Cllr Jo Ames as they were absent).
"""


def test_was_absent_names_who_did_not_attend():
    ex = run(CANADIAN_COUNCIL)
    away = [a for a in ex.attendance if a.role == "apologies"]
    assert [a.person.surface for a in away] == ["Cliff Evans"]
    assert "was absent" in away[0].evidence.quote


def test_an_earlier_meetings_absence_is_not_this_ones():
    ex = run(EARLIER_ABSENCE)
    assert not [a for a in ex.attendance if a.role == "apologies"]
    assert sorted(a.person.surface for a in ex.attendance if a.role == "present") == ["Cllr Jo Ames", "Cllr Ken Dale"]


# (minutes, post, holder): a post written as a title before the holder's name
POSTS_BEFORE_NAMES = [
    (CANADIAN_COUNCIL, "clerk", "Lynda Marsh"),
    (CANADIAN_COUNCIL, "mayor", "Lynn Parrow"),
    (CANADIAN_COUNCIL, "deputy mayor", "Cliff Evans"),
    (WATER_DISTRICT.replace("Ron Tafoya - General Manager", "Ron B. Tafoya - Manager"), "general manager",
     "Ron B. Tafoya"),
]


@pytest.mark.parametrize("text, post, holder", POSTS_BEFORE_NAMES)
def test_a_post_written_before_its_holders_name(text, post, holder):
    assert run(text).posts.get(post) == holder


def test_a_former_holder_or_a_members_seat_is_no_post():
    ex = run("Minutes of the Town Council held on 3 March 2020.\nPresent: Cllr Ann Bell\n\n1. Welcome\n"
             "The family of the former Elected Member Paddy Lee were remembered. The former Mayor Sam Hart spoke.\n")
    assert "elected member" not in ex.posts and "mayor" not in ex.posts


LOCAL_BOARD = """Kowhai Local Board

OPEN MINUTES

Minutes of a meeting of the Kowhai Local Board held in the Board Office on Monday, 5 October 2015 at 3.00pm.

present

Chairperson

Alice Tane

Deputy Chairperson

Grace Rima

Members

Colin Rua

Eric Wha

2          Apologies

Resolution number KW/2015/41

MOVED by Chairperson AB Tane, seconded by Member CD Rua:

That the Kowhai Local Board:

a)         accept the apology from Ema Toa for absence.

CARRIED

4          Confirmation of Minutes

Resolution number KW/2015/42

MOVED by Member EF Wha, seconded by Deputy Chairperson GH Rima:

That the Kowhai Local Board:

a)         confirm the ordinary minutes of its meeting, held on Monday, 7 September 2015.

CARRIED
"""


def test_a_local_boards_mover_and_seconder_named_by_their_seat():
    ex = run(LOCAL_BOARD)
    moved = sorted((d for d in ex.decisions if d.evidence.quote.startswith("MOVED by")), key=lambda d: d.evidence.start)
    assert [(surface(d.proposer), surface(d.seconder)) for d in moved] == [("AB Tane", "CD Rua"), ("EF Wha", "GH Rima")]


def test_makes_a_motion_moves_it():
    text = COUNTY_COMMISSION.replace("Commissioner Dorsey made a motion", "Commissioner Dorsey makes a motion")
    d = [d for d in run(text).decisions if "approve the agenda" in d.text][0]
    assert (surface(d.proposer), surface(d.seconder)) == ("Commissioner Dorsey", "Commissioner Hale")


SHIRE = ("Page content transcription\nIf your browser does not render page correctly, please read the page content "
         "below\nCONFIRMED MINUTES - GENERAL MEETING, 14 JUNE 2017 BARCOO SHIRE COUNCIL MINUTES OF THE GENERAL MEETING "
         "HELD AT JUNDAH ON WEDNESDAY 14 JUNE 2017 COMMENCING AT 9.00AM ATTENDANCE Crs R Dunne, P Kemp, S Moffat & L Tully "
         "OFFICERS PRESENT Mr Ian Forbes, Chief Executive Officer Ms Kay Arndt, Executive Assistant The Mayor declared "
         "the meeting open at 9:00am and welcomed all in attendance. There were a total of 4 members present in the "
         "Gallery. APOLOGIES AND CONDOLENCES Council would like to pass on their sincere condolences to the family of "
         "a former councillor. CONSIDERATION OF MINUTES General Meeting - Wednesday 17 May 2017 RESOLUTION: That the "
         "Minutes of the General Meeting held at Jundah on Wednesday 17 May 2017 be confirmed. MOVED: Cr Kemp SECONDED: "
         "Cr Moffat CARRIED RESOLUTION NO.2017/GM0601 4/0\n")


def test_one_long_line_after_a_pages_own_lines_is_read_whole():
    ex = run(SHIRE)
    moved = [d for d in ex.decisions if "MOVED: Cr Kemp" in d.evidence.quote]
    assert len(moved) == 1, [d.text for d in ex.decisions]
    assert (surface(moved[0].proposer), surface(moved[0].seconder)) == ("Cr Kemp", "Cr Moffat")


def test_short_lines_then_prose_are_no_run_on_line():
    # a heading line and a paragraph of ordinary length: only the header's own rules read it
    text = "Minutes\nParish meeting\n" + "The clerk reported that the hall roof was repaired. " * 3
    assert not run(text).decisions


QUOTED = """**KELVINSIDE COMMUNITY COUNCIL**

MONTHLY MEETING MONDAY 6 NOVEMBER

Present: Ann Boyd, Tom Rich

1.  MATTERS ARISING

a)  **Budget crisis**

> Arising from this report it was AGREED to write to the Scottish
> government asking that they adopt the proposals, and also to the
> Westminster government calling for fairer taxes.
"""


def test_a_quote_marker_is_no_word_of_a_decision():
    ex = run(QUOTED, "t.md")
    texts = [d.text for d in ex.decisions]
    assert any(t.startswith("write to the Scottish government asking that they adopt the proposals, and also to the "
                            "Westminster government") for t in texts), texts
    assert all(" > " not in t for t in texts)
    d = [d for d in ex.decisions if "Scottish" in d.text][0]
    assert "\n> government" in d.evidence.quote and QUOTED[d.evidence.start:d.evidence.end] == d.evidence.quote



def test_a_local_boards_lettered_resolution_is_what_its_motion_resolved():
    ex = run(LOCAL_BOARD)
    moved = sorted((d for d in ex.decisions if d.evidence.quote.startswith("MOVED by")), key=lambda d: d.evidence.start)
    assert [d.text for d in moved] == ["accept the apology from Ema Toa for absence.",
                                       "confirm the ordinary minutes of its meeting, held on Monday, 7 September 2015."]
    assert all(d.evidence.quote.rstrip().endswith(d.text) for d in moved)
    assert not [d for d in ex.decisions if d.text.startswith(("accept", "confirm")) and d not in moved]


@pytest.mark.parametrize("text, people", [
    ("Member Pirrie declared an interest in Item 12.", ["Member Pirrie"]),
    ("The Member States agreed.", []),
    ("The Member Services Officer was present.", []),
])
def test_member_as_a_local_board_members_title(text, people):
    from kg.extract.names import NameContext, find_people
    assert [m.surface for m in find_people(text, 0, NameContext(aliases={}))] == people


@pytest.mark.parametrize("head, title", [
    ("Discussion and possible action on the Policy No. 1010: “Conflict of Interest”",
     "Discussion and possible action on the Policy No. 1010: “Conflict of Interest”"),
    ("Update on Ranch Unit No. 2 and the Tank Site (verbal)", "Update on Ranch Unit No. 2 and the Tank Site (verbal)"),
    # a title running on into its text is still cut where the text begins
    ("Finance: the Clerk reported the balance", "Finance"),
    ("Bench report. The bench report is now complete", "Bench report"),
])
def test_a_numbered_items_title_keeps_a_numbers_abbreviation_and_a_quoted_name(head, title):
    from kg.segment import _cut_title
    assert _cut_title(head) == title
