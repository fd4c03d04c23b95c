"""Registers that name the people present by their given names alone.

A small group's notes list who came as "Attendees" / "- Priya" / "- Tobias" (one a line) or as
"### Members Present" / "- Priya, Tobias, Wendell" and then write its tasks with those names
alone ("Tobias will book the hall", "Priya to chase the supplier").  The register
shows each word is a person's given name, which the gazetteer of given names often lacks
(a conference task force's notes, a makerspace committee's minutes).
"""
from __future__ import annotations

import re

from kg import gazetteer as gz
from kg.extract.names import NOT_NAME

# the register's heading or label on a line of its own ("*Attendees", "### Members Present",
# "Present:"), its entries on the lines after it
REGISTER_HEAD = re.compile(r"^[ \t#*>_]*(?:(?:Members|Committee|Board|Trustees|Directors)[ \t]+)?"
                           r"(?:Present|Attendees|Attending|Attendance)[ \t*_]*:?[ \t*_]*$", re.I | re.M)
_ENTRY_MARK = re.compile(r"^[ \t]*(?:[-*•+][ \t]*)?")
_SPLIT = re.compile(r"[ \t]*,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*")
# a capitalised word that is not a gerund or an abstract noun ("Planting", "Maintenance")
_GIVEN = re.compile(r"[A-Z][a-z]{2,}(?<!ing)(?<!tion)(?<!ment)(?<!ness)(?<!ance)(?<!ence)(?<!ed)")
# the lines a register may hold before its names end
_MAX_LINES = 15


def register_given_names(text: str) -> list[str]:
    """The given names a register lists alone, where it lists at least two and nothing else."""
    out: list[str] = []
    for m in REGISTER_HEAD.finditer(text):
        names: list[str] = []
        for line in text[m.end():].split("\n")[1:_MAX_LINES + 1]:
            if not line.strip():
                if names:
                    break
                continue
            parts = [p for p in _SPLIT.split(_ENTRY_MARK.sub("", line).strip().rstrip(".")) if p]
            if not parts or not all(_GIVEN.fullmatch(p) and p not in NOT_NAME and gz.lookup_post(p) is None
                                    and gz.lookup_org(p) is None for p in parts):
                names = []  # a line of anything else: not a register of given names
                break
            names += parts
        if len(names) >= 2:
            out += [n for n in names if n not in out]
    return out
