"""build: Resolution -> RDF triples.  The only place that mints IRIs and triples.

Every fact node (attendance, decision, action, declaration, statement, judgement,
responsibility) carries prov:wasDerivedFrom a gov:Passage holding the exact quote and
its character offsets in the source document.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, SKOS

from kg.ids import Minter, slug, source_key
from kg.records import Evidence, LinkAction, PersonRef, ReportBack, Resolution
from kg.vocab import GOV, OA, ORG, SCHEMA

PREFIXES = {
    "gov": GOV._NS,
    "foaf": FOAF,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "oa": OA,
}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


class _Builder:
    def __init__(self, res: Resolution, minter: Minter, applied=None):
        self.res = res
        self.applied = applied  # kg.corrections.Applied: what a person corrected in this document
        self.ex = res.extraction
        self.doc = res.extraction.document
        self.m = minter
        # insertion-ordered and without duplicates, like a graph, at a fraction of the cost
        # of rdflib's indexed in-memory store (which the pipeline never queries)
        self.triples: dict[tuple, None] = {}
        self.doc_key = source_key(self.doc.path)
        self.doc_iri = minter.source(self.doc_key)
        body_part = res.body_key or "unknown-body"
        when = self.ex.meeting.date or f"source-{self.doc_key}"
        self.meeting = minter.iri("meeting", body_part, when)
        self.item_iris: dict[int, URIRef] = {}
        # passages already stated: a sentence that states several facts is stated once
        # (adding its triples again would change nothing)
        self.passages: dict[tuple[int, int, str], URIRef] = {}

    # -- helpers ---------------------------------------------------------------
    def add(self, s, p, o) -> None:
        if o is None:
            return
        if not isinstance(o, _TERMS):
            # (an RDF term never equals "": rdflib's comparison of one with "" is the
            # slowest step of the hottest function here, so only raw values are compared)
            if o == "":
                return
            o = Literal(o)
        self.triples[(s, p, o)] = None

    def passage(self, ev: Evidence | None) -> URIRef | None:
        if ev is None:
            return None
        key = (ev.start, ev.end, ev.quote)
        iri = self.passages.get(key)
        if iri is not None:
            return iri
        iri = self.passages[key] = URIRef(f"{self.doc_iri}/passage/{ev.start}-{ev.end}")
        t = self.triples
        t[(iri, _TYPE, _PASSAGE)] = None
        t[(iri, _EXACT, Literal(ev.quote))] = None
        t[(iri, _START, _integer(ev.start))] = None
        t[(iri, _END, _integer(ev.end))] = None
        t[(iri, _SOURCE, self.doc_iri)] = None
        return iri

    def evidence(self, node: URIRef, ev: Evidence | None) -> None:
        p = self.passage(ev)
        if p is not None:
            self.triples[(node, _DERIVED_FROM, p)] = None

    def person_iri(self, ref: PersonRef | str | None) -> URIRef | None:
        if ref is None:
            return None
        surface = ref if isinstance(ref, str) else ref.surface
        key = self.res.person_of.get(surface)
        return self.m.person(key) if key else None

    def org_iri(self, surface: str | None) -> URIRef | None:
        if not surface:
            return None
        key = self.res.org_of.get(surface)
        return self.m.org(key) if key else None

    def item(self, index: int | None) -> URIRef | None:
        return self.item_iris.get(index) if index is not None else None

    # -- entities ----------------------------------------------------------------
    def entities(self) -> None:
        for key, p in self.res.people.items():
            iri = self.m.person(key)
            self.add(iri, RDF.type, FOAF.Person)
            self.add(iri, FOAF.name, p.name)
            for s in sorted(p.surfaces | {p.name}):
                self.add(iri, SKOS.altLabel, s)
            for ini in sorted(p.initials):
                self.add(iri, GOV.initials, ini)
            for org_key in sorted(p.orgs):
                self.add(iri, ORG.memberOf, self.m.org(org_key))
            for post in sorted(p.posts):
                post_iri = self.post_iri(post)
                self.add(post_iri, RDF.type, ORG.Post)
                self.add(post_iri, SKOS.prefLabel, post)
                self.add(post_iri, ORG.heldBy, iri)
                self.add(iri, ORG.holds, post_iri)
                if self.res.body_key:
                    self.add(post_iri, ORG.postIn, self.m.org(self.res.body_key))
                self.holding(key, iri, post, post_iri)
        for key, o in self.res.orgs.items():
            iri = self.m.org(key)
            self.add(iri, RDF.type, ORG.Organization)
            self.add(iri, FOAF.name, o.name)
            self.add(iri, SKOS.prefLabel, o.name)
            for s in sorted(o.surfaces | {o.name}):
                self.add(iri, SKOS.altLabel, s)
            self.add(iri, GOV.orgType, o.org_type)
            if o.parent:
                self.add(iri, ORG.subOrganizationOf, self.m.org(o.parent))

    def holding(self, key: str, person: URIRef, post: str, post_iri: URIRef) -> None:
        """The fact that `person` holds `post`, as these minutes say it: a gov:PostHolding
        node derived from the line that names them in it (an officers' line "Jo Bright
        (Clerk), Sam Green (Planning Officer)", an attendance entry, a sentence of the prose),
        so the holding says where it came from as every other fact does."""
        iri = URIRef(f"{self.meeting}/holding/{self.doc_key[-10:]}-{slug(key)}-{slug(post)}")
        self.add(iri, _TYPE, GOV.PostHolding)
        self.add(iri, GOV.person, person)
        self.add(iri, GOV.post, post_iri)
        self.evidence(iri, holding_line(self.doc.text, self._surfaces(key), post,
                                        self._attendance_starts(key)))

    def _surfaces(self, key: str) -> list[str]:
        p = self.res.people[key]
        return sorted(p.surfaces | {p.name}, key=len, reverse=True)

    def _attendance_starts(self, key: str) -> list[int]:
        starts = []
        for a in self.ex.attendance:
            if a.evidence is not None and a.person is not None and self.res.person_of.get(a.person.surface) == key:
                starts.append(a.evidence.start)
        return starts

    def post_iri(self, post: str) -> URIRef:
        body = self.res.body_key or "unknown-body"
        return self.m.iri("org", body, "post", slug(post))

    # -- the meeting and its items ---------------------------------------------------
    def source(self) -> None:
        d = self.doc
        self.add(self.doc_iri, RDF.type, GOV.SourceDocument)
        self.add(self.doc_iri, RDF.type, FOAF.Document)
        self.add(self.doc_iri, GOV.sourcePath, d.path)
        self.add(self.doc_iri, GOV.sha256, d.sha256)
        self.add(self.doc_iri, GOV.fileFormat, d.format)
        self.add(self.doc_iri, DCTERMS.title, d.title)

    def meeting_node(self) -> None:
        mt = self.ex.meeting
        m = self.meeting
        self.add(m, RDF.type, GOV.Meeting)
        self.add(m, RDF.type, SCHEMA.Event)
        body_iri = self.m.org(self.res.body_key) if self.res.body_key else None
        self.add(m, GOV.body, body_iri)
        body_name = self.res.orgs[self.res.body_key].name if self.res.body_key else "Meeting"
        self.add(m, RDFS.label, f"{body_name} meeting {mt.date}" if mt.date else f"{body_name} meeting")
        if mt.date:
            self.add(m, DCTERMS.date, Literal(mt.date, datatype=XSD.date))
        self.add(m, GOV.time, mt.time)
        self.add(m, SCHEMA.location, mt.location)
        self.add(m, GOV.nextMeeting, mt.next_meeting)
        # a body the minutes never name, read from the file's, folder's or site's name: the
        # answers say so (kg.extract.bodypath)
        self.add(m, GOV.bodyFrom, mt.body_from)
        self.add(m, GOV.sourceDocument, self.doc_iri)
        self.evidence(m, mt.evidence)
        for n, a in enumerate(self.ex.attendance):
            if a.role == "chair" and not self.dropped("attendance", n):
                self.add(m, GOV.chair, self.person_iri(a.person))

    def items(self) -> None:
        for it in self.ex.items:
            iri = URIRef(f"{self.meeting}/item/{self.doc_key[-10:]}-{it.index}")
            self.item_iris[it.index] = iri
            self.add(iri, RDF.type, GOV.AgendaItem)
            self.add(iri, GOV.meeting, self.meeting)
            self.add(iri, GOV.order, Literal(it.index, datatype=XSD.integer))
            self.add(iri, GOV.number, it.number)
            self.add(iri, GOV.time, it.time)
            self.add(iri, DCTERMS.title, it.title)
            self.evidence(iri, it.evidence)
            for p in it.presenters:
                self.add(iri, GOV.presenter, self.person_iri(p))
            for k, title in enumerate(it.documents):
                doc = URIRef(f"{iri}/document/{k}")
                self.add(doc, RDF.type, FOAF.Document)
                self.add(doc, DCTERMS.title, title)
                self.add(iri, GOV.document, doc)
        for n, r in enumerate(self.ex.reports):
            iri = self.m.report(self.meeting, self.doc_key, r.title)
            self.add(iri, RDF.type, FOAF.Document)
            self.add(iri, DCTERMS.title, r.title)
            self.add(iri, DCTERMS.creator, self.person_iri(r.author) or self.org_iri(r.author_org))
            self.add(iri, GOV.introducedBy, self.person_iri(r.introduced_by))
            self.add(iri, GOV.meeting, self.meeting)
            self.evidence(iri, r.evidence)
            item = self.item(r.item_index)
            if item is not None:
                self.add(item, GOV.document, iri)

    # -- facts ---------------------------------------------------------------------
    def fact_iri(self, kind: str, n: int) -> URIRef:
        # the source's key keeps facts of two documents about one meeting apart
        return URIRef(f"{self.meeting}/{kind}/{self.doc_key[-10:]}-{n}")

    def dropped(self, kind: str, n: int) -> bool:
        """A fact a correction drops is not minted (the others keep their IRIs)."""
        return self.applied is not None and (kind, n) in self.applied.dropped

    def fact(self, kind: str, n: int, cls: URIRef, ev: Evidence, item_index: int | None) -> URIRef:
        iri = self.fact_iri(kind, n)
        self.add(iri, _TYPE, cls)
        self.add(iri, _MEETING, self.meeting)
        self.add(iri, _ITEM, self.item(item_index))
        self.evidence(iri, ev)
        return iri

    def facts(self) -> None:
        for n, a in enumerate(self.ex.attendance):
            if self.dropped("attendance", n):
                continue
            iri = self.fact("attendance", n, GOV.Attendance, a.evidence, None)
            self.add(iri, GOV.person, self.person_iri(a.person))
            self.add(iri, GOV.role, a.role)
            self.add(iri, GOV.onBehalfOf, self.org_iri(a.on_behalf_of))
            self.add(iri, GOV.substituteFor, self.person_iri(a.substitute_for))
        for n, d in enumerate(self.ex.declarations):
            if self.dropped("declaration", n):
                continue
            iri = self.fact("declaration", n, GOV.Declaration, d.evidence, d.item_index)
            self.add(iri, GOV.person, self.person_iri(d.person))
            self.add(iri, GOV.interest, d.interest)
            self.add(iri, GOV.interestKind, d.kind)
        for n, d in enumerate(self.ex.decisions):
            if self.dropped("decision", n):
                continue
            iri = self.fact("decision", n, GOV.Decision, d.evidence, d.item_index)
            self.add(iri, GOV.text, d.text)
            self.add(iri, GOV.number, d.number)
            self.add(iri, GOV.decisionKind, d.kind)
            self.add(iri, GOV.proposer, self.person_iri(d.proposer))
            self.add(iri, GOV.seconder, self.person_iri(d.seconder))
            for prop, value in ((GOV.votesFor, d.votes_for), (GOV.votesAgainst, d.votes_against),
                                (GOV.abstentions, d.abstentions)):
                if value is not None:
                    self.add(iri, prop, Literal(value, datatype=XSD.integer))
            if d.unanimous:
                self.add(iri, GOV.unanimous, Literal(True))
        for n, a in enumerate(self.ex.actions):
            if self.dropped("action", n):
                continue
            iri = self.fact("action", n, GOV.Action, a.evidence, a.item_index)
            self.add(iri, RDF.type, SCHEMA.Action)
            self.add(iri, GOV.text, a.text)
            self.add(iri, GOV.due, a.due)
            if a.due_date:
                self.add(iri, GOV.dueDate, Literal(a.due_date, datatype=XSD.date))
            self.add(iri, GOV.status, a.status)
            for o in a.owners:
                agent = self.person_iri(o.person or o.surface) if o.kind in ("person", "post") else None
                agent = agent or self.org_iri(o.surface)
                if agent is None and o.kind == "post":
                    # "Clerk inform X.": the minutes never name the clerk, so the post of the
                    # body owns the task (and links across this body's meetings)
                    agent = self.post_iri(o.surface)
                    self.add(agent, RDF.type, ORG.Post)
                    self.add(agent, SKOS.prefLabel, o.surface)
                    self.add(agent, FOAF.name, o.surface)
                    if self.res.body_key:
                        self.add(agent, ORG.postIn, self.m.org(self.res.body_key))
                self.add(iri, SCHEMA.agent, agent)
                if o.kind == "post":
                    self.add(iri, GOV.ownerRole, o.surface)
        for n, s in enumerate(self.ex.statements):
            if self.dropped("statement", n):
                continue
            iri = self.fact("statement", n, GOV.Statement, s.evidence, s.item_index)
            self.add(iri, GOV.speaker, self.person_iri(s.speaker) or self.org_iri(s.speaker_org))
            self.add(iri, GOV.verb, s.verb)
            self.add(iri, GOV.text, s.text)
        for n, j in enumerate(self.ex.judgements):
            if self.dropped("judgement", n):
                continue
            iri = self.fact("judgement", n, GOV.Judgement, j.evidence, j.item_index)
            self.add(iri, GOV.judgedBy, self.org_iri(j.by))
            self.add(iri, GOV.subjectText, j.subject)
            self.add(iri, GOV.grade, j.grade)
        for n, r in enumerate(self.ex.responsibilities):
            if self.dropped("responsibility", n):
                continue
            iri = self.fact("responsibility", n, GOV.Responsibility, r.evidence, None)
            holder = self.person_iri(r.holder) if r.holder_kind == "person" else self.org_iri(r.holder)
            thing = self.org_iri(r.thing)
            self.add(iri, GOV.holder, holder)
            self.add(iri, GOV.relation, r.relation)
            self.add(iri, GOV.thing, thing)
            self.add(iri, GOV.subjectText, r.thing)
            if holder is not None and thing is not None and r.relation in ("manages", "inspects"):
                self.add(holder, GOV.manages if r.relation == "manages" else GOV.inspects, thing)
            if holder is not None and thing is not None and r.relation == "has_member":
                self.add(holder, ORG.hasSubOrganization, thing)

    # -- corrections ---------------------------------------------------------------
    def corrections(self) -> None:
        """Tie each correction that applied here to this document and what it changed."""
        if self.applied is None:
            return
        for cid in sorted(self.applied.applied):
            node = self.m.iri("correction", cid)
            self.add(node, GOV.appliedIn, self.doc_iri)
            for what in self.applied.touched.get(cid, []):
                if what[0] == "fact":
                    self.add(node, GOV.corrects, self.fact_iri(what[1], what[2]))
                elif what[0] == "person":
                    self.add(node, GOV.corrects, self.m.person(what[1]))
                elif what[0] == "org":
                    self.add(node, GOV.corrects, self.m.org(what[1]))

    def report_sentences(self) -> None:
        # candidate report-backs, read by the link stage of later (and earlier) meetings
        for r in self.res.report_sentences:
            p = self.passage(r.evidence)
            self.add(p, _TYPE, _REPORT_SENTENCE)
            self.add(p, _MEETING, self.meeting)
            self.add(p, _ITEM, self.item(r.item_index))
            self.add(p, _STATED_STATE, r.state)
            if r.report_section:
                self.add(p, _REPORT_SECTION, _TRUE)


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_LONG_LINE = 300  # characters: a longer "line" is a paragraph (or a PDF page's text run together)


@lru_cache(maxsize=1024)
def _post_pattern(post: str):
    # "Vice Chair" as "Vice-Chair", "Chair" as "Chairman", "Chairperson"
    words = [re.escape(w) for w in re.split(r"[\s-]+", post.strip()) if w]
    return re.compile(r"(?i)\b" + r"[\s-]*".join(words) + r"(?:man|woman|person)?\b") if words else None


def word_starts(text: str, word: str):
    r"""Where `word` stands in `text` as a whole word (no word character either side), first to
    last, as `re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", text)` finds it (its
    matches do not overlap), without a pattern compiled for each word.  `word` is not empty."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else ""
        after = text[i + n:i + n + 1]
        if not (before and (before.isalnum() or before == "_")) and not (after and (after.isalnum() or after == "_")):
            yield i
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)


