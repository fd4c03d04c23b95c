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

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# the layout of the index file; a file of another version is remade from the store
VERSION = 9
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
CREATE TABLE IF NOT EXISTS fact_stems (id INTEGER PRIMARY KEY, graph TEXT NOT NULL, fact TEXT NOT NULL,
    stems TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fact_stems_graph ON fact_stems (graph);
CREATE VIRTUAL TABLE IF NOT EXISTS fact_words USING fts5(stems, content='fact_stems', content_rowid='id',
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
    target_named INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS vedges_source ON vedges (source);
CREATE INDEX IF NOT EXISTS vedges_target ON vedges (target);
CREATE INDEX IF NOT EXISTS vedges_graph ON vedges (graph);
CREATE TABLE IF NOT EXISTS vtypes (graph TEXT NOT NULL, entity TEXT NOT NULL, type TEXT NOT NULL);
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
CREATE TABLE IF NOT EXISTS kept_rows (key TEXT PRIMARY KEY, mark TEXT NOT NULL, data BLOB NOT NULL);
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


_TABLES = ("docs", "texts", "owned", "facts", "fact_stems", "fact_words", "names", "name_stems", "name_words",
           "owns", "owns_words", "acc", "meets", "passages", "derived", "vedges", "vtypes", "valiases", "vactions",
           "vlabels", "fups", "freports", "fstates", "lmeets")


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
    # (fact, stems) and (entity, stems) as `_insert_rows` writes them: computed with the rows
    # (in a build's worker), so the writer only inserts; None: computed when inserted
    fact_stems: list | None = None
    name_stems: list | None = None
    # (node, fold, bare) as the vlabels table holds them (kg.docrows.label_rows), made with
    # the rows too; None: made when inserted
    labels: list | None = None


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
                   *docrows.followup_rows(g), docrows.listing_meeting_rows(g))
    rows.fact_stems, rows.name_stems = _stems(rows)
    rows.labels = docrows.label_rows(rows.edges, rows.names, rows.aliases)
    return rows


def _stems(rows: DocRows) -> tuple[list, list]:
    """The stems of each fact's texts (its text, item title and evidence) and of each
    foaf:name and other surface form (skos:altLabel, `alt`), as the fact_words and
    name_words tables hold them."""
    texts: dict[str, list] = {}
    for f, _k, _rel, text, _by, _o, _rb, _m, item, ev in rows.facts:
        texts.setdefault(f, []).extend((text, item, ev))
    return ([(f, stems_of(*ts)) for f, ts in texts.items()],
            [(e, stems_of(label), alt) for e, label, alt in rows.names])


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


def _delete_graph(cur, graph: str) -> None:
    cur.execute("DELETE FROM texts WHERE graph = ?", (graph,))
    cur.execute("INSERT INTO owns_words (owns_words, rowid, thing) SELECT 'delete', rowid, thing FROM owns "
                "WHERE graph = ?", (graph,))
    for t in ("owned", "facts", "names", "owns", "acc", "meets", "passages", "derived", "vedges", "vtypes",
              "valiases", "vactions", "vlabels", "fups", "freports", "fstates", "lmeets"):
        cur.execute(f"DELETE FROM {t} WHERE graph = ?", (graph,))
    for words, stems in (("fact_words", "fact_stems"), ("name_words", "name_stems")):
        # an external-content FTS5 table forgets a row when told its old text
        cur.execute(f"INSERT INTO {words} ({words}, rowid, stems) SELECT 'delete', id, stems FROM {stems} "
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
    ("vedges", 'source, relation, target, target_label, target_type, evidence, source_text, target_named', "edges"),
    ("vtypes", 'entity, type', "types"),
    ("valiases", 'entity, alias, kind', "aliases"),
    ("vactions", 'action, meeting, body, date, due, due_date, status', "actions"),
    ("fups", 'action, meeting, text, owner, evidence', "fups"),
    ("freports", 'rb, action, meeting, state, passage', "freports"),
    ("fstates", 'action, state', "fstates"),
    ("lmeets", 'listing, meeting, n', "lmeets"),
)


def _insert_rows(cur, graph: str, rows: DocRows) -> None:
    for table, columns, field in _PLAIN_ROWS:
        marks = ", ".join("?" * (columns.count(",") + 2))
        cur.executemany(f"INSERT INTO {table} (graph, {columns}) VALUES ({marks})",
                        [(graph, *r) for r in getattr(rows, field)])
    fact_stems, name_stems = (rows.fact_stems, rows.name_stems) if rows.fact_stems is not None \
        and rows.name_stems is not None else _stems(rows)
    # Each content row and its FTS5 row by the same id, the ids as inserting them one by
    # one gives (max + 1 each): the new rows are those above the largest id before.
    for table, columns, words, text, id_col, values in (
            ("fact_stems", "graph, fact, stems", "fact_words", "stems", "id",
             [(graph, f, st) for f, st in fact_stems]),
            ("name_stems", "graph, entity, stems, alt", "name_words", "stems", "id",
             [(graph, e, st, alt) for e, st, alt in name_stems]),
            ("owns", "graph, fact, thing, relation, owner, evidence", "owns_words", "thing", "rowid",
             [(graph, *r) for r in rows.owns])):
        if not values:
            continue
        (top,) = cur.execute(f"SELECT coalesce(max({id_col}), 0) FROM {table}").fetchone()
        marks = ", ".join("?" * len(values[0]))
        cur.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)
        cur.execute(f"INSERT INTO {words} (rowid, {text}) SELECT {id_col}, {text} FROM {table} "
                    f"WHERE {id_col} > ? ORDER BY {id_col}", (top,))
    labels = rows.labels
    if labels is None:
        from kg.docrows import label_rows
        labels = label_rows(rows.edges, rows.names, rows.aliases)
    cur.executemany("INSERT INTO vlabels (graph, node, fold, bare) VALUES (?, ?, ?, ?)",
                    [(graph, *r) for r in labels])


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
                cur.executemany("INSERT INTO texts (body, iri, kind, graph) VALUES (?, ?, ?, ?)",
                                [(text, iri, kind, graph) for iri, kind, text in rows.texts if kind != "owner"])
                cur.executemany("INSERT INTO owned (iri, graph) VALUES (?, ?)",
                                sorted({(iri, graph) for iri, kind, _ in rows.texts if kind == "owner"}))
                _insert_rows(cur, graph, rows)
                cur.execute("INSERT OR REPLACE INTO docs (graph, sha) VALUES (?, ?)", (graph, sha))
            cur.execute("DELETE FROM meta WHERE key = 'store-files'")  # checked again when next read
            cur.execute("DELETE FROM kept_rows")
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    def drop(self, graphs: Iterable[str]) -> None:
        cur = self.db.cursor()
        cur.execute("BEGIN")
        for g in graphs:
            _delete_graph(cur, g)
            cur.execute("DELETE FROM docs WHERE graph = ?", (g,))
        cur.execute("DELETE FROM meta WHERE key = 'store-files'")
        cur.execute("DELETE FROM kept_rows")
        cur.execute("COMMIT")

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
    """graph IRI -> content hash ("" for a graph with none, e.g. one a user's update made)."""
    hashes = store.source_hashes()
    for g in store.live_graphs():
        hashes.setdefault(g.value, "")
    return hashes


