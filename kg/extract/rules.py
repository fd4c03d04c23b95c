"""Fact rules over sentences: who said, agreed, decided, declared and will do what.

Each rule is a pattern of minute-writing, named and explained where it is defined.  None
names a person, body or phrase of any one document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg import gazetteer as gz
from kg.extract.names import Mention, OrgMention
from kg.extract.sentences import Sent
from kg.records import (Action, Decision, Declaration, Judgement, Owner, PersonRef, Report,
                        Responsibility, Statement)

# -- subjects -----------------------------------------------------------------------------

# Collective subjects that stand for the body itself.  "Councillors/Members agreed to"
# is a task for the members; "The Board agreed" is a decision of the body.
BODY_WORDS = (r"(?:(?:Parish|Town|Community|District|County|Borough|City)\s+)?(?:Board|Committee|Sub-Committee|"
              r"Council|Panel|Trust|Partnership|Governing\s+Body|Forum|Cabinet|Executive|Group|Meeting|Assembly)")
BODY_SUBJECT = re.compile(rf"^(?:[Tt]he\s+)?(?P<body>{BODY_WORDS})\b")
COLLECTIVE_SUBJECT = re.compile(r"^(?:[Tt]he\s+|[Aa]ll\s+)?(?P<who>Councillors|Members|Governors|Trustees|Directors|"
                                r"[Bb]oard\s+members|[Cc]ommittee\s+members|[Pp]artners)\b")
OFFICER_AFTER_ORG = re.compile(r"[ \t]+(?:Manager|Officer|Team|Lead|Director|Department|Co-?ordinator|Engineer|"
                               r"Adviser|Advisor|Representative|Spokesperson)\b")
# "Clerk to write to the county": a post named without "the", leading a task
BARE_POST = re.compile(r"(?P<post>(?:[A-Z][\w’'-]*|of|for|and)(?:\s+(?:[A-Z][\w’'-]*|of|for|and)){0,5}?)"
                       r"(?=\s+(?:to|will|agreed\s+to|is\s+to)\s+[a-z])")
WE_ANYWHERE = re.compile(r"(?<![\w-])[Ww]e(?=\s+(?:will|shall|are|agreed)\b)")
SUBJECT_WORDS = re.compile(r"(?<![\w-])(?:Councillors|Members|Governors|Trustees|[Ww]e)\b")
PRONOUN = re.compile(r"^(?P<p>[Hh]e|[Ss]he)\b")
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


def subject_at(sent: Sent, rel: int, doc: Doc) -> Subject | None:
    """The owner(s) named at position rel of the sentence, joined by 'and'."""
    text = sent.text
    # a leading paragraph number ("6.1 Governors agreed") or bullet is not part of the subject
    skip = re.match(r"[\s\-–•·*]*(?:(?:\d{1,3}(?:\.\d{1,2})+[.)]?|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+)?"
                    r"(?:(?:and|but|also|then|so)\s+)?", text[rel:])
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
                kind = kind or "org"
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
        joined = re.match(r"\s*(?:and|&|,)\s+", text[pos:])
        if joined and _mention_from(sent, pos + joined.end()) is None and kind == "post":
            # "The Chief Executive and Head of HR will meet": a post the attendance list gave
            # a holder ("Paula Phelan (Head of HR)"), though the gazetteer does not know it
            held = _held_post_at(text, pos + joined.end(), doc)
            if held is not None:
                post, end = held
                owners.append(Owner(post, "post", PersonRef(doc.post_holders[post.lower()])))
                pos = end
                joined = re.match(r"\s*(?:and|&|,)\s+", text[pos:])
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
    m = BODY_SUBJECT.match(rest)
    if m and doc.body:
        return Subject([Owner(doc.body, "body")], rel + m.end(), "body")
    m = PRONOUN.match(rest)
    if m and doc.last_speaker is not None:
        return Subject([Owner(doc.last_speaker.surface, "person", doc.last_speaker)], rel + m.end(), "pronoun",
                       doc.last_speaker)
    m = WE.match(rest)
    if m:
        who = sent.voice or doc.body
        if who:
            return Subject([Owner(who, "org" if sent.voice else "body")], rel + m.end(), "we")
    return None


def refers_to_body(name: str, body: str) -> bool:
    """'Parish Council' or 'the Board' in the minutes of 'Stoke Ferry Parish Council' is the body."""
    n = re.sub(r"^(?:the|The)\s+", "", name).lower()
    b = body.lower()
    return n == b or (b.endswith(" " + n) and len(n) > 4) or (b.startswith(n) and len(n.split()) >= 2)


_BOUNDARY = re.compile(r"(?:^|[,;:(•·–-]|\b(?:and|but|while|whilst|then|so|although|before|after|when|where|"
                       r"whereupon|also|which|that|[Ff]ollowing\s+\w+))\s*(?:[Tt]he\s+)?$")


def subject_starts(sent: Sent) -> list[int]:
    """Where a clause's subject may start: the sentence start, or a mention, 'we' or
    'Members' that follows a clause boundary (not the object of a preposition)."""
    starts = {m.start - sent.start for m in sent.people + sent.posts + sent.orgs}
    starts |= {m.start() for m in SUBJECT_WORDS.finditer(sent.text)}
    # "we" is a subject wherever it stands; names need a clause boundary before them
    we = {m.start() for m in WE_ANYWHERE.finditer(sent.text)}
    return [0] + sorted(r for r in starts | we if r > 0 and (r in we or _BOUNDARY.search(sent.text[max(0, r - 40):r])
                                                            or TASK_AFTER_SEPARATOR.search(sent.text[max(0, r - 5):r])))


def _mention_from(sent: Sent, rel: int) -> Mention | OrgMention | None:
    """A mention starting at rel, allowing a leading 'the '."""
    m = sent.mention_at(rel)
    if m is None:
        lead = re.match(r"(?:[Tt]he\s+)", sent.text[rel:])
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


def statements(sent: Sent, doc: Doc) -> list[Statement]:
    out = []
    for c in clauses(sent, doc):
        if c.subject.kind in ("body", "collective", "we", "org") and c.verb not in ("asked", "said", "agreed"):
            continue
        speaker = c.subject.speaker
        if speaker is None and c.subject.kind not in ("org", "body"):
            continue
        org = c.subject.owners[0].surface if speaker is None else None
        text = clause_text(sent, c)
        if not text:
            text = sent.text[c.body_start:c.end].strip() or c.verb
        out.append(Statement(speaker, c.verb, text, sent.evidence, sent.item_index, speaker_org=org))
        if speaker is not None:
            doc.last_speaker = speaker
    return out


# -- decisions -------------------------------------------------------------------------------

DECISION_VERB = r"resolved|agreed|approved|decided|endorsed|adopted|ratified|accepted"
PASSIVE_DECISION = re.compile(
    rf"\b(?:it|It)\s+(?:was|is|has\s+been)\s+(?:also\s+|further\s+|therefore\s+|then\s+)?(?:unanimously\s+|"
    rf"formally\s+)?(?P<verb>(?i:{DECISION_VERB}))\b(?:\s+by\s+(?:the\s+)?[A-Z][\w ]{{1,40}}?)?\s*[:\-–]?\s*(?:that|to)?\s*:?\s*"
    r"|\b(?:were|was)\s+(?:unanimously\s+|duly\s+|also\s+)?(?P<verb2>(?i:agreed|approved|adopted|ratified|endorsed|"
    r"resolved|accepted))\b(?!\s+(?:that|with))")
BODY_DECISION = re.compile(rf"^(?:\s*|.*?,\s*(?:and|but)\s+|.*?\s(?:and|but)\s+(?:also\s+)?)"
                           rf"(?:also\s+|further\s+|then\s+|therefore\s+|unanimously\s+)*"
                           rf"(?P<verb>(?i:{DECISION_VERB}|noted|supported|deferred|ratified|"
                           rf"voted|welcomed\s+and\s+noted))\b")
# Members agreeing to a governance act decide; agreeing to a task ("email the Clerk") is an action
GOVERNANCE_VERBS = (r"adopt|approve|defer|accept|release|note|endorse|ratify|buy|purchase|grant|award|spend|budget|"
                    r"increase|reduce|renew|appoint|co-opt|support|allocate|fund|set|proceed|object|refer|"
                    r"recommend|delegate|receive|reject|decline|withdraw|confirm|continue|amend|pay|donate|"
                    r"install|remove|replace|retain|change|keep|include|hold|move|make")
LABEL_DECISION = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s+)?\**_?(?:RESOLVED|Resolved|AGREED|DECISION|DECIDED|"
                            r"Decision|Agreed)\b_?\**\s*[:.\-–—]?\s*\**(?:[Tt]hat\s*:?\s*)?")
# "Christmas tree: agreed to buy a tree", "- Resolved to object": the body, unnamed
SUBJECTLESS_DECISION = re.compile(r"(?:^|[:;–—]\s*|^\s*[-•*]\s*|\s[-–—]\s+)\**(?P<verb>[Aa]greed|AGREED|[Rr]esolved|RESOLVED|"
                                  r"[Aa]pproved|APPROVED|[Nn]oted|NOTED)\**\s+(?:to|that|unanimously)\b"
                                  # "- Payments approved: ...", "Accounts noted."
                                  r"|^\s*[-•*]?\s*\**[A-Z][\w’' ]{2,40}?\s+(?P<verb2>approved|agreed|noted|adopted|accepted|"
                                  r"endorsed|ratified)\**\s*[:.–—-]")
# "Approval of minutes: Approved and signed as correct.", "Circulated, approved & signed",
# "Minutes approved and signed.", "... (Ch. No. 300114) – all approved.": the body, unnamed,
# approving what the item put to it
APPROVED_SHORT = re.compile(r"(?:^|[:;,]\s*|\s[-–—]\s*)(?:[A-Z][\w’' ]{2,30}?\s+)?(?:all\s+)?(?P<verb>[Aa]pproved|[Cc]onfirmed|"
                            r"[Aa]ccepted)(?:\s*(?:and|&)\s+signed\b|\s+for\s+payment\b|\s*\.?\s*$)")
# "All Cllrs were happy with this.", "The Board were in agreement and ...": the members consenting
CONSENT = re.compile(r"(?:^|:\s+|\band\s+)(?:[Ii]f\s+so,?\s+)?(?:[Aa]ll\s+)?(?:the\s+|The\s+)?(?:Cllrs|Councillors|Members|Trustees|Governors|"
                     r"Directors|Board|Council|Committee)\s+(?:were|was)\s+(?:all\s+)?(?:happy|content|in\s+agreement)\b"
                     r"(?!\s+to\b)")
VOTES_ONLY = re.compile(r"^\s*\(?(?:(?:For|Against|Abstain(?:ed|tions?)?|In\s+favour)\s*:?\s*\d+[,;.]?\s*){1,3}\)?\s*$", re.I)
# "On being put to the vote the amendment was LOST": what was proposed was not decided
LOST = re.compile(r"\b(?:was|were)\s+(?:LOST|lost|defeated|not\s+carried|withdrawn)\b|\bthe\s+motion\s+fell\b", re.I)
PROPOSAL_ONLY = re.compile(r"^\s*\(?(?:Proposed|Moved)\b[^.]{0,80}?\bseconded\b[^.]{0,120}\.?\)?\s*$", re.I)
AGREED_THAT_WOULD = re.compile(r"\b(?:[Ii]t\s+was\s+(?:also\s+)?agreed|(?:[Mm]embers|[Cc]ouncillors|[Gg]overnors|"
                               r"the\s+\w+)\s+agreed)\s+that\s+")
PROPOSAL = re.compile(r"\bproposed\b.*?\bseconded\b|\bseconded\b.*?\bproposed\b|\bmoved\b.*?\bseconded\b", re.I | re.S)
PAST_NARRATIVE = re.compile(r"\b(?:had\s+been\s+(?:agreed|approved|resolved|decided)|ago|previously|"
                            r"at\s+the\s+(?:last|previous)\s+meeting)\b", re.I)
QUESTION_AGREED = re.compile(r"\basked\s+(?:if|whether)\b.*\band\s+it\s+was\s+agreed\b", re.I)
NUMBER_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "all": None}


def decision_of(sent: Sent, doc: Doc, people_after: callable) -> Decision | None:
    """A decision the sentence records, or None.

    Decisions are what the body resolves: 'It was resolved/agreed that...', 'The Board
    agreed/noted...', 'RESOLVED: ...', a proposal that was seconded and voted, a passive
    'The minutes were approved'.  Not: an individual agreeing (that is an action or a
    statement), a consensus answer to a question, or a past agreement being recalled.
    """
    t = sent.text
    if QUESTION_AGREED.search(t):
        return None
    kind = None
    text = None
    if PROPOSAL.search(t) and not re.match(r"\W*(?:Should|If|Unless|Once)\b", t):  # "Should the motion be seconded, ..."
        kind, text = "approved", t
        # "It was proposed by A, seconded by B and RESOLVED that X": the decision is X
        cut = re.search(r"\b(?:RESOLVED|resolved|AGREED|agreed|carried)\b\s*(?:that\s+)?", t)
        if cut and len(t) - cut.end() > 12:
            text = t[cut.end():]
    else:
        m = LABEL_DECISION.match(t)
        if m and len(t) > m.end():
            kind, text = "resolved", t[m.end():]
        elif re.fullmatch(r"(?:RESOLVED|Resolved|AGREED|Agreed)\s*[.!]?", t.strip()):
            kind, text = "resolved", t
    if kind is None:
        if PAST_NARRATIVE.search(t):
            return None
        that = AGREED_THAT_WOULD.search(t)
        if that:
            subj = subject_at(sent, that.end(), doc)
            if subj is not None and subj.kind in ("person", "post") and re.match(
                    r"\s*(?:would|will|should|is\s+to|was\s+to)\b", t[subj.end:]):
                return None  # "it was agreed that Y would ...": Y's action, not a decision of the body
        m = PASSIVE_DECISION.search(t)
        if m:
            # "X were agreed" needs a subject that is not a person ("the minutes were agreed")
            verb = m.group("verb") or m.group("verb2")
            if m.group("verb2") and re.search(r"\b(?:who|which)\s*$", t[:m.start()]):
                return None
            if m.group("verb") and not t[m.end():].strip(" :.-–—"):
                return None  # "It was resolved that:" opening a list of what was resolved
            kind = "agreed" if verb == "agreed" else "resolved" if verb == "resolved" else "approved"
            text = t[m.end():].strip() if m.group("verb") and len(t) - m.end() > 12 else t
        else:
            sm = SUBJECTLESS_DECISION.search(t)
            if sm:
                kind, text = (sm.group("verb") or sm.group("verb2")).lower(), t
            for rel in ([] if sm else subject_starts(sent)):
                subj = subject_at(sent, rel, doc)
                if subj is not None and subj.kind in ("body", "collective"):
                    bm = BODY_DECISION.match(t[subj.end:])
                    if bm and not (subj.kind == "collective" and _agreed_to_task(t[subj.end:])):
                        kind = bm.group("verb").lower().split()[0]
                        text = t
                        break
    if kind is None:
        short = APPROVED_SHORT.search(t)
        if short or CONSENT.search(t):
            kind, text = ("approved" if short and short.group("verb").lower() != "confirmed" else "agreed"), t
    if kind is None or text is None:
        return None
    text = text.strip().rstrip(":").strip()
    if not text or text.endswith("following decisions") or re.search(r"\bfollowing\s*:?$", text):
        return None
    if re.fullmatch(r"(?:that|to|as\s+follows|the\s+following)\s*[:\-–—]?", text, re.I):
        return None  # "RESOLVED – That" opening a list of numbered parts
    d = Decision(text=" ".join(text.split()), evidence=sent.evidence, item_index=sent.item_index,
                 kind="rejected" if LOST.search(t) else kind)
    _votes(t, d, people_after)
    return d


def _agreed_to_task(rest: str) -> bool:
    """'agreed to email the Clerk' is a task for the members; 'agreed to defer' decides."""
    m = re.match(r"\s*(?:also\s+|further\s+)?agreed\s+to\s+(\w+)", rest, re.I)
    return bool(m) and not re.fullmatch(GOVERNANCE_VERBS, m.group(1).lower())


def votes_of(t: str, d: Decision, people_after) -> None:
    """Proposer, seconder and votes, where the sentence gives them."""
    _votes(t, d, people_after)


def _votes(t: str, d: Decision, people_after) -> None:
    m = re.search(r"\bproposed\b[^,.;]*?\bby\s+", t)
    if m:
        d.proposer = people_after(m.end())
    else:
        m = re.search(r"\bproposed\b", t)
        if m:
            d.proposer = people_after(0, before=m.start())
    m = re.search(r"\bseconded\s+by\s+", t)
    if m:
        d.seconder = people_after(m.end())
    m = re.search(r"\b(\w+)\s+(?:were\s+|was\s+|votes?\s+)?in\s+favour", t, re.I)
    if m:
        n = NUMBER_WORDS.get(m.group(1).lower(), int(m.group(1)) if m.group(1).isdigit() else None)
        if m.group(1).lower() == "all":
            d.unanimous = True
        elif n is not None:
            d.votes_for = n
    m = re.search(r"\b(\w+)\s+(?:were\s+)?against\b", t, re.I)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUMBER_WORDS):
        d.votes_against = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    m = re.search(r"\b(\w+)\s+(?:abstained|abstentions?)\b", t, re.I)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUMBER_WORDS):
        d.abstentions = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    # "For 7, Against 2, Abstain 1" as a town clerk records a vote
    for attr, rx in (("votes_for", r"\bFor\s*:?\s*(\d+)"), ("votes_against", r"\bAgainst\s*:?\s*(\d+)"),
                     ("abstentions", r"\bAbstain(?:ed|tions?)?\s*:?\s*(\d+)")):
        m = re.search(rx, t)
        if m and getattr(d, attr) is None:
            setattr(d, attr, int(m.group(1)))
    if re.search(r"\bunanimous(?:ly)?\b|\bnem\.?\s*con\b", t, re.I):
        d.unanimous = True


# -- actions ---------------------------------------------------------------------------------

NOT_TASKS = re.compile(r"^(?:abstain|leave\s+the\s+(?:room|meeting)|withdraw|not\s+vote|disagree|differ)", re.I)
COMMIT = re.compile(r"^\s*(?:,\s*)?(?:also\s+|then\s+|kindly\s+)?(?:(?:has\s+)?agreed|undertook|offered|volunteered|"
                    r"promised|committed|is|are|was|were)\s+(?:due\s+|going\s+|asked\s+|requested\s+|instructed\s+|"
                    r"tasked\s+|authorised\s+|authorized\s+|delegated\s+|invited\s+)?to\s+(?!be\s+\w+ed\b)"
                    r"(?P<vp>\w.*)$", re.S)
# "X will VP"; not "X will need to", "X will be useful", nor the passive "X will (all) be invited",
# where X receives the act rather than owns it
WILL = re.compile(r"^\s*(?:also\s+)?(?:will|shall)\s+(?!need\b|have\s+to\b|(?:all\s+|also\s+)?be\s+(?:a|an|the|able|useful|"
                  r"good|important|necessary|required|responsible|\w+ed|\w+en|sent|held|made|told|shown|built|"
                  r"brought|put|set|done|kept|met|paid|sought|bought)\b)(?P<vp>\w.*)$", re.S)
# "The Clerk would take forward and send out to contractors", "but that KD would contact X": a
# commitment reported in the conditional; not a wish, need or habit ("would like", "would
# need to", "would usually"), nor a state ("would be useful"), only a person's or post's
WOULD = re.compile(r"^\s*(?:also\s+|then\s+)?would\s+(?:also\s+|then\s+)?(?:be\s+able\s+to\s+|be\s+(?=[a-z]+ing\b))?"
                   r"(?!like\b|love\b|need\b|have\b|not\b|never\b|prefer\b|rather\b|welcome\b|appreciate\b|be\b|"
                   r"expect\b|hope\b|want\b|wish\b|suggest\b|recommend\b|probably\b|only\b|normally\b|usually\b|"
                   r"always\b|often\b|seem\b|appear\b|mean\b|cost\b|require\b|make\s+sense\b)(?P<vp>[a-z]\w*.*)$", re.S)
TO_INFINITIVE = re.compile(r"^\s*(?:to)\s+(?P<vp>[a-z]\w*.*)$", re.S)
# "Clerk inform Shaun Pritchard.", "Clerk write to Glos CC ...": a post, then a bare verb of
# the errands minutes hand out (the clerk's shorthand for "the Clerk to ...")
ERRAND_VERBS = (r"(?:inform|ask|e-?mail|write|contact|notify|chase|order|reply|check|arrange|send|"
                r"circulate|request|obtain|investigate|forward|respond|liaise|book|confirm|invite|purchase|"
                r"draft|prepare|seek|organise|organize|publish|renew|submit|apply|telephone|phone|"
                r"look\s+into|follow\s+up|find\s+out)\b")
IMPERATIVE = re.compile(rf"^\s+(?P<vp>{ERRAND_VERBS}.*)$", re.S)
REPORTED = re.compile(
    r"^(?:that\s+)?(?:(?P<pro>she|he|I|we|they)\s+(?:will|would|shall|is\s+going\s+to|are\s+going\s+to)\s+"
    r"(?!need\b|have\s+to\b|be\s+(?:a|an|the|able|useful|happy|pleased|good|important)\b)(?P<vp>.+)"
    r"|there\s+(?:will|would)\s+be\s+(?P<there>.+)"
    r"|(?P<np>(?!it\b|this\b|that\b|there\b|if\b|when\b|as\b|by\b|in\b|once\b)[a-z][\w\s’'-]{2,60}?)\s+(?:will|would|can)\s+be\s+"
    r"(?P<pp>\w+ed|\w+en|sent|brought|built|set|put|held|made|done|given|shown|taken|told)\b(?P<rest>.*)"
    r"|(?P<ell>they|she|he|we)\s+(?:would|will)\s*$"
    r")", re.S | re.I)
AND_SAID = re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:said|added|confirmed|undertook|promised)\s+(?:that\s+)?"
                      r"(?:he|she|they|we|I)\s+(?:would|will)\s+(?!need\b|have\s+to\b|be\s+(?:a|an|the|able|happy)\b)(?P<vp>\w.+)$",
                      re.S)
AND_AGREED = re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:agreed|undertook|offered|promised|volunteered)\s+to\s+(?P<vp>\w.+)$",
                        re.S)
# "Stephen Taylor gave his congratulations ... and will ensure Cllr Stamp is made aware": the
# subject's own promise, joined to what they did
AND_WILL = re.compile(r"\b(?:and|but)\s+(?:also\s+)?will\s+(?!need\b|have\s+to\b|be\b)(?P<vp>[a-z]\w+.+)$", re.S)
REPORT_VERBS = {"said", "added", "replied", "confirmed", "advised", "stated", "explained", "reported", "agreed",
                "responded", "informed", "assured", "indicated", "clarified", "undertook"}


def actions_of(sent: Sent, doc: Doc, prev_question: str | None) -> list[Action]:
    """Commitments in a sentence: 'X agreed to ...', 'X will ...', 'X said she would ...'."""
    out: list[Action] = []
    for c in clauses(sent, doc) or []:
        text = sent.text[c.body_start:c.end]
        if c.verb == "asked":
            # "X asked if the board will receive updates ... and Y said that they would"
            prev_question = re.sub(r"^\s*(?:if|whether)\s+", "", clause_text(sent, c))
        owners = c.subject.owners
        if c.subject.kind == "pronoun" and not owners:
            continue
        # "X agreed to VP"
        if c.verb in ("agreed", "undertook", "offered", "volunteered"):
            m = re.match(r"^\s*to\s+(?P<vp>.+)$", text, re.S)
            if m and not NOT_TASKS.match(m.group("vp")):
                out.append(_action(sent, owners, m.group("vp")))
                continue
        said = AND_SAID.search(text)
        if said and c.subject.kind in ("person", "post", "pronoun"):
            # "... confirmed that it would and said he would bring the criteria in March"
            out.append(_action(sent, owners, said.group("vp")))
            continue
        also = AND_AGREED.search(text) or (AND_WILL.search(text) if c.subject.kind in ("person", "post") else None)
        if also and c.subject.kind in ("person", "post", "pronoun", "org") and not NOT_TASKS.match(also.group("vp")):
            # "... replied that it would be cleared by June and agreed to circulate figures"
            out.append(_action(sent, owners, also.group("vp")))
            continue
        if c.verb in REPORT_VERBS and c.subject.kind in ("person", "post", "pronoun"):
            body = re.sub(r"^\s*(?:the\s+(?:board|committee|council|meeting|members)\s+)?(?:that\s+)?", "", text, flags=re.I)
            m = REPORTED.match(body.strip().rstrip(".;,!"))
            if m:
                if m.group("ell"):
                    if prev_question:
                        out.append(_action(sent, owners, prev_question))
                    continue
                vp = m.group("vp") or m.group("there") and "hold " + m.group("there") or body.strip()
                out.append(_action(sent, owners, vp if m.group("vp") else body.strip()))
                continue
    if out:
        # "The Clerk would be able to submit ..., Cllr X agreed to forward": both are tasks
        starts = sorted(c.start for c in clauses(sent, doc))
        return [a for rel in subject_starts(sent) if rel not in starts
                for a in _would(sent, doc, rel, next((k for k in starts if k > rel), None))] + out
    passive = passive_with_agent(sent, doc)
    if passive is not None:
        return [passive]
    that = AGREED_THAT_WOULD.search(sent.text)
    if that:
        subj = subject_at(sent, that.end(), doc)
        if subj is not None and subj.kind in ("person", "post", "org"):
            m = re.match(r"\s*(?:would|will|should|is\s+to|was\s+to)\s+(?P<vp>\w.*)$", sent.text[subj.end:], re.S)
            if m:
                return [_action(sent, subj.owners, m.group("vp"))]
    # "SUBJECT will VP" / "SUBJECT agreed to VP" / "SUBJECT was due to VP" / "SUBJECT to VP"
    for rel in subject_starts(sent):
        subj = subject_at(sent, rel, doc)
        if subj is None or subj.kind == "body" and rel > 0:
            continue
        rest = sent.text[subj.end:]
        for rx, allowed in ((COMMIT, None), (WILL, None), (WOULD, ("person", "post")), (TO_INFINITIVE, ("person", "post")),
                            (IMPERATIVE, ("post",))):
            m = rx.match(rest)
            if not m or (allowed and subj.kind not in allowed):
                continue
            if rx in (TO_INFINITIVE, IMPERATIVE) and rel != 0 and not (
                    rx is TO_INFINITIVE and TASK_AFTER_SEPARATOR.search(sent.text[:rel])):
                continue
            if rx is COMMIT and re.match(r"^\s*(?:is|are|was|were)\s+to\b", rest) and subj.kind == "body":
                continue
            vp = m.group("vp")
            if NOT_TASKS.match(vp) or re.match(r"^(?:be\s+)?(?:being|been)\b", vp):
                continue
            if subj.kind == "body" and rx is not COMMIT:
                continue
            if rx is TO_INFINITIVE and rel != 0 and GENERIC_TASK.match(vp):
                # "... the top codes to be put out to report - KC to action": the task is what went before
                vp = TASK_AFTER_SEPARATOR.sub("", sent.text[:rel]).strip(" *")
            out.append(_action(sent, subj.owners, vp))
            return out
    return out


AND_OWNERS_WILL = re.compile(r"\b(?:and|but|;)\s+(?=\S)")


def owners_will(sent: Sent, doc: Doc) -> list[Action]:
    """'... and MH and CC will manage this': named owners promising, after a clause of the body."""
    for m in AND_OWNERS_WILL.finditer(sent.text):
        subj = subject_at(sent, m.end(), doc)
        if subj is None or subj.kind not in ("person", "post"):
            continue
        will = WILL.match(sent.text[subj.end:]) or WOULD.match(sent.text[subj.end:])
        if will and not NOT_TASKS.match(will.group("vp")):
            return [_action(sent, subj.owners, will.group("vp"))]
    return []


def _would(sent: Sent, doc: Doc, rel: int, end: int | None = None) -> list[Action]:
    """'X would VP' at rel, where X is a person or a post; the VP stops at end (the next clause)."""
    subj = subject_at(sent, rel, doc)
    if subj is None or subj.kind not in ("person", "post"):
        return []
    m = WOULD.match(sent.text[subj.end:end])
    return [_action(sent, subj.owners, m.group("vp"))] if m and not NOT_TASKS.match(m.group("vp")) else []


# "An inspection will be arranged by the Housing Maintenance section", "which would be completed
# by Councillors": a task in the passive, its owner after "by"
PASSIVE_AGENT = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to)\s+(?:now\s+|also\s+|then\s+)?be\s+"
                           r"(?P<verb>[a-z]+(?:ed|en)|sent|made|done|put|sought|brought|paid|set|taken|given|led|run)"
                           r"\s+by\s+(?=(?:the\s+|our\s+)?[A-Z])")
_AGENT_PHRASE = re.compile(r"(?:the\s+|our\s+)?(?P<who>[A-Z][\w’'/-]*(?:\s+(?:[A-Z][\w’'/-]*|section|team|department|"
                           r"office|unit|service|directorate))*)")


def passive_with_agent(sent: Sent, doc: Doc) -> Action | None:
    """'X will be arranged by the Housing Maintenance section': the agent owns the task."""
    m = PASSIVE_AGENT.search(sent.text)
    if not m or m.group("verb") in ("held", "chaired", "attended"):
        return None
    subj = subject_at(sent, m.end(), doc)
    if subj is not None and subj.kind in ("person", "post", "org", "body", "collective"):
        owners = subj.owners
    else:
        phrase = _AGENT_PHRASE.match(sent.text, m.end())
        if not phrase or len(phrase.group("who").split()) < 2:
            return None
        owners = [Owner(phrase.group("who"), "org")]
    task = sent.text[:m.start()].strip()
    task = re.sub(r"^(?:[A-Z][\w ]{0,30}:\s*)", "", task)  # a "Reply:" label
    if len(task.split()) < 2:
        return None
    a = Action(text=f"{task} {m.group(0).split(' by')[0].strip()}".strip(), evidence=sent.evidence,
               owners=owners, item_index=sent.item_index)
    return a


# "... axials, HC to look at this", "... to report-KC to action", "...; Ann to ask": a task
# written after the discussion it comes from, its owner after a dash, comma or semicolon
TASK_AFTER_SEPARATOR = re.compile(r"\s*[-–—;,]\s*$")
# a verb phrase that names no task of its own: the task is the sentence before it
GENERIC_TASK = re.compile(r"^(?:action(?:\s+this)?|follow[\s-]?up(?:\s+on\s+this)?|look\s+(?:at|into)\s+(?:this|it)|"
                          r"progress(?:\s+this)?|sort(?:\s+this)?|investigate|do(?:\s+this|\s+so)?|take\s+forward)\W*$", re.I)


def _action(sent: Sent, owners: list[Owner], vp: str) -> Action:
    vp = vp.strip().rstrip(".;,").strip()
    a = Action(text=vp, evidence=sent.evidence, owners=list(owners), item_index=sent.item_index)
    a.due = due_of(vp)
    a.text = without_trailing_due(vp, a.due)
    return a


def without_trailing_due(text: str, due: str | None) -> str:
    """'renew the policy before it expires on 1 August' -> 'renew the policy': the due date
    that closes a task is kept as its due, not repeated in its text."""
    if due and text.endswith(due):
        rest = text[: -len(due)].rstrip(" ,;")
        if len(rest.split()) >= 2:
            return rest
    return text


DUE = re.compile(r"\b(?:(?:by|before|for|at|in\s+time\s+for|ahead\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
                 r"(?:next\s+(?:meeting|month|week|year)|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|"
                 r"April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?(?:\s+meeting)?|"
                 r"\d{1,2}/\d{1,2}/\d{2,4}|(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
                 r"September|October|November|December)\s+(?:meeting|agenda))"
                 r"|\b(?:in\s+)?(?:early|mid|late)[- ](?:January|February|March|April|May|June|July|August|"
                 r"September|October|November|December)"
                 r"|\bbefore\s+(?:it|they|this|the\s+\w+)\s+(?:expires?|ends?|closes?|lapses?|runs\s+out)\s+on\s+\d{1,2}"
                 r"(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                 r"December)(?:\s+\d{4})?"
                 r"|\bon\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
                 r"October|November|December)(?:\s+\d{4})?"
                 r"|\bto\s+the\s+(?:next|January|February|March|April|May|June|July|August|September|October|"
                 r"November|December)\s+(?:meeting|Board|Committee|Council)"
                 r"|\bat\s+the\s+next\s+meeting|\bASAP\b|\bimmediately\b|\bongoing\b)", re.I)


def due_of(text: str) -> str | None:
    m = DUE.search(text)
    return m.group(0).strip() if m else None


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


def due_date(due: str | None, meeting_date: str | None) -> str | None:
    """An ISO date for a due phrase that names a day or a month ('by 31 March 2025', 'by the
    end of January'); the year is the meeting's, or the next one for a month already past."""
    if not due:
        return None
    import calendar
    m = re.search(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(" + "|".join(_MONTHS) + r")(?:\s+(\d{4}))?", due, re.I)
    if m:
        month = _MONTHS.index(m.group(2).lower()) + 1
        year = int(m.group(3)) if m.group(3) else None
        if year is None and meeting_date:
            my, mm = int(meeting_date[:4]), int(meeting_date[5:7])
            year = my + 1 if month < mm else my
        if year is None:
            return None
        day = int(m.group(1)) if m.group(1) else calendar.monthrange(year, month)[1]
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", due)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# -- declarations ----------------------------------------------------------------------------

NO_DECLARATIONS = re.compile(r"\b(?:no|none|nil)\b.{0,40}\b(?:declarations?|interests?)\b|"
                             r"\b(?:declarations?|interests?)\b.{0,40}\b(?:none|nil)\b", re.I)
DECLARED = re.compile(r"\bdeclared[\s,]+(?:an?\s+|their\s+|his\s+|her\s+)?(?:(?P<kind>personal|pecuniary|"
                      r"non-pecuniary|prejudicial|disclosable\s+pecuniary|other\s+registrable|registrable|"
                      r"non-registrable)\s+)?(?:and\s+\w+\s+)?(?:interests?\s*)?(?P<rest>.*)$", re.I | re.S)


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
    if not m:
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


DECLARATIONS_TITLE = re.compile(r"declarations?\s+of\s+(?:\w+\s+)?interests?|interests?\s+declared", re.I)


def listed_declarations(sent: Sent, doc: Doc) -> list[Declaration]:
    """'Declarations of interest: Cllr Smith - item 6, member of the Allotment Society' and
    lines under a Declarations heading: a person, then the interest, with no verb."""
    t = sent.text
    in_item = bool(DECLARATIONS_TITLE.search(sent.section.title or ""))
    lead = re.match(r"^\s*(?:\d+(?:\.\d+)*[.)]?\s+)?declarations?\s+of\s+(?:\w+\s+)?interests?\s*[:\-–—]\s*", t, re.I)
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


# -- judgements ------------------------------------------------------------------------------

GRADE = r"(?P<grade>inadequate|requir(?:es|ing|ed)\s+improvement(?:\s+to\s+be\s+good)?|good|outstanding)"
JUDGED = re.compile(rf"(?P<subj>[^.;:]+?)\s+(?:were|was|is|are|has\s+been|have\s+been)\s+(?:all\s+|both\s+)?"
                    rf"(?:(?:found|judged|rated|graded|assessed)\s+(?:to\s+be\s+|as\s+)?)?(?:all\s+)?"
                    rf"[‘'\"“]?{GRADE}[’'\"”]?", re.I)
# Judgement areas whose names hold commas or 'and' (Ofsted ILACS, education inspection
# framework, CQC key questions): kept whole when a list of areas is split.
COMPOUND_AREAS = ("leadership, management and governance", "help and protection", "looked after and achieving permanence",
                  "behaviour and attitudes", "leadership and management", "effectiveness of leaders and managers",
                  "outcomes for children and learners", "personal development, behaviour and welfare",
                  "teaching, learning and assessment")
INSPECTORATE_TYPES = {"regulator"}


def judgements_of(sent: Sent, inspector: str | None) -> list[Judgement]:
    """'X, Y and Z were all "inadequate"' in a paragraph where an inspectorate speaks."""
    if inspector is None:
        return []
    out = []
    for m in JUDGED.finditer(sent.text):
        subj_text = re.sub(r"^.*?\b(?:inspection|found|that|within[^,]*,)\s+", "", m.group("subj"), flags=re.I)
        grade = re.sub(r"requir\w+", "requires", m.group("grade").lower())
        for area in _split_areas(subj_text):
            out.append(Judgement(inspector, area, grade, sent.evidence, sent.item_index))
    return out


def _split_areas(s: str) -> list[str]:
    s = s.strip(" ,")
    protected = {}
    for k, area in enumerate(COMPOUND_AREAS):
        idx = s.lower().find(area)
        if idx >= 0:
            key = f"\x00{k}\x00"
            protected[key] = s[idx:idx + len(area)]
            s = s[:idx] + key + s[idx + len(area):]
    parts = [p.strip() for p in re.split(r",\s*|\s+and\s+", s) if p.strip()]
    out = []
    for p in parts:
        for key, val in protected.items():
            p = p.replace(key, val)
        p = re.sub(r"^(?:the|and)\s+", "", p, flags=re.I)
        if 2 < len(p) < 80:
            out.append(p)
    return out


# -- reports and standing relations -------------------------------------------------------------

REPORT = re.compile(r"\b(?:introduced|presented|tabled|submitted|considered|received)\s+(?:the\s+|a\s+)?"
                    r"(?:(?P<author_pos>[^.,]{2,40}?)['’]s?\s+)?(?:joint\s+)?report\b(?:\s+(?:of|from|by)\s+"
                    r"(?:the\s+)?(?P<author_of>[A-Z][^.,]{2,60}?))?(?:\s+(?:on|about|regarding|entitled|titled)\s+"
                    r"(?:the\s+)?(?P<title>[^.,;]{3,140}?))?(?=[,.;]|\s+(?:and|which|that|to|setting)\b|$)", re.I)
MANAGED_BY = re.compile(r"[“\"']?(?P<thing>[A-Z][^.,;“”\"]{2,80}?)[”\"']?\s+(?:service\s+)?(?:is|are|was|were|has\s+been)\s+"
                        r"(?:now\s+)?(?P<rel>managed|led|run|chaired|overseen|commissioned)\s+by\s+(?P<holder>[^,.;]+)")
CONSISTING = re.compile(r"(?P<org>[A-Z][\w’' ]{2,60}?),?\s+(?:consisting|made\s+up|comprised|comprising)\s+(?:of\s+)?"
                        r"(?P<members>[^,.;]+)")
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


