"""The meeting itself: which body met, on what date, its agenda items, and when it meets next.

Read from the heading of the minutes in the shapes clerks write it (a letterhead, "Minutes of the
meeting of the ... held on ...", a form's "Title of Meeting:" line, a running head), never from
the names of one document."""
from __future__ import annotations

import datetime as _dt
import re

from kg.extract import grammar
from kg.extract.bodypath import body_from_path, is_generic
from kg.extract.bodyseries import body_of_numbered, body_of_series
from kg.extract.names import ORG_HEADS, NameContext, find_people
from kg.extract.sentences import Sent
from kg.records import Decision, Evidence, Extraction, Item, Meeting, PersonRef, Sections

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}


_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"


# "23rd March 2023", "12TH DAY OF JANUARY, 2011", "23rd** **April 2024" (Markdown bold split by a converter)
# "3rd November2014": a typed heading that lost the space before the year
DATE_WORDS = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+day\s+of)?[\s*_]+{_MONTH},?\s*(\d{{4}})\b", re.I)


# "January 14, 2025", "Thursday, January 23, 2025": the month first, as North American minutes write it;
# "July 29th 2020", "May 6th 2021": the month first with the day's ordinal and no comma (a society's
# AGM heading, a parish council's prose); a bare "May 6 2021" is left alone
DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:(?:st|nd|rd|th),?|,)\s*(\d{{4}})\b", re.I)


# "THURSDAY 23RD MARCH AT 3.00PM", "the meeting held on 10 December at 5.30pm": a heading
# that leaves the year out
DATE_NO_YEAR = re.compile(rf"\b(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?|(?<=meeting\s)held\s+on)\s+(\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b(?![\s,]+\d{{4}})", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NEXT_MEETING_DATE = re.compile(r"\bnext\s+meeting\b[^.\n]{0,60}?(?=\d)", re.I)


DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# "To approve the minutes of the meeting held on 20 March 2024", "To approve the minutes of the
# previous meeting held on 5 September 2024", "Minutes of Previous Meeting: 30 March 2021", "The
# minutes of the meeting on 20 March 2024 were approved": the previous meeting's date, which a
# page of minutes that never writes its own date holds first (a combined authority's board, a
# district council's and a county council's cabinets)
_PREVIOUS_BEFORE = re.compile(r"(?i)(?:\b(?:approve|agree|confirm|sign)\w*[ \t]+(?:as[ \t]+a[ \t]+correct[ \t]+record[ \t]+)?"
                              r"the[ \t]+minutes[ \t]+of[ \t]+the[ \t]+|\b(?:previous|last)[ \t]+)meetings?\b[^.\n|]{0,30}$")
_PREVIOUS_AFTER = re.compile(r"(?i)[^.\n|]{0,30}?\b(?:were|was|be)[ \t]+(?:(?:duly|unanimously)[ \t]+)?"
                             r"(?:approved|agreed|confirmed|signed|adopted)\b")


def _previous_meeting(text: str, m: re.Match) -> bool:
    """Whether the date `m` found is the previous meeting's, whose minutes this one approves."""
    return bool(_PREVIOUS_BEFORE.search(text[max(0, m.start() - 120):m.start()])
                or re.search(r"(?i)\bminutes[ \t]+of[ \t]+the[ \t]+meeting[ \t]+(?:held[ \t]+)?on[ \t]+$", text[max(0, m.start() - 60):m.start()])
                and _PREVIOUS_AFTER.match(text, m.end()))


def find_date(text: str, *, own: bool = False) -> str | None:
    """The first full date in text, as ISO (UK day-first for slashed dates); with `own`, never
    a date the text gives as the previous meeting's (_previous_meeting)."""
    best = None
    for rx, order in ((DATE_WORDS, "dmy_word"), (DATE_MDY, "mdy_word"), (DATE_SLASH, "dmy"), (DATE_ISO, "ymd")):
        m = next((x for x in rx.finditer(text) if not (own and _previous_meeting(text, x))), None)
        if not m:
            continue
        if order == "dmy_word":
            d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        elif order == "mdy_word":
            d, mo, y = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
        elif order == "dmy":
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= d <= 31 and 1 <= mo <= 12 and (best is None or m.start() < best[0]):
            best = (m.start(), f"{y:04d}-{mo:02d}-{d:02d}")
    return best[1] if best else None


_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)[/-](\d\d)\b(?![/-]\d)")


