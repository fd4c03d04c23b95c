#!/usr/bin/env python
"""Interactive reads on a built store, in process and warm: p50/p95 of each, in ms.

    python benchmarks/reads.py STORE [--runs 7] [--json OUT.json] [--rows OUT.rows.json]

The reads a person waits for (issue: interactive at 10,000 documents): who-owns and
accountable, the people/organisation look-ups `govkg ask` makes, one meeting's facts,
one person's facts, the follow-ups of one body, the first page of each listing (--limit,
with --body, --since), and the views (whole store, cut to what can be drawn; focused on a
person, a post and an organisation; one meeting), each with its page's size in bytes;
then whole commands as a user runs them, each a new process (CPU time of the child beside
its wall time): three `govkg ask` questions and four `govkg viz` views (--focus on the
picked person, on "the Clerk", on the largest body, and the whole store), with the load
average beside each.
The values looked up are picked from the store itself (its largest body, a meeting of
it, a person with many facts), so the same script fits the real and the synthetic sets.

`--rows` writes every read's rows, so a run before a change and one after can be
compared row for row (`--compare BEFORE.rows.json`).

`--rdflib` also loads the store's quads into rdflib's in-memory Dataset and runs each named
query read there too, through the same query code (the same texts, the same bound
parameters: benchmarks/baseline.py), printing both times, the ratio and whether the rows
are the same.  Loading 1,000 real documents into rdflib takes a minute or more.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LISTINGS = ("meetings", "attendance", "items", "decisions", "actions", "statements", "declarations", "followups")


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def timed(fn, runs: int, budget: float = 20.0):
    """A warm-up, then up to `runs` runs within `budget` seconds: (result, p50 ms, p95 ms,
    runs, CPU p50 ms, CPU p95 ms).  The CPU time of this process is given beside the wall
    time: on a shared machine the wall time is mostly waiting for a core (Oxigraph runs
    each query in the calling thread, so the CPU time is the query's own work)."""
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    first, first_cpu = time.perf_counter() - t, time.process_time() - c
    times: list[float] = []
    cpu: list[float] = []
    spent = first
    while len(times) < runs and spent < budget:
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        spent += times[-1]
    times = times or [first]
    cpu = cpu or [first_cpu]
    timed.first = (first * 1000, first_cpu * 1000)  # the first call: what one command pays for it
    return (result, statistics.median(times) * 1000, percentile(times, 95) * 1000, len(times),
            statistics.median(cpu) * 1000, percentile(cpu, 95) * 1000)


def picks(st) -> dict:
    """The body, meeting, person and words the reads look up, taken from the store."""
    rows = st.select("PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                     "SELECT ?b ?name (COUNT(?m) AS ?n) WHERE { ?m a gov:Meeting ; gov:body ?b . "
                     "?b foaf:name ?name } GROUP BY ?b ?name ORDER BY DESC(?n) ?b LIMIT 1")[1]
    body = rows[0]["name"]
    import pyoxigraph as ox
    meeting = st.select("PREFIX gov: <https://w3id.org/govkg/ontology#> SELECT ?m WHERE { ?m a gov:Meeting ; "
                        f"gov:body {ox.NamedNode(rows[0]['b'])} . ?a a gov:Action ; gov:meeting ?m }} "
                        "ORDER BY ?m LIMIT 1")[1][0]["m"]
    person = st.select("PREFIX schema: <https://schema.org/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                       "PREFIX gov: <https://w3id.org/govkg/ontology#> "
                       "SELECT ?p ?name (COUNT(?a) AS ?n) WHERE { ?a a gov:Action ; schema:agent ?p . "
                       "?p a foaf:Person ; foaf:name ?name } GROUP BY ?p ?name ORDER BY DESC(?n) ?p LIMIT 1")[1][0]
    return {"body": body, "meeting": meeting, "person": person["p"], "person_name": person["name"]}


def reads(st, p: dict) -> list[tuple[str, object]]:
    """(label, function giving rows) for every read measured."""
    from kg import ask
    from kg.query import get_named, run
    out: list[tuple[str, object]] = []

    def q(name, params=None, **kw):
        return lambda: run(st, get_named(name), params or {}, **kw)[1]
    out.append(("who-owns thing=plan", q("who-owns", {"thing": "plan"})))
    out.append(("who-owns thing=website", q("who-owns", {"thing": "website"})))
    out.append(("accountable entity=Smith", q("accountable", {"entity": "Smith"})))
    out.append(("accountable entity=Clerk", q("accountable", {"entity": "Clerk"})))
    out.append((f"accountable entity=<{p['person_name']}> (one person's facts)",
                q("accountable", {"entity": p["person_name"]})))
    out.append(("ask: entities (people, organisations, posts)",
                lambda: sorted((e.iri, e.name, e.kind, e.labels, e.posts) for e in ask.entities(st))))
    out.append(("ask: find_entities 'Smith'", lambda: [e.iri for e in ask.find_entities(st, "Smith")]))
    out.append(("ask: meetings", lambda: sorted((m.iri, m.body, m.date) for m in ask.meetings(st).values())))
    meeting_params = {"meeting": p["meeting"]}
    for name in ("decisions", "actions", "attendance"):
        if "meeting" in getattr(run, "__kwdefaults__", {}):
            out.append((f"{name} of one meeting", q(name, meeting=p["meeting"])))
        else:  # before the --meeting scope: the whole listing, kept for that meeting
            out.append((f"{name} of one meeting",
                        (lambda n: lambda: [r for r in run(st, get_named(n), {})[1]
                                            if r.get("meeting") == meeting_params["meeting"]])(name)))
    out.append((f"followups --body <{p['body']}>", q("followups", body=p["body"])))
    from kg.query import stream
    # as `govkg query --format ndjson` hands it out: the first row, and every row one by one
    out.append((f"followups --body <{p['body']}>, streamed: first row",
                lambda: [next(stream(st, get_named("followups"), {}, body=p["body"])[1])]))
    out.append((f"followups --body <{p['body']}>, streamed: every row",
                lambda: list(stream(st, get_named("followups"), {}, body=p["body"])[1])))
    for name in LISTINGS:
        out.append((f"{name} --limit 20", q(name, limit=20)))
        out.append((f"{name} --body <largest> --limit 20", q(name, body=p["body"], limit=20)))
        out.append((f"{name} --since 2020-01-01 --limit 20", q(name, since="2020-01-01", limit=20)))
    return out


def views(st, workdir: Path, p: dict) -> list[tuple[str, object]]:
    from kg.viz import write_view

    def v(**kw):
        def go():
            info = write_view(st, workdir / "view.html", **kw)
            # the page's size beside what it draws: what a browser must parse and lay out
            return [info.nodes, info.edges, info.hidden, (workdir / "view.html").stat().st_size]
        return go
    return [("view: whole store (max 2000 nodes)", v(max_nodes=2000)),
            ("view: whole store (max 1500 nodes, as govkg viz)", v()),
            (f"view: --focus <{p['person_name']}>", v(focus=p["person_name"])),
            ("view: --focus 'the Clerk' (a post)", v(focus="the Clerk")),
            (f"view: --focus <{p['body']}> (an organisation)", v(focus=p["body"])),
            ("view: --meeting <one>", v(meeting=p["meeting"]))]


def _child(cmd):
    """(finished process, wall seconds, CPU seconds of the child: user + system)."""
    import os
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=dict(os.environ))
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return proc, wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def view_process(store: str, out: Path, *args: str) -> dict:
    """A whole `govkg viz` as a user runs it (process start included)."""
    proc, wall, cpu = _child([sys.executable, "-m", "kg.cli", "viz", *args, "-o", str(out), "--store", store])
    return {"seconds": round(wall, 3), "cpu_s": round(cpu, 3), "rc": proc.returncode,
            "bytes": out.stat().st_size if out.exists() else 0, "said": " ".join(proc.stdout.split())[:160]}


def load() -> str:
    import os
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def ask_process(store: str, question: str) -> dict:
    """A whole `govkg ask` as a user runs it (process start included), and the import part."""
    child = _child
    proc, whole, whole_cpu = child([sys.executable, "-m", "kg.cli", "ask", question, "--store", store])
    _, imports, imports_cpu = child([sys.executable, "-c", "import kg.cli, kg.ask"])
    _, bare, bare_cpu = child([sys.executable, "-c", "pass"])
    return {"seconds": round(whole, 3), "cpu_s": round(whole_cpu, 3), "import_s": round(imports, 3),
            "import_cpu_s": round(imports_cpu, 3), "python_start_s": round(bare, 3),
            "python_start_cpu_s": round(bare_cpu, 3), "rc": proc.returncode, "lines": len(proc.stdout.splitlines())}


def rdflib_reads(st, p: dict, args) -> dict:
    """The named-query reads answered by rdflib over the store's quads, and by Oxigraph's
    engine (label -> (rdflib function, Oxigraph SPARQL function))."""
    from benchmarks.baseline import EngineStore, RdflibStore, rdflib_dataset, uses_named_graphs
    from kg.query import named_queries
    t, c = time.perf_counter(), time.process_time()
    # the reads' queries read the default graph; the named graphs only when one names them
    ds = rdflib_dataset(st._store, named=any(uses_named_graphs(named_queries()[n].text)
                                             for n in ("who-owns", "accountable", "followups", *LISTINGS)))
    print(f"rdflib Dataset loaded from the store: {len(ds.default_graph)} triples in "
          f"{time.perf_counter() - t:.1f} s ({time.process_time() - c:.1f} s cpu)", flush=True)
    # the ask look-ups read listings kept in the store folder, not the engine: not compared
    engine = dict(reads(EngineStore(st), p))
    return {label: (fn, engine[label]) for label, fn in reads(RdflibStore(st, ds, timeout=args.rdflib_timeout), p)
            if not label.startswith("ask:")}


def compare_with_rdflib(label: str, fns, rows: list, ox_cpu_ms: float, args) -> dict:
    """Time one read on rdflib, compare its rows with Oxigraph's; print and return the figures.

    The ratio is engine to engine: rdflib's CPU time over Oxigraph's for the same SPARQL,
    measured apart from govkg's read (which answers some reads from the text index's kept
    rows, with no SPARQL at all; the line above gives that read's own time)."""
    from benchmarks.baseline import BaselineTimeout, same_rows, timed_cpu
    fn, engine_fn = fns
    ox_engine = timed_cpu(engine_fn, min(args.runs, 3), args.budget)
    ox_cpu_ms = ox_engine[2]
    engine = f"; Oxigraph SPARQL cpu p50 {ox_cpu_ms:.1f} ms"
    if same_rows(rows, list(ox_engine[0])).startswith("DIFFERENT"):
        engine += ", its rows DIFFER from govkg's read"
    try:
        res, w50, c50, n = timed_cpu(fn, min(args.runs, 3), args.rdflib_budget)
    except BaselineTimeout:
        print(f"{'  rdflib':58} over {args.rdflib_timeout:.0f} s", flush=True)
        return {"timeout_s": args.rdflib_timeout}
    except Exception as e:  # rdflib's parser lacks LATERAL (SEP-0006), which followups uses
        print(f"{'  rdflib':58} cannot run it: {str(e).splitlines()[0][:80]}", flush=True)
        return {"error": str(e).splitlines()[0][:200]}
    same = same_rows(rows, list(res))
    ratio = c50 / max(ox_cpu_ms, 1e-3)
    print(f"{'  rdflib':58} {len(res):7} rows  p50 {w50:8.1f} ms | cpu p50 {c50:8.1f} ms ({n} runs){engine}; "
          f"rdflib / Oxigraph SPARQL cpu {ratio:.1f}x; rows {same}", flush=True)
    return {"rows": len(res), "p50_ms": round(w50, 1), "cpu_p50_ms": round(c50, 1), "runs": n,
            "ratio_cpu": round(ratio, 2), "rows_compared": same, "oxigraph_sparql_cpu_p50_ms": round(ox_cpu_ms, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--budget", type=float, default=20.0, help="seconds of repeats per read")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--rows", help="write every read's rows here")
    ap.add_argument("--compare", help="rows written by an earlier run: say which reads differ")
    ap.add_argument("--no-views", action="store_true")
    ap.add_argument("--only", help="only the reads whose label this regular expression finds")
    ap.add_argument("--rdflib", action="store_true",
                    help="run the named-query reads on rdflib's in-memory Dataset too, and give the ratio")
    ap.add_argument("--rdflib-timeout", type=float, default=120.0, help="CPU seconds one rdflib query may take")
    ap.add_argument("--rdflib-budget", type=float, default=10.0, help="seconds of repeats per rdflib read")
    args = ap.parse_args(argv)
    from kg.store import GraphStore
    figures, rows_out = [], {}
    # the child processes below run in the project's folder: a store named relative to where
    # this script was started would not be found there (each command would exit 1 at once)
    args.store = str(Path(args.store).resolve())
    with GraphStore(args.store, read_only=True) as st, tempfile.TemporaryDirectory() as tmp:
        p = picks(st)
        print(json.dumps(p), flush=True)
        todo = reads(st, p) + ([] if args.no_views else views(st, Path(tmp), p))
        baseline = rdflib_reads(st, p, args) if args.rdflib else {}
        for label, fn in todo:
            if args.only and not re.search(args.only, label):
                continue
            res, p50, p95, n, c50, c95 = timed(fn, args.runs, args.budget)
            rows = res if isinstance(res, list) else list(res)
            figures.append({"read": label, "rows": len(rows), "p50_ms": round(p50, 1), "p95_ms": round(p95, 1),
                            "runs": n, "cpu_p50_ms": round(c50, 1), "cpu_p95_ms": round(c95, 1),
                            "first_ms": round(timed.first[0], 1), "first_cpu_ms": round(timed.first[1], 1)})
            rows_out[label] = rows
            print(f"{label:58} {len(rows):7} rows  p50 {p50:8.1f} p95 {p95:8.1f} ms | cpu p50 {c50:8.1f} "
                  f"p95 {c95:8.1f} ms ({n} runs; first call cpu {timed.first[1]:.1f} ms)"
                  + (" [nodes, edges, hidden, page bytes: %s]" % rows if label.startswith("view:") else ""), flush=True)
            if label in baseline:
                figures[-1]["rdflib"] = compare_with_rdflib(label, baseline[label], rows, c50, args)
    print(f"load average {load()}", flush=True)
    for question in ("who owns the plan?", "what is Smith accountable for?", "what is the Clerk accountable for?"):
        if args.only:
            break
        a = ask_process(args.store, question)
        figures.append({"read": f"govkg ask {question!r} (process)", **a})
        print(f"govkg ask {question!r}: {a['seconds']:.2f} s wall, {a['cpu_s']:.2f} s cpu (of which importing "
              f"kg.cli and kg.ask {a['import_cpu_s']:.2f} s cpu, a bare python {a['python_start_cpu_s']:.2f} s cpu), "
              f"{a['lines']} lines, exit {a['rc']}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for label, argv_ in (("govkg viz --focus NAME (process)", ["--focus", p["person_name"]]),
                             ("govkg viz --focus 'the Clerk' (process)", ["--focus", "the Clerk"]),
                             ("govkg viz --focus BODY (process)", ["--focus", p["body"]]),
                             ("govkg viz (whole store, process)", [])):
            if args.only or args.no_views:
                break
            v = view_process(args.store, Path(tmp) / "view.html", *argv_)
            figures.append({"read": label, **v})
            print(f"{label}: {v['seconds']:.2f} s wall, {v['cpu_s']:.2f} s cpu, {v['bytes']} bytes, exit {v['rc']}: "
                  f"{v['said']} (load {load()})", flush=True)
    print(f"load average {load()}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps({"picks": p, "figures": figures, "load": load()}, indent=1))
    if args.rows:
        Path(args.rows).write_text(json.dumps(rows_out, default=list))
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        now = json.loads(json.dumps(rows_out, default=list))
        for label, rows in now.items():
            if label not in before:
                continue
            paged = "--limit" in label and "--body" not in label and "--since" not in label
            same = (sorted(map(json.dumps, before[label])) == sorted(map(json.dumps, rows))) if paged \
                else before[label] == rows
            print(f"{'same' if same else 'DIFFERENT'}: {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
