"""Finding people, posts and organisations as written.

Rules of minute-writing: a member title (Cllr, Mrs, Dr ...) before capitalised words is a
person; initials before a surname ("J Hassall", "GR White") are a person; a known given
name before capitalised words is a person; initials declared in brackets after a name
("Mark Wardle (MW)") stand for that person afterwards.  Organisations come from the
gazetteer, from capitalised phrases ending in a body word (Board, Council, Trust ...),
from acronyms the text defines, and from affiliations in attendance lists.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg import gazetteer as gz
from kg.rxfilter import guarded

# "O'Brien", and "O Donnell", "Mc Williams" where the prefix is written as a word of its own
# (the letters of Seán, Jesús, Zoë: names keep their accents)
_UP, _LOW = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
NAME_WORD = (rf"(?:Mc|Mac|O['’]|D['’]|(?:O|O['’]|Mc|Mac)[ \u00a0](?=[A-Z][a-z]))?[{_UP}][{_LOW}]+"
             # "Hickey-O’Mara", "Lloyd-McKay": a double-barrelled surname whose second half has its prefix
             rf"(?:[-'’](?:Mc|O['’])?[{_UP}][{_LOW}]+)*")
TITLE_WORDS = ("County Councillor", "District Councillor", "Borough Councillor", "Town Councillor",
               "Councillors", "Councillor", "County Cllr", "Cllrs", "Cllr",
               # Australian and New Zealand councillors ("Cr Barnes", "Crs W Devlin, W Attwood & T Barnes")
               "Crs", "Cr", "Messrs", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr",
               "Rev", "Revd", "Reverend", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Canon", "Alderman",
               # a US town board's members and its presiding officer ("Councilperson Beavers",
               # "Councilman Drew", "Supervisor Owens")
               "Councilperson", "Councilmember", "Councilman", "Councilwoman", "Supervisor",
               # a US board's directors, commissioners and president written before a surname
               # ("Director Sarkovich", "Commissioner Fanning", "President Marx": a water district,
               # a county commission, a fire district, a city council)
               "Commissioner", "Director", "President",
               # a New Zealand local board's members ("Member Pirrie declared an interest")
               "Member",
               # a charity's trustees written as one title before their surnames ("Present: Trustees
               # Marsh (Chair), Pike and Dunn")
               "Trustees", "Trustee",
               # police ranks stand where a title does ("DCC Ellwood", "PCSO Rhys Bowen")
               "Deputy Chief Constable", "Assistant Chief Constable", "Chief Constable", "Chief Superintendent",
               "Detective Superintendent", "Det Supt", "Det Ch Supt", "Superintendent", "Supt", "Chief Inspector",
               "Ch Insp", "Detective Inspector", "Det Insp", "Inspector", "Insp", "Detective Sergeant", "Det Sgt",
               "Sergeant", "Sgt", "PCSO", "DCC", "ACC", "PC", "DC", "DS", "DI")
TITLE = r"(?:" + "|".join(re.escape(t) for t in TITLE_WORDS) + r")\.?"

# Capitalised words that end or sit inside names of places, bodies and things, never surnames.
NOT_NAME = frozenset("""
Road Street Lane Avenue Drive Drove Close Crescent Terrace Square Hall Farm Cottage House Court
Gardens Park Field Fields Meadow Meadows Bridge Hill Row Walk Place Mews Grove Estate
Council Councils Board Boards Committee Group Trust Service Services Team Partnership Panel Centre
Center School Schools Academy College University Church Chapel Hospital Practice Surgery Health
Care Agency Authority Office Department Commission Government Police Fire Plan Policy Fund Project
Programme Scheme Report Regulations Act Ward Village Parish Town County District Borough City
Public Working Planning Consultation Event Meeting Meetings Minutes Item Items Agenda Chair Chairman
Clerk Vice Officer Manager Director Head Lead Member Members Governor Governors Warden Consultant
The This That These Those There Their They Its Our We And Or But For With From Into Also Following
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Christmas Easter Budget Precept Accounts Finance
Update Updates Standards Principles Statement Business Review Strategy Action Actions Decision
Decisions Resolution Resolved Noted Agreed Apologies Present Attendance Declarations Interest
Associates Limited Ltd Plc Inc Buses Bus Timber Improvement Safeguarding Children Children's Adult
Adults Social Early Help Prevention Thematic Focus Terms Reference Data Set Inspection Inspectors
Wales England Scotland Ireland Britain Welsh English Scottish Irish British National Local Regional
NHS Digital Feedback Next Steps Key Overall Within Immediate Recruitment Creating Rather Think Look
Consider Which What How Where When Why Something Anything Nothing Everyone Thanks Thank Please
Honorary Friends Trustees View Heights Parade Position
Pledge Allegiance Roll Call Moment Silence Changes
""".split()) | frozenset(TRADE_WORDS := """
Waste Environmental Merchants Recycling Motors Builders Construction Solutions Electrical Plumbing
Landscaping Roofing Engineering Consultants Contractors Logistics Supplies Cleaning Technologies
Enterprises Properties Developments Garage Nurseries
""".split())
# (a firm's trade after a given name, "Merlin Waste", "Aurora Merchants", is no surname)


@dataclass
class Mention:
    surface: str
    start: int
    end: int
    kind: str  # titled | initials | full | alias | post
    title: str | None = None


@dataclass
class NameContext:
    """What the document has taught the finder: declared initials and known surnames."""

    aliases: dict[str, str] = field(default_factory=dict)  # "MW" -> "Mark Wardle"
    surnames: set[str] = field(default_factory=set)
    # given names that only one person of the document has: "Cheryl" -> "Cheryl Way"
    given: dict[str, str] = field(default_factory=dict)


# a US board's office written as a title: one space before the surname, and no post or event after it
_OFFICE_TITLES = frozenset({"Commissioner", "Director", "President", "Member", "Trustee"})
_OFFICE_NOT_NAME = frozenset("General Elect Emeritus Designate Workshop Pro Tem Tempore States Nations Countries "
                             "Organisations Organizations Authorities Bodies Councils Schools Churches".split())
PLURAL_TITLES = {"Councillors", "Cllrs", "Crs", "Messrs", "Drs", "Trustees"}
_RX_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?=[A-Z])")
# "Cllrs. Hayes (Chair), Doyle": a role in brackets between two names of the list
_RX_LIST_SEP_AFTER_ROLE = re.compile(r"[ \t]*\([^)\n]{1,40}\)\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?=[A-Z])")
# "Cllr Hayward", and "seconded by Cllr" / "Hayward": a title ending a wrapped line of running
# text goes on with the name opening the next
_RX_TITLE = re.compile(rf"(?<![\w-]){TITLE}(?:[ \t]+|[ \t]*\n[ \t]{{0,2}}(?=[A-Z]))")
_RX_WORD = re.compile(NAME_WORD + r"(?!\w)(?![’'](?!s\b))")  # "Crichlow’s" is Crichlow
# one space (or a no-break space) between the words of a name; two or a tab mark a column
_RX_GAP = re.compile(r"[ \u00a0](?![ \t])")
_INITIALS = r"(?:[A-Z]\.[ \t]?){1,3}(?<=[ \t])|(?:[A-Z]\.){1,3}(?=[A-Z])|[A-Z]{1,2}[ \t]+"
_RX_INITIALS = re.compile(r"(?<![\w.’'/-])(" + _INITIALS + r")(?=[A-Z])")
# after a title, two or three initials without stops, each a word of its own ("Mr R J Phillips",
# "Cllr Mrs E J G Hilson"); alone, "A J Carter & Co" is a firm's name, not only a person's
_RX_TITLED_INITIALS = re.compile(r"(?<![\w.’'/-])((?:[A-Z][ \t]){2,3}(?=[A-Z][a-z])|" + _INITIALS + r")(?=[A-Z])")
_RX_NAME_WORD_START = re.compile(rf"(?<![\w’'-])(?={NAME_WORD})")


# words of places that are common surnames too ("Lisa Field", "Alison Hall", "John Ward"), and
# the end of a list's entry after one: a comma, "and", a bracket, bold's asterisks, the line's end
_PLACE_SURNAMES = frozenset("Hall Field Fields Park Hill Ward Wood Bridge Church Court House Lane Marsh Grove".split())
_RX_ENTRY_END = re.compile(r"(?=[ \t]*(?:[,;(*]|&|and\b|\n|$))")


# a register in groups, each label ending "Members:" ("APOLOGIES: Ratepayer Members: Mr Oldfield
# Appointed Members: Cllr Sargent Co-opted Members:": two internal drainage boards, whose
# empty groups run on): the word before "Members:" labels the next group
_RX_GROUP_LABEL = re.compile(r"(?:-opted)?[ \t]+Members?[ \t]*:")


def _name_words(text: str, pos: int, max_words: int = 3, wrap: bool | str = False) -> list[tuple[str, int, int]]:
    """Consecutive capitalised name words from pos, on one line, stopping before words
    that cannot be part of a name (Road, Council, a title) or a new person's given name.

    With `wrap`, a name whose given name ends a line goes on at the start of the next
    ("Clerk ask Steve" / "Baldwin if ..."); with wrap="any", whatever its first word
    ("Apologies:- Cllrs Eunis" / "Jassemi and Lana Reid-McConnell")."""
    words: list[tuple[str, int, int]] = []
    while len(words) < max_words:
        m = _RX_WORD.match(text, pos)
        if not m:
            break
        w = m.group(0)
        if w in _PLACE_SURNAMES and len(words) == 1 and gz.is_first_name(words[0][0]) \
                and _RX_ENTRY_END.match(text, m.end()):
            # "Lisa Field, Amy Richards", "Alison Hall and Lisa Brown": a given name and a
            # surname that is also a place's word, closing an entry of a list of names
            words.append((w, m.start(), m.end()))
            break
        if w in NOT_NAME or w in TITLE_WORDS:
            break
        if words and _RX_GROUP_LABEL.match(text, m.end()):
            break  # "Mr Oldfield Appointed Members: Cllr ...": the next group's label, no surname
        if len(words) >= 2 and gz.is_first_name(w):
            nxt = _RX_GAP.match(text, m.end())
            if nxt and _RX_WORD.match(text, nxt.end()):
                break  # "... Taylor Helen Richardson": Helen starts the next name
        words.append((w, m.start(), m.end()))
        gap = _RX_GAP.match(text, m.end())
        if gap and len(words) == 1 and gz.is_first_name(w):
            # "Sheila M. Meegan", "Carol W. Sczepa": a given name, a middle initial with its stop,
            # then the surname, as US town boards' rolls and minutes write their members
            mid = _RX_MIDDLE_INITIAL.match(text, gap.end())
            if mid and (nxt := _RX_WORD.match(text, mid.end())) and nxt.group(0) not in NOT_NAME \
                    and nxt.group(0) not in TITLE_WORDS:
                gap = mid
        if not gap:
            # a given name cannot end a name; any word can begin one where the caller knows
            # the names around are written in full
            if wrap and len(words) == 1 and (wrap == "any" or gz.is_first_name(w)):
                nl = _RX_LINE_WRAP.match(text, m.end())
                if nl and _wrapped_surname(text, nl.end()):
                    pos = nl.end()
                    continue
            break
        pos = gap.end()
    return words


# a middle initial and its stop between a given name and a surname ("Eugene P. Hart")
_RX_MIDDLE_INITIAL = re.compile(r"[A-Z]\.[ \t]+(?=[A-Z][a-z])")
# the next entry of a list is a name in full: ", Lana Reid-McConnell", " and Mark O'Brien"
_RX_FULL_NAME_ENTRY = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){NAME_WORD}[ \t]+{NAME_WORD}(?![\w’'-])")
# a line break with nothing else at the end of the line, in running text
_RX_LINE_WRAP = re.compile(r"[ \t]?\n[ \t]{0,2}(?=[A-Z])")


def _wrapped_surname(text: str, pos: int) -> bool:
    """Whether the word opening a line can end a name the previous line began: a name word
    that is not a given name (which would start a name of its own on a list's next line),
    a body or place word, or a title."""
    m = _RX_WORD.match(text, pos)
    if not m:
        return False
    w = m.group(0)
    return not (w in NOT_NAME or w in TITLE_WORDS or gz.is_first_name(w) or w in _NOT_SURNAME_AT_LINE_START)


def _wrapped_name_start(text: str, pos: int) -> bool:
    """Whether the word opening a line can begin the name a title ending the line above is
    the title of: a name word (a given name too: "Cllr" / "Heidi Dennison") that is not a
    body or place word, a title, or a word that opens prose."""
    m = _RX_WORD.match(text, pos)
    return bool(m) and not (m.group(0) in NOT_NAME or m.group(0) in TITLE_WORDS
                            or m.group(0) in _NOT_SURNAME_AT_LINE_START)


# capitalised words that open a line of running text and are not surnames
_NOT_SURNAME_AT_LINE_START = frozenset("""
Members Councillors Clerk Chair Chairman Cllrs Councillor He She It We They His Her Its Our Their
Mr Mrs Ms Dr Apologies Present Item Minutes Agreed Resolved Noted
""".split())


def _surface(text: str, s: int, e: int) -> str:
    """A mention's words as written, a line break inside a wrapped name read as a space."""
    return re.sub(r"[ \t]*\n[ \t]*", " ", text[s:e])


# letters after a member's name ("Anna Kerr MP", "Ruth Dale MSP"): the person, not a body
_POST_NOMINAL = re.compile(r"[ \t]+(?:MP|MSP|MS|AM|MEP|TD|MLA|OBE|MBE|CBE|JP)\b(?![ \t]*[A-Z]{2})")


def _followed_by_body(text: str, end: int) -> bool:
    """'Aneurin Bevan UHB', 'Florence Nightingale Hospital': a body named after a person."""
    if _POST_NOMINAL.match(text, end):
        return False
    return bool(re.match(r"[ \t]+(?:[A-Z]{2,5}\b|(?:University|College|Hospital|Trust|Council|Health|Foundation|"
                         r"Institute|School|Academy|House|Centre|Center|Road|Street|Way|Lane|Ward|Board|Hall|"
                         # a firm named after its founder ("Robert A. Bothman Inc.")
                         r"Inc|LLC|Ltd|Limited|Corp|Corporation)\b)",
                         text[end:end + 40])) or bool(_RX_TRADE_AFTER.match(text, end))


# the rest of a body's name after its first word ("... Borough Council", "... Learning Trust")
_RX_BODY_AFTER_NAME = re.compile(r"[ \t]+(?:[A-Z][a-z][\w’'-]*[ \t]+){0,2}(?:Council|Trust|Authority|Board|CCG|Police|"
                                 r"Constabulary|Partnership|Commission)\b")


# "Robert A. Bothman Construction": a firm's trade after a person's name
_RX_TRADE_AFTER = re.compile(r"[ \t]+(?:" + "|".join(sorted(TRADE_WORDS)) + r")\b")


class _Spans:
    """Disjoint [start, end) spans kept sorted, so checking a new span against all the
    earlier ones is a binary search, not a scan (a text naming one person 20,000 times
    made the scan quadratic)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        """True when [s, e) overlaps no span taken so far."""
        i = bisect.bisect_left(self._starts, e)  # spans starting before e
        # spans are disjoint and sorted, so their ends are sorted too: only the last one
        # starting before e can reach past s
        return i == 0 or self._ends[i - 1] <= s

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self._starts, s)
        self._starts.insert(i, s)
        self._ends.insert(i, e)


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """The span is the whole of its line ("A Prescott" one to a line in a list of apologies)."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end:end + 1] in ("\n", "\r"))


def _known_surname_next(text: str, end: int, ctx: NameContext) -> list[tuple[str, int, int]]:
    """The surname opening the next line, where the document writes it in full after a given
    name elsewhere ("Marion" / "Harvey"); else nothing."""
    nl = _RX_LINE_WRAP.match(text, end)
    w = _RX_WORD.match(text, nl.end()) if nl else None
    if w and w.group(0) in ctx.surnames and w.group(0) not in NOT_NAME and w.group(0) not in TITLE_WORDS:
        return [(w.group(0), w.start(), w.end())]
    return []


def find_people(text: str, offset: int, ctx: NameContext, *, named_only: bool = False) -> list[Mention]:
    """Person mentions in text (offsets are absolute: text starts at `offset`).

    `named_only`: the titled and full names ("titled", "full") and perhaps others, for a
    caller that keeps only those two kinds.  They are read first, and what is read after
    them only fills the spans they leave free; a text with no given name and one capital
    ("Helen C", the one full name read later, once initials and aliases hold their spans)
    is not read further."""
    found: list[Mention] = []
    taken = _Spans()
    free = taken.free

    def add(m: Mention) -> None:
        found.append(m)
        taken.add(m.start, m.end)

    for t in _RX_TITLE.finditer(text):
        if _RX_ROLE_GROUP.match(text, t.start()):
            continue  # "PC Reps": a body's representatives, not a constable
        pos = t.end()
        if "\n" in t.group(0) and not _wrapped_name_start(text, pos):
            continue  # "two Councillor" / "Members of ...": the word is no title before a name there
        ini = _RX_TITLED_INITIALS.match(text, pos)
        if ini:
            pos = ini.end()
        title_text = text[t.start():t.end()].strip()
        words = _name_words(text, pos, wrap=True)
        if title_text in _OFFICE_TITLES and words and (t.group(0) != title_text + " " or words[0][0] in _OFFICE_NOT_NAME
                                                       or ini or len(words) > 1):
            # "Director General", "President Workshop", "President      Melissa Lee" (a column's gap);
            # before a full name or initials the office is a role, the name read as it stands
            # ("Commissioner Nick Rudd", "Member TP Grace"): only a surname alone takes it as a title
            continue
        if len(words) == 1 and not ini and title_text.rstrip(".") in PLURAL_TITLES:
            # "Cllrs Eunis" / "Jassemi and Lana Reid-McConnell": a list of full names goes on
            # over the line; a list of surnames ("Cllrs Hayward" / "Hillard, Richards") does not
            longer = _name_words(text, pos, wrap="any")
            if len(longer) == 2 and _RX_FULL_NAME_ENTRY.match(text, longer[-1][2]):
                words = longer
        if not words and ini:
            # "Mr R Hill", "Mrs P Head (Headteacher ...)": after a title and initials any word but
            # a title is a surname, a place's or a post's word too, where the entry or clause ends
            m = _RX_WORD.match(text, pos)
            if m and m.group(0) not in TITLE_WORDS and (_RX_ENTRY_END.match(text, m.end())
                                                         or re.match(r"[ \t]+[a-z]", text[m.end():m.end() + 3])):
                words = [(m.group(0), m.start(), m.end())]
        if not words:
            continue
        if len(words) >= (2 if ini else 3) and _RX_BODY_AFTER_NAME.match(text, words[-1][2]):
            # "Cllr A Lee Westbury Borough Council", "Mr Tom Hale Kelby Learning Trust" (a police and
            # crime panel's register, an academy's clerk): the place opening the body's name after a
            # register's entry is the body's word, not a third word of the name
            words = words[:-1]
        end = words[-1][2]
        if title_text.rstrip(".") in ("Trustees", "Trustee") and not re.match(r"[ \t]*(?:[(,;.&]|and\b|\n|$|[ \t][a-z])",
                                                                           text[end:end + 6]):
            continue  # "the Trustees Annual Report": a name's or a paper's word, not a trustee's surname
        if free(offset + t.start(), offset + end):
            add(Mention(_surface(text, t.start(), end), offset + t.start(), offset + end, "titled",
                        title=title_text.rstrip(".")))
        if title_text.rstrip(".") in PLURAL_TITLES:
            # "Councillors Jones, Brown and Patel": every name of the list carries the title
            pos = end
            while True:
                sep = _RX_LIST_SEP.match(text, pos) or _RX_LIST_SEP_AFTER_ROLE.match(text, pos)
                if not sep:
                    break
                ini = _RX_TITLED_INITIALS.match(text, sep.end())  # "Councillors Carey, E Ryan and Teefy"
                more = _name_words(text, ini.end() if ini else sep.end(), wrap=True)
                if not more:
                    break
                s, e = sep.end(), more[-1][2]
                if free(offset + s, offset + e):
                    add(Mention(_surface(text, s, e), offset + s, offset + e, "titled", title=title_text.rstrip(".")))
                pos = e
    for w in _RX_NAME_WORD_START.finditer(text):
        pos = w.start()
        if not free(offset + pos, offset + pos + 1):
            continue
        first = _RX_WORD.match(text, pos)
        if first is None or not gz.is_first_name(first.group(0)):
            continue  # a full name opens with a given name (the word _name_words reads first)
        # a given name that ends a line of running text may have its surname on the next
        # ("Clerk ask Steve" / "Baldwin if ..."); one alone on its line is a list's entry
        in_prose = bool(re.search(r"[a-z,][ \t]+$", text[max(0, pos - 30):pos]))
        words = _name_words(text, pos, wrap=in_prose)
        if len(words) == 1 and gz.is_first_name(words[0][0]):
            # "... . Marion" / "Harvey responded": a given name at a line end, the surname
            # (itself perhaps a given name) one the minutes spell out in full elsewhere
            words += _known_surname_next(text, words[0][2], ctx)
        if len(words) < 2 or not gz.is_first_name(words[0][0]):
            continue
        end = words[-1][2]
        if _followed_by_body(text, end) or not free(offset + pos, offset + end):
            continue
        prev = re.search(r"([A-Z][\w’']*)[ \t]+$", text[max(0, pos - 30):pos])
        if prev and prev.group(1) not in TITLE_WORDS and prev.group(1) not in _ROLE_BEFORE_NAME \
                and free(offset + pos - len(prev.group(0)), offset + pos - 1):
            continue  # "King's Lynn Norfolk": inside a longer proper name
        add(Mention(_surface(text, pos, end), offset + pos, offset + end, "full"))
    if named_only and not any(gz.is_first_name(m.group(1)) for m in _RX_GIVEN_INITIAL.finditer(text)):
        found.sort(key=lambda x: x.start)
        return found
    for m in _RX_INITIALS.finditer(text):
        words = _name_words(text, m.end(), max_words=1)
        if not words:
            continue
        initials, surname = m.group(1).strip(), words[0][0]
        bare = initials.replace(".", "").replace(" ", "")
        if bare in ("A", "I") and surname not in ctx.surnames and not _alone_on_line(text, m.start(), words[0][2]) \
                and not (initials == "A." and _RX_ENTRY_END.match(text, words[0][2])):
            # "A Lee" is the article before a name, unless the line holds only it (a register);
            # the article takes no stop, so "A. Tolley (Chair); D. Marsh" and "J. Pratt, A. Quill,"
            # (a harbour trust's register, a city committee's list) are an initial and a surname
            # where an entry ends after them
            continue
        if bare in ctx.aliases or gz.lookup_org(f"{bare} {surname}") or gz.lookup_org(bare):
            continue
        end = words[0][2]
        if re.fullmatch(r"[A-Z]{2,3}", initials) and not _initials_read_as_person(text, m.start(), end, surname, ctx):
            continue  # "MS Teams", "CT Protocols", "VE Day", "SR Housing": an acronym before a noun
        if free(offset + m.start(), offset + end) and not _followed_by_body(text, end):
            add(Mention(text[m.start():end], offset + m.start(), offset + end, "initials"))
    if ctx.aliases:
        # "... put out to report-KC to action": a dash after a lower-case word separates, it does not join
        rx = _rx_aliases(tuple(sorted(ctx.aliases, key=len, reverse=True)))
        for m in rx.finditer(text):
            if free(offset + m.start(), offset + m.end()):
                add(Mention(m.group(1), offset + m.start(), offset + m.end(), "alias"))
    for m in _RX_GIVEN_INITIAL.finditer(text):
        # "Helen C and Helen J organising", "Tom A will also post": notes that tell two people
        # of one given name apart by their surnames' initials; one that fits an attendee is
        # that attendee (an alias, above), another is a person of their own
        if gz.is_first_name(m.group(1)) and free(offset + m.start(), offset + m.end()):
            add(Mention(m.group(0), offset + m.start(), offset + m.end(), "full"))
    if ctx.given:
        # "Cheryl reported that ...": a given name alone, where only one person has it and
        # it stands as the subject of a verb of speech or commitment
        for m in _RX_GIVEN_SUBJECT.finditer(text):
            name = m.group(1)
            if name in ctx.given and free(offset + m.start(1), offset + m.end(1)):
                add(Mention(name, offset + m.start(1), offset + m.end(1), "given"))
    found.sort(key=lambda x: x.start)
    return found


@lru_cache(maxsize=64)
def _rx_aliases(aliases: tuple[str, ...]) -> re.Pattern:
    """The declared initials as one pattern, longest first (compiled once per document's
    set of initials, not once per sentence)."""
    return re.compile(r"(?:(?<![\w-])|(?<=[a-z]-))(" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")


# a role or group written before a name ("Mayor Sam Adams", "Captain Steve Mayer", "former
# Elected Member Paddy Quinn", "plus Residents Mark Orr"): the name is not part of a longer one
_ROLE_BEFORE_NAME = frozenset("""
Member Members Mayor Commissioner Captain Chief Manager Director Treasurer Secretary Chairman Chair
Clerk Officer President Trustee Trustees Governor Resident Residents Representative Deputy Lieutenant
Engineer Coordinator Teacher Headteacher Vicar Churchwarden Volunteer Volunteers
""".split())


# where "GR White" is a person though no one spells the surname out: the subject of a verb
# of speech or commitment, or a name of an attendance list
_RX_PERSON_VERB_AFTER = re.compile(r"\s+(?:also\s+|then\s+)?(?:said|asked|reported|agreed|will|would|to\s+[a-z]|"
                                   r"confirmed|explained|noted|suggested|added|replied|advised|thanked|presented|"
                                   r"offered|undertook|welcomed|raised|queried|\()")
_RX_LIST_LABEL = guarded(re.compile(r"(?i)\b(?:present|attendees?|attendance|in\s+attendance|apologies|members|officers)\b[^\n.]{0,300}$"))


def _initials_read_as_person(text: str, start: int, end: int, surname: str, ctx: NameContext) -> bool:
    """Undotted capitals before a word ("GR White", "MS Teams") name a person only where the
    document spells that surname out, the pair is a speaker or owner, or an attendance list
    names it; otherwise they are an acronym before a noun."""
    if surname in _ROLE_PLURALS:
        return False  # "PC Reps to look over the website": the body's representatives
    return surname in ctx.surnames or bool(_RX_PERSON_VERB_AFTER.match(text, end)) \
        or bool(_RX_LIST_LABEL.search(text[:start]))


# a given name and one capital, not the start of "Thomas B Bonnett" nor "Mark O’Brien"
_RX_GIVEN_INITIAL = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[ \t]([A-Z])(?![\w’'.&-])(?![ \t]+[A-Z])")
# (the first of two names joined by "and" / "&" is a subject too: "Ilse and Corwin to visit the
# other allotments", "Oskar & Tavish volunteered to plan the supper", a makerspace's committee and
# a conference task force)
_RX_GIVEN_SUBJECT = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)(?=(?:[ \t]*(?:and|&)[ \t]+[A-Z][a-z]+)?\s+(?:also\s+|then\s+)?"
                               r"(?:said|asked|reported|agreed|volunteered|will|would|shall|indicated|"
                               r"to\s+[a-z]+|confirmed|explained|noted|suggested|added|replied|advised|thanked|presented|"
                               r"outlined|updated|highlighted|stated|offered|undertook|welcomed|raised|queried|"
                               # "Michael now has the details", "Dylan is to purchase", "Paul went
                               # through the Financial Review": what the one holder of the name has,
                               # is to do or did
                               r"(?:now\s+)?(?:has|had)|is\s+to|was\s+to|was\s+going\s+to|went\s+through|provided|chose|"
                               r"should|obtained)\b)")


def _trim_tail(words: list[str]) -> list[str]:
    while len(words) > 1 and (words[-1] in NOT_NAME or words[-1] in TITLE_WORDS):
        words = words[:-1]
    return words


def _span_len(matched: str, words: list[str]) -> int:
    """Length of the prefix of `matched` that holds `words` (after trimming the tail)."""
    pos = 0
    for w in words:
        pos = matched.index(w, pos) + len(w)
    return pos


# ("Alison Hopkins" / "(AHop)": the letters wrapped to the next line of an attendance list)
_RX_DECLARED_ALIAS = guarded(re.compile(rf"({NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{1,3}})[ \t]*\n?[ \t]*\(([A-Z][A-Za-z]{{1,4}})\)"))


def declared_aliases(text: str) -> dict[str, str]:
    """'Mark Wardle (MW)' -> {'MW': 'Mark Wardle'} where the letters fit the name."""
    return {alias: names[0] for alias, names in _declared_alias_names(text).items() if len(names) == 1}


def ambiguous_aliases(text: str) -> dict[str, list[str]]:
    """Initials the text declares for two or more people ("Mike Hosking (MH)", "Marion Harvey
    (MH)"): neither may take the other's mentions, so they stay unresolved."""
    return {alias: names for alias, names in _declared_alias_names(text).items() if len(names) > 1}


def _declared_alias_names(text: str) -> dict[str, list[str]]:
    # read three times per document (declared, ambiguous, defined_acronyms): scanned once,
    # handed out as fresh lists (extract() appends to the ambiguous ones)
    return {alias: list(names) for alias, names in _declared_alias_tuples(text)}


@lru_cache(maxsize=4)
def _declared_alias_tuples(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out: dict[str, list[str]] = {}
    for m in _RX_DECLARED_ALIAS.finditer(text):
        name, alias = m.group(1), m.group(2)
        words = _trim_tail(name.split())
        while words and words[0] in TITLE_WORDS:
            words = words[1:]
        if len(words) < 2 or alias.lower() in ("chair", "vice", "clerk"):
            continue
        if not any(gz.is_first_name(w) for w in words[:-1]) and not _unlisted_name(words, alias):
            continue  # "Full Governing Body (FGB)" is a body's acronym, not a person's initials
        # "Service Cheryl Way (CW)": the shortest tail of the words that the letters fit
        for k in range(len(words) - 2, -1, -1):
            if _initials_fit(alias, words[k:]):
                name = " ".join(words[k:])
                if name not in out.setdefault(alias, []):
                    out[alias].append(name)
                break
    return tuple((alias, tuple(names)) for alias, names in out.items())


def _unlisted_name(words: list[str], alias: str) -> bool:
    """'Shayna Daitch (SD)', 'Eunis Jassemi (EJ)': two words whose initials are the letters,
    neither a word of bodies, places or things ("Parish Council (PC)", "Neighbourhood Plan
    (NP)"), read as a person's name the given-name list lacks."""
    if len(words) != 2 or alias != words[0][0] + words[1][0]:
        return False
    name = " ".join(words)
    return not (any(re.fullmatch(rf"(?:{ORG_HEADS})", w) or w in NOT_NAME for w in words)
                or names_a_thing(name) or gz.lookup_org(name) or gz.lookup_org(alias))


def _initials_fit(alias: str, words: list[str]) -> bool:
    """'AWa' fits Andy Warburton, 'MW' fits Mark Wardle; the alias must start each word."""
    if alias[0] != words[0][0]:
        return False
    parts = re.findall(r"[A-Z][a-z]*", alias)
    if len(parts) > len(words):
        return False
    # each part must be a prefix of a distinct word, in order
    wi = 0
    for p in parts:
        while wi < len(words) and not words[wi].lower().replace("-", "").startswith(p.lower()):
            wi += 1
        if wi == len(words):
            return False
        wi += 1
    return True


# -- posts --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _rx_posts() -> re.Pattern:
    pats = [re.escape(p) for p in gz.post_patterns() if len(p) > 2]
    return re.compile(r"\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\s+(" + "|".join(pats) + r")\b")


# Officers' titles follow a pattern even where the gazetteer does not know them:
# "Head of Culture and Leisure", "Cabinet Member for Finance and Resources", "Scrutiny Officer"
_POST_HEAD = (r"Head|Director|Cabinet\s+Member|Portfolio\s+Holder|Lead\s+Member|Manager|Officer|Lead|Adviser|Administrator|"
              r"Advisor|Co-?ordinator|Commissioner|Secretary|Registrar|Scrutineer|Treasurer|Controller|"
              r"Superintendent|Engineer|Inspector|Warden|Governor|Nurse|Doctor|Consultant|Practitioner")
# "for the Cappamore/Kilmallock MD": a district named with a slash is one word of the qualifier
_POST_QUALIFIER = r"(?:[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w’'/-]*(?:[ \t]+(?:and|&|[A-Z][\w’'/-]*))*)?"
GENERIC_POST = re.compile(rf"(?:(?:[A-Z][\w’'-]*)[ \t]+){{0,3}}(?:{_POST_HEAD})\b{_POST_QUALIFIER}")
_RX_GENERIC_POST = re.compile(rf"\b(?:[Tt]he|[Oo]ur|[Tt]heir)\s+({GENERIC_POST.pattern})")


def reads_as_post(cell: str) -> bool:
    """An attendance cell that names a post by what it serves: 'MP for Waveney', 'Clerk of the
    Council', 'Minister for Culture' (and every post is_post_title knows)."""
    c = " ".join(cell.split())
    return is_post_title(c) or bool(_RX_POST_OF.match(c))


def is_post_title(cell: str) -> bool:
    """A register cell that names a post: 'Director of Finance', 'Scrutiny Officer'."""
    return bool(GENERIC_POST.fullmatch(cell.strip())) and not cell.strip().split()[0] in ("The", "A")


_RX_WRAPPED = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")


def _as_spaces(m: re.Match) -> str:
    return " " * len(m.group(0))


def find_posts(text: str, offset: int) -> list[Mention]:
    """'the Clerk', 'The Chair', 'the Head of Culture and Leisure': posts to resolve to their holders.

    A known post is extended by the qualifier that names its portfolio ("the Cabinet Member"
    + " for Finance and Resources"), so the whole title is one mention."""
    out: list[Mention] = []
    # a title wrapped over two lines ("The Chief" / "Executive will ...") is still one post;
    # the line break becomes a space of the same length, so offsets hold
    if "\n" in text:
        text = _RX_WRAPPED.sub(_as_spaces, text)
    for rx in (_rx_posts(), _RX_GENERIC_POST):
        for m in rx.finditer(text):
            end = m.end(1)
            q = re.match(_POST_QUALIFIER, text[end:])
            if q and q.group(0):
                end += q.end()
            s, e = offset + m.start(), offset + end
            if all(e <= o.start or s >= o.end for o in out) and not _people_word(m.group(1)):
                out.append(Mention(" ".join(text[m.start(1):end].split()), s, e, "post"))
    out.sort(key=lambda x: x.start)
    return out


def _people_word(surface: str) -> bool:
    # "the Board Members" and "the Chair of Governors" are found; "the Governors" are not a post
    return surface in ("Governors", "Members", "Councillors", "Officers")


# -- organisations -------------------------------------------------------------------------

ORG_HEADS = (r"Board|Council|Committee|Sub-Committee|Group|Trust|Partnership|Panel|Service|Services|"
             r"Team|Agency|Authority|Commission|Department|Dept|Office|Government|University|College|School|"
             r"Academy|Forum|Network|Alliance|Association|Society|Foundation|Institute|Unit|Hub|"
             # "the Health and Safety Executive", not the word inside a post or a paper ("Senior
             # Executive Officer", "Executive Dean", "the Contract Executive Summary")
             r"Inspectorate|Executive(?![ \t]+(?:Officers?|Engineers?|Deans?|Directors?|Summary|Assistants?|"
             r"Managers?|Secretary|Members?)\b)|Cabinet|Assembly|Parliament|Ministry|Directorate|Company|Limited|Ltd|"
             r"Associates|Health|Care|Buses|Timber|Highways|Police|Constabulary|Bank|Library|"
             # a named hall (the Rifle Hall) is a body that hires and donates; the village or
             # town hall is where the meeting is held
             r"(?<!Village )(?<!Town )(?<!Church )(?<!Parish )(?<!Community )(?<!Memorial )(?<!City )(?<!County )Hall|"
             r"Museum|Club|Hotel|"
             # a church named by its saint or its parish ("St Anne’s Church", "Westfield Parish
             # Church"), not the parochial church meeting nor the church's hall or service
             r"(?<!Parochial )Church(?![ \t]+(?:Meeting|Hall|Service|Road|Street|Lane|Yard|Green|Wardens?)\b)|"
             # a transit agency ("Sound Transit", "Lake Oswego Transit"), not a mode of travel
             r"(?<!Rapid )(?<!Mass )(?<!Public )Transit|"
             # a named centre is a service or a venue ("the Children’s Centre", "White Oak
             # Counseling Center"); the city or town centre is a place
             r"(?<!City )(?<!Town )(?<!Village )(?<!Shopping )(?<!Leisure )(?:Centre|Center)|"
             # a district that is a body ("Cappamore/Kilmallock Municipal District", "Sacramento
             # Metropolitan Fire District"), not the district's works, plan or meeting
             r"(?:(?<=Municipal )|(?<=Metropolitan )|(?<=Fire )|(?<=School )|(?<=Park )|(?<=Water )|(?<=Utility )|"
             r"(?<=Sanitation )|(?<=Library ))District(?![ \t]+(?:(?:[Ww]orks|[Mm]eetings?|[Pp]lan)\b|[A-Z]))|"
             r"UHB|CCG|ICB|ICS|NHS|LHB|THB|PCC|LSCB|SAB|HWB|ALC|PCN|CIC|LLP|Surgery|Hospice|Federation|Consortium|"
             r"Collaborative|Union|Charity|Working Group|"
             # "the Kelby Housing Corporation", "Westbury City Corporation" (a housing association's
             # board, an academy's governing body): a corporation is a body; its tax and street are not
             r"Corporation(?![ \t]+(?:[Tt]ax|Street|Road|Lane|Way|Bus)\b)|"
             # the local papers and newsletters a body writes to or is written up in ("the Glasgow
             # Times", "the Beccles and Bungay Journal", "Community News"); a firm "& Co"
             r"(?<!Opening )(?<!Closing )(?<!Meeting )(?<!Bus )(?<!Train )(?<!Service )(?<!Collection )(?<!Start )"
             r"(?<!Finish )(?<!Response )(?<!Waiting )(?<!Journey )(?<!Travel )(?<!Arrival )(?<!Departure )Times|"
             r"Journal|Gazette|Herald|Chronicle|(?<=Community )News|(?<=Village )News|(?<=Parish )News|"
             r"(?<=& )Co")
_MODIFIER_HEADS = {"Health", "Care", "Services", "Service", "Safety", "Health’s"}
_RX_CONTINUE = re.compile(r"[ \t]+(?:and|&)[ \t]+(?:[A-Z][\w’'-]+[ \t]+){0,2}(?:Board|Partnership|Committee|Group|"
                          r"Trust|Service|Services|Council|Panel|Forum|Team|Directorate)\b")
_RX_MORE_HEADS = re.compile(rf"(?:[ \t]+(?:{ORG_HEADS}))+(?![\w-])")
_CAP = r"(?:[A-Z0-9][\w’'&/-]*|of|for|and|the|&|on|in)"
_RX_ORG_PHRASE = re.compile(rf"(?<![\w’'/-])((?:(?!\d+/\d+\b)[A-Z0-9][\w’'&/-]*\s+)(?:{_CAP}\s+){{0,6}}?(?:{ORG_HEADS}))(?![\w-])")
_RX_DEFINED_ACRONYM = guarded(re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|&|in)\s+)*){1,8})\(([A-Z][A-Za-z&]{1,8})\)"))
# "finalised-NICE guidelines": a dash after a lower-case word separates, it does not join
_RX_ACRONYM = re.compile(r"(?:(?<![\w-])|(?<=[a-z]-))([A-Z][A-Z&]{1,7}|[A-Z][a-z][A-Z]{1,3})(?![\w-])")


# "publicity on Radio Suffolk and Look East", "BBC Radio Kent": a station, its name after the head
_RX_BROADCASTER = guarded(re.compile(r"(?<![\w-])((?:BBC[ \t]+)?Radio[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![\w-])"))
# "the Bureau of Transportation", "University of Westbury", "the Friends of Hazel Park",
# "Oregon Department of Transportation", "Board of Supervisors of Oakley County": a body named
# head first, what it serves or where after "of" (a city's bureaus, a state's departments, a
# park's or library's friends), where no body word ends the name
_HEAD_FIRST = (r"University|Department|Dept|Ministry|Office|Bureau|Board|City|Friends|Society|Institute|"
               r"Corporation|Commission|Bank|College|Federation|Diocese|Borough")
_OF_WORD = r"(?!The\b)[A-Z][\w-]*(?:[’'](?!s\b)\w+)?"
_RX_HEAD_OF = guarded(re.compile(rf"(?<![\w’'-])((?:[A-Z][a-z]+[ \t]+)?(?:{_HEAD_FIRST})[ \t]+of[ \t]+(?:the[ \t]+)?{_OF_WORD}"
                                 rf"(?:(?:[ \t]+|,[ \t]+|[ \t]+(?:and|&)[ \t]+|[ \t]+of[ \t]+(?:the[ \t]+)?){_OF_WORD})*)(?![\w-])"))
# what the board of a body is made of is no name ("the Board of Trustees"); a word after the
# name that says what of the body is meant ("Friends of Hazel Park Rep", "... AGM")
_RX_BOARD_OF_MEMBERS = re.compile(r"^Board[ \t]+of[ \t]+(?:the[ \t]+)?(?:Directors|Trustees|Governors|Members|Management)\b")
_RX_HEAD_OF_TAIL = re.compile(r"(?:[ \t]+(?:Rep|Reps|Representatives?|AGM|Meeting|Meetings|Minutes|Report|Chair|Chairman|"
                              r"Agenda|Annual|Notes))+$")

_RX_HEAD_OF_THING = guarded(re.compile(r"[ \t](?:Policy|Program|Programme|Plan|Strategy|Section|Fund|Grants?|Project|Scheme|"
                                       r"Act|Directive|Regulations|Procurement)\b"))


def _head_of_name(phrase: str) -> str:
    """The body's name in a head-first match, or '' when it names none."""
    p = _LEAD_STRIP.sub("", _AGENDA_VERBS.sub("", phrase))
    if not re.match(rf"(?:[A-Z][a-z]+[ \t]+)?(?:{_HEAD_FIRST})[ \t]+of\b", p) or _RX_BOARD_OF_MEMBERS.match(p):
        return ""
    if _RX_POST_OF.search(p) or _NOT_A_HEAD_BEFORE_OF.match(p):
        return ""
    # "Department of Transport and Rail Infrastructure Westland": "and" joins a last word of
    # the name ("Office of Management and Finance"), not a second body of several words
    m = re.search(r"[ \t]+(?:and|&)[ \t]+(?:(?:\S+[ \t]+){2,}\S+|[A-Z]{2,})$", p)
    if m:
        p = p[:m.start()]
    # a comma lists the parts of one name only up to its "and" ("Department of Housing,
    # Planning and Heritage"); without one it closes the name
    if "," in p and not re.search(r",[^,]*[ \t](?:and|&)[ \t]", p):
        p = p[:p.index(",")]
    # "City of Westbury Procurement Policy", "Department of Education Child Nutrition
    # Program": the body's programme, policy or section named after it; the body is up to the
    # word after its last "of"
    thing = _RX_HEAD_OF_THING.search(p)
    if thing:
        head = p[:thing.start()]
        last_of = list(re.finditer(r"\bof[ \t]+(?:the[ \t]+)?\S+", head))
        p = head[:last_of[-1].end()] if last_of else head
    p = _RX_HEAD_OF_TAIL.sub("", p)
    return p if re.search(r"\bof[ \t]+(?:the[ \t]+)?[A-Z]", p) else ""


_RX_TRADE_FIRM = guarded(re.compile(rf"(?<![\w’'-])({NAME_WORD}(?:[ \t]+{NAME_WORD})?[ \t]+(?:{'|'.join(sorted(TRADE_WORDS))}))(?![\w-])"))


@dataclass
class OrgMention:
    surface: str
    start: int
    end: int
    canonical: str | None = None  # gazetteer or defined expansion


_NAME_SPACE = r"(?:[ \t\u00a0]+|[ \t]*\n[ \t]*)"


def _trie_regex(words: list[str]) -> str:
    """'|'.join(words) shaped as a trie: the same matches (longest first), far fewer
    attempts; a flat alternation of 2,000 names costs seconds per megabyte."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        # a space of a name may be a line break where the name wraps ("St John’s" / "Ambulance")
        alts = [(_NAME_SPACE if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=1)
def _rx_gazetteer() -> re.Pattern:
    words = [p for p in gz.org_surface_patterns() if not p.isupper() and len(p) > 2]
    return re.compile(r"(?<![\w-])(" + _trie_regex(words) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _gazetteer_acronyms() -> frozenset[str]:
    return frozenset(p for p in gz.org_surface_patterns() if re.fullmatch(r"[A-Z][A-Za-z&]{1,8}", p) and any(c.isupper() for c in p[1:]) or p.isupper())


_RX_ORG_WORD = re.compile(rf"(?:{ORG_HEADS})")


def _reads_as_person(words: list[str], acr: str, people_named: bool) -> bool:
    """Whether 'Sheila Freeman (SF)', 'P Sargent (PS)', 'Ali Hopkins (AHop)' gives a person's
    initials rather than an organisation's acronym: two to four capitalised words with no
    body word or acronym among them, that start with a first name or an initial, or whose
    alias is written in a person's mixed case ('AHop', 'LRMcC'), or in minutes that already
    declare people's initials (a list of attendees, some first names the gazetteer lacks)."""
    # "Lloyd-Evans" (NLE) and "McConnell" (LRMcC) give a letter to each part
    if len(words) > 2 and _POST_NOMINAL.fullmatch(" " + words[-1]):
        return True  # "Anna Kerr MP (AKMP)": a member of a parliament and her initials
    parts = [q for w in words for p in w.split("-") for q in re.split(r"(?<=^Mc)(?=[A-Z])", p) if q]
    if not 2 <= len(words) <= 4 or not (_initials_fit(acr, words) or _initials_fit(acr, parts)):
        return False
    if any(not w[0].isupper() or _RX_ORG_WORD.fullmatch(w) or (len(w) > 1 and w.isupper()) for w in words):
        return False
    first = words[0].rstrip(".")
    return (gz.is_first_name(first) or len(first) == 1 or any(c.islower() for c in acr)
            or people_named)


# "Community Annual Report (CAR)", "Housing Stability for All Plan (HSAP)", "English Learner
# Progress Indicator (ELPI)": a paper, a plan, a programme or a measure named by its acronym
_RX_THING_NAMED = re.compile(r"\b(?:Report|Plan|Program|Programme|Strategy|Indicator|Fund|Scheme|Policy|Act|"
                             r"Assessment|Review|Framework|Project|Development|Statement|Budget|Survey)$")


def names_a_thing(name: str) -> bool:
    """Whether an acronym's expansion names a paper, plan, programme or measure, not a body."""
    return bool(_RX_THING_NAMED.search(name.strip()))


def defined_acronyms(text: str) -> dict[str, str]:
    """'Institute of Cemetery and Crematorium Management (ICCM)' -> {'ICCM': '...'}."""
    out: dict[str, str] = {}
    people_named = bool(_declared_alias_names(text))
    for m in _RX_DEFINED_ACRONYM.finditer(text):
        phrase, acr = m.group(1).strip(), m.group(2)
        words = phrase.split()
        caps = [w for w in words if w[0].isupper()]
        letters = "".join(w[0] for w in caps).upper()
        acr_up = acr.upper().replace("&", "")
        # take the shortest tail of the phrase whose capitals spell the acronym
        for k in range(len(words)):
            tail = words[k:]
            tl = "".join(w[0] for w in tail if w[0].isupper()).upper()
            if tl == acr_up or (tl.startswith(acr_up[0]) and len(tl) >= 2 and acr_up.startswith(tl)):
                if not _reads_as_person(tail, acr, people_named) and not names_a_thing(" ".join(tail)):
                    out.setdefault(acr, " ".join(tail))
                break
        else:
            if letters.endswith(acr_up) and not names_a_thing(phrase):
                out.setdefault(acr, phrase)
    return out


# Minutes that speak of trusts or hospitals as such ("next trusts are ...", "across 3 trusts",
# "Mid Yorkshire hospitals") name the trusts by their towns; elsewhere a town is a town.
_RX_SPEAKS_OF_TRUSTS = guarded(re.compile(r"\b(?:trusts|hospitals)\b"))


# "SIG PM’s to sort", "PC Reps to look over the website": the members of a body who hold a
# role, named by the body's acronym and the role's plural; they own tasks as a group
_ROLE_PLURALS = {"PMs": "Project Managers", "PM's": "Project Managers", "Reps": "Representatives",
                 "reps": "Representatives", "Leads": "Leads", "leads": "Leads"}
_RX_ROLE_GROUP = guarded(re.compile(r"(?:(?<![\w’'-])|(?<=^-)|(?<=\s-))(?P<acr>[A-Z]{2,5})[ \t]+(?P<role>PMs|PM[’']s|Reps|reps|Leads|leads)(?![\w’'-])"))


def is_role_group(surface: str) -> bool:
    """Whether an organisation mention is a body's role holders ('SIG PM’s', 'PC Reps')."""
    return bool(_RX_ROLE_GROUP.fullmatch(surface))


def trust_places(text: str) -> dict[str, str]:
    """The gazetteer's trust places ('Airedale', 'Leeds') that stand for their trusts in this
    document: none unless it speaks of trusts or hospitals, only those it names."""
    if not _RX_SPEAKS_OF_TRUSTS.search(text):
        return {}
    return {p: t for p, t in gz.trust_places().items() if p in text}


def _rx_places(places: dict[str, str]) -> re.Pattern:
    # compiled once per document's places, not once per sentence
    return _rx_place_names(tuple(sorted(places, key=len, reverse=True)))


@lru_cache(maxsize=64)
def _rx_place_names(names: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(p) for p in names)
    # a town alone, not a word of a longer name ("Leeds Beckett", "York Road", "East Leeds");
    # "KC -Mid Yorkshire": a dash after a space opens the clause
    return re.compile(rf"(?<!\w)(?<!\w-)({alts})(?![\w-])(?![ \t]+[A-Z])")


def find_orgs(text: str, offset: int, acronyms: dict[str, str], person_spans: list[tuple[int, int]],
              places: dict[str, str] | None = None) -> list[OrgMention]:
    """Organisation mentions in text; `acronyms` are those the document defined, `places`
    the towns that stand for trusts in it (see trust_places)."""
    found: list[OrgMention] = []
    taken: list[tuple[int, int]] = list(person_spans)

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, surface: str, canonical: str | None) -> None:
        found.append(OrgMention(surface, s, e, canonical))
        taken.append((s, e))

    for m in _RX_ROLE_GROUP.finditer(text):
        s, e = offset + m.start(), offset + m.end()
        if free(s, e):
            add(s, e, m.group(0), f"{m.group('acr')} {_ROLE_PLURALS[m.group('role').replace('’', chr(39))]}")
    for m in _RX_HEAD_OF.finditer(text):
        name = _head_of_name(m.group(1))
        if not name:
            continue
        s = offset + m.start(1) + m.group(1).index(name)
        e = s + len(name)
        if free(s, e):
            info = gz.lookup_org(name)
            add(s, e, name, info.name if info else None)
    # longest first: capitalised phrases ending in a body word
    for m in _RX_ORG_PHRASE.finditer(text):
        phrase = m.group(1)
        # the shortest phrase ending in a body word, extended by body words that follow
        # ("Children in Care" + " Council"), never across "and the"
        more = _RX_MORE_HEADS.match(text, m.end(1))
        if more:
            phrase += more.group(0)
        elif phrase.split()[-1] in _MODIFIER_HEADS:
            # "Wyremouth Health" + " and Wellbeing Board": a body word that also qualifies
            cont = _RX_CONTINUE.match(text, m.end(1))
            if cont:
                phrase += cont.group(0)
        if _RX_LAW_AFTER.match(text, m.start(1) + len(phrase)):
            # "Section 183 of the Local Government Act": a law named after what it governs
            taken.append((offset + m.start(1), offset + m.start(1) + len(phrase)))
            continue
        if _RX_POST_OF.search(phrase):
            # "the Head of Civic and Legal Services": no body inside a post's title either
            taken.append((offset + m.start(1), offset + m.start(1) + len(phrase)))
            continue
        pair = _RX_ACRONYM_AND_BODY.match(phrase)
        if pair and pair.group("acr") not in _NOT_CONTEXT_ORG and pair.group("acr") not in _NOT_ACRONYM_BODY:
            # "KBC and Scottish Government guidelines", "WHT and the Audit Panel": an acronym joined to
            # a named body is a body of its own
            s = offset + m.start(1)
            if free(s, s + len(pair.group("acr"))):
                info = gz.lookup_org(pair.group("acr"))
                add(s, s + len(pair.group("acr")), pair.group("acr"), info.name if info else None)
            phrase = phrase[pair.start("rest"):]
            base = m.start(1) + pair.start("rest")
        else:
            base = m.start(1)
        surface = _clean_org_phrase(_RX_DATED_LEAD.sub("", phrase))
        if not surface:
            continue
        s = offset + base + phrase.index(surface)
        e = s + len(surface)
        cut = max((b for a, b in person_spans if a <= s < b < e), default=None)
        if cut is not None and not (surface.endswith("& Co") and _extends_person(surface, s, e, person_spans)):
            # "Mr Tom Hale Kelby Learning Trust": a register's entry, the person then their body with
            # no comma between; the body is what follows the name
            rest = _clean_org_phrase(text[cut - offset:e - offset])
            if len(rest.split()) < 2:
                continue
            s = e - len(rest)
            surface = rest
        # "appointed A J Carter & Co": a firm named after a person holds the person's name
        if free(s, e) or surface.endswith("& Co") and _extends_person(surface, s, e, person_spans):
            info = gz.lookup_org(surface)
            add(s, e, surface, info.name if info else None)
    for m in _RX_BROADCASTER.finditer(text):
        s, e = offset + m.start(1), offset + m.end(1)
        if free(s, e):
            add(s, e, m.group(1), None)
    for m in _RX_TRADE_FIRM.finditer(text):
        # "Merlin Waste - £30", "Aurora Merchants": a firm named by a given name and its trade
        if not gz.is_first_name(m.group(1).split()[0]):
            continue
        s, e = offset + m.start(1), offset + m.end(1)
        if free(s, e):
            info = gz.lookup_org(m.group(1))
            add(s, e, m.group(1), info.name if info else None)
    for m in _RX_DISTRICT_OF.finditer(text):
        name = m.group(1)
        if name.split()[-1] in NOT_NAME:  # "... of Limerick Chair": the place is one word
            name = name[:name.rstrip().rfind(" ")].rstrip()
        s, e = offset + m.start(1), offset + m.start(1) + len(name)
        if free(s, e):
            add(s, e, " ".join(name.split()), None)
    for m in _rx_gazetteer().finditer(text):
        s, e = offset + m.start(1), offset + m.end(1)
        if not m.group(1).split()[0][0].isupper() and len(m.group(1).split()) == 1:
            continue  # "planning" the activity, not Planning the service
        if free(s, e):
            info = gz.lookup_org(m.group(1))
            if info and " " not in m.group(1) and info.type == "service" and _service_word_as_topic(text, m.start(1), m.end(1)):
                continue
            if info and _RX_LAW_AFTER.match(text, m.end(1)):
                continue  # "the Planning and Development Act, 2000": a law
            if info:
                add(s, e, " ".join(m.group(1).split()), info.name)
    for m in _RX_ACRONYM.finditer(text):
        acr = m.group(1)
        s, e = offset + m.start(1), offset + m.end(1)
        if not free(s, e):
            continue
        if acr in acronyms:
            add(s, e, acr, acronyms[acr])
            continue
        info = gz.lookup_org(acr)
        if info and info.type == "service" and info.name.upper() == acr and \
                _service_word_as_topic(text, m.start(1), m.end(1)):
            continue  # "PLANNING AND DEVELOPMENT": a heading in capitals, not an acronym
        if info:
            add(s, e, acr, None if gz.is_ambiguous_acronym(acr) else info.name)
    if places:
        for m in _rx_places(places).finditer(text):
            s, e = offset + m.start(1), offset + m.end(1)
            if free(s, e) and not re.search(r"[A-Z][\w’'-]*[ \t]$", text[max(0, m.start(1) - 30):m.start(1)]):
                add(s, e, m.group(1), places[m.group(1)])
    for rx, cue in _CONTEXT_ORG_RULES:
        if not cue(text):
            continue
        for m in rx.finditer(text):
            for g in ("org", "org2", "org3"):
                if g not in rx.groupindex or not m.group(g):
                    continue
                surface = m.group(g).strip()
                s, e = offset + m.start(g), offset + m.start(g) + len(surface)
                if _plausible_context_org(surface) and (free(s, e) or _extends_person(surface, s, e, person_spans)):
                    if all(e <= a or s >= b for a, b in [(o.start, o.end) for o in found]):
                        add(s, e, surface, None)
    found.sort(key=lambda o: o.start)
    return found


