"""The state sentence components share while they read one document, sentence by sentence.

extract() runs its components (kg.extract.COMPONENTS) over each sentence in order; a component
that returns True has read the sentence completely and the later ones do not see it (a row of
an action table is not also a decision).  What one component leaves for a later one on the same
sentence (a declaration, a decision) is kept here, reset for every sentence.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from kg.extract.grammar import Doc
from kg.extract.sentences import Sent
from kg.records import Declaration, Decision, Extraction, PersonRef, Sections, Statement

Component = Callable[["Reading", Sent], bool]


@dataclass
class Reading:
    ex: Extraction
    secs: Sections
    sents: list[Sent]
    doc: Doc
    k: int = 0
    # what earlier components found in this sentence
    declaration: Declaration | None = None
    decision: Decision | None = None
    said: list[Statement] = field(default_factory=list)
    # the state a component keeps from sentence to sentence, by component (a table's columns,
    # the motion being moved, the inspectorate being reported on, the last question asked)
    state: dict[str, object] = field(default_factory=dict)

    def start(self, k: int) -> None:
        """Move on to sentence k."""
        self.k = k
        self.declaration = None
        self.decision = None
        self.said = []

    @property
    def previous(self) -> Sent | None:
        """The sentence before this one in the same section: what an 'ACTION:' label closes."""
        k = self.k
        if k > 0 and self.sents[k - 1].section is self.sents[k].section:
            return self.sents[k - 1]
        return None

    def follows_last_decision(self) -> bool:
        """Whether the decision recorded last is the one the sentence before this states."""
        before = self.previous
        return bool(self.ex.decisions) and before is not None and self.ex.decisions[-1].evidence.start == before.start

    def paragraph_before(self, limit: int = 4) -> list[Sent]:
        """Up to `limit` sentences before this one in its section and paragraph, the nearest first."""
        sents, k = self.sents, self.k
        out: list[Sent] = []
        for j in range(k - 1, max(-1, k - 1 - limit), -1):
            if sents[j].section is not sents[k].section:
                break
            nxt = sents[j + 1]
            if "\n\n" in sents[j].source[sents[j].end:nxt.start]:
                break
            out.append(sents[j])
        return out

    def people_after(self, s: Sent):
        """A finder for the first person (or post holder) named in a stretch of sentence s."""
        doc = self.doc

        def find(rel_start: int, before: int | None = None) -> PersonRef | None:
            stop = len(s.text) if before is None else before
            best = None
            for m in s.people + s.posts:
                r = m.start - s.start
                if rel_start <= r < stop and (best is None or r < best[0]):
                    best = (r, m)
            if best is None:
                return None
            m = best[1]
            if m.kind == "post":
                holder = doc.post_holders.get((doc.post_of(m.surface) or m.surface).lower())
                return PersonRef(holder) if holder else None
            return PersonRef(m.surface, m.start)
        return find
