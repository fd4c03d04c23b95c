"""Attendance: attendee lists, apologies, 'in attendance', and who chaired.

Lists come in many shapes: one name per line with "(Chair)" and "- Organisation", a
single run-on line "Present: Cllr A (Chair) Cllr B Cllr C", or prose ("apologies had been
received from X").  Markers inside a line ("Also, in attendance:") switch the role.
"""
from __future__ import annotations

import re

from kg import gazetteer as gz
from kg.extract.names import find_people
from kg.extract.sentences import Sent
from kg.records import Attendance, Evidence, PersonRef, Section

MARKER = re.compile(r"(?P<m>\b(?:members\s+)?present\s*:|\battendees\s*:|\b(?:also\s*,?\s*)?in\s+attendance\s*:|"
                    r"\balso\s+present\s*:|\bapologies(?:\s+for\s+absence)?\s*(?:were\s+received\s+from)?\s*:|"
                    r"\babsent\s*:|\bpublic\s*:|\bofficers(?:\s+present)?\s*:|\bobservers?\s*:)", re.I)
ROLE_OF_MARKER = [("in_attendance", re.compile(r"in\s+attendance|also\s+present|officers|observer", re.I)),
                  ("apologies", re.compile(r"apolog|absent", re.I)),
                  ("public", re.compile(r"public", re.I)),
                  ("present", re.compile(r"present|attendees", re.I))]
PAREN = re.compile(r"^\s*\((?P<inner>[^)]{1,80})\)")
AFFILIATION = re.compile(r"^\s*(?:\([^)]*\)\s*)*(?:[-–—]|,)\s*(?P<org>[A-Z][^\n(,]{1,80}?)\s*(?=$|\n|\s+(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b)")


def _role_of(marker: str) -> str:
    for role, rx in ROLE_OF_MARKER:
        if rx.search(marker):
            return role
    return "present"


