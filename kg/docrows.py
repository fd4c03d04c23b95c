"""docrows: the rows the interactive reads need, taken from one document's graph.

`govkg ask`, who-owns and accountable read every fact of the store that can name a thing
or be owned (the fact-texts, who-owns, accountable(ities) and meetings queries).  Over the
merged graph of 4,000 documents the first of those took minutes (fact-texts alone 160 s
of CPU, growing faster than the store).  The text index (kg.textindex) keeps, per
document, the rows those queries would give for that document's facts, so a read takes
the rows of the facts it matched and never the whole store.

A row here is the query's row with one thing left open: the *name* of the person or
organisation it is by.  A person's IRI is shared by every document that names them, and
the merged graph gives each of their facts every name any document wrote for them (two
documents spelling one person two ways give two rows), so names are kept apart (`names`)
and joined when a read asks, across all documents, as the merged graph does.  Everything
else a row holds (a fact's text, its item's title, its evidence sentence, its meeting)
is written by the document that states the fact, in that document's graph.

Each function below follows one named query in kg/queries; tests/test_docrows.py checks
that the rows, joined with the names, are the query's rows over the store.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable

GOV = "https://w3id.org/govkg/ontology#"
FOAF = "http://xmlns.com/foaf/0.1/"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_FROM = "http://www.w3.org/ns/prov#wasDerivedFrom"
OA_EXACT = "http://www.w3.org/ns/oa#exact"
AGENT = "https://schema.org/agent"
ORG = "http://www.w3.org/ns/org#"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
NAME = FOAF + "name"
TITLE = DCT + "title"

# the predicates the rows are made of: a document's other triples are not read
PREDICATES = frozenset({
    RDF_TYPE, RDFS_LABEL, SKOS_ALT, PROV_FROM, OA_EXACT, AGENT, NAME, TITLE, DCT + "creator", DCT + "date",
    GOV + "text", GOV + "subjectText", GOV + "relation", GOV + "grade", GOV + "verb", GOV + "speaker",
    GOV + "holder", GOV + "judgedBy", GOV + "meeting", GOV + "item", GOV + "presenter", GOV + "introducedBy",
    GOV + "person", GOV + "interest", GOV + "body", GOV + "chair", GOV + "sourceDocument", GOV + "sourcePath",
    DCT + "source", "http://www.w3.org/ns/oa#start", "http://www.w3.org/ns/oa#end",
    # the accountability network's (views): its edges, aliases and actions' details
    GOV + "thing", GOV + "role", GOV + "initials", GOV + "due", GOV + "dueDate", GOV + "status",
    ORG + "memberOf", ORG + "holds", SKOS_PREF,
    # the follow-ups listing's: report-backs (a body's link graph) and actions' states
    GOV + "reportsOn", GOV + "reportState", GOV + "currentState",
    # the paged listings' (attendance, items, decisions, actions, statements, declarations)
    GOV + "order", GOV + "number", GOV + "time", GOV + "document",
})


class Graph:
    """One document's triples of the predicates above: subject -> predicate -> objects."""

    def __init__(self, triples: Iterable[tuple[str, str, str]]):
        self.sp: dict[str, dict[str, list[str]]] = {}
        self._typed: dict[str, list[str]] | None = None
        for s, p, o in triples:
            objs = self.sp.setdefault(s, {}).setdefault(p, [])
            if o not in objs:
                objs.append(o)

    def get(self, s: str, p: str) -> list[str]:
        return self.sp.get(s, {}).get(p, [])

    def typed(self, t: str) -> list[str]:
        # the rows ask for about forty classes: subjects grouped by class once, not a
        # walk over every subject per class (in the subjects' order, as that walk gave)
        if self._typed is None:
            self._typed = {}
            for s, ps in self.sp.items():
                for c in ps.get(RDF_TYPE, ()):
                    self._typed.setdefault(c, []).append(s)
        return list(self._typed.get(t, ()))

    def path(self, s: str, p: str, q: str) -> list[str]:
        """s p/q ?o (duplicates dropped, as DISTINCT would)."""
        out: list[str] = []
        for mid in self.get(s, p):
            for o in self.get(mid, q):
                if o not in out:
                    out.append(o)
        return out

    def opt(self, values: list[str]) -> list[str | None]:
        return values or [None]


