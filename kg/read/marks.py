"""Whether a text reads like minutes: the marks minutes carry and other files do not.

A folder of minutes travels with files that are not minutes: a project's notes, a licence,
a page of the site they came from, an agenda sent out before the meeting.  Their names do
not always say so (`about.md`, `terms.txt`, `index.html`), so a folder build also looks at
what a file says.  Minutes record a meeting that took place: who was there (a "Present:"
list, apologies received) or what it did (resolved, agreed, carried, an action and its
owner).  A README, a licence or an agenda may carry a date, numbered headings or the word
"minutes", but not that record.

`marks` names the kinds of mark a text carries; `minutes_like` is the test the build uses.
Only the first `SCAN_CHARS` characters are read (every kind of mark is in a meeting's
opening pages, and a long file must not cost a scan of all of it).
"""
from __future__ import annotations

import re

SCAN_CHARS = 200_000

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

# A meeting's date, written in full: "4 March 2021", "4th March, 2021", "March 4, 2021",
# "2021-03-04", "04/03/2021", "4.3.21".
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?:19|20)\d\d\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-\d\d-\d\d\b"
    r"|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d\b", re.I | re.M)

# A line that opens a list of who attended (after any heading or list marker).  A Markdown
# page may close the label's emphasis before its colon, "**Present** : A, B" or "**Officials
# Present**: ..." (seen in: a software collaboration's monthly meeting pages, an Irish county
# council committee's page): `_CLOSE` lets the label's bold or italics end there.
_LEAD = r"^[ \t>#*_|•\-\d.()]*"
_CLOSE = r"(?:\*{1,2}|_{1,2})?"
_ATTENDANCE = re.compile(
    _LEAD + r"(?:present|attendees|attendance|in\s+attendance|also\s+(?:present|attending)|"
    r"(?:members|councillors|governors|trustees|directors|officers)\s+(?:present|in\s+attendance|attending)|"
    r"attending|absent)\b" + _CLOSE + r"[ \t]*(?:[:\-–—]|were\b|$|"
    r"[ \t](?-i:(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr|Revd?)\b|[A-Z][a-z]+[ \t]+[A-Z]))", re.I | re.M)
# Apologies received (an agenda's "Apologies for absence" heading alone is not a record).
_APOLOGIES = re.compile(
    r"\bapologies\s+(?:were\s+|had\s+been\s+)?(?:received|given|noted|accepted|sent|from|tendered)\b"
    r"|\bapologies\s+for\s+absence\s+(?:were|had\s+been)\s+(?:received|given|noted|accepted|tendered)\b"
    + "|" + _LEAD + r"apologies(?:\s+for\s+absence)?" + _CLOSE + r"\s*[:\-–—]\s*\S", re.I | re.M)

