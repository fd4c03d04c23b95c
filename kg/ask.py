"""ask: plain-English questions about who owns what, answered from the named queries.

A question is matched against a table of (pattern, handler) pairs, in order; the first
pattern that matches decides which named queries run.  Nothing is guessed: a question
that matches no pattern raises QuestionError listing what can be asked.

Names and things are looked up forgivingly.  A person is found by any surface form the
minutes used (skos:altLabel), with or without a title, by initial and surname, or by
surname alone ("Julia Hassall", "J Hassall", "Hassall", "cllr hassall"); case, hyphens,
apostrophes and curly quotes do not matter.  A thing ("the data set", "edge of care") is
matched by its content words, each of which must begin a word of the text, in any order.
User text is only ever bound by the engine (GraphStore.select) or compared in Python,
never formatted into SPARQL.

Every answer row carries the meeting it comes from and the evidence sentence.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import snowballstemmer

from kg.ask_rx import QuestionPattern
from kg.errors import QuestionError
from kg.query import run_named

# -- text folding and words -------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\-_/]+")


def fold(text: str) -> str:
    """Lower-case, ASCII, quotes straightened, hyphens and dashes as spaces, apostrophes
    dropped ("Children’s" -> "childrens"), single spaces."""
    t = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    t = _DASHES.sub(" ", t)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii").lower()
    t = t.replace("'", "")
    t = re.sub(r"[^a-z0-9&\"]+", " ", t)
    return " ".join(t.replace('"', " ").split())


STOPWORDS = frozenset("""
a an the of for to in on at by and or with about re regarding from into onto over under as is are was were be been
being this that these those it its their there they them his her he she we our us you your i my any all some each
every which what who whom whose when where why how did do does done has have had will would should shall must can
could may might not no nor so than then also just only very more most such up out off own same other
something anything everything nothing someone anyone
""".split())
# words that say what kind of thing is asked about, not which one
GENERIC = frozenset("""action actions task tasks thing things item items matter matters issue issues work responsibility
responsibilities job jobs service services report reports paper papers document documents
presentation presentations""".split())
TITLES = frozenset("""cllr councillor councilor cl mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd
reverend canon the""".split())


_STEMMER = snowballstemmer.stemmer("english")


# short forms minute-takers write for common words ("Xmas tree", "next mtg", "Govt funding"),
# read as the word a question uses
SHORT_FORMS = {"xmas": "christmas", "mtg": "meeting", "mtgs": "meetings", "govt": "government",
               "dept": "department", "depts": "departments", "cttee": "committee"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem of a word, the same on both sides of every comparison:
    recruitment/recruited -> recruit, highways -> highway, cemeteries/cemetery -> cemeteri;
    a short form as its word (Xmas -> christma)."""
    w = word.lower()
    return _STEMMER.stemWord(SHORT_FORMS.get(w, w))


def content_words(text: str, *, generic: bool = True) -> list[str]:
    """The stems of the words of text that say what it is about (stopwords dropped)."""
    out = []
    for w in fold(text).split():
        if w in STOPWORDS or (generic and w in GENERIC):
            continue
        s = stem(w)
        if s and s not in out:
            out.append(s)
    return out


@lru_cache(maxsize=65536)
def _text_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in fold(text).split())


def text_stems(text: str) -> list[str]:
    """The stems of every word of text, in order."""
    return list(_text_stems(text or ""))


@lru_cache(maxsize=65536)
def _spaced_stems(text: str) -> str:
    # " stem stem ...": a stem holds no space, so " " + w is in it exactly where some stem
    # begins with w (one substring search a word, not a loop over the text's stems)
    return "".join(" " + s for s in _text_stems(text))


def mentions_all(text: str, words: list[str]) -> bool:
    """True when every (stemmed) word begins some word of text."""
    spaced = _spaced_stems(text or "")
    if not spaced:
        return not words
    return all(" " + w in spaced for w in words)


# -- names --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entity:
    iri: str
    name: str
    kind: str  # person | organisation
    labels: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()  # "Clerk", "Chair": a person may be named by post


# boards name their members by office and surname ("Director Rice", "President Wood",
# "Trustee Smith", "Commissioner Lind", "Mayor Brandt"); the office alone ("the Director")
# is a post, not a title
OFFICE_TITLES = frozenset("director president trustee governor commissioner mayor supervisor alderman".split())


def _name_tokens(text: str) -> list[str]:
    toks = fold(text).split()
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    if len(toks) == 2 and toks[0] in OFFICE_TITLES:
        toks = toks[1:]
    return toks


def entities(store) -> list[Entity]:
    """Every person and organisation, with all the surface forms it was written as.

    On a read-only store folder (a snapshot: it never changes under its handle) they are
    made once per handle, as kg.query.run_named keeps the rows they are made of: a question
    looks names up several times, and each caller gets a list of its own (the entities
    themselves cannot be changed)."""
    if not (getattr(store, "read_only", False) and getattr(store, "path", None) is not None):
        return _entities(store)
    kept = store.__dict__.setdefault("_named_rows", {})
    if "entities()" not in kept:
        kept["entities()"] = _entities(store)
    return list(kept["entities()"])


def _entities(store) -> list[Entity]:
    found: dict[str, dict] = {}
    for query, kind, key in (("people", "person", "person"), ("organisations", "organisation", "org")):
        _, rows = run_named(store, query)
        for r in rows:
            e = found.setdefault(r[key], {"name": r.get("name", r[key]), "kind": kind, "labels": []})
            for lab in (r.get("name"), r.get("mention")):
                if lab and lab not in e["labels"]:
                    e["labels"].append(lab)
    posts: dict[str, list[str]] = {}
    _, rows = run_named(store, "posts")
    for r in rows:
        posts.setdefault(r["person"], []).append(r["post"])
    out = [Entity(iri, d["name"], d["kind"], tuple(d["labels"]), tuple(posts.get(iri, ())))
           for iri, d in found.items()]
    # a post with no named holder that owns actions ("Clerk inform X."): found by its post,
    # like the people who hold one, never by name alone
    _, rows = run_named(store, "post-agents")
    for r in rows:
        if r["post"] not in found:
            name = f"{r['label']} ({r['body']})" if r.get("body") else r["label"]
            out.append(Entity(r["post"], name, "person", (), (r["label"],)))
    return out


def _initials_fit(q: list[str], label: list[str]) -> bool:
    """q ("j hassall", "julia hassall", "gr white") fits label as given names or initials
    followed by the same surname."""
    if len(q) < 2 or len(label) < 2 or q[-1] != label[-1]:
        return False
    qi, li = q[:-1], label[:-1]
    # "gr" may be two initials run together
    if len(qi) == 1 and 2 <= len(qi[0]) <= 3 and len(li) == len(qi[0]) and all(
            t[0] == c for t, c in zip(li, qi[0])):
        return True
    if len(qi) > len(li):
        return False
    for a, b in zip(reversed(qi), reversed(li)):
        if a == b:
            continue
        if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            continue
        return False
    return True


def _entities_that_may_fit(store, q: list[str], words: list[str]) -> list[Entity]:
    """The entities `find_entities` can find for name tokens `q` and content words `words`:
    every one, or where the text index holds the names' stems, those with a name whose word
    stems begin with the last token's stem (tiers 1-3 need that token as a word of a name) or
    with the first content word's (tier 5 needs every one), and every holder of a post."""
    every = entities(store)
    index = _reads_index(store)
    if index is None:
        return every
    from kg import textindex
    found = textindex.entities_with_stem(index, {stem(q[-1]), *words[:1]})
    if found is None:
        return every
    return [e for e in every if e.iri in found or e.posts]


def find_entities(store, text: str, *, kinds: tuple[str, ...] = ("person", "organisation"),
                  pool: list[Entity] | None = None) -> list[Entity]:
    """People/organisations that `text` names, best kind of match only:
    1 a surface form equal to text (titles, case, hyphens, quotes ignored);
    2 given names or initials with the surname ("J Hassall" ~ "Julia Hassall");
    3 the surname alone (or the last parts of a double-barrelled name);
    4 a post the person holds ("the Clerk");
    5 every content word of text begins a word of a name ("improvement board");
    6 every content word of text begins a word of a post ("the clerk" ~ "Parish Clerk");
    7 the surname after a post the person holds ("General Manager Reyes" ~ Dana Reyes);
    8 the surname of one the minutes name by title and surname only ("Clay Moore" ~ "Mr. Moore":
      public comment minutes name a speaker in full once, in a register or a line of their own,
      and by title after)."""
    q = _name_tokens(text)
    if not q:
        return []
    words = content_words(text, generic=False)
    pool = [e for e in (pool if pool is not None else _entities_that_may_fit(store, q, words)) if e.kind in kinds]
    joined = " ".join(q)
    tiers: list[list[Entity]] = [[], [], [], [], [], [], [], []]
    for e in pool:
        toks = [t for t in (_name_tokens(lab) for lab in e.labels) if t]
        posts = [" ".join(_name_tokens(p)) for p in e.posts]
        if any(" ".join(t) == joined for t in toks) or fold(text) in {fold(lab) for lab in e.labels}:
            tiers[0].append(e)
        elif e.kind == "person" and any(_initials_fit(q, t) for t in toks):
            tiers[1].append(e)
        elif e.kind == "person" and any(t[-len(q):] == q for t in toks if len(t) > len(q)):
            tiers[2].append(e)  # surname, or the last parts of a double-barrelled name
        elif joined in posts:
            tiers[3].append(e)  # "the Clerk"
        elif words and any(mentions_all(lab, words) for lab in e.labels):
            tiers[4].append(e)
        elif words and any(mentions_all(p, words) for p in e.posts):
            tiers[5].append(e)
        elif e.kind == "person" and len(q) >= 2 and " ".join(q[:-1]) in posts and any(t[-1:] == q[-1:] for t in toks):
            tiers[6].append(e)
        elif e.kind == "person" and len(q) >= 2 and any(t == q[-1:] for t in toks):
            tiers[7].append(e)
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda e: (e.kind, e.name))
    return []


# -- meetings -----------------------------------------------------------------------------

# a folder named as a web site ("example.org.uk", "name.blogspot.com"): a saved or mirrored site's pages
_SITE_FOLDER = re.compile(r"^(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|uk|gov|edu|info|scot|"
                          r"wales|ie|us|ca|au|nz)$", re.I)


def _kept_as(source: str) -> str:
    """Where minutes that never name their body were kept: the file's name, after its folder's where
    the folder is named as a web site (the site often names the body the minutes leave out: a
    charity's trustees' page, a trust's AGM minutes on its acronym's site)."""
    parts = source.replace(chr(92), "/").rstrip("/").split("/")
    if len(parts) >= 2 and _SITE_FOLDER.match(parts[-2]):
        return f"{parts[-2]}/{parts[-1]}"
    return parts[-1]


@dataclass(frozen=True)
class MeetingInfo:
    iri: str
    body: str
    date: str
    source: str = ""
    title: str = ""  # the source document's title: what minutes naming no body are called by
    body_from: str = ""  # where a body the minutes never name was read from ("the site name")

    @property
    def label(self) -> str:
        """"Body, date"; a meeting whose minutes name no body is called by its file, or by the body
        its file's, folder's or site's name gives, saying so."""
        body = self.body or (f"(body not stated: {_kept_as(self.source)})" if self.source else "Meeting")
        if self.body and self.body_from:
            body = f"{self.body} (body read from {self.body_from})"
        return f"{body}, {self.date}" if self.date else f"{body} (date not stated)"


def meetings(store, only: set[str] | None = None) -> dict[str, MeetingInfo]:
    """Every meeting by IRI, with its body, date and source file (at least those of `only`,
    when given: where the text index keeps the meetings' rows, only those are read)."""
    index = None if only is None else _reads_index(store)
    if index is not None:
        from kg import textindex
        rows = textindex.meeting_list_rows(index, only)
    else:
        _, rows = run_named(store, "meetings")
    titles: dict[str, str] = {}
    if only is None:
        for r in run_named(store, "meeting-titles")[1]:
            titles[r["meeting"]] = f"{titles.get(r['meeting'], '')} {r['title']}".strip()
    # the few meetings whose body was read from a file's, folder's or site's name
    body_from = {r["meeting"]: r["body_from"] for r in run_named(store, "meeting-body-from")[1]}
    out: dict[str, MeetingInfo] = {}
    for r in rows:
        out.setdefault(r["meeting"], MeetingInfo(r["meeting"], r.get("body", ""), r.get("date", ""),
                                                 r.get("source", ""), titles.get(r["meeting"], ""),
                                                 body_from.get(r["meeting"], "")))
    return out


def meeting_label(info: dict[str, MeetingInfo], iri: str | None) -> str:
    if not iri:
        return "(meeting not recorded)"
    m = info.get(iri)
    return m.label if m else iri


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MON = {m[:3]: i for i, m in enumerate(_MONTHS, 1)}


def parse_date(text: str) -> tuple[str | None, str]:
    """A date in text (ISO, 4 December 2019, 4/12/2019, December 2019) as an ISO prefix,
    and the text without it."""
    t = fold(text)
    m = re.search(r"\b(\d{4}) (\d{2}) (\d{2})\b", t)  # ISO after folding hyphens
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", (t[:m.start()] + t[m.end():]).strip()
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9}) (\d{4})\b", t)
    if m and m.group(2)[:3] in _MON:
        return (f"{int(m.group(3)):04d}-{_MON[m.group(2)[:3]]:02d}-{int(m.group(1)):02d}",
                (t[:m.start()] + t[m.end():]).strip())
    # "December 16, 2013", "July 29th 2020": the month first, as US minutes (and some UK ones) date a meeting
    m = re.search(r"\b([a-z]{3,9}) (\d{1,2})(?:st|nd|rd|th)? (\d{4})\b", t)
    if m and m.group(1)[:3] in _MON and (m.group(1) in _MON or m.group(1) in _MONTHS or m.group(1) == "sept"):
        return (f"{int(m.group(3)):04d}-{_MON[m.group(1)[:3]]:02d}-{int(m.group(2)):02d}",
                (t[:m.start()] + t[m.end():]).strip())
    m = re.search(r"\b(\d{1,2}) (\d{1,2}) (\d{4})\b", t)  # 4/12/2019, UK order
    if m:
        return (f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}",
                (t[:m.start()] + t[m.end():]).strip())
    m = re.search(r"\b([a-z]{3,9}) (\d{4})\b", t)
    if m and m.group(1)[:3] in _MON:
        return f"{int(m.group(2)):04d}-{_MON[m.group(1)[:3]]:02d}", (t[:m.start()] + t[m.end():]).strip()
    return None, t


_MEETING_WORDS = frozenset(stem(w) for w in """meeting meetings minutes last latest recent held dated on of agm egm
annual general extraordinary""".split())
# words that name a kind of body: "the board" means the body of the meetings in the graph
# when no body is called that ("Wirral Children's Trust" is the board of its minutes)
_BODY_WORDS = frozenset(stem(w) for w in """board council committee trust partnership group panel forum authority
governors governing body cabinet executive assembly trustees directors""".split())


def select_meetings(store, spec: str | None) -> tuple[list[MeetingInfo], str]:
    """Meetings a phrase names ("the 2019-12-04 meeting", "the parish council meeting on
    4 December 2019", "the board"); all meetings when spec says nothing.  Returns the
    meetings and a description for messages."""
    info = list(meetings(store).values())
    if not spec or not spec.strip():
        return info, "any meeting"
    date, rest = parse_date(spec)
    words = [w for w in content_words(rest, generic=False) if w not in _MEETING_WORDS]
    chosen = info
    if date:
        chosen = [m for m in chosen if m.date.startswith(date)]
    if words and not all(w in _BODY_WORDS for w in words):
        # "the board" alone fits every body (each answer is labelled with its body);
        # a name narrows it, by the body's name or, where the minutes name none, the file's
        chosen = _named_by(chosen, words)
    if not date and not words and re.search(r"\b(last|latest|recent)\b", fold(spec)):
        dated = sorted((m for m in info if m.date), key=lambda m: m.date)
        chosen = dated[-1:] if dated else info
    return chosen, repr(spec.strip())


def _named_by(ms: list[MeetingInfo], words: list[str]) -> list[MeetingInfo]:
    """The meetings a name's words fit: by the body's name, else with its file's name, else
    with its minutes' title ("the Fourth Annual General Meeting" is the minutes headed "Fourth
    AGM Minutes"); else by the words that are not a kind of body, since a question may call a
    body by its kind as well as its name ("the Eastmoor CCG Governing Body" is the minutes of
    "Eastmoor CCG", "the Ashby Vale governors" those of "Ashby Vale Primary School")."""
    for text in (_body_text, _body_and_file, _body_file_title):
        hit = [m for m in ms if mentions_all(text(m), words)]
        if hit:
            return hit
    distinctive = [w for w in words if w not in _BODY_WORDS]
    if distinctive and len(distinctive) < len(words):
        return [m for m in ms if mentions_all(_body_file_title(m), distinctive)]
    return []


