"""A build killed at any moment leaves only complete document graphs; two writers never corrupt.

Real builds run as `python -m kg.cli build` in subprocesses and are SIGKILLed.  After
every kill the store is opened and each live named graph is compared, triple for
triple, with the graph a clean build of the same file gives (graphs are deterministic:
no blank nodes, IRIs from names and absolute paths).
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "data" / "minutes" / "wirral-childrens-trust-2016.txt"
STAGING = "https://w3id.org/govkg/id/staging/"
N_DOCS = 8

EXTRA = (
    "\n\n12. Any other business\n\n"
    "Cllr Ada Thornbury asked when the play area would reopen. The Clerk said it would reopen in May.\n"
    "ACTION: The Clerk agreed to write to the contractor about the play area by 1 May 2026.\n"
    "RESOLVED: That the revised grants policy be approved.\n"
)


def env() -> dict[str, str]:
    # new documents are bulk-loaded one at a time, as they come, so kills land between them
    e = dict(os.environ, PYTHONPATH=str(ROOT), GOVKG_WRITE_SECONDS="0")
    e.pop("GOVKG_STORE", None)
    return e


def write_docs(folder: Path, version: int) -> list[Path]:
    """N_DOCS distinct minutes; version 2 of each adds an item (more triples)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = FOUNDING.read_text(encoding="utf-8")
    out = []
    for i in range(N_DOCS):
        text = base.replace("Wirral", f"Wirral{chr(65 + i)}", 1) + f"\n\nCopy {i} of the minutes.\n"
        if version == 2:
            text += EXTRA
        p = folder / f"minutes-{i:02d}.txt"
        p.write_text(text, encoding="utf-8")
        out.append(p)
    return out


def graphs(store: Path) -> dict[str, frozenset[str]]:
    """Live named graph -> its triples (as N-Triples strings); staging graphs left out."""
    if not store.exists():
        return {}
    # read as govkg's own readers do: opening the folder itself while a writer compacts it
    # can fail on a file compaction has just removed (seen in CI); the reader takes the
    # writer's published snapshot instead
    with GraphStore(store, read_only=True) as reader:
        st = reader._store
        out = {}
        for g in st.named_graphs():
            if g.value.startswith(STAGING):
                continue
            out[g.value] = frozenset(f"{q.subject} {q.predicate} {q.object}"
                                     for q in st.quads_for_pattern(None, None, None, g))
    return out


def staging_graphs(store: Path) -> list[str]:
    st = ox.Store.read_only(str(store))
    names = [g.value for g in st.named_graphs() if g.value.startswith(STAGING)]
    del st
    return names


def build_proc(folder: Path, store: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(folder), "--store", str(store), *extra],
                            env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def build_clean(folder: Path, store: Path, *extra: str) -> float:
    start = time.perf_counter()
    p = build_proc(folder, store, *extra)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert "Traceback" not in err
    return time.perf_counter() - start


def build_here(path: Path, store: Path) -> None:
    """A clean build in this process: where the build after a kill, or one to compare
    with, is the point and not its process (a process costs an interpreter and imports)."""
    from kg.pipeline import build_into_store
    report = build_into_store([str(path)], str(store))
    assert not report.failed, [r.error for r in report.failed]


def assert_each_graph_is_one_of(store: Path, *refs: dict[str, frozenset[str]]) -> dict[str, int]:
    """Every live graph equals that graph in one of the reference builds; returns which."""
    which = {}
    for g, triples in graphs(store).items():
        matches = [k for k, ref in enumerate(refs) if ref.get(g) == triples]
        assert matches, (f"graph {g} holds {len(triples)} triples, matching no clean build "
                         f"({[len(r.get(g, ())) for r in refs]}): a half-written graph")
        which[g] = matches[0]
    return which


