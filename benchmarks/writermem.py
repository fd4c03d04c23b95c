#!/usr/bin/env python
"""The writer's memory, CPU and bytes for one build into an existing store (issue 12).

    python benchmarks/writermem.py STORE DOCS [--jobs 2] [--samples FILE]

Runs `govkg build DOCS --store STORE --jobs N` in a child process (this interpreter, the
project on its path) and polls the writer's /proc files every 0.1 s: its peak resident
memory (VmHWM: with --jobs 2 the writer is that process, the workers its children), its
CPU (utime + stime, read once it has exited and before it is reaped, so the last moments
count), the bytes it caused to be written (`write_bytes` of /proc/PID/io) and its workers'
CPU (each descendant's user + system time as last seen).  `--samples` writes the RSS
samples (seconds, MB) as they came, and the moments the build entered and left its link
stage (`relink_stale`, each body's write) and the text index's sync, with the writer's RSS
then, to see in which part of the build the memory went.  STORE is changed: give it a copy.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _status(pid: int) -> dict[str, int]:
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmHWM:", "VmRSS:")):
                    out[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return out


def _io(pid: int) -> dict[str, int]:
    try:
        with open(f"/proc/{pid}/io") as f:
            return {k: int(v) for k, v in (line.split(": ") for line in f)}
    except OSError:
        return {}


def _cpu(pid: int) -> tuple[float, float]:
    """(own CPU s, waited-for children's CPU s) from /proc/PID/stat."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


# The child: the build, with the link stage's and the sync's moments written to a file
# (CLOCK_MONOTONIC is the machine's: the parent's samples line up with them).
CHILD = """
import sys, time, kg.pipeline as p, kg.link as l
log = open(sys.argv[1], "a", buffering=1)
NL = bytes([10])
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
def timed(owner, name):
    real = getattr(owner, name)
    def call(*a, **k):
        log.write(f"{time.monotonic():.2f}\\tenter {name}\\t{rss():.1f}\\n")
        try:
            return real(*a, **k)
        finally:
            log.write(f"{time.monotonic():.2f}\\tleave {name}\\t{rss():.1f}\\n")
    setattr(owner, name, call)
timed(p, "relink_stale")
timed(p.textindex, "update")
if hasattr(l, "write_link_changes"):
    real_write = l.write_link_changes
    def write(store, body, base, changes):
        out = real_write(store, body, base, changes)
        plus, minus = changes[0].count(NL), changes[1].count(NL)
        log.write(f"{time.monotonic():.2f}\\twrote {body.rsplit('/', 1)[-1]} +{plus} -{minus} "
                  f"whole={changes[2]}\\t{rss():.1f}\\n")
        return out
    l.write_link_changes = write
from kg.cli import main
main(sys.argv[2:])
"""


def measure(store: str, docs: str, jobs: int, samples: str | None = None, project: Path = ROOT) -> dict:
    """Build `docs` into `store` in a child process running govkg from `project`; the
    writer's figures."""
    import psutil
    env = dict(os.environ, PYTHONPATH=str(project))
    load0 = os.getloadavg()[0]
    start = time.monotonic()
    phases = (samples + ".phases") if samples else os.devnull
    proc = subprocess.Popen([sys.executable, "-c", CHILD, phases, "build", docs, "--store", store,
                             "--jobs", str(jobs)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=str(project))  # (`-c` puts the working folder first on the path)
    me = psutil.Process(proc.pid)
    workers: dict[int, float] = {}
    hwm, trace, io = 0, [], {}
    loads = [load0]
    while True:
        # the child exited: it stays a zombie (WNOWAIT) while its own CPU is read
        info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        if info is not None:
            break
        st = _status(proc.pid)
        hwm = max(hwm, st.get("VmHWM", 0))
        io = _io(proc.pid) or io
        trace.append((round(time.monotonic(), 2), round(st.get("VmRSS", 0) / 1024, 1)))
        try:
            for c in me.children(recursive=True):
                try:
                    t = c.cpu_times()
                    workers[c.pid] = t.user + t.system
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        if len(trace) % 50 == 0:
            loads.append(os.getloadavg()[0])
        time.sleep(0.1)
    own, _waited = _cpu(proc.pid)
    children = sum(workers.values())
    io = _io(proc.pid) or io
    out, err = proc.communicate()
    wall = time.monotonic() - start
    loads.append(os.getloadavg()[0])
    if samples:
        Path(samples).write_text("\n".join(f"{t}\t{mb}" for t, mb in trace) + "\n")
    return {"rc": proc.returncode, "writer_cpu_s": own, "workers_cpu_s": children, "peak_rss_mb": hwm / 1024,
            "write_mb": io.get("write_bytes", 0) / 1e6, "read_mb": io.get("read_bytes", 0) / 1e6,
            "wall_s": wall, "load": (min(loads), max(loads)), "stdout": out.decode()[-400:],
            "stderr": err.decode()[-400:]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("docs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--samples")
    ap.add_argument("--project", default=str(ROOT), help="the govkg checkout to run (to measure another branch)")
    args = ap.parse_args(argv)
    n = sum(1 for p in Path(args.docs).iterdir() if not p.name.startswith("."))
    r = measure(args.store, args.docs, args.jobs, args.samples, Path(args.project))
    r["docs"] = n
    r["writer_ms_per_doc"] = 1000 * r["writer_cpu_s"] / n
    r["workers_ms_per_doc"] = 1000 * r["workers_cpu_s"] / n
    r["write_mb_per_doc"] = r["write_mb"] / n
    print(json.dumps(r, indent=1))
    return 0 if r["rc"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
