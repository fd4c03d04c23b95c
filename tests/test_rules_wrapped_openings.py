"""An item's opening line that wraps onto a next line going on in lower case is not a sentence
of its own: the sentence (or title) it opens ends on the lines below.  Before, the line was
cut off as the item's heading, so 'ACTION: MS' under "2.1 The minutes were accepted ... on the
website and" / "noticeboard." took "noticeboard" as the task.

Where it was found: a library friends' trustees (numbered paragraphs, two years' minutes:
"2.1 The minutes were accepted ... website and" / "noticeboard."), a community council ("9.
Public Open Forum The main concern raised was ... Oval. It" / "was being neglected ..."), a
council's audit committee ("1 Members are advised to make declarations ... they may" / "have in
relation to ..."), a city and county council ("14. Working Group with hotels ... to pre-plan" /
"tourism needs ..."), a library board ("1. Notification of election of Chair, Vice Chair and
Honorary Secretary" / "and Co-options").  A list under a label ("6. Updates:" / "a. Playground:
...") still opens on its own line.  Names are invented; the shape of each line is kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.sentences import _section_sentences
from kg.records import Document
from kg.segment import segment

HEAD = ("Minutes of Trustees of The Friends of Elmford Library\nMeeting of 3rd March 2025\n\n"
        "Present; Jane Dale (JD), Mark Sorrel (MS), Olive Penn (OP)\n\n")


def _first_sentences(body: str) -> list[str]:
    doc = Document("t.txt", HEAD + body, "txt", "0")
    secs = segment(doc)
    item = next(s for s in secs.sections if s.kind == "item")
    return [" ".join(doc.text[a:b].split()) for a, b in _section_sentences(doc.text, item)][:2]


@pytest.mark.parametrize("raw, expected", [
    ("2.1 The minutes were accepted as a true and accurate record to be posted on the website and\n"
     "noticeboard.\nACTION: MS\n",
     ["2.1 The minutes were accepted as a true and accurate record to be posted on the website and noticeboard.",
      "ACTION: MS"]),
    ("9. Public Open Forum The main concern raised was the state of the Elm Avenue Oval. It\n"
     "was being neglected by the city council and the dog owners of the street.\n",
     ["9. Public Open Forum The main concern raised was the state of the Elm Avenue Oval.",
      "It was being neglected by the city council and the dog owners of the street."]),
    ("1. Notification of election of Chair, Vice Chair and Honorary Secretary of the Board\n"
     "and Co-options\n\nThe vote for the Chair was held by secret ballot.\n",
     ["1. Notification of election of Chair, Vice Chair and Honorary Secretary of the Board and Co-options",
      "The vote for the Chair was held by secret ballot."]),
    # a heading line with a capital below it, and a label with its list below, stay apart
    ("4. Election of Treasurer\nMS agreed to take on the role in addition to that of secretary.\n",
     ["4. Election of Treasurer", "MS agreed to take on the role in addition to that of secretary."]),
    ("6. Updates:\na. Playground: A working party will meet on Saturday to clear the paths.\n",
     ["6. Updates:", "a. Playground: A working party will meet on Saturday to clear the paths."]),
])
def test_an_opening_line_that_wraps_goes_on_below(raw, expected):
    assert _first_sentences(raw) == expected


@pytest.mark.parametrize("raw, owner, task", [
    ("2. Minutes of the meeting held 27th January 2025\n\n2.1 The minutes were accepted as a true and accurate "
     "record to be posted on the website and\nnoticeboard.\nACTION: MS\n",
     "MS", "The minutes were accepted as a true and accurate record to be posted on the website and noticeboard"),
    ("3. Events\n\n3.2 JD will circulate to Trustees a list of businesses and clubs which could be approached for\n"
     "sponsorship of the stair risers.\nACTION: JD\n",
     "JD", "circulate to Trustees a list of businesses and clubs which could be approached for sponsorship of the "
           "stair risers"),
])
def test_a_label_under_a_wrapped_paragraph_takes_the_whole_sentence(raw, owner, task):
    ex = extract(segment(Document("t.txt", HEAD + raw, "txt", "0")))
    got = [([o.surface for o in a.owners], " ".join(a.text.split())) for a in ex.actions]
    assert ([owner], task) in got


# A sentence wrapped onto a line that opens with an attendance word is no attendance label
# (a library board: "Stephen Taylor stated that Richard Hunt had also given his" / "apologies.";
# a fire district's board: "... carried unanimously by" / "members present to adopt Resolution
# ..."), and a list whose last name wraps onto a line where prose goes on after its stop ends
# at that stop (the library board: "... Marion Harvey and Colin" / "Rockall. Stephen Taylor ...").
BOARD = ("Elmford Libraries Board\nOPEN BOARD MEETING MINUTES\n\nDate: 27th October 2025\n\n"
         "Attendees: Tony Bream, Sylvia Knott, Alison Wheel (Chief Executive), Jonathan Oden\n\n"
         "1. Welcome and Apologies\n\n")


def _attendance(body: str) -> list[tuple[str, str]]:
    ex = extract(segment(Document("t.txt", BOARD + body, "txt", "0")))
    return sorted((a.role, a.person.surface) for a in ex.attendance)


@pytest.mark.parametrize("raw, expected", [
    ("Apologies were received from Charlotte Clay, Marion Hale and Colin\nRockall. Stephen Tayler stated "
     "that Richard Hume had also given his\napologies.\n\n2. Declarations of Interest\nThere were none.\n",
     [("apologies", "Charlotte Clay"), ("apologies", "Colin Rockall"), ("apologies", "Marion Hale"),
      ("present", "Alison Wheel"), ("present", "Jonathan Oden"), ("present", "Sylvia Knott"),
      ("present", "Tony Bream")]),
])
def test_a_wrapped_sentence_is_no_attendance_label(raw, expected):
    assert _attendance(raw) == expected


def test_a_motion_wrapped_before_members_present_is_read_whole():
    ex = extract(segment(Document("t.txt", BOARD + (
        "Apologies were received from Charlotte Clay.\n\n2. Annual report\n"
        "Action: Moved by Director Oden, seconded by Knott, and carried unanimously by\n"
        "members present to adopt Resolution 2025-003 acknowledging receipt of the report.\n"), "txt", "0")))
    texts = [" ".join(d.text.split()) for d in ex.decisions]
    assert any("members present to adopt Resolution 2025-003" in t for t in texts), texts
