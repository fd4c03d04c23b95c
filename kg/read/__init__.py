"""The read stage: path -> Document.

`read_document` picks a reader by file extension; every reader returns text whose
line breaks are "\\n" only, and every Evidence offset downstream points into that
text.  `iter_sources` turns the paths a user typed (files and folders) into the
files to read.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.read.docx import read_docx
from kg.read.html import read_html
from kg.read.moderngov import read_moderngov
from kg.read.pdf import read_pdf
from kg.read.text import MAX_BYTES, Extracted, read_text
from kg.records import Document

__all__ = ["MAX_BYTES", "SUPPORTED", "iter_sources", "read_document"]

# extension -> (Document.format, reader)
_READERS: dict[str, tuple[str, Callable[[bytes, str], Extracted]]] = {
    ".txt": ("txt", read_text),
    ".text": ("txt", read_text),
    ".md": ("md", read_text),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".xml": ("moderngov-xml", read_moderngov),
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
}
SUPPORTED = tuple(_READERS)
_SUPPORTED_TEXT = ".txt, .md, .text, .html, .htm, .xml (ModernGov GetMeeting), .pdf, .docx"


def _human(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def _unsupported(path: str, ext: str) -> InputError:
    kind = f"'{ext}' files are" if ext else "files without an extension are"
    return InputError(path, f"{kind} not supported; govkg reads {_SUPPORTED_TEXT}. "
                      "Convert it to one of these (e.g. save as .docx, PDF or plain text)")


def _read_bytes(p: Path, name: str, max_bytes: int) -> bytes:
    """The raw bytes, refusing missing, folder, unreadable and oversized paths."""
    try:
        if p.is_dir():
            raise InputError(name, "is a folder; pass the minutes files in it "
                             "(the build command expands folders)")
        for _attempt in range(3):
            data, changed = _read_once(p, name, max_bytes)
            if not changed:
                break
        else:
            raise InputError(name, "kept changing while it was read (is it still being written or "
                             "downloaded?); build it again when it is complete")
    except FileNotFoundError:
        raise InputError(name, _broken_link(p) or "does not exist; check the path") from None
    except OSError as err:
        raise InputError(name, _broken_link(p) or f"cannot be read ({err.strerror or err}); check its "
                         "permissions") from None
    if len(data) > max_bytes:
        raise InputError(name, f"is over the {_human(max_bytes)} limit; split it into "
                         "smaller files")
    return data


def open_regular(p: Path | str, name: str) -> int:
    """A file descriptor of `p`, refusing anything that is not a regular file.

    Opened without blocking, so a FIFO or a device named as minutes cannot hang the build
    (and the store lock with it)."""
    import stat
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
        raise InputError(name, f"is {kind}, not a file; govkg reads minutes saved as files")
    return fd


def _read_once(p: Path, name: str, max_bytes: int) -> tuple[bytes, bool]:
    """The bytes of `p`, and whether the file changed (size or time) while they were read."""
    fd = open_regular(p, name)
    with os.fdopen(fd, "rb") as f:
        before = os.fstat(fd)
        if before.st_size > max_bytes:
            raise InputError(name, f"is {_human(before.st_size)}, over the {_human(max_bytes)} limit; "
                             "check it is the minutes and not an archive or scan, or split it into smaller files")
        data = f.read(max_bytes + 1)  # the file may have grown since stat
        after = os.fstat(fd)
    changed = ((before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)
               or (len(data) != after.st_size and len(data) <= max_bytes))
    return data, changed


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Document:
    """Read one minutes file into a Document.

    The format follows the extension (see SUPPORTED).  Document.sha256 is of the raw
    bytes; Document.text has "\\n" line ends and is what Evidence offsets refer to.
    Raises InputError for anything that cannot be read as minutes.
    """
    name = str(path)
    bad = _bad_name(name)
    if bad:
        raise bad
    p = Path(path)
    ext = p.suffix.lower()
    if ext not in _READERS:
        raise _unsupported(name, ext)
    data = _read_bytes(p, name, max_bytes)
    if not data:
        raise InputError(name, "is empty (0 bytes); check that it was saved or "
                         "downloaded completely")
    fmt, reader = _READERS[ext]
    got = reader(data, name)
    return Document(path=name, text=got.text, format=fmt,
                    sha256=hashlib.sha256(data).hexdigest(), title=got.title,
                    meta=dict(got.meta or {}))


def _bad_name(p: Path | str) -> InputError | None:
    """A path whose name is not valid UTF-8 (Python keeps the bytes as surrogates): it
    cannot become an IRI or a printed line, so that one file is refused, with its name
    shown as escapes."""
    name = str(p)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        return InputError(shown, "its file name is not valid UTF-8 text; rename the file and build it again")
    return None


def _skipped(name: str) -> bool:
    # Hidden files and folders (.git, .DS_Store) and Word's "~$x.docx" lock files
    # are never minutes.
    return name.startswith((".", "~$"))


# Files that travel with minutes but are not minutes: a folder's notes about itself,
# its licence, its to-do list or question sheet, and answer keys; by name (any extension)
# when a folder is walked.  A question sheet beside the minutes it asks about was built as
# minutes (a folder of minutes with a QUESTIONS.md), so those names are here too.
_NOT_MINUTES = ("readme", "sources", "license", "licence", "changelog", "copying", "authors",
                "contributing", "todo", "questions", "faq", "notice")


def not_minutes(name: str) -> bool:
    """Whether a file met while walking a folder is not minutes: hidden or a lock file,
    a README/SOURCES/LICENSE/CHANGELOG-like note, or of a format govkg does not read
    (*.json, *.gold.json, ...).  Files named explicitly are read whatever their name."""
    if _skipped(name):
        return True
    lower = name.lower()
    stem = lower.split(".", 1)[0]
    return stem in _NOT_MINUTES or Path(lower).suffix not in _READERS


def _file_key(p: Path) -> tuple[int, int]:
    st = p.stat()
    return st.st_dev, st.st_ino


def _broken_link(p: Path | str) -> str | None:
    """Why a path that does not resolve is unreadable, when it is a symbolic link."""
    import errno
    if not os.path.islink(p):
        return None
    try:
        os.stat(p)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return ("is a symbolic link loop (it points back to itself); "
                    "fix or remove the link and give the real file")
        try:
            target = os.readlink(p)
        except OSError:
            target = "?"
        return (f"is a broken symbolic link (it points to {target}, which does not exist); "
                "fix or remove the link")
    return None


def _report_link(path: Path, on_error: Callable[[InputError], None] | None) -> None:
    """Minutes the user meant to give us, behind a looping or dangling link."""
    why = _broken_link(path)
    if why:
        _report(InputError(str(path), why), on_error)


def _report(err: InputError, on_error: Callable[[InputError], None] | None) -> None:
    if on_error is None:
        raise err
    on_error(err)


def iter_sources(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    on_error: Callable[[InputError], None] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Path]:
    """Yield the files to read: given files as they are, folders expanded recursively.

    Folders are walked in sorted order, skipping hidden entries and files whose
    extension is not supported; each real file and folder is visited once, so
    symlink loops end.  A missing path, an unsupported file named explicitly, an
    unreadable folder, or a looping or dangling link named like minutes (e.g.
    "m.txt" -> nowhere) is an InputError: raised, or passed to `on_error` (and the
    walk goes on) when it is given.  Each file of a folder that is not minutes (see
    `not_minutes`) is passed, by path, to `on_skip`.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for raw in paths:
        p = Path(raw)
        try:
            exists, is_dir = p.exists(), p.is_dir()
            key = _file_key(p) if exists else None
        except OSError as err:
            _report(InputError(str(raw), f"cannot be read ({err.strerror or err})"), on_error)
            continue
        if not exists:
            _report(InputError(str(raw), _broken_link(p) or "does not exist; check the path"), on_error)
        elif is_dir:
            yield from _walk(p, seen_dirs, seen_files, on_error, on_skip)
        elif p.suffix.lower() not in _READERS:
            _report(_unsupported(str(raw), p.suffix.lower()), on_error)
        elif key not in seen_files:
            seen_files.add(key)
            bad = _bad_name(p)
            if bad:
                _report(bad, on_error)
                continue
            yield p


