"""Reports presented to the meeting, and standing relations between people and bodies
(who manages, leads, chairs or oversees whom)."""
from __future__ import annotations

import re

from kg.extract.grammar import Doc, subject_at
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Report, Responsibility
from kg.rxfilter import guarded

REPORT = guarded(re.compile(r"\b(?:introduced|presented|tabled|submitted|considered|received)\s+(?:the\s+|a\s+)?"
                            r"(?:(?P<author_pos>[^.,]{2,40}?)['’]s?\s+)?(?:joint\s+)?report\b(?:\s+(?:of|from|by)\s+"
                            r"(?:the\s+)?(?P<author_of>[A-Z][^.,]{2,60}?))?(?:\s+(?:on|about|regarding|entitled|titled)\s+"
                            r"(?:the\s+)?(?P<title>[^.,;]{3,140}?))?(?=[,.;]|\s+(?:and|which|that|to|setting)\b|$)", re.I))
MANAGED_BY = guarded(re.compile(r"[“\"']?(?P<thing>[A-Z][^.,;“”\"]{2,80}?)[”\"']?\s+(?:service\s+)?(?:is|are|was|were|has\s+been)\s+"
                                r"(?:now\s+)?(?P<rel>managed|led|run|chaired|overseen|commissioned)\s+by\s+(?P<holder>[^,.;]+)"))
CONSISTING = guarded(re.compile(r"(?P<org>[A-Z][\w’' ]{2,60}?),?\s+(?:consisting|made\s+up|comprised|comprising)\s+(?:of\s+)?"
                                r"(?P<members>[^,.;]+)"))
REL_NAMES = {"managed": "manages", "led": "leads", "run": "manages", "chaired": "chairs", "overseen": "oversees",
             "commissioned": "commissions"}


def reports_of(sent: Sent, doc: Doc, people_after) -> list[Report]:
    out = []
    for m in REPORT.finditer(sent.text):
        title = (m.group("title") or "").strip()
        author_ref = None
        author_org = None
        if m.group("author_pos"):
            author_ref = people_after(m.start("author_pos"), before=m.end("author_pos"))
            if author_ref is None:
                author_org = _org_in(sent, m.start("author_pos"), m.end("author_pos"))
        if m.group("author_of"):
            author_ref = author_ref or people_after(m.start("author_of"), before=m.end("author_of"))
            if author_ref is None:
                author_org = _org_in(sent, m.start("author_of"), m.end("author_of")) or m.group("author_of").strip()
        intro = None
        subj = None
        for rel in sorted({x.start - sent.start for x in sent.people + sent.posts}):
            if rel < m.start():
                subj = subject_at(sent, rel, doc)
                if subj is not None:
                    break
        if subj is not None:
            intro = subj.speaker
        if not title:
            title = sent.section.title or ""
        if not title or (author_ref is None and author_org is None and intro is None):
            continue
        out.append(Report(title, sent.evidence, author_ref, author_org, intro, sent.item_index))
    return out


def _org_in(sent: Sent, a: int, b: int) -> str | None:
    for o in sent.orgs:
        r = o.start - sent.start
        if a <= r < b:
            return o.canonical or o.surface
    return None


def responsibilities_of(sent: Sent, people_after) -> list[Responsibility]:
    out = []
    for m in MANAGED_BY.finditer(sent.text):
        thing = m.group("thing").strip()
        thing = re.sub(r"^.*\b(?:that|added|said)\s+", "", thing).strip("“”\"' ")
        holder = people_after(m.start("holder"), before=m.end("holder"))
        if holder is not None:
            out.append(Responsibility(holder.surface, "person", REL_NAMES[m.group("rel")], thing, sent.evidence))
        else:
            org = _org_in(sent, m.start("holder"), m.end("holder"))
            if org:
                out.append(Responsibility(org, "org", REL_NAMES[m.group("rel")], thing, sent.evidence))
    for m in CONSISTING.finditer(sent.text):
        org = _org_in(sent, m.start("org"), m.end("org"))
        if org:
            out.append(Responsibility(org, "org", "has_member", m.group("members").strip(), sent.evidence))
    return out


def component(r: Reading, s: Sent) -> bool:
    """Reports presented, and who manages, leads or chairs whom."""
    people_after = r.people_after(s)
    r.ex.reports.extend(reports_of(s, r.doc, people_after))
    r.ex.responsibilities.extend(responsibilities_of(s, people_after))
    return False