def date_without_year(head: str, text: str) -> str | None:
    """A heading's day and month without a year ("THURSDAY 23RD MARCH"), dated by the year the
    rest of the minutes write most often (the previous meeting's date, dates in the items)."""
    m = DATE_NO_YEAR.search(head)
    if not m:
        return None
    day, month = int(m.group(2)), MONTHS[m.group(3).lower()]
    years = [int(y.group(3)) for y in DATE_WORDS.finditer(text)] + [int(y.group(3)) for y in DATE_MDY.finditer(text)]
    if not years:
        # "the annual meeting for 2019/20", "the 2023-24 accounts": where no date in the minutes
        # writes its year, the years a financial year names (an AGM's report of the year just ended)
        for y in _YEAR_SPAN.finditer(text):
            first = int(y.group(1))
            if int(y.group(2)) == (first + 1) % 100:
                years += [first, first + 1]
    if not years:
        return None
    cands = sorted({y + k for y in years for k in (-1, 0)})

    def when(y: int) -> _dt.date | None:
        try:
            return _dt.date(y, month, day)
        except ValueError:
            return None

    if m.group("wd"):
        # "Thursday 23rd March": the year in which the 23rd of March is a Thursday
        wd = _WEEKDAYS.index(m.group("wd").lower())
        fits = [y for y in cands if when(y) and when(y).weekday() == wd]
        if fits:
            return f"{max(fits, key=lambda y: (years.count(y), y)):04d}-{month:02d}-{day:02d}"
    nxt = _NEXT_MEETING_DATE.search(text)
    nxt_date = find_date(text[nxt.end():nxt.end() + 40]) if nxt else None
    if nxt_date:
        # "Next meeting on 11 March 2025": the meeting is the last such day before the next one
        limit = _dt.date.fromisoformat(nxt_date)
        before = [y for y in cands if when(y) and when(y) < limit and (limit - when(y)).days < 366]
        if before:
            return f"{max(before):04d}-{month:02d}-{day:02d}"
    year = max(set(years), key=lambda y: (years.count(y), y))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _presenters(names: list[str], ctx: NameContext) -> list[PersonRef]:
    """'Julia Hassall', 'Priya Shah, Licensing Officer': the people named; bare posts are dropped."""
    out = []
    for n in names:
        found = find_people(n, 0, ctx)
        if found:
            out.append(PersonRef(found[0].surface))
    return out


def items(secs: Sections, text: str, ctx: NameContext) -> list[Item]:
    out = []
    for sec in secs.sections:
        if sec.kind != "item" or sec.item_index is None:
            continue
        line_end = text.find("\n", sec.start, sec.end)
        line_end = sec.end if line_end == -1 else line_end
        ev = Evidence(text[sec.start:line_end].strip(), sec.start, sec.start + len(text[sec.start:line_end].strip()))
        out.append(Item(sec.item_index, sec.title or f"Item {sec.item_index + 1}", ev, sec.number, sec.time,
                        _presenters(sec.presenters, ctx), list(sec.documents)))
    return out


