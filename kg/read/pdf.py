"""PDF -> text laid out from word positions, without running heads, footers and page numbers.

Why pdfplumber's `extract_words` and not pypdf's layout mode (measured on the 20 PDFs of
the development corpus, dev and unlabelled): pypdf's layout mode returned no text at all
for one of them (a Word export) and renders justified prose with runs of three or more
spaces ("appropriate   to   ensure"), which cannot be told from a column gap; pdfplumber
gives every word's box on all 20, at a similar cost (0.2-1.2 s a document), so the gaps
between words are measured in points and compared with the font height.  From the boxes:
- a right-hand Action column of owner initials ("AW", "SK/IB") becomes an "ACTION: AW"
  line after the paragraph it sits beside, the shape the extract stage reads;
- label/value rows ("Date      31 March 2016") become "Date: 31 March 2016";
- tables ("No  Action  Owner  Update") become " | "-separated rows, continuation lines
  merged into the row above, cell by cell;
- side-by-side blocks headed "Present:   Apologies:" are emitted one column after another;
- a council letterhead or "Page 3 of 9" repeated on every page, and lone page numbers at
  the top or bottom of a page, are dropped, so they neither split sentences across pages
  nor turn up as a "fact" dozens of times.
pypdf still opens the file first: its errors say precisely what is wrong with a damaged,
encrypted or scanned PDF, and it reads the document-information title.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.errors import InputError
from kg.read.text import (Extracted, join_pages, keep_letterhead, normalise_newlines, strip_page_numbers,
                          strip_running_lines)

_SPACES = re.compile(r"\s+")

_OCR_HINT = ("has no text layer (a scanned image?); run OCR first, "
             "e.g. `ocrmypdf in.pdf out.pdf`")
_DAMAGED = "is damaged or truncated ({}); download or export it again"


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs recoverable faults ("EOF marker not found") to stderr; the CLI must
    # print one line per problem, so those logs are muted while we read.
    loggers = [logging.getLogger(name) for name in ("pypdf", "pdfminer")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _open(data: bytes, path: str):
    import pypdf  # imported here: only PDF input pays for it

    if b"%%EOF" not in data[-2048:]:
        # pypdf would guess its way through a cut-off file and return part of it.
        raise InputError(path, _DAMAGED.format("no end-of-file marker"))
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        # Many council PDFs are "encrypted" with an empty password only to stop editing.
        try:
            opened = reader.decrypt("")
        except pypdf.errors.DependencyError as err:
            raise InputError(path, "is AES-encrypted, which needs the `cryptography` package "
                             "(pip install cryptography), or save an unprotected copy") from err
        if not opened:
            raise InputError(path, "is password-protected; save an unprotected copy "
                             "(e.g. `qpdf --decrypt in.pdf out.pdf`) and read that")
    return reader


def _pages_and_title(data: bytes, path: str) -> tuple[list[str], str | None]:
    with _quiet_pypdf():
        try:
            reader = _open(data, path)
            title = _title(reader)
            n_pages = len(reader.pages)
            pages = _laid_out_pages(data) if n_pages else []
        except InputError:
            raise
        except Exception as err:  # pypdf and pdfminer raise many kinds; none may escape as a traceback
            raise InputError(path, _DAMAGED.format(type(err).__name__)) from err
    if not pages:
        raise InputError(path, _DAMAGED.format("no pages"))
    return pages, title


def _laid_out_pages(data: bytes) -> list[str]:
    import pdfplumber  # imported here: only PDF input pays for it

    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        pages = [(_page_lines(page), float(page.width)) for page in pdf.pages]
    columns = _margin_columns(pages)
    return [normalise_newlines("\n".join(lay_out(_split_margin(lines, width, columns), width))).rstrip()
            for lines, width in pages]


def _margin_columns(pages: list[tuple[list["_Line"], float]]) -> list[float]:
    """Where a document's marginal Action column starts: the left edges of the owner codes
    set apart by a wide gap, and of the column's heading ("Action")."""
    found = []
    for lines, width in pages:
        for line in lines:
            segs = line.segs
            if len(segs) in (1, 2) and segs[-1].x0 >= MARGIN_ZONE * width and (
                    (len(segs) == 2 and MARGIN_CODES.match(segs[-1].text.strip()))
                    or (len(segs) == 1 and _COLUMN_HEAD.match(segs[0].text.strip()))):
                found.append(segs[-1].x0)
    return found


