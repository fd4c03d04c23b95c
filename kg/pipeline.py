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

from kg import corrections as corr
from kg import textindex
from kg.build import build_graph, build_triples, corrections_graph, graph_hashed
from kg.errors import GovkgError, InputError, UsageError
from kg.extract import extract
from kg.ids import Minter, source_key
from kg.read import iter_sources, read_document
from kg.read.marks import minutes_like
from kg.link import (LinkSpool, StoredInputs, bodies_in, document_inputs, links_for_document, relink_stale,
                     report_sentences)
from kg.linkinputs import document_inputs_of
from kg.records import Extraction, Resolution
from kg.query import get_named
from kg.resolve import KnownPeople, known_people, resolve
from kg.segment import segment
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE


# documents written between flushes of the store's write buffers (memory stays flat)
FLUSH_EVERY = 50
# New documents are gathered and written to a local store in one bulk load when they hold
# this many triples (the writer holds at most this much) or the first of them has waited
# this long (readers see a long build's documents as it goes).  Each bulk load adds its
# index files to the store's first level, and RocksDB then merges them with what is there:
# at 1,000 documents sixty 2-second writes wrote 3.8 GB, ten of 150,000 triples 1.7 GB
# (benchmarks/results-real.md, AB).  But a large load holds the writer for seconds while the
# workers fill their window and wait: on a quiet machine a 10-second bound made the build
# slower (100 s against 66 s for 1,000 documents), so the 2 seconds stay.
WRITE_TRIPLES = 150_000
WRITE_SECONDS = 2.0
# Documents whose text-index rows go in together (one SQLite transaction) once they are in
# the store: each transaction writes every page it touched to the index's log, and under
# load a 2-second store write holds a few documents, so small puts wrote the same pages
# again and again.  The index may lag the store (the sync at the end, or the next writer's,
# reads what it lacks); the rows held are bounded by this.  Every transaction also rewrites
# the leaf pages its inserts touch in each of the index's ~50 B-trees, spread over the whole
# file (keys are IRIs): at 1,000 documents 40 documents a transaction wrote 3.1 GB for a
# 566 MB file, 100 wrote 2.7 GB, all in one 1.4 GB (AB); the rows held bound the batch.
INDEX_DOCS = 100


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
    status: str  # built | unchanged | same | failed | skipped (read, and not minutes: `error` says why)
    triples: int = 0
    error: str | None = None
    # a file named on the command line that does not read like minutes: built, as asked, and why
    warning: str | None = None
    same_as: str | None = None  # status "same": the path already holding these minutes
    unresolved: list[str] = field(default_factory=list)
    # correction id -> why it did not apply to this document (kg.corrections.Applied.missed)
    corrections_missed: dict[str, str] = field(default_factory=dict)


@dataclass
class BuildReport:
    store: str
    results: list[FileResult] = field(default_factory=list)
    # one line per correction that applied to no document in the store
    stale_corrections: list[str] = field(default_factory=list)
    # files in the folders given that are not minutes by their name (README.md, LICENSE,
    # *.json, ...); those whose text is not minutes are results of status "skipped"
    skipped: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def built(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "built"]

    @property
    def not_minutes(self) -> list[FileResult]:
        """Files of the folders given that were read and are not minutes (kg.read.marks)."""
        return [r for r in self.results if r.status == "skipped"]


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


