"""Rules of minute-writing met in Markdown and converted minutes, and in the reading summary's
sweep of unlabelled minutes: (raw, expected) tables in the shape of real minutes (names invented),
and corpus checks that read the development corpus when it is present.
"""
from __future__ import annotations

import pytest

from kg.extract import date_without_year, extract, find_date
from kg.read.text import front_matter, read_text, unwrap_double_spaced
from kg.records import Document
from kg.segment import segment
from tests.conftest import CORPUS


def run(text: str):
    return extract(segment(Document("t.md", text, "md", "0")))


# -- reading: front matter and text a converter spaced out ---------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("---\ntitle: 2023 Autumn Cardiac Imaging SIG Meeting\nstart: 2023-10-04T12:00:00.000Z\nlocation: Teams\n---\nNotes",
     {"title": "2023 Autumn Cardiac Imaging SIG Meeting", "date": "2023-10-04", "body": "Cardiac Imaging SIG"}),
    ("---\ntitle: 4th Meeting of the Planning and Environment Committee\ndate: 2024-03-11\n---\nMarch 11, 2024",
     {"title": "4th Meeting of the Planning and Environment Committee", "date": "2024-03-11",
      "body": "Planning and Environment Committee"}),
    ("Title: Council Meeting Minutes May 2021\nDate: 2021-05-19 00:00\nCategory: Minutes\n\nText",
     {"title": "Council Meeting Minutes May 2021", "date": "2021-05-19"}),
    ("---\nlayout: default\n---\n\n### Minutes of the 2021 AGM", {}),
    ("Minutes of the meeting\n---\nnot front matter\n---\n", {}),
])
def test_front_matter(raw, expected):
    assert front_matter(raw) == expected


SPACED = ("MINUTES OF THE MONTHLY MEETING OF\n\nTHE DISTRICT COMMITTEE HELD ON MONDAY 3RD MAY AT 2PM.\n\n"
          + "".join(f"Councillor Brady outlined the position on the bridge repairs in item {k} and the\n\n"
                    f"funding that had been allocated by the Department, and asked for an update on\n\n"
                    f"progress by the next meeting.\n\n" for k in range(8)))


@pytest.mark.parametrize("raw, expected_lines", [
    # a sentence wrapped over lines with a blank line after each: one paragraph again
    (SPACED, ["MINUTES OF THE MONTHLY MEETING OF",
              "THE DISTRICT COMMITTEE HELD ON MONDAY 3RD MAY AT 2PM.", "",
              "Councillor Brady outlined the position on the bridge repairs in item 0 and the",
              "funding that had been allocated by the Department, and asked for an update on",
              "progress by the next meeting.", ""]),
])
def test_double_spaced_text_is_unwrapped(raw, expected_lines):
    assert unwrap_double_spaced(raw).split("\n")[: len(expected_lines)] == expected_lines


@pytest.mark.parametrize("raw", [
    # paragraphs of one line each, blank between: nothing to join
    "".join(f"{k}. The committee noted the report on item {k}.\n\n" for k in range(30)),
    # ordinary wrapped text with single line breaks
    "".join(f"The committee discussed the report on the\nbudget for the year and agreed it.\n" for _ in range(30)),
])
def test_text_that_is_not_double_spaced_is_kept(raw):
    assert unwrap_double_spaced(raw) == raw


def test_front_matter_gives_the_meeting_its_date_and_body():
    ex = read_text(b"---\ntitle: 2021 Spring Paediatric Imaging SIG Meeting\nstart: 2021-04-20T12:00:00Z\n---\n"
                   b"minutes: notes\n", "t.md")
    assert ex.meta["date"] == "2021-04-20" and ex.meta["body"] == "Paediatric Imaging SIG"


