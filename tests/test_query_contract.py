"""The named-query contract (DESIGN.md section 4), through the CLI as a user runs it.

For every named query: `govkg query --name NAME --format json` prints a JSON array of
objects keyed by the contract's columns only, with plain-string values; `--format csv`
has exactly the contract's columns in the contract's order; and the rows hold what the
founding minutes plainly state.  Each .rq file says in a leading comment what it answers
and which -p parameters it takes.
"""
from __future__ import annotations

import csv
import io
import json
import re
from importlib import resources

import pytest

from tests.conftest import FOUNDING, govkg

# DESIGN.md section 4: name -> (columns in order, -p parameters)
CONTRACT = {
    "people": (["person", "name", "mention"], {}),
    "organisations": (["org", "name", "mention"], {}),
    "meetings": (["meeting", "body", "date", "chair", "source"], {}),
    "attendance": (["meeting", "person", "name", "role"], {}),
    "items": (["meeting", "item", "number", "time", "title", "presenter_name", "document"], {}),
    "declarations": (["declaration", "meeting", "item", "person", "name", "interest", "evidence"], {}),
    "decisions": (["decision", "meeting", "item", "text", "evidence"], {}),
    "actions": (["action", "meeting", "item", "text", "owner", "owner_name", "due", "evidence"], {}),
    "statements": (["statement", "meeting", "item", "speaker", "speaker_name", "verb", "text"], {}),
    "who-owns": (["thing", "relation", "owner", "owner_name", "evidence"], {"thing": "data set"}),
    "accountable": (["entity_name", "relation", "thing", "meeting", "evidence"], {"entity": "Hassall"}),
    "followups": (["action", "meeting", "owner_name", "text", "evidence", "status", "report_meeting",
                   "report_evidence", "report_status"], {}),
}
REQUIRED = {"who-owns": "thing", "accountable": "entity"}
ROLES = {"chair", "present", "apologies", "in_attendance", "substitute"}




def _args(name, store, fmt):
    _, params = CONTRACT[name]
    out = ["query", "--name", name, "--format", fmt, "--store", store]
    for k, v in params.items():
        out += ["-p", f"{k}={v}"]
    return out


def assert_one_line_error(result, code):
    assert result.exit_code == code, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("govkg: "), lines[0]
    assert "Traceback" not in result.output + result.stderr


@pytest.fixture(scope="module")
def rows_of(founding_store):
    """name -> rows of `govkg query --name NAME --format json` on the founding store (run once)."""
    cache = {}

    def get(name):
        if name not in cache:
            r = govkg(*_args(name, founding_store, "json"))
            assert r.exit_code == 0, (name, r.output, r.stderr)
            cache[name] = json.loads(r.stdout)
        return cache[name]
    return get


