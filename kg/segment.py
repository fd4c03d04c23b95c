"""segment: Document -> Sections (header, attendance lists, agenda items, action and
decision lists) and the sentence spans that extraction reads.

Rules of minute-writing, not of one document:
- an agenda item starts with a minute number ("275/19", "23/45"), a time ("15:15"), a
  numbered heading ("4. Finance", "4.1 Budget") or a short heading line followed by prose;
- attendance is introduced by "Present:", "Attendees:", "In attendance:", "Apologies:";
- a heading "Actions" / "Action log" / "Decisions" / "Resolutions" opens a list whose lines
  are actions or decisions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.records import Document, Section, Sections

# -- lines ---------------------------------------------------------------------------


@dataclass
class Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def blank(self) -> bool:
        return not self.text


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(text) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        raw = text[pos:stop]
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos = stop + 1
    return out


# -- attendance headings ----------------------------------------------------------------

ATTENDANCE_HEADS = [
    ("present", re.compile(r"^attend\w*\s*:?$|^(?:those|directors|trustees|participants)\s+present\b\s*:?|^participants\s*:|"
                           # "Officers and Trustees Present", "Committee Members Present were:"
                           r"^(?:[A-Z][\w’'-]*\s+(?:and\s+)?){1,3}present(?:\s+were)?\s*(?::|$)|"
                           r"^(?:members\s+)?(?:present|attendees|attendance|members\s+in\s+attendance|board\s+members|"
                           r"governors\s+present|councillors\s+present|voting\s+members|panel\s+members|"
                           r"committee\s+members)\b\s*:?|^(?:members|governors|councillors|trustees)\s*:|"
                           # a label naming whose attendees follow, on its own line ("District
                           # Attendees" over the board and staff of a water district; "Board
                           # Attendees"); the others' list is in_attendance below
                           r"^(?!other\b)(?:[A-Z][\w’'-]*[ \t]+){1,2}attendees[*_]*[ \t]*:?[*_ \t]*$", re.I)),
    ("in_attendance", re.compile(r"^(?:also\s*,?\s*|officers\s+|others\s+)?in\s+attendance\b\s*:?|^also\s+present\b\s*:?|"
                                 r"^(?:officers|officials)(?:\s+present)?\s*:|^officials\s+in\s+attendance\b\s*:?|"
                                 r"^observers?\s*:|^advisers?\s*:|"
                                 # "Other Attendees", "Community/Other Attendees": those not of the body
                                 r"^(?:[A-Z][\w’'-]*[ \t]*/[ \t]*)?others?[ \t]+attendees[*_]*[ \t]*:?[*_ \t]*$", re.I)),
    ("apologies", re.compile(r"^apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received\s+from)?\b\s*:?|^absent\b\s*:?", re.I)),
]

LIST_HEADS = [
    ("actions", re.compile(r"^(?:summary\s+of\s+)?(?:agreed\s+)?actions?(?:\s+(?:log|points|list|arising|to\s+be\s+taken|summary))?\s*:?$", re.I)),
    ("decisions", re.compile(r"^(?:summary\s+of\s+)?(?:decisions|resolutions)(?:\s+(?:made|taken|log))?\s*:?$", re.I)),
]

# -- item starts ------------------------------------------------------------------------

# minute numbers (see MINUTE_SHAPES below) often run on inline
TIMED = re.compile(r"^(\d{1,2}[:.]\d{2})(?:\s*(?:am|pm|hrs))?\s*[:.-]?\s+(?=\S)", re.I)
# "Item 5: Budget", "Agenda Item 7 - Planning", "Minute 45. Finance"
ITEM_WORD = re.compile(r"^(?:Agenda\s+)?(?:Item|ITEM|Minute|MINUTE|Min\.?)\s+(\d{1,3}(?:[./]\d{1,3})?[a-z]?)\s*[:.)–—-]?\s+(?=\S)")
# "4. Finance", "4.1 Budget", "iv) Grants", and "23. | Winter Pressures" (a table row of a web page)
NUMBERED = re.compile(r"^((?:\d{1,2}(?:\.\d{1,2}){0,2}|[ivx]{1,5})[.)]?)(?:\s+|\s*\|\s*)(?=[A-Z])")
# A Markdown heading opens an item whatever the blank lines around it ("### Accounts 2019-2020",
# "# 1.\xa0\xa0Disclosures of Pecuniary Interest"), unless it names a part of the document
# itself ("## Agenda", "## Minutes", "### Minutes of the 2022 AGM", "## Key Discussion Points")
ATX_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<t>\S.*?)[ \t#]*$")
DOCUMENT_PART = re.compile(r"(?i)^[*_]*(?:agenda|minutes|notes|draft\s+minutes|(?:key\s+)?discussion\s+points|"
                           r"(?:minutes|notes|agenda)\s+of\b.*)[*_:]*$")
PDF_NOISE = re.compile(r"\s*(?:pdf|doc|docx)\s+icon\s+(?:PDF|DOC|DOCX)\s+\d+\s*[KM]B\b.*$", re.I)
DOC_SIZE = re.compile(r"\b(?:PDF|DOC|DOCX)\s+\d+\s*[KM]B\b", re.I)


def _is_heading(line: Line, prev: Line | None, nxt: Line | None) -> bool:
    """A short title line standing alone: no closing full stop, starts upper-case."""
    t = line.text
    if not t or len(t) > 90 or t.endswith((".", ",", ";", ":")) or not (t[0].isupper() or re.match(r"[a-z]-?[A-Z]", t)):
        return False
    if prev is not None and not prev.blank:
        return False
    if nxt is None or not nxt.blank:
        return False
    words = t.split()
    if len(words) > 12:
        return False
    # "Julie Graham in attendance" and similar one-liners are facts, not headings; nor is
    # a "Venue: Committee Room 3" label
    if re.search(r"\b(?:said|asked|agreed|attendance|apologies|present)\b", t, re.I) or re.match(r"^[\w ]{2,20}:\s", t):
        return False
    return True


def segment(doc: Document) -> Sections:
    """Split a document into sections; every character after the header belongs to one."""
    text = doc.text
    if doc.meta.get("source_kind") == "moderngov-xml":
        return Sections(doc, _moderngov_sections(doc))
    lines = lines_of(text)
    starts: list[Section] = []

    # inline minute numbers first: they are the strongest signal where present
    minute_hits = _minute_numbers(text)
    if minute_hits:
        for m in minute_hits:
            starts.append(Section("item", m.start(), m.start(), number=m.group(0)))

    for i, ln in enumerate(lines):
        if ln.blank:
            continue
        prev = next((x for x in reversed(lines[:i]) if True), None) if i else None
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # "... had also given his" / "apologies.": a sentence wrapped onto the line, no label
        kind = None if _wrapped_on(lines, i) else _attendance_kind(ln.text)
        if kind:
            starts.append(Section(kind, ln.start, ln.start, title=ln.text))
            continue
        if starts and starts[-1].kind in ("present", "in_attendance", "apologies") and _label_only(prev_filled(lines, i)) \
                and not _wrapped_on(lines, lines.index(prev_filled(lines, i))):
            continue  # "MEMBERS PRESENT:" on its own line: the names below are its list, not a heading
        if starts and starts[-1].kind in ("present", "in_attendance", "apologies") and _list_entry(ln.text):
            # a list whose entries stand one to a line with blank lines between ("Present:" /
            # "Cllr Mrs B Abbott" / "" / "Cllr Mr B Banks", as web pages of minutes come out as
            # text): each entry is the list going on, not a heading of its own
            continue
        lk = _list_kind(ln.text)
        if lk:
            starts.append(Section(lk, ln.start, ln.start, title=ln.text))
            continue
        if minute_hits:
            continue
        m = ATX_HEADING.match(ln.text)
        if m:
            num = NUMBERED.match(m.group("t"))
            # the first heading, before any list or item, is the document's title ("# Pen-y-Fro
            # Community Council / Cyngor Cymuned Pen-y-Fro"), unless it is numbered
            title_line = not starts and num is None and not any(ATX_HEADING.match(x.text) for x in lines[:i])
            if not DOCUMENT_PART.match(m.group("t")) and not title_line:
                title = m.group("t")[num.end():] if num else m.group("t")
                starts.append(Section("item", ln.start, ln.start, title=title.strip(" *_|").strip() or None,
                                      number=num.group(1).rstrip(".)") if num else None))
            continue
        m = TIMED.match(ln.text)
        if m:
            starts.append(Section("item", ln.start, ln.start, time=m.group(1).replace(".", ":")))
            continue
        m = ITEM_WORD.match(ln.text)
        if m:
            starts.append(Section("item", ln.start, ln.start, number=m.group(1)))
            continue
        m = NUMBERED.match(ln.text)
        in_list = bool(starts) and starts[-1].kind in ("actions", "decisions") and not (
            m and _next_item_heading(ln, m.group(1), starts))
        if m and not in_list and ("|" in m.group(0) or _numbered_is_item(ln, prev, lines, i, starts)):
            starts.append(Section("item", ln.start, ln.start, number=m.group(1).rstrip(".)")))
            continue
        if _is_heading(ln, prev, nxt) and i > 0:
            starts.append(Section("item", ln.start, ln.start, title=ln.text))

    starts.sort(key=lambda s: s.start)
    starts = _attendance_items(text, starts)
    if not starts:
        # minutes with no heading, list or number at all ("Special Town Board Meeting, October
        # 17, 2023" / "Call to order ..." / "Motion ... by A, supported by B, motion passes."):
        # below the opening paragraph they are one stretch of prose, every sentence read
        opening = _opening_paragraph_end(lines)
        if opening is not None:
            starts = [Section("prose", opening, opening)]
    sections: list[Section] = []
    first = starts[0].start if starts else len(text)
    sections.append(Section("header", 0, first, title=None))
    for k, s in enumerate(starts):
        s.end = starts[k + 1].start if k + 1 < len(starts) else len(text)
        if s.end <= s.start and k + 1 < len(starts):
            continue
        if s.kind == "item":
            _fill_item(text, s)
        sections.append(s)
    _close_trailing_lists(text, sections)
    _link_lists_to_items(sections)
    return Sections(doc, sections)


def _opening_paragraph_end(lines) -> int | None:
    """Where the opening paragraph (a title of a line or three, then a blank line) ends, if the
    text goes on after it."""
    filled = 0
    for k, ln in enumerate(lines):
        if ln.blank:
            if filled and any(not x.blank for x in lines[k:]):
                return next(x.start for x in lines[k:] if not x.blank)
            continue
        filled += 1
        if filled > 3 or len(ln.text) > 200:
            return None
    return None


# Minute numbers in their common shapes; the group "n" is the one that rises item by item:
# "275/19" (n/yy), "B/24/07" and "TB/25/03" (prefix/yy/n), "C23/101" (prefix+yy/n)
MINUTE_SHAPES = [
    re.compile(r"(?<![\w/])(?P<n>\d{1,4})/(?P<key>\d{2,4})(?![\w/])(?=\s+[A-Z\"'‘“])"),
    re.compile(r"(?<![\w/])(?P<key>[A-Z]{1,4}/\d{2})/(?P<n>\d{1,4})(?![\w/])(?=\s+[A-Z\"'‘“])"),
    re.compile(r"(?<![\w/])(?P<key>[A-Z]{1,4}\d{2})/(?P<n>\d{1,4})(?![\w/])(?=\s+[A-Z\"'‘“])"),
    # "2724. Police Report:", "3769.   Public Session:": a council's running minute number
    # that never restarts, opening a line; a site's text often loses the space after it
    # ("2980.Police Report:", "2981Apologies for absence:")
    re.compile(r"(?m)^(?P<key>)(?P<n>\d{3,4})(?:\.(?=[ \t]*[A-Z])|(?=[A-Z][a-z]))"),
]


def _rising_runs(group: list[re.Match]) -> list[re.Match]:
    """The numbers of one shape that rise in runs (each 1 to 5 above the last).  A file may
    hold two meetings' minutes, each numbered on ("805 ... 813" at the annual meeting, then
    "2691 ... 2708" at the ordinary meeting after it): a new run counts once three of its
    numbers follow each other, and then the old run is closed."""
    def follows(run: list[re.Match], n: int) -> bool:
        last = int(run[-1].group("n"))
        return last < n <= last + 5

    runs: list[list[re.Match]] = []
    pending: list[re.Match] = []
    for m in group:
        n = int(m.group("n"))
        if runs and follows(runs[-1], n):
            runs[-1].append(m)
            pending = []
            continue
        pending = pending + [m] if pending and follows(pending, n) else [m]
        if not runs or len(pending) >= 3:
            runs.append(pending)
            pending = []
    long_runs = [r for r in runs if len(r) >= 3]
    if not long_runs:
        return runs[0] if runs else []
    return [m for r in long_runs for m in r]


def _minute_numbers(text: str) -> list[re.Match]:
    """Minute numbers that rise in one sequence (275/19, 276/19 ...; B/24/01, B/24/02 ...)."""
    best: list[re.Match] = []
    best_rx = None
    for rx in MINUTE_SHAPES:
        by_key: dict[str, list[re.Match]] = {}
        for m in rx.finditer(text):
            by_key.setdefault(m.group("key"), []).append(m)
        for group in by_key.values():
            seq = _rising_runs(group)
            if len(seq) > len(best):
                best, best_rx = seq, rx
    if len(best) >= 3:
        return best
    if best_rx is MINUTE_SHAPES[-1]:
        return []  # "2024. Was a good year": a bare number is a running minute only in a run
    # fewer than three: only those that open a line count ("12/25 Matters arising")
    return [m for m in best if m.start() == 0 or text[m.start() - 1] == "\n"]


# Markdown around a label: "**Members Present:**", "### Officers Present", "> [!note]- Present:",
# and a list's marker in either Markdown spelling ("* Present: ...", "-   Apologies: ...")
_MARKUP = re.compile(r"^(?:[>#*_ \t]|[-•](?=[ \t])|\[![a-z]+\][-+]?)+", re.I)


_MARKUP_BEFORE_COLON = re.compile(r"[*_]+(?=\s*:)")


def _attendance_kind(t: str) -> str | None:
    t = _MARKUP_BEFORE_COLON.sub("", _MARKUP.sub("", t))
    if len(t) > 400 and not re.match(r"^(present|attendees|apologies)\s*:", t, re.I):
        return None
    for kind, rx in ATTENDANCE_HEADS:
        if rx.match(t):
            return kind
    return None


# an item whose title is an attendance label and nothing more: "2. Apologies for absence",
# "805. Apologies for absence: Cllr Vane.", "1. Committee Members Present were: ...",
# "3787. To receive apologies for absence:"
_ITEM_LABEL = re.compile(r"^(?P<label>(?:to\s+(?:receive|note)\s+)?(?:[A-Z][\w’'-]*\s+(?:and\s+)?){0,3}"
                         r"(?:present(?:\s+were)?|in\s+attendance|attendance|attendees|absent|"
                         r"apologies(?:\s+for\s+absence)?(?:\s+(?:were\s+)?received(?:\s+from)?)?))"
                         r"[ \t]*(?:[:;.-]+[ \t]*|$)", re.I)
# ("Item 1:   Apologies:", "Item 2 – Apologies": a village hall committee's and a residents'
# association's "Item N:" numbering, its colon or dash before the title)
_ITEM_NUMBER = re.compile(r"^(?:#+\s*)?(?:(?:Agenda\s+)?(?:Item|Minute)\s+)?(?:\d{1,4}(?:[./]\d{1,4})*[.)]*|\(?[a-z]{1,3}[.)]+)?"
                          r"(?:(?<=\d)[ \t]*[:–—-](?=[ \t]))?\s*", re.I)


def _attendance_items(text: str, starts: list[Section]) -> list[Section]:
    """An agenda item that is an attendance label ("2. Apologies for absence") keeps its place
    as an item, and the list after the label becomes an attendance section of its own."""
    out: list[Section] = []
    for k, s in enumerate(starts):
        out.append(s)
        if s.kind != "item":
            continue
        line_end = text.find("\n", s.start)
        line_end = len(text) if line_end == -1 else line_end
        line = text[s.start:line_end]
        rest = line[_ITEM_NUMBER.match(line).end():]
        m = _ITEM_LABEL.match(rest)
        if not m or not rest[:1].isalpha():
            continue
        label = m.group("label").lower()
        kind = "apologies" if re.search(r"apolog|absent", label) else \
            "in_attendance" if "in attendance" in label else "present"
        at = s.start + (len(line) - len(rest)) + m.end()
        if at >= line_end:
            at = line_end + 1  # the list is on the lines below the label
        nxt = starts[k + 1].start if k + 1 < len(starts) else len(text)
        if at < nxt and text[at:nxt].strip():
            out.append(Section(kind, at, at, title=m.group("label").strip()))
    return out


# one entry of an attendance list: a title and a name, then at most a post or a note in
# brackets, and no sentence ("Cllr Mrs E J G Hilson", "Mr W Grosvenor Clerk and Executive
# Officer to ...", "Ms K Burn, Mr D Holmes")
_ENTRY = re.compile(r"^(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Prof|Revd?|Sir|Dame)\.?\s+[A-Z][\w.'’-]*(?:\s|$)")
_ENTRY_SMALL_WORDS = {"and", "of", "to", "for", "the", "in", "on", "with", "at"}


def _list_entry(t: str) -> bool:
    if len(t) > 120 or not _ENTRY.match(t) or t.endswith((".", ":", "-")):
        return False
    # names and posts only: any word in lower case outside brackets is a sentence
    # ("Cllr. Leddin queried the following: -")
    bare = re.sub(r"\([^)]*\)", " ", t)
    return all(w in _ENTRY_SMALL_WORDS for w in re.findall(r"\b[a-z][\w'’-]*", bare))


def _wrapped_on(lines: list[Line], i: int) -> bool:
    """Line i goes on in lower case with the sentence of the line above, which has no stop."""
    prev = lines[i - 1] if i else None
    return lines[i].text[:1].islower() and prev is not None and not prev.blank \
        and not prev.text.endswith((".", ";", ":", "?", "!"))


def prev_filled(lines: list[Line], i: int) -> Line | None:
    """The nearest non-blank line before line i."""
    return next((b for b in reversed(lines[:i]) if not b.blank), None)


def _label_only(ln: Line | None) -> bool:
    """An attendance label with nothing after its colon ("PRESENT IN THE CHAIR:")."""
    if ln is None or _attendance_kind(ln.text) is None:
        return False
    label = _MARKUP.sub("", ln.text).rstrip("*_ ")
    if re.search(r"[:;]\s*\S", label):
        return False  # "Apologies; Tamsyn Imison": the list is on the label's own line
    return label.endswith(":") or len(label.split()) <= 4


def _list_kind(t: str) -> str | None:
    for kind, rx in LIST_HEADS:
        if rx.match(t):
            return kind
    return None


def _next_item_heading(ln: Line, number: str, starts: list[Section]) -> bool:
    """'4. Financial Report' after an item's own 'ACTIONS:' list under '3. PVG': the number that
    follows the last item's, on a short title line, opens the next item rather than the list's
    next entry (a list's entries number from 1 and say what is to be done)."""
    last = next((x.number for x in reversed(starts) if x.kind == "item" and x.number), None)
    if last is None or not last.isdigit() or number.rstrip(".)") != str(int(last) + 1):
        return False
    title = ln.text[len(number):].strip()
    return len(title.split()) <= 8 and not title.endswith((".", ";", ",")) and not re.search(r"\bto\s+[a-z]", title)


def _numbered_is_item(ln: Line, prev: Line | None, lines: list[Line], i: int,
                      starts: list[Section] | None = None) -> bool:
    """'4. Finance' is an item; '1. To approve the revised terms.' under a colon is a list;
    '8. CORRESPONDENCE Cllr Lee has received a letter ...' (the heading run into its text,
    the number next after the last item's) is an item too."""
    t = ln.text
    before = next((b for b in reversed(lines[:i]) if not b.blank), None)
    if before is not None and before.text.endswith(":"):
        return False
    if _run_in_item(ln, lines, i, starts):
        return True
    if not t.endswith((".", ";", ",", ":")):
        return len(t) <= 100
    if before is not None and NUMBERED.match(before.text) and before.text.endswith((".", ";")):
        return False
    return len(t) <= 60


# the heading that opens a run-in item: capitals ("8. CORRESPONDENCE Cllr Lee ...", "13. DOG
# BINS It was noted ..."), a few capitalised words ("5. Matters Arising The Clerk ...") or an
# agenda's verb ("2. To receive Declarations of Interest ...") before the text; what follows
# the number must start a heading, not a sentence ("4. The accounts were received")
_RUN_IN_OPENS = re.compile(r"^(?:[A-Z][A-Z’'&/-]+\b|(?!(?:The|It|A|An|This|These|There|He|She|They|We|All|Cllrs?|"
                           r"Councillors?|Mr|Mrs|Ms|Dr)\s)(?:[A-Z][a-z’'-]+\s+){1,3}(?:[A-Z]\w*|of|for|and|the|to)\b"
                           r"|To\s+[a-z]+\s+(?:[A-Z]|the\b))")


def _run_in_item(ln: Line, lines: list[Line], i: int, starts: list[Section] | None) -> bool:
    """Whether a long numbered line is the next item with its heading run into its text:
    its number is the last item's plus one, no other numbered line stands between them (a
    list's points inside the item count from 1), and it opens with a heading's words."""
    m = NUMBERED.match(ln.text)
    if not m or not _RUN_IN_OPENS.match(ln.text[m.end():]):
        return False
    number = m.group(1).rstrip(".)")
    last = next((x for x in reversed(starts or []) if x.kind == "item" and x.number), None)
    if last is None:
        # the first item ("1. PUBLIC FORUM A member of the public ..."), before any other
        # numbered line of the minutes
        # in capitals or an agenda's words: a list's first point is written as a sentence
        # ("1. Possibility of expansion to the new estates.")
        head = ln.text[m.end():]
        return number == "1" and bool(re.match(r"[A-Z][A-Z’'&/-]+\s|To\s+[a-z]+\s", head)) \
            and not any(NUMBERED.match(b.text) and re.match(r"\d", b.text) for b in lines[:i] if not b.blank)
    # the next number, or the one after where a heading was run into the last line of text
    # ("... place the order. 12. BT PHONEBOXES – update ...")
    if not last.number.isdigit() or not number.isdigit() or not 1 <= int(number) - int(last.number) <= 2:
        return False
    for b in lines[:i]:
        # the item's own points ("7.1 Highways Update") are not a list of its own
        if b.start > last.start and not b.blank and re.match(r"\d", b.text) and NUMBERED.match(b.text) \
                and not b.text.startswith(last.number + "."):
            return False
        if b.start > last.start and not b.blank and re.match(r"\d", b.text) and NUMBERED.match(b.text) \
                and re.match(re.escape(last.number) + r"\.\s", b.text):
            return False  # "3. ..." again: a list's point numbered like the item
    return True


def _fill_item(text: str, s: Section) -> None:
    """Title, time, presenters and documents from the item's opening line."""
    line_end = text.find("\n", s.start, s.end)
    line_end = s.end if line_end == -1 else line_end
    head = text[s.start:line_end].strip()
    word = ITEM_WORD.match(head)
    if word:
        head = head[word.end():]
    elif s.number and head.startswith(s.number):
        head = head[len(s.number):].strip(" .)|")
    m = TIMED.match(head)
    if m:
        s.time = s.time or m.group(1).replace(".", ":")
        head = head[m.end():]
    s.documents = DOC_SIZE.findall(head)
    head = PDF_NOISE.sub("", head).strip()
    # "Title - Julia Hassall/Gladys Rhodes White": presenters after a spaced dash
    m = re.match(r"^(.*?)\s+[-–—]\s+([A-Z][^.]*?)$", head)
    if m and not s.number:
        head, who = m.group(1), m.group(2)
        s.presenters = [w.strip() for w in re.split(r"\s*/\s*|\s*,\s*|\s+and\s+|\s*&\s*", who) if w.strip()]
    if s.number:
        head = _cut_title(head)
    s.title = (s.title or head).strip() or None


# a heading in capitals before the text it runs into: two words or more, or one long word
# ("PLANNING APPLICATIONS The ...", "CORRESPONDENCE Cllr ..."; not "CIL Parish Payments")
_CAPS_HEAD = re.compile(r"^((?:[A-Z][A-Z’'&/-]+\s+)+[A-Z][A-Z’'&/-]+|[A-Z][A-Z’'&/-]{3,})\s+(?=[A-Z](?:[a-z]|\s[a-z]))")


def _cut_title(head: str) -> str:
    """Where a numbered minute's title runs on into its text, cut at the first boundary."""
    # (not at "Policy No. 1010" or "Resolution No. A-418", a number's abbreviation, nor before a
    # quoted name: 'Policy No. 1010: “Conflict of Interest”')
    cut = re.split(r"\s+[–—-]\s+|:\s(?![“\"‘'])|(?<=[a-z0-9)])(?<!\bNo)(?<!\bno)(?<!\bNos)\.\s", head, maxsplit=1)[0]
    # "CORRESPONDENCE Cllr Lee has received ...", "DOG BINS It was noted ...": the capitals, only
    # where the heading runs into its text ("AONB Funding for Projects in Wye Valley: Email
    # received ..." ends its title at the colon)
    ended = head[len(cut):len(cut) + 3].lstrip()[:1] in (":", "–", "—", "-")
    caps = _CAPS_HEAD.match(cut) if len(head) > 80 and not ended else None
    if caps:
        return caps.group(1)
    m = re.search(r"\s(?=(?:Cllr|Councillor|Councillors|Mr|Mrs|Ms|Dr|Prof|The|It|Were|Was|A|An|RESOLVED)\s[A-Z]?)", cut)
    if m and m.start() > 15:
        cut = cut[:m.start()]
    return cut[:200].strip()


# a full stop and a capital: a second sentence, unless the stop closes a title ("Mr. David James")
_SENTENCE_BREAK = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bCllr)(?<=[a-z])\.\s+[A-Z]")