def meeting_of(secs: Sections, sents: list[Sent], body: str | None, date: str | None) -> Meeting:
    doc = secs.document
    text = doc.text
    header = next((s for s in secs.sections if s.kind == "header"), None)
    meta = doc.meta
    top = meta.get("front_matter_end", 0)  # the heading of the minutes starts below a page's front matter
    # (whose "date: 2017-05-02" is the day the page was posted, not a date the minutes state)
    head_text = text[top: max(header.end if header else 0, top)][:1500] or text[top:top + 600]
    headed = _as_the_text_writes(_body_from_header(text[top:top + 800], sents), sents)
    # a static site's page title ("Ashby PC Minutes May") names the page; the minutes' own heading
    # below it ("MINUTES OF ASHBY PARISH COUNCIL MEETING HELD ...") names the body as it writes it
    given = body
    body = body or (headed if top else None) or meta.get("body") or headed \
        or _body_of_municipality(text[top:top + 800]) or _body_from_next_meeting(text)
    body_from = None
    if not given:
        # minutes that never say whose ("Minutes of the Parish Council meeting"): the file's,
        # folder's or site's name, and the meeting says which (kg.extract.bodypath)
        got = body_from_path(doc.path or "", body, text[:4000])
        if got:
            body, body_from = got
        elif not body:
            # a folder of one body's pages headed "Committee meeting for NAME ..." or a bare
            # "Committee Meeting DATE" (kg.extract.bodyseries)
            got = body_of_series(doc.path or "", text[:3000]) or body_of_numbered(doc.path or "", text[:3000])
            if got:
                body, body_from = got
    # the file's own title ("Parent Council Minutes - 22/10/2025") dates minutes whose
    # heading leaves the year out and whose text never writes it
    # and last the file's name ("wye-valley-cc-2024-10-28.txt"), where a site's copy of the
    # minutes starts at "Present:" and a typed date is mistyped ("10thth September 2021")
    date = date or meta.get("date") or find_date(head_text, own=True) or find_date(text[top:top + 600], own=True) \
        or _title_is_a_date(doc.title) or meta.get("page_date") \
        or date_without_year(head_text, text) or find_date(doc.title or "") \
        or find_date(re.split(r"[\\/]", doc.path or "")[-1])
    ev = None
    if head_text.strip():
        first = head_text.strip().split("\n")[0][:300]
        start = text.find(first)
        ev = Evidence(first, start, start + len(first))
    return Meeting(body=body, date=date, time=meta.get("time"), location=meta.get("location"),
                   title=doc.title, evidence=ev, body_from=body_from)


# a page whose whole title is a date ("title: 2014-06-21", "21/06/2014"): a wiki or site that
# names each meeting's page by its day; that names the meeting more surely than the front
# matter's "date:", the day the page was last edited or posted (years after the meeting on a
# wiki moved to a new engine, weeks after on a parish site)
_DATE_ONLY_TITLE = re.compile(r"^\s*[\d./-]{8,10}\s*$")


def _title_is_a_date(title: str | None) -> str | None:
    """The date a page's title gives when the title is that date and nothing else."""
    if not title or not _DATE_ONLY_TITLE.match(title):
        return None
    return find_date(title)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


_HEADING_NOISE = [
    # "Minutes of the Annual Meeting of the", "Minutes of Meeting (no.435) of": the meeting's number is no name
    # "Minutes of Meeting from the Ashby Village Hall Committee": "from" as "of"
    (re.compile(r"^.*?\bmeeting(?:\s*\(no\.?\s*\d+\)|\s+no\.?\s*\d+)?\s+(?:of|from)\s+(?:the\s+)?", re.I), ""),
    (re.compile(r"^(?:draft\s+|confirmed\s+|approved\s+)?(?:minutes|agenda\s+and\s+minutes)\s+of\s+(?:the\s+|an?\s+)?",
                re.I), ""),
    (re.compile(rf"(?:\s+(?:meeting\s+)?held\b|\s+[-–—]\s+(?:{_WEEKDAY}|\d|minutes\b)|,\s*{_WEEKDAY}|\s+on\s+"
                rf"(?:{_WEEKDAY}|\d)|\s*\(|\s+draft\b|\s+minutes\b).*$", re.I), ""),
    (re.compile(r"\s+meeting$", re.I), ""),
]


_PARENT_BODY = re.compile(r"\b(?:Council|School|Academy|College|Trust|Partnership|ICB|Authority|Board|University|"
                          r"Integrated\s+Care\s+Board|Federation|District)$")


_SUB_BODY = re.compile(r"\b(?:Committee|Sub-Committee|Cabinet|Board|Group|Panel|Forum|Governing\s+Body|Executive|"
                       r"Working\s+Party|Board\s+of\s+\w+)$")


