"""Listings printed as the engine hands rows out: the same text, row for row, as when every
row is held first."""
from __future__ import annotations

import json

import pytest

from kg.output import render, render_lines
from kg.query import get_named, run, stream

from .conftest import cli_runner

COLUMNS = ["meeting", "name", "role"]
ROWS = [
    {"meeting": "https://w3id.org/govkg/id/meeting/a", "name": "Ann Brook", "role": "chair"},
    {"meeting": "https://w3id.org/govkg/id/meeting/a", "name": "Tom \"TR\" Reed, Jr"},
    {"name": "Sara\nQuill", "role": "apologies"},
    {},
]


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
@pytest.mark.parametrize("rows", [[], ROWS[:1], ROWS])
def test_lines_put_together_are_the_rendered_rows(fmt, rows):
    assert "\n".join(render_lines(COLUMNS, iter(rows), fmt)) == render(COLUMNS, rows, fmt)


@pytest.mark.parametrize("name", ["people", "attendance", "statements"])
def test_a_streamed_listing_gives_the_rows_of_the_listing(founding, name):
    columns, rows = stream(founding, get_named(name))
    whole = run(founding, get_named(name))
    assert columns == whole[0]
    assert next(rows) == whole[1][0]  # handed out one at a time
    assert [whole[1][0], *rows] == whole[1]


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv"])
def test_the_cli_prints_the_same_text_streamed(founding, founding_store, fmt):
    from kg.cli import main
    res = cli_runner().invoke(main, ["query", "--name", "attendance", "--store", str(founding_store), "--format", fmt])
    assert res.exit_code == 0, res.output
    columns, rows = run(founding, get_named("attendance"))
    assert res.output == render(columns, rows, fmt) + "\n"
    if fmt == "json":
        assert json.loads(res.output) == rows