def _split_margin(lines: list["_Line"], width: float, columns: list[float]) -> list["_Line"]:
    """A code at the column's left edge that justified text left too close to be a gap of
    its own ("... SCC funding. The JP") is split off as its own segment."""
    if len(columns) < 2:
        return lines
    for line in lines:
        last = line.segs[-1]
        words = last.words
        if len(words) < 2:
            continue
        text, x0, _x1 = words[-1]
        if MARGIN_CODES.match(text) and any(abs(x0 - c) <= 6 for c in columns) and x0 >= MARGIN_ZONE * width:
            head = words[:-1]
            line.segs[-1] = _Seg(" ".join(w[0] for w in head), head[0][1], head[-1][2], head)
            line.segs.append(_Seg(text, x0, _x1, [words[-1]]))
    return lines


def _title(reader) -> str | None:
    """The document-information title, when the PDF has a usable one."""
    try:
        info = reader.metadata
        title = (info.title if info else None) or ""
    except Exception:  # a title is a nicety; a broken info dict is not an error
        return None
    title = _SPACES.sub(" ", str(title)).strip()
    return title or None


# --- laying out a page from word boxes ----------------------------------------------

COLUMN_GAP = 1.5  # a gap wider than 1.5 font heights separates cells, not words
PARA_GAP = 1.45  # a line pitch 1.45 times the usual one leaves a blank line
MARGIN_ZONE = 0.6  # a marginal Action column starts past 60% of the page width
# An owner code in a margin: initials "AW", "AHol", "SK/IB", or a few posts and "All".
_CODE_WORD = r"(?:[A-Z]{2,4}[a-z]{0,3}|[A-Z]{2,10}|[A-Z][a-z]?[A-Z]{1,3}|All|Clerk|Chair|Chairman|Trustees)"
MARGIN_CODES = re.compile(rf"^{_CODE_WORD}(?:\s*(?:/|,|&|\band\b)\s*{_CODE_WORD})*\.?$")
_COLUMN_HEAD = re.compile(r"^(?:actions?(?:\s+by)?|who|owner|by\s+whom|responsible)$", re.I)
_ITEM_NUMBER = re.compile(r"^(?:\(?\d{1,3}(?:[.:]\d{1,3}){0,3}[.)]?|\(?[ivxlc]{1,5}\)|\(?[a-z]\)|\d{1,3}\s?\([ivx]{1,4}\)"
                          r"|[A-Z][a-z]{2,8}\d{2}\.\d{2}|\d{2}\.\d{2}[. ]\d{2})$")
_LABEL = re.compile(r"^[A-Z][A-Za-z’'&/ ]{1,30}[:;]?$")
_SENTENCE_END = re.compile(r"[.:;!?)\]]\s*$")


@dataclass
class _Seg:
    """Words of a line that sit close together: a cell, a label, a marginal code."""

    text: str
    x0: float
    x1: float
    words: list[tuple[str, float, float]] = field(default_factory=list)


@dataclass
class _Line:
    top: float
    bottom: float
    segs: list[_Seg]

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segs)


