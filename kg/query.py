"""Named SPARQL queries (kg/queries/NAME.rq) and running any query against the store.

Queries are data: each .rq file starts with a comment saying what it answers, its
columns, and `#@param KEY ?VAR [required]` lines mapping `-p KEY=VALUE` to the variable
the engine binds.  Values are never formatted into the query text.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kg.errors import QueryError, UsageError
from kg.store import GraphStore, holds_oxigraph

_PARAM = re.compile(r"^#@param\s+(\w[\w-]*)\s+\?(\w+)(\s+required)?\s*$", re.M)
# `#@index KEY ?VAR KIND`: the text index (kg.textindex) narrows ?VAR to the subjects whose
# text of KIND (thing | name | owned: a thing some graph names an owner of) contains the
# value of -p KEY; the query's own filter decides
_INDEX = re.compile(r"^#@index\s+(\w[\w-]*)\s+\?(\w+)\s+(thing|name|owned)\s*$", re.M)
# `#@scope ?VAR`: ?VAR holds each row's meeting, so --body, --since and --until can keep the
# rows of one body's meetings in a date range (see `scoped`)
_SCOPE = re.compile(r"^#@scope\s+\?(\w+)\s*$", re.M)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    description: str
    params: dict[str, str] = field(default_factory=dict)  # -p key -> SPARQL variable
    required: frozenset[str] = frozenset()
    indexed: tuple[tuple[str, str, str], ...] = ()  # (-p key, variable, kind) narrowed by the text index
    scope: str | None = None  # the variable holding each row's meeting (#@scope)


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
    scope = _SCOPE.search(text)
    return NamedQuery(name, text, " ".join(desc_lines), params, frozenset(required),
                      tuple(_INDEX.findall(text)), scope.group(1) if scope else None)


def _queries_folder():
    # the package's folder when it is one (every install but a zip): importlib.resources and
    # what it imports cost each command more than reading the queries does
    from pathlib import Path
    folder = Path(__file__).with_name("queries")
    if folder.is_dir():
        return folder
    from importlib import resources
    return resources.files("kg") / "queries"


@lru_cache(maxsize=None)
def named_queries() -> dict[str, NamedQuery]:
    """Every query shipped in kg/queries, by name."""
    out = {}
    for entry in _queries_folder().iterdir():
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
    named = named_queries().get(query.name)
    declares = bool(query.params) or (named is not None and named.text == query.text)
    unknown = sorted(k for k in params if k not in query.params)
    if unknown and declares:
        # a misspelt key would otherwise bind nothing and silently answer for everything
        takes = ", ".join(f"-p {k}=..." for k in sorted(query.params)) or "no -p parameters"
        raise QueryError(f"query {query.name!r} has no parameter {', '.join(repr(k) for k in unknown)}; "
                         f"it takes {takes}")
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


# Where a query's prologue ends: white space, comments, PREFIX and BASE declarations.
_SKIP = re.compile(r"(?:\s|#[^\n]*)*")
_DECL = re.compile(r"PREFIX\s*[^\s:<>]*:\s*<[^<>]*>|BASE\s*<[^<>]*>", re.I)
_UPDATE_WORD = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def is_update(text: str) -> bool:
    """True for SPARQL Update requests (INSERT, DELETE, DROP ...), which change the store.

    The first keyword after the prologue decides, so comments anywhere in the prologue
    (even after a PREFIX on the same line) cannot hide an update.
    """
    pos = 1 if text.startswith("\ufeff") else 0
    while True:
        pos = _SKIP.match(text, pos).end()
        decl = _DECL.match(text, pos)
        if not decl:
            break
        pos = decl.end()
    return bool(_UPDATE_WORD.match(text, pos))


# pyoxigraph: "error at LINE:COLUMN: expected ..." (also "LINE:COL-LINE:COL"); the column
# counts characters from 1 and is the furthest point the parser reached.
_AT = re.compile(r"error at (\d+):(\d+)(?:\s*-\s*\d+:\d+)?\s*:?\s*(.*)", re.S)
_CHAR_CLASS = re.compile(r"\[[^\]]*\]")


def _what_was_expected(detail: str) -> str:
    """pyoxigraph's list of expected tokens, cut to what helps a person."""
    detail = " ".join(detail.split())
    m = re.match(r"expected (?:one of )?(.*)$", detail)
    if not m:
        return detail[:200]
    items = [i.strip() for i in _CHAR_CLASS.sub("", m.group(1)).split(", ")]
    items = [i for i in items if i and i not in ("[_]",)]
    if "IRI parsing failed" in items:
        return "an IRI <...> there is not valid (spaces or other characters not allowed in IRIs?)"
    sentences = [i for i in items if len(i.split()) >= 3]
    if sentences:  # "The SELECT contains a variable that is unbound"
        return sentences[0]
    if not items:
        return "unexpected text"
    shown = ", ".join(items[:8]) + (", ..." if len(items) > 8 else "")
    return f"expected {shown}" if len(items) == 1 else f"expected one of {shown}"


