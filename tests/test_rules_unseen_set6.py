"""Shapes of minute-writing read on a sixth set of unseen minutes (two Californian water
districts' boards, a Minnesota town board, a Welsh and a Scottish community council, an open
source committee of a member organisation).

- A register under a label naming whose attendees follow, each entry one to a line as
  "Name - Post" ("District Attendees" / "Jo Bloggs - Board President" / "Ann Other - Finance
  Manager", then "Other Attendees" / "Kim Lee - Visitor"; "Community/Other Attendees" over a
  bullet list): the first list is present, the others' list in attendance (a water district's
  board, an open source committee), and a name the gazetteer does not know is still an entry
  where the list is written in that shape.
- The roll written as a sentence in the call to order: "Board members present were supervisors
  A, B, and C, treasurer D, and clerk E. Also present were F and G." (a town board), "The
  following directors were present in the Boardroom: A, B, C." (a water district's board).

Names are invented; the shapes are kept.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str, name: str = "t.md"):
    return extract(segment(Document(name, text, "md", "0")))


def roles(ex, role):
    return sorted(a.person.surface for a in ex.attendance if a.role == role)


DASH_REGISTER = """# AGENDA ITEM 2
## Regular Board Meeting
#### March 4, 2021

**District Attendees**  
Orvin Haskett - Board President  
Talia Brevik - Board Member  
Quon Esterly - Board Member  
Della Marsh - General Manager  

**Other Attendees**  
Pell Varga - Visitor  
Nora Quist - Visitor  

**Absent**  

---

## AGENDA ITEMS

### I. CALL TO ORDER
- President Haskett called the meeting to order at 6:30 p.m.
"""

OTHER_ATTENDEES = """# Meeting Minutes

## Attendees:

| Name            | Role        |
| --------------- | ----------- |
| Wenna Thorley   | Chair       |
| Brice Calder    | Member/Seat |

Community/Other Attendees

* Ilse Varnom
* Toma Reddick

## Agenda

* Discuss Charter
"""


@pytest.mark.parametrize("raw, role, expected", [
    (DASH_REGISTER, "present", ["Della Marsh", "Orvin Haskett", "Quon Esterly", "Talia Brevik"]),
    (DASH_REGISTER, "in_attendance", ["Nora Quist", "Pell Varga"]),
    (DASH_REGISTER, "apologies", []),
    (OTHER_ATTENDEES, "in_attendance", ["Ilse Varnom", "Toma Reddick"]),
])
def test_named_attendee_labels_and_dash_entries(raw, role, expected):
    assert roles(run(raw), role) == expected


@pytest.mark.parametrize("raw", [
    # one dash line alone is a sentence's dash, not a register
    "**District Attendees**\nThe board met - briefly - in the hall.\n\n## Items\n",
    # a label that is part of a sentence is no heading
    "The other attendees were thanked for coming.\n",
])
def test_dash_entries_need_a_register(raw):
    assert roles(run(raw), "present") == [] and roles(run(raw), "in_attendance") == []


ROLL_SENTENCES = [
    ("# Town of Elmvale\nMay 3, 2021\n\n## CALL TO ORDER\nChair Oda Fenn called the meeting to order at 6:30 pm. "
     "Board members present were supervisors Oda Fenn, Rudd Kessel, and Gail Ormsby, treasurer Fitch Dunmore, "
     "and clerk Lorna Pybus.  Also present were Sten Hollis and Ivy Wrenfield.\n\n## MINUTES\nMotion carried.\n",
     {"present": ["Fitch Dunmore", "Gail Ormsby", "Lorna Pybus", "Oda Fenn", "Rudd Kessel"],
      "in_attendance": ["Ivy Wrenfield", "Sten Hollis"]}),
    ("# ELM CREEK WATER DISTRICT\nSpecial Board Meeting Minutes\n\n### I. ROLL CALL\nThe Board Secretary took a roll "
     "call of the Board. The following directors were present in the Boardroom: Cato Renner, Lise Ambler, Tom R. Vasey. "
     "Director Pia Holm was absent.\n\n### II. ADJOURN\nThe meeting was adjourned at 7:01 p.m.\n",
     {"present": ["Cato Renner", "Lise Ambler", "Tom R. Vasey"], "apologies": ["Pia Holm"]}),
]


@pytest.mark.parametrize("raw, expected", ROLL_SENTENCES)
def test_roll_written_as_a_sentence(raw, expected):
    ex = run(raw)
    for role, names in expected.items():
        assert roles(ex, role) == names, role


def test_roll_sentence_keeps_its_sentence_as_evidence():
    ex = run(ROLL_SENTENCES[0][0])
    quote = next(a.evidence.quote for a in ex.attendance if a.person.surface == "Rudd Kessel")
    assert quote.startswith("Board members present were") and quote.endswith("Lorna Pybus.")


@pytest.mark.parametrize("raw", [
    # members present at another event, reported: no roll of this meeting
    "## REPORTS\nThe chair said several members were present at the fete.\n",
    "## REPORTS\nAt the county meeting, directors present were told of the grant.\n",
])
def test_roll_sentence_needs_names(raw):
    assert roles(run(raw), "present") == []


def test_dash_posts_are_not_organisations():
    """'- Board President' is her office; '- Board Member' and '- Visitor' are a seat and how a
    person came: none of them is a body the person stands for."""
    ex = run(DASH_REGISTER)
    orgs = {o.surface for o in ex.organisations}
    assert not orgs & {"Board President", "Board Member", "Visitor", "General Manager"}
    assert ex.posts.get("board president") == "Orvin Haskett"
    assert "board member" not in ex.posts and "visitor" not in ex.posts


COMMITTEE_REPORTS = """# Regular Board Meeting

