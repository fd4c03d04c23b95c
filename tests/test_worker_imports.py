"""A parallel build's workers run the govkg that was called, wherever it is called from.

Python 3.11's fork server starts as `python -c ...` and puts the working folder first on its
path, ignoring the caller's: a folder holding another package named `kg` (an older checkout
of govkg, or anything else of that name) was what the server imported, and every worker forked
from it kept that module in place of govkg's."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


GOVKG = Path(sys.executable).with_name("govkg")

MINUTES = """Upper Fenwick Parish Council
Minutes of the meeting held on {day} March 2024 at 7.30pm in the Village Hall

Present: Cllr Ann Lee (Chair), Cllr Raj Patel
Officers: Jo Bright (Clerk)

1. Footpaths
The Clerk will write to the Highways team about the stile by 1 April 2024.
"""


@pytest.mark.skipif(not GOVKG.exists() and shutil.which("govkg") is None,
                    reason="the govkg command is not installed beside this Python")
def test_workers_do_not_import_a_kg_package_from_the_working_folder(tmp_path):
    elsewhere = tmp_path / "cwd"
    (elsewhere / "kg").mkdir(parents=True)
    # importable, as another checkout is: what the fork server imports first, its workers keep
    (elsewhere / "kg" / "__init__.py").write_text("")
    (elsewhere / "kg" / "pipeline.py").write_text("# not govkg's pipeline\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    for day in (4, 11):
        (docs / f"upper-fenwick-2024-03-{day:02d}.txt").write_text(MINUTES.format(day=day), encoding="utf-8")
    cmd = str(GOVKG) if GOVKG.exists() else shutil.which("govkg")
    p = subprocess.run([cmd, "build", str(docs), "--store", str(tmp_path / "store"), "--jobs", "2"],
                       cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert "2 built, 0 unchanged, 0 failed" in p.stdout, p.stdout + p.stderr
