"""Two shapes of minute-writing read on minutes ask had not seen.

A register written one person a line, each with initials in brackets and a post that may run
to several words ("Helen Dale (HD) Executive Director of Strategy and Delivery"): a line that
ends on a post's last word is not a wrapped name, so the next line ("John Dodd (JD) Chair,
ICB") is an entry of its own.  Found in an NHS clinical commissioning group's governing body
(apologies and attendance) and, one entry a line with its initials, in a health group's and a
standards board's attendance.  A line that ends on a given name is still joined to the next
("... and Colin" / "Rockall.").

A form's two labels on one line, each with a colon ("Proposed by: Cllr A   Seconded by: Cllr
B"), as a parish council's annual meeting records its elections; a city and county council
writes the same labels on lines of their own ("Proposed by: Councillor M Donegan").

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


HEAD = "Ashcombe Health Partnership Board Meeting in Public\nHeld on 3rd March 2022 via Microsoft Teams\n"


@pytest.mark.parametrize("register, apologies", [
    # a post of several words ending the line, the next line a whole entry
    ("Apologies:\nHelen Dale (HD) Executive Director of Strategy and Delivery\nJohn Dodd (JD) Chair, ICB\n"
     "Simon Kerr (SK) Lay Member for Patient Involvement\nDean Ward (DW) Director of Public Health\n",
     ["Helen Dale", "John Dodd", "Simon Kerr", "Dean Ward"]),
    ("Apologies:\nRuth Penn (RP) Director of Finance and Estates\nOwen Lake (OL) Lay Member\n",
     ["Ruth Penn", "Owen Lake"]),
    # a given name ending the line is the start of a name wrapped onto the next
    ("Apologies: Ann Boyd, Tom Hale and Colin\nRockall.\n", ["Ann Boyd", "Tom Hale", "Colin Rockall"]),
])
def test_each_line_of_a_register_is_its_own_entry(register, apologies):
    ex = run(HEAD + register + "\n1. Welcome\nThe Chair welcomed members to the meeting.\n")
    got = [a.person.surface for a in ex.attendance if a.role == "apologies"]
    assert got == apologies


def test_a_post_running_on_is_not_taken_into_the_next_name():
    ex = run(HEAD + "Apologies:\nHelen Dale (HD) Executive Director of Strategy and Delivery\n"
                    "John Dodd (JD) Chair, ICB\n\n1. Welcome\nThe Chair welcomed members.\n")
    assert "executive director of strategy and delivery" in ex.posts
    assert not any("dodd" in p for p in ex.posts)


MOTION = ("Minutes of the Annual Meeting of Ashby Parish Council held on Wednesday 4 May 2022.\n\n"
          "Present: Cllr A Dunn (Chair), Cllr B Hale, Cllr C Marsh\n\n22.01 ELECTION OF CHAIR OF THE COUNCIL\n\n"
          "It was RESOLVED that Cllr Dunn be elected Chair of the Council.\n\n")


@pytest.mark.parametrize("line, proposer, seconder", [
    ("Proposed by: Cllr Hale                   Seconded by: Cllr Marsh\n", "Cllr Hale", "Cllr Marsh"),
    ("Proposed by: Cllr Hale\tSeconded by: Cllr Marsh\n", "Cllr Hale", "Cllr Marsh"),
    ("Proposed by Cllr Hale, seconded by Cllr Marsh.\n", "Cllr Hale", "Cllr Marsh"),
    ("Proposed by: Cllr Hale\nSeconded by: Cllr Marsh\n", "Cllr Hale", "Cllr Marsh"),
])
def test_labels_of_a_form_name_the_mover_and_seconder(line, proposer, seconder):
    ex = run(MOTION + line)
    d = next(d for d in ex.decisions if "elected Chair" in d.text)
    assert (d.proposer and d.proposer.surface, d.seconder and d.seconder.surface) == (proposer, seconder)


# The mover of a motion written in one sentence, as North American boards write it: a school
# district's board ("It was moved by Mr. A, seconded by Ms. B, that ..."), a township board ("A
# motion to accept the minutes was made by A and supported by B. Motion carried.", "A moved and B
# supported to approve the budget") and another township's special meeting ("Motion ... to go
# into closed session, by Trustee A, supported by Clerk B, all ayes, motion passes."): "supported"
# seconds a motion there.  A member who "supported the motion" in debate seconds nothing.
MOVER_HEAD = ("Minutes of the Meeting of Ashby Parish Council held on Wednesday 4 May 2022.\n\n"
              "Present: Cllr A Dunn (Chair), Cllr B Hale, Cllr C Marsh\n\n22.01 ACCOUNTS\n\n")


@pytest.mark.parametrize("line, proposer, seconder", [
    ("It was moved by Cllr Hale, seconded by Cllr Marsh, that the accounts be approved.", "Cllr Hale", "Cllr Marsh"),
    ("The accounts were approved, moved by Cllr Hale and seconded by Cllr Marsh.", "Cllr Hale", "Cllr Marsh"),
    ("A motion to approve the accounts was made by Cllr Hale and seconded by Cllr Marsh. Motion carried.",
     "Cllr Hale", "Cllr Marsh"),
    ("A motion to approve the accounts was made by Cllr Hale and supported by Cllr Marsh. Motion carried.",
     "Cllr Hale", "Cllr Marsh"),
    ("Cllr Hale moved and Cllr Marsh supported to approve the accounts. Motion carried.", "Cllr Hale", "Cllr Marsh"),
    ("Motion to approve the accounts, by Cllr Hale, supported by Cllr Marsh, all ayes, motion passes.",
     "Cllr Hale", "Cllr Marsh"),
])
def test_the_mover_and_seconder_of_a_motion_in_a_sentence(line, proposer, seconder):
    ex = run(MOVER_HEAD + line + "\n")
    d = next(d for d in ex.decisions if "accounts" in d.text)
    assert (d.proposer and d.proposer.surface, d.seconder and d.seconder.surface) == (proposer, seconder)


@pytest.mark.parametrize("line", [
    "Cllr Hale said he supported the motion to approve the accounts in principle.",
    "The bench by the accounts office will be moved by the contractor next week.",
])
def test_support_in_debate_is_no_motion(line):
    ex = run(MOVER_HEAD + line + "\n")
    assert not [d for d in ex.decisions if d.proposer or d.seconder]
