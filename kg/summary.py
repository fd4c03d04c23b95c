"""The reading summary: one row per document of what extract read from it.

`govkg extract` over a folder or several files prints these rows, so a user sees at a
glance which minutes were read well and which need a look: a part that minutes nearly
always have (a body, a date, who attended) and that was not found is named in `warnings`.
"""
from __future__ import annotations

import os
from pathlib import Path
from collections.abc import Iterable

from kg.errors import InputError
from kg.read import iter_sources
from kg.records import Extraction

COLUMNS = ["file", "body", "date", "people", "attendance", "items", "decisions", "actions",
           "declarations", "warnings"]

# what nearly every set of minutes states; its absence usually means a style govkg misreads
EXPECTED = (("body", "no body"), ("date", "no date"), ("attendance", "no attendance"))


def warnings_of(ex: Extraction) -> list[str]:
    """The parts minutes nearly always have that were not found in this extraction."""
    found = {"body": bool(ex.meeting.body), "date": bool(ex.meeting.date), "attendance": bool(ex.attendance)}
    out = [label for part, label in EXPECTED if not found[part]]
    if not ex.decisions and not ex.actions:
        # minutes that record neither a decision nor an action were most likely misread
        out.append("no decisions or actions")
    return out


def summary_row(path: str, ex: Extraction) -> dict[str, str]:
    """One summary row (values as strings, like every row govkg prints)."""
    people = {p.surface for p in ex.people}
    return {"file": path, "body": ex.meeting.body or "", "date": ex.meeting.date or "",
            "people": str(len(people)), "attendance": str(len(ex.attendance)), "items": str(len(ex.items)),
            "decisions": str(len(ex.decisions)), "actions": str(len(ex.actions)),
            "declarations": str(len(ex.declarations)), "warnings": "; ".join(warnings_of(ex))}


def failed_row(path: str, err: InputError) -> dict[str, str]:
    """The row of a file that could not be read at all."""
    return {"file": path, "warnings": f"not read: {err.reason}"}


def extract_paths(paths: Iterable[str | os.PathLike], *, body: str | None = None,
                  date: str | None = None) -> list[tuple[str, Extraction | InputError]]:
    """Each file under `paths` (folders walked) with its extraction, or the error that stopped it.

    A file that cannot be read does not stop the others: its error takes its place.
    """
    from kg.pipeline import extract_file
    out: list[tuple[str, Extraction | InputError]] = []
    for raw in paths:
        top = Path(raw)
        for p in iter_sources([raw], on_error=lambda err: out.append((_shown(err.path, top), err))):
            try:
                out.append((_shown(p, top), extract_file(p, body=body, date=date)))
            except InputError as err:
                out.append((_shown(p, top), err))
    return out


def _shown(path: str | os.PathLike, top: Path) -> str:
    """A file found in a folder is shown from that folder down: the rows stay short."""
    p = Path(path)
    if top.is_dir() and p.is_relative_to(top):
        return str(p.relative_to(top))
    return str(path)


def summarise(paths: Iterable[str | os.PathLike], *, body: str | None = None,
              date: str | None = None) -> list[dict[str, str]]:
    """The reading summary of every file under `paths`: one row per document (COLUMNS)."""
    return [failed_row(p, r) if isinstance(r, InputError) else summary_row(p, r)
            for p, r in extract_paths(paths, body=body, date=date)]


def warning_counts(rows: list[dict[str, str]]) -> dict[str, int]:
    """How many documents carry each warning (the figure to watch across a corpus)."""
    counts: dict[str, int] = {}
    for r in rows:
        for w in filter(None, (r.get("warnings") or "").split("; ")):
            key = "not read" if w.startswith("not read") else w
            counts[key] = counts.get(key, 0) + 1
    return counts
