"""Rules for the minute-writing of published PDFs: terse parish-clerk shorthand, board
minutes with a marginal Action column, trustees' minutes closed by 'ACTION:' lines.

Each pattern was found in the minutes of at least two bodies of the development corpus
(community councils' running minute numbers and 'Clerk inform X.'; boards' 'Invited:' and
'chaired this meeting'; trustees' 'ACTION: TRUSTEES').  Names and places are invented; the
shape of each line is kept.  Every case runs through segment -> extract.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read.text import clean_page_furniture
from kg.records import Document
from kg.segment import segment

COUNCIL = ("BRACKENWOOD COMMUNITY COUNCIL\n\nMinutes of a meeting of the above Council held on Monday "
           "14th April 2025 at 7.00pm in the Village Hall.\n\n")


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


def owners(action) -> list[str]:
    return [o.person.surface if o.person else o.surface for o in action.owners]


def council(*minutes: str, present: str = "Present: Cllrs Marsh, Pellow, Quint & the Clerk.") -> str:
    """A community council's minutes: running minute numbers 3101, 3102 ..."""
    body = "\n\n".join(f"{3101 + k}. {m}" for k, m in enumerate(minutes))
    return f"{COUNCIL}{present}\n\n{body}\n"


# -- items: running minute numbers --------------------------------------------------

@pytest.mark.parametrize("raw, numbers", [
    (council("Police Report: No report.", "Public Forum: No one present.", "Apologies for absence: Cllr Quint."),
     ["3101.", "3102.", "3103."]),
    # a number that does not rise in sequence is an amount, not a minute
    (COUNCIL + "Present: Cllr Marsh.\n\n2024. Was a good year.\n\n1500. Spent on the hall.\n", []),
    # text kept for a web page loses the space after the number, now and then the stop too
    (COUNCIL + "Present: Cllr Marsh.\n\n3101.Police Report:  Attached.\n\n3102Apologies for absence:  Cllr Quint."
     "\n\n3103.Declarations of interest:  None.\n", ["3101.", "3102", "3103."]),
])
def test_running_minute_numbers_open_items(raw, numbers):
    secs = segment(Document("t.txt", raw, "txt", "0"))
    assert [s.number for s in secs.sections if s.kind == "item"] == numbers


# -- attendance -------------------------------------------------------------------

@pytest.mark.parametrize("present, chair, present_names", [
    ("Present: Chairman Cllr Mrs Marsh, Cllrs Pellow, Quint, County Cllr Rudd & the Clerk.",
     ["Mrs Marsh"], ["Mrs Marsh", "Cllrs Pellow", "Quint", "County Cllr Rudd"]),
    ("Present: Cllr Pellow (in the chair), Cllrs Quint, Marsh and the Clerk, Mr. Owen Tate, BHA.",
     ["Cllr Pellow"], ["Cllr Pellow", "Cllrs Quint", "Marsh", "Mr. Owen Tate"]),
])
def test_council_present_line(present, chair, present_names):
    ex = run(council("Police Report: None.", "Public Forum: None.", "Correspondence: None.", present=present))
    assert [a.person.surface for a in ex.attendance if a.role == "chair"] == chair
    assert [a.person.surface for a in ex.attendance if a.role == "present"] == present_names
    # "& the Clerk" is another attendee, not the post of the councillor before it
    assert "clerk" not in ex.posts


BOARD = ("Title of Meeting: Fenmoor Libraries - Board Meeting\nDate: 12th May 2016\n"
         "Attendees: Grace Hollis (Chair), Peter Vane (Vice Chair), Anne Cotter, Simon\n"
         "Dewhurst (Chief Executive), Lucy Marr\n"
         "Invited: Nadia Brook (Governance Manager), Owen\nPrice (Head of HR)\n\n"
         "1. Welcome and Apologies\n\nApologies were received from Grace Hollis and Lucy Marr.\n\n"
         "Peter Vane (Vice Chair) chaired this meeting in the absence of Grace Hollis\n(Chair).\n\n"
         "2. Finance\n\nThe Board noted the accounts.\n")


@pytest.mark.parametrize("role, names", [
    ("chair", ["Peter Vane"]),  # the vice chair chaired: the listed chair sent apologies
    ("present", ["Peter Vane", "Anne Cotter", "Simon Dewhurst"]),  # wrapped over a line, apologies out
    ("in_attendance", ["Nadia Brook", "Owen Price"]),  # "Invited:" is in attendance
    ("apologies", ["Grace Hollis", "Lucy Marr"]),
])
def test_board_attendance_with_chair_among_apologies(role, names):
    ex = run(BOARD)
    assert [a.person.surface for a in ex.attendance if a.role == role] == names