def _graph_for(path: str, body, date, base, known: KnownPeople | None = None,
               corrections: corr.Corrections | None = None,
               judge: bool = False) -> tuple[list | None, str, FileResult]:
    # `judge`: the file was met in a folder, so one whose text is not minutes is skipped;
    # a file the user named is built whatever it says, with a warning
    limit = doc_seconds()
    try:
        with _time_bound(limit):
            doc = read_document(path)
            why = minutes_like(doc.text)
            if why and judge:
                return None, "", FileResult(path, "skipped", error=f"{path}: not minutes: {why}")
            doc.sha256 = build_hash(doc.sha256, body, date)
            secs = segment(doc)
            ex, applied = corr.before_resolve(extract(secs, body=body, date=date), corrections, source_key(path))
            res = corr.after_resolve(resolve(ex, known=known), corrections, applied)
            res.report_sentences = report_sentences(secs, res)
            g = build_triples(res, base, applied)
        return g, doc.sha256, FileResult(path, "built", len(g), unresolved=res.unresolved,
                                         corrections_missed=applied.missed,
                                         warning=f"{path}: does not read like minutes: {why}; built as asked"
                                         if why else None)
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
    from rdflib import Literal, URIRef
    from kg.store import to_ox
    # Each term is made, and so checked, by Oxigraph and written as Oxigraph writes it (a
    # term's str() is its N-Triples form, the one ox.serialize puts in each "s p o ." line),
    # so the bytes are those ox.serialize would give, without a Triple object per line.
    # IRIs repeat (predicates, classes, the meeting, people): each is made once.  Literals
    # are mostly quotes met once, and rdflib's hash of one costs more than making it.
    named, literal = ox.NamedNode, ox.Literal
    forms: dict = {}
    get = forms.get
    lines = []
    for s, p, o in g:
        fs = get(s)
        if fs is None:
            fs = forms[s] = str(named(s) if type(s) is URIRef else to_ox(s))
        fp = get(p)
        if fp is None:
            fp = forms[p] = str(named(p) if type(p) is URIRef else to_ox(p))
        if type(o) is Literal:
            if o.language:
                fo = str(literal(str(o), language=o.language))
            elif o.datatype:
                fo = str(literal(str(o), datatype=named(o.datatype)))
            else:
                fo = str(literal(str(o)))
        else:
            fo = get(o)
            if fo is None:
                fo = forms[o] = str(named(o) if type(o) is URIRef else to_ox(o))
        lines.append(f"{fs} {fp} {fo} .\n")
    return "".join(lines).encode("utf-8")


def build_document(task: tuple) -> tuple[bytes | None, FileResult, dict | None]:
    """One document, read to triples: (N-Triples bytes or None, its FileResult, its link
    inputs per body (kg.link.document_inputs) or None).

    Runs in a worker process when building in parallel: a pure function of its
    arguments that touches no store.  The link inputs are read here, beside the
    document, so the writer's link stage never reads back what it has just written.
    """
    return _built(task)[:3]


def _built(task: tuple) -> tuple[bytes | None, FileResult, dict | None, list | None]:
    # `build_document`, and the triples its N-Triples were written from
    path, body, date, base, known, corrections, judge = (tuple(task) + (None, None, False))[:7]
    g, _sha, result = _graph_for(path, body, date, base, known, corrections, judge)
    if g is None:
        return None, result, None, None
    try:
        nt = ntriples_of(g)
    except ValueError as e:  # an IRI Oxigraph refuses, e.g. from a --base with spaces
        return None, FileResult(path, "failed", error=f"{path}: cannot write its graph ({e}); check --base"), None, None
    # read from the triples themselves where that gives the store's answer, else asked of
    # an in-memory store holding them (kg.linkinputs says when)
    inputs = document_inputs_of(g, base=base)
    if inputs is None:
        inputs = document_inputs(nt, base=base)
    return nt, result, inputs, g


def build_for_store(task: tuple) -> tuple[bytes | None, FileResult, dict | None, tuple | None]:
    """`build_document`, and the document's text-index rows with its content hash
    (kg.textindex.built_rows_of, or None), made here beside its triples so the writer puts
    them in the index with its write instead of reading the graph back from the store."""
    nt, result, inputs, g = _built(task)
    if nt is None:
        return nt, result, inputs, None
    try:
        rows = textindex.built_rows_of(g)
    except Exception:  # noqa: BLE001 - the index then reads this document from the store
        rows = None
    return nt, result, inputs, rows


def _worker_init(build_pid: int | None = None) -> None:
    # Ctrl-C is the parent's to handle (it stops the pool); workers just stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if build_pid:
        # A build killed outright (kill -9) cannot stop its workers, and a worker waiting
        # for work holds both ends of its task queue, so it would wait for ever: it
        # watches the build and ends with it.
        import threading

        def watch() -> None:
            import time
            while True:
                time.sleep(0.5)
                try:
                    os.kill(build_pid, 0)
                except ProcessLookupError:
                    os._exit(1)
                except OSError:
                    pass
        threading.Thread(target=watch, daemon=True, name="govkg-watch-build").start()
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


def check_base(base: str) -> None:
    """Refuse a base IRI that no IRI can be minted under, before any document is read (each
    document would fail, and rdflib warn once per IRI)."""
    import pyoxigraph as ox
    try:
        ox.NamedNode(base + "x")
    except ValueError as e:
        raise UsageError(f"--base {base!r} is not an absolute IRI ({e}); give one such as "
                         "https://example.org/id/") from None


