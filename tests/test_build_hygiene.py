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