@pytest.mark.parametrize("raw, date, body", [
    # a parish site posts its minutes weeks later: the page's "date:" is the day it was posted,
    # the heading's is the meeting's; the page title's month is no part of the body's name
    ("---\ntitle: \"Oakley Parish Council - March\"\ndate: \"2021-05-02\"\ncategories:\n  - \"oakley\"\n---\n\n"
     "Oakley and Hale Parish Council – Ordinary Meeting Tuesday 2nd March 2021, 7.30pm Village Hall\n\nPRESENT: Cllr A Hale\n",
     "2021-03-02", "Oakley Parish Council"),
    ("---\ntitle: Oakley Parish Council January meeting\ndate: 2021-03-20\n---\n\nDRAFT – FOR APPROVAL\n\n"
     "Oakley Parish Council – Ordinary Meeting Tuesday 5th January 2021\n\nPRESENT: Cllr A Hale\n",
     "2021-01-05", "Oakley Parish Council"),
    # minutes that state no date of their own keep the page's
    ("---\ntitle: Oakley Parish Council - April\ndate: 2021-04-30\n---\n\nPRESENT: Cllr A Hale\n\nThe meeting opened.\n",
     "2021-04-30", "Oakley Parish Council"),
])
def test_a_pages_posting_date_gives_way_to_the_minutes_own(raw, date, body):
    ex = read_text(raw.encode(), "t.md")
    got = extract(segment(Document("t.md", ex.text, "md", "0", title=ex.title, meta=ex.meta))).meeting
    assert (got.date, got.body) == (date, body)


@pytest.mark.parametrize("raw, expected", [
    # Markdown's escapes, left in the page and in text copied from it
    ("1\\. PUBLIC FORUM A resident asked", "1. PUBLIC FORUM A resident asked"),
    ("\\- Abandoned car at Elm Drive had been reported.", "- Abandoned car at Elm Drive had been reported."),
    ("Signed: \\_\\_\\_\\_", "Signed: ____"),
    # a backslash before a letter is no escape
    ("saved in C:\\Users\\clerk", "saved in C:\\Users\\clerk"),
])
def test_markdown_escapes_are_read_as_what_they_escape(raw, expected):
    assert read_text(raw.encode(), "t.txt").text.strip() == expected


# -- dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Board of Trustees Minutes\nJanuary 14, 2025\nRegular Meeting", "2025-01-14"),
    ("REGULAR MEETING, Thursday, March 6, 2024 at 6:00 PM", "2024-03-06"),
    ("A MEETING OF THE COUNCIL WAS HELD THIS 9TH DAY OF FEBRUARY, 2012 AT 9:30 A.M.", "2012-02-09"),
    ("**Strategic Policy Committee held on 14th** **May 2024 at 3:00 p.m.**", "2024-05-14"),
    ("Minutes of the meeting held on 3 March 2025", "2025-03-03"),
])
def test_dates_as_minutes_write_them(raw, expected):
    assert find_date(raw) == expected


@pytest.mark.parametrize("head, text, expected", [
    ("MONTHLY MEETING HELD IN THE HALL ON TUESDAY 14TH FEBRUARY AT 3.00PM.",
     "Minutes of the meeting held on 17th January, 2022 adopted. Next meeting 14th March 2022.", "2022-02-14"),
    ("Meeting held on Wednesday 5th of June", "the report of 1 May 2019", "2019-06-05"),
    ("Meeting held on Wednesday 5th June", "no other date", None),
    ("Held on 5 June", "the report of 1 May 2019", None),  # no meeting named: not a meeting date line
    # "held on" after the meeting, no weekday: the year that puts it before the next meeting
    ("Minutes of the meeting held on 14 November at 6pm", "Budget for 2025 agreed. Next meeting on 12 February 2025.",
     "2024-11-14"),
    ("Minutes of the meeting held on 3 June", "invoices of 2 May 2024 and 9 May 2024", "2024-06-03"),
    # a weekday fixes the year among those the minutes write
    ("Parish Meeting, Tuesday 4th March", "accounts to 31 March 2024; precept set 1 February 2025", "2025-03-04"),
    ("Parish Meeting, Monday 4th March", "accounts to 31 March 2024; precept set 1 February 2025", "2024-03-04"),
])
def test_a_heading_date_without_its_year(head, text, expected):
    assert date_without_year(head, text) == expected