def _body_file_title(m: MeetingInfo) -> str:
    return f"{m.body} {_file_words(m)} {m.title}"


def _body_text(m: MeetingInfo) -> str:
    """What a question can call a meeting's body by: its name, else its file's name."""
    if m.body:
        return m.body
    return _file_words(m)


def _file_words(m: MeetingInfo) -> str:
    return re.sub(r"\d+", " ", m.source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0])


def _body_and_file(m: MeetingInfo) -> str:
    """The body's name and its file's: "the Huntingdon Road Surgery patient group meeting"
    names more than the minutes' heading gave as the body; tried when the body alone fits none."""
    return f"{m.body} {_file_words(m)}"


# -- the scope of a question: a body, a meeting or a time named in it ----------------------

_MON_RX = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)")
_DAY_RX = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR_RX = r"(?:19|20)\d{2}"
_DATE_RX = (rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|{_DAY_RX} (?:of )?{_MON_RX},? {_YEAR_RX}|"
            rf"{_MON_RX} {_DAY_RX},? {_YEAR_RX}|{_MON_RX} {_YEAR_RX}|{_MON_RX}|{_YEAR_RX})")
_TIME_PHRASES = [  # (regex over the normalised question, how the date bounds the meetings)
    (rf"\b(?:since|after|from) (?:the )?(?P<d>{_DATE_RX})\b", "since"),
    (rf"\b(?:before|until|up to|prior to) (?:the )?(?P<d>{_DATE_RX})\b", "before"),
    (rf"\bthe (?P<d>{_DATE_RX}) (?=meetings?\b)", "in"),
    (rf"\b(?:on|dated|held on|of|in|during|at) (?:the )?(?P<d>{_DATE_RX})\b", "in"),
    (rf"\b(?P<d>\d{{4}}-\d{{2}}-\d{{2}}|{_DAY_RX} (?:of )?{_MON_RX},? {_YEAR_RX})\b", "in"),
]
# every date phrase holds a digit or a month's name: the patterns above (a tenth of what
# importing this module cost) are compiled for a question that may hold one, and only then
_MAY_HOLD_DATE = re.compile(rf"\d|{_MON_RX}")


@lru_cache(maxsize=1)
def _time_phrases() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rx), how) for rx, how in _TIME_PHRASES]
# "the minutes of", "the minutes of the AGM held", "minutes from the meeting on": a date after
# them names the minutes asked about, not the meetings to look in
_MINUTES_OF = re.compile(r"\bminutes(?: (?:of|from))?(?: the)?(?: [\w'-]+){0,3}?(?: (?:held|dated))?(?: on)? ?$")
_PREPS = frozenset("at in of by for from to".split())
# "the next Ashcombe meeting" is a question about the next meeting, not a body's name
_ORDER_WORDS = frozenset("next previous following first".split())
_TAIL = frozenset("meeting meetings minutes agm egm".split())


@dataclass
class Scope:
    """The meetings a question is about, when it names a body, a meeting or a time."""

    meetings: set[str]
    said: str  # the words of the question that named it
    note: str = ""

    def describe(self, info: dict[str, MeetingInfo]) -> str:
        labels = sorted(info[m].label for m in self.meetings if m in info)
        shown = "; ".join(labels[:6]) + (f" and {len(labels) - 6} more" if len(labels) > 6 else "")
        return f"{self.said} ({len(labels)} meeting{'s' if len(labels) != 1 else ''}: {shown})"


def _bounds(text: str) -> tuple[str, str] | None:
    """The first and last ISO day a date phrase covers ("december 2019", "2019", "4 dec 2019");
    a month with no year is given the year 0000 and matched on any year."""
    t = text.replace(",", "")
    if re.fullmatch(_YEAR_RX, t):
        return f"{t}-01-01", f"{t}-12-31"
    iso, _ = parse_date(t)
    if iso and len(iso) == 10:
        return iso, iso
    if iso and len(iso) == 7:
        return f"{iso}-01", f"{iso}-31"
    mon = re.fullmatch(_MON_RX, t)
    if mon:
        n = _MON[t[:3]]
        return f"0000-{n:02d}-01", f"0000-{n:02d}-31"
    return None


def _in_time(date: str, how: str, lo: str, hi: str, latest: str) -> bool:
    if not date:
        return False
    if lo.startswith("0000"):  # a month with no year
        if how == "in":
            return date[5:7] == lo[5:7]
        # "since October": the latest October on or before the latest meeting
        year = latest[:4] if latest[5:7] >= lo[5:7] else f"{int(latest[:4]) - 1:04d}"
        lo, hi = year + lo[4:], year + hi[4:]
    if how == "since":
        return date >= lo
    if how == "before":
        return date < lo
    return lo <= date <= hi


def question_scope(store, question: str, original: str = "") -> tuple[str, Scope | None]:
    """Take the body, meeting or time a question names out of it ("at Tintern", "in
    December 2019", "since October", "the March meeting", "in the Suffolk Libraries board
    meeting on 31 March 2016"); returns the rest of the question and the meetings named
    (None when it names none).  A phrase that would name no meeting of the graph is
    left in the question, where it is read as a thing."""
    # every meeting is read only for a question that names a time, or a phrase that could
    # be a body's name
    got: list = []

    def every() -> list[MeetingInfo]:
        if not got:
            got.append(list(meetings(store).values()))
        return got[0]
    q = question
    said: list[str] = []
    chosen: set[str] = set()
    notes: list[str] = []
    for rx, how in _time_phrases() if _MAY_HOLD_DATE.search(q) else ():
        m = rx.search(q)
        if not m:
            continue
        b = _bounds(m.group("d"))
        if not b:
            continue
        allm = every()
        latest = max((m.date for m in allm if m.date), default="")
        hits = {x.iri for x in allm if _in_time(x.date, how, b[0], b[1], latest)}
        if not hits and _MINUTES_OF.search(q[:m.start()]):
            # "what was decided about the minutes of 13 November 2012?": the minutes a meeting
            # approves are an earlier meeting's; their date is part of what is asked about
            break
        said.append(m.group(0).strip() if how != "in" else m.group("d"))
        if b[0].startswith("0000") and how == "since" and latest:
            year = latest[:4] if latest[5:7] >= b[0][5:7] else str(int(latest[:4]) - 1)
            notes.append(f"'{m.group(0).strip()}' read as since {m.group('d')} {year}, "
                         f"the latest before the last meeting in the graph ({latest}).")
        chosen = hits
        keep = "the " if m.group(0).startswith("the ") else ""
        q = " ".join((q[:m.start()] + " " + keep + q[m.end():]).split())
        break
    # a body or meeting: "at tintern", "of stoke ferry parish council", "the halesworth meeting"
    toks = q.split()
    caps = {fold(w) for w in re.findall(r"\b[A-Z][\w'\u2019&-]*", original or "")}
    caps_stems = {stem(c) for c in caps if c}
    best = None
    best_loose = False  # the best phrase was matched by its capitalised names alone
    loose_note = ""
    for i, t in enumerate(toks):
        if t not in _PREPS and t != "the":
            continue
        for j in range(len(toks), i + 1, -1):
            if j < len(toks) and toks[j] not in _PREPS:
                continue
            phrase = toks[i + 1:j]
            if phrase and phrase[0] == "the":
                phrase = phrase[1:]
            tail = bool(phrase) and phrase[-1] in _TAIL
            if t == "the" and not tail:
                continue
            if t == "the" and len(phrase) > 2 and phrase[0] == "minutes" and phrase[1] in _PREPS:
                # "who seconded the minutes at the X meeting?": the minutes are what is asked
                # about, the meeting is what follows them (read from its own preposition)
                continue
            words = [w for w in content_words(" ".join(phrase), generic=False) if w not in _MEETING_WORDS]
            distinctive = [w for w in words if w not in _BODY_WORDS]
            if not distinctive:
                continue
            named_by_body = bool(phrase) and (tail or stem(phrase[-1]) in _BODY_WORDS)
            if not (named_by_body or t in ("at", "in") or any(stem(c) in distinctive for c in caps)):
                continue
            allm = every()
            # a time named too ("the Full Governing Body meeting in January 2015") keeps to its
            # meetings: a name fitting only other meetings is not the one meant
            hits = {m.iri for m in _named_by([m for m in allm if not said or m.iri in chosen], words)}
            loose = ""
            named = [w for w in distinctive if w in caps_stems]
            if not hits and named and len(named) < len(distinctive) and not _ORDER_WORDS & set(phrase) \
                    and (best is None or best_loose) and not (_PREPS | {"the"}) & set(phrase) \
                    and stem(phrase[0]) in named:
                # "the Ashcombe annual residents meeting": the names a question capitalises
                # pick the body; its lower-case words describe it, and minutes headed by the
                # association's name say nothing of "residents"
                hits = {m.iri for m in allm if mentions_all(_body_and_file(m), named)}
                loose = " ".join(w for w in phrase if stem(w) not in named and stem(w) not in _MEETING_WORDS)
            if hits and (best is None or (best_loose and not loose)
                         or (bool(loose) == best_loose and j - i > best[1] - best[0])):
                best, best_loose = (i, j, hits, tail), bool(loose)
                loose_note = (f"No body in the graph is called {' '.join(phrase)!r}; read as the meetings "
                              f"whose body or file names {' '.join(w for w in phrase if stem(w) in named)!r} "
                              f"('{loose}' matched no name).") if loose else ""
            if hits:
                break
    if best:
        i, j, hits, tail = best
        said.append(" ".join(toks[i + 1:j] if toks[i] in _PREPS else toks[i:j]))
        chosen = chosen & hits if said[:-1] else hits
        if loose_note:
            notes.append(loose_note)
        keep = ["the", "meeting"] if toks[i] == "the" else [toks[i], "the", "meeting"] if tail else []
        rest = toks[:i] + keep + toks[j:]
        q = " ".join(rest)
    if not said:
        return question, None
    return q, Scope(chosen, " ".join(said), " ".join(notes))


# -- answers ------------------------------------------------------------------------------

class PagedRows(Sequence):
    """An answer's rows, in order, each finished (labelled with its meeting, given the columns
    scripts read) only when it is read: a table shows the first page of a long answer and
    says how many there are in all, so the rest are counted, never made.  Equal to the list
    of the same rows; iterating it finishes every row."""

    def __init__(self, rows: list[dict[str, str]], finish: Callable[[list[dict[str, str]]], None]):
        self.unfinished = rows  # the rows as matched (each has its meeting and keys): finish changes them in place
        self._finish = finish
        self._done = 0

    def _upto(self, n: int) -> None:
        if n > self._done:
            self._finish(self.unfinished[self._done:n])
            self._done = n

    def __len__(self) -> int:
        return len(self.unfinished)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self.unfinished))
            self._upto(max(start, stop) if step > 0 else start + 1)
            return self.unfinished[i]
        k = range(len(self.unfinished))[i]
        self._upto(k + 1)
        return self.unfinished[k]

    def __iter__(self):
        self._upto(len(self.unfinished))
        return iter(self.unfinished)

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, PagedRows)) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"PagedRows({len(self)} rows, {self._done} finished)"


@dataclass
class Answer:
    """Rows (dicts of plain strings keyed by `columns`) and how to say them."""

    question: str
    columns: list[str]
    rows: list[dict[str, str]]
    fact: Callable[[dict[str, str]], str] = field(default=lambda r: "", repr=False)
    empty: str = "Nothing in the graph answers that."
    note: str = ""

    def narrowed(self, meetings: set[str] | None = None, offset: int = 0) -> "Answer":
        """The answer keeping only the rows of `meetings` (IRIs, and the labels a row may
        name its meeting by: "Body, date"; None: every row), and of those the rows after the
        first `offset` (a later page)."""
        if meetings is None and not offset:
            return self
        rows = self.rows
        source = rows.unfinished if isinstance(rows, PagedRows) else list(rows)
        scoped = [r for r in source if meetings is None or r.get("meeting") in meetings
                  or r.get("meeting_label") in meetings]
        kept = scoped[offset:]
        empty = self.empty
        if not kept and source:
            empty = (f"None of the answer's {len(source)} row(s) is of a meeting of the body and dates asked for."
                     if not scoped else f"The answer has {len(scoped)} row(s) in all: --offset {offset} is past the last.")
        new_rows = PagedRows(kept, rows._finish) if isinstance(rows, PagedRows) else kept
        return Answer(self.question, self.columns, new_rows, self.fact, empty, self.note)

    def text(self, limit: int | None = None) -> str:
        """One line per fact, the evidence quoted under it, and the meeting; with `limit`,
        the first `limit` facts and a last line saying how many more there are."""
        if not self.rows:
            return "\n".join(x for x in (self.note, self.empty) if x)
        lines = [self.note] if self.note else []
        shown = self.rows if limit is None else self.rows[:limit]
        for r in shown:
            fact = self.fact(r)
            lines.append(fact)
            ev = quote_for(fact, r.get("evidence") or "")
            lines.append(f'    "{ev}"' if ev else "    (no evidence sentence recorded)")
            if r.get("meeting_label") or r.get("meeting"):
                lines.append(f"    - {r.get('meeting_label') or r.get('meeting')}")
        more = len(self.rows) - len(shown)
        if more:
            lines.append(f"... and {more} more ({len(self.rows)} in all): --limit {len(self.rows)} "
                         "or --all shows every one")
        return "\n".join(lines)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def quote_for(fact: str, evidence: str) -> str:
    """The evidence to quote under a fact: the whole passage when it is one sentence, else
    its sentence that shares most words with the fact (a passage can hold several)."""
    ev = " ".join(evidence.split())
    sentences = [x for x in _SENTENCE_END.split(ev) if x.strip()]
    if len(sentences) <= 1 or len(ev) <= 240:
        return ev
    want = set(content_words(fact, generic=False))
    best = max(sentences, key=lambda x: len(want & set(content_words(x, generic=False))))
    return best if want & set(content_words(best, generic=False)) else ev


def _clean_thing(text: str) -> str:
    t = text.strip().strip("\"'\u2018\u2019\u201c\u201d").strip()
    # "the accounts at the Suffolk Libraries AGM" comes here as "the accounts at the meeting"
    # once the meeting is taken out as the scope: the meeting is not a word of the thing
    t = re.sub(r"\s+(?:at|in|of|from|for|to)\s+the\s+meeting$", "", t, flags=re.I)
    return re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)


