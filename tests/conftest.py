"""Shared fixtures: the bundled founding minutes, the development corpus when present."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "data" / "minutes" / "wirral-childrens-trust-2016.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
STYLES = ROOT / "tests" / "fixtures" / "styles"


def corpus_file(name: str) -> Path:
    """A development-corpus file, or skip: the corpus lives beside the project, not in it."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not present (the development corpus is not part of the project)")
    return path


@pytest.fixture(scope="session", autouse=True)
def _no_terminal_width():
    """Tables are cut to the terminal's width (kg/output.py): the tests read them as they
    come with no terminal (160 columns), whatever terminal the suite is run from, in this
    process and the CLI processes tests start (a worker of pytest-xdist is given 80)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", "160")
        yield


@pytest.fixture(scope="session")
def founding_store(tmp_path_factory):
    """A store built once from the founding minutes, opened read-only per test."""
    from kg.pipeline import build_into_store
    store = tmp_path_factory.mktemp("founding") / "store"
    report = build_into_store([str(FOUNDING)], str(store))
    assert not report.failed, report.failed
    return store


@pytest.fixture(scope="session")
def all_unlabelled_store(tmp_path_factory):
    """One store of every minutes document in the corpus's unlabelled folder (the tables of
    questions over many bodies share it)."""
    folder = CORPUS / "unlabelled"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (the development corpus is not part of the project)")
    from kg.pipeline import build_into_store
    path = tmp_path_factory.mktemp("unlabelled") / "store"
    report = build_into_store([str(folder)], str(path))
    assert not report.failed, report.failed
    return path


@pytest.fixture(scope="session")
def built_store(tmp_path_factory):
    """`built_store(*paths)`: a store built from exactly those files or folders, once per
    session, whichever module asks first (a build of real minutes costs seconds; the same
    inputs give the same store).  Read it only: a test that changes a store works on
    `copy_store(built_store(...), tmp_path / "store")`.  Skips when an input is absent."""
    cache: dict[tuple[str, ...], Path] = {}

    def build(*paths) -> Path:
        key = tuple(str(p) for p in paths)
        if key not in cache:
            missing = [p for p in key if not Path(p).exists()]
            if missing:
                pytest.skip(f"{missing[0]} not present (the development corpus is not part of the project)")
            from kg.pipeline import build_into_store
            store = tmp_path_factory.mktemp("built") / "store"
            report = build_into_store(list(key), str(store))
            assert not report.failed, report.failed
            cache[key] = store
        return cache[key]
    return build


def store_of_texts(tmp_path_factory, label: str, texts: dict[str, str]) -> Path:
    """A store built from invented minutes, `{file name: text}`, written to a new folder
    (the name carries the body and date a file name gives)."""
    from kg.pipeline import build_into_store
    folder = tmp_path_factory.mktemp(label)
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    report = build_into_store(paths, str(folder / "store"))
    assert not report.failed, report.failed
    return folder / "store"


def assert_answered(store, question: str, must: str, where: str | None = None):
    """Ask `question` of `store` and assert the answer says `must` (a regular expression, searched
    in the answer without its "Looking only at ..." scope line), is no "Nothing in the graph
    mentions ...", has rows that all carry their evidence and, where `where` is given, a row
    of a meeting whose label matches it.  Returns the answer.  (The per-set tables of questions
    over invented minutes all check an answer so.)"""
    import re

    from kg.ask import answer
    ans = answer(store, question)
    text = ans.text()
    body = text.split("\n", 1)[1] if text.startswith("Looking only at") and "\n" in text else text
    assert "Nothing in the graph mentions" not in text, text
    assert re.search(must, body, re.M), text
    assert ans.rows and all(r.get("evidence") for r in ans.rows), text
    if where is not None:
        assert any(re.search(where, r.get("meeting_label", "")) for r in ans.rows), text
    return ans


@contextmanager
def read_only(path: Path):
    """A built store opened read-only, as `govkg ask` opens it."""
    from kg.store import GraphStore
    with GraphStore(str(path), read_only=True) as st:
        yield st


def copy_store(src: Path, dest: Path) -> Path:
    """A copy of a closed store folder to change freely (far cheaper than building again)."""
    shutil.copytree(src, dest)
    return dest


@pytest.fixture(scope="session")
def project_store(built_store):
    """The bundled minutes and the invented house-style fixtures: eleven bodies, none of
    them from the development corpus."""
    return built_store(FOUNDING, STYLES)


@pytest.fixture
def unlabelled(all_unlabelled_store):
    """That store, opened read-only as `govkg ask` opens it."""
    from kg.store import GraphStore
    with GraphStore(str(all_unlabelled_store), read_only=True) as st:
        yield st


@pytest.fixture
def founding(founding_store):
    from kg.store import GraphStore
    with GraphStore(founding_store, read_only=True) as st:
        yield st


def run_scorer(script: Path, *args) -> str:
    """What `python SCRIPT ARGS... --govkg CLI --json` prints (a scorer of ../shared/eval),
    run in this process with the CLI calls it makes run in-process too: starting a Python
    for each of its queries costs more than the query.  A command it runs that is not the
    CLI runs as a process, as asked.  An error exit fails the test."""
    import contextlib
    import io
    import runpy
    import subprocess
    import sys

    from kg.cli import main
    cli = [sys.executable, "-m", "kg.cli"]
    real_run = subprocess.run

    def run(cmd, *a, **kw):
        if not (isinstance(cmd, list) and cmd[:len(cli)] == cli):
            return real_run(cmd, *a, **kw)
        r = cli_runner().invoke(main, [str(c) for c in cmd[len(cli):]])
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception
        out, err = r.stdout, r.stderr
        if not (kw.get("text") or kw.get("universal_newlines") or kw.get("encoding")):
            out, err = out.encode(), err.encode()
        return subprocess.CompletedProcess(cmd, r.exit_code, out, err)

    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(subprocess, "run", run)
        mp.setattr(sys, "argv", [str(script), *map(str, args), "--govkg", " ".join(cli), "--json"])
        with contextlib.redirect_stdout(printed):
            try:
                runpy.run_path(str(script), run_name="__main__")
            except SystemExit as e:
                assert e.code in (0, None), f"{script.name} exited {e.code}: {printed.getvalue()[-400:]}"
    return printed.getvalue()


def cli_runner():
    """A CliRunner that keeps stderr apart from stdout on every click version."""
    from click.testing import CliRunner
    try:  # click < 8.2 mixes stderr into output unless told not to
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def govkg(*args, env=None):
    """Run the govkg CLI in-process with string arguments."""
    from kg.cli import main
    return cli_runner().invoke(main, [str(a) for a in args], env=env)