def from_lists(text: str, sections: list[Section], ctx) -> tuple[list[Attendance], dict[str, str], dict[str, str]]:
    """Attendance from list sections (and the header); returns (attendance, posts, affiliations).

    posts maps a post ("clerk", "chair") to the surface of the person who holds it.
    """
    out: list[Attendance] = []
    posts: dict[str, str] = {}
    affiliation: dict[str, str] = {}
    for sec in sections:
        if sec.kind not in ("header", "present", "in_attendance", "apologies"):
            continue
        role = sec.kind if sec.kind != "header" else None
        chunk = text[sec.start:sec.end]
        # split the section at role markers found anywhere in it
        cuts = [(m.start(), _role_of(m.group("m")), m.end()) for m in MARKER.finditer(chunk)]
        if not cuts and role is None:
            continue
        pieces = []
        if cuts and cuts[0][0] > 0 and role is not None:
            pieces.append((0, cuts[0][0], role))
        for k, (start, r, body_start) in enumerate(cuts):
            end = cuts[k + 1][0] if k + 1 < len(cuts) else len(chunk)
            pieces.append((body_start, end, r))
        if not cuts:
            pieces.append((0, len(chunk), role))
        for a, b, r in pieces:
            if r == "public":
                continue
            mentions = [m for m in find_people(chunk[a:b], sec.start + a, ctx) if m.kind != "alias"]
            for i, m in enumerate(mentions):
                rel_end = m.end - sec.start
                line_end = chunk.find("\n", rel_end)
                line_end = len(chunk) if line_end == -1 else line_end
                stop = min(b, line_end)
                if i + 1 < len(mentions):
                    stop = min(stop, mentions[i + 1].start - sec.start)
                after = chunk[rel_end:stop]
                ev_start = m.start
                ev_end = sec.start + stop
                ref = PersonRef(m.surface, m.start)
                roles = []
                for pm in re.finditer(r"\(([^)]{1,80})\)", after[:120]):
                    if re.search(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\b", after[:pm.start()]):
                        break
                    inner = pm.group(1).strip()
                    if re.fullmatch(r"[A-Z]{2,4}|[A-Z]{2,3}[a-z]", inner):
                        ref.initials = inner
                        continue
                    roles.append(inner)
                am = AFFILIATION.match(after)
                if am:
                    org_text = am.group("org").strip(" -–")
                    post = gz.lookup_post(org_text)
                    if post is not None:
                        roles.append(org_text)
                    else:
                        ref.org = org_text
                        affiliation[m.surface] = org_text
                for role_text in roles:
                    for part in re.split(r"\s+and\s+|\s*[,&/;]\s*", role_text):
                        info = gz.lookup_post(part.strip())
                        if info is not None:
                            posts.setdefault(info.post.lower(), m.surface)
                            ref.role = ref.role or info.post
                            if info.kind == "chair" and info.post.lower() in ("chair", "chairman", "chairperson"):
                                pass
                        elif part.strip() and not ref.org and re.fullmatch(r"[A-Z][\w&' -]{1,60}", part.strip()) \
                                and gz.lookup_org(part.strip()):
                            ref.org = part.strip()
                ev = Evidence(text[ev_start:ev_end].strip(), ev_start, ev_start + len(text[ev_start:ev_end].strip()))
                out.append(Attendance(ref, r, ev, on_behalf_of=ref.org))
                if _is_chair(roles) and r == "present":
                    out.append(Attendance(ref, "chair", ev, on_behalf_of=ref.org))
    return out, posts, affiliation


def _is_chair(roles: list[str]) -> bool:
    for r in roles:
        if re.fullmatch(r"(?:the\s+)?(?:chair|chairman|chairwoman|chairperson|in\s+the\s+chair|presiding)", r.strip(), re.I):
            return True
    return False


APOLOGY_PROSE = re.compile(r"\bapolog\w*\b.*?\b(?:from|for)\b|\breceived\s+(?:and\s+accepted\s+)?from\b", re.I)
IN_ATTENDANCE_PROSE = re.compile(r"\b(?:was|were)?\s*in\s+attendance\b|\battended\s+(?:for|the\s+meeting)", re.I)
CHAIR_PROSE = re.compile(r"\b(?:welcomed|opened\s+the\s+meeting|in\s+the\s+chair|chaired\s+the\s+meeting|took\s+the\s+chair)\b", re.I)


def from_prose(sents: list[Sent]) -> list[Attendance]:
    """Apologies and attendance written as sentences; the chair from who opened the meeting."""
    out: list[Attendance] = []
    chair_found = False
    for s in sents:
        if s.section.kind in ("present", "in_attendance", "apologies"):
            continue
        low = s.text.lower()
        m = APOLOGY_PROSE.search(s.text)
        if m and ("apolog" in low or (s.section.title or "").lower().find("apolog") >= 0):
            for p in s.people:
                if p.start - s.start >= m.start() and p.kind != "alias":
                    out.append(Attendance(PersonRef(p.surface, p.start), "apologies", s.evidence))
        m = IN_ATTENDANCE_PROSE.search(s.text)
        if m and s.people and len(s.text) < 200 and "apolog" not in low:
            for p in s.people:
                if p.start - s.start < m.start():
                    out.append(Attendance(PersonRef(p.surface, p.start), "in_attendance", s.evidence))
            continue
        if not chair_found:
            m = CHAIR_PROSE.search(s.text)
            if m and s.people:
                p = s.people[0]
                rel = p.start - s.start
                if rel < m.start() and (rel == 0 or "in the chair" in m.group(0).lower()):
                    out.append(Attendance(PersonRef(p.surface, p.start), "chair", s.evidence))
                    chair_found = True
    return out


ATTENDANCE_VALUES = [("apologies", re.compile(r"apolog|sent\s+apologies", re.I)),
                     ("in_attendance", re.compile(r"in\s+attendance|attended\s+as|virtual", re.I)),
                     ("present", re.compile(r"present|attended|in\s+person", re.I))]


def from_moderngov(doc) -> tuple[list[Attendance], dict[str, str]]:
    """Attendance straight from a GetMeeting answer's attendee list (role and attendance).

    'Expected' (the register was not taken or not published) records no attendance.
    """
    out: list[Attendance] = []
    posts: dict[str, str] = {}
    for a in doc.meta.get("attendees", []):
        name = a.get("name")
        if not name or "line_start" not in a:
            continue
        ev = Evidence(doc.text[a["line_start"]:a["line_end"]], a["line_start"], a["line_end"])
        ref = PersonRef(name, a["line_start"], role=a.get("role"))
        role_text = (a.get("role") or "").strip()
        info = gz.lookup_post(role_text) if role_text else None
        if info is not None:
            posts.setdefault(info.post.lower(), name)
        status = a.get("attendance") or ""
        role = next((r for r, rx in ATTENDANCE_VALUES if rx.search(status)), None)
        if re.search(r"officer|in\s+attendance|observer|guest", role_text, re.I) and role == "present":
            role = "in_attendance"
        if role is None:
            continue
        out.append(Attendance(ref, role, ev))
        if role == "present" and info is not None and info.post == "Chair":
            out.append(Attendance(ref, "chair", ev))
    return out, posts