# an item's heading: its number or letter, then the word ("8. Planning", "(e) Planning - none",
# "03.25.11 Planning", "**PLANNING AND ...**" in bold)
_RX_HEADING_START = re.compile(r"(?:^|\n)[ \t]*(?:\*\*|#+[ \t]+)?(?:\(?[\dA-Za-z]{1,3}[.)]+|\d+(?:[./]\d+)+)?[ \t]*$")
# "Director, Planning and Place-Making", "Heritage, Planning and Licensing Contact": a service's
# word in the list of a post's portfolio; "the Director of Planning and ...": in a post's title
_RX_PORTFOLIO_LIST = (re.compile(r"[A-Z][a-z]+,[ \t]*\n?[ \t]*$"), re.compile(r"\s+and\s+[A-Z]"))
_RX_POST_OF_BEFORE = re.compile(rf"\b(?:{_POST_HEAD}|Clerk)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")
# "the Local Government Act, 2001", "the Planning and Development Act": a law named after what
# it governs is no body
_RX_LAW_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:Act|Bill|Regulations)\b")


def _service_word_as_topic(text: str, s: int, e: int) -> bool:
    """'Planning Permissions', 'Planning Contact', '8. Planning': a council service's one word
    names the business or qualifies a noun; it is the service itself where it acts
    ('- Highways advised that ...', 'MCC Planning - ...')."""
    before = text[max(0, s - 40):s]
    if _RX_POST_OF_BEFORE.search(before) or (_RX_PORTFOLIO_LIST[0].search(before) and _RX_PORTFOLIO_LIST[1].match(text, e)):
        return True
    return bool(re.match(r"[ \t]+[A-Z]", text[e:e + 2])) or bool(_RX_HEADING_START.search(text[max(0, s - 20):s]))


