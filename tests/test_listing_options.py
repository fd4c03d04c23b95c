"""Every command that prints a listing takes --limit/--offset and --body/--since/--until
and --format table|json|ndjson|csv, from one decorator (kg.cli.listing_options), and the
page and the scope it prints are those of the whole listing.

Invented minutes: two bodies (a parish council of three meetings, a town council of two),
in the shape real parish and town minutes have."""
from __future__ import annotations

import csv
import io
import json

import pytest

from kg.output import Listing
from tests.conftest import govkg, read_only, store_of_texts
from tests.test_link import MEETINGS

ASHCOMBE = {
    "ashcombe-2024-01-17.txt": """Ashcombe Town Council
Minutes of the Meeting held on Wednesday 17 January 2024 at 7.30pm in the Town Hall

Present: Cllr Pia Moss (Chair), Cllr Ed Vane, Cllr Lou Hart

1. Town Fair
The Clerk agreed to book the hall for the town fair.

2. Noticeboard
Cllr Ed Vane agreed to repair the noticeboard by 1 March 2024.

3. Bus Shelter
Cllr Dale agreed to inspect the bus shelter on Mill Road.
JT will circulate the draft budget to members.
""",
    "ashcombe-2024-02-14.txt": """Ashcombe Town Council
Minutes of the Meeting held on Wednesday 14 February 2024 at 7.30pm in the Town Hall

Present: Cllr Pia Moss (Chair), Cllr Ed Vane, Cllr Lou Hart

1. Matters Arising
Noticeboard – the noticeboard had been repaired.

2. Allotments
Cllr Lou Hart agreed to contact the allotment society about the water supply by 1 May 2024.
""",
}

