"""store: named graphs in an embedded Oxigraph store on disk.

One named graph per source document, and every change of a document's graph is atomic:

- a new document is loaded straight into its graph in one Oxigraph transaction (the
  N-Triples text is parsed by Oxigraph: no per-triple Python objects);
- a changed document's new triples are first loaded into a staging graph (one
  transaction), then a single SPARQL update swaps it in (a second transaction).  A build
  killed between the two leaves only a staging graph, which queries never see and which
  the next writer removes.

Queries read the default graph, which holds the merge of every live document graph and is
kept in step by the same transaction that changes a document's graph: a triple leaves it
only when no other live graph still states it.  Oxigraph answers over one merged graph in
milliseconds where the union of thousands of named graphs took seconds to minutes
(benchmarks/results.md); the named graphs stay, for provenance and for replacing one
document without touching the others.

Measured on this kind of machine (benchmarks/results.md): a transactional write costs
~15-20 us per quad on disk, so MOVE (which rewrites every quad of the document) is kept
for replacements only, where it is needed.

Query, view and export commands open the store read-only, so they work while a build
holds the single-writer lock.  A read-only handle is a snapshot: it sees what the writer
had committed when it was opened (the writer need not close or flush), never later writes.
A handle on a folder no writer holds opens Oxigraph on its first read of the store: a
question the text index answers never pays for opening it.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import QueryError, StoreBusyError, StoreError
from kg.iris import DEFAULT_BASE, GOV_IRI

# rdflib is imported where it is used: reading the store (query, ask) does without it


class _Oxigraph:
    """pyoxigraph, imported when first used: a question the text index answers never opens
    the store, and need not load the engine either."""

    def __getattr__(self, name: str):
        import pyoxigraph
        globals()["ox"] = pyoxigraph  # from now on the module itself
        return getattr(pyoxigraph, name)


ox = _Oxigraph()
_SHA256 = GOV_IRI + "sha256"
_GRAPH_HASH = GOV_IRI + "graphHash"
_LINKS_PENDING = GOV_IRI + "linksPending"

DEFAULT_STORE = "outputs/store"


def default_store_path() -> str:
    return os.environ.get("GOVKG_STORE") or DEFAULT_STORE


def to_ox(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term."""
    from rdflib import BNode, Literal, URIRef
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


# (query text, parameter names) that Oxigraph refused to substitute (a parameter not in
# the projection): bound by a VALUES block from the first call on, not refused again (the
# link stage asks two such queries per body of every document it reads).
_VALUES_BOUND: set[tuple[str, frozenset]] = set()


def to_python(term) -> str | None:
    """pyoxigraph term -> the plain string the query contract promises."""
    if term is None:
        return None
    return term.value


class _ReadFailed(Exception):
    """Reading the store's files failed under a query (for instance a file a writer removed)."""