def holding_line(text: str, surfaces: list[str], post: str, starts: list[int]) -> Evidence | None:
    """The passage of `text` that says someone (written as one of `surfaces`) holds `post`:
    the line of one of their attendance entries (at `starts`) that names the post, else the
    first sentence (or list line) naming them and the post, else the line of their first
    attendance entry; a line longer than a few sentences is cut to the sentence naming them.
    None when nothing names them at all."""
    post_rx = _post_pattern(post)

    def trimmed(s: int, e: int) -> tuple[int, int]:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def sentence(at: int, s: int, e: int) -> tuple[int, int]:
        cuts = [s] + [s + m.end() for m in _SENTENCE_END.finditer(text[s:e])] + [e]
        for a, b in zip(cuts, cuts[1:]):
            if a <= at < b:
                return trimmed(a, b)
        return trimmed(s, e)

    def line(at: int) -> tuple[int, int]:
        s = text.rfind("\n", 0, at) + 1
        e = text.find("\n", at)
        e = len(text) if e < 0 else e
        return sentence(at, s, e) if e - s > _LONG_LINE else trimmed(s, e)

    def prose(at: int) -> tuple[int, int]:
        # a sentence of the prose may run over a line break ("The PCC\ntreasurer, Keith
        # Harwood, spoke ..."): the sentence of its paragraph, where it is one, else the line
        ps = text.rfind("\n\n", 0, at)
        ps = 0 if ps < 0 else ps + 2
        pe = text.find("\n\n", at)
        pe = len(text) if pe < 0 else pe
        s, e = sentence(at, ps, pe)
        # a heading line before it ("1. Accounts") is no part of the sentence: a short line
        # ending without a comma or colon, and a capital after it
        for k in [m.start() for m in re.finditer("\n", text[s:e])]:
            k += s
            if k >= at:
                break
            prev = text[s:k].rsplit("\n", 1)[-1]
            if len(prev) <= 40 and not prev.rstrip().endswith((",", ";", ":", "-", "–")) \
                    and text[k + 1:k + 2].isupper():
                s = k + 1
        if e - s <= _LONG_LINE and "\n" in text[s:e] and text[e - 1:e] in ".!?":
            return s, e
        return line(at)

    def entry(at: int) -> tuple[int, int]:
        # an entry of a list wrapped at the line's end ("..., Alison\nWheeler (Chief
        # Executive),"): its line and the next, where the post is only on the next
        s, e = line(at)
        if names_post((s, e)) or e - s > _LONG_LINE:
            return s, e
        nxt = text.find("\n", e + 1)
        s2, e2 = trimmed(s, len(text) if nxt < 0 else nxt)
        return (s2, e2) if e2 - s2 <= _LONG_LINE and names_post((s2, e2)) else (s, e)

    def names_post(span: tuple[int, int]) -> bool:
        return post_rx is not None and post_rx.search(text, *span) is not None
    span = next((sp for sp in map(entry, sorted(starts)) if names_post(sp)), None)
    if span is None:
        # where the text names them, first to last (only needed when no entry of theirs says it)
        found = sorted({at for s in surfaces if len(s) >= 2 for at in word_starts(text, s)})
        span = next((sp for sp in map(prose, found) if names_post(sp)), None)
    if span is None and post_rx is not None and surfaces:
        # the post written as a title before the surname alone ("General Manager Gray
        # provided an overview", where the minutes name Tom R. Gray in full elsewhere)
        surname = re.escape(surfaces[0].split()[-1])
        titled = re.compile(post_rx.pattern + r"[ \t]+" + surname + r"(?![\w])")
        m = titled.search(text)
        span = prose(m.start()) if m else None
    if span is None and starts:
        span = line(min(starts))
    if span is None:
        return None
    s, e = span
    return Evidence(text[s:e], s, e) if e > s else None


