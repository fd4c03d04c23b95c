"""Typed records passed between the pipeline stages.

read -> Document; segment -> Sections; extract -> Extraction; resolve -> Resolution;
build -> rdflib Graph.  Records are plain dataclasses so that `govkg extract --format json`
can print exactly what `build` will turn into RDF.

Extraction never mints IRIs: people and organisations are referred to by their surface
form as written (`PersonRef`/`OrgRef`), and `resolve` turns those into stable keys.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """One source file as text, with offsets that every Evidence points into."""

    path: str
    text: str
    format: str  # txt | md | html | pdf | docx | moderngov-xml
    sha256: str
    title: str | None = None
    # Facts a reader could take from structure rather than prose (ModernGov XML):
    # body, date, and pre-extracted records; see kg.read.moderngov.
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Evidence:
    """The exact passage of the source that states a fact, by character offsets."""

    quote: str
    start: int
    end: int


@dataclass
class Section:
    """A stretch of the minutes: header, attendance list, agenda item, actions table..."""

    kind: str  # header | attendance | apologies | in_attendance | declarations | item | actions | decisions | closing
    start: int
    end: int
    title: str | None = None
    number: str | None = None  # "275/19", "4.1", "3"
    time: str | None = None  # "15:15"
    presenters: list[str] = field(default_factory=list)  # surface forms
    documents: list[str] = field(default_factory=list)  # "PDF 64 KB", linked report titles
    item_index: int | None = None  # which agenda item this belongs to (for actions/decisions lists)


@dataclass
class Sections:
    document: Document
    sections: list[Section]


@dataclass
class PersonRef:
    """A person as written: 'Cllr Smith', 'J Hassall', 'MW', 'the Clerk'."""

    surface: str
    start: int = -1
    # What the text says about them where they are listed
    role: str | None = None  # Chair, Vice Chair, Clerk, Footpath Warden ...
    org: str | None = None  # affiliation surface ("Cardiff and Vale UHB", "NCC")
    initials: str | None = None  # alias declared in the text: "Mark Wardle (MW)"
    is_post: bool = False  # 'the Clerk', 'the Chair': a post, to be resolved to its holder


@dataclass
class OrgRef:
    surface: str
    start: int = -1


@dataclass
class Attendance:
    person: PersonRef
    role: str  # chair | present | apologies | in_attendance | substitute
    evidence: Evidence
    on_behalf_of: str | None = None
    substitute_for: str | None = None


@dataclass
class Item:
    index: int
    title: str
    evidence: Evidence
    number: str | None = None
    time: str | None = None
    presenters: list[PersonRef] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


@dataclass
class Declaration:
    person: PersonRef
    interest: str
    evidence: Evidence
    kind: str = "other"  # personal | pecuniary | prejudicial | other
    item_index: int | None = None


@dataclass
class Decision:
    text: str
    evidence: Evidence
    item_index: int | None = None
    number: str | None = None
    proposer: PersonRef | None = None
    seconder: PersonRef | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    unanimous: bool = False
    kind: str = "resolved"  # resolved | agreed | noted | approved


@dataclass
class Owner:
    """Who owns an action: a person, a post, or an organisation (the body itself included)."""

    surface: str
    kind: str  # person | post | org | body
    person: PersonRef | None = None


@dataclass
class Action:
    text: str
    evidence: Evidence
    owners: list[Owner] = field(default_factory=list)
    item_index: int | None = None
    due: str | None = None  # as written: "next meeting", "end of January"
    due_date: str | None = None  # ISO date where it can be worked out
    status: str = "open"


@dataclass
class Statement:
    speaker: PersonRef | None
    verb: str  # asked | replied | said | added | agreed | commented ...
    text: str
    evidence: Evidence
    item_index: int | None = None
    speaker_org: str | None = None  # when a body speaks ("it was agreed that ...")


@dataclass
class Judgement:
    by: str  # organisation surface (Ofsted)
    subject: str
    grade: str  # outstanding | good | requires improvement | inadequate
    evidence: Evidence
    item_index: int | None = None


@dataclass
class Report:
    title: str
    evidence: Evidence
    author: PersonRef | None = None
    author_org: str | None = None
    introduced_by: PersonRef | None = None
    item_index: int | None = None


@dataclass
class Responsibility:
    """A standing relation: P manages S, O inspects B, B consists of X."""

    holder: str  # surface of person or organisation
    holder_kind: str  # person | org
    relation: str  # manages | inspects | has_member | chairs | leads
    thing: str
    evidence: Evidence


@dataclass
class ReportSentence:
    """A sentence of the minutes that may report back on an action of an earlier meeting
    (the link stage decides which, if any)."""

    evidence: Evidence
    item_index: int | None = None
    state: str | None = None  # what its wording says: done | in_progress | no_progress | carried_forward | dropped
    report_section: bool = False  # under matters arising, a clerk's report or an action log


@dataclass
class LinkAction:
    """An action as the link stage reads it back from the store."""

    iri: str
    meeting: str
    date: str
    text: str
    evidence: str = ""
    item_title: str = ""
    owners: list[str] = field(default_factory=list)  # names and posts ("Helen Richardson", "Clerk")
    order: int = 0  # position in its document
    item_number: str = ""  # the minute number of its item ("3778", "275/19")
    graph: str = ""  # the named graph (document) that states it


@dataclass
class LinkSentence:
    """A candidate report sentence as the link stage reads it back from the store."""

    passage: str
    meeting: str
    date: str
    text: str
    item_title: str = ""
    state: str | None = None
    report_section: bool = False
    order: int = 0


@dataclass
class ReportBack:
    """A later sentence that reports on an earlier action (action None: on no known action)."""

    action: str | None
    meeting: str
    passage: str
    state: str
    score: float = 0.0
    date: str = ""  # the later meeting's date
    order: int = 0  # where its sentence starts in that meeting's minutes


@dataclass
class Meeting:
    body: str | None
    date: str | None  # ISO
    time: str | None = None
    location: str | None = None
    title: str | None = None
    next_meeting: str | None = None
    evidence: Evidence | None = None
    # where a body the minutes never name was read from ("the file name", "the site name"); None
    # where the minutes (or the user's --body) name it
    body_from: str | None = None


@dataclass
class Extraction:
    """Everything extract found in one document, still in surface forms."""

    document: Document
    meeting: Meeting
    people: list[PersonRef] = field(default_factory=list)
    organisations: list[OrgRef] = field(default_factory=list)
    attendance: list[Attendance] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    declarations: list[Declaration] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    judgements: list[Judgement] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    # post name (lower-case: "clerk", "chair") -> surface of the person who holds it
    posts: dict[str, str] = field(default_factory=dict)
    # initials the text declares for a person: "MW" -> "Mark Wardle"
    aliases: dict[str, str] = field(default_factory=dict)
    # initials declared for two or more people, left unresolved: "MH" -> [Mike Hosking, Marion Harvey]
    ambiguous_initials: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["document"] = {k: v for k, v in d["document"].items() if k != "text"}
        return d


@dataclass
class PersonEntity:
    key: str  # stable slug: "julia-hassall", or "<body>/smith" where only a surname is known
    name: str
    surfaces: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)  # org keys of affiliation
    initials: set[str] = field(default_factory=set)


@dataclass
class OrgEntity:
    key: str
    name: str
    surfaces: set[str] = field(default_factory=set)
    org_type: str | None = None
    parent: str | None = None  # org key


@dataclass
class Resolution:
    """Surface forms mapped to entities, and what could not be resolved."""

    extraction: Extraction
    people: dict[str, PersonEntity]  # key -> entity
    orgs: dict[str, OrgEntity]
    person_of: dict[str, str]  # surface -> person key
    org_of: dict[str, str]  # surface -> org key
    body_key: str | None
    unresolved: list[str] = field(default_factory=list)  # "the Mill Manager: post with no named holder"
    report_sentences: list[ReportSentence] = field(default_factory=list)  # filled by kg.link
