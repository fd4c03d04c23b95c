"""Property tests: no input crashes read, segment or extract, and every quote is exact.

Hypothesis writes minutes-like text from fragments real minutes are made of (minute
numbers, times, "Present:", "RESOLVED:", action tables, initials in brackets, curly
quotes, no-break spaces, tabs) mixed with arbitrary characters and bytes.
"""
from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.build import build_graph
from kg.errors import InputError
from kg.extract import extract
from kg.read import SUPPORTED, read_document
from kg.records import Document, Evidence
from kg.resolve import resolve
from kg.segment import segment
from kg.vocab import DEFAULT_BASE

FRAGMENTS = [
    "12/34", "275/19 ", "276/19 ", "277/19 ", "15:15 ", "10.30am ", "1. ", "2. ", "4.1 ", "(a) ", "i) ", "- ", "• ",
    "Present:", "Present: ", "Apologies:", "Apologies for absence", "In attendance:", "Also present:",
    "Cllr X", "Cllr Ada Smith", "Councillor J. Bloggs", "Mrs Patel", "Dr. Who", "J Hassall", "Mark Wardle (MW)",
    "MW", "AB/CD", "All", "the Clerk", "The Chair", "Chair", "Vice-Chair", "(Chair)",
    "RESOLVED:", "RESOLVED that ", "It was resolved that:", "AGREED", "ACTION:", "Action: ", "Actions", "Decisions",
    "Action log", " | ", "\t", "agreed to ", "will ", "asked ", "said ", "noted ", "declared an interest in ",
    "declared a pecuniary interest", "by 1 May 2026", "by the next meeting", "Date of next meeting - ",
    "Parish Council", "Safeguarding Board", "NHS", "Ofsted", " judged ", "inadequate", "manages ",
    "Institute of Cemetery Management (ICM)", "presented the report", "is responsible for ",
    "(", ")", "[", "]", "{", "}", "“", "”", "‘", "’", "\"", "'", "\u00a0", "\u200b", "\ufeff", "\u2028",
    "\n", "\n\n", "\r\n", "\r", "\x0c", ". ", ", ", "; ", ": ", "?", "!", "-", "—", "–", "/", "&", "£5", "é",
]

minute_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)),
    max_size=80,
).map("".join)

html_text = st.recursive(
    minute_text.map(lambda t: t.replace("<", "&lt;")),
    lambda inner: st.tuples(
        st.sampled_from(["p", "div", "table", "tr", "td", "li", "ul", "h2", "script", "br", "pre", "b", "span"]),
        st.lists(inner, max_size=4),
    ).map(lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"),
    max_leaves=12,
)


def encodings(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "latin-1"]).map(
        lambda enc: text.encode(enc, errors="replace"))


raw_bytes = st.one_of(
    st.binary(max_size=3000),
    minute_text.flatmap(encodings),
    html_text.map(lambda h: f"<html><body>{h}</body></html>".encode()),
    st.tuples(minute_text, st.binary(max_size=40)).map(lambda t: t[0].encode() + t[1]),
    st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b + b"\n%%EOF\n"),
    st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=300).map(lambda b: b"<?xml version='1.0'?><meeting>" + b + b"</meeting>"),
)

PROPS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def evidences(obj):
    """Every Evidence anywhere in an Extraction (or any record), depth first."""
    if isinstance(obj, Evidence):
        yield obj
    elif isinstance(obj, Document):
        return
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from evidences(getattr(obj, f.name))
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for x in obj:
            yield from evidences(x)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from evidences(x)


def run_pipeline(doc: Document) -> None:
    """segment -> extract -> resolve -> build must not raise; every quote is the text it points at."""
    secs = segment(doc)
    n = len(doc.text)
    for s in secs.sections:
        assert 0 <= s.start <= s.end <= n, s
    ex = extract(secs)
    for ev in evidences(ex):
        assert 0 <= ev.start <= ev.end <= n, ev
        assert doc.text[ev.start:ev.end] == ev.quote, ev
    build_graph(resolve(ex), DEFAULT_BASE)


def check_read(data: bytes, ext: str) -> Document | None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"minutes{ext}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except InputError as e:
            assert e.path == str(path)
            assert "\n" not in str(e), str(e)  # the CLI prints it as one line
            return None
    assert "\r" not in doc.text
    assert doc.text.strip()
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    return doc


@PROPS
@given(data=raw_bytes, ext=st.sampled_from(SUPPORTED))
@example(data="\u200b".encode(), ext=".txt")  # only a zero-width space: blank once those are dropped
def test_any_bytes_read_or_give_an_input_error(data, ext):
    check_read(data, ext)


@PROPS
@given(data=raw_bytes, ext=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_through_the_whole_pipeline(data, ext):
    doc = check_read(data, ext)
    if doc is not None:
        run_pipeline(doc)


@PROPS
@given(text=minute_text)
def test_segment_and_extract_never_crash_and_quote_exactly(text):
    run_pipeline(Document(path="m.txt", text=text, format="txt", sha256="0" * 64))


@PROPS
@given(lines=st.lists(minute_text, min_size=1, max_size=30))
def test_line_structured_minutes(lines):
    """Text laid out in lines as minutes are, so that the line rules fire."""
    text = "\n".join(lines)
    run_pipeline(Document(path="m.txt", text=text, format="txt", sha256="0" * 64))


WHO = ["Cllr Ada Smith", "The Clerk", "Mark Wardle (MW)", "MW", "Julia Hassall", "The Board", "Ofsted",
       "The Parish Council", "Dr Rhys Okonjo", "It"]
VERB = [" agreed to ", " asked whether ", " said that ", " will ", " declared an interest in ", " presented ",
        " manages ", " judged the service ", " was RESOLVED that ", " noted ", " is responsible for "]
sentence = st.tuples(st.sampled_from(WHO), st.sampled_from(VERB), minute_text,
                     st.sampled_from([".", ". ", "", "?", " - MW", " | Clerk | 1 May 2026", ";"])).map("".join)


@settings(PROPS, max_examples=120)
@given(paragraphs=st.lists(st.lists(sentence, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=12),
       heads=st.lists(st.sampled_from(["Present: Cllr Ada Smith (Chair), MW", "ACTIONS", "Decisions",
                                       "275/19 Finance", "15:15 Budget", "4. Roads", "RESOLVED:"]), max_size=4))
def test_prose_minutes(paragraphs, heads):
    """Sentences with a subject and a verb, so that the fact rules fire on random objects."""
    text = "\n\n".join(heads + paragraphs)
    run_pipeline(Document(path="m.txt", text=text, format="txt", sha256="0" * 64))
