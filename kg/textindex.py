"""textindex: what the interactive reads need, kept per document beside the store.

The "thing" lookups (who-owns, owners-of, `govkg ask`) and the name lookups (accountable)
ask for every text that contains some words.  SPARQL can only answer that with a
CONTAINS filter over every text of the store: seconds at 10,000 documents.  This index
(SQLite FTS5 with its trigram tokenizer, standard library only) finds the few subjects
whose text holds a string in milliseconds; the query then runs on those alone.

It also keeps, per document, the rows of the reads a person waits for (kg.docrows:
fact-texts, who-owns, accountable(ities), meetings, passages), with each fact's word stems
in an FTS5 table, and names apart, joined when read; `READS` answers those named queries
from them, and `govkg ask` reads the rows of the facts its words match and no others.
Made from those, it keeps per person and organisation its names made distinct and its
accountable rows joined (`refresh_entities`), and per action its follow-ups joined
(`refresh_followups`), each made again for what a document changed.

The store stays the source of truth.  The index only narrows: a query bound to the
index's candidates still applies its own filter, so a candidate the store no longer
holds, or one that does not really match, gives no row.  The index follows the store:

- a build puts each document's rows, made by its worker from the triples it writes, in the
  index once the document is in the store (`built_rows`): nothing written is read back;
- every writer, when it opens and when a build ends, compares the index's record of each
  document (its graph and content hash) with the store's and re-reads from the store any
  document the index has wrong or lacks (its rows replaced in one SQLite transaction), and
  drops what the store no longer holds;
- a reader trusts the index only when it is in step with the store (the store's files
  unchanged since a reader found it so, or every document's hash the same), and otherwise
  reads an index of its own made from the store;
- a reader that finds no index makes it from the store (into a temporary file linked into
  place, or in memory where it cannot write).

It lives in the store folder (`govkg-textindex-VERSION.sqlite`), beside Oxigraph's files.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# the layout of the index file; a file of another version is remade from the store
VERSION = 19
# named by its layout: a new layout is a new file, never written over a file another
# version may still have open (renaming a file over an SQLite database whose write-ahead log
# is still beside it pairs the new file with the old log, which SQLite then applies to it)
PREFIX = "govkg-textindex"
FILE = f"{PREFIX}-{VERSION}.sqlite"
# predicates whose objects are looked up by words: the "thing" texts and the names
THING = ("https://w3id.org/govkg/ontology#text", "https://w3id.org/govkg/ontology#subjectText",
         "http://purl.org/dc/terms/title", "https://w3id.org/govkg/ontology#interest")
NAME = ("http://xmlns.com/foaf/0.1/name", "http://www.w3.org/2004/02/skos/core#altLabel")
# predicates naming who owns a thing (an action's owner, a responsibility's holder, a
# report's author or presenter, an item's presenter): the "owned" look-up keeps the things
# that have one, which is all who-owns answers about ("plan" is in the title of most
# agenda items of a parish, "Planning", and few of them have a presenter)
OWNER = ("https://schema.org/agent", "https://w3id.org/govkg/ontology#holder", "http://purl.org/dc/terms/creator",
         "https://w3id.org/govkg/ontology#introducedBy", "https://w3id.org/govkg/ontology#presenter")
KIND = {**{p: "thing" for p in THING}, **{p: "name" for p in NAME}, **{p: "owner" for p in OWNER}}
# the trigram tokenizer matches strings of three characters or more
MIN_CHARS = 3
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (graph TEXT PRIMARY KEY, sha TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(
    body, iri UNINDEXED, kind UNINDEXED, graph UNINDEXED, tokenize = 'trigram');
-- the rows of `texts` each graph put: FTS5 finds a graph's rows only by reading every row
-- (the column is not indexed), so a graph put again or dropped is found here, by its ids
CREATE TABLE IF NOT EXISTS text_ids (id INTEGER PRIMARY KEY, graph TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS text_ids_graph ON text_ids (graph);
CREATE TABLE IF NOT EXISTS owned (iri TEXT NOT NULL, graph TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS owned_iri ON owned (iri);
CREATE INDEX IF NOT EXISTS owned_graph ON owned (graph);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- the rows of the interactive reads, per document (kg.docrows); names apart, joined when read
CREATE TABLE IF NOT EXISTS facts (graph TEXT NOT NULL, fact TEXT NOT NULL, kind TEXT NOT NULL, relation TEXT,
    text TEXT, by_iri TEXT, optional INTEGER NOT NULL, relby INTEGER NOT NULL, meeting TEXT, item_title TEXT,
    evidence TEXT);
CREATE INDEX IF NOT EXISTS facts_fact ON facts (fact);
CREATE INDEX IF NOT EXISTS facts_by ON facts (by_iri);
CREATE INDEX IF NOT EXISTS facts_graph ON facts (graph);
CREATE INDEX IF NOT EXISTS facts_kind ON facts (kind, meeting, fact);
-- (the fact's kind is a column of the word table too: a search of some kinds of fact, such as
-- who-owns', finds their words there and never reads the rows of facts of other kinds)
CREATE TABLE IF NOT EXISTS fact_stems (id INTEGER PRIMARY KEY, graph TEXT NOT NULL, fact TEXT NOT NULL,
    stems TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fact_stems_graph ON fact_stems (graph);
CREATE VIRTUAL TABLE IF NOT EXISTS fact_words USING fts5(stems, kind, content='fact_stems', content_rowid='id',
    tokenize='unicode61', prefix='2 3 4');
-- every word stem of a document (its passages and its facts' texts) in one row: the documents
-- where a fact and the sentences around it can hold some words, so `govkg ask`'s match on
-- those sentences (and on all but one word) reads their facts and passages, not the store's
CREATE TABLE IF NOT EXISTS doc_stems (id INTEGER PRIMARY KEY, graph TEXT NOT NULL, stems TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS doc_stems_graph ON doc_stems (graph);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_words USING fts5(stems, content='doc_stems', content_rowid='id',
    tokenize='unicode61', prefix='2 3 4');
CREATE TABLE IF NOT EXISTS names (graph TEXT NOT NULL, entity TEXT NOT NULL, label TEXT NOT NULL,
    alt INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS names_entity ON names (entity, alt);
-- (every document naming someone repeats their name: a person's names are read from this
-- index alone, not from one table row a document)
CREATE INDEX IF NOT EXISTS names_label ON names (entity, alt, label);
CREATE INDEX IF NOT EXISTS names_graph ON names (graph);
CREATE TABLE IF NOT EXISTS name_stems (id INTEGER PRIMARY KEY, graph TEXT NOT NULL, entity TEXT NOT NULL,
    stems TEXT NOT NULL, alt INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS name_stems_graph ON name_stems (graph);
CREATE VIRTUAL TABLE IF NOT EXISTS name_words USING fts5(stems, content='name_stems', content_rowid='id',
    tokenize='unicode61', prefix='2 3 4');
CREATE TABLE IF NOT EXISTS owns (graph TEXT NOT NULL, fact TEXT NOT NULL, thing TEXT NOT NULL,
    relation TEXT NOT NULL, owner TEXT NOT NULL, evidence TEXT);
CREATE INDEX IF NOT EXISTS owns_fact ON owns (fact);
CREATE INDEX IF NOT EXISTS owns_graph ON owns (graph);
-- the owned things alone, by substring: who-owns reads the few that hold its words, not every
-- text that does ("plan" is in the title of most of a parish's agenda items, "Planning")
CREATE VIRTUAL TABLE IF NOT EXISTS owns_words USING fts5(thing, content='owns', content_rowid='rowid',
    tokenize='trigram');
CREATE TABLE IF NOT EXISTS acc (graph TEXT NOT NULL, entity TEXT NOT NULL, relation TEXT NOT NULL,
    thing TEXT NOT NULL, fact TEXT NOT NULL, meeting TEXT, meeting_label TEXT, evidence TEXT, item_title TEXT);
CREATE INDEX IF NOT EXISTS acc_entity ON acc (entity);
CREATE INDEX IF NOT EXISTS acc_graph ON acc (graph);
CREATE TABLE IF NOT EXISTS meets (graph TEXT NOT NULL, meeting TEXT NOT NULL, bodies TEXT NOT NULL,
    date TEXT, chairs TEXT NOT NULL, source TEXT);
CREATE INDEX IF NOT EXISTS meets_graph ON meets (graph);
CREATE INDEX IF NOT EXISTS meets_meeting ON meets (meeting);
CREATE TABLE IF NOT EXISTS passages (graph TEXT NOT NULL, passage TEXT NOT NULL, source TEXT NOT NULL,
    start TEXT NOT NULL, "end" TEXT NOT NULL, exact TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS passages_source ON passages (source);
CREATE INDEX IF NOT EXISTS passages_graph ON passages (graph);
CREATE TABLE IF NOT EXISTS derived (graph TEXT NOT NULL, fact TEXT NOT NULL, passage TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS derived_fact ON derived (fact);
CREATE INDEX IF NOT EXISTS derived_passage ON derived (passage);
CREATE INDEX IF NOT EXISTS derived_graph ON derived (graph);
-- the accountability network a view draws (kg.docrows.edge_rows), its nodes' types, aliases,
-- actions' details and the texts a --focus name is looked up by
CREATE TABLE IF NOT EXISTS vedges (graph TEXT NOT NULL, source TEXT NOT NULL, relation TEXT NOT NULL,
    target TEXT NOT NULL, target_label TEXT, target_type TEXT NOT NULL, evidence TEXT, source_text TEXT,
    target_named INTEGER NOT NULL, s INTEGER NOT NULL, t INTEGER NOT NULL, k INTEGER NOT NULL,
    ks INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS vedges_source ON vedges (source);
CREATE INDEX IF NOT EXISTS vedges_target ON vedges (target);
CREATE INDEX IF NOT EXISTS vedges_graph ON vedges (graph);
-- the same edges as integers (`node_id`, `_edge_keys`), so a view's degrees, hops and cut are
-- summed in SQL from two covering indexes without reading the edges' texts
CREATE INDEX IF NOT EXISTS vedges_st ON vedges (s, t, target_named, target_type, k, ks);
CREATE INDEX IF NOT EXISTS vedges_ts ON vedges (t, s, target_named, k, ks);
CREATE TABLE IF NOT EXISTS vnodes (graph TEXT NOT NULL, n INTEGER NOT NULL, iri TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS vnodes_n ON vnodes (n, iri);
CREATE INDEX IF NOT EXISTS vnodes_graph ON vnodes (graph);
CREATE TABLE IF NOT EXISTS vtypes (graph TEXT NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL,
    n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS vtypes_n ON vtypes (n, type);
CREATE INDEX IF NOT EXISTS vtypes_entity ON vtypes (entity);
CREATE INDEX IF NOT EXISTS vtypes_graph ON vtypes (graph);
CREATE TABLE IF NOT EXISTS valiases (graph TEXT NOT NULL, entity TEXT NOT NULL, alias TEXT NOT NULL,
    kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS valiases_entity ON valiases (entity);
CREATE INDEX IF NOT EXISTS valiases_graph ON valiases (graph);
CREATE TABLE IF NOT EXISTS vactions (graph TEXT NOT NULL, action TEXT NOT NULL, meeting TEXT NOT NULL, body TEXT,
    date TEXT, due TEXT, due_date TEXT, status TEXT);
CREATE INDEX IF NOT EXISTS vactions_action ON vactions (action);
CREATE INDEX IF NOT EXISTS vactions_graph ON vactions (graph);
CREATE TABLE IF NOT EXISTS vlabels (graph TEXT NOT NULL, node TEXT NOT NULL, fold TEXT NOT NULL,
    bare TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS vlabels_fold ON vlabels (fold);
CREATE INDEX IF NOT EXISTS vlabels_bare ON vlabels (bare);
CREATE INDEX IF NOT EXISTS vlabels_graph ON vlabels (graph);
CREATE INDEX IF NOT EXISTS passages_passage ON passages (passage);
-- the follow-ups listing's parts (kg.docrows.followup_rows), joined when read
CREATE TABLE IF NOT EXISTS fups (graph TEXT NOT NULL, action TEXT NOT NULL, meeting TEXT NOT NULL,
  text TEXT NOT NULL, owner TEXT, evidence TEXT);
CREATE INDEX IF NOT EXISTS fups_meeting ON fups (meeting);
CREATE INDEX IF NOT EXISTS fups_action ON fups (action);
CREATE INDEX IF NOT EXISTS fups_graph ON fups (graph);
CREATE TABLE IF NOT EXISTS freports (graph TEXT NOT NULL, rb TEXT NOT NULL, action TEXT NOT NULL,
  meeting TEXT NOT NULL, state TEXT NOT NULL, passage TEXT);
CREATE INDEX IF NOT EXISTS freports_action ON freports (action);
CREATE INDEX IF NOT EXISTS freports_rb ON freports (rb);
CREATE INDEX IF NOT EXISTS freports_graph ON freports (graph);
CREATE TABLE IF NOT EXISTS fstates (graph TEXT NOT NULL, action TEXT NOT NULL, state TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fstates_action ON fstates (action);
CREATE INDEX IF NOT EXISTS fstates_graph ON fstates (graph);
-- the meetings each listing has rows at (kg.docrows.listing_meeting_rows)
CREATE TABLE IF NOT EXISTS lmeets (graph TEXT NOT NULL, listing TEXT NOT NULL, meeting TEXT NOT NULL,
  n INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS lmeets_listing ON lmeets (listing, meeting);
CREATE INDEX IF NOT EXISTS lmeets_graph ON lmeets (graph);
-- each meeting's bodies and days as each document sets them (a scope's meetings, one indexed
-- range: kg.query.scoped keeps a meeting with a body and a date, each from any document)
CREATE TABLE IF NOT EXISTS mscope (graph TEXT NOT NULL, meeting TEXT NOT NULL, body TEXT, day TEXT);
CREATE INDEX IF NOT EXISTS mscope_body ON mscope (body, meeting);
CREATE INDEX IF NOT EXISTS mscope_day ON mscope (day, meeting);
CREATE INDEX IF NOT EXISTS mscope_meeting ON mscope (meeting);
CREATE INDEX IF NOT EXISTS mscope_graph ON mscope (graph);
-- the paged listings' rows, names left open (kg.docrows.listing_rows): a page reads the rows
-- of its first meetings, in the listing's order
CREATE TABLE IF NOT EXISTS lrows (graph TEXT NOT NULL, listing TEXT NOT NULL, meeting TEXT NOT NULL, who TEXT,
  k1, k2, cols TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lrows_listing ON lrows (listing, meeting);
CREATE INDEX IF NOT EXISTS lrows_graph ON lrows (graph);
-- the follow-ups' rows joined (`refresh_followups`): each action's rows at each of its meetings
-- with its states, its report-backs, their evidence and dates, in the listing's order (`seq`)
-- and with its owners' IRIs (their names, of any document, joined when read); made again for
-- the actions of `fdirty` (those whose parts a document or link graph put or dropped changed)
CREATE TABLE IF NOT EXISTS frows (action TEXT NOT NULL, meeting TEXT NOT NULL, seq INTEGER NOT NULL,
  owners TEXT NOT NULL, rd TEXT, text TEXT NOT NULL, evidence TEXT, status TEXT NOT NULL, rm TEXT, rev TEXT, rs TEXT);
CREATE INDEX IF NOT EXISTS frows_meeting ON frows (meeting, action, seq);
CREATE INDEX IF NOT EXISTS frows_action ON frows (action);
CREATE TABLE IF NOT EXISTS fdirty (action TEXT PRIMARY KEY);
CREATE INDEX IF NOT EXISTS freports_passage ON freports (passage);
CREATE INDEX IF NOT EXISTS freports_meeting ON freports (meeting);
-- per person or organisation, made from every document's names and acc rows
-- (`refresh_entities`): its names made distinct (2,956 at 10,000 documents, where each
-- document repeating them gives 833,497 rows), looked up by substring, and the accountable
-- query's rows of it, names joined, distinct and in the query's order, as one JSON array
-- of rows (a read of 14,000 rows decodes one value); made again for the entities of `edirty`
-- (those a document put or dropped names or facts of)
CREATE TABLE IF NOT EXISTS enames (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, label TEXT NOT NULL,
  alt INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS enames_entity ON enames (entity, alt, label);
CREATE VIRTUAL TABLE IF NOT EXISTS enames_words USING fts5(label, content='enames', content_rowid='id',
    tokenize='trigram');
CREATE TABLE IF NOT EXISTS arows (entity TEXT PRIMARY KEY, n INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edirty (entity TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS kept_rows (key TEXT PRIMARY KEY, mark TEXT NOT NULL, data BLOB NOT NULL);
-- each document's link inputs per body (kg.link.inputs_json), so relinking a body reads these
-- instead of copying every stored meeting of it out of the store (kg.link.StoredInputs)
CREATE TABLE IF NOT EXISTS linkin (graph TEXT NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS linkin_graph ON linkin (graph, body);
CREATE INDEX IF NOT EXISTS linkin_body ON linkin (body);
"""