@pytest.mark.parametrize("raw, ambiguous, alias", [
    ("Present; Mark Hollins (MH), Mary Hale (MH), Dora Lent (DL)\n\n1. Finance\n\nMH will check the bank.\n",
     {"MH": ["Mark Hollins", "Mary Hale"]}, ("DL", "Dora Lent")),
    ("Attendees: Ruth Kemp (RK)(Chair), Ralph Kerr (RK)(Treasurer), Tom Bell (TB)\n\n1. Finance\n\nNoted.\n",
     {"RK": ["Ruth Kemp", "Ralph Kerr"]}, ("TB", "Tom Bell")),
])
def test_initials_shared_by_two_people_stay_apart(raw, ambiguous, alias):
    ex = run(raw)
    assert ex.ambiguous_initials == ambiguous
    assert next(iter(ambiguous)) not in ex.aliases
    assert ex.aliases[alias[0]] == alias[1]


# -- declarations ------------------------------------------------------------------

@pytest.mark.parametrize("line, people, interest", [
    ("Declarations of interest: Cllrs Pellow & Quint re 3107 - BWT.", ["Cllrs Pellow", "Quint"], "item 3107 - BWT"),
    ("Declarations of interest: Cllr Marsh and Cllr Quint - item 6, members of the Allotment Society.",
     ["Cllr Marsh", "Cllr Quint"], "item 6, members of the Allotment Society"),
])
def test_names_joined_by_and_share_an_interest(line, people, interest):
    ex = run(council("Police Report: None.", line, "Correspondence: None."))
    assert [d.person.surface for d in ex.declarations] == people
    assert {d.interest for d in ex.declarations} == {interest}


# -- decisions ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Approval of minutes of previous meeting: Approved and signed as correct.",
    "To receive & approve minutes of previous meeting: Circulated, approved & signed as correct.",
    "Approval of minutes: Minutes approved and signed.",
    "Accounts for payment: Hall hire - £36 (Ch. 4001) – all approved.",
    "Footpath diversion order: Cllrs were happy with this.",
    "Compliance officer: Cllr Quint was proposed and all Cllrs were in agreement with this.",
])
def test_subjectless_approvals_and_consent_are_decisions(line):
    ex = run(council("Police Report: None.", line))
    assert len(ex.decisions) == 1, ex.decisions
    assert ex.decisions[0].evidence.quote in line


@pytest.mark.parametrize("line", [
    "Public Forum: A resident asked if Cllrs were happy to meet him.",   # a question, and a task
    "Correspondence: Email approved by the sender was forwarded.",       # not the body approving
    "Planning: The applicant was happy with the outcome.",               # not the members
])
def test_not_decisions(line):
    assert run(council("Police Report: None.", line)).decisions == []


# -- actions -----------------------------------------------------------------------

@pytest.mark.parametrize("line, owner, text", [
    ("Diversion Order: Cllrs were happy with this. Clerk inform Dan Hurley.", ["Clerk"], "inform Dan Hurley"),
    ("Bridge: Vehicles still use the bridge. Clerk write to the County Council.", ["Clerk"],
     "write to the County Council"),
    ("Consortium: Feedback required by 15th November. Clerk reply saying the Council declines.", ["Clerk"],
     "reply saying the Council declines"),
    ("Window frame: One was left in Mill Road. Clerk to look into this.", ["Clerk"], "look into this"),
])
def test_clerk_errands(line, owner, text):
    acts = run(council("Police Report: None.", line)).actions
    assert [owners(a) for a in acts] == [owner]
    assert acts[0].text == text


@pytest.mark.parametrize("line", [
    "Correspondence: Clerk reported the letter from the bank.",    # past tense: a report, not a task
    "Correspondence: Clerk’s salary approved.",                     # the post as a possessive
])
def test_clerk_not_errands(line):
    assert run(council("Police Report: None.", line)).actions == []


def test_unnamed_clerk_keeps_apart_from_a_councillor_sharing_its_initial():
    ex = run(council("Hall: Cllrs Cobley & Marsh agreed to look at the lease.",
                     "Trees: One is down in Mill Road. Clerk to look into this.",
                     "Bins: Clerk notify the waste team.",
                     present="Present: Cllrs Cobley, Marsh & the Clerk."))
    assert [(owners(a), a.text) for a in ex.actions] == [
        (["Cllrs Cobley", "Marsh"], "look at the lease"), (["Clerk"], "look into this"),
        (["Clerk"], "notify the waste team")]


TRUSTEES = ("Minutes of Trustees of the Friends of Eastholme Library\nMeeting of 2nd June 2015\n\n"
            "Present; Dora Lent (DL), Mark Hollins (MHol), Sam Pryor (SP)\n\n1. Fundraising\n\n")