# -- the body named in the heading ---------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # a capitalised heading over several lines
    ("MINUTES OF PROCEEDINGS AT MEETING OF KILDARE CITY AND COUNTY\n\nCOUNCIL HELD IN THE CHAMBER, ON\n"
     "MONDAY, 3RD MARCH, 2025, AT 3PM.\n\nPresent: Cllr Ann Lee\n", "Kildare City and County Council"),
    # a district named after its head word
    ("MINUTES OF THE MONTHLY MEETING OF\nTHE MUNICIPAL DISTRICT OF THE ENNIS\nNORTH HELD IN THE HALL ON\n"
     "TUESDAY 4TH MAY AT 3PM.\n\nPresent: Cllr Ann Lee\n", "Municipal District of the Ennis North"),
    # a US district and its board
    ("Oakvale Unified School District\nBoard of Education\n12 Main Street, Oakvale\n\nMinutes\n", 
     "Oakvale Unified School District Board of Education"),
    ("   Riverside County Water District\n   ADOPTED MINUTES\n", "Riverside County Water District"),
    # a society's general meeting
    ("### Minutes of GeoData:UK 2021 AGM\n\n28th October 2021 at 12pm, online\n", "GeoData:UK"),
    # a page's front matter is not the heading
    ("Title: Council Meeting Minutes May 2021\nDate: 2021-05-19 00:00\n\n**OAKVALE NEIGHBOURHOOD COUNCIL**\n\n"
     "Minutes May 19, 2021\n", "Oakvale Neighbourhood Council"),
])
def test_body_from_the_heading(raw, expected):
    ex = extract(segment(Document("t.md", raw, "md", "0", meta={k: v for k, v in read_text(raw.encode(), "t.md").meta.items()
                                                                if k == "front_matter_end"})))
    assert ex.meeting.body == expected


@pytest.mark.parametrize("raw", [
    "Registered Office: County Library, Northgate Street, Ipswich\n\nMinutes\n",   # an address label
    "Minutes of a meeting of the above Council held on Monday 30th November 2020\n",  # names no body
])
def test_lines_that_name_no_body(raw):
    assert run(raw).meeting.body is None


# -- attendance -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("PRESENT IN THE CHAIR:\n\nCouncillor A Byrne, Cathaoirleach\n\nMEMBERS PRESENT:\n\n"
     "Councillors Walsh, Dunne, P Kelly, T Kelly, and Moran\n\nOFFICIALS IN ATTENDANCE:\n\n"
     "Senior Engineer (Mr J Quinn), Meetings Administrator (Ms R Healy).\n\n1. Adoption of Minutes\n\nAdopted.\n",
     {("chair", "Councillor A Byrne"), ("present", "Councillor A Byrne"), ("present", "Walsh"),
      ("present", "Dunne"), ("present", "P Kelly"), ("present", "T Kelly"), ("present", "Moran"),
      ("in_attendance", "Mr J Quinn"), ("in_attendance", "Ms R Healy")}),
    ("**Members Present:** Cllrs. Hayes (Chair), Doyle, Nolan.\n\n**Officials Present**: Mr. K. Barry, Ms. L. Furlong.\n\n"
     "1. Minutes\n\nAgreed.\n",
     {("present", "Hayes"), ("chair", "Hayes"), ("present", "Doyle"), ("present", "Nolan"),
      ("in_attendance", "Mr. K. Barry"), ("in_attendance", "Ms. L. Furlong")}),
])
def test_attendance_blocks(raw, expected):
    got = {(a.role, a.person.surface.replace("Councillors ", "").replace("Cllrs. ", "")) for a in run(raw).attendance}
    assert expected <= got, got


