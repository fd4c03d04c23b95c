"""Named SPARQL queries (kg/queries/NAME.rq) and running any query against the store.

Queries are data: each .rq file starts with a comment saying what it answers, its
columns, and `#@param KEY ?VAR [required]` lines mapping `-p KEY=VALUE` to the variable
the engine binds.  Values are never formatted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.errors import QueryError
from kg.store import GraphStore

_PARAM = re.compile(r"^#@param\s+(\w[\w-]*)\s+\?(\w+)(\s+required)?\s*$", re.M)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str
    params: dict[str, str] = field(default_factory=dict)  # -p key -> SPARQL variable
    required: frozenset[str] = frozenset()


def _parse(name: str, text: str) -> NamedQuery:
    params, required = {}, set()
    for key, var, req in _PARAM.findall(text):
        params[key] = var
        if req:
            required.add(key)
    desc_lines = []
    for line in text.splitlines():
        if not line.startswith("#") or line.startswith("#@"):
            break
        desc_lines.append(line.lstrip("# ").rstrip())
    return NamedQuery(name, text, " ".join(desc_lines), params, frozenset(required))


@lru_cache(maxsize=None)
def named_queries() -> dict[str, NamedQuery]:
    """Every query shipped in kg/queries, by name."""
    out = {}
    for entry in (resources.files("kg") / "queries").iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return out


def get_named(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"unknown query {name!r}; known queries: {', '.join(sorted(queries))}")
    return queries[name]


def from_text(text: str, name: str = "query") -> NamedQuery:
    """A user's own query (file or -e), with any #@param lines it declares."""
    return _parse(name, text)


def bind(query: NamedQuery, params: dict[str, str]) -> dict[str, str]:
    """Map `-p KEY=VALUE` to engine bindings: declared params by their variable, others as ?KEY."""
    missing = sorted(query.required - params.keys())
    if missing:
        raise QueryError(f"query {query.name!r} needs " + ", ".join(f"-p {m}=TEXT" for m in missing))
    bindings = {}
    for key, value in params.items():
        var = query.params.get(key, key)
        if not re.fullmatch(r"[A-Za-z_]\w*", var):
            raise QueryError(f"-p {key}: a parameter name must be a SPARQL variable name (letters, digits, _)")
        bindings[var] = value
    return bindings


_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*"
                     r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def is_update(text: str) -> bool:
    """True for SPARQL Update requests (INSERT, DELETE, DROP ...), which change the store."""
    return bool(_UPDATE.match(_strip_comments(text)))


def run(store: GraphStore, query: NamedQuery, params: dict[str, str] | None = None, *,
        timeout: float | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Run a query; returns (column names, rows of plain strings, unbound left out).

    With `timeout`, a local store is queried in a child process that is stopped when the
    time is up (Oxigraph cannot cancel a running query from Python).
    """
    if is_update(query.text):
        raise QueryError("this is a SPARQL update; govkg query only reads unless you pass --allow-update")
    text = with_values(query.text, bind(query, params or {}))
    if timeout is None or getattr(store, "path", None) is None:
        return store.select(text, {})
    return _run_with_timeout(store, text, {}, timeout)


_GROUP_OPEN = re.compile(r"\bWHERE\s*\{|\{", re.I)


def with_values(sparql: str, bindings: dict[str, str]) -> str:
    """Bind parameters with an inline VALUES block at the top of the WHERE group.

    Each value is serialised by Oxigraph as an escaped RDF literal, so quotes, braces,
    newlines or SPARQL keywords in it stay inside the literal; the engine then joins the
    binding like any other solution (the SPARQL 1.1 way rdflib's initBindings works too).
    """
    if not bindings:
        return sparql
    import pyoxigraph as ox
    # comment lines blanked to spaces of the same length, so offsets still match
    body = "\n".join(" " * len(line) if line.lstrip().startswith("#") else line for line in sparql.split("\n"))
    m = _GROUP_OPEN.search(body)
    if m is None:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    names = list(bindings)
    values = " ".join(str(ox.Literal(bindings[n])) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }} "
    return sparql[: m.end()] + block + sparql[m.end():]


def _child(path: str, base: str, text: str, bindings: dict[str, str], conn) -> None:
    try:
        st = GraphStore(path, read_only=True, base=base)
        conn.send(("ok", st.select(text, bindings)))
    except Exception as e:  # sent back to the parent, which raises it as a QueryError
        conn.send(("error", str(e)))
    finally:
        conn.close()


def _run_with_timeout(store: GraphStore, text: str, bindings: dict[str, str], timeout: float):
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(store.path), store.base, text, bindings, child), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(timeout):
        proc.kill()
        proc.join()
        raise QueryError(f"the query ran longer than --timeout {timeout:g} s and was stopped; "
                         "narrow it (LIMIT, more specific patterns) or raise the timeout")
    status, payload = parent.recv()
    proc.join()
    if status == "error":
        raise QueryError(payload)
    return payload


def run_named(store: GraphStore, name: str, params: dict[str, str] | None = None
              ) -> tuple[list[str], list[dict[str, str]]]:
    return run(store, get_named(name), params)
