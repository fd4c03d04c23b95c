"""SHACL validation: each main shape catches its defect with a message a person can act on."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib import namespace as _ns  # _ns.XSD: a module-level XSD makes pytest collection warn
from rdflib.namespace import DCTERMS, FOAF, PROV, SH, SKOS

from kg.validate import ValidationReport, Violation, format_violation, validate_graph
from kg.vocab import GOV, OA, ORG, SCHEMA

ID = "https://w3id.org/govkg/id/"
DOC = URIRef(ID + "source/minutes-0123456789")
M = URIRef(ID + "meeting/childrens-trust-board/2016-03-14")
ITEM = URIRef(f"{M}/item/0")
ALICE = URIRef(ID + "person/alice-smith")
BOB = URIRef(ID + "person/bob-jones")
BOARD = URIRef(ID + "org/childrens-trust-board")
OFSTED = URIRef(ID + "org/ofsted")
ATT = URIRef(f"{M}/attendance/0")
DECL = URIRef(f"{M}/declaration/0")
DEC = URIRef(f"{M}/decision/0")
ACT = URIRef(f"{M}/action/0")
STMT = URIRef(f"{M}/statement/0")
JUDG = URIRef(f"{M}/judgement/0")
RESP = URIRef(f"{M}/responsibility/0")


def passage(g: Graph, start: int, end: int, quote: str) -> URIRef:
    iri = URIRef(f"{DOC}/passage/{start}-{end}")
    g.add((iri, RDF.type, GOV.Passage))
    g.add((iri, OA.exact, Literal(quote)))
    g.add((iri, OA.start, Literal(start, datatype=_ns.XSD.integer)))
    g.add((iri, OA.end, Literal(end, datatype=_ns.XSD.integer)))
    g.add((iri, DCTERMS.source, DOC))
    return iri


def fact(g: Graph, iri: URIRef, cls: URIRef, start: int, quote: str, item: bool = True) -> None:
    g.add((iri, RDF.type, cls))
    g.add((iri, GOV.meeting, M))
    if item:
        g.add((iri, GOV.item, ITEM))
    g.add((iri, PROV.wasDerivedFrom, passage(g, start, start + len(quote), quote)))


def conforming() -> Graph:
    """One meeting with one of every kind of fact, as kg/build.py mints them."""
    g = Graph()
    g.add((DOC, RDF.type, GOV.SourceDocument))
    g.add((DOC, RDF.type, FOAF.Document))
    g.add((DOC, GOV.sourcePath, Literal("data/minutes/minutes.txt")))
    g.add((DOC, GOV.sha256, Literal("0" * 64)))
    g.add((DOC, GOV.fileFormat, Literal("txt")))
    for iri, name, alt in ((ALICE, "Alice Smith", "Cllr Smith"), (BOB, "Bob Jones", "B Jones")):
        g.add((iri, RDF.type, FOAF.Person))
        g.add((iri, FOAF.name, Literal(name)))
        g.add((iri, SKOS.altLabel, Literal(alt)))
    for iri, name in ((BOARD, "Children's Trust Board"), (OFSTED, "Ofsted")):
        g.add((iri, RDF.type, ORG.Organization))
        g.add((iri, FOAF.name, Literal(name)))
        g.add((iri, SKOS.prefLabel, Literal(name)))
    g.add((ALICE, ORG.memberOf, BOARD))
    g.add((M, RDF.type, GOV.Meeting))
    g.add((M, RDF.type, SCHEMA.Event))
    g.add((M, RDFS.label, Literal("Children's Trust Board 2016-03-14")))
    g.add((M, GOV.body, BOARD))
    g.add((M, DCTERMS.date, Literal("2016-03-14", datatype=_ns.XSD.date)))
    g.add((M, GOV.sourceDocument, DOC))
    g.add((M, GOV.chair, ALICE))
    g.add((ITEM, RDF.type, GOV.AgendaItem))
    g.add((ITEM, GOV.meeting, M))
    g.add((ITEM, GOV.order, Literal(0, datatype=_ns.XSD.integer)))
    g.add((ITEM, DCTERMS.title, Literal("Early Help Strategy")))
    g.add((ITEM, PROV.wasDerivedFrom, passage(g, 0, 22, "1. Early Help Strategy")))

    fact(g, ATT, GOV.Attendance, 30, "Cllr Smith (Chair)", item=False)
    g.add((ATT, GOV.person, ALICE))
    g.add((ATT, GOV.role, Literal("chair")))
    fact(g, DECL, GOV.Declaration, 60, "Bob Jones declared a personal interest as a governor.")
    g.add((DECL, GOV.person, BOB))
    g.add((DECL, GOV.interest, Literal("a governor")))
    g.add((DECL, GOV.interestKind, Literal("personal")))
    fact(g, DEC, GOV.Decision, 120, "RESOLVED that the strategy be approved.")
    g.add((DEC, GOV.text, Literal("that the strategy be approved")))
    g.add((DEC, GOV.decisionKind, Literal("resolved")))
    g.add((DEC, GOV.unanimous, Literal(True)))
    fact(g, ACT, GOV.Action, 200, "Action: Bob Jones to circulate the plan by April.")
    g.add((ACT, RDF.type, SCHEMA.Action))
    g.add((ACT, GOV.text, Literal("circulate the plan")))
    g.add((ACT, GOV.due, Literal("April")))
    g.add((ACT, GOV.status, Literal("open")))
    g.add((ACT, SCHEMA.agent, BOB))
    fact(g, STMT, GOV.Statement, 300, "Cllr Smith asked about waiting times.")
    g.add((STMT, GOV.speaker, ALICE))
    g.add((STMT, GOV.verb, Literal("asked")))
    g.add((STMT, GOV.text, Literal("about waiting times")))
    fact(g, JUDG, GOV.Judgement, 400, "Ofsted judged the service inadequate.")
    g.add((JUDG, GOV.judgedBy, OFSTED))
    g.add((JUDG, GOV.subjectText, Literal("the service")))
    g.add((JUDG, GOV.grade, Literal("inadequate")))
    fact(g, RESP, GOV.Responsibility, 500, "Ofsted inspects the board.", item=False)
    g.add((RESP, GOV.holder, OFSTED))
    g.add((RESP, GOV.relation, Literal("inspects")))
    g.add((RESP, GOV.thing, BOARD))
    g.add((OFSTED, GOV.inspects, BOARD))
    return g


def only(report: ValidationReport, focus: URIRef) -> Violation:
    hits = [r for r in report.results if r.focus == str(focus)]
    assert len(hits) == 1, [format_violation(r) for r in report.results]
    return hits[0]


# -- the whole graph -------------------------------------------------------------------

def test_conforming_graph_conforms():
    report = validate_graph(conforming())
    assert report.conforms, [format_violation(r) for r in report.results]
    assert report.results == []


def test_input_graph_is_not_changed():
    g = conforming()
    g.remove((ACT, SCHEMA.agent, None))
    before = set(g)
    validate_graph(g)
    assert set(g) == before


def test_ownerless_action_is_only_a_warning():
    g = conforming()
    g.remove((ACT, SCHEMA.agent, None))
    g.add((ACT, GOV.ownerRole, Literal("the Mill Manager")))
    report = validate_graph(g)
    assert report.conforms
    assert len(report.results) == 1
    w = report.results[0]
    assert (w.severity, w.focus, w.path) == ("Warning", str(ACT), str(SCHEMA.agent))
    assert w.message.startswith("An action needs at least one owner (schema:agent)")
    assert report.warnings == [w] and report.violations == []
    assert format_violation(w) == f"Warning  {ACT} schema:agent: {w.message}"


def test_results_sorted_by_severity_then_focus():
    g = conforming()
    g.remove((ACT, SCHEMA.agent, None))  # Warning on .../action/0
    g.remove((STMT, GOV.verb, None))  # Violation on .../statement/0
    g.remove((DEC, GOV.text, None))  # Violation on .../decision/0
    report = validate_graph(g)
    assert not report.conforms
    assert [(r.severity, r.focus) for r in report.results] == [
        ("Violation", str(DEC)), ("Violation", str(STMT)), ("Warning", str(ACT))]


def test_dataset_named_graphs_are_validated_together():
    ds = Dataset()
    full = conforming()
    facts = ds.graph(URIRef(ID + "graph/a"))
    people = ds.graph(URIRef(ID + "graph/b"))
    for s, p, o in full:
        (people if s in (ALICE, BOB) else facts).add((s, p, o))
    assert validate_graph(ds).conforms


def test_xsd_string_literals_from_the_store_are_accepted():
    g = conforming()
    g.set((ATT, GOV.role, Literal("chair", datatype=_ns.XSD.string)))
    assert validate_graph(g).conforms


# -- one defect at a time -----------------------------------------------------------------

def drop(*triples):
    def mutate(g: Graph) -> None:
        for t in triples:
            g.remove(t)
    return mutate


def add(*triples):
    def mutate(g: Graph) -> None:
        for t in triples:
            g.add(t)
    return mutate


def set_(s, p, o):
    def mutate(g: Graph) -> None:
        g.set((s, p, o))
    return mutate


P0 = URIRef(f"{DOC}/passage/200-249")  # the action's passage

CASES = [
    # (id, mutation, focus, path, message start)
    ("action-text", drop((ACT, GOV.text, None)), ACT, GOV.text, "An action needs its text (gov:text)"),
    ("action-evidence", drop((ACT, PROV.wasDerivedFrom, None)), ACT, PROV.wasDerivedFrom,
     "An action needs evidence"),
    ("action-evidence-unquoted", drop((P0, OA.exact, None), (P0, RDF.type, GOV.Passage)), ACT,
     PROV.wasDerivedFrom, "An action needs evidence"),
    ("person-no-name", drop((BOB, FOAF.name, None)), BOB, FOAF.name, "A person needs a name (foaf:name)"),
    ("person-two-names", add((BOB, FOAF.name, Literal("Robert Jones"))), BOB, FOAF.name,
     "A person has more than one name"),
    ("org-no-name", drop((OFSTED, FOAF.name, None)), OFSTED, FOAF.name, "An organisation needs a name"),
    ("decision-meeting", drop((DEC, GOV.meeting, None)), DEC, GOV.meeting, "A decision needs the meeting"),
    ("decision-text", drop((DEC, GOV.text, None)), DEC, GOV.text, "A decision needs its text"),
    ("decision-evidence", drop((DEC, PROV.wasDerivedFrom, None)), DEC, PROV.wasDerivedFrom,
     "A decision needs evidence"),
    ("declaration-person", drop((DECL, GOV.person, None)), DECL, GOV.person,
     "A declaration of interest needs the person"),
    ("declaration-interest", drop((DECL, GOV.interest, None)), DECL, GOV.interest,
     "A declaration of interest needs the interest"),
    ("attendance-person", drop((ATT, GOV.person, None)), ATT, GOV.person, "An attendance needs the person"),
    ("attendance-meeting", drop((ATT, GOV.meeting, None)), ATT, GOV.meeting, "An attendance needs its meeting"),
    ("attendance-no-role", drop((ATT, GOV.role, None)), ATT, GOV.role, "An attendance needs exactly one role"),
    ("attendance-bad-role", set_(ATT, GOV.role, Literal("attended")), ATT, GOV.role,
     "Unknown attendance role (gov:role)"),
    ("meeting-source", drop((M, GOV.sourceDocument, None)), M, GOV.sourceDocument,
     "A meeting needs the minutes it was read from"),
    ("meeting-two-dates", add((M, DCTERMS.date, Literal("2016-03-15", datatype=_ns.XSD.date))), M, DCTERMS.date,
     "A meeting has more than one date"),
    ("meeting-date-untyped", set_(M, DCTERMS.date, Literal("14 March 2016")), M, DCTERMS.date,
     "A meeting's date (dcterms:date) must be a calendar date"),
    ("item-meeting", drop((ITEM, GOV.meeting, None)), ITEM, GOV.meeting, "An agenda item needs its meeting"),
    ("item-title", drop((ITEM, DCTERMS.title, None)), ITEM, DCTERMS.title, "An agenda item needs a title"),
    ("statement-verb", drop((STMT, GOV.verb, None)), STMT, GOV.verb, "A statement needs its verb"),
    ("statement-text", drop((STMT, GOV.text, None)), STMT, GOV.text, "A statement needs its text"),
    ("judgement-grade", drop((JUDG, GOV.grade, None)), JUDG, GOV.grade, "A judgement needs its grade"),
    ("responsibility-evidence", drop((RESP, PROV.wasDerivedFrom, None)), RESP, PROV.wasDerivedFrom,
     "A responsibility needs evidence"),
    ("passage-exact", drop((P0, OA.exact, None)), P0, OA.exact, "A passage needs exactly one quote"),
    ("passage-start", drop((P0, OA.start, None)), P0, OA.start, "A passage needs exactly one start offset"),
    ("passage-end-type", set_(P0, OA.end, Literal(249.0)), P0, OA.end,
     "A passage's end offset (oa:end) must be a character position"),
    ("passage-backwards", set_(P0, OA.start, Literal(300, datatype=_ns.XSD.integer)), P0, OA.start,
     "A passage starts after it ends"),
    ("passage-source", drop((P0, DCTERMS.source, None)), P0, DCTERMS.source,
     "A passage needs the document it quotes"),
]


@pytest.mark.parametrize("mutate,focus,path,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_defect_is_reported(mutate, focus, path, message):
    g = conforming()
    mutate(g)
    report = validate_graph(g)
    assert not report.conforms
    v = only(report, focus)
    assert v.severity == "Violation"
    assert v.path == str(path)
    assert v.message.startswith(message), v.message
    line = format_violation(v)
    assert line.startswith(f"Violation {focus} ") and line.endswith(v.message if v.value is None else ")")


def test_bad_role_reports_the_value():
    g = conforming()
    g.set((ATT, GOV.role, Literal("attended")))
    v = only(validate_graph(g), ATT)
    assert v.value == "attended"
    assert format_violation(v).endswith("(value: attended)")


def test_every_shape_constraint_has_a_message():
    from kg.ontology_files import shapes_path

    shapes = Graph().parse(shapes_path(), format="turtle")
    property_shapes = set(shapes.objects(None, SH.property))
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert property_shapes and node_shapes
    for shape in property_shapes:
        assert shapes.value(shape, SH.message) is not None, f"property shape without sh:message on {shapes.value(shape, SH.path)}"
    for shape in node_shapes:
        own = set(shapes.predicates(shape, None)) - {RDF.type, RDFS.comment, SH.targetClass, SH.property, SH.message}
        if own:  # a node shape with constraints of its own
            assert shapes.value(shape, SH.message) is not None, shape


# -- what kg/build.py mints conforms ----------------------------------------------------------

def built_graph(with_owner: bool = True) -> Graph:
    from kg import records as r
    from kg.build import build_graph

    text = ("Present: Cllr Alice Smith (Chair), Bob Jones (Ofsted)\n"
            "1. Early Help Strategy\n"
            "Bob Jones declared a personal interest as a governor.\n"
            "RESOLVED that the strategy be approved.\n"
            "Action: Bob Jones to circulate the plan by April.\n"
            "Cllr Smith asked about waiting times.\n"
            "Ofsted judged the service inadequate.\n")

    def ev(quote: str) -> r.Evidence:
        start = text.index(quote)
        return r.Evidence(quote, start, start + len(quote))

    doc = r.Document(path="/tmp/govkg-test/minutes.txt", text=text, format="txt", sha256="0" * 64, title="Minutes")
    alice, bob = r.PersonRef("Cllr Alice Smith", role="Chair"), r.PersonRef("Bob Jones", org="Ofsted")
    ex = r.Extraction(
        document=doc,
        meeting=r.Meeting(body="Children's Trust Board", date="2016-03-14", evidence=ev("Present:")),
        people=[alice, bob],
        organisations=[r.OrgRef("Ofsted")],
        attendance=[r.Attendance(alice, "chair", ev("Cllr Alice Smith (Chair)")),
                    r.Attendance(bob, "present", ev("Bob Jones (Ofsted)"), on_behalf_of="Ofsted")],
        items=[r.Item(0, "Early Help Strategy", ev("1. Early Help Strategy"), number="1", presenters=[alice])],
        declarations=[r.Declaration(bob, "a governor", ev("Bob Jones declared a personal interest as a governor."),
                                    kind="personal", item_index=0)],
        decisions=[r.Decision("that the strategy be approved", ev("RESOLVED that the strategy be approved."),
                              item_index=0)],
        actions=[r.Action("circulate the plan", ev("Action: Bob Jones to circulate the plan by April."),
                          owners=[r.Owner("Bob Jones", "person", bob)] if with_owner else [],
                          item_index=0, due="April")],
        statements=[r.Statement(r.PersonRef("Cllr Smith"), "asked", "about waiting times",
                                ev("Cllr Smith asked about waiting times."), item_index=0)],
        judgements=[r.Judgement("Ofsted", "the service", "inadequate", ev("Ofsted judged the service inadequate."),
                                item_index=0)],
        responsibilities=[r.Responsibility("Ofsted", "org", "inspects", "Children's Trust Board",
                                           ev("Ofsted judged the service inadequate."))],
    )
    res = r.Resolution(
        extraction=ex,
        people={"alice-smith": r.PersonEntity("alice-smith", "Alice Smith", {"Cllr Alice Smith", "Cllr Smith"},
                                              posts={"chair"}, orgs={"childrens-trust-board"}),
                "bob-jones": r.PersonEntity("bob-jones", "Bob Jones", {"Bob Jones"}, orgs={"ofsted"})},
        orgs={"childrens-trust-board": r.OrgEntity("childrens-trust-board", "Children's Trust Board"),
              "ofsted": r.OrgEntity("ofsted", "Ofsted", {"Ofsted"}, org_type="inspectorate")},
        person_of={"Cllr Alice Smith": "alice-smith", "Cllr Smith": "alice-smith", "Bob Jones": "bob-jones"},
        org_of={"Ofsted": "ofsted", "Children's Trust Board": "childrens-trust-board"},
        body_key="childrens-trust-board",
    )
    return build_graph(res, ID)


def test_graph_minted_by_build_conforms():
    report = validate_graph(built_graph())
    assert report.conforms and report.results == [], [format_violation(r) for r in report.results]


def test_build_with_ownerless_action_warns():
    report = validate_graph(built_graph(with_owner=False))
    assert report.conforms
    assert [(r.severity, r.path) for r in report.results] == [("Warning", str(SCHEMA.agent))]
