"""textindex: a substring index of the store's texts, so lookups by words need not scan them.

The "thing" lookups (who-owns, owners-of, `govkg ask`) and the name lookups (accountable)
ask for every text that contains some words.  SPARQL can only answer that with a
CONTAINS filter over every text of the store: seconds at 10,000 documents.  This index
(SQLite FTS5 with its trigram tokenizer, standard library only) finds the few subjects
whose text holds a string in milliseconds; the query then runs on those alone.

The store stays the source of truth.  The index only narrows: a query bound to the
index's candidates still applies its own filter, so a candidate the store no longer
holds, or one that does not really match, gives no row.  The index is kept a superset of
what the store holds:

- a build writes a document's texts to the index *before* the store commits the
  document (a build killed in between leaves extra candidates, which are harmless);
- every writer, when it opens, compares the index's record of each document (its graph
  and content hash) with the store's and re-reads from the store any document the index
  has wrong or lacks, and drops what the store no longer holds;
- a reader that finds no index builds it from the store (into a temporary file renamed
  into place, or in memory where it cannot write).

It lives in the store folder (`govkg-textindex.sqlite`), beside Oxigraph's files.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

FILE = "govkg-textindex.sqlite"
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
# the layout of the index file; a file of another version is remade from the store
VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (graph TEXT PRIMARY KEY, sha TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(
    body, iri UNINDEXED, kind UNINDEXED, graph UNINDEXED, tokenize = 'trigram');
CREATE TABLE IF NOT EXISTS owned (iri TEXT NOT NULL, graph TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS owned_iri ON owned (iri);
CREATE INDEX IF NOT EXISTS owned_graph ON owned (graph);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
            self.db.executescript("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS texts; "
                                  "DROP TABLE IF EXISTS owned;")
        self.db.executescript(_SCHEMA)
        if version != VERSION:
            self.db.execute(f"PRAGMA user_version = {VERSION:d}")

    def close(self) -> None:
        self.db.close()

    # -- writing -----------------------------------------------------------------------
    def put(self, docs: Iterable[tuple[str, str, list[tuple[str, str, str]]]]) -> None:
        """(graph IRI, content hash, rows) per document: its rows replace what the index held
        for that graph, all documents in one SQLite transaction."""
        cur = self.db.cursor()
        cur.execute("BEGIN")
        try:
            for graph, sha, rows in docs:
                # FTS5 finds a graph's rows only by reading every row: asked only for a
                # document the index already holds (its rows are written with its docs row)
                if cur.execute("SELECT 1 FROM docs WHERE graph = ?", (graph,)).fetchone():
                    cur.execute("DELETE FROM texts WHERE graph = ?", (graph,))
                    cur.execute("DELETE FROM owned WHERE graph = ?", (graph,))
                cur.executemany("INSERT INTO texts (body, iri, kind, graph) VALUES (?, ?, ?, ?)",
                                [(text, iri, kind, graph) for iri, kind, text in rows if kind != "owner"])
                cur.executemany("INSERT INTO owned (iri, graph) VALUES (?, ?)",
                                sorted({(iri, graph) for iri, kind, _ in rows if kind == "owner"}))
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
            cur.execute("DELETE FROM texts WHERE graph = ?", (g,))
            cur.execute("DELETE FROM owned WHERE graph = ?", (g,))
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


def _store_texts(store, graphs: list[str] | None = None) -> dict[str, list[tuple[str, str, str]]]:
    """graph IRI -> rows, read from the store (every live graph, or those named)."""
    import pyoxigraph as ox
    ox_store = store._store
    wanted = None if graphs is None else {g for g in graphs}
    prefix = store._staging_prefix()
    out: dict[str, list[tuple[str, str, str]]] = {}
    for p, kind in KIND.items():
        for q in ox_store.quads_for_pattern(None, ox.NamedNode(p), None, None):
            g = q.graph_name
            if not isinstance(g, ox.NamedNode) or g.value.startswith(prefix):
                continue
            if wanted is not None and g.value not in wanted:
                continue
            out.setdefault(g.value, []).append((q.subject.value, kind, q.object.value))
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
    stale = [g for g, sha in hashes.items() if have.get(g) != sha]
    gone = [g for g in have if g not in hashes]
    if gone:
        index.drop(gone)
    if stale:
        texts = _store_texts(store, None if len(stale) > 50 else stale)
        index.put((g, hashes[g], texts.get(g, [])) for g in stale)
    return len(stale) + len(gone)


def for_writer(store) -> TextIndex | None:
    """The index of a store opened for writing, in step with it (None for other stores)."""
    path = index_path(store)
    if path is None or not hasattr(store, "_store"):
        return None
    index = TextIndex(path)
    sync(store, index)
    return index


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


def _open_for_reader(store, path: Path) -> TextIndex | None:
    if not path.exists() or _version_of(path) != VERSION:
        # missing, or written by another version: made again from the store and renamed
        # over it (a reader holding the old file keeps reading the old one)
        tmp = path.with_name(f".{FILE}.new-{os.getpid()}")
        try:
            index = TextIndex(tmp)
            sync(store, index)
            index.close()
            os.replace(tmp, path)
        except (OSError, sqlite3.Error):
            # a folder this reader cannot write: an index in memory, for this process
            for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
                try:
                    leftover.unlink()
                except OSError:
                    pass
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
                if e.is_file(follow_symlinks=False) and not e.name.startswith((FILE, "LOG", "LOCK")):
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
