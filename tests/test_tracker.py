"""The tracker view and the action tracker: offline, escaped, one row per action."""
from __future__ import annotations

import json
import re

import pytest

from kg.followups import action_tracker
from kg.store import GraphStore
from kg.tracker import write_tracker
from tests.test_link import _write_meetings
from kg.pipeline import build_into_store
from tests.test_viz_browser import _playwright, browser  # noqa: F401  (the headless Chromium fixtures)

# markup a reader of plain-text minutes keeps as text (it reads <br> and inline tags such as <b>
# as layout, but never an element that could run or load anything)
HOSTILE = "Fence </script><script>window.__pwned=1</script> {{script}} & <img src=x onerror=window.__pwned=2>"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trk") / "minutes"
    paths = _write_meetings(folder)
    text = paths[0].read_text(encoding="utf-8").replace("the play area fence", "the play area " + HOSTILE)
    paths[0].write_text(text, encoding="utf-8")
    st = folder.parent / "store"
    build_into_store([str(folder)], str(st))
    return st


def test_tracker_page_is_offline_and_escapes_minutes_text(store, tmp_path):
    with GraphStore(store, read_only=True) as st:
        info = write_tracker(st, tmp_path / "t.html")
    page = info.path.read_text(encoding="utf-8")
    assert info.actions >= 4 and info.meetings == 3 and info.reports >= 3
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert not re.search(r"(?:src|href)=[\"']?https?:", page)  # nothing loaded from the network
    assert page.count("<script") == 2  # the data block and the page script, nothing injected
    data = json.loads(re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', page,
                                re.S).group(1))
    assert any(HOSTILE in a["task"] for a in data["actions"])  # the text itself survives, as data
    assert [m["date"] for m in data["meetings"]] == ["2024-01-10", "2024-02-07", "2024-03-06"]


@pytest.mark.parametrize("kwargs, check", [
    ({}, lambda rows: len(rows) >= 4),
    ({"open_only": True}, lambda rows: all(r["status"] not in ("done", "dropped") for r in rows)),
    ({"owner": "Cllr Sara Quill"}, lambda rows: rows and all("Sara Quill" in r["owner"] for r in rows)),
    ({"since": "2024-02-01"}, lambda rows: rows and all(r["meeting_date"] >= "2024-02-01" for r in rows)),
    ({"body": "Hollowmere"}, lambda rows: len(rows) >= 4),
    ({"body": "Elsewhere"}, lambda rows: rows == []),
])
def test_action_tracker_filters(store, kwargs, check):
    with GraphStore(store, read_only=True) as st:
        cols, rows = action_tracker(st, **kwargs)
    assert cols[:7] == ["action", "body", "meeting_date", "owner", "task", "due_date", "status"]
    assert check(rows), rows


@pytest.mark.parametrize("as_of, expected", [
    ("2024-03-01", ["write to the bus company about the timetable"]),  # due 1 February, carried forward
    ("2024-01-20", []),  # not yet due
])
def test_overdue_as_of_a_date(store, as_of, expected):
    with GraphStore(store, read_only=True) as st:
        _, rows = action_tracker(st, overdue=True, as_of=as_of)
    assert [r["task"] for r in rows] == expected
    assert all(r["due_date"] == "2024-02-01" and r["overdue"] == "yes" for r in rows)


def test_a_bad_date_is_a_usage_error(store):
    from kg.errors import UsageError
    with GraphStore(store, read_only=True) as st, pytest.raises(UsageError, match="YYYY-MM-DD"):
        action_tracker(st, overdue=True, as_of="next Tuesday")


def test_latest_report_back_is_on_the_row(store):
    with GraphStore(store, read_only=True) as st:
        _, rows = action_tracker(st, owner="Sara Quill")
    dog = next(r for r in rows if "dog bin" in r["task"])
    assert dog["status"] == "done" and dog["report_date"] == "2024-03-06"
    assert dog["report"] == "Dog bin on Marsh Lane – the district council had installed the bin."


def test_ask_follow_up_questions(store):
    from kg.ask import answer
    with GraphStore(store, read_only=True) as st:
        dog = answer(st, "what happened to the dog bin?")
        assert [r["kind"] for r in dog.rows] == ["promise", "report", "report"]
        assert "installed the bin" in dog.text() and "agreed to ask the district council" in dog.text()
        hedge = answer(st, "was the hedge ever cut?")
        assert hedge.rows and hedge.rows[0]["kind"] == "promise" and "cut the hedge" in hedge.text()
        still = answer(st, "which of Tom Reed's actions from January are still open?")
        assert [r["action"] for r in still.rows if r["kind"] == "promise"] == \
            ["write to the bus company about the timetable"]
        undone = answer(st, "what has Tom Reed not done?")
        assert {r["action"] for r in undone.rows} == {"write to the bus company about the timetable"}
        assert "bus company" in answer(st, "what is overdue?").text()  # due 1 February 2024


def test_tracker_in_a_browser_filters_and_shows_text(store, tmp_path, browser):
    """Headless Chromium (skipped without one): the table is drawn, the filters hide rows,
    hostile text is shown as text, and nothing runs that the page did not bring."""
    with GraphStore(store, read_only=True) as st:
        info = write_tracker(st, tmp_path / "t.html")
    browser.open(info.path.as_uri(), "window.govkgReady === true")
    rows = "document.querySelectorAll('#govkg-tracker tbody tr:not([style*=\"none\"])').length"
    assert browser.evaluate(rows) == info.actions
    assert browser.evaluate("document.querySelector('#govkg-tracker tbody').textContent").count(HOSTILE) == 1
    browser.evaluate("(function(){var s=document.getElementById('govkg-state'); s.value='done';"
                     "s.dispatchEvent(new Event('change'));})()")
    assert 0 < browser.evaluate(rows) < info.actions
    cell = browser.evaluate("document.querySelector('td.cell.done').title")
    assert cell  # the report-back's sentence on hover
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.problems() == []


def test_cli_actions_and_tracker(store, tmp_path):
    from click.testing import CliRunner
    from kg.cli import main
    r = CliRunner().invoke(main, ["actions", "--open", "--owner", "Tom Reed", "--format", "json", "--store", str(store)])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert [x["task"] for x in rows] == ["write to the bus company about the timetable"]
    assert rows[0]["report"] == "Bus timetable – carried forward to the next meeting."
    bad = CliRunner().invoke(main, ["actions", "--overdue", "--as-of", "soon", "--store", str(store)])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output and "Traceback" not in bad.output
    out = tmp_path / "t.html"
    r = CliRunner().invoke(main, ["tracker", "-o", str(out), "--store", str(store)])
    assert r.exit_code == 0 and out.exists() and "report-backs" in r.output