def _labelled(store, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    info = meetings(store, {r["meeting"] for r in rows if r.get("meeting")})
    for r in rows:
        r["meeting_label"] = meeting_label(info, r.get("meeting"))
    return rows


def _dedupe(rows: list[dict[str, str]], keys: tuple[str, ...]) -> list[dict[str, str]]:
    seen, out = set(), []
    for r in rows:
        k = tuple(r.get(c, "") for c in keys)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _thing_rows(store, thing: str) -> list[dict[str, str]]:
    """Rows of owners-of whose thing holds every content word of `thing`."""
    words = content_words(thing) or content_words(thing, generic=False)
    if not words:
        raise QuestionError(f"say which thing you mean: {thing!r} has no words to look for")
    longest = max(words, key=len)
    # the engine only narrows the rows (a stem may not be a substring: bodies -> body)
    _, rows = run_named(store, "owners-of", {"word": longest[:-1] if len(longest) > 3 else longest})
    return [r for r in rows if mentions_all(r.get("thing", ""), words)]


_RELATION_WORDS = {"must do": "must do", "manages": "manages", "presents": "presents", "authored": "wrote",
                   "introduced": "introduced", "inspects": "inspects", "leads": "leads", "chairs": "chairs",
                   "has_member": "has as a member", "presented": "presented",
                   "declared an interest": "declared an interest", "judged": "judged"}


def _say_owner(r: dict[str, str]) -> str:
    rel = r.get("relation", "")
    return f"{r.get('owner_name', '(no owner recorded)')} {_RELATION_WORDS.get(rel, rel)}: {r.get('thing', '')}"


# -- looking a thing up in every text that can name it -------------------------------------

_KIND_PLURAL = {"action": "actions", "decision": "decisions", "statement": "statements",
                "responsibility": "responsibilities", "judgement": "judgements", "report": "reports",
                "item": "presented items"}
_OWNING = ("action", "responsibility", "report", "item")


def fact_texts(store) -> list[dict[str, str]]:
    """Every fact with every text that can name it (fact-texts query), one row per fact and
    owner, each labelled with its meeting."""
    _, rows = run_named(store, "fact-texts")
    return _labelled(store, rows)


def fact_texts_at(store, meetings: set[str], kinds: tuple[str, ...] | None = None) -> list[dict[str, str]]:
    """`fact_texts` rows at one of `meetings` (of the given kinds, or of every kind): where the
    text index keeps the rows, those of the facts of those meetings alone are read."""
    index = _reads_index(store)
    if index is None:
        return [r for r in fact_texts(store) if r.get("meeting") in meetings and (kinds is None or r["kind"] in kinds)]
    from kg import textindex
    rows = textindex.fact_text_rows(index, textindex.facts_at(index, meetings, kinds))
    return [r for r in _labelled(store, rows) if r.get("meeting") in meetings and (kinds is None or r["kind"] in kinds)]


def _fact_texts_of(store, kinds: tuple[str, ...]) -> list[dict[str, str]]:
    """`fact_texts` rows of the given kinds (from the index, only those are read)."""
    index = _reads_index(store)
    if index is None:
        return [r for r in fact_texts(store) if r["kind"] in kinds]
    from kg import textindex
    return [r for r in _labelled(store, textindex.fact_text_rows(index, None, kinds)) if r["kind"] in kinds]


def _fact_texts_by(store, iris: set[str]) -> list[dict[str, str]]:
    """`fact_texts` rows of the facts by (owned, said, held by ...) one of `iris`, and perhaps
    others: from the index, those facts' rows alone are read (unlabelled)."""
    index = _reads_index(store)
    if index is None:
        return fact_texts(store)
    from kg import textindex
    return textindex.fact_text_rows(index, textindex.facts_by(index, iris))


def _listing_at(store, listing: str, meetings: set[str]) -> list[dict[str, str]]:
    """The rows of a listing query (kg.textindex.PAGED_LISTINGS) at one of `meetings`."""
    index = _reads_index(store)
    if index is None:
        return [r for r in run_named(store, listing)[1] if r.get("meeting") in meetings]
    from kg import textindex
    return textindex.listing_rows_at(index, listing, meetings)


def _where_found(r: dict[str, str], words: list[str]) -> str:
    """Which of a fact's texts hold all the words: its own text, its item's title, the
    evidence around it, or several together; "" when the words are not all there."""
    parts = (("text", r.get("text", "")), ("owner's name", r.get("by_name", "")),
             ("item title", r.get("item_title", "")), ("evidence", r.get("evidence", "")))
    for name, t in parts:
        if t and mentions_all(t, words):
            return name
    if mentions_all(" ".join(t for _, t in parts), words):
        return "text, item title and evidence together"
    return ""


def _searched(rows: list[dict[str, str]], kinds, words: list[str]) -> str:
    counts: dict[str, set] = {}
    ms = set()
    for r in rows:
        if r["kind"] in kinds:
            counts.setdefault(r["kind"], set()).add(r["fact"])
            if r.get("meeting"):
                ms.add(r["meeting"])
    return _say_searched([(k, len(v)) for k, v in counts.items()], len(ms), words)


def _say_searched(counts: list[tuple[str, int]], meetings: int, words: list[str]) -> str:
    what = ", ".join(f"{n} {_KIND_PLURAL[k]}" for k, n in counts) or "no facts"
    return (f"searched the text, agenda item title and evidence sentence of {what} in {meetings} meeting(s), "
            f"matching the word stems {', '.join(words)}")


def _reads_index(store):
    """The store folder's text index when the word search can start from it (kg.textindex)."""
    from kg import textindex
    return textindex.reader_index(store)


_GOES_ON = re.compile(r"^\W*(?:He|She|They)\b(?! (?:were|was) (?:asked|thanked)\b)")


def sentences_around(store, most: int = 3, facts: set[str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The sentences around each fact in its minutes, by fact IRI.  Before: the one just
    before, and before that up to `most` in all while they state no fact themselves (the
    background a fact that says "this" refers to).  After: the whole sentence when the
    fact was taken from its first part, else the next sentence when it states no fact
    itself (a speaker's reply goes on: "He replied that ... . Four sites have been
    identified ...").  Given `facts`, at least those facts' sentences are found (only their
    minutes are read where the text index can say which those are)."""
    index = None if facts is None else _reads_index(store)
    if index is not None:
        from kg import textindex
        rows = textindex.passage_list_rows(index, facts)
    else:
        _, rows = run_named(store, "passages")
    by_source: dict[str, list[tuple[int, int, str]]] = {}
    starts: dict[str, tuple[str, int]] = {}
    stated: set[tuple[str, int]] = set()
    for r in rows:
        try:
            a, b = int(r["start"]), int(r["end"])
        except (KeyError, ValueError):
            continue
        by_source.setdefault(r["source"], []).append((a, b, r["exact"]))
        if r.get("fact"):
            starts.setdefault(r["fact"], (r["source"], a))
            stated.add((r["source"], a))
    for spans in by_source.values():
        spans.sort()
    out, after = {}, {}
    ends: dict[str, int] = {}
    for r in rows:
        if r.get("fact") and r["fact"] in starts and starts[r["fact"]][1] == int(r["start"]):
            ends[r["fact"]] = max(ends.get(r["fact"], 0), int(r["end"]))
    for fact, (source, a) in starts.items():
        spans = by_source[source]
        end = ends.get(fact, a)
        # a fact taken from the first part of a sentence (cut at a PDF line end) has
        # that whole sentence as a passage of its own: the rest of it comes after
        k = bisect.bisect_right(spans, (a, float("inf"), ""))
        whole = [x for x in spans[max(0, k - 8):k] if x[0] <= a and x[1] > end]
        if whole:
            after[fact] = " ".join(max(whole, key=lambda x: x[1] - x[0])[2].split())
        else:
            j = bisect.bisect_left(spans, (end, -1, ""))
            while j < len(spans) and spans[j][0] < end:
                j += 1
            if j < len(spans) and (source, spans[j][0]) not in stated:
                run = [spans[j][2]]
                # the speaker goes on in sentences of their own ("He also referred to
                # ..."): those that start with a pronoun standing for them and state no fact
                while len(run) < 4 and j + 1 < len(spans) and (source, spans[j + 1][0]) not in stated \
                        and _GOES_ON.match(spans[j + 1][2]):
                    j += 1
                    run.append(spans[j][2])
                after[fact] = " ".join(" ".join(x.split()) for x in run)
        i = bisect.bisect_left(spans, (a, -1, "")) - 1
        taken: list[str] = []
        while i >= 0 and len(taken) < most:
            start, end, exact = spans[i]
            i -= 1
            if end > a or (taken and exact == taken[-1]):
                continue  # the fact's own sentence, or the same sentence twice
            if taken and (source, start) in stated:
                break
            taken.append(exact)
            if (source, start) in stated:
                break
        if taken:
            out[fact] = " ".join(" ".join(t.split()) for t in reversed(taken))
    return out, after


def _names_as_written(store, thing: str) -> list[str]:
    """`thing` with each full name of a person in it written the other ways the minutes
    write that person: the first name alone and each recorded surface form."""
    t = fold(thing)
    out = []
    for e in entities(store):
        toks = _name_tokens(e.name)
        if e.kind != "person" or len(toks) < 2:
            continue
        name = " ".join(toks)
        if not re.search(rf"\b{re.escape(name)}\b", t):
            continue
        for alias in {toks[0], *(" ".join(_name_tokens(lab)) for lab in e.labels)}:
            if alias and alias != name:
                out.append(re.sub(rf"\b{re.escape(name)}\b", alias, t))
    return out


def _proper_stems(question: str) -> set[str]:
    """Stems of the words a question capitalises past its first word: names of things
    ("Chatterbooks", "Section 106"), which a near match must keep."""
    words = re.findall(r"[\w'\u2019-]+", unicodedata.normalize("NFKC", question))
    return {stem(fold(w).split()[0]) for w in words[1:] if w[:1].isupper() and fold(w).split()}


def search(store, thing: str, kinds=tuple(_KIND_PLURAL), only: set[str] | None = None, *, question: str = "",
           near: bool = True, labelled: bool = True) -> tuple[list[dict[str, str]], str, str]:
    """Facts of the given kinds that name `thing` in any of their texts, matched by word
    stems; returns the rows (each with `matched_in`), a note when only a near match was
    found, and what was searched (for saying so when nothing is found).  `only` keeps
    the facts whose `by` (owner, speaker) is one of those IRIs.  A near match (every
    word but one) is tried when `near`, never dropping a word the question capitalises.
    Unless `labelled`, rows read from the text index are not yet labelled with their
    meeting (`_labelled`: the caller labels those it shows)."""
    words = content_words(thing) or content_words(thing, generic=False)
    if not words:
        raise QuestionError(f"say which thing you mean: {thing!r} has no words to look for")
    from kg import textindex
    index = _reads_index(store)
    # (the facts of the kinds asked for alone, unless every kind is: who-owns' few kinds are
    # a quarter of the facts its words are in)
    candidates = None if index is None else textindex.fact_candidates(
        index, words, None if set(_KIND_PLURAL) <= set(kinds) else kinds)

    def keep(rows):
        return [r for r in rows if r["kind"] in kinds and (only is None or r.get("by") in only)]
    if candidates is None:
        allrows = keep(fact_texts(store))
        searched = _searched(allrows, kinds, words)
    else:
        # the index gives the facts that can hold every word (a superset of those that
        # do); the rows of those alone are read, and matched as every row would be
        allrows = keep(textindex.fact_text_rows(index, candidates, kinds))  # labelled once found
        if only is None:  # the same for every question on this store: counted once
            counts, in_meetings = textindex.remembered(
                store, f"fact_counts {sorted(kinds)}", lambda: textindex.fact_counts(index, kinds))
            counts = [tuple(c) for c in counts]
        else:
            counts, in_meetings = textindex.fact_counts(index, kinds, only)
        searched = _say_searched(counts, in_meetings, words)
    found = []
    for r in allrows:
        where = _where_found(r, words)
        if where:  # (rows of this search's own: the near matches below copy theirs)
            r["matched_in"] = where
            found.append(r)
    near_facts: set[str] | None = None  # the facts whose rows the matches below read, when not all
    if not found and candidates is not None and counts:
        # the near matches below read the sentences around a fact and drop words: the facts
        # of the documents that hold the words of one of their tries (in a passage, a fact's
        # text or a name) are all that can match, and only their rows and minutes are read
        tries = [words] + [content_words(v) or content_words(v, generic=False)
                           for v in _names_as_written(store, thing)]
        if near and (len(words) >= 3 or (only is not None and len(words) == 2)):
            names = set() if only is not None and len(words) == 2 else _proper_stems(question)
            tries += [[w for w in words if w != drop] for drop in words if drop not in names]
        near_facts = textindex.facts_near_words(index, tries, None if set(_KIND_PLURAL) <= set(kinds) else kinds,
                                                only)
        if near_facts is None:
            allrows = keep(fact_texts(store))
        else:
            allrows = keep(textindex.fact_text_rows(index, near_facts))
    note = ""
    before: dict[str, str] = {}
    after: dict[str, str] = {}

    def match(r: dict[str, str], ws: list[str]) -> dict[str, str] | None:
        where = _where_found(r, ws)
        if where:
            return dict(r, matched_in=where)
        own = " ".join((r.get("text", ""), r.get("item_title", ""), r.get("evidence", "")))
        prev = before.get(r["fact"], "")
        if prev and mentions_all(own + " " + prev, ws):
            return dict(r, matched_in="sentence before", sentence_before=prev)
        # what a speaker said runs on into the next sentence; so does a fact whose
        # sentence was cut (at a PDF line end)
        nxt = after.get(r["fact"], "")
        if nxt and (r["kind"] == "statement" or not re.search(r"[.!?)\]]\W*$", r.get("evidence", ""))) \
                and mentions_all(own + " " + nxt, ws):
            return dict(r, matched_in="sentence after", sentence_after=nxt)
        return None

    if not found and allrows:
        # minutes name a thing once and refer back to it ("Stephen Taylor asked for a copy
        # of this"; "MF said there is a standard" after "AN asked whether Epic and Cerner
        # ..."): the sentences before a fact are among its texts
        before, after = sentences_around(store, facts=near_facts)
        found = [m for m in (match(r, words) for r in allrows) if m]
    if not found and (allrows or near_facts is not None):
        # (the index's near search found no document holding the words: the sentences around
        # every fact were searched all the same, as the store's path says)
        searched += "; and the sentences around each"
    if not found and allrows:
        # "that Sheila Freeman continue" is "that Sheila continue" in the minutes' words: a
        # person's full name in the question may be written as a first name or initials
        for variant in _names_as_written(store, thing):
            vw = content_words(variant) or content_words(variant, generic=False)
            found += [m for m in (match(r, vw) for r in allrows) if m and m not in found]
    # one speaker's or owner's few facts ("what did Cllr X say about the A466 closure?", the
    # road named three sentences up): two words, either of which may be the one missing
    few = only is not None and len(words) == 2
    if not found and near and (len(words) >= 3 or few):
        # the question's verb ("provide the codes") is often not the minutes' verb: the
        # closest facts hold every word but one
        names = set() if few else _proper_stems(question)
        for drop in words:
            if drop in names:
                continue
            rest = [w for w in words if w != drop]
            near = [m for m in (match(r, rest) for r in allrows) if m]
            if near:
                found += [r for r in near if r not in found]
                note = (f"No text holds every word of {thing!r}; these hold all but "
                        f"'{drop}':") if not note else note
        if note and len({r['fact'] for r in found}) > 12:
            found, note = [], ""
    order = {"text": 0, "owner's name": 1, "item title": 2, "evidence": 3, "sentence before": 4, "sentence after": 5}
    found.sort(key=lambda r: order.get(r["matched_in"], 3))
    if labelled and candidates is not None:
        found = _labelled(store, found)
    return found, note, searched


# -- handlers: (store, match groups) -> Answer -----------------------------------------------

def _found_in(r: dict[str, str]) -> str:
    """Say where a thing was found when it was not the fact's own text."""
    if r.get("matched_in") == "item title" and r.get("item_title"):
        # "Members agreed to this proposal." under the item that names the thing: what
        # "this" is comes from the sentence before
        after = f"; after: \"{r['sentence_before']}\"" if r.get("sentence_before") else ""
        return f" [under the item: {r['item_title']}{after}]"
    if r.get("matched_in") == "sentence before" and r.get("sentence_before"):
        return f" [after: \"{r['sentence_before']}\"]"
    if r.get("matched_in") == "sentence after" and r.get("sentence_after"):
        ev = " ".join((r.get("evidence") or "").split())
        how = "the whole sentence" if ev and r["sentence_after"].startswith(ev) else "it goes on"
        return f" [{how}: \"{r['sentence_after']}\"]"
    if r.get("matched_in", "text") != "text":
        return f" [found in its {r['matched_in']}]"
    return ""


# a pronoun among a fact's first words stands for what the sentence before named
_REFERS_BACK = re.compile(r"^\W*(?:[\w'\u2019-]+\W+){0,4}?(?:this|these|those|it)\b", re.I)


def _refer_back(store, rows: list[dict[str, str]], text: str = "text") -> list[dict[str, str]]:
    """Give each listed fact that says only "this" or "it" the sentences before it, which
    say what "this" is ("This was agreed in principle" after "It was proposed that we
    sponsor QGIS")."""
    back = {r["fact"] for r in rows if r.get("fact") and _REFERS_BACK.search(r.get(text) or "")}
    if any(_REFERS_BACK.search(r.get(text) or "") for r in rows):
        # the sentences before a fact come from its own minutes alone: only the minutes of
        # the facts that say "this" are read
        before, _ = sentences_around(store, facts=back)
        for r in rows:
            if r.get("matched_in") not in (None, "", "item title") or r.get("sentence_before"):
                continue
            if _REFERS_BACK.search(r.get(text) or "") and before.get(r.get("fact", "")):
                r["sentence_before"] = before[r["fact"]]
    return rows


def _under(r: dict[str, str]) -> str:
    """The agenda item a listed fact was taken under, when its own text does not say what
    it is about ("The Board were in agreement and the policy was adopted.")."""
    if r.get("matched_in"):
        return _found_in(r)
    if r.get("sentence_before"):
        return f" [after: \"{r['sentence_before']}\"]"
    title = " ".join((r.get("item_title") or "").split())
    words = content_words(title, generic=False)
    if not words or mentions_all(r.get("text", ""), words):
        return ""
    return f" [under the item: {title if len(title) <= 90 else title[:87] + '...'}]"


def _say_fact(r: dict[str, str]) -> str:
    kind = r.get("kind")
    if kind == "decision":
        return f"Decided: {r.get('text', '').lstrip(':;,. ')}" + _under(r)
    if kind == "statement":
        return (f"{r.get('by_name', '(speaker not recorded)')} {r.get('relation') or 'said'}: {r.get('text', '')}"
                + _under(r))
    return _say_owner({"relation": r.get("relation", ""), "owner_name": r.get("by_name") or "(no owner recorded)",
                       "thing": r.get("text", "")}) + _under(r)


_FACT_COLUMNS = ["kind", "text", "by_name", "relation", "item_title", "matched_in", "sentence_before", "sentence_after",
                 "by", "fact", "meeting", "meeting_label", "evidence"]


_OWNS_COLUMNS = ["thing", "relation", "owner", "owner_name", "kind", "item_title", "matched_in", "sentence_before",
                 "sentence_after", "fact", "meeting", "meeting_label", "evidence"]


_ABOUT_TAIL = re.compile(r"\s+(?:about|regarding|concerning|in\s+respect\s+of)\s+\S.*$", re.I)


def who_owns(store, q: str, g: dict) -> Answer:
    """Who owns a thing: actions, responsibilities, reports and presented items that name it
    in their text, their item's title or the sentence around them."""
    thing = _clean_thing(g["x"])
    verb, _, rest = thing.partition(" ")
    rest = _clean_thing(re.sub(r"^(?:up|at|into|in|with|to|on|about|for|out|back|over|through|after|off)\s+", "",
                               rest))
    tries = [(thing, "")]
    if g.get("verb_first") and content_words(rest):
        # "who is buying the hedging?": the minutes may say "purchase"; the verb is the
        # question's, the thing is what follows it (tried after the whole question)
        tries.append((rest, f"Read without the question's verb {verb!r} (the minutes may use another). "))
    # "who will write to the Home Secretary about collective worship?": the action's own text may name
    # only the act ("offered to write to the Home Secretary ... to clarify"), its matter written in the
    # sentence before (a SACRE; a schools forum's "will write to the Department for Education to
    # raise the issue"); tried last, and said so
    bare = _ABOUT_TAIL.sub("", thing)
    if bare != thing and content_words(bare):
        tries.append((bare, f"Nothing names {thing!r}; read without {thing[len(bare):].strip()!r}. "))
    searched = ""
    for what, why in tries:
        near = not (why == "" and len(tries) > 1)  # the verb-less try is the near one
        rows, note, looked = search(store, what, _OWNING, question=q, near=near, labelled=False)
        searched = searched or looked
        rows = _dedupe(_dedupe(rows, ("fact", "by")), ("text", "by", "meeting", "evidence"))
        if rows:
            def finish(page: list[dict[str, str]]) -> None:
                _labelled(store, page)
                for r in page:  # the columns of the who-owns query, which scripts read
                    r.update(thing=r.get("text", ""), owner=r.get("by", ""),
                             owner_name=r.get("by_name") or "(no owner recorded)")
            return Answer(q, _OWNS_COLUMNS, PagedRows(rows, finish), _say_fact,
                          note=(why + (note or f"These name {what!r}:")) if why else note)
        # nobody owns it, but the minutes may still speak of it
        other, note2, _ = search(store, what, ("decision", "statement", "judgement"), question=q, near=near)
        if other:
            return Answer(q, _FACT_COLUMNS, _dedupe(other, ("fact", "by")), _say_fact,
                          note=why + f"No action or responsibility for {what!r} names an owner; "
                               + (note2.replace("these hold", "these decisions and statements hold")
                                  if note2 else "these decisions and statements mention it:"))
    also = "".join(f" (nor {what!r}, {why.split('; ', 1)[-1].rstrip('. ') if why.startswith('Nothing') else 'read without the question' + chr(39) + 's verb'})"
                   for what, why in tries[1:])
    return Answer(q, _OWNS_COLUMNS, [], _say_fact,
                  empty=f"Nothing in the graph mentions {thing!r}{also}: {searched}.")


def who_presented(store, q: str, g: dict) -> Answer:
    verb = fold(g["verb"])
    relations = {"authored"} if verb.startswith(("wrote", "author", "prepar")) else {"presents", "introduced"}
    thing = _clean_thing(g["x"])
    rows = [r for r in _thing_rows(store, thing) if r.get("relation") in relations and r.get("owner")]
    columns = ["thing", "relation", "owner", "owner_name", "meeting", "meeting_label", "evidence"]
    what = "wrote" if relations == {"authored"} else "presented or introduced"
    if not rows and relations != {"authored"} and content_words(thing):
        # "A presented the results of the survey", "B introduced the report": no item names a
        # presenter, but a sentence of the minutes says who presented it (a users' group's AGM,
        # a parish council's "Cllr C presented the report")
        said, _, searched = search(store, thing, ("statement",), question=q)
        said = [r for r in said if r.get("meeting") and r.get("by")
                and re.match(r"(?:present|introduc)", fold(r.get("relation") or r.get("verb") or ""))]
        if said:
            said = _dedupe(_labelled(store, said), ("by", "text", "meeting"))
            return Answer(q, ["by_name", "verb", "text", "by", "meeting", "meeting_label", "evidence"], said,
                          lambda r: f"{r.get('by_name', '(speaker not recorded)')} presented: {r['text']}")
        return Answer(q, columns, [], _say_owner,
                      empty=f"The graph does not say who {what} anything matching {thing!r}: no item names a "
                            f"presenter of it, and of the statements {searched}.")
    return Answer(q, columns, _dedupe(_labelled(store, rows), ("thing", "relation", "owner")), _say_owner,
                  empty=f"The graph does not say who {what} anything matching {thing!r}.")


def accountable(store, q: str, g: dict) -> Answer:
    name = g["p"].strip()
    found = find_entities(store, name)
    columns = ["entity_name", "relation", "thing", "item_title", "sentence_before", "meeting", "meeting_label",
               "evidence"]
    if not found:
        return Answer(q, columns, [], empty=f"No person or organisation in the graph is called {name!r}.")
    index = _reads_index(store)
    scope = _scope_ids(store, g)
    if index is not None:  # the rows of these entities alone (the query's rows, kept per document)
        from kg import textindex
        # of one entity's rows of the same thing only the first is kept below: unless the
        # scope picks among several entities by every meeting of their rows, only it is read
        rows = textindex.accountabilities_rows(index, {e.iri for e in found},
                                               first_per_thing=scope is None or len(found) == 1)
    else:
        _, rows = run_named(store, "accountabilities")
    if scope is not None and len(found) > 1:
        # "the clerk at Tintern": the clerk who has something at those meetings
        inside = {r.get("entity") for r in rows if r.get("meeting") in scope}
        found = [e for e in found if e.iri in inside] or found
    iris = {e.iri for e in found}
    rows = [r for r in rows if r.get("entity") in iris]
    rows = _refer_back(store, _dedupe(_labelled(store, rows), ("entity_name", "relation", "thing", "evidence")),
                       text="thing")
    names = " or ".join(e.name for e in found)
    note = f"{name!r} matches {len(found)}: {', '.join(e.name for e in found)}." if len(found) > 1 else ""

    def say(r):
        rel = _RELATION_WORDS.get(r["relation"], r["relation"])
        return f"{r['entity_name']} {rel}: {r.get('thing', '')}" + _under(dict(r, text=r.get("thing", "")))
    return Answer(q, columns, rows, say, empty=f"The graph records nothing that {names} is accountable for.",
                  note=note)


def decided(store, q: str, g: dict) -> Answer:
    body = (g.get("body") or "").strip()
    thing = _clean_thing(g.get("x") or "")
    info = meetings(store)
    columns = ["decision", "text", "meeting", "meeting_label", "date", "evidence"]
    chosen = set(info)
    if body and fold(body) not in {"they", "we", "it", "you"}:
        ms, _ = select_meetings(store, body)
        if not ms and not content_words(thing) and find_entities(store, body):
            return accountable(store, q, {"p": body})  # "what did J Hassall agree (to do)"
        if not ms and content_words(thing) and g.get("body_after") and not (
                content_words(body, generic=False) and content_words(body, generic=False)[-1] in _BODY_WORDS):
            # "decided about the land at Millbrook", "the roof repairs at the village
            # hall": a place that names no body is part of the thing asked about
            thing, body = f"{thing} at {body}", ""
        elif not ms:
            return Answer(q, columns, [], empty=f"No meeting of a body matching {body!r} is in the graph.")
        else:
            chosen = {m.iri for m in ms}
    searched = ""
    if thing and content_words(thing):
        found, note, searched = search(store, thing, ("decision",), question=q)
        rows = _refer_back(store, [dict(r, decision=r["fact"]) for r in found if r.get("meeting") in chosen])
        if not rows:
            # minutes record what was settled in words no decision is read from ("All Cllrs
            # agreed to this proposal." after "Cllr X suggested it be cleaned before ..."):
            # say so, and give what the minutes do record about the thing
            other, _, _ = search(store, thing, ("statement", "action"), question=q)
            other = _dedupe([r for r in other if r.get("meeting") in chosen], ("text", "by", "meeting"))
            if other:
                return Answer(q, _FACT_COLUMNS, other, _say_fact,
                              note=f"No decision about {thing!r} is recorded ({searched}); what the minutes "
                                   f"record about it:")
    else:
        if g.get("scope") is not None:
            # only the rows of the meetings the question names are kept (`_narrow`): those
            # meetings' decisions alone are read
            chosen &= g["scope"].meetings
        rows = _listing_at(store, "decisions", chosen)
        titles = {r["fact"]: r.get("item_title", "") for r in fact_texts_at(store, chosen, ("decision",))}
        for r in rows:
            r["item_title"] = titles.get(r["decision"], "")
            r["fact"] = r["decision"]
        rows = _refer_back(store, rows)
    for r in rows:
        r["meeting_label"] = meeting_label(info, r["meeting"])
        r["date"] = info[r["meeting"]].date if r["meeting"] in info else ""
    rows.sort(key=lambda r: (r["date"], r["meeting"]))
    when = lambda r: f" (on {r['date']})" if r.get("date") else " (date not stated)"  # noqa: E731
    about = f" about {thing!r}" if thing else ""
    by = f" by {body!r}" if body else ""
    rows = _dedupe(_dedupe(rows, ("decision",)), ("text", "meeting"))
    return Answer(q, columns + ["item_title", "matched_in", "sentence_before"], rows,
                  lambda r: f"Decided{when(r)}: {r.get('text', '').lstrip(':;,. ')}" + _under(r),
                  empty=f"No decision{by}{about} is in the graph" + (f": {searched}." if searched else "."))


_ROLES = [  # (regex over the folded verb, roles, how to say it)
    (r"chair|presid|called|opened|\bled\b|leading", ("chair",), "chaired"),
    # "who did not attend the trustees' meeting?": who sent apologies or was absent
    (r"apolog|absent|\bsent\b|regrets|missed|\bnot\b", ("apologies",), "sent apologies"),
    (r"in attendance", ("in_attendance",), "was in attendance"),
    (r"substitut", ("substitute",), "substituted"),
    (r"attend|present|there|came|were at|was at|took part|takes part|participat|joined",
     ("chair", "present", "in_attendance", "substitute"), "attended"),
]


def attendance(store, q: str, g: dict) -> Answer:
    verb = fold(g["verb"])
    roles, said = next((r, s) for rx, r, s in _ROLES if re.search(rx, verb))
    spec = g.get("m") or ""
    ms, desc = select_meetings(store, spec)
    columns = ["name", "role", "person", "meeting", "meeting_label", "evidence"]
    if not ms:
        return Answer(q, columns, [], empty=f"No meeting in the graph matches {desc}.")
    chosen = {m.iri for m in ms}
    _, rows = run_named(store, "attendance-evidence")
    rows = [r for r in rows if r["meeting"] in chosen and r.get("role") in roles]
    rows = _dedupe(_labelled(store, rows), ("meeting", "person", "role"))
    where = spec.strip()
    where = (f" {where}" if where.split()[0] in _PREPS else f" at {where}") if where else ""
    return Answer(q, columns, rows,
                  lambda r: f"{r['name']} {_ROLE_SAY.get(r['role'], r['role'])}",
                  empty=f"The graph records nobody who {said}{where}.")


def substitute(store, q: str, g: dict) -> Answer:
    """Who attended as a substitute for the person the question names (the substitutes query),
    in the meetings it names where it names any."""
    columns = ["name", "for_name", "person", "for_person", "meeting", "meeting_label", "evidence"]
    who = (g.get("p") or "").strip()
    found = find_entities(store, who, kinds=("person",))
    if not found:
        return Answer(q, columns, [], empty=f"No person in the graph is called {who!r}.")
    iris = {e.iri for e in found}
    _, rows = run_named(store, "substitutes")
    rows = [r for r in rows if r.get("for_person") in iris]
    if g.get("m"):
        ms, _desc = select_meetings(store, g["m"])
        chosen = {m.iri for m in ms}
        rows = [r for r in rows if r["meeting"] in chosen]
    rows = _dedupe(_labelled(store, rows), ("meeting", "person", "for_person"))
    names = " or ".join(e.name for e in found)
    return Answer(q, columns, rows, lambda r: f"{r['name']} attended as a substitute for {r['for_name']}",
                  empty=f"The graph records nobody who attended as a substitute for {names}.")


_ROLE_SAY = {"chair": "chaired", "present": "was present", "apologies": "sent apologies",
             "in_attendance": "was in attendance", "substitute": "attended as a substitute"}


def interests(store, q: str, g: dict) -> Answer:
    columns = ["name", "interest", "person", "meeting", "meeting_label", "evidence"]
    _, rows = run_named(store, "declarations")
    who = (g.get("p") or "").strip()
    if who:
        found = find_entities(store, who, kinds=("person",))
        if not found:
            return Answer(q, columns, [], empty=f"No person in the graph is called {who!r}.")
        iris = {e.iri for e in found}
        rows = [r for r in rows if r.get("person") in iris]
        empty = f"The graph records no declaration of interest by {' or '.join(e.name for e in found)}."
    else:
        empty = "The graph records no declarations of interest."
    thing = _clean_thing(g.get("x") or "")
    if thing:
        words = content_words(thing)
        rows = [r for r in rows if mentions_all(r.get("interest", "") + " " + r.get("evidence", ""), words)]
        empty = f"The graph records no declaration of interest about {thing!r}."
    rows = _labelled(store, rows)
    return Answer(q, columns, rows,
                  lambda r: f"{r.get('name', '(person not recorded)')} declared an interest: {r.get('interest', '')}",
                  empty=empty)


def no_owner(store, q: str, g: dict) -> Answer:
    from kg.analyse import unowned
    _, rows = unowned(store)
    rows = [r for r in rows if "owner" in r["missing"]]
    return Answer(q, ["action", "missing", "meeting", "evidence"], rows,
                  lambda r: f"No owner: {r['action']}", empty="Every action in the graph has an owner.")


def no_due(store, q: str, g: dict) -> Answer:
    from kg.analyse import unowned
    _, rows = unowned(store)
    rows = [r for r in rows if "due date" in r["missing"]]
    return Answer(q, ["action", "owner_name", "missing", "meeting", "evidence"], rows,
                  lambda r: f"No due date: {r['action']}" + (f" (owner: {r['owner_name']})" if r.get("owner_name")
                                                             else ""),
                  empty="Every action in the graph has a due date.")


def never_reported(store, q: str, g: dict) -> Answer:
    from kg.analyse import followup
    columns, rows = followup(store)
    asked = fold(q)
    want_open = not re.search(r"\b(?:were|was|have been|has been|got|are|is) (?:reported back|reported on|followed up|"
                              r"completed|done|closed)\b", asked) or re.search(r"\b(?:never|not)\b", asked)
    rows = [r for r in rows if (r["status"] == "open") == bool(want_open)]
    for r in rows:
        r["meeting_label"] = r["meeting"] if r["status"] == "open" else r["later_meeting"]

    def say(r):
        owner = f" (owner: {r['owner_name']})" if r.get("owner_name") else ""
        if r["status"] == "open":
            return f"Never reported back on: {r['action']}{owner}, from {r['meeting']}"
        return f"Reported back: {r['action']}{owner}, from {r['meeting']}"
    earlier = any(True for _ in rows) or _has_earlier_meetings(store)
    empty = ("Every action from an earlier meeting was reported back on at a later meeting." if want_open
             else "No action from an earlier meeting was reported back on.")
    if not earlier:
        empty = "No body has two dated meetings in the graph, so no action can be followed up yet."
    return Answer(q, columns + ["meeting_label"], rows, say, empty=empty)


def _has_earlier_meetings(store) -> bool:
    per_body: dict[str, int] = {}
    for m in meetings(store).values():
        if m.date and m.body:
            per_body[m.body] = per_body.get(m.body, 0) + 1
    return any(n > 1 for n in per_body.values())


def connected(store, q: str, g: dict) -> Answer:
    from kg.analyse import shortest_path
    a, b = g["a"].strip(), g["b"].strip()
    columns, rows = shortest_path(store, a, b)
    for r in rows:
        r["meeting_label"] = r.get("meeting", "")
    return Answer(q, columns, rows, lambda r: f"{r['step']}. {r['from']} {r['relation']} {r['to']}",
                  empty=f"No path links {a!r} and {b!r}.")


def who_said(store, q: str, g: dict) -> Answer:
    thing = _clean_thing(g.get("x") or "")
    who = (g.get("p") or "").strip()
    about = bool(thing and content_words(thing))
    # the texts query's statements (each with a meeting; by one of the people asked about, each
    # named) are read only when they are the answer: of a thing, the words' matches are, kept
    # to those with a meeting (the texts query's rows; a match's rows each have its meeting)
    rows = [] if about else [r for r in run_named(store, "texts")[1] if r["kind"] == "statement"]
    empty = "The graph records no statements."
    near_note = ""
    found_people: list[Entity] = []
    if who:
        found = find_entities(store, who)
        if not found:
            told = _sentences_answer(store, q, g, thing, who,
                                     f"No person or organisation in the graph is called {who!r}") if about else None
            return told or Answer(q, [], [], empty=f"No person or organisation in the graph is called {who!r}.")
        iris = {e.iri for e in found}
        found_people = found
        rows = [r for r in rows if r.get("by") in iris]
        empty = f"The graph records nothing said by {' or '.join(e.name for e in found)}."
    if about:
        found, near_note, searched = search(store, thing, ("statement",), only=iris if who else None, question=q)
        rows = [r for r in found if r.get("meeting") and (not who or r.get("by") in iris)]
        empty = (f"No statement{' by ' + ' or '.join(e.name for e in found_people) if who else ''} "
                 f"mentions {thing!r}: {searched}.")
    if not rows and thing and content_words(thing) and not who:
        # nobody is recorded saying it, but an action or decision may name it
        other, _, _ = search(store, thing, ("action", "decision", "responsibility", "report", "judgement"),
                             question=q)
        if other:
            return Answer(q, _FACT_COLUMNS, _dedupe(other, ("text", "by", "meeting")), _say_fact,
                          note=f"No statement mentions {thing!r}; these actions and decisions do:")
    if not rows and who and thing and content_words(thing):
        # "Mr. Lowe would welcome a second noticeboard": what a member said is often
        # written in a verb no statement is read from; the sentences of their meetings that
        # name them and the thing are what the minutes say of it
        named, how = _sentences_naming(store, found_people, thing, _scope_ids(store, g), q)
        if named:
            return Answer(q, ["by_name", "verb", "text", "by", "meeting", "meeting_label", "evidence"], named,
                          lambda r: f"{r['by_name']} (named in the minutes): {r['text']}",
                          note=f"{empty.split(':')[0]}; these sentences of the minutes name "
                               f"{' or '.join(e.name for e in found_people)} and {how}:")
    if not rows and thing and content_words(thing):
        # no statement is read (or, of someone asked about, no sentence of their meetings names
        # them: the minutes name them where no register or fact of theirs was read): the
        # sentences of the minutes that hold the thing's words, and the name as typed, are what
        # the minutes say of it
        told = _sentences_answer(store, q, g, thing, who, empty.split(":")[0])
        if told is not None:
            return told
    rows = _dedupe(_labelled(store, rows), ("by", "text", "meeting"))
    for r in rows:
        r.setdefault("verb", r.get("relation", "said"))
    return Answer(q, ["by_name", "verb", "text", "item_title", "matched_in", "sentence_before", "sentence_after", "by",
                      "meeting", "meeting_label", "evidence"], rows,
                  lambda r: f"{r.get('by_name', '(speaker not recorded)')} {r.get('verb') or 'said'}: {r['text']}"
                  + _found_in(r),
                  note=near_note if rows else "", empty=empty)


def _sentences_answer(store, q: str, g: dict, thing: str, who: str, why: str) -> Answer | None:
    """The sentences of the minutes (of the question's scope) that hold the thing's words, and
    name `who` as typed where one was asked about (a given name alone, in a register govkg did
    not read), told as what the minutes say of it after `why` (what was not found); None when
    no sentence holds them."""
    named = _sentences_about(store, thing, _scope_ids(store, g), who)
    if not named:
        return None
    return Answer(q, ["by_name", "verb", "text", "by", "meeting", "meeting_label", "evidence"], named,
                  lambda r: f"(in the minutes): {r['text']}",
                  note=f"{why}; these sentences of the minutes {'name ' + repr(who) + ' and ' if who else ''}"
                       f"hold {thing!r}:")


_DID_WORDS = {"arrive late": "arrived late", "arrived late": "arrived late", "left early": "left early"}


def who_did(store, q: str, g: dict) -> Answer:
    """Who did a thing the graph keeps as no fact of its own ("who produced the accounts?", "who
    resigned as a trustee?", "who arrived late?"): the statements, decisions and actions that hold
    the verb's and the thing's words, else the sentences of the minutes that do ("A had produced
    the year's accounts", "B ... would resign as a trustee", "C would arrive late"), each with its meeting."""
    verb = _DID_WORDS.get(g["verb"], g["verb"])
    thing = _clean_thing(f"{verb} {g.get('x') or ''}")
    rows, note, _ = search(store, thing, ("statement", "decision", "action"), question=q, near=False)
    scope = _scope_ids(store, g)
    rows = [r for r in rows if scope is None or r.get("meeting") in scope]
    if rows:
        return Answer(q, _FACT_COLUMNS, _dedupe(rows, ("fact", "by")), _say_fact, note=note)
    told = _sentences_answer(store, q, g, thing, "", f"No statement, decision or action holds {thing!r}")
    return told or Answer(q, _FACT_COLUMNS, [], _say_fact,
                          empty=f"No statement, decision, action or sentence of the minutes holds {thing!r}.")


def _sentences_naming(store, people: list[Entity], thing: str, scope: set[str] | None,
                      question: str) -> tuple[list[dict[str, str]], str]:
    """Sentences of the meetings where `people` appear that name one of them (by a full
    name or surname they were written with) and every word of `thing` (or, for a thing of
    two words or more, all but one word the question does not capitalise), each with the
    sentences after it that go on with "He" or "She"; and how the thing was matched."""
    iris = {e.iri for e in people}
    _, att = run_named(store, "attendance-evidence")
    ms = {r["meeting"] for r in att if r.get("person") in iris}
    ms |= {r["meeting"] for r in _fact_texts_by(store, iris) if r.get("by") in iris and r.get("meeting")}
    if scope is not None:
        ms &= scope
    names = set()
    for e in people:
        for lab in (e.name, *e.labels):
            toks = _name_tokens(lab)
            if toks:
                names.add(" ".join(toks))
                if len(toks[-1]) >= 3:
                    names.add(toks[-1])
    if not names or not ms:
        return [], ""
    name_rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    words = content_words(thing) or content_words(thing, generic=False)
    proper = _proper_stems(question)
    tries = [(words, repr(thing))] + [([w for w in words if w != d], f"all of {thing!r} but '{d}'")
                                      for d in words if len(words) >= 2 and d not in proper]
    sentences = meeting_sentences(store, ms)  # (read once for every try)
    info = meetings(store, set(sentences))
    for ws, how in tries:
        out = []
        for m in sorted(sentences):
            rows = sentences[m]
            for k, r in enumerate(rows):
                if not name_rx.search(fold(r["exact"])):
                    continue
                run = [r["exact"]]
                for nxt in rows[k + 1:k + 4]:
                    if nxt.get("fact") or not _GOES_ON.match(nxt["exact"]):
                        break
                    run.append(nxt["exact"])
                text = " ".join(" ".join(x.split()) for x in run)
                if mentions_all(text, ws):
                    who = next((e.name for e in people if any(
                        n and re.search(rf"\b{re.escape(n)}\b", fold(r["exact"]))
                        for lab in (e.name, *e.labels) for n in [" ".join(_name_tokens(lab)[-1:])])), people[0].name)
                    out.append({"by_name": who, "verb": "named in", "text": text, "by": "", "meeting": m,
                                "meeting_label": meeting_label(info, m), "evidence": " ".join(r["exact"].split())})
        if out:
            return _dedupe(out, ("text", "meeting")), how
    return [], ""


def meeting_sentences(store, ms: set[str] | None, words: list[str] = ()) -> dict[str, list[dict[str, str]]]:
    """Each meeting's passages (the meeting-sentences query's rows: passage, start, exact, fact),
    in the order of its minutes, for the meetings `ms` (every meeting: None).  Where the text
    index keeps the passages, in one read of it, and, given `words` (stems), of the documents
    holding every one of them alone; else one query a meeting."""
    index = _reads_index(store)
    out: dict[str, list[dict[str, str]]] = {}
    if index is not None:
        from kg import textindex
        for r in textindex.meeting_sentence_rows(index, ms, words):
            out.setdefault(r["meeting"], []).append(r)
        return out
    for m in sorted(ms if ms is not None else meetings(store)):
        _, rows = run_named(store, "meeting-sentences", {"meeting": m})
        if rows:
            out[m] = rows
    return out


def _sentences_about(store, thing: str, scope: set[str] | None, who: str = "") -> list[dict[str, str]]:
    """Sentences of the meetings in `scope` (of every meeting: None) holding every word of
    `thing` by its stems, alone or with the sentence before them (a heading or the line that
    names the matter); with `who`, only those naming `who` as typed (its last word, as minutes
    write surnames or given names alone)."""
    words = content_words(thing) or content_words(thing, generic=False)
    toks = _name_tokens(who) if who else []
    if not words or (who and not toks) or (scope is not None and not scope):
        return []
    name_rx = re.compile(rf"\b{re.escape(toks[-1])}\b") if toks else None
    found = meeting_sentences(store, scope, words)
    info = meetings(store, set(found))
    out = []
    for m in sorted(found):
        rows = found[m]
        for k, r in enumerate(rows):
            text = " ".join(r["exact"].split())
            before = " ".join(rows[k - 1]["exact"].split()) if k else ""
            if name_rx is not None and not name_rx.search(fold(text)):
                continue
            # (of anyone, the sentence after one that holds every word adds nothing; of someone
            # asked about, it is what they said of the matter the sentence before names)
            if mentions_all(text, words) or (before and (name_rx is not None or not mentions_all(before, words))
                                             and mentions_all(before + " " + text, words)):
                out.append({"by_name": "", "verb": "named in", "text": text, "by": "", "meeting": m,
                            "meeting_label": meeting_label(info, m), "evidence": text})
    return _dedupe(out, ("text", "meeting"))


def list_meetings(store, q: str, g: dict) -> Answer:
    body = (g.get("body") or "").strip()
    ms, desc = select_meetings(store, body)
    _, rows = run_named(store, "meetings")
    chosen = {m.iri for m in ms}
    rows = _dedupe([r for r in rows if r["meeting"] in chosen], ("meeting",))
    _, facts = run_named(store, "fact-meetings")
    ev = {r["fact"]: r.get("evidence", "") for r in facts}
    for r in rows:
        r["evidence"] = ev.get(r["meeting"], "")
    rows = _labelled(store, rows)
    return Answer(q, ["meeting", "body", "date", "chair", "source", "meeting_label", "evidence"], rows,
                  lambda r: f"{r.get('body', 'A meeting')} met" + (f" on {r['date']}" if r.get("date") else
                                                                    " (date not stated)")
                  + (f", chaired by {r['chair']}" if r.get("chair") else ""),
                  empty=f"No meeting in the graph matches {desc}.")


def _scope_ids(store, g: dict) -> set[str] | None:
    sc = g.get("scope")
    return sc.meetings if sc is not None else None


def _scope_with_body(store, g: dict) -> set[str] | None:
    """The meetings a question is about: its scope, narrowed to the body it names."""
    scope = _scope_ids(store, g)
    body = (g.get("body") or "").strip()
    if body:
        ids = {m.iri for m in select_meetings(store, body)[0]}
        scope = ids if scope is None else scope & ids
    return scope


def _post_with_its_of(post: str, body: str, q: str, lookup) -> dict[str, str]:
    """"who is the Director of Finance of the University?", "who is the Head of Service at the
    Joint Waste Committee?": a post whose own name holds "of" (a university's council, a joint
    waste committee) is read whole, and only what follows it as the body; else as asked."""
    if not body or f"{fold(post)} of " not in fold(q):
        return {"post": post, "body": body}
    cuts = [m.start() for m in re.finditer(r"\s(?:of|at|for|on|to)\s", body)] + [len(body)]
    for cut in reversed(cuts):
        head = body[:cut].strip()
        if head and f"{fold(post)} of {fold(head)}" in fold(q) and lookup(f"{post} of {head}") is not None:
            rest = re.sub(r"^\s*(?:of|at|for|on|to)\s+", "", body[cut:]).strip()
            return {"post": f"{post} of {head}", "body": rest}
    return {"post": post, "body": body}
def _post_of_post(held: str, asked: str) -> bool:
    """Whether the post held is another post's aide ("Chief Executive's Secretary", "the Mayor's
    Secretary") where the question asks for that other post ("the Chief Executive")."""
    h, a = (" ".join(t.lower().replace("’", "'").split()) for t in (held, asked))
    a = re.sub(r"^(?:the|our)\s+", "", a)
    i = h.find(a)
    return i >= 0 and h[i + len(a):].startswith("'s ") and "'s" not in a


def post_holder(store, q: str, g: dict) -> Answer:
    """Who holds a post ("who is the clerk of X?", "who is the chair?"): the post as the
    minutes give it, and for a chair also who chaired each meeting; one answer per body."""
    # "who is the new Director of Finance?": the minutes welcome "the new Director of Finance, Mr
    # A" (a university's council) or "the new Asset Manager" (a drainage board); the post is the
    # same post
    post = re.sub(r"^(?:new|current|present|incoming)\s+", "", _clean_thing(g["post"]), flags=re.I)
    from kg import gazetteer as gz  # (its tables are read for questions about a post only)
    g = dict(g, **_post_with_its_of(post, g.get("body") or "", q, gz.lookup_post))
    post = g["post"]
    words = content_words(post, generic=False)
    columns = ["name", "post", "body", "person", "meeting", "meeting_label", "evidence"]
    if not words:
        raise QuestionError(f"say which post you mean in {q!r}")
    scope = _scope_with_body(store, g)
    _, rows = run_named(store, "post-holders")
    # a holder the minutes name in their prose but list in no attendance is tied to no
    # meeting: give them the meetings of their own minutes and the sentence naming them
    bare = {r["person"] for r in rows if not r.get("meeting")}
    if bare:
        _, docs = run_named(store, "post-holders-by-document")
        rows = [r for r in rows if r["person"] not in bare or r.get("meeting")] + [
            r for r in docs if r["person"] in bare]
        seen = {r["person"] for r in docs}
        rows += [r for r in run_named(store, "post-holders")[1] if r["person"] in bare - seen]
    # "the clerk" is not the deputy clerk, "the chair" not the vice-chair, unless asked
    lesser = ("vice", "deputy", "assistant", "acting")
    # "the Honorary Secretary", "the Hon Treasurer": the minutes may record the post by the
    # name the gazetteer files it under ("Secretary")
    from kg import gazetteer as gz  # (its tables are read for questions about a post only)
    known = gz.lookup_post(post)
    # "the PCC treasurer", "the ERA chair": the body's own name before a post it knows
    toks = post.split()
    for k in range(1, len(toks)):
        if known is not None:
            break
        known = gz.lookup_post(" ".join(toks[k:]))
    alt = content_words(known.post, generic=False) if known is not None else []
    rows = [r for r in rows if (mentions_all(r["post"], words) or alt and mentions_all(r["post"], alt)) and not
            (fold(r["post"]).startswith(lesser) and not fold(post).startswith(lesser)) and not _post_of_post(r["post"], post)]
    out = []
    for r in rows:
        if scope is not None and r.get("meeting") not in scope:
            continue
        out.append(r)
    if words == [stem("chair")] or "chair" in fold(post).split():
        # who chaired each meeting, where the minutes say so, though they name no post
        _, att = run_named(store, "attendance-evidence")
        for r in att:
            if r.get("role") == "chair" and (scope is None or r["meeting"] in scope):
                out.append({"name": r["name"], "post": "Chair (of the meeting)", "body": r.get("body", ""),
                            "person": r["person"], "meeting": r["meeting"], "evidence": r.get("evidence", "")})
    out = _labelled(store, out)
    # one row per person and body: the latest meeting that shows them in the post
    best: dict[tuple[str, str], dict] = {}
    info = meetings(store)
    for r in out:
        m = info.get(r.get("meeting", ""))
        key = (r["person"], m.body if m and m.body else r.get("body", ""))
        date = m.date if m else ""
        if key not in best or (date, bool(r.get("evidence"))) > best[key]["_k"]:
            best[key] = dict(r, _k=(date, bool(r.get("evidence"))))
    with_body = {p for p, b in best if b}
    rows = sorted((r for (p, b), r in best.items() if b or p not in with_body),
                  key=lambda r: (r.get("meeting_label", ""), r["name"]))
    bodies = {r.get("meeting_label", "").rsplit(",", 1)[0] for r in rows}
    note = (f"{post!r} fits {len(bodies)} bodies in the graph; answering for each (name one, e.g. "
            f"\"who is the {post} of <body>?\", to narrow it):") if len(bodies) > 1 else ""
    _, known = run_named(store, "posts")
    posts = sorted({r["post"] for r in known})
    return Answer(q, columns, rows, lambda r: f"{r['name']}: {r['post']}" + (f" of {r['body']}" if r.get("body") else ""),
                  note=note, empty=f"No one in the graph holds a post called {post!r}"
                  + (f" in {g['scope'].said}" if g.get("scope") else "")
                  + f". Posts in the graph: {', '.join(posts) or 'none'}.")


def appointed(store, q: str, g: dict) -> Answer:
    """Who was appointed, elected or co-opted to something ("who was appointed independent
    examiner?"): the decisions and statements that say so, else who holds it as a post."""
    thing = _clean_thing(g["x"])
    rows, note, _ = search(store, f"{g['verb']} {thing}", ("decision", "statement"), question=q)
    if not rows:
        rows, note, _ = search(store, thing, ("decision", "statement"), question=q)
        rows = [r for r in rows if re.search(r"\b(?:appoint|elect|co-opt|nominat|chose|vote)", fold(
            " ".join((r.get("text", ""), r.get("evidence") or "", r.get("item_title") or ""))))]
    if g.get("scope") is not None:
        rows = [r for r in rows if r.get("meeting") in g["scope"].meetings]
    if not rows:
        return post_holder(store, q, dict(g, post=thing))
    return Answer(q, _FACT_COLUMNS, _dedupe(rows, ("fact", "by")), _say_fact, note=note)


def replaced(store, q: str, g: dict) -> Answer:
    """Who took someone's place ("who replaced Owen Pike as a trustee?"): the decisions and
    statements that name the person and the post, in their own sentence or the one before
    ("Owen Pike would like to step down as a trustee ... Sarah Mills volunteered to take his
    place"); else who holds the post."""
    who = _clean_thing(g["p"])
    post = _clean_thing(g.get("post") or "")
    rows, note, _ = search(store, f"{who} {post}".strip(), ("decision", "statement"), question=q, near=False)
    if g.get("scope") is not None:
        rows = [r for r in rows if r.get("meeting") in g["scope"].meetings]
    if not rows and post:
        return post_holder(store, q, dict(g, post=post))
    return Answer(q, _FACT_COLUMNS, _dedupe(rows, ("fact", "by")), _say_fact, note=note,
                  empty=f"No decision or statement names {who!r}" + (f" and {post!r}" if post else "") + ".")


def judged(store, q: str, g: dict) -> Answer:
    """What an inspector or regulator found ("what did Ofsted rate children's services?")."""
    by = _clean_thing(g.get("by") or "")
    thing = _clean_thing(g.get("x") or "")
    _, rows = run_named(store, "judgements")
    columns = ["by_name", "subject", "grade", "by", "meeting", "meeting_label", "evidence"]
    if by and fold(by) not in ("inspector", "inspectors", "inspection", "regulator", "inspectorate"):
        words = content_words(by, generic=False)
        rows = [r for r in rows if mentions_all(r.get("by_name", ""), words)
                or any(mentions_all(lab, words) for e in find_entities(store, by, kinds=("organisation",))
                       for lab in e.labels if e.iri == r.get("by"))]
    note = ""
    if thing:
        words = [w for w in content_words(thing) if w not in {stem("rating"), stem("grade"), stem("judgement")}]
        hit = [r for r in rows if words and mentions_all(r.get("subject", "") + " " + r.get("evidence", ""), words)]
        if hit:
            rows = hit
        elif rows:
            note = (f"No judgement names {thing!r} as such; every judgement"
                    f"{' by ' + by if by else ''} in the graph:")
    rows = _dedupe(_labelled(store, rows), ("by", "subject", "grade", "meeting"))
    return Answer(q, columns, rows,
                  lambda r: f"{r.get('by_name', '(inspector not recorded)')} judged {r.get('subject', '(subject not recorded)')}: {r['grade']}",
                  note=note, empty="The graph records no inspection judgement"
                  + (f" by {by!r}" if by else "") + (f" about {thing!r}" if thing else "") + ".")


# the next-meeting passage can run on into the next sentence ("... 7 pm This was agreed.")
_NEXT_TAIL = re.compile(r"(?<=[a-z0-9]) (?=[A-Z][a-z]+ (?:was|were|is|had|further)\b|This\b|Meeting [Cc]losed\b|The\b)")


def next_meeting(store, q: str, g: dict) -> Answer:
    """When the next meeting is, as the latest minutes of each body say."""
    _, rows = run_named(store, "next-meetings")
    scope = _scope_with_body(store, g)
    rows = [r for r in _labelled(store, rows) if scope is None or r["meeting"] in scope]
    info = meetings(store)
    latest: dict[str, dict] = {}
    for r in rows:
        m = info.get(r["meeting"])
        key = fold(_body_text(m)) if m else r["meeting"]
        key = re.sub(r"\s+", " ", key).strip()
        if key not in latest or r.get("date", "") > latest[key].get("date", ""):
            latest[key] = r
    rows = sorted(latest.values(), key=lambda r: r.get("meeting_label", ""))
    for r in rows:
        r["evidence"] = r["next"]
    if not rows and scope is not None and 0 < len(scope) <= 5:
        rows = _next_meeting_mentioned(store, scope, info)
    note = (f"The graph holds minutes of {len(rows)} bodies; the next meeting each one's latest minutes give:"
            if len(rows) > 1 else "")
    return Answer(q, ["next", "body", "date", "meeting", "meeting_label", "evidence"], rows,
                  lambda r: f"Next meeting (as the minutes of {r.get('date') or 'an undated meeting'} say): "
                            + _NEXT_TAIL.split(r["next"])[0],
                  note=note, empty="No minutes in the graph say when the next meeting is.")


_MENTIONED_NEXT = re.compile(
    rf"\b(?:the|next) (?P<d>{_MON_RX}[a-z]*\.? \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MON_RX}[a-z]*)"
    rf" meeting\b|\b(?:next meeting|meet next|meet again)(?: is| will be)?(?: held| scheduled)?(?: on| in| for)? "
    rf"(?P<e>(?:(?:early|mid|late|the) )?(?:{_DAY_RX} (?:of )?)?{_MON_RX}[a-z]*\.?(?: {_DAY_RX}(?![:.]\d))?(?:,? {_YEAR_RX})?)\b",
    re.I)


def _next_meeting_mentioned(store, scope: set[str], info: dict[str, MeetingInfo]) -> list[dict[str, str]]:
    """Minutes with no date-of-next-meeting line often name it in passing ("the item will be
    on the agenda for the June 9 meeting", "Next meeting on 4 May 2026"): the first such
    sentence of each meeting, quoted."""
    out = []
    sentences = meeting_sentences(store, scope)
    for m in sorted(sentences):
        for r in sentences[m]:
            hit = _MENTIONED_NEXT.search(" ".join(r["exact"].split()))
            if hit:
                out.append({"next": hit.group("d") or hit.group("e"), "meeting": m,
                            "meeting_label": meeting_label(info, m), "date": info[m].date if m in info else "",
                            "evidence": " ".join(r["exact"].split())})
                break
    return out


def _one_meeting_or_ask(store, g: dict, what: str) -> tuple[set[str] | None, str]:
    scope = _scope_ids(store, g)
    info = meetings(store)
    if scope is None:
        scope = set(info)
    if not scope:
        return None, f"No meeting in the graph matches {g['scope'].said!r}." if g.get("scope") else "No meetings."
    if len(scope) > 3 and g.get("scope") is None:
        labels = sorted(info[m].label for m in scope)
        return None, (f"Which meeting? The graph holds {len(labels)}: " + "; ".join(labels)
                      + f". Name one, e.g. \"{what} at the {labels[0].rsplit(',', 1)[0]} meeting on "
                        f"{labels[0].rsplit(', ', 1)[-1]}\".")
    return scope, ""


# a meeting with fewer decisions and actions than this is told with its statements too
_FEW_FACTS = 8


def what_happened(store, q: str, g: dict) -> Answer:
    """What a meeting decided, who took which actions and who declared what."""
    columns = ["kind", "text", "by_name", "item_title", "sentence_before", "meeting", "meeting_label", "evidence"]
    scope, ask_which = _one_meeting_or_ask(store, g, "what happened")
    if scope is None:
        return Answer(q, columns, [], empty=ask_which)
    facts = fact_texts_at(store, scope)
    rows = _refer_back(store, [r for r in facts if r["kind"] in ("decision", "action")])
    if len({r["fact"] for r in rows}) < _FEW_FACTS:
        # minutes of discussion with few resolutions or tasks ("Priya noted that the hall's
        # boiler had been serviced ..."): what was reported is what happened
        rows += [r for r in facts if r["kind"] == "statement"]
    decl = _listing_at(store, "declarations", scope)
    rows += [dict(kind="declaration", text=r.get("interest", ""), by_name=r.get("name", ""), meeting=r["meeting"],
                  evidence=r.get("evidence", "")) for r in decl if r["meeting"] in scope]
    rows = _dedupe(_labelled(store, rows), ("kind", "text", "by_name", "meeting"))
    order = {"decision": 0, "action": 1, "declaration": 2, "statement": 3}
    rows.sort(key=lambda r: (r.get("meeting_label", ""), order.get(r["kind"], 3)))

    def say(r):
        if r["kind"] == "decision":
            return f"Decided: {r['text'].lstrip(':;,. ')}" + _under(r)
        if r["kind"] == "declaration":
            return f"{r['by_name']} declared an interest: {r['text']}"
        if r["kind"] == "statement":
            return f"{r.get('by_name') or '(speaker not recorded)'} {r.get('relation') or 'said'}: {r['text']}"
        return f"Action for {r.get('by_name') or '(no owner recorded)'}: {r['text']}" + _under(r)
    return Answer(q, columns, rows, say, empty="The graph records no decisions, actions or declarations for "
                  + (g["scope"].said if g.get("scope") else "that meeting") + ".")


def was_there(store, q: str, g: dict) -> Answer:
    """Was a person at a meeting: each meeting's attendance record for them, and the
    meetings of the same bodies where they are not recorded."""
    who = g["p"].strip()
    columns = ["name", "role", "person", "meeting", "meeting_label", "evidence"]
    found = find_entities(store, who, kinds=("person",))
    if not found:
        return Answer(q, columns, [], empty=f"No person in the graph is called {who!r}.")
    iris = {e.iri for e in found}
    scope = _scope_ids(store, g)
    _, rows = run_named(store, "attendance-evidence")
    mine = [r for r in rows if r["person"] in iris and (scope is None or r["meeting"] in scope)]
    mine = _dedupe(_labelled(store, mine), ("meeting", "person", "role"))
    info = meetings(store)
    seen = {r["meeting"] for r in mine}
    bodies = {info[m].body for m in seen if m in info and info[m].body}
    missing = sorted(info[m].label for m in info if m not in seen and info[m].body in bodies
                     and (scope is None or m in scope))
    yes = {"chair": "Yes: chaired", "present": "Yes: present", "in_attendance": "Yes: in attendance",
           "substitute": "Yes: as a substitute", "apologies": "No: sent apologies"}
    note = f"{who!r} matches {len(found)}: {', '.join(e.name for e in found)}." if len(found) > 1 else ""
    if missing:
        note = (note + " " if note else "") + f"Not recorded at: {'; '.join(missing)}."
    names = " or ".join(e.name for e in found)
    return Answer(q, columns, mine, lambda r: f"{yes.get(r['role'], r['role'])} ({r['name']})", note=note,
                  empty=f"The graph records no attendance of {names}"
                  + (f" at {g['scope'].said}" if g.get("scope") else "") + ".")


def _vote_words(r: dict[str, str]) -> str:
    parts = []
    if r.get("proposer_name"):
        parts.append(f"proposed by {r['proposer_name']}")
    if r.get("seconder_name"):
        parts.append(f"seconded by {r['seconder_name']}")
    counts = [f"{r[k]} {w}" for k, w in (("votes_for", "for"), ("votes_against", "against"),
                                          ("abstentions", "abstaining")) if r.get(k)]
    if counts:
        parts.append(", ".join(counts))
    if r.get("unanimous") in ("true", "1"):
        parts.append("unanimous")
    return "; ".join(parts) or "no vote recorded"


_SECONDING = re.compile(r"second|supported (?:the |a )?motion")


def vote(store, q: str, g: dict) -> Answer:
    """Who proposed or seconded a decision and how the vote went; or what a person proposed."""
    thing = _clean_thing(g.get("x") or "")
    who = (g.get("p") or "").strip()
    _, rows = run_named(store, "votes")
    where = re.sub(r"^\s*(?:at|in|of)\s+", "", g.get("where") or "")
    if where:
        # the body named after "go" ("the Cabinet", a kind of body some body is called by):
        # its meetings, else its words are part of the matter
        words = [w for w in content_words(where, generic=False) if w not in _MEETING_WORDS]
        named = {m.iri for m in _named_by(list(meetings(store).values()), words)} if words else set()
        if named:
            rows = [r for r in rows if r.get("meeting") in named]
        else:
            thing = _clean_thing(f"{thing} {g['where'].strip()}")
    columns = ["text", "proposer_name", "seconder_name", "votes_for", "votes_against", "abstentions", "unanimous",
               "item_title", "decision", "meeting", "meeting_label", "evidence"]
    empty_what = ""
    if who:
        found = find_entities(store, who, kinds=("person",))
        if not found:
            return Answer(q, columns, [], empty=f"No person in the graph is called {who!r}.")
        iris = {e.iri for e in found}
        role = "seconder" if _SECONDING.search(fold(q)) else "proposer"
        rows = [r for r in rows if r.get(role) in iris]
        empty_what = f" {'seconded' if role == 'seconder' else 'proposed'} by {' or '.join(e.name for e in found)}"
    # "the Blue Box transition motion": the motion is the decision asked about, not a word of it
    thing = re.sub(r"\s+(?:motion|proposal|resolution)$", "", thing, flags=re.I)
    if thing and content_words(thing):
        for variant in [thing] + _names_as_written(store, thing):
            words = content_words(variant) or content_words(variant, generic=False)
            hit = [dict(r, matched_in=_where_found(r, words)) for r in rows]
            hit = [r for r in hit if r["matched_in"]]
            if hit:
                break
        if not hit and rows:
            # the matter is named in the sentence before the motion ("S Sargent re donation
            # towards the lantern at St Nicolas discussed in full. Proposed by RP seconded by
            # PL to donate 33% ..."): those sentences are among its texts
            before, _ = sentences_around(store, facts={r["decision"] for r in rows})
            words = content_words(thing) or content_words(thing, generic=False)
            hit = [dict(r, matched_in="sentence before", sentence_before=before[r["decision"]]) for r in rows
                   if before.get(r["decision"]) and mentions_all(" ".join(
                       (r.get("text", ""), r.get("item_title") or "", r.get("evidence") or "", before[r["decision"]])),
                       words)]
        rows = hit
    rows = _dedupe(_labelled(store, rows), ("text", "meeting", "proposer", "seconder"))
    if not rows and thing and content_words(thing) and not _SECONDING.search(fold(q)):
        # a proposal that was not carried is no decision; the minutes still record who made it
        said, _, _ = search(store, thing, ("statement",), question=q)
        said = [r for r in said if re.match(r"(?:propos|move|suggest)", fold(r.get("relation") or ""))]
        if said:
            return Answer(q, _FACT_COLUMNS, _dedupe(said, ("fact",)), _say_fact,
                          note=f"No decision records a vote about {thing!r}; these proposals do:")
    return Answer(q, columns, rows, lambda r: f"{r['text'].lstrip(':;,. ')}: {_vote_words(r)}" + _found_in(r),
                  empty=f"The graph records no proposal or vote{empty_what}"
                  + (f" about {thing!r}" if thing else "") + ".")


def list_actions(store, q: str, g: dict) -> Answer:
    """Every action (in the meetings the question names), with owner and meeting."""
    scope = _scope_ids(store, g)
    thing = _clean_thing(g.get("x") or "")
    if thing and content_words(thing):
        rows, _, _ = search(store, thing, ("action",), question=q)
    else:  # (the actions of the scope's meetings alone are read)
        rows = fact_texts_at(store, scope, ("action",)) if scope is not None else _fact_texts_of(store, ("action",))
        rows = _refer_back(store, rows)
    rows = _dedupe(rows, ("text", "by", "meeting"))
    return Answer(q, _FACT_COLUMNS, rows, _say_fact, empty="The graph records no actions"
                  + (f" about {thing!r}" if thing else "") + (f" {g['scope'].said}" if g.get("scope") else "") + ".")


_MOST = {  # what "the most" counts: (query, who column, name column, what it is called)
    "action": ("fact-texts", "by", "by_name", "actions"),
    "task": ("fact-texts", "by", "by_name", "actions"),
    "statement": ("fact-texts", "by", "by_name", "statements"),
    "question": ("fact-texts", "by", "by_name", "questions asked"),
    "ask": ("fact-texts", "by", "by_name", "questions asked"),
    "spoke": ("fact-texts", "by", "by_name", "statements"),
    "said": ("fact-texts", "by", "by_name", "statements"),
    "interest": ("declarations", "person", "name", "declarations of interest"),
    "declaration": ("declarations", "person", "name", "declarations of interest"),
    "apolog": ("attendance-evidence", "person", "name", "apologies"),
    "meet": ("attendance-evidence", "person", "name", "meetings attended"),
    "propos": ("votes", "proposer", "proposer_name", "proposals"),
    "second": ("votes", "seconder", "seconder_name", "seconded proposals"),
}


def most(store, q: str, g: dict) -> Answer:
    """Who has the most actions (statements, declarations, apologies, proposals ...): a count
    per person or organisation, highest first, counted per body."""
    what = fold(g["what"])
    key = next((k for k in _MOST if re.search(r"\b" + k, what)), None)
    if key is None:
        raise QuestionError(f"cannot count {g['what']!r}; govkg counts: actions, statements, declarations, "
                            "apologies, meetings attended, proposals, seconded proposals")
    query, who_col, name_col, called = _MOST[key]
    scope = _scope_ids(store, g)
    if query == "fact-texts":
        # the facts of that kind alone (of the scope's meetings, when it names some) are read
        kind = "statement" if key in ("statement", "question", "ask", "spoke", "said") else "action"
        rows = fact_texts_at(store, scope, (kind,)) if scope is not None else _fact_texts_of(store, (kind,))
    else:
        _, rows = run_named(store, query)
    if query == "fact-texts":
        if key in ("question", "ask"):
            rows = [r for r in rows if re.match(r"(?:ask|quer|enquir|inquir|question)", fold(r.get("relation") or ""))]
    if query == "attendance-evidence":
        rows = [r for r in rows if (r["role"] == "apologies") == (key == "apolog")]
    info = meetings(store)
    counts: dict[tuple[str, str], set] = {}
    names, evidence = {}, {}
    for r in rows:
        if not r.get(who_col) or (scope is not None and r.get("meeting") not in scope):
            continue
        m = info.get(r.get("meeting", ""))
        body = m.body if m and m.body else (m.label if m else "")
        facts = counts.setdefault((r[who_col], body), set())
        facts.add(r.get("fact") or r.get("decision") or r.get("declaration") or
                  (r.get("meeting"), r.get("role")))
        names[r[who_col]] = r.get(name_col, r[who_col])
        evidence.setdefault((r[who_col], body), (r.get("meeting", ""), r.get("evidence", "")))
    out = []
    for (who, body), facts in counts.items():
        meeting, ev = evidence[(who, body)]
        out.append({"name": names[who], "count": str(len(facts)), "body": body, "entity": who,
                    "meeting": meeting, "evidence": ev})
    out.sort(key=lambda r: (-int(r["count"]), r["name"]))
    out = _labelled(store, out[:10])
    return Answer(q, ["name", "count", "body", "entity", "meeting", "meeting_label", "evidence"], out,
                  lambda r: f"{r['name']}: {r['count']} {called}" + (f" ({r['body']})" if r.get("body") else ""),
                  note=f"Most {called}, counted per body (the first of each is quoted):" if out else "",
                  empty=f"The graph records no {called}.")


def how_many(store, q: str, g: dict) -> Answer:
    """ "How many ...": the same question as a list, answered with its count."""
    rest = g["rest"].strip()
    noun = g["noun"]
    if re.match(r"(?:people|persons|members|councillors|trustees|who)\b", noun):
        inner = f"who {rest}"
    elif noun in ("apologies", "absences"):
        # "how many apologies were there (received, given)": who sent apologies
        inner = "who sent apologies " + re.sub(r"^(?:(?:were|was|are|is|have been|has been)(?: there)?|there were)"
                                               r"(?: (?:received|given|sent|made|recorded))?\s*", "", rest)
        inner = inner.strip()
    elif noun == "questions":
        inner = f"who asked {rest}".strip()
    elif re.match(r"meetings?", noun):
        inner = f"which meetings {rest}".strip()
    elif re.match(r"(?:decisions?|resolutions?)", noun):
        inner = f"what decisions {rest}".strip()
    elif re.match(r"(?:interests?|declarations?)", noun):
        inner = f"what interests {rest}".strip()
    else:
        inner = f"what {noun} {rest}".strip()
    ans = _dispatch(store, q, inner, g.get("scope"))
    if ans is None:
        # "how many members signed up ...": the list it counts is no question govkg answers
        raise QuestionError(f"cannot count {q.strip()!r}: {inner!r} is not a question govkg can answer. "
                            "Counts govkg can give, for example: \"how many actions does the Clerk have?\"; "
                            "\"how many apologies were there?\"; \"how many decisions were made?\"")
    distinct = {tuple(r.get(c, "") for c in ("fact", "decision", "action", "person", "text", "meeting")) for r in ans.rows}
    info = meetings(store)
    per_body: dict[str, set] = {}
    for r in ans.rows:
        per_body.setdefault(_body_of(info, r) or "(meeting not recorded)", set()).add(
            tuple(r.get(c, "") for c in ("fact", "decision", "action", "person", "text", "meeting")))
    split = (" (" + "; ".join(f"{b}: {len(v)}" for b, v in sorted(per_body.items())) + ")"
             if len(per_body) > 1 else "")
    ans.note = f"{len(distinct)} {noun}{split}." + (f" {ans.note}" if ans.note else "")
    ans.columns = ans.columns + ["count"]
    for r in ans.rows:
        r["count"] = str(len(distinct))
    if not ans.rows:
        ans.empty = f"None: {ans.empty}"
    return ans


def everyone_who(store, q: str, g: dict) -> Answer:
    """ "List everyone who ..." is "who ..."."""
    return _dispatch(store, q, "who " + g["rest"], g.get("scope"))


# -- the table: patterns over the folded question, first match wins ------------------------------

def _verb_first(handler: Callable) -> Callable:
    """The handler, told that the thing it is given starts with the question's verb."""
    def run(store, q: str, g: dict) -> Answer:
        return handler(store, q, dict(g, verb_first=True))
    run.__doc__ = handler.__doc__
    return run


def _body_after(handler: Callable) -> Callable:
    """The handler, told that the body was named after the thing ("decided about X at Y"),
    where a place that names no body may be part of the thing."""
    def run(store, q: str, g: dict) -> Answer:
        return handler(store, q, dict(g, body_after=True))
    run.__doc__ = handler.__doc__
    return run


def _p(rx: str) -> QuestionPattern:
    return QuestionPattern(rx)


_NAME = r"(?P<p>.+?)"
_THING = r"(?P<x>.+?)"
_MEETING = r"(?: (?:to|for|from|at|of|in) )?(?P<m>(?:the |a )?.*?)"
# a phrase that names a meeting by the word ("the Town Board meeting", "the AGM"): not "the account"
_A_MEETING = r"(?P<m>(?:the |a |an )?(?:.*? )?(?:meeting|session|agm|egm|assembly)(?: .*?)?)"

PATTERNS: list[tuple[QuestionPattern, Callable]] = [
    # counting and listing: the same questions, counted or listed
    (_p(r"how many (?P<noun>(?:people|persons|members|councillors|trustees|meetings?|decisions?|resolutions?|"
        r"actions?|tasks?|interests?|declarations?(?: of interests?)?|statements?|judgements?|apologies|"
        r"absences|questions))(?: (?P<rest>.*))?"),
     how_many),
    (_p(r"(?:list|show|name|give)(?: me)? (?:everyone|everybody|anyone|all(?: of)?(?: the)? (?:people|those|members|"
        r"councillors|trustees)|(?:the )?people|those) (?:who|that) (?P<rest>.+)"), everyone_who),
    (_p(r"who (?:has|had|owns|owned|carries|holds|got|was given|made|gave|sent|declared|attended|proposed|seconded)"
        r" the most (?P<what>.+)"), most),
    (_p(r"who (?P<what>spoke|asked|proposed|seconded|declared|attended|sent apologies)(?: the)? most(?: often)?"
        r"(?: .*)?"), most),
    (_p(r"(?:which|what) (?:person|people|member|members|councillor|organisation|body) (?:has|had|owns|carries) "
        r"the most (?P<what>.+)"), most),
    # proposer, seconder, vote
    (_p(r"who (?:proposed|seconded|moved|nominated|put forward|proposed and seconded) " + _THING), vote),
    # "who made the motion to approve the agenda?": a US board's way of asking who moved it
    (_p(r"who (?:made|put|brought|raised) (?:the|a|that) motion (?:to |on |about |for )?" + _THING), vote),
    # "how did the vote for Convener go?": the matter named before "go"
    # "how did the vote on the minutes go at the Cabinet?": the body named after "go" narrows the matter
    (_p(r"how (?:did|was|were) (?:the )?(?:vote|voting|votes?) (?:on|for|about|over) " + _THING + r" (?:go|went)"
        r"(?P<where> (?:at|in|of) .+)?"), vote),
    # "who supported the motion to ...": a township board's word for seconding it
    (_p(r"who supported (?:the |a )?motion (?:to |on |about )?" + _THING), vote),
    (_p(r"how (?:did|was|were) (?:the )?(?:vote|voting|votes?)(?: go| went| cast)?(?: (?:on|for|about|over) " + _THING
        + r")?"), vote),
    (_p(r"how did (?:they|the \w+|members|councillors|trustees|it) vote(?: (?:on|for|about) " + _THING + r")?"), vote),
    (_p(r"what (?:was|were) the votes?(?: (?:on|for|about) " + _THING + r")?"), vote),
    (_p(r"(?:was|were) " + _THING + r" (?:unanimous|agreed unanimously|carried unanimously|passed unanimously)"),
     vote),
    (_p(r"what (?:did|has|have) " + _NAME + r" (?:propose|proposed|second|seconded|move|moved)"), vote),
    # inspections
    # (the inspector is no one who says or asks: "what did X say about the hourly rate")
    (_p(r"what did (?P<by>(?:(?!\b(?:say|ask|comment|raise|reply|add|report|suggest|mention)\b).)+?) "
        r"(?:rate|rated|judge|judged|grade|graded|find|found|conclude)(?: (?:about|of|on|for))?"
        r"(?: " + _THING + r")?"), judged),
    (_p(r"how (?:did|has|have) (?P<by>.+?) (?:rate|rated|judge|judged|grade|graded)(?: " + _THING + r")?"), judged),
    (_p(r"how (?:was|were|is|are|has|have) " + _THING + r" (?:been )?(?:rated|judged|graded|inspected)(?: by (?P<by>.+))?"),
     judged),
    (_p(r"what (?:rating|grade|judgement|judgment|inspection result)s? (?:did|was|were|has|have) " + _THING +
        r" (?:get|got|given|receive|received|awarded|achieve|achieved)(?: by (?P<by>.+))?"), judged),
    (_p(r"what (?:was|were|is|are) the (?:ofsted |inspection |cqc )?(?:rating|grade|judgement|judgment|outcome)s?"
        r"(?: (?:of|for) " + _THING + r")?"), judged),
    # next meeting
    (_p(r"when (?:is|will be|was|s) (?:the )?next meeting(?: (?:of|for) (?P<body>.+))?"), next_meeting),
    (_p(r"(?:when|where) (?:is|will be|was|s) (?:the |their )?next (?P<body>.+?) meeting"), next_meeting),
    (_p(r"(?:what is )?(?:the )?(?:date|time) (?:of|for) (?:the )?next meeting(?: (?:of|for) (?P<body>.+))?"),
     next_meeting),
    (_p(r"when (?:does|do|will) (?P<body>.+?) (?:next meet|meet next|meet again)"), next_meeting),
    # what happened at a meeting
    (_p(r"what (?:happened|was discussed|went on|took place|was done|did they do|was decided and who owns what)"
        r"(?: (?:at|in|during) (?:the )?meetings?)?"), what_happened),
    (_p(r"(?:summarise|summarize|sum up|give me a summary of|what is the outcome of) (?:the )?meetings?"), what_happened),
    # was a person there
    (_p(r"(?:was|were) " + _NAME + r" (?:at|present at|in attendance at|absent from|there at|at) (?:the |a |any )?"
        r"(?:[\w&'.-]+ ){0,5}?meetings?"), was_there),
    (_p(r"(?:was|were) " + _NAME + r" (?:present|there|absent|in attendance)"), was_there),
    (_p(r"did " + _NAME + r" (?:attend|come|go|turn up|send apologies)(?: (?:to )?(?:the |a |any )?"
        r"(?:[\w&'.-]+ ){0,5}?meetings?)?"),
     was_there),
    # how are A and B connected
    (_p(r"how (?:is|are) (?P<a>.+?) (?:and|to|with) (?P<b>.+?) (?:connected|linked|related)(?: to each other)?"),
     connected),
    (_p(r"(?:what|who) (?:connects|links) (?P<a>.+?) (?:and|to|with) (?P<b>.+?)"), connected),
    (_p(r"(?:show )?(?:the )?(?:path|connection|link) (?:between|from) (?P<a>.+?) (?:and|to) (?P<b>.+?)"), connected),
    # actions without owner / due date; actions never reported back on
    (_p(r".*\b(?:unowned|ownerless|orphan(?:ed)?) actions?\b.*"), no_owner),
    (_p(r".*\bactions?\b.*\b(?:no|without|lacks?|lacking|missing|nobody|not)\b.*"
        r"\b(?:owners?|owned|responsible|assigned)\b.*"), no_owner),
    (_p(r".*\bactions?\b.*\b(?:no|without|lacks?|lacking|missing|not)\b.*"
        r"\b(?:due|deadlines?|target dates?|dates?|timescales?)\b.*"), no_due),
    (_p(r".*\bactions?\b.*\b(?:reported back|report back|followed up|follow up|reported on|still open|"
        r"outstanding|never completed)\b.*"), never_reported),
    (_p(r".*\b(?:outstanding|unreported|open|overdue) actions?\b.*"), never_reported),
    (_p(r".*\b(?:never|not) (?:been )?(?:reported back|followed up)\b.*"), never_reported),
    # interests
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) did " + _NAME +
        r" (?:declare|make|register|give)"), interests),
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) (?:has|have|had) " + _NAME +
        r" (?:declared|made|registered|given)"), interests),
    (_p(r"did " + _NAME + r" declare (?:an? |any )?interests?(?: in " + _THING + r")?"), interests),
    (_p(r"what (?:did|has|have) " + _NAME + r" (?:declare|declared)(?: an? interests? in)?"), interests),
    # "what interests were declared about the Growing Places Fund?": the matter, as "who declared
    # an interest in X?" reads it (a local enterprise partnership's "declared interests in Item 7 -
    # Growing Places Fund"; a community council's interests declared in named items)
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) (?:were|was|have been|has been) "
        r"(?:declared|made|registered) (?:about|on|regarding|re|for|over) " + _THING), interests),
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) (?:were|was|have been|has been) "
        r"(?:declared|made|registered)(?: (?:at|in) (?:the |a )?.*)?"), interests),
    (_p(r"who declared (?:an? |any )?interests?(?: (?:in|on|about|regarding|re) " + _THING + r")?"), interests),
    (_p(r"(?:list |show )?(?:the |all )?declarations?(?: of interests?)?"), interests),
    # who sat in for whom
    (_p(r"who (?:substituted|deputised|deputized|stood in|was substituting|was deputising|was standing in|"
        r"was (?:the |a )?substitute|attended as (?:the |a )?substitute|came as (?:the |a )?substitute) for " + _NAME
        + r"(?: (?:at|in) (?P<m>.+))?"), substitute),
    (_p(r"who was " + _NAME + r"(?:'s|’s) substitute(?: (?:at|in) (?P<m>.+))?"), substitute),
    # attendance
    # "who called the Town Board meeting to order?", "who opened the meeting?": whoever opens a
    # meeting or calls it to order chairs it (US boards' "called the meeting to order", a parish
    # meeting's "opened the meeting at 7pm"; extraction reads both as the chair)
    (_p(r"who (?P<verb>called|opened) " + _A_MEETING + r" to order"), attendance),
    (_p(r"who (?P<verb>opened) " + _A_MEETING), attendance),
    # the same where the meeting is named in words _A_MEETING does not take
    (_p(r"who (?P<verb>called) (?P<m>(?:the |a )?.*?) to order"), attendance),
    # "who led the board meeting in March?" (as minutes write "The meeting was led by A"); "who did
    # not attend the trustees' meeting?": said only of a meeting, not of a discussion or a project
    (_p(r"who (?P<verb>led|was leading|did not attend|didn't attend|did not come to|was not at|were not at) "
        + _A_MEETING), attendance),
    (_p(r"who (?P<verb>did not attend|didn't attend|was not there|were not there)"), attendance),
    (_p(r"who (?P<verb>chaired|chairs|was chairing|was (?:the )?chair(?:man|person|woman)? (?:of|at|for)|"
        r"presided (?:at|over)|presides (?:at|over)|was presiding (?:at|over)|"
        r"attended|was present at|were present at|was at|were at|came to|was there at|"
        r"took part in|takes part in|participated in|joined|"
        r"sent (?:their |his |her )?apologies|gave (?:their |his |her )?apologies|sent regrets|"
        r"was absent from|were absent from|missed|"
        r"was in attendance at|were in attendance at|substituted at)" + _MEETING), attendance),
    (_p(r"who (?P<verb>was (?:the )?chair(?:man|person|woman)?|presided|was presiding|was present|were present|was absent|were absent|"
        r"was in attendance|were in attendance|sent apologies|gave apologies)"), attendance),
    # presented / wrote
    (_p(r"who (?P<verb>presented|presents|introduced|introduces|wrote|writes|authored|prepared|"
        r"gave (?:a |the )?presentation (?:on|about|of)|gave|brought|tabled) " + _THING), who_presented),
    # decisions
    (_p(r"what (?:did|has|have|had|does|do) (?P<body>.+?) (?:decide|decided|resolve|resolved|agree|agreed|vote|"
        r"voted|approve|approved)(?: (?:to|on|about|regarding|re|for|over|upon) " + _THING +
        r")?(?:,? and when)?"), decided),
    (_p(r"(?:what|which)(?: decisions?)? (?:was|were|has been|have been|got) (?:decided|resolved|agreed|made|"
        r"taken|approved)(?: (?:about|on|regarding|re|for|over) " + _THING + r")?(?: (?:by|at) (?P<body>.+?))?"
        r"(?:,? and when)?"), _body_after(decided)),
    (_p(r"when (?:did|was|were) (?P<body>.+?) (?:decide|decided|resolve|resolved|agree|agreed|approve|approved)"
        r"(?: (?:to|on|about|regarding|re|that))? " + _THING), decided),
    (_p(r"(?:what|which|list|show)(?: the| all)? decisions?(?: (?:did|has|have|were) (?P<body>.+?) "
        r"(?:make|made|take|taken|reach|reached))?(?: (?:about|on|regarding|re) " + _THING + r")?"
        r"(?:,? and when)?"), decided),
    # every action (of the meetings or time the question names)
    (_p(r"(?:what|which|list|show)(?: the| all)? actions?(?: (?:were|was|have been|are|is))?(?: (?:agreed|set|given|"
        r"taken|made|recorded|raised|there|in the graph|outstanding))?(?: (?:about|on|regarding|re|for) " + _THING + r")?"),
     list_actions),
    # what is P accountable for
    (_p(r"what (?:is|are|was|were) " + _NAME + r" (?:accountable|responsible|in charge|on the hook) for"),
     accountable),
    (_p(r"what (?:does|do|did|must|should|will|has|have) " + _NAME +
        r" (?:own|owns|have to do|has to do|need to do|needs to do|got to do|agree to do|agreed to do|"
        r"commit to|committed to|manage|lead|run|present|do)"), accountable),
    (_p(r"what (?:actions?|tasks?|responsibilities) (?:does|do|did|has|have|is|are|was|were) " + _NAME +
        r"(?: (?:got|own|have|hold|holding|responsible for|accountable for|doing|taking on|taken on|been given))?"),
     accountable),
    (_p(r"(?:what|which) (?:actions?|tasks?|responsibilities) (?:belong to|are owned by|are assigned to|fall to|"
        r"are for) " + _NAME), accountable),
    (_p(r"what (?:is|are) " + _NAME + r" (?:doing|working on|accountable|responsible)"), accountable),
    # who said / asked
    (_p(r"what did " + _NAME + r" (?:say|ask|comment|raise|reply|add|report|suggest|mention|explain|note|state|"
        r"advise)(?: (?:about|on|"
        r"regarding|re)(?: " + _THING + r")?)?"), who_said),
    # "what was said about the parking?", "what was reported on the crossing?": the statements about
    # it, by anyone (a residents' association's board, a parish council's matters arising)
    (_p(r"what (?:was|were|has been|have been) (?:said|reported|raised|mentioned|discussed|noted) (?:about|on|"
        r"regarding|re|concerning) " + _THING), who_said),
    (_p(r"who (?:said|asked|commented|mentioned|raised|spoke|reported|suggested|replied)(?: (?:about|on|that|"
        r"whether|if|regarding|re))? " + _THING), who_said),
    # "who confirmed the insurance had been renewed?", "who explained the delay?": minutes write
    # "The Clerk confirmed that ...", "Trustee A confirmed this had been done" under the item
    # that names the matter (a charity's trustees, community councils' clerks); asked in the past
    # tense only, so that "who will confirm ..." stays an action's owner
    (_p(r"who (?:confirmed|explained|stated|advised|informed (?:the )?(?:meeting|members|committee|council))"
        r"(?: (?:about|on|that|whether|if|regarding|re))? " + _THING), who_said),
    # who owns / is responsible for / will do
    # "who is moving the funds?", "who will send the handbook?": any verb, read as an action
    (_p(r"who (?:is|are|was|were) (?P<x>[a-z]+ing .+)"), _verb_first(who_owns)),
    (_p(r"who (?:will|shall|must|should|would|is going to|are going to|has to|needs to|is to|are to|agreed to|"
        r"offered to|volunteered to|was asked to|is due to) (?P<x>[a-z]+ .+)"), _verb_first(who_owns)),
    (_p(r"who (?:owns|owned|is responsible for|was responsible for|are responsible for|is accountable for|"
        r"has responsibility for|has the action (?:on|for|to)|holds the action (?:on|for|to)|is in charge of|"
        r"is leading|leads|manages|is managing|runs|is running|looks after|oversees|is doing|will do|does|"
        r"is working on|works on|is handling|handles|will|shall|must|should|is going to|are going to|has to|"
        r"needs to|need to|agreed to|is to|are to|was asked to|is tasked with|was tasked with|"
        r"has been asked to|is dealing with|deals with|will deal with|is looking at|is looking into|will look at|"
        r"will look into|agreed to look at|is following up|will follow up|is chasing|will chase|is contacting|"
        r"will contact|is writing to|will write to|wrote to|is organising|will organise|is arranging|"
        r"will arrange) " + _THING), who_owns),
    (_p(r"whose (?:job|responsibility|action|task) is (?:it )?(?:to )?" + _THING), _verb_first(who_owns)),
    (_p(r"who(?:'s|s| is) (?:the )?owner of " + _THING), who_owns),
    # meetings
    (_p(r"(?:which|what|list|show)(?: the| all)? meetings?(?: (?:are|were|is))?(?: in the graph| held| there)?"),
     list_meetings),
    (_p(r"when did (?P<body>.+?) meet"), list_meetings),
    # "who was appointed independent examiner?": the decision that appointed them
    (_p(r"who (?:was|were|has been|have been|got) (?P<verb>appointed|elected|re-elected|co-opted|nominated|chosen)"
        r"(?: as| to(?: be)?)? (?:the |an? )?" + _THING), appointed),
    # who took someone's place
    (_p(r"who (?:replaced|replaces|will replace|is replacing|succeeded|succeeds|will succeed|took over from|"
        r"is taking over from|will take over from|took the place of) (?P<p>.+?)"
        r"(?: as (?:the |an? )?(?P<post>.+))?"), replaced),
    # "what grants were approved?", "which applications were agreed at the March meeting?": the
    # thing before its verb, as minutes head a list "Grants approved" or write "the grant of £250 was
    # approved" (a foundation's board, parish councils' grants); after the listings of actions and
    # meetings, which read "what actions were agreed" first
    (_p(r"(?:what|which) (?!(?:actions?|tasks?|meetings?|decisions?)\b)(?P<x>[a-z][a-z' -]*?) "
        r"(?:was|were|has been|have been|got) (?:approved|agreed|awarded|granted|adopted|resolved)"
        r"(?: (?:by|at) (?P<body>.+?))?"), _body_after(decided)),
    # "what was the motion about the minutes?": the decision the motion ended in
    (_p(r"what (?:was|were) the (?:motions?|resolutions?|proposals?) (?:about|on|regarding|re|for|to) " + _THING
        + r"(?: (?:by|at) (?P<body>.+?))?"), _body_after(decided)),
    # "who produced the accounts?", "who resigned as a trustee?", "who arrived late at the meeting?":
    # acts the minutes write in sentences of their own (a clerk who had produced the accounts, a
    # parish assembly; a trustee resigning as one, a trust's AGM; a member arriving at a stated time
    # or a late arrival noted, a parish council and a school's governing board)
    (_p(r"who (?P<verb>produced|compiled|drew up|resigned|stepped down|retired)(?: (?:as|from))? (?:the |an? )?"
        + _THING), who_did),
    (_p(r"who (?:was |were )?(?:expected to )?(?P<verb>arrive late|arrived late|left early)"
        r"(?: (?:at|to|from|for) (?:the )?meeting)?"), who_did),
    # who holds a post: last, so that "who is responsible for" and the like are read first
    (_p(r"who (?:is|was|are|were|holds the post of|is acting as|acted as|is currently) (?:the |our |their )?"
        r"(?P<post>(?!owner\b)[a-z][a-z' -]*?)(?: (?:of|at|for|on|to) (?P<body>.+))?"), post_holder),
    (_p(r"who (?:holds|held|chairs|chaired|clerks) (?:the )?(?P<post>post of [a-z ]+|role of [a-z ]+|chair)"
        r"(?: (?:of|at|for) (?P<body>.+))?"), post_holder),
]

