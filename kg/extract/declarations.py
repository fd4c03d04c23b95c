"""Declarations of interest: who declared what kind of interest in which item, and the
minutes that record that none were made."""
from __future__ import annotations

import re

from kg.extract.grammar import Doc, subject_at
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Declaration, PersonRef
from kg.rxfilter import guarded

NO_DECLARATIONS = guarded(re.compile(r"\b(?:no|none|nil)\b.{0,40}\b(?:declarations?|interests?)\b|"
                                     r"\b(?:declarations?|interests?)\b.{0,40}\b(?:none|nil)\b", re.I))
DECLARED = guarded(re.compile(r"\bdeclared[\s,]+(?:an?\s+|their\s+|his\s+|her\s+)?(?:(?P<kind>personal|pecuniary|"
                              r"non-pecuniary|prejudicial|disclosable\s+pecuniary|other\s+registrable|registrable|"
                              r"non-registrable)\s+)?(?:and\s+\w+\s+)?(?:interests?\s*)?(?P<rest>.*)$", re.I | re.S))

# "The Chair declared that Mr A and Mr B had been duly elected", "declared the motion carried",
# "declared the meeting open": the chair announcing a result, not a member's interest
CHAIR_DECLARED = re.compile(r"^\s*declared\s+(?![^.;]*\binterest)(?:that\s+)?[^.;]{0,160}?\b(?:(?:re-?)?elected|carried|lost|defeated|"
                            r"open|opened|closed)\b", re.I)


def declaration_of(sent: Sent, doc: Doc) -> Declaration | None:
    t = sent.text
    if "declar" not in t.lower() or NO_DECLARATIONS.search(t) and not sent.people:
        return None
    subj = None
    for rel in sorted({m.start - sent.start for m in sent.people + sent.posts}):
        s = subject_at(sent, rel, doc)
        if s and s.speaker is not None and re.match(r"^\s*(?:\([^)]*\)\s*)?declared\b", t[s.end:]):
            subj = s
            break
    if subj is None:
        return None
    m = DECLARED.search(t[subj.end:])
    if not m or CHAIR_DECLARED.match(t[subj.end:]):
        return None
    rest = m.group("rest").strip()
    rest = re.sub(r"^(?:for\s+(?:the\s+)?\w+|in\s+the\s+interests?\s+of\s+\w+)\s*,\s*", "", rest)
    rest = re.sub(r"^(?:in\s+|on\s+)?(?:agenda\s+)?item\s+[\w/.]+\s*,?\s*(?:as|because|being)?\s*", "", rest, flags=re.I)
    rest = re.sub(r"^(?:that|in|on|regarding|relating\s+to|as|concerning|with\s+regard\s+to)\s+", "", rest)
    rest = re.sub(r"\s+and\s+(?:agreed\s+to\s+)?(?:abstain|left|leave|withdrew|did\s+not).*$", "", rest, flags=re.S)
    interest = rest.strip(" .") or t
    kind = (m.group("kind") or "other").lower().replace("disclosable ", "")
    return Declaration(subj.speaker, interest, sent.evidence, kind if kind in ("personal", "pecuniary", "prejudicial") else "other",
                       sent.item_index)


DECLARATIONS_TITLE = guarded(re.compile(r"declarations?\s+of\s+(?:\w+\s+)?interests?|interests?\s+declared", re.I))


# (asked of every sentence: compiled once)
_RX_DECLARATIONS_LEAD = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?\s+)?declarations?\s+of\s+(?:\w+\s+)?interests?\s*[:\-–—]\s*",
                                   re.I)


def listed_declarations(sent: Sent, doc: Doc) -> list[Declaration]:
    """'Declarations of interest: Cllr Smith - item 6, member of the Allotment Society' and
    lines under a Declarations heading: a person, then the interest, with no verb."""
    t = sent.text
    in_item = bool(DECLARATIONS_TITLE.search(sent.section.title or ""))
    lead = _RX_DECLARATIONS_LEAD.match(t)
    if not (in_item or lead) or re.search(r"\bdeclared\b|\b(?:asked|said|reminded)\b", t) or NO_DECLARATIONS.search(t):
        return []
    people = sent.people
    out = []
    interests = []
    for k, m in enumerate(people):
        end = people[k + 1].start - sent.start if k + 1 < len(people) else len(t)
        interests.append(t[m.end - sent.start:end].strip(" -–—:;,.()"))
    for k in range(len(interests) - 2, -1, -1):
        if re.fullmatch(r"(?:&|and|,)?", interests[k].strip()):
            # "Cllrs Hillard & Hayward re 2733": names joined by '&' share the interest after them
            interests[k] = interests[k + 1]
    for m, interest in zip(people, interests):
        item_ref = re.match(r"^(?:re|regarding|on)\s+(?:item\s+|minute\s+)?(?P<n>\d[\w/.]*)\b", interest, re.I)
        interest = re.sub(r"^(?:and|in|regarding|re)\s+", "", interest)
        if item_ref:
            interest = f"item {interest}" if not interest.lower().startswith(("item", "minute")) else interest
        if len(interest.split()) >= 2 and re.search(r"interest|item|member|employ|trustee|governor|director|"
                                                     r"owner|relative|wife|husband|son|daughter|land|property", interest, re.I):
            ref = PersonRef(m.surface, m.start)
            kind = "pecuniary" if re.search(r"pecuniary", interest, re.I) and not re.search(r"non-pecuniary", interest, re.I) \
                else "personal" if re.search(r"personal", interest, re.I) else "other"
            out.append(Declaration(ref, interest, sent.evidence, kind, sent.item_index))
    return out


def component(r: Reading, s: Sent) -> bool:
    """A declaration of interest; a sentence listing several is read completely."""
    decl = declaration_of(s, r.doc)
    if decl:
        r.ex.declarations.append(decl)
        r.declaration = decl
        return False
    listed = listed_declarations(s, r.doc)
    if listed:
        r.ex.declarations.extend(listed)
        return True
    return False
