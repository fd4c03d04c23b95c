"""rdflib's in-memory Dataset as the baseline the benchmarks compare Oxigraph with.

The Dataset is loaded from the quads of the store being measured (its merged default
graph, the graph every named query reads), so both engines answer over the same triples.
`RdflibStore` stands in for a `GraphStore` in govkg's own query code (`kg.query.run`):
only `select` is answered by rdflib's SPARQL engine; everything else (the text index that
narrows who-owns, the meetings a page or a scope starts from) is the real store's, so
each engine is sent the same query texts with the same bound parameters, and the rows
of both can be compared one for one.
"""
from __future__ import annotations

import json
import signal
import time


def rdflib_dataset(ox_store, *, named: bool = False):
    """An rdflib Dataset (in-memory store) holding the default graph of a pyoxigraph store,
    and with `named` its named graphs too (for queries with GRAPH; they double the memory
    and the time to load).

    Plain literals are read as rdflib plain literals (RDF 1.1 makes "x" and
    "x"^^xsd:string one term; rdflib keeps them apart, and parameters are bound plain)."""
    import pyoxigraph as ox
    from rdflib import BNode, Dataset, Literal, URIRef
    xsd_string = "http://www.w3.org/2001/XMLSchema#string"
    cache: dict = {}

    def term(t):
        key = (type(t), t.value, getattr(t, "language", None), getattr(getattr(t, "datatype", None), "value", None))
        got = cache.get(key)
        if got is not None:
            return got
        if isinstance(t, ox.NamedNode):
            got = URIRef(t.value)
        elif isinstance(t, ox.BlankNode):
            got = BNode(t.value)
        elif t.language:
            got = Literal(t.value, lang=t.language)
        elif t.datatype.value == xsd_string:
            got = Literal(t.value)
        else:
            got = Literal(t.value, datatype=URIRef(t.datatype.value))
        if len(cache) < 2_000_000:
            cache[key] = got
        return got
    ds = Dataset()
    g = ds.default_graph
    g.addN((term(q.subject), term(q.predicate), term(q.object), g)
           for q in ox_store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    if named:
        graphs: dict = {}
        for q in ox_store.quads_for_pattern(None, None, None, None):
            if isinstance(q.graph_name, ox.DefaultGraph):
                continue
            ctx = graphs.get(q.graph_name.value)
            if ctx is None:
                ctx = graphs[q.graph_name.value] = ds.graph(term(q.graph_name))
            ctx.add((term(q.subject), term(q.predicate), term(q.object)))
    return ds


def uses_named_graphs(sparql: str) -> bool:
    """Whether a query names graphs (GRAPH ...), so the baseline needs the named graphs."""
    import re
    return re.search(r"\bGRAPH\b", sparql, re.I) is not None


class _Timeout(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Timeout()


class EngineStore:
    """A read-only GraphStore whose named queries are all answered by its SPARQL engine.

    On a read-only store folder govkg answers some shipped reads (kg.textindex.READS:
    who-owns, accountable, meetings ...) from rows its text index keeps, with no SPARQL
    at all.  Comparing engines needs the query run: this handle does not count as a
    read-only folder to the index's kept rows (the index still narrows who-owns to its
    candidates, as for any query), while every read still goes to the real store."""

    def __init__(self, store):
        self.__dict__["_real"] = store
        self.__dict__["read_only"] = False

    def __getattr__(self, name):
        return getattr(self._real, name)

    def select(self, sparql: str, bindings: dict[str, str] | None = None):
        return self._real.select(sparql, bindings)

    def iter_select(self, sparql: str, bindings: dict[str, str] | None = None):
        return self._real.iter_select(sparql, bindings)


class RdflibStore(EngineStore):
    """A read-only GraphStore whose SELECTs are answered by rdflib over `dataset` (every
    named query by the engine, as `EngineStore`).

    `timeout` (CPU seconds of this process) bounds each rdflib query (rdflib's engine is
    Python, so a signal stops it); a query past it raises `BaselineTimeout`.  CPU, not
    wall time: on a shared machine a wall-clock limit would stop rdflib after a varying
    share of the work, and "more than N s" could not be set against Oxigraph's CPU time."""

    def __init__(self, store, dataset, timeout: float | None = None):
        super().__init__(store)
        self.__dict__["_ds"] = dataset
        self.__dict__["timeout"] = timeout

    def select(self, sparql: str, bindings: dict[str, str] | None = None):
        from rdflib import Literal, Variable
        init = {Variable(k): Literal(v) for k, v in (bindings or {}).items()}
        old = signal.signal(signal.SIGPROF, _alarm) if self.timeout else None
        try:
            if self.timeout:
                signal.setitimer(signal.ITIMER_PROF, self.timeout)
            result = self._ds.query(sparql, initBindings=init)
            names = [str(v) for v in result.vars]
            rows = []
            staging = self._real._staging_prefix()
            for sol in result:
                row = {n: str(v) for n, v in zip(names, sol) if v is not None}
                if not any(v.startswith(staging) for v in row.values()):
                    rows.append(row)
            return names, rows
        except _Timeout:
            raise BaselineTimeout(self.timeout) from None
        finally:
            if self.timeout:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, old)

    def iter_select(self, sparql: str, bindings: dict[str, str] | None = None):
        names, rows = self.select(sparql, bindings)
        return names, iter(rows)


class BaselineTimeout(Exception):
    """An rdflib query ran past the time allowed."""


def same_rows(a: list[dict], b: list[dict]) -> str:
    """'same' (same rows, same order), 'same set' (the same rows in another order: ties of
    the query's ORDER BY), or 'DIFFERENT (n vs m rows)'."""
    if a == b:
        return "same"
    if sorted(map(_key, a)) == sorted(map(_key, b)):
        return "same set"
    return f"DIFFERENT ({len(a)} vs {len(b)} rows)"


def _key(row: dict) -> str:
    return json.dumps(_normal(row), sort_keys=True)


def _normal(row: dict) -> dict:
    # numbers as both engines write them ("3", "3.0E0" / "3.0"): compared as numbers
    out = {}
    for k, v in row.items():
        try:
            f = float(v)
            out[k] = repr(f) if f == f else v
        except ValueError:
            out[k] = v
    return out


def timed_cpu(fn, runs: int, budget: float):
    """One call, then up to `runs` more within `budget` seconds: (result, wall p50 ms, CPU
    p50 ms, runs).  A single slow call is its own figure."""
    import statistics
    t, c = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = [time.perf_counter() - t], [time.process_time() - c]
    spent = wall[0]
    more_w, more_c = [], []
    while len(more_w) < runs and spent < budget:
        t, c = time.perf_counter(), time.process_time()
        fn()
        more_w.append(time.perf_counter() - t)
        more_c.append(time.process_time() - c)
        spent += more_w[-1]
    if more_w:
        wall, cpu = more_w, more_c
    return result, statistics.median(wall) * 1000, statistics.median(cpu) * 1000, len(wall)


def row_digest(rows: list[dict]) -> str:
    """A digest of the rows as a set with repeats (order left out), to compare the rows of
    two engines measured in different processes."""
    import hashlib
    h = hashlib.sha256()
    for k in sorted(map(_key, rows)):
        h.update(k.encode("utf-8") + b"\n")
    return h.hexdigest()[:16]
