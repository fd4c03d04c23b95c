"""The ask handlers whose reads grew with the store read only the text index's rows they need,
and answer as the store does.

The near match (the sentences around a fact, all words but one) read every fact's texts and
every passage of the store; "what happened at X", "which actions ... at X", "who has the most
actions", "what was decided in MONTH" and "what did X say about Y" read whole listings.  Each
is asked here of two invented parish and town councils, once from the index (with every whole
read made to fail) and once the long way round (no index: the store's SPARQL listings): the
answers must be the same."""
from __future__ import annotations

import pytest

from kg import ask, textindex
from tests.conftest import read_only, store_of_texts

FERNHOLLOW = """FERNHOLLOW PARISH COUNCIL

Minutes of the Parish Council Meeting held on Wednesday 8 May 2024 in the Village Hall, Fernhollow.

Present: Cllr T. Bramble (Chairman), Cllr W. Ashgrove, Cllr N. Pennywhistle, Cllr O. Thistlewood.
In attendance: Mrs G. Marlowe (Clerk).

1. Apologies for absence
Apologies were received from Cllr H. Quince.

2. Declarations of interest
Cllr Ashgrove declared a personal interest in item 5 as a member of the bowls club.

3. Village hall
The Clerk reported that the booking handbook for hall hirers is now out of date.
Cllr Pennywhistle will send a revised copy to each hirer by the end of June.
Cllr Thistlewood said that the hall kitchen needs a new boiler before the winter.

4. Footpaths
The stile on the bridleway by Holt Farm is broken. The Clerk will ask the county council to repair the stile.
Members resolved to spend up to £300 on new waymark posts.

5. Bowls club lease
Members resolved to renew the bowls club lease for five years.

6. Date of next meeting
The next meeting will be held on Wednesday 12 June 2024.
"""

QUILLBROOK = """QUILLBROOK TOWN COUNCIL

Minutes of the Town Council Meeting held on Tuesday 11 June 2024 in the Council Chamber, Quillbrook.

Present: Cllr E. Larkspur (Mayor), Cllr F. Moorcroft, Cllr J. Sedgewick, Cllr K. Tansley.
In attendance: Mr P. Juniper (Town Clerk).

1. Apologies for absence
Apologies were received from Cllr R. Yarrow.

2. Declarations of interest
There were no declarations of interest.

3. Market square
Cllr Moorcroft said that the market square benches are in poor repair.
The Town Clerk will obtain three quotes for new benches.
Members resolved to close the market square for the summer fair on 20 July.

4. Allotments
Cllr Sedgewick will send the allotment handbook to the new tenants.
Cllr Tansley asked about the water supply at the allotments.

5. Date of next meeting
The next meeting will be held on Tuesday 9 July 2024.
"""


@pytest.fixture(scope="module")
def councils(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "councils", {"fernhollow-pc-2024-05-08.txt": FERNHOLLOW,
                                                         "quillbrook-tc-2024-06-11.txt": QUILLBROOK})


# (question, a fragment its answer says)
QUESTIONS = [
    ("who will send the hirers' handbook?", "Pennywhistle"),                      # the sentence before
    ("who is responsible for the booking handbook renewal for hirers?", "Pennywhistle"),  # all words but one
    ("what happened at the Fernhollow meeting?", "waymark posts"),
    ("what actions were agreed at Fernhollow?", "repair the stile"),
    ("who has the most actions at Quillbrook?", "Juniper"),
    ("who has the most actions?", "Pennywhistle"),
    ("what was decided in May 2024?", "bowls club lease"),
    ("what did Cllr Thistlewood say about the boiler?", "new boiler"),
    ("who said something about the benches?", "poor repair"),
]

# the reads whose cost is the whole store's
WHOLE = {"fact-texts", "passages", "texts", "declarations", "decisions"}


def _no_whole_reads(mp):
    """Make every read of a whole listing fail."""
    def fail(*a, **k):
        raise AssertionError("read every fact of the store")
    mp.setattr(ask, "fact_texts", fail)
    run_named = ask.run_named

    def named(store, name, params=None):
        assert params or name not in WHOLE, f"read the whole {name} listing"
        return run_named(store, name, params)
    mp.setattr(ask, "run_named", named)
    for fn in ("passage_list_rows", "fact_text_rows"):
        whole = getattr(textindex, fn)

        def part(index, facts=None, *a, _whole=whole, _fn=fn, **k):
            assert facts is not None or a or k, f"{_fn} of every fact"
            return _whole(index, facts, *a, **k)
        mp.setattr(textindex, fn, part)


@pytest.mark.parametrize("question, says", QUESTIONS)
def test_answered_from_the_index_alone_as_the_store_answers(councils, monkeypatch, question, says):
    with read_only(councils) as store:
        assert textindex.reader_index(store) is not None
        with monkeypatch.context() as mp:
            _no_whole_reads(mp)
            fast = ask.answer(store, question)
    with read_only(councils) as store, monkeypatch.context() as mp:
        mp.setattr(textindex, "reader_index", lambda st: None)
        slow = ask.answer(store, question)
    assert says in fast.text()
    assert fast.text() == slow.text() and list(fast.rows) == list(slow.rows) and fast.note == slow.note


def test_the_documents_of_a_near_match_are_those_holding_its_words(councils):
    with read_only(councils) as store:
        index = textindex.reader_index(store)
        rows = textindex.fact_text_rows(index)
        by_text = {r["text"]: r["fact"] for r in rows}
        send = by_text["send a revised copy to each hirer"]
        # "handbook" is in the sentence before the action only: its document is read
        near = textindex.facts_near_words(index, [[ask.stem("handbook"), ask.stem("hirer")]])
        assert send in near
        assert by_text["send the allotment handbook to the new tenants"] not in near  # no hirer there
        # a word no document holds reads nothing; one try of several that holds is enough
        assert textindex.facts_near_words(index, [[ask.stem("trampoline")]]) == set()
        assert send in textindex.facts_near_words(index, [[ask.stem("trampoline")], [ask.stem("hirer")]])
        # the kinds asked for alone
        assert all(r["kind"] == "decision" for r in textindex.fact_text_rows(
            index, textindex.facts_near_words(index, [[ask.stem("lease")]], ("decision",))))
