"""The pipeline: read -> segment -> extract -> resolve -> build -> store.

`graph_of_file` is a pure function of a path (plus options) to an rdflib Graph; only
`build_into_store` touches the store, one document at a time, each in its own atomic
replace.

With `jobs` > 1 documents are read, segmented, extracted, resolved and built in a pool
of worker processes.  A worker hands back the document's graph as N-Triples bytes
(serialised by Oxigraph: compact to pickle, parsed by Oxigraph in one call on the other
side) with its FileResult; only the parent process writes to the store, so the store
keeps one writer.  Files whose content hash is already stored are skipped before any
work is sent to the pool.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.build import build_graph, build_triples
from kg.errors import GovkgError, InputError, UsageError
from kg.extract import extract
from kg.ids import Minter, source_key
from kg.read import iter_sources, read_document
from kg.link import links_for_document, links_for_documents, report_sentences
from kg.records import Extraction, Resolution
from kg.query import get_named
from kg.resolve import KnownPeople, known_people, resolve
from kg.segment import segment
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE


# documents written between flushes of the store's write buffers (memory stays flat)
FLUSH_EVERY = 50
# New documents are gathered and written to a local store together when they hold this
# many triples (a few hundred documents of real minutes: the writer holds at most this
# much) or the first of them has waited this long (readers see a long build's documents
# as it goes).
WRITE_TRIPLES = 50_000
WRITE_SECONDS = 10.0


def write_seconds() -> float:
    """How long new documents wait to be written together ($GOVKG_WRITE_SECONDS)."""
    try:
        return max(0.0, float(os.environ.get("GOVKG_WRITE_SECONDS", WRITE_SECONDS)))
    except ValueError:
        return WRITE_SECONDS


def extract_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None) -> Extraction:
    """read, segment and extract one file: what `govkg extract` prints."""
    doc = read_document(path)
    return extract(segment(doc), body=body, date=date)


def resolve_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None) -> Resolution:
    doc = read_document(path)
    secs = segment(doc)
    res = resolve(extract(secs, body=body, date=date))
    res.report_sentences = report_sentences(secs, res)
    return res


def graph_of_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None,
                  base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph one file becomes (what its named graph will hold)."""
    return build_graph(resolve_file(path, body=body, date=date), base)


@dataclass
class FileResult:
    path: str
    status: str  # built | unchanged | failed
    triples: int = 0
    error: str | None = None
    unresolved: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    store: str
    results: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def built(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "built"]


def doc_seconds() -> float:
    """The bound on the work spent on one document, in seconds ($GOVKG_DOC_SECONDS, 0: none)."""
    try:
        return max(0.0, float(os.environ.get("GOVKG_DOC_SECONDS", "300")))
    except ValueError:
        return 300.0


class _Overtime(BaseException):  # not caught by the `except Exception` of a reader
    pass


class _time_bound:
    """Stop the work on one document after `seconds` (a hostile file must not hold the store
    lock for ever).  Only in a main thread, where Python delivers signals."""

    def __init__(self, seconds: float):
        import threading
        self.seconds = seconds
        self.on = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.on:
            def ring(_sig, _frame):
                raise _Overtime()
            self._old = signal.signal(signal.SIGALRM, ring)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.on:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)


def _graph_for(path: str, body, date, base, known: KnownPeople | None = None) -> tuple[list | None, str, FileResult]:
    limit = doc_seconds()
    try:
        with _time_bound(limit):
            doc = read_document(path)
            secs = segment(doc)
            res = resolve(extract(secs, body=body, date=date), known=known)
            res.report_sentences = report_sentences(secs, res)
            g = build_triples(res, base)
        return g, doc.sha256, FileResult(path, "built", len(g), unresolved=res.unresolved)
    except _Overtime:
        return None, "", FileResult(path, "failed", error=(
            f"{path}: took more than {limit:g} s to read (the bound on one document); "
            "split the file, or raise GOVKG_DOC_SECONDS"))
    except GovkgError as e:
        return None, "", FileResult(path, "failed", error=str(e))
    except RecursionError:
        return None, "", FileResult(path, "failed", error=f"{path}: too deeply nested to read")
    except Exception as e:  # a bug on one document must not stop the others
        return None, "", FileResult(path, "failed", error=(
            f"{path}: internal error while reading it ({type(e).__name__}: {e}); please report it with this file"))


