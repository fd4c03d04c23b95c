"""Follow-up of actions across meetings, read from the stored report-back links (kg.link):
the action tracker of `govkg actions`, the tracker view and follow-up questions."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.query import check_day, run_named

CLOSED = ("done", "dropped")
TRACKER_COLUMNS = ["action", "body", "meeting_date", "owner", "task", "due_date", "status", "overdue",
                   "report_date", "report", "evidence"]


@dataclass
class Report:
    meeting: str
    date: str
    state: str
    evidence: str
    order: int = 0


@dataclass
class TrackedAction:
    iri: str
    body: str
    meeting: str
    date: str
    task: str
    evidence: str
    owners: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # posts named as owner ("the Clerk")
    due: str = ""
    due_date: str = ""
    status: str = "open"
    reports: list[Report] = field(default_factory=list)

    @property
    def latest(self) -> Report | None:
        return self.reports[-1] if self.reports else None

    def overdue(self, as_of: str) -> bool:
        """Due before `as_of` and not closed by a report-back."""
        return bool(self.due_date) and self.due_date < as_of and self.status not in CLOSED


def tracked_actions(store) -> list[TrackedAction]:
    """Every action with its owners, due date, current state and report-backs (oldest first)."""
    # (through run_named: on a store folder the rows are read once per state of the store and
    # kept in its index file, so the follow-up questions after the first read them from there)
    return _tracked(run_named(store, "action-reports")[1])


def _tracked(rows) -> list[TrackedAction]:
    """The action-reports query's rows as tracked actions, in the tracker's order (date,
    body, IRI): an action's first row gives its body, meeting, date, text and state."""
    out: dict[str, TrackedAction] = {}
    seen: set[tuple[str, str]] = set()
    for r in rows:
        a = out.get(r["action"])
        if a is None:
            a = out[r["action"]] = TrackedAction(r["action"], r.get("body", ""), r["meeting"],
                                                 r.get("date", "")[:10], r.get("text", ""), r.get("evidence", ""),
                                                 due=r.get("due", ""), due_date=r.get("due_date", "")[:10],
                                                 status=r.get("status", "open"))
        if r.get("owner_name") and r["owner_name"] not in a.owners:
            a.owners.append(r["owner_name"])
        if r.get("owner_role") and r["owner_role"] not in a.roles:
            a.roles.append(r["owner_role"])
        if r.get("report") and (a.iri, r["report"]) not in seen:
            seen.add((a.iri, r["report"]))
            a.reports.append(Report(r.get("report_meeting", ""), r.get("report_date", "")[:10],
                                    r.get("report_status", ""), r.get("report_evidence", ""),
                                    int(r.get("report_start") or 0)))
    for a in out.values():
        a.reports.sort(key=lambda p: (p.date, p.order))
        a.owners.sort()
    return sorted(out.values(), key=lambda a: (a.date, a.body, a.iri))


def tracked_in_order(store, *, meetings: set[str] | None = None) -> Iterator[TrackedAction]:
    """`tracked_actions` in its order (date, body, IRI), those of `meetings` (IRIs) alone when
    given, handed out one by one.  (Read whole: the action-reports query run for a few
    meetings at a time was tried and measured 17 s CPU a part at 10,000 documents, its
    report-backs' OPTIONAL evaluated over the whole store; see results-real.md, AL.)"""
    return (a for a in tracked_actions(store) if meetings is None or a.meeting in meetings)


def _name_fits(want: str, names: list[str]) -> bool:
    w = " ".join(re.sub(r"[^a-z0-9 ]+", " ", want.lower()).split())
    w = re.sub(r"^(?:the|cllr|councillor|mr|mrs|ms|dr) ", "", w)
    for n in names:
        n = " ".join(re.sub(r"[^a-z0-9 ]+", " ", n.lower()).split())
        if w and (w == n or w in n.split() or n.endswith(" " + w) or w in n):
            return True
    return False


def action_tracker(store, *, open_only: bool = False, overdue: bool = False, as_of: str | None = None,
                   owner: str | None = None, body: str | None = None,
                   since: str | None = None, until: str | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """The action tracker: one row per action with owner, task, meeting date, due date,
    status and its latest report-back (meeting date and sentence).

    open_only: actions no report-back has closed (not done or dropped); overdue: due
    before `as_of` (default today) and not closed; owner / body: a name, matched on
    words; since / until: actions of meetings on or after / on or before that date."""
    columns, rows = action_rows(store, open_only=open_only, overdue=overdue, as_of=as_of, owner=owner,
                                body=body, since=since, until=until)
    return columns, list(rows)


def action_rows(store, *, open_only: bool = False, overdue: bool = False, as_of: str | None = None,
                owner: str | None = None, body: str | None = None, since: str | None = None,
                until: str | None = None) -> tuple[list[str], Iterator[dict[str, str]]]:
    """`action_tracker`'s rows handed out one by one (the page is taken as they come, the
    output written as they come).  The options are checked at once, before any row is read."""
    as_of = check_day("--as-of", as_of) or dt.date.today().isoformat()
    since = check_day("--since", since)
    until = check_day("--until", until)

    def rows() -> Iterator[dict[str, str]]:
        for a in tracked_in_order(store):
            if open_only and a.status in CLOSED:
                continue
            if overdue and not a.overdue(as_of):
                continue
            if owner and not _name_fits(owner, a.owners + a.roles):
                continue
            if body and not _name_fits(body, [a.body]):
                continue
            if since and (not a.date or a.date < since):
                continue
            if until and (not a.date or a.date > until):
                continue
            row = {"action": a.iri, "body": a.body, "meeting_date": a.date, "owner": "; ".join(a.owners),
                   "task": a.task, "due_date": a.due_date or a.due, "status": a.status,
                   "overdue": "yes" if a.overdue(as_of) else ("no" if a.due_date else ""), "evidence": a.evidence}
            if a.latest:
                row["report_date"] = a.latest.date
                row["report"] = a.latest.evidence
            yield {k: v for k, v in row.items() if v}
    return TRACKER_COLUMNS, rows()
