"""The command-line contract (DESIGN.md section 3), command by command, through CliRunner.

Every error is one line on stderr starting "govkg:", exit code 1 (bad input, unknown
query, unreadable file) or 2 (usage), and never a traceback.  Query-shaped commands are
run on the session's founding store (tests/conftest.py); commands that write get their
own folder under tmp_path.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FOUNDING, govkg

GOLDEN = Path(__file__).parent / "golden"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"




def ok(result):
    assert result.exit_code == 0, f"exit {result.exit_code}\nstdout: {result.stdout}\nstderr: {result.stderr}\n" \
                                  f"exception: {result.exception!r}"
    assert "Traceback" not in result.stderr
    return result


def assert_one_line_error(result, code: int) -> str:
    """Exactly one line on stderr, starting 'govkg:', the exit code of the contract, no traceback."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit), f"uncaught {result.exception!r}"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"want one line on stderr, got:\n{result.stderr}"
    assert lines[0].startswith("govkg: "), lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    return lines[0]


def count(store) -> int:
    r = ok(govkg("query", "-e", COUNT, "--format", "json", "--store", store))
    return int(json.loads(r.stdout)[0]["n"])


def built_triples(result) -> list[int]:
    return [int(n) for n in re.findall(r"^built .*: (\d+) triples$", result.stdout, re.M)]


@pytest.fixture
def minutes(tmp_path) -> Path:
    """A private copy of the founding minutes (so that rebuilding it touches no shared store)."""
    path = tmp_path / "src" / FOUNDING.name
    path.parent.mkdir()
    shutil.copyfile(FOUNDING, path)
    return path


# -- build --------------------------------------------------------------------------------------

def test_build_a_file(tmp_path, minutes):
    store = tmp_path / "store"
    r = ok(govkg("build", minutes, "--store", store))
    assert "1 built, 0 unchanged, 0 failed" in r.stdout
    (n,) = built_triples(r)
    assert n > 100
    assert count(store) == n