# What the meeting did.  Infinitives of an agenda ("To agree the minutes") are not records,
# nor a licence's "unless agreed to in writing": "agreed" counts as a meeting's verb only
# with its subject or "that" / "to" + verb, or as a heading.
_OUTCOME = re.compile(
    r"(?-i:\bRESOLVED\b|\bResolved\b[ \t]*(?:[:\-–—]|that\b|to\b|unanimously\b|$))"
    r"|\b(?:it\s+was|was|were|council|committee|board|meeting|members)\s+(?:unanimously\s+)?resolved\b"
    r"|\bresolved\s+(?:that|unanimously)\b|\bresolution\s+(?:carried|passed|adopted)\b"
    r"|\b(?:it\s+was|was|were|unanimously|members|councillors|the\s+(?:meeting|council|committee|board|group|"
    r"trustees|governors|panel|forum))\s+(?:also\s+|then\s+|further\s+|duly\s+)?agreed\b"
    r"|\bagreed\s+(?:that|unanimously|by\s+all|to\s+(?:note|approve|accept|adopt|defer|recommend|ask|write|"
    r"contact|arrange|circulate|investigate|review))\b"
    r"|^[ \t>#*_|•\-\d.()]*(?:agreed|resolved|decisions?\s+(?:made|taken)|actions?\s+agreed)[ \t]*[:.]?[ \t]*$"
    r"|^[ \t>#*_|•\-\d.()]*(?:agreed|resolved|consensus|decision|decided)[ \t]*[:\-–—][ \t]*\S"
    r"|\bminutes\s+(?:of\s+the\s+[^.;]{0,80}?)?(?:were|was|are|have\s+been|had\s+been)\s+(?:duly\s+|unanimously\s+)?"
    r"(?:approved|confirmed|signed|adopted|accepted|agreed)\b"
    r"|\bdeclarations?\b[^.;]{0,40}?\b(?:were|was|had\s+been)\s+(?:made|registered|received|declared|noted)\b"
    r"|\bdeclared\s+(?:an?\s+)?(?:personal\s+|pecuniary\s+|prejudicial\s+|non-pecuniary\s+|other\s+)?interests?\b"
    r"|(?-i:(?:\b(?:Cllrs?|Councillor|Mr|Mrs|Ms|Dr|Revd?)\.?\s+[A-Z][a-z]+|\b[Tt]he\s+(?:Chair(?:man|person)?|Clerk|"
    r"Secretary|Treasurer|Mayor)|\b[A-Z]\.?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+[A-Z][a-z]+)\s+(?:asked|replied|answered|"
    r"thanked|welcomed|advised|informed|commented|reported|explained|proposed|seconded)\b)"
    r"|\b(?:motion|proposal|amendment|recommendations?)\s+(?:was\s+|were\s+)?(?:carried|approved|adopted|"
    r"passed|lost|defeated)\b"
    r"|\bcarried\s+(?:unanimously|nem\.?\s*con|by\s+\d)"
    r"|\b(?:proposed|moved)\s+by\b.{0,200}?\bseconded\b|\bseconded\s+by\b"
    r"|\bmeeting\s+(?:closed|ended|finished|concluded|adjourned|was\s+closed)\b"
    r"|\b(?:it\s+was|was|were|members|councillors|the\s+(?:meeting|council|committee|board|group|chair(?:man)?|"
    r"clerk))\s+(?:also\s+|further\s+)?(?:noted|decided)\b"
    r"|^[ \t>#*_|•\-\d.()]*actions?(?:[ \t]+(?:by|for|on|owner))?[ \t]*[:\-–—][ \t]*\S"
    r"|(?-i:\bACTIONS?[ \t]*[:\-–—]|^[ \t]*ACTIONS?[ \t]*$)"
    r"|\bapproved\s+(?:as\s+a\s+(?:true|correct|accurate)\s+record|and\s+signed|unanimously)\b"
    r"|\b(?:signed|confirmed|accepted)\s+as\s+an?\s+(?:true|correct|accurate)\s+record\b"
    , re.I | re.S | re.M)

# Minutes' and agendas' own words: "Minutes of the meeting", an agenda, numbered items.
_MINUTES = re.compile(r"\bminutes\s+(?:of|from)\b|(?:^[ \t#*_]*minutes\b)|\bmeeting\s+minutes\b", re.I | re.M)
_AGENDA = re.compile(r"\bagenda\b|(?:^[ \t#*_]*item\s+\d)", re.I | re.M)
_NUMBERED = re.compile(r"^[ \t#*_]*(?:item\s+)?\d{1,3}(?:[./]\d{1,3})*[.):]?[ \t]+[A-Z]", re.M)

KINDS = ("date", "attendance", "outcome", "minutes", "agenda", "numbering")
RECORD = ("attendance", "outcome")


def marks(text: str) -> set[str]:
    """The kinds of mark of minutes `text` carries, of KINDS: a written date, an attendance
    list or apologies received, an outcome (resolved, agreed, carried, an action, a meeting
    closed), the words "minutes of", an agenda, three or more numbered headings."""
    t = text[:SCAN_CHARS]
    found = set()
    if _DATE.search(t):
        found.add("date")
    if _ATTENDANCE.search(t) or _APOLOGIES.search(t):
        found.add("attendance")
    if _OUTCOME.search(t):
        found.add("outcome")
    if _MINUTES.search(t):
        found.add("minutes")
    if _AGENDA.search(t):
        found.add("agenda")
    numbered = 0
    for _m in _NUMBERED.finditer(t):
        numbered += 1
        if numbered >= 3:
            found.add("numbering")
            break
    return found


# Most minutes show a record and a second mark in their first pages: those are read first,
# and the rest of the scan only where they do not.
_FIRST_CHARS = 20_000


def minutes_like(text: str) -> str | None:
    """None when `text` reads like minutes: a record of a meeting (who attended, or what it
    resolved, agreed or left as an action) beside at least one other mark (see `marks`).
    Else why not, in a few words for the build's summary."""
    found = marks(text[:_FIRST_CHARS])
    if not (found & set(RECORD) and len(found) >= 2) and len(text) > _FIRST_CHARS:
        found = marks(text)
    if found & set(RECORD) and len(found) >= 2:
        return None
    if not found:
        return "none of the marks of minutes (a meeting's date, attendance, items, a decision or action)"
    shown = ", ".join(k for k in KINDS if k in found)
    if found & set(RECORD):
        return f"only one mark of minutes ({shown}), with no date, heading or items beside it"
    return f"no record of who attended or what was resolved or agreed (only: {shown})"
