"""Build hygiene: what a folder build reads, what counts as one meeting, when a document is
rebuilt, and what a failed build leaves behind.  Minutes are invented, written into tmp_path."""
from __future__ import annotations

import json
import re

import pytest

from kg.pipeline import build_into_store
from kg.read import iter_sources, not_minutes
from tests.conftest import govkg

MINUTES = """Minutes of the Meeting of Brackenford Parish Council
held on 4 March 2021 at the Village Hall

Present: Cllr A Pemberton (Chair), Cllr J Okafor, Cllr R Lindqvist

1. Apologies
Apologies were received from Cllr S Varga.

2. Footpaths
RESOLVED: that the Clerk obtains quotes for the stile repair.
"""


def minutes_text(n: int = 0) -> str:
    return MINUTES.replace("4 March", f"{4 + n} March")


def ok(result):
    assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr, result.exception)
    return result


@pytest.mark.parametrize("name, skipped", [
    ("README.md", True),
    ("readme.txt", True),
    ("SOURCES.md", True),
    ("LICENSE", True),
    ("LICENCE.txt", True),
    ("CHANGELOG.md", True),
    ("QUESTIONS.md", True),
    ("TODO.txt", True),
    ("CONTRIBUTING.md", True),
    ("questions-for-the-clerk-2021-03-04.txt", False),
    (".notes.txt", True),
    ("answers.json", True),
    ("council-2021-03-04.gold.json", True),
    ("council-2021-03-04.md", False),
    ("minutes.txt", False),
    ("agenda-and-minutes.pdf", False),
])
def test_not_minutes_by_name(name, skipped):
    assert not_minutes(name) is skipped


def test_folder_build_skips_what_is_not_minutes_and_says_so(tmp_path):
    src = tmp_path / "src"
    (src / ".git").mkdir(parents=True)
    (src / ".git" / "HEAD").write_text("ref: main\n")
    (src / "council-2021-03-04.md").write_text(minutes_text())
    (src / "README.md").write_text("# These are the minutes we collected\n")
    (src / "LICENSE").write_text("Open Government Licence\n")
    (src / "council-2021-03-04.gold.json").write_text("{}")
    store = tmp_path / "store"
    r = ok(govkg("build", str(src), "--store", str(store)))
    lines = [line for line in r.stdout.splitlines() if line.startswith("skipped ")]
    assert len(lines) == 1, r.stdout
    m = re.fullmatch(r"skipped (\d+) files that are not minutes: (.*)", lines[0])
    assert m and int(m.group(1)) == 4, lines[0]
    for name in ("README.md", "LICENSE", "council-2021-03-04.gold.json", ".git"):
        assert name in m.group(2)
    assert "1 built" in r.stdout
    assert not re.search(r"^built .*README", r.stdout, re.M)


