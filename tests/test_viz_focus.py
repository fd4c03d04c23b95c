"""A focused view grown hop by hop from the text index's rows draws what cutting the whole
network does: the same nodes, edges, labels, types, aliases and actions' details, the same
note when a name fits several people, the same errors."""
from __future__ import annotations

import pytest

from kg import textindex
from kg.errors import GovkgError, UsageError
from kg.network import graph_of
from kg.query import get_named
from kg.viz import focus_note, focused_view, select_view, view_data, whole_view, write_view


def _whole_from_store(st):
    """The whole network read by SPARQL from the store (not from the index)."""
    rows = {name: st.select(get_named(name).text)[1] for name in ("network", "aliases", "action-details")}
    return graph_of(rows["network"], rows["aliases"], rows["action-details"])


def _drawn(g):
    data = view_data(g, title="t", banner=None)
    return data["nodes"], data["edges"]


def _focus_names(g):
    """Names of the kinds a reader gives: the busiest person's full name and surname, a post,
    an organisation, part of a word, an IRI, and names that fit several people or none."""
    people = sorted((n for n, a in g.nodes(data=True) if a["type"] == "person"), key=lambda n: (-g.degree(n), n))
    orgs = sorted((n for n, a in g.nodes(data=True) if a["type"] == "organisation"), key=lambda n: (-g.degree(n), n))
    busiest = g.nodes[people[0]]["label"]
    posts = sorted({p for n in people for p in g.nodes[n].get("posts", ())})
    names = [busiest, busiest.upper(), busiest.split()[-1], g.nodes[orgs[0]]["label"], "the Clerk", "Chair",
             busiest[1:5].lower(), people[1], "Cllr " + g.nodes[people[2]]["label"].split()[-1]]
    return names + posts[:3]


@pytest.fixture(scope="module")
def whole(all_unlabelled_store):
    from kg.store import GraphStore
    with GraphStore(str(all_unlabelled_store), read_only=True) as st:
        return _whole_from_store(st)


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_the_focused_view_draws_what_the_whole_network_cut_draws(unlabelled, whole, depth):
    index = textindex.reader_index(unlabelled)
    assert index is not None
    names = _focus_names(whole)
    assert len(names) >= 10
    drawn = 0
    for name in names:
        try:
            want, _ = select_view(whole, focus=name, depth=depth, max_nodes=10**9)
        except GovkgError as e:  # the same error, the same words
            with pytest.raises(type(e)) as new:
                focused_view(index, name, depth)
            assert str(new.value).split(";")[0] == str(e).split(";")[0]
            continue
        got, hidden, note = focused_view(index, name, depth, 10**9)
        assert hidden == 0
        drawn += 1
        assert got.number_of_nodes() == want.number_of_nodes(), name
        assert _drawn(got) == _drawn(want), name
        assert note == focus_note(whole, name), name
    assert drawn >= 8


def test_cut_to_fit_the_same_way(unlabelled, whole):
    index = textindex.reader_index(unlabelled)
    cuts = 0
    for name in _focus_names(whole)[:5]:
        whole_view = select_view(whole, focus=name, depth=2, max_nodes=10**9)[0].number_of_nodes()
        for cap in {whole_view // 2, whole_view // 5, 12}:
            if cap < 1 or cap >= whole_view:
                continue
            want, want_hidden = select_view(whole, focus=name, depth=2, max_nodes=cap)
            got, got_hidden, _ = focused_view(index, name, 2, cap)
            assert want_hidden > 0 and got_hidden == want_hidden, (name, cap)
            assert _drawn(got) == _drawn(want), (name, cap)
            cuts += 1
    assert cuts >= 5


def test_a_name_that_fits_several_people_is_said(unlabelled, whole):
    index = textindex.reader_index(unlabelled)
    several = [n for n in _focus_names(whole) if focus_note(whole, n)]
    assert several, "some name of the corpus fits several people"
    for name in several:
        note = focused_view(index, name, 1)[2]
        assert "fits" in note and note == focus_note(whole, name)


@pytest.mark.parametrize("name,error", [("Zebedee Quuxworth", GovkgError), ("   ", UsageError), ("qxzqx\u2019", GovkgError)])
def test_a_name_that_fits_nothing_is_an_error_as_before(unlabelled, whole, name, error, tmp_path):
    with pytest.raises(error) as new:
        write_view(unlabelled, tmp_path / "v.html", focus=name)
    with pytest.raises(error) as old:
        select_view(whole, focus=name)
    assert str(new.value).split(";")[0] == str(old.value).split(";")[0]


def test_write_view_takes_the_neighbourhood_path_on_an_indexed_store(unlabelled, whole, tmp_path, monkeypatch):
    import kg.network
    monkeypatch.setattr(kg.network, "accountability_graph",
                        lambda st: pytest.fail("a focused view read the whole network"))
    name = _focus_names(whole)[0]
    info = write_view(unlabelled, tmp_path / "v.html", focus=name, depth=1)
    want, hidden = select_view(whole, focus=name, depth=1)
    assert (info.nodes, info.edges, info.hidden) == (want.number_of_nodes(), want.number_of_edges(), hidden)


@pytest.mark.parametrize("cap", [10**9, 1500, 300, 40, 1])
def test_the_whole_store_view_draws_what_cutting_the_whole_network_draws(unlabelled, whole, cap):
    want, want_hidden = select_view(whole, max_nodes=cap)
    got, got_hidden = whole_view(textindex.reader_index(unlabelled), cap)
    assert got_hidden == want_hidden and (cap > whole.number_of_nodes()) == (want_hidden == 0)
    assert _drawn(got) == _drawn(want)