# -- fact-texts ---------------------------------------------------------------------------
# (fact, kind, relation, text, by, optional, relation_is_by's, meeting, item_title, evidence)
# `by` is one candidate owner or speaker (None when the fact has none); `optional` says the
# query keeps the fact when no candidate has a name; `relby` that the relation goes with the
# candidate (a report's "authored"/"introduced"), unbound when none is named.

def fact_rows(g: Graph) -> list[tuple]:
    """The fact-texts query's rows for the facts of one document, names left open."""
    base: list[tuple] = []  # (fact, kind, relation, text, [(by, relation)], optional, relby)
    for f in g.typed(GOV + "Action"):
        for t in g.get(f, GOV + "text"):
            base.append((f, "action", "must do", t, [(b, "must do") for b in g.get(f, AGENT)], 1, 0))
    for f in g.typed(GOV + "Decision"):
        for t in g.get(f, GOV + "text"):
            base.append((f, "decision", "decided", t, [], 1, 0))
    for f in g.typed(GOV + "Statement"):
        for t in g.get(f, GOV + "text"):
            for verb in g.opt(g.get(f, GOV + "verb")):
                base.append((f, "statement", verb, t, [(b, verb) for b in g.get(f, GOV + "speaker")], 1, 0))
    for f in g.typed(GOV + "Responsibility"):
        for rel in g.get(f, GOV + "relation"):
            for t in g.get(f, GOV + "subjectText"):
                base.append((f, "responsibility", rel, t, [(b, rel) for b in g.get(f, GOV + "holder")], 1, 0))
    for f in g.typed(GOV + "Judgement"):
        for s in g.get(f, GOV + "subjectText"):
            for grade in g.get(f, GOV + "grade"):
                base.append((f, "judgement", "judged", f"{s}: {grade}",
                             [(b, "judged") for b in g.get(f, GOV + "judgedBy")], 1, 0))
    for f in g.typed(FOAF + "Document"):
        if GOV + "SourceDocument" in g.get(f, RDF_TYPE):
            continue
        bys = [(b, "authored") for b in g.get(f, DCT + "creator")] + \
              [(b, "introduced") for b in g.get(f, GOV + "introducedBy")]
        for t in g.get(f, TITLE):
            base.append((f, "report", None, t, bys, 1, 1))
    for f in g.typed(GOV + "AgendaItem"):
        presenters = [(b, "presents") for b in g.get(f, GOV + "presenter")]
        if not presenters:
            continue
        for t in g.get(f, TITLE):
            base.append((f, "item", "presents", t, presenters, 0, 0))
    out = []
    for f, kind, rel, text, bys, optional, relby in base:
        for meeting in g.opt(g.get(f, GOV + "meeting")):
            for item in g.opt(g.path(f, GOV + "item", TITLE)):
                for ev in g.opt(g.path(f, PROV_FROM, OA_EXACT)):
                    for by, by_rel in bys or [(None, rel)]:
                        out.append((f, kind, by_rel if relby else rel, text, by, optional, relby, meeting, item, ev))
    return out


# -- who-owns -------------------------------------------------------------------------------
# (fact, thing, relation, owner, evidence); the owner must have a name (joined at read time)

def owns_rows(g: Graph) -> list[tuple]:
    """The who-owns query's rows for the facts of one document, before its word filter."""
    out = []

    def add(f, things, rel_owners):
        for thing in things:
            for rel, owner in rel_owners:
                for ev in g.opt(g.path(f, PROV_FROM, OA_EXACT)):
                    out.append((f, thing, rel, owner, ev))
    for f in g.typed(GOV + "Action"):
        add(f, g.get(f, GOV + "text"), [("must do", o) for o in g.get(f, AGENT)])
    for f in g.typed(GOV + "Responsibility"):
        add(f, g.get(f, GOV + "subjectText"),
            [(r, o) for o in g.get(f, GOV + "holder") for r in g.get(f, GOV + "relation")])
    for f in g.typed(FOAF + "Document"):
        add(f, g.get(f, TITLE), [("authored", o) for o in g.get(f, DCT + "creator")]
            + [("introduced", o) for o in g.get(f, GOV + "introducedBy")])
    for f in g.typed(GOV + "AgendaItem"):
        add(f, g.get(f, TITLE), [("presents", o) for o in g.get(f, GOV + "presenter")])
    return out