# "the Municipal District of Adare", "the Metropolitan District of Limerick": Irish local
# government names its districts with the head first, the place after "of"
_RX_DISTRICT_OF = guarded(re.compile(r"(?<![\w-])((?:Municipal|Metropolitan)[ \t]+District[ \t]+of(?:[ \t]*\n){0,2}[ \t]*"
                                     r"(?:the[ \t]+)?(?!The\b)[A-Z][\w’']+(?:(?:[ \t]?[/-][ \t]?|[ \t]+)(?!The\b|Held\b)"
                                     r"[A-Z][a-z][\w’']*)?)(?![\w-])"))


# Organisations known only from how the text speaks of them (rules of minute-writing):
# "providers such as A and B", "funding from X", "owned by X", "appointed X & Associates",
# "NIMB's endorsement".
_PHRASE = r"[A-Z0-9][\w’'/-]*(?:[ \t]+(?:&[ \t]+)?[A-Z0-9][\w’'/-]*){0,5}"
_RX_SUCH_AS = re.compile(rf"\b(?:providers|suppliers|companies|organisations|organizations|bodies|agencies|partners|"
                         rf"firms|vendors|charities|contractors)\s+(?:\w+\s+){{0,2}}such\s+as\s+(?P<org>{_PHRASE})"
                         rf"(?:\s*,\s*(?P<org3>{_PHRASE}))?(?:,?\s+(?:and|or)\s+(?P<org2>{_PHRASE}))?")
