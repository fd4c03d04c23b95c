"""Shapes of minute-writing read on an eighth unseen set (a community land trust's AGM report, an
open-source foundation's board, village hall committees, parish councils; the bodies beside them
that show each shape are named above its table).  The body read from a file's, folder's or site's
name is in tests/test_rules_body_from_path.py.

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


# the post in lower case after "our" or "the", before its holder: a community land trust's AGM
# report ("Our chair A opened the meeting"), a US school board ("called to order by the president, B")
@pytest.mark.parametrize("text, post, holder", [
    ("Our chair Rhona Delph opened the meeting at seven.\n", "chair", "Rhona Delph"),
    ("Our treasurer Anil Varma took members through the accounts.\n", "treasurer", "Anil Varma"),
    ("The meeting was called to order at 6:01 pm by the president, Jo Avery.\n", "chair", "Jo Avery"),
])
def test_post_in_lower_case_before_its_holder(text, post, holder):
    assert run(text).posts.get(post) == holder


@pytest.mark.parametrize("text", [
    # a post's word that is no post, or no name after it
    "Our thanks go to Rhona Delph for the teas.\n",
    "The chair thanked everyone for coming.\n",
])
def test_no_post_where_none_is_written(text):
    assert not run(text).posts


# "The meeting was led by A", "the meeting was chaired by A": the chair (an open-source
# foundation's board; a Scottish community council's AGM)
@pytest.mark.parametrize("text, chair", [
    ("# Larchfield Foundation Board monthly meeting, May 9, 2024\n\nThe meeting was led by Priya Anand.\n", "Priya Anand"),
    ("Minutes of the AGM of Elmbank Community Council held on 8 October 2025\n\n"
     "After the elections the meeting was chaired by Ruth Gale.\n", "Ruth Gale"),
])
def test_meeting_led_or_chaired_by(text, chair):
    assert [a.person.surface for a in run(text).attendance if a.role == "chair"] == [chair]


# a day and weekday without a year, in minutes that write no full date but the financial year
# ("the 2021/22 report was received": an AGM's report of the year just ended)
@pytest.mark.parametrize("text, date", [
    ("The AGM took place on Monday 19 September in the Mill Hall; the 2021/22 report was received.\n", "2022-09-19"),
    ("The AGM took place on Tuesday 14 March. The 2022-23 accounts were approved.\n", "2023-03-14"),
    # no financial year: no year is guessed
    ("The AGM took place on Monday 19 September in the Mill Hall.\n", None),
])
def test_weekday_and_day_dated_by_the_financial_year(text, date):
    assert run(text, "post.md").meeting.date == date


# a charity's trustees written as one title before their surnames ("Present: Trustees A (Chair),
# B, C"), as councillors are ("Councillors A, B and C": an Irish county council, a Welsh community
# council), and one trustee by title and surname after ("Trustee A agreed to ...", as a US
# village's board of trustees writes its members)
def test_trustees_listed_under_one_title_and_one_trustee_by_title():
    ex = run("Minutes of the meeting of the Orchard Fields Charity Trustee meeting held on 12th May 2016\n"
             "Present: Trustees Marsh (Chair), Pike, Dunn and the Clerk\n\n"
             "12.16 Fence\nTrustee Marsh agreed to ask the builder for a second quote.\n")
    present = {a.person.surface.split()[-1] for a in ex.attendance if a.role == "present"}
    assert present >= {"Marsh", "Pike", "Dunn"}
    assert [a.person.surface.split()[-1] for a in ex.attendance if a.role == "chair"] == ["Marsh"]
    assert [[o.surface for o in a.owners] for a in ex.actions] == [["Trustee Marsh"]]


@pytest.mark.parametrize("text", [
    # the word in a report's or a body's name is no title
    "The Trustees Annual Report was received.\n",
    "Minutes of the Trustees of Elm Hall meeting held on 12 May 2016\n",
])
def test_trustees_in_a_name_is_no_title(text):
    assert not run(text).people
