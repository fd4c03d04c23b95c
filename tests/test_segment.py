"""segment: sections and sentences, as (raw, expected) tables of real minute-writing."""
from __future__ import annotations

import pytest

from kg.records import Document
from kg.segment import segment, sentences


def doc(text: str, **meta) -> Document:
    return Document(path="t.txt", text=text, format="txt", sha256="0", meta=meta)


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text, 0, len(text))]


@pytest.mark.parametrize("raw, expected", [
    ("Cllr. Smith welcomed everyone. Apologies were noted.",
     ["Cllr. Smith welcomed everyone.", "Apologies were noted."]),
    ("It was agreed, e.g. by all present, to defer. The Clerk will write.",
     ["It was agreed, e.g. by all present, to defer.", "The Clerk will write."]),
    # a no-break space after the full stop, as pages copied from the web have
    ("K Podmore asked a question.\xa0 J Hassall replied.", ["K Podmore asked a question.", "J Hassall replied."]),
    # a numbered list entry is one sentence, not "1." and the rest
    ("1.  To approve the revised terms.", ["1.  To approve the revised terms."]),
    ("J. Smith said that she will report back.", ["J. Smith said that she will report back."]),
    ("Item one\n\nItem two", ["Item one", "Item two"]),
    ("• First bullet\n• Second bullet", ["• First bullet", "• Second bullet"]),
])
def test_sentences(raw, expected):
    assert split(raw) == expected


def test_minute_numbers_even_when_run_on_inline():
    text = ("HEADER\n\n101/24 Apologies – Cllr A Bee. 102/24 Declarations – none. "
            "The planning reference 19/01754/F was noted. 103/24 Finance – agreed.")
    items = [s for s in segment(doc(text)).sections if s.kind == "item"]
    assert [s.number for s in items] == ["101/24", "102/24", "103/24"]
    assert items[0].title == "Apologies"


def test_timed_items_with_presenters_and_documents():
    text = ("Opening remarks.\n\n15:15 Budget Update - Ann Lee/Raj Patel pdf icon PDF 64 KB\n\nText.\n\n"
            "16:00: Thematic Focus - Ann Lee\n\nMore text.")
    items = [s for s in segment(doc(text)).sections if s.kind == "item"]
    assert [(s.time, s.title, s.presenters, s.documents) for s in items] == [
        ("15:15", "Budget Update", ["Ann Lee", "Raj Patel"], ["PDF 64 KB"]),
        ("16:00", "Thematic Focus", ["Ann Lee"], []),
    ]


def test_attendance_lists_and_closing_lists():
    text = ("Finance Committee\n\nPresent:\nAnn Lee (Chair)\nRaj Patel\n\nApologies:\nTom Cole\n\n"
            "Budget\n\nThe Committee noted the report.\n\nActions\n\n1. AL to circulate the figures.\n\n"
            "Decisions\n\n• The report was noted.")
    kinds = [s.kind for s in segment(doc(text)).sections]
    assert kinds == ["header", "present", "apologies", "item", "actions", "decisions"]


def test_prose_after_an_attendance_list_is_not_lost():
    text = "Present:\nAnn Lee\nRaj Patel\n\nThe Chair opened the meeting. It was agreed to proceed. " * 1
    secs = segment(doc(text)).sections
    covered = "".join(text[s.start:s.end] for s in secs)
    assert "It was agreed to proceed." in covered


def test_numbered_list_under_a_colon_is_not_a_run_of_items():
    text = ("Intro\n\n2. Governance\n\nIt was resolved that the Board made the following decisions:\n\n"
            "1.  To approve the terms of reference.\n\n2.  To meet bi-monthly.\n\n3. Any other business\n\nNone.")
    items = [s for s in segment(doc(text)).sections if s.kind == "item"]
    assert [s.title for s in items] == ["Governance", "Any other business"]


def test_items_introduced_by_a_word():
    text = "Header\n\nItem 5: Budget Monitoring\n\nText.\n\nAgenda Item 6 - Planning\n\nMore.\n\nMinute 7. Finance\n\nEnd."
    items = [s for s in segment(doc(text)).sections if s.kind == "item"]
    assert [(s.number, s.title) for s in items] == [("5", "Budget Monitoring"), ("6", "Planning"), ("7", "Finance")]