_RX_FROM_BY = re.compile(rf"\b(?i:funding|grant|granted|received|purchased|bought|quotes?|quotations?|owned|provided|"
                         rf"supplied|commissioned|invoice|donation|letter|contract|advice|support|sponsored|funded)"
                         rf"\b[^.;]{{0,40}}?\b(?:from|by)\s+(?P<org>{_PHRASE})")
_RX_APPOINTED = re.compile(rf"\b(?:appointed|engaged|instructed|contracted|hired)\s+(?P<org>{_PHRASE})")
_RX_POSSESSIVE_ACRONYM = re.compile(r"(?<![\w-])(?P<org>[A-Z]{3,6})[’']s\s+(?!own\b)[a-z]")
# each with words every match of it holds, tested first: most sentences hold none of them,
# and the patterns are slow to fail over a whole sentence
_CONTEXT_ORG_RULES = (
    (_RX_SUCH_AS, lambda t: "such" in t),
    (_RX_FROM_BY, lambda t: "from" in t or "by" in t),
    (_RX_APPOINTED, lambda t: any(w in t for w in ("appointed", "engaged", "instructed", "contracted", "hired"))),
    (_RX_POSSESSIVE_ACRONYM, lambda t: "'s" in t or "’s" in t),
)
_NOT_CONTEXT_ORG = {"The", "This", "That", "Council", "Councillors", "Members", "March", "April", "May", "June",
                    "January", "February", "July", "August", "September", "October", "November", "December",
                    "Mr", "Mrs", "Ms", "Dr", "Cllr", "Councillor", "UK", "USA", "EU", "GDPR", "HR", "PDF"}


