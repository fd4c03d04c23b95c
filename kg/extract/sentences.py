"""Sentences with what they mention: the unit every fact rule reads."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.names import Mention, NameContext, OrgMention, find_orgs, find_people, find_posts
from kg.records import Evidence, Section, Sections
from kg.segment import sentences


@dataclass
class Sent:
    start: int
    end: int
    text: str
    section: Section
    item_index: int | None
    people: list[Mention] = field(default_factory=list)
    posts: list[Mention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    # which organisation speaks as "we" here (a working group's report read out)
    voice: str | None = None
    source: str = ""  # the whole document text, for evidence spanning two sentences
    # where clauses may start (grammar.subject_starts): read by several components, found once
    starts: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.text, self.start, self.end)

    def rel(self, absolute: int) -> int:
        return absolute - self.start

    def mention_at(self, rel_pos: int) -> Mention | OrgMention | None:
        """The person, post or organisation mention starting at (or just after) rel_pos."""
        pos = self.start + rel_pos
        for group in (self.people, self.posts, self.orgs):
            for m in group:
                if m.start == pos:
                    return m
        return None


_VOICE = re.compile(r"^(?P<org>.+?)\s+(?:Report|Update)\b")


# an item's heading line "2729. Financial Report: Community A/C £4,612.62, BMM A/C" whose text
# after the title's colon runs on past the line's end (no stop at the end of the line)
_RUN_ON_HEADING = re.compile(r"[^\S\n]*(?P<title>[^:\n]{3,90}?:)[^\S\n]+(?=\S)[^\n]*[^.;:!?\s][^\S\n]*$")


# a line going on in lower case (not a list's "a. Playground:" or "b) ..."): the line above wraps
_WRAPPED = re.compile(r"[ \t]*[a-z](?![.)])")


def _section_sentences(text: str, sec: Section) -> list[tuple[int, int]]:
    """An item's heading line is a sentence of its own, so the first sentence of its text
    does not begin with "47/24 Minutes of the meeting held on 5 June 2024 Members resolved"."""
    if sec.kind == "item":
        nl = text.find("\n", sec.start, sec.end)
        if nl != -1 and text[sec.start:nl].strip() and text[nl + 1:sec.end].strip():
            run_on = _RUN_ON_HEADING.match(text, sec.start, nl)
            if run_on:
                # "808. Election of Chair: Cllr A, proposed by Cllr" / "B, seconded by Cllr C.": the
                # text after the title's colon is the item's first sentence, wrapped onto the next line
                cut = run_on.end("title")
                return sentences(text, sec.start, cut) + sentences(text, cut, sec.end)
            if _WRAPPED.match(text, nl + 1) and not text[sec.start:nl].rstrip().endswith((":", ":-", ";")):
                # the line wraps onto the next, which goes on in lower case: "2.1 The minutes were
                # accepted as a true record to be posted on the website and" / "noticeboard.", "1.
                # Notification of election of Chair and Honorary Secretary" / "and Co-options"
                return sentences(text, sec.start, sec.end)
            return sentences(text, sec.start, nl) + sentences(text, nl + 1, sec.end)
    return sentences(text, sec.start, sec.end)


def read_sentences(secs: Sections, ctx: NameContext, acronyms: dict[str, str],
                   places: dict[str, str] | None = None) -> list[Sent]:
    """Split every section into sentences and find the mentions in each (`places`: the
    towns that stand for NHS trusts in this document, see names.trust_places)."""
    text = secs.document.text
    out: list[Sent] = []
    for sec in secs.sections:
        voice = None
        for s, e in _section_sentences(text, sec):
            chunk = text[s:e]
            people = find_people(chunk, s, ctx)
            posts = [p for p in find_posts(chunk, s)
                     if all(p.end <= m.start or p.start >= m.end for m in people)]
            spans = [(m.start, m.end) for m in people]
            orgs = find_orgs(chunk, s, acronyms, spans, places)
            sent = Sent(s, e, chunk, sec, sec.item_index, people, posts, orgs, source=text)
            vm = _VOICE.match(chunk)
            if vm and orgs and orgs[0].start == s + vm.start("org") and len(chunk) < 200:
                voice = orgs[0].canonical or orgs[0].surface
            sent.voice = voice
            out.append(sent)
    return out
