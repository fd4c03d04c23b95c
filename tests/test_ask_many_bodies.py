"""govkg ask on a store of many bodies: the bundled minutes plus development-corpus minutes.

Each case is a question and fragments its answer must hold (in what it prints or in its
rows), never a whole output: extraction gets better, and the answers with it.  Every
answer row must carry its evidence and the meeting (body and date) it comes from.
"""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from kg.ask import answer, meetings, question_scope, _normalise_question
from kg.errors import QuestionError
from tests.conftest import CORPUS, FOUNDING, govkg

DOCS = ["series/stoke-ferry", "tintern-cc-2019-07-29.pdf", "suffolk-libraries-board-2012-11-19.pdf",
        "suffolk-libraries-board-2016-03-31.pdf", "wtsb-2019-03-28.txt", "halesworth-library-friends-2015-05-05.pdf"]


@pytest.fixture(scope="module")
def many_store(tmp_path_factory):
    """One store of seven bodies' minutes (the founding document and six from the corpus)."""
    if not all((CORPUS / d).exists() for d in DOCS):
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    path = tmp_path_factory.mktemp("many") / "store"
    report = build_into_store([str(FOUNDING)] + [str(CORPUS / d) for d in DOCS], str(path))
    assert not report.failed, report.failed
    return path


@pytest.fixture
def many(many_store):
    from kg.store import GraphStore
    with GraphStore(str(many_store), read_only=True) as st:
        yield st


def said(ans) -> str:
    """Everything an answer says: its text and every value of its rows."""
    return ans.text() + "\n" + "\n".join(" ".join(str(v) for v in r.values()) for r in ans.rows)


def has(text: str, fragment: str) -> bool:
    return re.search(fragment, text, re.I) is not None


def assert_evidenced(ans):
    assert ans.rows, ans.text()
    for r in ans.rows:
        assert r.get("evidence"), r
        assert r.get("meeting_label") or r.get("meeting"), r


def dates_of(store, ans) -> set[str]:
    info = meetings(store)
    return {info[r["meeting"]].date for r in ans.rows if r.get("meeting") in info}


# -- never a false "not in the graph": every text that can name a thing, by stems ----------

@pytest.mark.parametrize("question, fragment", [
    ("who owns the highways action?", r"highways"),
    ("who is dealing with the footpath?", r"footpath"),
    ("who is responsible for the cemetery?", r"cemetery"),
    ("who is responsible for recruitment?", r"recruit"),          # the minutes say "recruit"
    ("who owns the grounds maintenance contract?", r"grounds maintenance"),  # the item's title names it
    ("who will write to the Mill Manager?", r"mill manager"),
    ("who owns the blog post?", r"blog post"),
    ("who owns the data set?", r"Julia Hassall"),
])
def test_a_thing_is_found_in_any_text_that_names_it(many, question, fragment):
    ans = answer(many, question)
    assert has(said(ans), fragment), ans.text()
    assert "Nothing in the graph mentions" not in ans.text()
    assert_evidenced(ans)


def test_an_item_title_finds_the_actions_taken_under_it(many):
    ans = answer(many, "who owns the grounds maintenance contract?")
    under = [r for r in ans.rows if r.get("matched_in") == "item title"]
    assert under, ans.text()
    assert all(has(r["item_title"], "grounds maintenance") for r in under)
    assert "under the item" in ans.text()


def test_nothing_found_says_which_texts_were_searched(many):
    ans = answer(many, "who owns the unicorn enclosure?")
    assert not ans.rows
    text = ans.text()
    assert text.startswith("Nothing in the graph mentions 'unicorn enclosure'")
    for part in ("actions", "agenda item title", "evidence sentence", "meeting(s)", "unicorn"):
        assert part in text, text


def test_what_cannot_be_mapped_is_refused_with_what_can_be_asked(many):
    with pytest.raises(QuestionError) as e:
        answer(many, "sing me a song about the parish")
    assert "who owns the data set?" in str(e.value) and "when is the next meeting?" in str(e.value)


# -- several bodies in one store -----------------------------------------------------------

