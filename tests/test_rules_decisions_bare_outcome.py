"""A bare outcome line ("Unanimously approved.", "Approved.") after a motion's own lines ("Proposed
by: A", "Seconded by: B") carries the statement made before those lines, its mover and its seconder
(names and wording invented; the shape seen in the minutes of two foundations' boards, an
open-source project's and an open-science one's, kept outside the project).  Each passage runs
through the whole extract stage inside a small document whose body is known, as in
tests/test_rules.py."""
from __future__ import annotations

import pytest

from tests.parish import run


@pytest.mark.parametrize("raw, text, proposer, seconder", [
    ("The treasurer shall open a bank account for the group.\nProposed by: Priya Shah\n"
     "Seconded by: Tom Evans\nUnanimously approved.",
     "The treasurer shall open a bank account for the group.", "Priya Shah", "Tom Evans"),
    ("The board adopts the travel policy as circulated.\n\nMoved: Ana Costa\n\nSeconded: Lee Wong\n\nApproved.",
     "The board adopts the travel policy as circulated.", "Ana Costa", "Lee Wong"),
    ("The committee will fund two places at the summer school.\nProposed by: Ruth Kay\n"
     "Approved unanimously, with the costs to be reviewed in a year.",
     "The committee will fund two places at the summer school.", "Ruth Kay", None),
])
def test_a_bare_outcome_carries_the_motion_stated_before_its_lines(raw, text, proposer, seconder):
    ex = run(raw)
    assert [d.text for d in ex.decisions] == [text]
    d = ex.decisions[0]
    assert (d.proposer.surface if d.proposer else None) == proposer
    assert (d.seconder.surface if d.seconder else None) == seconder
    assert d.evidence.quote in ex.document.text  # the statement through its outcome, as written