# -- accountable and accountabilities ------------------------------------------------------
# (entity, relation, thing, fact, meeting, meeting_label, evidence, item_title)

def acc_rows(g: Graph) -> list[tuple]:
    """The accountabilities query's rows for the facts of one document (entity names left
    open); the accountable query's are those with a meeting."""
    base: list[tuple] = []  # (entity, relation, thing, fact)
    for f in g.typed(GOV + "Action"):
        base += [(e, "must do", t, f) for e in g.get(f, AGENT) for t in g.get(f, GOV + "text")]
    for f in g.typed(GOV + "Responsibility"):
        base += [(e, r, t, f) for e in g.get(f, GOV + "holder") for r in g.get(f, GOV + "relation")
                 for t in g.get(f, GOV + "subjectText")]
    for f in g.typed(FOAF + "Document"):
        base += [(e, "authored", t, f) for e in g.get(f, DCT + "creator") for t in g.get(f, TITLE)]
        base += [(e, "introduced", t, f) for e in g.get(f, GOV + "introducedBy") for t in g.get(f, TITLE)]
    for f in g.typed(GOV + "AgendaItem"):
        base += [(e, "presented", t, f) for e in g.get(f, GOV + "presenter") for t in g.get(f, TITLE)]
    for f in g.typed(GOV + "Declaration"):
        base += [(e, "declared an interest", t, f) for e in g.get(f, GOV + "person")
                 for t in g.get(f, GOV + "interest")]
    for f in g.typed(GOV + "Judgement"):
        base += [(e, "judged", f"{s}: {grade}", f) for e in g.get(f, GOV + "judgedBy")
                 for s in g.get(f, GOV + "subjectText") for grade in g.get(f, GOV + "grade")]
    out = []
    for e, rel, thing, f in base:
        meetings = [(m, lab) for m in g.get(f, GOV + "meeting") for lab in g.opt(g.get(m, RDFS_LABEL))]
        for m, lab in meetings or [(None, None)]:
            for ev in g.opt(g.path(f, PROV_FROM, OA_EXACT)):
                for item in g.opt(g.path(f, GOV + "item", TITLE)):
                    out.append((e, rel, thing, f, m, lab, ev, item))
    return out


# -- meetings -------------------------------------------------------------------------------
# (meeting, body, date, chair, source): body and chair are IRIs, their names joined at read time

def meeting_rows(g: Graph) -> list[tuple]:
    """The meetings query's rows for the meetings of one document (body and chair names left open)."""
    out = []
    for m in g.typed(GOV + "Meeting"):
        for date in g.opt(g.get(m, DCT + "date")):
            for source in g.opt(g.path(m, GOV + "sourceDocument", GOV + "sourcePath")):
                bodies = g.get(m, GOV + "body")
                # the chair a document names goes with that document's source (the query
                # pairs them in one graph): none without a source
                chairs = g.get(m, GOV + "chair") if source is not None else []
                out.append((m, "\t".join(bodies), date, "\t".join(chairs), source))
    return out


def name_rows(g: Graph) -> list[tuple[str, str, int]]:
    """(entity, label, 0 for foaf:name / 1 for skos:altLabel)."""
    out = []
    for s, ps in g.sp.items():
        out += [(s, n, 0) for n in ps.get(NAME, ())]
        out += [(s, n, 1) for n in ps.get(SKOS_ALT, ())]
    return out


def passage_rows(g: Graph) -> list[tuple]:
    """(passage, source, start, end, exact): the passages query's rows before the facts
    derived from them (`derived_rows`, of any graph) are joined."""
    oa = "http://www.w3.org/ns/oa#"
    return [(p, src, a, b, ex) for p in g.typed(GOV + "Passage") for src in g.get(p, DCT + "source")
            for a in g.get(p, oa + "start") for b in g.get(p, oa + "end") for ex in g.get(p, OA_EXACT)]


def derived_rows(g: Graph) -> list[tuple[str, str]]:
    """(fact, passage) for every prov:wasDerivedFrom of the graph."""
    return [(s, o) for s, ps in g.sp.items() for o in ps.get(PROV_FROM, ())]


