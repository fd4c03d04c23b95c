"""Parallel and incremental builds: same graph as a serial build, one writer, atomic per document."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from benchmarks.synth import generate
from kg.errors import UsageError
from kg.ids import Minter, source_key
from kg import pipeline
from kg.pipeline import build_into_store, resolve_jobs
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE

from .conftest import FOUNDING, ROOT


LINKS = "/id/graph/links/"


def _nquads(path, documents_only: bool = False) -> list[str]:
    with GraphStore(path, read_only=True) as st:
        return sorted(str(q) for q in st.quads() if not (documents_only and LINKS in q.graph_name.value))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    generate(24, folder)
    shutil.copy(FOUNDING, folder / FOUNDING.name)
    (folder / "empty.txt").write_text("")  # fails to read: reported, the rest still build
    return folder


@pytest.fixture(scope="module")
def serial_store(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("serial") / "st"
    report = build_into_store([str(corpus)], str(path), jobs=1)
    assert len(report.built) == 25 and [r.path for r in report.failed] == [str(corpus / "empty.txt")]
    return path


def test_two_jobs_give_the_same_graph_as_one(corpus, serial_store, tmp_path):
    path = tmp_path / "st"
    report = build_into_store([str(corpus)], str(path), jobs=2)
    assert len(report.built) == 25 and len(report.failed) == 1
    assert "empty" in report.failed[0].error or report.failed[0].error
    serial = _nquads(serial_store)
    assert len(serial) > 5000
    assert _nquads(path) == serial  # same quads, same named graphs
    with GraphStore(path, read_only=True) as a, GraphStore(serial_store, read_only=True) as b:
        for name in ("people", "actions", "decisions", "attendance"):
            from kg.query import run_named
            assert run_named(a, name) == run_named(b, name)


def test_incremental_parallel_rebuild(corpus, serial_store, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(corpus, folder)
    path = tmp_path / "st"
    first = build_into_store([str(folder)], str(path), jobs=2)
    n_quads = len(_nquads(path))
    again = build_into_store([str(folder)], str(path), jobs=2)
    assert not again.built and len([r for r in again.results if r.status == "unchanged"]) == 25
    # a changed document replaces its own graph (atomically); the others are left alone
    changed = sorted(folder.glob("000003-*.txt"))[0]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Minutes of the", "Minutes (revised) of the", 1) + "\n", encoding="utf-8")
    third = build_into_store([str(folder)], str(path), jobs=2)
    assert [r.path for r in third.built] == [str(changed)]
    assert len([r for r in third.results if r.status == "unchanged"]) == 24
    assert abs(len(_nquads(path)) - n_quads) < 20  # replaced, not added beside the old graph
    with GraphStore(path, read_only=True) as st:
        assert len(st.live_graphs()) == len(first.built)
        assert not any("/staging/" in g.value for g in st._store.named_graphs())
    forced = build_into_store([str(folder)], str(path), jobs=2, force=True)
    assert len(forced.built) == 25


def test_jobs_zero_means_one_per_cpu(corpus, tmp_path):
    assert resolve_jobs(0) == resolve_jobs(None) == (os.cpu_count() or 1)
    assert resolve_jobs(1) == 1
    with pytest.raises(UsageError):
        resolve_jobs(-2)
    report = build_into_store([str(FOUNDING)], str(tmp_path / "st"), jobs=0)  # one file: no pool needed
    assert len(report.built) == 1


def test_progress_sees_every_document_written(corpus, tmp_path):
    seen = []

    def progress(items):
        for item in items:
            yield item
            seen.append(item[0])

    build_into_store([str(corpus)], str(tmp_path / "st"), jobs=2, progress=progress)
    assert len(seen) == 26  # every file sent to be read, the empty one too


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


N_KILLED = 160


def test_a_killed_parallel_build_leaves_no_half_written_graph(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_WRITE_SECONDS", "0.5")  # documents written as they come, a few at a time
    docs = tmp_path / "docs"
    generate(N_KILLED, docs)
    store = tmp_path / "st"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(docs), "-j", "2", "--store", str(store)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        # wait until some documents are live, then kill the build outright
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.3)
            if (store / "CURRENT").exists() and _live_count(store) >= 5:
                break
        assert proc.poll() is None, "the build finished before it could be killed; use more documents"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # its workers go with it (no orphans left waiting for work)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break
            if _group_all_zombies(proc.pid):
                break
            time.sleep(0.2)
        else:
            pytest.fail("worker processes outlived the killed build")
    finally:
        _kill_group(proc)

    # every live graph is whole: it equals the graph a clean build makes of that file
    with GraphStore(store, read_only=True) as st:
        # document graphs; a body's link graph is relinked after the last new document
        # (kg.link), so a killed build may have none yet: the next build writes it
        live = {g.value for g in st.live_graphs() if LINKS not in g.value}
        assert 0 < len(live) < N_KILLED
        assert set(st.source_hashes()) == live  # each live graph holds its document's hash
    minter = Minter(DEFAULT_BASE)
    by_graph = {str(minter.graph(source_key(str(p)))): str(p) for p in docs.iterdir()}
    reference = tmp_path / "ref"
    build_into_store([by_graph[g] for g in sorted(live)], str(reference), jobs=1)
    assert _nquads(store, documents_only=True) == _nquads(reference, documents_only=True)
    # and the next build finishes the job, skipping what is already there
    report = build_into_store([str(docs)], str(store), jobs=2)
    assert len([r for r in report.results if r.status == "unchanged"]) == len(live)
    assert len(report.built) == N_KILLED - len(live)


def _live_count(store) -> int:
    try:
        with GraphStore(store, read_only=True) as st:
            return len(st.live_graphs())
    except Exception:
        return 0


def _group_all_zombies(pgid: int) -> bool:
    """True when every process left in the group has exited (zombies not yet reaped)."""
    alive = False
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, pg = fields[0], int(fields[2])
        if pg == pgid and state != "Z":
            alive = True
    return not alive


def test_a_failing_write_stops_the_pool_cleanly(corpus, tmp_path, monkeypatch):
    from kg.errors import StoreError
    calls = []

    def failing(self, docs):
        calls.append(docs)
        if len(calls) == 3:
            raise StoreError("disk full (simulated)")
        return real(self, docs)

    real = GraphStore.replace_graphs
    monkeypatch.setattr(GraphStore, "replace_graphs", failing)
    monkeypatch.setattr(pipeline, "WRITE_TRIPLES", 1)  # one write per document
    t = time.monotonic()
    with pytest.raises(StoreError, match="simulated"):
        build_into_store([str(corpus)], str(tmp_path / "st"), jobs=2)
    assert time.monotonic() - t < 30  # the pool was stopped, not waited on
    monkeypatch.undo()
    with GraphStore(tmp_path / "st", read_only=True) as st:
        assert len(st.live_graphs()) == 2  # what was written before the failure stays, whole


def test_a_reply_cut_off_half_way_does_not_hang_the_pools_shutdown():
    # A worker killed half-way through sending its result leaves the pool's manager thread
    # reading the rest of that message for ever (seen: a stopped build hung 12 minutes).
    # The same state, made on purpose: a reply pipe holding a long message's length and a
    # little of it, a thread reading it as the manager does.
    import multiprocessing as mp
    import struct
    import threading
    replies = mp.get_context("spawn").SimpleQueue()
    replies._writer._send(struct.pack("!i", 1_000_000) + b"x" * 1000)
    failed = []

    def manager():
        try:
            replies._reader.recv()
        except BaseException as err:  # the broken-pool path the real thread takes
            failed.append(err)

    thread = threading.Thread(target=manager, daemon=True)
    thread.start()
    thread.join(0.2)
    assert thread.is_alive()  # stuck, as the pool's manager was
    pipeline._unstick(thread, replies)
    assert not thread.is_alive()
    assert failed  # the filled-in message did not unpickle: the pool is seen as broken


def test_a_failing_index_put_fails_the_build_and_keeps_the_store(corpus, tmp_path, monkeypatch):
    # the index's puts run in a thread of the writer: an error there must still end the
    # build with that error (not be lost with the thread), and the documents already in the
    # store stay whole; the next build's sync brings the index in step
    import sqlite3

    from kg import textindex
    real = textindex.TextIndex.put
    calls = []

    def failing(self, docs):
        docs = list(docs)
        calls.append(len(docs))
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full (simulated)")
        return real(self, docs)

    monkeypatch.setattr(textindex.TextIndex, "put", failing)
    monkeypatch.setattr(pipeline, "WRITE_TRIPLES", 1)  # one store write per document
    monkeypatch.setattr(pipeline, "INDEX_DOCS", 1)  # and one index put per store write
    store = tmp_path / "st"
    with pytest.raises(sqlite3.OperationalError, match="simulated"):
        build_into_store([str(corpus)], str(store), jobs=1)
    assert len(calls) == 2  # the build stopped at the failed put's next use of the index
    with GraphStore(store, read_only=True) as st:
        assert len(st.live_graphs()) >= 2  # what was written stays, whole
    monkeypatch.undo()
    report = build_into_store([str(corpus)], str(store), jobs=1)
    assert not report.failed[1:]  # (empty.txt fails to read, as always)
    with GraphStore(store, read_only=True) as st:
        fresh = textindex.TextIndex(None)
        textindex.sync(st, fresh)
        built = textindex.TextIndex(store / textindex.FILE)
        try:
            q = "SELECT graph, sha FROM docs ORDER BY graph"
            assert built.db.execute(q).fetchall() == fresh.db.execute(q).fetchall()
        finally:
            built.close()