def rows_of(triples: Iterable[tuple]) -> list[tuple[str, str, str]]:
    """(subject IRI, kind, text) for the triples whose text is looked up by words, and
    (subject IRI, "owner", owner IRI) for the triples naming a thing's owner."""
    out = []
    for s, p, o in triples:
        kind = KIND.get(str(p))
        if kind is not None:
            out.append((str(s), kind, str(o)))
    return out


_TABLES = ("docs", "texts", "text_ids", "owned", "facts", "fact_stems", "fact_words", "names", "name_stems",
           "name_words", "owns", "owns_words", "acc", "meets", "passages", "derived", "vedges", "vnodes", "vtypes",
           "valiases", "vactions", "vlabels", "fups", "freports", "fstates", "lmeets", "mscope", "lrows", "frows",
           "fdirty", "enames", "enames_words", "arows", "edirty", "linkin", "doc_stems", "doc_words")


@dataclass
class DocRows:
    """What the index holds for one document: its texts (`rows_of`) and the rows of the
    interactive reads (kg.docrows)."""

    texts: list
    facts: list = field(default_factory=list)
    owns: list = field(default_factory=list)
    acc: list = field(default_factory=list)
    meets: list = field(default_factory=list)
    names: list = field(default_factory=list)
    passages: list = field(default_factory=list)
    derived: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    types: list = field(default_factory=list)
    aliases: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    fups: list = field(default_factory=list)
    freports: list = field(default_factory=list)
    fstates: list = field(default_factory=list)
    lmeets: list = field(default_factory=list)
    lrows: list = field(default_factory=list)
    # (fact, stems, kind) and (entity, stems, alt) as `_insert_rows` writes them: computed with the rows
    # (in a build's worker), so the writer only inserts; None: computed when inserted
    fact_stems: list | None = None
    name_stems: list | None = None
    # (node, fold, bare) as the vlabels table holds them (kg.docrows.label_rows), made with
    # the rows too; None: made when inserted
    labels: list | None = None
    # every word stem of the document's passages and facts' texts (the doc_words table's
    # row), made with the rows too; None: made when inserted
    doc_stems: str | None = None
    # body IRI -> the document's link inputs there (kg.link.document_inputs), as a build's
    # worker reads them; None: not at hand (read from the store when a relink needs them)
    links: dict | None = None


def doc_rows(triples: list[tuple[str, str, str]]) -> DocRows:
    """Everything the index holds for a document, from its graph's triples (plain strings)."""
    from kg import docrows
    # in one order whatever order they came in (the store's, or the N-Triples' of a build),
    # so a document gives the same rows, and the same stems, read either way
    triples = sorted(triples)
    g = docrows.Graph(t for t in triples if t[1] in docrows.PREDICATES)
    rows = DocRows(rows_of(triples), docrows.fact_rows(g), docrows.owns_rows(g), docrows.acc_rows(g),
                   docrows.meeting_rows(g), docrows.name_rows(g), docrows.passage_rows(g), docrows.derived_rows(g),
                   docrows.edge_rows(g), docrows.type_rows(g), docrows.alias_rows(g), docrows.action_detail_rows(g),
                   *docrows.followup_rows(g), docrows.listing_meeting_rows(g), docrows.listing_rows(g))
    rows.fact_stems, rows.name_stems = _stems(rows)
    rows.doc_stems = _doc_stems(rows, rows.fact_stems)
    rows.labels = docrows.label_rows(rows.edges, rows.names, rows.aliases)
    return rows


def _stems(rows: DocRows) -> tuple[list, list]:
    """The stems of each fact's texts (its text, item title and evidence), with its kind, and
    of each foaf:name and other surface form (skos:altLabel, `alt`), as the fact_words and
    name_words tables hold them."""
    texts: dict[str, list] = {}
    kinds: dict[str, str] = {}
    for f, kind, _rel, text, _by, _o, _rb, _m, item, ev in rows.facts:
        texts.setdefault(f, []).extend((text, item, ev))
        kinds.setdefault(f, kind)
    return ([(f, stems_of(*ts), kinds[f]) for f, ts in texts.items()],
            [(e, stems_of(label), alt) for e, label, alt in rows.names])


def _doc_stems(rows: DocRows, fact_stems: list) -> str:
    """Every word stem of a document's passages and of its facts' texts, once each."""
    seen: dict[str, None] = dict.fromkeys(w for _f, st, _k in fact_stems for w in st.split())
    seen.update(dict.fromkeys(w for p in rows.passages for w in stems_of(p[4]).split()))
    return " ".join(seen)


# the content-hash predicate of a document's graph (kg.store.GraphStore.source_hashes)
_SHA256 = "https://w3id.org/govkg/ontology#sha256"


def built_rows(nt: bytes) -> tuple[str, DocRows] | None:
    """(content hash, rows) of a document from the N-Triples a build writes as its graph,
    as `sync` would read them back from the store once written (parsed by Oxigraph, as
    the store loads them).  None when they may differ from the store's: blank nodes (a
    store may name them anew) or not exactly one content hash (`sync` then reads the
    document from the store)."""
    import pyoxigraph as ox
    from kg import docrows
    keep = set(KIND) | docrows.PREDICATES
    wanted = keep | {_SHA256}
    triples = []
    shas = set()
    # N-Triples writes a blank node "_:label": bytes without "_:" hold none, and their
    # triples need no look at their subject and object (most documents' case)
    blank = isinstance if b"_:" in nt else None
    for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES):
        if blank is not None and (blank(t.subject, ox.BlankNode) or blank(t.object, ox.BlankNode)):
            return None
        p = t.predicate.value
        if p in wanted:
            if p == _SHA256:
                shas.add(t.object.value)
            if p in keep:
                triples.append((t.subject.value, p, t.object.value))
    if len(shas) != 1:
        return None
    return shas.pop(), doc_rows(triples)


def built_rows_of(triples: list[tuple]) -> tuple[str, DocRows] | None:
    """`built_rows` of the N-Triples written from these rdflib triples (kg.pipeline.ntriples_of),
    without parsing them back: each term there is made from its str() (an IRI as it is, a
    literal's lexical form), which is the value Oxigraph reads back, so the strings are the
    same (tests/test_index_from_build.py compares the two over the corpus)."""
    from rdflib import BNode
    from kg import docrows
    keep = set(KIND) | docrows.PREDICATES
    wanted = keep | {_SHA256}
    out = []
    shas = set()
    for s, p, o in triples:
        if isinstance(s, BNode) or isinstance(o, BNode):
            return None
        # (str() first: an rdflib term is never equal to a plain string)
        p = str(p)
        if p in wanted:
            if p == _SHA256:
                shas.add(str(o))
            if p in keep:
                out.append((str(s), p, str(o)))
    if len(shas) != 1:
        return None
    return shas.pop(), doc_rows(out)


def stems_of(*texts: str | None) -> str:
    """The word stems of texts, as `govkg ask` compares them (kg.ask.text_stems), once each."""
    from kg.ask import text_stems
    seen: dict[str, None] = {}
    for t in texts:
        if t:
            for w in text_stems(t):
                seen.setdefault(w, None)
    return " ".join(seen)


# the actions whose joined follow-up rows (`frows`) a graph's rows are part of: its actions,
# states and report-backs, and the report-backs quoting its passages or set at its meetings
_DIRTY = """INSERT OR IGNORE INTO fdirty (action)
  SELECT action FROM fups WHERE graph = ?1 UNION SELECT action FROM fstates WHERE graph = ?1
  UNION SELECT action FROM freports WHERE graph = ?1
  UNION SELECT r.action FROM passages p CROSS JOIN freports r ON r.passage = p.passage WHERE p.graph = ?1
  UNION SELECT r.action FROM meets m CROSS JOIN freports r ON r.meeting = m.meeting WHERE m.graph = ?1"""


# the people and organisations whose names or accountable rows (`refresh_entities`) a
# graph's rows are part of
_EDIRTY = """INSERT OR IGNORE INTO edirty (entity)
  SELECT entity FROM names WHERE graph = ?1 UNION SELECT entity FROM acc WHERE graph = ?1"""


def _mark_dirty(cur, graph: str) -> None:
    """Mark the actions whose follow-up rows, and the entities whose kept rows, the graph's
    rows change (before they go, and once the new ones are in); none while those rows are
    to be made in full anyway."""
    if cur.execute("SELECT 1 FROM meta WHERE key = 'frows' AND value = 'made'").fetchone():
        cur.execute(_DIRTY, (graph,))
    if cur.execute("SELECT 1 FROM meta WHERE key = 'entities' AND value = 'made'").fetchone():
        cur.execute(_EDIRTY, (graph,))


def _delete_graph(cur, graph: str) -> None:
    _mark_dirty(cur, graph)
    # by rowid: a `graph = ?` test would read every row of every document (the stores' work,
    # not the graph's); `graph = ?` again, as an id a damaged index gave another graph is kept
    cur.execute("DELETE FROM texts WHERE rowid IN (SELECT id FROM text_ids WHERE graph = ?1) AND graph = ?1",
                (graph,))
    cur.execute("DELETE FROM text_ids WHERE graph = ?", (graph,))
    cur.execute("INSERT INTO owns_words (owns_words, rowid, thing) SELECT 'delete', rowid, thing FROM owns "
                "WHERE graph = ?", (graph,))
    for t in ("owned", "facts", "names", "owns", "acc", "meets", "passages", "derived", "vedges", "vnodes", "vtypes",
              "valiases", "vactions", "vlabels", "fups", "freports", "fstates", "lmeets", "mscope", "lrows",
              "linkin"):
        cur.execute(f"DELETE FROM {t} WHERE graph = ?", (graph,))
    for words, stems, text in (("fact_words", "fact_stems", "stems, kind"), ("name_words", "name_stems", "stems"),
                               ("doc_words", "doc_stems", "stems")):
        # an external-content FTS5 table forgets a row when told its old text
        cur.execute(f"INSERT INTO {words} ({words}, rowid, {text}) SELECT 'delete', id, {text} FROM {stems} "
                    "WHERE graph = ?", (graph,))
        cur.execute(f"DELETE FROM {stems} WHERE graph = ?", (graph,))


# the tables whose rows are a document's rows as they are, the graph first: (table, the
# columns after graph, the DocRows field that holds the rows)
_PLAIN_ROWS = (
    ("facts", 'fact, kind, relation, text, by_iri, optional, relby, meeting, item_title, evidence', "facts"),
    ("names", 'entity, label, alt', "names"),
    ("acc", 'entity, relation, thing, fact, meeting, meeting_label, evidence, item_title', "acc"),
    ("meets", 'meeting, bodies, date, chairs, source', "meets"),
    ("passages", 'passage, source, start, "end", exact', "passages"),
    ("derived", 'fact, passage', "derived"),
    ("vedges", 'source, relation, target, target_label, target_type, evidence, source_text, target_named, '
               's, t, k, ks', "edges"),
    ("vtypes", 'entity, type, n', "types"),
    ("valiases", 'entity, alias, kind', "aliases"),
    ("vactions", 'action, meeting, body, date, due, due_date, status', "actions"),
    ("fups", 'action, meeting, text, owner, evidence', "fups"),
    ("freports", 'rb, action, meeting, state, passage', "freports"),
    ("fstates", 'action, state', "fstates"),
    ("lmeets", 'listing, meeting, n', "lmeets"),
)


