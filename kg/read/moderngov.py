"""ModernGov web-service GetMeeting XML -> text of the minutes plus structured meta.

Most UK councils publish through ModernGov, whose GetMeeting answer already holds
what a reader would otherwise dig out of prose: committee, date, attendees with roles,
and per agenda item its number, title, minutes HTML, presenter, actions, declarations
and linked documents.  The text is built item by item so that extract can still quote
evidence, and meta records where each item's title and minutes sit in that text:

    meta = {"source_kind": "moderngov-xml", "body", "date" (ISO), "time", "location",
            "meeting_id", "items": [{"number", "title", "title_start", "title_end",
            "minutes_start", "minutes_end", "presented_by", "actions",
            "declaration_count", "documents": [{"title", "url"}]}],
            "attendees": [{"name", "role", "attendance", "party", "ward",
                           "member_id", "url"}]}
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from kg.errors import InputError
from kg.read.html import html_to_text
from kg.read.text import Extracted

_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_LABEL = re.compile(r"commentlabel(\d+)$")
# A DOCTYPE is the only way to declare entities; refusing it rules out entity
# expansion ("billion laughs") and external entities with the stdlib parser.
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_NOT_GETMEETING = ("is XML but not a ModernGov GetMeeting answer (no <meeting> with "
                   "<agendaitems>); save the GetMeeting web-service response, or the "
                   "minutes page as HTML")


def _local(tag: str) -> str:
    """Tag name without its namespace: SOAP-wrapped answers carry one."""
    return tag.rsplit("}", 1)[-1].lower()


def _child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _value(el: ET.Element | None, name: str) -> str | None:
    """Stripped text of a child element; None when missing or blank."""
    c = _child(el, name) if el is not None else None
    text = (c.text or "").strip() if c is not None else ""
    return text or None


def _one_line(text: str | None) -> str | None:
    return (_SPACES.sub(" ", text).strip() or None) if text else None


class _Doctype(Exception):
    pass


def _refuse(*_args) -> None:
    raise _Doctype()


def _has_doctype(data: bytes) -> bool:
    """Whether the XML declares a DOCTYPE or an entity anywhere, as the XML parser reads it
    (decoded: UTF-16, a declared encoding, after any length of comments)."""
    if _DOCTYPE.search(data[:65536]):
        return True
    import xml.parsers.expat as expat
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    try:
        parser.Parse(data, True)
    except _Doctype:
        return True
    except (expat.ExpatError, ValueError):
        pass  # not well-formed: ElementTree says where
    return False


def _parse(data: bytes, path: str) -> ET.Element:
    if _has_doctype(data):
        raise InputError(path, "XML with a DOCTYPE or entity declarations is refused "
                         "(entity expansion risk); remove the <!DOCTYPE ...> line")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise InputError(path, f"is not well-formed XML ({err}); download it again") from err
    for el in root.iter():
        if _local(el.tag) == "meeting" and _child(el, "agendaitems") is not None:
            return el
    raise InputError(path, _NOT_GETMEETING)


def iso_date(value: str | None) -> str | None:
    """'10/02/2026' (dd/mm/yyyy, as ModernGov writes it) -> '2026-02-10'."""
    m = _DATE.fullmatch(value or "")
    if not m:
        return None
    day, month, year = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _comments(item: ET.Element) -> dict[str, str | None]:
    """commentlabelN/commenttextN pairs, keyed by the lower-cased label."""
    out: dict[str, str | None] = {}
    for c in item:
        m = _LABEL.match(_local(c.tag))
        label = (c.text or "").strip().rstrip(":").strip().lower()
        if m and label:
            raw = _value(item, f"commenttext{m.group(1)}")
            # The fields may hold HTML from the ModernGov editor.
            text = html_to_text(raw).strip() if raw and "<" in raw else raw
            out.setdefault(label, text or None)
    return out


def _documents(item: ET.Element) -> list[dict[str, str | None]]:
    docs = _child(item, "linkeddocuments")
    if docs is None:
        return []
    return [{"title": _one_line(_value(d, "title")), "url": _value(d, "url")}
            for d in docs if _local(d.tag) == "linkeddoc"]


def _item_body(item: ET.Element) -> str:
    """Minutes of the item as text; the agenda text where no minutes were published."""
    for field in ("minutesnonemptyhtmlbody", "agendatext"):
        raw = _value(item, field)
        if raw:
            text = html_to_text(raw).strip()
            if text:
                return text
    return ""


def _attendees(meeting: ET.Element) -> list[dict[str, str | None]]:
    people = _child(meeting, "attendees")
    if people is None:
        return []
    out = []
    for a in people:
        if _local(a.tag) != "attendee":
            continue
        get = lambda key: (a.get(key) or "").strip() or None  # noqa: E731
        out.append({"name": get("name"), "role": get("roledescription"),
                    "attendance": get("attendance"), "party": get("politicalparty"),
                    "ward": get("ward"), "member_id": get("memberid"), "url": _value(a, "url")})
    return out


def _body(meeting: ET.Element, items: list[ET.Element]) -> str | None:
    for item in items:
        name = _value(item, "refertocommittee")
        if name:
            return _one_line(name)
    for item in items:
        docs = _child(item, "linkeddocuments")
        for d in docs if docs is not None else []:
            name = _value(d, "committeetitle")
            if name:
                return _one_line(name)
    return _one_line(_value(meeting, "committeetitle") or _value(meeting, "committeename"))


def _build(items: list[ET.Element], attendees: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """Document text and per-item meta with offsets into it.

    The structured fields (attendees, Presented By, Actions) are written into the text as
    well, so that every fact taken from them has a passage to point at as its evidence.
    """
    parts: list[str] = []
    pos = 0
    records = []

    def add(s: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s)
        return start, pos

    if attendees:
        add("Attendees:\n")
        for a in attendees:
            line = a["name"] or ""
            if a.get("role"):
                line += f" ({a['role']})"
            if a.get("attendance"):
                line += f" - {a['attendance']}"
            a["line_start"], a["line_end"] = add(line)
            add("\n")
        add("\n")
    for item in items:
        number = _one_line(_value(item, "fulldisplaynumberformat"))
        title = _one_line(_value(item, "agendaitemtitle")) or ""
        item_start = pos
        if number:
            add(number + " ")
        title_start, title_end = add(title)
        add("\n\n")
        comments = _comments(item)
        presented = comments.get("presented by")
        presented_span = None
        if presented:
            add("Presented By: ")
            presented_span = add(presented)
            add("\n\n")
        minutes_start, minutes_end = add(_item_body(item))
        add("\n\n")
        actions = comments.get("actions")
        actions_span = None
        if actions:
            add("Actions:\n")
            actions_span = add(actions)
            add("\n\n")
        count = _value(item, "declarationcount") or "0"
        records.append({
            "number": number, "title": title, "item_start": item_start, "item_end": pos,
            "title_start": title_start, "title_end": title_end,
            "minutes_start": minutes_start, "minutes_end": minutes_end,
            "presented_by": presented, "presented_by_span": presented_span,
            "actions": actions, "actions_span": actions_span,
            "declaration_count": int(count) if count.isdigit() else 0,
            "documents": _documents(item),
        })
    return "".join(parts), records


def read_moderngov(data: bytes, path: str) -> Extracted:
    """GetMeeting XML bytes -> Extracted text and meta (schema in the module docstring)."""
    meeting = _parse(data, path)
    container = _child(meeting, "agendaitems")
    items = [i for i in container if _local(i.tag) == "agendaitem"] if container is not None else []
    attendees = _attendees(meeting)
    text, records = _build(items, attendees)
    if not records or not any(r["minutes_end"] > r["minutes_start"] for r in records):
        raise InputError(path, "ModernGov meeting has no agenda items with text; "
                         "fetch it again once the minutes are published")
    body = _body(meeting, items)
    date = iso_date(_value(meeting, "meetingdate"))
    meta = {
        "source_kind": "moderngov-xml", "body": body, "date": date,
        "time": _value(meeting, "meetingtime"), "location": _one_line(_value(meeting, "meetinglocation")),
        "meeting_id": _value(meeting, "meetingid"), "items": records,
        "attendees": attendees,
    }
    title = " ".join(p for p in (body, date) if p) or None
    return Extracted(text, title, meta)
