"""PDF -> text from pypdf's text layer, without the running header and footer.

A council letterhead or "Page 3 of 9" repeated on every page would otherwise split
sentences across pages and turn up as a "fact" dozens of times.
"""
from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator

from kg.errors import InputError
from kg.read.text import Extracted, normalise_newlines

EDGE_LINES = 2  # lines at the top and bottom of a page that may be header/footer
MIN_PAGES = 3  # fewer pages give too little evidence of repetition
REPEAT_SHARE = 0.6  # a line on >= 60% of pages is a running header/footer
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")

_OCR_HINT = ("has no text layer (a scanned image?); run OCR first, "
             "e.g. `ocrmypdf in.pdf out.pdf`")
_DAMAGED = "is damaged or truncated ({}); download or export it again"


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs recoverable faults ("EOF marker not found") to stderr; the CLI must
    # print one line per problem, so those logs are muted while we read.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _edge_key(line: str) -> str:
    """A line with digits and spacing folded, so 'Page 3 of 9' matches 'Page 4 of 9'."""
    return _SPACES.sub(" ", _DIGITS.sub("#", line)).strip()


def _edge_positions(lines: list[str]) -> list[int]:
    """Indices of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:EDGE_LINES] + filled[-EDGE_LINES:]))


def strip_running_lines(pages: list[str]) -> list[str]:
    """Drop header/footer lines that repeat at the edges of most pages."""
    if len(pages) < MIN_PAGES:
        return pages
    split = [page.split("\n") for page in pages]
    counts: Counter[str] = Counter()
    for lines in split:
        counts.update({_edge_key(lines[i]) for i in _edge_positions(lines)})
    repeated = {key for key, n in counts.items() if key and n >= REPEAT_SHARE * len(pages)}
    if not repeated:
        return pages
    cleaned = []
    for lines in split:
        drop = {i for i in _edge_positions(lines) if _edge_key(lines[i]) in repeated}
        cleaned.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return cleaned


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
            pages = [normalise_newlines(page.extract_text() or "").rstrip() for page in reader.pages]
        except InputError:
            raise
        except Exception as err:  # pypdf raises many kinds; none may escape as a traceback
            raise InputError(path, _DAMAGED.format(type(err).__name__)) from err
        title = _title(reader)
    if not pages:
        raise InputError(path, _DAMAGED.format("no pages"))
    return pages, title


def _title(reader) -> str | None:
    """The document-information title, when the PDF has a usable one."""
    try:
        info = reader.metadata
        title = (info.title if info else None) or ""
    except Exception:  # a title is a nicety; a broken info dict is not an error
        return None
    title = _SPACES.sub(" ", str(title)).strip()
    return title or None


def read_pdf(data: bytes, path: str) -> Extracted:
    """PDF bytes -> Extracted text, pages joined by a blank line.

    meta["page_starts"] gives the offset in the text where each page begins.
    """
    pages, title = _pages_and_title(data, path)
    if not any(page.strip() for page in pages):
        raise InputError(path, _OCR_HINT)
    pages = strip_running_lines(pages)
    starts, pos = [], 0
    for page in pages:
        starts.append(pos)
        pos += len(page) + 2
    text = "\n\n".join(pages)
    meta = {"source_kind": "pdf", "pages": len(pages), "page_starts": starts}
    return Extracted(text, title, meta)