def resolve_jobs(jobs: int | None) -> int:
    """jobs=None or 0 means one worker per CPU; 1 means build in this process."""
    if jobs is None or jobs == 0:
        return os.cpu_count() or 1
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give the number of worker processes (0 for one per CPU)")
    return jobs


def _start_forkserver_off_the_working_folder() -> None:
    """Start the pool's fork server with the working folder off its import path.

    Python 3.11's fork server runs as `python -c ...`, which puts the working folder first
    on its path and does not take the caller's: a folder holding another package named `kg`
    (an older checkout, anything of that name) was what every worker imported.  PYTHONSAFEPATH
    (3.11+) keeps it off; it is set only while the server starts."""
    from multiprocessing import forkserver
    old = os.environ.get("PYTHONSAFEPATH")
    os.environ["PYTHONSAFEPATH"] = "1"
    try:
        forkserver.ensure_running()
    finally:
        if old is None:
            os.environ.pop("PYTHONSAFEPATH", None)
        else:
            os.environ["PYTHONSAFEPATH"] = old


class _Parallel:
    """Documents built by worker processes, results handed back in input order.

    At most a few documents per worker are in flight: if writing falls behind, workers
    wait instead of piling finished graphs up in this process (memory stays flat).  A
    worker that dies (killed, out of memory) breaks the pool; the documents it may have
    held are then built again one at a time, each in a pool of its own, so the one that
    kills its worker is named and failed, and every other document still builds.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.window = 4 * jobs
        self._executor = None

    def _new_executor(self, jobs: int):
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        methods = mp.get_all_start_methods()
        ctx = mp.get_context("forkserver" if "forkserver" in methods and sys.platform != "darwin" else "spawn")
        if ctx.get_start_method() == "forkserver":
            ctx.set_forkserver_preload(["kg.pipeline", "kg._forkserver"])
            _start_forkserver_off_the_working_folder()
        self.close()
        self._executor = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_worker_init,
                                             initargs=(os.getpid(),))
        return self._executor

    def results(self, tasks: list[tuple]):
        from collections import deque
        from concurrent.futures.process import BrokenProcessPool
        ex = self._new_executor(self.jobs)
        pending: deque = deque()
        i = 0
        while i < len(tasks) or pending:
            while i < len(tasks) and len(pending) < self.window:
                pending.append((i, ex.submit(build_for_store, tasks[i])))
                i += 1
            k, fut = pending.popleft()
            try:
                yield fut.result()
                continue
            except BrokenProcessPool:
                pass
            # the pool is broken: every document not yet handed back is a suspect
            suspects = [k] + [j for j, _ in pending]
            pending.clear()
            for j in suspects:
                yield self._alone(tasks[j])
            ex = self._new_executor(self.jobs)

    def _alone(self, task: tuple) -> tuple[bytes | None, FileResult, dict | None, tuple | None]:
        from concurrent.futures.process import BrokenProcessPool
        ex = self._new_executor(1)
        try:
            return ex.submit(build_for_store, task).result()
        except BrokenProcessPool:
            path = task[0]
            return None, FileResult(path, "failed", error=(
                f"{path}: the worker process reading it died (killed, or out of memory); "
                "build it alone with --jobs 1 to see why")), None, None

    def executor(self):
        """The pool's executor for other work of the build (None once the pool is closed)."""
        return self._executor

    def close(self, aborted: bool = False) -> None:
        if self._executor is None:
            return
        ex, self._executor = self._executor, None
        if not (aborted or getattr(ex, "_pending_work_items", None)):
            ex.shutdown(wait=True)
            return
        # Stopped half-way (an error, Ctrl-C): what is queued is dropped, and the documents in
        # flight may finish for a moment.  Killing a worker at once could cut it off half-way
        # through sending its result; the pool's manager thread then waits for the rest of
        # that message for ever, and shutdown with it (a build hung so, 12 minutes, under load).
        procs = list((getattr(ex, "_processes", None) or {}).values())
        manager = getattr(ex, "_executor_manager_thread", None)
        results = getattr(ex, "_result_queue", None)
        ex.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            manager.join(_STOP_GRACE_S)
        if manager is not None and not manager.is_alive():
            return
        # a worker still busy must not keep the build, and its lock, alive
        for proc in procs:
            if proc.is_alive():
                proc.kill()
        for proc in procs:
            proc.join(5)
        if manager is not None:
            manager.join(2)
            if manager.is_alive() and results is not None:
                _unstick(manager, results)


