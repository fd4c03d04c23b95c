"""Shapes of minute-writing read on a fifth set of unseen minutes (English bodies: a crematorium
joint committee, a joint waste committee, a SACRE, a combined authority's board, a district
council's cabinet, a local enterprise partnership, a schools forum, a university council).

Each table is (raw minutes, what must be read from them), over invented minutes in the shapes
the real ones showed; the bodies that showed each shape are named above its table.  Names are
invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


def head(title: str, body: str) -> str:
    return f"Agenda and minutes\n\n{title} - Tuesday, 9th July, 2019 10.00 am\n\nItems\nNo. Item\n\n{body}\n"


# A joint committee calls itself "the Joint Committee": "RESOLVED that Councillor A be appointed
# Chairman of the Joint Committee" is the post on this body (a crematorium's joint committee, twice;
# a waste partnership's and a second crematorium's joint committees name themselves so), while
# "Chairman of the Planning Committee" stays another body's post and gives none here.
APPOINTED = [
    (head("Westmoor Crematorium Joint Committee",
          "1.\n\nAppointment of Chairman\n\nMinutes:\n\nRESOLVED that Councillor Pardew be appointed Chairman "
          "of the Joint Committee for the year 2019/20."),
     {"chair": "Councillor Pardew"}),
    (head("Westmoor Crematorium Joint Committee",
          "3.\n\nAppointment of Vice Chairman\n\nMinutes:\n\nRESOLVED that Councillor Mrs Ostley be appointed "
          "Vice Chairman of the Joint Committee for the year 2019/20"),
     {"vice-chair": "Mrs Ostley"}),
    (head("Westmoor Borough Council",
          "5.\n\nAppointments\n\nMinutes:\n\nRESOLVED that Councillor Pardew be appointed Chairman of the "
          "Planning Committee for the municipal year."),
     {}),
]


@pytest.mark.parametrize("raw,expected", APPOINTED)
def test_appointed_post_of_the_joint_committee(raw, expected):
    ex = run(raw)
    got = {k: v for k, v in ex.posts.items() if k in ("chair", "vice-chair")}
    assert got == expected


def roles(ex, role):
    return sorted(a.person.surface for a in ex.attendance if a.role == role)


# Apologies as a sentence whose list opens after "received from", its first given name one the
# gazetteer lacks (a SACRE; a county council writes its list so); a substitute in brackets after
# the member they sat in for, "(B substituting)", "(Cllr B attended as substitute)" (a combined
# authority's board; a second combined authority and a health and wellbeing board write the
# second form): the substitute sent no apologies and sat in for the one before the bracket.
APOLOGIES = [
    (head("Standing Advisory Council on Religious Education",
          "2Apologies & Interests\nApologies for absence were received from Dowyn Ashcott, "
          "Melody Erskine, Mike Garrow, Hilary Hurst and Councillor Eileen Quarry.\nThe minutes were approved."),
     {"apologies": ["Councillor Eileen Quarry", "Dowyn Ashcott", "Hilary Hurst", "Melody Erskine", "Mike Garrow"],
      "substitute": []}),
    (head("Fenland Combined Authority Board",
          "Welcome and Apologies Minutes: Apologies for absence were "
          "received from Cllr Anna Bexley, Darryl Preece and Al Kinsey (Nitin Parekh substituting). No interests "
          "were declared. |"),
     {"apologies": ["Al Kinsey", "Cllr Anna Bexley", "Darryl Preece"], "substitute": ["Nitin Parekh"]}),
    (head("Severn Combined Authority Committee",
          "2.\n\nApologies for Absence\n\nMinutes:\n\nApologies for absence had been received from Cllr Kevin Gale "
          "(Cllr Sarah Wendon attended as substitute) and Cllr Ray Reeve, both of Fenby Council."),
     {"apologies": ["Cllr Kevin Gale", "Cllr Ray Reeve"], "substitute": ["Cllr Sarah Wendon"]}),
]


@pytest.mark.parametrize("raw,expected", APOLOGIES)
def test_apologies_list_and_bracketed_substitutes(raw, expected):
    ex = run(raw)
    assert {"apologies": roles(ex, "apologies"), "substitute": roles(ex, "substitute")} == expected
    subs = {a.person.surface: a.substitute_for for a in ex.attendance if a.role == "substitute"}
    for sub in expected["substitute"]:
        assert subs[sub] in expected["apologies"]  # sat in for one who sent apologies
        assert all(a.evidence.quote and sub in a.evidence.quote for a in ex.attendance if a.person.surface == sub)


# A page of minutes that never writes its own date holds the previous meeting's first: "To
# approve the minutes of the meeting held on D", "To approve the minutes of the previous meeting
# held on D", "The minutes of the meeting on D were approved" (a combined authority's board, a
# district council's cabinet; a county council's cabinet writes "Minutes of Previous Meeting: D"):
# that date is not this meeting's.
# The minutes' own heading, "Minutes of the Meeting Held on Tuesday 17 January, 2012", is.
MEETING_DATES = [
    ("Venue: Town Hall, Fenby\nNo. | Item |\nLast minutes To approve the minutes of the meeting "
     "held on 14 February 2024 and note the actions. Minutes: The minutes of the meeting on 14 February 2024 "
     "were approved. |\n", None),
    ("Agenda, decisions and minutes\n\nVenue: the Council Chamber, Fenby\n\n1.\n\nMinutes\n\nTo approve the "
     "minutes of the previous meeting held on 11 July 2024.\n\nRESOLVED that the minutes be approved.\n", None),
    ("Committee pages\n\nItems\n\n12/21\n\nMinutes of Previous Meeting: 2 March 2021\n\nThe Minutes "
     "were signed.\n", None),
    ("                 Schools Forum\n          Minutes of the Meeting\n     Held on Tuesday 17 January, 2012 at\n"
     "          Fenby School\n\nPRESENT\nSue Marsh (Chair)\n\n1. Minutes of meeting 14 December 2011\n\nThe minutes "
     "were agreed.\n", "2012-01-17"),
]


@pytest.mark.parametrize("raw,expected", MEETING_DATES)
def test_previous_meetings_date_is_not_this_ones(raw, expected):
    assert run(raw, "minutes.txt").meeting.date == expected


# A register run on into the first item's sentence (a PDF's table flattened: "... Mr I Yarrow
# (Company Secretary) Welcome and Apologies for Absence The Chair, Mr E Bolton, welcomed the directors
# the meeting."): the one set off after "The Chair," presides, not the sentence's first name, and
# sent no apologies (a local enterprise partnership; a residents' association of the corpus
# writes "The Chair of the Association, A, welcomed ...").
RUN_ON_CHAIR = [
    ("Fylde Enterprise Partnership Limited Board Minutes of the Meeting held on Monday, 9th March, 2015 at "
     "5.30 pm at Fylde Town Hall In Attendance Mr B Bayliss Mr H Cathcart 1. Ms B Joliffe Mr M Kemble Mr I "
     "Yarrow (Company Secretary) Welcome and Apologies for Absence The Chair, Mr E Bolton, welcomed the "
     "directors. Apologies for absence were noted from Mike Tansley, Malcolm McVane and Cliff Robley. 2. Minutes",
     {"chair": ["Mr E Bolton"], "apologies": ["Cliff Robley", "Malcolm McVane", "Mike Tansley"]}),
    ("Minutes of the Annual General Meeting of the Fenby Residents' Association, 4 May 2022\n\n1. Welcome\n"
     "The Chair of the Association, Ann Lowry, welcomed everyone.\n\n2. Apologies\nApologies for absence were "
     "received from Tom Ashby and Jo Brant.\n",
     {"chair": ["Ann Lowry"], "apologies": ["Jo Brant", "Tom Ashby"]}),
]


@pytest.mark.parametrize("raw,expected", RUN_ON_CHAIR)
def test_run_on_register_chair_is_the_one_after_the_chair(raw, expected):
    ex = run(raw)
    assert {"chair": roles(ex, "chair"), "apologies": roles(ex, "apologies")} == expected
    assert all(a.evidence.quote for a in ex.attendance)


# A run of entries naming posts with their article, each holder in brackets: "the Pro-Chancellors
# (Mr A, Mr B), the Vice-Chancellor, the Treasurer (Mr C), Mr D, ..." (a university's council; a
# waste committee's officers are listed "Waste Minimisation Officer (Mrs A Atkins)"): the post
# before a bracket is its holder's, not the previous entry's.  Before, Treasurer went to Mr B.
BRACKETED_HOLDERS = [
    ("UNIVERSITY OF FENBY\nCOUNCIL\n2 July 2001\nMINUTES\nPresent:\nThe Rt Revd John Wace (Chair), the "
     "Pro-Chancellors (Mr Jorrin, Mr\nPertwell), the Vice-Chancellor, the Treasurer (Mr Thorley), Mr Burrell, "
     "Professor Busby, Mrs Gould.\nIn attendance: The Registrar and Secretary.\n",
     {"chair": "Revd John Wace", "treasurer": "Mr Thorley"}),
    ("Minutes of the Fenby Society AGM, 2 July 2001\n\nPresent: Ann Lowry (Chair), Tom Ashby (Treasurer), "
     "Jo Brant, Sam Cole.\n",
     {"chair": "Ann Lowry", "treasurer": "Tom Ashby"}),
]


@pytest.mark.parametrize("raw,expected", BRACKETED_HOLDERS)
def test_post_before_its_holder_in_brackets(raw, expected):
    ex = run(raw)
    assert {k: v for k, v in ex.posts.items() if k in ("chair", "treasurer")} == expected


# A post the gazetteer knows opening a sentence, its holder set off by commas ("Head of Service,
# Steve Reeve, presented the Draft Protocol": a joint waste committee), or after "the new" with
# the holder closing the sentence ("the Chair also welcomed the new Director of Finance, Mr Andrew
# Conway.": a university's council).  A list of posts ("the Registrar and Secretary, the Director
# of Finance, the Assistant Director of Finance") gives no holder.
APPOSED_POSTS = [
    ("Fenby Joint Waste Committee - Wednesday 11 December 2013\n\nDraft Press Protocol\n\nHead of Service, Steve "
     "Reeve, presented the Draft Press Protocol, which the working group had revised.\n",
     {"head of service": "Steve Reeve"}),
    ("UNIVERSITY OF FENBY\nCOUNCIL\n2 July 2001\nMINUTES\nIn attendance: The Registrar and Secretary, the Director "
     "of Finance, the Assistant Director of Finance.\nThe Chair also welcomed the new Director of Finance, Mr Andrew "
     "Conway.\n",
     {"director of finance": "Mr Andrew Conway"}),
    ("UNIVERSITY OF FENBY\nCOUNCIL\n2 July 2001\nMINUTES\nIn attendance: The Registrar and Secretary, the Director "
     "of Finance, the Assistant Director of Finance.\n", {}),
]


@pytest.mark.parametrize("raw,expected", APPOSED_POSTS)
def test_post_then_its_holder_set_off_by_commas(raw, expected):
    ex = run(raw)
    assert {k: v for k, v in ex.posts.items() if k in ("head of service", "director of finance")} == expected


# A register in groups whose labels end "Members:", empty groups running on ("APOLOGIES:
# Ratepayer Members: Mr A Appointed Members: Cllr B Co-opted Members:": two internal drainage
# boards): the word before "Members:" labels the next group and is no surname.
GROUP_LABELS = [
    ("FENBY INTERNAL DRAINAGE BOARD\n\nMINUTES OF THE FULL BOARD MEETING\n\nTUESDAY 14th MAY 2019\n\n"
     "PRESENT: Ratepayer Members: Mr Barlow Mr Cowley Mr I Bakewell Mr Reeve\n\nAppointed Members: Co-opted "
     "Members: Members Present: 4\n\nAPOLOGIES: Ratepayer Members: Mr Oldfield Appointed Members: Cllr Sargent "
     "Co-opted Members:\n\n12 Apologies\n\n12.1 The Chairman read the apologies.\n",
     {"apologies": ["Cllr Sargent", "Mr Oldfield"]}),
]


@pytest.mark.parametrize("raw,expected", GROUP_LABELS)
def test_group_label_is_no_surname(raw, expected):
    ex = run(raw)
    assert {"apologies": roles(ex, "apologies")} == expected
    assert "Mr Reeve" in roles(ex, "present")
