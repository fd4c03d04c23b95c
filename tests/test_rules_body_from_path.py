"""Where minutes never name their body, or head themselves so that only its kind or its general
meeting shows, as an eighth unseen set showed (two parish councils' and two village halls' pages
saved from their sites, a charity's trustees, two open-source projects' and a users' group's
Markdown, a post titled for the AGM it reports).

- The file's, folder's or site's name, where the minutes name no body or only its kind ("Minutes
  of the PARISH COUNCIL MEETING", "MINUTES OF THE COMMITTEE MEETING"): a small council's or a
  village's site ("ashwellpc.org.uk", "birchfieldvillage.co.uk": two parish councils' and a
  village hall's pages, and many such sites), a file named for its body
  ("...-village-hall-committee.txt": a village hall's page and three US and English councils'
  files).  The meeting says where its body was read from.
- A heading that names the body holding its general meeting ("# Quillbrook Annual General Meeting
  2021", "Minutes of KVLUG AGM - 14 September 2009": an open-source project and a users' group);
  "Minutes of Meeting from the ..."; a year typed against its month ("5th March2015"); a
  charity's trustees' meeting; a lower-case metadata block at a page's top (a wiki converted to a
  site) whose date is the page's, not the meeting's.

Names are invented; the shapes are kept.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.read import read_document
from kg.segment import segment


def meeting(tmp_path: Path, rel: str, text: str, body: str | None = None):
    p = tmp_path / rel
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return extract(segment(read_document(p)), body=body).meeting


PARISH = ("Minutes of the PARISH COUNCIL MEETING held on the 14th May 2019 at 7.30pm in the hall.\n\n"
          "Present:  Cllr A Brook (Chair), Cllr T Vane & Cllr R Oakes.\nIn attendance:  Mrs L Penn (Clerk).\n\n"
          "12.    To receive apologies for absence\n•    Cllr K Moss sent apologies.\n")
HALL = ("MINUTES OF THE COMMITTEE MEETING HELD ON 4th June 2020 in the Village Hall\n"
        "1.PRESENT: Alan, Betty, Colin and Dora\n2.Apologies:Edna\n"
        "The committee agreed a £500 gift to the bowls club for its new mower.\n")
SOCIETY = ("Minutes of a meeting held at 7.30 pm on Tuesday March 3rd 2015\n"
           "Present; Mr Tom Ashe (Chairman), Mrs Ruth Dell (Secretary), Mr Ian Fenn.\nApologies; Mrs Jo Hale.\n"
           "Treasurer; The account holds £412.10.\n")


@pytest.mark.parametrize("rel, text, body, body_from", [
    # a small council's site, its minutes saying only "the Parish Council"
    ("ashwellpc.org.uk/PC mtg 14052019.txt", PARISH, "Ashwell Parish Council", "the site name"),
    # the place as the minutes write it ("Hinton Marsh PC"), its letters run together in the site's name
    ("www.hintonmarshpc.org.uk/minutes.txt", PARISH + "The cost is shared with Hinton Marsh PC.\n",
     "Hinton Marsh Parish Council", "the site name"),
    # a village's site and a file named for the committee: "the committee" is the village hall's
    ("birchfieldvillage.co.uk/village-hall-committee-minutes-june-2020.txt", HALL,
     "Birchfield Village Hall Committee", "the site name"),
    # a page saved under the name of its body
    ("docs/north-marden-allotment-society.txt", SOCIETY, "North Marden Allotment Society", "the file name"),
    ("north-marden-allotment-society/2015-03-03.txt", SOCIETY, "North Marden Allotment Society", "the folder name"),
])
def test_body_the_minutes_never_name_is_read_from_where_they_were_kept(tmp_path, rel, text, body, body_from):
    m = meeting(tmp_path, rel, text)
    assert (m.body, m.body_from) == (body, body_from)


@pytest.mark.parametrize("rel, text, body", [
    # the minutes name their body: the site's or file's name is not read
    ("ashwellpc.org.uk/minutes.txt", "Minutes of Ashwell Parish Council meeting held on 14 May 2019\n\nPresent: Cllr A Brook\n",
     "Ashwell Parish Council"),
    ("docs/north-marden-allotment-society.txt", "Elmbury Garden Club\n" + SOCIETY, "Elmbury Garden Club"),
    # a file named by its place and its date names no body ("cc" is no head word)
    ("elmford-cc-2019-07-29.txt", "Minutes of the meeting held on 29 July 2019\n\nPresent: Jo Hale\n", None),
    # a site that is no council's or village's
    # (the minutes' own generic heading is kept, with nothing said to come from elsewhere)
    ("example.org/village-hall-minutes.txt", HALL, "Committee Meeting"),
])
def test_a_body_the_minutes_name_or_a_name_that_is_none_is_left(tmp_path, rel, text, body):
    m = meeting(tmp_path, rel, text)
    assert m.body_from is None
    assert (m.body or None) == body


def test_a_body_given_by_the_user_is_not_said_to_come_from_the_file(tmp_path):
    m = meeting(tmp_path, "ashwellpc.org.uk/PC mtg 14052019.txt", PARISH, body="Ashwell Council")
    assert (m.body, m.body_from) == ("Ashwell Council", None)


@pytest.mark.parametrize("rel, text, body, date", [
    ("quillbrook/2021-agm-minutes.md", "# Quillbrook Annual General Meeting 2021\n\n## Minutes\n\n"
     "- 2021-03-05 17:00+0000 Call to order\n- Ana Roe moves to approve the budget.\n  Motion carried.\n",
     "Quillbrook", "2021-03-05"),
    # a wiki's metadata in lower case without "---" lines: its date is the page's conversion
    ("site/index.md", "title: 2009 AGM\nslug: 2009-agm\ndate: 2023-01-02 10:00:00 UTC+12:00\ntags: \ncategory: \n\n"
     "# Minutes of KVLUG AGM - 14 September 2009\n\n## 1. Apologies\n\nApologies were sent by Tom Reece.\n",
     "KVLUG", "2009-09-14"),
    ("page.txt", "MINUTES OF MEETING FROM THE DENHOLM VILLAGE HALL COMMITTEE HELD ON 5th March2015 AT 2000HRS\n\n"
     "Present / Ann Lowe\nBen Carr\n", "Denholm Village Hall Committee", "2015-03-05"),
    ("page2.txt", "Minutes of the meeting of the Orchard Fields Charity Trustee meeting held on 12th May 2016\n"
     "Present: Trustees Marsh (Chair), Pike, Dunn and the Clerk\n", "Orchard Fields Charity", "2016-05-12"),
])
def test_headings_that_name_the_body(tmp_path, rel, text, body, date):
    m = meeting(tmp_path, rel, text)
    assert (m.body, m.date) == (body, date)


@pytest.mark.parametrize("text", [
    # a post's title is what the page is about, not whose meeting it was
    "---\nlayout: post\ntitle: Lively AGM\n---\nOn Tuesday 9 May we held our AGM at the hall.\n",
    # a general meeting's heading that names no one
    "# Annual General Meeting 2021\n\n- 2021-03-05 Call to order\n",
    "Minutes of the Annual General Meeting held on 5 March 2021\n\nPresent: Ann Lowe\n",
    "# Village Hall AGM 2021\n\n- 2021-03-05 Call to order\n",
])
def test_a_heading_or_title_that_names_no_body_gives_none(tmp_path, text):
    assert meeting(tmp_path, "notes/page.md", text).body is None