_SMALL_WORDS = {"And", "Of", "For", "The", "In", "On", "At", "To"}


def _title(caps: str) -> str:
    """'EASTMARCH POLICE AND CRIME PANEL' -> 'Eastmarch Police and Crime Panel'."""
    words = caps.title().split()
    return " ".join(w.lower() if k and w in _SMALL_WORDS else w for k, w in enumerate(words))


# "Minutes of OSGeo:UK 2020 AGM", "Suffolk's Libraries IPS Ltd. - AGM": the body holds its general meeting
_GENERAL_MEETING = re.compile(r"\s*[-–—]?\s*(?:\d{4}\s+)?(?:AGM|EGM|(?:Annual|Extraordinary)\s+General\s+Meeting)\b.*$", re.I)


_BODY_END = (rf"(?:{ORG_HEADS}|School|Academy|Cabinet|Executive|Governing\s+Body|District|Charity|"
             r"Board\s+of\s+(?:Education|Directors|Trustees|Governors|Supervisors))$")


# "Municipal District of the Cappamore Kilmallock", "Council of the City of Portland": the head first
_BODY_OF_PLACE = re.compile(rf"^(?:[A-Z][\w’'-]*\s+)?(?:{ORG_HEADS}|District)\s+of\s+(?:the\s+)?[A-Z][\w’'-]*"
                            r"(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}$")


# A bulleted line ("- Finance Group (Treasurer)", "* Steering Committee report") is an entry of
# a list, most often the agenda a page of minutes opens with, and names the item's subject or a
# group reporting to the meeting, never the body whose minutes these are (seen in: a software
# collaboration's monthly meeting pages, a hackerspace's town hall page, both opening on their
# agenda's list).  "**Heading**" (bold, no space after the mark) is a heading, not a bullet.
_LIST_ITEM = re.compile(r"^\s*(?:[-+•·▪●◦]|\*(?!\*))\s+")


def _heading_candidate(line: str) -> str | None:
    """A heading line reduced to the body it names, if it names one."""
    if _LIST_ITEM.match(line):
        return None  # "  - Steering Group (Chair)": an entry of the agenda the page opens with
    t = re.split(r"\t|\s{3,}", line.strip().strip("#*").strip())[0]  # the first column of a laid-out line
    if re.match(r"^[A-Z][\w ]{2,24}:\s", t) or re.match(r"(?i)^(?:the\s+)?(?:above|said)\b", t):
        return None  # "Registered Office: County Library": a label, not a heading
    if t.isupper() and len(t.split()) <= 24:
        t = _title(t)
    general = _GENERAL_MEETING.search(t)
    t = _GENERAL_MEETING.sub("", t)
    for rx, repl in _HEADING_NOISE:
        t = rx.sub(repl, t).strip(" -–—:,.*")
    # "... Recreation Ground Charity Trustee meeting": the charity's trustees meet as the charity
    t = re.sub(r"\b(Charity|Trust)\s+Trustees?$", r"\1", t)
    if general and t and len(t.split()) <= 4 and not is_generic(t) and not re.search(r"\d", t) \
            and all(w[:1].isupper() for w in t.split()) and (line.lstrip().startswith("#") or len(line.split()) <= 10):
        # "# Quillbrook Annual General Meeting 2021", "Minutes of KVLUG AGM - 14 September 2009": the
        # body holds its general meeting, named as it writes itself (an acronym stays one)
        return t
    if t.isupper() and len(t.split()) <= 10:
        # "MINUTES OF ASHBY PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 13th MAY 2015": a
        # heading in capitals but for its date's ordinal, read once the date is cut away
        t = _title(t)
    if not t or len(t.split()) > 10 or re.search(r"\d", t) or re.match(r"(?i)(?:above|said)\b", t) \
            or not t[0].isupper():
        return None  # "at Estate Management Office": the venue's line, not the body's
    if re.search(_BODY_END, t) or _BODY_OF_PLACE.match(t):
        return t
    if re.fullmatch(r"[A-Z][\w:.’'&-]*[A-Z][\w:.’'&-]*", t) and not t.isupper() and line.lstrip("#* ").lower().startswith("minutes of"):
        return t  # "Minutes of OSGeo:UK 2020 AGM": a name of its own, no head word
    return None


