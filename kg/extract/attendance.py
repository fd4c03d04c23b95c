"""Attendance: attendee lists, apologies, 'in attendance', and who chaired.

Lists come in many shapes: one name per line with "(Chair)" and "- Organisation", a
single run-on line "Present: Cllr A (Chair) Cllr B Cllr C", or prose ("apologies had been
received from X").  Markers inside a line ("Also, in attendance:") switch the role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import gazetteer as gz
from kg.extract.names import NAME_WORD, NOT_NAME, ORG_HEADS, TITLE_WORDS, Mention, find_people, is_post_title, reads_as_post
from kg.extract.sentences import Sent
from kg.records import Attendance, Evidence, PersonRef, Section
from kg.rxfilter import guarded, line_guarded

MARKER = guarded(re.compile(r"(?P<m>\b(?:members\s+|directors\s+|trustees\s+|others\s+|staff\s+)?present(?:\s+were)?[\s*_]*:|\bparticipants[\s*_]*:|"
                            r"\battend(?:ees|ed|ing)[\s*_]*:|\b(?:also\s*,?\s*|officers\s+)?in\s+attendance[\s*_]*:|"
                            r"\balso\s+present[\s*_]*:|\bthose\s+present(?:\s+(?:and|were|comprising|constituting|a|the|quorum|being)){1,4}[\s*_]*:|(?<![A-Za-z])apologies(?:\s+for\s+absence)?\s*(?:were\s+received\s+from)?[\s*_]*:|"
                            r"\babsent[\s*_]*:|\bpublic[\s*_]*:|\bofficers(?:\s+present)?[\s*_]*:|\bofficials(?:\s+present)?[\s*_]*:|"
                            r"\bobservers?[\s*_]*:|\binvited[\s*_]*:|\bguests?[\s*_]*:|"
                            r"\bin\s+the\s+chair[\s*_]*:|^[ \t]*(?:chair|chairman|chairperson)[\s*_]*:)", re.I | re.M))
# (the line-start branch skips spaces and tabs only: `^\s*` ran across every following
# blank line from every line start, quadratic in a run of blank lines)
ROLE_OF_MARKER = [("chair", re.compile(r"chair", re.I)),
                  # "Others present:" (a harbour trust's directors), "Staff present:" / "Staff Present:" (a
                  # fire district's and a city commission's rolls): those at the meeting who are not its members
                  ("in_attendance", re.compile(r"in\s+attendance|also\s+present|(?:others|staff)\s+present|officers|officials|observer|invited|guest", re.I)),
                  ("apologies", re.compile(r"apolog|absent", re.I)),
                  ("public", re.compile(r"public", re.I)),
                  ("present", re.compile(r"present|attend|participants", re.I))]


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
        if sec.kind == "item":
            out.extend(_roll_in_prose(text, sec))
            out.extend(_roll_sentence(text, sec, ctx))
            continue
        if sec.kind == "prose":
            sec = _register_in_prose(text, sec)
            if sec is None:
                continue
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
        chunk = _join_wrapped(chunk)
        if sec.kind == "header" and pieces:
            a, b, r = pieces[-1]
            pieces[-1] = (a, _list_end_in_line(chunk, a, b), r)
        for a, b, r in pieces:
            if r == "public":
                continue
            mentions = [m for m in find_people(chunk[a:b], sec.start + a, ctx) if m.kind != "alias"]
            mentions = sorted(mentions + listed_names(chunk[a:b], sec.start + a, mentions), key=lambda m: m.start)
            mentions = sorted(mentions + listed_lines(chunk[a:b], sec.start + a, mentions), key=lambda m: m.start)
            mentions = sorted(mentions + listed_caps(chunk[a:b], sec.start + a, mentions), key=lambda m: m.start)
            if not mentions:
                mentions = surname_list(chunk[a:b], sec.start + a) or _list_under_label(chunk[a:b], sec.start + a)
            else:
                # "THOSE PRESENT WERE: Mayor Adams, Presiding; Commissioners Fish, Fritz, Leonard and
                # Saltzman, 5. / Commissioner Leonard arrived at 9:36 a.m.": a list of surnames
                # before the first name read in full is still the list
                lead = surname_list(chunk[a:b], sec.start + a)
                if lead and lead[-1].end <= mentions[0].start:
                    mentions = lead + mentions
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
                held = post_before(chunk[a:m.start - sec.start], chunk[rel_end:stop])
                # "Mr Pertwell), the Vice-Chancellor, the Treasurer (" / "Mr Thorley)": the post
                # before the next entry's bracket is the next entry's (_THE_POST_BRACKET)
                nxt = _THE_POST_BRACKET.search(after) if i + 1 < len(mentions) else None
                row = read_row("" if held else after[:nxt.start()] if nxt else after)
                before = chunk[(mentions[i - 1].end - sec.start) if i else a:m.start - sec.start]
                if LEADING_CHAIR.search(before):
                    row.chair = True  # "Present: Chairman Cllr Mrs Shewell, Cllrs ..."
                named = _named_post(before, chunk[rel_end:b], first=not i)
                if named is not None and not held:
                    # "Present: The Chairman, Cllr David Peart and ...", "... and the Clerk –
                    # Adrian Illingworth": the post, then its holder set off by a comma or dash
                    posts.setdefault(named.post.lower(), m.surface)
                    ref.role = ref.role or named.post
                    row.chair = row.chair or named.post == "Chair"
                ref.initials = row.initials
                ref.org = row.org
                if row.org:
                    affiliation[m.surface] = row.org
                for post in (post_names(held) if held else row.posts):
                    posts.setdefault(post.lower(), m.surface)
                    ref.role = ref.role or post
                ev = Evidence(text[ev_start:ev_end].strip(), ev_start, ev_start + len(text[ev_start:ev_end].strip()))
                role = row.status or r
                if i and re.search(r"\([ \t]*$", before) and _SUB_IN_BRACKET.match(after):
                    # "Cllr A (Cllr B attended as substitute)": B sat in for A (_BRACKET_SUB)
                    out.append(Attendance(ref, "substitute", ev, substitute_for=mentions[i - 1].surface))
                    continue
                if role == "chair":  # "In the Chair: Cllr X" - the chair is present too
                    row.chair, role = True, "present"
                out.append(Attendance(ref, role, ev, on_behalf_of=ref.org, substitute_for=row.substitute_for))
                if row.chair and role == "present":
                    out.append(Attendance(ref, "chair", ev, on_behalf_of=ref.org))
    return out, posts, affiliation


# the first numbered item of minutes run on in one line ("... (Governance Advisor) 1. APOLOGIES FOR
# ABSENCE ...", "... - Clerk AGENDA ITEM MINUTES ACTION NO: 1. Welcome and Apologies ...")
_RUN_ON_ITEM = re.compile(r"(?<=\s)1\.[ \t]+(?=[A-Z])")
# a sentence's end after the register's last label ("Members of the Public in attendance: None.
# The proper business ..."), and a table's column heads run on before the first item
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z][a-z])")
_COLUMN_HEADS = re.compile(r"(?:[ \t]+[A-Z]{2,}\b)+[ \t]*:?[ \t]*$")


# a sentence of prose after a register's last list on the same line: at least three lower-case
# words before its next comma or semicolon ("... and Jo Avey, City Clerk. Mayor Hale opened the
# hearing on ...")
_PROSE_AFTER = re.compile(r"\.[ \t]+(?=[A-Z])")
_CLAUSE = re.compile(r"[^,;\n]{0,200}")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Cllr|Rev|Prof|Hon)|\b[A-Z]|\b[A-Z]\.[A-Z]|\b\d{1,3})$")


def _list_end_in_line(chunk: str, a: int, b: int) -> int:
    """Where the last list of a header ends when the minutes run on after it in the same line
    (a city board's roll and the first sentence of its business, both in one paragraph, as a
    city commission's and a city council's pages give them): the first full stop, not one of a
    title or an initial, before a sentence of prose; else b.  A list broken over lines, or one
    whose stop is followed by another entry, is left whole."""
    for m in _PROSE_AFTER.finditer(chunk, a, b):
        if "\n" in chunk[a:m.start()]:
            return b
        if _ABBREV_BEFORE.search(chunk[max(a, m.start() - 6):m.start()]):
            continue
        clause = _CLAUSE.match(chunk, m.end(), b).group(0)
        if len(_LOWER_WORD.findall(clause)) >= 3:
            return m.start() + 1
    return b


def _register_in_prose(text: str, sec: Section) -> Section | None:
    """Minutes run on in one stretch of prose (a PDF's text as one line) open with their register
    before the first item: "Present: A, B (Acting Chair), C In Attendance: D (Chief Executive
    Officer) E (Clerk) 1. APOLOGIES ...".  That opening is read as a header is (its labels cut
    it into lists); None where no label comes before the first item."""
    chunk = text[sec.start:sec.end]
    first = _RUN_ON_ITEM.search(chunk)
    head = chunk[:first.start()] if first else ""
    labels = list(MARKER.finditer(head))
    if not labels:
        return None
    stop = _SENTENCE_END.search(head, labels[-1].end())
    head = head[:stop.start() + 1] if stop else head
    cols = _COLUMN_HEADS.search(head)
    head = head[:cols.start()] if cols and cols.start() > labels[-1].end() else head
    return Section("header", sec.start, sec.start + len(head), title=None)


# one entry of a comma-separated register: two or three capitalised words and nothing else
# (the entry may carry its post in brackets: "Matt Ford (Treasurer), Ant Vale (Secretary), ...")
_LIST_ENTRY = re.compile(rf"(?<![\w’'-])({NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,2}})"
                         r"(?=(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:,|&|\band\b|\*|\.?[ \t]*$))", re.M)


# (a roll's plural post before its first entry is a label too: "Commissioners Joe Hay, Ann Holt,
# and ..." as a city board writes its roll in a sentence; "Commissioners Fish, Fritz" is a surname list)
_LIST_LABEL = re.compile(r"(?:Attendees|Attendance|Present|Apologies|Invited|Members|Officers|Absent|"
                         r"Commissioners|Councilmembers|Supervisors|Directors|Trustees|Aldermen)\s+")


def listed_names(chunk: str, offset: int, found: list) -> list[Mention]:
    """Names of a register line whose given names the gazetteer does not know ("Seung Choi").

    In a list of names separated by commas every entry is a person, whatever the given name;
    an entry is taken only where the list already holds at least two names found otherwise,
    and never when it reads as an organisation or a post.
    """
    if len(found) < 2 or chunk.count(",") < 2:
        return []
    out: list[Mention] = []
    for m in _LIST_ENTRY.finditer(chunk):
        s, e = offset + m.start(1), offset + m.end(1)
        surface, words = m.group(1), m.group(1).split()
        label = _LIST_LABEL.match(surface)
        if label:  # "Attendees Tony Brown, ...": a label written without its colon
            if len(words) < 3:
                continue
            surface, words, s = surface[label.end():], words[1:], s + label.end()
        if any(not (e <= f.start or s >= f.end) for f in found):
            continue
        before = chunk[:m.start(1)].rstrip(" \t*")  # (before a label, where it has one)
        # ("Apologies for absence were received from Dowyn Ashcott, Melody Erskine, ...": the
        # list's first entry follows "from", as a SACRE's and a county council's minutes write it)
        if before and not before.endswith((",", "&", "and", ":")) and not re.search(r"\breceived[ \t]+from$", before):
            continue  # inside a longer phrase, not an entry of the list
        bracket = re.match(r"[ \t]*\(([^()\n]{1,40})\)", chunk[m.end(1):])
        if bracket and not _is_role(bracket.group(1)) or \
                not bracket and "(" in re.split(r"[,;]", chunk[m.end(1):], maxsplit=1)[0]:
            continue  # "Senior Engineer, Housing Maintenance (Ann Lee)": a post's portfolio, the name in brackets
        if re.search(rf"\b(?:{ORG_HEADS})\b", surface) or is_post_title(surface) or \
                any(w in NOT_NAME or w in TITLE_WORDS for w in words):
            continue
        out.append(Mention(surface, s, e, "full"))
    return out


# one entry of a register whose surnames are written in capitals, after initials or a given name
# ("A. HOLT, B. CRANE, ..." a food co-operative's board; "Jo SMITH, Vice Chairperson, in the
# Chair" a Scottish joint board's register)
_CAPS_ENTRY = re.compile(r"(?<![\w’'.-])((?:(?:[A-Z]\.[ \t]?){1,3}|[A-Z][a-z]+[ \t]+(?:[A-Z]\.[ \t]+)?)"
                         r"[A-Z]{2,}(?:[-'’][A-Z]{2,})?)(?![\w’'-])(?=[ \t]*(?:[,;(]|\band\b|\.?[ \t]*$))", re.M)


def listed_caps(chunk: str, offset: int, found: list) -> list[Mention]:
    """Names of a register whose surnames are in capitals ("A. HOLT", "Jo SMITH"): taken only
    where the list holds at least two such entries, none of them an organisation's acronym or
    a word that is no name."""
    hits = [m for m in _CAPS_ENTRY.finditer(chunk)]
    out: list[Mention] = []
    for m in hits:
        s, e = offset + m.start(1), offset + m.end(1)
        surname = m.group(1).split()[-1].split(".")[-1]
        if any(not (e <= f.start or s >= f.end) for f in found) or gz.lookup_org(surname) \
                or surname.title() in NOT_NAME or surname.title() in TITLE_WORDS or len(surname) < 3:
            continue
        out.append(Mention(m.group(1), s, e, "full"))
    return out if len(out) >= 2 else []


# one entry of a register written one to a line, the name and then its post or its side after a
# dash ("Jo Bloggs - Board President", "- Kim Lee – Visitor"), or a bullet and the name alone
# ("* Ann Other")
_LINE_ENTRY = re.compile(rf"^[ \t]*(?P<bullet>[-*•][ \t]+)?(?P<name>{NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{NAME_WORD}){{1,2}})"
                         r"(?:[ \t]+[-–—][ \t]+(?P<post>[A-Z][^\n]{1,60}?))?[ \t]*$", re.M)


def listed_lines(chunk: str, offset: int, found: list) -> list[Mention]:
    """Names of a register written one to a line as "Name - Post" or "* Name" whose given names
    the gazetteer does not know ("Quon Esterly - Board Member").

    Only where at least two lines of the list have that shape (one such line alone may be a
    sentence's dash), and never where the name reads as an organisation or a post.
    """
    hits = [m for m in _LINE_ENTRY.finditer(chunk) if m.group("post") or m.group("bullet")]
    if len(hits) < 2:
        return []
    out: list[Mention] = []
    for m in hits:
        s, e = offset + m.start("name"), offset + m.end("name")
        surface, words = m.group("name"), m.group("name").split()
        if any(not (e <= f.start or s >= f.end) for f in found):
            continue
        if re.search(rf"\b(?:{ORG_HEADS})\b", surface) or is_post_title(surface) or \
                any(w in NOT_NAME or w in TITLE_WORDS for w in words):
            continue
        out.append(Mention(surface, s, e, "full"))
    return out


# Councils and boards that call the roll write surnames only, a title before some:
# "Commissioners Fish, Fritz, Leonard and Saltzman", "Clark, Costa, Goold, and Wood",
# "Mayor Adams, Presiding"
_ROLL_TITLE = (r"(?:(?:Mayor|President|Vice[- ]President|Chair(?:man|woman|person)?|Vice[- ]Chair|Director|"
               r"Commissioner|Councilmember|Trustee|Member|Alderman|Supervisor)s?\.?[ \t]+)")
_ROLL_ENTRY = re.compile(rf"^(?:the[ \t]+)?(?:(?:Board|Council|Committee)[ \t]+)?(?P<title>{_ROLL_TITLE})?"
                         rf"(?P<name>{NAME_WORD})(?:,?[ \t]+(?:Presiding|\(Chair\)|\(Presiding\)))?$")
_ROLL_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


def surname_list(piece: str, offset: int, least: int = 3) -> list[Mention]:
    """The attendees of a roll call written as surnames ("Clark, Costa, Goold, and Wood"):
    at least three entries, each one capitalised word with at most a title before it, and
    nothing else up to the end of the sentence."""
    m = re.match(r"\s*(.*?)(?:\.(?:\s|$)|\n\s*\n|$)", piece, re.S)
    span = m.group(1)
    span = re.sub(r",?\s*\d{1,2}\s*$", "", span)  # "..., Leonard and Saltzman, 5." (the count present)
    span = re.sub(r",[ \t]*(?=Presiding\b)", " ", span)  # "Mayor Adams, Presiding": one entry
    pos = m.start(1)
    out: list[Mention] = []
    for part in _ROLL_SPLIT.split(span):
        entry = " ".join(part.split())
        if not entry:
            continue
        e = _ROLL_ENTRY.match(entry)
        if not e or e.group("name") in NOT_NAME or e.group("name") in TITLE_WORDS:
            return []
        start = piece.find(e.group("name"), pos)
        if start < 0:
            return []
        title = e.group("title")
        end = start + len(e.group("name"))
        if title and not title.rstrip(". \t").endswith("s"):  # "Mayor Adams"; "Commissioners Fish" is Fish
            start = piece.rfind(title.strip(), pos, start)
            out.append(Mention(piece[start:end], offset + start, offset + end, "titled"))
        else:
            out.append(Mention(e.group("name"), offset + start, offset + end, "surname"))
        pos = end
    return out if len(out) >= least else []


# a label on a line of its own ("### Members Present"), then the list as a Markdown point
_LABEL_LINE_THEN_POINT = re.compile(r"[^\n]*\n\s*(?:[-*•][ \t]+)?")


def _list_under_label(piece: str, offset: int) -> list[Mention]:
    """The entries of a one-word-a-name register written under its label's own line ("### Members
    Present" / "-   Ola, Tomas, Ingrid, Marta"), as surname_list reads a list after "Present:"."""
    m = _LABEL_LINE_THEN_POINT.match(piece)
    if m is None or _attendance_label(piece[:m.end()].split("\n")[0]) is None:
        return []
    return surname_list(piece[m.end():], offset + m.end())


def _attendance_label(line: str) -> str | None:
    # (imported late: the segmenter reads the same labels)
    from kg.segment import _attendance_kind
    return _attendance_kind(line.strip())


# "Board members present: Clark, Costa, ... Board members absent: Jones and Rice." in the
# prose of an item (a US board's call to order)
_ROLL_IN_PROSE = guarded(re.compile(r"\b(?:board\s+|council\s+|committee\s+)?(?:members|directors|trustees|commissioners)\s+"
                                    r"(?P<role>present|absent)\s*:", re.I))


def _roll_in_prose(text: str, sec: Section) -> list[Attendance]:
    """A roll call inside an item's prose, read only where its list is surnames alone."""
    out: list[Attendance] = []
    chunk = text[sec.start:sec.end]
    for m in _ROLL_IN_PROSE.finditer(chunk):
        role = "present" if m.group("role").lower() == "present" else "apologies"
        for p in surname_list(chunk[m.end():], sec.start + m.end(), least=1):
            end = text.find(".", p.end)
            ev_end = p.end if end < 0 else end + 1
            ev = Evidence(text[sec.start + m.start():ev_end], sec.start + m.start(), ev_end)
            out.append(Attendance(PersonRef(p.surface, p.start), role, ev))
    return out


# The roll written as a sentence of full names in a US board's call to order: "Board members
# present were supervisors Ann Lee, Bo Park, and Cy Moss, treasurer Di Fox, and clerk Ed Hale.
# Also present were Fay Ng and Gus Roe.", "The following directors were present in the
# Boardroom: Ann Lee, Bo Park."
_BODY_MEMBERS = r"(?:members|directors|trustees|commissioners|supervisors|councillors|councilmembers|governors)"
_ROLL_SENTENCE = guarded(re.compile(
    rf"\b(?:(?:board|council|committee)\s+)?{_BODY_MEMBERS}\s+present\s+were\b[ \t]*:?|"
    rf"\bthe\s+following\s+(?:(?:board|council|committee)\s+)?{_BODY_MEMBERS}\s+were\s+present\b[^:.\n]{{0,40}}:|"
    r"\b(?P<also>also\s+present\s+were)\b[ \t]*:?", re.I))
# the sentence's end: a full stop not closing a middle initial ("Tom R. Gray")
_ROLL_SENTENCE_END = re.compile(r"(?<![A-Z])\.(?=\s|$)|\n[ \t]*\n")


_ROLL_SENTENCE_NAME = re.compile(rf"(?:[a-z]+[ \t]+)*(?P<name>{NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{NAME_WORD}){{1,2}})")


def _roll_entries(span: str, offset: int, found: list) -> list[Mention]:
    """The entries of a roll sentence the gazetteer does not know: in "supervisors A, B, and C,
    treasurer D" every entry is a name, after the post written in lower case before it."""
    out: list[Mention] = []
    pos = 0
    for part in re.split(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+", span):
        at = span.find(part, pos)
        pos = at + len(part)
        m = _ROLL_SENTENCE_NAME.fullmatch(part.strip())
        if not m or not part.strip():
            continue
        s = offset + at + (len(part) - len(part.lstrip())) + m.start("name")
        e = s + len(m.group("name"))
        words = m.group("name").split()
        if any(not (e <= f.start or s >= f.end) for f in found) or \
                re.search(rf"\b(?:{ORG_HEADS})\b", m.group("name")) or is_post_title(m.group("name")) or \
                any(w in NOT_NAME or w in TITLE_WORDS for w in words):
            continue
        out.append(Mention(m.group("name"), s, e, "full"))
    return out


def _roll_sentence(text: str, sec: Section, ctx) -> list[Attendance]:
    """The people a roll-call sentence names (_ROLL_SENTENCE), each with the sentence as evidence:
    present, or in attendance after "Also present were"."""
    out: list[Attendance] = []
    chunk = text[sec.start:sec.end]
    for m in _ROLL_SENTENCE.finditer(chunk):
        end = _ROLL_SENTENCE_END.search(chunk, m.end())
        stop = end.start() if end else len(chunk)
        span = chunk[m.end():stop]
        at = sec.start + m.end()
        found = [p for p in find_people(span, at, ctx) if p.kind != "alias"]
        found = sorted(found + _roll_entries(span, at, found), key=lambda p: p.start)
        role = "in_attendance" if m.group("also") else "present"
        ev_start, ev_end = sec.start + m.start(), sec.start + stop + (1 if end and chunk[stop:stop + 1] == "." else 0)
        for p in found:
            out.append(Attendance(PersonRef(p.surface, p.start), role, Evidence(text[ev_start:ev_end], ev_start, ev_end)))
    return out


def _is_role(cell: str) -> bool:
    """'(Secretary)', '(Chair)', '(AK)': what a register writes in brackets after a name."""
    cell = cell.strip()
    return bool(CHAIR_CELL.match(cell) or gz.lookup_post(cell) or is_post_title(cell)
                or re.fullmatch(r"[A-Z]{2,4}", cell))


def attendee_initials(listed: list[Attendance], text: str) -> dict[str, str]:
    """Initials the minutes use for attendees without ever declaring them ("KC to action").

    Notes of a meeting often list the attendees in full and then write only their initials
    ("EL asked KC ..."), or a given name and the surname's initial ("Helen C"). A code is read
    as a person's only where it fits exactly one attendee, is written in the text, and is
    not an organisation's acronym; initials two attendees share stay unread.
    """
    fits: dict[str, set[str]] = {}
    for a in listed:
        words = [w for w in re.split(r"[\s-]+", a.person.surface) if w]
        if a.person.is_post or len(words) < 2 or len(words) > 3 or words[0].rstrip(".") in TITLE_WORDS \
                or not all(w[:1].isupper() and w[1:2].islower() for w in words):
            continue
        fits.setdefault("".join(w[0] for w in words), set()).add(a.person.surface)
        fits.setdefault(f"{words[0]} {words[-1][0]}", set()).add(a.person.surface)
    out: dict[str, str] = {}
    for code, people in fits.items():
        if len(people) != 1 or gz.lookup_org(code) or (" " not in code and len(code) < 2):
            continue
        if _written(code, text):
            out[code] = next(iter(people))
    return out


_NOT_GIVEN = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def attendee_given_names(listed: list[Attendance], people: list) -> dict[str, str]:
    """Given names of attendees the register lists in full, for the prose that names them by the
    given name alone ("Present: Ann Lee, ..." then "Ann will contact the school").

    The gazetteer's list of given names misses many; a register has already shown the word is
    a given name. Only a given name one person of the document has is read so.
    """
    holders: dict[str, set[str]] = {}
    for m in people:
        words = m.surface.split()
        while words and (words[0].rstrip(".") in TITLE_WORDS or words[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Dr")):
            words = words[1:]  # "Cllr John Kane": John is his given name too
        if len(words) >= 2:
            holders.setdefault(words[0], set()).add(" ".join(words[-1:]))
    out: dict[str, str] = {}
    # a register most of whose entries are one word, most of them given names the gazetteer
    # knows ("Present: Ola, Tomas, Ingrid, Marta"): a list of given names, its other words too;
    # a roll of surnames ("Clark, Costa, Goold and Wood", "Cobb, Evans, Richards") is not one
    singles = [a.person.surface for a in listed if len(a.person.surface.split()) == 1 and not a.person.is_post]
    given_only = len(singles) >= 3 and 2 * len(singles) >= len(listed) \
        and 2 * sum(1 for w in singles if gz.is_first_name(w)) > len(singles)
    for a in listed:
        words = [w for w in a.person.surface.split() if w]
        # a register of given names alone ("Present: Ola, Tomas, Ingrid"), or a given name and
        # a surname's initial ("Ola K, Tomas B"): how a club's or a hackerspace's committee lists
        # its members; the prose then names them the same way
        initial = len(words) == 2 and re.fullmatch(r"[A-Z]\.?", words[1]) is not None
        if a.person.is_post or not 1 <= len(words) <= 3 or words[0].rstrip(".") in TITLE_WORDS \
                or not all(w[:1].isupper() and (w[1:2].islower() or initial and k == 1) for k, w in enumerate(words)):
            continue
        given = words[0]
        if len(given) < 3 or given in NOT_NAME or given in _NOT_GIVEN or gz.lookup_org(given):
            continue
        if len(words) == 1 and not given_only:
            continue  # one word of a register is a given name only in a register of given names
        if holders.get(given, {words[-1]}) != {words[-1]}:
            continue  # two people of the document share the given name
        out.setdefault(given, a.person.surface)
    return out


def _written(code: str, text: str) -> bool:
    """Whether the text writes the code as a word of its own ("KC to action", "-KC"): tried
    where the code occurs (the lookbehinds still see the text before), not by scanning the
    whole text once per code."""
    # the checks of `(?:(?<![\w’'-])|(?<=[a-z]-))CODE(?![\w-])` made on the characters either
    # side (a pattern per code took a compile per attendee of every document); a regex's
    # \w is a character str.isalnum() accepts, or "_"
    n = len(code)
    at = text.find(code)
    while at != -1:
        before = text[at - 1] if at else ""
        after = text[at + n] if at + n < len(text) else ""
        if (not before or not (before.isalnum() or before in "_’'-")
                or before == "-" and at >= 2 and "a" <= text[at - 2] <= "z") \
                and not (after and (after.isalnum() or after in "_-")):
            return True
        at = text.find(code, at + 1)
    return False


# "..., the Vice-Chancellor, the Treasurer (Mr Thorley), ...", "the President of the Students'
# Union (Miss Oakes)": a post named with its article in a run of entries, its holder in brackets
# (a university's council; a waste committee's officers are listed "Waste Minimisation Officer
# (Mrs A Atkins)")
_THE_POST_BRACKET = re.compile(r"(?:^|[,;]\s*|\band\s+)the\s+([A-Z][^(),;]{2,80}?)\s*\(\s*$")


def post_before(before: str, after: str) -> str | None:
    """The post written before a name in brackets: 'Senior Engineer (Mr T Quinn), ...'.

    Irish and some English councils list officials post first, the name in brackets; the
    post runs back to the previous entry's closing bracket.
    """
    if not after.lstrip().startswith(")"):
        return None
    m = re.search(r"(?:^|\)[\s,;.]*|:\s*)([A-Z][^()]{2,120}?)[\s,]*\(\s*$", before.lstrip(" \t\n*")) \
        or _THE_POST_BRACKET.search(before)
    if not m:
        return None
    post = " ".join(m.group(1).split()).strip(" ,")
    return post if is_post_title(post.split(",")[0].strip()) else None


def post_names(post: str) -> list[str]:
    """The names a post goes by: in full, before its first comma, and its title up to 'of X'."""
    names = [post, post.split(",")[0].strip()]
    short = re.match(r"^(.+?\bof\s+[A-Z][\w’'-]*)\s", post)
    if short:
        names.append(short.group(1))
    return list(dict.fromkeys(names))


# a list line that stops inside an entry: "..., Alison" / "Wheeler (Chief Executive), ..."
# or "Krystal Vittles (Libraries" / "Innovation and Development manager), ..."
# or "..., Mr Peter" / "Lowton (PL), ..." and "..., Mr P" / "Lowton (PL)": a title with the given name or initial
# or "Apologies:- Cllrs Eunis" / "Jassemi and ...", "... and Colin" / "Rockall.": the first or last entry
_WRAPPED = re.compile(r"(?:(?:,|:-?|\band(?=[ \t]))\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllrs?)\.?[ \t]+(?:[A-Z]\b\.?|[A-Z][\w’'-]+)|[A-Z][\w’'-]+)|[,&]|\band"
                      r"|\([^)\n]*)[ \t]*\n(?=[ \t]*\S)|[ \t]*\n(?=[ \t]*\()")


# a line that is an entry of its own: a name of two or more words, then its initials or post in
# brackets ("John Dodd (JD) Chair, ICB")
_ENTRY_LINE = re.compile(r"[ \t]*[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+)+[ \t]*\(")


def _join_wrapped(chunk: str) -> str:
    """The list with line breaks inside an entry turned to spaces (same length, so every
    offset still points into the text)."""
    return _WRAPPED.sub(lambda m: m.group(0)[:-1] + " " if m.group(0).endswith("\n") and not _ends_with_post(m.group(0))
                        and not _post_then_entry(m, chunk) else m.group(0), chunk)


def _post_then_entry(m: re.Match, chunk: str) -> bool:
    """"... Director of Strategy and Delivery" / "John Dodd (JD) Chair": the line ends with a
    post's last word, not a given name, and the next line is a whole entry of its own."""
    last = re.search(r"([A-Z][\w’'-]+)[ \t]*\n$", m.group(0))
    return bool(last) and not gz.is_first_name(last.group(1)) and bool(_ENTRY_LINE.match(chunk, m.end()))


def _ends_with_post(piece: str) -> bool:
    """', Chairman\n' closes an entry "Name, Post" written one to a line: the next line is
    the next attendee, not the rest of this one's name."""
    m = re.match(r",\s*([A-Z][\w’'-]+)[ \t]*\n$", piece)
    return bool(m) and (gz.lookup_post(m.group(1)) is not None or is_post_title(m.group(1)))


@dataclass
class Row:
    """What an attendance entry says after the name: initials, posts, organisation, status."""

    initials: str | None = None
    posts: list[str] = field(default_factory=list)
    org: str | None = None
    chair: bool = False
    status: str | None = None  # a register column: present | apologies
    substitute_for: str | None = None


STATUS_CELL = [("present", re.compile(r"^(?:yes|y|present|attended|in\s+person|virtual|remote|✓|x)$", re.I)),
               ("apologies", re.compile(r"^(?:no|n|apologies|apols|absent|sent\s+apologies)$", re.I))]
# ("Acting Chair": who chairs in the chair's absence chairs this meeting)
CHAIR_CELL = re.compile(r"^(?:the\s+)?(?:acting\s+)?(?:chair|chairman|chairwoman|chairperson|in\s+the\s+chair|presiding|"
                        r"chair\s+of\s+the\s+\w+)$", re.I)
SUBSTITUTE = re.compile(r"\b(?:deputising|substituting|substitute|standing\s+in|on\s+behalf)\s+(?:for|of)\s+"
                        r"(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")


# the chair's title written before the name in the list, with nothing between
# (on the name's own line: "..., Chairman" closing the line above is the post of the one before)
LEADING_CHAIR = re.compile(r"(?:^\s*|[,;:]\s*)(?:the\s+)?(?:chairman|chairwoman|chairperson|chair)[ \t]+"
                          r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?[ \t]+)?$", re.I)
# "The Chairman, Cllr David Peart and Cllrs ...", "... and the clerk, Derek Kane.", "and the Clerk –
# Adrian Illingworth": a post written before its holder's name in a list, set off by a comma or a dash
_POST_THEN_NAME = re.compile(r"(?:^|[,;:]|\band\b|&)\s*the\s+(?P<post>[A-Za-z][A-Za-z’' -]{1,40}?)\s*(?P<sep>,|[-–—])\s*"
                             r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?$", re.I)


def _named_post(before: str, after: str, *, first: bool):
    """The gazetteer's post written before a list entry's name ("the Clerk – ", "The Chairman, "),
    or None.  After a comma the entry must open the list or close it ("... and the clerk, Derek
    Kane."): in the middle, "the Clerk, Mrs Ames" is as likely two attendees as one."""
    m = _POST_THEN_NAME.search(before)
    if m is None:
        return None
    if m.group("sep") == "," and not first and not re.match(r"\s*(?:[.;]|\n|$)", after):
        return None
    return gz.lookup_post(m.group("post").strip())


# "County Cllr Webb & the Clerk": a post after '&' / 'and the' is another attendee, not Webb's post
AND_THE_POST = re.compile(r"^(?:&|and)\s+the\s+", re.I)

DASH_ORG = re.compile(r"^\s*(?:\([^)]*\)\s*)*[-–—]\s*(?P<org>[A-Z][^,(|\n\t]{1,80}?)\s*(?=$|[,(|\t\n]|\s{2,})")


# a member's office in the body after the dash of a register line ("Jo Bloggs - Board President",
# "- Vice President"): her post, not an organisation
_STANDING = re.compile(r"(?:(?:Board|Council|Committee)[ \t]+)?(?:Vice[ \t-]+)?(?:President|Chair(?:man|woman|person)?)")
# ... or a seat or how the person came, neither a post nor a side ("Board Member", "Visitor")
_NO_SIDE = re.compile(r"(?:(?:Board|Council|Committee)[ \t]+)?Members?|Visitors?|Guests?|Members?[ \t]+of[ \t]+the[ \t]+public", re.I)


def read_row(after: str) -> Row:
    """Parse what follows a name in an attendance list, in any of the usual layouts:
    '(MW) (Chair) - Cardiff and Vale UHB', '| Chair | NHS X ICB', '   Eastbury Council   Yes',
    ', Director of Children's Services, Kestrel Vale Council (Chair)', '(JO, Chair)'."""
    row = Row()
    dash = DASH_ORG.match(after)
    if dash and _NO_SIDE.fullmatch(dash.group("org").strip()):
        pass  # "Kim Lee - Visitor", "Ann Other - Board Member": neither a post nor a side
    elif dash and (reads_as_post(dash.group("org")) or _STANDING.fullmatch(dash.group("org").strip())):
        row.posts.append(" ".join(dash.group("org").split()))  # "Ann Lee – MP for Kelby": her post
    elif dash and gz.lookup_post(dash.group("org").strip()) is None and not STATUS_CELL[0][1].match(dash.group("org").strip()):
        row.org = dash.group("org").strip()  # "Ann Lee (AL) - Kelby Voluntary Action"
    sub = SUBSTITUTE.search(after)
    if sub:
        row.substitute_for = sub.group("who")
    parts: list[str] = []
    for pm in re.finditer(r"\(([^)]{1,120})\)", after[:300]):
        # "(Treasurer | P6)", "(Clerk - BMc)": the post, then the year group or initials
        parts.extend(p.strip() for p in re.split(r"\s*[,|]\s*|\s+[-–—]\s+", pm.group(1)))
    rest = re.sub(r"\([^)]{0,120}\)", " | ", after[:300])
    parts.extend(c.strip(" .;:-–—") for c in re.split(r"\s*\|\s*|\t+|\s{2,}|\s+[-–—]\s+|,\s*", rest))
    for cell in parts:
        if not cell or re.match(r"(?i)(?:item|items|minutes|part|for\s+item)\b", cell) or AND_THE_POST.match(cell):
            continue
        if re.fullmatch(r"[A-Z]{2,4}|[A-Z]{2,3}[a-z]", cell) and not gz.lookup_org(cell) and not gz.lookup_post(cell):
            row.initials = row.initials or cell
            continue
        status = next((k for k, rx in STATUS_CELL if rx.match(cell)), None)
        if status:
            row.status = status
            continue
        if CHAIR_CELL.match(cell):
            row.chair = True
            if not re.match(r"(?i)(?:the\s+)?acting\b", cell):
                row.posts.append("Chair")  # an acting chair chairs the meeting, holding no post
            continue
        for part in re.split(r"\s+and\s+(?=[A-Z])|\s*[&/;]\s*", cell):
            info = gz.lookup_held_post(part.strip())
            if info is not None:
                row.posts.append(info.post)
                if info.post == "Chair":
                    row.chair = True
                break
        else:
            if reads_as_post(cell) or _STANDING.fullmatch(cell):
                row.posts.append(" ".join(cell.split()))  # a post the gazetteer does not know
                continue
            if _NO_SIDE.fullmatch(cell):
                continue
            if row.org is None and re.match(r"[A-Z0-9]", cell) and (gz.lookup_org(cell) or _org_like(cell)):
                row.org = cell
    return row



# "Chair – Tony Brown", "(c) Secretary - Hector Rufrancos": the officers elected or appointed,
# one post to a line, its holder after a dash and nothing else on the line; or after a comma, a
# colon or a run of spaces ("- Treasurer, Ann Lee" under a society's election of officers,
# "Chair : Ann Lee" in a forum's office bearers' report, "Chair        Ann Lee" in a charity's AGM)
_OFFICER_LINE = re.compile(r"^[ \t]*(?:[-•*][ \t]+)?(?:\(?[a-z0-9]{1,3}[.)][ \t]*)?(?P<post>[A-Z][A-Za-z’' -]{1,40}?)"
                           r"(?:[ \t]+[-–—][ \t]+|[ \t]*[,:][ \t]+|[ \t]{3,})"
                           r"(?P<name>[^\n]{3,60}?)[ \t.]*$", re.M)


def officer_lines(text: str, ctx) -> dict[str, str]:
    """Posts from a list of officers ("Vice Chair – Sylvia Knights"): post -> holder, where the
    post is one the gazetteer knows and the rest of the line is one person's name."""
    posts: dict[str, str] = {}
    for m in _OFFICER_LINE.finditer(text):
        info = gz.lookup_post(m.group("post").strip())
        if info is None:
            continue
        name = m.group("name").strip()
        people = [p for p in find_people(name, 0, ctx) if p.kind in ("full", "titled")]
        if len(people) == 1 and people[0].surface == name:
            posts.setdefault(info.post.lower(), name)
    return posts

# "Graham Horton (Treasurer) introduced his report", "Jonathan Ogden (Honorary Secretary)
# presented the accounts": a member named in the prose with the post they hold in brackets;
# "The Chair of the Association, Iain McMath, welcomed ...", "The PCC treasurer, Keith
# Harwood, spoke ...": the post, then its holder set off by commas
_NAME_WORDS = r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){1,3}"
# "Head of Service, Steve Reeve, presented the Draft Protocol" (a joint waste committee), "the Chair
# also welcomed the new Director of Finance, Mr Andrew Conway." (a university's council): a post
# the gazetteer knows opening the sentence, or after "the (new)" inside it, then its holder set
# off by commas or closing the sentence
_PROSE_POST = re.compile(rf"(?P<name>{_NAME_WORDS})[ \t]*\((?P<post>[A-Z][A-Za-z’' -]{{1,40}}?)\)"
                         rf"|(?:^|(?<=[.:;]\s))The\s+(?:[A-Z]{{2,6}}\s+)?(?P<post2>[A-Za-z][A-Za-z -]{{2,30}}?)"
                         rf"(?:\s+of\s+the\s+[A-Z]\w+)?,\s+(?P<name2>{_NAME_WORDS}),"
                         rf"|(?:^|(?<=[.:;]\s)|(?<=\bthe\snew\s))(?P<post3>[A-Z][a-z]+(?:[ \t]+(?:of|for|and|[A-Z][a-z]+)){{1,4}}),"
                         rf"[ \t]+(?P<name3>{_NAME_WORDS})(?=[ \t]*,[ \t]+[a-z]|\.)", re.M)


# "RESOLVED: That Councillor Mrs A B Hale be re-elected Mayor for the ensuing municipal year",
# "proposed ... that Cllr Jo Hart be appointed Chairman of the Council", "that Councillor Lee be
# elected Vice Chairman for the meeting": an election names the post its holder takes (not "be
# appointed a trustee", one of many, nor "be appointed to the Planning Board", a seat on a body)
_NAME_BEFORE_VERB = (r"(?P<name>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)*(?:[A-Z][\w’'-]*\.?[ \t]+){0,3}"
                     r"[A-Z][\w’'-]+)")
# ("Chairman of the Joint Committee" is the minutes' own body, as a joint committee calls
# itself: a crematorium's and a waste partnership's joint committees)
_POST_AFTER = (r"(?:the[ \t]+)?(?P<post>[A-Z][A-Za-z-]+(?:[ \t]+[A-Z][A-Za-z-]+){0,2})\b"
               r"(?![ \t]+(?:[A-Z]|of[ \t]+the[ \t]+(?!Joint[ \t])[A-Z]\w*[ \t]+(?:Committee|Board|Group|Panel)))")
# ("That Cllr A be elected to fill the Office of Mayor for the ensuing year": an Irish municipal
# district's election; "appointed to fill the position of Clerk" as English councils write it)
_ELECTED_POST = line_guarded(re.compile(_NAME_BEFORE_VERB + r"[ \t]+be[ \t]+(?:re-?)?(?:elected|appointed)[ \t]+(?:as[ \t]+|to[ \t]+fill[ \t]+"
                                        r"the[ \t]+(?i:office|position|post)[ \t]+of[ \t]+)?" + _POST_AFTER))


# "Mr A Lee was elected as Chair of the Panel for the 2024/25 Municipal Year", "Mr B Day was
# duly elected Vice-Chairman", "RESOLVED to elect Councillor Beck as Vice Chairman for the
# meeting", "unanimously agreed to elect Mr R Hill as Chair of the Board of Directors": the same
# election told in the past or as the meeting's act, the holder before "was" or after "elect"
_WAS_ELECTED_POST = line_guarded(re.compile(_NAME_BEFORE_VERB + r"[ \t]+(?:was|has[ \t]+been|had[ \t]+been)[ \t]+"
                                            r"(?:(?:duly|unanimously|then)[ \t]+)*(?:re-?)?(?:elected|appointed)[ \t]+(?:as[ \t]+)?" + _POST_AFTER))
_TO_ELECT_POST = line_guarded(re.compile(r"\b(?i:to)[ \t]+(?:re-?)?elect[ \t]+" + _NAME_BEFORE_VERB + r"[ \t]+as[ \t]+" + _POST_AFTER))


def prose_posts(text: str, ctx) -> dict[str, str]:
    """Posts the prose gives a named person: post -> holder, where the post is one the
    gazetteer knows as written and one person holds it (two names for one post: neither)."""
    seen: dict[str, set[str]] = {}
    found = [(m.group("post"), m.group("name"), ("full", "titled")) if m.group("post")
             else (m.group("post2"), m.group("name2"), ("full", "titled")) if m.group("post2")
             else (m.group("post3"), m.group("name3"), ("full", "titled")) for m in _PROSE_POST.finditer(text)]
    # an election names its councillor by title and initials ("Councillor Mrs S M Hale")
    found += [(m.group("post"), m.group("name"), ("full", "titled", "initials"))
              for rx in (_ELECTED_POST, _WAS_ELECTED_POST, _TO_ELECT_POST) for m in rx.finditer(text)]
    found += _posts_before_names(text, ctx)
    for post, name, kinds in found:
        info = gz.lookup_post(post.strip())
        if info is None:
            continue
        people = [p for p in find_people(name, 0, ctx) if p.kind in kinds
                  and p.start + len(p.surface) == len(name)]
        if people:
            seen.setdefault(info.post.lower(), set()).add(people[-1].surface)
    return {post: next(iter(names)) for post, names in seen.items() if len(names) == 1}


# "Present were Mayor Lynn Acre, ..., Administrator Kyle Kruger and Clerk Lynda Millard", "General
# Manager Gray provided an overview" (Tom R. Gray named in full elsewhere): a post written as a
# title before its holder's name, as North American minutes write it (a Canadian municipal
# council, a US water district)
_POST_WORDS_BEFORE = re.compile(r"(?:^|(?<=[\s,;(]))(?P<post>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,3})[ \t]+$")
# "Our chair Bob Lane opened the meeting", "called to order by the president, Ann Avey": the post in
# lower case after "our" or "the", before its holder (a community land trust's AGM report, a US
# school board)
_LOWER_POST_BEFORE = re.compile(r"\b(?:[Oo]ur|[Tt]he)[ \t]+(?P<post>[a-z]+(?:[ \t]+[a-z]+)?)[ \t]*,?[ \t]+$")


def _posts_before_names(text: str, ctx) -> list[tuple[str, str, tuple[str, ...]]]:
    """(post, name, kinds) for each full name, or surname of one named in full, that a post
    the gazetteer knows stands straight before (the post's longest known tail)."""
    out = []
    full = [p for p in find_people(text, 0, ctx, named_only=True) if p.kind == "full"]
    by_surname: dict[str, set[str]] = {}
    for p in full:
        by_surname.setdefault(p.surface.split()[-1], set()).add(p.surface)
    heads = [(p.start, p.surface) for p in full]
    for m in re.finditer(rf"(?<![\w’'-])({NAME_WORD})(?![\w’'-])", text):
        names = by_surname.get(m.group(1), set())
        if len(names) == 1 and not any(st <= m.start() < st + len(sf) for st, sf in heads):
            heads.append((m.start(), next(iter(names))))
    for start, name in heads:
        line = text[max(0, start - 60):start].split("\n")[-1]
        before = _POST_WORDS_BEFORE.search(line) or _LOWER_POST_BEFORE.search(line)
        if not before:
            continue
        words = before.group("post").split()
        lead = text[max(0, start - 80):start - len(before.group("post")) - 1]
        if re.search(r"(?i)\b(?:former|late|ex|previous|then|past|retiring|outgoing)[ \t-]*$", lead):
            continue  # "the former Elected Member Paddy Lee", "ex-Mayor Jo Hart": no longer the post's holder
        for i in range(len(words)):
            post = " ".join(words[i:])
            info = gz.lookup_post(post)
            if info is not None and info.kind in ("officer", "chair") and post not in TITLE_WORDS:
                out.append((post, name, ("full",)))
                break
    return out


def _org_like(cell: str) -> bool:
    from kg.extract.names import ORG_HEADS
    return bool(re.search(rf"(?:{ORG_HEADS})\b", cell)) and len(cell.split()) <= 10


APOLOGY_PROSE = guarded(re.compile(r"(?<![A-Za-z])apolog\w*\b.*?\b(?:from|for)\b|\breceived\s+(?:and\s+accepted\s+)?from\b", re.I))
ABSENT_PROSE = guarded(re.compile(r"(?:,[^,.;]{1,40},)?[ \t]+(?:was|were)[ \t]+absent\b(?![ \t]+(?:from[ \t]+)?(?:the[ \t]+)?(?:vote|room|chamber|item))"))
IN_ATTENDANCE_PROSE = guarded(re.compile(r"\b(?:was|were)?\s*in\s+attendance\b|\battended\s+(?:for|the\s+meeting)", re.I))
# "The meeting was called to order at 6:01 pm by President Ash.", "... called to order by the
# president, Jo Avey.": who calls the meeting to order presides over it (North American minutes)
# "The meeting was led by Jo Avey.", "the meeting was chaired by JA.": so named, the chair (an
# open-source foundation's board, a Scottish community council's AGM)
CALLED_TO_ORDER = guarded(re.compile(r"\b(?:called\s+to\s+order\b[^.;]{0,40}?|(?i:meeting)\s+was\s+(?:chaired|led)\s+)\bby\s+(?:the\s+)?(?:(?P<title>(?i:president|chair(?:man|person|woman)?|"
                                     r"mayor|presiding\s+officer))?\s*,?\s*)?"))
CALLED_BY_TITLE = re.compile(r"((?:[A-Z][a-z][\w’'-]*\s+)?[A-Z][a-z][\w’'-]*)(?=\s*[.,;]|\s*$)")
CHAIR_APPOSITION = re.compile(r"^\s*(?:The|Our)\s+(?P<post>[A-Za-z-]+)(?:\s+of\s+the\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?"
                              r"\s*,\s*$")
# "Supervisor Lake called the regular meeting to order at 7:00 p.m.", "Chairperson A Kerr called
# the Special Meeting of the Town Board to Order": the one named before the verb presides, as the
# one named after "called to order by" does; "Supervisor Owens presiding.": the chair, so named
CALLED_MEETING_TO_ORDER = guarded(re.compile(r"[ \t]*called[ \t]+the[ \t]+(?:[\w-]+[ \t]+){0,6}?(?i:meeting)\b[^.;]{0,60}?"
                                             r"\bto[ \t]+(?i:order)\b"))
PRESIDING = re.compile(r"[ \t]*,?[ \t]*(?:\([ \t]*)?(?i:presiding)\b"
                       # "The Cathaoirleach, Councillor A presided." (two Irish county councils; another's
                       # "An Cathaoirleach Councillor B presided."); "Mayor C assumed the Chair and called the
                       # meeting to order", "Cllr D took the Chair" (a township council, Welsh and English parishes)
                       r"|[ \t]+(?:presided\b|(?:assumed|took)[ \t]+the[ \t]+(?:Chair|chair|CHAIR)\b)"
                       # "Mr B Lobban in the Chair", "Jo SMITH, Vice Chairperson, in the Chair.": a register's
                       # line saying who chaired (a Scottish council, a Scottish integration joint board)
                       r"|[ \t]*(?:,[ \t]*(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}[ \t]*,)?[ \t]*in[ \t]+the[ \t]+"
                       r"(?:Chair|chair|CHAIR)\b")
CHAIR_PROSE = guarded(re.compile(r"\b(?:welcomed|opened\s+the\s+meeting|in\s+the\s+chair|chaired\s+(?:the|this)\s+meeting|"
                                 r"took\s+the\s+chair)\b", re.I))


def _presider(s: Sent) -> Attendance | None:
    """The chair, where the sentence names who called the meeting to order or presided
    (CALLED_MEETING_TO_ORDER, PRESIDING)."""
    for p in s.people:
        end = p.start - s.start + len(p.surface)
        if p.kind != "alias" and (CALLED_MEETING_TO_ORDER.match(s.text, end) or PRESIDING.match(s.text, end)):
            return Attendance(PersonRef(p.surface, p.start), "chair", s.evidence)
    # a post written as a title the name finder does not read ("Supervisor Owens presiding")
    for m in _TITLED_SURNAME.finditer(s.text):
        if CALLED_MEETING_TO_ORDER.match(s.text, m.end()) or PRESIDING.match(s.text, m.end()):
            return Attendance(PersonRef(m.group(0), s.start + m.start()), "chair", s.evidence)
    return None


_TITLED_SURNAME = re.compile(rf"(?<![\w’'-])[A-Z][a-z]+[ \t]+(?:[A-Z]\.?[ \t]+)?{NAME_WORD}(?![\w’'-])")


# "Councillor A was present as Substitute Member for Councillor B", "Councillor C had been
# appointed as a substitute member for Councillor D", "E was attending as F's substitute": who
# sat in for whom (the one before the phrase, for the one after "for" or before "'s")
SUBSTITUTE_FOR = guarded(re.compile(r"\bas[ \t]+(?:a[ \t]+|the[ \t]+)?substitute(?:[ \t]+member)?[ \t]+for[ \t]+(?=[A-Z])", re.I))
SUBSTITUTE_OF = guarded(re.compile(r"\bas[ \t]+(?=[A-Z])(?P<whose>[^.;,]{2,60}?)[’']s[ \t]+substitute\b"))


def substitutes(s: Sent) -> list[Attendance]:
    """Who attended as a substitute for whom, as a sentence says it (SUBSTITUTE_FOR, _OF)."""
    out: list[Attendance] = []
    people = [p for p in s.people if p.kind != "alias"]
    hits = [(m.start(), m.end(), "for") for m in SUBSTITUTE_FOR.finditer(s.text)] + \
        [(m.start(), m.end(), "of") for m in SUBSTITUTE_OF.finditer(s.text)]
    floor = 0
    for start, end, form in sorted(hits):
        before = [p for p in people if floor <= p.start - s.start and p.start - s.start + len(p.surface) <= start]
        if form == "for":
            absent = [p for p in people if p.start - s.start == end]
        else:
            absent = [p for p in people if start < p.start - s.start and p.start - s.start + len(p.surface) + 3 >= end - len("substitute")]
        if before and absent:
            sub = before[-1]
            out.append(Attendance(PersonRef(sub.surface, sub.start), "substitute", s.evidence,
                                  substitute_for=absent[0].surface))
        floor = end
    return out


# "Apologies ... from Cllr A, B and C (D substituting)", "... from Cllr E (Cllr F attended as
# substitute)", "Mr G (Ms H attended as substitute)": the one in brackets sat in for the one
# before them (a combined authority's board, a second combined authority's, a health and
# wellbeing board), and sent no apologies
_SUB_IN_BRACKET = re.compile(r"[ \t]*(?:substituting|attended[ \t]+as[ \t]+(?:a[ \t]+)?substitute)[ \t]*\)")
_BRACKET_SUB = re.compile(r"(?P<absent>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})"
                          r"[ \t]*\([ \t]*(?P<sub>[^()\n]{3,60}?)[ \t]+(?:substituting|attended[ \t]+as[ \t]+(?:a[ \t]+)?substitute)[ \t]*\)")


def _bracketed_substitutes(s: Sent, floor: int) -> dict[int, tuple[str, str, int]]:
    """Substitutes named in brackets after the member they sat in for (_BRACKET_SUB), from
    `floor` on: the substitute's start -> (substitute, absent member, absent member's start)."""
    out: dict[int, tuple[str, str, int]] = {}
    for m in _BRACKET_SUB.finditer(s.text, floor):
        sub = [p for p in s.people if p.kind != "alias" and m.start("sub") <= p.start - s.start < m.end("sub")]
        absent = [p for p in s.people if p.kind != "alias" and m.start("absent") <= p.start - s.start < m.end("absent")]
        if not sub:
            continue
        if absent:
            a_surface, a_start = absent[-1].surface, absent[-1].start
        else:
            words = m.group("absent").split()
            if len(words) < 2 or any(w in NOT_NAME or w in TITLE_WORDS for w in words[-2:]):
                continue  # one word, or not a name's words: no one to say was absent
            a_surface, a_start = m.group("absent"), s.start + m.start("absent")
        out[sub[0].start] = (sub[0].surface, a_surface, a_start)
    return out


def from_prose(sents: list[Sent]) -> list[Attendance]:
    """Apologies and attendance written as sentences; the chair from who opened the meeting."""
    out: list[Attendance] = []
    chair_found = False
    for s in sents:
        if s.section.kind not in ("present", "in_attendance", "apologies") and "ubstitute" in s.text:
            found = substitutes(s)
            if found:
                out.extend(found)
                continue
        if s.section.kind in ("present", "in_attendance", "apologies"):
            # a list's lines are its entries; but a run-on register ("Present: Supervisor,
            # Jo Owens; ... Supervisor Owens presiding.", "Others Present: ... Supervisor Hale
            # called the Special Meeting ... to Order") may go on to say who presided
            presider = None if chair_found else _presider(s)
            if presider is not None:
                out.append(presider)
                chair_found = True
            continue
        low = s.text.lower()
        m = APOLOGY_PROSE.search(s.text)
        if m and ("apolog" in low or (s.section.title or "").lower().find("apolog") >= 0):
            subs = _bracketed_substitutes(s, m.start())
            # ("Apologies for Absence The Chair, Mr E Bolton, welcomed all": a heading run on into
            # the sentence; the one who welcomes as the Chair sent no apologies)
            chairs = _chair_apposed(s) if CHAIR_PROSE.search(s.text) else set()
            for p in s.people:
                if p.start - s.start >= m.start() and p.kind != "alias" and p.start not in subs and p.start not in chairs:
                    out.append(Attendance(PersonRef(p.surface, p.start), "apologies", s.evidence))
            for start, (sub, absent, absent_start) in subs.items():
                if not any(p.start == absent_start for p in s.people):
                    # the absent member's given name the gazetteer lacks ("Al Kinsey (Nitin
                    # Parekh substituting)"): the bracket's place says it is a name
                    out.append(Attendance(PersonRef(absent, absent_start), "apologies", s.evidence))
                out.append(Attendance(PersonRef(sub, start), "substitute", s.evidence, substitute_for=absent))
        m = ABSENT_PROSE.search(s.text)
        if m:
            # "Deputy Mayor Cliff Evanitski was absent.", "Jo Lee, Student Board member, was absent.":
            # the one named just before (a Canadian municipal council, a US state board)
            named = [p for p in s.people if p.kind != "alias" and p.start - s.start + len(p.surface) == m.start()]
            if named:
                out.append(Attendance(PersonRef(named[-1].surface, named[-1].start), "apologies", s.evidence))
                continue
        m = IN_ATTENDANCE_PROSE.search(s.text)
        if m and s.people and len(s.text) < 200 and "apolog" not in low:
            for p in s.people:
                if p.start - s.start < m.start():
                    out.append(Attendance(PersonRef(p.surface, p.start), "in_attendance", s.evidence))
            continue
        if not chair_found:
            m = CALLED_TO_ORDER.search(s.text)
            after = [p for p in s.people if p.start - s.start >= m.end() - 1] if m else []
            if after and after[0].start - s.start - m.end() < 25:
                out.append(Attendance(PersonRef(after[0].surface, after[0].start), "chair", s.evidence))
                chair_found = True
                continue
            presider = _presider(s)
            if presider is not None:
                out.append(presider)
                chair_found = True
                continue
            # "by President Ash": a surname the name finder does not read alone, after the title
            named = CALLED_BY_TITLE.match(s.text, m.end()) if m and m.group("title") else None
            if named:
                out.append(Attendance(PersonRef(named.group(1), s.start + named.start(1)), "chair", s.evidence))
                chair_found = True
                continue
            m = CHAIR_PROSE.search(s.text)
            if m and s.people:
                # a register run on into the sentence ("... Mr I Yarrow (Company Secretary) Welcome
                # and Apologies for Absence The Chair, Mr E Bolton, welcomed all"): the one set off
                # after "The Chair," presides, not the sentence's first name
                p = next((q for q in s.people if q.kind != "alias" and 0 < q.start - s.start < m.start()
                          and _presiding_post(s.text[:q.start - s.start])), s.people[0])
                rel = p.start - s.start
                # (the sentence may open on a heading line the reader did not close with a stop)
                lead = CHAIR_APPOSITION.match(s.text[:rel].rsplit("\n", 1)[-1]) if rel else None
                # "The Chair of the Association, Ann Lee, welcomed ...", "The vicar, Rev Jo Bright,
                # ... opened the meeting": the one who presides, named after the post
                presides = lead is not None and (lead.group("post").lower().startswith(("chair", "president", "vicar",
                                                                                         "rector", "mayor", "conven"))
                                                 or "opened" in m.group(0).lower())
                presides = presides or _presiding_post(s.text[:rel])
                if rel < m.start() and (rel == 0 or "in the chair" in m.group(0).lower() or presides):
                    out.append(Attendance(PersonRef(p.surface, p.start), "chair", s.evidence))
                    chair_found = True
    return out


_PRESIDING_APPOSITION = re.compile(r"(?:^|[\s.:;])(?:The|Our)[ \t]+(?:Chair(?:man|person|woman)?|President|Mayor|Conven[eo]r)"
                                   r"(?:[ \t]+of[ \t]+the[ \t]+[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,3})?[ \t]*,[ \t]*$")


def _presiding_post(before: str) -> bool:
    """Whether the text before a name ends "The Chair, " (the post that presides, then its holder)."""
    return bool(_PRESIDING_APPOSITION.search(before[-80:]))


def _chair_apposed(s: Sent) -> set[int]:
    """Starts of the people a sentence sets off after "The Chair," (_PRESIDING_APPOSITION)."""
    return {p.start for p in s.people if p.kind != "alias" and _presiding_post(s.text[:p.start - s.start])}


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


# A US board's roll call, each member by the post before the name: "Roll Call by Clerk A all
# present, Supervisor B, Trustee C, Treasurer D, Clerk A" (the list may wrap onto the next line),
# "Supervisors B and C, Clerk D, and Treasurer E were present."
_ROLL_POST = (r"(?:Supervisors?|Trustees?|Treasurer|Clerk|Deputy\s+Clerk|Town\s+Clerk|Chair(?:man|person|woman)?|"
              r"President|Vice[- ]President|Secretary|Council(?:person|member|man|woman)s?|Councilmen|Mayor)")
_ROLL_NAME = rf"(?:(?:[A-Z]\.?|{NAME_WORD})[ \t]+){{0,2}}{NAME_WORD}"
_ROLL_ENTRY_POST = re.compile(rf"(?P<post>{_ROLL_POST})[ \t]+(?P<names>{_ROLL_NAME}(?:[ \t]+and[ \t]+{_ROLL_NAME})?)$")
_ALL_PRESENT = re.compile(r"\ball\s+present\s*,[ \t]*(?P<list>[^\n]*(?:\n(?!\s*(?:Motion|Moved|Call|Meeting)\b)[^\n]*)?)", re.I)
_WERE_PRESENT = re.compile(r"(?:^|(?<=[.:])[ \t]+)(?P<list>[A-Z][^.\n]{5,300}?)[ \t]+were[ \t]+(?:also[ \t]+)?present\b", re.M)


def roll_call(text: str) -> tuple[list[Attendance], dict[str, str]]:
    """Attendance and posts from a roll call of posts and names (see _ROLL_POST): every
    entry must be a post and a name, read up to the first that is not; a post two names
    share ("Supervisors B and C", two Trustees) gives attendance and no holder."""
    out: list[Attendance] = []
    holders: dict[str, set[str]] = {}
    for rx in (_ALL_PRESENT, _WERE_PRESENT):
        for m in rx.finditer(text):
            span = m.group("list")
            pos = m.start("list")
            lo = m.start() if rx is _ALL_PRESENT else m.start("list")
            ev = Evidence(text[lo:m.end()], lo, m.end())
            for part in re.split(r",[ \t\n]*(?:and[ \t]+)?", span):
                entry = " ".join(part.split())
                e = _ROLL_ENTRY_POST.fullmatch(entry)
                if not e:
                    break
                names = re.split(r"\s+and\s+", e.group("names"))
                for name in names:
                    start = text.find(name.split()[0], pos)
                    out.append(Attendance(PersonRef(name, start if start >= 0 else m.start()), "present", ev))
                info = gz.lookup_post(e.group("post"))
                if info is not None:
                    holders.setdefault(info.post.lower(), set()).update(names)
                pos = text.find(part.strip().split()[-1], pos) + 1 if part.strip() else pos
    return out, {post: next(iter(n)) for post, n in holders.items() if len(n) == 1}
