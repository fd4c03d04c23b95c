"""What a focused view draws when its neighbourhood is more than can be drawn: the nodes
nearest the focus first; of a node's links the people, bodies and posts, then the most
recent meetings and actions; events followed before the bodies whose whole history they
are part of; a ring before the last takes at most half the room; and the view reads the
links of the nodes it follows, not of the whole neighbourhood."""
from __future__ import annotations

import networkx as nx
import pytest

from kg import textindex
from kg.iris import DEFAULT_BASE as ID, meeting_day
from kg.viz import events_first, nearest, select_view, standing_first, write_graph_view

COUNCIL = ID + "org/upper-wensum-parish-council"
PERSON = ID + "person/maria-okafor"
CLERK_POST = ID + "org/upper-wensum-parish-council/post/clerk"


def _meeting(day: str) -> str:
    return f"{ID}meeting/upper-wensum-parish-council/{day}"


def council(meetings: int = 40, items: int = 6, attendees: int = 4) -> nx.MultiDiGraph:
    """An invented parish council: a councillor who attends every meeting and owns one action
    a meeting, each meeting with its items and its other attendees, all of them members."""
    g = nx.MultiDiGraph()
    g.add_node(COUNCIL, label="Upper Wensum Parish Council", type="organisation")
    g.add_node(PERSON, label="Maria Okafor", type="person")
    g.add_node(CLERK_POST, label="Clerk", type="other")
    g.add_edge(PERSON, COUNCIL, relation="member of", evidence="Cllr Okafor is a member.")
    g.add_edge(PERSON, CLERK_POST, relation="holds", evidence="Cllr Okafor is also the Clerk.")
    people = [f"{ID}person/member-{k}" for k in range(attendees)]
    for p in people:
        g.add_node(p, label=p.rsplit("/", 1)[1].replace("-", " ").title(), type="person")
        g.add_edge(p, COUNCIL, relation="member of", evidence="A member.")
    for i in range(meetings):
        m = _meeting(f"{2000 + i // 12:04d}-{i % 12 + 1:02d}-15")
        g.add_node(m, label=f"Upper Wensum Parish Council {m[-10:]}", type="meeting")
        g.add_edge(m, COUNCIL, relation="met as", evidence="Minutes of the meeting.")
        g.add_edge(PERSON, m, relation="present", evidence="Present: Cllr Okafor.")
        for p in people:
            g.add_edge(p, m, relation="present", evidence="Present.")
        for j in range(items):
            it = f"{m}/item/0123456789-{j}"
            g.add_node(it, label=f"Item {j} of {m[-10:]}", type="item")
            g.add_edge(it, m, relation="item of", evidence=f"Item {j}.")
        act = f"{m}/action/0123456789-0"
        g.add_node(act, label=f"Action of {m[-10:]}", type="action")
        g.add_edge(PERSON, act, relation="must do", evidence="Cllr Okafor to write to the county.")
        g.add_edge(act, f"{m}/item/0123456789-0", relation="raised at", evidence="Raised.")
    return g


def _hops(g, source):
    return nx.single_source_shortest_path_length(g.to_undirected(as_view=True), source)


def test_a_node_s_date_is_its_meeting_s_and_people_and_bodies_have_none():
    m = _meeting("2024-03-14")
    assert meeting_day(m) == meeting_day(m + "/action/ab-0") == meeting_day(m + "/item/ab-3") == 20240314
    assert meeting_day(PERSON) is None and meeting_day(COUNCIL) is None and meeting_day(CLERK_POST) is None
    # a meeting whose minutes state no date is minted with the document's key: no date
    assert meeting_day(f"{ID}meeting/upper-wensum-parish-council/source-000043-upper-wensum-2016-dc6ae02e0e") is None
    later, earlier = _meeting("2024-03-14") + "/action/x", _meeting("2023-11-02")
    assert sorted([earlier, PERSON, later], key=standing_first) == [PERSON, later, earlier]
    assert sorted([earlier, PERSON, later], key=events_first) == [later, earlier, PERSON]


