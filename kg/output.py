"""Rendering rows as a table, JSON, NDJSON or CSV: one place for every command that returns rows."""
from __future__ import annotations

import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from kg.iris import DEFAULT_BASE

FORMATS = ("table", "json", "ndjson", "csv")

T = TypeVar("T")


@dataclass(frozen=True)
class Listing:
    """Which rows of a listing to print: the rows of the meetings of `body` held from
    `since` to `until` (YYYY-MM-DD, both days included), and of those a page: `offset`
    rows skipped, then at most `limit` (None: every one).  Every command that prints rows
    takes these (`govkg actions --body ... --since ... --limit 20`)."""

    limit: int | None = None
    offset: int = 0
    body: str | None = None
    since: str | None = None
    until: str | None = None

    @property
    def scoped(self) -> bool:
        """True when a body or a date range narrows the rows."""
        return self.body is not None or self.since is not None or self.until is not None

    @property
    def paged(self) -> bool:
        """True when only a page of the rows is wanted."""
        return self.limit is not None or self.offset > 0

    def page(self, rows: Iterable[T]) -> Iterator[T]:
        """The page of `rows`, read lazily: rows after the page are never asked for (a
        sequence is sliced, so one that finishes its rows as they are read, as an answer's
        do, finishes only the page)."""
        stop = None if self.limit is None else self.offset + self.limit
        if isinstance(rows, Sequence):
            return iter(rows[self.offset:stop])
        return itertools.islice(rows, self.offset, stop)

    def meetings(self, store) -> set[str] | None:
        """The IRIs of the store's meetings in scope (the body matched by name as `query
        --body` matches it), or None when no body or date narrows the listing.  A body no
        meeting has is an error naming the bodies (looked for only when nothing is in scope)."""
        if not self.scoped:
            return None
        from kg.query import check_body, check_day, scope_meetings
        check_day("--since", self.since)
        check_day("--until", self.until)
        found = set(scope_meetings(store, self.body, self.since, self.until))
        if not found:
            check_body(store, self.body)
        return found


def checked_rows(rows: Iterable[T], check) -> Iterator[T]:
    """`rows` as they come, `check()` called first when there are none (to say why a listing
    is empty, e.g. a body no meeting has), without reading more than the first row early."""
    it = iter(rows)
    try:
        first = next(it)
    except StopIteration:
        check()
        return iter(())
    return itertools.chain((first,), it)