def sync(store, index: TextIndex) -> int:
    """Bring `index` in step with the store: re-read every document it has wrong or lacks,
    drop what the store no longer holds.  Returns how many documents changed."""
    hashes = _signature(store)
    have = index.recorded()
    # a graph with no content hash (a body's link graph, the corrections graph, one a
    # user's update made) is rewritten without a new hash: it is always read again
    stale = [g for g, sha in hashes.items() if not sha or have.get(g) != sha]
    gone = [g for g in have if g not in hashes]
    if gone:
        index.drop(gone)
    if stale:
        # a few hundred documents a transaction: the rows of a whole store are not held at
        # once, and each document's rows still change with its record (a sync stopped
        # half-way leaves the rest to the next)
        for i in range(0, len(stale), 200):
            part = stale[i:i + 200]
            texts = _store_texts(store, part)
            index.put((g, hashes[g], texts.get(g) or DocRows([])) for g in part)
    return len(stale) + len(gone)


def for_writer(store) -> TextIndex | None:
    """The index of a store opened for writing, in step with it (None for other stores)."""
    path = index_path(store)
    if path is None or not hasattr(store, "_store"):
        return None
    try:
        index = TextIndex(path)
    except sqlite3.DatabaseError:
        # a damaged file (the store is the source: it is made again; the writer holds the lock)
        _unlink(*_sidecars(path))
        index = TextIndex(path)
    sync(store, index)
    return index


