"""Rules for actions as bodies outside the development set write them.

Each shape was found in the minutes of at least two different bodies of the unlabelled corpus
(a trust's "Action Clerk to ..." lines and a residents' association's "[Action: X to ...]"
outcomes; a board's action summary "Action: Adopted ..."; ...).  Names and places are
invented; the shape of each line is kept.  Every case runs through segment -> extract.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

TRUST = ("ASHDOWN TOWN TRUST\nMINUTES 4 MARCH 2015\n\n"
         "Present\nMr K Orme (KO), Mrs T Vale (TV), Mr D Hurst (DH)\n\n1. Car Park (DH)\n")
RESIDENTS = ("Fernhill Residents' Association and Estates meeting\nMinutes of the meeting held on 3 March 2025\n\n"
             "Those present\nRuth Salter, Chairman\nOwen Pike, Estates Manager\n\n5. ACTIONS FROM PREVIOUS MEETINGS\n")


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


def owners(action) -> list[str]:
    return [o.person.surface if o.person else o.surface for o in action.owners]


@pytest.mark.parametrize("raw, expected", [
    # the label run into its owner, no colon, under a line with no full stop
    (TRUST + "Some problems with the new permits\nAction DH to suspend issuing permits until the new ones arrive\n",
     [(["DH"], "suspend issuing permits until the new ones arrive")]),
    (TRUST + "(i) Correspondence\nA letter of thanks was received. Motion passed\nAction Clerk to inform the donor\n"
             "Fire course DH requested details of the course\nAction Clerk to contact DH with details\n",
     [(["Clerk"], "inform the donor"), (["Clerk"], "contact DH with details")]),
    # in square brackets beside the discussion; an owner named nowhere else is still the owner
    (RESIDENTS + "Allotments\nThere is a waiting list.\n[Action: Estates to update in 6 months.]\n\n"
                 "Mobile signal\nA booster is being looked at.\n[Action: Estates to update in 3 months]\n",
     [(["Estates"], "update in 6 months"), (["Estates"], "update in 3 months")]),
])
def test_run_in_and_bracketed_action_labels(raw, expected):
    assert [(owners(a), a.text) for a in run(raw).actions] == expected


@pytest.mark.parametrize("raw", [
    # an action summary's label says what the meeting did, not what someone is to do
    "Board of Directors\nACTION SUMMARY MINUTES\n\n1. Minutes\nAction: Adopted the Action Summary Minutes.\n",
    "Board of Directors\n\n2. Investment policy\nAction: Approved the annual investment policy.\n",
    "Board of Directors\n\n3. Reports\nAction: Presentation received and reports accepted.\n",
    "Board of Directors\n\n4. Committee\nAction: Moved by Director Lowe, seconded by Marsh, and carried.\n",
    # "Action" that is no label: prose about an item's scheduling
    "Board of Education\n\n5. Policies\nThe board reviewed the policies. Action was scheduled for March 4.\n",
])
def test_dispositions_and_prose_are_no_labelled_tasks(raw):
    assert run(raw).actions == []


COUNCIL = ("BRACKENWOOD COMMUNITY COUNCIL\n\nMinutes of a meeting of the above Council held on Monday "
           "14th April 2025 at 7.00pm in the Village Hall.\n\n"
           "Present: Cllrs Marsh, Pellow, Quint, County Cllr Rudd & the Clerk.\n\n3101. Matters: ")
GROUP = ("2024 Spring Imaging SIG meeting\n\n## Minutes\n\n*Attendance: Petra Lund, Omar Haddad, Wendy Crane*\n\n"
         "### 1. Protocols\n\n")


@pytest.mark.parametrize("raw, expected", [
    # a clerk's shorthand passive, no auxiliary: told to run an errand
    (COUNCIL + "The chain on the green is broken. Clerk asked to report this to Cllr Pellow.\n",
     [(["Clerk"], "report this to Cllr Pellow")]),
    (COUNCIL + "County Cllr Rudd asked to request a formal statement for the next meeting.\n",
     [(["County Cllr Rudd"], "request a formal statement")]),
    (GROUP + "Discussion around the topic. Petra Lund asked to provide the protocol for group sharing.\n",
     [(["Petra Lund"], "provide the protocol for group sharing")]),
    # the passive of a report and of a resolution
    (COUNCIL + "Cllr Pellow has been asked to obtain a second quote.\n", [(["Cllr Pellow"], "obtain a second quote")]),
])
def test_told_to_do_it_is_the_told_ones_task(raw, expected):
    assert [(owners(a), a.text) for a in run(raw).actions] == expected


@pytest.mark.parametrize("raw", [
    # asking leave to speak, or being asked a question, is no task
    COUNCIL + "Cllr Quint asked to speak on the item.\n",
    COUNCIL + "Cllr Quint asked to address the meeting before the vote.\n",
    COUNCIL + "The Clerk was asked whether the grant had been paid.\n",
])
def test_asking_leave_or_being_asked_is_no_task(raw):
    assert run(raw).actions == []


@pytest.mark.parametrize("raw, expected", [
    # the one asked owns the task, a person or a post
    (COUNCIL + "Cllr Marsh asked County Cllr Rudd to bring this matter up again with the Highways team.\n",
     [(["County Cllr Rudd"], "bring this matter up again with the Highways team")]),
    (COUNCIL + "The Chair asked the Clerk to write to the owner of the land.\n", [(["Clerk"], "write to the owner of the land")]),
    # a resolution's passive, as its own "That ..." line or after "resolved that"
    (COUNCIL + "RESOLVED:\nThat the Clerk be directed to write to the owner of the verge.\n",
     [(["Clerk"], "write to the owner of the verge")]),
    (COUNCIL + "It was resolved that the Clerk be asked to write to the landowner.\n", [(["Clerk"], "write to the landowner")]),
    # an officer or department the minutes name nowhere else
    ("Community Services Committee\n\n2.1 Report of the Advisory Committee\n\nThat the following actions be taken:\n"
     "a)    the City Administration BE DIRECTED to circulate this report to community partners;\n"
     "b)    the City Administration BE REQUESTED to attend the June meeting to provide an update;\n",
     [(["City Administration"], "circulate this report to community partners"),
      (["City Administration"], "attend the June meeting to provide an update")]),
])
def test_asked_or_directed_to_do_it(raw, expected):
    assert [(owners(a), a.text) for a in run(raw).actions] == expected


@pytest.mark.parametrize("raw", [
    # done there and then at the meeting, or asked of the body itself, or of no one
    COUNCIL + "The Chair invited Cllr Pellow to present her report.\n",
    COUNCIL + "The Chair asked Cllr Quint to leave the room.\n",
    GROUP + "OH asked Petra Lund to give a brief update on shared reporting:\n- the pilot has started\n",
    COUNCIL + "Cllr Pellow asked the Council to support the bid.\n",
    COUNCIL + "RESOLVED:\nThat the minutes be approved.\n",
])
def test_not_asked_to_do_a_task(raw):
    assert run(raw).actions == []


PARENTS = ("Glenview Primary Parent Council Meeting\nWednesday 8th October | 19:00 | School Library\n\n"
           "1. Present: Rhona Kerr (Head Teacher), Iain Moffat (Chair), Dana Quayle (Treasurer)\n\n"
           "2. Fundraising\n-Discussion held on a winter fair.\n\nACTIONS:\n- IM to book the hall for 28/11.\n"
           "- Stall list to be shared by DQ before the next meeting.\n\n")


@pytest.mark.parametrize("raw, expected", [
    # an item's own "ACTIONS:" list ends where the next numbered item begins: its notes are no tasks
    (PARENTS + "3. Financial Report\n-It was noted by DQ that the site contributes each year.\n"
               "-Most recently £50 was spent on paint.\n",
     [(["IM"], "book the hall for 28/11"), (["Glenview Primary Parent Council"], "Stall list to be shared by DQ")]),
    # a closing list numbered from 1 stays a list, though a heading came before it
    (PARENTS.replace("ACTIONS:\n- IM to book the hall for 28/11.\n- Stall list to be shared by DQ before the next meeting.\n",
                     "ACTIONS:\n1. IM to book the hall.\n2. DQ to share the stall list.\n"),
     [(["IM"], "book the hall"), (["DQ"], "share the stall list")]),
])
def test_an_items_action_list_ends_at_the_next_item(raw, expected):
    got = [(owners(a), a.text) for a in run(raw).actions]
    assert [(o, t[:len(e)]) for (o, t), (_, e) in zip(got, expected)] == expected and len(got) == len(expected)


@pytest.mark.parametrize("entry, expected", [
    # an entry of an item's action list led by its owners' initials, as a line of prose is
    ("- HB/DQ to put the council in touch with the supplier.", (["HB", "DQ"], "put the council in touch with the supplier")),
    ("- (IM & DQ to confirm the policy statement.)", (["IM", "DQ"], "confirm the policy statement")),
    ("-NB to contact the sports club about 28/11.", (["NB"], "contact the sports club about 28/11")),
    # no owner written: the body's
    ("- Website link to be shared in the newsletter.", (["Glenview Primary Parent Council"], "Website link to be shared in the newsletter")),
])
def test_list_entries_led_by_initials(entry, expected):
    raw = PARENTS.split("ACTIONS:")[0] + "ACTIONS:\n" + entry + "\n"
    assert [(owners(a), a.text) for a in run(raw).actions] == [expected]


@pytest.mark.parametrize("raw, expected", [
    # an errand in hand, reported in the past progressive or in the clerk's shorthand
    (RESIDENTS + "AOB\nBollard - It was broken by a contractor. OP was liaising with the contractor for repair.\n",
     [(["OP"], "liaising with the contractor for repair")]),
    (COUNCIL + "Mine: All Cllrs agreed to re-site it on the wharf. Cllrs Marsh & Quint arranging to relocate it.\n",
     [(["Cllrs Marsh", "Quint"], "arranging to relocate it")]),
])
def test_an_errand_in_hand(raw, expected):
    assert [(owners(a), a.text) for a in run(raw).actions][-len(expected):] == expected


@pytest.mark.parametrize("raw", [
    # a participle that is not an errand, without "is", is no task
    COUNCIL + "Cllrs Marsh & Quint attending the fair on Saturday was welcomed.\n",
])
def test_no_errand_in_hand(raw):
    assert run(raw).actions == []


@pytest.mark.parametrize("raw", [
    # the opening formula of a notice of motion or of a question is no task of its mover
    ("Ordinary Meeting of Westmoor County Council\n\n5. Notices of Motion\n\nNotice of Motion from Councillor Daly\n"
     "We will move at the next Meeting that the Council expresses its appreciation for the volunteers.\n"),
    ("Ordinary Meeting of Westmoor County Council\n\n6. Questions\n\nQuestion from Councillor Daly\n"
     "I will ask the Mayor at the next meeting for an update on the expert groups.\n"),
])
def test_a_notice_of_motion_is_no_task(raw):
    assert run(raw).actions == []