_PAGE_MARK = re.compile(r"^\s*(?:Page\s+)?\d{1,3}\s+of\s+\d{1,3}\s+", re.I)


_TITLE_OF_MEETING = re.compile(r"(?im)^[ \t]*(?:title|name)\s+of\s+(?:the\s+)?meeting\s*:[ \t]*(\S.*)$")


def _body_from_header(head: str, sents: list[Sent]) -> str | None:
    """The body named at the top of the minutes, in the shapes clerks use: 'Wyremouth Health
    and Wellbeing Board'; 'MINUTES OF THE MEETING OF THE AUDIT COMMITTEE HELD ON ...';
    'Harlow District Council' then 'Cabinet'; 'Cabinet - Thursday, 12 September 2024';
    'HOLLINBROOK PRIMARY SCHOOL' then 'Minutes of the Full Governing Body meeting'."""
    titled = _TITLE_OF_MEETING.search(head)
    if titled:
        # "Title of Meeting: Suffolk Libraries IPS - Board Meeting": the form names the body
        name = _GENERAL_MEETING.sub("", titled.group(1).strip())  # "Suffolk’s Libraries IPS Ltd. - AGM"
        name = re.sub(r"\s+[-–—]\s+", " ", name)
        name = re.sub(r"(?i)\s+(?:meeting|minutes)\s*$", "", name).strip()
        if len(name.split()) >= 2:
            return name
    first_line = head.strip().split("\n")[0] if head.strip() else ""
    first_line = _PAGE_MARK.sub("", first_line)  # a page's running head: "Page 1 of 6 STOKE FERRY ..."
    # (or a letterhead that runs on in capitals: "ASHCOMBE TRUST REGISTERED CHARITY NO 234")
    caps = re.match(r"^((?:[A-Z][A-Z’'&-]+[ \t]+){0,6}[A-Z][A-Z’'&-]+)\b(?=\s+[A-Z][a-z]|[ \t]+\d)", first_line)
    if caps and re.search(grammar.BODY_WORDS, caps.group(1).title()):
        # "STOKE FERRY PARISH COUNCIL Draft ... Minutes of ...": a capitalised name opens the line
        words = caps.group(1).title().split()
        while words and not re.fullmatch(grammar.BODY_WORDS, words[-1]):
            words.pop()
        name = " ".join(words)
        for rx, repl in _HEADING_NOISE[:2]:
            name = rx.sub(repl, name).strip()  # "MINUTES OF MEETING FROM THE ASHBY ... COMMITTEE"
        if name:
            return _title(name)
    lines = [ln for ln in head.strip().split("\n") if ln.strip() and not re.fullmatch(r"\s*(?:\[[^\]]*\]\([^)]*\)|[-=*_]{3,}|\d{1,3})\s*", ln)][:4]
    # a capitalised heading that runs over two lines ("... OF LIMERICK CITY AND COUNTY" / "COUNCIL HELD IN ...")
    joined = []
    bare = [ln.strip().strip("*#").strip() for ln in lines]
    for k, ln in enumerate(lines):
        run = [bare[k]]
        while bare[k + len(run) - 1].isupper() and not re.search(r"[.:]$", run[-1]) and k + len(run) < len(lines) \
                and bare[k + len(run)].isupper() and not re.search(r"\d", bare[k + len(run)]):
            run.append(bare[k + len(run)])
        if len(run) > 1:
            joined.append(" ".join(run))
        joined.append(ln)
    cands = [c for c in (_heading_candidate(ln) for ln in joined) if c]
    if cands:
        if len(cands) >= 2 and _PARENT_BODY.search(cands[0]) and _SUB_BODY.search(cands[1]) \
                and cands[1].lower() not in cands[0].lower():
            parent, sub = cands[0], cands[1]
            if sub.split()[0] == parent.split()[-1]:  # "... NHS Trust" + "Trust Board"
                sub = " ".join(sub.split()[1:])
            return f"{parent} {sub}"
        return cands[0]
    for s in sents:
        if s.section.kind not in ("header",) or s.start > 600:
            continue
        for o in s.orgs:
            if o.start - s.start < 5 and not s.text[o.end - s.start:].lstrip().startswith(":"):  # not a label
                name = o.canonical or o.surface
                return name.title() if name.isupper() and " " in name else name
        break
    return None