def test_a_file_named_explicitly_is_read_whatever_its_name(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(minutes_text())
    skipped = []
    assert list(iter_sources([readme], on_skip=skipped.append)) == [readme]
    assert skipped == []


def test_same_minutes_under_two_names_in_one_build_are_one_meeting(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(minutes_text())
    (src / "b.txt").write_text(minutes_text())
    report = build_into_store([str(src)], str(tmp_path / "store"))
    by = {r.path.rsplit("/", 1)[-1]: r for r in report.results}
    assert by["a.txt"].status == "built"
    assert by["b.txt"].status == "same" and by["b.txt"].same_as.endswith("a.txt")
    assert len(report.built) == 1


def test_same_minutes_already_stored_under_another_path_are_not_built_again(tmp_path):
    store = str(tmp_path / "store")
    (tmp_path / "a.txt").write_text(minutes_text())
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "a-renamed.txt").write_text(minutes_text())
    (tmp_path / "other.txt").write_text(minutes_text(1))
    ok(govkg("build", str(tmp_path / "a.txt"), "--store", store))
    r = ok(govkg("build", str(tmp_path / "copy" / "a-renamed.txt"), str(tmp_path / "other.txt"), "--store", store))
    assert re.search(r"^not built .*a-renamed\.txt: same as .*a\.txt$", r.stdout, re.M), r.stdout
    assert re.search(r"^built .*other\.txt", r.stdout, re.M)
    meetings = json.loads(ok(govkg("query", "--name", "meetings", "--format", "json", "--store", store)).stdout)
    assert len(meetings) == 2


def test_the_same_path_rebuilt_with_force_is_not_its_own_duplicate(tmp_path):
    store = str(tmp_path / "store")
    (tmp_path / "a.txt").write_text(minutes_text())
    build_into_store([str(tmp_path / "a.txt")], store)
    report = build_into_store([str(tmp_path / "a.txt")], store, force=True)
    assert [r.status for r in report.results] == ["built"]


@pytest.mark.parametrize("first, second", [
    ({}, {"body": "Brackenford Parish Council"}),
    ({"date": "2021-03-04"}, {"date": "2021-03-05"}),
    ({"body": "Brackenford Parish Council"}, {}),
])
def test_changing_body_or_date_rebuilds_without_force(tmp_path, first, second):
    store = str(tmp_path / "store")
    (tmp_path / "a.txt").write_text(minutes_text())
    assert [r.status for r in build_into_store([str(tmp_path / "a.txt")], store, **first).results] == ["built"]
    again = build_into_store([str(tmp_path / "a.txt")], store, **first)
    assert [r.status for r in again.results] == ["unchanged"]
    changed = build_into_store([str(tmp_path / "a.txt")], store, **second)
    assert [r.status for r in changed.results] == ["built"]


def test_a_build_that_builds_nothing_leaves_no_new_store(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"this is not a Word file")
    store = tmp_path / "store"
    r = govkg("build", str(bad), "--store", str(store))
    assert r.exit_code == 1
    assert not store.exists()


def test_a_failed_build_never_removes_an_existing_store(tmp_path):
    (tmp_path / "a.txt").write_text(minutes_text())
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"this is not a Word file")
    store = tmp_path / "store"
    ok(govkg("build", str(tmp_path / "a.txt"), "--store", str(store)))
    assert govkg("build", str(bad), "--store", str(store)).exit_code == 1
    assert store.is_dir()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert govkg("build", str(bad), "--store", str(empty)).exit_code == 1
    assert empty.is_dir()


def _stderr_on_pty(args: list[str]) -> tuple[int, bytes]:
    """Run govkg with stderr on a fresh pseudo-terminal, which reports a size of 0 x 0
    (as an unsized CI or `script` terminal does); its exit code and what stderr showed."""
    import os
    import select
    import subprocess
    import sys
    pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX only")
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", *args],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    shown = b""
    try:
        while select.select([master], [], [], 120)[0]:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
        code = proc.wait(timeout=120)
    return code, shown