# -- followups ----------------------------------------------------------------------------
# An action's rows come from its document's graph, its state and report-backs from its
# body's link graph, a report-back's evidence from the passage of another document, its
# date from its meeting: kept as triples of each kind, joined at read time
# (kg.textindex.followup_list_rows) as the merged graph joins them.

def followup_rows(g: Graph) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The followups query's rows for one graph, in three parts: actions (action, meeting,
    text, owner IRI or None, evidence or None), report-backs (report-back, action, meeting,
    state, passage or None) and actions' states (action, state)."""
    actions = [(a, m, t, owner, ev) for a in g.typed(GOV + "Action") for m in g.get(a, GOV + "meeting")
               for t in g.get(a, GOV + "text") for owner in g.opt(g.get(a, AGENT))
               for ev in g.opt(g.path(a, PROV_FROM, OA_EXACT))]
    reports = [(rb, a, m, st, p) for rb in g.typed(GOV + "ReportBack") for a in g.get(rb, GOV + "reportsOn")
               for m in g.get(rb, GOV + "meeting") for st in g.get(rb, GOV + "reportState")
               for p in g.opt(g.get(rb, PROV_FROM))]
    states = [(a, st) for a, ps in g.sp.items() for st in ps.get(GOV + "currentState", ())]
    return actions, reports, states


# -- the meetings each listing has rows at ----------------------------------------------------
# listing (a named query with `#@scope ?meeting`) -> the class of the subjects its rows are of:
# a meeting with no such subject has no row in it, so a page need not read that meeting

LISTING_CLASSES = {"attendance": GOV + "Attendance", "items": GOV + "AgendaItem", "decisions": GOV + "Decision",
                   "actions": GOV + "Action", "statements": GOV + "Statement", "declarations": GOV + "Declaration",
                   "followups": GOV + "Action"}


def listing_meeting_rows(g: Graph) -> list[tuple[str, str, int]]:
    """(listing, meeting, how many of the listing's subjects the graph sets at that meeting)."""
    counts: dict[tuple[str, str], int] = {}
    for listing, cls in LISTING_CLASSES.items():
        for f in g.typed(cls):
            for m in g.get(f, GOV + "meeting"):
                counts[(listing, m)] = counts.get((listing, m), 0) + 1
    return [(listing, m, n) for (listing, m), n in sorted(counts.items())]


# -- the paged listings' rows -------------------------------------------------------------------
# (listing, meeting, who, k1, k2, columns): one row of a listing (kg/queries/LISTING.rq) with
# the name of `who` (a person's or organisation's IRI, or None) left open, joined at read
# time from every document as the merged graph joins it (kg.textindex.listing_rows).  The
# listing's ORDER BY after ?meeting is (k1, that name, k2).  `columns` are the row's
# values in the query's column order, None where the name goes (and, for the listings
# whose owner-like column goes with its name, where `who` goes).

# listing -> (the column of the name, the column of `who` or None, whether a row needs a name)
LISTING_NAMES = {"attendance": (2, None, True), "items": (5, None, False), "decisions": (None, None, False),
                 "actions": (5, 4, False), "statements": (4, 3, False), "declarations": (4, 3, False)}


def _order(values: list[str]) -> list:
    # gov:order is an xsd:integer, ordered as a number
    return [int(v) if v.lstrip("-").isdigit() else v for v in values]


