"""The grammar of minute-writing that every fact rule shares: who the subject of a clause is
(a person, a post, an organisation, the body itself), where its verb begins, and the
document context rules read (the body, its post holders, the last speaker)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import gazetteer as gz
from kg.extract.names import Mention, OrgMention, is_role_group
from kg.extract.sentences import Sent
from kg.records import Owner, PersonRef
from kg.rxfilter import guarded

# Collective subjects that stand for the body itself.  "Councillors/Members agreed to"
# is a task for the members; "The Board agreed" is a decision of the body.
BODY_WORDS = (r"(?:(?:Parish|Town|Community|District|County|Borough|City)\s+)?(?:Board|Committee|Sub-Committee|"
              r"Council|Panel|Trust|Partnership|Governing\s+Body|Forum|Cabinet|Executive|Group|Meeting|Assembly)")
# "The meeting agreed to ...", "the committee agreed on ...": the body word in lower case is the
# body only after "the" (a Scottish community council, an open source committee)
BODY_SUBJECT = re.compile(rf"^(?:[Tt]he\s+)?(?P<body>{BODY_WORDS})\b|^[Tt]he\s+(?P<lower>board|committee|council|meeting|group)\b")
# ("Cllrs" written short for the members, not as the title before their names: "All Cllrs agreed")
COLLECTIVE_SUBJECT = re.compile(r"^(?:[Tt]he\s+|[Aa]ll\s+)?(?P<who>Councillors|Members|Governors|Trustees|Directors|"
                                r"[Bb]oard\s+members|[Cc]ommittee\s+members|[Pp]artners|Cllrs(?![ \t.]*[A-Z]))\b")
OFFICER_AFTER_ORG = re.compile(r"[ \t]+(?:Manager|Officer|Team|Lead|Director|Department|Co-?ordinator|Engineer|"
                               r"Adviser|Advisor|Representative|Spokesperson)\b")
# "Clerk to write to the county": a post named without "the", leading a task
BARE_POST = re.compile(r"(?P<post>(?:[A-Z][\w’'-]*|of|for|and)(?:\s+(?:[A-Z][\w’'-]*|of|for|and)){0,5}?)"
                       r"(?=\s+(?:to|will|agreed\s+to|is\s+to)\s+[a-z])")
WE_ANYWHERE = guarded(re.compile(r"(?<![\w-])[Ww]e(?=\s+(?:will|shall|are|agreed)\b)"))
SUBJECT_WORDS = guarded(re.compile(r"(?<![\w-])(?:Councillors|Members|Governors|Trustees|[Ww]e)\b"))
# "Clerk to write - chase the contractor": a dash or comma that ends an owner and starts the task
TASK_AFTER_SEPARATOR = re.compile(r"\s*[-–—;,]\s*$")
PRONOUN = re.compile(r"^(?P<p>[Hh]e|[Ss]he)\b")
_PRONOUN_AFTER_COMMA = re.compile(r",\s+(he|she)\b")
WE = re.compile(r"^(?:[Ww]e)\b")

SPEECH_VERBS = (r"said|asked|replied|added|agreed|commented|stated|explained|noted|confirmed|advised|reported|"
                r"suggested|highlighted|outlined|informed|queried|responded|thanked|welcomed|clarified|shared|"
                r"recommended|demonstrated|raised|requested|questioned|felt|expressed|emphasised|emphasized|"
                r"stressed|proposed|presented|introduced|updated|talked|gave|read|declared|indicated|"
                r"acknowledged|assured|undertook|offered|volunteered|reminded|welcomed|remarked|observed")
_SPEECH_AFTER = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:,[^,]{{1,40}},\s*)?(?:then\s+|also\s+|further\s+|again\s+)?(?P<verb>{SPEECH_VERBS})\b")


@dataclass
class Subject:
    owners: list[Owner]
    end: int  # relative end of the subject in the sentence text
    kind: str  # person | post | org | body | collective | pronoun | we
    speaker: PersonRef | None = None


@dataclass
class Doc:
    """What rules need from the document: the body, posts, and the last speaker."""

    body: str | None
    post_holders: dict[str, str]  # post name lower-case -> person surface
    post_of: callable  # surface -> canonical post name or None
    last_speaker: PersonRef | None = None
    # organisations named in the heading of the minutes: the body, or the part of it meeting
    header_orgs: frozenset[str] = frozenset()


def _person_owner(m: Mention) -> Owner:
    ref = PersonRef(m.surface, m.start)
    return Owner(m.surface, "person", ref)


def _post_owner(m: Mention, doc: Doc) -> Owner:
    post = doc.post_of(m.surface) or " ".join(m.surface.split())
    holder = doc.post_holders.get(post.lower()) or doc.post_holders.get(" ".join(m.surface.split()).lower())
    if holder is None:
        # "the Highways Manager" with no named holder: the post acts for its service
        words = m.surface.split()
        for k in range(len(words) - 1, 0, -1):
            info = gz.lookup_org(" ".join(words[:k]))
            if info is not None:
                return Owner(info.name, "org")
    return Owner(post, "post", PersonRef(holder) if holder else None)


def _held_post_at(text: str, pos: int, doc: Doc) -> tuple[str, int] | None:
    """A post named at pos whose holder the document gave, the longest first."""
    rest = " ".join(text[pos:pos + 80].split())
    rest = re.sub(r"^the\s+", "", rest, flags=re.I)
    lead = len(text[pos:]) - len(text[pos:].lstrip())
    for post in sorted(doc.post_holders, key=len, reverse=True):
        if len(post) > 3 and rest.lower().startswith(post) and not rest[len(post):len(post) + 1].isalnum():
            # map the folded match back onto the text: count its words
            words = len(post.split()) + (1 if re.match(r"(?i)the\s", text[pos + lead:]) else 0)
            end = pos + lead
            for _ in range(words):
                m = re.match(r"\s*\S+", text[end:])
                end += m.end()
            return " ".join(text[pos + lead:end].split()).removeprefix("the ").removeprefix("The "), end
    return None


# (the patterns of the hottest functions compiled once: re's own cache costs a look-up a call)
# a leading paragraph number ("6.1 Governors agreed") or bullet is not part of the subject
_SKIP_LEAD = re.compile(r"[\s\-–•·*]*(?:(?:\d{1,3}(?:\.\d{1,2})+[.)]?|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+)?"
                        r"(?:(?:and|but|also|then|so)\s+)?")
_JOINED = re.compile(r"\s*(?:and|&|,)\s+")
_LEAD_THE = re.compile(r"(?:[Tt]he\s+)")
_THE_AT_START = re.compile(r"^(?:the|The)\s+")
_UPPER_ACRONYM = re.compile(r"[A-Z]{2,6}")


def subject_at(sent: Sent, rel: int, doc: Doc) -> Subject | None:
    """The owner(s) named at position rel of the sentence, joined by 'and'."""
    text = sent.text
    # a leading paragraph number ("6.1 Governors agreed") or bullet is not part of the subject
    skip = _SKIP_LEAD.match(text[rel:])
    rel += skip.end() if skip else 0
    owners: list[Owner] = []
    kind = None
    speaker = None
    pos = rel
    while True:
        m = _mention_from(sent, pos)
        if m is None:
            break
        if isinstance(m, OrgMention):
            if doc.body and (refers_to_body(m.canonical or m.surface, doc.body) or m.surface in doc.header_orgs):
                owners.append(Owner(doc.body, "body"))
                kind = kind or "body"
            else:
                owners.append(Owner(m.canonical or m.surface, "org"))
                # a body's role holders ("PC Reps to look over ...") take tasks as a post does
                kind = kind or ("post" if is_role_group(m.surface) else "org")
        elif m.kind == "post":
            o = _post_owner(m, doc)
            owners.append(o)
            kind = kind or "post"
            speaker = speaker or o.person
        else:
            o = _person_owner(m)
            owners.append(o)
            kind = kind or "person"
            speaker = speaker or o.person
        pos = m.end - sent.start
        joined = _JOINED.match(text[pos:])
        if joined and _mention_from(sent, pos + joined.end()) is None and kind == "post":
            # "The Chief Executive and Head of HR will meet": a post the attendance list gave
            # a holder ("Paula Phelan (Head of HR)"), though the gazetteer does not know it
            held = _held_post_at(text, pos + joined.end(), doc)
            if held is not None:
                post, end = held
                owners.append(Owner(post, "post", PersonRef(doc.post_holders[post.lower()])))
                pos = end
                joined = _JOINED.match(text[pos:])
        if not joined or _mention_from(sent, pos + joined.end()) is None:
            break
        pos += joined.end()
    if owners:
        if kind == "org":
            # "the Highways Manager": an unnamed officer of a body acts for that body
            officer = OFFICER_AFTER_ORG.match(text, pos)
            if officer:
                pos = officer.end()
        return Subject(owners, pos, kind, speaker)
    rest = text[rel:]
    bare = BARE_POST.match(rest)
    if bare:
        info = gz.lookup_post(bare.group("post"))
        if info is not None:
            holder = doc.post_holders.get(info.post.lower())
            o = Owner(info.post, "post", PersonRef(holder) if holder else None)
            return Subject([o], rel + bare.end("post"), "post", o.person)
    m = COLLECTIVE_SUBJECT.match(rest)
    if m and doc.body:
        return Subject([Owner(doc.body, "body")], rel + m.end(), "collective")
    m = BODY_SUBJECT.match(rest) or _body_by_acronym(rest, doc.body)
    if m and doc.body:
        return Subject([Owner(doc.body, "body")], rel + m.end(), "body")
    m = PRONOUN.match(rest)
    if m:
        # "Following a query by the Chair to Cllr X, he advised ...": the one person the
        # sentence named before the pronoun; else the last speaker
        named = {p.surface: p for p in sent.people if p.end - sent.start <= rel} if rel else {}
        who = PersonRef(next(iter(named)), next(iter(named.values())).start) if len(named) == 1 else doc.last_speaker
        if who is not None:
            return Subject([Owner(who.surface, "person", who)], rel + m.end(), "pronoun", who)
    m = WE.match(rest)
    if m:
        who = sent.voice or doc.body
        if who:
            return Subject([Owner(who, "org" if sent.voice else "body")], rel + m.end(), "we")
    return None


def _body_by_acronym(rest: str, body: str | None) -> re.Match | None:
    """'the SIG' in the minutes of the 'Head & Neck SIG', 'the PCC' in those of 'St Anne's
    PCC': the body called by the acronym that ends its name."""
    rx = _rx_body_acronym(body) if body else None
    return rx.match(rest) if rx is not None else None