def test_uncut_the_focus_view_is_every_node_within_the_hops():
    g = council(meetings=5)
    for depth in (0, 1, 2, 3):
        view, hidden = select_view(g, focus="Maria Okafor", depth=depth, max_nodes=10**6)
        assert hidden == 0
        assert set(view) == {n for n, d in _hops(g, PERSON).items() if d <= depth}


def test_depth_one_cut_keeps_people_bodies_and_posts_then_the_latest_events():
    g = council(meetings=40)
    view, hidden = select_view(g, focus="Maria Okafor", depth=1, max_nodes=30)
    near = [n for n, d in _hops(g, PERSON).items() if d == 1]
    assert len(near) == 2 + 40 + 40 and view.number_of_nodes() == 30 and hidden == len(near) - 29
    kept = set(view) - {PERSON}
    assert {COUNCIL, CLERK_POST} <= kept, "the standing links come first"
    dated = sorted((n for n in near if meeting_day(n)), key=lambda n: (-meeting_day(n), n))
    assert {n for n in kept if meeting_day(n)} == set(dated[:27]), "then the most recent meetings and actions"
    assert min(meeting_day(n) for n in kept if meeting_day(n)) >= meeting_day(dated[26])


def test_depth_two_cut_shows_the_latest_events_with_what_lies_around_them():
    g = council(meetings=40, items=6, attendees=4)
    cap = 120
    view, hidden = select_view(g, focus="Maria Okafor", depth=2, max_nodes=cap)
    assert view.number_of_nodes() == cap and hidden > 0
    hops = _hops(g, PERSON)
    ring1 = [n for n in view if hops[n] == 1]
    ring2 = [n for n in view if hops[n] == 2]
    # the nearest ring takes at most half the room, so its events come with their context
    assert 0 < len(ring1) <= (cap - 1) // 2 and len(ring2) == cap - 1 - len(ring1)
    # the context drawn is the most recent meetings': no item of a meeting older than any
    # meeting whose items were left out
    items = [n for n in g if "/item/" in n]
    drawn = {n for n in items if n in view}
    assert drawn and min(map(meeting_day, drawn)) >= max(map(meeting_day, set(items) - drawn))
    # a ring-2 node is drawn only if a drawn ring-1 node links it
    und = g.to_undirected(as_view=True)
    assert all(any(m in view and hops[m] == 1 for m in und[n]) for n in ring2)


def test_events_are_followed_before_a_body_s_whole_history():
    """Of the focus's links, the body it sits on links every meeting of its decade: the
    view follows the focus's own latest events first and asks about the body only if room
    is left."""
    g = council(meetings=40, items=6, attendees=4)
    asked = []

    def neighbours(nodes):
        asked.extend(nodes)
        return {n: set(g.successors(n)) | set(g.predecessors(n)) for n in nodes}

    keep, hidden = nearest([PERSON], 2, 120, neighbours)
    assert hidden > 0 and COUNCIL in keep
    assert COUNCIL not in asked, "the body's every link was read"
    # only nodes drawn were asked about, and no more than a batch beyond what filled the view
    assert set(asked) <= set(keep)
    assert len(asked) <= 1 + 60 + 32


def test_the_cut_does_not_depend_on_how_many_links_are_read_at_once(monkeypatch):
    g = council(meetings=30)
    import kg.viz
    want = select_view(g, focus="Maria Okafor", depth=2, max_nodes=77)
    for batch in (1, 5, 1000):
        monkeypatch.setattr(kg.viz, "NEAR_BATCH", batch)
        got = select_view(g, focus="Maria Okafor", depth=2, max_nodes=77)
        assert (sorted(got[0]), got[1]) == (sorted(want[0]), want[1]), batch


def test_several_centres_beyond_the_cap_keep_the_standing_ones_first():
    g = council(meetings=3)
    keep, hidden = nearest([_meeting("2000-01-15"), PERSON, COUNCIL], 2, 2, lambda ns: {})
    assert keep == sorted([PERSON, COUNCIL]) and hidden == 1


