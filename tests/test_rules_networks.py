"""Rules for the minutes of NHS networks and special interest groups (and the councils and
boards that write the same way), as (raw, expected) tables of minute-writing.

The shapes come from real minutes of several bodies (an imaging network's groups, parent
councils, library trustees, community councils); the names here are invented.
"""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Document
from kg.segment import segment

NETWORK = ("Northfield Imaging Network\nMinutes of the meeting held on 4 March 2025\n\n"
           "Attendance: Anna Price, Helen Marsh, Owen Reid, Sunil Desai\n\n")
COUNCIL = "RIVERSIDE PARISH COUNCIL Minutes of the meeting held on 3 March 2025\n\n" \
          "Present: Cllr Ann Lee (Chair) Cllr Raj Patel Cllr Tom Cole Jo Bright (Clerk)\n\n"


def run(sentence: str, header: str = NETWORK, body: str | None = None):
    text = header + "Discussion\n\n" + sentence + "\n"
    return extract(segment(Document("t.txt", text, "txt", "0")), body=body)


def orgs(ex) -> set[str]:
    return {o.surface for o in ex.organisations}


# -- towns that stand for NHS trusts -------------------------------------------------------

@pytest.mark.parametrize("sentence, trusts", [
    # the trusts of a network named by their towns, in minutes that speak of trusts
    ("OR said Airedale and Bradford are live, the next trusts are Leeds and York.",
     {"Airedale NHS Foundation Trust", "Bradford Teaching Hospitals NHS Foundation Trust",
      "Leeds Teaching Hospitals NHS Trust", "York and Scarborough Teaching Hospitals NHS Foundation Trust"}),
    ("AP -Harrogate have run the pathway for two years; other hospitals plan to follow.",
     {"Harrogate and District NHS Foundation Trust"}),
    ("Demand has grown at Sheffield, and both hospitals are outsourcing.",
     {"Sheffield Teaching Hospitals NHS Foundation Trust"}),
    # a trust's acronym, from the gazetteer
    ("SD said CHFT and the other WYAAT trusts had signed the agreement.",
     {"Calderdale and Huddersfield NHS Foundation Trust", "West Yorkshire Association of Acute Trusts"}),
])
def test_towns_stand_for_trusts_where_the_minutes_speak_of_trusts(sentence, trusts):
    assert trusts <= orgs(run(sentence))


@pytest.mark.parametrize("sentence", [
    # a town is a town in minutes that never speak of trusts or hospitals
    "The Clerk will book the coach to Leeds for the outing in June.",
    "Cllr Tom Cole reported that the York branch of the society had closed.",
])
def test_a_town_is_a_town_elsewhere(sentence):
    names = orgs(run(sentence, COUNCIL))
    assert not any("NHS" in n for n in names), names


@pytest.mark.parametrize("sentence, absent", [
    # a word of a longer name, not the trust ("York Road", "Leeds Beckett", "East Leeds")
    ("Both hospitals are near York Road.", "York and Scarborough Teaching Hospitals NHS Foundation Trust"),
    ("The trusts met staff of East Leeds Primary Care Network.", "Leeds Teaching Hospitals NHS Trust"),
    ("The trusts thanked North Leeds for its help.", "Leeds Teaching Hospitals NHS Trust"),
])
def test_a_town_inside_a_longer_name_is_not_the_trust(sentence, absent):
    assert absent not in orgs(run(sentence))


# -- tasks of the body, put off to its next meeting or given it in the passive --------------

def owner_names(action) -> list[str]:
    return [o.person.surface if o.person else o.surface for o in action.owners]


@pytest.mark.parametrize("sentence, header, owner, text_has", [
    ("Contrast timing for trauma to be discussed at next meeting", NETWORK, "Northfield Imaging Network",
     "Contrast timing"),
    ("Possibility of a summer fair returning will be discussed at the next meeting.", COUNCIL,
     "Riverside Parish Council", "summer fair"),
    ("The bus shelter repairs to be an agenda item for next meeting.", COUNCIL, "Riverside Parish Council",
     "bus shelter"),
    # the body called by the acronym ending its name
    ("There will be a way to appeal the tier, this will be discussed and agreed by the SIG.", NETWORK,
     "Northfield Spine SIG", "appeal the tier"),
    ("Work out which band the other codes fit into (to be agreed by the SIG)", NETWORK,
     "Northfield Spine SIG", "which band"),
    # the terse passive: the task, "to be", the verb, its agent
    ("Quotes for the bench to be obtained by the Clerk.", COUNCIL, "Jo Bright", "Quotes for the bench"),
])
def test_tasks_given_to_the_body_or_an_agent(sentence, header, owner, text_has):
    # a group named on the page, not in its heading (a site's front matter gives it)
    acts = run(sentence, header, body="Northfield Spine SIG" if owner.endswith("SIG") else None).actions
    assert len(acts) == 1, acts
    assert owner_names(acts[0]) == [owner]
    assert text_has in acts[0].text