def _page_lines(page) -> list[_Line]:
    """Words grouped into lines by their vertical middle, and each line into segments at wide gaps."""
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False,
                                           use_text_flow=False) if w["text"].strip()]
    heights = sorted(w["bottom"] - w["top"] for w in words)
    usual = heights[len(heights) // 2] if heights else 0.0
    rows: list[list[dict]] = []
    # lines are formed by words of ordinary height; a superscript ("31st") or a small
    # footnote mark then joins the line it overlaps by more than half its own height
    small = [w for w in words if w["bottom"] - w["top"] < 0.75 * usual]
    for w in sorted((w for w in words if w["bottom"] - w["top"] >= 0.75 * usual), key=lambda w: (w["top"], w["x0"])):
        mid, h = (w["top"] + w["bottom"]) / 2, w["bottom"] - w["top"]
        for row in rows[-3:]:
            rtop, rbottom = row[0]["top"], row[0]["bottom"]
            if abs((rtop + rbottom) / 2 - mid) <= 0.45 * min(h, rbottom - rtop):
                row.append(w)
                break
        else:
            rows.append([w])
    for w in small:
        h = w["bottom"] - w["top"]
        best = max(rows, default=None, key=lambda r: min(r[0]["bottom"], w["bottom"]) - max(r[0]["top"], w["top"]))
        if best is not None and min(best[0]["bottom"], w["bottom"]) - max(best[0]["top"], w["top"]) >= 0.5 * h:
            best.append(w)
        else:
            rows.append([w])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        height = max(w["bottom"] - w["top"] for w in row)
        groups = [[row[0]]]
        for a, b in zip(row, row[1:]):
            if b["x0"] - a["x1"] > COLUMN_GAP * height:
                groups.append([b])
            else:
                groups[-1].append(b)
        segs = [_Seg(_words_text(g, height), g[0]["x0"], g[-1]["x1"], [(w["text"], w["x0"], w["x1"]) for w in g])
                for g in groups]
        lines.append(_Line(min(w["top"] for w in row), max(w["bottom"] for w in row), segs))
    lines.sort(key=lambda ln: ln.top)
    return lines


# Symbol and Wingdings bullets come out as private-use characters (U+F0B7, U+F0A7, ...)
_PRIVATE_BULLET = re.compile("[\uf000-\uf0ff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # "1\x000" for a page "10" in a Word export


def _words_text(words: list[dict], height: float) -> str:
    """Words joined by spaces; a superscript ("st", "th") joins the word before it."""
    text = _CONTROL.sub("", _PRIVATE_BULLET.sub("•", words[0]["text"]))
    for a, b in zip(words, words[1:]):
        touching = b["x0"] - a["x1"] < 0.5
        superscript = b["bottom"] - b["top"] < 0.8 * height and a["text"][-1:].isdigit()
        word = _CONTROL.sub("", _PRIVATE_BULLET.sub("•", b["text"]))
        text += word if touching or superscript else " " + word
    return text


def _is_margin_code(seg: _Seg, width: float) -> bool:
    return seg.x0 >= MARGIN_ZONE * width and bool(MARGIN_CODES.match(seg.text.strip()))


def _column_of(x0: float, starts: list[float]) -> int:
    """The column a segment starting at x0 belongs to: the last one starting at or before it."""
    k = 0
    for i, start in enumerate(starts):
        if x0 >= start - 12:
            k = i
    return k


def lay_out(lines: list[_Line], width: float) -> list[str]:
    """A page's lines -> text lines: margin codes as 'ACTION:' lines, tables as ' | ' rows,
    label/value rows as 'Label: value', side-by-side blocks one column after another."""
    out: list[str] = []
    pending: list[str] = []  # margin codes of the paragraph being written
    pitches = sorted(b.top - a.top for a, b in zip(lines, lines[1:]) if 0 < b.top - a.top)
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    table: list[float] | None = None  # column starts of the table being written
    block: list[list[str]] | None = None  # side-by-side columns being collected
    block_starts: list[float] = []
    carry = ""

    def close_paragraph() -> None:
        if pending:
            # the task is the paragraph's closing sentence: the label follows it
            while out and not out[-1].strip():
                out.pop()
            out.append("ACTION: " + "/".join(dict.fromkeys(pending)))
            pending.clear()

    def close_block() -> None:
        nonlocal block
        if block:
            for col in block:
                out.extend(cell for cell in col if cell)
        block = None

    prev: _Line | None = None
    for line in lines:
        segs = [s for s in line.segs if s.text.strip()]
        if not segs:
            continue
        gap_before = prev is not None and pitch and line.top - prev.top > PARA_GAP * pitch
        codes = [s for s in segs[1:] if _is_margin_code(s, width)] if 1 < len(segs) <= 2 else []
        if table is not None:
            codes = []  # an Owner column of a table is a cell, read with its row
        if len(segs) == 1 and _is_margin_code(segs[0], width):
            codes = segs[:]
        if len(segs) == 1 and segs[0].x0 >= MARGIN_ZONE * width and _COLUMN_HEAD.match(segs[0].text.strip()):
            prev = line
            continue  # the heading of a marginal Action column
        body = [s for s in segs if s not in codes]
        if block is not None:
            joined_prose = len(body) == 1 and body[0].x1 > (block_starts[1] if len(block_starts) > 1 else width)
            # a gap under the headings alone ("Present:   Members of the Public:", then a space) opens the lists
            headings_only = all(len(col) == 1 for col in block)
            if gap_before and not headings_only or joined_prose or (body and _ITEM_NUMBER.match(body[0].text.split()[0])):
                close_block()
            else:
                for s in body:
                    block[_column_of(s.x0, block_starts)].append(s.text)
                prev = line
                continue
        if table is not None:
            if gap_before or (len(body) == 1 and _column_of(body[0].x0, table) == 0
                              and len(table) > 1 and body[0].x1 > table[1] + 5):
                table = None
        runs_on = bool(out) and not _SENTENCE_END.search(out[-1]) and bool(body) and body[0].text[:1].islower()
        if gap_before and not runs_on:
            # a sentence carried over a wider gap stays whole, and its codes wait for its end
            close_paragraph()
            if out and out[-1].strip():
                out.append("")
        if not body:
            if pending or not out or not _SENTENCE_END.search(out[-1]):
                # beside a sentence still running on: the label waits for its end
                pending.extend(s.text.strip(" .") for s in codes)
            else:
                # a code alone on its line, under the paragraph it closes
                while out and not out[-1].strip():
                    out.pop()
                out.append("ACTION: " + "/".join(s.text.strip(" .") for s in codes))
            prev = line
            continue
        if len(body) >= 2 and all(s.text.rstrip().endswith(":") for s in body) and body[0].x0 < width / 2:
            close_paragraph()
            block = [[s.text] for s in body]
            block_starts = [s.x0 for s in body]
            prev = line
            continue
        if len(body) >= 3 and table is None:
            close_paragraph()
            table = [s.x0 for s in body]
        if table is not None:
            cells = [""] * len(table)
            if len(body) == len(table):
                # a full row: cells are left-aligned where headings are often centred
                table = [s.x0 for s in body]
            for s in body:
                k = _column_of(s.x0, table)
                cells[k] = f"{cells[k]} {s.text}".strip()
            if cells[0] or not out or " | " not in out[-1]:
                out.append(" | ".join(cells))
            else:
                # a wrapped cell: the words go into the row above, cell by cell
                above = out[-1].split(" | ")
                above += [""] * (len(cells) - len(above))
                out[-1] = " | ".join(f"{a} {c}".strip() for a, c in zip(above, cells))
        else:
            first, _, rest = body[0].text.partition(" ")
            if _ITEM_NUMBER.match(first) and out and out[-1].strip() and not _SENTENCE_END.search(out[-1]) \
                    and ((rest or (body[1].text if len(body) > 1 else ""))[:1].islower() or not rest and len(body) == 1):
                # a number centred beside a table cell lands inside the cell's sentence
                body = ([_Seg(rest, body[0].x0, body[0].x1)] if rest else []) + body[1:]
                if not body:
                    prev = line
                    continue
            elif _ITEM_NUMBER.match(body[0].text) or _ITEM_NUMBER.match(body[0].text.split()[0]):
                close_paragraph()
            if len(body) == 1 and _ITEM_NUMBER.match(body[0].text):
                carry = body[0].text  # a number alone on its line heads the line after it
                prev = line
                continue
            text = _join(body)
            out.append(f"{carry} {text}" if carry else text)
            carry = ""
        pending.extend(s.text.strip(" .") for s in codes)
        if pending and table is None and re.search(r"[.!?]\s*$", out[-1] if out else ""):
            # the code sits beside the sentence it owns: the label follows the sentence's end
            close_paragraph()
        prev = line
    close_block()
    close_paragraph()
    return out


def _join(body: list[_Seg]) -> str:
    """One line's segments as text: 'Label: value' for a label row, else words joined by a space."""
    if len(body) == 2 and _LABEL.match(body[0].text) and len(body[0].text.split()) <= 4 \
            and not _ITEM_NUMBER.match(body[0].text):
        label = body[0].text.rstrip()
        return f"{label} {body[1].text}" if label.endswith((":", ";")) else f"{label}: {body[1].text}"
    text = body[0].text
    for s in body[1:]:
        text += s.text if re.fullmatch(r"[.,;:]+", s.text) else " " + s.text
    return text


def read_pdf(data: bytes, path: str) -> Extracted:
    """PDF bytes -> Extracted text, pages joined by a blank line (one newline where a
    sentence runs on over the page break).

    meta["page_starts"] gives the offset in the text where each page begins.
    """
    pages, title = _pages_and_title(data, path)
    if not any(page.strip() for page in pages):
        raise InputError(path, _OCR_HINT)
    pages = strip_page_numbers(keep_letterhead(pages, strip_running_lines(pages)))
    text, starts = join_pages(pages)
    meta = {"source_kind": "pdf", "pages": len(pages), "page_starts": starts}
    return Extracted(text, title, meta)