@lru_cache(maxsize=64)
def _rx_body_acronym(body: str) -> re.Pattern | None:
    # asked for each subject of each sentence: made once per body
    if not _UPPER_ACRONYM.fullmatch(body.split()[-1]) or len(body.split()) < 2:
        return None
    return re.compile(rf"[Tt]he\s+{body.split()[-1]}(?![\w’'-])")


def refers_to_body(name: str, body: str) -> bool:
    """'Parish Council' or 'the Board' in the minutes of 'Stoke Ferry Parish Council' is the body."""
    n = _THE_AT_START.sub("", name).lower()
    b = body.lower()
    return n == b or (b.endswith(" " + n) and len(n) > 4) or (b.startswith(n) and len(n.split()) >= 2)


_BOUNDARY = re.compile(r"(?:^|[,;:(•·–-]|\b(?:and|but|while|whilst|then|so|although|before|after|when|where|"
                       r"whereupon|also|which|that|[Ff]ollowing\s+\w+))\s*(?:[Tt]he\s+)?$")


# "X agreed to VP" is a clause wherever it stands: an item title run into its text ("... on
# Boughton Road The Clerk agreed to ask") or an opening phrase without its comma ("As agreed by
# the Council the Clerk agreed to confirm") leaves no boundary before the subject
_UNDERTAKES = re.compile(r"\s+(?:has\s+|had\s+|also\s+)?(?:agreed|undertook|offered|volunteered)\s+to\s+[a-z]")


