"""Every promise in tests/GUARANTEES.md and README's "What govkg guarantees" names tests that exist.

A promise whose test was renamed or removed is no longer proved by anything; the names are
read as the documents write them: `test_file.py::test_name`, then `::test_name` for more
tests of the same file.
"""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAMED = re.compile(r"`(?:(test_\w+)\.py)?::(test_\w+)`|`(test_\w+)\.py`")


def named_tests(text: str) -> list[tuple[str, str]]:
    """(file stem, test name) for each test the text names, in order."""
    out, current = [], None
    for m in NAMED.finditer(text):
        if m.group(3):
            current = m.group(3)
            continue
        current = m.group(1) or current
        out.append((current, m.group(2)))
    return out


@lru_cache(maxsize=None)
def defined_tests(stem: str) -> frozenset[str]:
    tree = ast.parse((ROOT / "tests" / f"{stem}.py").read_text(encoding="utf-8"))
    return frozenset(n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))


def guarantees(doc: str) -> str:
    text = (ROOT / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        start = text.index("## What govkg guarantees")
        end = text.find("\n## ", start + 1)
        text = text[start:end if end > 0 else None]
    return text


@pytest.mark.parametrize("doc", ["tests/GUARANTEES.md", "README.md"])
def test_every_named_test_exists(doc):
    named = named_tests(guarantees(doc))
    assert len(named) > 20, named  # the section was found and read
    missing = [f"{stem}.py::{name}" for stem, name in named
               if not (ROOT / "tests" / f"{stem}.py").exists() or name not in defined_tests(stem)]
    assert missing == [], missing


def test_a_renamed_test_is_caught():
    text = "`test_guarantees.py::test_every_named_test_exists`, `::test_no_such_test`"
    assert named_tests(text) == [("test_guarantees", "test_every_named_test_exists"),
                                 ("test_guarantees", "test_no_such_test")]
    assert "test_no_such_test" not in defined_tests("test_guarantees")
