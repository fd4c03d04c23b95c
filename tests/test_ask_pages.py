"""A long answer's rows are finished only as far as they are read, and the shortcuts the
text index takes to answer quickly give the answers the store gives.

`govkg ask` shows the first page of a long answer and says how many more there are: the page
is the first rows of the whole answer, the count is the whole answer's, and the rows past the
page are counted but never labelled.  Accountabilities are read one row per entity, relation,
thing and evidence (the row ask keeps of them), the word search reads only the asked kinds of
fact, and the accountable query's rows are joined and ordered by SQLite: each is checked here
against the long way round on one store of many bodies."""
from __future__ import annotations

import pytest

from kg import ask, textindex
from kg.ask import Answer, PagedRows


def _finisher(log: list):
    def finish(page):
        log.append(len(page))
        for r in page:
            r["done"] = "yes"
    return finish


def test_paged_rows_finish_only_what_is_read():
    log: list[int] = []
    rows = PagedRows([{"n": str(i)} for i in range(10)], _finisher(log))
    assert len(rows) == 10 and log == []  # counted, nothing finished
    assert [r["n"] for r in rows[:3]] == ["0", "1", "2"] and log == [3]
    assert all(r.get("done") for r in rows[:3]) and not rows.unfinished[3].get("done")
    assert rows[:2] == rows.unfinished[:2] and log == [3]  # what is finished is not finished again
    assert rows[4]["done"] == "yes" and log == [3, 2]  # an index finishes the rows up to it
    assert rows[-1]["n"] == "9" and log == [3, 2, 5]
    assert rows == [{"n": str(i), "done": "yes"} for i in range(10)]
    assert [{"n": str(i), "done": "yes"} for i in range(10)] == rows
    assert rows != [{"n": "0"}] and bool(rows) and not PagedRows([], _finisher(log))
    with pytest.raises(IndexError):
        rows[10]


def test_the_table_of_a_paged_answer_is_the_table_of_its_whole_list():
    log: list[int] = []
    made = [{"n": str(i), "evidence": f"Row {i} was said.", "meeting": "m"} for i in range(45)]
    paged = Answer("q", ["n"], PagedRows([dict(r) for r in made], _finisher(log)), lambda r: f"fact {r['n']}")
    whole = Answer("q", ["n"], [dict(r, done="yes") for r in made], lambda r: f"fact {r['n']}")
    assert paged.text(20) == whole.text(20)
    assert paged.text(20).splitlines()[-1] == "... and 25 more (45 in all): --limit 45 or --all shows every one"
    assert log == [20]  # the page alone was finished
    assert paged.text() == whole.text() and paged.rows == whole.rows


QUESTIONS = [  # (on this store: 27, 10, 3, 2 and 2 answers; 18, 7, 4 and none, of several entities)
    "who owns the council?", "who is responsible for the meeting?", "who owns the report?",
    "who is responsible for the committee?", "who is responsible for the website?",
    "what is the council accountable for?", "what is the chair accountable for?",
    "what is the secretary accountable for?", "what is the treasurer accountable for?",
]