class GraphStore:
    """An Oxigraph store on disk (or in memory when path is None)."""

    def __init__(self, path: str | os.PathLike | None, *, read_only: bool = False,
                 base: str = DEFAULT_BASE):
        self.path = None if path is None else Path(path)
        self.base = base
        self.read_only = read_only
        self._snapshot_fd = None
        self._ox: ox.Store | None = None
        self._closed = False
        if read_only and self.path is not None:
            self._check_folder()
            # Oxigraph's open of a large folder (RocksDB reading its table files' metadata)
            # is paid only by a reader that reads the store itself: a question the text
            # index answers never opens it.  During a build the writer's snapshot is taken
            # now, so the handle still sees the store as it was when it was made.
            if writer_active(self.path):
                self._ox = self._open_reader()
            return
        self._ox = self._open()
        if not read_only:
            self.drop_staging()
            self.publish_snapshot()

    @property
    def _store(self) -> ox.Store | None:
        """The Oxigraph store, opened on first use by a read-only folder handle."""
        if self._ox is None and not self._closed:
            self._ox = self._open()
        return self._ox

    @_store.setter
    def _store(self, value: ox.Store | None) -> None:
        self._ox = value
        self._closed = False

    def _check_folder(self) -> None:
        if not self.path.exists():
            raise StoreError(f"no store at {self.path}; run `govkg build FILE --store {self.path}` first")
        if not self.path.is_dir() or not (self.path / "CURRENT").exists():
            raise StoreError(f"{self.path} is not a govkg store (no Oxigraph data in it); "
                             f"run `govkg build FILE --store {self.path}` or pass another --store")

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if self.read_only:
            self._check_folder()
            return self._open_reader()
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} is a file, not a store folder; pass another --store")
        if not (self.path / "CURRENT").exists():
            _create_store(self.path)
        try:
            store = ox.Store(str(self.path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreBusyError(
                    f"the store at {self.path} is in use by another govkg build; wait for it to finish") from None
            raise StoreError(f"cannot open the store at {self.path} ({e})") from None
        _WRITING.add(self.path.resolve())
        return store

    def _open_reader(self) -> ox.Store:
        """A read-only handle on a state no writer is changing.

        Opening Oxigraph's folder read-only while another process writes it is undefined
        (measured: readers grew to many GB, or failed on files compaction had removed).  So
        a reader opens the folder itself only while no writer holds its lock; during a
        build it opens the snapshot the writer published before its first write.  Both are
        consistent states of the store.  If neither is to be had within READ_WAIT seconds
        (a writer between taking the lock and publishing), the reader gives up with one line.
        """
        import time
        deadline = time.monotonic() + read_wait()
        last = ""
        while True:
            snap = latest_snapshot(self.path)
            try:
                if not writer_active(self.path):
                    store = ox.Store.read_only(str(self.path))
                    if not writer_active(self.path):
                        return store
                    del store  # a writer started while we opened: use its snapshot
                elif snap is not None:
                    fd = _hold_shared(snap)
                    if fd is not None:
                        try:
                            store = ox.Store.read_only(str(snap))
                        except BaseException:
                            os.close(fd)
                            raise
                        self._snapshot_fd = fd
                        return store
            except (OSError, RuntimeError) as e:
                last = f" ({e})"
            if time.monotonic() >= deadline:
                raise StoreBusyError(f"the store at {self.path} is being written by a govkg build and could not "
                                     f"be read{_one_line_detail(last)}; try again when the build finishes") from None
            time.sleep(0.05)

    def flush(self) -> None:
        """Write Oxigraph's in-memory buffers to disk.  A long build calls this every few
        dozen documents: without it the writer's memory grows with every document
        (RocksDB keeps a write buffer per index), with it memory stays flat
        (benchmarks/results.md).  Readers opened from now on see what is written so far."""
        if not self.read_only and self.path is not None:
            self._store.flush()
            self.publish_snapshot()

    def publish_snapshot(self) -> None:
        """Give readers a consistent copy of the store as it is now (hard links, ~0.1 s),
        before this writer changes anything: they read it while the writer holds the lock."""
        if self.read_only or self.path is None:
            return
        folder = self.path / SNAPSHOTS
        folder.mkdir(exist_ok=True)
        import time
        tmp = folder / f".new-{os.getpid()}"
        _remove_tree(tmp)
        self._store.backup(str(tmp))
        final = folder / f"{time.time_ns():020d}"
        os.rename(tmp, final)
        self._collect_snapshots(keep=final)

    def _collect_snapshots(self, keep: Path | None = None) -> None:
        """Remove snapshots no reader holds (a reader keeps a shared lock on its own)."""
        folder = self.path / SNAPSHOTS
        if not folder.is_dir():
            return
        for entry in folder.iterdir():
            if entry == keep:
                continue
            if entry.name.startswith(".new-"):
                pid = entry.name[5:]
                if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                    continue
                _remove_tree(entry)
                continue
            fd = _hold_exclusive(entry)
            if fd is None:
                continue  # a reader still reads it; the next writer removes it
            try:
                _remove_tree(entry)
            finally:
                os.close(fd)

    def close(self) -> None:
        if getattr(self, "_ox", None) is None:
            self._closed = True
            self.__dict__.pop("_named_rows", None)
            return
        if not self.read_only and self.path is not None:
            self._store.flush()
            try:
                self._collect_snapshots()
            finally:
                _WRITING.discard(self.path.resolve())
        self._ox = None
        self._closed = True
        self.__dict__.pop("_named_rows", None)  # rows kept by kg.query.run_named for this state
        fd = getattr(self, "_snapshot_fd", None)
        if fd is not None:
            self._snapshot_fd = None
            os.close(fd)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- graphs ------------------------------------------------------------------
    def _staging_prefix(self) -> str:
        return self.base + "staging/"

    def drop_staging(self) -> int:
        """Remove what a killed build left half-way: staging graphs are never live."""
        prefix = self._staging_prefix()
        dropped = 0
        for g in list(self._store.named_graphs()):
            if isinstance(g, ox.NamedNode) and g.value.startswith(prefix):
                self._store.remove_graph(g)
                dropped += 1
        return dropped

    _drop_staging = drop_staging

    def live_graphs(self) -> list[ox.NamedNode]:
        prefix = self._staging_prefix()
        return [g for g in self._store.named_graphs()
                if isinstance(g, ox.NamedNode) and not g.value.startswith(prefix)]

    def replace_graph(self, graph_iri: str, staging_iri: str, triples: bytes | str | Iterable) -> int:
        """Atomically make `graph_iri` hold exactly `triples`, and the merged default graph
        follow; returns how many.

        `triples` is N-Triples text (bytes or str, as `kg.pipeline` workers produce it:
        parsed by Oxigraph in one call) or an iterable of rdflib or pyoxigraph triples.
        The triples are loaded into a staging graph (one transaction), then one SPARQL
        update swaps it in and merges it into the default graph (a second transaction).
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        live = ox.NamedNode(graph_iri)
        staging = ox.NamedNode(staging_iri)
        rows = self._triples(triples)
        if not self._store.contains_named_graph(live):
            # a new document: its graph and its share of the merge in one transaction
            self._store.extend([ox.Quad(t.subject, t.predicate, t.object, live) for t in rows]
                               + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in rows])
            if not rows:
                self._store.add_graph(live)
            return len(rows)
        self.remove_graph_only(staging)
        self._write(staging, rows)
        self._store.update(swap_update(live, staging, self._staging_prefix()))
        return len(rows)

    def replace_graphs(self, docs: list[tuple[str, str, bytes]]) -> list[int]:
        """`replace_graph` for many documents at once: (graph IRI, staging IRI, N-Triples
        bytes) each; returns how many triples each holds.

        Documents not yet in the store are written together, each into its named graph and
        the merged default graph, by Oxigraph's bulk loader: it sorts the quads into new
        index files and adds them to the store in one atomic step (RocksDB ingests the files
        of every index together, or none), at a fifth of the cost of a transaction per
        document.  So a build killed at any moment leaves each of them wholly there or not
        at all.  Documents already stored are replaced one by one as before (staging graph,
        then one swap).
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        counts: list[int] = []
        batch: list[bytes] = []
        size = 0
        for graph_iri, staging_iri, nt in docs:
            data = nt.encode("utf-8") if isinstance(nt, str) else bytes(nt)
            if data and not data.endswith(b"\n"):
                data += b"\n"
            n = data.count(b"\n")
            live = ox.NamedNode(graph_iri)
            if (self.path is None or not n or 2 * n > BULK_QUADS
                    or self._store.contains_named_graph(live)):
                counts.append(self.replace_graph(graph_iri, staging_iri, data))
                continue
            if size + 2 * n > BULK_QUADS and batch:
                self._bulk(batch)
                batch, size = [], 0
            # Oxigraph writes one triple per line ending " .\n" (a line break inside a
            # literal is escaped): the same line with the graph's name is its quad
            batch.append(data.replace(b" .\n", f" {live} .\n".encode("utf-8")) + data)
            size += 2 * n
            counts.append(n)
        if batch:
            self._bulk(batch)
        return counts

    def _bulk(self, parts: list[bytes]) -> None:
        try:
            self._store.bulk_load(b"".join(parts), ox.RdfFormat.N_QUADS)
        except SyntaxError as e:
            raise StoreError(f"invalid N-Triples: {e}") from None

    def replace_graphs_together(self, swaps: list[tuple[str, str, bytes | str | Iterable]],
                                links: list[tuple[str, str, bytes, str]] = ()) -> None:
        """Replace several graphs in one transaction: each (graph IRI, staging IRI, triples)
        is staged first, then one SPARQL update swaps them all in and the merged default
        graph follows.  A document and the link graph of its body change together, so a
        killed build never leaves links to a version of a document that is gone.

        `links`: derived graphs (graph IRI, staging IRI, N-Triples, body IRI) to make hold
        exactly those triples by their changes (`graph_changes`) in the same update; a
        change larger than CHANGE_CHUNK triples is not held in one transaction: the update
        only marks that graph (as `apply_graph_changes` does), and its parts follow."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        prefix = self._staging_prefix()
        parts = []
        for graph_iri, staging_iri, triples in swaps:
            staging = ox.NamedNode(staging_iri)
            self.remove_graph_only(staging)
            self._write(staging, self._triples(triples))
            parts.append(swap_update(ox.NamedNode(graph_iri), staging, prefix))
        later = []
        for graph_iri, staging_iri, triples, body in links:
            live = ox.NamedNode(graph_iri)
            added, removed = self.graph_changes(graph_iri, triples)
            if not added and not removed:
                continue
            if _count(added) + _count(removed) <= CHANGE_CHUNK:
                plus, minus = self._triples(added), self._triples(removed)
            else:
                plus, minus = [self._pending_mark(live, body)], self._stored_hash(live)
                later.append((graph_iri, staging_iri, added, removed, body))
            add, delete = ox.NamedNode(staging_iri + "-add"), ox.NamedNode(staging_iri + "-del")
            for g, rows in ((add, plus), (delete, minus)):
                self.remove_graph_only(g)
                self._write(g, rows)
            parts.append(changes_update(live, add, delete, prefix))
        if parts:
            self._store.update(" ;\n".join(parts))
        for graph_iri, staging_iri, added, removed, body in later:
            self.apply_graph_changes(graph_iri, staging_iri, added, removed, pending=body)

    def graph_changes(self, graph_iri: str, nt: bytes) -> tuple[bytes, bytes]:
        """(N-Triples to add, N-Triples to remove) that make the live graph `graph_iri` hold
        exactly the triples of `nt`, compared line by line with the stored graph as Oxigraph
        writes it (`nt` written by Oxigraph's terms, as kg.pipeline.ntriples_of writes it: a
        triple written otherwise is removed and added again, which leaves the same graph)."""
        live = ox.NamedNode(graph_iri)
        new = [line for line in bytes(nt).splitlines() if line.strip()]
        if not self._store.contains_named_graph(live):
            return b"".join(line + b"\n" for line in new), b""
        old = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=live).splitlines()
        was, now = set(old), set(new)
        return (b"".join(line + b"\n" for line in new if line not in was),
                b"".join(line + b"\n" for line in old if line.strip() and line not in now))

    @staticmethod
    def _pending_mark(live: ox.NamedNode, body: str) -> ox.Triple:
        return ox.Triple(live, ox.NamedNode(_LINKS_PENDING), ox.NamedNode(body))

    def _stored_hash(self, live: ox.NamedNode) -> list[ox.Triple]:
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(live, ox.NamedNode(_GRAPH_HASH), None, live)]

    def replace_graph_changes(self, graph_iri: str, staging_iri: str, triples: bytes | str | Iterable,
                              *, pending: str | None = None) -> int:
        """`replace_graph` writing only what changed: the triples to add and those to remove
        are staged (a transaction each), then one SPARQL update takes them out of and into the
        live graph and the merged default graph (a second transaction), so a build killed
        in between leaves the old graph whole and staging graphs the next writer removes.
        A body's link graph gains a few report-backs when a meeting is added, and rewriting
        all of it (a swap copies every quad twice) grew with every meeting the body held.
        With `pending` (a body IRI), a change larger than CHANGE_CHUNK triples is written in
        parts, marked while it is (`apply_graph_changes`).  This compares the whole stored
        graph with `triples`: the link stage does so only where it cannot tell the change
        from the documents' link inputs (kg.link.link_changes)."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        live = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(live):
            if pending is not None:
                return self.apply_graph_changes(graph_iri, staging_iri, triples, b"", pending=pending)
            return self.replace_graph(graph_iri, staging_iri, triples)
        # as (s, p, o): Oxigraph's parser gives quads (in the default graph), never equal to triples
        new = {(t.subject, t.predicate, t.object) for t in self._iter_triples(triples)}
        old = {(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, live)}
        added = [ox.Triple(*t) for t in new - old]
        removed = [ox.Triple(*t) for t in old - new]
        n = len(new)
        del new, old
        if added or removed:
            self.apply_graph_changes(graph_iri, staging_iri, added, removed, pending=pending)
        return n

    def apply_graph_changes(self, graph_iri: str, staging_iri: str, added: bytes | Iterable,
                            removed: bytes | Iterable, *, pending: str | None = None,
                            chunk: int | None = None) -> int:
        """Take the triples `removed` out of the live graph `graph_iri` (and out of the merged
        default graph where no other live graph states them) and put `added` in both;
        returns how many triples were written.  Each is N-Triples (bytes) or triples, as
        for `replace_graph`.

        A change of up to `chunk` triples (default CHANGE_CHUNK) is one transaction, as in
        `replace_graph_changes`.  A larger one is never held in one transaction (Oxigraph
        keeps a transaction's writes in memory: a body's whole link graph written at once
        was the writer's peak): with `pending` (a body IRI) it is written `chunk` triples a
        transaction.  The first states `<graph> gov:linksPending <pending>` and drops the
        graph's gov:graphHash; the last takes the mark away and states the new hash (when
        `added` holds one).  A build stopped in between leaves a graph part-way, marked:
        `pending_graphs` finds it, and the next build recomputes it whole from the
        documents' graphs.  Without `pending`, a larger change is one transaction still."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        chunk = CHANGE_CHUNK if chunk is None else chunk
        live = ox.NamedNode(graph_iri)
        n_plus, n_minus = _count(added), _count(removed)
        if not n_plus and not n_minus:
            return 0
        if pending is None or n_plus + n_minus <= chunk:
            self._apply_changes(live, staging_iri, self._triples(added), self._triples(removed))
            return n_plus + n_minus
        hash_p = ox.NamedNode(_GRAPH_HASH)
        own_hash: dict[str, list[ox.Triple]] = {"plus": [], "minus": []}

        def parts(triples, side: str):
            """`triples` a chunk at a time, parsed as they are written (the change is never
            held whole as triples), its graph hash set aside."""
            part = []
            for t in self._iter_triples(triples):
                if t.subject == live and t.predicate == hash_p:
                    own_hash[side].append(t)
                    continue
                part.append(t)
                if len(part) >= chunk:
                    yield part
                    part = []
            if part:
                yield part
        mark = self._pending_mark(live, pending)
        # the graph is marked before any of its triples change, and its hash goes with the
        # mark: the old hash is found by pattern (where `removed` states it, it is skipped)
        self._apply_changes(live, staging_iri, [mark], self._stored_hash(live))
        for part in parts(removed, "minus"):
            self._apply_changes(live, staging_iri, [], part)
        for part in parts(added, "plus"):
            self._apply_changes(live, staging_iri, part, [])
        self._apply_changes(live, staging_iri, own_hash["plus"], [mark])  # whole again
        return n_plus + n_minus

    def _apply_changes(self, live: ox.NamedNode, staging_iri: str, plus: list[ox.Triple],
                       minus: list[ox.Triple]) -> None:
        """One transaction's change of `live` (the staged triples written before it, each in
        a transaction of its own, are invisible to queries and dropped by the next writer)."""
        if not minus:
            # adding needs no staging: the live graph and the merge take the triples together
            self._store.extend([ox.Quad(t.subject, t.predicate, t.object, live) for t in plus]
                               + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in plus])
            return
        add, delete = ox.NamedNode(staging_iri + "-add"), ox.NamedNode(staging_iri + "-del")
        self.remove_graph_only(add)
        self.remove_graph_only(delete)
        self._write(add, plus)
        self._write(delete, minus)
        self._store.update(changes_update(live, add, delete, self._staging_prefix()))

    def pending_graphs(self) -> dict[str, str]:
        """graph IRI -> body IRI of every live graph a stopped build left part-way through a
        change written in parts (`apply_graph_changes`)."""
        return self._stated_in_live_graphs(_LINKS_PENDING, on_the_graph=True)

    def _stated_in_live_graphs(self, predicate: str, *, on_the_graph: bool) -> dict[str, str]:
        """graph IRI -> the object of `predicate` stated in it (on the graph's own IRI where
        `on_the_graph`), for every live graph (staging graphs left out)."""
        prefix = self._staging_prefix()
        out = {}
        for q in self._store.quads_for_pattern(None, ox.NamedNode(predicate), None, None):
            g = q.graph_name
            if isinstance(g, ox.NamedNode) and (not on_the_graph or q.subject == g) \
                    and not g.value.startswith(prefix):
                out[g.value] = q.object.value
        return out

    def _write(self, graph: ox.NamedNode, rows: list[ox.Triple]) -> int:
        """One transaction: all of `rows` into `graph`, or nothing."""
        self._store.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in rows])
        if not rows:
            self._store.add_graph(graph)
        return len(rows)

    @staticmethod
    def _iter_triples(triples: bytes | str | Iterable) -> Iterator[ox.Triple]:
        """`_triples`, one at a time (N-Triples text parsed as it is read)."""
        if isinstance(triples, (bytes, str)):
            data = triples.encode("utf-8") if isinstance(triples, str) else triples
            try:
                yield from ox.parse(data, ox.RdfFormat.N_TRIPLES)
            except SyntaxError as e:
                raise StoreError(f"invalid N-Triples: {e}") from None
            return
        for t in triples:
            yield t if isinstance(t, ox.Triple) else ox.Triple(*map(to_ox, t))

    @staticmethod
    def _triples(triples: bytes | str | Iterable) -> list[ox.Triple]:
        """N-Triples text (parsed by Oxigraph) or rdflib/pyoxigraph triples, as pyoxigraph triples."""
        return list(GraphStore._iter_triples(triples))

    def remove_graph(self, graph_iri: str) -> None:
        """Drop a document's graph, and from the merged default graph what only it stated."""
        g = ox.NamedNode(graph_iri)
        if self._store.contains_named_graph(g):
            self._store.update(unmerge_update(g, self._staging_prefix()) + f" ;\nDROP SILENT GRAPH {g}")

    def remove_graph_only(self, g: ox.NamedNode) -> None:
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

    def source_hashes(self) -> dict[str, str]:
        """graph IRI -> content hash of the document it was built from, for every live graph."""
        return self._stated_in_live_graphs(_SHA256, on_the_graph=False)

    def graph_hashes(self) -> dict[str, str]:
        """graph IRI -> the hash of its triples that a derived graph (a body's link graph,
        the corrections graph: kg.build.graph_hashed) states on its own IRI, for every live
        graph that has one."""
        return self._stated_in_live_graphs(_GRAPH_HASH, on_the_graph=True)

    def source_hash(self, graph_iri: str) -> str | None:
        """The content hash a document's graph was built from, if it is stored."""
        g = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(g):
            return None
        for q in self._store.quads_for_pattern(None, ox.NamedNode(_SHA256), None, g):
            return q.object.value
        return None

    # -- queries -------------------------------------------------------------------
    def select(self, sparql: str, bindings: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
        """Run a SELECT over the merged live graphs; parameters bound by the engine.

        Values of `bindings` are bound as plain literals (SEP-0007 substitution, or for a
        variable that is not projected a VALUES block opening the WHERE group), so text
        holding quotes, braces or SPARQL keywords can never change the query.
        """
        try:
            return self._select(sparql, bindings)
        except _ReadFailed as e:
            if not (self.read_only and self.path is not None):
                raise QueryError(f"query failed: {e}") from None
        # a writer started while this handle read the folder itself: read its snapshot
        self.close()
        self._store = self._open_reader()
        try:
            return self._select(sparql, bindings)
        except _ReadFailed as e:
            raise QueryError(f"query failed: {e}") from None

    def _select(self, sparql: str, bindings: dict[str, str] | None) -> tuple[list[str], list[dict[str, str]]]:
        names, rows = self._solutions(sparql, bindings)
        return names, list(rows)

    def iter_select(self, sparql: str, bindings: dict[str, str] | None = None
                    ) -> tuple[list[str], Iterator[dict[str, str]]]:
        """`select`, with the rows handed out as the engine gives them instead of held in
        a list (a listing of every row of a large store is printed as it comes)."""
        try:
            names, rows = self._solutions(sparql, bindings)
        except _ReadFailed as e:
            raise QueryError(f"query failed: {e}") from None

        def stream() -> Iterator[dict[str, str]]:
            try:
                yield from rows
            except _ReadFailed as e:
                raise QueryError(f"query failed: {e}") from None
        return names, stream()

    def _solutions(self, sparql: str, bindings: dict[str, str] | None
                   ) -> tuple[list[str], Iterator[dict[str, str]]]:
        subs = {ox.Variable(k): ox.Literal(v) for k, v in (bindings or {}).items()}
        try:
            try:  # the default graph: the merge of the live document graphs
                if subs and (sparql, frozenset(bindings)) in _VALUES_BOUND:
                    raise RuntimeError("projection")  # refused before: not parsed again to be refused
                result = self._store.query(sparql, substitutions=subs)
            except RuntimeError as e:
                # pyoxigraph 0.5 substitutes only variables of the SELECT projection; the
                # others are bound by a VALUES block of escaped literals (see with_values)
                if "projection" not in str(e):
                    raise QueryError(f"query failed: {e}") from None
                if len(_VALUES_BOUND) >= 512:
                    _VALUES_BOUND.clear()
                _VALUES_BOUND.add((sparql, frozenset(bindings or ())))
                result = self._store.query(with_values(sparql, bindings))
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("only SELECT queries return rows; use --format turtle with a CONSTRUCT via export")
            names = [v.value for v in result.variables]
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from None
        except ValueError as e:
            raise QueryError(f"query failed: {e}") from None
        except OSError as e:
            raise _ReadFailed(str(e)) from None
        return names, self._rows(result, names)

    def _rows(self, result, names: list[str]) -> Iterator[dict[str, str]]:
        staging = self._staging_prefix()
        try:
            for sol in result:
                # a solution iterates its terms in the order of `names` (None where unbound)
                row = {n: t.value for n, t in zip(names, sol) if t is not None}
                # a staging graph (a replace half-way, or left by a killed build) is not
                # part of the store's content: GRAPH ?g never lists it
                if not any(v.startswith(staging) for v in row.values()):
                    yield row
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from None
        except ValueError as e:
            raise QueryError(f"query failed: {e}") from None
        except OSError as e:
            raise _ReadFailed(str(e)) from None

    def update(self, sparql: str) -> None:
        """Run a user's SPARQL update; the merged default graph follows what it did to the
        document graphs (added, deleted, dropped) in the same transaction, so queries never
        answer from facts no graph states any more."""
        if self.read_only:
            raise QueryError("the store is open read-only; pass --allow-update to run an update")
        try:
            self._store.update(with_resync(sparql, self._staging_prefix()))
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL update: {e}") from None
        from kg import textindex
        textindex.invalidate(self)  # an update can change texts: remade from the store when next read

    user_update = update

    def quads(self) -> Iterator[ox.Quad]:
        for g in self.live_graphs():
            yield from self._store.quads_for_pattern(None, None, None, g)

    def rdflib_dataset(self):
        """The same store as an rdflib Dataset (oxrdflib), for code written against rdflib:
        no copy is made, and SPARQL run through it is evaluated by Oxigraph."""
        from oxrdflib import OxigraphStore
        from rdflib import Dataset
        return Dataset(store=OxigraphStore(store=self._store))

    def to_rdflib(self) -> Graph:
        """The union of live graphs as an in-memory rdflib Graph (for pyshacl, networkx)."""
        return rdflib_graph(self.quads())

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())



# Quads given to Oxigraph's bulk loader in one call: it writes up to 1,000,000 in one
# batch, and one batch is added to the store atomically (see GraphStore.replace_graphs).
BULK_QUADS = 400_000
# Triples of a derived graph's change written in one transaction at most (see
# GraphStore.apply_graph_changes): a transaction's writes are held in memory until it
# commits, so this bounds what one change of a body's link graph costs the writer.
CHANGE_CHUNK = 20_000

# Snapshots for readers live in this sub-folder of the store (Oxigraph ignores it).
SNAPSHOTS = "govkg-readers"
# Store folders this process holds open for writing (a lock probe from the same process
# would release the writer's own lock: POSIX locks belong to the process).
_WRITING: set[Path] = set()


def read_wait() -> float:
    """Seconds a reader waits for a consistent state before saying the store is busy."""
    try:
        return max(0.0, float(os.environ.get("GOVKG_READ_WAIT", "10")))
    except ValueError:
        return 10.0


def holds_oxigraph(store) -> bool:
    """True for a store read through an Oxigraph store of its own (a GraphStore, or a
    stand-in that holds one), found without opening a read-only handle's (opened on use)."""
    return isinstance(store, GraphStore) or hasattr(store, "_store")


def writer_active(path: Path) -> bool:
    """True while a process holds the store's single-writer lock (Oxigraph's LOCK file)."""
    if path.resolve() in _WRITING:
        return True
    import fcntl
    try:
        fd = os.open(path / "LOCK", os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def latest_snapshot(path: Path) -> Path | None:
    folder = path / SNAPSHOTS
    try:
        names = sorted((e.name for e in folder.iterdir() if e.name.isdigit()), reverse=True)
    except OSError:
        return None
    for name in names:
        if (folder / name / "CURRENT").exists():
            return folder / name
    return None


def _hold(path: Path, mode: int) -> int | None:
    import fcntl
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return None
    try:
        fcntl.flock(fd, mode)
    except OSError:
        os.close(fd)
        return None
    if not (path / "CURRENT").exists() and mode & fcntl.LOCK_SH:
        os.close(fd)  # removed while we waited for the lock
        return None
    return fd


def _hold_shared(path: Path) -> int | None:
    import fcntl
    return _hold(path, fcntl.LOCK_SH)


def _hold_exclusive(path: Path) -> int | None:
    import fcntl
    return _hold(path, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _remove_tree(path: Path) -> None:
    import shutil
    shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _one_line_detail(detail: str) -> str:
    return " ".join(detail.split())[:300]


def _create_store(path: Path) -> None:
    """Create a new, empty store folder at `path` all at once.

    Oxigraph writes a new store's files one by one and its CURRENT file last: a build
    killed in between left a folder that could not be opened.  The store is made in a
    temporary folder beside `path` and renamed into place, so `path` is either absent or
    a whole store.  A folder already at `path` that holds other files is used in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob(f".{path.name}.new-*"):
        pid = old.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            _remove_tree(old)  # left by a build killed while it created the store
    if path.is_dir():
        leftovers = list(path.iterdir())
        if any(not _rocksdb_file(p.name) for p in leftovers):
            return  # someone's folder: Oxigraph creates its files beside theirs, as before
        for p in leftovers:  # an older govkg killed while creating the store in place
            if p.is_file():
                p.unlink()
    tmp = path.parent / f".{path.name}.new-{os.getpid()}"
    _remove_tree(tmp)
    try:
        s = ox.Store(str(tmp))
        s.flush()
        del s
    except OSError as e:
        _remove_tree(tmp)
        raise StoreError(f"cannot create the store at {path} ({e})") from None
    try:
        os.rename(tmp, path)  # replaces an empty folder; fails if another build got there first
    except OSError:
        _remove_tree(tmp)


def _count(triples: bytes | str | Iterable) -> int:
    """How many triples N-Triples text (one a line, as govkg writes it) or a list holds."""
    if isinstance(triples, (bytes, str)):
        data = triples.encode("utf-8") if isinstance(triples, str) else triples
        # (a line break inside a literal is written escaped: each line ends one triple)
        # (blank lines, which govkg never writes, would count: this only sizes the writes)
        return data.count(b"\n") + (1 if data.strip() and not data.endswith(b"\n") else 0)
    return len(triples)


def _rocksdb_file(name: str) -> bool:
    return (name in ("LOCK", "IDENTITY", "LOG") or name.startswith(("LOG.old", "MANIFEST-", "OPTIONS-"))
            or name.endswith((".log", ".sst", ".dbtmp")))


def unmerge_update(live: ox.NamedNode, staging_prefix: str) -> str:
    """SPARQL update removing from the default graph the triples that only `live` states.

    Both IRIs are minted by kg.ids and checked by ox.NamedNode, never user text."""
    prefix = ox.Literal(staging_prefix)
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {live} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {live} && !STRSTARTS(STR(?g), {prefix})) }} }}")


def with_resync(sparql: str, staging_prefix: str) -> str:
    """A user's update followed, in the same request, by the two operations that make the
    default graph the merge of the live graphs again: what no live graph states leaves it
    (a DROP GRAPH or DELETE of the user's), what one states joins it (an INSERT).

    The default graph is derived: triples written into it directly are not kept."""
    prefix = ox.Literal(staging_prefix)
    live = f"GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?g), {prefix}))"
    # the line break ends a comment the user's text may close with
    return (sparql.rstrip().rstrip(";") + "\n ;\n"
            f"DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ {live} }} }} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ {live} }}")


def swap_update(live: ox.NamedNode, staging: ox.NamedNode, staging_prefix: str) -> str:
    """One SPARQL update (one transaction): the staging graph becomes the live graph and the
    default graph follows (what only the old version stated leaves it; the new one joins)."""
    return (unmerge_update(live, staging_prefix) + " ;\n"
            f"ADD SILENT {staging} TO DEFAULT ;\n"
            f"MOVE SILENT {staging} TO {live}")


def changes_update(live: ox.NamedNode, plus: ox.NamedNode, minus: ox.NamedNode, staging_prefix: str) -> str:
    """One SPARQL update (one transaction): the triples of the staging graph `minus` leave
    `live`, and the default graph where no other live graph states them; those of `plus`
    join both; the two staging graphs go."""
    prefix = ox.Literal(staging_prefix)
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {minus} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {live} && !STRSTARTS(STR(?g), {prefix})) }} }} ;\n"
            f"DELETE {{ GRAPH {live} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {minus} {{ ?s ?p ?o }} }} ;\n"
            f"ADD SILENT {plus} TO {live} ;\n"
            f"ADD SILENT {plus} TO DEFAULT ;\n"
            f"DROP SILENT GRAPH {plus} ;\n"
            f"DROP SILENT GRAPH {minus}")


def rdflib_graph(quads: Iterable[ox.Quad]) -> Graph:
    """Quads from any store as one in-memory rdflib Graph (the union of their graphs)."""
    from rdflib import Graph
    g = Graph()
    for q in quads:
        g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))
    return g


def _from_ox(term):
    from rdflib import BNode, Literal, URIRef
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# SPARQL tokens that may hold braces or '#' without opening a group or a comment
_SKIP = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # long strings
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',  # short strings
    r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
    r"#[^\n]*",  # comments
]))


def where_brace(sparql: str) -> int:
    """Offset just after the '{' that opens the query's WHERE group."""
    depth = 0
    i, n = 0, len(sparql)
    while i < n:
        m = _SKIP.match(sparql, i)
        if m:
            i = m.end()
            continue
        c = sparql[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "{" and depth == 0:
            return i + 1
        i += 1
    raise QueryError("the query has no WHERE { ... } group to bind parameters in")


def with_values(sparql: str, bindings: dict[str, str]) -> str:
    """The query with `bindings` as a VALUES block opening its WHERE group.

    Each value becomes an RDF literal written by pyoxigraph, so quotes, braces, line
    breaks or SPARQL keywords in it stay inside the literal."""
    names = list(bindings)
    for name in names:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name (letters, digits, _)")
    at = where_brace(sparql)
    terms = " ".join(str(ox.Literal(str(bindings[n]))) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}\n"
    return sparql[:at] + block + sparql[at:]
