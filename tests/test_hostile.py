"""Held up under attack: readers during a build, dying workers, special files, hostile input.

Every case is a real attack on govkg (a reader during a rebuild, a killed worker, a FIFO,
quadratic inputs, hostile query text).  Kills and pauses happen at defined points of the
build (a patched store method that waits for the test), never after a sleep; work is
measured by counting calls, never by timing.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
STAGING = "https://w3id.org/govkg/id/staging/"

MINUTES = (
    "Minutes of the Meeting of Upper Fenwick Parish Council\n"
    "held on Tuesday 3 March 2026 at 7.30pm in the Village Hall\n"
    "\n"
    "Present: Cllr Ada Thornbury (Chair), Cllr Rhys Okonjo, Cllr Mina Patel\n"
    "1. Apologies were received from Cllr Tom Weld.\n"
    "2. The Clerk agreed to write to the highways team about the pothole on Mill Lane.\n"
    "RESOLVED: That the grants policy be approved.\n"
)


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ, PYTHONPATH=str(ROOT), **extra)
    e.pop("GOVKG_STORE", None)
    return e


def govkg(*args, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "kg.cli", *map(str, args)], env=env(), capture_output=True,
                          text=True, timeout=timeout, **kw)


def lines(stderr: str) -> list[str]:
    return [x for x in stderr.splitlines() if x.strip()]


def assert_one_line(p: subprocess.CompletedProcess, *words: str) -> str:
    assert p.returncode == 1, (p.returncode, p.stderr)
    assert "Traceback" not in p.stderr, p.stderr
    (line,) = lines(p.stderr)
    for w in words:
        assert w in line, line
    return line


def write_minutes(folder: Path, n: int, extra: str = "") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"minutes-{i:02d}.txt"
        p.write_text(MINUTES.replace("Upper Fenwick", f"Upper Fenwick {chr(65 + i)}") + extra, encoding="utf-8")
        out.append(p)
    return out


# --- 1. readers during a build ---------------------------------------------------------

# A build that stops in the middle of replacing its third changed document: its staging
# graph is written, the swap not yet made.  It waits there until the test says go on.
PAUSED_BUILD = textwrap.dedent("""
    import sys
    import kg.store
    calls = [0]
    original = kg.store.GraphStore._write
    def _write(self, graph, rows):
        out = original(self, graph, rows)
        calls[0] += 1
        if calls[0] == 3:
            # and a large document staged, not yet flushed: what a reader that opened the
            # folder the writer is changing had to replay into its own memory
            import pyoxigraph as ox
            g = ox.NamedNode(self._staging_prefix() + "large")
            self._store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"),
                                       ox.Literal("pending " * 8 + str(i)), g) for i in range(PENDING))
            print("paused", flush=True)
            sys.stdin.readline()
        return out
    kg.store.GraphStore._write = _write
    from kg.cli import main
    main(sys.argv[1:])