def ntriples_of(g) -> bytes:
    """A graph (or any iterable of rdflib triples) as N-Triples bytes, serialised by
    Oxigraph (which also checks every IRI)."""
    import pyoxigraph as ox
    from rdflib import URIRef
    from kg.store import to_ox
    # IRIs repeat (predicates, classes, the meeting, people): convert each once
    iris: dict[str, ox.NamedNode] = {}

    def term(t):
        if type(t) is URIRef:
            n = iris.get(t)
            if n is None:
                n = iris[t] = ox.NamedNode(t)
            return n
        return to_ox(t)
    return ox.serialize((ox.Triple(term(s), term(p), term(o)) for s, p, o in g), format=ox.RdfFormat.N_TRIPLES)


def build_document(task: tuple) -> tuple[bytes | None, FileResult]:
    """One document, read to triples: (N-Triples bytes or None, its FileResult).

    Runs in a worker process when building in parallel: a pure function of its
    arguments that touches no store.
    """
    path, body, date, base, known = task if len(task) == 5 else (*task, None)
    g, _sha, result = _graph_for(path, body, date, base, known)
    if g is None:
        return None, result
    try:
        return ntriples_of(g), result
    except ValueError as e:  # an IRI Oxigraph refuses, e.g. from a --base with spaces
        return None, FileResult(path, "failed", error=f"{path}: cannot write its graph ({e}); check --base")


def _worker_init() -> None:
    # Ctrl-C is the parent's to handle (it stops the pool); workers just stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # A build killed outright (kill -9) cannot stop its pool: its fork server then
        # exits, and this makes the kernel stop the worker too instead of leaving it waiting.
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            if os.getppid() == 1:  # the parent was already gone
                os._exit(1)
        except (OSError, AttributeError):
            pass


def resolve_jobs(jobs: int | None) -> int:
    """jobs=None or 0 means one worker per CPU; 1 means build in this process."""
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give the number of worker processes (0 for one per CPU)")
    return jobs


def _pool(jobs: int):
    """A process pool.  Workers are forked from a clean server process ("forkserver")
    where the platform has one, so no thread or store handle of this process is copied."""
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("forkserver" if "forkserver" in methods and sys.platform != "darwin" else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["kg.pipeline"])
    return ctx.Pool(jobs, initializer=_worker_init)


def _open_store(store_path: str | None, endpoint: str | None, base: str, update_endpoint: str | None = None):
    if endpoint:
        from kg.remote import RemoteStore
        store = RemoteStore(endpoint, update_endpoint, base=base)
        store.drop_staging()  # one writer per endpoint: what is staged now was left by a killed build
        return store
    return GraphStore(store_path, base=base)


