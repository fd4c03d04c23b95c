"""Shapes of minute-writing read on a third set of unseen minutes (UK public bodies: a police and
crime panel, a fire authority, a health and wellbeing board, a planning and a scrutiny committee,
two academy trusts' boards, a national park authority) and the first set re-made.

- An attendance list with its entries one to a line and blank lines between them, as a web page
  of minutes comes out as text ("Present:" / "" / "Cllr Mrs B Abbott" / "" / "Cllr Mr B Banks"):
  each entry is the list going on, not an agenda item (two parish councils).
- Two or three initials without stops after a title ("Mr R J Phillips", "Cllr Mrs E J G Hilson":
  a fire authority, a parish council); after a title and initials any word but a title is a
  surname ("Mr R Hill", "Mrs P Head", "Cllr P Hill": an academy trust's board, a multi-academy
  trust's board, a parish council).
- An election told in the past or as the meeting's act names the post its holder takes: "Mr A
  was elected as Chair of the Panel", "B was elected as Convener by 13 votes to 7" (a police and
  crime panel, a national park authority), "RESOLVED to elect Councillor C as Vice Chairman",
  "unanimously agreed to elect Mr D as Chair of the Board of Directors" (a parish council, an
  academy trust).  Convener is the Scottish chair (a national park authority, a Scottish
  Parliament committee).
- "by 13 votes to 7", "by 24 votes, to 10 votes": a vote's tally (a national park authority, a
  borough council).
- Who sat in for whom: "Councillor A was present as Substitute Member for Councillor B",
  "Councillor C had been appointed as a substitute member for Councillor D", "E was attending as
  F's substitute" (a scrutiny committee, a planning committee, a health and wellbeing board).
- "A was nominated by B and seconded by C", "re-appointed as a governor nominated by B, seconded
  by C": the nomination is the election's motion (a national park authority, a school's
  governing body).
- Minutes run on in one line open with their register before the first item: "Present: A, B
  (Acting Chair), C In Attendance: D (Chief Executive Officer) 1. APOLOGIES ..." (a
  multi-academy trust's board, a primary school's governing body); an Acting Chair chairs this
  meeting and holds no post (the same two, the second writing "(Acting Chair and Parent
  Governor)").

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


def roles(ex, role):
    return sorted(a.person.surface for a in ex.attendance if a.role == role)


BLANK_LINED = """Minutes of the Annual Meeting of Fernley Parish Council held on Wednesday 4 May 2022

Present:

Cllr Mr A H Quayle (Chair)

Cllr Mrs B Abney

 

Cllr Ms C Birtle

Cllr Mr D Crane

Absent:

  There were no absences

In Attendance:

Mr W Gorst Clerk and Executive Officer to Fernley Parish Council

 

22.01 ELECTION OF CHAIR OF THE COUNCIL

