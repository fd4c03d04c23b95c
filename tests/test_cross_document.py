"""Many meetings of one body become one connected graph: people link across documents."""
from __future__ import annotations

from kg.pipeline import build_into_store
from kg.query import run_named
from kg.store import GraphStore

FIRST = """RIVERSIDE PARISH COUNCIL Minutes of the meeting held on 3 March 2025

Present: Cllr Ann Lee (Chair) Cllr Raj Patel Jo Bright (Clerk)

12/25 Footpaths
Julia Hassall, of the county rights of way team, said that she will survey the stile.
"""

SECOND = """RIVERSIDE PARISH COUNCIL Minutes of the meeting held on 7 April 2025

Present: Cllr Ann Lee (Chair) Cllr Raj Patel Jo Bright (Clerk)

19/25 Footpaths
J Hassall reported that the stile had been surveyed. Cllr Raj Patel agreed to thank her.
"""


def test_a_later_meeting_links_to_people_already_stored(tmp_path):
    (tmp_path / "a.txt").write_text(FIRST)
    (tmp_path / "b.txt").write_text(SECOND)
    store = tmp_path / "store"
    build_into_store([str(tmp_path / "a.txt")], str(store))
    build_into_store([str(tmp_path / "b.txt")], str(store))
    with GraphStore(store, read_only=True) as st:
        _, people = run_named(st, "people")
        _, meetings = run_named(st, "meetings")
    hassall = {r["person"] for r in people if "Hassall" in r.get("mention", "")}
    assert len(hassall) == 1, people  # "J Hassall" in April is the "Julia Hassall" of March
    assert {r["mention"] for r in people if r["person"] in hassall} == {"Julia Hassall", "J Hassall"}
    patel = {r["person"] for r in people if "Patel" in r.get("mention", "")}
    assert len(patel) == 1
    assert len({r["meeting"] for r in meetings}) == 2
