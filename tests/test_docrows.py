"""The rows the text index keeps per document (kg.docrows) are the named queries' rows over
the store: the same rows in the query's order, for the whole store and after one document
is rebuilt; an index behind the store is not trusted; `govkg ask` answers the same with
them as it does reading the store."""
from __future__ import annotations

import functools
import json
import shutil
import signal
import sqlite3
import subprocess
import sys

import pytest

from kg import ask, textindex
from kg.errors import QueryError, UsageError
from kg.pipeline import build_into_store
from kg.query import _prepared, bind, get_named, run, run_named
from kg.store import GraphStore

from .conftest import CORPUS, FOUNDING

# each read the index keeps, with the values it is asked for (hostile ones included:
# they are bound by SQLite, and match only as text)
CASES = [
    ("fact-texts", {}), ("meetings", {}), ("accountabilities", {}), ("passages", {}),
    ("who-owns", {"thing": "plan"}), ("who-owns", {"thing": "Report"}), ("who-owns", {"thing": "pl"}),
    ("who-owns", {"thing": "data set"}), ("who-owns", {"thing": '"} ; DROP ALL ; SELECT * {"'}),
    ("who-owns", {"thing": "plan' OR 1=1 --"}), ("accountable", {"entity": "hassall"}),
    ("accountable", {"entity": "Clerk"}), ("accountable", {"entity": "an"}),
    ("accountable", {"entity": "Nobody Atall"}), ("accountable", {"entity": 'x" OR "1"="1'}),
    ("network", {}), ("aliases", {}), ("action-details", {}), ("followups", {}),
]
# the columns each query orders by: rows equal in them may come in another order
ORDER = {"fact-texts": ("meeting", "fact", "by_name"), "meetings": ("date", "body"),
         "accountabilities": ("entity_name", "relation", "thing"), "passages": (),
         "who-owns": ("thing", "owner_name"), "accountable": ("entity_name", "relation", "thing"),
         "network": (), "aliases": ("entity", "kind", "alias"), "action-details": (),
         "followups": ("meeting", "action", "owner_name")}


def _store_rows(st: GraphStore, name: str, params: dict) -> list[dict]:
    nq = get_named(name)
    return st.select(nq.text, bind(nq, params))[1]


def _same(name: str, got: list[dict], want: list[dict]) -> None:
    assert sorted(map(json.dumps, got)) == sorted(map(json.dumps, want))
    keys = ORDER[name]
    assert [[r.get(k) for k in keys] for r in got] == [[r.get(k) for k in keys] for r in want]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """The bundled minutes with the development corpus's labelled minutes and series."""
    files = [FOUNDING] + sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".pdf", ".md", ".xml"))
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    path = tmp_path_factory.mktemp("docrows") / "store"
    report = build_into_store([str(f) for f in files] + [str(CORPUS / "series")], str(path))
    assert not report.failed, report.failed
    return path


@pytest.mark.parametrize("name,params", CASES)
def test_the_index_gives_the_rows_the_store_gives(founding, name, params):
    got = textindex.read(founding, name, params)
    assert got is not None  # answered from the index
    _same(name, got[1], _store_rows(founding, name, params))


@pytest.mark.parametrize("name,params", CASES)
def test_the_same_on_many_bodies_and_a_series(corpus_store, name, params):
    with GraphStore(corpus_store, read_only=True) as st:
        _same(name, textindex.read(st, name, params)[1], _store_rows(st, name, params))