def subject_starts(sent: Sent) -> list[int]:
    """Where a clause's subject may start: the sentence start, or a mention, 'we' or
    'Members' that follows a clause boundary (not the object of a preposition)."""
    if sent.starts is None:
        # a pure function of the sentence and its mentions, which stay as read
        sent.starts = tuple(_subject_starts(sent))
    return list(sent.starts)


def _subject_starts(sent: Sent) -> list[int]:
    mentions = sent.people + sent.posts + sent.orgs
    starts = {m.start - sent.start for m in mentions}
    starts |= {m.start() for m in SUBJECT_WORDS.finditer(sent.text)}
    # "..., he advised that": a pronoun after a comma opens a clause
    starts |= {m.start(1) for m in _PRONOUN_AFTER_COMMA.finditer(sent.text)}
    # "we" is a subject wherever it stands; names need a clause boundary before them
    we = {m.start() for m in WE_ANYWHERE.finditer(sent.text)}
    free = we | {m.start - sent.start for m in mentions if _UNDERTAKES.match(sent.text, m.end - sent.start)}
    return [0] + sorted(r for r in starts | we if r > 0 and (r in free or _BOUNDARY.search(sent.text[max(0, r - 40):r])
                                                            or TASK_AFTER_SEPARATOR.search(sent.text[max(0, r - 5):r])))


