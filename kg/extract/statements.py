"""Statements: who said, asked, reported or explained what (one per speaking clause)."""
from __future__ import annotations

import re

from kg.extract.grammar import Doc, clause_text, clauses
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import PersonRef, Statement

def statements(sent: Sent, doc: Doc) -> list[Statement]:
    out = []
    for c in clauses(sent, doc):
        if c.subject.kind in ("body", "collective", "we", "org") and c.verb not in ("asked", "said", "agreed"):
            continue
        speaker = c.subject.speaker
        if speaker is None and c.subject.kind not in ("org", "body"):
            continue
        org = c.subject.owners[0].surface if speaker is None else None
        text = clause_text(sent, c)
        if not text:
            text = sent.text[c.body_start:c.end].strip() or c.verb
        out.append(Statement(speaker, c.verb, text, sent.evidence, sent.item_index, speaker_org=org))
        if speaker is not None:
            doc.last_speaker = speaker
    return out


# "Question submitted by Councillors Carey and Mitchell" over "“I will ask at the next meeting of
# the District for an update on ...”": a written question, asked by whoever submitted it
SUBMITTED_BY = re.compile(r"\bquestions?\s+submitted\s+by\b", re.I)
WRITTEN_QUESTION = re.compile(r"^[\W_]*(?:I|We)\s+will\s+ask\b(?P<what>.+)$", re.I | re.S)


def written_question(r: Reading, s: Sent) -> list[Statement]:
    """The question a councillor submitted in writing, as their statement (verb 'asked')."""
    m = WRITTEN_QUESTION.match(s.text)
    if not m:
        return []
    for j in range(r.k - 1, max(-1, r.k - 4), -1):
        head = r.sents[j]
        if WRITTEN_QUESTION.match(head.text):
            return []  # the question before this one: its heading is further up, not this one's
        by = SUBMITTED_BY.search(head.text)
        if by:
            who = [p for p in head.people if p.start >= head.start + by.end()]
            text = " ".join(s.text.strip().strip("*_“”\"' ").split())
            return [Statement(PersonRef(p.surface, p.start), "asked", text, s.evidence, s.item_index) for p in who]
    return []


def component(r: Reading, s: Sent) -> bool:
    """Who said or asked what; the last question asked is kept for the answer that follows."""
    r.said = statements(s, r.doc) or written_question(r, s)
    r.ex.statements.extend(r.said)
    return False