def test_the_board_fitting_several_bodies_answers_for_each_labelled(many):
    ans = answer(many, "what did the board decide about the terms of reference?")
    labels = {r["meeting_label"] for r in ans.rows}
    assert any("Wirral" in lab for lab in labels) and any("Suffolk" in lab for lab in labels), labels
    assert "fits" in ans.note and "bodies" in ans.note
    assert_evidenced(ans)


@pytest.mark.parametrize("question, body", [
    ("who attended the Halesworth meeting?", "Halesworth"),
    ("who chaired the Welsh Technical Standards Board meeting?", "Welsh Technical Standards Board"),
    ("who is the clerk of Stoke Ferry Parish Council?", "Stoke Ferry"),
    ("what was decided at Tintern?", "Tintern"),
])
def test_a_body_named_in_the_question_narrows_it(many, question, body):
    ans = answer(many, question)
    assert_evidenced(ans)
    assert all(body in r["meeting_label"] for r in ans.rows), {r["meeting_label"] for r in ans.rows}
    assert "Looking only at" in ans.note


def test_a_meeting_named_by_body_and_date_narrows_to_it(many):
    ans = answer(many, "who sent apologies to the Suffolk Libraries board meeting on 31 March 2016?")
    assert_evidenced(ans)
    assert dates_of(many, ans) == {"2016-03-31"}
    assert all(r["role"] == "apologies" for r in ans.rows)


def test_a_body_that_is_not_in_the_graph_is_said_so(many):
    ans = answer(many, "who attended the meeting at Atlantis?")
    assert not ans.rows and "No meeting in the graph matches" in ans.text()


# -- time -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, ok", [
    ("what was decided in December 2019?", lambda d: d.startswith("2019-12")),
    ("what was decided in 2019?", lambda d: d.startswith("2019")),
    ("what actions were agreed since October 2019?", lambda d: d >= "2019-10-01"),
    ("what was decided at the March meeting?", lambda d: d[5:7] == "03"),
    ("what actions were agreed before 2019?", lambda d: d < "2019-01-01"),
])
def test_time_narrows_to_the_meetings_it_names(many, question, ok):
    ans = answer(many, question)
    assert_evidenced(ans)
    dates = dates_of(many, ans)
    assert dates and all(ok(d) for d in dates), dates


def test_the_march_meeting_spans_bodies_each_labelled(many):
    ans = answer(many, "what was decided at the March meeting?")
    bodies = {r["meeting_label"].rsplit(",", 1)[0] for r in ans.rows}
    assert len(bodies) >= 2, bodies


def test_since_a_month_without_a_year_says_which_year(many):
    ans = answer(many, "what actions were agreed since October?")
    assert re.search(r"since october \d{4}", ans.note, re.I), ans.note


@pytest.mark.parametrize("raw, rest, said", [
    ("who chaired the Tintern meeting?", "who chaired the meeting", "the tintern meeting"),
    ("what was decided in December 2019?", "what was decided", "december 2019"),
    ("what happened at the Stoke Ferry meeting in December 2019?", "what happened at the meeting", "stoke ferry"),
    ("who is responsible for the library?", "who is responsible for the library", None),  # a thing, not a body
])
def test_the_scope_is_taken_out_of_the_question(many, raw, rest, said):
    q, scope = question_scope(many, _normalise_question(raw), raw)
    assert q == rest
    if said is None:
        assert scope is None
    else:
        assert said in scope.said and scope.meetings


# -- counting, listing, the most ----------------------------------------------------------------

def test_how_many_counts_the_list_and_splits_it_by_body(many):
    ans = answer(many, "how many decisions were made in 2019?")
    m = re.match(r"(\d+) decisions", ans.note)
    assert m and int(m.group(1)) == len({r["decision"] for r in ans.rows}), ans.note
    assert_evidenced(ans)


def test_list_everyone_who_is_who(many):
    listed = answer(many, "list everyone who sent apologies")
    plain = answer(many, "who sent apologies")
    assert {r["person"] for r in listed.rows} == {r["person"] for r in plain.rows} != set()


def test_who_has_the_most_actions_counts_per_body(many):
    ans = answer(many, "who has the most actions?")
    counts = [int(r["count"]) for r in ans.rows]
    assert counts and counts == sorted(counts, reverse=True)
    assert all(r.get("body") for r in ans.rows[:3])
    assert_evidenced(ans)


# -- proposer, seconder, vote -------------------------------------------------------------------

