"""Fact rules over single sentences, as (sentence, expected) tables of minute-writing.

Each sentence is run through the whole extract stage (segment -> extract) inside a tiny
document whose body is known, so the rules see what they see in real minutes.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment
from tests.parish import HEADER, owners, run

@pytest.mark.parametrize("sentence, owner, text_has", [
    ("The Clerk agreed to write to the highways team.", ["Jo Bright"], "write to the highways team"),
    ("Cllr Raj Patel agreed to obtain three quotes by the end of April.", ["Cllr Raj Patel"], "obtain three quotes"),
    ("Cllr Tom Cole and the Clerk were due to meet the contractor.", ["Cllr Tom Cole", "Jo Bright"], "meet the contractor"),
    ("The Clerk advised that she will chase the invoice.", ["Jo Bright"], "chase the invoice"),
    ("Cllr Raj Patel said that there will be a litter pick in May.", ["Cllr Raj Patel"], "litter pick"),
    ("Councillors agreed to email the Clerk any concerns.", ["Riverside Parish Council"], "email the Clerk"),
    ("The DfE will recruit an independent advisor.", ["Department for Education"], "recruit an independent advisor"),
    ("Cllr Tom Cole to report back at the next meeting.", ["Cllr Tom Cole"], "report back"),
])
def test_commitments(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in acts[0].text


@pytest.mark.parametrize("sentence", [
    "Cllr Tom Cole declared an interest and agreed to abstain from voting.",   # part of a declaration
    "The Parish Council would need to approve the budget in January.",         # obligation, not a task
    "The residents will all be invited.",                                       # the invited own nothing
    "Cllr Raj Patel said that it will be a challenge.",                         # no task
    "Cllr Raj Patel said that if funding came, the village would benefit.",     # a condition
    "The Clerk had suggested this some time ago and it was agreed to add it to the agenda.",
])
def test_not_commitments(sentence):
    assert run(sentence).actions == []


@pytest.mark.parametrize("sentence, votes", [
    ("The accounts were proposed for approval by Cllr Raj Patel, seconded by Cllr Tom Cole, five were in favour, one abstained.",
     {"votes_for": 5, "abstentions": 1, "proposer": "Cllr Raj Patel", "seconder": "Cllr Tom Cole"}),
    ("Cllr Ann Lee proposed the grant, seconded by Cllr Tom Cole, all were in favour.",
     {"unanimous": True, "proposer": "Cllr Ann Lee", "seconder": "Cllr Tom Cole"}),
    # the mover and seconder named straight after the word, "by" left out, or before it
    ("Proposed by Cllr Raj Patel seconded by Cllr Tom Cole to accept the quote for the fence.",
     {"proposer": "Cllr Raj Patel", "seconder": "Cllr Tom Cole"}),
    ("Proposed Cllr Raj Patel Seconded Cllr Tom Cole a budget of £120 to buy a new heater.",
     {"proposer": "Cllr Raj Patel", "seconder": "Cllr Tom Cole"}),
    ("Cllr Raj Patel proposed approval of the payments, which was seconded Cllr Tom Cole, all were in favour.",
     {"proposer": "Cllr Raj Patel", "seconder": "Cllr Tom Cole", "unanimous": True}),
    ("Cllr Ann Lee proposed that a new noticeboard be bought, Cllr Tom Cole seconded, all were in favour.",
     {"proposer": "Cllr Ann Lee", "seconder": "Cllr Tom Cole"}),
    # a planning heading's "Proposed" is no proposal: nobody before it moved anything
    ("Application 25/0012 for Cllr Tom Cole: Proposed rear extension at Mill House. No objections.",
     {"proposer": None, "seconder": None}),
    ("It was resolved that the minutes be approved as a correct record.", {}),
    ("It was agreed to add the item to the February agenda.", {}),
    ("The Parish Council noted the audit report.", {}),
    ("The minutes of the previous meeting were agreed for publication.", {}),
    ("RESOLVED: that the policy be adopted.", {}),
])
def test_decisions(sentence, votes):
    ds = run(sentence).decisions
    assert len(ds) == 1, ds
    d = ds[0]
    for key, value in votes.items():
        got = getattr(d, key)
        assert (got.surface if hasattr(got, "surface") else got) == value


@pytest.mark.parametrize("lines, votes", [
    # an AGM's vote on lines of their own after the decision they move
    ("There were no questions and the accounts were accepted and approved.\n"
     "Proposer: Cllr Raj Patel (Riverside Library)\nSeconder: Cllr Tom Cole (Hill Library)",
     [("Cllr Raj Patel", "Cllr Tom Cole")]),
    ("The appointment of the auditor was agreed.\nProposed: Cllr Tom Cole\nSeconded: Cllr Ann Lee",
     [("Cllr Tom Cole", "Cllr Ann Lee")]),
    # one item, two motions, each on its own line: neither takes the other's mover
    ("(a) Village Hall - Cllr Tom Cole. Proposed by Cllr Raj Patel, seconded by Cllr Ann Lee.\n"
     "(b) Finance - Cllr Ann Lee. Proposed by Cllr Tom Cole, seconded by Cllr Raj Patel.",
     [("Cllr Raj Patel", "Cllr Ann Lee"), ("Cllr Tom Cole", "Cllr Raj Patel")]),
])
def test_votes_on_lines_of_their_own(lines, votes):
    ds = run(lines).decisions
    got = [(d.proposer.surface if d.proposer else None, d.seconder.surface if d.seconder else None) for d in ds]
    assert got == votes, [d.text for d in ds]


@pytest.mark.parametrize("sentence", [
    "Cllr Raj Patel asked if the residents should be consulted and it was agreed that they should be.",
    "The purchases had been agreed by the county association.",
    "It was noted by the inspectors that leaders were aware of the issues.",
    "Cllr Raj Patel agreed with this and added that more work was needed.",
])
def test_not_decisions(sentence):
    assert run(sentence).decisions == []


@pytest.mark.parametrize("sentence, person, interest", [
    ("Cllr Tom Cole declared an interest regarding payments for approval and agreed to abstain from voting.",
     "Cllr Tom Cole", "payments for approval"),
    ("Cllr Ann Lee declared that her daughter worked at the youth centre.", "Cllr Ann Lee",
     "her daughter worked at the youth centre"),
    ("Cllr Raj Patel declared a pecuniary interest in item 8 as the owner of the land.", "Cllr Raj Patel",
     "the owner of the land"),
])
def test_declarations(sentence, person, interest):
    ds = run(sentence).declarations
    assert [(d.person.surface, d.interest) for d in ds] == [(person, interest)]


def test_attendance_from_a_run_on_present_line():
    ex = run("Nothing else.")
    roles = {(a.person.surface, a.role) for a in ex.attendance}
    assert ("Cllr Ann Lee", "chair") in roles and ("Cllr Ann Lee", "present") in roles
    assert ("Jo Bright", "present") in roles
    assert ex.posts["clerk"] == "Jo Bright"


def test_apologies_in_prose_and_chair_from_who_opened_the_meeting():
    text = ("Cllr Smith welcomed the members and noted apologies had been received from Kerry Dale.\n\n"
            "Julie Grey in attendance")
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    roles = {(a.person.surface, a.role) for a in ex.attendance}
    assert roles == {("Cllr Smith", "chair"), ("Kerry Dale", "apologies"), ("Julie Grey", "in_attendance")}


@pytest.mark.parametrize("sentence, owner, text_has", [
    ("The Clerk was asked to write to the county council.", ["Jo Bright"], "write to the county council"),
    ("It was agreed that Cllr Raj Patel would draft the newsletter.", ["Cllr Raj Patel"], "draft the newsletter"),
    ("Clerk to chase the highways team about the signs.", ["Jo Bright"], "chase the highways team"),
    ("ACTION: Clerk to order the new bench.", ["Jo Bright"], "order the new bench"),
])
def test_more_commitments(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in acts[0].text


# a commitment reported in the conditional (parish and community council minutes write it so)
@pytest.mark.parametrize("sentence, expected", [
    ("The Clerk would take forward and send out to the printers.",
     [(["Jo Bright"], "take forward and send out to the printers")]),
    ("The lane was discussed but it was felt that Cllr Raj Patel would contact the landowner.",
     [(["Cllr Raj Patel"], "contact the landowner")]),
    ("There were changes to the grant scheme which the Clerk would be circulating to the Councillors.",
     [(["Jo Bright"], "circulating to the Councillors")]),
    ("The Clerk would be able to submit the bid when the costs were known, Cllr Tom Cole agreed to forward them.",
     [(["Jo Bright"], "submit the bid when the costs were known"), (["Cllr Tom Cole"], "forward them")]),
    ("It was agreed that the Council needed to review the lighting and the Clerk would note it for a future agenda.",
     [(["Jo Bright"], "note it for a future agenda")]),
    ("The Clerk would like to thank the volunteers for their work.", []),       # a wish
    ("Cllr Tom Cole would need to see the figures first.", []),                  # a need
    ("The two funds would continue to be held separately.", []),                 # no person or post
    ("The county council would provide the labour.", []),                        # an outside body's part
])
def test_reported_would(sentence, expected):
    acts = run(sentence).actions
    assert len(acts) == len(expected), acts
    for a, (owner, text_has) in zip(acts, expected):
        assert owners(a) == owner
        assert text_has in a.text


# "SPEAKER said that NP will be DONE": the speaker's task, unless NP is itself a clause (news
# of what others do) or the participle is an event or a need
@pytest.mark.parametrize("sentence, expected", [
    ("The Clerk confirmed that a letter would be sent to the landowner.", [(["Jo Bright"], "letter would be sent")]),
    ("Cllr Tom Cole reported that the fun run will be held on 4th May at the playing field.", []),
    ("Cllr Raj Patel confirmed that the lease is coming to an end so the tenancy will be reviewed in the autumn.", []),
    ("Cllr Raj Patel explained these are supplied by the county and will be fitted by another contractor.", []),
    ("Cllr Tom Cole said that further funding will be required for the second phase.", []),
])
def test_reported_passive(sentence, expected):
    acts = run(sentence).actions
    assert len(acts) == len(expected), acts
    for a, (owner, text_has) in zip(acts, expected):
        assert owners(a) == owner
        assert text_has in a.text


def test_a_plural_title_gives_every_name_its_title():
    from kg.extract.names import NameContext, find_people
    text = "Present: Councillor Smith (Chair); Councillors Jones, Brown and Patel."
    assert [m.surface for m in find_people(text, 0, NameContext())] == [
        "Councillor Smith", "Councillors Jones", "Brown", "Patel"]


def test_a_lost_amendment_is_recorded_as_rejected_with_its_vote():
    ex = run("Cllr Raj Patel proposed an amendment to cut the lights budget, seconded by Cllr Tom Cole. "
             "On being put to the vote the amendment was LOST. For 3, Against 6, Abstain 1.")
    assert len(ex.decisions) == 1
    d = ex.decisions[0]
    assert (d.kind, d.proposer.surface, d.seconder.surface) == ("rejected", "Cllr Raj Patel", "Cllr Tom Cole")
    assert (d.votes_for, d.votes_against, d.abstentions) == (3, 6, 1)


def test_an_officer_agreeing_inside_a_reply_owns_the_task():
    text = (HEADER.replace("Jo Bright (Clerk)", "Jo Bright (Clerk)\n\nAlso present: Mr D Evans (Director of Housing)")
            + "12/25 Repairs\n\nThe Director of Housing replied that he expected the backlog to clear by June "
              "and agreed to circulate monthly figures to members.\n")
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    assert [(owners(a), a.text) for a in ex.actions] == [(["Mr D Evans"], "circulate monthly figures to members")]


def test_in_the_chair_line():
    text = "Finance Committee\n\nIn the Chair: Councillor Mary Jones\nPresent: Councillors Patel and Brown\n\n1. Budget\n\nNoted.\n"
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    roles = {(a.person.surface, a.role) for a in ex.attendance}
    assert ("Councillor Mary Jones", "chair") in roles and ("Councillor Mary Jones", "present") in roles
    assert ("Councillors Patel", "present") in roles and ("Brown", "present") in roles


@pytest.mark.parametrize("sentence, expected", [
    ("Declarations of interest: Cllr Tom Cole - item 6, as a member of the Allotment Society.",
     [("Cllr Tom Cole", "item 6, as a member of the Allotment Society")]),
    ("Declarations of interest: none.", []),
])
def test_declarations_written_as_a_list(sentence, expected):
    ex = run(sentence)
    assert [(d.person.surface, d.interest) for d in ex.declarations] == expected


@pytest.mark.parametrize("heading, body", [
    ("MINUTES OF THE MEETING OF THE AUDIT COMMITTEE HELD ON 3 APRIL 2024", "Audit Committee"),
    ("Minutes of the Annual Parish Meeting of Little Wick Parish Council held on 14 May 2024", "Little Wick Parish Council"),
    ("Harlow District Council\nCabinet\n\nMinutes of the meeting held on 4 June 2024", "Harlow District Council Cabinet"),
    ("Cabinet - Thursday, 12 September 2024 6.30 pm", "Cabinet"),
    ("EASTMARCH POLICE AND CRIME PANEL\n\nMinutes of the meeting held on 7 February 2025", "Eastmarch Police and Crime Panel"),
    ("Calder Moor Community Healthcare NHS Trust          Confidential\nMINUTES OF THE TRUST BOARD MEETING (PART 1)",
     "Calder Moor Community Healthcare NHS Trust Board"),
])
def test_the_body_from_the_heading(heading, body):
    text = heading + "\n\nPresent: Cllr Ann Lee (Chair)\n\n1. Apologies\nNone received.\n"
    assert extract(segment(Document("t.txt", text, "txt", "0"))).meeting.body == body


def test_a_given_name_alone_is_the_one_person_who_has_it():
    text = ("Riverside Allotment Association Committee\nMinutes of the meeting held on 2 March 2025\n\n"
            "Present: Cheryl Way (Chair), Mark Bell, Mark Ode, Priya Nair\n\n1. Water\n"
            "Priya agreed to contact the water company. Mark said he would fix the tap.\n")
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    assert [(owners(a), a.text) for a in ex.actions] == [(["Priya"], "contact the water company")]
    assert ex.aliases["Priya"] == "Priya Nair" and "Mark" not in ex.aliases  # two Marks: not guessed


@pytest.mark.parametrize("label", ["Action: Cllr Raj Patel", "ACTION: Clerk"])
def test_an_action_label_naming_only_the_owner_takes_the_task_before_it(label):
    ex = run("The bus shelter glass is cracked and needs replacing. " + label)
    assert len(ex.actions) == 1
    assert ex.actions[0].text == "The bus shelter glass is cracked and needs replacing"
    assert owners(ex.actions[0]) == (["Cllr Raj Patel"] if "Patel" in label else ["Jo Bright"])


# a sentence that is only an owner and a generic verb: the task is the sentence before it
@pytest.mark.parametrize("sentence, owner, text", [
    ("It was agreed to send the landowner a letter about the fence. The Clerk agreed to do.",
     ["Jo Bright"], "send the landowner a letter about the fence"),
    ("* Sharing the survey results with the county council. Raj Patel and Tom Cole to follow up.",
     ["Raj Patel", "Tom Cole"], "Sharing the survey results with the county council"),
    ("A page was needed on the website for the plan. The Clerk agreed to investigate.",
     ["Jo Bright"], "A page was needed on the website for the plan"),
])
def test_a_generic_task_takes_the_sentence_before(sentence, owner, text):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert acts[0].text == text


# Something promised to a coming meeting: owned by who says so ("The Clerk confirmed that the next
# update would ..."), or, in a council's written reply to a question, by the body that replies.
@pytest.mark.parametrize("sentence, owner, text_has", [
    ("The Clerk confirmed that the next update would take place at the May meeting.", ["Jo Bright"],
     "next update would take place"),
    ("Cllr Raj Patel advised that the final costings would be available for the June meeting.", ["Cllr Raj Patel"],
     "final costings would be available"),
    ("Question submitted by Cllr Tom Cole on the bus shelters.\n\n**Reply:**\n\nThe review of shelters is "
     "ongoing. A report should be available for the May meeting of the Council.", ["Riverside Parish Council"],
     "report should be available for the May meeting"),
    ("Question submitted by Cllr Tom Cole\n\nREPLY:\n\nThe final design is being prepared and will be "
     "available before the April meeting.", ["Riverside Parish Council"], "final design is being prepared"),
])
def test_promised_to_a_meeting(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in " ".join(acts[0].text.split())


@pytest.mark.parametrize("sentence", [
    "The year-end report will be available at the next meeting.",       # no one says so, no reply
    "Question submitted by Cllr Tom Cole\n\n**Reply:**\n\nThe scheme has not been approved for funding.",
    "Cllr Raj Patel said that the report was available at the last meeting.",   # past, not promised
])
def test_not_promised_to_a_meeting(sentence):
    assert run(sentence).actions == []