@pytest.mark.parametrize("raw, expected", [
    ("Those present\nAnn Lee (Chairman)\nRaj Patel (Secretary)\n\n1. APOLOGIES\n\nNone.\n", {"Ann Lee", "Raj Patel"}),
    ("Participants: Ann Lee (AL), Raj Patel, Tom Cole.\n\nThe committee met by email.\n", {"Ann Lee", "Raj Patel", "Tom Cole"}),
    ("Directors present: Ann Lee, Raj Patel, and Tom Cole\n\nAnn started the meeting at 6:30.\n",
     {"Ann Lee", "Raj Patel", "Tom Cole"}),
])
def test_who_was_present_under_other_labels(raw, expected):
    got = {a.person.surface for a in run(raw).attendance if a.role == "present"}
    assert expected <= got, got


@pytest.mark.parametrize("raw, expected", [
    # a register line of names whose given names no list knows: every entry is a person
    ("Attendance\n\n**Ann Lee, Oyelaran Bakare, Raj Patel, Siobhan Nic Aodha, Tom Cole**\n\n**Notes**\n\nNone.\n",
     {"Ann Lee", "Oyelaran Bakare", "Raj Patel", "Siobhan Nic Aodha", "Tom Cole"}),
    ("Present: Ann Lee, Raj Patel, Oyelaran Bakare and Tom Cole\n\n1. Minutes\n\nAgreed.\n",
     {"Ann Lee", "Raj Patel", "Oyelaran Bakare", "Tom Cole"}),
])
def test_names_of_a_register_line(raw, expected):
    assert {a.person.surface for a in run(raw).attendance} == expected


@pytest.mark.parametrize("raw, not_people", [
    # an organisation, a post and a place in the list are not people
    ("Present: Ann Lee, Raj Patel, Parish Council, Deputy Clerk, Tom Cole\n\n1. Minutes\n\nAgreed.\n",
     {"Parish Council", "Deputy Clerk"}),
    # one name found otherwise is not a register
    ("Present: Ann Lee, Blue Lagoon, Green Fields\n\n1. Minutes\n\nAgreed.\n", {"Blue Lagoon", "Green Fields"}),
])
def test_register_entries_that_are_not_names(raw, not_people):
    assert not_people.isdisjoint({a.person.surface for a in run(raw).attendance})


NOTES = ("### Attendance\n\n**Ann Lee, Raj Patel, Tom Cole, Mary Collins**\n\n**Notes**\n\n")


@pytest.mark.parametrize("line, owner, text_has", [
    # initials never declared, fitting exactly one attendee, after a dash, comma or semicolon
    ("RP asked for the list of the top ten codes-AL to action", "Ann Lee", "top ten codes"),
    ("**Slice thickness of 1mm, maybe also 5mm axials**, TC to look at this", "Tom Cole", "5mm axials"),
    ("The audit is late; Raj Patel to chase the auditors", "Raj Patel", "chase the auditors"),
    # a given name and the surname's initial
    ("Mary C to circulate the protocol before the next meeting.", "Mary Collins", "circulate the protocol"),
])
def test_tasks_written_after_the_discussion(line, owner, text_has):
    acts = run(NOTES + line + "\n").actions
    assert len(acts) == 1, acts
    assert text_has in acts[0].text
    surface = acts[0].owners[0].surface
    assert run(NOTES + line + "\n").aliases.get(surface, surface) == owner


def test_initials_two_attendees_share_stay_unread():
    from kg.extract.attendance import attendee_initials
    ex = run("Present: Ann Lee, Alan Lowe, Raj Patel\n\n1. Notes\n\nAL asked RP about the budget.\n")
    codes = attendee_initials(ex.attendance, ex.document.text)
    assert "AL" not in codes and codes.get("RP") == "Raj Patel"