@pytest.mark.parametrize("question, fragment", [
    ("who seconded the cemetery hedging?", r"seconded by Jim McNeill?"),
    ("who proposed the minutes in December 2019?", r"proposed by Janet Taylor"),
    ("how did the vote go on the grounds maintenance contract?", r"proposed by|in favour|unanimous"),
    ("who proposed that Sheila continue as Co-ordinator?", r"proposed by David Thomas"),
])
def test_who_proposed_and_seconded_and_how_the_vote_went(many, question, fragment):
    ans = answer(many, question)
    assert has(said(ans), fragment), ans.text()
    assert_evidenced(ans)


# -- posts -------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, fragment", [
    ("who is the clerk of Stoke Ferry Parish Council?", "Helen Richardson"),
    ("who is the General Manager?", "Alison Wheeler"),
    ("who is the chair of the Welsh Technical Standards Board?", "Mark Wardle"),
])
def test_who_holds_a_post(many, question, fragment):
    ans = answer(many, question)
    assert fragment in {r["name"] for r in ans.rows}, ans.text()
    assert_evidenced(ans)


def test_the_chair_of_several_bodies_is_answered_for_each(many):
    ans = answer(many, "who is the chair?")
    names = {r["name"] for r in ans.rows}
    assert {"Mark Wardle", "Sue Lintern"} <= names, names
    assert "fits" in ans.note


# -- inspections, next meeting, what happened, was X there, what X said ---------------------------

def test_what_an_inspector_found(many):
    ans = answer(many, "what did Ofsted rate children's services?")
    grades = {r["grade"].lower() for r in ans.rows}
    assert "inadequate" in grades, ans.text()
    assert all(r["by_name"] == "Ofsted" for r in ans.rows)
    assert_evidenced(ans)


def test_when_is_the_next_meeting_answers_per_body(many):
    ans = answer(many, "when is the next meeting?")
    assert_evidenced(ans)
    assert any(has(r["next"], "stoke ferry") for r in ans.rows), ans.text()
    assert any("Wirral" in r["meeting_label"] for r in ans.rows)


def test_what_happened_at_a_meeting(many):
    ans = answer(many, "what happened at the Stoke Ferry meeting in December 2019?")
    assert_evidenced(ans)
    assert dates_of(many, ans) == {"2019-12-04"}
    kinds = {r["kind"] for r in ans.rows}
    assert {"decision", "action"} <= kinds, kinds


def test_what_happened_with_many_meetings_asks_which(many):
    ans = answer(many, "what happened at the meeting?")
    assert not ans.rows and ans.text().startswith("Which meeting?")


@pytest.mark.parametrize("question, yes", [
    ("was Sue Lintern at the meeting in December 2019?", "Sue Lintern"),
    ("was Mark Wardle at the meeting?", "Mark Wardle"),
    ("was David Thomas present?", "David Thomas"),
])
def test_was_a_person_at_the_meeting(many, question, yes):
    ans = answer(many, question)
    assert_evidenced(ans)
    assert ans.text().startswith(("Yes", "Looking")) and yes in ans.text()


@pytest.mark.parametrize("question, who, fragment", [
    ("what did MW say about standards?", "Wardle", "standard"),
    ("what did J Owens say about substitutes?", "Owens", "substitut"),
])
def test_what_a_person_said_about_a_thing(many, question, who, fragment):
    ans = answer(many, question)
    assert_evidenced(ans)
    assert all(has(r["text"] + r.get("evidence", ""), fragment) for r in ans.rows)
    assert all(who in r["by_name"] for r in ans.rows), {r["by_name"] for r in ans.rows}