def _plausible_context_org(surface: str) -> bool:
    words = surface.split()
    if not words or words[0] in _NOT_CONTEXT_ORG or words[0] in TITLE_WORDS or re.fullmatch(r"\d+", words[0]):
        return False
    if len(words) == 2 and gz.is_first_name(words[0]) and "&" not in surface:
        return False  # "from Kerry Crichlow": a person
    return not (len(words) == 1 and words[0] in NOT_NAME)


def _extends_person(surface: str, s: int, e: int, person_spans: list[tuple[int, int]]) -> bool:
    """'Rachel Leggett & Associates' holds a person's name but is a firm."""
    return bool(re.search(r"&|\b(?:Associates|Ltd|Limited|LLP|Partners|Consulting|Consultancy)\b", surface)) and \
        any(s <= a and b <= e for a, b in person_spans)


_LEAD_STRIP = re.compile(r"^(?:(?:The|A|An|This|That|Our|Their|Its|All|Any|Each|Every|Both|Following|"
                         r"Within|Including|With|From|For|And|Or|To|In|On|At|By|Of|If|When|Once|"
                         r"New|Joint|Meeting|Meetings|Dear|Re|Whole|Full|Regular|"
                         # "the March Meeting of the Council", "before the April Municipal District
                         # meeting": a month dates the meeting, it does not name the body
                         r"January|February|March|April|May|June|July|August|September|October|"
                         r"November|December)\s+)+")


