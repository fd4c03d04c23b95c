"""The read stage: path -> Document, for every supported format and every bad input.

All fixtures are invented minutes written into tmp_path by the tests themselves.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.read import MAX_BYTES, iter_sources, read_document
from kg.read.html import html_to_text
from kg.read.pdf import strip_running_lines
from kg.read.text import decode_bytes

MINUTES = (
    "Minutes of the Meeting of Lower Brambleford Parish Council\n"
    "held on Tuesday 3 March 2026 at 7.30pm in the Village Hall\n"
    "\n"
    "Present: Cllr Ada Thornbury (Chair), Cllr Rhys Okonjo, Cllr Mina Patel\n"
    "1. Apologies were received from Cllr Tom Weld.\n"
    "2. The Clerk agreed to write to the highways team about the pothole.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def reason(excinfo: pytest.ExceptionInfo[InputError]) -> str:
    return excinfo.value.reason


# --- plain text and encodings ------------------------------------------------------


def test_utf8_text_is_read_verbatim_with_sha256_of_raw_bytes(tmp_path):
    raw = ("Item 4:  the  Chair  said   “odd spacing” stays.\r\nNext line\rLast £5 line\n").encode()
    p = write(tmp_path, "m.txt", raw)
    doc = read_document(p)
    assert doc.text == "Item 4:  the  Chair  said   “odd spacing” stays.\nNext line\nLast £5 line\n"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.format == "txt"
    assert doc.path == str(p)
    assert doc.title == "Item 4:  the  Chair  said   “odd spacing” stays."


def test_markdown_and_text_extensions(tmp_path):
    md = read_document(write(tmp_path, "m.md", "# Finance Committee\n\nBody text.\n"))
    assert md.format == "md" and md.title == "Finance Committee"
    assert read_document(write(tmp_path, "m.TEXT", MINUTES)).text == MINUTES


def test_cp1252_curly_quotes(tmp_path):
    raw = b"The Chair\x92s report: \x93we will act\x94 \x96 cost \xa3500."
    doc = read_document(write(tmp_path, "legacy.txt", raw))
    assert doc.text == "The Chair’s report: “we will act” – cost £500."
    assert doc.meta["encoding"] == "cp1252"


def test_utf8_bom_is_stripped(tmp_path):
    doc = read_document(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + MINUTES.encode()))
    assert doc.text == MINUTES
    assert not doc.text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(tmp_path, encoding):
    raw = MINUTES.replace("\n", "\r\n").encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    doc = read_document(write(tmp_path, "u16.txt", raw))
    assert doc.text == MINUTES


def test_utf16_without_bom_is_not_taken_for_binary(tmp_path):
    doc = read_document(write(tmp_path, "u16.txt", MINUTES.encode("utf-16-le")))
    assert doc.text == MINUTES


def test_invalid_utf8_decodes_with_best_guess(tmp_path):
    # Mostly UTF-8 with one cp1252 apostrophe pasted in: both must come out right.
    raw = "Cllr Patel – Vice Chair".encode() + b" said the Clerk\x92s note \xff was late."
    doc = read_document(write(tmp_path, "mixed.txt", raw))
    assert doc.text.startswith("Cllr Patel – Vice Chair said the Clerk’s note")
    assert doc.text.endswith("was late.")


def test_decode_bytes_prefers_strict_utf8():
    assert decode_bytes("Café “quoted”".encode()) == ("Café “quoted”", "utf-8")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_give_an_input_error(data):
    from kg.read.text import read_text

    text, _ = decode_bytes(data)
    assert isinstance(text, str)
    try:
        got = read_text(data, "fuzz.txt")
    except InputError as err:
        assert err.reason
    else:
        assert "\r" not in got.text and got.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=200))
def test_utf8_text_round_trips(text):
    expected = text[1:] if text.startswith("\ufeff") else text  # a leading BOM is dropped
    assert decode_bytes(text.encode("utf-8"))[0] == expected


def test_empty_file(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "empty.txt", b""))
    assert "empty" in reason(e)
    assert e.value.path.endswith("empty.txt")


def test_whitespace_only(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "blank.txt", " \n\t\r\n   \n"))
    assert "white space" in reason(e)


def test_binary_noise(tmp_path):
    noise = random.Random(7).randbytes(4000)
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "noise.txt", noise))
    assert "looks binary, not minutes text" in reason(e)


def test_control_characters_without_nul_are_binary(tmp_path):
    junk = bytes(random.Random(3).choice(range(1, 9)) for _ in range(2000)) + b"abc"
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "ctrl.txt", junk))
    assert "looks binary" in reason(e)


def test_binary_that_looks_like_utf16_is_still_binary(tmp_path):
    # NUL in every other byte fools the UTF-16 sniffing; the decoded text is controls.
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "ints.txt", bytes([0x85, 0, 0x02, 0]) * 500))
    assert "looks binary" in reason(e)


def test_pdf_saved_as_txt_says_what_it_is(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "misnamed.txt", make_pdf([["Hello"]])))
    assert "looks binary" in reason(e) and "PDF" in reason(e)


def test_oversized_file_is_refused_before_reading(tmp_path):
    p = write(tmp_path, "big.txt", MINUTES * 10)
    with pytest.raises(InputError) as e:
        read_document(p, max_bytes=100)
    assert "limit" in reason(e) and "100 bytes" in reason(e)
    assert MAX_BYTES == 25 * 1024 * 1024
    assert read_document(p, max_bytes=len(MINUTES) * 10).text == MINUTES * 10


def test_one_megabyte_single_line_reads_whole(tmp_path):
    line = ("The Board noted the update and agreed to review it; " * 20000)[: 1024 * 1024]
    p = write(tmp_path, "long.txt", line)
    doc = read_document(p)  # how fast is measured in benchmarks/, not asserted here
    assert doc.text == line
    assert doc.title is None  # far too long for a title


def test_unsupported_extension_lists_supported_ones(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "minutes.doc", b"\xd0\xcf\x11\xe0"))
    assert "'.doc'" in reason(e)
    for ext in (".txt", ".md", ".html", ".pdf", ".docx", ".xml"):
        assert ext in reason(e)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(tmp_path / "nope.txt")
    assert "does not exist" in reason(e)
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError) as e:
        read_document(tmp_path / "dir.txt")
    assert "folder" in reason(e)


# --- HTML ------------------------------------------------------------------------


SCRIPTED_PAGE = """<!DOCTYPE html>
<html><head><title>Minutes &ndash; Harbour Board</title>
<script>var secretTracker = "SCRIPT-TEXT-1"; document.write('<p>SCRIPT-TEXT-2</p>');</script>
<style>p { color: red } /* STYLE-TEXT */</style></head>
<body>
<header>Site header HEADER-TEXT</header>
<nav><a href="/">Home</a> NAV-TEXT</nav>
<h1>Harbour   Board</h1>
<script type="text/javascript">if (a < b) { alert("SCRIPT-TEXT-3"); }</script>
<p>Present: Cllr&nbsp;Ada Thornbury (Chair),
   Cllr Rhys Okonjo</p>