# the listings the index answers scoped and paged (kg.textindex.LISTINGS), with the scopes and
# pages asked of them: (limit, offset, body, since, until)
SCOPES = [
    (None, 0, "committee", None, None), (None, 0, None, "2020-01-01", None), (None, 0, None, None, "2019-06-30"),
    (None, 0, "parish", "2018-01-01", "2021-12-31"), (None, 0, "no such body at all", None, None),
    (20, 0, None, None, None), (5, 3, None, None, None), (20, 0, "council", None, None),
    (10, 0, None, "2020-01-01", None), (0, 0, None, None, None), (None, 7, None, None, None),
    (1000, 0, None, None, None),
]
# every listing with a meeting to scope by: those of LISTINGS answered from the index's rows,
# the others from their rows kept per document (kg.docrows.listing_rows)
PAGED = tuple(textindex.PAGED_LISTINGS)
LISTED = [(name, *scope) for name in (*textindex.LISTINGS, *PAGED) for scope in SCOPES]
# the ORDER BY keys of the paged listings that are columns
KEYS = {**ORDER, "attendance": ("meeting", "role", "name"), "items": ("meeting",),
        "decisions": ("meeting", "decision"), "actions": ("meeting", "action", "owner_name"),
        "statements": ("meeting", "statement"), "declarations": ("meeting", "declaration")}


def _listing_matches(st: GraphStore, name: str, limit, offset, body, since, until) -> None:
    """The listing read with the index is the SPARQL query's over the store: the same rows
    in the same order of its ORDER BY keys; a page holds rows of the whole scope, cut where
    the query's page is cut (rows that tie on the keys may fall either side of its end)."""
    nq = get_named(name)
    got = run(st, nq, limit=limit, offset=offset, body=body, since=since, until=until)[1]
    assert textindex.reader_index(st) is not None
    keys = KEYS[name]
    want_page = st.select(*_prepared(st, nq, {}, False, limit, offset, body, since, until))[1]
    assert [[r.get(k) for k in keys] for r in got] == [[r.get(k) for k in keys] for r in want_page]
    whole = st.select(*_prepared(st, nq, {}, False, None, 0, body, since, until))[1]
    assert all(r in whole for r in got)
    end = None if limit is None else offset + limit
    if name in textindex.LISTINGS:
        mine = run(st, nq, body=body, since=since, until=until)[1] if body or since or until else run(st, nq)[1]
    else:  # the whole scope from the rows kept per document (unscoped, `run` streams it from the store)
        index = textindex.reader_index(st)
        mine = textindex.listing_page(index, name, textindex.Scope(
            None if body is None else tuple(textindex.bodies_named(index, body)), since, until), None)
    assert got == mine[offset:end]
    assert sorted(map(json.dumps, mine)) == sorted(map(json.dumps, whole))
    assert [[r.get(k) for k in keys] for r in mine] == [[r.get(k) for k in keys] for r in whole]


@pytest.mark.parametrize("name,limit,offset,body,since,until", LISTED)
def test_listings_scoped_and_paged_from_the_index_are_the_stores(corpus_store, name, limit, offset, body, since,
                                                                  until):
    with GraphStore(corpus_store, read_only=True) as st:
        _listing_matches(st, name, limit, offset, body, since, until)


def test_listings_from_the_index_refuse_what_the_store_refuses(founding):
    nq = get_named("followups")
    # (a date written wrong is a usage error, as on the CLI: DESIGN.md section 3)
    for kw, error in (({"since": "2020-1-1", "limit": 5}, UsageError), ({"limit": -1}, QueryError),
                      ({"offset": -2, "body": "x"}, QueryError)):
        with pytest.raises(error):
            run(founding, nq, **kw)
    with pytest.raises(QueryError):
        run(founding, nq, {"thing": "plan"}, limit=5)


MINUTES = """Parish Council of Lower Ditchfield
Minutes of the meeting held on {date}

Present: Cllr Ann Baker (Chair), Cllr Tom Reed, Cllr Joy Patel

1. Footpaths
Cllr Reed agreed to {task}.

2. {item}
The Clerk will obtain quotes for the {hall}.
RESOLVED: that the {hall} be repaired.
"""


def _write(folder, name, **kw):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(MINUTES.format(**kw), encoding="utf-8")