It was RESOLVED that Cllr Quayle be elected Chair of the Council.
"""


def test_a_list_with_blank_lines_between_its_entries_is_one_list():
    ex = run(BLANK_LINED)
    assert roles(ex, "present") == ["Mr A H Quayle", "Mrs B Abney", "Ms C Birtle", "Mr D Crane"][:0] + sorted(
        ["Mr A H Quayle", "Mrs B Abney", "Ms C Birtle", "Mr D Crane"])
    assert roles(ex, "chair") == ["Mr A H Quayle"]
    assert ex.posts.get("clerk") == "Mr W Gorst"
    # no entry of the list became an agenda item
    assert not [i.title for i in ex.items if "Cllr" in i.title or "Gorst" in i.title]


def test_a_sentence_after_a_list_is_still_an_item_of_its_own():
    # "Cllr Lane queried the following: -" opens prose: not an entry of the register above it
    ex = run("Minutes of Fernley Parish Council, 4 May 2022\n\nPresent:\n\nCllr A Lane\n\n"
             "Cllr. Lane queried the following: -\n\n4. Bus shelters on the green\n")
    assert roles(ex, "present") == ["Cllr A Lane"]
    assert any("queried" in i.title for i in ex.items)


@pytest.mark.parametrize("line, post, holder", [
    ("RESOLVED that Mr R J Pardoe be elected as Chairman of the Fire Authority for the ensuing year.",
     "chair", "Mr R J Pardoe"),
    ("RESOLVED that Mr P A Tullett be elected as Vice-Chairman of the Fire Authority for the ensuing year.",
     "vice-chair", "Mr P A Tullett"),
    ("Mr Owen Marris was elected as Chair of the Panel for the 2024/25 Municipal Year.", "chair", "Mr Owen Marris"),
    ("Miss Yara Somers was elected as Deputy Chair for the 2024/25 Municipal Year.", "vice-chair", "Miss Yara Somers"),
    ("Following a secret ballot, Donald Greer was elected as Convener by 13 votes to 7.", "chair", "Donald Greer"),
    ("It was proposed by Miss C Smart, seconded by Mrs A Kirby, and unanimously agreed to elect Mr R Hill as "
     "Chair of the Board of Directors for the academic year 2016/17.", "chair", "Mr R Hill"),
    ("The Council RESOLVED to elect Councillor Beckett as Vice Chairman for the meeting.", "vice-chair",
     "Councillor Beckett"),
])
def test_an_election_told_as_was_elected_or_to_elect_names_the_post(line, post, holder):
    ex = run("Minutes of the Annual Meeting of the Kestrel Authority held on 30 May 2018\n\n"
             "Present: Mr R J Pardoe, Mr P A Tullett, Miss C Smart, Mrs A Kirby\n\n1. Election\n" + line + "\n")
    assert ex.posts.get(post) == holder, ex.posts


@pytest.mark.parametrize("line", [
    "Mr Owen Marris was elected as a member of the Panel.",          # a seat, not a post
    "Mr Owen Marris was elected to the Planning Board.",
    "The Panel noted that Ann Lee was appointed as Chair of the Audit Committee last year.",
])
def test_a_seat_or_another_bodys_chair_is_no_post_of_this_body(line):
    ex = run("Minutes of the Kestrel Panel held on 19 July 2024\n\nPresent: Mr Owen Marris, Ann Lee\n\n"
             "1. Appointments\n" + line + "\n")
    assert "chair" not in ex.posts, ex.posts


@pytest.mark.parametrize("line, votes", [
    ("Following a secret ballot, Donald Greer was elected as Convener by 13 votes to 7.", (13, 7)),
    ("It was moved by Cllr Omar Fell, seconded by Cllr Ann Lee, that the minutes be approved, and the minutes were "
     "declared an accurate record by 24 votes, to 10 votes, with 1 abstention.", (24, 10)),
])
def test_by_n_votes_to_m_is_the_tally(line, votes):
    ex = run("Minutes of the Kestrel Authority held on 8 September 2006\n\nPresent: Donald Greer, Cllr Omar Fell, Cllr Ann Lee\n\n"
             "1. Business\n" + line + "\n")
    assert [(d.votes_for, d.votes_against) for d in ex.decisions] == [votes]


@pytest.mark.parametrize("text, substitute, absent", [
    ("1. Apologies for Absence\nApologies for Absence were received from Councillors Hoyle and S Webber.\n"
     "2. Notification of Substitute Members\nCouncillor Forrest was present as Substitute Member for "
     "Councillor Webber.\n", "Councillor Forrest", "Councillor Webber"),
    ("137.\n\nApologies\n\nIt was noted that an apology for absence had been received from Councillor D P Marsh.\n\n"
     "138.\n\nAppointment of Substitute Members\n\nIt was noted that, in accordance with Council Procedure Rule "
     "4, Councillor M Bale had been appointed as a substitute member for Councillor D P Marsh.\n",
     "Councillor M Bale", "Councillor D P Marsh"),
    ("68. Apologies\nApologies for absence were received from Graham Fenwick and James Vance.\n\n"
     "69. Substitute Members\nThe Board was advised that ACC Mark Calloway was attending as James Vance’s "
     "substitute.\n", "ACC Mark Calloway", "James Vance"),
])
def test_who_attended_as_a_substitute_for_whom(text, substitute, absent):
    ex = run("Minutes of the Kestrel Committee held on 2 July 2020\n\n" + text)
    subs = [(a.person.surface, a.substitute_for) for a in ex.attendance if a.role == "substitute"]
    assert subs == [(substitute, absent)]


def test_substitute_members_named_without_whom_they_replace_make_no_substitute():
    ex = run("Minutes of the Kestrel Committee held on 2 July 2020\n\n1. Substitute Members\n"
             "There were no substitute members.\n2. Minutes\nThe minutes were approved.\n")
    assert not [a for a in ex.attendance if a.role == "substitute"]


@pytest.mark.parametrize("line, proposer, seconder", [
    ("Two nominations were declared: Donald Greer was nominated by Stuart Blair and seconded by Ellen Macrae.",
     "Stuart Blair", "Ellen Macrae"),
    ("Her term of office expires in March and she was re-appointed as a community governor nominated by "
     "Nina Anders, seconded by Mark Lister.", "Nina Anders", "Mark Lister"),
])
def test_a_nomination_seconded_is_the_elections_motion(line, proposer, seconder):
    ex = run("Minutes of the Kestrel Board held on 8 September 2006\n\nPresent: Donald Greer, Stuart Blair, "
             "Ellen Macrae, Nina Anders, Mark Lister\n\n1. Election\n" + line + "\n")
    got = [(d.proposer.surface if d.proposer else None, d.seconder.surface if d.seconder else None)
           for d in ex.decisions]
    assert got == [(proposer, seconder)]


def test_a_nomination_not_seconded_is_no_motion():
    ex = run("Minutes of the Kestrel Board held on 8 September 2006\n\nPresent: Donald Greer, Stuart Blair\n\n"
             "1. Governors\nDonald Greer was nominated by the diocese last year.\n")
    assert not ex.decisions


RUN_ON = ("12\nKestrel MAT Board of Trustees 13 th December 2018 1 Minutes of the meeting of the Board of Trustees "
          "held on Thursday 13 th December at 6.30pm at Fenby House Present: Mr I Dowling, Mrs C Graham Bright, "
          "Mr I Warden (Acting Chair), Mr J Wilde In Attendance: Ms L Savory (Chief Executive Officer and Accounting "
          "Officer) Mr S Brodie (Chief Finance Officer and Company Secretary) Mrs P Head (Headteacher Fenby House) "
          "(until 19:30) 1. APOLOGIES FOR ABSENCE AND DECLARATIONS OF INTEREST Apologies for absence were received, "
          "with consent, from Mr A Penrose (Chair of Trustees). There were no declarations of interest.\n")


def test_a_run_on_register_before_the_first_item_is_read():
    ex = run("minutes of the meeting of the board\n\n" + RUN_ON)
    assert roles(ex, "present") == ["Mr I Dowling", "Mr I Warden", "Mr J Wilde", "Mrs C Graham Bright"]
    assert roles(ex, "in_attendance") == ["Mr S Brodie", "Mrs P Head", "Ms L Savory"]
    assert roles(ex, "chair") == ["Mr I Warden"]
    assert ex.posts.get("chief executive") == "Ms L Savory"
    # the acting chair chairs; the Chair of Trustees sent apologies and still holds the post
    assert ex.posts.get("chair") != "Mr I Warden"
    assert roles(ex, "apologies") == ["Mr A Penrose"]


def test_prose_with_no_register_before_its_first_item_reads_none():
    ex = run("Notes of the walk\n\nThe group met at the church at ten and walked to the mill. 1. Route The route "
             "was agreed.\n")
    assert not ex.attendance