# how long a stopped build lets the documents in flight finish before killing their workers
_STOP_GRACE_S = 10.0


def _unstick(manager, results) -> None:
    """End a pool's manager thread left reading a reply its killed worker never finished.

    Every worker is dead, so no one else writes: bytes written to the reply pipe complete
    the message, which then fails to unpickle, and the thread takes the broken-pool path
    (futures failed, internals joined) and ends, as when a worker dies between replies.
    """
    fd = results._writer.fileno()
    os.set_blocking(fd, False)
    filler = bytes(65536)
    deadline = time.monotonic() + 10
    while manager.is_alive() and time.monotonic() < deadline:
        try:
            os.write(fd, filler)
        except (BlockingIOError, OSError):
            pass
        manager.join(0.05)


class _IndexPuts:
    """The text index's puts, each made in a thread of the writer while the build goes on.

    SQLite does its work without Python's lock, so a put (a second or more of index pages
    for a hundred documents) runs beside the next bulk load into the store and the reading
    of the next documents' results, instead of before them.  One put at a time: the next
    waits for the one in flight, and so does every other use of the index's connection
    (`wait`).  The rows put are those of documents already in the store, as before; a build
    killed mid-put leaves the index's transaction uncommitted, and the index lagging the
    store (the next writer's sync reads what it lacks).
    """

    def __init__(self, index):
        self.index = index
        self._thread = None
        self._error: BaseException | None = None

    def put(self, rows: list) -> None:
        """Start putting `rows` (graph IRI, content hash, DocRows each) in the index."""
        import threading
        self.wait()
        self._thread = threading.Thread(target=self._run, args=(rows,), name="govkg-index-put", daemon=True)
        self._thread.start()

    def _run(self, rows: list) -> None:
        try:
            self.index.put(rows)
        except BaseException as e:  # noqa: BLE001 - raised in the build's thread by `wait`
            self._error = e

    def wait(self, quiet: bool = False) -> None:
        """Wait for the put in flight; its error, if any, is raised here (unless `quiet`:
        the build is already failing for another reason)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            e, self._error = self._error, None
            if not quiet:
                raise e


def _open_store(store_path: str | None, endpoint: str | None, base: str, update_endpoint: str | None = None):
    if endpoint:
        from kg.remote import RemoteStore
        store = RemoteStore(endpoint, update_endpoint, base=base)
        store.drop_staging()  # one writer per endpoint: what is staged now was left by a killed build
        return store
    return GraphStore(store_path, base=base)


def build_into_store(paths: list[str], store_path: str | None, *, body: str | None = None, date: str | None = None,
                     base: str = DEFAULT_BASE, force: bool = False, progress=None, stage=None, jobs: int | None = 1,
                     endpoint: str | None = None, update_endpoint: str | None = None,
                     corrections: str | os.PathLike | None = None) -> BuildReport:
    """Build every file under `paths` into the store, one named graph per file.

    A file whose content hash is already stored is skipped unless `force`; a changed
    file replaces its graph atomically.  Files that fail are reported, the rest still build.

    `jobs`: worker processes that read and build documents (1: in this process; 0 or
    None: one per CPU).  Only this process writes to the store.  `endpoint`: build into a
    SPARQL 1.1 server (see kg.remote for the URL convention; `update_endpoint` where its
    update URL is not beside the query URL) instead of the store folder `store_path`.
    `corrections`: a corrections file (kg.corrections) to apply; by default
    STORE/corrections.toml where it exists.  It is read before anything is built (a
    malformed file builds nothing); when it changed since the last build, every document
    is rebuilt; corrections that apply to nothing are listed in `stale_corrections`.
    `progress` wraps the documents as they are written (a progress bar); `stage(text)` is
    told when the build goes on to a step that follows them (linking the bodies' follow-ups,
    the text index's sync), which take minutes on a large store and show no bar.
    """
    jobs = resolve_jobs(jobs)
    check_base(base)
    cs = _load_corrections(corrections, None if endpoint else store_path)
    report = BuildReport(str(endpoint or store_path))
    files: list[str] = []

    def on_error(err: InputError) -> None:
        report.results.append(FileResult(err.path, "failed", error=str(err)))

    for p in iter_sources(paths, on_error=on_error, on_skip=report.skipped.append):
        files.append(str(p))
    # files the user named are built whatever they say; files met in a folder only if minutes
    named = {str(Path(p)) for p in paths if not os.path.isdir(p)}
    created = _new_store_folder(store_path, endpoint)
    minter = Minter(base)
    pool = None
    index = None  # the text index the build puts its documents' rows in
    puts = None  # its puts, made in a thread of their own
    spool = LinkSpool()  # link inputs of the documents written, by body, until their relink
    try:
        with _open_store(store_path, endpoint, base, update_endpoint) as store:
            live = store.source_hashes()
            # corrections changed since the last build: every document is read again with them
            changed = _stored_corrections_hash(store) != (cs.sha256 if cs else None)
            stored = {} if force or changed else live
            to_link: set[str] = set()  # bodies of new documents, relinked at the end
            holder = _stored_paths(store) if files else {}  # hash -> a path already built from it
            ahead: set[str] = set()  # paths this build reads
            twins: list[tuple[str, str]] = []  # path, the earlier path of this build with its bytes
            todo: list[tuple[str, str, str]] = []  # path, graph IRI, staging IRI
            for path in files:
                key = source_key(path)
                graph_iri = str(minter.graph(key))
                try:
                    sha = build_hash(_sha_of(path), body, date)
                except OSError:
                    sha = None
                if not force and graph_iri in stored and sha == stored[graph_iri]:
                    report.results.append(FileResult(path, "unchanged"))
                    continue
                twin = _same_minutes(holder, sha, path, live.get(graph_iri))
                if twin in ahead:
                    twins.append((path, twin))  # built, or failed, as its twin will be
                    continue
                if twin:
                    report.results.append(FileResult(path, "same", same_as=twin))
                    continue
                ahead.add(path)
                todo.append((path, graph_iri, str(minter.staging_graph(key))))
            # people already stored, so "J Hassall" in new minutes of a body links to the
            # "Julia Hassall" its earlier minutes named (documents of one build do not see
            # each other's people: they are resolved in parallel)
            known = known_people(store.select(get_named("known-people").text)[1], base) if todo else None
            tasks = [(path, body, date, base, known, cs, path not in named) for path, _, _ in todo]
            if jobs > 1 and len(todo) > 1:
                # workers come from a fresh fork server: they hold no handle of this store
                pool = _Parallel(min(jobs, len(todo)))
                outputs = pool.results(tasks)
            else:
                outputs = map(build_for_store, tasks)
            written = 0
            # new documents are gathered and written together (one bulk load, added to
            # the store atomically); a changed one is written at once, with its links
            pending: list[tuple[str, str, bytes]] = []
            # the text index takes each document's rows, made beside its triples, once the
            # document is in the store (the store is written first: an index ahead of it is
            # put right by the sync at the end, or by the next writer's)
            if todo and isinstance(store, GraphStore):
                index = textindex.for_build(store)
                if index is not None:
                    # a stored document built again may give other link inputs under the same
                    # content hash (--force, new corrections): the index forgets them first
                    index.forget_links(g for _p, g, _s in todo if g in live)
            pending_rows: list[tuple[str, str, textindex.DocRows]] = []
            puts = _IndexPuts(index)

            def index_written(rows: list) -> None:
                if index is not None and rows:
                    puts.put(list(rows))
                rows.clear()

            def kept_inputs():
                # the index's own reads wait for the put in flight (one connection, one user)
                puts.wait()
                return StoredInputs(store, index) if index is not None else None
            pending_lines = 0
            pending_since = 0.0
            wait = write_seconds()

            def write_pending() -> None:
                nonlocal written, pending_lines
                if pending:
                    store.replace_graphs(pending)
                    written += len(pending)
                    pending.clear()
                    pending_lines = 0
                    store.flush()
                    if len(pending_rows) >= INDEX_DOCS:
                        index_written(pending_rows)

            # results come back in input order; the progress bar moves as each is read
            for _path, graph_iri, staging_iri in (progress(todo) if progress else todo):
                nt, result, link_inputs, built = next(outputs)
                # the document's graph is exactly `nt` (links and corrections are graphs of
                # their own); rows of a document that may differ are read from the store
                rows = [(graph_iri, *built)] if built is not None else []
                if built is not None and link_inputs is not None:
                    for actions, _c, _d in link_inputs.values():
                        for a in actions:
                            a.graph = graph_iri
                    built[1].links = link_inputs  # kept in the index for later relinks
                if nt is not None and isinstance(store, GraphStore) and graph_iri not in live:
                    # a new document only adds: its body is relinked once, after the last one
                    if not pending:
                        pending_since = time.monotonic()
                    pending.append((graph_iri, staging_iri, nt))
                    pending_lines += nt.count(b"\n")
                    to_link.update(bodies_in(nt))
                    spool.add(graph_iri, link_inputs or {})
                    pending_rows.extend(rows)
                    if pending_lines >= WRITE_TRIPLES or time.monotonic() - pending_since >= wait:
                        write_pending()
                elif nt is not None:
                    write_pending()  # what came before is in the store before this one reads it
                    linking = isinstance(store, GraphStore)  # the link stage runs on local stores
                    links = []
                    if linking and graph_iri in live:
                        # a changed document: its body's links change with it, in one transaction,
                        # so no link ever points into a version of the document that is gone
                        links = links_for_document(store, graph_iri, nt, base, cs, link_inputs, kept_inputs())
                    if links:
                        store.replace_graphs_together([(graph_iri, staging_iri, nt)], links=links)
                    else:
                        # a new document only adds: its body is relinked once, after the last one
                        store.replace_graph(graph_iri, staging_iri, nt)
                        if linking:
                            to_link.update(bodies_in(nt))
                    written += 1
                    if written % FLUSH_EVERY == 0:
                        store.flush()
                    index_written(rows)
                report.results.append(result)
            write_pending()
            index_written(pending_rows)
            puts.wait()
            report.results.extend(_twin_results(twins, report.results))
            if cs is not None or changed:
                _write_corrections(store, cs, minter, base)
            if isinstance(store, GraphStore):
                if index is None:
                    index = textindex.for_build(store)
                # with a pool, its workers (idle now) compute the bodies' link graphs; the
                # stored documents' link inputs come from the index where it keeps them
                if stage and to_link:
                    stage(f"linking actions to their report-backs across {len(to_link)} "
                          f"bod{'y' if len(to_link) == 1 else 'ies'}")
                relink_stale(store, base, to_link, cs, spool,
                             pool=pool.executor() if pool is not None else None,
                             kept=StoredInputs(store, index) if index is not None else None)
            if index is not None:
                index.close()
                index = None  # (the sync below opens it again)
            if isinstance(store, GraphStore):
                # the text index follows the store (kg.textindex): what this build changed
                if stage:
                    stage("bringing the text index in step with the store")
                textindex.update(store)
            if cs is not None:  # after linking: report-back corrections apply there
                report.stale_corrections = _stale(store, cs, report)
        if isinstance(store, GraphStore) and store.path is not None:
            # closed now: its files are final, so the next reader need not check the index
            textindex.mark_in_step(store.path)
    finally:
        spool.close()
        if puts is not None:
            puts.wait(quiet=sys.exc_info()[0] is not None)
        if index is not None:
            index.close()
        if pool is not None:
            # an error on its way out: workers are stopped, not waited on (a write that
            # failed between batches left none pending, and shutdown could wait for ever)
            pool.close(aborted=sys.exc_info()[0] is not None)
        if created and not report.built:
            _remove_empty_store(store_path)
    return report


def build_hash(content_sha: str, body: str | None, date: str | None) -> str:
    """The hash that decides whether a document is unchanged: of its content, and of the
    --body and --date it was read with (the same file read as another body's minutes is
    another graph).  Without either option it is the content hash itself."""
    if not content_sha or (not body and not date):
        return content_sha
    import hashlib
    return hashlib.sha256(f"{content_sha}\0body={body or ''}\0date={date or ''}".encode("utf-8")).hexdigest()


def _stored_paths(store) -> dict[str, str]:
    """Build hash -> the source path of a stored document built from it."""
    out: dict[str, str] = {}
    for row in store.select(get_named("source-documents").text)[1]:
        out.setdefault(row["sha256"], row["path"])
    return out


def _same_minutes(holder: dict[str, str], sha: str | None, path: str, own: str | None) -> str | None:
    """The other path that already holds these minutes (stored, or earlier in this build),
    or None; remembers `path` as the holder of `sha` otherwise.  `own`: the hash this path's
    own graph was built from, which is never "another path"."""
    if not sha:
        return None  # not readable now: the reader says why
    twin = holder.get(sha)
    if twin is not None and twin != path and sha != own:
        return twin
    holder.setdefault(sha, path)
    return None


def _twin_results(twins: list[tuple[str, str]], results: list[FileResult]) -> list[FileResult]:
    """Files with the same bytes as one built earlier in this build: the same minutes when it
    was built, else failed for the same reason (every empty file still gets its own line)."""
    by_path = {r.path: r for r in results}
    out = []
    for path, twin in twins:
        r = by_path.get(twin)
        if r is not None and r.status == "built":
            out.append(FileResult(path, "same", same_as=twin))
        elif r is not None and r.status == "skipped":
            why = r.error or ""
            out.append(FileResult(path, "skipped", error=path + why[len(twin):] if why.startswith(twin) else why))
        else:
            why = (r.error or "") if r is not None else ""
            why = path + why[len(twin):] if why.startswith(twin) else f"{path}: same bytes as {twin}, which failed"
            out.append(FileResult(path, "failed", error=why))
    return out


def _new_store_folder(store_path: str | None, endpoint: str | None) -> bool:
    """Whether this build is about to create the store folder (it goes again if nothing builds)."""
    return bool(store_path) and not endpoint and not os.path.lexists(store_path)


def _remove_empty_store(store_path: str) -> None:
    # a build that created the folder and built nothing leaves nothing behind, so the
    # next `govkg query` says "no store" rather than answering from an empty one
    import shutil
    shutil.rmtree(store_path, ignore_errors=True)


def _load_corrections(path, store_path) -> corr.Corrections | None:
    if path is not None:
        return corr.load(path)
    default = corr.default_path(store_path)
    return corr.load(default) if default is not None and default.is_file() else None


def _stored_corrections_hash(store) -> str | None:
    rows = store.select(get_named("corrections-file").text)[1]
    return rows[0].get("sha256") if rows else None


def _write_corrections(store, cs: corr.Corrections | None, minter: Minter, base: str) -> None:
    """The corrections graph holds the file's corrections (or goes, with the file)."""
    graph_iri = str(minter.graph("corrections"))
    if cs is None:
        store.remove_graph(graph_iri)
        return
    store.replace_graph(graph_iri, str(minter.staging_graph("corrections")),
                        graph_hashed(graph_iri, ntriples_of(corrections_graph(cs, base))))


def _stale(store, cs: corr.Corrections, report: BuildReport) -> list[str]:
    """Corrections that no document in the store applied, each with why (from this build)."""
    rows = store.select(get_named("corrections").text)[1]
    base_c = str(Minter(store.base).iri("correction", ""))
    applied = {r["correction"].removeprefix(base_c) for r in rows if r.get("document")}
    missed: dict[str, str] = {}
    for r in report.results:
        for cid, why in r.corrections_missed.items():
            missed.setdefault(cid, why)
    return [corr.stale_message(cs, c, missed) for c in cs.entries if c.id not in applied] + \
        _unnamed(store, cs, applied)


def _unnamed(store, cs: corr.Corrections, applied: set[str]) -> list[str]:
    """Merges and keep-aparts that applied for one name while another (a misspelling, most
    often) is named by no document: the person who wrote them should know."""
    checks = [c for c in cs.entries if c.id in applied and isinstance(c, (corr.Merge, corr.KeepApart))]
    forms: dict[str, set[str]] = {}
    out = []
    for c in checks:
        what = "organisations" if isinstance(c, corr.Merge) and c.organisations else "people"
        if what not in forms:
            rows = store.select(get_named(what).text)[1]
            forms[what] = {corr.norm(r.get(k)) for r in rows for k in ("name", "mention") if r.get(k)}
        missing = [n for n in (c.organisations if what == "organisations" else c.people)
                   if corr.norm(n) not in forms[what]]
        if missing:
            out.append(f"{cs.where(c)}: [[{c.kind}]] names {missing[0]!r}, whom no document in the store "
                       "names: check the spelling")
    return out


def _sha_of(path: str) -> str:
    import hashlib
    from kg.read import open_regular
    h = hashlib.sha256()
    try:
        fd = open_regular(path, path)
    except InputError:
        return ""  # not a file now: read_document says why
    with os.fdopen(fd, "rb") as f:
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
