"""'agreed to' before a noun is assent to what was put, not a task.

Found in a community council ("Cllr A suggested it be re-sited on the wharf. All Cllrs agreed
to this proposal.") and a city and county council ("Councillor A agreed to the reworded
Motion."): the members agreeing to a proposal decide; one member agreeing to a motion's wording
undertakes nothing.  "Cllrs" standing alone ("All Cllrs", "Cllrs were happy") is the members,
as "Councillors" is; before a name it stays a title.  Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

HEAD = ("ASHCOMBE COMMUNITY COUNCIL\n\nMinutes of a meeting of the above Council held on Monday 12th May 2025."
        "\n\nPresent: Cllrs Marsh, Pellow, Quint & the Clerk.\n\n3101. Police Report: None.\n\n3102. Land Mine: "
        "The Charity asked whether the Council could move it. Cllr Marsh suggested it be re-sited on the wharf. ")
TAIL = " Clerk inform the Charity.\n\n3103. Correspondence: None.\n"


def run(line: str):
    return extract(segment(Document("t.txt", HEAD + line + TAIL, "txt", "0")))


@pytest.mark.parametrize("line, decisions, actions", [
    # the assent carries the proposal the sentence before puts (as "The proposal was carried" does)
    ("All Cllrs agreed to this proposal.",
     ["Cllr Marsh suggested it be re-sited on the wharf. All Cllrs agreed to this proposal."], ["inform the Charity"]),
    ("All Cllrs\nagreed to this proposal.",
     ["Cllr Marsh suggested it be re-sited on the wharf. All Cllrs agreed to this proposal."], ["inform the Charity"]),
    ("Councillors agreed to the request.", ["Councillors agreed to the request."], ["inform the Charity"]),
    # one member agreeing to a motion's wording: neither a task nor the body's decision
    ("Councillor Quint agreed to the reworded Motion.", [], ["inform the Charity"]),
    # a verb after "to" is still a task, of the members or of one
    ("Cllrs Marsh & Pellow agreed to arrange the move.", [], ["arrange the move", "inform the Charity"]),
    ("Councillors agreed to email the Clerk with any issues.", [],
     ["email the Clerk with any issues", "inform the Charity"]),
])
def test_agreed_to_a_noun_is_assent(line, decisions, actions):
    ex = run(line)
    assert [d.text for d in ex.decisions] == decisions
    assert [a.text for a in ex.actions] == actions
