"""Hostile text in queries: parameters are bound as literals, updates need --allow-update.

Every test runs on its own copy of a store built from the bundled minutes and checks,
quad for quad, that the store is what it was (or what the allowed update made it).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as q
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "data" / "minutes" / "wirral-childrens-trust-2016.txt"

HOSTILE = [
    '"} ; DROP ALL ; SELECT * {"',
    "'} ; DROP ALL ; SELECT * {'",
    '") } } ; DROP ALL ; #',
    '"""',
    "'''",
    "{}",
    "}}}}",
    "a\nb\r\n} DROP ALL {",
    "DROP ALL",
    "INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } }",
    "CLEAR ALL",
    "SELECT * WHERE { ?s ?p ?o }",
    "?thing_text",
    "$entity_text",
    '") || true || ("',
    "\\",
    '\\"',
    "\\u0022) } DROP ALL {",
    "<http://example.org/x>",
    "# a comment } DROP ALL",
    "VALUES ?x { 1 }",
    "UNION { ?s ?p ?o }",
    ".*",
    "%22%7D%20DROP%20ALL",
    "\u201cquoted\u201d \u00a0 tab\there",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory, founding_store):
    # a copy of the session's founding store: an attack that did change it must not reach
    # other modules' tests
    from tests.conftest import copy_store
    return copy_store(founding_store, tmp_path_factory.mktemp("inject") / "store")


@pytest.fixture
def store(built):
    """The shared store: tests that must not change it check that they did not."""
    return built


@pytest.fixture
def writable(built, tmp_path):
    """A private copy, for tests that write (or try to)."""
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


def snapshot(store: Path) -> frozenset[str]:
    st = ox.Store.read_only(str(store))
    quads = frozenset(str(x) for x in st)
    del st
    return quads


def cli(*args: str):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"govkg {args} raised {result.exception!r}") from result.exception
    return result


def one_error_line(result, *needles: str) -> str:
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert result.exit_code in (1, 2), result.output
    assert len(lines) == 1 and lines[0].startswith("govkg: "), result.stderr
    for n in needles:
        assert n in lines[0], (n, lines[0])
    return lines[0]


def rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- parameters ----------------------------------------------------------------------------


def test_parameters_work_at_all(store):
    """The control: ordinary values find what the minutes say."""
    found = rows(cli("query", "--name", "who-owns", "-p", "thing=data set", "--store", store, "--format", "json"))
    assert any("Data Set" in r["thing"] for r in found)
    found = rows(cli("query", "--name", "accountable", "-p", "entity=Hassall", "--store", store, "--format", "json"))
    assert found and all("Hassall" in r["entity_name"] for r in found)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name,key", [("who-owns", "thing"), ("accountable", "entity")])
def test_hostile_parameter_is_a_literal(store, name, key, value):
    before = snapshot(store)
    result = cli("query", "--name", name, "-p", f"{key}={value}", "--store", store, "--format", "json")
    assert rows(result) == []  # nothing in the minutes contains this text
    assert snapshot(store) == before


@pytest.mark.parametrize("value", HOSTILE[:8])
def test_hostile_parameter_of_an_inline_query_is_a_literal(store, value):
    before = snapshot(store)
    # ?x in the projection (substituted by the engine) and ?y only in the pattern (VALUES)
    found = rows(cli("query", "--store", store, "--format", "json", "-p", f"x={value}", "-p", f"y={value}", "-e",
                     "SELECT ?x ?len WHERE { BIND(STRLEN(?y) AS ?len) }"))
    assert found == [{"x": value, "len": str(len(value))}]
    assert snapshot(store) == before


def test_hostile_text_is_matched_as_text(writable):
    """A stored action whose text is an injection attempt is found by that very text."""
    evil = '"} ; DROP ALL ; SELECT * {"'
    lit = ox.Literal(evil)
    insert = (
        "PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX schema: <https://schema.org/> "
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
        f"INSERT DATA {{ GRAPH <urn:test> {{ <urn:act> a gov:Action ; gov:text {lit} ; schema:agent <urn:p> ; gov:meeting <urn:m> . "
        '<urn:p> foaf:name "Mallory Tester" . } }'
    )
    assert cli("query", "--allow-update", "-e", insert, "--store", writable).exit_code == 0
    before = snapshot(writable)
    found = rows(cli("query", "--name", "who-owns", "-p", "thing=DROP ALL ; SELECT", "--store", writable,
                     "--format", "json"))
    assert [(r["thing"], r["owner_name"]) for r in found] == [(evil, "Mallory Tester")]
    found = rows(cli("query", "--name", "accountable", "-p", "entity=mallory", "--store", writable, "--format", "json"))
    assert [r["thing"] for r in found] == [evil]
    assert snapshot(writable) == before


def test_parameter_names_must_be_variable_names(store):
    before = snapshot(store)
    for bad in ["} DROP ALL {=x", "a b=x", "?x=1", "=x"]:
        r = cli("query", "--name", "who-owns", "-p", "thing=x", "-p", bad, "--store", store)
        one_error_line(r)
    r = cli("query", "--name", "who-owns", "-p", "no-equals-sign", "--store", store)
    assert r.exit_code == 2
    one_error_line(r, "KEY=VALUE")
    r = cli("query", "--name", "who-owns", "--store", store)
    one_error_line(r, "-p thing=TEXT")
    assert snapshot(store) == before


# --- updates ---------------------------------------------------------------------------------