<noscript>NOSCRIPT-TEXT</noscript>
<template><p>TEMPLATE-TEXT</p></template>
<ul><li>Apologies: Cllr Weld</li><li>Minutes approved</li></ul>
<table>
 <tr><th>ACTION</th><th>BY WHOM</th><th>BY WHEN</th></tr>
 <tr><td><p>Repair the slipway</p></td><td>Harbour Master</td><td>April 2026</td></tr>
</table>
<script>SCRIPT-TEXT-4</script>
<footer>FOOTER-TEXT</footer>
</body></html>"""


def test_html_drops_scripts_and_keeps_layout(tmp_path):
    doc = read_document(write(tmp_path, "page.html", SCRIPTED_PAGE))
    for hidden in ("SCRIPT-TEXT", "secretTracker", "alert", "STYLE-TEXT", "NOSCRIPT-TEXT",
                   "TEMPLATE-TEXT", "NAV-TEXT", "HEADER-TEXT", "FOOTER-TEXT"):
        assert hidden not in doc.text
    assert doc.format == "html"
    assert doc.title == "Minutes – Harbour Board"
    lines = doc.text.split("\n")
    assert "Harbour Board" in lines
    assert "Present: Cllr Ada Thornbury (Chair), Cllr Rhys Okonjo" in lines
    assert "- Apologies: Cllr Weld" in lines and "- Minutes approved" in lines
    assert "ACTION | BY WHOM | BY WHEN" in lines
    assert "Repair the slipway | Harbour Master | April 2026" in lines
    assert doc.meta["source_kind"] == "html"


def test_html_full_of_scripts_only_is_refused(tmp_path):
    page = "<html><body>" + "<script>var x = 'SCRIPT';</script>" * 200 + "</body></html>"
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "spa.htm", page))
    assert "no visible text" in reason(e)


@pytest.mark.parametrize("charset", ["windows-1252", "ISO-8859-1"])
def test_html_declared_legacy_charset(tmp_path, charset):
    # Pages labelled ISO-8859-1 are read as cp1252, as browsers do.
    raw = (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset='
           + charset.encode() + b'"><title>T</title></head>'
           b"<body><p>The Clerk\x92s report \x96 noted.</p></body></html>")
    doc = read_document(write(tmp_path, "legacy.htm", raw))
    assert doc.text == "The Clerk’s report – noted."


MODERNGOV_PAGE = """<html><head><title>Agenda item - Minutes of the Previous Meeting</title></head>
<body>
<div id="modgov">
 <div class="mgLinks"><a href="mgCalendar.aspx">Calendar</a></div>
 <div class="mgContent">
  <h2 class="mgSubTitleTxt">Minutes:</h2>
  <p>Councillor Ada Thornbury moved that the minutes be approved.</p>
  <p>RESOLVED: That the minutes of the meeting held on 4 February 2026 be approved.</p>
  <ul class="mgActionList"><li><a href="mgConvert2PDF.aspx?ID=1">Draft minutes <img alt="pdf icon"> PDF 88 KB</a></li></ul>
 </div>