@pytest.fixture
def bodies(unlabelled):
    """Two bodies of the store, as a question names them."""
    names = sorted({m.body for m in ask.meetings(unlabelled).values() if m.body})
    assert len(names) > 5
    return names[:: max(1, len(names) // 2)][:2]


def _both(store, question, monkeypatch):
    fast = ask.answer(store, question)
    with monkeypatch.context() as mp:
        mp.setattr(textindex, "reader_index", lambda st: None)
        slow = ask.answer(store, question)
    return fast, slow


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_page_from_the_index_is_the_first_of_the_whole_answer_from_the_store(unlabelled, monkeypatch, question):
    assert textindex.reader_index(unlabelled) is not None
    fast, slow = _both(unlabelled, question, monkeypatch)
    assert fast.text(3) == slow.text(3)  # the same first page, the same count of the rest
    assert fast.note == slow.note and len(fast.rows) == len(slow.rows)
    assert list(fast.rows) == list(slow.rows) and fast.text() == slow.text()


def test_a_long_answer_is_counted_and_only_its_page_made(unlabelled):
    ans = ask.answer(unlabelled, QUESTIONS[0])
    assert isinstance(ans.rows, PagedRows) and len(ans.rows) > 20
    assert ans.text(5).endswith(f"({len(ans.rows)} in all): --limit {len(ans.rows)} or --all shows every one")
    assert all(r.get("meeting_label") for r in ans.rows.unfinished[:5])
    assert not any(r.get("meeting_label") for r in ans.rows.unfinished[5:])


def test_scoped_questions_answer_as_the_store_does(unlabelled, monkeypatch, bodies):
    # several clerks: the scope picks those with something at its meetings, from all their rows
    for body in bodies:
        for question in ("what is the clerk accountable for", "what is the chair accountable for",
                         "who is responsible for the meeting"):
            fast, slow = _both(unlabelled, f"{question} at {body}?", monkeypatch)
            assert fast.text() == slow.text() and fast.rows == slow.rows, (question, body)


def test_one_row_per_thing_is_the_row_ask_keeps(unlabelled):
    index = textindex.reader_index(unlabelled)
    every = textindex.accountabilities_rows(index)
    entities = sorted({r["entity"] for r in every})
    assert len(entities) > 20
    keys = ("entity_name", "relation", "thing", "evidence")
    for group in (entities[i::7] for i in range(7)):
        whole = textindex.accountabilities_rows(index, group)
        firsts = textindex.accountabilities_rows(index, group, first_per_thing=True)
        assert len(firsts) <= len(whole) and all(r in whole for r in firsts)
        assert ask._dedupe(firsts, keys) == ask._dedupe(whole, keys)


def test_the_search_reads_the_asked_kinds_alone(unlabelled):
    index = textindex.reader_index(unlabelled)
    facts = {r["fact"] for r in textindex.fact_text_rows(index)}
    kinds = ("action", "responsibility", "report", "item")
    whole = textindex.fact_text_rows(index, facts)
    assert textindex.fact_text_rows(index, facts, kinds) == [r for r in whole if r["kind"] in kinds]
    assert textindex.fact_text_rows(index, facts, ("decision",)) == [r for r in whole if r["kind"] == "decision"]
    assert textindex.fact_text_rows(index, None, ("statement",)) == \
        [r for r in textindex.fact_text_rows(index) if r["kind"] == "statement"]


@pytest.mark.parametrize("name", ["clerk", "Chair", "an", "e", "council", "Smith", "O'Neil"])
def test_accountable_rows_ordered_by_sqlite_are_the_stores(unlabelled, name):
    from kg.query import bind, get_named
    nq = get_named("accountable")
    want = unlabelled.select(nq.text, bind(nq, {"entity": name}))[1]
    got = textindex.accountable_rows(textindex.reader_index(unlabelled), name)
    assert sorted(map(repr, got)) == sorted(map(repr, want))
    order = ("entity_name", "relation", "thing")
    assert [[r.get(k) for k in order] for r in got] == [[r.get(k) for k in order] for r in want]
    assert got == sorted(got, key=lambda r: [textindex._key(r.get(k)) for k in
                                             ("entity_name", "relation", "thing", "meeting", "evidence")])


@pytest.mark.parametrize("words", [["plan"], ["council"], ["report", "meet"], ["websit"], ["clerk", "letter"]])
def test_the_candidates_of_some_kinds_are_those_of_every_kind_of_those_kinds(unlabelled, words):
    # who-owns looks its words up among the facts of the kinds it answers with: the same
    # facts as looking them up among every fact and keeping those kinds
    index = textindex.reader_index(unlabelled)
    every = textindex.fact_candidates(index, words)
    kinds = ("action", "responsibility", "report", "item")
    kind_of = {r["fact"]: r["kind"] for r in textindex.fact_text_rows(index, every)}
    some = textindex.fact_candidates(index, words, kinds)
    assert some == {f for f in every if kind_of.get(f) in kinds}
    assert textindex.fact_candidates(index, words, ("decision",)) == \
        {f for f in every if kind_of.get(f) == "decision"}
    assert textindex.fact_candidates(index, words, tuple(ask._KIND_PLURAL)) == {f for f in every if f in kind_of}


@pytest.mark.parametrize("question", ["who owns the website?", "what is the clerk accountable for?",
                                      "who is responsible for the meeting?"])
def test_a_question_the_index_answers_never_opens_the_store(all_unlabelled_store, monkeypatch, question):
    # opening Oxigraph's folder is a large share of a short command on a large store: a
    # read-only handle opens it when a read needs the store itself, and only then
    from kg.store import GraphStore
    with GraphStore(str(all_unlabelled_store), read_only=True) as st:
        # the whole-store listings ask's names come from (people, organisations, posts) are
        # read from the store once per state of it and kept in its folder: as the first
        # command after a build has left them (the order of tests decides which test is first)
        ask.entities(st)
    opened = []
    real = GraphStore._open_reader
    monkeypatch.setattr(GraphStore, "_open_reader", lambda self: opened.append(1) or real(self))
    with GraphStore(str(all_unlabelled_store), read_only=True) as st:
        ans = ask.answer(st, question)
        assert ans.rows and not opened
        said = ans.text()
        assert st.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")[1] and opened == [1]
    with GraphStore(str(all_unlabelled_store), read_only=True) as st:
        st.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")  # the store opened from the start
        assert ask.answer(st, question).text() == said


_ROWS = [("m2", "f1", "e"), ("m1", "f2", None), (None, "f1", "e"), ("m1", "f1", "b"), ("m1", "f1", "b"),
         ("m1", "f1", "a"), ("", "f3", "x"), ("m1", "f2", "")]


@pytest.mark.parametrize("rows", [_ROWS, [r for r in _ROWS if None not in r[:2]], _ROWS[:1], []])
def test_rows_ordered_as_the_query_orders_them(rows):
    # (the first columns, an unbound value first, then the whole row for rows that tie)
    def key(r):
        return tuple(textindex._key(v) for v in (r[0], r[1])) + tuple(textindex._key(v) for v in r)
    assert textindex._ordered(rows, (0, 1)) == sorted(rows, key=key)
    assert textindex._dicts(["a", "b", "c"], rows[:3]) == [{k: v for k, v in zip("abc", r) if v is not None}
                                                           for r in rows[:3]]