# -- output formats ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "table"])
def test_ask_formats(many_store, fmt):
    r = govkg("ask", "who is the clerk of Stoke Ferry Parish Council?", "--store", str(many_store),
              "--format", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        rows = json.loads(r.stdout)
    elif fmt == "ndjson":
        rows = [json.loads(line) for line in r.stdout.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
    else:
        assert "Helen Richardson" in r.stdout and "Stoke Ferry Parish Council, 20" in r.stdout
        return
    assert any(row["name"] == "Helen Richardson" and row["evidence"] for row in rows)
    assert all(row["person"].startswith("https://") for row in rows)  # IRIs stay for programs


def test_a_table_of_actions_names_the_meeting_by_body_and_date(many_store):
    r = govkg("query", "--name", "actions", "--store", str(many_store), "--format", "table")
    assert r.exit_code == 0, r.stderr
    assert "https://" not in r.stdout
    assert re.search(r"Stoke Ferry Parish Counc\S*", r.stdout)


def test_an_unknown_parameter_names_the_ones_the_query_takes(many_store):
    r = govkg("query", "--name", "who-owns", "-p", "thin=data", "--store", str(many_store))
    assert r.exit_code == 1
    assert "'thin'" in r.stderr and "-p thing=" in r.stderr and len(r.stderr.strip().splitlines()) == 1


# -- the same kinds of question on the project's own minutes: the bundled document and the
#    invented house-style fixtures (eleven bodies), so these run without the corpus ----------

@pytest.fixture
def project(project_store):  # project_store: tests/conftest.py, shared with the browser tests
    from kg.store import GraphStore
    with GraphStore(str(project_store), read_only=True) as st:
        yield st


@pytest.mark.parametrize("question, fragment, body", [
    # who owns: three bodies
    ("who will arrange the first meeting of the group?", r"Priya Sandhu", "Brackenfield"),
    ("who owns the condition survey?", r"Nadia Petrovic", "Brackenfield"),
    ("who is responsible for the 2025/26 budget?", r"Gwenllian Ellis", "Pen-y-Garth"),
    ("who owns the data set?", r"Julia Hassall", "Wirral"),
    # posts
    ("who is the clerk of Ashcombe Town Council?", r"Paul Dearden", "Ashcombe"),
    ("who is the chair of Hollinbrook Primary School Full Governing Body?", r"Jane Okafor", "Hollinbrook"),
    ("who chaired the Calder Moor meeting?", r"Philippa Grange", "Calder Moor"),
    # votes
    ("who seconded the precept?", r"seconded by Rob Pendle", "Ashcombe"),
    ("what did Cllr Hollis propose?", r"proposed by Margaret Hollis", "Ashcombe"),
    # attendance, declarations, a meeting named by body and date
    ("was Fay Henshaw at the meeting?", r"^No: sent apologies", "Eastmarch"),
    ("was Priya Raman at the meeting?", r"^Yes", "Hollinbrook"),
    ("what interests were declared at Saltmarsh Bourne?", r"allotment", "Saltmarsh Bourne"),
    ("who sent apologies to the Eastmarch Police and Crime Panel meeting on 7 February 2025?", r"Fay Henshaw",
     "Eastmarch"),
    ("what happened at the Pen-y-Garth meeting?", r"Decided", "Pen-y-Garth"),
    ("what did Ofsted rate children's services?", r"inadequate", "Wirral"),
])
def test_each_kind_on_the_project_minutes(project, question, fragment, body):
    ans = answer(project, question)
    assert_evidenced(ans)
    text = ans.text()
    if text.startswith("Looking only at"):
        text = text.split("\n", 1)[1]
    assert has(text, fragment) or has(said(ans), fragment), ans.text()
    # the rows that say it come from the body that said it (others may come from elsewhere)
    saying = [r for r in ans.rows if has(" ".join(map(str, r.values())) + " " + ans.fact(r), fragment)]
    assert all(body in r["meeting_label"] for r in saying or ans.rows), {r["meeting_label"] for r in ans.rows}


def test_the_clerk_of_several_bodies_each_labelled_and_no_deputy(project):
    ans = answer(project, "who is the clerk?")
    names = {r["name"] for r in ans.rows}
    assert {"Paul Dearden", "Gwenllian Ellis"} <= names, names
    assert not any("deputy" in r["post"].lower() for r in ans.rows)
    assert len({r["meeting_label"].rsplit(",", 1)[0] for r in ans.rows}) >= 3
    assert "fits" in ans.note


def test_time_on_the_project_minutes(project):
    ans = answer(project, "what actions were agreed since January 2025?")
    assert_evidenced(ans)
    dates = dates_of(project, ans)
    assert dates and all(d >= "2025-01-01" for d in dates)
    assert len({r["meeting_label"].rsplit(",", 1)[0] for r in ans.rows}) >= 3
