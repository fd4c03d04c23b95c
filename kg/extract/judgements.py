"""Inspection judgements: what an inspectorate rated an area ('judged to be good')."""
from __future__ import annotations

import re

from kg import gazetteer as gz
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Judgement
from kg.rxfilter import guarded

GRADE = r"(?P<grade>inadequate|requir(?:es|ing|ed)\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)"
JUDGED = guarded(re.compile(rf"(?P<subj>[^.;:]+?)\s+(?:were|was|is|are|has\s+been|have\s+been)\s+(?:all\s+|both\s+)?"
                            rf"(?:(?:found|judged|rated|graded|assessed)\s+(?:to\s+be\s+|as\s+)?)?(?:all\s+)?"
                            rf"[‘'\"“]?{GRADE}[’'\"”]?", re.I))
# JUDGED backtracks over every start of a sentence before it finds no grade: a sentence
# without a grade word is passed over first (the same matches, a fraction of the time)
_ANY_GRADE = guarded(re.compile(GRADE, re.I))
# Judgement areas whose names hold commas or 'and' (Ofsted ILACS, education inspection
# framework, CQC key questions): kept whole when a list of areas is split.
COMPOUND_AREAS = ("leadership, management and governance", "help and protection", "looked after and achieving permanence",
                  "behaviour and attitudes", "leadership and management", "effectiveness of leaders and managers",
                  "outcomes for children and learners", "personal development, behaviour and welfare",
                  "teaching, learning and assessment")
INSPECTORATE_TYPES = {"regulator"}


def judgements_of(sent: Sent, inspector: str | None) -> list[Judgement]:
    """'X, Y and Z were all "inadequate"' in a paragraph where an inspectorate speaks."""
    if inspector is None or not _ANY_GRADE.search(sent.text):
        return []
    out = []
    for m in JUDGED.finditer(sent.text):
        subj_text = re.sub(r"^.*?\b(?:inspection|found|that|within[^,]*,)\s+", "", m.group("subj"), flags=re.I)
        grade = re.sub(r"requir\w+", "requires", m.group("grade").lower())
        for area in _split_areas(subj_text):
            out.append(Judgement(inspector, area, grade, sent.evidence, sent.item_index))
    return out


def _split_areas(s: str) -> list[str]:
    s = s.strip(" ,")
    protected = {}
    for k, area in enumerate(COMPOUND_AREAS):
        idx = s.lower().find(area)
        if idx >= 0:
            key = f"\x00{k}\x00"
            protected[key] = s[idx:idx + len(area)]
            s = s[:idx] + key + s[idx + len(area):]
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", s) if p.strip()]
    out = []
    for p in parts:
        for key, val in protected.items():
            p = p.replace(key, val)
        p = re.sub(r"^(?:the|and)\s+", "", p, flags=re.I)
        if 2 < len(p) < 80:
            out.append(p)
    return out


def component(r: Reading, s: Sent) -> bool:
    """Judgements, by the inspectorate the minutes last named ('Ofsted ... judged good')."""
    for o in s.orgs:
        info = gz.lookup_org(o.canonical or o.surface)
        if info and info.type in INSPECTORATE_TYPES:
            r.state["inspector"] = o.canonical or o.surface
    r.ex.judgements.extend(judgements_of(s, r.state.get("inspector")))
    return False
