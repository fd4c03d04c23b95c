"""The extract stage as a pipeline of sentence components: which component reads which line.

Each line is read inside a tiny document (as in test_rules.py); the table says which
component claims it and which kind of fact it gives.  A component that claims a line stops
the later ones from reading it again: taking a component out of kg.extract.COMPONENTS
removes its facts and nothing else.
"""
from __future__ import annotations

import pytest

import kg.extract as extract_stage
from kg.extract import actions, decisions, declarations, judgements, layout, motions, reports, statements
from kg.records import Document
from kg.segment import segment
from tests.parish import minutes_with

def run(lines: str, components=None, monkeypatch=None):
    if components is not None:
        monkeypatch.setattr(extract_stage, "COMPONENTS", tuple(components))
    return extract_stage.extract(segment(Document("t.txt", minutes_with(lines), "txt", "0")))


FACTS = ("actions", "decisions", "declarations", "judgements", "reports", "responsibilities", "statements")


def counts(ex) -> dict[str, int]:
    return {k: len(getattr(ex, k)) for k in FACTS if getattr(ex, k)}


@pytest.mark.parametrize("line, component, kind", [
    ("The Clerk agreed to write to the highways team.", actions.component, "actions"),
    ("Cllr Tom Cole to report back at the next meeting.", actions.component, "actions"),
    ("RESOLVED: That the revised grants policy be approved.", decisions.component, "decisions"),
    ("It was agreed to defer the item to the April meeting.", decisions.component, "decisions"),
    ("Cllr Raj Patel declared a pecuniary interest in item 7 as a neighbour of the applicant.",
     declarations.component, "declarations"),
    ("Ofsted reported that overall effectiveness was judged to be good.", judgements.component, "judgements"),
    ("The Clerk presented the report on the budget.", reports.component, "reports"),
    ("ACTION: Clerk to order the new bench.", layout.labelled_actions, "actions"),
    ("Cllr Tom Cole said the hedge had been cut.", statements.component, "statements"),
])
def test_each_kind_of_fact_comes_from_its_component(line, component, kind, monkeypatch):
    assert getattr(run(line), kind), f"{kind} expected from {line!r}"
    without = [c for c in extract_stage.COMPONENTS if c is not component]
    assert not getattr(run(line, without, monkeypatch), kind), \
        f"{kind} still found without {component.__module__}.{component.__name__}: not its component"


@pytest.mark.parametrize("lines, claimed_by", [
    # a row of an action table is one action, not a decision and a statement too
    ("Minute | Action | Who | When\n12/25 | Order the new bench | Clerk | April", layout.table_rows),
    # a vote line closes the decision before it instead of being read as prose
    ("RESOLVED: That the revised grants policy be approved.\nProposed Cllr Ann Lee, seconded Cllr Tom Cole.",
     decisions.vote_lines),
    ("It was proposed by Cllr Ann Lee\nSeconded by Cllr Tom Cole\nThat the accounts be approved.",
     motions.component),
])
def test_a_claimed_line_is_not_read_again(lines, claimed_by, monkeypatch):
    whole = counts(run(lines))
    assert whole, "the lines give no fact at all"
    calls = []
    later = list(extract_stage.COMPONENTS[extract_stage.COMPONENTS.index(claimed_by) + 1:])

    def spy(component):
        def read(r, s):
            calls.append((component.__name__, s.text))
            return component(r, s)
        return read
    spied = [c if c not in later else spy(c) for c in extract_stage.COMPONENTS]
    assert counts(run(lines, spied, monkeypatch)) == whole
    claimed = [s for _, s in calls if s.strip() in {ln.strip() for ln in lines.splitlines()[1:]}]
    assert not claimed, f"lines claimed by {claimed_by.__name__} were read again: {claimed}"


def test_the_pipeline_lists_every_component_once():
    names = [f"{c.__module__}.{c.__name__}" for c in extract_stage.COMPONENTS]
    assert len(names) == len(set(names))
    # declarations before decisions, decisions before actions: the order the facts depend on
    order = extract_stage.COMPONENTS
    assert order.index(declarations.component) < order.index(decisions.component) < order.index(actions.component)