def _as_the_text_writes(body: str | None, sents: list[Sent]) -> str | None:
    """'Municipal District of the Cappamore Kilmallock' in a capitalised heading, 'Municipal District
    of Cappamore-Kilmallock' in the minutes: the name as the body text writes it, where it writes
    the heading's words without the article the heading put in."""
    if not body or " of the " not in body:
        return body
    want = re.sub(r"[\s/-]+", " ", body.replace(" of the ", " of ")).lower()
    for s in sents:
        for o in s.orgs:
            if re.sub(r"[\s/-]+", " ", o.surface).lower() == want:
                return " ".join(o.surface.split())
    return body


# "MUNICIPALITY OF ASHVALE-NORTH" on a line of its own, "The Township of Elm Ridge Council
# Meeting Minutes", "MUNICIPAL DISTRICT OF CARRICK CITY MINUTES OF PROCEEDINGS": a municipality
# named head first near the top of a page (Ontario municipalities, an Irish municipal district; "Town
# of Pine Hollow", "CITY OF BRANDON HILL", "the Regional Municipality of Lake Shore" in other bodies'
# pages); not "Township of Proud Heritage, Exciting Future" (a slogan: neither a line of its own nor
# followed by "Council" or "Minutes")
_MUNICIPALITY = re.compile(r"(?:(?<=\n)|^|\b)(?:(?:the|THE)\s+)?(?P<name>(?:(?i:regional)\s+)?(?i:township|municipality|"
                           r"municipal\s+district|town|city|county|village)\s+(?i:of)\s+[A-Z][\w’'-]+(?:[ \t]+"
                           r"(?!(?i:minutes|council|meeting|proceedings|chambers)\b)[A-Z][\w’'-]+){0,2})"
                           r"(?P<after>[ \t]+(?i:council|minutes)\b|[ \t]*(?:\n|$))")


def _body_of_municipality(head: str) -> str | None:
    """A municipality named head first at the top of the page (_MUNICIPALITY)."""
    for m in _MUNICIPALITY.finditer(head):
        name = " ".join(m.group("name").split())
        on_own_line = m.group("after").strip() == "" and (m.start("name") == 0 or head[:m.start("name")].rstrip(" \t").endswith("\n")
                                                          or head[:m.start()].endswith("\n"))
        if m.group("after").strip() or on_own_line:
            return _title(name) if name.isupper() else name
    return None


def _body_from_next_meeting(text: str) -> str | None:
    """'... presented to the next Wirral Children's Trust meeting' names the body itself."""
    m = re.search(r"\bnext\s+((?:[A-Z][\w’'&-]*\s+){1,6})(?:Board\s+)?meeting\b", text)
    if m:
        name = m.group(1).strip()
        if not re.fullmatch(r"(?:Board|Committee|Council|PC|Meeting)", name):
            return name
    return None


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# "Wednesday 8 January 2020", "26th May 2016", "12th of November", "January 4th": the date a
# next-meeting line gives, at the start of what follows its lead
_WHEN = rf"(?:{_WEEKDAY},?\s+)?(?:(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b|{_MONTH}\s+{_DAY}\b)"
_WHEN_AT = re.compile(rf"^\W*{_WHEN}", re.I)