EXAMPLES = [
    "who owns the data set?",
    "who is responsible for the edge of care service?",
    "who will recruit an independent advisor?",
    "what is J Hassall accountable for?",
    "what did the board decide about the terms of reference, and when?",
    "who presented the Ofsted inspection feedback?",
    "who wrote the report on the terms of reference?",
    "who chaired the meeting?",
    "who attended the 2019-12-04 meeting?",
    "who sent apologies to the parish council meeting?",
    "what interests did Cllr Meaden declare?",
    "who declared an interest?",
    "what did J Owens ask about?",
    "which actions have no owner?",
    "which actions have no due date?",
    "which actions from earlier meetings were never reported back on?",
    "how are Julia Hassall and the DfE connected?",
    "which meetings are in the graph?",
    "what was decided in December 2019?",
    "who is the clerk of Stoke Ferry Parish Council?",
    "who proposed the cemetery hedging?",
    "what did Ofsted rate children's services?",
    "when is the next meeting?",
    "what happened at the Tintern meeting?",
    "was Cllr Meaden at the meeting?",
    "how many actions does the clerk have?",
    "who has the most actions?",
]


def _normalise_question(question: str) -> str:
    """Lower case, quotes straightened, punctuation that ends or separates clauses dropped,
    single spaces; names keep their hyphens (lookups fold them again)."""
    q = unicodedata.normalize("NFKC", question).translate(_QUOTES).lower()
    q = re.sub(r"[?!;:,]+", " ", q)
    return " ".join(q.split()).strip(" .")


