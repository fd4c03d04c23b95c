"""Shapes of minute-writing read on an eighth set of unseen minutes (an English parish council,
a village hall charity's AGM, a worker co-operative's board, an open-science foundation's
steering committee, its conference task force and its assessment subcommittee).

Each table is (raw minutes, what must be read from them), over invented minutes in the shapes
the real ones showed; the bodies that showed each shape are named above its table.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.md"):
    return extract(segment(Document(name, text, "md", "0")))


def owned(ex):
    """(owners, task) of every action, owners as written, sorted."""
    return sorted((tuple(sorted(o.surface for o in a.owners)), a.text) for a in ex.actions)


HEAD = ("# Garden Committee 2021-05-04\n\n## Attendance\n\nAttending\nPriya Okonkwo\nTobias Lindqvist\n"
        "Wendell Achterberg\n\n## 2 Lists\n\nPriya has made a list of the allotment plots.\n\n")

# "Action: A delete X", "Action: B send Y to Z", "Action: GROUP approve X" (a foundation's steering
# committee): an action label whose owner is written by a given name alone (or a group's short
# name) and a bare verb, the shorthand a community council's clerk writes for the post ("Clerk
# inform X", a Welsh community council).  The given name of the one person
# the minutes name in full is that person; a name the reader does not know is still the owner.
LABEL_BARE_VERB = [
    (HEAD + "Action: Priya delete the empty plots every six months.\n",
     [(("Priya Okonkwo",), "delete the empty plots every six months")]),
    (HEAD + "Action: Tobias send the list to the allotment society\n",
     [(("Tobias Lindqvist",), "send the list to the allotment society")]),
    (HEAD + "Action: Seedbank approve the seed order after the society replies.\n",
     [(("Seedbank",), "approve the seed order after the society replies")]),
    # the label's task with "to" was read before and still is
    (HEAD + "Action: Wendell to book the hall.\n", [(("Wendell",), "book the hall")]),
]


@pytest.mark.parametrize("raw,expected", LABEL_BARE_VERB)
def test_a_label_owner_then_a_bare_verb_owns_the_task(raw, expected):
    assert owned(run(raw)) == expected


# guards: a label stating what the meeting did, and a label whose first word is a verb in the
# past, name no owner and are no one's task
LABEL_GUARDS = [
    (HEAD + "Action: Approved the plot list.\n", []),
    (HEAD + "Action: Agreed unanimously by members present.\n", []),
]


@pytest.mark.parametrize("raw,expected", LABEL_GUARDS)
def test_a_label_of_what_was_done_is_no_task(raw, expected):
    assert owned(run(raw)) == expected


def motions(ex):
    return [(d.proposer.surface if d.proposer else None, d.text) for d in ex.decisions]


# "Motion: that X" / "Moved: A" / "Seconded: B" (a users' society's AGM), "Motion: X" / "Seconded,
# passed." and "Countermotion: Y" / "Seconded. Passed." (a foundation's steering committee): the motion stated
# under its label and then moved or seconded is carried; an agenda's draft motions that no line
# seconds, and one marked not seconded, are no decisions
MOTION_LABEL_THEN_SECONDED = [
    ("## 3. Accounts 2019\n\nMotion: that the accounts for 2019 be adopted as presented to the\nAnnual General Meeting\n\n"
     "Moved: Peter Harlow  \nSeconded: Susan Marsh\n",
     [("Peter Harlow", "the accounts for 2019 be adopted as presented to the Annual General Meeting")]),
    ("## 4 Plot allocation\n\nMotion: publish the plot map on the noticeboard.\nSeconded, passed.\n\n"
     "Countermotion: hold the open day in May, not in June.\nSeconded. Passed.\n",
     [(None, "publish the plot map on the noticeboard"),
      (None, "hold the open day in May, not in June")]),
    ("## 5 Mowing\n\nMotion: Buy a second mower this year (not seconded)\n\n"
     "Countermotion: Ask the society for a quote for mowing.\n\nSeconded, passed.\n",
     [(None, "Ask the society for a quote for mowing")]),
    # guards: draft motions with no seconding line
    ("## 6 Shed\n\nMotion: Should the shed be painted?\n\n## 7 Gates\n\n"
     "Motion: Close the gate at dusk.\n\nMotion: Write to the owner. [not voted on]\n", []),
]


@pytest.mark.parametrize("raw,expected", MOTION_LABEL_THEN_SECONDED)
def test_a_labelled_motion_then_seconded_is_carried(raw, expected):
    assert motions(run(raw)) == expected


# "*Attendees" / "- A" / "- B" one a line (a conference task force's notes), "### Members Present" /
# "- A, B, C, D" (a makerspace committee's minutes): a register of given names alone; its names
# then own the tasks written with them alone ("A will VERB ...", "B to VERB ..."), gazetteer given
# names or not
REGISTER = ("# Orchard Group 2021-06-05\n\n*Attendees\n-   Oskaria\n- Tavish\n-  Corwin\n\n*Apologies\n-   Ilse\n\n")
GIVEN_REGISTER = [
    (REGISTER + "the harvest at the open day?\nOskaria will add the harvest to the newsletter\n",
     [(("Oskaria",), "add the harvest to the newsletter")]),
    (REGISTER + "-   Tavish to chase the tree surgeon re the invoice.\n",
     [(("Tavish",), "chase the tree surgeon re the invoice")]),
    ("# Committee Meeting 2020.08.01\n\n### Members Present\n\n-   Oskar, Ilse, Corwin, Tavish\n\n### Reports\n\n"
     "-   Corwin to chase the electrician re the invoice.\n-   Oskar to price the new fence.\n",
     [(("Corwin",), "chase the electrician re the invoice"), (("Oskar",), "price the new fence")]),
    # guards: a register's heading over full names is read as before; a line of anything but
    # given names is no register of them
    ("# Orchard Group 2021-06-05\n\n### Members Present\n\n-   Planting, Pruning\n\n-   Pruning to start in March.\n", []),
    ("# Orchard Group 2021-06-05\n\nPresent:\n- the orchard plan was reviewed\n\nTavish to chase the tree surgeon.\n", []),
]


@pytest.mark.parametrize("raw,expected", GIVEN_REGISTER)
def test_a_register_of_given_names_names_the_owners(raw, expected):
    assert owned(run(raw)) == expected


# "A and B to VERB ..." (a makerspace committee), "A & B volunteered to VERB ..." (a conference task
# force): two given names of the register joined by "and" / "&" own the task together
TWO_GIVEN = [
    ("# Committee Meeting 2020.08.01\n\n### Members Present\n\n-   Oskar, Ilse, Corwin, Tavish\n\n### Reports\n\n"
     "-   Ilse and Corwin to visit the other allotments.\n",
     [(("Corwin", "Ilse"), "visit the other allotments")]),
    (REGISTER + "## Programme\n\nLast month, Oskaria & Tavish volunteered to plan the harvest supper\n",
     [(("Oskaria", "Tavish"), "plan the harvest supper")]),
]


@pytest.mark.parametrize("raw,expected", TWO_GIVEN)
def test_two_given_names_joined_own_the_task(raw, expected):
    assert owned(run(raw)) == expected
