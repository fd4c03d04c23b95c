"""Rules for people, firms and meeting dates as minutes of many bodies write them (each rule
seen in the minutes of at least two different bodies; the lines are invented, the shapes real)."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.names import NameContext, defined_acronyms, find_orgs, find_people
from kg.records import Document
from kg.resolve import parse_name, resolve
from kg.segment import segment


def _people(text: str) -> list[str]:
    return [m.surface for m in find_people(text, 0, NameContext())]


# A name wrapped over a line of running text is one name; a list's next line is the next entry.
@pytest.mark.parametrize("raw, expected", [
    ("The Clerk will ask Robert\nFenwick if the contractor can attend.", ["Robert Fenwick"]),
    ("Apologies:- Cllrs Orla\nQuennell and Dafydd Pryce-Owen", ["Cllrs Orla Quennell", "Dafydd Pryce-Owen"]),
    ("Present: Mr T Hale (TH), Mr Simon\nGarrow (SG), Mrs J Cope", ["Mr T Hale", "Mr Simon Garrow", "Mrs J Cope"]),
    # a surname list wrapped after a surname stays a list of surnames, not one longer name
    ("Present: Cllrs Hartley\nPenrose, Dunn", ["Cllrs Hartley"]),
    # a given name on the next line starts the next name of a list
    ("Present: Robert Fenwick\nMary Quennell", ["Robert Fenwick", "Mary Quennell"]),
    # a body or place word on the next line ends the name
    ("The Chair thanked Robert\nCouncil staff for their help.", []),
])
def test_a_name_wrapped_over_a_line(raw, expected):
    assert _people(raw) == expected


# Names keep their accents.
@pytest.mark.parametrize("raw, expected", [
    ("Also present: Mr. Seán Dolan, Ms. R. Quinn", ["Mr. Seán Dolan", "Ms. R. Quinn"]),
    ("proposed by Cllr Zoë Marchetti", ["Cllr Zoë Marchetti"]),
])
def test_accented_names(raw, expected):
    assert _people(raw) == expected


# A surname's prefix written apart ("Mc Williams", "O Donovan", "O’ Brien") is the same surname.
@pytest.mark.parametrize("raw, expected", [
    ("Lorna Mc Kenna", "McKenna"),
    ("Cllr. O Dwyer", "O’Dwyer"),
    ("Mr. Tim O’ Riordan", "O’Riordan"),
    ("Alan Mac Leod", "MacLeod"),
    ("Macy Jones", "Jones"),
])
def test_a_surname_prefix_written_apart(raw, expected):
    assert parse_name(raw, {}).surname == expected


def test_prefix_apart_and_joined_are_one_person():
    text = ("RIVERSIDE COMMUNITY COUNCIL Minutes of the meeting held on 3 March 2025\n\n"
            "Present: Lorna McKenna (Chair), Raj Patel, Tom Cole\n\n"
            "12/25 Office bearers\n\n(a) Treasurer - Lorna Mc Kenna\n")
    res = resolve(extract(segment(Document("t.txt", text, "txt", "0"))))
    names = [p for p in res.people.values() if "Kenna" in p.name]
    assert len(names) == 1 and {"Lorna McKenna", "Lorna Mc Kenna"} <= names[0].surfaces


# A firm named by a given name and its trade is a firm, not a person.
@pytest.mark.parametrize("raw, person, org", [
    ("Payments: Gideon Waste - £30 (Ch. No. 1234)", [], ["Gideon Waste"]),
    ("a stall run by Sabrina Merchants at the fair", [], ["Sabrina Merchants"]),
    ("Dog Waste bins to be emptied", [], []),
])
def test_a_firm_named_by_a_given_name_and_its_trade(raw, person, org):
    people = find_people(raw, 0, NameContext())
    assert [m.surface for m in people] == person
    assert [o.surface for o in find_orgs(raw, 0, {}, [(m.start, m.end) for m in people])] == org


# The file's own title dates minutes whose text never writes the year.
@pytest.mark.parametrize("title, heading, expected", [
    ("Parent Council Minutes - 14/05/2024", "Riverside Parent Council Meeting\nWednesday 14th May | 19:00",
     "2024-05-14"),
    ("Microsoft Word - 2023-09-07 Board minutes", "Riverside Trust Board\nThursday 7th September", "2023-09-07"),
    # a heading that gives the full date keeps it
    ("Minutes - 01/01/2020", "Riverside Trust Board\nThursday 7th September 2023", "2023-09-07"),
])
def test_the_title_dates_a_heading_without_a_year(title, heading, expected):
    text = heading + "\n\nPresent: Ann Lee (Chair), Raj Patel\n\n1. Minutes approved.\n"
    ex = extract(segment(Document("t.pdf", text, "pdf", "0", title=title)))
    assert ex.meeting.date == expected


def _orgs(text: str) -> list[str]:
    people = find_people(text, 0, NameContext())
    return [o.surface for o in find_orgs(text, 0, {}, [(m.start, m.end) for m in people])]


# A post named after its service is a post, not a body.
@pytest.mark.parametrize("raw, expected", [
    ("advice from the Director of Corporate Services on the audit", []),
    ("Ms Ravel, Clerk of the Council; Mr Stott, Sergeant at Arms", []),
    ("the Assistant Superintendent of Educational Services presented", []),
    ("letters to the MP for Mid Wessex", []),
    ("Subsequent to our meeting the SL Chief Executive issued a statement", []),
    ("Attendees: Ann Lee, Raj Patel (Chief Executive), Tom Cole", []),
    # nor is a body named inside a post's title
    ("seek advice from the Head of Civic and Legal Services first", []),
    # a body named "of" a subject stays a body
    ("a grant from the Friends of Riverton Library", ["Friends of Riverton Library"]),
])
def test_a_post_is_not_a_body(raw, expected):
    assert _orgs(raw) == expected


# A paper or an act of the business named with the body it concerns: the body is what follows.
@pytest.mark.parametrize("raw, expected", [
    ("the Annual Governance Report for the Council was noted", []),
    ("the Closed Caption File of Riverton City Council is available", ["Riverton City Council"]),
    ("Contract Award for Greenfield International School approved", ["Greenfield International School"]),
    ("Action Summary Minutes for the Regular Board Meeting", []),
    ("Declarations of the Board were made", []),
    # buying is no body
    ("Procurement of Goods and Services", []),
    ("Life Stabilization Purchase of Service", []),
])
def test_a_paper_of_a_body(raw, expected):
    assert _orgs(raw) == expected


# A clause's number before "of the" and a quantity before a body word are no names.
@pytest.mark.parametrize("raw, expected", [
    ("pursuant to section 12.4 of the Council Procedure By-law", []),
    ("under section 4471.2 of the Wessex Health And Safety Code", []),
    ("Several Board members attended the open house.", []),
    ("Some Parent Council funds were set aside.", ["Parent Council"]),
])
def test_a_number_or_quantity_before_a_body_word(raw, expected):
    assert _orgs(raw) == expected


# A council service's one word names the business ("8. Planning", "Planning Applications"); it is
# the service where it acts.
@pytest.mark.parametrize("raw, expected", [
    ("8. Planning", []),
    ("(e) Planning - none", []),
    ("3790.    To discuss Planning Applications:", []),
    ("(f) Planning Contact - Ann Lee", []),
    ("Dog bin on Mill Road - Highways advised that it could not be moved.", ["Highways"]),
    ("The Council felt that Highways should be told.", ["Highways"]),
])
def test_a_service_word_as_the_business(raw, expected):
    assert _orgs(raw) == expected


# Honorary, Friends, Trustees are never part of a person's name.
@pytest.mark.parametrize("raw, expected", [
    ("Mr T Hale (TH) Mrs B Corran Honorary Clerk", ["Mr T Hale", "Mrs B Corran"]),
    ("Apologies: Helen Marsh Friends of Riverton Library, Raj Patel", ["Helen Marsh", "Raj Patel"]),
])
def test_words_that_end_a_name(raw, expected):
    assert _people(raw) == expected


# A role or group written before a name does not make the name part of a longer proper name.
@pytest.mark.parametrize("raw, expected", [
    ("(widow of former Elected Member Declan Furlong) on", ["Declan Furlong"]),
    ("The Chief brought up Captain Steve Orland to the podium", ["Steve Orland"]),
    ("plus Residents Mark Tully and Chris Tully", ["Mark Tully", "Chris Tully"]),
    ("(Y-5) 184355  Commissioner Nick Rudd Position No. 2", ["Nick Rudd"]),
    # a capitalised place word before a name still makes a longer name
    ("the Kings Lynn Norfolk office", []),
])
def test_a_role_before_a_name(raw, expected):
    assert _people(raw) == expected


# A known body's name wrapped over a line of running text is still the body.
@pytest.mark.parametrize("raw, expected", [
    ("Cllr Lee explained that St John’s\nAmbulance attended the fete", ["St John Ambulance"]),
    ("a letter from Network\nRail about the crossing", ["Network Rail"]),
])
def test_a_known_body_wrapped_over_a_line(raw, expected):
    people = find_people(raw, 0, NameContext())
    assert [o.canonical for o in find_orgs(raw, 0, {}, [(m.start, m.end) for m in people])] == expected


# Street and place words end a name: "Glyn View", "Citrus Heights" are places.
@pytest.mark.parametrize("raw, expected", [
    ("Site meeting at Bay Cottage, Glyn View, Riverton", []),
    ("the fire station in Beverley Heights", []),
    ("the route along Victoria Parade", []),
])
def test_place_words_are_no_surnames(raw, expected):
    assert _people(raw) == expected


# Letters after a member's name ("MP", "MSP") keep the person a person, not a body named after one.
@pytest.mark.parametrize("raw, person, org", [
    ("Apologies from Anna Kerr MP (AKMP) and Raj Patel", ["Anna Kerr", "Raj Patel"], []),
    ("a letter from Ruth Dale MSP was read", ["Ruth Dale"], []),
    # a body named after a person keeps its letters
    ("referred to Aneurin Bevan UHB", [], ["Aneurin Bevan UHB"]),
])
def test_letters_after_a_members_name(raw, person, org):
    people = find_people(raw, 0, NameContext())
    assert [m.surface for m in people] == person
    spans = [(m.start, m.end) for m in people]
    assert [o.surface for o in find_orgs(raw, 0, defined_acronyms(raw), spans)] == org


# The public's part of a meeting is no body.
@pytest.mark.parametrize("raw, expected", [
    ("2692. Public Forum: Mr Hale asked about the garden", []),
    ("(b) Public Open Forum residents came to discuss the lane", []),
    ("a letter from the Riverton Youth Forum", ["Riverton Youth Forum"]),
])
def test_the_public_forum_of_a_meeting(raw, expected):
    assert _orgs(raw) == expected


# In an attendance list, what follows a name and names a post by what it serves is the post,
# not an organisation the person came from.
@pytest.mark.parametrize("line, orgs", [
    ("Apologies: Ann Lee – MP for Kelby Vale, Raj Patel – Kelby Voluntary Action", ["Kelby Voluntary Action"]),
    ("OFFICERS IN ATTENDANCE:  Tom Cole, Clerk of the Council; and Jo Bright, Sergeant at Arms.", []),
    ("Apologies: Ann Lee – Minister for Culture, Raj Patel – Kelby Voluntary Action", ["Kelby Voluntary Action"]),
])
def test_a_post_after_a_name_in_a_list(line, orgs):
    text = "RIVERSIDE TOWN COUNCIL Minutes of the meeting held on 3 March 2025\n\n" + line + "\n\n1. Minutes approved.\n"
    ex = extract(segment(Document("t.txt", text, "txt", "0")))
    assert sorted({a.person.org for a in ex.attendance if a.person.org}) == orgs
    assert not any(o.surface.startswith(("MP for", "Clerk of", "Minister for")) for o in ex.organisations)
