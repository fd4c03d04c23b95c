"""The tables and patterns a build keeps per process (compiled patterns, given names looked up,
stems, shared literals, what the fork server makes for its workers) carry nothing from one
document to the next: documents built one after another in one process give, triple for
triple, the graphs each gives when built alone in a fresh process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, FOUNDING, ROOT

# minutes of different bodies and house styles, so each leaves its own names, initials and
# acronyms in the caches before the next is read
NAMES = ["stoke-ferry-pc-2019-12-04.txt", "wtsb-2019-03-28.txt", "cappamore-kilmallock-md-2023-03-23.md"]


def _documents() -> list[str]:
    paths = [CORPUS / n for n in NAMES]
    if not all(p.exists() for p in paths):
        pytest.skip(f"the development corpus is not at {CORPUS} (it is not part of the project)")
    return [str(FOUNDING)] + [str(p) for p in paths]


_ALONE = """
import json, sys
from kg.pipeline import build_document
from kg.vocab import DEFAULT_BASE
nt, result, inputs = build_document((sys.argv[1], None, None, DEFAULT_BASE, None, None))
print(json.dumps(sorted(nt.decode("utf-8").splitlines())))
"""


def _alone(path: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _ALONE, path], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout)


def _lines(nt: bytes) -> list[str]:
    return sorted(nt.decode("utf-8").splitlines())


def test_documents_built_in_one_process_give_what_each_gives_alone():
    from kg.pipeline import build_document
    from kg.vocab import DEFAULT_BASE
    docs = _documents()
    # one order and its reverse: each document is read after every other one once
    together = {}
    for path in docs + docs[::-1]:
        nt, result, _inputs = build_document((path, None, None, DEFAULT_BASE, None, None))
        assert nt is not None, result.error
        lines = _lines(nt)
        assert together.setdefault(path, lines) == lines, f"{path} changed when built again after the others"
    for path in (docs[0], docs[-1]):
        assert _alone(path) == together[path], f"{path} built after the others differs from it built alone"


def test_a_parallel_build_gives_the_graphs_of_a_build_in_one_process(tmp_path):
    from kg.pipeline import build_into_store
    from kg.store import GraphStore
    docs = _documents()
    stores = {}
    for jobs in (1, 2):
        store = tmp_path / f"store-{jobs}"
        report = build_into_store(docs, str(store), jobs=jobs)
        assert not report.failed, report.failed
        with GraphStore(store, read_only=True) as st:
            stores[jobs] = sorted(str(q) for q in st.quads())
    assert stores[1] == stores[2]
