"""Rendering rows as a table, JSON or CSV: one place for every command that returns rows."""
from __future__ import annotations

import csv
import io
import json
import shutil

from kg.vocab import DEFAULT_BASE

FORMATS = ("table", "json", "csv")


def render(columns: list[str], rows: list[dict[str, str]], fmt: str, *, base: str = DEFAULT_BASE,
           width: int | None = None) -> str:
    """JSON: an array of objects keyed by column (unbound left out); CSV: a header and rows;
    table: aligned columns for people, IRIs under the base shortened, long cells cut."""
    if fmt == "json":
        return json.dumps([{c: r[c] for c in columns if c in r} for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})
        return buf.getvalue().rstrip("\n")
    return _table(columns, rows, base, width or shutil.get_terminal_size((160, 24)).columns)


def _short(value: str, base: str) -> str:
    return value[len(base):] if value.startswith(base) else value


def _table(columns: list[str], rows: list[dict[str, str]], base: str, width: int) -> str:
    if not rows:
        return "(no rows)"
    cells = [[_short(r.get(c, ""), base).replace("\n", " ") for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    # share the terminal width: cut the widest columns first
    budget = max(width - 2 * (len(columns) - 1), 20 * len(columns))
    while sum(widths) > budget and max(widths) > 20:
        i = widths.index(max(widths))
        widths[i] -= 1
    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: max(w - 1, 0)] + "…"
    lines = ["  ".join(fit(c, widths[i]).ljust(widths[i]) for i, c in enumerate(columns)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append("  ".join(fit(v, widths[i]).ljust(widths[i]) for i, v in enumerate(row)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