UPDATES = [
    "DROP ALL",
    "drop all",
    "CLEAR DEFAULT",
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "  # a comment first\n\nDROP ALL",
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/> # comment on the prefix line\nDELETE WHERE { ?s foaf:name ?n }",
    "\ufeffDROP ALL",
    "BASE <http://x/> PREFIX : <y> WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "LOAD <http://example.org/data.ttl>",
]


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_without_allow_update(writable, update):
    assert q.is_update(update)
    before = snapshot(writable)
    r = cli("query", "-e", update, "--store", writable)
    assert r.exit_code == 1
    one_error_line(r, "--allow-update")
    assert snapshot(writable) == before


def test_is_update_does_not_mistake_queries():
    for text in ["SELECT * WHERE { ?s ?p ?o }", "PREFIX a: <urn:drop> SELECT ?drop WHERE { ?drop ?p ?o }",
                 "# DROP ALL\nSELECT * { ?s ?p ?o }", "ASK { ?s ?p 'INSERT' }", "CONSTRUCT WHERE { ?s ?p ?o }",
                 "DESCRIBE <urn:x>", "", "   "]:
        assert not q.is_update(text), text


def test_update_that_slips_past_the_check_still_cannot_write(writable):
    """Defence in depth: reading commands open the store read-only."""
    from kg.store import GraphStore

    before = snapshot(writable)
    with GraphStore(writable, read_only=True) as st:
        with pytest.raises(Exception):
            st.update("DROP ALL")
        with pytest.raises(Exception):
            st.select("DROP ALL")
    assert snapshot(writable) == before


def test_allow_update_runs_insert_data(writable):
    before = snapshot(writable)
    r = cli("query", "--allow-update", "--store", writable, "-e",
            'INSERT DATA { GRAPH <urn:notes> { <urn:n1> <http://www.w3.org/2000/01/rdf-schema#label> "a note" } }')
    assert r.exit_code == 0, r.output
    assert "update applied" in r.stdout
    after = snapshot(writable)
    # the named graph gets the triple, and the merged default graph that queries read
    assert after - before == {'<urn:n1> <http://www.w3.org/2000/01/rdf-schema#label> "a note" <urn:notes>',
                              '<urn:n1> <http://www.w3.org/2000/01/rdf-schema#label> "a note"'}
    assert before <= after
    found = rows(cli("query", "--store", writable, "--format", "json", "-e",
                     "SELECT ?l WHERE { <urn:n1> ?p ?l }"))
    assert found == [{"l": "a note"}]


def test_malformed_update_with_allow_update_changes_nothing(writable):
    before = snapshot(writable)
    r = cli("query", "--allow-update", "--store", writable, "-e", "INSERT DATA { <urn:a> <urn:b> }")
    line = one_error_line(r, "malformed SPARQL update", "line 1, column")
    assert "Traceback" not in line
    assert snapshot(writable) == before


# --- malformed queries -------------------------------------------------------------------------


@pytest.mark.parametrize("text,line", [
    ("SELECT * WHERE { ?s ?p }", 1),
    ("SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}", 3),
    ("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nSELECT ?n WHERE {\n  ?p foaf:name ?n\n  ?p foaf:age\n}", 4),
    ("SELECT * WHERE { ?s <http://a b> ?o }", 1),
    ("SELEC * WHERE { ?s ?p ?o }", 1),
    ("SELECT ?x WHERE { ?s ?p ?o } GROUP BY ?s", 1),
])
def test_malformed_query_names_line_and_column(store, text, line):
    r = cli("query", "-e", text, "--store", store)
    assert r.exit_code == 1
    msg = one_error_line(r, "malformed SPARQL at line ")
    at_line = int(msg.split("at line ", 1)[1].split(",")[0])
    col = int(msg.split("column ", 1)[1].split()[0].rstrip(",:"))
    lines = text.split("\n")
    # pyoxigraph reports the furthest point its parser reached: the line of the mistake
    # or, where the rest could still have made sense, a later one (the end of the query)
    assert line <= at_line <= len(lines)
    assert 1 <= col <= len(lines[at_line - 1]) + 1


def test_explain_syntax_error_keeps_other_messages():
    assert q.explain_syntax_error("x", "no position here") == "no position here"
    msg = q.explain_syntax_error("SELECT\n  * WHERE { ?s ?p ?o . ?s ?q } LIMIT 1",
                                 "malformed SPARQL: error at 2:31: expected OPTIONAL")
    assert msg == "malformed SPARQL at line 2, column 31, after '* WHERE { ?s ?p ?o . ?s ?q }': expected OPTIONAL"


def test_query_file_in_another_encoding_is_one_line(store, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_bytes("SELECT * WHERE { ?s ?p \"caf\u00e9\" }".encode("cp1252"))
    one_error_line(cli("query", str(rq), "--store", store), "UTF-8")


# --- runaway queries ---------------------------------------------------------------------------


CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_timeout_stops_a_runaway_query(store):
    n = len(snapshot(store))
    assert n > 500  # a four-way cross join is n**4 > 6e10 rows: it cannot finish
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--timeout", "0.5", "--store", str(store),
                        "-e", CROSS_JOIN], env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - start
    assert p.returncode == 1
    lines = [x for x in p.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    assert "longer than --timeout 0.5 s" in lines[0]
    assert elapsed < 10
    assert p.stdout == ""


def test_timeout_lets_a_quick_query_answer(store):
    found = rows(cli("query", "--timeout", "20", "--store", store, "--format", "json", "-e",
                     "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(found[0]["n"]) > 500
    r = cli("query", "--timeout", "20", "--store", store, "-e", "SELECT * WHERE { ?s ?p }")
    one_error_line(r, "malformed SPARQL", "line 1, column")


@pytest.mark.parametrize("bad", ["0", "-1"])
def test_timeout_must_be_positive(store, bad):
    r = cli("query", "--timeout", bad, "--store", store, "-e", "SELECT * WHERE { ?s ?p ?o }")
    assert r.exit_code == 2
    one_error_line(r, "--timeout")
