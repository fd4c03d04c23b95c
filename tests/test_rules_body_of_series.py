"""A folder of one body's wiki pages headed "Committee meeting for NAME DATE" on some pages and a
bare "Committee Meeting DATE" on others (a hackerspace committee's wiki, an unseen series): the
NAME is the body where it heads two pages of the folder; a bare page takes it and says so.  "KIND
meeting for ..." names a purpose in most public texts ("for the autumn fair", "for the budget
review"), so a NAME heading one page only, "for the ...", or two NAMEs in one folder give no body.

Names are invented; the shapes are kept.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.extract.bodyseries import heading_shape
from kg.read import read_document
from kg.segment import segment

FRONT = "---\ntitle: {day}\npublished: true\ndate: 2024-06-30T09:12:44.100Z\n---\n"
NAMED = FRONT + "### Committee meeting for {name} {day}\n-   Location: the workshop\n-   Present: Ann, Bob, Cy\n"
BARE = FRONT + "# Committee Meeting {day}\n### Opening\n-   Opened at 19.10\n-   Present: Ann, Bob, Cy\n"


def _write(folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")


def _meeting(path: Path):
    return extract(segment(read_document(path))).meeting


@pytest.mark.parametrize("line, shape", [
    ("### Committee meeting for Harbour Makers 7/3/21", ("committee", "Harbour Makers")),
    ("# Board Meeting for Eastfield Radio Club", ("board", "Eastfield Radio Club")),
    ("# Committee Meeting 2021.04.04", ("committee", None)),
    ("Committee meeting - 4/4/2021", ("committee", None)),
    ("Committee Meeting for the Autumn Fair 2019", None),  # a purpose, with its article
    ("Board meeting for budget review", None),  # a purpose, in lower case
    ("Committee meeting for Harbour Makers was postponed until June", None),  # a sentence, not a heading
    ("Minutes of the Harbour Makers Committee", None),
])
def test_heading_shape(line, shape):
    assert heading_shape(line) == shape


def test_named_twice_and_bare_pages_take_the_body(tmp_path):
    d = tmp_path / "wiki" / "minutes"
    _write(d, {"2014-01-11.md": NAMED.format(name="Harbour Makers", day="11/01/14"),
               "2014-02-08.md": BARE.format(day="2014.02.08"),
               "2014-03-08.md": NAMED.format(name="Harbour Makers", day="08/03/14")})
    named = _meeting(d / "2014-01-11.md")
    assert (named.body, named.body_from) == ("Harbour Makers", None)
    bare = _meeting(d / "2014-02-08.md")
    assert (bare.body, bare.body_from) == ("Harbour Makers", "the folder's other minutes")


@pytest.mark.parametrize("pages, page", [
    # NAME heads one page only: it may be the meeting's purpose
    ({"a.md": NAMED.format(name="Harbour Makers", day="11/01/14"), "b.md": BARE.format(day="2014.02.08")}, "a.md"),
    # one page gives a NAME: a bare page takes none from it
    ({"a.md": NAMED.format(name="Harbour Makers", day="11/01/14"), "b.md": BARE.format(day="2014.02.08")}, "b.md"),
    # a folder of two bodies' pages gives no body to either
    ({"a.md": NAMED.format(name="Harbour Makers", day="11/01/14"),
      "b.md": NAMED.format(name="Quayside Radio Club", day="18/01/14"),
      "c.md": NAMED.format(name="Harbour Makers", day="08/02/14"),
      "d.md": BARE.format(day="2014.02.15")}, "d.md"),
])
def test_no_body_where_the_folder_does_not_give_one(tmp_path, pages, page):
    d = tmp_path / "mixed"
    _write(d, pages)
    assert _meeting(d / page).body is None
