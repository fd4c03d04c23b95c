"""A long answer is paged: the table shows the first answers and says how many more there
are and how to see them; --all shows every one; other formats give every row unless told."""
from __future__ import annotations

import json

from kg.cli import ASK_PAGE, main

from .conftest import cli_runner

QUESTION = "list the actions"


def _ask(store, *args):
    result = cli_runner().invoke(main, ["ask", QUESTION, "--store", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_table_shows_a_page_and_says_how_many_more(founding_store):
    every = json.loads(_ask(founding_store, "--format", "json"))
    assert 3 < len(every) <= ASK_PAGE
    page = _ask(founding_store, "--limit", "2")
    assert page.strip().splitlines()[-1] == \
        f"... and {len(every) - 2} more ({len(every)} in all): --limit {len(every)} or --all shows every one"
    whole = _ask(founding_store, "--all")
    assert "more (" not in whole and whole == _ask(founding_store)  # a short answer is shown whole
    assert page.startswith(whole.split("\n- ")[0].split("\n")[0])  # the same first answer
    assert len(page.splitlines()) < len(whole.splitlines())


def test_other_formats_give_every_row_unless_told(founding_store):
    every = json.loads(_ask(founding_store, "--format", "json"))
    assert json.loads(_ask(founding_store, "--format", "json", "--limit", "2")) == every[:2]
    assert len(_ask(founding_store, "--format", "ndjson").strip().splitlines()) == len(every)
    assert json.loads(_ask(founding_store, "--format", "json", "--all")) == every