def _list_dir(d: Path, seen_dirs: set[tuple[int, int]],
              on_error: Callable[[InputError], None] | None,
              on_skip: Callable[[str], None] | None = None) -> Iterator[os.DirEntry[str]] | None:
    """Sorted visible entries of a folder not visited before (by device and inode)."""
    try:
        key = _file_key(d)
        if key in seen_dirs:
            return None  # reached again through a symlink: a loop or a duplicate
        seen_dirs.add(key)
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
        for e in entries:
            if _skipped(e.name) and on_skip is not None:
                on_skip(e.path)  # a hidden folder (.git) is one entry, not its every file
        entries = [e for e in entries if not _skipped(e.name)]
    except OSError as err:
        _report(InputError(str(d), f"folder cannot be read ({err.strerror or err})"), on_error)
        return None
    return iter(entries)


def _walk(top: Path, seen_dirs: set[tuple[int, int]], seen_files: set[tuple[int, int]],
          on_error: Callable[[InputError], None] | None,
          on_skip: Callable[[str], None] | None = None) -> Iterator[Path]:
    # An explicit stack rather than recursion: depth is bounded by the folders, not
    # by Python's recursion limit.
    first = _list_dir(top, seen_dirs, on_error, on_skip)
    stack = [first] if first is not None else []
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir():
                children = _list_dir(path, seen_dirs, on_error, on_skip)
                if children is not None:
                    stack.append(children)
            elif entry.is_file() and not_minutes(entry.name):
                if on_skip is not None:
                    on_skip(str(path))
            elif entry.is_file() and path.suffix.lower() in _READERS:
                key = _file_key(path)
                if key not in seen_files:
                    seen_files.add(key)
                    bad = _bad_name(path)
                    if bad:
                        _report(bad, on_error)
                        continue
                    yield path
            elif entry.is_symlink() and path.suffix.lower() in _READERS:
                _report_link(path, on_error)
        except OSError:
            # a looping link makes is_dir() itself fail; anything else vanished while walking
            if entry.is_symlink() and path.suffix.lower() in _READERS:
                _report_link(path, on_error)
