"""govkg review: what needs a person's eye, ranked, each row with the correction to paste."""
from __future__ import annotations

import json

import pytest

from kg.corrections import parse
from tests.conftest import FOUNDING, govkg

# minutes in the shape of a parish council's (the names are invented)
MINUTES = """LOWFIELD PARISH COUNCIL

Minutes of the meeting of Lowfield Parish Council held on Wednesday 3 March 2021 at 7.30pm in the Village Hall

Present: Cllr Jim Bell (Chair), Cllr Jimmy Bell, Cllr Ann Baker, Cllr Peter Gale
In attendance: Mrs R Holt (Clerk)

1. Apologies
Apologies were received from Cllr Tom Reed.

2. Footpaths
Cllr Jim Bell reported that the stile on footpath 4 was broken.
Action: Clerk to write to the County Council about the stile.
J Bell said that the bridleway was overgrown.
Action: J Bell to inspect the bridleway before the next meeting.

3. Playing field
The noticeboard needs to be repaired before the summer.
Action: to obtain quotes for the noticeboard.

4. Date of next meeting
The next meeting will be held on 7 April 2021.
"""


def _review(store, fmt="json"):
    r = govkg("review", "--store", store, "--format", fmt)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout) if fmt == "json" else r.stdout


@pytest.fixture
def lowfield(tmp_path):
    doc = tmp_path / "lowfield-pc-2021-03-03.txt"
    doc.write_text(MINUTES, "utf-8")
    store = tmp_path / "store"
    assert govkg("build", doc, "--store", store).exit_code == 0
    return doc, store