@lru_cache(maxsize=65536)
def _integer(n: int) -> Literal:
    # every passage states two offsets: rdflib's Literal costs more to make than the rest of
    # the triple, and one made is the same whatever document states it (terms are immutable)
    return Literal(n, datatype=XSD.integer)


_TRUE = Literal(True)
_TERMS = (URIRef, BNode, Literal)
# the terms of every passage and fact, looked up once (an attribute of a DefinedNamespace is
# checked and made anew on each access, and each passage states six triples)
_TYPE, _PASSAGE, _EXACT, _START, _END = RDF.type, GOV.Passage, OA.exact, OA.start, OA.end
_SOURCE, _DERIVED_FROM, _MEETING, _ITEM = DCTERMS.source, PROV.wasDerivedFrom, GOV.meeting, GOV.item
_REPORT_SENTENCE, _STATED_STATE, _REPORT_SECTION = GOV.ReportSentence, GOV.statedState, GOV.reportSection


def build_triples(res: Resolution, base: str, applied=None) -> list[tuple]:
    """The triples of one resolved document's named graph (rdflib terms, no duplicates).

    `applied` (kg.corrections.Applied) says which facts corrections drop and which
    corrections applied to this document."""
    b = _Builder(res, Minter(base), applied)
    b.source()
    b.entities()
    b.items()  # before facts: facts link to item IRIs
    b.meeting_node()
    b.facts()
    b.report_sentences()
    b.corrections()
    return list(b.triples)