# each command that prints a listing, as a user types it (without the listing options)
LISTINGS = {
    "actions": ["actions"],
    "analyse busiest": ["analyse", "busiest"],
    "analyse unowned": ["analyse", "unowned"],
    "analyse followup": ["analyse", "followup"],
    "review": ["review"],
    "query actions": ["query", "--name", "actions"],
    "query meetings": ["query", "--name", "meetings"],
    "ask": ["ask", "which actions have no due date?"],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    texts = {f"hollowmere-{d}.txt": t for d, t in MEETINGS.items()} | ASHCOMBE
    return store_of_texts(tmp_path_factory, "listing", texts)


def _rows(store, args, *extra) -> list[dict]:
    r = govkg(*args, "--store", store, "--format", "json", *extra)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_every_listing_takes_the_same_options(name):
    from kg.cli import main
    cmd = main
    for word in LISTINGS[name]:
        if word.startswith("-") or word not in getattr(cmd, "commands", {}):
            break
        cmd = cmd.commands[word]
    opts = {o for p in cmd.params for o in p.opts}
    assert {"--limit", "--offset", "--body", "--since", "--until", "--format"} <= opts
    fmt = next(p for p in cmd.params if "--format" in p.opts)
    assert {"table", "json", "ndjson", "csv"} <= set(fmt.type.choices)


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_a_page_is_that_slice_of_the_whole_listing(store, name):
    whole = _rows(store, LISTINGS[name])
    assert len(whole) >= 3, whole  # the page below is a real slice
    assert _rows(store, LISTINGS[name], "--offset", "1", "--limit", "2") == whole[1:3]
    assert _rows(store, LISTINGS[name], "--limit", "0") == []
    assert _rows(store, LISTINGS[name], "--offset", str(len(whole))) == []


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_ndjson_and_csv_carry_the_same_page(store, name):
    page = _rows(store, LISTINGS[name], "--offset", "1", "--limit", "2")
    r = govkg(*LISTINGS[name], "--store", store, "--format", "ndjson", "--offset", "1", "--limit", "2")
    assert r.exit_code == 0, r.stderr
    assert [json.loads(line) for line in r.stdout.splitlines()] == page
    r = govkg(*LISTINGS[name], "--store", store, "--format", "csv", "--offset", "1", "--limit", "2")
    assert r.exit_code == 0, r.stderr
    got = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [{k: v for k, v in row.items() if v} for row in got] == page


def _bodies_and_dates(store, name, rows) -> list[tuple[str, str]]:
    """(body, meeting date) of each row, read from the columns the listing has."""
    from kg.ask import meetings
    from tests.conftest import read_only
    with read_only(store) as st:
        info = meetings(st)
    by_label = {m.label: m for m in info.values()}
    by_source = {m.source: m for m in info.values()}
    out = []
    for r in rows:
        if name == "actions":
            out.append((r["body"], r["meeting_date"]))
        elif name == "review":
            m = by_source[r["source"]]
            out.append((m.body, m.date[:10]))
        elif r.get("meeting") in info:
            m = info[r["meeting"]]
            out.append((m.body, m.date[:10]))
        elif r.get("meeting") in by_label:  # analyse unowned / followup label their meeting
            m = by_label[r["meeting"]]
            out.append((m.body, m.date[:10]))
        else:
            raise AssertionError(f"{name}: a row with no meeting to check: {r}")
    return out


@pytest.mark.parametrize("name", sorted(set(LISTINGS) - {"analyse busiest"}))
def test_body_since_until_keep_the_rows_of_those_meetings(store, name):
    whole = _rows(store, LISTINGS[name])
    every = _bodies_and_dates(store, name, whole)
    assert {b for b, _ in every} >= {"Ashcombe Town Council", "Hollowmere Parish Council"} or name == "review"
    for extra, keep in ((["--body", "ashcombe"], lambda b, d: b == "Ashcombe Town Council"),
                        (["--since", "2024-02-01"], lambda b, d: d >= "2024-02-01"),
                        (["--until", "2024-01-31"], lambda b, d: d <= "2024-01-31"),
                        (["--body", "Hollowmere", "--until", "2024-01-31"],
                         lambda b, d: b == "Hollowmere Parish Council" and d <= "2024-01-31")):
        got = _rows(store, LISTINGS[name], *extra)
        want = [r for r, (b, d) in zip(whole, every) if keep(b, d)]
        if name == "review":  # ranked among themselves: the same rows, renumbered
            strip = [{k: v for k, v in r.items() if k != "rank"} for r in got]
            assert strip == [{k: v for k, v in r.items() if k != "rank"} for r in want], extra
        else:
            assert got == want, extra


def test_busiest_counts_only_the_actions_in_scope(store):
    whole = {r["owner_name"]: int(r["actions"]) for r in _rows(store, ["analyse", "busiest"])}
    after = {r["owner_name"]: int(r["actions"]) for r in _rows(store, ["analyse", "busiest"], "--since", "2024-02-01")}
    assert whole["Tom Reed"] == 2 and after["Tom Reed"] == 1  # his January action left out
    assert "Ann Brook" not in after
    ashcombe = {r["owner_name"] for r in _rows(store, ["analyse", "busiest"], "--body", "Ashcombe")}
    owners = {o for r in _rows(store, ["actions"], "--body", "Ashcombe") for o in r["owner"].split("; ")}
    assert ashcombe == owners and {"Clerk", "Ed Vane", "Lou Hart"} <= ashcombe
    assert not ashcombe & {"Tom Reed", "Ann Brook", "Sara Quill"}


@pytest.mark.parametrize("args", [["actions"], ["analyse", "unowned"], ["review"], ["ask", "which actions have no due date?"],
                                  ["query", "--name", "actions"]])
def test_a_body_no_meeting_has_is_an_error_naming_the_bodies(store, args):
    r = govkg(*args, "--store", store, "--body", "Ashcoombe Town Council")
    assert r.exit_code == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert "Ashcombe Town Council" in r.stderr and "Hollowmere Parish Council" in r.stderr


@pytest.mark.parametrize("args", [["actions"], ["analyse", "followup"], ["review"], ["ask", "which actions have no due date?"],
                                  ["query", "--name", "meetings"]])
@pytest.mark.parametrize("flag, value", [("--since", "2024-02-30"), ("--until", "last week"), ("--since", "2024-2-1")])
def test_a_date_that_is_not_a_day_is_one_line_and_exit_2(store, args, flag, value):
    r = govkg(*args, "--store", store, flag, value)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stderr.startswith("govkg: ") and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert value in r.stderr and "YYYY-MM-DD" in r.stderr


@pytest.mark.parametrize("args", [["build", "minutes.txt", "--date"], ["extract", "minutes.txt", "--date"],
                                  ["actions", "--overdue", "--as-of"], ["actions", "--since"], ["actions", "--until"],
                                  ["query", "--name", "meetings", "--since"]])
@pytest.mark.parametrize("value", ["2024-02-30", "3 March 2024", "20240301"])
def test_every_date_option_written_wrong_is_a_usage_error(store, tmp_path, args, value):
    # one rule (DESIGN.md section 3): a date option not written YYYY-MM-DD is usage, exit 2,
    # whichever command takes it; a body no meeting has stays exit 1 (the store's answer)
    (tmp_path / "minutes.txt").write_text("Minutes of the meeting of Ashcombe Town Council\n", encoding="utf-8")
    args = [str(tmp_path / a) if a == "minutes.txt" else a for a in args]
    where = {"build": ["--store", tmp_path / "new"], "extract": []}.get(args[0], ["--store", store])
    r = govkg(*args, value, *where)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stderr.startswith("govkg: ") and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert value in r.stderr and "YYYY-MM-DD" in r.stderr


def test_connectors_says_it_cannot_be_narrowed_but_can_be_paged(store):
    r = govkg("analyse", "connectors", "--store", store, "--body", "Ashcombe")
    assert r.exit_code == 2 and "whole network" in r.stderr and r.stderr.count("\n") == 1
    whole = _rows(store, ["analyse", "connectors"])
    assert _rows(store, ["analyse", "connectors"], "--limit", "1") == whole[:1]


def test_review_toml_takes_the_page_too(store):
    r = govkg("review", "--store", store, "--format", "toml", "--body", "Hollowmere")
    assert r.exit_code == 0 and "[[" not in r.stdout  # no fix for a body with nothing to review
    r = govkg("review", "--store", store, "--format", "toml", "--body", "Ashcombe", "--limit", "1")
    assert r.exit_code == 0 and r.stdout.count("[[") == 1


def test_ask_says_when_the_scope_or_the_offset_leaves_no_answer(store):
    r = govkg("ask", "who owns the noticeboard", "--store", store, "--body", "Hollowmere")
    assert r.exit_code == 0 and "of a meeting of the body and dates asked for" in r.stdout
    r = govkg("ask", "who owns the noticeboard", "--store", store, "--offset", "5")
    assert r.exit_code == 0 and "--offset 5 is past the last" in r.stdout
    r = govkg("ask", "who owns the noticeboard", "--store", store, "--body", "Ashcombe")
    assert "Ed Vane" in r.stdout and "Ashcombe Town Council, 2024-01-17" in r.stdout


def test_a_page_reads_no_row_after_it():
    """The page of an iterator of rows stops reading at its last row, so a first page of a
    streamed listing never waits for (or holds) the rest."""
    read = []

    def rows():
        for i in range(1000):
            read.append(i)
            yield {"n": str(i)}
    assert [r["n"] for r in Listing(limit=3, offset=2).page(rows())] == ["2", "3", "4"]
    assert read == [0, 1, 2, 3, 4]


def test_json_without_a_page_is_printed_as_the_rows_come(store, monkeypatch):
    """Without --limit the json, ndjson and csv of a listing are written a row at a time
    (kg.output.render_lines), never rendered whole from a list."""
    import kg.cli
    import kg.output
    calls = []
    real = kg.output.render_lines

    def spy(columns, rows, fmt):
        calls.append(fmt)
        assert not isinstance(rows, list)
        return real(columns, rows, fmt)
    monkeypatch.setattr(kg.output, "render_lines", spy)
    for fmt in ("json", "ndjson", "csv"):
        r = govkg("actions", "--store", store, "--format", fmt)
        assert r.exit_code == 0 and r.stdout.strip()
    assert calls == ["json", "ndjson", "csv"]


@pytest.mark.parametrize("scope", [("ashcombe", None, None), (None, "2024-02-01", None), (None, None, "2024-01-31"),
                                   ("Hollowmere Parish Council", "2024-01-11", "2024-03-06"), ("Elsewhere", None, None)])
def test_the_meetings_in_scope_are_the_same_from_the_index_and_the_store(store, monkeypatch, scope):
    from kg import query, textindex
    with read_only(store) as st:
        assert textindex.reader_index(st) is not None  # the index answers here
        indexed = query.scope_meetings(st, *scope)
        monkeypatch.setattr(textindex, "reader_index", lambda s: None)
        assert query.scope_meetings(st, *scope) == indexed
    assert (indexed == []) == (scope[0] == "Elsewhere")
