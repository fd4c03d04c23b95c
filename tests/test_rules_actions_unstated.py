"""Action rules for tasks whose owner or clause boundary the minutes leave unwritten, as
(sentence, expected) tables of minute-writing (names invented, shapes taken from real minutes
of several bodies).  Each sentence runs through the whole extract stage inside a small document
whose body is known, as in tests/test_rules.py."""
from __future__ import annotations

import pytest

from tests.parish import owners, run

def found(body: str) -> list[tuple[list[str], str]]:
    return [(owners(a), a.text) for a in run(body).actions]


# "X agreed to VP" with no boundary before X: an item title run into its text, an opening
# phrase without its comma
@pytest.mark.parametrize("sentence, owner, text_has", [
    ("48/25 To Discuss the Overgrown Hedge on Mill Lane The Clerk agreed to ask Highways to cut it back.",
     ["Jo Bright"], "ask Highways to cut it back"),
    ("As agreed by the Parish Council the Clerk agreed to confirm the booking with the hall.",
     ["Jo Bright"], "confirm the booking"),
    ("49/25 To Approve: Cutting of Weeds Cllr Raj Patel agreed to do a notice for the boards.",
     ["Cllr Raj Patel"], "do a notice for the boards"),
])
def test_an_undertaking_needs_no_boundary_before_its_owner(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in acts[0].text


@pytest.mark.parametrize("sentence", [
    "The letter from the Clerk was noted.",
    "Cllr Tom Cole thanked the Clerk for agreeing to attend.",
])
def test_a_mention_not_followed_by_an_undertaking_is_no_owner(sentence):
    assert run(sentence).actions == []


# the mandative subjunctive: "agreed/asked/requested that X VERB" gives X a task, X a person or post
@pytest.mark.parametrize("sentence, owner, text_has", [
    ("The Parish Council agreed that Cllr Raj Patel share the survey results with the Borough.",
     ["Cllr Raj Patel"], "share the survey results"),
    ("Following a suggestion by Cllr Tom Cole the Council agreed that he bring costs to the April meeting.",
     ["Cllr Tom Cole"], "bring costs"),
    ("The Chair asked that the Clerk write to the landowner and request a reply.",
     ["Jo Bright"], "write to the landowner"),
    ("The Chair requested that Cllr Raj Patel ask the police to do a speed watch.",
     ["Cllr Raj Patel"], "ask the police"),
])
def test_a_bare_verb_after_that_is_the_named_owners_task(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in acts[0].text


@pytest.mark.parametrize("sentence", [
    "Cllr Raj Patel requested that the Parish Council purchase two more dog bins.",  # a request of the body
    "It was agreed that Cllr Tom Cole was right to raise it.",                       # indicative, no task
    "The Clerk asked that the minutes reflects the vote.",
    "Cllr Tom Cole asked that the Clerk needed more time.",
])
def test_no_task_without_a_bare_verb_for_a_person(sentence):
    assert run(sentence).actions == []


# what a member reports will be discussed or decided at a meeting, no agent written, is the body's
@pytest.mark.parametrize("sentence, owner", [
    ("Cllr Raj Patel added that the final scheme for the bid would be decided at the October meeting.",
     ["Riverside Parish Council"]),
    ("The Chair advised that any decisions would be ratified at an extraordinary meeting of the Council.",
     ["Riverside Parish Council"]),
    ("The Clerk advised that the invoice would be sent to the contractor.", ["Jo Bright"]),  # not a meeting's act
])
def test_what_a_meeting_will_decide_is_the_bodys(sentence, owner):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner


# a passive with its agent after a second participle or a short place: the agent owns the task
@pytest.mark.parametrize("sentence, owner, text_has", [
    ("Any photographs would be added to the website by the Clerk.", ["Jo Bright"], "added to the website"),
    ("The revised tiers will be discussed and agreed by the Parish Council.", ["Riverside Parish Council"],
     "discussed and agreed"),
])
def test_a_passive_agent_after_a_place_or_second_participle(sentence, owner, text_has):
    acts = run(sentence).actions
    assert len(acts) == 1, acts
    assert owners(acts[0]) == owner
    assert text_has in acts[0].text


@pytest.mark.parametrize("sentence", [
    "Access to the new website would be limited and controlled by Cllr Tom Cole.",  # a state, not a task
])
def test_a_state_in_the_passive_is_no_task(sentence):
    assert run(sentence).actions == []


# a member's written report read into the minutes, its author named at its head: what it says
# will be done, no agent written, is the author's task (shapes of a parish council's
# horticultural report and a town trust's curator's report)
@pytest.mark.parametrize("lines, tasks, due", [
    ("Allotments Report, 3rd March 2025: Cllr Raj Patel Allotment plots • All plots have been kept tidy "
     "• As planned in January, the hedge has been partly cut. Cutting and clearing will be completed by the "
     "end of March. • In the Spring there will be a further mowing of the paths in all plots.",
     ["Cutting and clearing will be completed", "a further mowing of the paths in all plots"], "by the end of March"),
    ("Curators report (Cllr Tom Cole)\n(i) Updating information\nNotice board wording agreed and will be "
     "installed shortly.\nSmall banner already installed outside the hall.",
     ["Notice board wording agreed and will be installed shortly"], None),
])
def test_an_authored_reports_future_is_its_authors_task(lines, tasks, due):
    acts = run(lines).actions
    assert [a.text for a in acts] == tasks
    assert acts[0].due == due
    author = "Cllr Raj Patel" if "Raj" in lines else "Cllr Tom Cole"
    assert all(owners(a) == [author] for a in acts)


@pytest.mark.parametrize("lines", [
    # no author at the report's head
    "Allotments Report, 3rd March 2025: Allotment plots • Cutting and clearing will be completed by the end of March.",
    # a state, not a task
    "Allotments Report: Cllr Raj Patel Plots • The lower field will be closed in August.",
    # a remark in brackets after the heading, not its author
    "Finance Report (Cllr Tom Cole queried the bank fees)\nThe fees will be reviewed in May.",
    # the report's item has ended: the next item's future passive is nobody's here
    "Allotments Report: Cllr Raj Patel Plots • All plots have been kept tidy.\n\n13/25 Highways\n\n"
    "The verge will be cut by the end of May.",
])
def test_no_report_task_without_its_author_or_a_task(lines):
    assert run(lines).actions == []


def test_an_agent_in_an_authored_report_owns_the_task():
    acts = run("Allotments Report: Cllr Raj Patel Plots • Copies of the plan will be kept on file by the Clerk.").actions
    assert [owners(a) for a in acts] == [["Jo Bright"]]


# a person's undertaking and the body's agreement in one sentence (shapes of a parish council's
# and a society's AGM minutes): the undertaking is still the person's task, without the decision
# that follows it; taking someone's place is an office, the decision itself
@pytest.mark.parametrize("sentence, expected", [
    ("The Chair agreed to continue investigations and it was agreed to add to the May agenda for further discussion.",
     [(["Cllr Ann Lee"], "continue investigations")]),
    ("Cllr Tom Cole offered to draft the letter, and this was agreed.", [(["Cllr Tom Cole"], "draft the letter")]),
    ("Cllr Tom Cole volunteered to take his place, and this was unanimously agreed.", []),
    ("The Parish Council agreed to adopt the guidelines as proposed by Cllr Raj Patel, seconded by Cllr Tom Cole.", []),
])
def test_an_undertaking_in_the_bodys_decision_is_the_persons_task(sentence, expected):
    assert found(sentence) == expected