def _all_reads_match(store) -> None:
    with GraphStore(store, read_only=True) as st:
        for name, params in CASES + [("who-owns", {"thing": "stile"}), ("who-owns", {"thing": "gate"}),
                                     ("accountable", {"entity": "Reed"})]:
            got = textindex.read(st, name, params)
            assert got is not None
            _same(name, got[1], _store_rows(st, name, params))


def test_a_rebuilt_document_replaces_its_rows(tmp_path):
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "a.txt", date="4 March 2020", task="inspect the stile", item="Village hall", hall="roof")
    _write(folder, "b.txt", date="1 April 2020", task="paint the bench", item="Allotments", hall="shed")
    build_into_store([str(folder)], str(store))
    _all_reads_match(store)
    _write(folder, "a.txt", date="4 March 2020", task="mend the gate", item="Playing field", hall="pavilion")
    build_into_store([str(folder)], str(store))
    _all_reads_match(store)
    with GraphStore(store, read_only=True) as st:
        assert not run_named(st, "who-owns", {"thing": "stile"})[1]  # the old version's rows are gone
        assert run_named(st, "who-owns", {"thing": "gate"})[1]
        assert [r for r in run_named(st, "fact-texts")[1] if "bench" in r.get("text", "")]  # the other kept
        found, _, _ = ask.search(st, "pavilion", ("action", "decision"))
        assert found and not ask.search(st, "stile", ("action",), near=False)[0]


def test_an_index_behind_the_store_is_not_trusted(tmp_path):
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "a.txt", date="4 March 2020", task="inspect the stile", item="Village hall", hall="roof")
    build_into_store([str(folder)], str(store))
    behind = tmp_path / "index-before"
    with GraphStore(store, read_only=True) as st:  # settled (a reader records the store's state)
        run_named(st, "who-owns", {"thing": "stile"})
    src, dst = sqlite3.connect(str(store / textindex.FILE)), sqlite3.connect(str(behind))
    src.backup(dst)
    src.close()
    dst.close()
    _write(folder, "a.txt", date="4 March 2020", task="mend the gate", item="Playing field", hall="pavilion")
    build_into_store([str(folder)], str(store))
    # the index of before the rebuild, put back as if the build had stopped before updating it
    for extra in ("-wal", "-shm"):
        (store / (textindex.FILE + extra)).unlink(missing_ok=True)
    shutil.copy(behind, store / textindex.FILE)
    with GraphStore(store, read_only=True) as st:
        assert run_named(st, "who-owns", {"thing": "gate"})[1]
        assert not run_named(st, "who-owns", {"thing": "stile"})[1]
        assert [r["text"] for r in ask.search(st, "pavilion", ("action",))[0]]
    _all_reads_match(store)


def test_a_missing_index_is_made_from_the_store(tmp_path, founding_store):
    copy = tmp_path / "copy"
    shutil.copytree(founding_store, copy, ignore=shutil.ignore_patterns(textindex.FILE + "*", "govkg-readers"))
    _all_reads_match(copy)
    assert (copy / textindex.FILE).exists()


