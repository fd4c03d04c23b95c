"""Pairs of a report and an action too many meetings apart to ever be linked are not
weighed: the links are the same as when every pair is, and no pair scores above the bound
the cut-off is computed from."""
from __future__ import annotations

import pytest

import kg.link as link
from kg.link import GAP_COST, MAX_SCORE, link_body, max_gap, score_pairs, state_of
from kg.records import LinkAction, LinkSentence

from tests.test_link import SERIES

# a long series of one body's meetings in the shapes minutes write them (names invented):
# the same subjects come back year after year, some reports cite the minute of the action
TASKS = ["obtain three quotes for the play area fence", "write to the bus company about the timetable",
         "ask the district council about a dog bin on Marsh Lane", "arrange the hedge cutting on Church Walk"]
REPORTS = ["Play area fence – three quotes had been obtained.", "Bus timetable – no response from the company yet.",
           "Dog bin on Marsh Lane – the district council had installed the bin.",
           "Church Walk hedge – carried forward to the next meeting."]


def _series(n: int) -> tuple[list[LinkAction], list[LinkSentence]]:
    actions, cands = [], []
    for m in range(n):
        date = f"{2000 + m // 12:04d}-{m % 12 + 1:02d}-05"
        for k, task in enumerate(TASKS):
            if (m + k) % 3:
                actions.append(LinkAction(f"a{m}-{k}", f"m{m}", date, task, f"Cllr Ann Brook agreed to {task}.",
                                          "Matters arising", ["Ann Brook"], k, f"{3000 + 10 * m + k}"))
        for k, text in enumerate(REPORTS):
            if m and (m + k) % 2:
                cited = f"{3000 + 10 * max(0, m - 1 - 3 * k) + k} - " if k % 2 else ""
                cands.append(LinkSentence(f"p{m}-{k}", f"m{m}", date, cited + text, "Matters arising",
                                          state_of(text), True, k))
    return actions, cands


def _inputs_of_the_series():
    out = [_series(40)]
    if (SERIES / "series.gold.json").exists():
        from kg.link import document_inputs, merge_inputs
        from kg.pipeline import build_document
        from kg.vocab import DEFAULT_BASE
        docs = [build_document((str(p), None, None, DEFAULT_BASE, None, None))[2] for p in sorted(SERIES.glob("*.txt"))]
        for body in {b for d in docs for b in d}:
            a, c, _ = merge_inputs([d[body] for d in docs if body in d])
            out.append((a, c))
    return out


def test_the_reach_is_finite_and_short_of_a_year_of_monthly_meetings():
    assert 3 <= max_gap() <= 30


@pytest.mark.parametrize("which", [0, 1])
def test_no_pair_scores_above_the_bound(which, monkeypatch):
    series = _inputs_of_the_series()
    if which >= len(series):
        pytest.skip(f"the development series is not at {SERIES}")
    actions, cands = series[which]
    monkeypatch.setattr(link, "max_gap", lambda: 10 ** 9)  # weigh every pair
    dates = sorted({a.date for a in actions} | {c.date for c in cands})
    rank = {d: k for k, d in enumerate(dates)}
    by_passage = {c.passage: c for c in cands}
    far = 0
    for passage, options in score_pairs(actions, cands).items():
        for s, k in options:
            gap = rank[by_passage[passage].date] - rank[actions[k].date] - 1
            far = max(far, gap)
            assert s * (1.0 + GAP_COST * gap) <= MAX_SCORE + 1e-9
    if which == 0:
        assert far > max_gap()  # the series does hold pairs beyond the reach


@pytest.mark.parametrize("which", [0, 1])
def test_links_are_the_same_as_when_every_pair_is_weighed(which, monkeypatch):
    series = _inputs_of_the_series()
    if which >= len(series):
        pytest.skip(f"the development series is not at {SERIES}")
    actions, cands = series[which]
    cut = link_body(actions, cands)
    monkeypatch.setattr(link, "max_gap", lambda: 10 ** 9)
    assert link_body(actions, cands) == cut
    if which == 0:
        assert any(r.action for r in cut)