@pytest.mark.parametrize("raw, expected_posts", [
    # officials listed post first, the name in brackets
    ("OFFICIALS IN ATTENDANCE:\n\nDirector of Services Planning (Mr J Quinn), Senior Engineer, Roads and\n"
     "Transport (Ms R Healy), Meetings Administrator (Ms T Walsh).\n\n1. Minutes\n\nAdopted.\n",
     {"director of services": "Mr J Quinn", "senior engineer": "Ms R Healy", "meetings administrator": "Ms T Walsh"}),
    ("Officers in attendance: Head of Finance (Mrs A Dunne), Democratic Services Officer (Mr P Kerr)\n\n1. Minutes\n\nAdopted.\n",
     {"head of finance": "Mrs A Dunne", "democratic services officer": "Mr P Kerr"}),
])
def test_posts_written_before_the_name(raw, expected_posts):
    ex = run(raw)
    assert expected_posts.items() <= ex.posts.items(), ex.posts
    assert all(a.role == "in_attendance" for a in ex.attendance)


@pytest.mark.parametrize("raw, expected_posts", [
    # the officers elected, one post to a line, the holder after a dash
    ("Present: Ann Lee, Raj Patel, Tom Cole, Jo Bright\n\n1. Election of officers\n\nThe roles are as follows:\n\n"
     "Chair – Ann Lee\nVice Chair – Raj Patel\nHonorary Secretary – Jo Bright\n\n2. Minutes\n\nAdopted.\n",
     {"chair": "Ann Lee", "vice-chair": "Raj Patel", "secretary": "Jo Bright"}),
    ("Present: Ann Lee, Raj Patel, Tom Cole\n\n5. Office bearers\n(a) Chair - Ann Lee\n(b) Treasurer - Tom Cole\n"
     "(c) Planning Contact - vacant\n",
     {"chair": "Ann Lee", "treasurer": "Tom Cole"}),
    # the post in brackets with more after it: a year group, the holder's initials
    ("1. Present: Ann Lee (Chair), Mia Ross (Treasurer | P6), Raj Patel (P4)\n\n2. Report\n\nNoted.\n",
     {"chair": "Ann Lee", "treasurer": "Mia Ross"}),
    ("Present:\nA Lee (AL)\nR Patel (RP)\nB McGarry (Clerk - BMc)\n\n2. Minutes:\nApproved.\n",
     {"clerk": "B McGarry"}),
    # the prose names an officer with the post in brackets, or the post then the name in commas
    ("Attended: Ann Lee, Raj Patel, Tom Cole\n\n4 Treasurer's Report\nTom Cole (Treasurer) introduced his report, "
     "as set out on the slide.\n",
     {"treasurer": "Tom Cole"}),
    ("1. Welcome\nThe Chair of the Association, Ann Lee, welcomed everyone.\n2. Accounts\nThe accounts had been "
     "posted beforehand. The PCC\ntreasurer, Tom Cole, spoke about them.\n",
     {"chair": "Ann Lee", "treasurer": "Tom Cole"}),
])
def test_posts_of_officers(raw, expected_posts):
    ex = run(raw)
    assert expected_posts.items() <= ex.posts.items(), ex.posts


@pytest.mark.parametrize("raw", [
    # a dash after a post that is not a name, or a name with more on the line
    "1. Reports\n\nChair – no report\nTreasurer – Tom Cole reported a balance of £200\n",
    "1. Reports\n\nClerk - see item 4 above\n",
])
def test_not_officer_lines(raw):
    ex = run("Present: Ann Lee, Raj Patel, Tom Cole\n\n" + raw)
    assert "treasurer" not in ex.posts and "clerk" not in ex.posts and ex.posts.get("chair") in (None, "Ann Lee")