_AGENDA_VERBS = re.compile(r"^(?:To\s+)?(?:Approve|Discuss|Receive|Note|Consider|Agree|Adopt|Review|Confirm|Update|Report|"
                           r"Appoint|Elect|Welcome|Thank)\s+(?:the\s+|a\s+|an\s+)?")
# "Ordinary Meeting of the X Council", "Re-establishment of the Y Committee": the body is after "of"
_GENERIC_HEAD = re.compile(r"Office|Library|Board|Council|Committee|Highways|Planning|Team|Department|Services?")
# "10th Meeting of the ...", "Budget Meeting of the Council": a meeting is no body, the body
# is what follows "of"
_NOT_A_HEAD_BEFORE_OF = re.compile(r"^(?:\d+(?:st|nd|rd|th)\s+|Budget\s+|Regular\s+|Statutory\s+)?"
                                   r"(?:(?:Annual|Ordinary|Extraordinary|Special|Full|Public|Joint|Next|Last|Previous|"
                                   r"First|Monthly)\s+)*(?:Meeting|Meetings|Minutes|Re-establishment|Establishment|Review|Report|"
                                   r"Chair|Chairman|Members?|Representatives?|Work|Role|Terms|Behalf|Part|Future|Membership|Views?)"
                                   r"\s+of\s+(?:the\s+)?", re.I)