def _close_trailing_lists(text: str, sections: list[Section]) -> None:
    """An attendance list ends at the first paragraph of prose after it."""
    tails: list[tuple[Section, Section]] = []
    for s in list(sections):
        if s.kind not in ("present", "in_attendance", "apologies"):
            continue
        ls = lines_of(text, s.start, s.end)
        end = s.end
        for k, ln in enumerate(ls[1:], 1):
            if ln.blank:
                continue
            words = ln.text.split()
            lower = sum(1 for w in words if w[:1].islower())
            prose = ln.text.endswith((".", "?", "!")) and len(words) >= 6 and lower >= 0.4 * len(words)
            # a long line of names ("**Ann Lee, Raj Patel, ...**") is still the list
            names_line = lower <= 0.1 * len(words) and ln.text.count(",") >= 3
            # a Markdown heading ("**Minutes**", "### Notes") opens what follows the list
            md_heading = bool(re.fullmatch(r"(?:#+\s*|\*\*)[A-Z][\w ’'&-]{0,40}(?:\*\*)?:?", ln.text))
            if not prose and ls[k - 1].blank and k > 1:
                # a paragraph after the list, its sentence wrapped over lines by the layout
                para = []
                for nxt in ls[k:]:
                    if nxt.blank:
                        break
                    para.append(nxt.text)
                words = " ".join(para).split()
                lower = sum(1 for w in words if w[:1].islower())
                prose = len(para) > 1 and para[-1].endswith((".", "?", "!")) and len(words) >= 8 \
                    and lower >= 0.4 * len(words)
            brk = _SENTENCE_BREAK.search(ln.text)
            if (len(ln.text) > 160 and not names_line) or brk or prose or md_heading \
                    or any(rx.match(ln.text) for rx in MINUTE_SHAPES):
                end = ln.start
                head = ln.text[:brk.start() + 1].split() if brk else []
                if head and not ls[k - 1].blank and not ls[k - 1].text.endswith((".", ";", ":", "?", "!")) \
                        and len(head) <= 4 and all(w[:1].isupper() or w in ("and", "&") for w in head):
                    # "... Marion Harvey and Colin" / "Rockall. Stephen Taylor stated ...": the
                    # list's last name ends on this line, and the prose begins after its stop
                    end = ln.start + brk.start() + 1
                break
        if end != s.end:
            # the prose after a list is not part of it: give it a section of its own so
            # no sentence of the minutes goes unread
            tail = Section("prose", end, s.end)
            s.end = end
            tails.append((s, tail))
    for after, tail in tails:
        sections.insert(sections.index(after) + 1, tail)