def build_graph(res: Resolution, base: str, applied=None) -> Graph:
    """Turn one resolved document into the RDF graph of its named graph (see build_triples)."""
    g = new_graph()
    g.addN((s, p, o, g) for s, p, o in build_triples(res, base, applied))
    return g


def corrections_graph(cs, base: str) -> Graph:
    """The graph of a corrections file (kg.corrections.Corrections): one gov:Correction per
    entry, attributed to the person who made it (prov:wasAttributedTo) with the reason
    (rdfs:comment) and the entry as written; document graphs say where each applied."""
    m = Minter(base)
    g = new_graph()
    f = m.iri("corrections")
    g.add((f, RDF.type, GOV.CorrectionsFile))
    g.add((f, GOV.contentHash, Literal(cs.sha256)))
    if cs.path:
        g.add((f, RDFS.label, Literal(str(cs.path))))
    for c in cs.entries:
        node = m.iri("correction", c.id)
        agent = m.iri("agent", slug(c.by))
        g.add((node, RDF.type, GOV.Correction))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, GOV.correctionKind, Literal(c.kind)))
        g.add((node, RDFS.comment, Literal(c.why)))
        g.add((node, PROV.wasAttributedTo, agent))
        g.add((node, DCTERMS.source, f))
        g.add((node, GOV.line, Literal(c.line, datatype=XSD.integer)))
        if c.text:
            g.add((node, GOV.entry, Literal(c.text)))
        # the agent is not a foaf:Person: whoever corrects the graph is not in the minutes
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal(c.by)))
    return g


