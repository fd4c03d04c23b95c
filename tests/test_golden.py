"""Golden graphs: three short minutes in three styles, each with the graph a careful reader
expects, written by hand in Turtle (tests/golden/NAME.expected.ttl).

govkg's graph of a file (kg.pipeline.graph_of_file) and the expected graph are both
*projected* to the same stable, meaningful subset: simple triples keyed by names and
texts (never by minted IRIs or blank nodes), one aspect at a time (people, attendance,
decisions ...). The two projections must be isomorphic; on failure the test prints what
is in both, only expected and only actual, as Turtle.

Normalisation is the same on both sides and deliberately small:
- every literal: Unicode NFKC, straight quotes, one space between words;
- free text (decisions, actions, interests, titles): also case-folded, trailing . ; , cut;
- an action's text without a trailing due phrase ("... by 1 March 2024"): the due date is
  compared in its own aspect (`dues`), so keeping it in the text as well is not an error;
- a due is compared by the date it names where it names one, else without "by/before/the";
- "chair" implies "present": a chair's extra "present" attendance is dropped;
- membership of the meeting's own body is not compared (minutes rarely state it).

A failing aspect is a defect of extraction, not of the expectation: it is marked
xfail(strict=True) with the reason, so it turns into a failure the day it is fixed.
"""
from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import DCTERMS, FOAF, SKOS

GOLDEN = Path(__file__).parent / "golden"
GOV = Namespace("https://w3id.org/govkg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
G = Namespace("urn:govkg-golden:")

STYLES = ("moderngov-timed", "parish-numbered", "initials-lists")


# -- normalisation ------------------------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2011": "-",
                         "\u2013": "-", "\u00a0": " "})
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b", re.I)
_TRAILING_DUE = re.compile(
    rf"\s+(?:by|before|no later than|ahead of|in time for|until)\s+(?=[^.]*(?:\d|\b(?:{_MONTHS})\b|meeting|end of))"
    r"[^.]*$", re.I)


def tidy(value) -> str:
    s = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    return " ".join(s.split())


def text_key(value) -> str:
    """Free text compared as a reader would: case, spacing and a closing full stop ignored."""
    return tidy(value).casefold().rstrip(" .;,")


def action_key(value) -> str:
    return text_key(_TRAILING_DUE.sub("", tidy(value).rstrip(" .;,")))


def due_key(value) -> str:
    s = tidy(value)
    m = _DATE.search(s)
    if m:
        return text_key(m.group(0))
    s = re.sub(r"^(?:by|before|no later than|ahead of|in time for|until|at)\s+", "", s, flags=re.I)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return text_key(s)


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", value).encode("ascii", "ignore")
                  .decode().lower()).strip("-") or "x"


# -- projection ---------------------------------------------------------------------------------

def _name(g: Graph, node) -> str | None:
    v = g.value(node, FOAF.name)
    return tidy(v) if v is not None else None


def _person(name: str) -> URIRef:
    return G[f"person/{slug(name)}"]


def _item_title(g: Graph, fact) -> str | None:
    item = g.value(fact, GOV.item)
    title = g.value(item, DCTERMS.title) if item is not None else None
    return text_key(title) if title is not None else None


def _bodies(g: Graph) -> set:
    return {b for m in g.subjects(RDF.type, GOV.Meeting) for b in g.objects(m, GOV.body)}


def p_meeting(g: Graph, out: Graph) -> None:
    for m in g.subjects(RDF.type, GOV.Meeting):
        for b in g.objects(m, GOV.body):
            out.add((G.meeting, G.body, Literal(_name(g, b))))
        for d in g.objects(m, DCTERMS.date):
            out.add((G.meeting, G.date, Literal(str(d))))


def p_people(g: Graph, out: Graph) -> None:
    for p in g.subjects(RDF.type, FOAF.Person):
        n = _name(g, p)
        out.add((_person(n), G.name, Literal(n)))


def p_mentions(g: Graph, out: Graph) -> None:
    """Every other surface form a person is written as ("J Hassall" for Julia Hassall)."""
    for p in g.subjects(RDF.type, FOAF.Person):
        n = _name(g, p)
        for alt in g.objects(p, SKOS.altLabel):
            if tidy(alt) != n:
                out.add((_person(n), G.mention, Literal(tidy(alt))))