_OBJECT_BOARDS = re.compile(r"^(?:Notice|Display|Information|Sign|Score|Key|Dart|Cheese|Chopping|Skirting)\s+Board$")


# "the Director of Corporate Services", "Clerk of the Council", "Assistant Superintendent of
# Educational Services": a post named after its service is a post, not a body
_RX_POST_OF = re.compile(rf"(?:^|\bthe\s+)(?:(?:Assistant|Deputy|Acting|Interim|Chief|Executive|Senior)\s+)*"
                         rf"(?:{_POST_HEAD}|Clerk|Captain|Chief\s+Executive|Minister|MP)\s+(?:of|for)\b")
# "Annual Governance Report for the Council", "Closed Caption File of Portland City Council",
# "Contract Award for Gateway School", "Declarations of the Board": a paper or an act of the
# business named with the body it concerns; the body is what follows
_RX_THING_OF_BODY = re.compile(r"^(?:[A-Z][\w’'-]*\s+){0,3}(?:Report|Minutes|File|Award|Declarations|Election|Budget|"
                               r"Summary|Accounts|Statement|Letter|Invoice|Grant)\s+(?:of|for)\s+"
                               r"(?:the\s+)?(?=[A-Z])")
# "the Carol Service", "Xmas Morning Communion Service", "self service machines": a church's
# service of worship or a way of serving oneself, not a service that is a body
_RX_RITE_SERVICE = guarded(re.compile(r"\b(?:Communion|Carol|Carols|Christingle|Remembrance|Memorial|Worship|Thanksgiving|Harvest|"
                                      r"Funeral|Christmas|Xmas|Easter|Advent|Eve|Morning|Evening|Civic|Dedication|Confirmation|"
                                      r"Baptism|Wedding|Self)\s+Service$"))
