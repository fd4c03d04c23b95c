"""govkg analyse / path / export graphml: networkx metrics, shortest paths and follow-up."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import analyse as an
from kg.ask import answer
from kg.cli import main
from kg.errors import GovkgError
from kg.store import GraphStore
from tests.conftest import FOUNDING

MEETING_1 = """Hilltop Parish Council
Minutes of the Ordinary Meeting held on Wednesday 6 January 2021 at 7.00pm in the Village Hall

Present: Cllr Jane Doe (Chair), Cllr Tom Smith, Cllr Ann Brown

1. Play Area
Jane Doe agreed to obtain three quotes for the play area fence.

2. Buses
Cllr Tom Smith agreed to write to the bus company about the timetable.
"""

MEETING_2 = """Hilltop Parish Council
Minutes of the Ordinary Meeting held on Wednesday 3 February 2021 at 7.00pm in the Village Hall

Present: Cllr Jane Doe (Chair), Cllr Tom Smith, Cllr Ann Brown

5. Play Area
Jane Doe reported that three quotes for the play area fence had been obtained.
"""


def build(paths, store: Path) -> Path:
    r = CliRunner().invoke(main, ["build", *map(str, paths), "--store", str(store)])
    assert r.exit_code == 0, r.output
    return store


@pytest.fixture(scope="module")
def followup_store(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("hilltop")
    (d / "2021-01-06.txt").write_text(MEETING_1, encoding="utf-8")
    (d / "2021-02-03.txt").write_text(MEETING_2, encoding="utf-8")
    return build([d / "2021-01-06.txt", d / "2021-02-03.txt"], d / "store")


@pytest.fixture(scope="module")
def two_bodies_store(tmp_path_factory, followup_store) -> Path:
    d = tmp_path_factory.mktemp("two")
    hill = followup_store.parent
    return build([FOUNDING, hill / "2021-01-06.txt", hill / "2021-02-03.txt"], d / "store")


def open_ro(path):
    return GraphStore(path, read_only=True)


# -- graphs ----------------------------------------------------------------------------------

def test_to_networkx_has_only_string_attributes(founding):
    g = an.to_networkx(founding)
    assert isinstance(g, nx.MultiDiGraph) and g.number_of_edges() > 0
    for _, d in g.nodes(data=True):
        assert {"label", "type"} <= d.keys() and all(isinstance(v, str) for v in d.values())
    for _, _, d in g.edges(data=True):
        assert {"relation", "evidence"} <= d.keys() and all(isinstance(v, str) for v in d.values())


def test_simple_view_is_undirected_and_keeps_direction_in_attributes(founding):
    g = an.to_networkx(founding)
    u = an.simple(g)
    assert not u.is_directed() and not u.is_multigraph()
    assert set(u.nodes) == set(g.nodes)
    for a, b, d in u.edges(data=True):
        assert g.has_edge(d["source"], d["target"]) and {d["source"], d["target"]} == {a, b}


def test_export_graphml_round_trips(founding_store, tmp_path):
    out = tmp_path / "g.graphml"
    r = CliRunner().invoke(main, ["export", "--format", "graphml", "-o", str(out), "--store", str(founding_store)])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    assert any(d.get("label") == "Julia Hassall" for _, d in g.nodes(data=True))


# -- shortest path -----------------------------------------------------------------------------

@pytest.mark.parametrize("a", ["J Hassall", "Hassall", "Julia Hassall"])
def test_shortest_path_between_forgiving_names(founding, a):
    cols, rows = an.shortest_path(founding, a, "DfE")
    assert cols[:5] == ["step", "from", "relation", "to", "evidence"]
    assert rows[0]["from"] == "Julia Hassall" and rows[-1]["to"] == "Department for Education"
    assert [r["step"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for prev, nxt in zip(rows, rows[1:]):
        assert prev["to"] == nxt["from"]
    assert any("The DfE will recruit" in r.get("evidence", "") for r in rows)
    assert all(r.get("meeting") for r in rows)


def test_shortest_path_unknown_name(founding):
    with pytest.raises(GovkgError, match="Nobody Atall"):
        an.shortest_path(founding, "Julia Hassall", "Nobody Atall")


def test_shortest_path_no_path_between_separate_minutes(two_bodies_store):
    with open_ro(two_bodies_store) as st:
        with pytest.raises(GovkgError, match="no chain of links connects"):
            an.shortest_path(st, "Julia Hassall", "Jane Doe")


def test_cli_path(founding_store):
    runner = CliRunner()
    r = runner.invoke(main, ["path", "J Hassall", "DfE", "--store", str(founding_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows[0]["from"] == "Julia Hassall" and rows[-1]["to"] == "Department for Education"
    r = runner.invoke(main, ["path", "J Hassall", "Nobody Atall", "--store", str(founding_store)])
    assert r.exit_code == 1 and "Traceback" not in r.output and "Nobody Atall" in r.output


# -- busiest, connectors, unowned ------------------------------------------------------------------

def test_busiest(founding):
    cols, rows = an.busiest(founding)
    assert cols == ["owner", "owner_name", "actions"]
    counts = [int(r["actions"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    hassall = next(r for r in rows if r["owner_name"] == "Julia Hassall")
    assert int(hassall["actions"]) >= 1  # she will work with the Improvement Board on the Data Set


def test_connectors_are_organisations_by_betweenness(founding):
    cols, rows = an.connectors(founding)
    assert cols == ["org", "name", "betweenness", "degree"]
    assert rows and "/org/" in rows[0]["org"]
    bc = [float(r["betweenness"]) for r in rows]
    assert bc == sorted(bc, reverse=True)
    assert "Department for Education" in {r["name"] for r in rows}


def test_unowned_lists_actions_without_owner_or_due_date(founding):
    cols, rows = an.unowned(founding)
    assert cols == ["action", "owner_name", "missing", "meeting", "evidence"]
    assert rows and all(r["missing"] in ("owner", "due date", "owner and due date") for r in rows)
    assert any("independent advisor" in r["action"] and r["missing"] == "due date" for r in rows)


@pytest.mark.parametrize("what", sorted(an.ANALYSES))
def test_cli_analyse(founding_store, what):
    r = CliRunner().invoke(main, ["analyse", what, "--store", str(founding_store), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert isinstance(json.loads(r.output), list)


# -- follow-up -----------------------------------------------------------------------------------

def test_followup_matches_a_report_back_at_a_later_meeting(followup_store):
    with open_ro(followup_store) as st:
        cols, rows = an.followup(st)
    assert cols == ["action", "meeting", "owner_name", "status", "later_meeting", "evidence"]
    quotes = next((r for r in rows if "three quotes" in r["action"]), None)
    assert quotes is not None, f"the action of meeting 1 was not extracted: {rows}"
    assert quotes["status"] == "done", rows  # "had been obtained", from the stored report-back
    assert quotes["owner_name"] == "Jane Doe"
    assert "2021-01-06" in quotes["meeting"] and "2021-02-03" in quotes["later_meeting"]
    assert "reported that three quotes" in quotes["evidence"]
    bus = next(r for r in rows if "bus company" in r["action"])
    assert bus["status"] == "open" and "later_meeting" not in bus
    assert "agreed to write to the bus company" in bus["evidence"]


def test_ask_never_reported_back(followup_store):
    with open_ro(followup_store) as st:
        ans = answer(st, "Which actions from earlier meetings were never reported back on?")
        assert [r["action"] for r in ans.rows] == ["write to the bus company about the timetable"], ans.text()
        assert "Never reported back on" in ans.text()
        done = answer(st, "which actions were reported back on?")
        assert [r["status"] for r in done.rows] == ["done"]


def test_followup_needs_a_later_meeting(founding):
    _, rows = an.followup(founding)
    assert rows == []  # one undated meeting: nothing can be followed up yet
    assert "no action can be followed up" in answer(founding, "which actions were never reported back on?").text()
