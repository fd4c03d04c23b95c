"""How `govkg ask` finds a thing the minutes name in their own words, on invented minutes.

Minutes name a thing once and refer back to it ("asked for a copy of this"), record a
reply in the sentence after a question, use another verb than the question ("purchase"
for "buy"), and keep proposals that were not carried.  Each case is a question, a
fragment its answer must say, and one it must not say.  The minutes are invented, in the
shape of real ones.
"""
from __future__ import annotations

import re

import pytest

from kg.ask import _proper_stems, answer, stem
from tests.conftest import read_only, store_of_texts

MINUTES = """THORNBURY VALE PARISH COUNCIL

Minutes of the Annual General Meeting held on Tuesday 4 March 2025 at 7.30pm in the Village Hall

Present: Cllr Ruth Anders (Chair), Cllr Owen Pike, Cllr Maeve Dunne, Cllr Tariq Shah
In attendance: Linda Crowe (Clerk)
Apologies: Cllr Peter Gale

12/25 Play Area
A second quotation for the safety surfacing has not been received and it was agreed this is needed before any decision.
The Clerk to contact another contractor for a quotation.

13/25 Village Hall
\u2022 Review of the Hall Hire Handbook for members.
Cllr Owen Pike asked for a copy of this to be sent to him. ACTION: Clerk

14/25 Parking
Cllr Maeve Dunne proposed that the council should ban overnight parking on the green. There was no support for this \
proposal and it was not carried.

15/25 Allotments
Cllr Tariq Shah asked whether the allotment waiting list had been reviewed.
Cllr Ruth Anders said that it had been reviewed in January.
Cllr Ruth Anders will purchase the new allotment signs.

16/25 Highways
The Clerk to report the blocked drains on Mill Road.

17/25 Date of next meeting: Tuesday 1 April 2025.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "lookup", {"thornbury-vale-pc-2025-03-04.txt": MINUTES})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


def said(ans) -> str:
    return ans.text() + "\n" + "\n".join(" ".join(str(v) for v in r.values()) for r in ans.rows)


@pytest.mark.parametrize("question, must, must_not", [
    # the thing is named in the sentence before the action ("another contractor for a quotation")
    ("who is getting a quotation for the safety surfacing?", r"Linda Crowe must do: contact another contractor",
     r"Nothing in the graph"),
    # ... and the action only says "this"
    ("who will send Cllr Pike the Hall Hire Handbook?", r"Linda Crowe must do: .*copy of this", r"Nothing in the graph"),
    # a reply is a statement after the question that names the thing
    ("what did Ruth Anders say about the allotment waiting list?", r"Ruth Anders said: it had been reviewed",
     r"(?m)^Tariq Shah asked:"),
    # the question's verb is not the minutes' verb
    ("who will buy the allotment signs?", r"Ruth Anders must do: purchase the new allotment signs", r"drains"),
    # a proposal that was not carried is no decision, but who made it is recorded
    ("who proposed banning overnight parking?", r"Maeve Dunne proposed", r"No proposal"),
    # an AGM is a meeting: the body named before it narrows the question
    ("who attended the Thornbury Vale AGM?", r"Owen Pike", r"No meeting in the graph matches"),
    # a near match never drops the name the question gives: Kestrel Road is not Mill Road
    ("who is chasing the Kestrel Road drains?", r"^Nothing in the graph mentions", r"Mill Road"),
])
def test_a_thing_is_found_in_the_minutes_own_words(store, question, must, must_not):
    ans = answer(store, question)
    text = said(ans)
    assert re.search(must, text, re.M), text
    assert not re.search(must_not, text), text
    assert all(r.get("evidence") and r.get("meeting_label") for r in ans.rows)


def test_a_fact_that_says_this_is_listed_with_the_sentence_before(store):
    ans = answer(store, "what was decided at the AGM?")
    line = next(ans.fact(r) for r in ans.rows if r["text"].lower().startswith("this is needed"))
    assert "[after:" in line, line


@pytest.mark.parametrize("question, kept", [
    ("who will follow up the Chatterbooks information?", {"chatterbook"}),
    ("who is chasing the Kestrel Road drains?", {"kestrel", "road"}),
    ("Who owns the data set?", set()),  # the first word is capitalised as every question's is
])
def test_names_a_question_capitalises_are_kept(question, kept):
    assert _proper_stems(question) == {stem(w) for w in kept}