@pytest.mark.parametrize("raw", [
    # "in the chair, Cllrs ..." is who chaired, then the members: not a post held by the next name
    "Present: Cllr Ann Lee in the chair, Cllrs Raj Patel, Tom Cole and the Clerk.\n\n1. Minutes\n\nApproved.\n",
    # another body's officer, and a post the gazetteer does not know as written
    "Present: Ann Lee, Raj Patel, Tom Cole\n\n1. Reports\n\nRaj Patel (Treasurer of the Bowls Club) spoke.\n",
])
def test_posts_not_read_from_prose(raw):
    ex = run(raw)
    assert "treasurer" not in ex.posts and ex.posts.get("chair") in (None, "Cllr Ann Lee", "Ann Lee"), ex.posts


@pytest.mark.parametrize("raw, role, names", [
    # one to a line, initial and surname: "A" is the initial, not the article
    ("Present:\nN Hill (NH)\nK Dale (KD)\nApologies:\nC Rowe\nA Prescott\nL Tait\n\n2. Minutes:\nApproved.\n",
     "apologies", ["C Rowe", "A Prescott", "L Tait"]),
    # a PDF line end inside the first or the last entry
    ("1.. Present:- Ann Lee, Raj Patel, Tom Cole. Apologies:- Cllrs Eunice\nJasper and Lana Reid-Mann\n"
     "2. The minutes were approved\n",
     "apologies", ["Jasper", "Lana Reid-Mann"]),
])
def test_list_entries(raw, role, names):
    got = " | ".join(a.person.surface for a in run(raw).attendance if a.role == role)
    assert all(n in got for n in names), got


@pytest.mark.parametrize("raw, speaker, verb", [
    # a pronoun after a comma: the one person the sentence named before it
    ("5. Planning\n\nFollowing a query by the Chair to Cllr Raj Patel, he advised that the Planning Committee did not "
     "usually get involved.\n", "Cllr Raj Patel", "advised"),
    ("5. Cemetery\n\nCllr Tom Cole shared that the Council wished to screen the spoil heap, he suggested a row of "
     "beech hedging.\n", "Cllr Tom Cole", "suggested"),
    # none named before it in the sentence: the last speaker
    ("5. Roads\n\nIn moving the Motion, Councillor Ann Lee thanked the crews. He queried how many trees fell.\n\n"
     "In addition, she noted the poor condition of the roads.\n", "Councillor Ann Lee", "noted"),
])
def test_pronoun_after_a_comma(raw, speaker, verb):
    said = [s for s in run(COUNCIL + raw).statements if s.verb == verb]
    assert said and said[0].speaker.surface == speaker, said


@pytest.mark.parametrize("raw, askers, text_has", [
    # a councillor's written question: the heading names who submitted it, the question says "I"
    ("9.  Question submitted by Councillors Byrne and Walsh\n\n“I will ask at the next meeting of the District for "
     "an update on the footpath at Ballyroe.”\n\n**Reply:**\n\nThe works will start in May.\n",
     ["Byrne", "Walsh"], "footpath at Ballyroe"),
    ("7.\n\nQuestion submitted by Councillor A. Nolan\n\nI will ask at the next Meeting what the Council's supplies "
     "of salt were at the start of the cold spell.\n\nREPLY:\n\nThe Council held 4,000 tonnes.\n",
     ["Nolan"], "supplies of salt"),
])
def test_written_questions(raw, askers, text_has):
    asked = [s for s in run(COUNCIL + raw).statements if s.verb == "asked"]
    assert [a for a in askers if any(a in s.speaker.surface for s in asked)] == askers, asked
    assert all(text_has in s.text for s in asked)


@pytest.mark.parametrize("raw, speaker", [
    # a given name at a PDF line end, the surname on the next line, spelt out elsewhere
    ("Present: Ann Lee, Marion Hale, Raj Patel\n\n4. Bookings\n\nAnn Lee asked how the new room booking system was "
     "working for the community groups. Marion\nHale responded that more and more bookings are coming through and "
     "business\nis building gradually.\n", "Marion Hale"),
])
def test_name_across_a_line_end(raw, speaker):
    said = [s for s in run(raw).statements if s.verb == "responded"]
    assert said and said[0].speaker.surface == speaker


