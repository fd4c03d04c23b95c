"""remote: the graph in a SPARQL 1.1 server instead of a store folder.

`RemoteStore` has the interface that build, query, ask, viz, analyse, export and
validate use from `kg.store.GraphStore`, over HTTP with the standard library only.

Endpoint URL convention (`--endpoint URL`)
------------------------------------------
URL is the server's base URL, as `oxigraph serve --bind 127.0.0.1:7878` gives it:

    queries        URL/query    SPARQL 1.1 Protocol, POST form
    updates        URL/update   SPARQL 1.1 Protocol, POST form
    graph store    URL/store    SPARQL 1.1 Graph Store HTTP Protocol (?graph=IRI)

A URL whose path already ends in /query is taken as the query URL, the others beside it
(http://host/ds/query -> http://host/ds/update, http://host/ds/store).  `update_url`
overrides the update URL.  Where the server has no graph store at URL/store (HTTP 404,
405, 415 or 501), documents are written with one SPARQL Update request instead.

What is read
------------
Queries read the default graph, which, as in the local store, holds the merge of the live
document graphs and is kept in step by the same update that changes a document's graph
(kg.store.swap_update).  Any SPARQL 1.1 server works as it is.

Writes
------
One writer per endpoint (HTTP has no lock: do not run two builds into one server).  A
document's graph is replaced atomically: its N-Triples are PUT into a staging graph, then
one SPARQL Update swaps it in and merges it into the default graph (Oxigraph's own PUT
clears the target and loads it in two steps, so it is not used on the live graph directly).  A
build killed in between leaves a staging graph that queries never see and that the next
build removes.  The fallback without a graph store is one request,
un-merging the old version, `DROP SILENT GRAPH <g>` and two `INSERT DATA`, which the server
applies as one transaction.

Parameters
----------
`select(sparql, bindings)` binds values as a VALUES block at the top of the query's
WHERE group, each value written as an RDF literal by pyoxigraph (N-Triples escaping of
quotes, backslashes and line breaks): user text is never formatted into the query.  This
equals the engine's binding for every shipped query (their parameters are used in the
outer group); a variable used only inside a sub-SELECT would not see it.
"""
from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError, StoreError
from kg.store import rdflib_graph, swap_update, to_ox, unmerge_update, with_resync, with_values  # noqa: F401 - with_values is part of this API
from kg.vocab import DEFAULT_BASE, GOV

_NO_GSP = {404, 405, 415, 501}


