"""Follow-up questions for `govkg ask`, answered from the stored report-back links:

    what happened to the dog bin?            was the hedge ever cut?
    which of the Clerk's actions from October are still open?
    what is overdue?                         what has Cllr Smith not done?

Each answer gives the promise (the action's own sentence) and every report-back on it
(each sentence, its meeting and the state it says).  Registered in kg.ask's PATTERNS.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Callable

from kg.ask_rx import QuestionPattern

if TYPE_CHECKING:
    from kg.followups import TrackedAction
# kg.followups is imported by the handlers that read the follow-ups: every `govkg ask`
# compiles these patterns, few of them are follow-up questions


def stems(text: str) -> set[str]:
    """kg.link's stems; kg.link (a tenth of a second to import, its patterns compiled) is
    imported only when a follow-up question is asked, not by every `govkg ask`."""
    from kg.link import stems as link_stems
    return link_stems(text)


COLUMNS = ["action", "kind", "meeting_date", "owner_name", "status", "evidence", "meeting"]
MONTHS = {m: k + 1 for k, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december"])}
# words of a question that name no subject
_QUESTION_WORDS = {"happen", "ever", "done", "cut", "did", "get", "got", "what", "whatev"}


def _rows(acts: list[TrackedAction]) -> list[dict[str, str]]:
    rows = []
    for a in acts:
        owner = "; ".join(a.owners)
        # every row carries the promise's meeting, so a question narrowed to some meetings
        # keeps or drops an action with all its reports
        rows.append({"action": a.task, "kind": "promise", "meeting_date": a.date, "owner_name": owner,
                     "status": a.status, "evidence": a.evidence, "meeting": a.meeting, "meeting_label": a.date})
        for r in a.reports:
            rows.append({"action": a.task, "kind": "report", "meeting_date": r.date, "owner_name": owner,
                         "status": r.state, "evidence": r.evidence, "meeting": a.meeting, "meeting_label": r.date})
    return [{k: v for k, v in r.items() if v} for r in rows]


def _say(r: dict[str, str]) -> str:
    owner = f" ({r['owner_name']})" if r.get("owner_name") else ""
    if r["kind"] == "promise":
        return f"Promised{owner}: {r['action']} [now {r['status'].replace('_', ' ')}]"
    return f"  reported back: {r['status'].replace('_', ' ')}"


def _answer(q: str, acts: list[TrackedAction], empty: str):
    from kg.ask import Answer
    return Answer(q, COLUMNS, _rows(acts), _say, empty=empty)


def about(store, q: str, g: dict):
    """what happened to THING / was THING ever VERBed: the actions on that subject."""
    thing = g.get("x", "")
    want = stems(thing) - _QUESTION_WORDS
    if g.get("v"):
        want |= stems(g["v"])
    if not want:
        return _answer(q, [], "Say what the action was about, for example: what happened to the dog bin?")
    from kg.followups import tracked_actions
    scored = []
    for a in tracked_actions(store):
        text = stems(a.task) | stems(a.evidence)
        reports = set().union(*(stems(r.evidence) for r in a.reports)) if a.reports else set()
        subject = want - stems(g.get("v", ""))
        hit = len(subject & (text | reports)) if subject else 0
        if subject and hit == len(subject):
            scored.append((-(hit + len(want & (text | reports))), a.date, a.iri, a))
    acts = [a for *_, a in sorted(scored)]
    return _answer(q, acts, f"No action in the graph is about {thing!r}.")


def _month_filter(spec: str | None) -> Callable[[str], bool]:
    if not spec:
        return lambda d: True
    m = re.search(r"\b(" + "|".join(MONTHS) + r")\b(?: (\d{4}))?", spec)
    if m:
        month, year = MONTHS[m.group(1)], m.group(2)
        return lambda d: bool(d) and int(d[5:7]) == month and (not year or d[:4] == year)
    y = re.search(r"\b(\d{4})\b", spec)
    if y:
        return lambda d: bool(d) and d[:4] == y.group(1)
    return lambda d: True


def still_open(store, q: str, g: dict):
    """which of P's actions (from MONTH) are still open / what has P not done."""
    who = (g.get("p") or "").strip()
    # "from October": the actions of that month's meeting (the question may reach here with
    # the phrase already taken out as a scope, so it is read from the question itself)
    said = g.get("m") or next(iter(re.findall(r"\b(?:from|of|at|in) (?:the )?((?:" + "|".join(MONTHS) +
                                               r")(?: \d{4})?)\b", q.lower())), None)
    when = _month_filter(said)
    from kg.followups import CLOSED, _name_fits, tracked_actions
    acts = [a for a in tracked_actions(store) if a.status not in CLOSED and when(a.date)
            and (not who or _name_fits(who, a.owners + a.roles))]
    return _answer(q, acts, f"No open action{' of ' + who if who else ''} in the graph.")


def overdue(store, q: str, g: dict):
    """what is overdue: actions due before today that no report-back has closed."""
    today = dt.date.today().isoformat()
    from kg.followups import tracked_actions
    acts = [a for a in tracked_actions(store) if a.overdue(today)]
    return _answer(q, acts, "No action with a known due date is overdue.")


def _p(rx: str) -> QuestionPattern:
    return QuestionPattern(rx)


_WHO = r"(?P<p>.+?)(?:'s|s')?"
PATTERNS: list[tuple[QuestionPattern, Callable]] = [
    (_p(r"what (?:ever )?(?:happened|has happened|is happening) (?:to|with|about) (?:the )?(?P<x>.+?)"), about),
    (_p(r"what (?:became|has become) of (?:the )?(?P<x>.+?)"), about),
    (_p(r"(?:was|were|has|have|did) (?:the )?(?P<x>.+?) (?:ever |yet |finally )?(?:been )?(?P<v>\w+ed|done|cut|"
        r"sent|built|fixed|made|paid|held|written|bought|put|got)"), about),
    (_p(r"(?:which|what) of " + _WHO + r" actions?(?: (?:from|of|at|in) (?P<m>.+?))? (?:are|is) "
        r"(?:still )?(?:open|outstanding|not done|undone|pending)"), still_open),
    (_p(r"(?:which|what) actions? (?:of|for|by) " + r"(?P<p>.+?)(?: (?:from|of|at|in) (?P<m>.+?))? (?:are|is) "
        r"(?:still )?(?:open|outstanding|not done|undone|pending)"), still_open),
    (_p(r"what (?:has|have|did) " + r"(?P<p>.+?) (?:not|never|yet to|still not) (?:done|do|finished|finish|"
        r"completed|complete)(?: yet)?"), still_open),
    (_p(r"what (?:is|are|was) (?:still )?overdue"), overdue),
    (_p(r"(?:which|what) actions? (?:is|are) (?:overdue|late|past (?:their|its) due dates?)"), overdue),
]