# "Date of next meeting: 19th August 2019", "2999.Date of next meeting:  January 4th.",
# "Date of Next Meeting 2nd June 2015, 17:45.", "(v) Date of next meeting 21 December 6pm",
# "Next meeting of BCC - 13 November 2024", "Next meeting on 11 March 2025", "The next meeting
# is 12th of November 2025.", "The next meeting of the District will be held on Thursday 20th
# April": a line that leads with the next meeting and goes on with its date
_NEXT_LINE = re.compile(
    r"^\W*(?:\d+(?:[./]\d+)*[.)]?\s*|\([ivx\d]+\)\s*)?"
    r"(?:(?P<dated>(?:confirm\s+)?(?:the\s+)?date\s+of\s+(?:the\s+)?next\s+meeting)"
    r"|(?:the\s+)?next\s+meeting(?:\s+of\s+[^.;:\n]{1,80}?)?)"
    r"(?:\s+(?:is|will\s+be)(?:\s+held)?)?(?:\s+on)?\s*[:\-–—]?\s*"
    rf"(?P<when>{_WHEN}.*)$", re.I | re.S)

# an item headed "Date of next meeting", "Forward Agenda and date of next Meeting", "NEXT MEETING"
_NEXT_TITLE = re.compile(r"(?:date\s+of\s+(?:the\s+)?|^\W*)next\s+meeting", re.I)


def _when_text(text: str) -> str:
    """The date and what goes with it, up to a line that starts a new sentence ("The meeting
    closed ...") and without the closing full stop."""
    text = re.split(r"\n(?=\s*[A-Z])", text.strip(), maxsplit=1)[0]
    return " ".join(text.split()).rstrip(".").strip()


def next_meeting_decision(ex: Extraction, secs: Sections, sents: list[Sent]) -> None:
    """'Date of next meeting - Wednesday 8 January 2020 at 7 pm' records when the body meets next."""
    for s in sents:
        title = (s.section.title or "")
        if s.section.kind == "item" and _NEXT_TITLE.search(title):
            # "Next meeting - 8 January 2020", "The next meeting ... will be held on Thursday 20th April at 3pm"
            m = re.search(r"next\s+meeting(?:\s*[-–—:]|\b.{0,100}?\bwill\s+be\s+held(?:\s+on)?)\s*(.+)$",
                          s.text, re.I | re.S)
            if m and (find_date(m.group(1)) or DATE_NO_YEAR.search(m.group(1)) or _WHEN_AT.match(m.group(1))):
                ex.meeting.next_meeting = m.group(1).strip()
                ex.decisions.append(Decision(f"Next meeting: {m.group(1).strip()}", s.evidence, s.item_index,
                                             kind="agreed"))
                return
    # Anywhere else: a line leading with the next meeting and its date, or the first line of a
    # next-meeting item that is a date ("10. Date of next meeting:" then "26th May 2016, Bury
    # Library").  A "Date of next meeting" line outranks prose ("... therefore the next meeting
    # will be 15th March ..." before "Date of Next Meeting 15th March 2016, 17:45."); of equals
    # the last, the closing line, wins.
    found: tuple[int, str] | None = None
    dated_item: int | None = None
    for s in sents:
        m = _NEXT_LINE.match(s.text)
        rank, when = 0, None
        if m:
            rank, when = (2 if m.group("dated") else 1), m.group("when")
        elif s.section.kind == "item" and _NEXT_TITLE.search(s.section.title or "") \
                and dated_item != s.item_index and _WHEN_AT.match(s.text):
            dated_item = s.item_index  # the first dated line of the item only
            rank, when = 2, s.text
        if when and (found is None or rank >= found[0]):
            found = (rank, _when_text(when))
    if found:
        ex.meeting.next_meeting = found[1]
        return
    # a closing line that is only a date: the next meeting
    for s in reversed(sents[-3:]):
        if re.fullmatch(r"(?:(?:Date\s+of\s+(?:the\s+)?next\s+meeting|Next\s+meeting)\s*[:\-–]?\s*)?"
                        r"(?:\w+day\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?(?:\s+at\s+[\w.:]+)?\.?",
                        s.text.strip(), re.I):
            ex.meeting.next_meeting = s.text.strip().rstrip(".")
            return
