"""Views a person can read: every alias finds a person, a post finds its holder, actions
carry their dates and state, apologies are drawn apart, apostrophes fold."""
from __future__ import annotations

import pytest

from kg.network import accountability_graph
from kg.viz import find_nodes, focus_note, write_view
from tests.test_viz import page_data


@pytest.fixture(scope="module")
def graph(founding_store):
    from kg.store import GraphStore
    with GraphStore(founding_store, read_only=True) as st:
        return accountability_graph(st)


def _label(g, nodes):
    return {g.nodes[n]["label"] for n in nodes}


@pytest.mark.parametrize("name, who", [
    ("Julia Hassall", "Julia Hassall"),
    ("J Hassall", "Julia Hassall"),        # initial and surname, as the minutes wrote it
    ("the Chair", "Cllr Smith"),           # a post
    ("DfE", "Department for Education"),   # an acronym the minutes used
])
def test_focus_finds_a_person_by_any_alias(graph, name, who):
    assert who in _label(graph, find_nodes(graph, name))


def test_a_name_fitting_several_people_is_said(graph):
    g = graph.copy()
    chair = next(n for n, a in g.nodes(data=True) if a.get("label") == "Cllr Smith")
    other = next(n for n, a in g.nodes(data=True) if a.get("label") == "Julia Hassall")
    g.nodes[other]["aliases"] = list(g.nodes[other].get("aliases", [])) + ["Chair"]
    g.nodes[other]["posts"] = ["Chair"]
    note = focus_note(g, "the Chair")
    assert "fits 2" in note and "Cllr Smith" in note and "Julia Hassall" in note
    assert {chair, other} <= set(find_nodes(g, "the chair"))


def test_a_post_one_body_names_no_holder_for_is_said_beside_the_holder(graph):
    """Two bodies' minutes: one names its clerk, the other writes only "the Clerk"."""
    g = graph.copy()
    holder = next(n for n, a in g.nodes(data=True) if a.get("label") == "Julia Hassall")
    g.nodes[holder]["aliases"] = list(g.nodes[holder].get("aliases", [])) + ["Clerk"]
    g.nodes[holder]["posts"] = ["Clerk"]
    g.add_node("urn:x:unnamed-clerk", label="Clerk", type="other")
    g.add_edge("urn:x:unnamed-clerk", holder, label="must do")
    note = focus_note(g, "the Clerk")
    assert "fits 2" in note and "Julia Hassall" in note and "no holder" in note
    assert {holder, "urn:x:unnamed-clerk"} <= set(find_nodes(g, "the Clerk"))
    assert find_nodes(g, "Julia Hassall") == [holder]


@pytest.mark.parametrize("spec", ["Wirral Children\u2019s Trust", "Wirral Children's Trust", "wirral children's"])
def test_meeting_matches_straight_and_typographic_apostrophes(founding, tmp_path, spec):
    info = write_view(founding, tmp_path / "m.html", meeting=spec)
    assert info.nodes > 5


def test_actions_carry_meeting_date_due_date_and_state(founding, tmp_path):
    info = write_view(founding, tmp_path / "v.html")
    data = page_data(info.path.read_text(encoding="utf-8"))
    actions = [n for n in data["nodes"] if n["type"] == "action"]
    assert actions
    for n in actions:
        assert n["facts"][0].startswith("set ") and n["facts"][-1] in ("open", "done", "in progress", "no progress",
                                                                        "carried forward", "dropped")
        assert " \u00b7 ".join(n["facts"]) in n["label"]
    people = {n["full"]: n for n in data["nodes"] if n["type"] == "person"}
    assert "J Hassall" in people["Julia Hassall"]["aliases"]


def test_apologies_edges_are_marked_apart(founding, tmp_path):
    info = write_view(founding, tmp_path / "v.html")
    data = page_data(info.path.read_text(encoding="utf-8"))
    rel = {(e["relation"], e["absent"]) for e in data["edges"]}
    assert ("apologies", True) in rel and ("apologies", False) not in rel
    assert not any(absent for r, absent in rel if r in ("present", "chair", "in_attendance"))