def explain_syntax_error(text: str, message: str) -> str:
    """Turn pyoxigraph's "error at 3:17: expected ..." into line, column and the text there."""
    m = _AT.search(message)
    if not m:
        return message
    line_no, col = int(m.group(1)), int(m.group(2))
    lines = text.split("\n")
    line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    offset = sum(len(x) + 1 for x in lines[:max(0, line_no - 1)]) + col - 1
    at_end = offset >= len(text.rstrip())
    before = " ".join(line[:max(0, col - 1)].split())[-30:]
    where = f"line {line_no}, column {col}"
    if at_end:
        where += " (the end of the query)"
    elif before:
        where += f", after {before!r}"
    kind = "SPARQL update" if "update" in message[:m.start()] else "SPARQL"
    return f"malformed {kind} at {where}: {_what_was_expected(m.group(3))}"


# Deeper than this, a query is not one a person wrote; Oxigraph's recursive parser
# overflows its stack (a segmentation fault) on 10,000 nested braces.
MAX_NESTING = 200
_SERVICE = re.compile(r"(?<![?$\w:.-])SERVICE\b(?![:\w-])", re.I)


def _code_only(text: str):
    """The query text with strings, IRIs and comments taken out (they may hold any word or brace)."""
    from kg.store import _SKIP
    pos = 0
    for m in _SKIP.finditer(text):
        yield text[pos:m.start()]
        yield " "
        pos = m.end()
    yield text[pos:]


def check_text(text: str, *, allow_service: bool = False) -> None:
    """Refuse, before any parser sees it, a query nested too deep or (unless allowed) one
    that would make the store call another server (SERVICE)."""
    depth = deepest = 0
    for piece in _code_only(text):
        if not allow_service and _SERVICE.search(piece):
            raise QueryError("the query calls another SPARQL service (SERVICE), which govkg does not do "
                             "unless you pass --allow-service")
        for c in piece:
            if c in "{([":
                depth += 1
                if depth > deepest:
                    deepest = depth
                    if deepest > MAX_NESTING:
                        raise QueryError(f"the query nests braces or brackets more than {MAX_NESTING} deep; "
                                         "write it with fewer nested groups")
            elif c in "})]":
                depth -= 1


