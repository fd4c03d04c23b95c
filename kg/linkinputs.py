"""A document's link inputs (kg.link.document_inputs) read from the triples a build's worker
has just made, without loading them into an in-memory Oxigraph store and asking it the two
link queries per body (kg/queries/link-actions.rq, report-sentences.rq).

That store and its queries were a tenth of a document's worker CPU (6 ms of 75 on real
minutes).  The answer here is the queries' answer as `kg.link._inputs` reads it, or None
where it could differ, and the caller then asks the store as before:

- `_inputs` keeps the *first* row of an action or sentence for its single-valued columns
  (meeting, date, text, evidence, item title, ...) and the *last* for a due date, and
  Oxigraph's row order is its own.  Where any of those columns has more than one value,
  the order would decide, so the store is asked.
- The due dates (action -> date) are a dict whose order the text index keeps (its
  `linkin` rows): Oxigraph's in-memory store hands a pattern's quads back newest first, so
  the query meets the actions in the reverse of the order their triples were loaded in.
  That order is taken here (checked against the store's over 1,046 real documents, and by
  tests/test_linkinputs.py, so a pyoxigraph that orders them otherwise is noticed).
- Values are what Oxigraph reads back: a literal's lexical form, except that Oxigraph
  writes numbers, booleans and dates in their canonical form; a literal of a type whose
  lexical form here is not known to be canonical, a blank node, or a value under the
  staging prefix (which the store's reads leave out) sends the document to the store too.
"""
from __future__ import annotations

import re

from rdflib import Literal, URIRef

from kg.records import LinkAction, LinkSentence

_XSD = "http://www.w3.org/2001/XMLSchema#"
_GOV = "https://w3id.org/govkg/ontology#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_DCT = "http://purl.org/dc/terms/"
_OA = "http://www.w3.org/ns/oa#"
_BODY, _DATE, _MEETING, _TEXT = _GOV + "body", _DCT + "date", _GOV + "meeting", _GOV + "text"
_FROM, _EXACT, _START = "http://www.w3.org/ns/prov#wasDerivedFrom", _OA + "exact", _OA + "start"
_ITEM, _TITLE, _NUMBER = _GOV + "item", _DCT + "title", _GOV + "number"
_AGENT, _NAME, _ROLE, _DUE = "https://schema.org/agent", "http://xmlns.com/foaf/0.1/name", _GOV + "ownerRole", \
    _GOV + "dueDate"
_STATE, _SECTION = _GOV + "statedState", _GOV + "reportSection"
_ACTION, _SENTENCE, _MEETING_CLASS = _GOV + "Action", _GOV + "ReportSentence", _GOV + "Meeting"
_WANTED = frozenset({_RDF_TYPE, _BODY, _DATE, _MEETING, _TEXT, _FROM, _EXACT, _START, _ITEM, _TITLE, _NUMBER,
                     _AGENT, _NAME, _ROLE, _DUE, _STATE, _SECTION})

# lexical forms Oxigraph keeps as they are (it writes a number, boolean or date canonically)
_CANONICAL = {
    _XSD + "integer": re.compile(r"-?(?:0|[1-9][0-9]*)"),
    _XSD + "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    _XSD + "boolean": re.compile(r"true|false"),
}
_PLAIN = (None, _XSD + "string")


class _Unsure(Exception):
    """The store's answer could differ from what is read here: ask the store."""


def _term(t) -> tuple[bool, str, tuple]:
    """(is an IRI, the value Oxigraph reads back, the term's identity in Oxigraph's store)."""
    if type(t) is URIRef:
        v = str(t)
        return True, v, v
    if type(t) is Literal:
        v = str(t)
        dt = str(t.datatype) if t.datatype is not None else None
        if t.language:
            return False, v, ("L", v, t.language.lower())
        if dt not in _PLAIN:
            rx = _CANONICAL.get(dt)
            if rx is None or not rx.fullmatch(v):
                raise _Unsure
        return False, v, ("L", v, dt or _XSD + "string")
    raise _Unsure  # a blank node: the store names it anew


def document_inputs_of(triples, graph_iri: str = "", base: str | None = None) -> dict | None:
    """`kg.link.document_inputs` of the N-Triples written from these rdflib triples
    (kg.pipeline.ntriples_of), read from the triples themselves; None where the store's
    answer could differ (see the module's docstring): the caller then asks the store."""
    from kg.vocab import DEFAULT_BASE
    try:
        return _inputs_of(triples, graph_iri or "urn:govkg:document", (base or DEFAULT_BASE) + "staging/")
    except _Unsure:
        return None


