#!/usr/bin/env python
"""The first page of every command that prints a listing, as a user runs it, on a built store.

    python benchmarks/listings.py STORE [--runs 3] [--limit 20] [--whole]

Each command runs in this process through the CLI (click's runner), `--format json --limit N`
(and once with `--body` of the store's largest body and `--since` a date in its range): the
first run's wall and CPU time (caches of the process cold, the store's index files warm from
the disk cache), then the median of the next runs.  `--whole` also times each listing without
`--limit`, printed as ndjson a row at a time, with its row count.  CPU is time.process_time
of this process; the load average is printed before and after (the machine is shared).
Commands this version does not take a page for are run whole and marked so.  `analyse
connectors` (betweenness over the whole network, minutes at 1,000 documents) is left out.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LISTINGS = [
    ("actions", ["actions"]),
    ("analyse busiest", ["analyse", "busiest"]),
    ("analyse unowned", ["analyse", "unowned"]),
    ("analyse followup", ["analyse", "followup"]),
    ("review", ["review"]),
    ("query --name actions", ["query", "--name", "actions"]),
    ("query --name meetings", ["query", "--name", "meetings"]),
    ("ask (who owns the plan)", ["ask", "who owns the plan"]),
]


def _runner():
    from click.testing import CliRunner
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def _run(args: list[str]) -> tuple[float, float, int, str]:
    from kg.cli import main
    t, c = time.perf_counter(), time.process_time()
    r = _runner().invoke(main, args)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    lines = r.stdout.count("\n")
    return wall * 1000, cpu * 1000, lines, "" if r.exit_code == 0 else (r.stderr or str(r.exception)).strip()[:120]


def _takes(words: list[str], option: str) -> bool:
    from kg.cli import main
    cmd = main
    for w in words:
        if w.startswith("-") or w not in getattr(cmd, "commands", {}):
            break
        cmd = cmd.commands[w]
    return any(option in p.opts for p in cmd.params)


def _largest_body(store: str) -> tuple[str, str]:
    from kg.store import GraphStore
    from kg.ask import meetings
    with GraphStore(store, read_only=True) as st:
        info = meetings(st)
    counts: dict[str, list[str]] = {}
    for m in info.values():
        if m.body:
            counts.setdefault(m.body, []).append(m.date[:10])
    body = max(counts, key=lambda b: len(counts[b]))
    dates = sorted(d for d in counts[body] if d)
    return body, dates[len(dates) // 2] if dates else "2000-01-01"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--whole", action="store_true")
    ap.add_argument("--skip", action="append", default=[], help="leave out the listings whose name starts with this")
    a = ap.parse_args()
    body, since = _largest_body(a.store)
    print(f"store {a.store}; largest body {body!r}, --since {since}; load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("| listing | options | first run ms (CPU ms) | next runs median ms (CPU ms) | lines | note |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for name, words in LISTINGS:
        if any(name.startswith(x) for x in a.skip):
            continue
        variants = [("--limit", ["--limit", str(a.limit)])]
        variants.append(("--body --since --limit", ["--body", body, "--since", since, "--limit", str(a.limit)]))
        if a.whole:
            variants.append(("whole, ndjson", None))
        for label, extra in variants:
            note = ""
            fmt = ["--format", "json"]
            if extra is None:
                extra, fmt = [], ["--format", "ndjson"]
            elif not all(_takes(words, o) for o in extra if o.startswith("--")):
                note, extra = "no such options in this version: whole listing", []
            args = [*words, "--store", a.store, *fmt, *extra]
            first = _run(args)
            rest = [_run(args) for _ in range(a.runs - 1)]
            med_w = statistics.median(r[0] for r in rest) if rest else float("nan")
            med_c = statistics.median(r[1] for r in rest) if rest else float("nan")
            print(f"| {name} | {label} | {first[0]:.0f} ({first[1]:.0f}) | {med_w:.0f} ({med_c:.0f}) | {first[2]} | "
                  f"{first[3] or note} |", flush=True)
    print(f"load at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