def test_the_banner_says_the_view_is_the_nearest_part(tmp_path):
    import json
    import re
    g = council(meetings=40)
    info = write_graph_view(g, tmp_path / "v.html", focus="Maria Okafor", depth=2, max_nodes=100)
    data = json.loads(re.search(r'<script id="govkg-data" type="application/json">(.*?)</script>',
                                info.path.read_text(encoding="utf-8"), re.S).group(1))
    assert info.truncated and info.nodes == 100
    assert "nearest" in data["banner"] and f"{info.hidden} or more" in data["banner"]
    info = write_graph_view(g, tmp_path / "w.html", max_nodes=100)  # the whole view: as before
    banner = json.loads(re.search(r'<script id="govkg-data" type="application/json">(.*?)</script>',
                                  info.path.read_text(encoding="utf-8"), re.S).group(1))["banner"]
    assert "nearest" not in banner and "less connected" in banner


def test_an_indexed_store_reads_only_the_links_of_the_nodes_it_follows(unlabelled, monkeypatch):
    """On the development corpus: the busiest person's view, cut to fit, asks the index
    for the links of drawn nodes only, never sums the neighbourhood's degrees, and draws
    what the rule draws on the whole network (tests/test_viz_focus.py compares every
    node and edge)."""
    from kg.viz import focused_view
    index = textindex.reader_index(unlabelled)
    asked: list[int] = []
    real = textindex.neighbour_lists

    def spy(ix, ids):
        ids = list(ids)
        asked.extend(ids)
        return real(ix, ids)

    monkeypatch.setattr(textindex, "neighbour_lists", spy)
    monkeypatch.setattr(textindex, "network_links", lambda *a, **k: pytest.fail("the degrees were summed"))
    busiest = max((r for r in index.db.execute(
        "SELECT n.label, count(*) FROM vedges e JOIN names n ON n.entity = e.source AND n.alt = 0 "
        "WHERE e.source LIKE '%/person/%' GROUP BY e.source ORDER BY 2 DESC LIMIT 1")), key=lambda r: r[1])[0]
    whole = focused_view(index, busiest, 2, 10**9)[0].number_of_nodes()
    cap = whole // 3
    assert cap > 10
    asked.clear()
    view, hidden, _ = focused_view(index, busiest, 2, cap)
    assert view.number_of_nodes() == cap and hidden > 0
    drawn = {textindex.node_id(n) for n in view}
    assert asked and set(asked) <= drawn


def test_room_the_last_ring_leaves_goes_back_to_the_nearer_nodes():
    """A focus with many links whose neighbours lead to few new nodes: the view is filled
    with its own links, nearest first, not left half empty."""
    g = nx.MultiDiGraph()
    g.add_node(PERSON, label="Maria Okafor", type="person")
    for i in range(50):
        act = _meeting(f"{2000 + i // 12:04d}-{i % 12 + 1:02d}-15") + "/action/0123456789-0"
        g.add_node(act, label=f"Action {i}", type="action")
        g.add_edge(PERSON, act, relation="must do", evidence="Cllr Okafor to write.")
    view, hidden = select_view(g, focus="Maria Okafor", depth=2, max_nodes=30)
    assert view.number_of_nodes() == 30 and hidden == 21
    newest = sorted((n for n in g if n != PERSON), key=lambda n: (-meeting_day(n), n))[:29]
    assert set(view) == {PERSON, *newest}


