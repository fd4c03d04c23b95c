"""Rules for reading the meeting itself on minutes govkg had not seen: who attended, the items,
the body and the date, in the shapes several bodies write them.

Each pattern was found in the minutes of at least two bodies of the development corpus (an
attendance label standing as a numbered item: trusts, community councils, residents'
associations; "<Group> Present" headings: charities' AGMs, community councils; Markdown
headings as items: charities' and councils' web pages).  Names and places are invented; the
shape of each line is kept.  Every case runs through segment -> extract.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment


def run(text: str):
    return extract(segment(Document("t.txt", text, "txt", "0")))


def roles(ex) -> list[tuple[str, str]]:
    return [(a.role, a.person.surface) for a in ex.attendance]


# -- attendance ---------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # a trust's numbered item "Apologies for absence" with the names on the line below
    ("ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\n\nPresent\nMr T Vale (TV), Mrs J Orme (JO)\n\n"
     "1. Appointment of Chairperson\nTV Proposed by JO. All agreed.\n\n2. Apologies for absence\nR Quist (RQ)\n\n"
     "3. Approval of minutes\nApproved.\n",
     [("present", "Mr T Vale"), ("present", "Mrs J Orme"), ("apologies", "R Quist")]),
    # a community council's running minute, the names after the label's colon
    ("Minutes of a meeting of the above Council held on Monday 3rd March 2025.\n\n"
     "Present:  Cllr Moss (attending remotely), Cllr Reed & the Clerk.\n\n"
     "3101.\tPolice Report:  None.\n\n3102.\tTo receive apologies for absence:  Cllr Lark.\n\n"
     "3103.\tDeclarations of interest:  None.\n",
     [("present", "Cllr Moss"), ("present", "Cllr Reed"), ("apologies", "Cllr Lark")]),
    # "Committee Members Present were:" opening a numbered item
    ("Minutes of Meeting (no.212) of\nElmhill Community Council\n\n9th May 2024\n\n"
     "1. Committee Members Present were: Ruth Kemp (RK, chair), Tom Bell (TB), Dora Lent (DL).\n"
     "Apologies were received from: Sam Quirke (SQ).\n2. Minutes of Previous Meeting. Approved.\n",
     [("present", "Ruth Kemp"), ("chair", "Ruth Kemp"), ("present", "Tom Bell"), ("present", "Dora Lent"),
      ("apologies", "Sam Quirke")]),
    # a charity's Markdown AGM: "### Officers and Trustees Present" heading, then the list
    ("### Minutes of Fenland Maps 2021 AGM\n3rd November 2021 at 12pm, online\n\n"
     "### Officers and Trustees Present\nAnna Lowe (Chair), Ben Ford (Treasurer), Cara Hunt, Dan Pike.\n\n"
     "#### Apologies for Absence\nEve Marsh\n\n### Accounts\nThe accounts were accepted.\n",
     [("present", "Anna Lowe"), ("chair", "Anna Lowe"), ("present", "Ben Ford"), ("present", "Cara Hunt"),
      ("present", "Dan Pike"), ("apologies", "Eve Marsh")]),
    # a residents' association's form heading: "Attended:" with the names run on
    ("Elmhill Residents’ Association\nAnnual General Meeting 2025\nMinutes\n\nLocation: Village Hall\n"
     "Date: 4 May 2025\nAttended: Ruth Kemp, Tom Bell, Dora Lent\nAround forty residents.\n\n1 Welcome\n\n"
     "The Chair welcomed everyone.\n",
     [("present", "Ruth Kemp"), ("present", "Tom Bell"), ("present", "Dora Lent")]),
    # a register line that stops after an entry's title and given name or initial
    ("ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\n\nPresent Mr T Vale (TV), Mrs J Orme (JO), Mr Peter\n"
     "Lowe (PL), Mr R Quist (RQ), Mr P\nHale (PH)\n\n1. Treasurer\nAccounts noted.\n",
     [("present", "Mr T Vale"), ("present", "Mrs J Orme"), ("present", "Mr Peter Lowe"), ("present", "Mr R Quist"),
      ("present", "Mr P Hale")]),
    # one attendee to a line, "Name, Post": a post closing a line is not the start of the next name
    ("Kelby Residents’ Association and Estates meeting\nMinutes of the meeting held on 3 March 2024\n\n"
     "Those present\nKelby Residents’ Association (KRA)\nAnn Lee, Chairman\nTom Bell, Support Officer\n\n"
     "1. APOLOGIES\n\n2. MINUTES\n\nMinutes from the previous meeting were agreed.\n",
     [("present", "Ann Lee"), ("chair", "Ann Lee"), ("present", "Tom Bell")]),
    # entries whose given names the gazetteer does not know, each with its post in brackets
    ("### Officers and Trustees Present\nJo Vale (Chair), Matt Ford (Treasurer), Ant Quarry (Secretary), "
     "Cara Hunt, Dan Pike (Trustees) and six other members.\n\n### Accounts\nAccepted.\n",
     [("present", "Jo Vale"), ("chair", "Jo Vale"), ("present", "Matt Ford"), ("present", "Ant Quarry"),
      ("present", "Cara Hunt"), ("present", "Dan Pike")]),
    # a label glued to its running minute number (text kept for a web page)
    ("Minutes of a meeting of the above Council held on Monday 3rd March 2025.\n\n"
     "Present: Cllrs Moss, Reed & the Clerk.\n\n3101.Police Report:  Attached.\n\n"
     "3102Apologies for absence:  Cllrs Lark & Hale.\n\n3103.Declarations of interest:  None.\n",
     [("present", "Cllrs Moss"), ("present", "Reed"), ("apologies", "Cllrs Lark"), ("apologies", "Hale")]),
])
def test_attendance_labels_minutes_use(raw, expected):
    assert roles(run(raw)) == expected


@pytest.mark.parametrize("raw, expected", [
    # a US city council's heading: the roll in surnames, a title before some, the count after
    ("CITY OF ELMTON, OREGON OFFICIAL MINUTES A REGULAR MEETING OF THE COUNCIL OF THE CITY OF ELMTON WAS HELD "
     "THIS 12TH DAY OF MARCH, 2014 AT 9:30 A.M.  THOSE PRESENT WERE:  Mayor Banks, Presiding; Commissioners Holt, "
     "Vance,\nOrr and Pike, 5.\n\nOFFICERS IN ATTENDANCE:  Ann Lee, Clerk of the Council.\n",
     # "Mayor Banks, Presiding": the mayor chairs
     [("present", "Mayor Banks"), ("chair", "Mayor Banks"), ("present", "Holt"), ("present", "Vance"),
      ("present", "Orr"), ("present", "Pike"), ("in_attendance", "Ann Lee")]),
    # a US district board's call to order: the roll inside the item's prose
    ("BOARD OF DIRECTORS\nELMTON FIRE DISTRICT\nThursday, March 13, 2025\n\nCALL TO ORDER\n\n"
     "The meeting was called to order at 6:01 pm by President Holt. Board members present:\nHolt, Vance, Orr, "
     "and Pike. Board members absent: Quist and\nRamos. Staff present: Chief Lane.\n\nPUBLIC COMMENTS\n\nNone.\n",
     # who called the meeting to order chairs it
     [("chair", "Holt"), ("present", "Holt"), ("present", "Vance"), ("present", "Orr"), ("present", "Pike"),
      ("apologies", "Quist"), ("apologies", "Ramos")]),
])
def test_roll_call_in_surnames(raw, expected):
    assert sorted(roles(run(raw))) == sorted(expected)


@pytest.mark.parametrize("raw", [
    # a sentence of capitalised words after a label is no roll
    "BOARD OF DIRECTORS\nELMTON FIRE DISTRICT\nThursday, March 13, 2025\n\nCALL TO ORDER\n\n"
    "Board members present: Agreed To Review, The Budget Tonight.\n\nPUBLIC COMMENTS\n\nNone.\n",
])
def test_roll_call_needs_names(raw):
    assert roles(run(raw)) == []


@pytest.mark.parametrize("raw", [
    # an item about apologies and more is prose, read as prose: not a list of names
    "Elmhill Residents’ Association\nMinutes\n\nDate: 4 May 2025\n\n1 Welcome\n\nThe Chair welcomed all.\n\n"
    "2 Apologies and approval of Minutes\n\nApologies were received from Sam Quirke.\n"
    "The minutes of the meeting on 1 April 2025 were accepted as a true record.\n",
])
def test_an_item_about_apologies_is_not_a_list(raw):
    assert roles(run(raw)) == [("apologies", "Sam Quirke")]


# -- items --------------------------------------------------------------------------

@pytest.mark.parametrize("raw, titles", [
    # Markdown headings open items whatever the blank lines; the document's own parts do not
    ("### Minutes of Fenland Maps 2021 AGM\n3rd November 2021\n\n### Accounts 2020-2021\nAccepted.\n"
     "### Future Events\nNone planned.\n### AOB\nNone.\n",
     ["Accounts 2020-2021", "Future Events", "AOB"]),
    # a city committee's page: numbered headings with no-break spaces after the number
    ("---\ntitle: 4th Meeting of the Parks Committee\ndate: 2025-03-02\n---\n\n# 1.\u00a0\u00a0\u00a0Disclosures of "
     "Pecuniary Interest\n\nThat it BE NOTED that none were disclosed.\n\n# 2.\u00a0\u00a0\u00a0Consent\n\n"
     "## 2.1\u00a0\u00a0\u00a0Tree Planting Report\n\nThat the report BE RECEIVED.\n",
     ["Disclosures of Pecuniary Interest", "Consent", "Tree Planting Report"]),
    ("---\ntitle: Winter Imaging SIG meeting\n---\n  ## Agenda\n  1. Protocols\n  2. AOB\n\n  ## Minutes\n\n"
     "  ## Key Discussion Points\n\n  ### 1. Protocols for hips\n  - Leeds to share theirs\n  ### No AOB\n",
     ["Protocols", "AOB", "Protocols for hips", "No AOB"]),
    # the first heading of a council's page is its title, not an item
    ("# Elmhill Community Council / Cyngor Cymuned Elmhill\n\n**Minutes of the ordinary meeting held on Monday "
     "3 March 2025**\n\nPresent: Cllr Ann Lee (Chair), Cllr Tom Bell\n\n## 1. Welcome and apologies\n\nNone.\n\n"
     "## 2. Finance\n\nNoted.\n",
     ["Welcome and apologies", "Finance"]),
])
def test_markdown_headings_open_items(raw, titles):
    assert [i.title for i in run(raw).items] == titles


# -- the body and the date ------------------------------------------------------------

@pytest.mark.parametrize("raw, body, date", [
    # a trust's letterhead running on in capitals, then its dated title
    ("ASHCOMBE MARKET TRUST REGISTERED CHARITY NO 234567\nAPPROVED MINUTES 9 NOVEMBER 2016\n\n"
     "Present Mr T Vale (TV), Mrs J Orme (JO)\n\n1. Chair\nTV opened the meeting\n",
     "Ashcombe Market Trust", "2016-11-09"),
    ("ASHCOMBE MARKET TRUST\nREGISTERED CHARITY NO 234567\nMINUTES 6 MAY 2015 APPROVED & SIGNED 8 JULY 2015\n\n"
     "Present\nMr T Vale (TV), Mrs J Orme (JO)\n\n1. Chair\nTV opened the meeting\n",
     "Ashcombe Market Trust", "2015-05-06"),
    # the meeting's number inside the heading
    ("Minutes of Meeting (no.212) of Elmhill Community Council held on\n9th October 2024\n19:15-21:00 at\n"
     "Elmhill Library\n\n1.. Present:- Ruth Kemp (chair), Tom Bell\n",
     "Elmhill Community Council", "2024-10-09"),
    # a two-line running head whose second line is the meeting and its venue: the venue is no body
    ("Kelby Residents’ Association and Estates meeting\nMinutes of the meeting held on 3 March 2024 at 5.30pm\n"
     "at Estate Management Office\n\nThose present\nKelby Residents’ Association (KRA)\nAnn Lee, Chairman\n",
     "Kelby Residents’ Association", "2024-03-03"),
    # a form's "Title of Meeting:" naming a general meeting
    ("Kelby Libraries IPS\n\nANNUAL GENERAL MEETING MINUTES\n\nTitle of Meeting: Kelby Libraries IPS Ltd. - AGM\n"
     "Date: 10th September 2015\n\n1. Welcome\n\nThe Chair welcomed the members.\n",
     "Kelby Libraries IPS Ltd.", "2015-09-10"),
])
def test_body_and_date_from_the_heading(raw, body, date):
    meeting = run(raw).meeting
    assert (meeting.body, meeting.date) == (body, date)