def run(store: GraphStore, query: NamedQuery, params: dict[str, str] | None = None, *,
        timeout: float | None = None, allow_service: bool = False, limit: int | None = None,
        offset: int = 0, body: str | None = None, since: str | None = None,
        until: str | None = None, meeting: str | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Run a query; returns (column names, rows of plain strings, unbound left out).

    `limit` and `offset` page the rows (in the query's own order).  `body`, `since` and
    `until` (YYYY-MM-DD, both days included) keep the rows of the meetings of that body
    and in that range, and `meeting` (an IRI) the rows of that one meeting, for a query
    that names its meeting variable (`#@scope`).

    With `timeout`, a local store is queried in a child process that is stopped when the
    time is up (Oxigraph cannot cancel a running query from Python); a SPARQL endpoint is
    given that long to answer.  SERVICE calls are refused unless `allow_service`.
    """
    try:
        if timeout is not None and getattr(store, "path", None) is None and hasattr(store, "timeout"):
            store.timeout = timeout  # an endpoint: the time it has to answer
        deadline = None if timeout is None else time.monotonic() + timeout

        def select(text: str, bindings: dict[str, str]):
            if deadline is None or getattr(store, "path", None) is None:
                return store.select(text, bindings)
            return _run_with_timeout(store, text, bindings, max(deadline - time.monotonic(), 0.001), timeout)
        if limit is None and not offset and body is None and since is None and until is None and meeting is None:
            kept = _read_from_index(store, query, params)
            if kept is not None:
                return kept
        listed = _listing_from_index(store, query, params, limit, offset, body, since, until, meeting)
        if listed is not None:
            return listed
        pages = _meeting_pages(store, query, params, allow_service, limit, offset, body, since, until, meeting)
        if pages is not None:
            columns, rows = pages(select)
            return columns, list(rows)
        text, bindings = _prepared(store, query, params, allow_service, limit, offset, body, since, until,
                                   meeting)
        return select(text, bindings)
    except QueryError as e:
        raise QueryError(explain_syntax_error(query.text, str(e))) from None


def _read_from_index(store, query: NamedQuery, params) -> tuple[list[str], list[dict[str, str]]] | None:
    """A shipped query the text index keeps rows for (kg.textindex.READS), answered from
    those rows, which are the query's over the store; None for any other query or store."""
    from kg import textindex
    if query.name not in textindex.READS or named_queries().get(query.name, None) is None \
            or named_queries()[query.name].text != query.text:
        return None
    bind(query, params or {})  # the same errors for a missing or unknown parameter
    return textindex.read(store, query.name, {k: str(v) for k, v in (params or {}).items()})


def _listing_from_index(store, query: NamedQuery, params, limit, offset, body, since, until, meeting,
                        streamed: bool = False) -> tuple[list[str], list[dict[str, str]]] | None:
    """A page or scope of a shipped listing the text index answers (kg.textindex.LISTINGS:
    the follow-ups, the meetings; PAGED_LISTINGS: the other listings with a meeting) read
    from its rows, which are the query's over the store (rows and order); None for any
    other query or store, or a whole listing (`run` reads that from the index's READS, as
    it reads any, or streams it from the store).  `streamed`: the follow-ups without a
    limit, whole or scoped, handed out a few meetings at a time (an iterator, not a list)."""
    from kg import textindex
    if query.name not in (*textindex.LISTINGS, *textindex.PAGED_LISTINGS) \
            or named_queries()[query.name].text != query.text:
        return None
    streamed = streamed and query.name == "followups" and limit is None
    if not streamed and limit is None and not offset and body is None and since is None and until is None \
            and meeting is None:
        return None
    _checked(query, params, False)  # the same errors for a parameter the listing does not take
    paged("SELECT * WHERE {}", limit, offset)  # the page's numbers, checked
    for flag, value in (("--since", since), ("--until", until)):
        check_day(flag, value)
    index = textindex.reader_index(store)
    if index is None:
        return None
    import sqlite3
    try:
        scope = textindex.Scope(None if body is None else tuple(textindex.bodies_named(index, body)), since, until,
                                None if meeting is None else _meeting_iri(meeting))
        columns = textindex.READS[query.name][0] if query.name in textindex.READS \
            else textindex.PAGED_LISTINGS[query.name]
        if streamed:
            return list(columns), textindex.followup_rows_iter(index, scope, offset)
        return list(columns), textindex.listing_page(index, query.name, scope, limit, offset)
    except sqlite3.Error:
        return None


def stream(store: GraphStore, query: NamedQuery, params: dict[str, str] | None = None, *,
           allow_service: bool = False, limit: int | None = None, offset: int = 0, body: str | None = None,
           since: str | None = None, until: str | None = None, meeting: str | None = None
           ) -> tuple[list[str], Iterator[dict[str, str]]]:
    """`run` without a timeout, the rows handed out as the local store's engine gives them
    (not held in a list); an endpoint's rows come as one answer."""
    try:
        if limit is None and query.name == "followups":
            listed = _listing_from_index(store, query, params, limit, offset, body, since, until, meeting,
                                         streamed=True)
            if listed is not None:
                return listed
        if limit is None and not offset and body is None and since is None and until is None and meeting is None:
            kept = _read_from_index(store, query, params)
            if kept is not None:
                return kept[0], iter(kept[1])
        listed = _listing_from_index(store, query, params, limit, offset, body, since, until, meeting)
        if listed is not None:
            return listed[0], iter(listed[1])
        pages = _meeting_pages(store, query, params, allow_service, limit, offset, body, since, until, meeting)
        if pages is not None:
            return pages(getattr(store, "iter_select", store.select))
        text, bindings = _prepared(store, query, params, allow_service, limit, offset, body, since, until,
                                   meeting)
        if not hasattr(store, "iter_select"):
            columns, rows = store.select(text, bindings)
            return columns, iter(rows)
        return store.iter_select(text, bindings)
    except QueryError as e:
        raise QueryError(explain_syntax_error(query.text, str(e))) from None


def _checked(query: NamedQuery, params, allow_service) -> dict[str, str]:
    if is_update(query.text):
        raise QueryError("this is a SPARQL update; govkg query only reads unless you pass --allow-update")
    check_text(query.text, allow_service=allow_service)
    return bind(query, params or {})


def _prepared(store, query: NamedQuery, params, allow_service, limit, offset, body, since, until,
              meeting=None) -> tuple[str, dict[str, str]]:
    """The text to run and its engine bindings: checked, narrowed by the text index and
    the scope, paged."""
    bindings = _checked(query, params, allow_service)
    text, scope_bindings = scoped(store, query, narrowed(store, query, params or {}), body, since, until,
                                  meeting=meeting)
    bindings.update(scope_bindings)
    return paged(text, limit, offset), bindings


# the first key of each ORDER BY of a query (the last one is the query's own, not a sub-select's)
_ORDER_FIRST = re.compile(r"\bORDER\s+BY\s+(\?\w+|\S)", re.I)
# meetings in the first query of a page, doubled for each next one, until this many are
# read one by one (the rest of the scope is then read in one query)
_FIRST_MEETINGS = 2
_MOST_MEETINGS = 30
# CPU seconds of those queries past which a listing that has not filled a fifth of its page
# is read to the end in one query (the rows are the same either way; only the time differs)
_SPARSE_CPU = 0.05


def _meeting_pages(store, query: NamedQuery, params, allow_service, limit, offset, body, since, until,
                   meeting=None):
    """A page of a listing ordered by its meeting first, taken meeting by meeting.

    Whatever the scope (the whole store, a body, a range of dates), the store would
    otherwise find and sort every row of every meeting in it to hand out the first
    twenty.  The rows of a listing sorted by ?meeting first are the rows of its meetings
    one after the other, so the page is the rows of the scope's first meetings (in IRI
    order, the engine's order of ?meeting): a few meetings, then twice as many, until
    the page is full.  One meeting (`meeting`) is read the same way, paged or not.
    None when this does not apply (no page or meeting asked for, another order, or a
    store that is not local); `_prepared` then does it in one query.  Returns a function
    of the select to use, giving (columns, rows)."""
    if query.scope is None or (limit is None and meeting is None):
        return None
    orders = _ORDER_FIRST.findall(" ".join(_code_only(query.text)))
    if not orders or orders[-1] != "?" + query.scope:
        return None
    if body is None and since is None and until is None and meeting is None and not holds_oxigraph(store):
        return None  # an endpoint pages the whole listing itself
    bindings = _checked(query, params, allow_service)
    paged("SELECT * WHERE {}", limit, offset)  # the page's numbers, checked
    from kg.store import where_brace
    base = narrowed(store, query, params or {})
    if meeting is not None and body is None and since is None and until is None:
        meetings = [_meeting_iri(meeting)]
    else:
        meetings = _meetings_with_rows(store, query, body, since, until)
        if meetings is None:
            meetings = scope_meetings(store, body, since, until)
        if meeting is not None:
            meetings = [m for m in meetings if m == _meeting_iri(meeting)]
    var, at = query.scope, where_brace(base)
    need = None if limit is None else offset + limit

    def text_for(chunk: list[str], want: int) -> str:
        # IRIs read from the store and written by pyoxigraph, never user text
        import pyoxigraph as ox
        values = " ".join(str(ox.NamedNode(m)) for m in chunk)
        return paged(base[:at] + f"\n  VALUES ?{var} {{ {values} }}\n" + base[at:], want)

    spent = [0.0]  # CPU seconds of the meeting-by-meeting queries so far

    def timed(select, text):
        t = time.process_time()
        try:
            return select(text, bindings)
        finally:
            spent[0] += time.process_time() - t

    def pages(select):
        columns, first = timed(select, text_for(meetings[:_FIRST_MEETINGS], need))

        def rows():
            got, start, size, part = 0, _FIRST_MEETINGS, _FIRST_MEETINGS, first
            while True:
                for row in part:
                    if need is not None and got >= need:
                        return
                    if got >= offset:
                        yield row
                    got += 1
                if (need is not None and got >= need) or start >= len(meetings):
                    return
                if need is not None and start >= _MOST_MEETINGS and got * 5 < need and spent[0] >= _SPARSE_CPU:
                    # a sparse listing (declarations): its rows are few, but each meeting's
                    # facts are many; the rest of the scope in one query, as without pages.
                    # Not when the meetings read so far were cheap (minutes with few facts,
                    # which come first in IRI order): the whole of a dense listing costs
                    # seconds (attendance, 40 s at 3,924 documents), its next meetings little
                    for row in select(rest_after(meetings[start - 1], need - got), bindings)[1]:
                        if got >= offset:
                            yield row
                        got += 1
                    return
                size *= 2
                chunk, start = meetings[start:start + size], start + size
                part = timed(select, text_for(chunk, None if need is None else need - got))[1]
        return columns, rows()

    def rest_after(last: str, want: int | None) -> str:
        text, scope_bindings = scoped(store, query, base, body, since, until)
        bindings.update(scope_bindings, scope_after=last)
        at = where_brace(text)
        return paged(text[:at] + f"\n  FILTER(STR(?{var}) > ?scope_after)\n" + text[at:], want)
    return pages


def _meetings_with_rows(store, query: NamedQuery, body, since, until) -> list[str] | None:
    """The meetings of the scope that a shipped listing may have rows at, in IRI order, from
    the text index (kg.textindex.listing_meetings): a page then reads no meeting without
    any (runs of them come first in IRI order, and a sparse listing such as declarations
    has none at most meetings).  None when the index cannot say."""
    from kg import docrows, textindex
    if query.name not in docrows.LISTING_CLASSES or named_queries()[query.name].text != query.text:
        return None
    index = textindex.reader_index(store)
    if index is None:
        return None
    import sqlite3
    try:
        return textindex.listing_meetings(index, query.name, textindex.Scope(
            None if body is None else tuple(textindex.bodies_named(index, body)), since, until))
    except sqlite3.Error:
        return None


def _meeting_iri(meeting: str) -> str:
    """A meeting's IRI as the store writes it (checked: it goes into a query as an IRI)."""
    import pyoxigraph as ox
    try:
        return ox.NamedNode(meeting).value
    except ValueError:
        raise QueryError(f"--meeting {meeting!r}: give the meeting's IRI, as the meetings listing "
                         "shows it") from None


def check_day(flag: str, value: str | None) -> str | None:
    """`value` (given as `flag`) is None or a real calendar day written YYYY-MM-DD; returned as
    given.  Anything else is a UsageError (exit code 2): a date option written wrong is the
    command line's fault whatever the store holds, the same for --date, --as-of, --since and
    --until (DESIGN.md section 3: 2 for usage, 1 for input the store or files make wrong)."""
    if value is None:
        return None
    import datetime
    try:
        ok = bool(_ISO_DATE.fullmatch(value)) and datetime.date.fromisoformat(value) is not None
    except ValueError:
        ok = False
    if not ok:
        raise UsageError(f"{flag} {value!r}: give a real calendar date as YYYY-MM-DD")
    return value


def scope_meetings(store, body: str | None, since: str | None, until: str | None) -> list[str]:
    """The IRIs of the meetings of `body` held between `since` and `until` (as `scoped`
    keeps them), in IRI order; read from the text index's meeting scopes where the store
    has one (the same meetings, kept in step with the store)."""
    from kg import textindex
    index = textindex.reader_index(store)
    if index is not None:
        import sqlite3
        try:
            scope = textindex.Scope(None if body is None else tuple(textindex.bodies_named(index, body)),
                                    since, until)
            cond, args = scope.sql()
            return sorted({m for (m,) in index.db.execute(f"SELECT DISTINCT meeting FROM mscope WHERE 1{cond}",
                                                          args)})
        except sqlite3.Error:
            pass  # an unreadable index only costs speed: the store answers
    # the meetings and the subjects naming the body found apart and joined: a body's
    # report-backs name it too, and outnumber its meetings, so checking the type of each
    # subject of the body costs more than reading every meeting of the store
    meetings = "{ SELECT ?scope_meeting WHERE { ?scope_meeting a <https://w3id.org/govkg/ontology#Meeting> } }"
    if body is not None:
        of_body, _ = scoped(store, _MEETINGS_OF_SCOPE, "SELECT DISTINCT ?scope_meeting WHERE { }", body, None, None)
        meetings += " { " + of_body + " }"
    text, bindings = scoped(store, _MEETINGS_OF_SCOPE, f"SELECT DISTINCT ?scope_meeting WHERE {{ {meetings} }}",
                            None, since, until)
    return sorted({r["scope_meeting"] for r in store.select(text, bindings)[1]})


_MEETINGS_OF_SCOPE = NamedQuery("meetings-of-scope", "", "", scope="scope_meeting")


_ENDS_PAGED = re.compile(r"\b(?:LIMIT|OFFSET)\s+\d+\s*$", re.I)


def paged(text: str, limit: int | None, offset: int = 0) -> str:
    """The query with LIMIT/OFFSET after it (whole numbers, checked: never user text)."""
    if limit is None and not offset:
        return text
    if (limit is not None and (not isinstance(limit, int) or limit < 0)) or not isinstance(offset, int) or offset < 0:
        raise QueryError("--limit and --offset take whole numbers from 0 up")
    body = re.sub(r"(?:\s|#[^\n]*)*$", "", text)
    if _ENDS_PAGED.search(body):
        raise QueryError("the query has its own LIMIT or OFFSET; drop it or --limit/--offset")
    return body + (f"\nLIMIT {limit}" if limit is not None else "") + (f"\nOFFSET {offset}" if offset else "") + "\n"


def narrowed(store, query: NamedQuery, params: dict[str, str]) -> str:
    """The query text, with a VALUES block of the text index's candidates for each of its
    `#@index` parameters (the query's filter still decides); as it is where there is no
    index (a remote store, a value under three characters)."""
    if not query.indexed:
        return query.text
    import pyoxigraph as ox
    from kg import textindex
    from kg.store import where_brace
    text = query.text
    for key, var, kind in query.indexed:
        value = params.get(key)
        if value is None:
            continue
        try:
            found = textindex.lookup(store, [value], kind)
        except Exception:  # an unreadable index only costs speed: the query scans
            found = None
        if found is None:
            continue
        # IRIs written by pyoxigraph (checked), never user text
        values = " ".join(str(ox.NamedNode(iri)) for iri in sorted(found))
        at = where_brace(text)
        text = text[:at] + f" VALUES ?{var} {{ {values} }}\n" + text[at:]
    return text


def scoped(store, query: NamedQuery, text: str, body: str | None, since: str | None,
           until: str | None, *, meeting: str | None = None) -> tuple[str, dict[str, str]]:
    """The query text restricted to the meetings of `body` held between `since` and `until`,
    and the bindings that go with it.

    The patterns open the query's WHERE group, so the store starts from the body's meetings
    rather than filtering every row.  The body is matched by name as `govkg actions --body`
    matches it (or by its IRI); its IRIs are written by pyoxigraph, and the dates are bound
    by the engine as literals: no user text enters the query."""
    if body is None and since is None and until is None and meeting is None:
        return text, {}
    if query.scope is None:
        raise QueryError(f"query {query.name!r} has no meeting to filter by, so it takes no "
                         "--body, --since, --until or --meeting; use them with a listing such as meetings or actions")
    for flag, value in (("--since", since), ("--until", until)):
        check_day(flag, value)
    import pyoxigraph as ox
    from kg.store import where_brace
    var = query.scope
    parts, bindings = [], {}
    if meeting is not None:
        parts.append(f"VALUES ?{var} {{ {ox.NamedNode(_meeting_iri(meeting))} }}")
    if body is not None:
        values = " ".join(str(ox.NamedNode(iri)) for iri in bodies_named(store, body))
        parts.append(f"VALUES ?scope_body {{ {values} }} ?{var} <https://w3id.org/govkg/ontology#body> ?scope_body .")
    if since is not None or until is not None:
        parts.append(f"?{var} <http://purl.org/dc/terms/date> ?scope_date . "
                     "BIND(SUBSTR(STR(?scope_date), 1, 10) AS ?scope_day)")
    if since is not None:
        parts.append("FILTER(?scope_day >= ?scope_since)")
        bindings["scope_since"] = since
    if until is not None:
        parts.append("FILTER(?scope_day <= ?scope_until)")
        bindings["scope_until"] = until
    at = where_brace(text)
    return text[:at] + "\n  " + "\n  ".join(parts) + "\n" + text[at:], bindings


def bodies_named(store, name: str) -> list[str]:
    """The IRIs of the bodies of stored meetings whose name fits `name` (as the action
    tracker's --body matches it), or whose IRI is `name`."""
    from kg.followups import _name_fits
    # the bodies first (one pass over gov:body), then whether each has a meeting: not a
    # look-up of the type of every meeting of the store
    rows = store.select("PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                        "SELECT ?b ?name WHERE { { SELECT DISTINCT ?b WHERE { ?x gov:body ?b } } "
                        "FILTER EXISTS { ?m gov:body ?b ; a gov:Meeting } "
                        "OPTIONAL { ?b foaf:name ?name } }")[1]
    return sorted({r["b"] for r in rows if r["b"] == name or _name_fits(name, [r.get("name", "")])})


def check_body(store, name: str | None) -> None:
    """Raise a QueryError naming the store's bodies when `name` is given and fits none of
    them (a listing narrowed to a misspelt body would print no rows and say nothing)."""
    if name is None or bodies_named(store, name):
        return
    rows = store.select("PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                        "SELECT DISTINCT ?name WHERE { ?m a gov:Meeting ; gov:body ?b . ?b foaf:name ?name }")[1]
    names = sorted({" ".join(r["name"].split()) for r in rows if r.get("name")})
    shown = "; ".join(names[:12]) + (f"; and {len(names) - 12} more" if len(names) > 12 else "")
    raise QueryError(f"--body {name!r}: no body of the store's meetings has that name"
                     + (f"; the bodies are: {shown}" if names else "; the store holds no meetings"))


def run_update(store: GraphStore, query: NamedQuery, *, allow_service: bool = False) -> None:
    """Apply a SPARQL update (only for `govkg query --allow-update`), to a store folder or
    an endpoint; the merged default graph follows what it does to the document graphs."""
    check_text(query.text, allow_service=allow_service)
    try:
        getattr(store, "user_update", store.update)(query.text)
    except QueryError as e:
        raise QueryError(explain_syntax_error(query.text, str(e))) from None
    except (OSError, ValueError) as e:
        raise QueryError(f"update failed: {e}") from None


def _child(path: str, base: str, text: str, bindings: dict[str, str], conn) -> None:
    try:
        st = GraphStore(path, read_only=True, base=base)
        conn.send(("ok", st.select(text, bindings)))
    except Exception as e:  # sent back to the parent, which raises it as a QueryError
        conn.send(("error", str(e)))
    finally:
        conn.close()


def _run_with_timeout(store: GraphStore, text: str, bindings: dict[str, str], timeout: float,
                      asked: float | None = None):
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(store.path), store.base, text, bindings, child), daemon=True)
    proc.start()
    child.close()
    if not parent.poll(timeout):
        proc.kill()
        proc.join()
        raise QueryError(f"the query ran longer than --timeout {asked or timeout:g} s and was stopped; "
                         "narrow it (LIMIT, more specific patterns) or raise the timeout")
    try:
        status, payload = parent.recv()
    except (EOFError, OSError):
        # the child died without an answer (killed, or out of memory)
        proc.join()
        raise QueryError(f"the query process ended without an answer (exit code {proc.exitcode}); "
                         "narrow the query or give it more memory") from None
    proc.join()
    if status == "error":
        raise QueryError(payload)
    return payload


def run_named(store: GraphStore, name: str, params: dict[str, str] | None = None
              ) -> tuple[list[str], list[dict[str, str]]]:
    """Run a named query.  On a read-only store folder (a snapshot: it never changes under
    its handle) the rows of a query without parameters are kept with the handle, so a
    question that reads the meetings or the people three times reads them once; each
    caller gets rows of its own to change."""
    if params or not (getattr(store, "read_only", False) and getattr(store, "path", None) is not None):
        return run(store, get_named(name), params)
    kept = store.__dict__.setdefault("_named_rows", {})
    if name not in kept:
        # rows the text index keeps per document need no copy of the whole listing
        kept[name] = _read_from_index(store, get_named(name), {}) or _rows_kept_in_store_folder(store, get_named(name))
    columns, rows = kept[name]
    return list(columns), [dict(r) for r in rows]


def _chunks_of(values: list, n: int):
    for i in range(0, len(values), n):
        yield values[i:i + n]


def _rows_kept_in_store_folder(store, query: NamedQuery) -> tuple[list[str], list[dict[str, str]]]:
    """A whole-store listing read once per state of the store: the rows are kept in the
    store folder's index file under what the store's files are (names, sizes, times), so the
    next command on an unchanged store reads them from there; any write to the store changes
    the files, and the rows are read from the store again."""
    import hashlib
    from kg import textindex
    try:
        mark = textindex.store_mark(store)
    except OSError:
        mark = None
    key = f"{query.name} {hashlib.sha256(query.text.encode()).hexdigest()}"
    if mark is not None:
        found = textindex.kept_rows(store, key, mark)
        if found is not None:
            return found
    columns, rows = run(store, query)
    if mark is not None:
        textindex.keep_rows(store, key, mark, columns, rows)
    return columns, rows


# a branch of the labels query's UNION, where the things it is asked for are bound
_LABEL_BRANCH = re.compile(r"\{(\s*\n\s*)(?=\?thing )")
# IRIs a table's labels are asked for at once; a table of more reads every label
_MOST_LABELLED = 2000


def display_labels(store, iris: set[str] | None = None) -> dict[str, str]:
    """What a table for people shows for an IRI: a person's or organisation's name, a
    meeting's body and date, an agenda item's number and title, a report's title.  With
    `iris`, the labels of those alone (a page of a listing: the store's whole list of
    labels is read and kept once per state of the store, seconds at 10,000 documents)."""
    if iris is not None and len(iris) <= _MOST_LABELLED and holds_oxigraph(store):
        import pyoxigraph as ox
        rows = []
        text = get_named("labels").text
        for part in _chunks_of(sorted(iris), 500):
            # IRIs of the rows printed, written by pyoxigraph (checked), never user text
            values = " ".join(str(ox.NamedNode(i)) for i in part)
            rows += store.select(_LABEL_BRANCH.sub(lambda m: "{" + m.group(1) + f"VALUES ?thing {{ {values} }} ",
                                                   text))[1]
    else:
        _, rows = run_named(store, "labels")
    out: dict[str, str] = {}
    for r in rows:
        kind, name = r["kind"], r.get("name", "")
        if kind == "meeting":
            label = f"{name or 'Meeting'}, {r['date']}" if r.get("date") else f"{name or 'Meeting'} (date not stated)"
        elif kind == "item":
            label = f"{r['number']} {name}" if r.get("number") else name
        else:
            label = name
        if label and (r["thing"] not in out or kind == "meeting"):
            out[r["thing"]] = label
    return out