class RemoteStore:
    """A SPARQL 1.1 server holding the graph: one named graph per source document."""

    path = None  # not a folder: kg.query runs queries here directly (no child process)
    read_only = False

    def __init__(self, endpoint_url: str, update_url: str | None = None, *, base: str = DEFAULT_BASE,
                 store_url: str | None = None, timeout: float = 120.0):
        url = endpoint_url.strip().rstrip("/")
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"--endpoint {endpoint_url!r}: give the server's http:// or https:// URL, "
                             "e.g. http://127.0.0.1:7878")
        root = url[: -len("/query")] if parts.path.endswith("/query") else url
        self.endpoint = url
        self.query_url = root + "/query"
        self.update_url = update_url or root + "/update"
        self.store_url = store_url or root + "/store"
        self.base = base
        self.timeout = timeout
        self._gsp = True  # until the server says it has no graph store
        host = parts.hostname or ""
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(host) else []
        self._opener = urllib.request.build_opener(*handlers)

    # -- life cycle ------------------------------------------------------------------
    def close(self) -> None:
        pass  # one connection per request: nothing held open

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    # -- HTTP ---------------------------------------------------------------------------
    def _open(self, req: urllib.request.Request, *, query: bool = False):
        try:
            return self._opener.open(req, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            detail = _first_line(e.read(4000).decode("utf-8", "replace")) or e.reason
            if query and e.code == 400:
                raise QueryError(f"the SPARQL endpoint refused the query: {detail}") from None
            err = StoreError(f"SPARQL endpoint {req.full_url.split('?')[0]} answered HTTP {e.code}: {detail}")
            err.status = e.code
            raise err from None
        except urllib.error.URLError as e:
            raise StoreError(f"cannot reach SPARQL endpoint {self.endpoint}: {_reason(e.reason)}; "
                             "is the server running?") from None
        except (TimeoutError, socket.timeout):
            raise StoreError(f"SPARQL endpoint {self.endpoint} did not answer within {self.timeout:g} s; "
                             "is it overloaded?") from None
        except OSError as e:  # connection reset while talking
            raise StoreError(f"lost the connection to SPARQL endpoint {self.endpoint}: {_reason(e)}") from None

    def _post_form(self, url: str, fields: list[tuple[str, str]], accept: str | None = None, *,
                   query: bool = False):
        data = urllib.parse.urlencode(fields).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        return self._open(urllib.request.Request(url, data=data, headers=headers, method="POST"), query=query)

    def _select_json(self, sparql: str) -> dict:
        # no dataset parameters: the default graph holds the merged live graphs
        fields = [("query", sparql)]
        with self._post_form(self.query_url, fields, "application/sparql-results+json", query=True) as resp:
            try:
                return json.load(resp)
            except ValueError:
                raise StoreError(f"SPARQL endpoint {self.query_url} did not answer with SPARQL JSON results; "
                                 "is --endpoint the server's base URL?") from None
            except OSError as e:
                raise StoreError(f"lost the connection to SPARQL endpoint {self.endpoint}: {_reason(e)}") from None

    def _rows(self, sparql: str) -> list[dict[str, str]]:
        data = self._select_json(sparql)
        return [{k: v["value"] for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])]

    def update(self, sparql: str) -> None:
        with self._post_form(self.update_url, [("update", sparql)], query=True):
            pass

    def user_update(self, sparql: str) -> None:
        """A user's update (`govkg query --allow-update --endpoint`), with the merged default
        graph brought back in step in the same request (see kg.store.with_resync)."""
        self.update(with_resync(sparql, self._staging_prefix()))

    # -- graphs ------------------------------------------------------------------------
    def _staging_prefix(self) -> str:
        return self.base + "staging/"

    def _graph_names(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return [r["g"] for r in rows if "g" in r]

    def live_graphs(self) -> list[ox.NamedNode]:
        prefix = self._staging_prefix()
        return [ox.NamedNode(g) for g in self._graph_names() if not g.startswith(prefix)]

    def drop_staging(self) -> int:
        """Remove staging graphs (left by a killed build).  Call only as the one writer."""
        prefix = self._staging_prefix()
        staged = [g for g in self._graph_names() if g.startswith(prefix)]
        if staged:
            self.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in staged))
        return len(staged)

    def replace_graph(self, graph_iri: str, staging_iri: str, triples) -> int:
        """Atomically make `graph_iri` hold exactly `triples` (N-Triples bytes/str or triples)."""
        live, staging = ox.NamedNode(graph_iri), ox.NamedNode(staging_iri)  # checked IRIs
        data = _ntriples(triples)
        n = data.count(b"\n")
        if self._gsp:
            try:
                self._put(staging, data)
            except StoreError as e:
                if getattr(e, "status", None) not in _NO_GSP:
                    raise
                self._gsp = False
            else:
                self.update(swap_update(live, staging, self._staging_prefix()))
                return n
        body = data.decode("utf-8")
        insert = (f"INSERT DATA {{ GRAPH {live} {{\n{body}}} }} ;\nINSERT DATA {{\n{body}}}" if n
                  else f"CREATE SILENT GRAPH {live}")
        self.update(f"{unmerge_update(live, self._staging_prefix())} ;\nDROP SILENT GRAPH {live} ;\n{insert}")
        return n

    def _put(self, graph: ox.NamedNode, data: bytes) -> None:
        url = self.store_url + "?" + urllib.parse.urlencode({"graph": graph.value})
        req = urllib.request.Request(url, data=data, method="PUT",
                                     headers={"Content-Type": "application/n-triples"})
        with self._open(req):
            pass

    def remove_graph(self, graph_iri: str) -> None:
        g = ox.NamedNode(graph_iri)
        self.update(f"{unmerge_update(g, self._staging_prefix())} ;\nDROP SILENT GRAPH {g}")

    def source_hashes(self) -> dict[str, str]:
        prefix = self._staging_prefix()
        rows = self._rows(f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?s {ox.NamedNode(str(GOV.sha256))} ?h }} }}")
        return {r["g"]: r["h"] for r in rows if "g" in r and "h" in r and not r["g"].startswith(prefix)}

    def source_hash(self, graph_iri: str) -> str | None:
        q = (f"SELECT ?h WHERE {{ GRAPH {ox.NamedNode(graph_iri)} "
             f"{{ ?s {ox.NamedNode(str(GOV.sha256))} ?h }} }} LIMIT 1")
        rows = self._rows(q)
        return rows[0].get("h") if rows else None

    # -- queries -----------------------------------------------------------------------
    def select(self, sparql: str, bindings: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
        """Run a SELECT over the union of live graphs; `bindings` as a VALUES block of literals."""
        _check_form(sparql)
        text = with_values(sparql, bindings) if bindings else sparql
        data = self._select_json(text)
        if "boolean" in data:
            raise QueryError("only SELECT queries return rows; use --format turtle with a CONSTRUCT via export")
        names = list(data.get("head", {}).get("vars", []))
        rows = []
        for b in data.get("results", {}).get("bindings", []):
            rows.append({n: b[n]["value"] for n in names if n in b})
        return names, rows

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the live graphs, streamed (graph store GET as N-Quads, else a SELECT as TSV)."""
        prefix = self._staging_prefix()
        if self._gsp:
            req = urllib.request.Request(self.store_url, headers={"Accept": "application/n-quads"})
            try:
                resp = self._open(req)
            except StoreError as e:
                if getattr(e, "status", None) not in _NO_GSP | {406}:
                    raise
            else:
                with resp:
                    for q in _stream(ox.parse(resp, format=ox.RdfFormat.N_QUADS), self.endpoint):
                        g = q.graph_name
                        if isinstance(g, ox.NamedNode) and not g.value.startswith(prefix):
                            yield q
                return
        query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        with self._post_form(self.query_url, [("query", query)], "text/tab-separated-values", query=True) as resp:
            for sol in _stream(ox.parse_query_results(resp, format=ox.QueryResultsFormat.TSV), self.endpoint):
                g = sol["g"]
                if isinstance(g, ox.NamedNode) and not g.value.startswith(prefix):
                    yield ox.Quad(sol["s"], sol["p"], sol["o"], g)

    def flush(self) -> None:
        """Nothing to do: the server persists each request."""

    def to_rdflib(self) -> Graph:
        return rdflib_graph(self.quads())

    def __len__(self) -> int:
        rows = self._rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!STRSTARTS(STR(?g), "
                          + str(ox.Literal(self._staging_prefix())) + ")) }")
        return int(rows[0]["n"]) if rows else 0


# -- helpers ------------------------------------------------------------------------------

def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _reason(reason) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _stream(it, endpoint: str):
    try:
        yield from it
    except SyntaxError as e:
        raise StoreError(f"SPARQL endpoint {endpoint} sent data that does not parse: {e}") from None
    except OSError as e:
        raise StoreError(f"lost the connection to SPARQL endpoint {endpoint}: {_reason(e)}") from None


def _ntriples(triples) -> bytes:
    if isinstance(triples, bytes):
        return triples
    if isinstance(triples, str):
        return triples.encode("utf-8")
    items = (t if isinstance(t, ox.Triple) else ox.Triple(*map(to_ox, t)) for t in triples)
    return ox.serialize(items, format=ox.RdfFormat.N_TRIPLES)


_EMPTY = None


def _check_form(sparql: str) -> None:
    """Refuse what is not a SELECT before it travels (parsed by Oxigraph on an empty store).

    Text Oxigraph cannot parse is sent as it is: the server may know more SPARQL."""
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = ox.Store()
    try:
        result = _EMPTY.query(sparql)
    except SyntaxError:
        return
    except (OSError, ValueError):
        return
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT queries return rows; use --format turtle with a CONSTRUCT via export")