def node_id(iri: str) -> int:
    """A node of the network as a 64-bit integer (signed, as SQLite keeps it): the first
    eight bytes of its IRI's BLAKE2b digest, the same in every document and process."""
    return int.from_bytes(hashlib.blake2b(iri.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _edge_keys(edge: tuple) -> tuple[int, int, int, int]:
    """(source, target, row, row but its source text) as integers for one `edge_rows` row.
    Two rows give the same network rows when their keys are equal: `ks` where the source
    has a foaf:name (its label is then a name, not its text), else `k`; a named target's
    label is its names, so its `target_label` is no part of either."""
    s, rel, t, tl, tt, ev, st, named = edge
    base = "\x1f".join("\x00" if v is None else str(v) for v in (s, rel, t, None if named else tl, tt, ev, named))
    return node_id(s), node_id(t), node_id(base + "\x1f" + ("\x00" if st is None else st)), node_id(base)


# the integer columns a table's rows get beside their own
_EXTRA_COLUMNS = {"vedges": _edge_keys, "vtypes": lambda r: (node_id(r[0]),)}


def _insert_rows(cur, graph: str, rows: DocRows) -> None:
    for table, columns, field in _PLAIN_ROWS:
        marks = ", ".join("?" * (columns.count(",") + 2))
        extra = _EXTRA_COLUMNS.get(table)
        cur.executemany(f"INSERT INTO {table} (graph, {columns}) VALUES ({marks})",
                        [(graph, *r, *extra(r)) if extra else (graph, *r) for r in getattr(rows, field)])
    cur.executemany("INSERT INTO vnodes (graph, n, iri) VALUES (?, ?, ?)",
                    [(graph, node_id(n), n) for n in sorted({x for e in rows.edges for x in (e[0], e[2])})])
    fact_stems, name_stems = (rows.fact_stems, rows.name_stems) if rows.fact_stems is not None \
        and rows.name_stems is not None else _stems(rows)
    doc_stems = rows.doc_stems if rows.doc_stems is not None else _doc_stems(rows, fact_stems)
    # Each content row and its FTS5 row by the same id, the ids as inserting them one by
    # one gives (max + 1 each): the new rows are those above the largest id before.
    for table, columns, words, text, id_col, values in (
            ("fact_stems", "graph, fact, stems, kind", "fact_words", "stems, kind", "id",
             [(graph, f, st, kind) for f, st, kind in fact_stems]),
            ("name_stems", "graph, entity, stems, alt", "name_words", "stems", "id",
             [(graph, e, st, alt) for e, st, alt in name_stems]),
            ("owns", "graph, fact, thing, relation, owner, evidence", "owns_words", "thing", "rowid",
             [(graph, *r) for r in rows.owns]),
            ("doc_stems", "graph, stems", "doc_words", "stems", "id",
             [(graph, doc_stems)] if doc_stems else [])):
        if not values:
            continue
        (top,) = cur.execute(f"SELECT coalesce(max({id_col}), 0) FROM {table}").fetchone()
        marks = ", ".join("?" * len(values[0]))
        cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
        cur.execute(f"INSERT INTO {words} (rowid, {text}) SELECT {id_col}, {text} FROM {table} "
                    f"WHERE {id_col} > ? ORDER BY {id_col}", (top,))
    cur.executemany("INSERT INTO mscope (graph, meeting, body, day) VALUES (?, ?, ?, ?)",
                    [(graph, *r) for r in dict.fromkeys(
                        (m, b or None, None if date is None else date[:10])
                        for m, bodies, date, _c, _s in rows.meets for b in (bodies.split("\t") or [None]))])
    import json
    cur.executemany("INSERT INTO lrows (graph, listing, meeting, who, k1, k2, cols) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(graph, listing, m, who, k1, k2, json.dumps(cols, separators=(",", ":")))
                     for listing, m, who, k1, k2, cols in rows.lrows])
    labels = rows.labels
    if labels is None:
        from kg.docrows import label_rows
        labels = label_rows(rows.edges, rows.names, rows.aliases)
    cur.executemany("INSERT INTO vlabels (graph, node, fold, bare) VALUES (?, ?, ?, ?)",
                    [(graph, *r) for r in labels])


def _insert_links(cur, graph: str, links: dict) -> None:
    from kg.link import inputs_json
    cur.executemany("INSERT INTO linkin (graph, body, data) VALUES (?, ?, ?)",
                    [(graph, body, inputs_json(inputs)) for body, inputs in sorted(links.items())])


class TextIndex:
    """The index file of one store folder (or an in-memory index when path is None)."""

    def __init__(self, path: str | os.PathLike | None):
        self.path = None if path is None else Path(path)
        self.db = sqlite3.connect(":memory:" if path is None else str(path), timeout=30,
                                  isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL" if path is not None else "PRAGMA journal_mode=MEMORY")
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = self.db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'docs'").fetchone()[0]
        if version != VERSION and has_tables:
            # written by another version of govkg: its rows may lack what this one looks
            # up, so it holds nothing (the store is the source: sync reads it all again)
            self.db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))
        self.db.executescript(_SCHEMA)
        if version != VERSION:
            self.db.execute(f"PRAGMA user_version = {VERSION:d}")

    def close(self) -> None:
        self.db.close()

    def for_writing(self) -> None:
        """Tune this connection for a build's many puts: commits are not synced to disk one by
        one (the log is, at each checkpoint).  In WAL mode the file stays consistent whatever
        happens; a crash may lose the last commits, and the index may lag the store anyway
        (the next writer's sync reads what it lacks), so nothing a reader relies on is lost."""
        if self.path is not None:
            self.db.execute("PRAGMA synchronous=NORMAL")

    # -- writing -----------------------------------------------------------------------
    def put(self, docs: Iterable[tuple[str, str, "DocRows"]]) -> None:
        """(graph IRI, content hash, rows) per document: its rows replace what the index held
        for that graph, all documents in one SQLite transaction."""
        cur = self.db.cursor()
        cur.execute("BEGIN")
        try:
            for graph, sha, rows in docs:
                if isinstance(rows, list):  # texts alone (an index written from them only)
                    rows = DocRows(rows)
                # FTS5 finds a graph's rows only by reading every row: asked only for a
                # document the index already holds (its rows are written with its docs row)
                if cur.execute("SELECT 1 FROM docs WHERE graph = ?", (graph,)).fetchone():
                    _delete_graph(cur, graph)
                texts = [(text, iri, kind, graph) for iri, kind, text in rows.texts if kind != "owner"]
                if texts:
                    # the ids inserting them one by one gives (the largest + 1 each), kept by graph
                    top = cur.execute("SELECT rowid FROM texts ORDER BY rowid DESC LIMIT 1").fetchone()
                    first = (top[0] if top else 0) + 1
                    cur.executemany("INSERT INTO texts (rowid, body, iri, kind, graph) VALUES (?, ?, ?, ?, ?)",
                                    [(first + i, *t) for i, t in enumerate(texts)])
                    cur.executemany("INSERT OR REPLACE INTO text_ids (id, graph) VALUES (?, ?)",
                                    [(first + i, graph) for i in range(len(texts))])
                cur.executemany("INSERT INTO owned (iri, graph) VALUES (?, ?)",
                                sorted({(iri, graph) for iri, kind, _ in rows.texts if kind == "owner"}))
                _insert_rows(cur, graph, rows)
                if rows.links is not None:
                    _insert_links(cur, graph, rows.links)
                _mark_dirty(cur, graph)
                cur.execute("INSERT OR REPLACE INTO docs (graph, sha) VALUES (?, ?)", (graph, sha))
            cur.execute("DELETE FROM meta WHERE key = 'store-files'")  # checked again when next read
            cur.execute("DELETE FROM kept_rows")
            cur.execute("COMMIT")
            self.__dict__.pop("_vnamed", None)
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def links_of(self, body: str, graphs: dict[str, str]) -> dict[str, str]:
        """graph IRI -> the link inputs (kg.link.inputs_json) the index keeps for `body`, of
        the `graphs` (graph IRI -> the content hash the store holds it with) whose record in
        the index has that hash; the others are not given."""
        out: dict[str, str] = {}
        for g, sha, data in self.db.execute(
                "SELECT l.graph, d.sha, l.data FROM linkin l JOIN docs d ON d.graph = l.graph WHERE l.body = ?",
                (body,)):
            if g in graphs and graphs[g] == sha:
                out[g] = data
        return out

    def links_known(self, body: str, graphs: dict[str, str]) -> set[str]:
        """The `graphs` (graph IRI -> content hash) whose link inputs for `body` the index
        keeps for that hash (`links_of` would give them), without reading the inputs."""
        return {g for g, sha in self.db.execute(
            "SELECT l.graph, d.sha FROM linkin l JOIN docs d ON d.graph = l.graph WHERE l.body = ?", (body,))
            if graphs.get(g) == sha}

    def keep_links(self, docs: dict[str, tuple[str, dict[str, str]]]) -> None:
        """Keep link inputs read from the store: graph IRI -> (the content hash they were read
        at, body IRI -> kg.link.inputs_json), each only where the index's record of the
        document has that hash (its rows are then those of the graph they were read from)."""
        cur = self.db.cursor()
        cur.execute("BEGIN")
        try:
            for g, (sha, links) in docs.items():
                if cur.execute("SELECT 1 FROM docs WHERE graph = ? AND sha = ?", (g, sha)).fetchone():
                    cur.execute("DELETE FROM linkin WHERE graph = ?", (g,))
                    cur.executemany("INSERT INTO linkin (graph, body, data) VALUES (?, ?, ?)",
                                    [(g, b, d) for b, d in sorted(links.items())])
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def forget_links(self, graphs: Iterable[str]) -> None:
        """Drop the link inputs kept for `graphs` (documents about to be written again: a
        rebuild under the same content hash, --force or new corrections, may change them,
        and a build killed before it puts their new rows must not leave the old ones)."""
        graphs = list(graphs)
        if not graphs:
            return
        cur = self.db.cursor()
        cur.execute("BEGIN")
        cur.executemany("DELETE FROM linkin WHERE graph = ?", [(g,) for g in graphs])
        cur.execute("COMMIT")

    def drop(self, graphs: Iterable[str]) -> None:
        cur = self.db.cursor()
        cur.execute("BEGIN")
        for g in graphs:
            _delete_graph(cur, g)
            cur.execute("DELETE FROM docs WHERE graph = ?", (g,))
        cur.execute("DELETE FROM meta WHERE key = 'store-files'")
        cur.execute("DELETE FROM kept_rows")
        cur.execute("COMMIT")
        self.__dict__.pop("_vnamed", None)

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def recorded(self) -> dict[str, str]:
        """graph IRI -> content hash of every document the index holds."""
        return dict(self.db.execute("SELECT graph, sha FROM docs"))

    # -- reading -----------------------------------------------------------------------
    def lookup(self, words: Iterable[str], kind: str = "thing") -> set[str] | None:
        """IRIs of the subjects with a text (of `kind`: thing or name; "owned": a thing
        text of a subject some graph names an owner of) that contains every one of
        `words` (case-insensitive substrings); None when a word is too short for the
        index to answer (the caller then scans)."""
        words = [w for w in (" ".join(str(x).split()) for x in words) if w]
        if not words or any(len(w) < MIN_CHARS for w in words):
            return None
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        if kind == "owned":
            return {iri for (iri,) in self.db.execute(
                "SELECT iri FROM texts WHERE texts MATCH ? AND kind = 'thing' "
                "AND iri IN (SELECT iri FROM owned)", (match,))}
        return {iri for (iri,) in self.db.execute(
            "SELECT iri FROM texts WHERE texts MATCH ? AND kind = ?", (match, kind))}


def _holds_oxigraph(store) -> bool:
    from kg.store import holds_oxigraph
    return holds_oxigraph(store)


def index_path(store) -> Path | None:
    path = getattr(store, "path", None)
    return None if path is None else Path(path) / FILE


def _store_texts(store, graphs: list[str] | None = None) -> dict[str, DocRows]:
    """graph IRI -> rows, read from the store (every live graph, or those named), one graph
    at a time: the work is that of the documents read, not of the whole store."""
    import pyoxigraph as ox
    from kg import docrows
    ox_store = store._store
    prefix = store._staging_prefix()
    wanted = [g.value for g in store.live_graphs()] if graphs is None else list(graphs)
    keep = set(KIND) | docrows.PREDICATES
    out: dict[str, DocRows] = {}
    for g in wanted:
        if g.startswith(prefix):
            continue
        triples = [(q.subject.value, q.predicate.value, q.object.value)
                   for q in ox_store.quads_for_pattern(None, None, None, ox.NamedNode(g))
                   if q.predicate.value in keep]
        if triples:
            out[g] = doc_rows(triples)
    return out


def _signature(store) -> dict[str, str]:
    """graph IRI -> content hash: a document's file's, a derived graph's own (a body's link
    graph, the corrections graph: kg.build.graph_hashed), "" for a graph with none (one a
    user's update made, or a derived graph an earlier govkg wrote)."""
    hashes = store.source_hashes()
    for g, sha in store.graph_hashes().items():
        hashes.setdefault(g, "graph " + sha)
    for g in store.live_graphs():
        hashes.setdefault(g.value, "")
    return hashes


def sync(store, index: TextIndex) -> int:
    """Bring `index` in step with the store: re-read every document it has wrong or lacks,
    drop what the store no longer holds.  Returns how many documents changed."""
    hashes = _signature(store)
    have = index.recorded()
    # a graph with no content hash (one a user's update made, a link or corrections graph
    # an earlier govkg wrote) may change without a new hash: it is always read again
    stale = [g for g, sha in hashes.items() if not sha or have.get(g) != sha]
    gone = [g for g in have if g not in hashes]
    if gone:
        index.drop(gone)
    if stale:
        # a few hundred documents a transaction: the rows of a whole store are not held at
        # once, and each document's rows still change with its record (a sync stopped
        # half-way leaves the rest to the next)
        # A body's link graph holds the report-backs of all its meetings (tens of thousands
        # of triples for a body of a hundred meetings, growing with them): each is read
        # when put, so the writer holds one at a time, not every touched body's at once,
        # and all of them go in one transaction (each transaction adds segments to the
        # index's full-text tables, which are merged and written again).
        derived = [g for g in stale if hashes[g].startswith("graph ")]
        documents = [g for g in stale if not hashes[g].startswith("graph ")]
        for i in range(0, len(documents), 200):
            part = documents[i:i + 200]
            texts = _store_texts(store, part)
            index.put((g, hashes[g], texts.get(g) or DocRows([])) for g in part)
        if derived:
            index.put((g, hashes[g], _store_texts(store, [g]).get(g) or DocRows([])) for g in derived)
    refresh_followups(index)
    refresh_entities(index)
    return len(stale) + len(gone)


def for_writer(store) -> TextIndex | None:
    """The index of a store opened for writing, in step with it (None for other stores)."""
    path = index_path(store)
    if path is None or not _holds_oxigraph(store):
        return None
    try:
        index = TextIndex(path)
    except sqlite3.DatabaseError:
        # a damaged file (the store is the source: it is made again; the writer holds the lock)
        _unlink(*_sidecars(path))
        index = TextIndex(path)
    index.for_writing()
    sync(store, index)
    return index


def links_at(path: str | os.PathLike, body: str, graphs: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(graph IRI, link inputs) as `TextIndex.links_of` gives them, one document at a time,
    read from the index file at `path` by a read-only connection of its own: a build's
    worker reads a body's inputs itself, so the writer never holds them (WAL: the writer's
    commits are seen, its transaction in progress is not)."""
    db = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, timeout=30)
    try:
        for g, sha, data in db.execute(
                "SELECT l.graph, d.sha, l.data FROM linkin l JOIN docs d ON d.graph = l.graph WHERE l.body = ?",
                (body,)):
            if graphs.get(g) == sha:
                yield g, data
    finally:
        db.close()


def for_build(store) -> TextIndex | None:
    """The index of a store a build writes, not yet checked against it: the build puts
    each document's rows (`built_rows`) as it writes the document, then `update` brings
    the rest in step (the link and corrections graphs, anything the index lacked)."""
    path = index_path(store)
    if path is None or not _holds_oxigraph(store):
        return None
    try:
        index = TextIndex(path)
    except sqlite3.DatabaseError:
        _unlink(*_sidecars(path))  # as for_writer: the store is the source, the writer holds the lock
        index = TextIndex(path)
    index.for_writing()
    return index


def for_reader(store) -> TextIndex | None:
    """The index a reader uses: the store folder's, built from the store when missing; one
    per store handle, checked against the store when the handle first uses it."""
    path = index_path(store)
    if path is None or not _holds_oxigraph(store):
        return None
    cached = store.__dict__.get("_textindex")
    if cached is not None:
        return cached
    index = _open_for_reader(store, path)
    store.__dict__["_textindex"] = index
    return index


def _version_of(path: Path) -> int | None:
    """The layout version of an index file (None when it cannot be read)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            return db.execute("PRAGMA user_version").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return None


def _sidecars(path: Path) -> tuple[Path, Path, Path]:
    return path, Path(str(path) + "-wal"), Path(str(path) + "-shm")


def _unlink(*paths: Path) -> None:
    for p in paths:
        try:
            p.unlink()
        except OSError:
            pass


def _publish(tmp: Path, path: Path) -> None:
    """Put a finished index file (closed, so its log is written back) in place: linked, never
    renamed over another, so no reader's file is paired with another file's log; a log left
    by a file that is gone is removed first.  Files of other layouts are removed."""
    if not path.exists():
        _unlink(*_sidecars(path)[1:])
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass  # another reader made it first: theirs is used
    _unlink(*_sidecars(tmp))
    for e in os.scandir(path.parent):
        name = e.name.lstrip(".")
        if name.startswith(PREFIX) and not name.startswith(FILE) and ".new-" not in name:
            _unlink(Path(e.path))


def _open_for_reader(store, path: Path) -> TextIndex | None:
    if path.exists() and _version_of(path) != VERSION:
        # a file of this name with another layout (an older govkg named it so): nobody
        # can use it, so it goes, with its log
        _unlink(*_sidecars(path))
    if not path.exists():
        # missing: made from the store beside it, then put in place
        tmp = path.with_name(f".{FILE}.new-{os.getpid()}")
        try:
            _unlink(*_sidecars(tmp))
            index = TextIndex(tmp)
            sync(store, index)
            index.close()
            _publish(tmp, path)
        except (OSError, sqlite3.Error):
            # a folder this reader cannot write: an index in memory, for this process
            _unlink(*_sidecars(tmp))
            index = TextIndex(None)
            sync(store, index)
            return index
    try:
        index = TextIndex(path)
        # the store's files as they were when a build or a reader last found the index in
        # step with it: nothing was written since, so the index is still in step (comparing
        # every document's hash reads the store: half a second at 4,000 documents)
        mark = _in_step_mark(index, _files_mark(store))
        current = mark is not None and index.meta("store-files") == mark
        if not current:
            current = index.recorded() == _signature(store)
            if current and mark is not None:
                try:
                    index.set_meta("store-files", mark)
                except sqlite3.Error:
                    pass  # a folder this reader cannot write: the next one checks again
    except sqlite3.Error:
        return None
    if not current:
        # behind the store (a build stopped before it brought the index in step): this
        # process reads an index of its own, made from the store
        index.close()
        index = TextIndex(None)
        sync(store, index)
    return index


