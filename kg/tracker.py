"""The tracker view: one offline HTML page with an action per row and a later meeting per
column, each cell the state its report-back says (the sentence on hover), with filters by
owner and state.  The page is kg/templates/tracker.html and tracker.js; the rows travel
as JSON in a script element, and the script builds the table with textContent only."""
from __future__ import annotations

import html
import re
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import GovkgError
from kg.followups import _name_fits, tracked_actions


@dataclass
class TrackerInfo:
    path: Path
    actions: int
    meetings: int
    reports: int


def _template(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text(encoding="utf-8")


def _json_for_script(value) -> str:
    # inside <script>: "<" never reaches the HTML parser, so "</script>" cannot close it
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def tracker_data(store, body: str | None = None) -> dict:
    """What the page shows: meetings (columns, by date) and actions (rows) with their reports."""
    acts = [a for a in tracked_actions(store) if not body or _name_fits(body, [a.body])]
    from kg.ask import meetings as meeting_info
    info = meeting_info(store)
    bodies = {a.body for a in acts}
    cols = sorted(((m.date or "", iri) for iri, m in info.items() if m.date and (m.body in bodies or not bodies)))
    return {
        "meetings": [{"iri": iri, "date": d[:10], "label": d[:10]} for d, iri in cols],
        "actions": [{"iri": a.iri, "date": a.date, "owners": a.owners, "task": a.task, "evidence": a.evidence,
                     "due": a.due_date or a.due, "status": a.status,
                     "reports": [{"meeting": r.meeting, "date": r.date, "state": r.state, "evidence": r.evidence}
                                 for r in a.reports]} for a in acts],
    }


def write_tracker(store, path: str | Path, *, body: str | None = None) -> TrackerInfo:
    """Write the tracker page to `path` (folders made as needed)."""
    path = Path(path)
    if path.is_dir():
        raise GovkgError(f"{path} is a folder; give -o a file name such as {path / 'tracker.html'}")
    data = tracker_data(store, body)
    title = "Action tracker" + (f": {body}" if body else "")
    fields = {"title": html.escape(title), "data": _json_for_script(data),
              "script": _template("tracker.js").replace("</", "<\\/")}
    # one pass, so text from the minutes is never read as a placeholder
    page = re.sub(r"\{\{(\w+)\}\}", lambda m: fields[m.group(1)], _template("tracker.html"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return TrackerInfo(path, len(data["actions"]), len(data["meetings"]),
                       sum(len(a["reports"]) for a in data["actions"]))
