"""A page titled by its meeting's date: the title dates the meeting where the minutes' heading
does not, before the front matter's "date:" (the day the page was last edited or posted).

Shapes: a hackerspace committee's wiki pages ("title: <the day>", a heading with the year
mistyped or February's date copied, "date:" the day the wiki moved engines, years later) and a
parish site's pages whose "date:" is the day it posted several months' minutes.  Names and
places are invented.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.read import read_document
from kg.segment import segment


def _page(title: str, heading: str, posted: str = "2023-01-04T02:54:16.992Z") -> str:
    return (f"---\ntitle: {title}\ndescription: \npublished: true\ndate: {posted}\neditor: markdown\n---\n\n"
            f"{heading}\n\n### Members Present\n\n-   Tomas, Ingrid, Olek\n\n### Treasurers Report\n\n"
            "-   The account stands at \\$1200.\n")


@pytest.mark.parametrize("raw, expected", [
    # the title is the date and the heading gives none the reader takes: the title's
    (_page('"2014-06-21"', "# Committee Meeting"), "2014-06-21"),
    (_page("2014-06-21", "### Committee meeting for Westfield Makerspace 21/06/14"), "2014-06-21"),
    (_page('"21/06/2014"', "# Committee Meeting"), "2014-06-21"),
    # the heading's own full date still goes first
    (_page('"2014-06-21"', "### Committee meeting for Westfield Makerspace 21 June 2014"), "2014-06-21"),
    (_page('"2014-06-21"', "### Committee meeting for Westfield Makerspace 19 July 2014"), "2014-07-19"),
    # a title that is more than a date is no date of the meeting: the posting date, as before
    (_page('"Westfield PC Minutes June"', "MINUTES OF THE MEETING"), "2023-01-04"),
    (_page('"Meeting 2014-06-21 (draft)"', "MINUTES OF THE MEETING"), "2023-01-04"),
])
def test_a_page_titled_by_its_date_dates_the_meeting(raw, expected, tmp_path):
    path = tmp_path / "page.md"
    path.write_text(raw, encoding="utf-8")
    assert extract(segment(read_document(path))).meeting.date == expected