def _in_step_mark(index: TextIndex, files_mark: str | None) -> str | None:
    """The mark kept while `index` is in step with store files `files_mark`: the files and
    as many documents as the index holds."""
    if files_mark is None:
        return None
    return f"{files_mark} {index.db.execute('SELECT count(*) FROM docs').fetchone()[0]}"


def mark_in_step(store_path: str | os.PathLike) -> None:
    """After a build has closed its store, its index brought in step by `update`: keep the
    store folder's files as the index's, so the first reader after the build does not open
    the store to compare every document's hash.  Nothing is kept while a writer holds the
    folder (its files are not the ones the index was brought in step with)."""
    from kg.store import writer_active
    folder = Path(store_path)
    path = folder / FILE
    if writer_active(folder) or not path.exists() or _version_of(path) != VERSION:
        return
    try:
        index = TextIndex(path)
    except sqlite3.Error:
        return
    try:
        mark = _in_step_mark(index, _folder_mark(folder))
        if mark is not None and not writer_active(folder):
            index.set_meta("store-files", mark)
    except sqlite3.Error:
        pass  # a reader checks the store itself, as without a mark
    finally:
        index.close()


def _files_mark(store) -> str | None:
    """`_folder_mark` of a handle's store folder.  None when the handle reads a writer's
    snapshot, which has files of its own."""
    if getattr(store, "_snapshot_fd", None) is not None or getattr(store, "path", None) is None:
        return None
    return _folder_mark(store.path)


