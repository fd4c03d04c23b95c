"""ModernGov GetMeeting XML -> Document text with item offsets, and meta."""
from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.read import read_document
from kg.read.moderngov import iso_date

CORPUS_XML = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "moderngov-getmeeting-manchester-audit.xml"


def item(number: str, title: str, *, minutes: str = "", agenda: str = "",
         comments: tuple[tuple[str, str], ...] = (), declarations: int = 0,
         docs: tuple[tuple[str, str], ...] = (), committee: str = "Licensing Panel") -> str:
    comment_xml = "".join(
        f"<commentlabel{i}>{label}</commentlabel{i}><commenttext{i}>{escape(text)}</commenttext{i}>"
        for i, (label, text) in enumerate(comments, 1))
    doc_xml = "".join(
        f"<linkeddoc><title>{escape(t)}</title><url>{escape(u)}</url>"
        f"<committeetitle>{committee}</committeetitle></linkeddoc>" for t, u in docs)
    return f"""
    <agendaitem>
      <agendaitemtitle>{escape(title)}</agendaitemtitle>
      <agendatext>{escape(agenda)}</agendatext>
      <fulldisplaynumberformat>{number}</fulldisplaynumberformat>
      {comment_xml}
      <minutesnonemptyhtmlbody>{escape(minutes)}</minutesnonemptyhtmlbody>
      <declarationcount>{declarations}</declarationcount>
      <refertocommittee>{committee}</refertocommittee>
      <linkeddocuments>{doc_xml}</linkeddocuments>
    </agendaitem>"""


ITEMS = [
    item("1.", "Declarations of Interest",
         minutes="<p>Cllr Jo Marsh declared a personal interest in item 3 as a member of the Rowing Club.</p>",
         declarations=1),
    item("2.", "Premises Licence:\n   The Old Mill",
         minutes="<p>The Licensing Officer presented the report.</p>"
                 "<table><tr><td>Action</td><td>Owner</td></tr>"
                 "<tr><td>Notify the applicant</td><td>Licensing Officer</td></tr></table>",
         comments=(("Actions", "Notify the applicant"), ("Presented By", "<p>Priya Shah, Licensing Officer</p>")),
         docs=(("Report of the Licensing Officer", "https://example.org/doc?ID=7"),
               ("Appendix A - plan", "https://example.org/doc?ID=8"))),
    item("2a", "Late papers", agenda="<p>No late papers had been received.</p>"),
]

ATTENDEES = """
  <attendees>
    <attendee name="Councillor Jo Marsh" roledescription="Chair" attendance="Present"
              politicalparty="IND" ward="Riverside" memberid="11"><url>https://example.org/u/11</url></attendee>
    <attendee name="Councillor Sam Idris" roledescription="Committee Member" attendance="Apologies"
              politicalparty="" ward="Hilltop" memberid="12"/>
  </attendees>"""


def meeting_xml(items: list[str] = ITEMS, attendees: str = ATTENDEES) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>123</meetingid>
  <meetingdate>07/04/2026</meetingdate>
  <meetingtime>6.30 pm</meetingtime>
  <meetinglocation>Committee Room 2,
     Civic Centre</meetinglocation>
  <agendaitems>{''.join(items)}</agendaitems>
  {attendees}
