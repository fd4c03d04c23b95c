"""Organisations named head first, what they serve or where after "of" ("the Bureau of
Transportation", "the Friends of X Park", "Board of Supervisors of X County"), as (raw, expected)
tables of minute-writing (names invented; shapes taken from the minutes of a US city council, a
US school board, an Irish city and county council, a Canadian city committee, a Scottish
community council, a Welsh community council and a US community council)."""
from __future__ import annotations

import pytest

from kg.extract.names import NameContext, find_orgs, find_people


def _orgs(text: str) -> list[str]:
    people = find_people(text, 0, NameContext())
    return [o.surface for o in find_orgs(text, 0, {}, [(m.start, m.end) for m in people])]


@pytest.mark.parametrize("raw, expected", [
    ("Accept the report of the Bureau of Transportation on the street fund.", ["Bureau of Transportation"]),
    ("Authorize a contract with the Oregon Department of Transportation for the bridge.",
     ["Oregon Department of Transportation"]),
    ("The Office of Management and Finance presented the budget.", ["Office of Management and Finance"]),
    ("Agreement with the Bureau of Parks & Recreation for the summer programme.",
     ["Bureau of Parks & Recreation"]),
    ("AB gave an update from the Friends of Hazel Park.", ["Friends of Hazel Park"]),
    ("The Friends of Hazel Park Rep reported on the clean-up.", ["Friends of Hazel Park"]),
    ("Approved the election date set by the Board of Supervisors of Oakley County.",
     ["Board of Supervisors of Oakley County"]),
    ("Students from the University of Westbury presented their survey.", ["University of Westbury"]),
    ("That the Council write to the Department of Housing, Planning and Heritage about the scheme.",
     ["Department of Housing, Planning and Heritage"]),
    ("Funding was sought from the Department of Roads, and the matter was deferred.", ["Department of Roads"]),
    ("A letter from the Department of Rail and the NRA was read.", ["Department of Rail"]),
    ("In line with the City of Westbury Procurement Policy the quotes were sought.", ["City of Westbury"]),
    ("The Corporation of the City of Westbury reviewed the boundary.", ["Corporation of the City of Westbury"]),
])
def test_bodies_named_head_first(raw, expected):
    assert _orgs(raw) == expected


@pytest.mark.parametrize("raw", [
    "The Board of Trustees met in March.",
    "The Board of Directors approved the accounts.",
    "The Chair of Governors thanked the staff.",
    "The Director of Finance presented the accounts.",
])
def test_a_board_of_its_members_or_a_post_is_not_a_body_named_head_first(raw):
    assert _orgs(raw) == []
