"""Shapes of rosters read on an eighth set of unseen minutes (people and attendance: a Scottish
harbour trust's directors, two US city councils' and a city commission's rolls, a food
co-operative's board, an English unitary council's declarations).

Each table is (raw minutes, what must be read from them), over invented minutes in the shapes
the real ones showed; the bodies that showed each shape are named above its table.  Names are
invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.txt"):
    return extract(segment(Document(name, text, "txt", "0")))


def roles(ex, role):
    return sorted(a.person.surface for a in ex.attendance if a.role == role)


def people(ex):
    return sorted({a.person.surface for a in ex.attendance})


# "Others present: Q. Lark, Harbour Master" (a harbour trust's register) and "Staff Present: City
# Manager, ..." / "Staff present: Chief ..." (a city commission's and a fire district's rolls): those
# listed are at the meeting but not its members, so they are in attendance; "Present:" and "Also
# present:" read as before
OTHERS_PRESENT = [
    ("FENMOUTH HARBOUR TRUST\nNotes of the directors' meeting, 4 May 2023\n"
     "Present: R. Tolley (Chair); D. Marsh; H. Quayle\nOthers present: Q. Lark, Harbour Master\n"
     "1. Apologies: N. Pike\n2. Last month's notes: approved.\n",
     {"present": ["D. Marsh", "H. Quayle", "R. Tolley"], "in_attendance": ["Q. Lark"], "apologies": ["N. Pike"]}),
    ("CITY COMMISSION MEETING MINUTES\nMonday, March 6, 2023\nPresent: Mayor Ann Holt, Commissioner Ben Crane\n"
     "Staff Present: Dora Finch, City Clerk\nA. Call to Order\nMayor Holt called the meeting to order at 6 PM.\n",
     {"present": ["Ann Holt", "Ben Crane"], "in_attendance": ["Dora Finch"], "apologies": []}),
    ("Fenwick Parish Council\nPresent: Cllr Tom Hale, Cllr Sue Ward\nAlso present: Ruth Dale (Clerk)\n"
     "1. Apologies: none\n",
     {"present": ["Cllr Sue Ward", "Cllr Tom Hale"], "in_attendance": ["Ruth Dale"], "apologies": []}),
]


@pytest.mark.parametrize("raw,expected", OTHERS_PRESENT)
def test_others_and_staff_present_are_in_attendance(raw, expected):
    ex = run(raw)
    assert {r: roles(ex, r) for r in expected} == expected


# "Present: A. Tolley (Chair); D. Marsh; A. Quayle" (a harbour trust) and "N. Ash, J. Pratt,
# A. Quill, B. Dean" (a city committee): an initial A with its stop before a surname that ends an
# entry is a person; "A Lee" without the stop in running text is still the article, and "A. Call to
# Order" is a heading
INITIAL_A = [
    ("FENMOUTH HARBOUR TRUST\nNotes of the directors' meeting, 4 May 2023\n"
     "Present: A. Tolley (Chair); D. Marsh; A. Quayle\n1. Apologies: A. Pike\n",
     {"present": ["A. Quayle", "A. Tolley", "D. Marsh"], "chair": ["A. Tolley"], "apologies": ["A. Pike"]}),
    ("Fenwick Parish Council\nPresent: Cllr Tom Hale, Cllr Sue Ward\n1. Apologies: none\n"
     "2. Planning\nA Lee tree on the green was discussed. The council noted it.\n",
     {"present": ["Cllr Sue Ward", "Cllr Tom Hale"], "chair": [], "apologies": []}),
]


@pytest.mark.parametrize("raw,expected", INITIAL_A)
def test_initial_a_with_its_stop_is_a_person(raw, expected):
    ex = run(raw)
    assert {r: roles(ex, r) for r in expected} == expected


# "A. Roll Call", "B. Pledge of Allegiance", "C. Moment of Silence", "C. Changes to the Agenda" (two
# US city councils and a city commission letter their opening items): the heading's letter and
# word are no person's initial and surname
AGENDA_LETTERS = [
    ("CITY COUNCIL MINUTES\nMonday, June 5, 2023\nA. Roll Call\nPresent: Ann Holt; Ben Crane; Dora Finch\n"
     "Absent: Carl Moss\nB. Pledge of Allegiance\nC. Moment of Silence\nD. Changes to the Agenda\n",
     ["Ann Holt", "Ben Crane", "Carl Moss", "Dora Finch"]),
    ("THE CITY COMMISSION MEETING MINUTES Monday, June 5, 2023 Commissioner Ann Holt: Present "
     "Staff Present: City Clerk, Dora Finch A. Call to Order B. Pledge of Allegiance "
     "C. Changes to the Agenda None were requested.\n",
     ["Dora Finch"]),
]


@pytest.mark.parametrize("raw,expected", AGENDA_LETTERS)
def test_lettered_agenda_headings_are_not_people(raw, expected):
    ex = run(raw)
    assert people(ex) == expected
    assert not any(p.surface.startswith(("B. ", "C. ", "D. ")) for p in ex.people)


# "Those present and comprising a quorum: Mayor A (presiding), Commissioners B, C, and D. Also
# present: E, City Manager; F, City Clerk. Mayor A asked ..." (a city board of commissioners; a
# city council's "THOSE PRESENT WERE: Mayor A, Presiding; ..."): the roll in one paragraph with
# the business run on after it. The label with its qualifying words opens the present list, the
# plural post before the first entry is no part of a name, "(presiding)" marks the chair, and the
# last list ends at the sentence of prose after it (its names are not in attendance)
ROLL_IN_A_PARAGRAPH = [
    ("CITY OF FENTON REGULAR MEETING OF THE BOARD OF COMMISSIONERS June 5, 2023 The meeting was called "
     "to order at 4:00 p.m. Those present and comprising a quorum: Mayor Nora Quill (presiding), "
     "Commissioners Joe Pratt, Ann Holt, Ben Crane, and Carl Moss. Also present: Dora Finch, City Manager; "
     "Ivan Stone, City Attorney; and Edna Marsh, City Clerk. Mayor Quill opened the public hearing "
     "on the budget. Harold Lane, Fenton, spoke about parking.\n",
     {"chair": ["Nora Quill"], "present": ["Ann Holt", "Ben Crane", "Carl Moss", "Joe Pratt", "Nora Quill"],
      "in_attendance": ["Dora Finch", "Edna Marsh", "Ivan Stone"]}),
    # a list broken over lines is left whole, a title's stop is no sentence's end
    ("Fenwick Parish Council\nPresent: Cllr Tom Hale (Chair), Cllr Sue Ward\nAlso present: Mr. Dale Rudd, "
     "Ruth Dale (Clerk),\nAlan Pike\n1. Apologies: none\n",
     {"chair": ["Cllr Tom Hale"], "present": ["Cllr Sue Ward", "Cllr Tom Hale"],
      "in_attendance": ["Alan Pike", "Mr. Dale Rudd", "Ruth Dale"]}),
]


@pytest.mark.parametrize("raw,expected", ROLL_IN_A_PARAGRAPH)
def test_roll_written_in_one_paragraph(raw, expected):
    ex = run(raw)
    assert {r: roles(ex, r) for r in expected} == expected


# "PRESENT: A. HOLT, B. CRANE, ..." (a food co-operative's board) and "Jo SMITH, Vice
# Chairperson, in the Chair; Ann HOLT" (a Scottish joint board's register): surnames in capitals
# after initials or a given name are people where the list holds two or more of them; one
# capitalised word alone or an organisation's acronym is not
CAPITAL_SURNAMES = [
    ("FENWICK FOOD CO-OP\nBOARD OF DIRECTORS MEETING\n5 JUNE 2023\nPRESENT: A. HOLT, B. CRANE, C. MOSS,\n"
     "D. FINCH (FACILITATOR)\n\nI. AGENDA\nThe agenda was approved.\n",
     {"present": ["A. HOLT", "B. CRANE", "C. MOSS", "D. FINCH"]}),
    ("Fenwick Joint Board\nPresent: Jo SMITH, Vice Chairperson, in the Chair; Ann HOLT; Ben CRANE\n"
     "1. Minutes\nThe minutes were approved.\n",
     {"present": ["Ann HOLT", "Ben CRANE", "Jo SMITH"], "chair": ["Jo SMITH"]}),
    ("Fenwick Parish Council\nPresent: Cllr Tom Hale, Cllr Sue Ward, a representative of the NHS\n"
     "1. Apologies: none\n",
     {"present": ["Cllr Sue Ward", "Cllr Tom Hale"]}),
]


@pytest.mark.parametrize("raw,expected", CAPITAL_SURNAMES)
def test_surnames_in_capitals_in_a_register(raw, expected):
    ex = run(raw)
    assert {r: sorted(roles(ex, r)) for r in expected} == {r: sorted(v) for r, v in expected.items()}