</div>
<div id="sidebar">SIDEBAR-TEXT Councillor search</div>
</body></html>"""


def test_moderngov_page_prefers_main_content(tmp_path):
    doc = read_document(write(tmp_path, "mgAi.aspx.html", MODERNGOV_PAGE))
    assert doc.meta["source_kind"] == "moderngov-html"
    assert "SIDEBAR-TEXT" not in doc.text and "Calendar" not in doc.text
    assert doc.text.startswith("Minutes:\n\nCouncillor Ada Thornbury moved")
    assert "RESOLVED: That the minutes of the meeting held on 4 February 2026 be approved." in doc.text
    assert "- Draft minutes pdf icon PDF 88 KB" in doc.text.split("\n")
    assert doc.title == "Agenda item - Minutes of the Previous Meeting"


def test_html_to_text_fragment_and_breaks():
    assert html_to_text("<div>one<br>two</div><div> three </div>") == "one\ntwo\nthree"
    assert html_to_text("<p>a <b>bold</b>  word</p><p>next</p>") == "a bold word\n\nnext"
    assert html_to_text("<pre>x   y\n  z</pre>") == "x   y\n  z"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="<>/=\"' abcdiptrl&;!-\n", max_size=200))
def test_html_to_text_never_crashes_or_leaks_markup_breaks(fragment):
    out = html_to_text(fragment)
    assert "\r" not in out and "\n\n\n" not in out and out == out.strip(" ")


def test_deeply_nested_html_does_not_overflow():
    html = "<div>" * 5000 + "deep text" + "</div>" * 5000
    assert html_to_text(html) == "deep text"


# --- PDF -------------------------------------------------------------------------


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: one Helvetica text line per string, correct xref offsets."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids, next_id = [], 4
    for lines in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        kids.append(page_id)
        ops = [b"BT /F1 11 Tf 72 770 Td 14 TL"]
        for line in lines:
            esc = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
            ops.append(b"(" + esc + b") Tj T*")
        ops.append(b"ET")
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


def test_make_pdf_is_readable_by_pypdf():
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(make_pdf([["Hello there", "Second line"]])))
    assert "Hello there\nSecond line" in reader.pages[0].extract_text()


def test_pdf_text_layer(tmp_path):
    pdf = make_pdf([["Lower Brambleford Parish Council", "1. Apologies (none)",
                     "The Clerk’s report was noted."]])
    doc = read_document(write(tmp_path, "m.pdf", pdf))
    assert doc.format == "pdf"
    assert doc.text == ("Lower Brambleford Parish Council\n1. Apologies (none)\n"
                        "The Clerk’s report was noted.")
    assert doc.meta["pages"] == 1 and doc.meta["page_starts"] == [0]


def test_pdf_running_header_and_footer_removed(tmp_path):
    topics = ["Apologies for absence", "Finance and budget", "Planning applications",
              "Highways and footpaths"]
    pages = [
        ["Harbour Board - Minutes", f"{n}. {topic}", f"The Board discussed {topic.lower()}.",
         f"Page {n} of 4"]
        for n, topic in enumerate(topics, 1)
    ]
    doc = read_document(write(tmp_path, "m.pdf", make_pdf(pages)))
    # the letterhead stays once, where it heads the first page; never inside the text
    assert doc.text.count("Harbour Board - Minutes") == 1
    assert doc.text.startswith("Harbour Board - Minutes\n1. Apologies")
    assert "Page " not in doc.text
    assert doc.text.split("\n\n") == [("Harbour Board - Minutes\n" if n == 1 else "")
                                      + f"{n}. {topic}\nThe Board discussed {topic.lower()}."
                                      for n, topic in enumerate(topics, 1)]
    assert [doc.text[s:].split("\n")[0] for s in doc.meta["page_starts"]] == [
        "Harbour Board - Minutes"] + [f"{n}. {topic}" for n, topic in enumerate(topics, 1)][1:]


# (pages, expected): running lines go from inside the text and come back once, the head
# at the top of the first page and the foot at the foot of the last; page marks do not
_FURNITURE = [
    ("Oakham Harbour Trust\n1. Apologies\nNone.\nRegistered charity 1234 regulated by the OSCR\f"
     "Oakham Harbour Trust\n2. Finance\nNoted.\nRegistered charity 1234 regulated by the OSCR\f"
     "Oakham Harbour Trust\n3. Close\nEnded.\nRegistered charity 1234 regulated by the OSCR",
     "Oakham Harbour Trust\n1. Apologies\nNone.\n\n2. Finance\nNoted.\n\n3. Close\nEnded.\n\n"
     "Registered charity 1234 regulated by the OSCR"),
    ("Minutes of Brackley Residents Forum\n1. Welcome\nPage 1 of 3\f"
     "Minutes of Brackley Residents Forum\n2. Parking\nPage 2 of 3\f"
     "Minutes of Brackley Residents Forum\n3. Close\nPage 3 of 3",
     "Minutes of Brackley Residents Forum\n1. Welcome\n\n2. Parking\n\n3. Close"),
]


@pytest.mark.parametrize("raw,expected", _FURNITURE)
def test_running_lines_kept_once_where_first_met(raw, expected):
    from kg.read.text import clean_page_furniture
    assert clean_page_furniture(raw) == expected


def test_running_lines_need_three_pages_and_sixty_percent():
    two = ["Header\nbody one", "Header\nbody two"]
    assert strip_running_lines(two) == two
    body = ["Apologies\nFinance\nRoads\nSchools", "Budget\nParks\nLibrary\nWaste",
            "Housing\nPolice\nFlooding\nLighting", "Trees\nBins\nBuses\nHall",
            "Grants\nAudit\nRisk\nClose"]
    five = [f"Header\n{b}\nPage {i} of 5" for i, b in enumerate(body[:3], 1)]
    five += [f"Other\n{b}\nFooter {i}" for i, b in enumerate(body[3:], 4)]
    out = strip_running_lines(five)
    assert out[0] == body[0]  # header and "Page # of #" on 3 of 5 pages = 60%
    assert out[3] == "Other\n" + body[3] + "\nFooter 4"
    four = [f"Header\n{b}" for b in body[:2]] + [f"Kept\n{b}" for b in body[2:4]]
    assert strip_running_lines(four)[2].startswith("Kept\n")  # 2 of 4 pages < 60%
    mid = [f"Title {i}\nA\nSame middle line\nB\nEnd {i}x" for i in "abc"]
    assert "Same middle line" in strip_running_lines(mid)[0]  # only edges are dropped


def test_pdf_without_text_layer(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "scan.pdf", buf.getvalue()))
    assert "has no text layer" in reason(e) and "ocrmypdf" in reason(e)


def test_truncated_pdf_is_damaged(tmp_path, capfd):
    pdf = make_pdf([["Some minutes"] * 20] * 3)
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "cut.pdf", pdf[: len(pdf) // 2]))
    assert "damaged" in reason(e)
    assert capfd.readouterr().err == ""  # no pypdf warnings leak to stderr


@pytest.mark.parametrize("password", ["", "secret"])
def test_encrypted_pdf(tmp_path, password):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(make_pdf([["Confidential minutes"]]))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    p = write(tmp_path, "locked.pdf", buf.getvalue())
    if password:
        with pytest.raises(InputError) as e:
            read_document(p)
        assert "password-protected" in reason(e)
    else:  # an empty user password only restricts editing: the text is readable
        assert read_document(p).text == "Confidential minutes"


def test_garbage_with_pdf_extension_is_damaged(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + b"nonsense " * 50 + b"\n%%EOF\n"))
    assert "damaged" in reason(e)


# --- DOCX ------------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = "Governors Meeting"
    d.add_paragraph("Minutes of the Full Governing Body of Elmfield Primary School")
    d.add_paragraph("Apologies", style="List Number")
    d.add_paragraph("Headteacher’s report", style="List Number")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("ACTION", "BY WHOM", "BY WHEN"),
                             ("Circulate the safeguarding policy", "Clerk", "1 May 2026"),
                             ("Book the governor training", "Chair", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Meeting closed at 8.15pm.")
    d.save(path)
    return path


def test_docx_paragraphs_and_action_table_in_body_order(tmp_path):
    doc = read_document(make_docx(tmp_path / "gov.docx"))
    assert doc.format == "docx"
    assert doc.title == "Governors Meeting"
    assert doc.text.split("\n") == [
        "Minutes of the Full Governing Body of Elmfield Primary School",
        "1. Apologies",
        "2. Headteacher’s report",
        "ACTION | BY WHOM | BY WHEN",
        "Circulate the safeguarding policy | Clerk | 1 May 2026",
        "Book the governor training | Chair | ",
        "Meeting closed at 8.15pm.",
    ]


def test_docx_merged_cells_listed_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Actions arising"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Order signs", "Clerk", "June"
    d.save(tmp_path / "m.docx")
    assert read_document(tmp_path / "m.docx").text == "Actions arising\nOrder signs | Clerk | June"


def test_docx_letterhead_and_footer_read_once(tmp_path):
    """A Word header and footer print on every page; they are read once, the header first and
    the footer last, since they may be the only place the body is named."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Oakham Harbour Trust"
    d.sections[0].footer.paragraphs[0].text = "Registered charity 1234 regulated by the OSCR"
    d.sections[0].footer.add_paragraph("Page 1")
    d.add_paragraph("1. Apologies")
    d.add_paragraph("None received.")
    d.save(tmp_path / "t.docx")
    assert read_document(tmp_path / "t.docx").text == (
        "Oakham Harbour Trust\n\n1. Apologies\nNone received.\n\nRegistered charity 1234 regulated by the OSCR")