def _folder_mark(folder) -> str | None:
    """Names, sizes and modification times of a store folder's own files (Oxigraph's
    write-ahead log, tables and manifest): any write changes one of them."""
    import hashlib
    h = hashlib.sha256()
    try:
        with os.scandir(folder) as entries:
            for e in sorted(entries, key=lambda e: e.name):
                # (not the index itself, nor RocksDB's lock and its log of messages)
                if e.is_file(follow_symlinks=False) and not e.name.lstrip(".").startswith((PREFIX, "LOG", "LOCK")):
                    st = e.stat(follow_symlinks=False)
                    h.update(f"{e.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return h.hexdigest()


# a query's rows are kept only while they are smaller than this, compressed
KEEP_MOST_BYTES = 64 * 1024 * 1024


def store_mark(store) -> str | None:
    """What the store folder's files are now (see `_files_mark`), or None when a writer
    holds the folder or the handle reads a snapshot: rows read now may be kept under it."""
    from kg.store import writer_active
    path = getattr(store, "path", None)
    if path is None or not getattr(store, "read_only", False) or writer_active(path):
        return None
    return _files_mark(store)


def kept_rows(store, key: str, mark: str):
    """(columns, rows) a reader kept for `key` while the store's files were `mark`, or None."""
    index = for_reader(store)
    if index is None or index.path is None:
        return None
    try:
        row = index.db.execute("SELECT data FROM kept_rows WHERE key = ? AND mark = ?", (key, mark)).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    import json
    import zlib
    columns, rows = json.loads(zlib.decompress(row[0]))
    return columns, rows


def keep_rows(store, key: str, mark: str, columns: list[str], rows: list[dict]) -> None:
    """Keep a query's rows for the next reader of the same store state (rows of another
    state are dropped); nothing is kept when the store's files changed while it read."""
    index = for_reader(store)
    if index is None or index.path is None or store_mark(store) != mark:
        return
    import json
    import zlib
    data = zlib.compress(json.dumps([columns, rows], separators=(",", ":")).encode(), 1)
    if len(data) > KEEP_MOST_BYTES:
        return
    try:
        index.db.execute("BEGIN")
        index.db.execute("DELETE FROM kept_rows WHERE mark != ?", (mark,))
        index.db.execute("INSERT OR REPLACE INTO kept_rows (key, mark, data) VALUES (?, ?, ?)", (key, mark, data))
        index.db.execute("COMMIT")
    except sqlite3.Error:
        try:
            index.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def remembered(store, key: str, compute):
    """`compute()` (a value JSON can hold), kept in the store folder's index for the next
    reader of the same store state, as `kept_rows` keeps a listing (a whole-store count
    read by every `govkg ask` is counted once per state of the store)."""
    mark = store_mark(store)
    if mark is not None:
        found = kept_rows(store, "value " + key, mark)
        if found is not None:
            return found[1]
    value = compute()
    if mark is not None:
        keep_rows(store, "value " + key, mark, [], value)
    return value


def invalidate(store) -> None:
    """Forget the index of a store a SPARQL update changed (remade from the store when next
    read): an update can change texts without changing any document's hash."""
    path = index_path(store)
    store.__dict__.pop("_textindex", None)
    if path is not None:
        for p in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            try:
                p.unlink()
            except OSError:
                pass


def update(store) -> None:
    """Bring a writer's store folder's index in step with the store (end of a build)."""
    index = for_writer(store)
    if index is not None:
        index.close()
        store.__dict__.pop("_textindex", None)


def lookup(store, words: Iterable[str], kind: str = "thing") -> set[str] | None:
    """IRIs of facts (kind "thing": actions, responsibilities, documents, items,
    declarations) or of people and organisations (kind "name") whose text contains every
    one of `words` as a case-insensitive substring; None when the index cannot answer (a
    remote store, or a word under three characters), and the caller should scan.

    A superset of what the store holds: check candidates against the store."""
    index = for_reader(store)
    return None if index is None else index.lookup(words, kind)


# -- the interactive reads, from the rows kept per document ---------------------------------
# Each gives what its named query gives over the store (kg.docrows says how the rows are
# kept); the order is the query's ORDER BY, rows equal in its keys in the order of their
# other columns.

def _key(v):
    return (v is not None, v or "")  # an unbound value sorts first, as in SPARQL


def _ordered(rows, first: tuple[int, ...]) -> list[tuple]:
    """`rows` sorted by the columns `first`, then by every column (as a query's ORDER BY
    and the order of its other columns): the whole row's key is made only for rows that tie
    on the first columns, which few do."""
    from itertools import groupby
    from operator import itemgetter
    rows = list(rows)
    of_first = itemgetter(*first)
    if all(type(r[i]) is str for r in rows for i in first):
        out = sorted(rows, key=of_first)  # (no unbound value: _key's order is the strings')
    else:
        out = sorted(rows, key=lambda r: tuple(_key(r[i]) for i in first))
    ordered: list[tuple] = []
    for _, tied in groupby(out, key=of_first):
        tied = list(tied)
        if len(tied) > 1:
            tied.sort(key=lambda r: tuple(map(_key, r)))
        ordered += tied
    return ordered


def _chunks(values: list, n: int = 500):
    for i in range(0, len(values), n):
        yield values[i:i + n]


def _select_in(db, sql: str, column_values: list) -> list[tuple]:
    """`sql` (ending "IN (%s)") for each chunk of values: SQLite binds a bounded number."""
    out: list[tuple] = []
    for part in _chunks(sorted(set(column_values))):
        out += db.execute(sql % ",".join("?" * len(part)), part).fetchall()
    return out


def _names_of(db, entities) -> dict[str, list[str]]:
    """entity -> its foaf:names in every document, sorted."""
    names: dict[str, set] = {}
    for e, label in _select_in(db, "SELECT DISTINCT entity, label FROM names WHERE alt = 0 AND entity IN (%s)",
                               [e for e in entities if e]):
        names.setdefault(e, set()).add(label)
    return {e: sorted(v) for e, v in names.items()}


def _dicts(columns: list[str], rows) -> list[dict[str, str]]:
    out = []
    for r in rows:
        d = dict(zip(columns, r))
        if None in r:  # an unbound value is left out, as a query's row leaves it
            d = {c: v for c, v in d.items() if v is not None}
        out.append(d)
    return out


FACT_TEXTS = ["fact", "kind", "relation", "text", "item_title", "by", "by_name", "meeting", "evidence"]


def fact_text_rows(index: TextIndex, facts: Iterable[str] | None = None,
                   kinds: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The fact-texts query's rows (of the given facts, or of all; of the given kinds of
    fact, or of every kind)."""
    sql = "SELECT fact, kind, relation, text, by_iri, optional, relby, meeting, item_title, evidence FROM facts"
    # (a fact has one kind: its rows are all kept or all left out; "+kind": looked up by
    # fact, the kind only filters)
    kinds = [] if kinds is None else sorted(set(kinds))
    of_kinds = f"+kind IN ({','.join('?' * len(kinds))})" if kinds else ""
    if facts is None:
        raw = index.db.execute(sql + (" WHERE " + of_kinds if kinds else ""), kinds).fetchall()
    else:
        raw = []
        for part in _chunks(sorted(set(facts))):
            raw += index.db.execute(sql + f" WHERE fact IN ({','.join('?' * len(part))})"
                                    + (" AND " + of_kinds if kinds else ""), part + kinds).fetchall()
    names = _names_of(index.db, {r[4] for r in raw})
    groups: dict[tuple, list] = {}
    for f, kind, rel, text, by, optional, relby, meeting, item, ev in raw:
        groups.setdefault((f, kind, None if relby else rel, text, meeting, item, ev, optional, relby),
                          []).append((by, rel))
    out: set[tuple] = set()
    for (f, kind, rel, text, meeting, item, ev, optional, relby), bys in groups.items():
        named = [(by, n, by_rel) for by, by_rel in bys if by for n in names.get(by, ())]
        for by, n, by_rel in named:
            out.add((f, kind, by_rel if relby else rel, text, item, by, n, meeting, ev))
        if not named and optional:
            out.add((f, kind, rel, text, item, None, None, meeting, ev))
    return _dicts(FACT_TEXTS, _ordered(out, (7, 0, 6)))


def fact_candidates(index: TextIndex, words: list[str], kinds: Iterable[str] | None = None) -> set[str] | None:
    """Facts (of the given kinds, or of every kind) that may name every one of `words` (stems,
    each beginning a word of its text, its item's title, its evidence or its owner's or
    speaker's name): the facts kg.ask's word match can keep, and perhaps a few more.  None
    when a word is not one the index holds."""
    if not words or any(not w.isalnum() or not w.isascii() for w in words):
        return None
    kinds = [] if kinds is None else sorted(set(kinds))
    if any(not k.isalpha() or not k.isascii() for k in kinds):
        return None
    # the kinds are words of the word table's kind column: FTS5 keeps the facts of those
    # kinds among those holding the word from its own lists, no row of another kind is read
    of_kinds = f" AND {{kind}} : ({' OR '.join(kinds)})" if kinds else ""
    by_kind = f" AND +kind IN ({','.join('?' * len(kinds))})" if kinds else ""
    found: set[str] | None = None
    for w in words:
        match = f'"{w}"*'
        facts = {f for (f,) in index.db.execute(
            "SELECT s.fact FROM fact_words JOIN fact_stems s ON s.id = fact_words.rowid "
            "WHERE fact_words MATCH ?", ("{stems} : " + match + of_kinds,))}
        people = {e for (e,) in index.db.execute(
            "SELECT s.entity FROM name_words JOIN name_stems s ON s.id = name_words.rowid "
            "WHERE name_words MATCH ? AND s.alt = 0", (match,))}
        if people:
            for part in _chunks(sorted(people)):
                facts |= {f for (f,) in index.db.execute(
                    f"SELECT fact FROM facts WHERE by_iri IN ({','.join('?' * len(part))}){by_kind}", part + kinds)}
        found = facts if found is None else found & facts
        if not found:
            return set()
    return found


def _graphs_with_stem(db, stem: str) -> set[str]:
    """The documents (graphs) holding a word that begins with `stem` in a passage or a fact's
    text (an alphanumeric ASCII stem, which the full-text match takes as a prefix)."""
    return {g for (g,) in db.execute(
        "SELECT s.graph FROM doc_words JOIN doc_stems s ON s.id = doc_words.rowid WHERE doc_words MATCH ?",
        (f'"{stem}"*',))}


def facts_near_words(index: TextIndex, word_sets: Iterable[list[str]], kinds: Iterable[str] | None = None,
                     only: set[str] | None = None) -> set[str] | None:
    """Facts (of the given kinds, or of every kind; by one of `only`, when given) whose texts,
    owner's or speaker's name and the sentences around them in their minutes may name every
    word of one of `word_sets` (stems, each beginning a word): the facts of the documents
    holding each word in a passage or a fact's text, or by someone named by it.  A superset
    of the facts kg.ask's match on the sentences around a fact (and on all but one word) can
    keep; None when a word is not one the index holds."""
    sets = [list(ws) for ws in word_sets if ws]
    if not sets or any(not w.isalnum() or not w.isascii() for ws in sets for w in ws):
        return None
    db = index.db
    graphs_of_word: dict[str, set[str]] = {}
    for w in dict.fromkeys(w for ws in sets for w in ws):
        match = f'"{w}"*'
        graphs = _graphs_with_stem(db, w)
        # (an owner's or speaker's name is one of the texts matched: the names of any document)
        people = {e for (e,) in db.execute(
            "SELECT s.entity FROM name_words JOIN name_stems s ON s.id = name_words.rowid "
            "WHERE name_words MATCH ? AND s.alt = 0", (match,))}
        graphs |= {g for (g,) in _select_in(db, "SELECT DISTINCT graph FROM facts WHERE by_iri IN (%s)",
                                              list(people))}
        graphs_of_word[w] = graphs
    chosen: set[str] = set()
    for ws in sets:
        chosen |= set.intersection(*(graphs_of_word[w] for w in ws))
    if only is not None:
        chosen &= {g for (g,) in _select_in(db, "SELECT DISTINCT graph FROM facts WHERE by_iri IN (%s)",
                                              list(only))}
    kinds = [] if kinds is None else sorted(set(kinds))
    by_kind = f" AND +kind IN ({','.join('?' * len(kinds))})" if kinds else ""
    found: set[str] = set()
    for part in _chunks(sorted(chosen)):
        found |= {f for (f,) in db.execute(f"SELECT DISTINCT fact FROM facts WHERE graph IN "
                                           f"({','.join('?' * len(part))}){by_kind}", part + kinds)}
    return found


def facts_by(index: TextIndex, entities: Iterable[str]) -> set[str]:
    """The facts owned, said, held, written or presented by one of `entities`."""
    return {f for (f,) in _select_in(index.db, "SELECT DISTINCT fact FROM facts WHERE by_iri IN (%s)",
                                     list(entities))}


def facts_at(index: TextIndex, meetings: Iterable[str], kinds: Iterable[str] | None = None) -> set[str]:
    """The facts (of the given kinds, or of every kind) with a fact-texts row at one of `meetings`."""
    kinds = [] if kinds is None else sorted(set(kinds))
    by_kind = f" AND +kind IN ({','.join('?' * len(kinds))})" if kinds else ""
    found: set[str] = set()
    for part in _chunks(sorted(set(meetings))):
        found |= {f for (f,) in index.db.execute(f"SELECT DISTINCT fact FROM facts WHERE meeting IN "
                                                 f"({','.join('?' * len(part))}){by_kind}", part + kinds)}
    return found


def entities_with_stem(index: TextIndex, stems: Iterable[str]) -> set[str] | None:
    """People and organisations with a name or other surface form that has a word whose stem
    begins with one of `stems`; None when a stem is not one the index holds."""
    stems = list(stems)
    if not stems or any(not w.isalnum() or not w.isascii() for w in stems):
        return None
    return {e for w in stems for (e,) in index.db.execute(
        "SELECT s.entity FROM name_words JOIN name_stems s ON s.id = name_words.rowid WHERE name_words MATCH ?",
        (f'"{w}"*',))}


def fact_counts(index: TextIndex, kinds: Iterable[str], only: set[str] | None = None
                ) -> tuple[list[tuple[str, int]], int]:
    """What `govkg ask` says it searched: (kind, facts of it) for each of `kinds` that has
    fact-texts rows (of facts by one of `only`, when given), in the order the kinds first
    appear in those rows, and the number of meetings of those rows."""
    kinds = set(kinds)
    if only is not None:
        counts: dict[str, set] = {}
        meetings: set[str] = set()
        for r in fact_text_rows(index, [f for (f,) in _select_in(
                index.db, "SELECT DISTINCT fact FROM facts WHERE by_iri IN (%s)", list(only))]):
            if r["kind"] in kinds and r.get("by") in only:
                counts.setdefault(r["kind"], set()).add(r["fact"])
                if r.get("meeting"):
                    meetings.add(r["meeting"])
        return [(k, len(v)) for k, v in counts.items()], len(meetings)
    named = "EXISTS (SELECT 1 FROM names n WHERE n.entity = f.by_iri AND n.alt = 0)"
    firsts, meetings = [], set()
    for kind in kinds:
        # an item is a fact-texts row only when its presenter has a name
        cond = "f.kind = ?" + (f" AND {named}" if kind == "item" else "")
        first = index.db.execute(f"SELECT f.meeting, f.fact FROM facts f WHERE {cond} "
                                 "ORDER BY f.meeting, f.fact LIMIT 1", (kind,)).fetchone()
        if first is None:
            continue
        n = index.db.execute(f"SELECT COUNT(DISTINCT f.fact) FROM facts f WHERE {cond}", (kind,)).fetchone()[0]
        meetings |= {m for (m,) in index.db.execute(
            f"SELECT DISTINCT f.meeting FROM facts f WHERE {cond} AND f.meeting IS NOT NULL", (kind,))}
        firsts.append(((_key(first[0]), first[1]), kind, n))
    return [(kind, n) for _, kind, n in sorted(firsts)], len(meetings)


def who_owns_rows(index: TextIndex, thing_text: str) -> list[dict[str, str]]:
    """The who-owns query's rows for -p thing=THING_TEXT."""
    sql = "SELECT fact, thing, relation, owner, evidence FROM owns"
    if len(thing_text) < MIN_CHARS:  # under a trigram: every owned thing is read
        raw = index.db.execute(sql).fetchall()
    else:
        raw = index.db.execute(sql + " WHERE rowid IN (SELECT rowid FROM owns_words WHERE owns_words MATCH ?)",
                               ('"' + thing_text.replace('"', '""') + '"',)).fetchall()
    want = thing_text.lower()
    raw = [r for r in raw if want in r[1].lower()]
    names = _names_of(index.db, {r[3] for r in raw})
    out = {(thing, rel, owner, n, ev) for _, thing, rel, owner, ev in raw for n in names.get(owner, ())}
    ordered = sorted(out, key=lambda r: (_key(r[0]), _key(r[3]), *map(_key, r)))
    return _dicts(["thing", "relation", "owner", "owner_name", "evidence"], ordered)


def entities_named(index: TextIndex, text: str) -> set[str]:
    """People and organisations with a name or other surface form that contains `text`
    (case-insensitive), as the accountable query's FILTER EXISTS finds them."""
    found = index.lookup([text], "name")
    sql = "SELECT entity, label FROM names"
    raw = index.db.execute(sql).fetchall() if found is None else \
        _select_in(index.db, sql + " WHERE entity IN (%s)", list(found))
    want = text.lower()
    return {e for e, label in raw if want in label.lower()}


ACCOUNTABILITIES = ["entity", "entity_name", "relation", "thing", "fact", "meeting", "meeting_label", "evidence",
                    "item_title"]


def accountabilities_rows(index: TextIndex, entities: Iterable[str] | None = None, *,
                          first_per_thing: bool = False) -> list[dict[str, str]]:
    """The accountabilities query's rows (of the given entities, or of all).  With
    `first_per_thing`, of the rows of one entity with the same relation, thing and evidence
    only the first in the query's order (the one `govkg ask` keeps of them: the same thing
    recorded at many meetings is many rows)."""
    sql = "SELECT entity, relation, thing, fact, meeting, meeting_label, evidence, item_title FROM acc"
    raw = index.db.execute(sql).fetchall() if entities is None else \
        _select_in(index.db, sql + " WHERE entity IN (%s)", list(entities))
    if first_per_thing:
        # rows equal in entity, relation, thing and evidence are ordered by fact, meeting,
        # label and item whatever the entity's names: the least of those comes first
        first: dict[tuple, tuple] = {}
        for r in raw:
            k = (r[0], r[1], r[2], r[6])
            was = first.get(k)
            # (a fact is never unbound: its IRI decides, unless the two rows are of one fact)
            if was is None or r[3] < was[3] or (r[3] == was[3] and tuple(map(_key, (r[4], r[5], r[7]))) <
                                                 tuple(map(_key, (was[4], was[5], was[7])))):
                first[k] = r
        raw = list(first.values())
    names = _names_of(index.db, {r[0] for r in raw})
    out = {(e, n, rel, thing, f, m, lab, ev, item) for e, rel, thing, f, m, lab, ev, item in raw
           for n in names.get(e, ())}
    ordered = sorted(out, key=lambda r: (_key(r[1]), _key(r[2]), _key(r[3]), *map(_key, r)))
    return _dicts(ACCOUNTABILITIES, ordered)


# (each document repeats a person's name: the names are made distinct before the join)
_ACCOUNTABLE_SQL = ("WITH n AS (SELECT DISTINCT entity, label FROM names WHERE alt = 0 AND entity IN ({0})) "
                    "SELECT DISTINCT n.label, a.relation, a.thing, a.meeting, a.evidence FROM n "
                    "JOIN acc a ON a.entity = n.entity WHERE a.meeting IS NOT NULL AND a.meeting != ''")


ACCOUNTABLE = ["entity_name", "relation", "thing", "meeting", "evidence"]


def _accountable_of(db, entity: str) -> list[dict[str, str]]:
    """One entity's accountable rows: its facts with a meeting, each with each of its names
    (of any document), distinct, in the query's order (by SQLite's, as `accountable_rows`)."""
    labels = [lab for (lab,) in db.execute(
        "SELECT DISTINCT label FROM names WHERE entity = ? AND alt = 0 ORDER BY label", (entity,))]
    if not labels:
        return []
    facts = db.execute("SELECT DISTINCT relation, thing, meeting, evidence FROM acc WHERE entity = ? "
                       "AND meeting IS NOT NULL AND meeting != ''", (entity,)).fetchall()
    facts.sort(key=lambda r: (r[0], r[1], r[2], _key(r[3])))
    return _dicts(ACCOUNTABLE, [(lab, *r) for lab in labels for r in facts])


def _make_entities(db, entities: list[str] | None) -> None:
    """(Re)make the kept rows (`enames`, `arows`) of `entities` (None: of every entity)."""
    import json
    if entities is None:
        db.execute("INSERT INTO enames_words (enames_words) VALUES ('delete-all')")
        db.execute("DELETE FROM enames")
        db.execute("DELETE FROM arows")
        entities = [e for (e,) in db.execute("SELECT DISTINCT entity FROM names UNION SELECT entity FROM acc")]
    else:
        for part in _chunks(sorted(set(entities))):
            marks = ",".join("?" * len(part))
            db.execute("INSERT INTO enames_words (enames_words, rowid, label) SELECT 'delete', id, label FROM enames "
                       f"WHERE entity IN ({marks})", part)
            db.execute(f"DELETE FROM enames WHERE entity IN ({marks})", part)
            db.execute(f"DELETE FROM arows WHERE entity IN ({marks})", part)
    (top,) = db.execute("SELECT coalesce(max(id), 0) FROM enames").fetchone()
    for part in _chunks(sorted(set(entities))):
        db.execute("INSERT INTO enames (entity, label, alt) SELECT DISTINCT entity, label, alt FROM names "
                   f"WHERE entity IN ({','.join('?' * len(part))}) ORDER BY 1, 3, 2", part)
    db.execute("INSERT INTO enames_words (rowid, label) SELECT id, label FROM enames WHERE id > ? ORDER BY id",
               (top,))
    with_facts = {e for part in _chunks(sorted(set(entities))) for (e,) in db.execute(
        f"SELECT DISTINCT entity FROM acc WHERE entity IN ({','.join('?' * len(part))})", part)}
    for e in sorted(with_facts):
        rows = _accountable_of(db, e)
        if rows:
            db.execute("INSERT INTO arows (entity, n, data) VALUES (?, ?, ?)",
                       (e, len(rows), json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))


def refresh_entities(index: TextIndex) -> bool:
    """Make the kept rows of the entities whose names or facts changed (all of them the
    first time); False when the index cannot be written (a reader of a folder it cannot
    write: the rows are then joined from their parts when read)."""
    db = index.db
    try:
        made = db.execute("SELECT 1 FROM meta WHERE key = 'entities' AND value = 'made'").fetchone() is not None
        if made and db.execute("SELECT 1 FROM edirty LIMIT 1").fetchone() is None:
            return True
        db.execute("BEGIN IMMEDIATE")
        try:
            if made:
                _make_entities(db, [e for (e,) in db.execute("SELECT entity FROM edirty")])
            else:
                _make_entities(db, None)
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('entities', 'made')")
            db.execute("DELETE FROM edirty")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return True
    except sqlite3.Error:
        return False


def _kept_entities_named(index: TextIndex, text: str) -> set[str]:
    """`entities_named` from the kept distinct names (refreshed)."""
    w = " ".join(str(text).split())
    if len(w) < MIN_CHARS:  # under a trigram: every name is read
        raw = index.db.execute("SELECT entity, label FROM enames").fetchall()
    else:
        raw = index.db.execute("SELECT entity, label FROM enames WHERE id IN "
                               "(SELECT rowid FROM enames_words WHERE enames_words MATCH ?)",
                               ('"' + w.replace('"', '""') + '"',)).fetchall()
    want = text.lower()
    return {e for e, label in raw if want in label.lower()}


def _kept_accountable_rows(index: TextIndex, entities: list[str]) -> list[dict[str, str]]:
    """The accountable rows of `entities` from the rows kept per entity: one entity's are
    the answer as kept; several entities' are merged (two may share a name and a fact)."""
    import json
    kept = _select_in(index.db, "SELECT entity, data FROM arows WHERE entity IN (%s)", entities)
    if len(kept) == 1:
        return json.loads(kept[0][1])
    merged: dict[tuple, dict] = {}
    for _e, data in kept:
        for r in json.loads(data):
            merged.setdefault((r["entity_name"], r["relation"], r["thing"], r["meeting"], _key(r.get("evidence"))),
                              r)
    return [merged[k] for k in sorted(merged)]


def accountable_rows(index: TextIndex, entity_text: str) -> list[dict[str, str]]:
    """The accountable query's rows for -p entity=ENTITY_TEXT."""
    if refresh_entities(index):
        return _kept_accountable_rows(index, sorted(_kept_entities_named(index, entity_text)))
    return _joined_accountable_rows(index, sorted(entities_named(index, entity_text)))


def _joined_accountable_rows(index: TextIndex, entities: list[str]) -> list[dict[str, str]]:
    """The accountable rows of `entities` joined from every document's names and facts
    (what a reader that cannot write the index reads)."""
    cols = ACCOUNTABLE
    if len(entities) <= 500:
        # names joined, made distinct and ordered by SQLite: its NULLs sort first and its
        # text compares by code point (UTF-8 bytes), as _key orders them
        raw = index.db.execute(_ACCOUNTABLE_SQL.format(",".join("?" * len(entities))) + " ORDER BY 1, 2, 3, 4, 5",
                               entities).fetchall() if entities else []
        return _dicts(cols, raw)
    out = set(_select_in(index.db, _ACCOUNTABLE_SQL.format("%s"), entities))
    ordered = sorted(out, key=lambda r: (_key(r[0]), _key(r[1]), _key(r[2]), *map(_key, r)))
    return _dicts(cols, ordered)


def meeting_list_rows(index: TextIndex, only: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The meetings query's rows (of the given meetings, or of all)."""
    sql = "SELECT meeting, bodies, date, chairs, source FROM meets"
    raw = index.db.execute(sql).fetchall() if only is None else \
        _select_in(index.db, sql + " WHERE meeting IN (%s)", list(only))
    names = _names_of(index.db, {x for r in raw for x in (r[1] + "\t" + r[3]).split("\t") if x})
    # a meeting's bodies and dates are those of every document of it, as the merged graph
    # has them; a chair goes with the source of the document that names them
    of: dict[str, tuple[set, set]] = {}
    for m, bodies, date, _c, _s in raw:
        b_set, d_set = of.setdefault(m, (set(), set()))
        b_set.update(n for b in bodies.split("\t") if b for n in names.get(b, ()))
        if date is not None:
            d_set.add(date)
    out: set[tuple] = set()
    for m, _b, _d, chairs, source in raw:
        chair_names = sorted({n for c in chairs.split("\t") if c for n in names.get(c, ())}) or [None]
        b_set, d_set = of[m]
        out |= {(m, b, date, c, source) for b in sorted(b_set) or [None] for date in sorted(d_set) or [None]
                for c in chair_names}
    ordered = sorted(out, key=lambda r: (_key(r[2]), _key(r[1]), *map(_key, r)))
    return _dicts(["meeting", "body", "date", "chair", "source"], ordered)


def latest_days(index: TextIndex) -> dict[str, str]:
    """Body name -> the day of its latest meeting, as `kg.ask.meetings` names each meeting's
    body and date (the first of the meetings listing's rows of it: its first date, and of
    its bodies' names the first in order), counting meetings with both."""
    raw = index.db.execute("SELECT meeting, bodies, date FROM meets").fetchall()
    names = _names_of(index.db, {b for r in raw for b in r[1].split("\t") if b})
    of: dict[str, tuple[set, set]] = {}
    for m, bodies, date in raw:
        b_set, d_set = of.setdefault(m, (set(), set()))
        b_set.update(n for b in bodies.split("\t") if b for n in names.get(b, ()))
        if date is not None:
            d_set.add(date)
    latest: dict[str, str] = {}
    for b_set, d_set in of.values():
        body, date = min(b_set, default=""), min(d_set, default="")
        if body and date:
            latest[body] = max(latest.get(body, ""), date[:10])
    return latest


PASSAGES = ["passage", "source", "start", "end", "exact", "fact"]


def passage_list_rows(index: TextIndex, facts: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The passages query's rows: of every source, or of the sources the given facts were
    taken from (all the passages of each, so the sentences around a fact are all there)."""
    sql = 'SELECT passage, source, start, "end", exact FROM passages'
    if facts is None:
        raw = index.db.execute(sql).fetchall()
    else:
        sources = {s for (s,) in _select_in(index.db, "SELECT p.source FROM derived d JOIN passages p "
                                            "ON p.passage = d.passage WHERE d.fact IN (%s)", list(facts))}
        raw = _select_in(index.db, sql + " WHERE source IN (%s)", list(sources))
    made: dict[str, set] = {}
    for f, p in _select_in(index.db, "SELECT fact, passage FROM derived WHERE passage IN (%s)",
                           [r[0] for r in raw]):
        made.setdefault(p, set()).add(f)
    out = {(p, src, a, b, ex, f) for p, src, a, b, ex in set(raw) for f in (sorted(made.get(p, ())) or [None])}
    return _dicts(PASSAGES, sorted(out, key=lambda r: tuple(map(_key, r))))


MEETING_SENTENCES = ["meeting", "passage", "start", "exact", "fact"]


def meeting_sentence_rows(index: TextIndex, meetings: Iterable[str] | None = None,
                          words: Iterable[str] = ()) -> list[dict[str, str]]:
    """The meeting-sentences query's rows of each of `meetings` (of every meeting: None), in one
    read: each passage of the minutes of the meeting once, in the order of the text, with the
    first fact derived from it (if any).  With `words` (stems, each beginning a word), only the
    meetings of the documents holding every one of them in a passage or a fact's text are read
    (a superset of those whose sentences can hold them all)."""
    db = index.db
    words = list(dict.fromkeys(words))
    graphs: set[str] | None = None
    if words and all(w.isalnum() and w.isascii() for w in words):
        for w in words:
            has = _graphs_with_stem(db, w)
            graphs = has if graphs is None else graphs & has
            if not graphs:
                return []
    sql = "SELECT DISTINCT meeting, graph FROM meets"
    pairs = db.execute(sql).fetchall() if meetings is None else _select_in(db, sql + " WHERE meeting IN (%s)",
                                                                           list(meetings))
    of_graph: dict[str, set[str]] = {}
    for m, g in pairs:
        if graphs is None or g in graphs:
            of_graph.setdefault(g, set()).add(m)
    raw = _select_in(db, 'SELECT graph, passage, start, exact FROM passages WHERE graph IN (%s)', list(of_graph))
    first: dict[str, str] = {}
    for f, p in _select_in(db, "SELECT fact, passage FROM derived WHERE passage IN (%s)", [r[1] for r in raw]):
        if p not in first or f < first[p]:
            first[p] = f
    out = {(m, p, a, ex, first.get(p)) for g, p, a, ex in raw for m in of_graph[g]}
    return _dicts(MEETING_SENTENCES, sorted(out, key=lambda r: (r[0], int(r[2]), r[1])))


# -- the accountability network (views) --------------------------------------------------------
NETWORK = ["source", "source_label", "source_type", "relation", "target", "target_label", "target_type", "evidence"]
_EDGE = "e.source, e.relation, e.target, e.target_label, e.target_type, e.evidence, e.source_text, e.target_named"


def _node_set(db, nodes) -> None:
    """The nodes in the connection's temporary table `vset`, for joins with the edges."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS vset (node TEXT PRIMARY KEY)")
    db.execute("BEGIN")  # one transaction: each insert of its own would be one (seconds for 20,000)
    try:
        db.execute("DELETE FROM temp.vset")
        db.executemany("INSERT OR IGNORE INTO temp.vset (node) VALUES (?)", ((n,) for n in nodes))
    finally:
        db.execute("COMMIT")


def _edges_raw(index: TextIndex, nodes=None, within=None) -> list[tuple]:
    db = index.db
    if nodes is None and within is None:
        return db.execute(f"SELECT DISTINCT {_EDGE} FROM vedges e").fetchall()
    _node_set(db, within if within is not None else nodes)
    if within is not None:
        return db.execute(f"SELECT DISTINCT {_EDGE} FROM vedges e JOIN temp.vset a ON a.node = e.source "
                          "JOIN temp.vset b ON b.node = e.target").fetchall()
    return db.execute(f"SELECT {_EDGE} FROM vedges e JOIN temp.vset a ON a.node = e.source UNION "
                      f"SELECT {_EDGE} FROM vedges e JOIN temp.vset a ON a.node = e.target").fetchall()


def _types_of(db, entities) -> dict[str, set]:
    types: dict[str, set] = {}
    for e, t in _select_in(db, "SELECT entity, type FROM vtypes WHERE entity IN (%s)", [e for e in entities if e]):
        types.setdefault(e, set()).add(t)
    return types


def network_tuples(index: TextIndex, nodes: Iterable[str] | None = None, *,
                   within: Iterable[str] | None = None) -> set[tuple]:
    """The network query's rows as tuples in the order of `NETWORK` (None for an unbound
    value): all of them, those with an end in `nodes`, or those with both ends in `within`."""
    raw = _edges_raw(index, None if nodes is None else set(nodes), None if within is None else set(within))
    return _expand(index.db, raw)


def _expand(db, raw: list[tuple], types: dict[str, set] | None = None) -> set[tuple]:
    """Edge rows (`_EDGE`) joined with their ends' names and their sources' types (`types`,
    when read already), as the merged graph joins them: the network query's rows."""
    names = _names_of(db, {r[0] for r in raw} | {r[2] for r in raw if r[7]})
    if types is None:
        types = _types_of(db, {r[0] for r in raw})
    out: set[tuple] = set()
    other = ("other",)
    for s, rel, t, tl, tt, ev, st, named in raw:
        targets = names.get(t, ()) if named else (tl,)
        for sl in names.get(s) or (st,):
            for stype in types.get(s) or other:
                for x in targets:
                    out.add((s, sl, stype, rel, t, x, tt, ev))
    return out


def network_rows(index: TextIndex, nodes: Iterable[str] | None = None, *,
                 within: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The network query's rows (it has no order): all of them, those with an end in
    `nodes`, or those with both ends in `within`."""
    return _dicts(NETWORK, network_tuples(index, nodes, within=within))


# -- the network as integers (`node_id`): a view's degrees, hops and cut in SQL --------------
# A named target with no name anywhere is no edge (the network query joins its foaf:name).
_LIVE = "(e.target_named = 0 OR e.t IN (SELECT n FROM temp.vnamed))"


def _id_table(db, table: str, ids: Iterable[int]) -> None:
    """The integers in the connection's temporary table `table` (one column, n)."""
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (n INTEGER PRIMARY KEY)")
    db.execute("BEGIN")
    try:
        db.execute(f"DELETE FROM temp.{table}")
        db.executemany(f"INSERT OR IGNORE INTO temp.{table} (n) VALUES (?)", ((n,) for n in ids))
    finally:
        db.execute("COMMIT")


# How many foaf:names each entity has, read as a skip over the index of names: one seek for
# each entity and each of its distinct names, not every document's copy of every name (a name
# is repeated by each of the hundreds of documents of its body; `count(DISTINCT label) ...
# GROUP BY entity` read all 833,497 rows of 10,000 documents, 0.17-0.3 s; this, 0.035 s).
_NAME_COUNTS = """
WITH RECURSIVE ents(e) AS (
  SELECT (SELECT entity FROM names INDEXED BY names_label WHERE alt = 0 ORDER BY entity LIMIT 1)
  UNION ALL
  SELECT (SELECT entity FROM names INDEXED BY names_label WHERE entity > ents.e AND alt = 0 ORDER BY entity LIMIT 1)
  FROM ents WHERE ents.e IS NOT NULL),
labs(e, l) AS (
  SELECT e, (SELECT label FROM names INDEXED BY names_label WHERE entity = ents.e AND alt = 0 ORDER BY label LIMIT 1)
  FROM ents WHERE e IS NOT NULL
  UNION ALL
  SELECT e, (SELECT label FROM names INDEXED BY names_label WHERE entity = labs.e AND alt = 0 AND label > labs.l
             ORDER BY label LIMIT 1)
  FROM labs WHERE l IS NOT NULL)
SELECT e, count(l) FROM labs GROUP BY e"""


def _named(index: TextIndex) -> dict[int, int]:
    """node -> how many foaf:names its documents give it (temp.vnamed holds the same), read
    again when the index has changed since."""
    db = index.db
    version = db.execute("PRAGMA data_version").fetchone()[0]
    kept = index.__dict__.get("_vnamed")
    if kept is not None and kept[0] == version:
        return kept[1]
    counts = {node_id(e): c for e, c in db.execute(_NAME_COUNTS)}
    index._vnamed = (version, counts)
    db.execute("CREATE TEMP TABLE IF NOT EXISTS vnamed (n INTEGER PRIMARY KEY, c INTEGER NOT NULL)")
    db.execute("BEGIN")
    try:
        db.execute("DELETE FROM temp.vnamed")
        db.executemany("INSERT INTO temp.vnamed (n, c) VALUES (?, ?)", counts.items())
    finally:
        db.execute("COMMIT")
    return counts


def _in_scope(scoped: bool, s: str = "e.s", t: str = "e.t") -> str:
    return f" CROSS JOIN temp.vscope sa ON sa.n = {s} CROSS JOIN temp.vscope sb ON sb.n = {t}" if scoped else ""


@dataclass
class Links:
    """The network (or the part of it among the nodes of temp.vscope) as integers: each
    node's degree (how many of the network query's rows have it at an end, as a graph of
    those rows counts them), and the neighbours of every node that may be a person or an
    organisation (typed so by a document, or reached by an organisation's edge)."""

    degree: dict[int, int]
    hub_links: dict[int, set[int]]
    maybe: set[int] = field(default_factory=set)  # the nodes that may be people or organisations


def network_links(index: TextIndex, scoped: bool = False, hub_links: bool = True) -> Links:
    """`Links` of the whole network, or (`scoped`) of its rows with both ends in the nodes
    `scope_of` left in temp.vscope.  Summed in SQL: rows equal but for their graph are
    one (`_edge_keys`), and a pair of nodes counts a row for each of its source's names and
    types and its named target's names, as the rows are joined.  `hub_links` False: the
    degrees and the nodes that may be hubs alone (their links are asked for one by one,
    `neighbour_lists`, by a cut that visits a few of them)."""
    db = index.db
    named = _named(index)
    scope = ("temp.vscope sa CROSS JOIN vedges e ON e.s = sa.n CROSS JOIN temp.vscope sb ON sb.n = e.t"
             if scoped else "vedges e")
    # two sources' rows: those with a name count their keys without the source's text (two
    # queries: one that chose the key row by row read the rows a third slower); and whether
    # an organisation's edge reaches the target, in the same pass
    sql = ("SELECT e.s, e.t, e.target_named, count(DISTINCT e.{key}), max(e.target_type = 'organisation') FROM "
           + scope + " WHERE e.s {op} (SELECT n FROM temp.vnamed) AND " + _LIVE + " GROUP BY e.s, e.t, e.target_named")
    rows = db.execute(sql.format(key="k", op="NOT IN")).fetchall() + db.execute(sql.format(key="ks", op="IN")).fetchall()
    # a source typed two ways counts each row once a type; a node typed a person or an
    # organisation by a document may be a hub: one pass over the types for both
    many: dict[int, int] = {}
    maybe: set[int] = set()
    for n, c, hub in db.execute(
            "SELECT v.n, count(DISTINCT v.type), max(v.type IN ('person', 'organisation')) FROM "
            + ("temp.vscope sa CROSS JOIN vtypes v ON v.n = sa.n" if scoped else "vtypes v")
            + " GROUP BY v.n HAVING count(DISTINCT v.type) > 1 OR max(v.type IN ('person', 'organisation')) = 1"):
        if c > 1:
            many[n] = c
        if hub:
            maybe.add(n)
    maybe |= {t for _s, t, _nm, _c, org in rows if org}
    # (the whole network's half a million pairs: each step of these loops is paid that often)
    degree: dict[int, int] = {}
    get, names_of = degree.get, named.get
    for s, t, nm, c, _org in rows:
        m = c * names_of(s, 1)
        if nm:
            m *= named[t]
        if many:
            m *= many.get(s, 1)
        degree[s] = get(s, 0) + m
        degree[t] = get(t, 0) + m
    links: dict[int, set[int]] = {}
    for s, t, _nm, _c, _org in (rows if hub_links else ()):
        if s in maybe:
            links.setdefault(s, set()).add(t)
        if t in maybe:
            links.setdefault(t, set()).add(s)
    return Links(degree, links, maybe)


def scope_of(index: TextIndex, ids: Iterable[int]) -> None:
    """The nodes `network_links` and the other scoped reads keep to: temp.vscope."""
    _named(index)
    _id_table(index.db, "vscope", ids)


def scope_neighbours(index: TextIndex, ids: Iterable[int]) -> dict[int, set[int]]:
    """node_id -> its neighbours (either way) among temp.vscope's nodes, for those of `ids`."""
    db = index.db
    _named(index)
    _id_table(db, "vnear", ids)
    out: dict[int, set[int]] = {n: set() for (n,) in db.execute("SELECT n FROM temp.vnear")}
    for a, b in db.execute(f"SELECT DISTINCT d.n, e.t FROM temp.vnear d CROSS JOIN vedges e ON e.s = d.n "
                           f"CROSS JOIN temp.vscope sb ON sb.n = e.t WHERE {_LIVE} UNION "
                           f"SELECT DISTINCT d.n, e.s FROM temp.vnear d CROSS JOIN vedges e ON e.t = d.n "
                           f"CROSS JOIN temp.vscope sa ON sa.n = e.s WHERE {_LIVE}"):
        out[a].add(b)
    return out


def neighbour_lists(index: TextIndex, ids: Iterable[int]) -> dict[int, set[int]]:
    """node_id -> its neighbours (either way) in the whole network, for each of `ids`: the
    links of those nodes alone (index seeks, whatever the size of the store)."""
    db = index.db
    _named(index)
    ids = list(ids)
    _id_table(db, "vnear", ids)
    out: dict[int, set[int]] = {n: set() for n in ids}
    for a, b in db.execute(f"SELECT d.n, e.t FROM temp.vnear d CROSS JOIN vedges e ON e.s = d.n WHERE {_LIVE} "
                           f"UNION ALL SELECT d.n, e.s FROM temp.vnear d CROSS JOIN vedges e ON e.t = d.n WHERE {_LIVE}"):
        out[a].add(b)
    return out


def network_adjacency(index: TextIndex, scoped: bool = False) -> dict[int, set[int]]:
    """node_id -> its neighbours (either way) in the network (`scoped`: in temp.vscope's part)."""
    _named(index)
    out: dict[int, set[int]] = {}
    for s, t in index.db.execute("SELECT DISTINCT e.s, e.t FROM " + ("temp.vscope sa CROSS JOIN vedges e ON e.s = sa.n "
                                 "CROSS JOIN temp.vscope sb ON sb.n = e.t" if scoped else "vedges e") + f" WHERE {_LIVE}"):
        out.setdefault(s, set()).add(t)
        out.setdefault(t, set()).add(s)
    return out


def adjacent(index: TextIndex, ids: Iterable[int], *, forward: bool = True, backward: bool = True) -> set[int]:
    """node_ids one row of the network away from any of `ids`: the targets of their rows
    (`forward`) and the sources of the rows reaching them (`backward`)."""
    db = index.db
    _named(index)
    _id_table(db, "vnear", ids)
    out: set[int] = set()
    if forward:
        out |= {n for (n,) in db.execute(
            f"SELECT DISTINCT e.t FROM temp.vnear d CROSS JOIN vedges e ON e.s = d.n WHERE {_LIVE}")}
    if backward:
        out |= {n for (n,) in db.execute(
            f"SELECT DISTINCT e.s FROM temp.vnear d CROSS JOIN vedges e ON e.t = d.n WHERE {_LIVE}")}
    return out


def reached_as(index: TextIndex, iris: Iterable[str], target_type: str) -> set[str]:
    """Those of `iris` some row of the network reaches as a `target_type` (a node is of a
    type only if a row gives it: sources' own types are never a meeting's)."""
    ids = {node_id(n): n for n in iris}
    db = index.db
    _named(index)
    _id_table(db, "vnear", ids)
    return {ids[n] for (n,) in db.execute(
        f"SELECT DISTINCT d.n FROM temp.vnear d CROSS JOIN vedges e ON e.t = d.n WHERE e.target_type = ? AND {_LIVE}",
        (target_type,))}


def meeting_iris(index: TextIndex, *, every: bool = False) -> set[str]:
    """The meetings the documents state (`every`: also any other node a row reaches as a
    meeting, read from every edge row: for a look-up that found nothing)."""
    found = {m for (m,) in index.db.execute("SELECT DISTINCT meeting FROM meets")}
    if every:
        ids = {n for (n,) in index.db.execute(
            "SELECT DISTINCT e.t FROM vedges e INDEXED BY vedges_st WHERE e.target_type = 'meeting'")}
        ids -= {node_id(m) for m in found}
        found |= set(iris_of(index, ids).values()) if ids else set()
    return found


def iris_of(index: TextIndex, ids: Iterable[int]) -> dict[int, str]:
    """node_id -> IRI of the given nodes (those some edge names)."""
    db = index.db
    _id_table(db, "vwant", ids)
    # one seek a node: every document names a node by the same IRI (its digest is the node),
    # and a person or body is named by hundreds of documents
    return {n: iri for n, iri in db.execute(
        "SELECT w.n, (SELECT v.iri FROM vnodes v WHERE v.n = w.n LIMIT 1) FROM temp.vwant w") if iri is not None}


def types_of_ids(index: TextIndex, ids: Iterable[int]) -> dict[int, set[str]]:
    """node_id -> the types (`type_rows`) its documents give it."""
    db = index.db
    _id_table(db, "vwant", ids)
    out: dict[int, set[str]] = {}
    for n, t in db.execute("SELECT DISTINCT v.n, v.type FROM temp.vwant w CROSS JOIN vtypes v ON v.n = w.n"):
        out.setdefault(n, set()).add(t)
    return out


def node_type(source_types: set[str] | None, target_types: Iterable[str]) -> str:
    """A node's type from its rows, as `kg.network.node_types` gives it: the types of its
    documents where a row leaves it (None: no row leaves it; empty: untyped, "other") and the
    target types of the rows that reach it; any but "other" first, then the least."""
    kinds = set(target_types)
    if source_types is not None:
        kinds |= source_types or {"other"}
    return min(kinds - {"other"} or kinds)


def _node_types(index: TextIndex, table: str, scoped: bool) -> dict[int, str]:
    """node_id -> `node_type` of the nodes of temp.`table` some row of the scope touches."""
    db = index.db
    sources = {n for (n,) in db.execute(f"SELECT DISTINCT e.s FROM temp.{table} d CROSS JOIN vedges e ON e.s = d.n"
                                        + _in_scope(scoped) + f" WHERE {_LIVE}")}
    reached: dict[int, set[str]] = {}
    for n, tt in db.execute(f"SELECT DISTINCT e.t, e.target_type FROM temp.{table} d CROSS JOIN vedges e "
                            "ON e.t = d.n" + _in_scope(scoped) + f" WHERE {_LIVE}"):
        reached.setdefault(n, set()).add(tt)
    own = types_of_ids(index, sources)
    return {n: node_type(own.get(n, set()) if n in sources else None, reached.get(n, ()))
            for n in sources | reached.keys()}


def node_types_of(index: TextIndex, ids: Iterable[int], scoped: bool = False) -> dict[int, str]:
    """node_id -> its type (`node_type`) in the whole network (`scoped`: in temp.vscope's
    part), for those of `ids` some row of it touches."""
    _named(index)
    _id_table(index.db, "vkinds", ids)
    return _node_types(index, "vkinds", scoped)


def drawn_rows(index: TextIndex, drawn: dict[int, str], scoped: bool = False
               ) -> tuple[set[tuple], dict[str, str], dict[str, str]]:
    """The network query's rows among the `drawn` nodes (node_id -> IRI), and each drawn
    node's label and type as a graph of every row of the whole network (`scoped`: of
    temp.vscope's part) would give it: the fullest of the texts its rows label it by, and
    `node_type` of its rows.  A node no row of the scope touches has neither."""
    db = index.db
    _named(index)
    _id_table(db, "vdrawn", drawn)
    # (made distinct as a set: SQLite's DISTINCT over every text of 18,000 rows costs more)
    raw = list(set(db.execute(f"SELECT {_EDGE} FROM temp.vdrawn a CROSS JOIN vedges e ON e.s = a.n "
                              "CROSS JOIN temp.vdrawn b ON b.n = e.t")))
    own = types_of_ids(index, drawn)
    rows = _expand(db, raw, {drawn[n]: v for n, v in own.items()})
    texts: dict[int, set] = {}
    by_name: set[int] = set()
    # The rows leaving the drawn nodes, then those reaching them, each read once for the
    # node's type and label: a source labelled by a name is labelled by all its names, one
    # without by its texts; a named target by its names, another by its rows' labels.
    sources: set[int] = set()
    if scoped:
        leaving = ("SELECT DISTINCT e.s, e.s IN (SELECT n FROM temp.vnamed), CASE WHEN e.s IN (SELECT n FROM "
                   "temp.vnamed) THEN NULL ELSE e.source_text END FROM temp.vdrawn d CROSS JOIN vedges e ON e.s = d.n"
                   + _in_scope(scoped) + f" WHERE {_LIVE}")
    else:
        # a named source needs one live row to be a source (its label is its names): one seek
        # in the covering index, not a read of every row a person or body has in every
        # document (a hub's rows grow with the store; the texts are read for the others alone)
        leaving = ("SELECT d.n, 1, NULL FROM temp.vdrawn d WHERE d.n IN (SELECT n FROM temp.vnamed) AND EXISTS "
                   f"(SELECT 1 FROM vedges e INDEXED BY vedges_st WHERE e.s = d.n AND {_LIVE}) UNION ALL "
                   "SELECT DISTINCT e.s, 0, e.source_text FROM temp.vdrawn d CROSS JOIN vedges e ON e.s = d.n "
                   f"WHERE d.n NOT IN (SELECT n FROM temp.vnamed) AND {_LIVE}")
    for n, nm, st in db.execute(leaving):
        sources.add(n)
        if nm:
            by_name.add(n)
        else:
            texts.setdefault(n, set()).add(drawn[n] if st is None else st)
    reached: dict[int, set[str]] = {}
    for n, tt, nm, tl in db.execute(
            "SELECT DISTINCT e.t, e.target_type, e.target_named, CASE WHEN e.target_named = 0 THEN e.target_label END "
            "FROM temp.vdrawn d CROSS JOIN vedges e ON e.t = d.n" + _in_scope(scoped) + f" WHERE {_LIVE}"):
        reached.setdefault(n, set()).add(tt)
        if nm:
            by_name.add(n)
        else:
            texts.setdefault(n, set()).add(drawn[n] if tl is None else tl)
    types = {drawn[n]: node_type(own.get(n, set()) if n in sources else None, reached.get(n, ()))
             for n in sources | reached.keys()}
    names = _names_of(db, [drawn[n] for n in by_name])
    for n in by_name:
        texts.setdefault(n, set()).update(names.get(drawn[n], ()))
    from kg.network import _label_key
    return rows, {drawn[n]: min(v, key=_label_key) for n, v in texts.items()}, types


def nodes_labelled(index: TextIndex, *, fold: str | None = None, bare: str | None = None,
                   contains: str | None = None) -> set[str]:
    """Nodes with a label, name or alias that folds to `fold`, is `bare` without its title,
    or holds `contains` (folded): candidates, each checked by the view against its label."""
    if fold is not None:
        return {n for (n,) in index.db.execute("SELECT DISTINCT node FROM vlabels WHERE fold = ?", (fold,))}
    if bare is not None:
        return {n for (n,) in index.db.execute("SELECT DISTINCT node FROM vlabels WHERE bare = ?", (bare,))}
    return {n for (n,) in index.db.execute("SELECT DISTINCT node FROM vlabels WHERE instr(fold, ?) > 0",
                                            (contains or "",))}


def hub_names(index: TextIndex) -> list[str]:
    """The names of every person and organisation (for a --focus that matched nothing)."""
    return [n for (n,) in index.db.execute(
        "SELECT DISTINCT n.label FROM names n JOIN vtypes t ON t.entity = n.entity "
        "WHERE n.alt = 0 AND t.type IN ('person', 'organisation')")]


def alias_list_rows(index: TextIndex, entities: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The aliases query's rows (of the given entities, or of all)."""
    sql = "SELECT DISTINCT entity, alias, kind FROM valiases"  # each document repeats a name's aliases
    raw = index.db.execute(sql).fetchall() if entities is None else \
        _select_in(index.db, sql + " WHERE entity IN (%s)", list(entities))
    named = _names_of(index.db, {r[0] for r in raw})
    out = {r for r in raw if r[0] in named}
    return _dicts(["entity", "alias", "kind"], sorted(out, key=lambda r: (r[0], r[2], r[1])))


ACTION_DETAILS = ["action", "meeting", "body", "date", "due", "due_date", "status"]


def action_detail_list_rows(index: TextIndex, actions: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The action-details query's rows (of the given actions, or of all)."""
    sql = "SELECT action, meeting, body, date, due, due_date, status FROM vactions"
    raw = index.db.execute(sql).fetchall() if actions is None else \
        _select_in(index.db, sql + " WHERE action IN (%s)", list(actions))
    names = _names_of(index.db, {r[2] for r in raw})
    groups: dict[tuple, set] = {}
    for a, m, body, date, due, due_date, status in raw:
        groups.setdefault((a, m, date, due, due_date, status), set()).update(names.get(body, ()))
    out = {(a, m, b, date, due, dd, st) for (a, m, date, due, dd, st), bodies in groups.items()
           for b in (sorted(bodies) or [None])}
    return _dicts(ACTION_DETAILS, sorted(out, key=lambda r: tuple(map(_key, r))))


# -- listings: scoped and paged ----------------------------------------------------------------
# A scope is kept in SQL (the meetings of `mscope`), and a page is the rows of the scope's
# first meetings in the listing's order, read a few meetings at a time: neither reads the
# rest of the store.

@dataclass(frozen=True)
class Scope:
    """The meetings of any of `bodies` (None: of any body) with a date from `since` to
    `until` (days, both included), and `meeting` alone when given, as kg.query.scoped keeps
    them: a body and a date of the meeting, each from any document."""

    bodies: tuple | None = None
    since: str | None = None
    until: str | None = None
    meeting: str | None = None

    def sql(self, column: str = "meeting") -> tuple[str, list]:
        """Conditions (each after " AND ") keeping `column` to the scope's meetings, and their values."""
        sql, args = "", []
        if self.meeting is not None:
            sql, args = sql + f" AND {column} = ?", [self.meeting]
        if self.bodies is not None:
            sql += f" AND {column} IN (SELECT meeting FROM mscope WHERE body IN ({','.join('?' * len(self.bodies))}))"
            args += sorted(self.bodies)
        if self.since is not None or self.until is not None:
            days = " AND ".join(c for c, v in (("day >= ?", self.since), ("day <= ?", self.until)) if v is not None)
            sql += f" AND {column} IN (SELECT meeting FROM mscope WHERE {days})"
            args += [v for v in (self.since, self.until) if v is not None]
        return sql, args


EVERY = Scope()


def bodies_named(index: TextIndex, name: str) -> list[str]:
    """kg.query.bodies_named from the index: the bodies of meetings whose name fits `name`
    (or whose IRI is `name`)."""
    from kg.followups import _name_fits
    bodies = {b for (b,) in index.db.execute("SELECT DISTINCT body FROM mscope WHERE body IS NOT NULL")}
    names = _names_of(index.db, bodies)
    return sorted(b for b in bodies if b == name or any(_name_fits(name, [n]) for n in names.get(b) or [""]))


def _meeting_chunks(db, table: str, where: str, args: list, scope: Scope, first: int = 4):
    """The scope's meetings with rows in `table` (`where` holding), in IRI order, a few at
    first and twice as many each time after."""
    cond, cargs = scope.sql()
    last, size = None, first
    while True:
        after = "" if last is None else " AND meeting > ?"
        ms = [m for (m,) in db.execute(f"SELECT DISTINCT meeting FROM {table} WHERE {where}{after}{cond} "
                                       "ORDER BY meeting LIMIT ?", [*args, *([] if last is None else [last]),
                                                                    *cargs, size])]
        if ms:
            yield ms
        if len(ms) < size:
            return
        last, size = ms[-1], size * 2


def listing_meetings(index: TextIndex, listing: str, scope: Scope = EVERY) -> list[str]:
    """The meetings of `scope` listing `listing` (kg.docrows.LISTING_CLASSES) may have rows
    at, in IRI order: those some document sets a subject of its class at."""
    cond, args = scope.sql()
    return [m for (m,) in index.db.execute(f"SELECT DISTINCT meeting FROM lmeets WHERE listing = ?{cond} "
                                           "ORDER BY meeting", [listing, *args])]


def _paged(index: TextIndex, table: str, where: str, args: list, scope: Scope, limit: int | None, offset: int,
           rows_of) -> list[dict[str, str]]:
    """Rows `offset` to `offset + limit` of a listing ordered by its meeting first: `rows_of`
    (the SQL condition and values keeping a set of meetings) gives the rows of those
    meetings in order, so a page is the rows of the scope's first meetings."""
    if limit is None:
        cond, cargs = scope.sql()
        return rows_of(f"1{cond}", cargs)[offset:]
    end, out = offset + limit, []
    if limit == 0:
        return []
    for chunk in _meeting_chunks(index.db, table, where, args, scope):
        out += rows_of(f"meeting IN ({','.join('?' * len(chunk))})", chunk)
        if len(out) >= end:
            break
    return out[offset:end]


# -- the follow-ups: one SQL query joins an action's rows (its document's), its owners' names
# (any document's), its states and report-backs (its body's link graph), each report-back's
# evidence (its passage's document) and date (its meeting's), in the query's order
FOLLOWUPS = ["action", "meeting", "owner_name", "text", "evidence", "status", "report_meeting", "report_evidence",
             "report_status"]
_FOLLOWUPS_SQL = """
WITH a AS MATERIALIZED (SELECT DISTINCT action, meeting, text, evidence FROM fups WHERE {where}),
acts AS MATERIALIZED (SELECT DISTINCT action FROM a),
-- the owners' names read once per owner (each document that names a person repeats the name)
owners AS MATERIALIZED (SELECT DISTINCT f.action, f.owner FROM acts CROSS JOIN fups f ON f.action = acts.action
        WHERE f.owner IS NOT NULL),
named AS MATERIALIZED (SELECT DISTINCT entity, label FROM names WHERE alt = 0
        AND entity IN (SELECT owner FROM owners)),
own AS MATERIALIZED (SELECT DISTINCT o.action, n.label AS name FROM owners o JOIN named n ON n.entity = o.owner),
-- a report-back's evidence is unbound only when none of its passages has a quote
rbx AS MATERIALIZED (SELECT DISTINCT r.action, r.meeting AS rm, r.state AS rs, p.exact AS rev
        FROM acts CROSS JOIN freports r ON r.action = acts.action
        LEFT JOIN passages p INDEXED BY passages_passage ON p.passage = r.passage
        WHERE p.exact IS NOT NULL OR NOT EXISTS (SELECT 1 FROM freports r2 JOIN passages p2 ON p2.passage = r2.passage
                                                 WHERE r2.rb = r.rb AND r2.action = r.action))
SELECT a.meeting, a.action, d.date, o.name, a.text, a.evidence, COALESCE(s.state, 'open'), x.rm, x.rev, x.rs
FROM a LEFT JOIN own o ON o.action = a.action LEFT JOIN fstates s ON s.action = a.action
LEFT JOIN rbx x ON x.action = a.action LEFT JOIN meets d ON d.meeting = x.rm AND d.date IS NOT NULL
ORDER BY a.meeting, a.action, d.date, x.rm, x.rev, x.rs, o.name, a.text, a.evidence, 7
"""


def _joined_followup_rows(db, where: str, args: list) -> list[dict[str, str]]:
    """The followups query's rows of the actions set at the meetings `where` keeps (their
    rows at those meetings), joined from the parts, in its order; DISTINCT on the columns
    shown (the report's date is not one), the first of equals kept."""
    out: dict[tuple, None] = {}
    for m, a, _rd, n, t, ev, status, rm, rev, rs in db.execute(_FOLLOWUPS_SQL.format(where=where), args):
        out.setdefault((a, m, n, t, ev, status, rm, rev, rs))
    return [{c: v for c, v in zip(FOLLOWUPS, r) if v is not None} for r in out]


# the joined rows of the actions `{acts}` selects from fups, names left open, numbered in the
# listing's order after its meeting and action (the report's date, meeting, evidence and
# state, then the action's text, evidence and state; the owner's name goes after the
# report's, joined when read)
_FROWS_SQL = """
WITH acts AS MATERIALIZED (SELECT DISTINCT action FROM fups WHERE {acts}),
a AS MATERIALIZED (SELECT DISTINCT f.action, f.meeting, f.text, f.evidence FROM acts CROSS JOIN fups f
        ON f.action = acts.action),
own AS MATERIALIZED (SELECT action, group_concat(owner, char(9)) AS owners FROM (SELECT DISTINCT f.action, f.owner
        FROM acts CROSS JOIN fups f ON f.action = acts.action WHERE f.owner IS NOT NULL ORDER BY 1, 2)
        GROUP BY action),
rbx AS MATERIALIZED (SELECT DISTINCT r.action, r.meeting AS rm, r.state AS rs, p.exact AS rev
        FROM acts CROSS JOIN freports r ON r.action = acts.action
        LEFT JOIN passages p INDEXED BY passages_passage ON p.passage = r.passage
        WHERE p.exact IS NOT NULL OR NOT EXISTS (SELECT 1 FROM freports r2 JOIN passages p2 ON p2.passage = r2.passage
                                                 WHERE r2.rb = r.rb AND r2.action = r.action)),
j AS (SELECT DISTINCT a.action, a.meeting, COALESCE(o.owners, '') AS owners, d.date AS rd, a.text, a.evidence,
        COALESCE(s.state, 'open') AS status, x.rm, x.rev, x.rs
      FROM a LEFT JOIN own o ON o.action = a.action LEFT JOIN fstates s ON s.action = a.action
      LEFT JOIN rbx x ON x.action = a.action LEFT JOIN meets d ON d.meeting = x.rm AND d.date IS NOT NULL)
INSERT INTO frows (action, meeting, seq, owners, rd, text, evidence, status, rm, rev, rs)
SELECT action, meeting, row_number() OVER (PARTITION BY action, meeting ORDER BY rd, rm, rev, rs, text, evidence,
       status), owners, rd, text, evidence, status, rm, rev, rs FROM j
"""


def refresh_followups(index: TextIndex) -> bool:
    """Make the joined follow-up rows (`frows`) of the actions whose parts changed (all of
    them the first time); False when the index cannot be written (a reader of a folder it
    cannot write: the rows are then joined from their parts when read)."""
    db = index.db
    try:
        made = db.execute("SELECT 1 FROM meta WHERE key = 'frows' AND value = 'made'").fetchone() is not None
        if made and db.execute("SELECT 1 FROM fdirty LIMIT 1").fetchone() is None:
            return True
        db.execute("BEGIN IMMEDIATE")
        try:
            if made:
                db.execute("DELETE FROM frows WHERE action IN (SELECT action FROM fdirty)")
                db.execute(_FROWS_SQL.format(acts="action IN (SELECT action FROM fdirty)"))
            else:
                db.execute("DELETE FROM frows")
                db.execute(_FROWS_SQL.format(acts="1"))
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('frows', 'made')")
            db.execute("DELETE FROM fdirty")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return True
    except sqlite3.Error:
        return False


def _followup_rows(db, where: str, args: list, index: TextIndex | None = None,
                   names: dict[str, list[str]] | None = None) -> list[dict[str, str]]:
    """The followups query's rows of the actions set at the meetings `where` keeps (their
    rows at those meetings), in its order: read from the joined rows, the owners' names
    joined, or joined from the parts when those rows cannot be made.  `names`: owners'
    names already read (those read now are added to it)."""
    if index is not None and not refresh_followups(index):
        return _joined_followup_rows(db, where, args)
    rows = db.execute("SELECT meeting, action, rd, owners, text, evidence, status, rm, rev, rs FROM frows "
                      f"WHERE {where} ORDER BY meeting, action, seq", args).fetchall()
    owner_sets = {r[3] for r in rows}
    owners_now = {o for owners in owner_sets for o in owners.split("\t") if o}
    if names is None:
        names = _names_of(db, owners_now)
    else:
        # (the few owners of a body's actions name most of its rows: read once, not per chunk)
        missing = owners_now - names.keys()
        names.update(dict.fromkeys(missing, ()))
        names.update(_names_of(db, missing))
    named = {owners: sorted({x for o in owners.split("\t") if o for x in names.get(o, ())}) or [None]
             for owners in owner_sets}
    seen: set[tuple] = set()
    out: list[dict[str, str]] = []
    i, n_rows, cols = 0, len(rows), FOLLOWUPS
    at_m = at_a = None
    while i < n_rows:
        r = rows[i]
        m, a, rd, owners, text, ev, status, rm, rev, rs = r
        if a != at_a or m != at_m:
            # a row's key holds its meeting and action: equal keys are in one run of them
            at_m, at_a = m, a
            seen.clear()
        names_of_owners = named[owners]  # (an action's owners are those of all its rows)
        if len(names_of_owners) == 1:
            j = i + 1
            group: Iterable[tuple] = (r,)
        else:
            # rows equal in the keys before the owner's name (meeting, action, report's
            # date, meeting, evidence, state), in the order of the rest: each name takes them all
            j = i + 1
            while j < n_rows and rows[j][1] == a and rows[j][0] == m and rows[j][2] == rd and rows[j][7] == rm \
                    and rows[j][8] == rev and rows[j][9] == rs:
                j += 1
            group = rows[i:j]
        for n in names_of_owners:
            for x in group:
                key = (a, m, n, x[4], x[5], x[6], rm, rev, rs)
                if key not in seen:
                    seen.add(key)
                    out.append(dict(zip(cols, key)) if None not in key else
                               {c: v for c, v in zip(cols, key) if v is not None})
        i = j
    return out


# meetings read at a time when a whole follow-ups listing is handed out row by row
STREAM_MEETINGS = 128


def followup_rows_iter(index: TextIndex, scope: Scope = EVERY, offset: int = 0) -> Iterator[dict[str, str]]:
    """The followups listing's rows over `scope` from `offset` on, as `listing_page` gives
    them, handed out a few meetings at a time: the first rows come at once, and no more
    than a few meetings' rows are held."""
    db = index.db
    table = "frows" if refresh_followups(index) else "fups"
    cond, args = scope.sql()
    # the scope's meetings with rows, found once (a query for each next few meetings would
    # walk the rows after them again)
    meetings = [m for (m,) in db.execute(f"SELECT DISTINCT meeting FROM {table} WHERE 1{cond} ORDER BY meeting",
                                         args)]
    seen, start, size, names = 0, 0, min(4, STREAM_MEETINGS), {}
    while start < len(meetings):
        chunk, start, size = meetings[start:start + size], start + size, min(size * 2, STREAM_MEETINGS)
        for r in _followup_rows(db, f"meeting IN ({','.join('?' * len(chunk))})", chunk, index, names):
            if seen >= offset:
                yield r
            seen += 1


def followup_list_rows(index: TextIndex, meetings: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The followups query's rows (of the actions set at the given meetings, or of all), in
    its order, as the merged graph joins them."""
    if meetings is None:
        return _followup_rows(index.db, "1", [], index)
    out: list[dict[str, str]] = []
    for part in _chunks(sorted(set(meetings))):
        out += _followup_rows(index.db, f"meeting IN ({','.join('?' * len(part))})", part, index)
    return out


# -- the meetings: ordered by date, then body name
MEETINGS = ["meeting", "body", "date", "chair", "source"]


def _meeting_page(index: TextIndex, scope: Scope, need: int) -> list[dict[str, str]]:
    """The first `need` rows of the meetings listing over `scope`: the meetings of its first
    days (a meeting at each of its days), the rows of the days read in full kept."""
    cond, args = scope.sql()
    size = max(need, 8)
    while True:
        got = index.db.execute(f"SELECT meeting, day FROM mscope WHERE 1{cond} ORDER BY day, meeting LIMIT ?",
                               [*args, size]).fetchall()
        done = len(got) < size
        last = got[-1][1] if got else None

        def read_in_full(day):
            # the meetings of the day the read stopped in (no date first: None) may not all
            # be there: only earlier days count
            return done or (last is not None and (day is None or day < last))
        ms = {m for m, d in got if read_in_full(d)}
        rows = meeting_list_rows(index, ms) if ms else []
        if not done:
            rows = [r for r in rows if read_in_full(r["date"][:10] if "date" in r else None)]
        if done or len(rows) >= need:
            return rows[:need]
        size *= 2


# the listings answered from the index when scoped or paged (their order: meeting first for
# followups, the date for meetings)
LISTINGS = ("followups", "meetings")
# the listings answered from their rows kept per document when scoped or paged
# (kg.docrows.listing_rows), with their columns
PAGED_LISTINGS = {"attendance": ["meeting", "person", "name", "role"],
                  "items": ["meeting", "item", "number", "time", "title", "presenter_name", "document"],
                  "decisions": ["decision", "meeting", "item", "text", "evidence"],
                  "actions": ["action", "meeting", "item", "text", "owner", "owner_name", "due", "evidence"],
                  "statements": ["statement", "meeting", "item", "speaker", "speaker_name", "verb", "text"],
                  "declarations": ["declaration", "meeting", "item", "person", "name", "interest", "evidence"]}


def _nkey(v):
    return (v is not None, "" if v is None else v)  # an unbound value sorts first, as in SPARQL


def _listing_rows(db, listing: str, where: str, args: list) -> list[dict[str, str]]:
    """The rows of paged listing `listing` at the meetings `where` keeps, in its order: the
    names joined (an optional name's row with no name only when no candidate has one, as
    an OPTIONAL group gives it), DISTINCT, the first of equals kept."""
    import json
    from kg.docrows import LISTING_NAMES
    name_col, who_col, required = LISTING_NAMES[listing]
    raw = db.execute(f"SELECT meeting, who, k1, k2, cols FROM lrows WHERE listing = ? AND {where}",
                     [listing, *args]).fetchall()
    names = _names_of(db, {r[1] for r in raw if r[1]}) if name_col is not None else {}
    groups: dict[tuple, list] = {}
    for m, who, k1, k2, cols in raw:
        groups.setdefault((m, k1, k2, cols), []).append(who)
    keyed = []
    for (m, k1, k2, cols), whos in groups.items():
        row = json.loads(cols)
        named = [(w, n) for w in dict.fromkeys(whos) if w for n in names.get(w, ())]
        if named:
            for w, n in named:
                r = list(row)
                r[name_col] = n
                if who_col is not None:
                    r[who_col] = w
                keyed.append(((m, _nkey(k1), _nkey(n), _nkey(k2)), tuple(r)))
        elif not required:
            keyed.append(((m, _nkey(k1), (False, ""), _nkey(k2)), tuple(row)))
    keyed.sort(key=lambda kr: (kr[0], tuple(map(_nkey, kr[1]))))
    columns = PAGED_LISTINGS[listing]
    return [{c: v for c, v in zip(columns, r) if v is not None} for r in dict.fromkeys(r for _k, r in keyed)]


def listing_rows_at(index: TextIndex, listing: str, meetings: Iterable[str]) -> list[dict[str, str]]:
    """The rows of paged listing `listing` (PAGED_LISTINGS) at `meetings`, in its order: the
    named query's rows of those meetings."""
    out: list[dict[str, str]] = []
    # (the listing is ordered by its meeting first: the meetings' rows, in their order)
    for part in _chunks(sorted(set(meetings))):
        out += _listing_rows(index.db, listing, f"meeting IN ({','.join('?' * len(part))})", part)
    return out


def listing_page(index: TextIndex, name: str, scope: Scope | None, limit: int | None,
                 offset: int = 0) -> list[dict[str, str]]:
    """A page (`offset`, `limit`) of listing `name` (LISTINGS, PAGED_LISTINGS) over `scope`
    (None: every meeting): the rows the named query gives with LIMIT and OFFSET."""
    if scope is None:
        scope = EVERY
    db = index.db
    if name == "meetings":
        if limit is None:
            rows = meeting_list_rows(index, None if scope == EVERY else
                                     scope_meetings_of(index, scope))
            return rows[offset:]
        return _meeting_page(index, scope, offset + limit)[offset:] if limit else []
    if name == "followups":
        ready = refresh_followups(index)
        return _paged(index, "frows" if ready else "fups", "1", [], scope, limit, offset,
                      lambda w, a: _followup_rows(db, w, a, index))
    return _paged(index, "lrows", "listing = ?", [name], scope, limit, offset,
                  lambda w, a: _listing_rows(db, name, w, a))


def scope_meetings_of(index: TextIndex, scope: Scope) -> set[str]:
    """The meetings of `scope`."""
    cond, args = scope.sql()
    return {m for (m,) in index.db.execute(f"SELECT DISTINCT meeting FROM mscope WHERE 1{cond}", args)}


# named query -> (its columns, how its rows are read from the index)
READS = {
    "followups": (FOLLOWUPS, lambda index, p: followup_list_rows(index)),
    "who-owns": (["thing", "relation", "owner", "owner_name", "evidence"],
                 lambda index, p: who_owns_rows(index, p["thing"])),
    "accountable": (["entity_name", "relation", "thing", "meeting", "evidence"],
                    lambda index, p: accountable_rows(index, p["entity"])),
    "accountabilities": (ACCOUNTABILITIES, lambda index, p: accountabilities_rows(index)),
    "fact-texts": (FACT_TEXTS, lambda index, p: fact_text_rows(index)),
    "meetings": (["meeting", "body", "date", "chair", "source"], lambda index, p: meeting_list_rows(index)),
    "passages": (PASSAGES, lambda index, p: passage_list_rows(index)),
    "network": (NETWORK, lambda index, p: network_rows(index)),
    "aliases": (["entity", "alias", "kind"], lambda index, p: alias_list_rows(index)),
    "action-details": (ACTION_DETAILS, lambda index, p: action_detail_list_rows(index)),
}


def reader_index(store) -> TextIndex | None:
    """The index of a read-only store folder when the reads can be answered from it: in step
    with the store (`for_reader` checks), None for other stores."""
    from kg.store import GraphStore
    # (a stand-in that answers SPARQL another way, such as the benchmark's rdflib one, is
    # not answered from the index of the store it wraps)
    if type(store) is not GraphStore or not store.read_only or store.path is None:
        return None
    try:
        return for_reader(store)
    except (OSError, sqlite3.Error):
        return None


def read(store, name: str, params: dict[str, str]) -> tuple[list[str], list[dict[str, str]]] | None:
    """The rows of named query `name` read from the index, or None when it cannot answer
    (another query, a store with no index)."""
    if name not in READS:
        return None
    index = reader_index(store)
    if index is None:
        return None
    columns, fn = READS[name]
    try:
        return list(columns), fn(index, params)
    except sqlite3.Error:
        return None
