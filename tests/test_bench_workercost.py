"""benchmarks/workercost.py builds documents as a worker does and says what each gave: two runs
over the same documents write the same digest lines (so two checkouts' outputs can be told
the same or not), and the stage timers leave the functions they wrap as they were."""
from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import workercost
from kg import pipeline

BUNDLED = Path(pipeline.__file__).parent / "data" / "minutes"


def test_two_runs_over_the_same_documents_give_the_same_digest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sorted(BUNDLED.iterdir()):
        shutil.copy(p, docs / p.name)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    first = workercost.run(str(docs), digest=str(a))
    workercost.run(str(docs), digest=str(b), stages=True)
    lines = a.read_text().splitlines()
    assert len(lines) == first["docs"] == len(list(docs.iterdir()))
    assert a.read_text() == b.read_text()
    name, digest, size = lines[0].split()
    assert len(digest) == 64 and int(size) > 0


def test_the_stage_timers_are_taken_off_after_a_run(tmp_path):
    before = (pipeline.extract, pipeline.ntriples_of)
    docs = tmp_path / "docs"
    docs.mkdir()
    first = sorted(BUNDLED.iterdir())[0]
    shutil.copy(first, docs / first.name)
    out = workercost.run(str(docs), stages=True)
    assert out["stages_ms_per_doc"]["extract"] > 0
    assert (pipeline.extract, pipeline.ntriples_of) == before
