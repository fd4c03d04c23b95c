"""Reads that repeat within one question: the rows of a named query without parameters are
kept with a read-only handle (a snapshot, which never changes), and every caller gets the
query's own rows, to change as it likes."""
from __future__ import annotations

import shutil

from kg.query import get_named, run, run_named
from kg.store import GraphStore


def test_kept_rows_are_the_querys_rows_and_each_callers_own(founding):
    first = run_named(founding, "meetings")
    assert first[1]
    first[1][0]["body"] = "changed by a caller"
    first[0].append("extra")
    again = run_named(founding, "meetings")
    assert again == run(founding, get_named("meetings"))
    assert again[1][0].get("body") != "changed by a caller" and "extra" not in again[0]


def test_rows_are_kept_only_for_a_read_only_handle_and_not_across_its_reopening(founding_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(founding_store, copy, ignore=shutil.ignore_patterns("govkg-readers"))
    with GraphStore(copy) as writer:  # a writer's store changes: nothing is kept
        run_named(writer, "meetings")
        assert "_named_rows" not in writer.__dict__
    with GraphStore(copy, read_only=True) as st:
        run_named(st, "meetings")
        assert "meetings" in st.__dict__["_named_rows"]
        run_named(st, "who-owns", {"thing": "the"})  # with parameters: not kept
        assert "who-owns" not in st.__dict__["_named_rows"]
        st.close()
        assert "_named_rows" not in st.__dict__