def test_the_whole_store_s_cut_is_kept_until_the_store_changes(tmp_path, monkeypatch):
    """The whole view's degrees are a pass over every row: the cut is kept in the store
    folder's index, the next view of the same store draws the same page without that
    pass, and a build that changes the store makes the view cut again."""
    from kg.pipeline import build_into_store
    from kg.store import GraphStore
    from kg.viz import write_view
    from tests.test_textindex import _write
    folder, store = tmp_path / "minutes", tmp_path / "store"
    _write(folder, "4 March 2020", "inspect the stile on the bridleway", "roof repairs")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        first = write_view(st, tmp_path / "a.html", max_nodes=4)
    assert first.truncated
    real = textindex.network_links
    monkeypatch.setattr(textindex, "network_links", lambda *a, **k: pytest.fail("the degrees were summed again"))
    with GraphStore(store, read_only=True) as st:
        again = write_view(st, tmp_path / "b.html", max_nodes=4)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (again.nodes, again.edges, again.hidden) == (first.nodes, first.edges, first.hidden)
    calls = []
    monkeypatch.setattr(textindex, "network_links", lambda *a, **k: calls.append(1) or real(*a, **k))
    with GraphStore(store, read_only=True) as st:  # another cap is another cut
        write_view(st, tmp_path / "c.html", max_nodes=5)
    assert calls == [1]
    _write(folder, "4 March 2020", "clear the ditch by the lane", "kitchen boiler", name="second.txt")
    build_into_store([str(folder)], str(store))
    with GraphStore(store, read_only=True) as st:
        now = write_view(st, tmp_path / "d.html", max_nodes=4)
    assert calls == [1, 1] and now.hidden > first.hidden


def test_each_of_several_people_a_name_fits_gets_a_share():
    """'the Clerk' of two bodies: the busy clerk's every action does not crowd the other's out."""
    g = nx.MultiDiGraph()
    busy, quiet = ID + "person/ann-busy", ID + "person/bea-quiet"
    for who, label, n in ((busy, "Ann Busy", 100), (quiet, "Bea Quiet", 5)):
        g.add_node(who, label=label, type="person", aliases=["the Clerk"])
        for i in range(n):
            act = f"{ID}meeting/{who.rsplit('/', 1)[1]}-council/2020-{i % 12 + 1:02d}-{i // 12 + 1:02d}/action/0123456789-{i}"
            g.add_node(act, label=f"Action {i}", type="action")
            g.add_edge(who, act, relation="must do", evidence="The Clerk to write.")
    view, hidden = select_view(g, focus="the Clerk", depth=1, max_nodes=40)
    assert view.number_of_nodes() == 40 and hidden == 105 - 38
    assert quiet in view and sum(1 for n in view if "bea-quiet-council" in n) == 5, "the quiet clerk's actions are all drawn"


@pytest.mark.parametrize("seed", range(6))
def test_a_cut_view_is_full_and_says_so_exactly_when_the_neighbourhood_is_bigger(seed):
    """On random graphs of dated and undated nodes, with one centre or several: the view
    draws min(cap, neighbourhood) nodes, all within the hops, the centres among them, and
    says something is hidden exactly when the neighbourhood is more than the cap."""
    import random
    rnd = random.Random(seed)
    nodes = [ID + f"person/p{i}" for i in range(15)] + [
        _meeting(f"20{rnd.randrange(10, 30)}-0{rnd.randrange(1, 10)}-1{rnd.randrange(0, 10)}") + f"/action/x-{i}"
        for i in range(150)]
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n, label=n.rsplit("/", 1)[1], type="person" if "/person/" in n else "action")
    g.nodes[nodes[0]]["aliases"] = g.nodes[nodes[1]]["aliases"] = ["the Clerk"]
    for _ in range(rnd.choice([120, 300, 600])):
        a, b = rnd.sample(nodes, 2)
        g.add_edge(a, b, relation="r", evidence="e")
    und = g.to_undirected(as_view=True)
    for name, centres in (("p2", [nodes[2]]), ("the Clerk", nodes[:2])):
        for depth in (1, 2, 3):
            reach = set(centres)
            for c in centres:
                reach |= {n for n, d in nx.single_source_shortest_path_length(und, c, cutoff=depth).items()}
            for cap in (1, 2, 9, 40, 120, 400):
                view, hidden = select_view(g, focus=name, depth=depth, max_nodes=cap)
                assert view.number_of_nodes() == min(cap, len(reach)), (name, depth, cap)
                assert set(view) <= reach and (hidden > 0) == (len(reach) > cap), (name, depth, cap)
                assert set(centres[:cap]) <= set(view) or len(centres) > cap