def _link_lists_to_items(sections: list[Section]) -> None:
    last_item = None
    idx = -1
    for s in sections:
        if s.kind == "item":
            idx += 1
            s.item_index = idx
            last_item = idx
        elif s.kind in ("actions", "decisions"):
            s.item_index = None  # closing lists belong to the meeting, not an item
        else:
            s.item_index = last_item


def _moderngov_sections(doc: Document) -> list[Section]:
    """Sections straight from the web service's structure: attendees, items, Actions fields."""
    items = doc.meta.get("items", [])
    first = items[0].get("item_start", items[0]["title_start"]) if items else len(doc.text)
    out = [Section("header", 0, 0), Section("present", 0, first, title="Attendees")]
    for k, it in enumerate(items):
        start = it.get("item_start", it["title_start"])
        end = it.get("item_end", it.get("minutes_end", it["title_end"]))
        presenters = [p.strip() for p in re.split(r"\s*[;/]\s*|\s+and\s+", it.get("presented_by") or "") if p.strip()]
        actions = it.get("actions_span")
        out.append(Section("item", start, actions[0] if actions else end, title=it["title"],
                           number=str(it.get("number") or "").rstrip(".") or None, item_index=k,
                           presenters=presenters, documents=[d["title"] for d in it.get("documents", [])]))
        if actions:
            out.append(Section("actions", actions[0], end, title="Actions", item_index=k))
    return out


