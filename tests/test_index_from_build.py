"""A build hands each document's text-index rows, made beside its triples, to the index
with the document's write (kg.textindex.built_rows): the index it fills holds exactly the
rows one remade from the store holds, and the build reads no document back from the store
for them (only the graphs a build writes itself: links, corrections)."""
from __future__ import annotations

import shutil

import pytest

import rdflib

from kg import textindex
from kg.pipeline import _built as _built_document
from kg.pipeline import build_document, build_into_store
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE

from .conftest import CORPUS, FOUNDING

# every table's columns but the row ids of the stems tables (numbered as rows are written)
COLUMNS = {"docs": "graph, sha", "texts": "body, iri, kind, graph", "owned": "iri, graph",
           "facts": "*", "fact_stems": "graph, fact, stems, kind", "names": "*", "name_stems": "graph, entity, stems",
           "owns": "*", "acc": "*", "meets": "*", "passages": "*", "derived": "*"}


def _tables(index: textindex.TextIndex) -> dict[str, list]:
    return {t: sorted(index.db.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in COLUMNS.items()}


def _remade(store_path) -> dict[str, list]:
    with GraphStore(store_path, read_only=True) as st:
        fresh = textindex.TextIndex(None)
        textindex.sync(st, fresh)
        return _tables(fresh)


def _built(store_path) -> dict[str, list]:
    index = textindex.TextIndex(store_path / textindex.FILE)
    try:
        return _tables(index)
    finally:
        index.close()


def _reads_back(monkeypatch) -> list[str]:
    """The graphs read back from the store for the index while building."""
    read: list[str] = []
    real = textindex._store_texts

    def spy(store, graphs=None):
        read.extend(graphs or [g.value for g in store.live_graphs()])
        return real(store, graphs)
    monkeypatch.setattr(textindex, "_store_texts", spy)
    return read


def _document_graphs(store_path) -> set[str]:
    with GraphStore(store_path, read_only=True) as st:
        return set(st.source_hashes())


def test_rows_made_beside_the_triples_are_those_read_back():
    nt = build_document((str(FOUNDING), None, None, DEFAULT_BASE, None, None))[0]
    sha, rows = textindex.built_rows(nt)
    assert rows.facts and rows.names and rows.fact_stems
    st = GraphStore(None)
    try:
        st.replace_graph("urn:x:doc", "urn:x:staging", nt)
        assert st.source_hashes() == {"urn:x:doc": sha}
        assert textindex._store_texts(st, ["urn:x:doc"])["urn:x:doc"] == rows
    finally:
        st.close()


@pytest.mark.parametrize("raw", [
    # a blank node may be named anew by the store: its rows are read back instead
    b'_:b1 <http://xmlns.com/foaf/0.1/name> "Ann Baker" .\n'
    b'<urn:x:d> <https://w3id.org/govkg/ontology#sha256> "abc" .\n',
    # no content hash, or two: the index could not record it as the store does
    b'<urn:x:p> <http://xmlns.com/foaf/0.1/name> "Ann Baker" .\n',
    b'<urn:x:d> <https://w3id.org/govkg/ontology#sha256> "abc" .\n'
    b'<urn:x:d> <https://w3id.org/govkg/ontology#sha256> "def" .\n',
])
def test_no_rows_from_a_graph_the_store_may_hold_otherwise(raw):
    assert textindex.built_rows(raw) is None
    # nor from the triples such N-Triples are written from
    triples = [t for t in rdflib.Graph().parse(data=raw.decode(), format="nt")]
    assert textindex.built_rows_of(triples) is None


def _corpus_documents() -> list:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    return [FOUNDING] + sorted(p for f in (CORPUS, CORPUS / "unlabelled") for p in f.glob("*")
                               if p.suffix in (".txt", ".pdf", ".md", ".xml", ".docx"))


def test_rows_from_the_triples_are_those_from_their_n_triples():
    """The build makes a document's rows from its rdflib triples, not from the N-Triples
    written from them parsed back: the same rows, document by document."""
    for path in _corpus_documents():
        nt, _result, _inputs, triples = _built_document((str(path), None, None, DEFAULT_BASE, None, None))
        assert textindex.built_rows_of(triples) == textindex.built_rows(nt), path


def test_the_corpus_built_fills_the_index_the_store_would(tmp_path, monkeypatch):
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    files = [FOUNDING] + sorted(p for p in CORPUS.glob("*") if p.suffix in (".txt", ".pdf", ".md", ".xml"))
    # the same minutes under a second name: a twin, not written again
    twin = tmp_path / "twin-of-founding.txt"
    shutil.copyfile(FOUNDING, twin)
    store = tmp_path / "store"
    read = _reads_back(monkeypatch)
    report = build_into_store([str(f) for f in files] + [str(twin), str(CORPUS / "series")], str(store))
    assert not report.failed, report.failed
    assert not set(read) & _document_graphs(store)  # no document was read back
    assert _built(store) == _remade(store)


def test_a_parallel_build_and_a_rebuilt_document_keep_it_exact(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copyfile(FOUNDING, docs / "a.txt")
    text = FOUNDING.read_text(encoding="utf-8")
    (docs / "b.txt").write_text(text.replace("Cllr Smith welcomed", "Cllr Smith warmly welcomed", 1), encoding="utf-8")
    store = tmp_path / "store"
    read = _reads_back(monkeypatch)
    report = build_into_store([str(docs)], str(store), jobs=2)
    assert not report.failed, report.failed
    assert not set(read) & _document_graphs(store)
    assert _built(store) == _remade(store)
    # one document changed: its graph is swapped, its rows replaced, the rest kept
    (docs / "b.txt").write_text(text.replace("Cllr Smith welcomed", "Cllr Smith welcomed all", 1), encoding="utf-8")
    read.clear()  # (remaking the index above read every document)
    report = build_into_store([str(docs)], str(store))
    assert [r.status for r in report.results].count("built") == 1
    assert not set(read) & _document_graphs(store)
    assert _built(store) == _remade(store)