def listing_rows(g: Graph) -> list[tuple]:
    """The paged listings' rows for the facts of one document, names left open."""
    out: list[tuple] = []
    opt, ev_of = g.opt, (lambda f: g.opt(g.path(f, PROV_FROM, OA_EXACT)))
    for a in g.typed(GOV + "Attendance"):
        out += [("attendance", m, p, role, None, (m, p, None, role)) for m in g.get(a, GOV + "meeting")
                for p in g.get(a, GOV + "person") for role in g.get(a, GOV + "role")]
    for i in g.typed(GOV + "AgendaItem"):
        out += [("items", m, who, order, doc, (m, i, num, time, title, None, doc))
                for m in g.get(i, GOV + "meeting") for order in _order(g.get(i, GOV + "order"))
                for num in opt(g.get(i, GOV + "number")) for time in opt(g.get(i, GOV + "time"))
                for title in opt(g.get(i, TITLE)) for who in opt(g.get(i, GOV + "presenter"))
                for doc in opt(g.path(i, GOV + "document", TITLE))]
    for d in g.typed(GOV + "Decision"):
        out += [("decisions", m, None, d, None, (d, m, item, text, ev)) for m in g.get(d, GOV + "meeting")
                for text in g.get(d, GOV + "text") for item in opt(g.get(d, GOV + "item")) for ev in ev_of(d)]
    for a in g.typed(GOV + "Action"):
        out += [("actions", m, who, a, None, (a, m, item, text, None, None, due, ev))
                for m in g.get(a, GOV + "meeting") for text in g.get(a, GOV + "text")
                for item in opt(g.get(a, GOV + "item")) for who in opt(g.get(a, AGENT))
                for due in opt(g.get(a, GOV + "due")) for ev in ev_of(a)]
    for s in g.typed(GOV + "Statement"):
        out += [("statements", m, who, s, None, (s, m, item, None, None, verb, text))
                for m in g.get(s, GOV + "meeting") for verb in g.get(s, GOV + "verb")
                for text in g.get(s, GOV + "text") for item in opt(g.get(s, GOV + "item"))
                for who in opt(g.get(s, GOV + "speaker"))]
    for d in g.typed(GOV + "Declaration"):
        out += [("declarations", m, who, d, None, (d, m, item, None, None, interest, ev))
                for m in g.get(d, GOV + "meeting") for item in opt(g.get(d, GOV + "item"))
                for who in opt(g.get(d, GOV + "person")) for interest in opt(g.get(d, GOV + "interest"))
                for ev in ev_of(d)]
    return list(dict.fromkeys(out))


# -- the accountability network (views) -------------------------------------------------------
# (source, relation, target, target_label, target_type, evidence, source_text, target_named):
# the network query's rows with the source's name and type left open (joined at read time,
# across all documents: `COALESCE(name, source_text)`, the classes of `SOURCE_TYPES`), and,
# where `target_named` is 1, the target's label too (its foaf:name, of any document).

SOURCE_TYPES = {FOAF + "Person": "person", ORG + "Organization": "organisation", GOV + "Decision": "decision",
                GOV + "Action": "action", GOV + "AgendaItem": "item"}


def edge_rows(g: Graph) -> list[tuple]:
    """The network query's rows for the edges one document states, names and types left open."""
    out: list[tuple] = []

    def ev(f):
        return g.opt(g.path(f, PROV_FROM, OA_EXACT))

    for t in g.typed(GOV + "Action"):
        out += [(s, "must do", t, lab, "action", e, None, 0) for s in g.get(t, AGENT)
                for lab in g.get(t, GOV + "text") for e in ev(t)]
        out += [(t, "raised at", i, lab, "item", None, st, 0) for i in g.get(t, GOV + "item")
                for st in g.get(t, GOV + "text") for lab in g.get(i, TITLE)]
    for t in g.typed(GOV + "AgendaItem"):
        out += [(s, "presented", t, lab, "item", None, None, 0) for s in g.get(t, GOV + "presenter")
                for lab in g.get(t, TITLE)]
        out += [(t, "item of", m, lab, "meeting", None, st, 0) for m in g.get(t, GOV + "meeting")
                for st in g.get(t, TITLE) for lab in g.get(m, RDFS_LABEL)]
    for t in g.typed(FOAF + "Document"):
        for p, rel in ((DCT + "creator", "wrote"), (GOV + "introducedBy", "introduced")):
            out += [(s, rel, t, lab, "report", e, None, 0) for s in g.get(t, p)
                    for lab in g.get(t, TITLE) for e in ev(t)]
    for t in g.typed(GOV + "Declaration"):
        out += [(s, "declared", t, lab, "declaration", e, None, 0) for s in g.get(t, GOV + "person")
                for lab in g.get(t, GOV + "interest") for e in ev(t)]
    for r in g.typed(GOV + "Responsibility"):
        out += [(s, rel, t, None, "organisation", e, None, 1) for s in g.get(r, GOV + "holder")
                for rel in g.get(r, GOV + "relation") for t in g.get(r, GOV + "thing") for e in ev(r)]
    for j in g.typed(GOV + "Judgement"):
        out += [(s, f"judged {subj} {grade}", t, lab, "meeting", e, None, 0) for s in g.get(j, GOV + "judgedBy")
                for t in g.get(j, GOV + "meeting") for grade in g.get(j, GOV + "grade")
                for subj in g.get(j, GOV + "subjectText") for lab in g.get(t, RDFS_LABEL) for e in ev(j)]
    for s, ps in g.sp.items():
        out += [(s, "member of", t, None, "organisation", None, None, 1) for t in ps.get(ORG + "memberOf", ())]
    for a in g.typed(GOV + "Attendance"):
        out += [(s, role, t, lab, "meeting", e, None, 0) for s in g.get(a, GOV + "person")
                for t in g.get(a, GOV + "meeting") for role in g.get(a, GOV + "role")
                for lab in g.get(t, RDFS_LABEL) for e in ev(a)]
    for d in g.typed(GOV + "Decision"):
        items = g.get(d, GOV + "item")
        for m in g.get(d, GOV + "meeting"):
            for st in g.get(d, GOV + "text"):
                for t, ttype in ([(i, "item") for i in items] or [(m, "meeting")]):
                    labels = list(dict.fromkeys(g.get(t, TITLE) + g.get(t, RDFS_LABEL)))
                    out += [(d, "decided at", t, lab, ttype, e, st, 0) for lab in labels for e in ev(d)]
    for t in g.typed(GOV + "Meeting"):
        out += [(s, "met as", t, lab, "meeting", None, None, 0) for s in g.get(t, GOV + "body")
                for lab in g.get(t, RDFS_LABEL)]
    return list(dict.fromkeys(out))


