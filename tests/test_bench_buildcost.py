"""benchmarks/buildcost.py counts what a build's pool costs: the CPU of processes the command
does not wait on itself (a fork server's workers, orphaned once their parent ends)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# a child that starts a grandchild and leaves it running: the grandchild burns 0.3 s of CPU
# (its own process time, whatever the load) after its parent has ended, and writes a file
ORPHAN = r"""
import os, sys, time
if os.fork() == 0:
    time.sleep(0.2)  # its parent has exited by now: it is an orphan
    while time.process_time() < 0.3:
        pass
    with open(sys.argv[1], "wb") as f:
        f.write(b"x" * 1_000_000)
        f.flush()
        os.fsync(f.fileno())
    os._exit(0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="child subreapers are Linux's")
def test_an_orphaned_grandchild_is_waited_for_and_counted(tmp_path):
    out = tmp_path / "written"
    # in a process of its own: run() waits on every descendant of the process it runs in, and
    # a test worker holds children of its own (earlier builds' fork servers) that never end
    p = subprocess.run([sys.executable, "-m", "benchmarks.buildcost", "--", sys.executable, "-c", ORPHAN, str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    cost = json.loads(p.stderr.strip().splitlines()[-1])
    assert cost["rc"] == 0
    assert out.stat().st_size == 1_000_000  # run() returned only once the orphan had finished
    assert cost["cpu_s"] >= 0.3  # its CPU is in the totals
    assert cost["written_mb"] >= 1.0  # and so are its writes