@pytest.mark.parametrize("line, owner, text_has", [
    ("**Reply:**\n\nA survey of the footpaths in Church Lane will be arranged by the Roads Maintenance section of this "
     "Council.", "Roads Maintenance section", "survey of the footpaths"),
    ("The hedges, which would be trimmed by Cllr Raj Patel, were discussed.", "Cllr Raj Patel", "hedges"),
])
def test_tasks_in_the_passive_with_their_agent(line, owner, text_has):
    acts = run(COUNCIL + "3. Roads\n\n" + line + "\n").actions
    assert len(acts) == 1, acts
    assert acts[0].owners[0].surface == owner and text_has in acts[0].text


@pytest.mark.parametrize("line", [
    "The next meeting will be held by the Village Hall Committee in May.",   # a meeting held, no task
    "The minutes were approved by the Council.",                             # past, decided
])
def test_not_tasks_in_the_passive(line):
    assert run(COUNCIL + "3. Roads\n\n" + line + "\n").actions == []


def test_surnames_of_a_plural_title_list_join_their_initialled_forms():
    from kg.resolve import resolve
    ex = run("MEMBERS PRESENT:\n\nCouncillors Walsh, Dunne and Moran\n\n1. Minutes\n\n"
             "Proposed by Councillor P Dunne, seconded by Councillor Walsh and agreed. Councillor Dunne thanked staff.\n")
    res = resolve(ex)
    assert res.person_of["Dunne"] == res.person_of["Councillor P Dunne"] == res.person_of["Councillor Dunne"]


COUNCIL = ("Present: Cllr Ann Lee (Chair), Cllr Raj Patel, Cllr Tom Cole\n\n")


# -- motions over several lines ------------------------------------------------------------

COUNCIL = ("Present: Cllr Ann Lee (Chair), Cllr Raj Patel, Cllr Tom Cole\n\n")


@pytest.mark.parametrize("raw, text_has, proposer, seconder", [
    # an Irish council's notice of motion: the motion quoted, then proposer and seconder lines
    ("4. Notice of Motion submitted by Cllr Raj Patel\n\n“I will move at the next meeting of the District that the "
     "Council repair the footpath on Mill Road.”\n\n**Reply:**\n\nThe footpath is on the works programme.\n\n"
     "**Proposed: Cllr Raj Patel**\n\n**Seconded: Cllr Tom Cole**\n",
     "the Council repair the footpath on Mill Road", "Cllr Raj Patel", "Cllr Tom Cole"),
    # the minutes adopted: proposer and seconder, then a label and the resolution on its own line
    ("1. Adoption of Minutes\n\n**Proposed by: Cllr Tom Cole**\n\n**Seconded by: Cllr Ann Lee**\n\n"
     "**And Resolved:**\n\n“That the draft Minutes, as circulated, be taken as read and adopted.”\n",
     "the draft Minutes, as circulated, be taken as read and adopted", "Cllr Tom Cole", "Cllr Ann Lee"),
    # a North American committee: moved and seconded, the resolution after
    ("2. Consent Items\n\n> Moved by Cllr Tom Cole\n\n> Seconded by Cllr Raj Patel\n\n"
     "That Items 2.1 to 2.4 BE APPROVED.\n", "Items 2.1 to 2.4 BE APPROVED", "Cllr Tom Cole", "Cllr Raj Patel"),
])
def test_motions_over_several_lines(raw, text_has, proposer, seconder):
    decisions = run(COUNCIL + raw).decisions
    assert len(decisions) == 1, decisions
    d = decisions[0]
    assert text_has in d.text
    assert (d.proposer.surface, d.seconder.surface) == (proposer, seconder)


