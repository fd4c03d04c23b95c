"""Every post holding says where it came from: a gov:PostHolding derived from the line of the
minutes that names the holder in the post (an officers' line, an attendance entry, a
sentence), with the document and the offsets of that line.

Invented minutes in the shapes officers' lines take in real ones: "Officers:" after the
members on one line (a borough committee's), "Officers present: A (Clerk) and B (...)",
"In attendance: Officers: A – Clerk, ..." (an internal drainage board's), a heading with one
officer a line, "Also present: A (Clerk); B (...)" and a post named in the prose across a
line break (a church meeting's treasurer)."""
from __future__ import annotations

import re

import pytest

from tests.conftest import govkg, read_only, store_of_texts

HEAD = ("{body}\nMinutes of the meeting held on {day} May 2024 at 7.00pm in the Village Hall\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Raj Patel\n")
TAIL = "\n1. Planning\nThe applicant will be written to by 1 June 2024.\n"

SHAPES = {
    "one line": ("Present: Cllr Ann Lee (Chair), Cllr Raj Patel. Officers: Jo Bright (Clerk), "
                 "Sam Green (Planning Officer)\n", "Present: Cllr Ann Lee (Chair), Cllr Raj Patel. Officers: "
                 "Jo Bright (Clerk), Sam Green (Planning Officer)"),
    "officers present": ("Officers present: Jo Bright (Clerk) and Sam Green (Planning Officer)\n",
                         "Officers present: Jo Bright (Clerk) and Sam Green (Planning Officer)"),
    "dashes": ("In attendance: Officers: Jo Bright – Clerk, Sam Green – Planning Officer\n",
               "In attendance: Officers: Jo Bright – Clerk, Sam Green – Planning Officer"),
    "also present": ("Also present: Jo Bright (Clerk); Sam Green (Planning Officer)\n",
                     "Also present: Jo Bright (Clerk); Sam Green (Planning Officer)"),
}
BODIES = {"one line": "Ridgeway District Council Planning Committee", "officers present": "Brookfield Parish Council",
          "dashes": "Lowmoor Internal Drainage Board", "also present": "Ashcombe Town Council"}


def _texts() -> dict[str, str]:
    out = {}
    for n, (shape, (line, _)) in enumerate(sorted(SHAPES.items()), 1):
        head = HEAD.format(body=BODIES[shape], day=n)
        if shape == "one line":
            head = head.replace("Present: Cllr Ann Lee (Chair), Cllr Raj Patel\n", "")
        out[f"{BODIES[shape].split()[0].lower()}-2024-05-0{n}.txt"] = head + line + TAIL
    # a post the prose gives a member in no attendance list, the sentence over a line break
    out["stonebridge-2024-05-09.txt"] = (
        "Stonebridge Community Association\nMinutes of the Annual General Meeting held on 9 May 2024\n\n"
        "Present: Cllr Ann Lee (Chair), Cllr Raj Patel\n\n1. Accounts\nThe SCA\n"
        "treasurer, Alan Quayle, presented the accounts for the year.\n")
    return out


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return store_of_texts(tmp_path_factory, "posts", _texts())


HOLDINGS = """PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?name ?post ?quote ?start ?end ?file WHERE {
  GRAPH ?g { ?person org:holds ?p .
    OPTIONAL { ?h a gov:PostHolding ; gov:person ?person ; gov:post ?p ;
               prov:wasDerivedFrom ?passage . ?passage oa:exact ?quote ; oa:start ?start ; oa:end ?end ;
               dcterms:source ?doc . OPTIONAL { ?doc ?path ?file FILTER(isLiteral(?file) && CONTAINS(STR(?file), ".txt")) } } }
  ?person foaf:name ?name . ?p skos:prefLabel ?post }"""


def _holdings(store) -> list[dict]:
    with read_only(store) as st:
        return st.select(HOLDINGS)[1]


def test_every_holding_has_its_line(store):
    rows = _holdings(store)
    texts = _texts()
    assert len({(r["g"], r["name"], r["post"]) for r in rows}) >= 13  # 4 x (chair, clerk, planner) + treasurer
    for r in rows:
        assert r.get("quote"), f"{r['name']} holds {r['post']} with no passage"
        assert r["name"].split()[-1] in r["quote"]
        text = next(t for name, t in texts.items() if name in r.get("file", "") or name[:-4] in r["g"])
        assert text[int(r["start"]):int(r["end"])] == r["quote"]  # the document's own characters


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_officer_holding_is_derived_from_the_officers_line(store, shape):
    line = SHAPES[shape][1]
    rows = [r for r in _holdings(store) if r["post"] in ("Clerk", "Planning Officer")
            and BODIES[shape].split()[0].lower() in r["g"]]
    assert {r["name"] for r in rows} == {"Jo Bright", "Sam Green"}, rows
    assert all(r["quote"] == line for r in rows), rows


def test_a_post_in_the_prose_is_derived_from_its_whole_sentence(store):
    rows = [r for r in _holdings(store) if r["name"] == "Alan Quayle"]
    assert rows and rows[0]["post"] == "Treasurer"
    assert rows[0]["quote"] == ("The SCA\ntreasurer, Alan Quayle, presented the accounts for the year.")


def test_ask_quotes_the_line_of_a_holder_in_no_attendance_list(store):
    r = govkg("ask", "who is the treasurer of Stonebridge Community Association?", "--store", store)
    assert r.exit_code == 0, r.stderr
    assert "Alan Quayle" in r.stdout and "no evidence sentence recorded" not in r.stdout
    assert re.search(r"treasurer, Alan Quayle, presented the accounts", r.stdout)


def test_the_shapes_accept_the_holdings(store):
    r = govkg("validate", "--store", store)
    assert "PostHolding" not in r.stdout and "gov:post" not in r.stdout


def test_a_post_written_before_the_surname_alone_is_the_holdings_line():
    # US boards name the holder in full once, without the post, and then by title and
    # surname ("General Manager Gray provided ..."): that sentence says they hold the post
    from kg.build import holding_line
    text = ("Regular Board Meeting, March 4, 2019\n\nStaff: Tom R. Gray, Ann Poole\n\n"
            "3. Reports\nGeneral Manager Gray provided an overview of the wellness grant. "
            "The Board thanked him.\n")
    ev = holding_line(text, ["Tom R. Gray", "Tom R Gray"], "General Manager", [])
    assert ev is not None and ev.quote == ("General Manager Gray provided an overview of the wellness grant. "
                                      "The Board thanked him.")
    assert text[ev.start:ev.end] == ev.quote