def for_build(store) -> TextIndex | None:
    """The index of a store a build writes, not yet checked against it: the build puts
    each document's rows (`built_rows`) as it writes the document, then `update` brings
    the rest in step (the link and corrections graphs, anything the index lacked)."""
    path = index_path(store)
    if path is None or not hasattr(store, "_store"):
        return None
    try:
        return TextIndex(path)
    except sqlite3.DatabaseError:
        _unlink(*_sidecars(path))  # as for_writer: the store is the source, the writer holds the lock
        return TextIndex(path)


def for_reader(store) -> TextIndex | None:
    """The index a reader uses: the store folder's, built from the store when missing; one
    per store handle, checked against the store when the handle first uses it."""
    path = index_path(store)
    if path is None or not hasattr(store, "_store"):
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
        mark = _files_mark(store)
        # the store's files as they were when a reader last found the index in step with
        # it: nothing was written since, so the index is still in step (comparing every
        # document's hash reads the store: half a second at 4,000 documents)
        if mark is not None:  # and as many documents as the index held then
            mark += f" {index.db.execute('SELECT count(*) FROM docs').fetchone()[0]}"
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


def _files_mark(store) -> str | None:
    """Names, sizes and modification times of the store folder's own files (Oxigraph's
    write-ahead log, tables and manifest): any write changes one of them.  None when the
    handle reads a writer's snapshot, which has files of its own."""
    if getattr(store, "_snapshot_fd", None) is not None or getattr(store, "path", None) is None:
        return None
    import hashlib
    h = hashlib.sha256()
    try:
        with os.scandir(store.path) as entries:
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
    return [{c: v for c, v in zip(columns, r) if v is not None} for r in rows]


FACT_TEXTS = ["fact", "kind", "relation", "text", "item_title", "by", "by_name", "meeting", "evidence"]