def _mention_from(sent: Sent, rel: int) -> Mention | OrgMention | None:
    """A mention starting at rel, allowing a leading 'the '."""
    m = sent.mention_at(rel)
    if m is None:
        lead = _LEAD_THE.match(sent.text[rel:])
        if lead:
            m = sent.mention_at(rel + lead.end())
            if m is not None and not isinstance(m, OrgMention) and m.kind != "post":
                m = None
    if m is not None and not isinstance(m, OrgMention) and m.kind == "post":
        return m
    return m


# -- speech acts ---------------------------------------------------------------------------

@dataclass
class Clause:
    subject: Subject
    verb: str
    start: int  # relative start of the subject
    body_start: int  # relative start of what follows the verb
    end: int


def clauses(sent: Sent, doc: Doc) -> list[Clause]:
    """Split a sentence at each 'SUBJECT verb' so 'X asked ... and Y replied ...' is two acts."""
    found: list[tuple[int, Subject, str, int]] = []
    for rel in subject_starts(sent):
        subj = subject_at(sent, rel, doc)
        if subj is None:
            continue
        vm = _SPEECH_AFTER.match(sent.text[subj.end:])
        if vm is None:
            continue
        if found and rel < found[-1][3]:
            continue
        found.append((rel, subj, vm.group("verb"), subj.end + vm.end()))
    out = []
    for k, (rel, subj, verb, body_start) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(sent.text)
        # trim a joining ' and ' before the next clause
        out.append(Clause(subj, verb, rel, body_start, end))
    return out


def clause_text(sent: Sent, c: Clause) -> str:
    t = sent.text[c.body_start:c.end].strip()
    t = re.sub(r"^(?:that|whether|if)\s+", "", t)
    t = re.sub(r"\s*(?:,|;)?\s*(?:and|but)\s*$", "", t)
    return t.strip(" ,;")


# -- how alike two short texts are (a closing list repeats the body in fewer words) ------

def words(t: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", t.lower()) if len(w) > 2 and w not in {"the", "and", "for", "that", "with", "will", "this"}}


def similar(a: str, b: str) -> float:
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