def test_items_in_a_web_page_table_and_labels_that_are_not_headings():
    text = ("Health Scrutiny Committee - Tuesday, 8 October 2024\n\nVenue: Committee Room 3, County Hall\n\n"
            "Items\n\n23. | Declarations of Interest Councillor Femi Cole declared a personal interest.\n"
            "24. | Winter Pressures Dr Alan Pike presented the report.")
    items = [s for s in segment(doc(text)).sections if s.kind == "item"]
    assert [(s.number, s.title) for s in items if s.number] == [("23", "Declarations of Interest"),
                                                               ("24", "Winter Pressures")]
    assert not any((s.title or "").startswith("Venue") for s in items)


RUN_IN = ("Oakley Parish Council – Ordinary Meeting Tuesday 2nd March 2021\n\nPRESENT: Cllr A Hale (Chair), Cllr B Reed\n\n"
          "1. PUBLIC FORUM A resident asked about the footpath by the mill, which is still blocked and has been "
          "reported to Highways again this month.\n\n"
          "2. APOLOGIES FOR ABSENCE Apologies were received from Cllr C Webb, who was unwell, and accepted by all.\n\n"
          "3. MATTERS ARISING The Chair had nothing further to report on the items of the agenda that evening.\n\n"
          "4. DOG BINS It was noted that the bin in Mill Lane had been overflowing but is now emptied every week.\n\n"
          "ACTIONS: Clerk to email the District Council about the bin in Mill Lane. Cllr Reed to check the others.\n\n"
          "5. NOTICEBOARDS Cllr Reed produced a catalogue of boards. It was agreed that two boards should be ordered "
          "and that he would place the order.\n\n")


@pytest.mark.parametrize("head, title", [
    # a title in capitals that is the whole heading keeps its words and its years
    ("AONB Funding for Projects in Wye Valley:  Email received from AONB announcing funding from the Government for a "
     "range of projects (see below).", "AONB Funding for Projects in Wye Valley"),
    ("AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES", "AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES"),
    # one run into its text is cut where the text begins
    ("DOG BINS It was noted that the bin in Mill Lane had been overflowing at Christmas but is now emptied weekly.",
     "DOG BINS"),
])
def test_a_capitals_title_is_cut_only_where_it_runs_into_its_text(head, title):
    from kg.segment import _cut_title
    assert _cut_title(head) == title


def test_numbered_items_with_the_heading_run_into_the_text():
    # a parish council's items, each "N. HEADING" running on into its first sentence: the next
    # number after the last item's opens the next item, titled by its capitals
    items = [s for s in segment(doc(RUN_IN)).sections if s.kind == "item"]
    assert [(s.number, s.title) for s in items] == [
        ("1", "PUBLIC FORUM"), ("2", "APOLOGIES FOR ABSENCE"), ("3", "MATTERS ARISING"), ("4", "DOG BINS"),
        ("5", "NOTICEBOARDS")]


@pytest.mark.parametrize("raw, numbers", [
    # headings in words and an agenda's verbs, run into the text, in a second council's numbering
    ("Minutes of the Parish Council\n\n1. To receive Apologies for Absence: Councillor T Webb (on a training "
     "course run by the county association).\n\n"
     "2. To receive Declarations of Interest on agenda items The Councillors confirmed that they had no interests.\n\n"
     "3. Minutes of the meeting held on 3rd September 2020 LH confirmed that all Councillors had seen the minutes of "
     "the meeting held on 3rd September 2020 and they were signed.\n\n"
     "4. Matters Arising The Clerk reported that he is waiting on the County Council for their advice on the signs "
     "and their costs.\n\n", ["1", "2", "3", "4"]),
    # a list inside an item counts from 1: its "4." is a point of the list, not the next item
    ("Intro\n\n3. Finance\n\nThe Treasurer reported the following points, all of which were agreed by the members "
     "present at the meeting.\n\n1. The accounts for the year were received and noted by everyone.\n\n"
     "2. The budget for the year was set at the same level as last year by all.\n\n"
     "3. The precept for the year was set at the same level as last year by all.\n\n"
     "4. The Internal Auditor was appointed for the year at the same fee as last year.\n\n", ["3"]),
])
def test_run_in_items_and_lists_that_are_not_items(raw, numbers):
    assert [s.number for s in segment(doc(raw)).sections if s.kind == "item"] == numbers