def kill_after(proc: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


# A build that SIGKILLs itself right after the n-th document it writes (argv[1]).
HALFWAY = textwrap.dedent("""
    import os, signal, sys
    import kg.store
    n, depth, written = int(sys.argv[1]), [0], [0]

    def counted(real):
        def write(self, *a, **k):
            depth[0] += 1
            try:
                out = real(self, *a, **k)
            finally:
                depth[0] -= 1
            if depth[0] == 0:  # a document's write, not one it makes inside
                written[0] += 1
                if written[0] == n:
                    os.kill(os.getpid(), signal.SIGKILL)
            return out
        return write

    for name in ("replace_graph", "replace_graphs", "replace_graphs_together"):
        setattr(kg.store.GraphStore, name, counted(getattr(kg.store.GraphStore, name)))
    from kg.cli import main
    main(sys.argv[2:])
""")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The folder, and clean builds of its version 1 and version 2 (with their times)."""
    root = tmp_path_factory.mktemp("atomic")
    folder = root / "minutes"
    write_docs(folder, 2)
    t2 = build_clean(folder, root / "ref2")
    write_docs(folder, 1)
    t1 = build_clean(folder, root / "ref1")
    ref1, ref2 = graphs(root / "ref1"), graphs(root / "ref2")
    assert len(ref1) == len(ref2) == N_DOCS
    assert all(ref1[g] != ref2[g] for g in ref1)
    return {"root": root, "folder": folder, "ref1": ref1, "ref2": ref2, "t1": t1, "t2": t2}


def test_sigkill_at_random_moments_never_leaves_a_half_graph(corpus):
    folder, ref1, ref2 = corpus["folder"], corpus["ref1"], corpus["ref2"]
    store = corpus["root"] / "killed"
    rnd = random.Random(20260301)
    partial_seen = 0

    # 1. first builds, killed: graphs appear one by one, each complete
    write_docs(folder, 1)
    for k in range(3):
        proc = build_proc(folder, store, *(["--force"] if k else []))
        kill_after(proc, rnd.uniform(0.2, max(0.5, 0.9 * corpus["t1"])))
        live = assert_each_graph_is_one_of(store, ref1)
        partial_seen += 0 < len(live) < N_DOCS
    build_here(folder, store)
    assert graphs(store) == ref1
    assert staging_graphs(store) == []

    # 2. every document changed (v1 <-> v2), killed mid-replace: old or new, never a mix
    for k in range(4):
        write_docs(folder, 2 if k % 2 == 0 else 1)
        proc = build_proc(folder, store)
        kill_after(proc, rnd.uniform(0.2, max(0.5, 0.9 * corpus["t2"])))
        which = assert_each_graph_is_one_of(store, ref1, ref2)
        assert len(which) == N_DOCS  # nothing lost: every document is still there
        partial_seen += len(set(which.values())) == 2
    # the random kills must have caught at least one build half-way, or they proved nothing.
    # On a loaded machine they may all land before the first write or after the last (their
    # moments are drawn from a clean build's time; a reader sees none of a build's writes
    # before its flush, so it cannot be watched): then a build kills itself half-way.
    if not partial_seen:
        stored = set(assert_each_graph_is_one_of(store, ref1, ref2).values())  # all one version
        write_docs(folder, 2 if stored == {0} else 1)
        proc = subprocess.Popen([sys.executable, "-c", HALFWAY, str(N_DOCS // 2), "build", str(folder),
                                 "--store", str(store)], env=env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, proc.stderr
        which = assert_each_graph_is_one_of(store, ref1, ref2)
        assert len(which) == N_DOCS
        partial_seen += len(set(which.values())) == 2
    assert partial_seen >= 1
    write_docs(folder, 2)
    build_here(folder, store)
    assert graphs(store) == ref2
    assert staging_graphs(store) == []


# A build that kills itself right after the k-th write its store makes while replacing
# a document: every step of the replace, whatever store.py does inside it.
KILLER = textwrap.dedent("""
    import os, signal, sys
    import kg.store

    WRITES = {"add", "extend", "bulk_extend", "remove", "remove_graph", "clear_graph", "add_graph",
              "clear", "update", "load", "bulk_load", "flush", "optimize"}
    kill_after, count_only = int(sys.argv[1]), sys.argv[2] == "count"
    seen = [0]

    class Tap:
        def __init__(self, real):
            self._real = real
        def __getattr__(self, name):
            attr = getattr(self._real, name)
            if name not in WRITES:
                return attr
            def call(*a, **k):
                out = attr(*a, **k)
                seen[0] += 1
                if not count_only and seen[0] == kill_after:
                    os.kill(os.getpid(), signal.SIGKILL)
                return out
            return call

    original = kg.store.GraphStore.replace_graph

    def replace_graph(self, *a, **k):
        real = self._store
        self._store = Tap(real)
        try:
            return original(self, *a, **k)
        finally:
            self._store = real

    kg.store.GraphStore.replace_graph = replace_graph
    if kill_after == 0 and not count_only:
        def die(self, *a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        kg.store.GraphStore.replace_graph = die
    from kg.cli import main
    try:
        main(sys.argv[3:], standalone_mode=False)
    finally:
        if count_only:
            print("WRITES", seen[0], file=sys.stderr)
""")


def test_kill_at_every_step_of_replacing_a_changed_document(tmp_path):
    script = tmp_path / "killer.py"
    script.write_text(KILLER)
    folder = tmp_path / "one"
    write_docs(folder, 2)
    one = folder / "minutes-00.txt"
    build_here(one, tmp_path / "v2")
    (g,) = graphs(tmp_path / "v2")  # the one graph of minutes-00
    new = graphs(tmp_path / "v2")[g]
    write_docs(folder, 1)
    base = tmp_path / "v1"
    build_here(one, base)
    old = graphs(base)[g]
    assert old != new

    def run(store: Path, kill_after: int, mode: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(script), str(kill_after), mode,
                               "build", str(one), "--store", str(store)],
                              env=env(), capture_output=True, text=True, timeout=60)

    write_docs(folder, 2)  # the document changed: the next build replaces its graph
    probe = tmp_path / "probe"
    shutil.copytree(base, probe)
    counted = run(probe, 0, "count")
    assert counted.returncode == 0, counted.stderr
    n_writes = int(counted.stderr.rsplit("WRITES", 1)[1].split()[0])
    assert n_writes >= 1
    assert graphs(probe)[g] == new

    states = []
    for k in range(0, n_writes + 1):
        store = tmp_path / f"kill-{k}"
        shutil.copytree(base, store)
        p = run(store, k, "kill")
        assert p.returncode == -signal.SIGKILL, (k, p.returncode, p.stderr)
        state = graphs(store)
        assert set(state) == {g}, f"killed after write {k} of {n_writes}: graphs {sorted(state)}"
        # the old version stays, intact, until the new one is complete
        assert state[g] in (old, new), (f"killed after write {k} of {n_writes}: {len(state[g])} triples, "
                                        f"neither the old {len(old)} nor the new {len(new)}")
        states.append("new" if state[g] == new else "old")
        # and the next build finishes the job and tidies up
        build_here(one, store)
        assert graphs(store)[g] == new
        assert staging_graphs(store) == []
    # old, old, ..., new: one write makes the new version live, and it never goes back
    assert states[0] == "old" and states[-1] == "new"
    assert states == sorted(states, key=["old", "new"].index), states


def test_two_builds_at_once_one_waits_or_both_finish(corpus, tmp_path):
    folder = corpus["folder"]
    write_docs(folder, 1)
    ref1 = corpus["ref1"]  # the module's clean build of these files (graphs are deterministic)
    store = tmp_path / "shared"
    first = build_proc(folder, store)
    deadline = time.time() + 20
    while not store.exists() and time.time() < deadline and first.poll() is None:
        time.sleep(0.02)
    second = build_proc(folder, store)
    # readers are never blocked by the writer and only ever see complete graphs
    reads = []
    while first.poll() is None and len(reads) < 4:
        q = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", str(store), "--format", "json",
                            "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
                           env=env(), capture_output=True, text=True, timeout=60)
        reads.append(q)
        if first.poll() is None:
            assert_each_graph_is_one_of(store, ref1)
    out1, err1 = first.communicate(timeout=120)
    out2, err2 = second.communicate(timeout=120)
    results = [(first.returncode, err1), (second.returncode, err2)]
    for code, err in results:
        assert "Traceback" not in err
        if code != 0:
            lines = [x for x in err.splitlines() if x.strip()]
            assert code == 1 and len(lines) == 1, err
            assert "in use by another govkg build" in lines[0] and str(store) in lines[0]
    assert any(code == 0 for code, _ in results)
    for q in reads:
        assert q.returncode == 0 and "Traceback" not in q.stderr, q.stderr
    live = graphs(store)
    assert set(live) == set(ref1) and all(live[g] == ref1[g] for g in ref1), \
        [(g[-30:], len(live.get(g, ())), len(ref1[g])) for g in ref1 if live.get(g) != ref1[g]]
    # an update while a build holds the store: refused the same way, or run after it
    third = build_proc(folder, store, "--force")
    time.sleep(0.5)
    upd = subprocess.run([sys.executable, "-m", "kg.cli", "query", "--store", str(store), "--allow-update",
                          "-e", "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"],
                         env=env(), capture_output=True, text=True, timeout=60)
    out3, err3 = third.communicate(timeout=120)
    results = [(third.returncode, err3), (upd.returncode, upd.stderr)]
    for code, err in results:
        assert "Traceback" not in err
        if code != 0:
            lines = [x for x in err.splitlines() if x.strip()]
            assert code == 1 and len(lines) == 1 and "in use by another govkg build" in lines[0], err
    assert any(code == 0 for code, _ in results)
    live = graphs(store)
    assert {g: t for g, t in live.items() if g != "urn:x"} == ref1
    assert upd.returncode != 0 or live["urn:x"] == {"<urn:a> <urn:b> <urn:c>"}