def test_the_progress_bar_shows_on_a_terminal_that_reports_no_size(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n in range(3):
        (src / f"m{n}.txt").write_text(minutes_text(n))
    code, shown = _stderr_on_pty(["build", str(src), "--store", str(tmp_path / "store")])
    assert code == 0
    assert b"3/3" in shown and b"doc" in shown, shown
    # the steps after the documents, silent under a finished bar before (minutes on a large
    # store), say what the build is doing
    assert b"linking actions to their report-backs across 1 body" in shown, shown
    assert b"bringing the text index in step with the store" in shown, shown


def test_no_step_lines_when_stderr_is_not_a_terminal(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "m0.txt").write_text(minutes_text(0))
    result = govkg("build", str(src), "--store", str(tmp_path / "store"))
    assert result.exit_code == 0 and "linking actions" not in result.output + (result.stderr or "")


def test_identical_files_that_fail_each_fail_with_their_own_reason(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_bytes(b"")
    (src / "b.txt").write_bytes(b"")
    (src / "c.txt").write_text(minutes_text())
    report = build_into_store([str(src)], str(tmp_path / "store"))
    failed = {r.path.rsplit("/", 1)[-1]: r.error for r in report.failed}
    assert set(failed) == {"a.txt", "b.txt"}
    assert failed["b.txt"].startswith(str(src / "b.txt")) and "empty" in failed["b.txt"]
    assert len(report.built) == 1


# -- a folder's files judged by what they say, not only by their name --------------------------
# Every text here is invented.  Each minutes style is one seen in the minutes of at least two
# bodies of different kinds; each non-minutes text carries the words that could pass for a mark
# (a licence's "ACTION OF CONTRACT", "agreed to in writing", a version date; a README's
# numbered steps; an agenda's "Apologies for absence" and "To approve the minutes").

MINUTES_STYLES = {
    "parish, RESOLVED": MINUTES,
    "board, attendee initials and action lines": """Quarry Lane Trust Board
Meeting of 12 May 2022

Attendees: Mira Ostrander (MO), Tobias Fenwick (TF), Ada Kowalczyk (AK)

1 Finance update
TF took the board through the quarter's accounts.
ACTION: AK to circulate the revised budget.
""",
    "US council, motion carried": """CITY OF ELMSWORTH
REGULAR COUNCIL MEETING
January 14, 2025

ROLL CALL
Present: Mayor Dana Whitlock, Councilmember Raj Halvorsen, Councilmember Lucia Brandt

CONSENT CALENDAR
Moved by Halvorsen, seconded by Brandt, to approve the consent calendar. Motion carried 3-0.
""",
    "AGM, minutes approved and questions": """Annual General Meeting of the Fernhill Residents' Association

The minutes of the last AGM were approved.
Ms Ines Caldwell asked whether the hedge survey would be repeated.
The Chair replied that it would be done in the spring.
""",
    "committee, agreed and apologies": """Minutes of the Allotments Committee, 3rd October 2019

Apologies were received from Peter Quigley.
It was agreed that the water troughs be replaced before winter.
""",
}

NOT_MINUTES = {
    "a project's README": """# brackenford-tools

Tools for the parish website. Released 4 March 2021.

## Install
1. Clone the repository
2. Run the installer
3. Open the settings page

Attendance figures for events are kept in a spreadsheet, not here.
""",
    "a licence": """Garden Licence, Version 2, 29 June 2007

1. Definitions. "Work" means the garden plans given under this licence.
2. Grant. Unless required by law or agreed to in writing, the Work is given as is.
3. Liability. IN NO EVENT SHALL THE AUTHORS BE LIABLE, WHETHER IN AN ACTION OF CONTRACT
OR OTHERWISE, FOR ANY CLAIM ARISING FROM THE WORK.
""",
    "a CSV saved as text": """date,body,decision,owner
2021-03-04,Brackenford Parish Council,repair the stile,Clerk
2021-04-01,Brackenford Parish Council,order the bins,Cllr Okafor
""",
    "a project's docs": """Design notes

The reader turns each file into text. It was released on 2 June 2023 after review.
Items are numbered as the minutes number them; decisions and actions are found by rules.
See the action tracker for how an action's status is shown.

Decision
We keep one store per council.
""",
    "an agenda with no minutes": """AGENDA

A meeting of Brackenford Parish Council will be held on Thursday 4 March 2021 at 7pm.

1. Apologies for absence
2. Declarations of interest
3. To approve the minutes of the meeting held on 4 February 2021
4. Footpaths: to consider quotes for the stile repair
5. Date of the next meeting
""",
    "nothing but a title": "Photographs of the village fete\n",
}


@pytest.mark.parametrize("style", sorted(MINUTES_STYLES))
def test_minutes_in_many_styles_read_as_minutes(style):
    from kg.read.marks import minutes_like
    assert minutes_like(MINUTES_STYLES[style]) is None


@pytest.mark.parametrize("kind", sorted(NOT_MINUTES))
def test_files_that_are_not_minutes_say_why(kind):
    from kg.read.marks import minutes_like
    why = minutes_like(NOT_MINUTES[kind])
    assert why and len(why.splitlines()) == 1


def _mixed_folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, style in enumerate(sorted(MINUTES_STYLES)):
        (src / f"minutes-{n}.txt").write_text(MINUTES_STYLES[style])
    names = {}
    for n, kind in enumerate(sorted(NOT_MINUTES)):
        name = f"notes-{n}.md" if n % 2 else f"page-{n}.txt"
        (src / name).write_text(NOT_MINUTES[kind])
        names[name] = kind
    return src, names


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_folder_build_skips_files_whose_text_is_not_minutes_and_names_each(tmp_path, jobs):
    src, names = _mixed_folder(tmp_path)
    r = ok(govkg("build", str(src), "--store", str(tmp_path / "store"), "--jobs", str(jobs)))
    built = set(re.findall(r"^built .*/(\S+): \d+ triples$", r.stdout, re.M))
    skipped = set(re.findall(r"^skipped .*/(\S+): not minutes: \S.*$", r.stdout, re.M))
    assert built == {f"minutes-{n}.txt" for n in range(len(MINUTES_STYLES))}, r.stdout
    assert skipped == set(names), r.stdout
    assert f"{len(MINUTES_STYLES)} built, 0 unchanged, 0 failed, {len(NOT_MINUTES)} skipped" in r.stdout
    meetings = json.loads(ok(govkg("query", "--name", "meetings", "--format", "json",
                                   "--store", str(tmp_path / "store"))).stdout)
    assert len(meetings) == len(MINUTES_STYLES)


def test_a_file_named_that_is_not_minutes_is_built_with_a_warning(tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(NOT_MINUTES["an agenda with no minutes"])
    r = ok(govkg("build", str(agenda), "--store", str(tmp_path / "store")))
    assert re.search(r"^built .*agenda\.txt", r.stdout, re.M)
    warning = [line for line in r.stderr.splitlines() if "does not read like minutes" in line]
    assert len(warning) == 1 and warning[0].startswith("govkg: warning: ") and "built as asked" in warning[0]


def test_a_folder_of_nothing_but_non_minutes_is_an_error_and_leaves_no_store(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "about.md").write_text(NOT_MINUTES["a project's README"])
    store = tmp_path / "store"
    r = govkg("build", str(src), "--store", str(store))
    assert r.exit_code == 1
    assert "skipped" in r.stdout and "about.md" in r.stdout
    assert len(r.stderr.strip().splitlines()) == 1 and "not minutes" in r.stderr
    assert not store.exists()


def test_two_copies_of_a_non_minutes_file_are_both_skipped(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(NOT_MINUTES["a licence"])
    (src / "b.txt").write_text(NOT_MINUTES["a licence"])
    (src / "m.txt").write_text(minutes_text())
    report = build_into_store([str(src)], str(tmp_path / "store"))
    status = {r.path.rsplit("/", 1)[-1]: r.status for r in report.results}
    assert status == {"a.txt": "skipped", "b.txt": "skipped", "m.txt": "built"}
    assert report.not_minutes[1].error.startswith(str(src / "b.txt"))


def _corpus_minutes():
    from tests.conftest import CORPUS
    from kg.read import SUPPORTED, not_minutes
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED
                  and not not_minutes(p.name))


@pytest.mark.parametrize("path", _corpus_minutes() or [None], ids=lambda p: p.name if p else "absent")
def test_every_minutes_file_of_the_corpus_reads_as_minutes(path):
    if path is None:
        pytest.skip("the development corpus is absent (it is not part of the project)")
    from kg.read import read_document
    from kg.read.marks import minutes_like
    assert minutes_like(read_document(path).text) is None