# -- sentences ---------------------------------------------------------------------------

ABBREV = re.compile(r"(?:\b(?:Cllr|Mr|Mrs|Ms|Dr|Rev|Revd|Prof|St|No|Nos|e\.g|i\.e|etc|cf|approx|incl|Co|Ltd|vs|Cttee)|\b[A-Z])\.$")
BULLET = re.compile(r"^(?:[-•·*▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")


_SENTENCE_STOP = re.compile(r"[.!?]")

# an action label opens its own line: "ACTION: NO", "[Action: Portal to update ...]", and the label
# run into its owner with no colon, "Action Clerk to write to ..." (kg.extract.layout.ACTION_RUN_IN)
ACTION_LINE = re.compile(r"^\s*\[?\s*\**(?:ACTIONS?|Actions?)(?:\s+(?:by|owner|for))?\**\s*:"
                         r"|^\s*\[?\s*(?:ACTION|Action)\s+(?:[Tt]he\s+)?[A-Z][\w&’'./-]*(?:\s+[A-Z][\w&’'./-]*)*\s+to\s+[a-z]")


_LIST_NUMBER = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,2})*|[a-zA-Z]|[ivx]{1,4})")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end]: split at full stops and at list or paragraph breaks."""
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraphs(text, start, end):
        s = para_start
        i = para_start
        # from one full stop (or ! or ?) to the next: only they can end a sentence
        while (stop := _SENTENCE_STOP.search(text, i, para_end)) is not None:
            i = stop.start()
            if i + 1 < para_end and (text[i + 1].isspace() or text[i + 1] in "\"'’”"):
                j = i + 1
                while j < para_end and text[j] in "\"'’”":
                    j += 1
                k = j
                while k < para_end and text[k].isspace():  # no-break spaces too
                    k += 1
                if _LIST_NUMBER.fullmatch(text[s:i].strip()):
                    i += 1  # "1.  To approve ...": a list number, not a sentence
                    continue
                if k >= para_end or not ABBREV.search(text[max(s, i - 12):i + 1]) and (
                        text[k].isupper() or text[k].isdigit() or text[k] in "\"'‘“(•·-*_"):
                    _push(text, spans, s, j)
                    s = k
                    i = k
                    continue
            i += 1
        _push(text, spans, s, para_end)
    return spans


