"""The graph in a SPARQL 1.1 server: a real `oxigraph serve` started for these tests."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import QueryError, StoreError
from kg.export import export_store
from kg.pipeline import build_into_store
from kg.query import named_queries, run, run_named
from kg.remote import RemoteStore, with_values
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE

from .conftest import FOUNDING, ROOT

HOSTILE = [
    'say "hello"',
    "it's {braces} and }} more {",
    "line one\nline two\r\nthree\ttab",
    '} ; DROP ALL ; INSERT DATA { <http://evil/s> <http://evil/p> "x" } #',
    'a\\" } ; DROP ALL #',
    "back\\slash and \\u0022 escape-looking text \\n",
    '"""triple""" and \'\'\'single\'\'\'',
    "?thing_text $var <http://x> # not a comment",
    "ünïcödé — “quotes” 🚀",
    "",
]


def _oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph, in the test extra)")
    location = tmp_path_factory.mktemp("oxigraph-server")
    # the free port is asked for, then released for the server to bind: another process may
    # take it in between (other suites run beside this one), so a server that exits at once
    # is started again on another port
    for attempt in range(3):
        port = _free_port()
        proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    why = proc.stderr.read().decode(errors="replace")[:500]
                    if attempt == 2 or proc.returncode is None or "in use" not in why.lower():
                        pytest.fail(f"oxigraph serve did not start: {why}")
                    break
                time.sleep(0.1)
        if proc.poll() is None:
            break
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def built(server):
    """The founding minutes built into the server through the CLI."""
    r = _cli("build", str(FOUNDING), "--endpoint", server)
    assert r.returncode == 0, r.stderr
    assert "1 built" in r.stdout
    return server


def test_cli_build_and_query_match_a_local_build(built, founding_store):
    remote = _cli("query", "--name", "people", "--endpoint", built, "--format", "json")
    local = _cli("query", "--name", "people", "--store", str(founding_store), "--format", "json")
    assert remote.returncode == 0, remote.stderr
    rows = json.loads(remote.stdout)
    assert rows and rows == json.loads(local.stdout)
    assert any(r["name"] == "Julia Hassall" for r in rows)


def test_every_named_query_matches_the_local_store(built, founding):
    body = {"body": "https://w3id.org/govkg/id/org/wirral-childrens-trust"}
    params = {"who-owns": {"thing": "data"}, "accountable": {"entity": "Hassall"}, "owners-of": {"word": "plan"},
              "link-actions": body, "report-sentences": body}
    # a query of one meeting is asked of the founding minutes' meeting, as found in the local store
    meeting = run(founding, named_queries()["meetings"], {})[1][0]["meeting"]
    params["meeting-sentences"] = {"meeting": meeting}
    with RemoteStore(built) as remote:
        for name, nq in sorted(named_queries().items()):
            p = params.get(name, {})
            cols_r, rows_r = run(remote, nq, p)
            cols_l, rows_l = run(founding, nq, p)
            assert cols_r == cols_l, name
            key = lambda r: json.dumps(r, sort_keys=True)  # noqa: E731 - order may differ without ORDER BY
            assert sorted(rows_r, key=key) == sorted(rows_l, key=key), name
        assert run_named(remote, "who-owns", {"thing": "data"})[1]  # the parameter did bind


def test_rebuild_is_unchanged_and_force_replaces_not_doubles(built):
    with RemoteStore(built) as st:
        before = len(st)
    assert before > 100
    assert "1 unchanged" in _cli("build", str(FOUNDING), "--endpoint", built).stdout
    forced = _cli("build", str(FOUNDING), "--endpoint", built, "--force")
    assert forced.returncode == 0 and "1 built" in forced.stdout
    with RemoteStore(built) as st:
        assert len(st) == before
        assert len(st.live_graphs()) == 1


@pytest.mark.parametrize("value", HOSTILE)
def test_bound_values_cannot_change_the_query(built, value):
    with RemoteStore(built) as st:
        before = len(st)
        cols, rows = st.select("SELECT ?v WHERE { }", {"v": value})
        assert cols == ["v"] and rows == [{"v": value}]  # the value came back exactly as given
        assert run_named(st, "who-owns", {"thing": value})[1] == [] or value == ""
        assert len(st) == before  # nothing was dropped or inserted


def test_values_block_opens_the_where_group():
    q = 'PREFIX x: <http://x/#a> # a { comment\nSELECT ?a (CONCAT("{", ?b) AS ?c) FROM <http://g> WHERE { ?a ?p "}" }'
    out = with_values(q, {"b": '"} DROP ALL {'})
    assert out.endswith('WHERE { VALUES (?b) { ("\\"} DROP ALL {") }\n ?a ?p "}" }')
    with pytest.raises(QueryError, match="variable name"):
        with_values(q, {"b c": "x"})


def test_export_and_rdflib_from_the_server(built, founding, tmp_path):
    with RemoteStore(built) as st:
        out = tmp_path / "remote.nq"
        n = export_store(st, "nquads", str(out))
        assert n == len(founding)
        remote_quads = sorted(str(q) for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
        assert remote_quads == sorted(str(q) for q in founding.quads())
        assert isomorphic(st.to_rdflib(), founding.to_rdflib())


def test_staging_is_invisible_and_dropped_by_the_next_build(built):
    staging = DEFAULT_BASE + "staging/left-by-a-killed-build"
    with RemoteStore(built) as st:
        before = len(st)
        st._put(ox.NamedNode(staging), b'<https://example.org/s> <https://example.org/p> "half written" .\n')
        assert staging not in {g.value for g in st.live_graphs()}
        assert st.select('SELECT ?s WHERE { ?s ?p "half written" }')[1] == []
        assert len(st) == before
        assert st.select("SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name }")[1]  # live still read
    report = build_into_store([str(FOUNDING)], None, endpoint=built)
    assert [r.status for r in report.results] == ["unchanged"]
    with RemoteStore(built) as st:
        assert st.drop_staging() == 0  # the build removed it


def test_update_fallback_without_a_graph_store(built):
    g, s = DEFAULT_BASE + "graph/fallback", DEFAULT_BASE + "staging/fallback"
    with RemoteStore(built, store_url=built + "/no-graph-store-here") as st:
        for text in ('first "one" }', "second\nline"):
            triples = [(URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(text))]
            assert st.replace_graph(g, s, triples) == 1
            assert not st._gsp  # it fell back to SPARQL Update
            rows = st.select("SELECT ?o WHERE { <https://example.org/s> ?p ?o }")[1]
            assert rows == [{"o": text}]
        st.remove_graph(g)
        assert g not in {x.value for x in st.live_graphs()}


def test_errors_are_one_clear_line(built):
    port = _free_port()
    with pytest.raises(StoreError, match=rf"cannot reach SPARQL endpoint http://127.0.0.1:{port}: "
                                         r"connection refused; is the server running\?"):
        RemoteStore(f"http://127.0.0.1:{port}").select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(StoreError, match="HTTP 404"):
        RemoteStore(built + "/not-here").select("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        RemoteStore(built).select("SELECT * WHERE { ?s ?p ")
    with pytest.raises(QueryError, match="only SELECT"):
        RemoteStore(built).select("ASK { ?s ?p ?o }")
    with pytest.raises(StoreError, match="http"):
        RemoteStore("ftp://example.org")
    r = _cli("query", "--name", "people", "--endpoint", f"http://127.0.0.1:{port}")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip() == (f"govkg: cannot reach SPARQL endpoint http://127.0.0.1:{port}: "
                                "connection refused; is the server running?")


def test_query_url_form_of_the_endpoint(built):
    st = RemoteStore(built + "/query")
    assert (st.query_url, st.update_url, st.store_url) == (built + "/query", built + "/update", built + "/store")
    assert st.select("SELECT ?v WHERE { }", {"v": "x"})[1] == [{"v": "x"}]


def test_local_and_remote_stores_share_an_interface(founding_store, built):
    with GraphStore(founding_store, read_only=True) as local, RemoteStore(built) as remote:
        for name in ("select", "replace_graph", "source_hash", "source_hashes", "quads", "to_rdflib",
                     "live_graphs", "close", "__enter__", "__exit__", "base", "path"):
            assert hasattr(local, name) and hasattr(remote, name), name
        assert remote.path is None and remote.base == local.base
        assert remote.source_hashes() == local.source_hashes()


@pytest.mark.parametrize("args", [["ask", "who sent apologies"], ["export", "--format", "nt"], ["validate"],
                                  ["analyse", "busiest"], ["path", "Julia Hassall", "Department for Education"]])
def test_every_reading_command_works_against_the_endpoint(built, args):
    p = _cli(*args, "--endpoint", built)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip()