def fact_text_rows(index: TextIndex, facts: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The fact-texts query's rows (of the given facts, or of all)."""
    sql = "SELECT fact, kind, relation, text, by_iri, optional, relby, meeting, item_title, evidence FROM facts"
    raw = index.db.execute(sql).fetchall() if facts is None else \
        _select_in(index.db, sql + " WHERE fact IN (%s)", list(facts))
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
    ordered = sorted(out, key=lambda r: (_key(r[7]), _key(r[0]), _key(r[6]), *map(_key, r)))
    return _dicts(FACT_TEXTS, ordered)


def fact_candidates(index: TextIndex, words: list[str]) -> set[str] | None:
    """Facts that may name every one of `words` (stems, each beginning a word of its text,
    its item's title, its evidence or its owner's or speaker's name): the facts kg.ask's word
    match can keep, and perhaps a few more.  None when a word is not one the index holds."""
    if not words or any(not w.isalnum() or not w.isascii() for w in words):
        return None
    found: set[str] | None = None
    for w in words:
        match = f'"{w}"*'
        facts = {f for (f,) in index.db.execute(
            "SELECT s.fact FROM fact_words JOIN fact_stems s ON s.id = fact_words.rowid "
            "WHERE fact_words MATCH ?", (match,))}
        people = {e for (e,) in index.db.execute(
            "SELECT s.entity FROM name_words JOIN name_stems s ON s.id = name_words.rowid "
            "WHERE name_words MATCH ? AND s.alt = 0", (match,))}
        if people:
            facts |= {f for (f,) in _select_in(index.db, "SELECT fact FROM facts WHERE by_iri IN (%s)",
                                               list(people))}
        found = facts if found is None else found & facts
        if not found:
            return set()
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


def accountabilities_rows(index: TextIndex, entities: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The accountabilities query's rows (of the given entities, or of all)."""
    sql = "SELECT entity, relation, thing, fact, meeting, meeting_label, evidence, item_title FROM acc"
    raw = index.db.execute(sql).fetchall() if entities is None else \
        _select_in(index.db, sql + " WHERE entity IN (%s)", list(entities))
    names = _names_of(index.db, {r[0] for r in raw})
    out = {(e, n, rel, thing, f, m, lab, ev, item) for e, rel, thing, f, m, lab, ev, item in raw
           for n in names.get(e, ())}
    ordered = sorted(out, key=lambda r: (_key(r[1]), _key(r[2]), _key(r[3]), *map(_key, r)))
    return _dicts(ACCOUNTABILITIES, ordered)


def accountable_rows(index: TextIndex, entity_text: str) -> list[dict[str, str]]:
    """The accountable query's rows for -p entity=ENTITY_TEXT."""
    rows = accountabilities_rows(index, entities_named(index, entity_text))
    cols = ["entity_name", "relation", "thing", "meeting", "evidence"]
    out = {tuple(r.get(c) for c in cols) for r in rows if r.get("meeting")}
    ordered = sorted(out, key=lambda r: (_key(r[0]), _key(r[1]), _key(r[2]), *map(_key, r)))
    return _dicts(cols, ordered)


def meeting_list_rows(index: TextIndex, only: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The meetings query's rows (of the given meetings, or of all)."""
    sql = "SELECT meeting, bodies, date, chairs, source FROM meets"
    raw = index.db.execute(sql).fetchall() if only is None else \
        _select_in(index.db, sql + " WHERE meeting IN (%s)", list(only))
    names = _names_of(index.db, {x for r in raw for x in (r[1] + "\t" + r[3]).split("\t") if x})
    out: set[tuple] = set()
    for m, bodies, date, chairs, source in raw:
        body_names = sorted({n for b in bodies.split("\t") if b for n in names.get(b, ())}) or [None]
        chair_names = sorted({n for c in chairs.split("\t") if c for n in names.get(c, ())}) or [None]
        out |= {(m, b, date, c, source) for b in body_names for c in chair_names}
    ordered = sorted(out, key=lambda r: (_key(r[2]), _key(r[1]), *map(_key, r)))
    return _dicts(["meeting", "body", "date", "chair", "source"], ordered)


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
    names = _names_of(index.db, {r[0] for r in raw} | {r[2] for r in raw if r[7]})
    types = _types_of(index.db, {r[0] for r in raw})
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


def network_neighbours(index: TextIndex, nodes: Iterable[str]) -> set[str]:
    """The nodes one edge of the network away from any of `nodes` (either way)."""
    nodes = set(nodes)
    if not nodes:
        return set()
    _node_set(index.db, nodes)
    pairs = index.db.execute(
        "SELECT e.source, e.target, e.target_named FROM vedges e JOIN temp.vset a ON a.node = e.source UNION "
        "SELECT e.source, e.target, e.target_named FROM vedges e JOIN temp.vset a ON a.node = e.target").fetchall()
    # an edge to an organisation is drawn only when it has a name
    named = set(_names_of(index.db, {t for _s, t, n in pairs if n}))
    out = set()
    for s, t, n in pairs:
        if not n or t in named:
            if s in nodes:
                out.add(t)
            if t in nodes:
                out.add(s)
    return out


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
    sql = "SELECT entity, alias, kind FROM valiases"
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


# -- listings: the follow-ups and the meetings, scoped and paged ------------------------------
FOLLOWUPS = ["action", "meeting", "owner_name", "text", "evidence", "status", "report_meeting", "report_evidence",
             "report_status"]


def followup_meetings(index: TextIndex) -> list[str]:
    """Every meeting some action was set at, in IRI order (the followups query's first key)."""
    return [m for (m,) in index.db.execute("SELECT DISTINCT meeting FROM fups ORDER BY meeting")]


def followup_list_rows(index: TextIndex, meetings: Iterable[str] | None = None) -> list[dict[str, str]]:
    """The followups query's rows (of the actions set at the given meetings, or of all), in
    its order: an action's rows from its document, its state and report-backs from any
    graph (its body's link graph), each report-back's evidence from its passage and date
    from its meeting, wherever they are written, as the merged graph joins them."""
    db = index.db
    sql = "SELECT action, meeting, text, owner, evidence FROM fups"
    wanted = None if meetings is None else set(meetings)
    if wanted is None:
        raw = db.execute(sql).fetchall()
    else:
        # every row of each action set at one of the meetings (its other meetings too: an
        # action set at two gives rows at both, each with all its texts and owners)
        raw = _select_in(db, sql + " WHERE action IN (SELECT action FROM fups WHERE meeting IN (%s))", list(wanted))
    actions: dict[str, tuple[set, set, set, set]] = {}
    for a, m, t, owner, ev in raw:
        ms, ts, owners, evs = actions.setdefault(a, (set(), set(), set(), set()))
        ms.add(m)
        ts.add(t)
        if owner is not None:
            owners.add(owner)
        if ev is not None:
            evs.add(ev)
    if not actions:
        return []
    names = _names_of(db, {o for _m, _t, owners, _e in actions.values() for o in owners})
    states: dict[str, set] = {}
    for a, st in _select_in(db, "SELECT action, state FROM fstates WHERE action IN (%s)", list(actions)):
        states.setdefault(a, set()).add(st)
    reports: dict[str, dict[str, tuple[set, set, set]]] = {}
    for rb, a, m, st, p in _select_in(db, "SELECT rb, action, meeting, state, passage FROM freports "
                                      "WHERE action IN (%s)", list(actions)):
        rms, sts, ps = reports.setdefault(a, {}).setdefault(rb, (set(), set(), set()))
        rms.add(m)
        sts.add(st)
        if p is not None:
            ps.add(p)
    exact: dict[str, set] = {}
    for p, ex in _select_in(db, "SELECT passage, exact FROM passages WHERE passage IN (%s)",
                            [p for rbs in reports.values() for _m, _s, ps in rbs.values() for p in ps]):
        exact.setdefault(p, set()).add(ex)
    dates: dict[str, set] = {}
    for m, d in _select_in(db, "SELECT meeting, date FROM meets WHERE date IS NOT NULL AND meeting IN (%s)",
                           [m for rbs in reports.values() for rms, _s, _p in rbs.values() for m in rms]):
        dates.setdefault(m, set()).add(d)
    at: dict[str, list[str]] = {}
    for a, (ms, _t, _o, _e) in actions.items():
        for m in ms if wanted is None else ms & wanted:
            at.setdefault(m, []).append(a)
    # made in the query's order (meeting, action, the report's date, owner_name), equals in
    # the order of their other columns; DISTINCT on the columns shown (the report's date is
    # not one), the first of equals kept
    out: dict[tuple, None] = {}
    for m in sorted(at):
        for a in sorted(at[m]):
            _ms, ts, owners, evs = actions[a]
            owner_names = sorted({n for o in owners for n in names.get(o, ())}) or [None]
            rest = [(t, ev, status) for t in sorted(ts) for ev in sorted(evs) or [None]
                    for status in sorted(states.get(a, ())) or ["open"]]
            backs = sorted(((rd, rm, rev, rs) for rms, sts, ps in reports.get(a, {}).values() for rm in rms
                            for rs in sts for rev in (sorted({x for p in ps for x in exact.get(p, ())}) or [None])
                            for rd in (sorted(dates.get(rm, ())) or [None])),
                           key=lambda b: tuple(map(_key, b))) or [(None, None, None, None)]
            for _rd, rm, rev, rs in backs:
                for n in owner_names:
                    for t, ev, status in rest:
                        out.setdefault((a, m, n, t, ev, status, rm, rev, rs))
    return _dicts(FOLLOWUPS, out)


def bodies_named(index: TextIndex, name: str) -> list[str]:
    """kg.query.bodies_named from the index: the bodies of meetings whose name fits `name`
    (or whose IRI is `name`)."""
    from kg.followups import _name_fits
    bodies = {b for (bs,) in index.db.execute("SELECT DISTINCT bodies FROM meets") for b in bs.split("\t") if b}
    names = _names_of(index.db, bodies)
    return sorted(b for b in bodies if b == name or any(_name_fits(name, [n]) for n in names.get(b) or [""]))


def scope_meetings(index: TextIndex, bodies: Iterable[str] | None, since: str | None,
                   until: str | None) -> set[str]:
    """The meetings of any of `bodies` (None: of any body) with a date from `since` to
    `until` (days, both included), as kg.query.scoped keeps them: a body and a date of the
    meeting, each from any document."""
    of: dict[str, tuple[set, set]] = {}
    for m, bs, d in index.db.execute("SELECT meeting, bodies, date FROM meets"):
        b_set, d_set = of.setdefault(m, (set(), set()))
        b_set.update(x for x in bs.split("\t") if x)
        if d is not None:
            d_set.add(d[:10])
    wanted = None if bodies is None else set(bodies)
    dated = since is not None or until is not None
    return {m for m, (b_set, d_set) in of.items()
            if (wanted is None or b_set & wanted)
            and (not dated or any((since is None or d >= since) and (until is None or d <= until) for d in d_set))}


def listing_meetings(index: TextIndex, listing: str) -> list[str]:
    """The meetings listing `listing` (kg.docrows.LISTING_CLASSES) may have rows at, in IRI
    order: those some document sets a subject of its class at."""
    return [m for (m,) in index.db.execute("SELECT DISTINCT meeting FROM lmeets WHERE listing = ? ORDER BY meeting",
                                           (listing,))]


# the listings answered from the index when scoped or paged (their order: meeting first for
# followups, the date for meetings)
LISTINGS = ("followups", "meetings")
# meetings read at first for a page of follow-ups, doubled for each next read
_PAGE_MEETINGS = 8


def listing_page(index: TextIndex, name: str, meetings: set[str] | None, limit: int | None,
                 offset: int = 0) -> list[dict[str, str]]:
    """A page (`offset`, `limit`) of listing `name` over `meetings` (None: every meeting):
    the rows the named query gives with LIMIT and OFFSET.  Follow-ups are read meeting by
    meeting in the query's order until the page is full."""
    end = None if limit is None else offset + limit
    if name == "meetings":
        return meeting_list_rows(index, meetings)[offset:end]
    order = followup_meetings(index)
    if meetings is not None:
        order = [m for m in order if m in meetings]
    if end is None:
        return followup_list_rows(index, order)[offset:] if meetings is not None or offset else \
            followup_list_rows(index)
    out: list[dict[str, str]] = []
    start, size = 0, _PAGE_MEETINGS
    while start < len(order) and len(out) < end:
        out += followup_list_rows(index, order[start:start + size])
        start, size = start + size, size * 2
    return out[offset:end]


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