@pytest.mark.parametrize("para, owner, evidence_has", [
    ("1.1 SP elected to continue as 100 Club manager and asked Trustees to try and find new members. "
     "DL thanked Sam for his work.\nACTION: TRUSTEES", ["Trustees of the Friends of Eastholme Library"],
     "asked Trustees to try"),
    # the label confirms the owners of the task the prose has just recorded
    ("1.2 DL will circulate a list of local businesses. Trustees to consider others.\nACTION: DL/TRUSTEES",
     ["Dora Lent", "Trustees of the Friends of Eastholme Library"], "Trustees to consider"),
    ("1.3 The stall went well. SP will book the hall for December.\nACTION: SP", ["Sam Pryor"], "SP will book"),
    # the sentence before the label states the task: an earlier list of names does not take it
    ("1.4 The signatories are DL, MHol and SP. All signatories will be reviewed when the account moves.\n"
     "ACTION: DL/SP", ["Dora Lent", "Sam Pryor"], "will be reviewed"),
])
def test_action_label_takes_the_sentence_naming_its_owner(para, owner, evidence_has):
    ex = run(TRUSTEES + para + "\n")
    acts = [a for a in ex.actions if evidence_has in a.evidence.quote]
    assert acts, ex.actions
    assert sorted(ex.aliases.get(o, o) for o in owners(acts[0])) == sorted(owner)


@pytest.mark.parametrize("sentence, owner, text", [
    ("Anne Cotter gave her thanks to the staff and will ensure the council hears of their work.",
     ["Anne Cotter"], "ensure the council hears of their work"),
    ("The Chief Executive and Head of HR will meet tomorrow about the contract.",
     ["Simon Dewhurst", "Owen Price"], "meet tomorrow about the contract"),
])
def test_promises_joined_to_a_subject(sentence, owner, text):
    head = BOARD.split("1. Welcome")[0]
    ex = run(head + "1. Updates\n\n" + sentence + "\n")
    acts = [a for a in ex.actions if a.text.startswith(text.split()[0])]
    assert [owners(a) for a in acts] == [owner]
    assert acts[0].text == text


def test_owners_inside_a_decision_sentence():
    ex = run(TRUSTEES + "It was also agreed that the group should have a budget and DL and SP will manage this.\n")
    assert ex.decisions and [owners(a) for a in ex.actions] == [["DL", "SP"]]


# -- page furniture in pasted layout text -------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # form feeds: a running head stays once, heading the text; lone page numbers go; a sentence
    # over the break joins
    ("Minutes - Harbour Board\nThe Clerk would ask Steve\n2647\fMinutes - Harbour Board\nBaldwin to attend.\n"
     "2648\fMinutes - Harbour Board\nEnd.\n2649",
     "Minutes - Harbour Board\nThe Clerk would ask Steve\nBaldwin to attend.\n\nEnd."),
    # no form feeds: "Page 2 of 3" lines and numbers that count up, alone between blank lines
    ("First page text.\n\nPage 1 of 3\n\nSecond page.\n\n2\n\nThird.\n\n3\n",
     "First page text.\n\n\nSecond page.\n\n\nThird.\n\n"),
    # a lone amount in a list is kept: it does not count up
    ("Payments:\n\n250\n\nAgreed.\n", "Payments:\n\n250\n\nAgreed.\n"),
])
def test_page_furniture_in_pasted_text(raw, expected):
    assert clean_page_furniture(raw) == expected


# -- closing and per-item Actions lists: what in them is no task --------------------------

PARENTS = ("GLENAVON PRIMARY PARENT COUNCIL\n\nMinutes of the meeting held on 12th March 2025\n\n"
           "Present: Moira Tulloch (MT), Callum Reid (CR), Ishbel Gow (IG)\n\n")


@pytest.mark.parametrize("raw, expected", [
    # an underline of a Markdown heading, a heading and a figure line the list runs into
    (PARENTS + "1. Trips\n\nActions\n=======\n\n- CR to write to parents about volunteers.\n",
     ["write to parents about volunteers"]),
    (PARENTS + "1. Trips\n\nACTIONS:\n- CR to write to parents about volunteers.\n\n2. Treasurer's Report\n"
               "Current Balance : £4210.00\n- AOB\n",
     ["write to parents about volunteers"]),
    # a task in capitals stays a task
    (PARENTS + "1. Trips\n\nACTIONS:\n- CR TO WRITE TO PARENTS ABOUT VOLUNTEERS\n",
     ["WRITE TO PARENTS ABOUT VOLUNTEERS"]),
])
def test_actions_list_lines_that_are_no_task(raw, expected):
    got = [a.text for a in run(raw).actions]
    assert len(got) == len(expected), got
    for text, want in zip(got, expected):
        assert want.lower() in text.lower()
