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


def test_a_listing_kept_in_the_store_folder_is_read_again_when_the_store_changes(tmp_path):
    import sqlite3

    from kg import textindex
    from kg.pipeline import build_into_store
    from tests.test_textindex import _write
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        first = run_named(st, "actions")
        assert first == run(st, get_named("actions")) and first[1]
    db = sqlite3.connect(str(store / textindex.FILE))
    assert db.execute("SELECT count(*) FROM kept_rows WHERE key LIKE 'actions %'").fetchone()[0] == 1
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    old_index = (store / textindex.FILE).read_bytes()
    with GraphStore(store, read_only=True) as st:  # the next command: the kept rows, the same
        assert run_named(st, "actions") == first
    _write(folder, "4 March 2020", "clear the ditch by the lane", "kitchen boiler")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        now = run_named(st, "actions")
        assert now == run(st, get_named("actions"))
        assert any("ditch" in r.get("text", "") for r in now[1])
        assert not any("stile" in r.get("text", "") for r in now[1])
    # an index that was not told of the change (a build stopped before its last step) still
    # holds the old rows: they were kept under the old state of the store's files, so unused
    for leftover in store.glob(textindex.FILE + "-*"):
        leftover.unlink()
    (store / textindex.FILE).write_bytes(old_index)
    with GraphStore(store, read_only=True) as st:
        assert run_named(st, "actions") == now
