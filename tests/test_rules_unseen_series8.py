"""Shapes of minute-writing read on an eighth unseen set: a hackerspace committee's minutes on its
wiki, five meetings in a row, read for follow-up.

- A register of given names alone ("Present: Tomas, Ingrid, Olek, Marta"), or a given name and a
  surname's initial ("Tomas B"), written as a Markdown point ("-   Present: ...") or under its
  label's own line ("### Members Present" / "-   Tomas, Ingrid, ..."); the prose then names the
  members the same way ("Tomas to chase the landlord").  A register of given names is the way a
  club's committee writes (two hackerspaces' boards in this set and the last); "* Present:" was
  read already, "- Present:" is the same label in Markdown's other list marker.
- "NAME to VERB ...": a given name the register holds, as the subject of a task (the rule read
  "Ann will" and "Ann said" but not "Ann to contact": its "to" took one letter of the verb only).
- A closing list of the meeting's actions ("### Action Summary", "### Action Items Resulting",
  "ACTIONS: ...") that repeats a task an item above minuted: one task, not two (a parish's
  "ACTIONS:" lines after its narrative, and this committee's closing lists).

Each table is (raw minutes, what must be read from them); names and places are invented.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

HEAD = "### Committee meeting for Westfield Makerspace 3 March 2014\n\n"


def run(body: str):
    return extract(segment(Document("t.md", HEAD + body + "\n", "md", "0")))


def present(ex):
    return sorted(a.person.surface for a in ex.attendance if a.role == "present")


def tasks(ex):
    return sorted((a.text, tuple(o.surface for o in a.owners)) for a in ex.actions)


@pytest.mark.parametrize("raw, expected", [
    ("#### Members present\n\n-   Present: Tomas, Ingrid, Olek, Marta\n-   Apologies: Yusuf, Lena",
     ["Ingrid", "Marta", "Olek", "Tomas"]),
    ("#### Members present\n\n-   Present: Tomas Berg, Ingrid Holm\n-   Apologies: Yusuf Ali",
     ["Ingrid Holm", "Tomas Berg"]),
    ("### Members Present\n\n-   Tomas, Ingrid, Olek, Marta", ["Ingrid", "Marta", "Olek", "Tomas"]),
    # a point under a heading that is no register label is not a register
    ("### Sound\n\n-   Tomas, Ingrid, Olek, Marta", []),
    # a list of things under the label is no list of names
    ("### Members Present\n\n-   Reports, correspondence and the skip", []),
])
def test_registers_as_markdown_points(raw, expected):
    assert present(run(raw)) == expected


@pytest.mark.parametrize("raw, expected", [
    # a given-name register, then the prose naming members by given name
    ("Present: Tomas, Ingrid, Olek, Marta\n\n### Sound\n\n-   Tomas to chase the landlord re the deposit.",
     [("chase the landlord re the deposit", ("Tomas",))]),
    ("Present: Marta H, Tomas B, Ingrid\n\n### Sound\n\n-   Tomas to draft the new key policy.",
     [("draft the new key policy", ("Tomas",))]),
    # the register in full, the prose by the given name
    ("Present: Tomas Berg, Ingrid Holm, Olek Brandt\n\n### Sound\n\nTomas to chase the landlord re the deposit.",
     [("chase the landlord re the deposit", ("Tomas",))]),
    # a given name nobody of the register has is no owner
    ("Present: Tomas, Ingrid, Olek, Marta\n\n### Sound\n\n-   Karl to chase the landlord re the deposit.", []),
])
def test_a_given_name_of_the_register_owns_its_task(raw, expected):
    assert tasks(run(raw)) == expected


@pytest.mark.parametrize("raw, expected", [
    # the closing list repeats the item's task: one task
    ("Present: Tomas Berg, Ingrid Holm\n\n### Sound\n\n-   Tomas Berg will get a price for hiring out the marquee.\n\n"
     "### Action Summary\n\n-   Marquee: Tomas Berg will get a price for hiring out the marquee.",
     [("get a price for hiring out the marquee", ("Tomas Berg",))]),
    ("Present: Tomas Berg, Ingrid Holm\n\n### Sound\n\nIngrid Holm will forward the sponsor's letter to the treasurer.\n\n"
     "ACTIONS: Ingrid Holm will forward the sponsor's letter to the treasurer.",
     [("forward the sponsor's letter to the treasurer", ("Ingrid Holm",))]),
    # a task the closing list adds is kept, and so are two tasks of one owner
    ("Present: Tomas Berg, Ingrid Holm\n\n### Sound\n\n-   Tomas Berg will get a price for hiring out the marquee.\n\n"
     "### Action Summary\n\n-   Tomas Berg will book the van for the festival.",
     [("book the van for the festival", ("Tomas Berg",)),
      ("get a price for hiring out the marquee", ("Tomas Berg",))]),
    # outside a closing list, the same words in two items stay two tasks (two meetings' worth of
    # one errand is the linker's to tie, not the reader's to drop)
    ("Present: Tomas Berg, Ingrid Holm\n\n### Sound\n\n-   Tomas Berg will get a price for hiring out the marquee.\n\n"
     "### Events\n\n-   Tomas Berg will get a price for hiring out the marquee.",
     [("get a price for hiring out the marquee", ("Tomas Berg",)),
      ("get a price for hiring out the marquee", ("Tomas Berg",))]),
])
def test_a_closing_action_list_repeating_an_item_is_one_task(raw, expected):
    assert tasks(run(raw)) == expected
