"""What one command costs, with every process it starts: wall, CPU (user+sys), bytes
written, peak RSS, and the load average before and after.

    python benchmarks/buildcost.py -- govkg build --store /tmp/st --jobs 2 /tmp/real-1000

A build's workers are children of a fork server, not of the build: /usr/bin/time counts
only the processes its command waits on, so the workers' CPU and writes could be left out.
This runs the command as a child subreaper (Linux), so every descendant, orphaned or not,
is waited on by someone in the tree and its resources reach this process's children's
totals (getrusage(RUSAGE_CHILDREN): CPU, blocks written, the largest peak RSS of any one
process).  The build's own peak RSS is read from its /proc status while it runs.
"""
from __future__ import annotations

import ctypes
import json
import os
import resource
import subprocess
import sys
import threading
import time

PR_SET_CHILD_SUBREAPER = 36


def _watch_hwm(pid: int, out: dict) -> None:
    # VmHWM of the command's own process (the build's writer), read until it ends
    while True:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        out["writer_hwm_mb"] = max(out.get("writer_hwm_mb", 0.0), int(line.split()[1]) / 1024)
        except OSError:
            return
        time.sleep(0.2)


def run(cmd: list[str]) -> dict:
    """Run `cmd` to its end, its descendants too; return its costs."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1)
    load0 = os.getloadavg()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd)
    seen: dict = {}
    w = threading.Thread(target=_watch_hwm, args=(proc.pid, seen), daemon=True)
    w.start()
    rc = proc.wait()
    # orphans adopted by this process (a fork server, its workers) are waited on too
    while True:
        try:
            os.wait()
        except ChildProcessError:
            break
    wall = time.monotonic() - t0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "rc": rc,
        "wall_s": round(wall, 2),
        "user_s": round(ru.ru_utime, 2),
        "sys_s": round(ru.ru_stime, 2),
        "cpu_s": round(ru.ru_utime + ru.ru_stime, 2),
        "written_mb": round(ru.ru_oublock * 512 / 1e6, 1),
        "max_rss_any_mb": round(ru.ru_maxrss / 1024, 1),
        "writer_hwm_mb": round(seen.get("writer_hwm_mb", 0.0), 1),
        "load_before": [round(x, 2) for x in load0],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1:]
    if not argv:
        print("usage: buildcost.py -- COMMAND...", file=sys.stderr)
        return 2
    print(json.dumps(run(argv)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
