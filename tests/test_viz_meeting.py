"""A meeting's view drawn from the text index's rows draws what the whole network read by
SPARQL does when cut to that meeting: the same nodes, edges, labels, types, aliases and
actions' details, the same hidden count and note, the same errors, without reading the
whole network."""
from __future__ import annotations

import pytest

from kg import textindex
from kg.errors import GovkgError, UsageError
from kg.viz import focus_note, meeting_nodes, meeting_view, select_view, write_view
from tests.test_viz_focus import _drawn, _whole_from_store, twice_told, whole  # noqa: F401 (fixtures)


def _meeting_specs(g):
    """What a reader gives --meeting: an IRI, a label in another case, a date, a date as
    written in minutes, part of a body's name, a slug of the IRI, and what fits nothing."""
    meetings = sorted(n for n, a in g.nodes(data=True) if a["type"] == "meeting")
    labels = sorted(g.nodes[m]["label"] for m in meetings)
    dated = sorted(m for m in meetings if m.rsplit("/", 1)[-1][:4].isdigit())
    day = dated[len(dated) // 2].rsplit("/", 1)[-1]
    y, mo, d = day.split("-")
    written = f"{int(d)} {['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][int(mo) - 1]} {y}"
    body_slug = dated[0].rsplit("/", 2)[-2]
    return [meetings[0], meetings[-1], labels[len(labels) // 2], labels[-1].upper(), day, written, y,
            "council meeting", body_slug, "Zebedee Quuxworth Board", "1999-01-01", "   "]


def _same_view(index, whole, spec, focus=None, depth=2, cap=10**9) -> bool:
    """Whether the index's view of `spec` is the whole network's cut (or fails the same way)."""
    try:
        want, want_hidden = select_view(whole, meeting=spec, focus=focus, depth=depth, max_nodes=cap)
    except GovkgError as e:
        with pytest.raises(type(e)) as new:
            meeting_view(index, spec, focus=focus, depth=depth, max_nodes=cap)
        assert str(new.value).split(";")[0] == str(e).split(";")[0], spec
        return False
    got, got_hidden, note = meeting_view(index, spec, focus=focus, depth=depth, max_nodes=cap)
    assert got_hidden == want_hidden, (spec, focus, cap)
    assert _drawn(got) == _drawn(want), (spec, focus, cap)
    assert note == (focus_note(whole.subgraph(meeting_nodes(whole, spec)), focus) if focus else ""), (spec, focus)
    return True


def test_the_meeting_view_draws_what_the_whole_network_cut_to_it_draws(unlabelled, whole):
    index = textindex.reader_index(unlabelled)
    assert index is not None
    drawn = sum(_same_view(index, whole, spec) for spec in _meeting_specs(whole))
    assert drawn >= 8


@pytest.mark.parametrize("focus, depth", [("the Clerk", 1), ("Chair", 2), ("council", 0)])
def test_a_meeting_with_a_focus_and_cut_to_fit_draws_the_same(unlabelled, whole, focus, depth):
    index = textindex.reader_index(unlabelled)
    specs = _meeting_specs(whole)
    for spec in specs[:3] + specs[6:8]:
        for cap in (10**9, 40, 12, 1):
            _same_view(index, whole, spec, focus, depth, cap)
            _same_view(index, whole, spec, None, depth, cap)


@pytest.mark.parametrize("cap", [10**9, 12, 3])
def test_a_meeting_two_documents_tell_is_drawn_as_the_merged_graph_draws_it(twice_told, cap):
    from kg.store import GraphStore
    with GraphStore(str(twice_told), read_only=True) as st:
        whole = _whole_from_store(st)
        index = textindex.reader_index(st)
        assert index is not None and len(index.recorded()) == 2
        meeting = next(n for n, a in whole.nodes(data=True) if a["type"] == "meeting")
        for spec in (meeting, whole.nodes[meeting]["label"], "wirral"):
            assert _same_view(index, whole, spec, cap=cap)
        assert _same_view(index, whole, meeting, "Julia Hassall", 1, cap)


@pytest.mark.parametrize("spec", ["Wirral Children\u2019s Trust", "Wirral Children's Trust", "wirral children's",
                                  "WIRRAL CHILDREN\u2018S TRUST"])
def test_straight_and_typographic_apostrophes_find_the_same_meeting(founding, spec):
    index = textindex.reader_index(founding)
    view, _hidden, _note = meeting_view(index, spec)
    same, _h, _n = meeting_view(index, "Wirral Children's Trust")
    assert view.number_of_nodes() > 5 and _drawn(view) == _drawn(same)


def test_a_meeting_that_fits_nothing_is_one_line_naming_close_ones(founding, tmp_path):
    with pytest.raises(GovkgError) as e:
        write_view(founding, tmp_path / "v.html", meeting="Wirral Childrens Trst")
    msg = str(e.value)
    assert "\n" not in msg and "Wirral Childrens Trst" in msg and "Wirral Children\u2019s Trust meeting" in msg
    assert not (tmp_path / "v.html").exists()
    with pytest.raises(UsageError):
        write_view(founding, tmp_path / "v.html", meeting="   ")


def test_write_view_draws_a_meeting_from_the_index_on_an_indexed_store(unlabelled, whole, tmp_path, monkeypatch):
    import kg.network
    monkeypatch.setattr(kg.network, "accountability_graph",
                        lambda st: pytest.fail("a meeting's view read the whole network"))
    spec = _meeting_specs(whole)[0]
    info = write_view(unlabelled, tmp_path / "v.html", meeting=spec)
    want, hidden = select_view(whole, meeting=spec)
    assert (info.nodes, info.edges, info.hidden) == (want.number_of_nodes(), want.number_of_edges(), hidden)
