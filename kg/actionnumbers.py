"""Actions numbered by meeting, as a body's action log numbers them, read by extract (the number
that opens a table row) and by link (the number a later report cites).

A log that numbers actions by meeting ("41.2", the 41st meeting's second action; "Feb26.02",
February 2026's second) carries a row not yet done to the next meeting's table under the same
number, and the minutes report on it by that number ("Action 41.2 - X has sent ...", "... has
booked the room (43.1)").  Seen in: a software collaboration's monthly action tables (Item |
Description | Assigned), a parish council's action list (No | Action | Owner | Update).  A bare "3"
is no such number: a table that numbers its rows 1, 2, 3 starts again at every meeting, and a
minute number ("275/19") is read by link as a minute's, not an action's.
"""
from __future__ import annotations

import re

ACTION_NUMBER = re.compile(r"\d{1,4}\.\d{1,3}|[A-Z][a-z]{2,8}\d{2}\.\d{1,3}")
_ROW_NUMBER = re.compile(rf"^\s*\|?\s*({ACTION_NUMBER.pattern})\s*\|")
# "Action 41.0 - ...", "Action 43.0 to draft ...", "Actions 43.0 to 43.4", "... the guide (43.2).",
# "Priya (43.3) has booked ..."; not "(2.5%)" nor "(see 3.1.2)"
_CITED = re.compile(rf"\bActions?\s+(?:no\.?\s*)?({ACTION_NUMBER.pattern})(?![\d.]*\d)"
                    rf"|\(\s*({ACTION_NUMBER.pattern})\s*\)")


def row_number(quote: str | None) -> str | None:
    """The action number that opens an action table's row ('| 41.2 | Send the notes | Ann |' ->
    '41.2'), else None."""
    m = _ROW_NUMBER.match(quote or "")
    return m.group(1) if m else None


def cited_actions(text: str | None) -> set[str]:
    """The action numbers a sentence cites: by "Action N", in brackets, or opening its table row."""
    out = {a or b for a, b in _CITED.findall(text or "")}
    own = row_number(text)
    if own:
        out.add(own)
    return out