def p_organisations(g: Graph, out: Graph) -> None:
    for o in g.subjects(RDF.type, ORG.Organization):
        n = _name(g, o)
        out.add((G[f"org/{slug(n)}"], G.name, Literal(n)))


def p_memberships(g: Graph, out: Graph) -> None:
    bodies = _bodies(g)
    for p, o in g.subject_objects(ORG.memberOf):
        if o not in bodies:
            out.add((_person(_name(g, p)), G.memberOf, Literal(_name(g, o))))


def p_posts(g: Graph, out: Graph) -> None:
    for p, post in g.subject_objects(ORG.holds):
        for label in g.objects(post, SKOS.prefLabel):
            out.add((_person(_name(g, p)), G.post, Literal(tidy(label))))


def p_attendance(g: Graph, out: Graph) -> None:
    roles: dict[str, set[str]] = {}
    for a in g.subjects(RDF.type, GOV.Attendance):
        person, role = g.value(a, GOV.person), g.value(a, GOV.role)
        if person is not None and role is not None:
            roles.setdefault(_name(g, person), set()).add(str(role))
    for n, rs in roles.items():
        if "chair" in rs:
            rs.discard("present")
        for r in rs:
            out.add((_person(n), G.role, Literal(r)))


def p_items(g: Graph, out: Graph) -> None:
    for it in g.subjects(RDF.type, GOV.AgendaItem):
        title = g.value(it, DCTERMS.title)
        key = G[f"item/{slug(text_key(title or ''))}"]
        out.add((key, G.title, Literal(text_key(title or ""))))
        for prop, name in ((GOV.number, "number"), (GOV.time, "time")):
            for v in g.objects(it, prop):
                out.add((key, G[name], Literal(tidy(v))))
        for p in g.objects(it, GOV.presenter):
            out.add((key, G.presenter, Literal(_name(g, p))))


def p_declarations(g: Graph, out: Graph) -> None:
    for d in g.subjects(RDF.type, GOV.Declaration):
        person = g.value(d, GOV.person)
        who = _name(g, person) if person is not None else "(nobody)"
        interest = text_key(g.value(d, GOV.interest) or "")
        key = G[f"declaration/{slug(who)}/{slug(interest)}"]
        out.add((key, G.person, Literal(who)))
        out.add((key, G.interest, Literal(interest)))
        for k in g.objects(d, GOV.interestKind):
            out.add((key, G.kind, Literal(str(k))))


def p_decisions(g: Graph, out: Graph) -> None:
    for d in g.subjects(RDF.type, GOV.Decision):
        text = text_key(g.value(d, GOV.text) or "")
        key = G[f"decision/{slug(text)}"]
        out.add((key, G.text, Literal(text)))
        item = _item_title(g, d)
        if item:
            out.add((key, G.item, Literal(item)))
        for prop, name in ((GOV.proposer, "proposer"), (GOV.seconder, "seconder")):
            for p in g.objects(d, prop):
                out.add((key, G[name], Literal(_name(g, p))))


def p_actions(g: Graph, out: Graph) -> None:
    for a in g.subjects(RDF.type, GOV.Action):
        text = action_key(g.value(a, GOV.text) or "")
        key = G[f"action/{slug(text)}"]
        out.add((key, G.text, Literal(text)))
        item = _item_title(g, a)
        if item:
            out.add((key, G.item, Literal(item)))
        for owner in g.objects(a, SCHEMA.agent):
            out.add((key, G.owner, Literal(_name(g, owner))))


def p_dues(g: Graph, out: Graph) -> None:
    for a in g.subjects(RDF.type, GOV.Action):
        key = G[f"action/{slug(action_key(g.value(a, GOV.text) or ''))}"]
        for due in g.objects(a, GOV.due):
            out.add((key, G.due, Literal(due_key(due))))
        for date in g.objects(a, GOV.dueDate):
            out.add((key, G.dueDate, Literal(str(date))))


def p_statements(g: Graph, out: Graph) -> None:
    """Who asked and who replied (the verbs of the question-and-answer style)."""
    for s in g.subjects(RDF.type, GOV.Statement):
        verb, speaker = g.value(s, GOV.verb), g.value(s, GOV.speaker)
        if verb is not None and str(verb) in ("asked", "replied") and speaker is not None:
            out.add((_person(_name(g, speaker)), G[str(verb)], Literal(True)))


