"""A document's link inputs read from its triples (kg.linkinputs) are those an in-memory
Oxigraph store holding its N-Triples gives (kg.link.document_inputs), down to the order
of the due dates the text index keeps; where the store's answer could differ, none."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg import pipeline as P
from kg.link import document_inputs
from kg.linkinputs import document_inputs_of
from kg.vocab import DEFAULT_BASE
from tests.conftest import CORPUS
from tests.test_link import _write_meetings

GOV = "https://w3id.org/govkg/ontology#"

# invented minutes with several dated actions, so the order of their due dates shows
DUE_MINUTES = """Minutes of the Meeting of Lindenfold Parish Council held on 14 May 2025

Present: Cllr Orla Brindle (Chair), Cllr Tomas Whitcombe, Cllr Ines Harrowgate
Clerk: Peter Quennell

1. Apologies
None.

2. Village hall roof
The Clerk to obtain three quotes for the roof repairs by 30 June 2025.
Cllr Whitcombe to inspect the guttering by 15 June 2025.
Cllr Harrowgate to write to the insurers by 31 July 2025.

3. Footpath signs
Cllr Brindle to order two new signs by 1 August 2025.
It was resolved to accept the quote from the sign maker.
"""


def _graph(path: Path) -> list:
    g, _sha, result = P._graph_for(str(path), None, None, DEFAULT_BASE)
    assert g is not None, result.error
    return g


def _same(g: list) -> None:
    old = document_inputs(P.ntriples_of(g), base=DEFAULT_BASE)
    new = document_inputs_of(g, base=DEFAULT_BASE)
    assert new is not None
    # repr: the dicts' order too (the index keeps the due dates as JSON, in this order)
    assert repr(new) == repr(old)


def test_due_dates_come_in_the_stores_order(tmp_path):
    path = tmp_path / "lindenfold-2025-05-14.txt"
    path.write_text(DUE_MINUTES, encoding="utf-8")
    g = _graph(path)
    old = document_inputs(P.ntriples_of(g), base=DEFAULT_BASE)
    (_actions, _sents, due), = old.values()
    assert len(due) >= 3  # the case the order matters in
    _same(g)


def test_a_series_gives_the_stores_inputs(tmp_path):
    for path in _write_meetings(tmp_path / "m"):
        _same(_graph(path))


def test_the_worker_hands_back_the_stores_inputs(tmp_path):
    path = tmp_path / "lindenfold-2025-05-14.txt"
    path.write_text(DUE_MINUTES, encoding="utf-8")
    nt, _result, inputs, _rows = P.build_for_store((str(path), None, None, DEFAULT_BASE, None, None))
    assert repr(inputs) == repr(document_inputs(nt, base=DEFAULT_BASE))


def _action_of(g: list) -> URIRef:
    return next(s for s, p, o in g if str(p).endswith("#type") and str(o) == GOV + "Action")


@pytest.mark.parametrize("extra", [
    # a second text: which comes first is the store's order
    lambda a: (a, URIRef(GOV + "text"), Literal("a second wording of the task")),
    # a second due date: the last row's wins, in the store's order
    lambda a: (a, URIRef(GOV + "dueDate"), Literal("2031-01-01", datatype=XSD.date)),
    # a number the store would write in another form ("07" is read back as "7")
    lambda a: (a, URIRef(GOV + "dueDate"), Literal("07", datatype=XSD.integer, normalize=False)),
])
def test_where_the_store_could_answer_otherwise_it_is_asked(tmp_path, extra):
    path = tmp_path / "lindenfold-2025-05-14.txt"
    path.write_text(DUE_MINUTES, encoding="utf-8")
    g = _graph(path)
    g.append(extra(_action_of(g)))
    assert document_inputs_of(g, base=DEFAULT_BASE) is None


def test_corpus_documents_give_the_stores_inputs():
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".xml", ".pdf")
                   and p.name not in ("README.md", "SOURCES.md"))
    if not files:
        pytest.skip(f"{CORPUS} is absent (the development corpus is not part of the project)")
    for path in files:
        _same(_graph(path))
