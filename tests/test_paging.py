"""Listing queries page their rows: --limit/--offset give the query's own rows, in its order."""
from __future__ import annotations

import json

import pytest

from kg.errors import QueryError
from kg.query import from_text, get_named, run

from .conftest import cli_runner


@pytest.mark.parametrize("name", ["people", "organisations", "items", "statements"])
def test_pages_put_together_are_the_whole_listing(founding, name):
    nq = get_named(name)
    cols, whole = run(founding, nq)
    assert len(whole) > 5
    pages = []
    for offset in range(0, len(whole) + 3, 3):
        c, page = run(founding, nq, limit=3, offset=offset)
        assert c == cols and len(page) <= 3
        pages.extend(page)
    assert pages == whole
    assert run(founding, nq, limit=0)[1] == []
    assert run(founding, nq, offset=len(whole))[1] == []


def test_a_query_with_its_own_limit_is_not_paged_twice(founding):
    nq = from_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3 # three")
    assert len(run(founding, nq)[1]) == 3
    with pytest.raises(QueryError, match="own LIMIT"):
        run(founding, nq, limit=2)


def test_the_cli_pages_a_named_query(founding_store):
    runner = cli_runner()
    args = ["query", "--name", "people", "--store", str(founding_store), "--format", "json"]
    whole = json.loads(runner.invoke(__import__("kg.cli", fromlist=["main"]).main, args).output)
    res = runner.invoke(__import__("kg.cli", fromlist=["main"]).main, args + ["--limit", "3", "--offset", "2"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == whole[2:5]
    bad = runner.invoke(__import__("kg.cli", fromlist=["main"]).main, args + ["--limit", "-1"])
    assert bad.exit_code == 2