</meeting>"""


@pytest.fixture
def fixture_doc(tmp_path):
    p = tmp_path / "getmeeting.xml"
    p.write_text(meeting_xml(), encoding="utf-8")
    return read_document(p)


def test_text_layout_and_offsets(fixture_doc):
    doc = fixture_doc
    assert doc.format == "moderngov-xml"
    # attendees, "Presented By" and "Actions" are written into the text so that the facts
    # taken from them have a passage to cite
    assert doc.text == (
        "Attendees:\n"
        "Councillor Jo Marsh (Chair) - Present\n"
        "Councillor Sam Idris (Committee Member) - Apologies\n\n"
        "1. Declarations of Interest\n\n"
        "Cllr Jo Marsh declared a personal interest in item 3 as a member of the Rowing Club.\n\n"
        "2. Premises Licence: The Old Mill\n\n"
        "Presented By: Priya Shah, Licensing Officer\n\n"
        "The Licensing Officer presented the report.\n\n"
        "Action | Owner\nNotify the applicant | Licensing Officer\n\n"
        "Actions:\nNotify the applicant\n\n"
        "2a Late papers\n\nNo late papers had been received.\n\n"
    )
    items = doc.meta["items"]
    assert [i["number"] for i in items] == ["1.", "2.", "2a"]
    for i in items:
        assert doc.text[i["title_start"]:i["title_end"]] == i["title"]
        assert doc.text[i["minutes_start"]:i["minutes_end"]].strip()
        assert doc.text[i["minutes_end"]:i["minutes_end"] + 2] == "\n\n"
    assert items[1]["title"] == "Premises Licence: The Old Mill"
    assert doc.text[items[2]["minutes_start"]:items[2]["minutes_end"]] == "No late papers had been received."


def test_item_meta(fixture_doc):
    first, second, third = fixture_doc.meta["items"]
    assert first["declaration_count"] == 1 and first["presented_by"] is None
    assert second["presented_by"] == "Priya Shah, Licensing Officer"  # label in commentlabel2
    assert second["actions"] == "Notify the applicant"
    assert second["documents"] == [
        {"title": "Report of the Licensing Officer", "url": "https://example.org/doc?ID=7"},
        {"title": "Appendix A - plan", "url": "https://example.org/doc?ID=8"},
    ]
    assert third["documents"] == [] and third["actions"] is None


def test_meeting_meta(fixture_doc):
    meta = fixture_doc.meta
    assert meta["source_kind"] == "moderngov-xml"
    assert (meta["body"], meta["date"], meta["time"], meta["meeting_id"]) == (
        "Licensing Panel", "2026-04-07", "6.30 pm", "123")
    assert meta["location"] == "Committee Room 2, Civic Centre"
    first = dict(meta["attendees"][0])
    line = fixture_doc.text[first.pop("line_start"):first.pop("line_end")]
    assert line == "Councillor Jo Marsh (Chair) - Present"
    assert first == {
        "name": "Councillor Jo Marsh", "role": "Chair", "attendance": "Present", "party": "IND",
        "ward": "Riverside", "member_id": "11", "url": "https://example.org/u/11"}
    assert meta["attendees"][1]["attendance"] == "Apologies"
    assert meta["attendees"][1]["party"] is None
    assert fixture_doc.title == "Licensing Panel 2026-04-07"


def test_soap_wrapped_answer(tmp_path):
    body = meeting_xml().split("?>", 1)[1]
    soap = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            '<GetMeetingResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingResult>'
            + body.replace("<meeting>", "<meeting xmlns=''>")
            + "</GetMeetingResult></GetMeetingResponse></soap:Body></soap:Envelope>")
    p = tmp_path / "soap.xml"
    p.write_text(soap)
    assert read_document(p).meta["meeting_id"] == "123"


def test_doctype_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><meeting><agendaitems/>&b;</meeting>')
    p = tmp_path / "bomb.xml"
    p.write_text(bomb)
    with pytest.raises(InputError) as e:
        read_document(p)
    assert "DOCTYPE" in e.value.reason


def test_other_xml_is_not_a_getmeeting_answer(tmp_path):
    p = tmp_path / "feed.xml"
    p.write_text("<rss><channel><title>News</title></channel></rss>")
    with pytest.raises(InputError) as e:
        read_document(p)
    assert "not a ModernGov GetMeeting answer" in e.value.reason


def test_malformed_xml(tmp_path):
    p = tmp_path / "cut.xml"
    p.write_text(meeting_xml()[:300])
    with pytest.raises(InputError) as e:
        read_document(p)
    assert "not well-formed XML" in e.value.reason


def test_meeting_without_items_is_refused(tmp_path):
    p = tmp_path / "none.xml"
    p.write_text(meeting_xml(items=[]))
    with pytest.raises(InputError) as e:
        read_document(p)
    assert "no agenda items" in e.value.reason


def test_iso_date():
    assert iso_date("10/02/2026") == "2026-02-10"
    assert iso_date("1/3/2026") == "2026-03-01"
    assert iso_date("2026-02-10") is None
    assert iso_date("45/13/2026") is None
    assert iso_date(None) is None


def test_corpus_manchester_audit():
    if not CORPUS_XML.exists():
        pytest.skip(f"development corpus not present at {CORPUS_XML}")
    doc = read_document(CORPUS_XML)
    meta = doc.meta
    assert meta["body"] == "Audit Committee"
    assert meta["date"] == "2026-02-10"
    assert meta["time"] == "10.00 am"
    assert meta["meeting_id"] == "4967"
    assert meta["location"] == "Council Antechamber, Level 2, Town Hall Extension"
    items = meta["items"]
    assert [(i["number"], i["title"]) for i in items] == [("1.", "Minutes"), ("9.", "Work Programme")]
    for i in items:
        assert doc.text[i["title_start"]:i["title_end"]] == i["title"]
        assert i["presented_by"] is None and i["actions"] is None  # empty in this answer
        assert i["declaration_count"] == 0
        assert len(i["documents"]) == 1 and i["documents"][0]["url"].startswith("https://")
    minutes = doc.text[items[1]["minutes_start"]:items[1]["minutes_end"]]
    assert minutes.startswith("The Committee considered a report of the Governance")
    assert doc.text.startswith("Attendees:\nCouncillor Basil Curley (Committee Member) - Expected\n\n1. Minutes\n\n")
    assert [{k: v for k, v in a.items() if not k.startswith("line_")} for a in meta["attendees"]] == [{
        "name": "Councillor Basil Curley", "role": "Committee Member", "attendance": "Expected",
        "party": "LAB", "ward": "Charlestown", "member_id": "192",
        "url": "https://democracy.manchester.gov.uk/mgUserInfo.aspx?UID=192"}]