def test_corrupt_docx(tmp_path):
    data = (make_docx(tmp_path / "ok.docx")).read_bytes()
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "bad.docx", data[: len(data) // 2]))
    assert "damaged" in reason(e)
    with pytest.raises(InputError) as e:
        read_document(write(tmp_path, "text.docx", MINUTES))
    assert "not a Word .docx" in reason(e)


# --- finding sources -------------------------------------------------------------


def test_iter_sources_recurses_sorted_skips_hidden_and_unsupported(tmp_path):
    root = tmp_path / "minutes"
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b/2.txt", "b/1.md", "a.html", "c.pdf", "notes.csv", ".hidden.txt",
                 ".git/x.txt", "~$lock.docx", "z.docx"):
        (root / name).write_text("x")
    found = [p.relative_to(root).as_posix() for p in iter_sources([root])]
    assert found == ["a.html", "b/1.md", "b/2.txt", "c.pdf", "z.docx"]


def test_iter_sources_survives_symlink_loop(tmp_path):
    root = tmp_path / "minutes"
    sub = root / "sub"
    sub.mkdir(parents=True)
    (sub / "m.txt").write_text(MINUTES)
    os.symlink(root, sub / "loop")  # sub/loop -> minutes: a cycle
    os.symlink(sub / "m.txt", root / "alias.txt")  # the same file twice
    found = list(iter_sources([root, sub / "m.txt"]))
    assert len(found) == 1
    assert found[0].resolve() == (sub / "m.txt").resolve()


