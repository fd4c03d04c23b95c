"""The PDF reader lays pages out from word positions.

The PDFs here are built in the test, byte by byte, with each line of text placed where a
word processor would put it: a right-hand Action column, a label column, a table, two
attendance blocks side by side, a running head and a page number.  The corpus tests read
the published PDFs of the development corpus when it is present beside the project.
"""
from __future__ import annotations

import re

import pytest

from kg.read import read_document
from tests.conftest import CORPUS

Placed = tuple[float, float, str]  # x, y (from the page bottom), text


def make_placed_pdf(pages: list[list[Placed]], size: float = 11) -> bytes:
    """A valid PDF whose text runs sit at given positions (Helvetica, correct xref offsets)."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids, next_id = [], 4
    for runs in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        kids.append(page_id)
        ops = []
        for x, y, text in runs:
            esc = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"BT /F1 %g Tf %g %g Td (" % (size, x, y) + esc + b") Tj ET")
        stream = b"\n".join(ops)
        objects[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objects[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for i in range(1, next_id):
        offsets[i] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (i, objects[i])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % next_id
    out += b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, next_id))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (next_id, xref)
    return bytes(out)


def lines_at(y: float, *lines: str, x: float = 72, pitch: float = 14) -> list[Placed]:
    return [(x, y - k * pitch, line) for k, line in enumerate(lines)]


HEAD = (200, 800, "Harbour Board - Minutes")


def page_number(n: int) -> Placed:
    return (295, 40, str(n))


def read_pdf_text(tmp_path, pages) -> str:
    p = tmp_path / "m.pdf"
    p.write_bytes(make_placed_pdf(pages))
    return read_document(p).text


def test_right_hand_action_column_stays_apart_and_page_furniture_drops(tmp_path):
    page1 = [HEAD, (480, 760, "Action"),
             *lines_at(740, "4. Harbour wall", "The engineer reported that the survey was complete. The",
                       "chair asked for a revised timeline before the summer.", "The board noted the costs."),
             (480, 726, "JB"), page_number(1)]
    page2 = [HEAD, *lines_at(740, "5. Moorings", "Fees will rise in April. The Harbour", "Master to write to all",
                             "boat owners."), (480, 712, "HM/JB"), page_number(2)]
    page3 = [HEAD, *lines_at(740, "6. Any other business", "None."), page_number(3)]
    text = read_pdf_text(tmp_path, [page1, page2, page3])
    lines = text.split("\n")
    # the code leaves the prose and follows the sentence it sits beside
    assert "chair asked for a revised timeline before the summer." in lines
    assert lines[lines.index("chair asked for a revised timeline before the summer.") + 1] == "ACTION: JB"
    assert not any(re.search(r"\bJB\b", ln) for ln in lines if not ln.startswith("ACTION"))
    assert lines[lines.index("boat owners.") + 1] == "ACTION: HM/JB"
    # the column's heading and the page numbers are gone; the running head heads the text once
    assert "Action" not in lines and text.count("Harbour Board - Minutes") == 1 and lines[0] == "Harbour Board - Minutes"
    assert not any(re.fullmatch(r"\s*\d\s*", ln) for ln in lines)


def test_label_column_table_and_side_by_side_blocks(tmp_path):
    page = [
        (72, 780, "Date"), (190, 780, "12th May 2024"),
        (72, 766, "Attendees"), (190, 766, "Ruth Kemp (Chair), Tom Bell, Dora"), (190, 752, "Lent (Treasurer)"),
        (72, 720, "Present:"), (300, 720, "Apologies:"),
        (72, 706, "Cllr A Moss"), (300, 706, "Cllr D Hart"),
        (72, 692, "Cllr B Reed"),
        (72, 660, "1. Actions from the last meeting"),
        (72, 640, "No"), (130, 640, "Action"), (380, 640, "Owner"), (470, 640, "Update"),
        (72, 626, "A1"), (130, 626, "Repair the gate by the"), (380, 626, "TB"), (470, 626, "Done"),
        (130, 612, "playground"),
        (72, 580, "2. Finance"), (72, 566, "The accounts were approved."),
    ]
    text = read_pdf_text(tmp_path, [page])
    lines = text.split("\n")
    assert "Date: 12th May 2024" in lines
    assert "Attendees: Ruth Kemp (Chair), Tom Bell, Dora" in lines
    # each block is read whole, one after the other, not line by line across
    assert text.index("Present:") < text.index("Cllr A Moss") < text.index("Cllr B Reed") \
        < text.index("Apologies:") < text.index("Cllr D Hart")
    assert "No | Action | Owner | Update" in lines
    assert "A1 | Repair the gate by the playground | TB | Done" in lines  # a wrapped cell joins its row


def test_sentence_over_a_page_break_stays_whole(tmp_path):
    page1 = [*lines_at(780, "3. Highways", "Road closure discussed. Clerk ask Steve"), page_number(1)]
    page2 = [*lines_at(780, "Baldwin if the contractor is happy.", "4. Planning", "None."), page_number(2)]
    text = read_pdf_text(tmp_path, [page1, page2])
    assert "Clerk ask Steve\nBaldwin if the contractor is happy." in text


# -- the published PDFs of the development corpus -------------------------------------------

def _corpus_text(name: str) -> str:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} is not present (the development corpus sits beside the project)")
    return read_document(path).text


@pytest.mark.parametrize("name, codes", [
    ("suffolk-libraries-board-2012-11-19.pdf", {"AW", "SK/IB"}),
    ("suffolk-libraries-board-2016-03-31.pdf", {"KV", "JP"}),
])
def test_corpus_marginal_action_column_becomes_action_lines(name, codes):
    lines = _corpus_text(name).split("\n")
    found = {ln.removeprefix("ACTION: ") for ln in lines if ln.startswith("ACTION: ")}
    assert codes <= found
    for code in codes:  # no code is left at the end of a line of prose
        assert not any(ln.endswith(" " + code) for ln in lines if not ln.startswith("ACTION"))


@pytest.mark.parametrize("name", ["tintern-cc-2019-07-29.pdf", "suffolk-libraries-board-2016-03-31.pdf",
                                  "halesworth-library-friends-2015-05-05.pdf",
                                  "unlabelled/suffolk-libraries-ips-board-2016-10-27.pdf"])
def test_corpus_page_numbers_and_footers_drop(name):
    text = _corpus_text(name)
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", text)
    assert "draft Open Board Minutes" not in text
    # a registered-office footer is kept once, closing the text, never between two pages' prose
    assert text.count("Registered Office") <= 1
    assert "Registered Office" not in text or "Registered Office" in text.rsplit("\n\n", 1)[-1]


def test_corpus_name_over_a_page_break_stays_one_line():
    assert "Clerk ask Steve\nBaldwin" in _corpus_text("tintern-cc-2019-07-29.pdf")


@pytest.mark.parametrize("page, expected", [
    # a parish council's headings side by side, a blank line, then the two lists under them
    ([(72, 780, "Present:"), (324, 780, "Members of the Public:"),
      (72, 755, "Ann Moss (AM) [Chair]"), (324, 755, "Kay Dray"),
      (72, 741, "Bob Reed (BR)"), (72, 727, "Cath Fell (CF) CLERK"),
      *lines_at(700, "01.01 Apologies for absence", "Apologies had been received from Cllr Dan Hart.")],
     ["Present:", "Ann Moss (AM) [Chair]", "Bob Reed (BR)", "Cath Fell (CF) CLERK", "Members of the Public:",
      "Kay Dray"]),
    # the same headings with the lists right under them
    ([(72, 780, "Present:"), (300, 780, "Apologies:"),
      (72, 766, "Cllr A Moss"), (300, 766, "Cllr D Hart"), (72, 752, "Cllr B Reed"),
      *lines_at(720, "1. Minutes", "The minutes were approved.")],
     ["Present:", "Cllr A Moss", "Cllr B Reed", "Apologies:", "Cllr D Hart"]),
])
def test_side_by_side_attendance_blocks(tmp_path, page, expected):
    lines = [ln for ln in read_pdf_text(tmp_path, [page]).split("\n") if ln.strip()]
    assert lines[:len(expected)] == expected
