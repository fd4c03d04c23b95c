"""The govkg vocabulary as a namespace that fails loudly on a misspelt term.

Terms here must agree with ontology/govkg.ttl; tests/test_vocab.py checks both ways.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace
from rdflib.term import URIRef

from kg.iris import DEFAULT_BASE, GOV_IRI  # noqa: F401  (plain strings, shared without rdflib)

ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")


class GOV(DefinedNamespace):
    """govkg ontology terms (https://w3id.org/govkg/ontology#)."""

    _fail = True
    _NS = Namespace(GOV_IRI)

    # classes
    Meeting: URIRef
    AgendaItem: URIRef
    Attendance: URIRef
    Decision: URIRef
    Action: URIRef
    Declaration: URIRef
    Statement: URIRef
    Judgement: URIRef
    Responsibility: URIRef
    Passage: URIRef
    SourceDocument: URIRef
    ReportSentence: URIRef
    ReportBack: URIRef
    PostHolding: URIRef

    # meeting and items
    body: URIRef
    chair: URIRef
    nextMeeting: URIRef
    meeting: URIRef
    item: URIRef
    number: URIRef
    time: URIRef
    order: URIRef
    presenter: URIRef
    document: URIRef
    sourceDocument: URIRef

    # attendance
    person: URIRef
    role: URIRef
    onBehalfOf: URIRef
    substituteFor: URIRef
    post: URIRef

    # decisions
    text: URIRef
    decisionKind: URIRef
    proposer: URIRef
    seconder: URIRef
    votesFor: URIRef
    votesAgainst: URIRef
    abstentions: URIRef
    unanimous: URIRef

    # actions
    due: URIRef
    dueDate: URIRef
    status: URIRef
    ownerRole: URIRef

    # report-backs (kg.link)
    statedState: URIRef
    reportSection: URIRef
    reportsOn: URIRef
    reportState: URIRef
    currentState: URIRef
    latestReport: URIRef
    overdueSince: URIRef
    linkedMeeting: URIRef
    linksPending: URIRef

    # declarations
    interest: URIRef
    interestKind: URIRef

    # statements
    speaker: URIRef
    verb: URIRef

    # judgements
    judgedBy: URIRef
    subjectText: URIRef
    grade: URIRef

    # reports
    introducedBy: URIRef

    # standing relations
    holder: URIRef
    relation: URIRef
    thing: URIRef
    manages: URIRef
    inspects: URIRef

    # people and organisations
    orgType: URIRef
    initials: URIRef

    # corrections: what a person decided (kg.corrections)
    Correction: URIRef
    CorrectionsFile: URIRef
    corrects: URIRef
    appliedIn: URIRef
    correctionKind: URIRef
    line: URIRef
    entry: URIRef
    contentHash: URIRef
    graphHash: URIRef

    # provenance of a source document
    sha256: URIRef
    sourcePath: URIRef
    bodyFrom: URIRef  # where a body the minutes never name was read from
    fileFormat: URIRef