_KIND_MEETING = re.compile(r"\b(the) (?:(?:parish|town|district|county|borough|city|full|annual) )?(?:board|council|committee|"
                           r"trust|governors|governing body|group|panel|forum) (meetings?)\b")
_GENERIC_REF = re.compile(r"\bthe (?:board|council|committee|trust|clerk|chair(?:man|person|woman)?|group|"
                          r"partnership|panel|meeting|forum|trustees|governors)\b")


_MEETING_AFTER = (rf"^when (?:was|is|will be|did) (?:the )?(?P<b>(?:[\w&'.-]+ )*?)(?:meeting|meet) "
                  rf"(?:after|following|next after) (?:the )?(?:meeting (?:of|on|in) )?(?P<d>{_DATE_RX})$")


@lru_cache(maxsize=1)
def _meeting_after() -> re.Pattern:
    return re.compile(_MEETING_AFTER)


def _body_of(info: dict[str, MeetingInfo], r: dict[str, str]) -> str:
    m = info.get(r.get("meeting", ""))
    return _body_text(m).strip() if m else ""


def _narrow(store, ans: Answer, q: str, scope: Scope | None) -> Answer:
    """Keep the rows of the meetings the question names, and say which bodies an answer
    covers when "the board" or "the clerk" fits several."""
    if scope is not None:
        info = meetings(store)
        before = len(ans.rows)
        ans.rows = [r for r in ans.rows if r.get("meeting") not in info or r.get("meeting") in scope.meetings]
        where = f"Looking only at {scope.describe(info)}."
        if where not in ans.note:  # a question answered through another (how many ...) says it once
            ans.note = " ".join(x for x in (where, scope.note, ans.note) if x)
        if before and not ans.rows:
            ans.empty = f"{ans.empty.rstrip('.')} (looking only at {scope.said})."
        return ans
    m = _GENERIC_REF.search(q)
    if not m or "fits" in ans.note:
        return ans
    # with no scope, the meetings of the answer's rows are all it needs (each row has its
    # meeting before it is finished)
    rows = ans.rows.unfinished if isinstance(ans.rows, PagedRows) else ans.rows
    info = meetings(store, {r["meeting"] for r in rows if r.get("meeting")})
    bodies = {_body_of(info, r) for r in rows if r.get("meeting") in info}
    if len(bodies) > 1:
        ans.note = (f"'{m.group(0)}' fits {len(bodies)} bodies in the graph; answering for each, labelled with its "
                    f"meeting (name one, e.g. 'at {sorted(bodies)[0]}', to narrow it)."
                    + (f" {ans.note}" if ans.note else ""))
    return ans