def type_rows(g: Graph) -> list[tuple[str, str]]:
    """(entity, type) for the classes the network names its sources' types by."""
    return [(s, SOURCE_TYPES[c]) for s, ps in g.sp.items() for c in ps.get(RDF_TYPE, ()) if c in SOURCE_TYPES]


def alias_rows(g: Graph) -> list[tuple[str, str, str]]:
    """The aliases query's rows for one document (before its `foaf:name` condition, which
    any document may meet)."""
    out = []
    for s, ps in g.sp.items():
        out += [(s, a, "name") for a in ps.get(SKOS_ALT, ())]
        out += [(s, a, "initials") for a in ps.get(GOV + "initials", ())]
        out += [(s, a, "post") for a in g.path(s, ORG + "holds", SKOS_PREF)]
    return list(dict.fromkeys(out))


def action_detail_rows(g: Graph) -> list[tuple]:
    """The action-details query's rows for one document's actions: (action, meeting, body
    IRI, date, due, due_date, status), the body's name joined at read time."""
    out = []
    for a in g.typed(GOV + "Action"):
        for m in g.get(a, GOV + "meeting"):
            for body in g.opt(g.get(m, GOV + "body")):
                for date in g.opt(g.get(m, DCT + "date")):
                    for due in g.opt(g.get(a, GOV + "due")):
                        for due_date in g.opt(g.get(a, GOV + "dueDate")):
                            for status in g.opt(g.get(a, GOV + "status")):
                                out.append((a, m, body, date, due, due_date, status))
    return out


# how a view's --focus compares names (kg.viz): case, white space and typographic quotes
# folded ("Children\u2019s" matches "children's"), and, for `bare`, a leading "the" or title
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"'})
_TITLE_WORDS = ("the ", "cllr ", "councillor ", "mr ", "mrs ", "ms ", "miss ", "dr ")


def fold(text: str) -> str:
    """Case, white space and typographic quotes folded."""
    return " ".join(unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).split()).casefold()


def bare(text: str) -> str:
    """`fold`, without any leading "the" or title ("the Clerk" -> "clerk")."""
    t = fold(text)
    changed = True
    while changed:
        changed = False
        for w in _TITLE_WORDS:
            if t.startswith(w):
                t, changed = t[len(w):], True
    return t


def label_rows(edges: list[tuple], names: list[tuple], aliases: list[tuple]) -> list[tuple[str, str, str]]:
    """(node, folded, bare) for every text a view's node may be labelled or found by: the
    labels of its edges, its names and its aliases."""
    texts = {(t, lab) for _s, _r, t, lab, *_ in edges if lab is not None}
    texts |= {(s, st) for s, _r, _t, _l, _tt, _e, st, _n in edges if st is not None}
    texts |= {(e, n) for e, n, _alt in names} | {(e, a) for e, a, _k in aliases}
    return sorted({(n, fold(x), bare(x)) for n, x in texts})
