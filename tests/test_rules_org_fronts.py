"""What stands in front of or around a body's name and is not part of it.

'Executive' heads the name of a body ("the Health and Safety Executive") but not a post or
a paper it sits inside: "the Senior Executive Officer" (a city and county council), "Senior
Executive Engineer" (a municipal district), "the Contract Executive Summary" (a library board),
"Professor of Accounting and Executive Dean" (a council's guest).

A person named in front of the body, joined by "of the" or "and the": "Leona ... of the Haven
Hub" (a city and county council), "Jesús ... and the Parks Dept." (a neighbourhood community
council), "Mrs X and the Fete Committee" (a community council).  Joined by "and" the front is a
person only where a title or a known given name opens it ("Human Resources and the Finance
Team", a library board, are two units; "Jesús" is a given name the list lacks, so left as is).  Names are invented."""
from __future__ import annotations

import pytest

from kg.extract.names import find_orgs


@pytest.mark.parametrize("raw, orgs", [
    ("Circulated report of the Senior Executive Officer, Corporate Services, was noted.", []),
    ("Mr B Quinn, Senior Executive Engineer, attended.", []),
    ("The Contract Executive Summary was agreed by the Board.", []),
    ("Prof. Ann Hale, Professor of Accounting and Executive Dean, spoke.", []),
    ("A letter from the Fenland Executive was read.", ["Fenland Executive"]),
    ("The Executive Committee met in March.", ["Executive Committee"]),
])
def test_executive_inside_a_post_is_no_body(raw, orgs):
    found = [o.surface for o in find_orgs(raw, 0, {}, [], None)]
    assert [o for o in found if "Executive" in o] == orgs


@pytest.mark.parametrize("raw, orgs", [
    ("Leona Brannagh of the Haven Hub spoke about the service.", ["Haven Hub"]),
    ("She discussed the role of Tom Ortega and the Parks Dept. which will work with a group.", ["Parks Dept"]),
    ("She had spoken to Mrs Tilley and the Fete Committee have agreed.", ["Fete Committee"]),
    # a body or a post in front stays the body's own name, or a post
    ("The Department of the Environment wrote to the Council.", ["Department of the Environment"]),
    ("Friends of the Earth wrote to the Council.", ["Friends of the Earth"]),
    # two units joined by "and": the front is no person
    ("This is being investigated by Human Resources and the Finance Team.",
     ["Human Resources and the Finance Team"]),
])
def test_person_in_front_of_a_body(raw, orgs):
    found = [o.surface for o in find_orgs(raw, 0, {}, [], None)]
    assert [o for o in found if o != "Council"] == orgs