def test_build_a_folder(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    for style in ("moderngov-timed", "parish-numbered", "initials-lists"):
        shutil.copyfile(GOLDEN / f"{style}.txt", folder / f"{style}.txt")
    store = tmp_path / "store"
    r = ok(govkg("build", folder, "--store", store))
    assert "3 built, 0 unchanged, 0 failed" in r.stdout
    assert count(store) == sum(built_triples(r))
    meetings = json.loads(ok(govkg("query", "--name", "meetings", "--format", "json", "--store", store)).stdout)
    assert {m.get("body") for m in meetings} == {"Eastmere Community Safety Partnership", "Holloway Parish Council",
                                                 "Kelby Workforce Partnership Group"}


def test_build_body_and_date_fill_what_the_text_does_not_say(tmp_path, minutes):
    store = tmp_path / "store"
    ok(govkg("build", minutes, "--store", store, "--body", "Test Partnership Board", "--date", "2016-10-11"))
    (m,) = json.loads(ok(govkg("query", "--name", "meetings", "--format", "json", "--store", store)).stdout)
    assert m["body"] == "Test Partnership Board"
    assert m["date"] == "2016-10-11"


@pytest.mark.parametrize("date", ["2016-13", "11/10/2016", "yesterday"])
def test_build_bad_date_is_a_usage_error(tmp_path, minutes, date):
    store = tmp_path / "store"
    assert_one_line_error(govkg("build", minutes, "--store", store, "--date", date), 2)
    assert not store.exists() or count(store) == 0


def test_build_impossible_calendar_date_is_a_usage_error(tmp_path, minutes):
    assert_one_line_error(govkg("build", minutes, "--store", tmp_path / "store", "--date", "2016-02-30"), 2)


def test_build_missing_path_is_one_line_and_exit_1(tmp_path):
    store = tmp_path / "store"
    line = assert_one_line_error(govkg("build", tmp_path / "no-such-minutes.txt", "--store", store), 1)
    assert "no-such-minutes.txt" in line
    assert not store.exists() or count(store) == 0


def test_build_a_good_and_a_missing_file_builds_the_good_one_and_exits_1(tmp_path, minutes):
    store = tmp_path / "store"
    r = govkg("build", minutes, tmp_path / "missing.txt", "--store", store)
    assert_one_line_error(r, 1)
    assert "1 built" in r.stdout and "1 failed" in r.stdout
    assert count(store) == built_triples(r)[0]


def test_build_without_paths_is_a_usage_error(tmp_path):
    r = govkg("build", "--store", tmp_path / "store")
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr


def test_rebuilding_the_same_file_replaces_its_graph(tmp_path, minutes):
    store = tmp_path / "store"
    (n,) = built_triples(ok(govkg("build", minutes, "--store", store)))
    assert count(store) == n
    again = ok(govkg("build", minutes, "--store", store))
    assert "unchanged" in again.stdout
    assert count(store) == n
    forced = ok(govkg("build", minutes, "--store", store, "--force"))
    assert built_triples(forced) == [n]
    assert count(store) == n, "a rebuild must replace the document's graph, not add to it"


def test_an_edited_file_replaces_its_old_graph(tmp_path, minutes):
    store = tmp_path / "store"
    ok(govkg("build", minutes, "--store", store))
    minutes.write_text((GOLDEN / "initials-lists.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (n,) = built_triples(ok(govkg("build", minutes, "--store", store)))
    assert count(store) == n
    people = json.loads(ok(govkg("query", "--name", "people", "--format", "json", "--store", store)).stdout)
    assert "Julia Hassall" not in {p["name"] for p in people}


# -- extract ------------------------------------------------------------------------------------

def test_extract_summary():
    r = ok(govkg("extract", FOUNDING))
    first, *rest = r.stdout.splitlines()
    assert str(FOUNDING) in first
    counts = dict(re.findall(r"^\s+(\w+)\s+(\d+)$", r.stdout, re.M))
    assert {"people", "organisations", "attendance", "decisions", "actions", "declarations"} <= set(counts)
    assert counts["decisions"] == "5"


@pytest.mark.parametrize("fmt", ["ndjson", "csv"])
def test_extract_summary_rows_as_ndjson_and_csv(fmt):
    """The summary rows extract prints for people, in the formats programs read."""
    r = ok(govkg("extract", FOUNDING, "--format", fmt))
    rows = ([json.loads(line) for line in r.stdout.splitlines()] if fmt == "ndjson"
            else list(csv.DictReader(io.StringIO(r.stdout))))
    assert len(rows) == 1 and rows[0]["file"] == str(FOUNDING)
    assert rows[0]["decisions"] == "5" and "Wirral" in rows[0]["body"]


def test_extract_json_is_what_build_reads():
    r = ok(govkg("extract", FOUNDING, "--format", "json"))
    data = json.loads(r.stdout)
    assert {"meeting", "people", "decisions", "actions", "attendance", "declarations"} <= set(data)
    assert isinstance(data["meeting"], dict)
    assert {"J Hassall", "Julia Hassall"} <= {p["surface"] for p in data["people"]}
    assert len(data["decisions"]) == 5
    for d in data["decisions"]:
        assert d["text"] and d["evidence"]["quote"]
        assert isinstance(d["evidence"]["start"], int)


def test_extract_body_and_date():
    data = json.loads(ok(govkg("extract", FOUNDING, "--format", "json", "--body", "Test Board",
                               "--date", "2016-10-11")).stdout)
    assert data["meeting"]["body"] == "Test Board"
    assert data["meeting"]["date"] == "2016-10-11"


def test_extract_missing_file_is_one_line_and_exit_1(tmp_path):
    assert_one_line_error(govkg("extract", tmp_path / "nope.txt"), 1)


def test_extract_bad_date_exit_2():
    assert_one_line_error(govkg("extract", FOUNDING, "--date", "2016-1-1"), 2)


# -- query --------------------------------------------------------------------------------------

def test_query_named(founding_store):
    rows = json.loads(ok(govkg("query", "--name", "decisions", "--format", "json", "--store", founding_store)).stdout)
    assert len(rows) == 5


def test_query_file(tmp_path, founding_store):
    rq = tmp_path / "names.rq"
    rq.write_text("# names: every person's name.  Parameters: none.\n"
                  "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                  "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name\n", encoding="utf-8")
    rows = json.loads(ok(govkg("query", rq, "--format", "json", "--store", founding_store)).stdout)
    assert {"name": "Julia Hassall"} in rows


def test_query_file_with_its_own_parameter(tmp_path, founding_store):
    rq = tmp_path / "named.rq"
    rq.write_text("# named: people whose name contains WHO.  Parameters: -p who=TEXT\n"
                  "#@param who ?who required\n"
                  "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
                  "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name "
                  "FILTER(CONTAINS(STR(?name), STR(?who))) }\n", encoding="utf-8")
    rows = json.loads(ok(govkg("query", rq, "-p", "who=Hassall", "--format", "json", "--store",
                               founding_store)).stdout)
    assert rows == [{"name": "Julia Hassall"}]


def test_query_inline(founding_store):
    rows = json.loads(ok(govkg("query", "-e", COUNT, "--format", "json", "--store", founding_store)).stdout)
    assert int(rows[0]["n"]) > 100


def test_query_list(founding_store):
    r = ok(govkg("query", "--list", "--format", "json"))
    listed = {row["name"]: row["description"] for row in json.loads(r.stdout)}
    for name in ("people", "organisations", "meetings", "attendance", "items", "declarations", "decisions",
                 "actions", "statements", "who-owns", "accountable"):
        assert listed.get(name), name
    table = ok(govkg("query", "--list")).stdout
    assert "who-owns" in table and "accountable" in table


@pytest.mark.parametrize("fmt", ["table", "json", "ndjson", "csv"])
def test_query_formats(fmt, founding_store):
    r = ok(govkg("query", "--name", "attendance", "--format", fmt, "--store", founding_store))
    if fmt == "json":
        rows = json.loads(r.stdout)
        assert any(row["name"] == "Kerry Crichlow" for row in rows)
        assert all(row["person"].startswith("https://") for row in rows)  # IRIs kept for programs
    elif fmt == "ndjson":
        rows = [json.loads(line) for line in r.stdout.splitlines()]
        assert any(row["name"] == "Kerry Crichlow" and row["role"] == "apologies" for row in rows)
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert any(row["name"] == "Kerry Crichlow" and row["role"] == "apologies" for row in rows)
        assert all(row["meeting"].startswith("https://") for row in rows)
    else:
        header = r.stdout.splitlines()[0].split()
        assert header[0] == "meeting" and "role" in header and ("name" in header or "person" in header)
        assert "Kerry Crichlow" in r.stdout
        # for people: the meeting as its body, no IRIs
        assert "Wirral Children" in r.stdout and "https://" not in r.stdout and "/id/" not in r.stdout


def test_query_unknown_name_lists_the_known_ones(founding_store):
    line = assert_one_line_error(govkg("query", "--name", "no-such-query", "--store", founding_store), 1)
    assert "no-such-query" in line
    assert "people" in line and "who-owns" in line


@pytest.mark.parametrize("sparql", ["SELECT WHERE {", "SELECT ?x WHERE { ?x ?y }", "this is not SPARQL"])
def test_query_malformed_sparql_is_one_line(sparql, founding_store):
    assert_one_line_error(govkg("query", "-e", sparql, "--store", founding_store), 1)


def test_query_missing_file_is_exit_1(tmp_path, founding_store):
    assert_one_line_error(govkg("query", tmp_path / "nope.rq", "--store", founding_store), 1)


def test_query_needs_exactly_one_query(founding_store):
    assert_one_line_error(govkg("query", "--store", founding_store), 2)
    assert_one_line_error(govkg("query", "--name", "people", "-e", COUNT, "--store", founding_store), 2)


def test_query_refuses_updates_without_allow_update(founding_store):
    before = count(founding_store)
    assert_one_line_error(govkg("query", "-e", "DELETE WHERE { ?s ?p ?o }", "--store", founding_store), 1)
    assert_one_line_error(govkg("query", "-e", "DROP ALL", "--store", founding_store), 1)
    assert count(founding_store) == before


def test_query_bad_parameter_syntax_is_usage(founding_store):
    assert_one_line_error(govkg("query", "--name", "who-owns", "-p", "thing", "--store", founding_store), 2)


def test_query_missing_store_says_how_to_build_one(tmp_path):
    line = assert_one_line_error(govkg("query", "--name", "people", "--store", tmp_path / "nowhere"), 1)
    assert "govkg build" in line


def test_store_defaults_to_govkg_store_env(founding_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no outputs/store here
    r = ok(govkg("query", "--name", "decisions", "--format", "json", env={"GOVKG_STORE": str(founding_store)}))
    assert len(json.loads(r.stdout)) == 5


def test_store_defaults_to_outputs_store(founding_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GOVKG_STORE", raising=False)
    line = assert_one_line_error(govkg("query", "--name", "people"), 1)
    assert "outputs/store" in line
    shutil.copytree(founding_store, tmp_path / "outputs" / "store")
    r = ok(govkg("query", "--name", "decisions", "--format", "json"))
    assert len(json.loads(r.stdout)) == 5


def test_explicit_store_wins_over_env(founding_store, tmp_path):
    r = ok(govkg("query", "--name", "decisions", "--format", "json", "--store", founding_store,
                 env={"GOVKG_STORE": str(tmp_path / "elsewhere")}))
    assert len(json.loads(r.stdout)) == 5


# -- ask ----------------------------------------------------------------------------------------

def test_ask_answers_with_evidence(founding_store):
    r = ok(govkg("ask", "who owns the data set?", "--store", founding_store))
    assert "Julia Hassall" in r.stdout
    assert "formulate the Data Set" in r.stdout
    assert re.search(r'^\s+"J Hassall said that she will work with the Improvement Board', r.stdout, re.M)


def test_ask_json(founding_store):
    rows = json.loads(ok(govkg("ask", "who will recruit an independent advisor", "--format", "json",
                               "--store", founding_store)).stdout)
    assert any(r.get("owner_name") == "Department for Education" and r.get("evidence") for r in rows)
    assert all(isinstance(v, str) for r in rows for v in r.values())


def test_ask_env_store(founding_store):
    r = ok(govkg("ask", "what did the board decide", env={"GOVKG_STORE": str(founding_store)}))
    assert "revised Terms of Reference" in r.stdout


def test_ask_a_question_it_cannot_map_lists_examples(founding_store):
    line = assert_one_line_error(govkg("ask", "blue sky banana", "--store", founding_store), 1)
    assert "cannot map" in line or "example" in line
    assert line.count("?") >= 2, "list some questions it can answer"


# -- path ---------------------------------------------------------------------------------------

def test_path_between_two_names(founding_store):
    r = ok(govkg("path", "J Hassall", "DfE", "--format", "json", "--store", founding_store))
    rows = json.loads(r.stdout)
    assert rows
    assert rows[-1].get("to") == "Department for Education" or "Department for Education" in json.dumps(rows[-1])
    table = ok(govkg("path", "Julia Hassall", "Department for Education", "--store", founding_store)).stdout
    assert "Julia Hassall" in table and "Department for Education" in table


def test_path_unknown_name_is_one_line(founding_store):
    line = assert_one_line_error(govkg("path", "Nobody Whatsoever", "Department for Education",
                                       "--store", founding_store), 1)
    assert "Nobody Whatsoever" in line


# -- analyse ------------------------------------------------------------------------------------

@pytest.mark.parametrize("what", ["busiest", "connectors", "unowned", "followup"])
def test_analyse(what, founding_store):
    rows = json.loads(ok(govkg("analyse", what, "--format", "json", "--store", founding_store)).stdout)
    assert isinstance(rows, list)
    assert all(isinstance(v, str) for r in rows for v in r.values())
    ok(govkg("analyse", what, "--format", "csv", "--store", founding_store))
    ok(govkg("analyse", what, "--store", founding_store))
    if what == "busiest":
        assert rows[0].get("owner_name") == "Julia Hassall"


def test_analyse_unknown_is_usage(founding_store):
    r = govkg("analyse", "nonsense", "--store", founding_store)
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr


# -- viz ----------------------------------------------------------------------------------------

_REMOTE = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)


@pytest.mark.parametrize("extra", [[], ["--focus", "Julia Hassall", "--depth", "1"]])
def test_viz_writes_an_offline_page(tmp_path, founding_store, extra):
    out = tmp_path / "view.html"
    r = ok(govkg("viz", "-o", out, "--store", founding_store, *extra))
    assert out.is_file() and str(out) in r.stdout
    html = out.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert not _REMOTE.findall(html), _REMOTE.findall(html)[:3]
    assert not re.search(r"@import\s+url\(\s*[\"']?https?:", html)
    assert "Julia Hassall" in html


def test_viz_unknown_focus_is_one_line(tmp_path, founding_store):
    assert_one_line_error(govkg("viz", "-o", tmp_path / "v.html", "--focus", "Nobody Whatsoever",
                                "--store", founding_store), 1)


# -- export -------------------------------------------------------------------------------------

RDF_FORMATS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store_size(founding_store):
    return count(founding_store)


def _parsed_count(path: Path, rdflib_format: str) -> int:
    """Statements in an exported file: every graph of it (trig, nquads and JSON-LD keep the named graphs)."""
    from rdflib import Dataset
    ds = Dataset()
    ds.parse(path, format=rdflib_format)
    return sum(1 for _ in ds.quads((None, None, None, None)))


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_export_rdf_round_trips(fmt, tmp_path, founding_store, store_size):
    out = tmp_path / f"graph.{fmt}"
    r = ok(govkg("export", "--format", fmt, "-o", out, "--store", founding_store))
    assert re.search(rf"wrote .*: {store_size} statements", r.stdout), r.stdout
    assert _parsed_count(out, RDF_FORMATS[fmt]) == store_size


def test_export_graphml(tmp_path, founding_store):
    import networkx as nx
    out = tmp_path / "graph.graphml"
    r = ok(govkg("export", "--format", "graphml", "-o", out, "--store", founding_store))
    g = nx.read_graphml(out)
    (n,) = re.findall(r": (\d+) statements", r.stdout)
    assert g.number_of_edges() == int(n) > 0
    assert g.number_of_nodes() > 0


def test_export_to_stdout_defaults_to_turtle(founding_store, store_size):
    from rdflib import Graph
    r = ok(govkg("export", "--store", founding_store))
    assert len(Graph().parse(data=r.stdout_bytes.decode("utf-8"), format="turtle")) == store_size


def test_export_env_store(founding_store, tmp_path, store_size):
    out = tmp_path / "g.nt"
    ok(govkg("export", "--format", "nt", "-o", out, env={"GOVKG_STORE": str(founding_store)}))
    assert _parsed_count(out, "nt") == store_size


def test_export_unwritable_output_is_one_line(tmp_path, founding_store):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert_one_line_error(govkg("export", "-o", blocker / "g.ttl", "--store", founding_store), 1)


def test_export_unknown_format_is_usage(founding_store):
    r = govkg("export", "--format", "xml", "--store", founding_store)
    assert r.exit_code == 2
    assert "Traceback" not in r.stderr


# -- validate -----------------------------------------------------------------------------------

_SUMMARY = re.compile(r"^(conforms|does not conform): (\d+) violation\(s\), (\d+) warning\(s\)$")


def test_validate_prints_a_summary_and_exits_by_conformance(founding_store):
    r = govkg("validate", "--store", founding_store)
    assert "Traceback" not in r.stderr
    assert isinstance(r.exception, (SystemExit, type(None)))
    m = _SUMMARY.match(r.stdout.splitlines()[-1])
    assert m, r.stdout[-300:]
    conforms = m.group(1) == "conforms"
    assert r.exit_code == (0 if conforms else 1)
    assert conforms == (m.group(2) == "0")
    listed = [line for line in r.stdout.splitlines()[:-1] if line.strip()]
    assert len(listed) == int(m.group(2)) + int(m.group(3)) or not listed


def test_validate_the_founding_store_conforms(founding_store):
    """A store govkg built itself conforms (Oxigraph reads xsd:nonNegativeInteger offsets back as xsd:integer)."""
    r = govkg("validate", "--store", founding_store)
    assert r.exit_code == 0, r.stdout[-500:]
    assert r.stdout.splitlines()[-1].startswith("conforms")


def test_validate_missing_store_is_one_line(tmp_path):
    assert_one_line_error(govkg("validate", "--store", tmp_path / "nowhere"), 1)


# -- demo ---------------------------------------------------------------------------------------

def test_demo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GOVKG_STORE", raising=False)
    r = ok(govkg("demo"))
    ttl = tmp_path / "outputs" / "governance.ttl"
    html = tmp_path / "outputs" / "accountability.html"
    assert ttl.is_file() and html.is_file()
    from rdflib import Graph
    assert len(Graph().parse(ttl, format="turtle")) > 100
    assert not _REMOTE.findall(html.read_text(encoding="utf-8"))
    out = r.stdout
    assert '$ govkg ask "who owns the data set"' in out
    assert "Julia Hassall" in out and "Department for Education" in out
    evidence = [line for line in out.splitlines() if re.match(r'^\s+"', line)]
    assert len(evidence) >= 5, "each answer comes with the sentence that states it"
    assert any("formulate the Data Set" in line for line in evidence)


# -- errors in general --------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["build"], ["export", "--format", "xml"], ["analyse", "nonsense"],
                                  ["query", "--format", "yaml", "--name", "people"]])
def test_click_usage_errors_are_one_line_too(args, founding_store):
    assert_one_line_error(govkg(*args, "--store", founding_store), 2)


def test_debug_shows_the_traceback(tmp_path):
    r = govkg("--debug", "query", "--name", "people", "--store", tmp_path / "nowhere")
    assert r.exit_code != 0
    assert r.exception is not None and not isinstance(r.exception, SystemExit)


def _minutes(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_extract_folder_prints_one_summary_row_per_document_with_warnings(tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    shutil.copy(FOUNDING, folder / "a-board.txt")
    # minutes with no heading, no date and no attendance: all three warned about
    _minutes(folder / "b-notes.txt", "1. Roads\n\nThe potholes in Mill Lane were discussed at length.\n\n"
                                     "2. Any other business\n\nThere was none.\n")
    (folder / "c-empty.txt").write_text("", encoding="utf-8")
    r = ok(govkg("extract", folder))
    lines = r.stdout.splitlines()
    header = lines[0].split()
    assert header[0] == "file" and {"body", "actions", "warnings"} <= set(header)
    founding = next(line for line in lines if "a-board.txt" in line)
    notes = next(line for line in lines if "b-notes.txt" in line)
    empty = next(line for line in lines if "c-empty.txt" in line)
    assert "no attendance" not in founding and "no date" in founding  # the founding page states no date
    for warning in ("no body", "no date", "no attendance", "no decisions or actions"):
        assert warning in notes
    assert "not read" in empty
    assert re.search(r"^no attendance\s+1$", r.stdout, re.M)


def test_extract_several_files_as_json_gives_records_per_document(tmp_path):
    other = _minutes(tmp_path / "notes.txt", "Present: Cllr Ann Smith (Chair), Cllr Bob Jones.\n\n"
                                             "1. Roads\n\nRESOLVED that the potholes be reported.\n")
    data = json.loads(ok(govkg("extract", FOUNDING, other, "--format", "json")).stdout)
    assert [d["file"] for d in data] == [str(FOUNDING), str(other)]
    assert len(data[0]["decisions"]) == 5
    assert data[1]["attendance"] and data[1]["decisions"]


def test_summary_rows_from_the_library():
    from kg.summary import COLUMNS, summarise
    rows = summarise([FOUNDING])
    assert len(rows) == 1 and set(rows[0]) == set(COLUMNS)
    assert rows[0]["decisions"] == "5" and int(rows[0]["attendance"]) > 0