ASPECTS = {
    "meeting": p_meeting,
    "people": p_people,
    "mentions": p_mentions,
    "organisations": p_organisations,
    "memberships": p_memberships,
    "posts": p_posts,
    "attendance": p_attendance,
    "items": p_items,
    "declarations": p_declarations,
    "decisions": p_decisions,
    "actions": p_actions,
    "dues": p_dues,
    "statements": p_statements,
}


def project(g: Graph, aspect: str) -> Graph:
    out = Graph()
    out.bind("g", G)
    ASPECTS[aspect](g, out)
    return out


# -- the defects found: each an xfail(strict) with what is wrong --------------------------------

XFAIL = {
}


def _params():
    for style in STYLES:
        for aspect in ASPECTS:
            reason = XFAIL.get((style, aspect))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(style, aspect, marks=marks, id=f"{style}-{aspect}")


# -- fixtures -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def actual_graphs(tmp_path_factory):
    """govkg's graph of each golden minutes file, built once, from a copy in a tmp folder."""
    from kg.pipeline import graph_of_file
    folder = tmp_path_factory.mktemp("golden")
    graphs = {}
    for style in STYLES:
        path = folder / f"{style}.txt"
        shutil.copyfile(GOLDEN / f"{style}.txt", path)
        graphs[style] = graph_of_file(path)
    return graphs


@pytest.fixture(scope="module")
def expected_graphs():
    return {style: Graph().parse(GOLDEN / f"{style}.expected.ttl", format="turtle") for style in STYLES}


def _dump(g: Graph) -> str:
    g.bind("g", G)
    lines = [line for line in g.serialize(format="turtle").splitlines() if not line.startswith("@prefix")]
    return "\n".join(lines).strip() or "(nothing)"


# -- tests --------------------------------------------------------------------------------------

@pytest.mark.parametrize("style,aspect", list(_params()))
def test_golden(style, aspect, actual_graphs, expected_graphs):
    expected = project(expected_graphs[style], aspect)
    actual = project(actual_graphs[style], aspect)
    iso_e, iso_a = to_isomorphic(expected), to_isomorphic(actual)
    if iso_e != iso_a:
        both, only_expected, only_actual = graph_diff(iso_e, iso_a)
        pytest.fail(f"{style} / {aspect}: govkg's graph differs from the expected one\n"
                    f"--- in both:\n{_dump(both)}\n"
                    f"--- only expected (missed or wrong in govkg):\n{_dump(only_expected)}\n"
                    f"--- only actual (extra or wrong in govkg):\n{_dump(only_actual)}",
                    pytrace=False)


@pytest.mark.parametrize("style", STYLES)
def test_expected_files_cover_the_core_facts(style, expected_graphs):
    """Guard the goldens themselves: each states people, attendance, decisions and actions."""
    g = expected_graphs[style]
    for aspect in ("meeting", "people", "attendance", "items", "decisions", "actions"):
        assert len(project(g, aspect)) > 0, f"{style}.expected.ttl has no {aspect}"


def test_projection_ignores_minted_iris_and_blank_nodes():
    """Two graphs that say the same thing with other IRIs project to the same triples."""
    ttl = """@prefix gov: <https://w3id.org/govkg/ontology#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
    @prefix schema: <https://schema.org/> .
    <{b}p> a foaf:Person ; foaf:name "Ann Lee" .
    <{b}a> a gov:Action ; gov:text "Send the  paper to members by 1 March 2024." ; schema:agent <{b}p> ;
        gov:due "by 1 March 2024" ."""
    one = Graph().parse(data=ttl.format(b="https://w3id.org/govkg/id/x/"), format="turtle")
    two = Graph().parse(data=ttl.format(b="https://example.org/y/").replace("Send the  paper", "send the paper"),
                        format="turtle")
    for aspect in ("people", "actions", "dues"):
        assert to_isomorphic(project(one, aspect)) == to_isomorphic(project(two, aspect)), aspect
    assert {str(o) for o in project(one, "actions").objects(None, G.text)} == {"send the paper to members"}
    assert {str(o) for o in project(one, "dues").objects(None, G.due)} == {"1 march 2024"}
