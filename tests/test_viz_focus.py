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


def _cut_by_full_ranking(degree, neighbours, hubs, max_nodes):
    """The cut as first written: every candidate list ranked in full by (-degree, IRI)."""
    def rank(nodes):
        return sorted(nodes, key=lambda n: (-degree[n], str(n)))
    hub_list = rank(hubs) or rank(degree)
    share = max(10, max_nodes // 20)
    keep: dict = {}

    def add(nodes, limit=None):
        added = 0
        for n in nodes:
            if len(keep) >= max_nodes or (limit is not None and added >= limit):
                return
            if n not in keep:
                keep[n] = None
                added += 1
    for h in hub_list:
        if len(keep) >= max_nodes or degree[h] < 2:
            break
        add([h])
        add(rank(neighbours(h) - keep.keys()), share)
    for h in [h for h in hub_list if h in keep]:
        add(rank(neighbours(h) - keep.keys()))
    add(rank(degree))
    return set(keep)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("cap", [1, 7, 30, 90])
def test_the_cut_reads_ties_lazily_and_keeps_what_full_ranking_keeps(seed, cap):
    import random

    from kg.viz import cut
    rnd = random.Random(seed)
    nodes = [f"https://example.org/n{i:03d}" for i in range(120)]
    links = {n: set() for n in nodes}
    for _ in range(rnd.choice([60, 200, 400])):  # few distinct degrees: many ties
        a, b = rnd.sample(nodes, 2)
        links[a].add(b)
        links[b].add(a)
    degree = {n: len(v) for n, v in links.items()}
    hubs = set(rnd.sample(nodes, rnd.choice([0, 3, 12])))
    asked: list = []

    def keys(ns):
        asked.extend(ns)
        return {n: n for n in ns}
    got = cut(degree, links.__getitem__, hubs, cap, keys)
    assert got == _cut_by_full_ranking(degree, links.__getitem__, hubs, cap)
    assert len(got) == min(cap, len(nodes))
    assert len(asked) == len(set(asked)) < len(nodes)  # each key once, and not every node's
    # the hubs found lazily among the nodes that may be hubs (the whole store's view asks
    # the types of the few it reaches): the same cut, the types asked once each
    maybe = hubs | set(rnd.sample(nodes, rnd.choice([0, 5, 40])))
    typed: list = []

    def which(ns):
        typed.extend(ns)
        return {n for n in ns if n in hubs}
    assert cut(degree, links.__getitem__, maybe, cap, keys, which) == got
    assert len(typed) == len(set(typed)) and set(typed) <= maybe


@pytest.fixture(scope="module")
def twice_told(tmp_path_factory):
    """The founding minutes and a second source of the same meeting (one more line, so
    another document): every edge stated by two graphs, as when a meeting's minutes come
    as HTML and as PDF."""
    from tests.conftest import FOUNDING

    from kg.pipeline import build_into_store
    folder = tmp_path_factory.mktemp("twice")
    (folder / "a.txt").write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(FOUNDING.read_text(encoding="utf-8") + "\nThe meeting closed at 17:00.\n",
                                  encoding="utf-8")
    store = folder / "store"
    report = build_into_store([str(folder / "a.txt"), str(folder / "b.txt")], str(store))
    assert not report.failed, report.failed
    return store


@pytest.mark.parametrize("cap", [10**9, 40, 12, 3])
def test_edges_two_documents_state_are_drawn_once_as_the_merged_graph_draws_them(twice_told, cap):
    from kg.store import GraphStore
    with GraphStore(str(twice_told), read_only=True) as st:
        whole = _whole_from_store(st)
        index = textindex.reader_index(st)
        assert index is not None and len(index.recorded()) == 2
        want, want_hidden = select_view(whole, max_nodes=cap)
        got, got_hidden = whole_view(index, cap)
        assert (got_hidden, _drawn(got)) == (want_hidden, _drawn(want))
        for name in _focus_names(whole)[:4]:
            want, want_hidden = select_view(whole, focus=name, depth=2, max_nodes=cap)
            got, got_hidden, _ = focused_view(index, name, 2, cap)
            assert (got_hidden, _drawn(got)) == (want_hidden, _drawn(want)), name


def _links_match(index, whole):
    """The degrees and hubs' links the index sums in SQL are those of the merged graph."""
    links = textindex.network_links(index)
    ids = {textindex.node_id(n): n for n in whole}
    assert {ids[n]: d for n, d in links.degree.items()} == dict(whole.degree())
    for n, near in links.hub_links.items():
        assert {ids[m] for m in near} == set(whole.successors(ids[n])) | set(whole.predecessors(ids[n]))
    people = [n for n, a in whole.nodes(data=True) if a["type"] in ("person", "organisation")]
    assert people and all(textindex.node_id(n) in links.hub_links for n in people)


def test_degrees_summed_in_sql_are_the_merged_graphs(unlabelled, whole, twice_told):
    from kg.store import GraphStore
    _links_match(textindex.reader_index(unlabelled), whole)
    with GraphStore(str(twice_told), read_only=True) as st:
        _links_match(textindex.reader_index(st), _whole_from_store(st))