def graph_hashed(graph_iri: str, nt: bytes) -> bytes:
    """A derived graph's N-Triples (a body's link graph, the corrections graph) with the
    SHA-256 of its triples stated on the graph's IRI (gov:graphHash).  A document's graph
    has its file's hash; these are rewritten without one, so the text index would read
    every one of them again at each writer's sync; with it, only those that changed.  The
    triples are hashed sorted: the same triples in another order are the same graph."""
    lines, digest = graph_lines(nt)
    return b"\n".join(lines) + b"\n" + hash_line(graph_iri, digest)


def graph_lines(nt: bytes) -> tuple[list[bytes], str]:
    """A graph's N-Triples lines, sorted, and the SHA-256 of them that `graph_hashed` states."""
    import hashlib
    lines = sorted(line for line in nt.splitlines() if line.strip())
    return lines, hashlib.sha256(b"\n".join(lines)).hexdigest()


def hash_line(graph_iri: str, digest: str) -> bytes:
    """The N-Triples line stating a derived graph's gov:graphHash (see graph_hashed)."""
    import pyoxigraph as ox
    hashed = ox.Triple(ox.NamedNode(str(graph_iri)), ox.NamedNode(str(GOV.graphHash)), ox.Literal(digest))
    return f"{hashed} .\n".encode("utf-8")


