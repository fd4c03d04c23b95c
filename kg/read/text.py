"""Plain text: bytes -> str with encoding detection, and the checks every reader shares.

Minutes arrive as UTF-8 from the web, cp1252 from old Windows tools (curly quotes in
0x91-0x94), UTF-16 from "Save as Unicode text", and now and then as a mix of these
(a cp1252 paragraph pasted into a UTF-8 file).  Decoding must never crash and must
never silently turn a binary file into nonsense text.
"""
from __future__ import annotations

import codecs
import html
import re
from collections import Counter
from typing import Any, NamedTuple

from kg.errors import InputError

MAX_BYTES = 25 * 1024 * 1024

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# One well-formed UTF-8 multi-byte sequence (RFC 3629, no surrogates, no overlongs).
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Characters that do not occur in text: C0 controls other than tab/newlines/form feed,
# DEL, C1 controls (binary read as BOM-less UTF-16 shows them), and the replacement
# character a failed decode leaves behind.
_NOISE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_NOISE_RATIO = 0.05

# What other file types look like, so the message can say what the file really is.
_MAGIC = (
    (b"%PDF-", "a PDF; give it a .pdf extension"),
    (b"PK\x03\x04", "a ZIP archive (a .docx?); give it its proper extension"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel file; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image; run OCR on it first"),
    (b"\xff\xd8\xff", "a JPEG image; run OCR on it first"),
    (b"GIF8", "a GIF image"),
)


EDGE_LINES = 2  # lines at the top and bottom of a page that may be header/footer
MIN_PAGES = 3  # fewer pages give too little evidence of repetition
REPEAT_SHARE = 0.6  # a line on >= 60% of pages is a running header/footer
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

# "12", "Page 3", "Page 3 of 9", "- 4 -", "3/9": a page's number on a line of its own
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*[-–—]?\s*$", re.I)
_EXPLICIT_PAGE = re.compile(r"^\s*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.I)
_LONE_NUMBER = re.compile(r"\s*\d{1,4}\s*")  # (asked of every line: compiled once)
_RUNS_ON = re.compile(r"[^.:;!?)\]\s]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:\d{1,4}[.)/]|[A-Z][A-Z ]{3,}$|#)")


def _edge_key(line: str) -> str:
    """A line with digits and spacing folded, so 'Page 3 of 9' matches 'Page 4 of 9'."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip()


def _edge_positions(lines: list[str]) -> list[int]:
    """Indices of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop header/footer lines that repeat at the edges of most pages.

    Edges are peeled again after a drop, so a paged footer three lines deep goes too.  Two
    pages are enough evidence for a long line (a registered-office footer), not a short one.
    """
    if len(pages) < 2:
        return pages
    for round_ in range(3):
        split = [page.split("\n") for page in pages]
        counts: Counter[str] = Counter()
        for lines in split:
            counts.update({_edge_key(lines[i]) for i in _edge_positions(lines)})
        repeated = {key for key, n in counts.items() if key and n >= REPEAT_SHARE * len(pages) and n >= 2
                    and (len(pages) >= MIN_PAGES or len(key) >= 25)
                    # deeper in, only a line with a number that changes (a dated, paged footer)
                    and (round_ == 0 or "#" in key)}
        if not repeated:
            return pages
        pages = ["\n".join(line for i, line in enumerate(lines)
                           if i not in {k for k in _edge_positions(lines) if _edge_key(lines[k]) in repeated})
                 for lines in split]
    return pages


_PAGE_WORD = re.compile(r"\bpage\b|\bp\s?a\s?g\s?e\b", re.I)


def keep_letterhead(pages: list[str], stripped: list[str]) -> list[str]:
    """Stripped pages with the running lines put back once, where a reader meets them first.

    A letterhead or a registered-office footer repeats on every page, so strip_running_lines
    drops it, and with it the only mention of a body ("Registered in England by the FCA",
    "PEVENSEY TOWN TRUST").  The lines it dropped from the top of the first page go back at
    the top of the first page, and those it dropped from the foot of the last page go back
    at its foot: inside the text they still never cut a sentence.  Page marks stay out.
    """
    if len(pages) < 2 or len(stripped) != len(pages):
        return stripped

    def dropped(page: str, kept: str, top: bool) -> list[str]:
        rest = set(kept.split("\n"))
        filled = [line for line in page.split("\n") if line.strip()]
        body = [i for i, line in enumerate(filled) if line in rest]
        if not body:
            return []
        # the lines the strip took away before the page's first kept line (or after its last);
        # at the top all of them, since the strip peels a head deeper than EDGE_LINES when its
        # third line holds a date ("PEVENSEY TOWN TRUST" / "REGISTERED CHARITY NO 234782" /
        # "MINUTES 6 MAY 2015 APPROVED & SIGNED 8 JULY 2015")
        edge = filled[:body[0]] if top else filled[max(body[-1] + 1, len(filled) - EDGE_LINES):]
        return [line for line in edge if line not in rest and re.search(r"[A-Za-z]{2}", line)
                and not _PAGE_WORD.search(line) and not PAGE_NUMBER.match(line)]

    out = list(stripped)
    head = dropped(pages[0], stripped[0], top=True)
    if head:
        out[0] = "\n".join(head) + "\n" + out[0]
    foot = [line for line in dropped(pages[-1], stripped[-1], top=False) if line not in head]
    if foot:
        out[-1] = out[-1].rstrip("\n") + "\n\n" + "\n".join(foot)
    return out


def strip_page_numbers(pages: list[str]) -> list[str]:
    """Drop a lone page number among the first and last EDGE_LINES lines of each page."""
    cleaned = []
    for page in pages:
        lines = page.split("\n")
        drop = {i for i in _edge_positions(lines) if PAGE_NUMBER.match(lines[i])}
        cleaned.append("\n".join(line for i, line in enumerate(lines) if i not in drop).strip("\n"))
    return cleaned


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """Pages -> text and the offset where each page starts.

    Pages are joined by a blank line, except where the last line of a page stops in the
    middle of a sentence ("Clerk ask Steve" / "Baldwin if ..."): a blank line there would
    cut the sentence, and a name, in two.
    """
    text, starts = "", []
    for page in pages:
        if text:
            last = text.rstrip("\n").rsplit("\n", 1)[-1]
            first = page.lstrip("\n").split("\n", 1)[0]
            text = text.rstrip("\n")
            text += "\n" if _RUNS_ON.search(last) and first.strip() and not _STARTS_ITEM.match(first) else "\n\n"
            page = page.lstrip("\n")
        starts.append(len(text))
        text += page
    return text, starts


def clean_page_furniture(text: str) -> str:
    """Layout text a user pasted or saved from a PDF, without its page furniture.

    With form feeds the pages are known and get the PDF reader's rules (running heads,
    lone page numbers at a page's edges); without them only lines that are plainly page
    numbers go: "Page 3 (of 9)" alone on a line, or bare numbers that count up 2, 3, 4
    on lines of their own between blank lines.
    """
    if "\f" in text:
        pages = [p.strip("\n") for p in text.split("\f")]
        return join_pages([p for p in strip_page_numbers(keep_letterhead(pages, strip_running_lines(pages)))
                           if p.strip()])[0]
    lines = text.split("\n")
    lone = [i for i, line in enumerate(lines)
            if _LONE_NUMBER.fullmatch(line) and (i == 0 or not lines[i - 1].strip())
            and (i + 1 == len(lines) or not lines[i + 1].strip())]
    counted = {i for i, j in zip(lone, lone[1:]) if int(lines[j]) == int(lines[i]) + 1}
    counted |= {j for i, j in zip(lone, lone[1:]) if int(lines[j]) == int(lines[i]) + 1}
    drop = counted | {i for i, line in enumerate(lines) if _EXPLICIT_PAGE.match(line)}
    if not drop:
        return text
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


class Extracted(NamedTuple):
    """What a format reader returns; read_document wraps it in a Document."""

    text: str
    title: str | None = None
    meta: dict[str, Any] | None = None


def _mixed_handler(err: UnicodeDecodeError) -> tuple[str, int]:
    # A byte that is not UTF-8 in an otherwise UTF-8 file is almost always cp1252
    # pasted in (a curly quote from Word); decode just that byte as cp1252.
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("govkg-cp1252", _mixed_handler)


def normalise_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n; leave every other character as it is."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot BOM-less UTF-16 of mostly Latin text: NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess_single_byte(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8 and hold no UTF-8 sequences at all."""
    high = len(_HIGH_BYTE.findall(data))
    # UK minutes in a legacy code page are English with the odd quote, dash or
    # pound sign, and cp1252 is the code page Windows wrote them in.  Text where most
    # bytes are high (Greek, Cyrillic in a single-byte code page) is left to the guesser.
    if high <= 0.3 * len(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252
    from charset_normalizer import from_bytes  # slow import; rarely needed

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


def _browser_charset(name: str) -> str:
    # Browsers read pages labelled Latin-1 or ASCII as cp1252 (WHATWG Encoding), and
    # authors rely on it: their curly quotes are in 0x91-0x94.
    if codecs.lookup(name).name in ("iso8859-1", "ascii"):
        return "cp1252"
    return name


def decode_bytes(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode raw bytes to text; return (text, encoding name).

    Order: byte-order mark, BOM-less UTF-16, strict UTF-8, a declared charset
    (`hint`, e.g. from an HTML meta tag), UTF-8 with stray cp1252 bytes, then a
    single-byte guess (cp1252, charset-normalizer).  Never raises on bad bytes.
    """
    found = _bom(data)
    if found:
        enc, skip = found
        return data[skip:].decode(enc, errors="replace"), enc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if hint:
        try:
            return data.decode(_browser_charset(hint)), _browser_charset(hint)
        except (LookupError, UnicodeError, ValueError, TypeError):
            # a wrong or unknown declaration ("undefined" names a codec that always
            # fails): fall back to guessing
            pass
    sequences = _UTF8_MULTI.findall(data)
    invalid = len(_HIGH_BYTE.findall(data)) - sum(map(len, sequences))
    # A well-formed multi-byte sequence rarely arises by chance in cp1252 text (it
    # needs an accented capital followed by a symbol), so a few of them mark the file
    # as UTF-8 with some stray bytes pasted in from elsewhere.
    if sequences and len(sequences) * 4 >= invalid:
        return data.decode("utf-8", errors="govkg-cp1252"), "utf-8+cp1252"
    return _guess_single_byte(data)


def check_not_binary(data: bytes, path: str) -> None:
    """Reject a file whose bytes are not text (NUL bytes, or a known binary format)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"looks binary, not minutes text: it is {what}")
    if b"\x00" in data and not (_bom(data) or _utf16_without_bom(data)):
        raise InputError(path, "looks binary, not minutes text (it contains NUL bytes); "
                         "give a .txt, .html, .pdf or .docx file of the minutes")


def check_text(text: str, path: str) -> None:
    """Reject decoded text that is mostly non-printable characters, or blank."""
    noise = len(_NOISE.findall(text))
    if noise > _NOISE_RATIO * len(text):
        raise InputError(path, "looks binary, not minutes text (mostly non-printable "
                         "characters); give a .txt, .html, .pdf or .docx file of the minutes")
    if not text.strip():
        raise InputError(path, "contains only white space, no minutes text; "
                         "check that the file was saved or downloaded completely")


def read_text(data: bytes, path: str) -> Extracted:
    """Plain text or Markdown bytes -> Extracted text (newlines normalised)."""
    check_not_binary(data, path)
    text, encoding = decode_bytes(data)
    check_text(text, path)
    # zero-width characters a web editor leaves inside words ("A\ufeffttendance") hide the word
    text = unwrap_double_spaced(clean_page_furniture(normalise_newlines(rest_links(markdown_escapes(
        html_in_text(text, markdown=path.lower().endswith(".md"))))))).translate(_ZERO_WIDTH)
    check_text(text, path)  # again: zero-width characters alone are no minutes either
    meta: dict = {"source_kind": "text", "encoding": encoding}
    fields = front_matter(text)
    block = _header_block(text)
    if block:
        meta["front_matter_end"] = block.end()
    if fields.get("date"):
        # "start:" is when the meeting began; "date:" is mostly the day a site posted the page,
        # weeks after the meeting (a parish site posts February's and March's minutes on one
        # day in May): the minutes' own heading date goes before it (kg.extract.meeting)
        meta["date" if _EVENT_START.search(block.group(0) if block else "") else "page_date"] = fields["date"]
    if fields.get("body"):
        meta["body"] = fields["body"]
    return Extracted(text, fields.get("title") or first_line_title(text[block.end():] if block else text), meta)


# A site that keeps its minutes as text for a web page stores them with HTML line breaks and
# entities ("Present: ...<br /><br />2980.Police Report", "&pound;33.80"); Markdown pages carry
# inline tags and entities too ("95<sup>th</sup>", "1.&nbsp;&nbsp;Consent").  Only line
# breaks, paragraph tags and inline formatting are read: any other "<...>" is text (an
# autolink "<https://...>", "< 5 years").
_HTML_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p(?:\s[^<>]*)?>", re.I)
_HTML_PARA = re.compile(r"</?p(?:\s[^<>]*)?>", re.I)
_HTML_INLINE = re.compile(r"</?(?:sup|sub|b|i|u|em|strong|span|font|small)(?:\s[^<>]*)?>", re.I)
_HTML_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,30});", re.I)


def html_in_text(text: str, markdown: bool = False) -> str:
    """Text with the HTML line breaks, inline tags and entities a web page left in it read
    as what they show: a break as a new line, "&pound;" as "£", "<sup>th</sup>" as "th".

    Tags are read in Markdown (which renders them) and in text stored for a web page (it
    breaks its lines with <br />); elsewhere "<b>" is what the minutes say, and stays."""
    if "<" not in text and "&" not in text:
        return text
    if markdown or _HTML_BREAK.search(text):
        text = _HTML_BREAK.sub("\n", text)
        text = _HTML_PARA.sub("\n\n", text)
        text = _HTML_INLINE.sub("", text)
    return _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


# A Markdown source escapes the punctuation that would start a list or a rule: "1\. PUBLIC
# FORUM", "2\. Work ahead", "\- Abandoned car", "\_\_\_" (a signature line).  Kept, the
# backslash hides the numbered item and the bullet; the same escapes stay in text copied
# from such a page, so they are read in every text file, not only in .md.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_escapes(text: str) -> str:
    """Text with Markdown's backslash escapes read as the character they escape ("1\\." -> "1.")."""
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


# A reStructuredText source writes a name as a link to its page: "`Nadia`_ will send", "`Ann`_
# and `Ravi`_", "`Jo Penhallow <url>`_"; rendered, the page shows the name alone.  Read only in
# a text that defines link targets (".. _`Nadia`: /people/nadia/" lines), which marks it as reST,
# so a backquote and an underscore elsewhere stay what they are.
_REST_TARGET = re.compile(r"^\.\.[ \t]+_", re.M)
_REST_LINK = re.compile(r"(?<![\w`])`([^`<\n]+?)(?:[ \t]*<[^<>`\n]*>)?`__?(?![\w`])")


def rest_links(text: str) -> str:
    """Text with reST link references read as the words they show ("`Nadia`_" -> "Nadia")."""
    return _REST_LINK.sub(r"\1", text) if "`" in text and _REST_TARGET.search(text) else text


_ZERO_WIDTH = {0xFEFF: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None}
# "---" YAML front matter of a static site, or a Pelican-style "Title: ..." header block
_YAML_BLOCK = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_BLOCK = re.compile(r"\A((?:[A-Z][a-z]+:[ \t]+\S[^\n]*\n){2,})\n")
# a static site generator's metadata in lower case without "---" lines ("title: 2005 AGM" / "slug:
# 2005-agm" / "date: 2022-08-26 12:03:03" / "tags: "), as a wiki converted to a site keeps it: a
# block of three keys or more that holds a title or a date
_LOWER_KEY_BLOCK = re.compile(r"\A((?:[a-z][a-z_]{1,20}:(?:[ \t][^\n]*)?\n){3,})\n")


def _header_block(text: str) -> re.Match | None:
    """A page's metadata block at its top, in any of the shapes static sites write it."""
    m = _YAML_BLOCK.match(text) or _KEY_BLOCK.match(text)
    if m:
        return m
    m = _LOWER_KEY_BLOCK.match(text)
    if m and re.search(r"(?m)^(?:title|date):", m.group(1)):
        return m
    return None
_EVENT_START = re.compile(r"^start:", re.M | re.I)
_FIELD = re.compile(r"^(?P<key>[A-Za-z_]+):[ \t]*(?P<value>[^\n|>]*?)[ \t]*$", re.M)
_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?")
# what a page title adds around the body's name: "2022 Spring ... Meeting", "10th Meeting of the ..."
_TITLE_NOISE = [re.compile(r"^(?:\d{4}\s+)?(?:(?:spring|summer|autumn|fall|winter|annual|extraordinary)\s+)*", re.I),
                re.compile(r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:meeting|minutes)\s+of\s+(?:the\s+)?", re.I),
                re.compile(r"\s+(?:meeting\s+)?(?:minutes|meeting)(?:\s+(?:minutes|\w+\s+\d{4}))?$", re.I),
                # "Successful AGM", "Eddington Residents Association AGM 2024": the general meeting
                # is what the page is about; what is left names the body only with two words or more
                re.compile(r"\s*[-–—]?\s*\b(?:AGM|EGM|(?:annual|extraordinary)\s+general\s+meeting)\b(?:\s+\d{4})?$", re.I),
                # "Ashby Parish Council - February", "... January meeting": the month of the minutes
                re.compile(r"\s*(?:[-–—]\s*)?(?:january|february|march|april|may|june|july|august|september|"
                           r"october|november|december)(?:\s+\d{4})?$", re.I)]


def front_matter(text: str) -> dict[str, str]:
    """Title, date and the body's name from a Markdown page's front matter, where it has one.

    Static sites keep a meeting's page title and date above the minutes ("title: 2022 Spring
    Head & Neck SIG Meeting", "start: 2022-05-12T13:00", "date: 2025-06-09"); the minutes
    themselves often never repeat them.
    """
    m = _header_block(text)
    if not m:
        return {}
    fields = {f.group("key").lower(): f.group("value").strip().strip("'\"") for f in _FIELD.finditer(m.group(1))}
    out: dict[str, str] = {}
    for key in ("date", "start"):
        day = _ISO_DAY.match(fields.get(key, ""))
        if day:
            out["date"] = day.group(1)
            break
    title = fields.get("title")
    if title:
        out["title"] = title
        body = title
        for rx in _TITLE_NOISE:
            body = rx.sub("", body).strip()
        # a title that names a body says so with a capitalised name of two words or more
        if len(body.split()) >= 2 and body[0].isupper() and not re.search(r"\d", body):
            out["body"] = body
    return out


_OPEN_END = re.compile(r"\b(?:of|the|on|and|in|at|to|for|by|with|from|an?)$", re.I)
_CLOSED = re.compile(r"[.:;!?\"”’)*|]$|^#|^[-*>|]|^\d+[.)]?$")


def unwrap_double_spaced(text: str) -> str:
    """Join the lines of a paragraph that a conversion spaced apart with blank lines.

    Text converted from a PDF page by page often puts a blank line after every printed
    line, so one sentence runs over several "paragraphs" and its middle reads as headings.
    Where nearly every line is followed by a blank line and many long lines stop mid-sentence,
    a long line that does not end a sentence is joined to the next line (its blank lines
    removed); short lines, headings and lines that end a sentence keep their breaks.
    """
    lines = text.split("\n")
    filled = [ln for ln in lines if ln.strip()]
    if len(filled) < 20:
        return text
    spaced = sum(1 for i, ln in enumerate(lines[:-1]) if ln.strip() and not lines[i + 1].strip())
    if spaced < 0.8 * len(filled):
        return text
    width = sorted(len(ln.rstrip()) for ln in filled)[int(0.9 * (len(filled) - 1))]
    def open_line(ln: str) -> bool:
        t = ln.strip()
        if _OPEN_END.search(t) and not t.startswith("#"):
            return True  # no sentence or heading ends on "of" or "the"
        return len(t) >= 0.7 * width and not _CLOSED.search(t)
    if sum(1 for ln in filled if open_line(ln)) < max(5, len(filled) // 10):
        return text
    out: list[str] = []
    i = 0
    while i < len(lines):
        out.append(lines[i])
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if open_line(lines[i]) and j < len(lines) and j - i <= 3 and lines[j].strip() != "---":
            i = j  # drop the blank lines between the two halves of the paragraph
            continue
        i += 1
    return "\n".join(out)


_NOT_A_TITLE = re.compile(r"^(?:\[[^\]]*\]\([^)]*\)|[-=*_]{3,})$")


def first_line_title(text: str, limit: int = 200) -> str | None:
    """The first non-blank line (Markdown '#' marks dropped) when it is short enough."""
    for line in text.split("\n", 50)[:50]:
        line = line.strip().lstrip("#").strip()
        if _NOT_A_TITLE.match(line):
            continue  # a converter's "[Original file](...)" link or a rule line
        if line:
            return line if len(line) <= limit else None
    return None