def render(columns: list[str], rows: list[dict[str, str]], fmt: str, *, base: str = DEFAULT_BASE,
           width: int | None = None, labels: dict[str, str] | None = None) -> str:
    """JSON: an array of objects keyed by column (unbound left out); NDJSON: one such object
    a line; CSV: a header and rows (IRIs kept in all three); table: for people, IRIs
    replaced by the names and dates in `labels`, columns sized to the text and the terminal."""
    if fmt == "json":
        return json.dumps([{c: r[c] for c in columns if c in r} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "ndjson":
        return "\n".join(json.dumps({c: r[c] for c in columns if c in r}, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        import csv  # (imported by the formats that write it: most commands print a table or an answer)
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})
        return buf.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    cols, cells = readable(columns, rows, labels or {}, base)
    cells = [[terminal_safe(c) for c in row] for row in cells]
    if not width:
        import shutil
        width = shutil.get_terminal_size((160, 24)).columns
    return _table([terminal_safe(c) for c in cols], cells, width)


def render_lines(columns: list[str], rows: Iterable[dict[str, str]], fmt: str) -> Iterator[str]:
    """JSON, NDJSON or CSV as `render` writes them, a line at a time as the rows come, so a
    listing of every row of a large store is never held whole (a table needs every row
    to size its columns: use `render`)."""
    if fmt == "ndjson":
        for r in rows:
            yield json.dumps({c: r[c] for c in columns if c in r}, ensure_ascii=False)
        return
    if fmt == "csv":
        buf = io.StringIO()
        import csv
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        yield buf.getvalue().rstrip("\n")
        for r in rows:
            buf.seek(0)
            buf.truncate()
            w.writerow({c: r.get(c, "") for c in columns})
            yield buf.getvalue()[:-1]  # a line break inside a quoted value is kept
        return
    if fmt != "json":
        raise ValueError(f"render_lines writes json, ndjson or csv, not {fmt!r}")
    held = None  # the previous object: a comma follows it only when another comes
    for r in rows:
        obj = json.dumps({c: r[c] for c in columns if c in r}, ensure_ascii=False, indent=2)
        obj = "\n".join("  " + line for line in obj.split("\n"))
        yield "[" if held is None else held + ","
        held = obj
    yield "[]" if held is None else held + "\n]"


# What must not reach a terminal raw: C0 and C1 controls (escape sequences set titles,
# clear the screen, move the cursor), DEL, bidirectional overrides (text that reads other
# than it is), and the surrogates Python keeps for file-name bytes that are not UTF-8.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(m: re.Match) -> str:
    n = ord(m.group(0))
    if 0xDC80 <= n <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def terminal_safe(text: str) -> str:
    """`text` with control characters shown as escapes (\\x1b), line breaks and tabs kept:
    what every command prints of file names and minutes text goes through here."""
    return _UNSAFE.sub(_escape, text)


def _is_iri(value: str) -> bool:
    return value.startswith(("http://", "https://", "urn:"))


_NAMED_BY_NAME = frozenset({"person", "org", "entity", "speaker", "owner"})


def readable(columns: list[str], rows: list[dict[str, str]], labels: dict[str, str],
             base: str = DEFAULT_BASE) -> tuple[list[str], list[list[str]]]:
    """The columns and cells a person reads: an IRI shown as its label (a meeting as its
    body and date, a person as their name); a column of IRIs with no label, or one that
    only repeats its neighbour (owner beside owner_name), left out."""
    keep, out_cols = [], []
    shown: list[list[str]] = []
    for c in columns:
        values = [r.get(c, "") for r in rows]
        iris = [v for v in values if v]
        if iris and all(_is_iri(v) for v in iris):
            if f"{c}_name" in columns or (c in _NAMED_BY_NAME and "name" in columns):
                continue  # owner beside owner_name, person beside name
            if not any(v in labels for v in iris):
                continue  # an identifier only: json and csv keep it
            values = [labels.get(v, _short(v, base)) if v else "" for v in values]
        if any(all(not v or v == p for v, p in zip(values, prev)) for prev in shown):
            continue  # says nothing its neighbour does not
        shown.append(values)
        keep.append(values)
        out_cols.append(c)
    if not out_cols and columns:  # nothing but identifiers: show them rather than nothing
        out_cols = list(columns)
        keep = [[_short(r.get(c, ""), base) for r in rows] for c in columns]
    cells = [[" ".join(col[i].split()) for col in keep] for i in range(len(rows))]
    return out_cols, cells


def iris_in(rows: Iterable[dict[str, str]]) -> set[str]:
    """The IRIs among the values of `rows`: what a table of them needs labels for."""
    return {v for r in rows for v in r.values() if _is_iri(v)}


def _short(value: str, base: str) -> str:
    return value[len(base):] if value.startswith(base) else value


def _width(s: str) -> int:
    """Columns a string takes on a terminal (wide characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _fit(s: str, w: int) -> str:
    if _width(s) <= w:
        return s + " " * (w - _width(s))
    out = ""
    for ch in s:
        if _width(out + ch) > w - 1:
            break
        out += ch
    return out + "…" + " " * (w - 1 - _width(out))


def _table(columns: list[str], cells: list[list[str]], width: int) -> str:
    if not cells:
        return "(no rows)"
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    # share the terminal: a column is as wide as its text; when they do not fit, the widest
    # give way first, short ones (a name, a date, an issue) kept whole while the long ones
    # (a task, a sentence) can give, and none below 12
    budget = max(width - 2 * (len(columns) - 1), 12 * len(columns))
    natural = list(widths)
    short = 28
    for floor in ([min(w, max(short, _width(c))) for w, c in zip(natural, columns)],
                  [w if w <= short else max(12, _width(c)) for w, c in zip(natural, columns)],
                  [min(w, max(12, _width(c))) for w, c in zip(natural, columns)]):
        while sum(widths) > budget:
            i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k], widths[k]))
            if widths[i] <= floor[i]:
                break
            widths[i] -= 1
    lines = ["  ".join(_fit(c, widths[i]) for i, c in enumerate(columns)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(_fit(v, widths[i]) for i, v in enumerate(row)).rstrip())
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