XI. DIRECTORS' REPORTS & COMMENTS

1. Budget Committee – (Haskett, Brevik)
   • None.

2. Technical Advisory Committee – (Esterly, Haskett)
   • A meeting has been tentatively scheduled for June 3.

3. Public Forum
   • None.

4. Highways
   • The road was graded.

5. Rota for Friends Forum
   • The road was graded.
"""


@pytest.mark.parametrize("body, named", [
    ("Budget Committee", True),
    ("Technical Advisory Committee", True),
    # the session where the public speak, and a topic, are no bodies
    ("Public Forum", False),
    ("Highways", False),
    ("Rota for Friends Forum", False),
])
def test_item_headed_by_a_body_names_it(body, named):
    """A board's reports item by item from its committees: each heading is the committee's name
    (a water district's board, a county council's list of its committees)."""
    assert (body in {o.surface for o in run(COMMITTEE_REPORTS).organisations}) is named


GIVEN_NAMES = """WESTBRAE COMMUNITY COUNCIL

Present: Orla Venn, Tamsin Quarry, Cllr Piers Hallow

1. MATTERS ARISING

a)  **Use of the hall**

> Orla will contact Ruby Kellagh about use of the hall as a
> drop-in centre.

Tamsin will check the hire charges.
"""


@pytest.mark.parametrize("text, owner", [
    ("contact Ruby Kellagh", "Orla"),
    ("check the hire charges", "Tamsin"),
])
def test_given_name_of_a_listed_attendee_owns_the_task(text, owner):
    """'Present: Orla Venn, ...' then 'Orla will contact ...': the register shows the word is a
    given name, whether the gazetteer knows it or not (a Scottish community council; a Markdown
    quote's '>' before the sentence is the page's markup)."""
    ex = run(GIVEN_NAMES)
    got = {a.text.split(" about")[0]: [o.surface for o in a.owners] for a in ex.actions}
    assert got.get(text) == [owner]
    assert ex.aliases.get(owner, "").startswith(owner + " ")


def test_shared_given_name_is_not_read():
    ex = run("Present: Orla Venn, Orla Dunmore, Tamsin Quarry\n\n1. ITEMS\n\nOrla will contact the school.\n")
    assert "Orla" not in ex.aliases


# "The meeting agreed to ...", "The committee agreed on ...": the body word in lower case after
# "the" is the body deciding (a Scottish community council, an open source committee)
LOWER_BODY_MINUTES = """# Riverside Community Council

Minutes of the meeting held on 4 March 2021.

## 1. Public meetings

{line}
"""


@pytest.mark.parametrize("line", [
    "The meeting agreed to keep two public meetings a year, in April and September.",
    "The committee agreed on one meeting in December, then a break until the new year.",
    "The board agreed to renew the hall booking for a year.",
])
def test_body_word_in_lower_case_decides(line):
    ex = run(LOWER_BODY_MINUTES.format(line=line))
    assert [d.evidence.quote for d in ex.decisions] == [line]


@pytest.mark.parametrize("line", [
    "The meeting closed at 9.05 pm.",
    "The group discussed the hall booking at length.",
])
def test_body_word_in_lower_case_without_a_decision_verb(line):
    assert run(LOWER_BODY_MINUTES.format(line=line)).decisions == []