def links_graph_iri(body_iri: str, base: str) -> URIRef:
    """The named graph that holds the report-back links of one body."""
    return Minter(base).iri("graph", "links", _body_part(body_iri, base))


def links_staging_iri(body_iri: str, base: str) -> URIRef:
    return Minter(base).staging_graph("links-" + _body_part(body_iri, base))


def _body_part(body_iri: str, base: str) -> str:
    import hashlib
    return slug(body_iri.rsplit("/", 1)[-1], 40) + "-" + hashlib.sha1(body_iri.encode("utf-8")).hexdigest()[:8]


def build_links(body_iri: str, links: list[ReportBack], actions: list[LinkAction], due: dict[str, str],
                base: str, meetings: frozenset[str] = frozenset(),
                corrected: dict[tuple[str, str], str] | None = None) -> Graph:
    """The link graph of one body: a gov:ReportBack per link, and every action's current
    state (its latest report-back's state, else open) and, where a due date is known and
    the action is not closed, gov:overdueSince its due date.  `corrected`: (action IRI,
    passage IRI) -> id of the correction that added that link (kg.corrections)."""
    import hashlib
    from kg.link import current_state
    m = Minter(base)
    g = new_graph()
    body = URIRef(body_iri)
    date_of = {a.meeting: a.date for a in actions}
    reports: dict[str, list[tuple[str, int, URIRef, str]]] = {}
    for r in links:
        key = hashlib.sha1(f"{r.action or ''}|{r.passage}".encode("utf-8")).hexdigest()[:16]
        iri = m.iri("report-back", _body_part(body_iri, base), key)
        g.add((iri, RDF.type, GOV.ReportBack))
        g.add((iri, GOV.body, body))
        g.add((iri, GOV.meeting, URIRef(r.meeting)))
        g.add((iri, GOV.reportState, Literal(r.state)))
        g.add((iri, PROV.wasDerivedFrom, URIRef(r.passage)))
        if r.action:
            g.add((iri, GOV.reportsOn, URIRef(r.action)))
            reports.setdefault(r.action, []).append((r.date or date_of.get(r.meeting, ""), r.order, iri, r.state))
        cid = (corrected or {}).get((r.action, r.passage))
        if cid:  # a link a person added: what they decided, attributed to them
            node = m.iri("correction", cid)
            g.add((node, GOV.corrects, iri))
            g.add((node, GOV.appliedIn, URIRef(r.passage.split("/passage/")[0])))
    for meeting in sorted({a.meeting for a in actions} | {r.meeting for r in links} | set(meetings)):
        g.add((body, GOV.linkedMeeting, URIRef(meeting)))  # what these links were computed from
    for a in actions:
        mine = reports.get(a.iri, [])
        state = current_state([(d, p, s) for d, p, _, s in mine])
        action = URIRef(a.iri)
        g.add((action, GOV.currentState, Literal(state)))
        if mine:
            g.add((action, GOV.latestReport, max(mine, key=lambda t: (t[0], t[1]))[2]))
        if a.iri in due and state not in ("done", "dropped"):
            g.add((action, GOV.overdueSince, Literal(due[a.iri], datatype=XSD.date)))
    return g
