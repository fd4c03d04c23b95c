"""Shapes of minute-writing read on a second set of minutes ask had not seen.

- An election names the post its holder takes: "RESOLVED: That Councillor Mrs A B Lowe be
  re-elected Mayor", "that Cllr Jane Marsh be appointed Chairman of the Council", "that
  Councillor Marsh be elected Vice Chairman for the meeting" (two parish councils, a borough
  council's annual meeting, and a parish council's annual meeting of the first unseen set).
- Who called the meeting to order, or presided, chaired it: "Chairperson K Boyd called the
  regular meeting to order", "Supervisor Hale called the Special Meeting of the Town Board to
  Order" (two US town boards), "Supervisor Owens presiding", "Mayor Adams, Presiding" (a town
  board and a city council).
- A US town board's members by their titles: "Councilperson Boyd", "Councilman Rich",
  "Supervisor Hale" (three town boards; a school board names a county supervisor so).
- A roll call naming each member by post and name ("Roll Call by Clerk A all present, Supervisor
  B, Trustee C, Treasurer D", "Supervisors B and C, Clerk D, and Treasurer E were present": a
  township board and a town board) gives attendance and the posts one name holds.
- "Motion made by A, seconded by B that ...": the motion's mover and seconder, as "Motion ...
  by A, supported by B" already is (two town boards).
- "It was proposed by A, seconded by B and" / "RESOLVED: That X": one motion (a borough
  council writes it so; a city and county council writes the same as lines, "Proposed by A;
  Seconded by B; And Resolved:").
- Minutes whose text is one run-on line (a PDF's text flattened: a town board, a parish
  council, a primary school's governing body) are read sentence by sentence.
- A vote line with no decision before it ("Proposed by A, seconded by B.") moves what the
  sentence before it states (a community council's appointments, a village hall committee's
  officers elected en bloc); a name's initials keep their stops ("K. Fairley").
- A given name alone, of one attendee, is that attendee as the subject of what they have, are
  to do or did ("Michael now has ...", "Dylan is to purchase ...", "Paul went through ...": a
  village hall committee, a charity's AGM).
- "A was co-opted onto the Council and will sign ...", "A now has the details and will write
  ...": the person opening the sentence undertakes what follows "and will" (parish councils,
  a village hall committee).

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


PARISH = "Minutes of the Annual Meeting of Ashby Parish Council held on Wednesday 4 May 2022, 7pm\n\n"


@pytest.mark.parametrize("line, post, holder", [
    ("It was proposed by Cllr Dunn, seconded by Cllr Hale that Cllr Jane Marsh be appointed Chairman of the "
     "Council for the municipal year 2022/23.", "chair", "Cllr Jane Marsh"),
    ("RESOLVED: That Councillor Mrs P R Lowe be re-elected Mayor for the ensuing municipal year.", "mayor", "Mrs P R Lowe"),
    ("RESOLVED: That Councillor T Birch be appointed Deputy Mayor for the ensuing municipal year.",
     "deputy mayor", "Councillor T Birch"),
    ("With the absence of the Vice Chairman it was proposed by Councillor Hale that Councillor Marsh be elected "
     "Vice Chairman for the meeting.", "vice-chair", "Councillor Marsh"),
    ("It was proposed by Cllr Dunn & Cllr Hale that Cllr Marsh be appointed as Vice-Chairman.", "vice-chair",
     "Cllr Marsh"),
    # a seat on a body, one of many trustees, a committee's chair: no post of this body
    ("RESOLVED: That Councillor Hale be appointed to the Planning Committee.", None, None),
    ("Resolved that Ann Lee be appointed a trustee of the Charity.", None, None),
    ("RESOLVED: That Cllr Hale be appointed Chair of the Planning Committee.", None, None),
])
def test_an_election_names_the_post_its_holder_takes(line, post, holder):
    ex = run(PARISH + "Present: Cllr A Dunn, Cllr B Hale, Cllr C Marsh\n\n1. Election\n" + line + "\n")
    if post is None:
        assert not (set(ex.posts) & {"chair", "vice-chair", "trustee", "mayor"}), ex.posts
    else:
        assert ex.posts.get(post) == holder, ex.posts


TOWN = "TOWN OF KESTREL\nTOWN BOARD MINUTES\nJUNE 2, 1999\n\n"


@pytest.mark.parametrize("text, chair", [
    ("Call to Order. Chairperson K Boyd called the regular meeting to order at 7:00 p.m. at the Town Hall.  "
     "Supervisors T Rich and A Webb were present.\n\nApprove Minutes: The minutes were approved.\n", "K Boyd"),
    ("PRESENT:\nSupervisor Hale\nCouncilpersons: Ann Boyd, Tom Rich\nOthers Present:\nMary Lund - Town Clerk\n"
     "Supervisor Hale called the Special Meeting of the Town Board to Order at 9:00 p.m.\n", "Supervisor Hale"),
    ("The regular monthly meeting of the Town Board was held at the Community Building at 7:00 p.m. Supervisor "
     "Hale presiding. Present: Supervisor, Ann Hale; Town Councilmen, Tom Rich, Al Webb.\n", "Supervisor Hale"),
    # no one named calling it, or a call that is not to order a meeting
    ("The meeting was called to order at 7 pm.\n\nThe minutes were approved.\n", None),
    ("Tom Rich called the contractor to order the new plow.\n", None),
])
def test_who_called_the_meeting_to_order_presides(text, chair):
    ex = run(TOWN + text)
    got = [a.person.surface for a in ex.attendance if a.role == "chair"]
    assert got == ([chair] if chair else [])


@pytest.mark.parametrize("line, proposer, seconder", [
    ("Motion made by Councilman Rich, seconded by Councilman Webb that the Town "
     "Board approve the lease of the salt barn to the County.", "Councilman Rich", "Councilman Webb"),
    ("Motion by Councilwoman Boyd, seconded by Supervisor Hale, to approve the minutes of April 2.",
     "Councilwoman Boyd", "Supervisor Hale"),
    ("Moved by Councilperson Boyd and seconded by Councilperson Rich to accept the bid for the salt barn.",
     "Councilperson Boyd", "Councilperson Rich"),
])
def test_a_motion_made_by_a_member_and_seconded_by_another(line, proposer, seconder):
    ex = run(TOWN + "PRESENT: Supervisor Ann Hale, Councilpersons Kay Boyd, Tom Rich, Al Webb\n\n"
                    "New Business\n" + line + "\n")
    assert len(ex.decisions) == 1, [d.text for d in ex.decisions]
    d = ex.decisions[0]
    assert (d.proposer.surface if d.proposer else None, d.seconder.surface if d.seconder else None) \
        == (proposer, seconder)


def test_a_seconding_alone_is_no_motion_of_its_own():
    ex = run(PARISH + "1. Motions\nCouncillor Hale moved that the hall be let to the club.\n"
                      "The Motion was seconded by Councillor Dunn.\n")
    assert not any(d.text.startswith("The Motion was seconded") for d in ex.decisions)


BOROUGH = "Council\nTuesday, 11th May, 2021 7.30 pm\n\nPlace:\nCivic Suite, Ashby\n"


@pytest.mark.parametrize("text, decided, proposer, seconder", [
    ("C 21/036 Election of Deputy Mayor\nIt was proposed by Councillor Vance, seconded by Councillor Mrs Quill and\n\n"
     "RESOLVED: That Councillor T Birch be appointed Deputy Mayor for the ensuing municipal year.\n",
     ["Councillor T Birch be appointed Deputy Mayor"], "Councillor Vance", "Mrs Quill"),
    ("C 21/037 Vote of Thanks\nIt was therefore proposed by Councillor Dunn, seconded by Councillor Hale and\n\n"
     "RESOLVED: That the Council's appreciation be recorded.\n", ["the Council's appreciation"], "Councillor Dunn",
     "Councillor Hale"),
    # a proposal that says what it moves is a decision of its own, and so is the resolution after it
    ("C 21/038 Minutes\nIt was proposed by Councillor Dunn, seconded by Councillor Hale that the hall be let.\n\n"
     "RESOLVED: That the accounts be approved.\n", ["It was proposed by", "the accounts be approved"],
     "Councillor Dunn", "Councillor Hale"),
])
def test_a_proposal_closed_before_its_resolution_is_one_motion(text, decided, proposer, seconder):
    ex = run(BOROUGH + text)
    assert len(ex.decisions) == len(decided), [d.text for d in ex.decisions]
    for d, start in zip(ex.decisions, decided):
        assert start in d.text
    d = ex.decisions[0]
    assert (d.proposer.surface, d.seconder.surface) == (proposer, seconder)
    assert d.evidence.quote.startswith("It was")


RUN_ON = ("TOWN OF KESTREL TOWN BOARD MEETING MINUTES WEDNESDAY, JUNE 2ND, 1999 7:00 P.M. The regular monthly meeting "
          "of the Town Board of the Town of Kestrel was held Wednesday, June 2nd, 1999 at the Kestrel Community Building, "
          "14 Mill Road at 7:00 p.m. Supervisor Hale presiding. Present: Supervisor, Ann Hale; Town Councilmen, Tom "
          "Rich, Al Webb, Joe Fern. Others present - Town Clerk, Mary Lund. Pledge of Allegiance - Supervisor Hale led "
          "the assemblage in the Pledge of Allegiance to the Flag. County Planning - Kim Dale presented the background "
          "to the request for a lease of the salt barn and the costs the Town would carry over the five years of the "
          "lease. Resolution - Salt Barn Lease. Motion made by Councilman Rich, seconded by Councilman Webb that the "
          "Town Board of the Town of Kestrel approve the lease of the salt barn to the County for five years. "
          "Discussion - Councilman Fern asked that the County confirm the lease in writing before it is signed. "
          "Vote: Supervisor Hale, yes. Town Councilmen Rich, Webb, Fern, yes. Town Board Meeting Minutes 6/2/99 2")


def test_minutes_on_one_run_on_line_are_read_sentence_by_sentence():
    ex = run(RUN_ON)
    assert [(d.proposer.surface, d.seconder.surface) for d in ex.decisions] \
        == [("Councilman Rich", "Councilman Webb")]
    assert [a.person.surface for a in ex.attendance if a.role == "chair"] == ["Supervisor Hale"]


def test_a_short_run_on_line_is_still_a_title():
    # a title of a line (and a sentence) is a header, not prose: nothing in it is a decision
    ex = run("TOWN OF KESTREL TOWN BOARD MEETING MINUTES JUNE 2ND, 1999. Motion made by Councilman Rich, seconded "
             "by Councilman Webb that the Town Board approve the lease.")
    assert ex.decisions == []


@pytest.mark.parametrize("line, owner, task", [
    ("Jo Hart was co-opted onto the Council and will sign a Declaration of Acceptance of Office after the meeting.",
     "Jo Hart", "sign a Declaration of Acceptance of Office"),
    ("Cllr Ann Boyd now has the contact details and will write to the contractor.", "Cllr Ann Boyd",
     "write to the contractor"),
    # "will be": news of the thing, nobody's task; a subject of its own before "and will"
    ("Cllr Ann Boyd reported that the bins had been moved and will be emptied weekly.", None, None),
    ("The hall has been painted and will reopen in May.", None, None),
])
def test_the_person_opening_a_sentence_undertakes_what_follows_and_will(line, owner, task):
    ex = run(PARISH + "Present: Cllr Ann Boyd, Cllr Tom Rich, Jo Hart\n\n1. Co-option\n" + line + "\n")
    got = [([o.surface for o in a.owners], a.text) for a in ex.actions]
    if owner is None:
        assert got == []
    else:
        assert [o for o, _ in got] == [[owner]] and task in got[0][1]


# "(3) Village Charities – Cllr Lowe & County Cllr Birch." / "Proposed by Cllr Hale, seconded by Cllr
# Dunn." (a community council's appointments to outside bodies), "Election of Officers: ... were all
# elected en bloc. Proposed by K. Fairley, seconded by M. Dunn." (a village hall committee): a vote
# line with no decision before it moves what the sentence before it states
@pytest.mark.parametrize("text, matter, proposer", [
    ("8. Representatives on outside bodies\n(3) Village Charities – Cllr Lowe & County Cllr Birch.\n"
     "Proposed by Cllr Hale, seconded by Cllr Dunn.\n", "Village Charities", "Cllr Hale"),
    ("Election of Officers: The Chair (Ruth) the Treasurer (Anne) and the Secretary (Joan) were all elected en "
     "bloc. Proposed by K. Fairley, seconded by M. Dunn.\n", "elected en bloc", "K. Fairley"),
    # after a decision the line is that decision's vote
    ("4. Accounts\nThe accounts for 2021/22 were approved.\nProposed by Cllr Hale, seconded by Cllr Dunn.\n",
     "The accounts for 2021/22 were approved", "Cllr Hale"),
])
def test_a_vote_line_moves_the_matter_before_it(text, matter, proposer):
    ex = run(PARISH + "Present: Cllr B Hale, Cllr A Dunn, K. Fairley, M. Dunn\n\n" + text)
    assert len(ex.decisions) == 1, [d.text for d in ex.decisions]
    d = ex.decisions[0]
    assert matter in d.text and d.evidence.quote in ex.document.text
    assert d.proposer.surface == proposer


# A US board's roll call, the post before each name: "Roll Call by Clerk A all present, Supervisor
# B, ..." wrapping onto a second line (a township board), "Supervisors B and C, Clerk D, and
# Treasurer E were present." (a town board): attendance, and the holder of each post one name has
@pytest.mark.parametrize("text, present, posts", [
    ("Call to order 10:00 am by Supervisor Ann Lake\nRoll Call by Clerk Mary Dunn all present, Supervisor Ann Lake, "
     "Trustee Peter Holt, Treasurer Bill\nMoss, Trustee Sarah Cole, Clerk Mary Dunn\nMotion 0104 to adjourn at 10:30 "
     "am by Trustee Peter Holt supported by Trustee Sarah Cole, motion passes.\n",
     ["Ann Lake", "Peter Holt", "Bill Moss", "Sarah Cole", "Mary Dunn"], {"treasurer": "Bill Moss", "clerk": "Mary Dunn"}),
    ("Call to Order. Chairperson K Boyd called the regular meeting to order at 7:00 p.m. at the Town Hall.  "
     "Supervisors T Rich and A Webb, Clerk J Lund, and Treasurer C Webb were present.\n",
     ["T Rich", "A Webb", "J Lund", "C Webb"], {"clerk": "J Lund", "treasurer": "C Webb"}),
    # not a roll of posts and names: nothing read from it
    ("The receipts were checked and the volunteers were present on the day.\n", [], {}),
])
def test_a_roll_call_of_posts_and_names(text, present, posts):
    ex = run(TOWN + text)
    got = [a.person.surface for a in ex.attendance if a.role == "present"]
    assert got == present
    assert {k: v for k, v in ex.posts.items() if k in ("clerk", "treasurer", "trustee")} == posts


# Notes that name their members by given name alone once the register has their full names
# ("Michael now has the contact details and will write a letter soon", "Dylan is to purchase a piano
# cover", a village hall committee; "Paul went through the Financial Review", "Paul has also
# created a Dropbox account", a charity's AGM): the one attendee of that given name, as the subject
# of what they have, are to do or did
HALL = ("MINUTES OF THE ASHBY VILLAGE HALL COMMITTEE HELD ON 3rd March 2021\n\nPresent: Michael Sole, Dylan Hart, "
        "Jill Graves, Jill Thompson, Paul Ellis\n\nItem 4 - Matters Arising\n")


@pytest.mark.parametrize("line, owner, task", [
    ("Michael now has the contact details and will write a letter soon.", "Michael", "write a letter soon"),
    ("The piano repair would be carried out by a local joiner and Dylan is to purchase a piano cover.", "Dylan",
     "purchase a piano cover"),
    ("Paul went through the Financial Review and will circulate the figures.", "Paul", "circulate the figures"),
    # two attendees share the name, or no attendee has it: nobody's task
    ("Jill has the keys and will open the hall on Saturday.", None, None),
    ("May has been a busy month and will be followed by the summer fete.", None, None),
])
def test_a_given_name_alone_is_the_attendee_of_that_name(line, owner, task):
    ex = run(HALL + line + "\n")
    got = [([o.surface for o in a.owners], a.text) for a in ex.actions]
    if owner is None:
        assert got == []
    else:
        assert [o for o, _ in got] == [[owner]] and task in got[0][1], got
