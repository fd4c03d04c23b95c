"""Questions of a sixth set of unseen minutes' kinds (bodies outside England), asked of invented
minutes in their shapes.

A Northern Irish district council's motions on capitalised lines ("Proposed by Councillor A
Seconded by Councillor B, and" / "Resolved: that ..."), a Scottish council committee's "Mr A in
the Chair", a US water district's and a US county commission's motions in sentences ("Director
A moved to approve X." / "President B seconded the motion." / "Motion carried ...",
"Commissioner A made a motion to approve the agenda ..."), a Canadian council's register in
prose ("Present were Mayor A, ..., Clerk B. Deputy Mayor C was absent."), and officers listed
with their posts in brackets where one is an aide of another ("Mr A (Chief Executive) Mrs B
(Chief Executive's Secretary)"), and a post's holder quoted from a sentence that names the post
and the surname ("General Manager Tafoya said ...").  Every question here was answered wrongly, "nobody" or
refused before.
"""
from __future__ import annotations


import pytest

from kg.ask import answer
from tests.conftest import assert_answered, read_only, store_of_texts
from tests.test_rules_outside_england import CANADIAN_COUNCIL, COUNTY_COMMISSION, NI_COUNCIL, SCOTTISH_COMMITTEE, \
    WATER_DISTRICT

# officers in brackets after their names, an aide's post naming the post it serves
NI_OFFICERS = NI_COUNCIL.replace(
    "2 Minutes",
    "Officers Present: Mr J Brennan (Chief Executive) Mrs A Doyle (Chief Executive’s Secretary)\n\n2 Minutes")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "outside-england", {
        "kilrea-district-council-2015-06-09.txt": NI_OFFICERS,
        "dunbeath-roads-and-harbours-committee-2016-03-03.txt": SCOTTISH_COMMITTEE,
        "orchard-springs-irrigation-district-2019-03-04.md": WATER_DISTRICT,
        "lake-county-board-2022-03-07.txt": COUNTY_COMMISSION,
        "elginfield-council-2009-05-07.txt": CANADIAN_COUNCIL,
    })


@pytest.fixture
def store(store_path):
    with read_only(store_path) as st:
        yield st


@pytest.mark.parametrize("question, must, where", [
    ("who proposed the minutes of the 12 May meeting?", r"proposed by Councillor D Harkin", r"2015-06-09"),
    ("who seconded the minutes of the Special Meeting?", r"seconded by Councillor E Tolan", r"2015-06-09"),
    ("who is the Chief Executive of Kilrea District Council?", r"^Mr J Brennan: Chief Executive", r"2015-06-09"),
    ("who chaired the Roads and Harbours Committee meeting?", r"Gunn", r"2016-03-03"),
    ("who moved the consent calendar?", r"proposed by (?:Director|Lee) Ambrose", r"2019-03-04"),
    ("who seconded deferring the pump station project?", r"seconded by (?:Director|Lee) Ambrose", r"2019-03-04"),
    ("who made the motion to approve the agenda?", r"proposed by Commissioner Dorsey", r"2022-03-07"),
    ("was Cliff Evans at the Elginfield meeting?", r"^No\b", r"2009-05-07"),
    # the holder named in full in a register line, the post before the surname in the prose
    ("who is the General Manager of Orchard Springs Irrigation District?", r"^Ron Tafoya: General Manager",
     r"2019-03-04"),
])
def test_a_question_of_the_sixth_set_is_answered(store, question, must, where):
    assert_answered(store, question, must, where)


def test_an_aides_post_is_not_the_post_it_serves(store):
    text = answer(store, "who is the Chief Executive of Kilrea District Council?").text()
    assert "Doyle" not in text, text