@pytest.mark.parametrize("raw", [
    # a reply saying what would happen if the motion were seconded decides nothing
    "6. Notice of Motion\n\nShould the Notice of Motion be proposed and seconded, it will be forwarded to the "
    "committee.\n",
    # "Agreed" inside a sentence is not a label that waits for its resolution
    "6. Hall hire\n\nThe hire charges were discussed at length by members.\n",
])
def test_not_motions(raw):
    assert run(COUNCIL + raw).decisions == []


@pytest.mark.parametrize("raw, expected", [
    ("9. Next Meeting\n\nThe next meeting of the District will be held on Thursday 20th April at 3pm in the Hall.\n",
     "Thursday 20th April at 3pm in the Hall"),
    ("9. Date of next meeting\n\nNext meeting - Wednesday 8 January 2020 at 7 pm\n", "Wednesday 8 January 2020 at 7 pm"),
    # the line at the foot of the last item, no heading of its own, no colon
    ("9.4 AL will table the costs of the blinds.\nDate of Next Meeting 2nd June 2015, 17:45.\n\nSigned____\n",
     "2nd June 2015, 17:45"),
    # the heading alone, the date on the line under it
    ("10. Date of next meeting:\n\n26th May 2016, Riverside Library\n\nRegistered Office: 1 High Street\n",
     "26th May 2016, Riverside Library"),
    ("9.0 Forward Agenda and date of next Meeting\nWednesday 19th December 2012 at 10.00 at the Hall.\n",
     "Wednesday 19th December 2012 at 10.00 at the Hall"),
    # the month first, no year
    ("2999.Date of next meeting:  January 4th.\n", "January 4th"),
    # the body's initials, a dash; the closing line after it is not part of the date
    ("12. AOCB - none\nNext meeting of RPC - 13 November 2024 at 19:00 in the School\nThe meeting closed at 20:50\n",
     "13 November 2024 at 19:00 in the School"),
    ("12. AOB\nThe meeting closed at 20:38. The next meeting is 12th\nof November 2025.\n", "12th of November 2025"),
    ("7. NEXT MEETING\nNext meeting on 11 March 2025; 5.30pm-6.30pm.\n", "11 March 2025; 5.30pm-6.30pm"),
    # prose first, then the "Date of next meeting" line: the line is the one to go by
    ("16 Date of next meeting\n16.1 It was agreed to set the date for the AGM, therefore the next meeting will be "
     "15th March 5:45pm followed by the AGM.\n\nDate of Next Meeting 15th March 2016, 17:45.\n",
     "15th March 2016, 17:45"),
])
def test_next_meeting(raw, expected):
    ex = run(COUNCIL + raw)
    assert ex.meeting.next_meeting.rstrip(".") == expected


@pytest.mark.parametrize("raw", [
    # someone attending the next meeting, a matter put off to it: no date for it
    "5. Updates\nJo Bright of the AONB will be attending the next meeting in early September.\n",
    "6. Photos\nPossibility of school photos returning will be discussed at the next meeting on 3 May.\n",
    "7. Hall\nCllr Cole explained their next meeting is next week and she will bring it up then.\n",
    "8. Notice\nAll minutes are draft until agreed at the next meeting. To find out the date of the next meeting\n",
])
def test_no_next_meeting(raw):
    assert run(COUNCIL + raw).meeting.next_meeting is None


# -- the development corpus -----------------------------------------------------------------

def _corpus(name: str):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not present (the development corpus is not part of the project)")
    from kg.pipeline import extract_file
    return extract_file(path)


def test_irish_district_minutes_are_dated_and_their_register_read():
    ex = _corpus("cappamore-kilmallock-md-2023-03-23.md")
    assert ex.meeting.date == "2023-03-23"
    roles = {a.role for a in ex.attendance}
    assert {"chair", "present", "in_attendance"} <= roles
    assert len([a for a in ex.attendance if a.role == "present"]) == 7


def test_front_matter_minutes_are_dated():
    ex = _corpus("yic-head-neck-sig-2022-05-12.md")
    assert ex.meeting.date == "2022-05-12" and ex.meeting.body == "Head & Neck SIG"
