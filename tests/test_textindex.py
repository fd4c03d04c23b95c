"""The text index: who-owns, owners-of and accountable answer from it exactly what a scan of
every text answers, and it follows the store (written by the build, rebuilt when missing,
never trusted when behind)."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from kg import textindex
from kg.pipeline import build_into_store
from kg.query import get_named, narrowed, run_named
from kg.store import GraphStore

from .conftest import FOUNDING

MINUTES = """Parish Council of Lower Ditchfield
Minutes of the meeting held on {date}

Present: Cllr Ann Baker (Chair), Cllr Tom Reed, Cllr Joy Patel
Apologies: Cllr Sam Ford

1. Footpaths
Cllr Reed agreed to {task}.

2. Village hall
The Clerk will obtain quotes for the {hall}.
"""


def _scan(st: GraphStore, name: str, params: dict) -> list[dict]:
    """The rows the query gives with no index: the query as written, a filter over every text."""
    from kg.query import bind
    nq = get_named(name)
    return st.select(nq.text, bind(nq, params))[1]


@pytest.mark.parametrize("name,params", [
    ("who-owns", {"thing": "plan"}), ("who-owns", {"thing": "Report"}), ("who-owns", {"thing": "data set"}),
    ("who-owns", {"thing": "no such thing anywhere"}), ("owners-of", {"word": "servic"}),
    ("accountable", {"entity": "hassall"}), ("accountable", {"entity": "Nobody Atall"}),
])
def test_indexed_queries_answer_what_a_scan_answers(founding, name, params):
    nq = get_named(name)
    assert narrowed(founding, nq, params) != nq.text  # the index narrowed it
    assert run_named(founding, name, params)[1] == _scan(founding, name, params)


def test_a_short_value_is_not_looked_up_and_still_answers(founding):
    nq = get_named("who-owns")
    assert narrowed(founding, nq, {"thing": "pl"}) == nq.text
    assert run_named(founding, "who-owns", {"thing": "pl"})[1] == _scan(founding, "who-owns", {"thing": "pl"})


def _write(folder, date, task, hall, name="ditchfield.txt", extra=""):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(MINUTES.format(date=date, task=task, hall=hall) + extra, encoding="utf-8")


def _things(store, word):
    with GraphStore(store, read_only=True) as st:
        return sorted(r["thing"] for r in run_named(st, "who-owns", {"thing": word})[1])


def test_the_index_follows_rebuilds_and_is_remade_when_missing_or_behind(tmp_path):
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    assert (store / textindex.FILE).exists()  # written by the build
    assert _things(store, "stile") and _things(store, "roof")

    # the document changes: the index holds the new texts, not the old
    _write(folder, "4 March 2020", "clear the ditch by the lane", "kitchen boiler")
    build_into_store([str(folder)], str(store))
    assert _things(store, "stile") == [] and _things(store, "roof") == []
    assert _things(store, "ditch") and _things(store, "boiler")
    with GraphStore(store, read_only=True) as st:
        assert textindex.lookup(st, ["stile"]) == set()

    # missing: a reader makes it again from the store
    (store / textindex.FILE).unlink()
    assert _things(store, "boiler")
    assert (store / textindex.FILE).exists()

    # behind the store (as a build killed before updating it leaves it): not trusted
    db = sqlite3.connect(str(store / textindex.FILE))
    db.execute("DELETE FROM texts")
    db.execute("DELETE FROM docs")
    db.commit()
    db.close()
    assert _things(store, "boiler")
    with GraphStore(store) as writer:  # the next writer brings it back in step
        textindex.update(writer)
    db = sqlite3.connect(str(store / textindex.FILE))
    assert db.execute("SELECT count(*) FROM texts WHERE texts MATCH '\"boiler\"'").fetchone()[0] >= 1
    db.close()


def test_a_store_folder_copied_without_its_index_answers_the_same(founding_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(founding_store, copy, ignore=shutil.ignore_patterns(textindex.FILE + "*", "govkg-readers"))
    with GraphStore(founding_store, read_only=True) as a, GraphStore(copy, read_only=True) as b:
        assert run_named(a, "who-owns", {"thing": "plan"}) == run_named(b, "who-owns", {"thing": "plan"})


def test_an_index_of_another_layout_is_remade_from_the_store(founding_store, tmp_path):
    # an index file written by an earlier govkg (no record of owners) must not be trusted:
    # who-owns would find no candidates in it and answer nothing
    copy = tmp_path / "copy"
    shutil.copytree(founding_store, copy, ignore=shutil.ignore_patterns("govkg-readers"))
    db = sqlite3.connect(str(copy / textindex.FILE))
    db.execute("DELETE FROM owned")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with GraphStore(founding_store, read_only=True) as a, GraphStore(copy, read_only=True) as b:
        want = run_named(a, "who-owns", {"thing": "the"})
        assert want[1] and run_named(b, "who-owns", {"thing": "the"}) == want
    db = sqlite3.connect(str(copy / textindex.FILE))
    assert db.execute("PRAGMA user_version").fetchone()[0] == textindex.VERSION
    assert db.execute("SELECT count(*) FROM owned").fetchone()[0] > 0
    db.close()


def test_the_owned_look_up_keeps_only_things_with_an_owner(founding):
    things = textindex.lookup(founding, ["the"], "thing")
    owned = textindex.lookup(founding, ["the"], "owned")
    assert owned and owned < things
    owners = {r["s"] for r in founding.select(
        "SELECT DISTINCT ?s WHERE { ?s <https://schema.org/agent>|<https://w3id.org/govkg/ontology#holder>|"
        "<http://purl.org/dc/terms/creator>|<https://w3id.org/govkg/ontology#introducedBy>|"
        "<https://w3id.org/govkg/ontology#presenter> ?o }")[1]}
    assert owned == things & owners


def test_a_reader_trusts_the_index_without_reading_the_store_only_while_no_file_of_it_changed(tmp_path):
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    assert _things(store, "stile")
    db = sqlite3.connect(str(store / textindex.FILE))
    mark = db.execute("SELECT value FROM meta WHERE key = 'store-files'").fetchone()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file itself holds the mark
    db.close()
    assert mark  # the first reader found it in step and said so
    with GraphStore(store, read_only=True) as st:
        assert textindex._files_mark(st) and mark[0].startswith(textindex._files_mark(st))
    # the store changes under an index that is not told (as a build killed before its
    # last step leaves it): the mark no longer fits, the store's hashes are compared again
    keep = (store / textindex.FILE).read_bytes()
    _write(folder, "4 March 2020", "clear the ditch by the lane", "kitchen boiler")
    build_into_store([str(folder)], str(store))
    for leftover in store.glob(textindex.FILE + "-*"):
        leftover.unlink()
    (store / textindex.FILE).write_bytes(keep)
    assert _things(store, "stile") == [] and _things(store, "ditch")


def test_the_first_reader_after_a_build_trusts_the_index_without_opening_the_store(tmp_path, monkeypatch):
    # the build closes its store and keeps the folder's files as the index's: a short
    # command after a build is not spent comparing every document's hash with the store's
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    opened = []
    real = GraphStore._open_reader
    monkeypatch.setattr(GraphStore, "_open_reader", lambda self: opened.append(1) or real(self))
    with GraphStore(store, read_only=True) as st:
        assert textindex.lookup(st, ["stile"]) and not opened
    # a build that changes the store leaves a mark of the files it left
    _write(folder, "4 March 2020", "clear the ditch by the lane", "kitchen boiler")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        assert textindex.lookup(st, ["ditch"]) and not textindex.lookup(st, ["stile"]) and not opened


def test_no_mark_is_kept_while_a_writer_holds_the_folder(tmp_path):
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    db = sqlite3.connect(str(store / textindex.FILE))
    db.execute("DELETE FROM meta WHERE key = 'store-files'")
    db.commit()
    db.close()
    with GraphStore(store):  # a writer: its files are not those the index was made from
        textindex.mark_in_step(store)
    db = sqlite3.connect(str(store / textindex.FILE))
    assert db.execute("SELECT value FROM meta WHERE key = 'store-files'").fetchone() is None
    db.close()


def _graphs_read(monkeypatch) -> list[str]:
    """The graphs the index reads from the store from now on (every sync reads through
    `_store_texts`)."""
    read: list[str] = []
    real = textindex._store_texts

    def recording(store, graphs=None):
        read.extend(graphs or [])
        return real(store, graphs)
    monkeypatch.setattr(textindex, "_store_texts", recording)
    return read


def test_a_link_or_corrections_graph_is_read_again_only_when_it_changed(tmp_path, monkeypatch):
    """A body's link graph and the corrections graph state the hash of their triples
    (gov:graphHash): a writer's sync after a build that changed nothing reads neither, and
    one after a relink or a changed corrections file reads the graph that changed."""
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs", name="a.txt")
    _write(folder, "1 April 2020", "paint the bench", "kitchen boiler", name="b.txt")
    store.mkdir()
    (store / "corrections.toml").write_text('[[merge]]\npeople = ["Tom Reed", "T Reed"]\nby = "Jo Reviewer"\n'
                                            'why = "the same councillor"\n', "utf-8")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        hashes = st.graph_hashes()
    links = [g for g in hashes if "/graph/links/" in g]
    corrections = [g for g in hashes if g.endswith("/graph/corrections")]
    assert links and corrections, hashes

    read = _graphs_read(monkeypatch)
    build_into_store([str(folder)], str(store))  # nothing changed
    assert not [g for g in read if g in hashes], read

    # the second meeting's action reported back on: the body is relinked, its graph read again
    _write(folder, "1 April 2020", "paint the bench", "kitchen boiler", name="b.txt",
           extra="\n3. Matters arising\nThe stile on the bridleway has been inspected.\n")
    build_into_store([str(folder)], str(store))
    assert set(links) <= set(read), read
    assert not [g for g in read if g in corrections]
    with GraphStore(store, read_only=True) as st:
        assert st.graph_hashes()[links[0]] != hashes[links[0]]
        assert textindex.read(st, "followups", {})[1] == _scan(st, "followups", {})

    read.clear()
    (store / "corrections.toml").write_text('[[merge]]\npeople = ["Joy Patel", "J Patel"]\nby = "Jo Reviewer"\n'
                                            'why = "the same councillor"\n', "utf-8")
    build_into_store([str(folder)], str(store))
    assert set(corrections) <= set(read), read


def _texts_of(index: textindex.TextIndex) -> list[tuple[str, str]]:
    return sorted(index.db.execute("SELECT graph, body FROM texts").fetchall())


def test_a_graph_put_again_or_dropped_loses_its_own_texts_only():
    # a graph's texts are found by the ids it put them under (not by reading every row)
    index = textindex.TextIndex(None)
    a, b = "https://example.org/graph/a", "https://example.org/graph/b"
    index.put([(a, "1", [("https://example.org/x", "thing", "resurface the car park")]),
               (b, "1", [("https://example.org/y", "thing", "repair the bus shelter")])])
    index.put([(a, "2", [("https://example.org/x", "thing", "repaint the railings")])])
    assert _texts_of(index) == [(a, "repaint the railings"), (b, "repair the bus shelter")]
    assert index.lookup(["car park"]) == set() and index.lookup(["railings"]) == {"https://example.org/x"}
    index.drop([b])
    assert _texts_of(index) == [(a, "repaint the railings")]
    # an index whose texts were lost (the ids begin again) gives the ids to the graph that
    # put them last: dropping the other leaves them
    index.db.execute("DELETE FROM texts")
    index.put([(b, "2", [("https://example.org/y", "thing", "mend the bench")])])
    index.drop([a])
    assert _texts_of(index) == [(b, "mend the bench")]
    index.drop([b])
    assert _texts_of(index) == []
    index.close()
