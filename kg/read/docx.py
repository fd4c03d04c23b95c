"""Word .docx -> text: paragraphs and tables in the order they appear in the body.

Tables matter: actions are often kept in an "ACTION | BY WHOM | BY WHEN" table, and
its rows must stay next to the item they belong to, one row per line.  Word's
automatic numbering ("1.", "2.1") is not in the paragraph text, so it is rebuilt
here: agenda item numbers are what a segmenter looks for.
"""
from __future__ import annotations

import io
import re
from typing import Any

from kg.errors import InputError
from kg.read.text import PAGE_NUMBER, Extracted, normalise_newlines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
                           (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word's lettered lists go a..z, aa..zz, aaa..
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Replays Word's list counters to give each numbered paragraph its label."""

    def __init__(self, doc: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = doc.part.numbering_part.element
        except Exception:  # no numbering part: nothing is auto-numbered
            return
        abstract = {a.get(f"{_W}abstractNumId"): self._read_levels(a)
                    for a in root.iter(f"{_W}abstractNum")}
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId")] = abstract.get(ref.get(f"{_W}val"), {})

    @staticmethod
    def _read_levels(abstract: Any) -> dict[int, tuple[int, str, str]]:
        levels = {}
        for lvl in abstract.iter(f"{_W}lvl"):
            def val(tag: str, default: str) -> str:
                el = lvl.find(f"{_W}{tag}")
                return el.get(f"{_W}val", default) if el is not None else default

            start = val("start", "1")
            levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                int(start) if start.isdigit() else 1, val("numFmt", "decimal"), val("lvlText", ""))
        return levels

    def label(self, paragraph: Any) -> str:
        """The number or bullet Word would show before this paragraph, with a space."""
        num_id, ilvl = _num_pr(paragraph)
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        start, fmt, pattern = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new parent item restarts its sub-items
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not pattern:
            return ""
        text = pattern
        for k in range(ilvl, -1, -1):  # high levels first: "%1" must not eat "%10"
            k_start, k_fmt, _ = levels.get(k, (1, "decimal", ""))
            text = text.replace(f"%{k + 1}", _format(counters.get(k, k_start), k_fmt))
        return text + " "


def _num_pr(paragraph: Any) -> tuple[str | None, int]:
    """(numId, level) from the paragraph, else from its style or the styles it is based on."""
    sources = [paragraph._p.pPr]
    style = paragraph.style if paragraph._p.pPr is None or paragraph._p.pPr.numPr is None else None
    while style is not None and len(sources) < 10:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
            num_id = str(num_pr.numId.val)
            return (None if num_id == "0" else num_id), int(ilvl)
    return None, 0


def _row_line(row: Any) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue  # a cell merged across columns is listed once per column
        seen.add(id(cell._tc))
        cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return " | ".join(cells) if any(cells) else ""


def _table_lines(table: Any) -> list[str]:
    return [line for line in (_row_line(row) for row in table.rows) if line]


# Word unzips every part of a .docx into memory; a "zip bomb" of 648 KB took 1.28 GB.
# The sizes the zip declares bound what unzipping yields (zipfile stops there), so they
# are checked before anything is unzipped.
MAX_UNZIPPED = 200 * 1024 * 1024


def _check_unzipped_size(data: bytes, path: str) -> None:
    import zipfile
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            total = sum(max(0, i.file_size) for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return  # not a zip: python-docx says the file is damaged
    if total > MAX_UNZIPPED:
        raise InputError(path, f"unzips to {total // (1024 * 1024)} MB, over the "
                         f"{MAX_UNZIPPED // (1024 * 1024)} MB a Word file of minutes needs (a zip bomb?); "
                         "open and re-save it in Word, or export it as PDF")


def _open(data: bytes, path: str) -> Any:
    import docx  # imported here: only .docx input pays for it

    _check_unzipped_size(data, path)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as err:  # zipfile, lxml and python-docx errors alike
        raise InputError(path, f"is damaged or not a Word .docx file ({type(err).__name__}); "
                         "open and re-save it in Word, or export it as PDF") from err


def _furniture_lines(part: Any) -> list[str]:
    """A header's or footer's lines, without its page marks ("Page 2 of 5" is a field)."""
    if part is None or part.is_linked_to_previous:
        return []
    lines: list[str] = []
    for block in part.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table_lines(block))
        elif block.text.strip():
            lines.append(block.text.strip())
    return [line for line in lines if not PAGE_NUMBER.match(line) and re.search(r"[A-Za-z]{2}", line)
            and not re.match(r"(?i)^page\b", line)]


def read_docx(data: bytes, path: str) -> Extracted:
    """DOCX bytes -> Extracted text: one line per paragraph and per table row.

    The first section's header (the letterhead) heads the text and its footer closes it, once
    each: Word prints them on every page, and they may be the only place a body is named."""
    doc = _open(data, path)
    try:
        numbering = _Numbering(doc)
        lines: list[str] = []
        first = doc.sections[0] if len(doc.sections) else None
        head = _furniture_lines(first.first_page_header if first is not None and first.different_first_page_header_footer
                                else first.header if first is not None else None)
        foot = _furniture_lines(first.footer) if first is not None else []
        if head:
            lines.extend(head + [""])
        for block in doc.iter_inner_content():
            if hasattr(block, "rows"):
                lines.extend(_table_lines(block))
            else:
                text = block.text
                lines.append(numbering.label(block) + text if text.strip() else text)
        if foot:
            lines.extend([""] + [line for line in foot if line not in head])
        title = (doc.core_properties.title or "").strip() or None
    except Exception as err:  # malformed XML inside a well-formed zip
        raise InputError(path, f"is damaged ({type(err).__name__}); open and re-save it "
                         "in Word, or export it as PDF") from err
    text = normalise_newlines("\n".join(lines))
    if not text.strip():
        raise InputError(path, "contains no text; check that it is the minutes and not "
                         "a scanned image pasted into Word")
    return Extracted(text, title, {"source_kind": "docx"})