def _dispatch(store, question: str, q: str, scope: Scope | None) -> Answer | None:
    """Run the first handler whose pattern matches q; None when none does."""
    for rx, handler in PATTERNS:
        m = rx.match(q)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if scope is not None:
                groups["scope"] = scope
            return _narrow(store, handler(store, question, groups), q, scope)
    return None


def answer(store, question: str) -> Answer:
    """Answer a plain-English question from the graph; QuestionError if it cannot be mapped.

    A body, meeting or time named in the question ("at Tintern", "in December 2019") is
    taken out first and narrows every handler's rows to those meetings."""
    if not question or not question.strip():
        raise QuestionError("ask a question, for example: " + "; ".join(EXAMPLES[:4]))
    q = _normalise_question(question)
    after = _meeting_after().match(q) if q.startswith("when ") else None
    if after:
        # "when was the Ashcombe meeting after March 2025?": the next meeting that the minutes
        # of that time name, not every meeting since then
        q = f"when is the next {after.group('b') or ''}meeting in {after.group('d')}"
    rest, scope = question_scope(store, q, question)
    if scope is not None and not scope.meetings:
        labels = sorted(m.label for m in meetings(store).values())
        return Answer(question.strip(), [], [], empty=f"No meeting in the graph matches {scope.said!r}. "
                      f"Meetings in the graph: {'; '.join(labels)}.")
    ans = _dispatch(store, question.strip(), rest, scope)
    if ans is None and scope is not None and rest != q and q.startswith(rest + " "):
        # "was G. Lowe at the Ashcombe Community Association?": a body named last, with no
        # word "meeting" after it, stands for its meetings
        ans = _dispatch(store, question.strip(), f"{rest} at the meeting", scope)
    if ans is None and scope is not None:
        ans = _dispatch(store, question.strip(), q, None)  # the phrase was part of a name or thing
    elif ans is not None and not ans.rows and scope is not None and re.fullmatch(_MON_RX, scope.said):
        # a month alone ("the update in May") is as often a thing's due date as the
        # meetings of that month: read it as part of the thing when no meeting answers
        again = _dispatch(store, question.strip(), q, None)
        if again is not None and again.rows:
            again.note = " ".join(x for x in (f"No meeting in {scope.said} answers that; '{scope.said}' read as "
                                              "part of what is asked about.", again.note) if x)
            ans = again
    if ans is None and _KIND_MEETING.search(rest):
        # "what happened at the Council meeting on 11 May 2010?": a meeting called by its kind
        # of body alone is the meeting (the time or name said narrows it), not a body's name
        ans = _dispatch(store, question.strip(), _KIND_MEETING.sub(r"\1 \2", rest), scope)
    if ans is not None:
        return ans
    raise QuestionError(f"cannot map {question.strip()!r} to a query. Questions govkg can answer, for example: "
                        + "; ".join(f'"{e}"' for e in EXAMPLES)
                        + " (or run a named query: govkg query --list)")


