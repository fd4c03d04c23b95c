"""A vote's tally written number first, with "for" standing for "in favour" ("7 for 2 abstentions.",
"Motion passed 5 for 3 against."), as (raw, expected) tables of minute-writing (names invented;
the shape taken from a town trust's minutes of two years, beside the "six were in favour, one
abstained" of a parish council, which the same rule reads).  A sum of money "for" a year or a
thing is no tally."""
from __future__ import annotations

import pytest

from tests.parish import run


def _votes(lines: str) -> list[tuple]:
    return [(d.votes_for, d.votes_against, d.abstentions) for d in run(lines).decisions]


@pytest.mark.parametrize("raw, expected", [
    # the tally its own sentence between the motion and its outcome
    ("Proposed by Cllr Patel seconded by Cllr Cole to donate £150 towards the new bench. "
     "5 for 2 abstentions. Motion passed", [(5, None, 2)]),
    ("Proposed by Cllr Lee seconded by Cllr Patel to accept the estimate of £1,267.50. "
     "6 for 1 against 1 abstention. Motion passed.", [(6, 1, 1)]),
    # the tally after the outcome
    ("Cllr Cole proposed that the approved minutes be published on the website. Motion passed 4 for 3 against.",
     [(4, 3, None)]),
    ("Proposed by Cllr Patel, seconded by Cllr Cole, that the hall be repainted, six for, two against.",
     [(6, 2, None)]),
    # what the rule read before stays read
    ("Cllr Patel proposed the payments for approval, seconded by Cllr Cole, six were in favour, one abstained.",
     [(6, None, 1)]),
    # a sum for a year or a thing is no tally
    ("Proposed by Cllr Patel seconded by Cllr Cole to accept the grant of $12,500 for 2026.", [(None, None, None)]),
    ("Proposed by Cllr Lee seconded by Cllr Cole to charge £5 for standard items.", [(None, None, None)]),
    ("Proposed by Cllr Lee seconded by Cllr Cole that 3 for the allotments be ordered.", [(None, None, None)]),
])
def test_a_tally_number_first_is_the_vote(raw, expected):
    assert _votes(raw) == expected