@pytest.mark.parametrize("sentence", [
    "It was felt that anything for the noticeboard needs to be approved by the Chair.",   # a rule, not a task
    "Access to the new website would be limited and controlled by Cllr Tom Cole.",        # an arrangement
    "To be discussed at the next meeting as the costs are not yet known.",                 # no matter named
    "The date of the next meeting was confirmed as 7 April.",
])
def test_not_tasks_of_the_body(sentence):
    assert run(sentence, COUNCIL).actions == []


# -- errands in hand and people told apart by an initial ------------------------------------

@pytest.mark.parametrize("sentence, owners, text_has", [
    ("**SPINE-LIMITED (*post meeting - Helen M and Helen T organising)***", ["Helen Marsh", "Helen T"],
     "SPINE-LIMITED"),
    ("Cllr Tom Cole is arranging to have a call with the sergeant about parking.", ["Cllr Tom Cole"],
     "arranging to have a call"),
    ("The Clerk is following up with the contractor.", ["Jo Bright"], "following up with the contractor"),
    # after what is done already: the errand still in hand
    ("The Vice Chair has raised this with Cllr Raj Patel and is following up with the County Council.",
     ["Vice-Chair"], "following up with the County Council"),
])
def test_errands_in_hand(sentence, owners, text_has):
    header = NETWORK if "Helen" in sentence else COUNCIL
    ex = run(sentence, header)
    assert len(ex.actions) == 1, ex.actions
    got = [ex.aliases.get(n, n) for n in owner_names(ex.actions[0])]
    assert got == owners
    assert text_has in ex.actions[0].text


@pytest.mark.parametrize("sentence, person", [
    ("Tom A will also post the notice on the website.", "Tom A"),
    ("Owen Reid and Alison B agreed to draft the leaflet.", "Alison B"),
])
def test_a_given_name_and_an_initial_is_a_person(sentence, person):
    assert person in {p.surface for p in run(sentence).people}


@pytest.mark.parametrize("sentence, not_person", [
    ("Thomas B Bonnett supplied the gates.", "Thomas B"),     # the start of a longer name
    ("Band D council tax rose by 3%.", "Band D"),            # not a given name
])
def test_a_given_name_and_an_initial_inside_other_words(sentence, not_person):
    assert not_person not in {p.surface for p in run(sentence, COUNCIL).people}


# -- undotted capitals before a word: a person, or an acronym before a noun ---------------

@pytest.mark.parametrize("sentence, header, person, is_person", [
    ("The meeting was held on MS Teams.", COUNCIL, "MS Teams", False),
    ("The group agreed the Non- Contrast CT Protocols.", NETWORK, "CT Protocols", False),
    ("The Clerk reported the NP Refund had arrived.", COUNCIL, "NP Refund", False),
    ("The VE Day picnic will be on the green.", COUNCIL, "VE Day", False),
    # the subject of a verb of speech or commitment, an attendance list, or a surname the
    # document spells out
    ("JR Hartley replied that the survey was done.", COUNCIL, "JR Hartley", True),
    ("Present: JR Hartley, PK Moss and the Clerk", COUNCIL, "PK Moss", True),
    ("Cllr Tom Cole thanked the chair. The report from TC Cole was noted.", COUNCIL, "TC Cole", True),
])
def test_undotted_capitals_before_a_word(sentence, header, person, is_person):
    assert (person in {p.surface for p in run(sentence, header).people}) is is_person


@pytest.mark.parametrize("raw, expected", [
    ("2025-06-09 SR Housing Stability Service", "SR Housing Stability Service"),  # a date in front
    ("12 Staff Advisory Group", "Staff Advisory Group"),                         # an item number
    ("100 Club", "100 Club"),                                                    # a number that is the name
])
def test_a_number_in_front_of_a_body(raw, expected):
    from kg.extract.names import _clean_org_phrase
    assert _clean_org_phrase(raw) == expected


# -- a body's role holders owning a task as a group ----------------------------------------

@pytest.mark.parametrize("sentence, owner, text_has", [
    ("-PC Reps to look over the website and note any changes.", "PC Representatives", "look over the website"),
    ("Volumes vary widely between sites, SIG PM’s to sort?", "SIG Project Managers", "Volumes vary widely"),
    ("SIG Leads to draft the referral form.", "SIG Leads", "draft the referral form"),
])
def test_role_holders_of_a_body_own_tasks(sentence, owner, text_has):
    ex = run(sentence)
    assert len(ex.actions) == 1, ex.actions
    assert owner_names(ex.actions[0]) == [owner]
    assert text_has in ex.actions[0].text
    assert owner in {o.surface for o in ex.organisations}
    assert not any(p.surface.startswith(("PC ", "SIG ")) for p in ex.people)  # not a constable
