"""The body of a folder of one body's minutes whose pages name it only in a heading that can also
name a purpose ("Committee meeting for NAME 7/3/2021"), or not at all ("Committee Meeting
2021.04.04").

"KIND meeting for NAME" is read as the body only where the same NAME heads at least two pages of
the same folder: a meeting "for the spring show", "for the budget review" or "for the
choice of ..." names a purpose (the usual reading of the shape in public texts), and a purpose is
not repeated on the headings of meetings months apart, where a body is.  A page headed "KIND
Meeting DATE" with no name takes the one NAME the folder's other pages of the same KIND give, and
the meeting says so (Meeting.body_from), so the answer never guesses silently.  A folder whose
pages give two names gives none (a folder of many bodies' minutes must not join one body's actions
to another's report-backs).

Only text pages (Markdown, plain text) are read for their headings: the pages of such a folder are
a wiki's or site's export, and reading a PDF's or Word file's heading here would double its cost.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator

# "### Committee meeting for Harbour Makers 7/3/21", "# Board Meeting for Eastfield Radio Club"
# (a name of capitalised words, no article: "for the ..." is a purpose), then a date or nothing
_FOR_NAME = re.compile(r"^[#*\s]*(?P<kind>(?i:committee|board|council|trustees?))\s+(?i:meeting\s+for)\s+"
                       r"(?P<name>(?:[A-Z][\w’'&.-]*[ \t]+){0,5}[A-Z][\w’'&.-]*)[ \t]*"
                       r"(?=[\d(]|$)", re.M)
# "# Committee Meeting 2021.04.04", "Committee meeting - 4/4/2021": the kind, then only a date
_BARE = re.compile(r"^[#*\s]*(?P<kind>committee|board|council|trustees?)\s+meeting[\s:,.–—-]*"
                   r"(?:\d[\d\s./-]*|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})?[ \t]*$", re.I)

# "Meeting 41 – 12 March 2015", "# **Meeting 11 Minutes**", "Meeting No. 12 - 3/5/2019": a page that
# names its meeting by its number in the body's count and never names the body; a folder holding
# three or more such pages is one body's run of meetings (seen in: a software collaboration's
# monthly meeting pages, a student project team's weekly minutes)
_NUMBERED = re.compile(r"^[#*\s]*meeting\s+(?:no\.?\s*|#\s*)?(?P<n>\d{1,4})\b(?!\.\d|/|:\d)"
                       r"(?:[\s*]*(?:minutes|notes)?[\s*]*(?:[-–—:,]\s*)?(?:\d[\d\s./-]*|\d{1,2}(?:st|nd|rd|th)?\s+"
                       r"[A-Za-z]+,?\s+\d{4}|[A-Za-z]+\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})?)?[\s*]*$", re.I)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<t>.+?)[\"']?\s*$", re.M)

_TEXT_EXT = {".md", ".markdown", ".txt"}
_FOLDER_CAP = 400  # a folder larger than this is an archive of many bodies, not one body's series


def _first_heading(text: str) -> str:
    """The first non-empty line below a page's front matter."""
    body = text
    if body.startswith("---"):
        end = body.find("\n---", 3)
        if end > 0:
            body = body[end + 4:]
    for line in body.split("\n")[:12]:
        if line.strip():
            return line.strip()
    return ""


def _page_title(text: str) -> str:
    """A page's own title: its front matter's "title:", else its first line below the front matter."""
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end > 0:
            m = _FRONT_TITLE.search(text[:end])
            if m:
                return m.group("t").strip()
    return _first_heading(text)


def meeting_number(text: str) -> str | None:
    """The meeting's number where a page's title is only "Meeting N" and its date (`_NUMBERED`)."""
    title = _page_title(text)
    m = _NUMBERED.match(title) if len(title) <= 80 else None
    return m.group("n") if m else None


def _folder_heads(folder: str) -> Iterator[tuple[str, str]]:
    """(file, its first 3,000 characters) for each text page of `folder`, in name order; none
    for a folder too large to be one body's series (`_FOLDER_CAP`) or one that cannot be read."""
    try:
        files = sorted(f for f in os.listdir(folder) if os.path.splitext(f)[1].lower() in _TEXT_EXT)
    except OSError:
        return
    if len(files) > _FOLDER_CAP:
        return
    for f in files:
        try:
            with open(os.path.join(folder, f), encoding="utf-8", errors="replace") as fh:
                head = fh.read(3000)
        except OSError:
            continue
        yield f, head


@functools.lru_cache(maxsize=64)
def _folder_numbers(folder: str) -> tuple[tuple[str, str], ...]:
    """(file, meeting number) for each text page of `folder` titled "Meeting N ..."."""
    return tuple((f, n) for f, head in _folder_heads(folder) if (n := meeting_number(head)))


def body_of_numbered(path: str, text: str) -> tuple[str, str] | None:
    """(a name for the body, where it was read from) for a page titled "Meeting N ..." that never
    names its body, where two other text pages of its folder are titled so too, with other
    numbers: one body's run of meetings, whose actions the next meetings report on.  The name is
    the folder's (the body is known only as that run), and the meeting says so (Meeting.body_from)."""
    if not path:
        return None
    mine = meeting_number(text)
    if mine is None:
        return None
    folder, me = os.path.split(os.path.abspath(path))
    others = {n for f, n in _folder_numbers(folder) if f != me and n != mine}
    if len(others) < 2:
        return None
    return f"Meetings of {os.path.basename(folder)}", "the folder's numbered meeting pages"


def heading_shape(line: str) -> tuple[str, str | None] | None:
    """(kind, NAME or None) of a heading of the two shapes this module reads, else None."""
    line = line.strip()
    if len(line) > 120:
        return None
    m = _FOR_NAME.match(line)
    if m:
        name = m.group("name").rstrip(".")
        if not re.fullmatch(r"(?i)the|a|an|our|this|next", name.split()[0]):
            return m.group("kind").lower().rstrip("s"), " ".join(name.split())
    m = _BARE.match(line)
    if m:
        return m.group("kind").lower().rstrip("s"), None
    return None


@functools.lru_cache(maxsize=64)
def _folder_names(folder: str) -> tuple[tuple[str, str, str], ...]:
    """(file, kind, NAME) for each text page of `folder` headed "KIND meeting for NAME"."""
    out = []
    for f, head in _folder_heads(folder):
        shape = heading_shape(_first_heading(head))
        if shape and shape[1]:
            out.append((f, shape[0], shape[1]))
    return tuple(out)


def body_of_series(path: str, text: str) -> tuple[str, str | None] | None:
    """(body, where it was read from or None where the page's own heading states it) for a page
    whose heading is "KIND meeting for NAME" or a bare "KIND Meeting DATE", from the headings of
    the other text pages of its folder (module docstring).  None where the folder gives no single
    name heading two pages or more."""
    if not path:
        return None
    shape = heading_shape(_first_heading(text))
    if not shape:
        return None
    kind, own = shape
    folder, me = os.path.split(os.path.abspath(path))
    others = [(f, k, n) for f, k, n in _folder_names(folder) if f != me and k == kind]
    names = {n.lower() for _f, _k, n in others}
    if own:
        # the heading's NAME is the body where another page of the folder heads itself the same
        if names == {own.lower()}:
            return own, None
        return None
    if len(names) == 1 and len(others) >= 2:
        return others[0][2], "the folder's other minutes"
    return None