def _inputs_of(triples, g: str, staging: str) -> dict:
    # subject -> predicate -> {identity: (is IRI, value)}: a store holds each quad once
    sp: dict[str, dict[str, dict]] = {}
    typed_as: dict[str, list[str]] = {}  # class -> subjects, in the order their type triples came
    for s, p, o in triples:
        # (str() first: hashing an rdflib term runs Python, a plain string's does not)
        p = str(p)
        if p not in _WANTED:
            continue
        if type(s) is not URIRef:
            raise _Unsure
        s_val = str(s)
        if type(o) is URIRef:
            o_iri, o_val = True, str(o)
            o_key = o_val  # (a literal's identity is a tuple: never equal to an IRI's)
        else:
            o_iri, o_val, o_key = _term(o)
        if p == _BODY and not o_iri:
            raise _Unsure  # FILTER(STR(?b) = ?body) would match a literal too
        objs = sp.setdefault(s_val, {}).setdefault(p, {})
        if p == _RDF_TYPE and o_iri and o_key not in objs:
            typed_as.setdefault(o_val, []).append(s_val)
        objs[o_key] = (o_iri, o_val)

    none: dict = {}

    def iris(s: str, p: str) -> list[str]:
        return [v for is_iri, v in sp.get(s, none).get(p, none).values() if is_iri]

    def lits(s: str, p: str) -> list[str]:
        return [v for _i, v in sp.get(s, none).get(p, none).values()]

    def path(s: str, p: str, q: str) -> list[str]:
        # s p/q ?o: a join, so one value per path (not made distinct)
        return [v for mid in iris(s, p) for v in lits(mid, q)]

    def one(vs: list[str]) -> str | None:
        if len(vs) > 1:
            raise _Unsure  # which row comes first is the store's order
        return vs[0] if vs else None

    def typed(c: str) -> list[str]:
        return typed_as.get(c, [])

    bodies: set[str] = set()
    for m in typed(_MEETING_CLASS):
        bodies.update(iris(m, _BODY))
    actions, sentences = typed(_ACTION), typed(_SENTENCE)
    out = {}
    for body in sorted(bodies):
        acts, due = _actions(body, actions, iris, lits, path, one, g, staging)
        out[body] = (acts, _sentences(body, sentences, iris, lits, path, one, g, staging), due)
    return out


def _dates(body: str, iris, lits):
    """meeting -> its dates where it is a meeting of the body, else none (each read once)."""
    seen: dict[str, list[str]] = {}

    def dates(m: str) -> list[str]:
        d = seen.get(m)
        if d is None:
            d = seen[m] = lits(m, _DATE) if body in iris(m, _BODY) else []
        return d
    return dates


def _check(staging: str, *vals) -> None:
    # the store's reads leave out a row holding a value under the staging prefix
    for v in vals:
        if v is not None and v.startswith(staging):
            raise _Unsure


def _actions(body, subjects, iris, lits, path, one, g, staging):
    acts: dict[str, LinkAction] = {}
    due: dict[str, str] = {}
    dates = _dates(body, iris, lits)
    for a in subjects:
        rows = [(m, d, t) for m in iris(a, _MEETING) for d in dates(m) for t in lits(a, _TEXT)]
        if not rows:
            continue
        if len(rows) > 1:
            raise _Unsure
        m, d, t = rows[0]
        passage = one([(ev, st) for p in iris(a, _FROM) for ev in lits(p, _EXACT) for st in lits(p, _START)])
        ev, st = passage if passage is not None else (None, None)
        title, number = one(path(a, _ITEM, _TITLE)), one(path(a, _ITEM, _NUMBER))
        names, roles, dues = path(a, _AGENT, _NAME), lits(a, _ROLE), lits(a, _DUE)
        due_date = one(dues)
        _check(staging, g, a, m, d, t, ev, st, title, number, due_date, *names, *roles)
        owners: list[str] = []
        for o in names + roles:
            if o and o not in owners:
                owners.append(o)
        acts[a] = LinkAction(a, m, d[:10], t, ev or "", title or "", sorted(owners), order=int(st or 0),
                             item_number=number or "", graph=g)
        if due_date:
            due[a] = due_date[:10]
    # the store's order: newest first (see the module's docstring)
    return sorted(acts.values(), key=lambda x: x.iri), dict(reversed(due.items()))


def _sentences(body, subjects, iris, lits, path, one, g, staging):
    sents: dict[str, LinkSentence] = {}
    dates = _dates(body, iris, lits)
    for p in subjects:
        rows = [(m, d, x, s) for m in iris(p, _MEETING) for d in dates(m) for x in lits(p, _EXACT) for s in lits(p, _START)]
        if not rows:
            continue
        if len(rows) > 1:
            raise _Unsure
        m, d, x, s = rows[0]
        title, state, section = one(path(p, _ITEM, _TITLE)), one(lits(p, _STATE)), one(lits(p, _SECTION))
        _check(staging, g, p, m, d, x, s, title, state, section)
        sents[p] = LinkSentence(p, m, d[:10], x, title or "", state, section in ("true", "1"), int(s or 0))
    return sorted(sents.values(), key=lambda c: c.passage)