# a line of prose that ends on a title or "No." goes on with its name or number on the next line
# ("... US District Court Case No." / "1:23-CV-1043, by ...", "... seconded by Cllr." / "Hayward")
_TITLE_AT_END = re.compile(r"[a-z,][ \t]+(?:Cllr|Mr|Mrs|Ms|Dr|Revd?|Prof|No|Nos)\.$")


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blocks separated by blank lines; list entries and short lines are their own blocks."""
    out = []
    cur_start = None
    prev: Line | None = None
    for ln in lines_of(text, start, end):
        if ln.blank:
            if cur_start is not None:
                out.append((cur_start, prev.end))
                cur_start = None
            continue
        starts_new = (cur_start is None or BULLET.match(ln.text) or prev is None
                      or prev.text.endswith((".", ":", ";", "?", "!")) and not _TITLE_AT_END.search(prev.text)
                      or _line_width(text, prev) < 45
                      or "\t" in text[ln.start:ln.end] or " | " in ln.text
                      # "ACTION: NO" under a line with no full stop closes it, not continues it
                      or ACTION_LINE.match(ln.text))
        if starts_new and cur_start is not None:
            out.append((cur_start, prev.end))
            cur_start = None
        if cur_start is None:
            cur_start = ln.start
        prev = ln
    if cur_start is not None and prev is not None:
        out.append((cur_start, prev.end))
    return out


def _line_width(text: str, ln: Line) -> int:
    """A line's width from the start of its printed line: a span that opens mid-line (the text
    after an item's "Title:") wraps where the whole line does, not where its own part ends."""
    return len(text[text.rfind("\n", 0, ln.start) + 1:ln.end].strip())


def _push(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    # a Markdown quote's marker before a sentence ("> Ann will contact the school ...", a
    # community council's page of minutes) is the page's markup, not the sentence's first word
    while s < e and (text[s].isspace() or text[s] == ">" and (s + 1 == e or text[s + 1] in " \t\n")):
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))