def test_iter_sources_reports_missing_paths(tmp_path):
    good = write(tmp_path, "m.txt", MINUTES)
    write(tmp_path, "x.doc", b"old word file")
    with pytest.raises(InputError) as e:
        list(iter_sources([tmp_path / "absent.txt"]))
    assert "does not exist" in reason(e)
    errors: list[InputError] = []
    found = list(iter_sources([tmp_path / "absent", good, tmp_path / "x.doc"], on_error=errors.append))
    assert found == [good]
    assert [Path(err.path).name for err in errors] == ["absent", "x.doc"]
    assert "does not exist" in errors[0].reason and "not supported" in errors[1].reason


def test_iter_sources_accepts_a_single_path(tmp_path):
    good = write(tmp_path, "m.txt", MINUTES)
    assert list(iter_sources(str(good))) == [good]


@pytest.mark.parametrize("pages, first_page", [
    # a trust's letterhead and dated title on every page: the first page keeps them as its heading
    (["ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\nPresent Mr T Vale (TV)\n1. Apologies\nNone\nPage end",
      "ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\n5. Treasurer\nAccounts noted.\nCosts agreed.\nMore",
      "ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\n9. Close\nMeeting closed at 9pm\nSigned\nDated"],
     "ASHCOMBE MARKET TRUST\nMINUTES 4 JUNE 2014\nPresent Mr T Vale (TV)\n1. Apologies\nNone\nPage end"),
    # a three-line letterhead whose dated third line the strip peels in a second round
    (["ASHCOMBE MARKET TRUST\nREGISTERED CHARITY NO 234567\nMINUTES 6 MAY 2015 APPROVED & SIGNED 8 JULY 2015\n"
      "Present\nMr T Vale (TV)\nend 1", "ASHCOMBE MARKET TRUST\nREGISTERED CHARITY NO 234567\nMINUTES 6 MAY 2015 "
      "APPROVED & SIGNED 8 JULY 2015\n5. Treasurer\nNoted.\nend 2", "ASHCOMBE MARKET TRUST\nREGISTERED CHARITY NO "
      "234567\nMINUTES 6 MAY 2015 APPROVED & SIGNED 8 JULY 2015\n9. Close\nClosed at 9pm\nend 3"],
     "ASHCOMBE MARKET TRUST\nREGISTERED CHARITY NO 234567\nMINUTES 6 MAY 2015 APPROVED & SIGNED 8 JULY 2015\n"
     "Present\nMr T Vale (TV)"),  # ("end 1", "end 2": a paged footer, gone)
    # a residents' association's two-line title repeated at the head of each page
    (["Kelby Residents’ Association and Estates meeting\nMinutes of the meeting held on 3 March\nThose present\n"
      "Ann Lee, Chair\nx1\nx2", "Kelby Residents’ Association and Estates meeting\nMinutes of the meeting held on 3 "
      "March\n4. Parking\nNoted.\ny1\ny2", "Kelby Residents’ Association and Estates meeting\nMinutes of the meeting "
      "held on 3 March\n7. AOB\nNone.\nz1\nz2"],
     "Kelby Residents’ Association and Estates meeting\nMinutes of the meeting held on 3 March\nThose present\n"
     "Ann Lee, Chair\nx1\nx2"),
    # a head that counts the pages is furniture, and so is a footer, on the first page too
    (["P a g e | 1\nMINUTES OF THE MEETING OF ASH PARISH COUNCIL\nPresent:\nCllr A Moss\nAsh PC minutes May",
      "P a g e | 2\n4. Planning\nNone.\nNoted.\nAsh PC minutes May", "P a g e | 3\n8. Close\nDone.\nSigned.\n"
      "Ash PC minutes May"],
     "MINUTES OF THE MEETING OF ASH PARISH COUNCIL\nPresent:\nCllr A Moss"),
])
def test_first_page_keeps_its_running_head(pages, first_page):
    from kg.read.text import keep_letterhead
    assert keep_letterhead(pages, strip_running_lines(pages))[0] == first_page


@pytest.mark.parametrize("raw, expected", [
    # a community council's minutes kept as text for its web page: HTML breaks and entities
    ("Present: Cllrs Marsh, Quint &amp; the Clerk.<br /><br />3101.Police Report:  Attached.<br />"
     "Hall hire - &pound;36 (Ch. No. 301)<br>All approved.",
     "Present: Cllrs Marsh, Quint & the Clerk.\n\n3101.Police Report:  Attached.\n"
     "Hall hire - £36 (Ch. No. 301)\nAll approved."),
    # Markdown pages: inline tags and no-break spaces a converter left ("95<sup>th</sup>")
    ("# 2.&nbsp;&nbsp;Consent\nthe 95<sup>th</sup> St station and <em>Oak Row</em>",
     "# 2.\xa0\xa0Consent\nthe 95th St station and Oak Row"),
    # other angle brackets and ampersands are text
    ("See <https://example.org/minutes> for R&D costs < 5% & rising", "See <https://example.org/minutes> for R&D costs < 5% & rising"),
])
def test_html_left_in_text(raw, expected):
    from kg.read.text import html_in_text
    assert html_in_text(raw) == expected
