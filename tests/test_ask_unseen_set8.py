"""Questions of issue 11's kinds asked of invented minutes in the shapes an eighth unseen set showed.

Minutes that never name their body, kept as a user keeps a saved site or a page: a parish
council's ("Minutes of the PARISH COUNCIL MEETING" under a folder named as the council's site), a
village hall committee's ("MINUTES OF THE COMMITTEE MEETING" in a village's site, its file named
for the committee) and a society's (a page saved under its body's name); an open-source project's
AGM ("# Name Annual General Meeting 2021"), a users' group's AGM below a wiki's metadata dated the
day it was converted; a board "led by" its chair; a report "presented" in a sentence.  Each
question was answered with "(body not stated: FILE)", a posting date, "nobody", a refusal or a
crash before the rules of kg/extract and kg/ask these tests go with; each answer must quote its
evidence, name its body and date, and say where a body the minutes never name was read from.
"""
from __future__ import annotations

import pytest

from kg.errors import QuestionError
from tests.conftest import assert_answered, read_only

FILES = {
    "ashwellpc.org.uk/PC mtg 14052019.txt":
        "Minutes of the PARISH COUNCIL MEETING held on the 14th May 2019 at 7.30pm in the hall.\n\n"
        "Present:  Cllr A Brook (Chair), Cllr T Vane & Cllr R Oakes.\nIn attendance:  Mrs L Penn (Clerk).\n\n"
        "12.    To receive apologies for absence\n•    Cllr K Moss sent apologies.\n"
        "13.    Minutes of the previous meeting\n•    The minutes of the meeting held on 9th April 2019 were "
        "approved unanimously.\n",
    "birchfieldvillage.co.uk/village-hall-committee-minutes-june-2020.txt":
        "MINUTES OF THE COMMITTEE MEETING HELD ON 4th June 2020 in the Village Hall\n"
        "1. PRESENT: Alan Fitch, Betty Crane, Colin Marsh and Dora Lamb\n"
        "2. Treasurer's Report\nThe committee agreed a £500 gift to the bowls club for its new mower.\n",
    "docs/north-marden-allotment-society.txt":
        "Minutes of a meeting held at 7.30 pm on Tuesday March 3rd 2015\n"
        "Present; Mr Tom Ashe (Chairman), Mrs Ruth Dell (Secretary), Mr Ian Fenn.\nApologies; Mrs Jo Hale.\n"
        "Treasurer; The account holds £412.10.\n",
    "quillbrook/2021-agm-minutes.md":
        "# Quillbrook Annual General Meeting 2021\n\n## Minutes\n\n- 2021-03-05 17:00+0000 Call to order\n\n"
        "### Motions\n\n- Ana Roe moves to approve the budget.\n  Motion carried.\n",
    "kvlug/index.md":
        "title: 2009 AGM\nslug: 2009-agm\ndate: 2023-01-02 10:00:00 UTC+12:00\ntags: \ncategory: \n\n"
        "# Minutes of KVLUG AGM - 14 September 2009\n\n## 1. Apologies\n\nApologies were sent by Tom Reece.\n\n"
        "## 2. Membership questionnaire\n\nNina Vale presented the questionnaire's findings to the members.\n",
    "board/2024-05-09.md":
        "# Larchfield Foundation Board meeting, May 9, 2024\n\nThe meeting was led by Priya Anand.\n\n"
        "Directors present:\n\n- Priya Anand\n- Owen Stroud\n",
    "minutes/kestrel-ford-cc-2022-02-07.txt":
        "Kestrel Ford Community Council\nMinutes of the meeting held on 7th February 2022\n\n"
        "Present: Cllr M Pike (Chair), Cllr J Rowe, Cllr S Teal\n\n"
        "4. To confirm the play area insurance has been renewed\nCllr Rowe confirmed this had been done.\n"
        "5. Footpaths\nThe Clerk explained that the stile on the river path was awaiting a contractor.\n"
        "6. Grants\nIt was resolved that a grant of £250 to the youth club be approved.\n"
        "7. Minutes of the previous meeting\nIt was resolved that the minutes of the meeting held on 10th "
        "January 2022 be accepted as a true record.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from kg.pipeline import build_into_store
    root = tmp_path_factory.mktemp("set8")
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    path = root / "store"
    report = build_into_store([str(root / rel) for rel in FILES], str(path))
    assert not report.failed, report.failed
    with read_only(path) as st:
        yield st


ASHWELL = r"^Ashwell Parish Council \(body read from the site name\), 2019-05-14$"
BIRCH = r"^Birchfield Village Hall Committee \(body read from the site name\), 2020-06-04$"
MARDEN = r"^North Marden Allotment Society \(body read from the file name\), 2015-03-03$"


@pytest.mark.parametrize("question, must, where", [
    # a body named only by its kind, completed from the site's name
    ("who chaired the Ashwell parish council meeting?", r"A Brook", ASHWELL),
    ("who sent apologies to the parish council meeting in May 2019?", r"K Moss", ASHWELL),
    ("what was decided about the minutes of the previous meeting?", r"approved", ASHWELL),
    # a committee whose page is named for it on a village's site
    ("what was agreed about the bowls club?", r"£500", BIRCH),
    ("was Betty Crane at the village hall committee meeting?", r"Betty Crane", BIRCH),
    # a page saved under its body's name
    ("who gave apologies to the allotment society?", r"Jo Hale", MARDEN),
    ("who is the secretary of the allotment society?", r"Ruth Dell", MARDEN),
    # a project's AGM named in its heading
    ("what happened at the Quillbrook AGM in March 2021?", r"carried", r"^Quillbrook, 2021-03-05$"),
    # a wiki's metadata dated the day it was converted: the heading's date is the meeting's
    ("who sent apologies to the KVLUG AGM?", r"Tom Reece", r"^KVLUG, 2009-09-14$"),
    ("who presented the questionnaire findings?", r"Nina Vale", r"^KVLUG, 2009-09-14$"),
    # "The meeting was led by A"
    ("who led the Larchfield Foundation Board meeting?", r"Priya Anand", r"Larchfield Foundation Board, 2024-05-09"),
    # "A confirmed this had been done" under the item naming the matter
    ("who confirmed the play area insurance had been renewed?", r"Rowe", r"Kestrel Ford Community Council, 2022-02-07"),
    # the thing asked about before its verb; a motion's subject
    ("what grants were approved?", r"£250", r"Kestrel Ford Community Council, 2022-02-07"),
    ("which grants were approved by Kestrel Ford Community Council?", r"youth club",
     r"Kestrel Ford Community Council, 2022-02-07"),
    ("what was the motion about the minutes?", r"true record",
     r"Kestrel Ford Community Council, 2022-02-07"),
])
def test_question_is_answered_with_body_and_date(store, question, must, where):
    assert_answered(store, question, must, where)


@pytest.mark.parametrize("question", [
    # asked of what is still to be done, a confirmation is an action's owner, not a statement
    "who will confirm the play area insurance?",
])
def test_a_confirmation_still_to_come_is_not_read_as_said(question):
    from kg.ask import PATTERNS, who_said
    handler = next(h for rx, h in PATTERNS if rx.match(question.rstrip("?")))
    assert handler is not who_said


def test_actions_agreed_are_still_listed_as_actions(store):
    from kg.ask import PATTERNS, list_actions
    handler = next(h for rx, h in PATTERNS if rx.match("what actions were agreed"))
    assert handler is list_actions


def test_a_count_of_what_is_no_question_is_refused_not_a_crash(store):
    from kg.ask import answer
    with pytest.raises(QuestionError, match="cannot count"):
        answer(store, "how many members signed up at the KVLUG AGM?")


def test_a_body_the_minutes_name_is_not_said_to_come_from_elsewhere(store):
    ans = assert_answered(store, "who sent apologies to the KVLUG AGM?", r"Tom Reece")
    assert all("body read from" not in r.get("meeting_label", "") for r in ans.rows)