# Follow-up questions ("what happened to the dog bin?") come first: they read the stored
# report-back links and would otherwise be taken by the broader action patterns above.
from kg.ask_followup import PATTERNS as _FOLLOWUP_PATTERNS  # noqa: E402

# "were any interests declared at the panel?", "were there any declarations of interest?": the
# declarations of the meeting named, read as the listing is (minutes record each declared, or
# none: a scrutiny panel's and a community council's "There were no declarations").  Before the
# follow-up patterns, whose "was X ever VERBed" takes "were any interests declared" (the meeting
# taken out as the scope) as a question about an action on "any interests"
_ANY_DECLARED = [
    (_p(r"(?:were|was|are|is|have|has) (?:there )?(?:any )?(?:interests?|declarations?(?: of (?:an? )?interests?)?)"
        r"(?: (?:been )?(?:declared|made|registered|recorded))?(?: (?:at|in|by) (?:the |a )?.*)?"), interests),
    (_p(r"did (?:anyone|anybody|any (?:member|councillor|trustee|governor)s?) declare (?:an? |any )?interests?"
        r"(?: (?:at|in) (?:the |a )?.*)?"), interests),
]
PATTERNS[:0] = _ANY_DECLARED + _FOLLOWUP_PATTERNS
EXAMPLES.extend(["what happened to the dog bin?", "what is overdue?"])