def test_rows_are_ranked_with_evidence_and_a_fix(lowfield):
    _doc, store = lowfield
    rows = _review(store)
    issues = [(r["issue"], r["subject"]) for r in rows]
    assert ("name fits several people", "J Bell") in issues
    assert ("may be one person", "Jim Bell / Jimmy Bell") in issues
    assert ("action without owner", "to obtain quotes for the noticeboard") in issues
    order = [i for i, _ in issues]
    assert order.index("name fits several people") < order.index("may be one person") < \
        order.index("action without owner")
    assert [r["rank"] for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    for r in rows:
        assert r["evidence"] and r["source"].endswith("lowfield-pc-2021-03-03.txt")
        assert r["fix"].startswith("[[")
    j_bell = next(r for r in rows if r["subject"] == "J Bell")
    assert "J Bell to inspect the bridleway" in j_bell["evidence"]
    assert '"Jim Bell"' in j_bell["fix"] and '"Jimmy Bell"' in j_bell["fix"]


def test_fixes_are_refused_until_a_person_signs_them(lowfield):
    _doc, store = lowfield
    text = _review(store, "toml")
    with pytest.raises(Exception) as e:
        parse(text, "c.toml")
    assert "by is empty" in str(e.value)
    signed = text.replace('by = ""', 'by = "Jo Reviewer"').replace('why = ""', 'why = "read the minutes"')
    signed = signed.replace('person = ""', 'person = "Ann Baker"').replace('owner = ""', 'owner = "Ann Baker"')
    signed = signed.replace('canonical = ""', 'canonical = "Tom Reed"')
    assert len(parse(signed, "c.toml").entries) == len(_review(store))


def test_review_and_correct_round_trip(lowfield):
    doc, store = lowfield
    rows = {r["subject"]: r for r in _review(store)}
    def signed(fix, **choose):
        fix = fix.replace('by = ""', 'by = "Jo Reviewer"').replace('why = ""', 'why = "the clerk confirmed"')
        for old, new in choose.items():
            fix = fix.replace(old, new)
        return fix
    chosen = [
        signed(rows["J Bell"]["fix"]),  # the first candidate offered: Jim Bell
        signed(rows["to obtain quotes for the noticeboard"]["fix"], **{'owner = ""': 'owner = "Ann Baker"'}),
        # Jim and Jimmy Bell are two councillors: keep them apart rather than merge
        '[[keep_apart]]\npeople = ["Jim Bell", "Jimmy Bell"]\nby = "Jo Reviewer"\nwhy = "two councillors"\n',
    ]
    (store / "corrections.toml").write_text("\n\n".join(chosen), "utf-8")
    r = govkg("build", doc, "--store", store)
    assert r.exit_code == 0 and "no longer applies" not in r.stderr, r.stderr
    after = {r["subject"] for r in _review(store)}
    assert "J Bell" not in after and "to obtain quotes for the noticeboard" not in after
    assert "Jim Bell / Jimmy Bell" not in after  # decided: not offered again
    actions = json.loads(govkg("query", "--name", "actions", "--store", store, "--format", "json").stdout)
    owners = {a["text"]: a.get("owner_name") for a in actions}
    assert owners["inspect the bridleway"] == "Jim Bell"
    assert owners["to obtain quotes for the noticeboard"] == "Ann Baker"


def test_founding_minutes_review_ranks_the_busiest_unresolved_name_first(founding_store):
    rows = _review(founding_store)
    partial = [r for r in rows if r["issue"] == "no full name"]
    assert partial
    facts = [int(r["facts"]) for r in partial]
    assert facts == sorted(facts, reverse=True)
    assert all(r["source"].endswith(FOUNDING.name) for r in rows)
    # a name known only in part is the least pressing: nothing ranks below it
    assert [r["issue"] for r in rows[len(rows) - len(partial):]] == ["no full name"] * len(partial)
    for r in partial:
        assert r["fix"].startswith(f'[[person]]\nname = "{r["subject"]}"\ncanonical = ""')


def test_review_table_and_csv(lowfield):
    _doc, store = lowfield
    table = _review(store, "table")
    assert "J Bell" in table and "(4 rows)" in table
    assert _review(store, "csv").splitlines()[0] == "rank,issue,subject,body,facts,evidence,source,fix"


@pytest.mark.parametrize("a, b, offered", [
    ("Jim Bell", "Jimmy Bell", True),  # a given name one shortens
    ("Ian McMath", "Iain McMath", True),  # a letter apart
    ("Ann Baker", "Ann Barker", True),  # a surname a letter apart
    ("Tom A", "Tom C", False),  # initials standing for two surnames
    ("Ann Baker", "Tom Baker", False),  # two given names
    ("Ann Baker", "Anne Walker", False),
])
def test_close_names_in_one_body(a, b, offered):
    from kg.resolve import parse_name
    from kg.review import _close_pairs, _Person
    people = [_Person(f"https://x/person/{i}", n, "https://x/body", "Lowfield Parish Council",
                      {f"https://x/fact/{i}": {"evidence": f"{n} reported."}}) for i, n in enumerate((a, b))]
    rows = _close_pairs([(p, parse_name(p.name, {})) for p in people])
    assert bool(rows) is offered
    if offered:
        assert rows[0].issue == "may be one person" and "[[merge]]" in rows[0].fix
        assert '# [[keep_apart]]' in rows[0].fix and '# by = ""' in rows[0].fix


def test_a_name_known_in_part_is_given_in_full_everywhere(tmp_path):
    """Tintern 2019: councillors by surname only ("Cllrs Hayward, Hillard, Richards"); the
    [[person]] fix review offers gives every form the minutes wrote one full name."""
    from tests.conftest import corpus_file
    doc = corpus_file("tintern-cc-2019-07-29.pdf")
    store = tmp_path / "store"
    assert govkg("build", doc, "--store", store).exit_code == 0
    rows = [r for r in _review(store) if r["issue"] == "no full name"]
    assert rows, "the reading now knows every councillor's full name"
    top = rows[0]
    surname = top["subject"].split()[-1]
    assert surname.casefold() in top["evidence"].casefold()  # the sentence shown names them
    people = json.loads(govkg("query", "--name", "people", "--store", store, "--format", "json").stdout)
    forms = {r["mention"] for r in people if r["name"] == top["subject"]}
    fix = top["fix"].replace('canonical = ""', f'canonical = "Pat {surname}"')
    (store / "corrections.toml").write_text(
        fix.replace('by = ""', 'by = "Jo Reviewer"').replace('why = ""', 'why = "the council\'s list of members"'),
        "utf-8")
    r = govkg("build", doc, "--store", store)
    assert r.exit_code == 0 and "no longer applies" not in r.stderr, r.stderr
    people = json.loads(govkg("query", "--name", "people", "--store", store, "--format", "json").stdout)
    assert {r["mention"] for r in people if r["name"] == f"Pat {surname}"} >= forms
    assert not [r for r in people if r["name"] == top["subject"]]
    assert top["subject"] not in {r["subject"] for r in _review(store)}
