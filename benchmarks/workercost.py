"""What a build's worker spends on each document, in one process, and what it gives.

    python benchmarks/workercost.py /tmp/real-1000 --limit 300
    python benchmarks/workercost.py /tmp/real-1000 --stages
    python benchmarks/workercost.py /tmp/real-1000 --profile /tmp/worker.html
    python benchmarks/workercost.py /tmp/real-1000 --digest /tmp/after.txt

Each document of the folder (sorted by name, the first --limit) goes through
kg.pipeline.build_for_store as a pool's worker runs it (read, segment, extract, resolve, the
report-back sentences, triples, N-Triples, link inputs, text-index rows), after one document
read first so the per-process set-up (the gazetteer's patterns) is not counted.  It prints the
CPU time (user+sys of this process) a document, the wall time and the load average.

--stages wraps the main stages in timers (CPU a document each, nested stages inside their
callers' figures); --profile writes a pyinstrument profile (install pyinstrument: it is not a
dependency of govkg); --digest writes one line a document, a SHA-256 over its N-Triples, its
build result, its link inputs and its index rows, so two checkouts' outputs can be compared
byte for byte (run each checkout with PYTHONHASHSEED=0: the rows hold sets).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


# (module, function) pairs timed by --stages, as the worker calls them
STAGES = [
    ("kg.pipeline", "read_document"), ("kg.pipeline", "segment"), ("kg.pipeline", "extract"),
    ("kg.extract", "read_sentences"), ("kg.extract.attendance", "prose_posts"),
    ("kg.extract.attendance", "from_lists"), ("kg.pipeline", "resolve"), ("kg.pipeline", "report_sentences"),
    ("kg.pipeline", "build_triples"), ("kg.pipeline", "ntriples_of"), ("kg.pipeline", "document_inputs_of"),
    ("kg.textindex", "built_rows_of"),
]


@contextmanager
def _timed_stages(totals: dict[str, float]):
    import importlib
    saved = []

    def wrap(name, fn):
        def timed(*a, **k):
            t0 = _cpu()
            try:
                return fn(*a, **k)
            finally:
                totals[name] = totals.get(name, 0.0) + _cpu() - t0
        return timed
    for modname, attr in STAGES:
        mod = importlib.import_module(modname)
        fn = getattr(mod, attr)
        saved.append((mod, attr, fn))
        setattr(mod, attr, wrap(f"{attr}", fn))
    try:
        yield
    finally:
        for mod, attr, fn in saved:
            setattr(mod, attr, fn)


def run(folder: str, limit: int | None = None, digest: str | None = None, profile: str | None = None,
        stages: bool = False) -> dict:
    """Build each document of `folder` as a worker does; return the figures printed."""
    if str(ROOT) not in sys.path:
        # after what is on the path already: PYTHONPATH=OTHER_CHECKOUT measures that checkout
        # (the "kg" figure says which was read)
        sys.path.append(str(ROOT))
    from kg import pipeline
    from kg.vocab import DEFAULT_BASE
    files = sorted(str(p) for p in Path(folder).iterdir() if p.is_file())[:limit]
    if not files:
        raise SystemExit(f"no documents in {folder}")
    tasks = [(p, None, None, DEFAULT_BASE, None, None, True) for p in files]
    pipeline.build_for_store(tasks[0])  # the process's set-up, not counted
    lines: list[str] = []
    totals: dict[str, float] = {}
    profiler = None
    if profile:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.002)
    load0 = os.getloadavg()
    t0, c0 = time.monotonic(), _cpu()
    with (_timed_stages(totals) if stages else _nothing()):
        if profiler:
            profiler.start()
        for task in tasks:
            nt, result, inputs, rows = pipeline.build_for_store(task)
            if digest:
                h = hashlib.sha256()
                for part in (nt or b"", repr(result).encode(), repr(inputs).encode(), repr(rows).encode()):
                    h.update(part)
                lines.append(f"{os.path.basename(task[0])} {h.hexdigest()} {len(nt or b'')}\n")
        if profiler:
            profiler.stop()
    cpu, wall = _cpu() - c0, time.monotonic() - t0
    if digest:
        Path(digest).write_text("".join(lines))
    if profiler:
        Path(profile).write_text(profiler.output_html())
        print(profiler.output_text(unicode=False, color=False))
    n = len(tasks)
    out = {"docs": n, "cpu_s": round(cpu, 2), "cpu_ms_per_doc": round(1000 * cpu / n, 1), "wall_s": round(wall, 2),
           "load_before": [round(x, 2) for x in load0], "load_after": [round(x, 2) for x in os.getloadavg()],
           "kg": str(Path(pipeline.__file__).parent)}
    if stages:
        out["stages_ms_per_doc"] = {k: round(1000 * v / n, 1) for k, v in totals.items()}
    return out


@contextmanager
def _nothing():
    yield


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--digest", help="write a SHA-256 line a document here")
    ap.add_argument("--profile", help="write a pyinstrument profile (HTML) here")
    ap.add_argument("--stages", action="store_true", help="CPU a document of each main stage")
    a = ap.parse_args(argv)
    import json
    print(json.dumps(run(a.folder, a.limit, a.digest, a.profile, a.stages), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