QUESTIONS = [
    "who owns the plan?", "who is responsible for the data set?", "what is Hassall accountable for?",
    "what is the Clerk accountable for?", "who owns xyzzy plugh?", "what was decided about the strategy?",
    "who presented the report?", "who is doing the audit?", "what did Julia Hassall say about the plan?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_ask_answers_the_same_from_the_index_as_from_the_store(founding_store, monkeypatch, question):
    with GraphStore(founding_store, read_only=True) as st:
        fast = ask.answer(st, question)
    monkeypatch.setattr(textindex, "reader_index", lambda store: None)
    with GraphStore(founding_store, read_only=True) as st:
        slow = ask.answer(st, question)
    assert fast.text() == slow.text()
    assert fast.rows == slow.rows


def _killed_writer(db_path) -> None:
    """A process that writes an SQLite file in WAL mode and is killed before its log is
    written back: the log (and its index) stay beside the file."""
    code = ("import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('PRAGMA journal_mode=WAL'); db.execute('PRAGMA wal_autocheckpoint=0')\n"
            "db.execute('CREATE TABLE docs (graph TEXT PRIMARY KEY, sha TEXT NOT NULL)')\n"
            "db.executemany('INSERT INTO docs VALUES (?, ?)', [('g%d' % i, 'x' * 500) for i in range(3000)])\n"
            "print('ready', flush=True); time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_a_log_left_by_an_earlier_index_file_does_not_damage_the_new_one(tmp_path, founding_store):
    copy = tmp_path / "copy"
    shutil.copytree(founding_store, copy, ignore=shutil.ignore_patterns(textindex.PREFIX + "*", "govkg-readers"))
    _killed_writer(copy / textindex.FILE)
    (copy / textindex.FILE).unlink()  # the file went; its log did not
    assert (copy / (textindex.FILE + "-wal")).stat().st_size > 100_000
    _killed_writer(copy / "govkg-textindex.sqlite")  # an earlier layout's file, with its log
    _all_reads_match(copy)
    db = sqlite3.connect(str(copy / textindex.FILE))
    assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA user_version").fetchone()[0] == textindex.VERSION
    db.close()
    assert not list(copy.glob("govkg-textindex.sqlite*"))  # the earlier layout's files are gone


def _names_to_find(pool):
    """Names as questions give them: full names, surnames, initials with surnames, first
    names, posts with "the", a body's words, case changed, nobody at all."""
    out = ["the Clerk", "Chair", "clerk", "Nobody Atall", "x", "O'Neil", "Smith-Jones", "Cllr", "the council"]
    for e in pool[:: max(1, len(pool) // 30)]:
        toks = e.name.split()
        out += [e.name, e.name.upper(), toks[-1]]
        if len(toks) > 1:
            out += [f"{toks[0][0]} {toks[-1]}", f"Cllr {toks[-1]}", toks[0]]
        out += [f"the {p}" for p in e.posts]
    return out


def test_find_entities_finds_from_the_index_what_it_finds_among_every_entity(unlabelled, monkeypatch):
    # the scan of every entity folds each of its labels again for every name asked (two
    # thirds of this test's time): fold is a function of its text alone, so it is asked once
    monkeypatch.setattr(ask, "fold", functools.lru_cache(maxsize=None)(ask.fold))
    pool = ask.entities(unlabelled)
    names = _names_to_find(pool)
    assert len(names) > 100
    # every name with both kinds; one name in three with each kind alone (the kinds are a
    # filter on the same candidates: a third of them shows it, at a third of the cost)
    for i, name in enumerate(names):
        for kinds in (("person", "organisation"),) + ((("person",), ("organisation",)) if i % 3 == 0 else ()):
            assert ask.find_entities(unlabelled, name, kinds=kinds) == \
                ask.find_entities(unlabelled, name, kinds=kinds, pool=pool), name


# two documents of one meeting written as triples, with what the listings' OPTIONAL groups
# and names must get right: an action with a named and an unnamed owner, an action whose
# owners have no name, a person named two ways in the other document, an item with no
# named presenter, an attendance of a person with no name, a declaration with no person
_G = "https://w3id.org/govkg/ontology#"
_ID = "https://example.org/id/"
_DOC_A = f"""
<{_ID}m1> a <{_G}Meeting> ; <{_G}body> <{_ID}council> ; <http://purl.org/dc/terms/date> "2021-03-04" .
<{_ID}council> <http://xmlns.com/foaf/0.1/name> "Upper Ditchfield Parish Council" .
<{_ID}a1> a <{_G}Action> ; <{_G}meeting> <{_ID}m1> ; <{_G}text> "mend the stile" ;
  <https://schema.org/agent> <{_ID}ann>, <{_ID}nobody> .
<{_ID}a2> a <{_G}Action> ; <{_G}meeting> <{_ID}m1> ; <{_G}text> "paint the bench" ;
  <https://schema.org/agent> <{_ID}nobody>, <{_ID}noone> ; <{_G}due> "May" .
<{_ID}ann> <http://xmlns.com/foaf/0.1/name> "Ann Baker" .
<{_ID}i1> a <{_G}AgendaItem> ; <{_G}meeting> <{_ID}m1> ; <{_G}order> 10 ; <{_G}presenter> <{_ID}nobody> ;
  <http://purl.org/dc/terms/title> "Footpaths" .
<{_ID}i2> a <{_G}AgendaItem> ; <{_G}meeting> <{_ID}m1> ; <{_G}order> 9 ; <{_G}presenter> <{_ID}tom> .
<{_ID}at1> a <{_G}Attendance> ; <{_G}meeting> <{_ID}m1> ; <{_G}person> <{_ID}nobody> ; <{_G}role> "present" .
<{_ID}at2> a <{_G}Attendance> ; <{_G}meeting> <{_ID}m1> ; <{_G}person> <{_ID}tom> ; <{_G}role> "chair" .
<{_ID}d1> a <{_G}Declaration> ; <{_G}meeting> <{_ID}m1> ; <{_G}interest> "owns the field" .
<{_ID}s1> a <{_G}Statement> ; <{_G}meeting> <{_ID}m1> ; <{_G}verb> "asked" ; <{_G}text> "about the stile" ;
  <{_G}speaker> <{_ID}tom>, <{_ID}nobody> .
"""
_DOC_B = f"""
<{_ID}m1> a <{_G}Meeting> ; <{_G}body> <{_ID}council> .
<{_ID}tom> <http://xmlns.com/foaf/0.1/name> "Tom Reed", "Thomas Reed" .
<{_ID}a3> a <{_G}Action> ; <{_G}meeting> <{_ID}m1> ; <{_G}text> "write to the county" ;
  <https://schema.org/agent> <{_ID}tom> .
<{_ID}dec1> a <{_G}Decision> ; <{_G}meeting> <{_ID}m1> ; <{_G}text> "to repair the stile" .
"""


# meetings with no date (the first in the meetings listing's order, those with no body before
# the others), more of them than a first page's first read
_DOC_C = "".join(f"<{_ID}m0{i}> a <{_G}Meeting> ; <{_G}body> <{_ID}council> .\n" for i in range(12)) + \
    f"<{_ID}zz> a <{_G}Meeting> .\n"


def test_the_listings_names_and_optional_groups_from_rows_kept_per_document(tmp_path):
    import pyoxigraph as ox
    path = tmp_path / "store"
    with GraphStore(path) as st:
        for n, doc in (("a", _DOC_A), ("b", _DOC_B), ("c", _DOC_C)):
            triples = ox.serialize(ox.parse(doc, format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
            st.replace_graph(f"{_ID}graph/{n}", f"{_ID}staging/{n}", triples)
        textindex.update(st)
    with GraphStore(path, read_only=True) as st:
        for name in PAGED:
            nq = get_named(name)
            want = st.select(*_prepared(st, nq, {}, False, None, 0, "Upper Ditchfield", None, None))[1]
            got = run(st, nq, body="Upper Ditchfield")[1]
            assert want, name
            assert sorted(map(json.dumps, got)) == sorted(map(json.dumps, want)), name
            assert [[r.get(k) for k in KEYS[name]] for r in got] == [[r.get(k) for k in KEYS[name]] for r in want]
            assert run(st, nq, limit=2, offset=1)[1] == got[1:3]
            if name == "items":  # ordered by gov:order, a number (9 before 10)
                assert [r["item"] for r in got] == [r["item"] for r in want] == [f"{_ID}i2"] * 2 + [f"{_ID}i1"]
        assert textindex.reader_index(st) is not None
        nq = get_named("meetings")
        for limit, offset in ((3, 0), (2, 11), (20, 0)):
            want = st.select(*_prepared(st, nq, {}, False, limit, offset, None, None, None))[1]
            got = run(st, nq, limit=limit, offset=offset)[1]
            assert [[r.get(k) for k in KEYS["meetings"]] for r in got] == \
                [[r.get(k) for k in KEYS["meetings"]] for r in want]
            assert got == run(st, nq)[1][offset:offset + limit]


def test_the_follow_ups_joined_once_are_those_joined_when_read(corpus_store):
    """The follow-ups' rows kept joined (`frows`, made again for the actions whose parts
    changed) are those joined from the parts as they are read (what a reader that cannot
    write the index reads), in the same order: of the whole store and of each body."""
    with GraphStore(corpus_store, read_only=True) as st:
        index = textindex.reader_index(st)
        assert textindex.refresh_followups(index)
        bodies = sorted({b for (b,) in index.db.execute(
            "SELECT s.body FROM frows f JOIN mscope s ON s.meeting = f.meeting WHERE s.body IS NOT NULL")})
        assert len(bodies) > 1
        for scope in [textindex.EVERY] + [textindex.Scope((b,)) for b in bodies]:
            cond, args = scope.sql()
            kept = textindex._followup_rows(index.db, "1" + cond, args, index)
            assert kept and kept == textindex._joined_followup_rows(index.db, "1" + cond, args)


def test_the_follow_ups_follow_a_rebuilt_report_back(tmp_path):
    """A later document that reports back on an action changes: the action's joined rows
    are made again (its report-back's evidence is another document's sentence)."""
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "a.txt", date="4 March 2020", task="inspect the stile", item="Village hall", hall="roof")
    _write(folder, "b.txt", date="1 April 2020", task="paint the bench", item="Allotments", hall="shed")
    build_into_store([str(folder)], str(store))
    (folder / "b.txt").write_text((folder / "b.txt").read_text("utf-8") +
                                  "\n3. Matters arising\nThe stile has been inspected and is sound.\n", "utf-8")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        got = textindex.read(st, "followups", {})[1]
        assert any("stile" in r.get("report_evidence", "") for r in got), got
        _same("followups", got, _store_rows(st, "followups", {}))
        index = textindex.reader_index(st)
        assert not index.db.execute("SELECT count(*) FROM fdirty").fetchone()[0]


def _entities_of(index) -> list[str]:
    return [e for (e,) in index.db.execute("SELECT DISTINCT entity FROM acc ORDER BY entity")]


def _kept_are_joined(st: GraphStore) -> None:
    """Each entity's accountable rows kept (`arows`) are those joined from every document's
    names and facts, and the kept names find the entities the documents' names find."""
    index = textindex.reader_index(st)
    assert textindex.refresh_entities(index)
    assert not index.db.execute("SELECT count(*) FROM edirty").fetchone()[0]
    entities = _entities_of(index)
    assert entities
    for e in entities:
        assert textindex._kept_accountable_rows(index, [e]) == textindex._joined_accountable_rows(index, [e]), e
    for text in ("Clerk", "reed", "an", "Ann Baker", "zz", 'x" OR "1"="1'):
        found = textindex._kept_entities_named(index, text)
        assert found == textindex.entities_named(index, text), text
        assert textindex._kept_accountable_rows(index, sorted(found)) == \
            textindex._joined_accountable_rows(index, sorted(found)), text


def test_the_accountable_rows_kept_per_entity_are_those_joined_when_read(corpus_store):
    """The rows kept per person and organisation (made again for those whose names or facts
    changed) are those joined from the documents' rows as they are read (what a reader that
    cannot write the index reads), in the same order, and the store's for the most named."""
    with GraphStore(corpus_store, read_only=True) as st:
        _kept_are_joined(st)
        index = textindex.reader_index(st)
        (most,) = index.db.execute("SELECT n.label FROM arows a JOIN enames n ON n.entity = a.entity AND n.alt = 0 "
                                   "ORDER BY a.n DESC, n.label LIMIT 1").fetchone()
        for text in (most, "Smith", "Council"):
            got = textindex.read(st, "accountable", {"entity": text})[1]
            assert got, text
            _same("accountable", got, _store_rows(st, "accountable", {"entity": text}))


def test_the_accountable_rows_follow_a_rebuilt_and_a_removed_document(tmp_path):
    """Two documents of one meeting, and a third of another: after one of the two is rebuilt
    (its owner and task changed) and the third removed, each entity's kept rows are the
    store's again; the old ones would not be."""
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "a.txt", date="4 March 2020", task="inspect the stile", item="Village hall", hall="roof")
    _write(folder, "a-approved.txt", date="4 March 2020", task="inspect the stile and the gate", item="Village hall",
           hall="roof and porch")
    _write(folder, "c.txt", date="1 April 2020", task="paint the bench", item="Allotments", hall="shed")
    build_into_store([str(folder)], str(store))
    cases = [("accountable", {"entity": text}) for text in ("Reed", "Clerk", "Baker", "an")]

    def reads_match():
        with GraphStore(store, read_only=True) as st:
            _kept_are_joined(st)
            for name, params in cases:
                _same(name, textindex.read(st, name, params)[1], _store_rows(st, name, params))
            return {p["entity"]: textindex.read(st, name, p)[1] for name, p in cases}
    before = reads_match()
    assert {r["meeting"] for r in before["Reed"]} == {f"https://w3id.org/govkg/id/meeting/{m}" for m in (
        "parish-council-of-lower-ditchfield/2020-03-04", "parish-council-of-lower-ditchfield/2020-04-01")}
    _write(folder, "a.txt", date="4 March 2020", task="mend the fence", item="Playing field", hall="pavilion")
    build_into_store([str(folder)], str(store))
    with GraphStore(store) as st:
        (gone,) = {r["g"] for r in st.select(
            'SELECT ?g WHERE { GRAPH ?g { ?d <https://w3id.org/govkg/ontology#sourcePath> ?p } '
            'FILTER(STRENDS(?p, "c.txt")) }')[1]}
        st.remove_graph(gone)
        textindex.update(st)
    after = reads_match()
    things = {r["thing"] for r in after["Reed"]}
    assert "mend the fence" in things and "inspect the stile" not in things and "paint the bench" not in things
    assert after != before


def test_the_follow_ups_are_handed_out_a_few_meetings_at_a_time(corpus_store, monkeypatch):
    """A whole follow-ups listing, or a body's, streamed from the index is the listing `run`
    gives (rows and order, from any offset), read a few meetings at a time: its first row
    comes from the first meetings alone."""
    from kg.query import stream
    monkeypatch.setattr(textindex, "STREAM_MEETINGS", 3)
    reads = []
    joined = textindex._followup_rows
    monkeypatch.setattr(textindex, "_followup_rows", lambda *a, **kw: reads.append(a[2]) or joined(*a, **kw))
    nq = get_named("followups")
    with GraphStore(corpus_store, read_only=True) as st:
        for kw in ({}, {"body": "council"}, {"body": "parish", "offset": 4}, {"since": "2020-01-01"}):
            columns, rows = stream(st, nq, **kw)
            assert not isinstance(rows, list)
            reads.clear()
            first = next(rows)
            assert len(reads) == 1 and len(reads[0]) <= 3  # one read, of the first meetings alone
            offset = kw.pop("offset", 0)
            whole = run(st, nq, **kw)[1]
            assert [first, *rows] == whole[offset:] and len(whole) > offset + 10
            assert columns == textindex.FOLLOWUPS
            assert max(map(len, reads)) <= 3
        _same("followups", list(stream(st, nq)[1]), _store_rows(st, "followups", {}))
