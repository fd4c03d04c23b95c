"""Statements: who said, asked, reported or explained what (one per speaking clause)."""
from __future__ import annotations

from kg.extract.grammar import Doc, clause_text, clauses
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Statement

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


def component(r: Reading, s: Sent) -> bool:
    """Who said or asked what; the last question asked is kept for the answer that follows."""
    r.said = statements(s, r.doc)
    r.ex.statements.extend(r.said)
    return False