def build_into_store(paths: list[str], store_path: str | None, *, body: str | None = None, date: str | None = None,
                     base: str = DEFAULT_BASE, force: bool = False, progress=None, jobs: int | None = 1,
                     endpoint: str | None = None, update_endpoint: str | None = None) -> BuildReport:
    """Build every file under `paths` into the store, one named graph per file.

    A file whose content hash is already stored is skipped unless `force`; a changed
    file replaces its graph atomically.  Files that fail are reported, the rest still build.

    `jobs`: worker processes that read and build documents (1: in this process; 0 or
    None: one per CPU).  Only this process writes to the store.  `endpoint`: build into a
    SPARQL 1.1 server (see kg.remote for the URL convention; `update_endpoint` where its
    update URL is not beside the query URL) instead of the store folder `store_path`.
    """
    jobs = resolve_jobs(jobs)
    report = BuildReport(str(endpoint or store_path))
    files: list[str] = []

    def on_error(err: InputError) -> None:
        report.results.append(FileResult(err.path, "failed", error=str(err)))

    for p in iter_sources(paths, on_error=on_error):
        files.append(str(p))
    minter = Minter(base)
    pool = None
    try:
        with _open_store(store_path, endpoint, base, update_endpoint) as store:
            stored = {} if force else store.source_hashes()
            todo: list[tuple[str, str, str]] = []  # path, graph IRI, staging IRI
            for path in files:
                key = source_key(path)
                graph_iri = str(minter.graph(key))
                if not force and graph_iri in stored:
                    try:
                        sha = _sha_of(path)
                    except OSError:
                        sha = None
                    if sha == stored[graph_iri]:
                        report.results.append(FileResult(path, "unchanged"))
                        continue
                todo.append((path, graph_iri, str(minter.staging_graph(key))))
            # people already stored, so "J Hassall" in new minutes of a body links to the
            # "Julia Hassall" its earlier minutes named (documents of one build do not see
            # each other's people: they are resolved in parallel)
            known = known_people(store.select(get_named("known-people").text)[1], base) if todo else None
            tasks = [(path, body, date, base, known) for path, _, _ in todo]
            if jobs > 1 and len(todo) > 1:
                # workers come from a fresh fork server: they hold no handle of this store
                pool = _pool(min(jobs, len(todo)))
                chunk = _chunksize(len(tasks), jobs)
                window = _Window(max(4 * jobs, 2 * chunk * jobs))
                outputs = pool.imap(build_document, window.feed(tasks), chunksize=chunk)
            else:
                window = None
                outputs = map(build_document, tasks)
            written = 0
            local = hasattr(store, "_store")
            # a changed document replaces its graph at once (staging graph, then a swap);
            # new documents are gathered and written together
            existing = set(store.source_hashes()) if force else set(stored)
            pending: list[tuple[str, str, bytes]] = []
            pending_lines = 0
            pending_since = 0.0
            wait = write_seconds()

            def write_pending() -> None:
                nonlocal written, pending_lines
                if not pending:
                    return
                # each body they hold is linked once for all of them
                links = links_for_documents(store, [(g, nt) for g, _, nt in pending], base)
                if links:
                    # the documents and their bodies' links change in one transaction
                    store.add_graphs_with(pending, links)
                else:
                    store.replace_graphs(pending)  # one bulk load, added atomically
                written += len(pending)
                pending.clear()
                pending_lines = 0
                store.flush()

            # results come back in input order; the progress bar moves as each is read
            for _path, graph_iri, staging_iri in (progress(todo) if progress else todo):
                nt, result = next(outputs)
                if window is not None:
                    window.done()
                if nt is not None and local and graph_iri not in existing:
                    if not pending:
                        pending_since = time.monotonic()
                    pending.append((graph_iri, staging_iri, nt))
                    pending_lines += nt.count(b"\n")
                    if pending_lines >= WRITE_TRIPLES or time.monotonic() - pending_since >= wait:
                        write_pending()
                elif nt is not None:
                    write_pending()  # what came before is written before a replacement reads the store
                    links = links_for_document(store, graph_iri, nt, base) if local else []
                    if links:
                        # the document and its body's links change in one transaction
                        store.replace_graphs_together([(graph_iri, staging_iri, nt), *links])
                    else:
                        store.replace_graph(graph_iri, staging_iri, nt)
                    written += 1
                    if written % FLUSH_EVERY == 0:
                        store.flush()
                report.results.append(result)
            write_pending()
    finally:
        if pool is not None:
            window.stop()
            pool.terminate()
            pool.join()
    return report


class _Window:
    """At most `size` documents in flight: if writing falls behind, workers wait instead of
    piling finished graphs up in this process (memory stays flat however many documents)."""

    def __init__(self, size: int):
        import threading
        self._free = threading.Semaphore(size)
        self._stop = threading.Event()

    def feed(self, tasks):
        for task in tasks:
            while not self._free.acquire(timeout=0.2):
                if self._stop.is_set():
                    return
            if self._stop.is_set():
                return
            yield task

    def done(self) -> None:
        self._free.release()

    def stop(self) -> None:
        self._stop.set()


def _chunksize(n: int, jobs: int) -> int:
    # a document takes tens of milliseconds: small chunks keep workers evenly busy
    return max(1, min(16, n // (jobs * 16)))


def _sha_of(path: str) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def bundled_minutes() -> list[Path]:
    """The example minutes shipped with govkg (data/minutes, installed as kg/data/minutes)."""
    here = Path(__file__).parent
    for folder in (here / "data" / "minutes", here.parent / "data" / "minutes"):
        if folder.is_dir():
            return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return []