_RX_NOT_BODY_LEAD = re.compile(r"^(?:(?:Officers|Members|Councillors|Staff|Trustees|Governors|Residents|Volunteers)\s+(?:and|&)\s+|"
                               r"(?:Chairman|Chair|Chairperson|Vice[- ]Chair(?:man)?|Clerk|Secretary|Treasurer|Mayor)\s+)(?=[A-Z])")
_RX_ACT_OF = re.compile(r"^(?:[A-Z][\w’'-]*\s+){0,3}(?:Procurement|Purchase|Purchasing|Provision|Supply)\s+of\b")
# "Several Board members", "Some Parent Council funds": a quantity of a body's members or things
_RX_QUANTITY_LEAD = re.compile(r"^(?:Some|Several|Many|Most|Various|Other|Few|As)\s+(?:the\s+)?(?=[A-Z])")


_RX_PERSON_OF_THE = re.compile(r"^([A-Z][a-zà-ÿ]+)\s+([A-Z][’']?[\w’'-]+)\s+(?P<join>of|and|from)\s+the\s+(?=[A-Z])")


# an acronym then "and" and a body's name of two or more words ("KBC and Scottish Government",
# "WHT and Section 5 Panel": seen in a parents' association, a safeguarding board, a community
# council and an Irish county council); "IT and Digital Services", "HR and Payroll Team" name one
# unit by its trades, not two bodies
_RX_ACRONYM_AND_BODY = re.compile(r"^(?P<acr>[A-Z]{2,6})[ \t]+(?:and|&)[ \t]+(?P<rest>[A-Z][\w’'-]*\s+\S.*)$", re.S)
_NOT_ACRONYM_BODY = frozenset({"IT", "ICT", "HR", "PR", "AV", "AOB", "CCTV", "PA", "OD"})
# a meeting's day and date before the body's name in a heading ("Monday 3 March 2014 Westbury
# District Council", "Friday 9th May 2019 / At The Kelby Academy": a police and crime panel, an
# academy's governing body): they date and place the meeting, they name no body
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RX_DATED_LEAD = re.compile(rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
                            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s+"
                            r"(?:\d{4}\s+)?(?:(?:at|At|in|In)\s+)?")


def _clean_org_phrase(phrase: str) -> str:
    p = phrase.strip()
    if re.search(r"\bChief\s+Executive$", p) or re.fullmatch(r"Public\s+(?:Open\s+)?Forum|Open\s+Forum", p):
        # "(Alison Lee) Chief Executive", "SL Chief Executive": a post; "Public Forum": the
        # part of the meeting where the public speaks
        return ""
    if _RX_POST_OF.search(p) or re.match(r"^\d[\d.]*\s+of\s+the\b", p) or _RX_ACT_OF.match(p):
        # a post; "(section) 6 of the Council Procedure By-law": a clause's number;
        # "Procurement of Goods and Services": buying, not a body
        return ""
    p = _RX_THING_OF_BODY.sub("", p)
    p = _RX_QUANTITY_LEAD.sub("", p)
    # "Xmas Eve and the Singing Group", "Asset Manager and the Highways", "Officers and Audit
    # Commission", "Chairman Westbury Parish Council": a thing, a post or people joined to the
    # body or put before it; the body is what follows
    # ("The IT Group and the Finance Committee" are two bodies, both kept as written)
    p = re.sub(rf"^.*\b(?:{_POST_HEAD}|Clerk|Eve|Day)\s+(?:and|&)\s+the\s+(?=[A-Z])", "", p, flags=re.S)
    p = _RX_NOT_BODY_LEAD.sub("", p)
    # "Leona Barry of the Haven Hub", "Jesús Ruiz and the Parks Dept": a person named in front of
    # the body (a given name and a surname, neither a word of bodies or posts); the body is after "the"
    # ("Human Resources and the Finance Team" are two units: joined by "and", the front is a
    # person only where it opens with a title or a given name)
    lead = _RX_PERSON_OF_THE.match(p)
    if lead and not any(re.fullmatch(rf"(?:{ORG_HEADS})|(?:{_POST_HEAD})", w) or w in NOT_NAME
                        for w in lead.group(1, 2)) and (
            lead.group("join") != "and" or lead.group(1) in TITLE_WORDS or gz.is_first_name(lead.group(1))):
        p = p[lead.end():]
    # an all-capitals heading run in front ("EXCLUSION OF PRESS AND PUBLIC The Council")
    # ("EE UK Ltd": a firm's name in capitals before its suffix stays)
    if not re.fullmatch(r"(?:[A-Z][A-Z0-9’'&-]*\s+)+(?:Ltd|Limited|PLC|plc|LLP|Inc)\.?", p):
        p = re.sub(r"^(?:[A-Z][A-Z’'&-]+\s+){2,}(?=[A-Z][a-z])", "", p)
    # a date or item number in front ("2025-06-09 SR Life Stabilization Service", "11 Rota for")
    # ("100 Club" is a name: the number stays where one word would be left)
    lead = re.match(r"^(?:\d[\d./-]*\s+)+(?=[A-Z])", p)
    if lead and len(p[lead.end():].split()) >= 2:
        p = p[lead.end():]
    p = _AGENDA_VERBS.sub("", p)
    p = re.sub(r"^\d[\w.:]*\s+(?:in|at)\s+", "", p)  # "(held at) 3pm in Deebert House Hotel"
    p = _LEAD_STRIP.sub("", p)
    p = _NOT_A_HEAD_BEFORE_OF.sub("", p)
    p = _LEAD_STRIP.sub("", p)
    if re.fullmatch(rf"(?:\d[\d./-]*\s+)+(?:{_GENERIC_HEAD.pattern})", p):
        # "14 Library", "(the) 2025 Board", "1 Office": a page, item or year number before a
        # body word is no name; a club or lottery named by a number ("100 Club") is
        return ""
    if re.search(r"\b(?:City|Town|Village)\s+Cent(?:re|er)$", p):
        return ""  # the centre of a place wrapped over a line ("... City" / "Centre")
    if _RX_RITE_SERVICE.search(p):
        return ""
    if _OBJECT_BOARDS.match(p) or p == "Registered Office":
        return ""  # a registered office is a company's address, not a body
    words = p.split()
    # a phrase that is only a body word ("Board") is a generic reference, not a name
    if len(words) < 2 and not re.fullmatch(r"[A-Z]{2,}|Highways|Police", p):
        return ""
    if words and words[-1] == "District":
        # "the Parking Spaces in the Municipal District": the district, not what is in it
        p = re.sub(r"^.*\s(?:in|on|across|within|for|of)\s+the\s+", "", p)
        words = p.split()
    if len(words) == 2 and words[1] == "District":
        return ""  # "the Municipal District": a kind of body; its name is "X Municipal District"
    if words and words[0].lower() in ("of", "for", "and", "the", "&", "on", "in"):
        return ""
    return p