def _squash(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


# -- shape of every named query ----------------------------------------------------------------

@pytest.mark.parametrize("name", list(CONTRACT))
def test_json_is_an_array_of_objects_with_contract_keys_and_string_values(name, rows_of):
    columns, _ = CONTRACT[name]
    rows = rows_of(name)
    assert isinstance(rows, list)
    assert rows, f"{name}: no rows on the founding minutes"
    for row in rows:
        assert isinstance(row, dict), row
        assert set(row) <= set(columns), f"{name}: keys outside the contract: {set(row) - set(columns)}"
        for key, value in row.items():
            assert isinstance(value, str), (name, key, value)
            assert value != "", f"{name}: unbound {key} must be left out, not given as ''"


@pytest.mark.parametrize("name", list(CONTRACT))
def test_csv_header_is_the_contract_columns_in_order(name, founding_store):
    columns, _ = CONTRACT[name]
    r = govkg(*_args(name, founding_store, "csv"))
    assert r.exit_code == 0, r.stderr
    table = list(csv.reader(io.StringIO(r.stdout)))
    assert table[0] == columns
    assert all(len(row) == len(columns) for row in table[1:])


@pytest.mark.parametrize("name", list(CONTRACT))
def test_table_prints_a_header_line(name, founding_store):
    columns, _ = CONTRACT[name]
    r = govkg(*_args(name, founding_store, "table"))
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    # a table is for people: the contract's columns in order, less those that only hold
    # identifiers (json and csv keep every column); IRIs shown as names and dates
    header = lines[0].split()
    assert header and header == [c for c in columns if c in header], lines[0]
    assert set(lines[1].replace(" ", "")) == {"-"}, lines[1]
    assert "https://w3id.org/govkg/id/" not in r.stdout


@pytest.mark.parametrize("name", [n for n in CONTRACT if "evidence" in CONTRACT[n][0]])
def test_evidence_is_a_passage_of_the_minutes(name, rows_of):
    source = _squash(FOUNDING.read_text(encoding="utf-8"))
    with_evidence = [r for r in rows_of(name) if "evidence" in r]
    assert with_evidence, f"{name}: no row carries evidence"
    for r in with_evidence:
        assert _squash(r["evidence"]) in source, r["evidence"]


# -- what the founding minutes plainly state -----------------------------------------------------

def test_people_julia_hassall_is_also_j_hassall(rows_of):
    rows = rows_of("people")
    mentions = {r.get("mention") for r in rows if r["name"] == "Julia Hassall"}
    assert {"Julia Hassall", "J Hassall"} <= mentions
    assert len({r["person"] for r in rows if r["name"] == "Julia Hassall"}) == 1


def test_organisations_dfe_is_the_department_for_education(rows_of):
    rows = rows_of("organisations")
    assert "DfE" in {r.get("mention") for r in rows if r["name"] == "Department for Education"}


def test_meetings_one_meeting_with_its_source(rows_of):
    rows = rows_of("meetings")
    assert len(rows) == 1
    assert rows[0]["source"].endswith(FOUNDING.name)
    assert rows[0].get("body")


def test_attendance_apologies_from_kerry_crichlow(rows_of):
    rows = rows_of("attendance")
    assert {"name": "Kerry Crichlow", "role": "apologies"}.items() <= next(
        r for r in rows if r["name"] == "Kerry Crichlow").items()
    assert {r["role"] for r in rows} <= ROLES


def test_items_presenters_of_the_timed_items(rows_of):
    rows = rows_of("items")
    ofsted = [r for r in rows if r.get("time") == "15:15"]
    assert {r.get("presenter_name") for r in ofsted} >= {"Julia Hassall", "Gladys Rhodes White"}
    assert any("Ofsted Inspection" in r.get("title", "") for r in ofsted)
    assert {r.get("time") for r in rows} >= {"15:15", "16:00", "16:15"}


def test_declarations_cllr_meaden(rows_of):
    rows = rows_of("declarations")
    assert any(r.get("name") == "Cllr Meaden" and "daughter" in r.get("interest", "") for r in rows)


def test_decisions_the_five_resolutions(rows_of):
    rows = rows_of("decisions")
    assert len(rows) == 5, [r["text"] for r in rows]
    texts = " | ".join(r["text"] for r in rows)
    assert "revised Terms of Reference" in texts
    assert "small planning group" in texts


def test_decision_texts_start_with_the_words_resolved(rows_of):
    """'It was resolved that: The Board noted the report.' is 'The Board noted the report.'"""
    for r in rows_of("decisions"):
        assert re.match(r"\w", r["text"]), r["text"]


def test_actions_department_for_education_recruits_the_advisor(rows_of):
    rows = rows_of("actions")
    dfe = [r for r in rows if r.get("owner_name") == "Department for Education"]
    assert dfe and any("independent advisor" in r["text"] for r in dfe)
    assert all(r.get("evidence") for r in rows)


def test_statements_k_podmore_asked(rows_of):
    rows = rows_of("statements")
    assert any(r.get("speaker_name") == "K Podmore" and r.get("verb") == "asked" for r in rows)
    assert any(r.get("speaker_name") == "Julia Hassall" and r.get("verb") == "replied" for r in rows)


def test_who_owns_the_data_set(rows_of):
    rows = rows_of("who-owns")
    assert any(r.get("owner_name") == "Julia Hassall" and "Data Set" in r["thing"] for r in rows)
    assert all(r.get("relation") for r in rows)


def test_accountable_hassall(rows_of):
    rows = rows_of("accountable")
    assert {r["entity_name"] for r in rows} == {"Julia Hassall"}
    assert any(r["relation"] == "must do" and "Data Set" in r["thing"] for r in rows)
    assert any(r["relation"] == "presented" for r in rows)


# -- parameters ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(REQUIRED))
def test_a_missing_required_parameter_is_one_line_and_exit_1(name, founding_store):
    r = govkg("query", "--name", name, "--format", "json", "--store", founding_store)
    assert_one_line_error(r, 1)
    assert f"-p {REQUIRED[name]}=" in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("value", ['x") } ; DROP ALL #', "data' } UNION { ?s ?p ?o", "}\n}\nSELECT * {"])
def test_parameters_are_bound_not_pasted(value, founding_store):
    """Quotes, braces and keywords in a -p value stay inside a literal: no rows, no error."""
    r = govkg("query", "--name", "who-owns", "-p", f"thing={value}", "--format", "json", "--store", founding_store)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == []


def test_parameter_matching_is_case_insensitive(founding_store):
    r = govkg("query", "--name", "who-owns", "-p", "thing=DATA SET", "--format", "json", "--store", founding_store)
    assert r.exit_code == 0, r.stderr
    assert "Julia Hassall" in {row.get("owner_name") for row in json.loads(r.stdout)}


# -- the .rq files themselves -------------------------------------------------------------------

def _rq_files():
    return sorted((e.name[:-3], e.read_text(encoding="utf-8"))
                  for e in (resources.files("kg") / "queries").iterdir() if e.name.endswith(".rq"))


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if re.match(r"\s*(PREFIX|BASE|SELECT|CONSTRUCT|ASK|DESCRIBE)\b", line, re.I):
            break
        lines.append(line)
    return lines


def test_every_contract_query_is_shipped():
    assert set(CONTRACT) <= {name for name, _ in _rq_files()}


@pytest.mark.parametrize("name,text", _rq_files(), ids=[n for n, _ in _rq_files()])
def test_rq_file_starts_with_a_comment_saying_what_it_answers_and_its_parameters(name, text):
    header = _header(text)
    assert header and header[0].startswith("#"), f"{name}.rq must start with a # comment"
    assert all(line.startswith("#") or not line.strip() for line in header), header
    prose = " ".join(line.lstrip("# ").strip() for line in header if not line.startswith("#@"))
    assert len(prose.split()) >= 5, f"{name}.rq: say what the query answers"
    assert "Parameters:" in prose, f"{name}.rq: say which -p parameters it takes (or 'Parameters: none')"
    declared = re.findall(r"^#@param\s+([\w-]+)", text, re.M)
    for key in declared:
        assert f"-p {key}=" in prose, f"{name}.rq: document -p {key}=... in the comment"
    if not declared:
        assert "Parameters: none" in prose, f"{name}.rq takes no -p parameters: say 'Parameters: none'"


@pytest.mark.parametrize("name,text", _rq_files(), ids=[n for n, _ in _rq_files()])
def test_rq_columns_comment_matches_the_select(name, text):
    """Where a file lists its columns, they are the SELECT's variables in that order."""
    m = re.search(r"^#\s*Columns:\s*(.+)$", text, re.M)
    if not m:
        pytest.skip(f"{name}.rq lists no columns")
    listed = [c.strip() for c in m.group(1).split(",")]
    select = re.search(r"^\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*WHERE\b", text, re.M | re.S | re.I)
    assert select, f"{name}.rq: no SELECT ... WHERE"
    variables = re.findall(r"\?(\w+)(?![^()]*\))|AS\s+\?(\w+)\)", select.group(1))
    got = [a or b for a, b in variables]
    assert got == listed, (got, listed)
    if name in CONTRACT:
        assert listed == CONTRACT[name][0]
