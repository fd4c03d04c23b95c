"""Question shapes and lookups of `govkg ask` over two bodies, on invented minutes.

Each is a way minutes or questions are written on many bodies: a body's officer named in
the prose and in no attendance list ("The treasurer, X, presented ..."); a speaker who goes
on in sentences of their own ("He also referred to ..."); members called by office and
surname ("Mayor Brandt", "Commissioner Lind", "Director Rice"); "who presided"; "was X at
BODY" with no word "meeting"; "who replaced X as Y"; "the meeting after March"; a place in the thing asked about
("the bench at Mill Green") that names no body; a meeting named by its body and words its
minutes do not use ("the Ashcombe annual residents meeting"); the next meeting named in passing ("on the agenda for the 9th June meeting");
what a member "would welcome", read from the
sentence that names them when no statement by them is recorded.  The minutes are invented,
in the shape of real ones.
"""
from __future__ import annotations

import re

import pytest

from kg.ask import answer
from tests.conftest import read_only, store_of_texts
from tests.test_ask_lookup import said

THORNBURY = """THORNBURY VALE PARISH COUNCIL

Minutes of the meeting held on Tuesday 4 March 2025 at 7.30pm in the Village Hall

Present: Cllr Ruth Anders (Chair), Mayor Colette Brandt, Cllr Owen Pike, Cllr Tariq Shah
In attendance: Linda Crowe (Clerk)
Apologies: Cllr Peter Gale

12/25 Finance
The treasurer, Alan Quayle, presented the accounts for the year.

13/25 Footpaths
Cllr Tariq Shah introduced the footpath survey. He referred to the broken stile on the Mill Lane path. He also referred to the help received from the Ramblers, which had made the survey possible.

14/25 Open spaces
It was agreed to repair the bench at Mill Green before the summer.
Cllr Owen Pike will put up the Xmas lights on the green.

15/25 War memorial
Cllr Owen Pike suggested it be cleaned before Remembrance Sunday. All Cllrs agreed to this proposal.

16/25 Trustees of the Hall
Owen Pike would like to step down as a Hall trustee. Sarah Mills volunteered to take his place, and this was agreed.

17/25 Date of next meeting: Tuesday 1 April 2025."""

ASHCOMBE = """ASHCOMBE COMMUNITY ASSOCIATION

Minutes of the meeting held on Monday 10 March 2025 at 7pm in the Church Rooms

Present: Marion Bell (Chair), Gareth Lowe, Priya Nair
Apologies: Tom Ellery

1. Hall lettings
It was agreed to raise the hourly rate for hall lettings to £15.
Gareth Lowe to write to the regular hirers about the new rate.
Priya Nair would welcome a second noticeboard outside the shop.

2. Any other business
Marion Bell said the accounts will be on the agenda for the 9th June meeting."""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "shapes", {"thornbury-vale-pc-2025-03-04.txt": THORNBURY, "ashcombe-ca-2025-03-10.txt": ASHCOMBE})


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must, must_not", [
    ("who presided at the Thornbury Vale Parish Council meeting?", r"Ruth Anders chaired", r"Marion Bell"),
    ("was Mayor Brandt at the Thornbury Vale Parish Council meeting?", r"Yes: present \(Colette Brandt\)",
     r"No person"),
    ("was Gareth Lowe at the Ashcombe Community Association?", r"Yes: present \(Gareth Lowe\)", r"Thornbury"),
    ("was Marion Bell at the Thornbury Vale Parish Council?", r"no attendance of Marion Bell", r"Yes"),
    ("who is the treasurer at Thornbury Vale?", r"Alan Quayle: Treasurer[\s\S]*The treasurer, Alan Quayle",
     r"No one"),
    ("what did Tariq Shah say about the Ramblers?", r"help received from the Ramblers", r"No statement"),
    ("what was decided about the bench at Mill Green?", r"repair the bench at Mill Green", r"No meeting"),
    # a short form minute-takers write ("Xmas") is the word the question uses
    ("who will put up the Christmas lights?", r"Owen Pike must do: put up the Xmas lights", r"Nothing in the graph"),
    ("who replaced Owen Pike as a Hall trustee?", r"Sarah Mills volunteered to take his place", r"No decision"),
    # what was settled in words no decision is read from: the facts recorded under the item
    ("what was decided about the war memorial?", r"cleaned before Remembrance Sunday", r"is in the graph"),
    ("what was decided about the rate at Nowhere Parish Council?", r"No meeting of a body matching", r"Decided"),
    # no date-of-next-meeting line: the next meeting named in passing
    ("when was the Ashcombe meeting after March 2025?", r"9th June[\s\S]*agenda for the 9th June meeting",
     r"1 April 2025"),
    ("when is the next Ashcombe meeting?", r"9th June", r"1 April 2025|No minutes"),
    ("when will the Ashcombe Community Association meet again?", r"9th June", r"No minutes"),
    ("when was the Thornbury Vale meeting after March 2025?", r"1 April 2025", r"9 June 2025"),
    # a member's view written in a verb no statement is read from: the sentence naming them
    ("what did Priya Nair say about a noticeboard?", r"sentences of the minutes name Priya Nair[\s\S]*second noticeboard",
     r"Gareth"),
    ("what did Priya Nair say about the hourly rate for hall lettings?", r"No statement by Priya Nair", r"noticeboard"),
    ("what happened at the Ashcombe annual residents meeting?",
     r"read as the meetings whose body or file names 'ashcombe'[\s\S]*hall lettings", r"bench"),
])
def test_question_shape_is_answered(store, question, must, must_not):
    text = said(answer(store, question))
    assert re.search(must, text), text
    assert not re.search(must_not, text), text


def test_what_happened_at_a_meeting_of_few_resolutions_tells_what_was_reported(store):
    text = said(answer(store, "what happened at the Ashcombe Community Association meeting?"))
    assert "Decided: raise the hourly rate" in text, text
    assert re.search(r"Marion Bell said: the accounts will be on the agenda", text), text


def test_a_longer_name_that_fits_a_body_is_preferred_to_a_loose_one(store):
    # "the hall lettings at the Ashcombe Community Association meeting": the body's full
    # name, not the phrase that starts at "the hall lettings"
    text = said(answer(store, "what was decided about the hall lettings at the Ashcombe Community Association meeting?"))
    assert "No body in the graph is called" not in text, text
    assert "£15" in text, text


@pytest.mark.parametrize("raw, expected", [
    ("Marion Bell said the accounts will be on the agenda for the 9th June meeting.", "9th June"),
    ("Item to be carried to the Oct. 14 meeting.", "Oct. 14"),
    ("Aim to meet again in late October", "late October"),
    ("Next meeting on 4 May 2026; 6pm in the Hub.", "4 May 2026"),
    ("The next meeting will be 21st June 6:30pm, then the social.", "21st June"),
    ("The Chair said the county's next meeting is next week and she will raise it then.", None),
    ("The minutes of the meeting held on 8 January were approved.", None),
])
def test_a_next_meeting_named_in_passing(raw, expected):
    from kg.ask import _MENTIONED_NEXT
    m = _MENTIONED_NEXT.search(raw)
    assert (m and (m.group("d") or m.group("e"))) == expected
