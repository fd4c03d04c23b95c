"""The body a document never names, read from where the document was kept: its file's name, its
folder's name, or the site it was saved from.

Minutes on a village's web site often head themselves "Minutes of the Parish Council meeting" or
"Minutes of the committee meeting" and never say whose; the page's address does
("ashbypc.org.uk/minutes/...", ".../village-hall-committee-minutes-june-2020").  A user who saves
such a page, or mirrors the site, keeps those names as folders and files.  They are read only where
the minutes name no body, or name only its kind ("the Parish Council"), and the meeting then says
where its body was read from (Meeting.body_from), so the answer never guesses silently.
"""
from __future__ import annotations

import re
from pathlib import PurePath

# the word a body's name ends with ("... Village Hall Committee", "... Residents Association")
_HEAD = {"board", "council", "committee", "sub-committee", "trust", "trustees", "group", "panel", "forum",
         "partnership", "association", "society", "foundation", "charity", "commission", "authority",
         "cabinet", "assembly", "club", "federation", "collaborative", "network"}

# words of a file's name that say what the file is or when the meeting was, not whose it is
_NOT_NAME = {"minutes", "mins", "minute", "agenda", "agendas", "meeting", "meetings", "mtg", "draft", "approved",
             "signed", "final", "notes", "record", "of", "the", "held", "on", "for", "from", "and", "copy", "v",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
             "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "index",
             "annual", "general", "agm", "egm", "extraordinary", "ordinary", "monthly", "special"}

# a body's kind written without a name: what minutes that never say whose write
_GENERIC = _HEAD | {"parish", "town", "community", "district", "county", "borough", "city", "village", "hall",
                    "management", "full", "governing", "body", "executive", "meeting", "the", "of", "minutes",
                    "annual", "general", "monthly", "ordinary"}

# the kind of council a small council's site name ends with ("ashbypc.org.uk", "ashby-parish-council.gov.uk",
# "ashbytowncouncil.gov.uk", "ashbyvillage.co.uk")
_SITE_KIND = [(re.compile(r"^(?P<place>[a-z][a-z-]{3,}?)-?(?:parish-?council|pc)$"), "Parish Council"),
              (re.compile(r"^(?P<place>[a-z][a-z-]{3,}?)-?(?:town-?council|tc)$"), "Town Council"),
              (re.compile(r"^(?P<place>[a-z][a-z-]{3,}?)-?(?:community-?council|cc)$"), "Community Council"),
              (re.compile(r"^(?P<place>[a-z][a-z-]{3,}?)-?(?:village|parish)$"), None)]

# a folder named as a site is ("www.ashbypc.org.uk", "ashbyvillage.co.uk")
_HOST = re.compile(r"^(?:www\.)?(?P<stem>[a-z0-9][a-z0-9-]*)\.(?:(?:co|org|gov|ac|net|com)\.)?[a-z]{2,6}$", re.I)


def is_generic(body: str | None) -> bool:
    """Whether a body's name says only its kind ("Parish Council", "the Committee")."""
    if not body:
        return True
    words = [w.lower() for w in re.findall(r"[\w-]+", body)]
    return bool(words) and all(w in _GENERIC for w in words)


def _name_of_stem(stem: str) -> str | None:
    """'north-marden-allotment-society' -> 'North Marden Allotment Society'; None where
    the words do not end with a body's head word or name no more than its kind."""
    words = [w for w in re.split(r"[-_.\s]+", stem) if w]
    words = [w for w in words if not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w, re.I)]
    while words and words[-1].lower() in _NOT_NAME:
        words.pop()
    while words and words[0].lower() in _NOT_NAME:
        words.pop(0)
    if len(words) < 2 or len(words) > 8 or words[-1].lower() not in _HEAD \
            or any(w.lower() in _NOT_NAME - {"of", "and", "the", "for"} for w in words):
        return None
    small = {"of", "and", "the", "for"}
    return " ".join(w.lower() if k and w.lower() in small else w[:1].upper() + w[1:].lower()
                    for k, w in enumerate(words))


def _place_as_written(squashed: str, text: str) -> str | None:
    """The place the text writes whose letters are `squashed` ('ashwell' -> 'Ashwell',
    'hintonblewett' -> 'Hinton Blewett')."""
    for m in re.finditer(r"\b[A-Z][a-z’'-]+(?:[ \t-][A-Z][a-z’'-]+){0,2}\b", text):
        words = m.group(0).replace("-", " ").split()
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n])
            if re.sub(r"[^a-z]", "", cand.lower()) == squashed:
                return cand
    return None


def site_of(path: str, text: str = "") -> tuple[str, str | None] | None:
    """(place, kind of council or None) from a folder named as a small council's or village's site."""
    parts = PurePath(path.replace("\\", "/")).parts[:-1]
    for part in reversed(parts[-3:]):
        host = _HOST.match(part)
        if not host:
            continue
        stem = host.group("stem").lower()
        for rx, kind in _SITE_KIND:
            m = rx.match(stem)
            if m:
                squashed = m.group("place").replace("-", "")
                place = _place_as_written(squashed, text) or " ".join(
                    w.capitalize() for w in m.group("place").split("-") if w)
                return place, kind
    return None


def body_from_path(path: str, body: str | None, text: str = "") -> tuple[str, str] | None:
    """(the body, where it was read from) for minutes that name no body, or only its kind
    (`body`): the file's name, its folder's, or the site it was saved from.  None where those
    name no body either, or where `body` already names one."""
    if body and not is_generic(body):
        return None
    p = PurePath((path or "").replace("\\", "/"))
    named = _name_of_stem(p.stem)
    where = "the file name"
    if not named and len(p.parts) > 1 and not _HOST.match(p.parts[-2]):
        named, where = _name_of_stem(p.parts[-2]), "the folder name"
    if named and not is_generic(named):
        return named, where
    kind = None if not body else re.sub(r"(?i)^(?:minutes\s+of\s+)?(?:the\s+)?|\s+meeting$", "", body).strip()
    site = site_of(path, text)
    if site:
        place, council = site
        what = named if named and is_generic(named) else kind or council or named
        if not what:
            return None
        if place.lower() in what.lower():
            return what, "the site name"
        return f"{place} {what}", "the site name"
    return None