""").replace("PENDING", "60_000")

# A reader process that reports its own peak memory (kB) after the query, and every store
# folder it opened.
MEASURED_QUERY = textwrap.dedent("""
    import resource, sys
    import pyoxigraph
    real = pyoxigraph.Store
    class Store:
        def __new__(cls, *a, **k):
            return real(*a, **k)
        @staticmethod
        def read_only(path):
            print("OPENED", path, file=sys.stderr)
            return real.read_only(path)
    pyoxigraph.Store = Store
    from kg.cli import main
    try:
        main(sys.argv[1:])
    finally:
        print("MAXRSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
""")


def test_readers_during_a_rebuild_see_a_complete_state_in_bounded_memory(tmp_path):
    """A reader that opened the folder a writer was changing replayed the writer's pending
    writes into its own memory (here +130 MB for 60,000 pending quads; many GB in a real
    rebuild) and failed about one time in 25 on files compaction removed.  Readers now open
    only a state no writer changes, so their memory is that of a reader of an idle store."""
    folder, store = tmp_path / "minutes", tmp_path / "store"
    write_minutes(folder, 6)
    assert govkg("build", folder, "--store", store).returncode == 0
    count_q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    graphs_q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    live = str(store.resolve())

    def read(q: str) -> tuple[str, int, list[str]]:
        p = subprocess.run([PYTHON, "-c", MEASURED_QUERY, "query", "--store", str(store), "--format", "csv",
                            "-e", q], env=env(), capture_output=True, text=True, timeout=120)
        err, _, rss = p.stderr.rpartition("MAXRSS")
        opened = [str(Path(x.split(" ", 1)[1]).resolve()) for x in err.splitlines() if x.startswith("OPENED ")]
        err = "\n".join(x for x in err.splitlines() if not x.startswith("OPENED "))
        assert p.returncode == 0 and not err.strip(), p.stderr
        return p.stdout, int(rss), opened

    before_count, idle_rss, _ = read(count_q)
    before_graphs, idle_rss2, _ = read(graphs_q)
    write_minutes(folder, 6, extra="3. Cllr Mina Patel asked about the bus shelter.\n")
    build = subprocess.Popen([PYTHON, "-c", PAUSED_BUILD, "build", str(folder), "--store", str(store)],
                             env=env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert build.stdout.readline().strip() == "paused", build.stderr.read()
        peaks = []
        for _ in range(3):
            graphs_now, rss1, opened1 = read(graphs_q)
            count_now, rss2, opened2 = read(count_q)
            peaks += [rss1, rss2]
            # never the folder the writer is changing (the cause of the 1-in-25 failures)
            assert live not in opened1 + opened2, (live, opened1, opened2)
            # the state before the build (a consistent snapshot), never a staging graph
            assert STAGING not in graphs_now
            assert graphs_now == before_graphs and count_now == before_count
        # no more memory than reading the idle store (the pending writes cost +130 MB)
        assert max(peaks) < max(idle_rss, idle_rss2) + 40_000, (idle_rss, idle_rss2, peaks)
        build.stdin.write("\n")
        build.stdin.flush()
        out, err = build.communicate(timeout=120)
        assert build.returncode == 0, err
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    after_graphs, _, _ = read(graphs_q)
    after_count, _, _ = read(count_q)
    assert after_graphs == before_graphs and STAGING not in after_graphs
    assert int(after_count.split()[-1]) > int(before_count.split()[-1])


def test_a_staging_graph_left_by_a_killed_build_is_invisible(tmp_path):
    import pyoxigraph as ox
    store = tmp_path / "store"
    (one,) = write_minutes(tmp_path / "m", 1)
    assert govkg("build", one, "--store", store).returncode == 0
    st = ox.Store(str(store))  # what a build killed between its two writes leaves
    st.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("half"),
                   ox.NamedNode(STAGING + "x")))
    del st
    p = govkg("query", "--store", store, "--format", "csv", "-e",
              "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert p.returncode == 0, p.stderr
    assert STAGING not in p.stdout and "https://w3id.org/govkg/id/" in p.stdout


def test_a_reader_while_a_new_store_is_first_written_gets_one_line_or_a_state(tmp_path):
    """A writer holding the lock with nothing published yet: a bounded wait, then one line."""
    store = tmp_path / "store"
    holder = subprocess.Popen([PYTHON, "-c", textwrap.dedent("""
        import sys, pyoxigraph as ox
        s = ox.Store(sys.argv[1]); s.flush()
        print("holding", flush=True); sys.stdin.readline()
    """), str(store)], env=env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"  # it holds the store's lock
        p = subprocess.run([PYTHON, "-m", "kg.cli", "query", "--store", str(store), "-e",
                            "SELECT * WHERE { ?s ?p ?o }"], env=env(GOVKG_READ_WAIT="0.5"),
                           capture_output=True, text=True, timeout=60)
        line = assert_one_line(p, "being written", "try again")
        assert "is it a govkg store" not in line
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    p = govkg("query", "--store", store, "--format", "csv", "-e", "SELECT ?s WHERE { ?s ?p ?o }")
    assert p.returncode == 0 and p.stdout.split() == ["s"], p.stderr  # once written, a state


# --- 7. a first build killed while it creates the store ----------------------------------

def test_a_store_whose_creation_was_killed_builds_again(tmp_path):
    """What Oxigraph leaves when killed before it writes CURRENT: later builds used to fail."""
    import pyoxigraph as ox
    store = tmp_path / "store"
    s = ox.Store(str(store))
    del s
    (store / "CURRENT").unlink()  # the file Oxigraph writes last when it creates a store
    (one,) = write_minutes(tmp_path / "m", 1)
    assert_one_line(govkg("query", "--store", store, "-e", "SELECT * WHERE { ?s ?p ?o }"), str(store))
    p = govkg("build", one, "--store", store)
    assert p.returncode == 0, p.stderr
    q = govkg("query", "--store", store, "--name", "meetings", "--format", "csv")
    assert q.returncode == 0 and "Upper Fenwick" in q.stdout, q.stderr


KILL_WHILE_CREATING = {
    # killed after the new store is made, before it is in place
    "before-it-is-in-place": textwrap.dedent("""
        import os, signal, sys
        real_rename = os.rename
        def rename(src, dst, *a, **k):
            if os.path.basename(str(src)).startswith(".store.new-"):
                os.kill(os.getpid(), signal.SIGKILL)
            return real_rename(src, dst, *a, **k)
        os.rename = rename
        from kg.cli import main
        main(sys.argv[1:])
    """),
    # killed inside Oxigraph as it first creates a store folder, its files written but not
    # CURRENT, which it writes last: what the flaky atomicity test met (killed/CURRENT)
    "inside-oxigraph": textwrap.dedent("""
        import os, signal, sys
        import pyoxigraph
        real = pyoxigraph.Store
        class Store:
            def __new__(cls, path=None, *a, **k):
                new = path is not None and not os.path.exists(os.path.join(str(path), "CURRENT"))
                store = real(path, *a, **k)
                if new:
                    store.flush()
                    os.remove(os.path.join(str(path), "CURRENT"))
                    os.kill(os.getpid(), signal.SIGKILL)
                return store
            read_only = staticmethod(real.read_only)
        pyoxigraph.Store = Store
        from kg.cli import main
        main(sys.argv[1:])
    """),
}


@pytest.mark.parametrize("moment", sorted(KILL_WHILE_CREATING))
def test_a_first_build_killed_while_creating_the_store_leaves_no_half_store(tmp_path, moment):
    store = tmp_path / "store"
    (one,) = write_minutes(tmp_path / "m", 1)
    p = subprocess.run([PYTHON, "-c", KILL_WHILE_CREATING[moment], "build", str(one), "--store", str(store)],
                       env=env(), capture_output=True, text=True, timeout=60)
    assert p.returncode == -signal.SIGKILL, p.stderr
    # absent or whole, never a folder that cannot be opened
    assert not store.exists() or (store / "CURRENT").exists(), os.listdir(store)
    assert_one_line(govkg("query", "--store", store, "-e", "SELECT * WHERE { ?s ?p ?o }"), "no store at")
    p = govkg("build", one, "--store", store)
    assert p.returncode == 0, p.stderr
    assert not list(tmp_path.glob(".store.new-*"))  # the next build tidies what the kill left


# --- 2. every stage linear in its input ----------------------------------------------------

def work(fn) -> int:
    """How many Python and C function calls `fn()` makes: a count of work, not a time."""
    n = [0]

    def count(_frame, event, _arg):
        if event in ("call", "c_call"):
            n[0] += 1
    sys.setprofile(count)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n[0]


def one_person_many_times(n: int) -> str:
    return ("Minutes of the meeting of Upper Fenwick Parish Council\nPresent: Cllr Ada Thornbury\n"
            + "Cllr Ada Thornbury said the council supported the proposal.\n" * n)


def one_long_line(n: int) -> str:
    return ("Minutes of the meeting of Upper Fenwick Parish Council. "
            + "The Clerk said the council would meet again soon and Cllr Ada Thornbury agreed. " * n)


def blank_lines_in_attendance(n: int) -> str:
    return ("Minutes of the meeting of Upper Fenwick Parish Council\nPresent: Cllr Ada Thornbury\n"
            + "\n" * n + "Apologies: Cllr Tom Weld\n")


@pytest.mark.parametrize("make, n", [(one_person_many_times, 1000), (one_long_line, 600),
                                     (blank_lines_in_attendance, 5000)],
                         ids=["20k-lines-one-person", "one-line", "blank-lines"])
def test_read_to_graph_is_linear_in_the_input(tmp_path, make, n):
    """Twice the input, about twice the work (quadratic code gave 3.3 times at these sizes)."""
    from kg.pipeline import graph_of_file
    graph_of_file(ROOT / "data" / "minutes" / "wirral-childrens-trust-2016.txt")  # caches filled
    counts = []
    for k in (n, 2 * n):
        p = tmp_path / f"{k}.txt"
        p.write_text(make(k), encoding="utf-8")
        counts.append(work(lambda: graph_of_file(p)))
    assert counts[1] / counts[0] < 2.4, counts


def _scanned_from_every_start(rx, text: str) -> int:
    """Characters the pattern takes in from each position of `text`, summed: the work a
    search does (it tries every position), made visible by letting each attempt succeed."""
    return sum(len(m.group()) for i in range(len(text)) if (m := rx.match(text, i)))


def test_the_attendance_markers_do_not_rescan_blank_lines():
    """`^\\s*` with re.M ran over every following blank line from every line start: 100 KB
    of blank lines took 54 s.  Counted here as what the pattern reads from every start of a
    run of blank lines ending in a marker: twice the run, the same work (it was four times)."""
    from kg.extract.attendance import MARKER

    def run(k: int) -> str:
        return "Present: Cllr Ada Thornbury\n" + "\n" * k + "Chair: Cllr Tom Weld\n"
    small, large = (_scanned_from_every_start(MARKER, run(k)) for k in (1000, 2000))
    assert large < 1.2 * small, (small, large)
    assert [m.group("m") for m in MARKER.finditer(run(1000))] == ["Present:", "Chair:"]


LIMIT = 1000  # the nesting the README promises the HTML parser never sees exceeded


def test_deeply_nested_html_reaches_the_parser_flattened(tmp_path, monkeypatch):
    """200,000 nested <div> (2.2 MB) took over 120 s in the HTML parser, whose work grows
    with depth times tags; the parser now never sees more than LIMIT levels."""
    import re
    import kg.read.html as h
    depths = []
    real = h.LexborHTMLParser
    div = re.compile(r"<(/?)div\b", re.I)

    def measuring(html, *a, **k):
        depth = deepest = 0
        for m in div.finditer(html):
            depth += -1 if m.group(1) else 1
            deepest = max(deepest, depth)
        depths.append(deepest)
        if deepest > LIMIT:
            raise AssertionError(f"the parser was given {deepest} nested <div>")  # not 120 s more
        return real(html, *a, **k)
    monkeypatch.setattr(h, "LexborHTMLParser", measuring)
    n = 200_000
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * n + "Minutes of the meeting of Upper Fenwick Parish Council. "
                    "Present: Cllr Ada Thornbury (Chair)" + "</div>" * n + "</body></html>", encoding="utf-8")
    from kg.pipeline import extract_file
    ex = extract_file(page)
    assert depths and max(depths) <= LIMIT, depths
    assert {a.person.surface for a in ex.attendance} == {"Cllr Ada Thornbury"}


def test_a_document_over_the_work_bound_is_one_line_naming_it(tmp_path):
    folder = tmp_path / "m"
    write_minutes(folder, 2)
    store = tmp_path / "store"
    p = subprocess.run([PYTHON, "-m", "kg.cli", "build", str(folder / "minutes-00.txt"), "--store", str(store)],
                       env=env(GOVKG_DOC_SECONDS="0.000001"), capture_output=True, text=True, timeout=120)
    assert_one_line(p, "minutes-00.txt", "GOVKG_DOC_SECONDS")
    assert govkg("build", folder, "--store", store).returncode == 0  # the bound is per run


# --- 3. hangs that kept the lock ---------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_fifo_named_as_minutes_is_one_line_and_the_others_build(tmp_path):
    fifo = tmp_path / "minutes.txt"
    os.mkfifo(fifo)
    (good,) = write_minutes(tmp_path / "m", 1)
    store = tmp_path / "store"
    p = govkg("build", fifo, good, "--store", store, timeout=60)  # it used to block for ever
    assert_one_line(p, str(fifo), "FIFO")
    assert "1 built" in p.stdout
    assert govkg("build", good, "--store", store).returncode == 0  # the lock was released


# Every process of the build, its workers too, reads this: the worker given the file named
# die-here.txt is SIGKILLed as the kernel's out-of-memory killer would kill it.
SITECUSTOMIZE = textwrap.dedent("""
    import os, signal
    import kg.read
    fmt, real = kg.read._READERS[".txt"]
    def reader(data, name):
        if os.path.basename(name) == "die-here.txt":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(data, name)
    kg.read._READERS[".txt"] = (fmt, reader)
""")


def test_a_worker_killed_mid_build_fails_its_file_and_the_others_build(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE)
    folder = tmp_path / "m"
    files = write_minutes(folder, 5)
    (folder / "die-here.txt").write_text(MINUTES.replace("Upper Fenwick", "Lower Fenwick"), encoding="utf-8")
    store = tmp_path / "store"
    e = env()
    e["PYTHONPATH"] = f"{hook}{os.pathsep}{ROOT}"
    p = subprocess.run([PYTHON, "-m", "kg.cli", "build", str(folder), "--store", str(store), "--jobs", "2"],
                       env=e, capture_output=True, text=True, timeout=180)  # it used to wait for ever
    assert_one_line(p, "die-here.txt", "worker")
    assert "5 built, 0 unchanged, 1 failed" in p.stdout, p.stdout
    q = govkg("query", "--store", store, "--name", "meetings", "--format", "csv")
    assert q.returncode == 0 and q.stdout.count("Upper Fenwick") == len(files), q.stdout
    assert govkg("build", folder / "minutes-00.txt", "--store", store).returncode == 0  # lock released


# --- 4. endpoint and update paths --------------------------------------------------------

from .test_remote import server  # noqa: E402,F401 - a real `oxigraph serve` for these tests

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def csv_count(p: subprocess.CompletedProcess) -> int:
    assert p.returncode == 0, p.stderr
    return int(p.stdout.split()[-1])


def test_allow_update_with_endpoint_updates_the_endpoint_not_the_local_store(server, tmp_path):
    local = tmp_path / "local"
    (one,) = write_minutes(tmp_path / "m", 1)
    assert govkg("build", one, "--store", local).returncode == 0
    before = csv_count(govkg("query", "--store", local, "--format", "csv", "-e", COUNT))
    p = govkg("query", "--allow-update", "--endpoint", server, "--store", local, "-e",
              "INSERT DATA { GRAPH <urn:robust:notes> { <urn:robust:a> <urn:robust:b> 'a note' } }")
    assert csv_count(govkg("query", "--store", local, "--format", "csv", "-e", COUNT)) == before
    assert p.returncode == 0 and server in p.stdout, p.stderr  # it says where the update went
    ask = "SELECT ?o WHERE { <urn:robust:a> <urn:robust:b> ?o }"
    q = govkg("query", "--endpoint", server, "--format", "csv", "-e", ask)
    assert q.returncode == 0 and q.stdout.splitlines() == ["o", "a note"], (q.stdout, q.stderr)  # merged in
    p = govkg("query", "--allow-update", "--endpoint", server, "-e", "DROP GRAPH <urn:robust:notes>")
    assert p.returncode == 0, p.stderr
    q = govkg("query", "--endpoint", server, "--format", "csv", "-e", ask)
    assert q.stdout.splitlines() == ["o"], q.stdout  # and gone from the merge with its graph


def test_drop_graph_and_delete_keep_the_merged_graph_in_step(tmp_path):
    store = tmp_path / "store"
    a, b = write_minutes(tmp_path / "m", 2)
    assert govkg("build", a, b, "--store", store).returncode == 0
    names = "SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }"
    graphs = govkg("query", "--store", store, "--format", "csv", "-e",
                   "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").stdout.split()[1:]
    assert len(graphs) == 2
    # a DELETE of the user's, in one graph: the name is still stated by the other
    delete = ("DELETE WHERE { GRAPH <%s> { ?p <http://xmlns.com/foaf/0.1/name> 'Mina Patel' } }" % graphs[0])
    assert govkg("query", "--allow-update", "--store", store, "-e", delete).returncode == 0
    assert "Mina Patel" in govkg("query", "--store", store, "--format", "csv", "-e", names).stdout
    p = govkg("query", "--allow-update", "--store", store, "-e", delete.replace(graphs[0], graphs[1]))
    assert p.returncode == 0, p.stderr
    assert "Mina Patel" not in govkg("query", "--store", store, "--format", "csv", "-e", names).stdout
    # DROP GRAPH: what only that graph stated leaves the merge
    for g in graphs:
        assert govkg("query", "--allow-update", "--store", store, "-e", f"DROP GRAPH <{g}>").returncode == 0
    assert csv_count(govkg("query", "--store", store, "--format", "csv", "-e", COUNT)) == 0


def _silent_server():
    """A socket that takes connections and never answers (a hung or far-away endpoint)."""
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(8)
    return s, f"http://127.0.0.1:{s.getsockname()[1]}"


def test_timeout_applies_to_an_endpoint():
    s, url = _silent_server()
    with s:
        p = govkg("query", "--endpoint", url, "--timeout", "1", "-e", COUNT, timeout=60)
        assert_one_line(p, url)


def test_service_is_refused_unless_allowed(tmp_path):
    import select
    store = tmp_path / "store"
    (one,) = write_minutes(tmp_path / "m", 1)
    assert govkg("build", one, "--store", store).returncode == 0
    s, url = _silent_server()
    with s:
        for q in (f"SELECT * WHERE {{ SERVICE <{url}/query> {{ ?s ?p ?o }} }}",
                  f"select * where {{ ?x ?y ?z . service silent <{url}/query> {{ ?s ?p ?o }} }}"):
            p = govkg("query", "--store", store, "--timeout", "5", "-e", q, timeout=60)
            assert_one_line(p, "SERVICE", "--allow-service")
        assert select.select([s], [], [], 0)[0] == []  # nobody called the other server
    # the word in a string, an IRI or a variable is not a call
    ok = govkg("query", "--store", store, "--format", "csv", "-e",
               "SELECT ?service WHERE { BIND('SERVICE <x>' AS ?service) }")
    assert ok.returncode == 0 and "SERVICE <x>" in ok.stdout, ok.stderr


# --- 5. crashes that were not one line ---------------------------------------------------

def test_ten_thousand_nested_braces_are_one_line_not_a_crash(tmp_path):
    store = tmp_path / "store"
    (one,) = write_minutes(tmp_path / "m", 1)
    assert govkg("build", one, "--store", store).returncode == 0
    for q in ("SELECT * WHERE " + "{" * 10_000 + "}" * 10_000,
              "SELECT * WHERE { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }"):
        assert_one_line(govkg("query", "--store", store, "-e", q), "nests")
    assert_one_line(govkg("query", "--allow-update", "--store", store, "-e",
                          "INSERT DATA { GRAPH <urn:g> " + "{" * 10_000 + "}" * 10_000 + " }"), "nests")


def test_timeout_inf_means_no_limit(tmp_path):
    store = tmp_path / "store"
    (one,) = write_minutes(tmp_path / "m", 1)
    assert govkg("build", one, "--store", store).returncode == 0
    assert csv_count(govkg("query", "--store", store, "--timeout", "inf", "--format", "csv", "-e", COUNT)) > 0


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_fails_alone(tmp_path):
    folder = tmp_path / "m"
    write_minutes(folder, 2)
    bad = os.path.join(os.fsencode(folder), b"minutes-\xff\xfe.txt")
    with open(bad, "wb") as f:
        f.write(MINUTES.replace("Upper Fenwick", "Nether Fenwick").encode("utf-8"))
    store = tmp_path / "store"
    p = govkg("build", folder, "--store", store)
    assert_one_line(p, "minutes-\\xff\\xfe.txt", "not valid UTF-8")
    assert "2 built, 0 unchanged, 1 failed" in p.stdout


def test_a_meta_charset_naming_a_codec_that_always_fails(tmp_path):
    page = tmp_path / "minutes.html"
    page.write_bytes(b'<html><head><meta charset="undefined"></head><body><p>Minutes of the meeting of '
                     b'Upper Fenwick Parish Council.</p><p>Present: Cllr Ada Thornbury (Chair), '
                     b'Cllr Ren\xe9e Okonjo</p></body></html>')
    p = govkg("build", page, "--store", tmp_path / "store")
    assert p.returncode == 0, p.stderr
    q = govkg("query", "--store", tmp_path / "store", "--format", "csv", "-e",
              "SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'Renée')) }")
    assert "Renée Okonjo" in q.stdout, q.stdout  # the stray byte read as cp1252


@pytest.mark.parametrize("base", ["not a base", "relative/path/", "http://exa mple.org/"])
def test_an_invalid_base_is_one_line(tmp_path, base):
    (one,) = write_minutes(tmp_path / "m", 1)
    p = govkg("build", one, "--store", tmp_path / "store", "--base", base)
    assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
    (line,) = lines(p.stderr)
    assert "--base" in line and "absolute IRI" in line
    assert not (tmp_path / "store").exists() or "CURRENT" not in os.listdir(tmp_path / "store")


def test_the_default_store_is_made_with_its_parent_folders(tmp_path):
    (one,) = write_minutes(tmp_path / "m", 1)
    work = tmp_path / "work"
    work.mkdir()
    p = subprocess.run([PYTHON, "-m", "kg.cli", "build", str(one)], cwd=work, env=env(),
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert (work / "outputs" / "store" / "CURRENT").exists()


# --- 6. smaller ------------------------------------------------------------------------

def _on_a_terminal(*args) -> str:
    """What govkg prints when its output is a terminal (a pseudo-terminal here)."""
    import pty
    master, slave = pty.openpty()
    p = subprocess.Popen([PYTHON, "-m", "kg.cli", *map(str, args)], env=env(), stdout=slave, stderr=slave,
                         stdin=subprocess.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer has gone
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    p.wait(timeout=120)
    return out.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_control_characters_never_reach_the_terminal_raw(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    evil = folder / "minutes\x1b]0;owned\x07\x1b[2J.txt"  # sets the title, clears the screen
    evil.write_text(MINUTES.replace("Upper Fenwick", "Upper\x1b[31m Fenwick")
                    + "3. Cllr Mina Patel said the \x1b[8mhidden\x1b[0m report was late.\n", encoding="utf-8")
    (folder / "broken.txt\x1b[2J.txt").write_bytes(b"")  # a failure line names it too
    store = tmp_path / "store"
    out = _on_a_terminal("build", folder, "--store", store)
    assert "\x1b" not in out and "\x07" not in out, repr(out)
    assert "\\x1b]0;owned\\x07" in out and "1 built" in out
    for name in ("meetings", "statements", "people"):
        out = _on_a_terminal("query", "--store", store, "--name", name)
        assert "\x1b" not in out, (name, repr(out))
    out = _on_a_terminal("query", "--store", store, "--format", "csv", "--name", "statements")
    assert "\x1b" not in out and "\\x1b[8m" in out
    # piped, csv and json keep the text as it is (a program reads it, not a terminal)
    piped = govkg("query", "--store", store, "--format", "csv", "--name", "meetings")
    assert "\x1b]0;owned\x07" in piped.stdout


def _getmeeting(doctype: str = "", lead: str = "") -> str:
    return (f'<?xml version="1.0" encoding="{{enc}}"?>{lead}{doctype}<GetMeetingResult><meeting>'
            "<meetingdate>03/03/2026</meetingdate><committeetitle>&e;</committeetitle><agendaitems><agendaitem>"
            "<agendaitemtitle>Apologies</agendaitemtitle><minutes>&lt;p&gt;Apologies were received from "
            "Cllr Tom Weld.&lt;/p&gt;</minutes></agendaitem></agendaitems></meeting></GetMeetingResult>")


ENTITY = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY e "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


@pytest.mark.parametrize("encoding, lead", [("utf-16", ""), ("utf-8", "<!--" + "x" * 70_000 + "-->"),
                                            ("utf-16-le", "")],
                         ids=["utf-16", "late-doctype", "utf-16-no-bom"])
def test_the_xml_doctype_guard_reads_the_decoded_text(tmp_path, encoding, lead):
    from kg.errors import InputError
    from kg.read import read_document
    xml = tmp_path / "meeting.xml"
    text = _getmeeting(ENTITY, lead).replace("{enc}", encoding.split("-le")[0])
    xml.write_bytes(text.encode(encoding))
    with pytest.raises(InputError, match="DOCTYPE"):
        read_document(xml)


def test_a_docx_zip_bomb_is_refused_before_it_is_unzipped(tmp_path):
    """A Word file whose body unzips to more than the bound (here 1.7 MB on disk, 208 MB
    unzipped): the reader used to unzip and parse it all (a 648 KB one took 1.28 GB)."""
    import io
    import tracemalloc
    import zipfile
    import docx
    from kg.errors import InputError
    from kg.read.docx import read_docx
    MAX_UNZIPPED = 200 * 1024 * 1024  # the bound the README promises
    skeleton = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Minutes of the meeting of Upper Fenwick Parish Council")
    d.save(skeleton)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(skeleton) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                z.writestr(item, src.read(item))
                continue
            head, tail = src.read(item).split(b"<w:body>")
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                f.write(head + b"<w:body>")
                block = b" " * (1 << 20)
                for _ in range(MAX_UNZIPPED // len(block) + 8):
                    f.write(block)
                f.write(tail)
    data = bomb.read_bytes()
    assert len(data) < 2_000_000
    tracemalloc.start()
    try:
        try:
            read_docx(data, str(bomb))
            error = ""
        except InputError as e:
            error = str(e)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, peak  # refused from the sizes the zip declares, not by unzipping
    assert "zip bomb" in error, error


def test_a_file_rewritten_while_it_is_read_is_read_again_or_refused(tmp_path, monkeypatch):
    """Built from a torn snapshot without a word, before: now it is read again until it
    holds still, and refused in one line if it never does."""
    import kg.read as r
    from kg.errors import InputError
    p = tmp_path / "minutes.txt"
    p.write_text(MINUTES, encoding="utf-8")
    real_fstat, calls = os.fstat, [0]

    def fstat_of_a_file_being_written(fd):
        calls[0] += 1
        if calls[0] % 3 == 0 and calls[0] <= limit[0]:  # the look after reading: it has grown
            with open(p, "a", encoding="utf-8") as f:
                f.write("\n")
        return real_fstat(fd)
    monkeypatch.setattr(r.os, "fstat", fstat_of_a_file_being_written)
    limit = [3]  # changed while read once, then still
    doc = r.read_document(p)
    assert doc.text.startswith("Minutes of the Meeting") and doc.sha256 == __import__("hashlib").sha256(
        p.read_bytes()).hexdigest()
    calls[0], limit[0] = 0, 10 ** 6  # never holds still
    with pytest.raises(InputError, match="kept changing while it was read"):
        r.read_document(p)
