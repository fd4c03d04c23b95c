"""The GOV namespace of kg/vocab.py and ontology/govkg.ttl declare the same terms."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.ontology_files import ontology_path, shapes_path
from kg.vocab import GOV, GOV_IRI

DECLARING_TYPES = {
    OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, RDF.Property,
}
EXTERNAL_NAMESPACES = (
    "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#", "http://www.w3.org/2004/02/skos/core#",
    "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/", "https://schema.org/", "http://www.w3.org/ns/oa#",
)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def vocab_terms() -> set[URIRef]:
    names = [n for n in GOV.__annotations__ if not n.startswith("_")]
    assert names, "GOV declares no terms"
    return {URIRef(GOV_IRI + n) for n in names}


def declared_gov_terms(g: Graph) -> set[URIRef]:
    return {s for s, t in g.subject_objects(RDF.type)
            if isinstance(s, URIRef) and str(s).startswith(GOV_IRI) and t in DECLARING_TYPES}


def test_ontology_and_shapes_parse():
    assert len(Graph().parse(ontology_path(), format="turtle")) > 0
    assert len(Graph().parse(shapes_path(), format="turtle")) > 0


def test_ontology_header(onto):
    ontologies = list(onto.subjects(RDF.type, OWL.Ontology))
    assert len(ontologies) == 1
    o = ontologies[0]
    from rdflib.namespace import DCTERMS
    assert onto.value(o, DCTERMS.title) is not None
    assert onto.value(o, DCTERMS.description) is not None
    assert onto.value(o, OWL.versionInfo) is not None


@pytest.mark.parametrize("term", sorted(vocab_terms()), ids=lambda t: t.split("#")[-1])
def test_every_vocab_term_is_declared_with_label_and_comment(onto, term):
    types = set(onto.objects(term, RDF.type))
    assert types & DECLARING_TYPES, f"{term} is in kg/vocab.py but not declared in govkg.ttl"
    assert onto.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert onto.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_classes_and_properties_by_case(onto):
    for term in vocab_terms():
        local = term.split("#")[-1]
        types = set(onto.objects(term, RDF.type))
        if local[0].isupper():
            assert OWL.Class in types, f"{term} looks like a class but is not an owl:Class"
        else:
            assert types & {OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} is not declared as a property"


def test_every_declared_gov_term_is_in_vocab(onto):
    extra = declared_gov_terms(onto) - vocab_terms()
    assert not extra, f"declared in govkg.ttl but missing from kg/vocab.py GOV: {sorted(extra)}"
    # ... and no gov: IRI is used in the ontology without being a GOV term
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(GOV_IRI)}
    assert used <= vocab_terms(), sorted(used - vocab_terms())


def test_foreign_terms_are_not_redeclared(onto):
    for s in onto.subjects(RDF.type, None):
        if isinstance(s, URIRef):
            assert not str(s).startswith(EXTERNAL_NAMESPACES), f"{s} is redeclared in govkg.ttl"


def test_standard_alignments(onto):
    from rdflib import Namespace
    SCHEMA = Namespace("https://schema.org/")
    PROV = Namespace("http://www.w3.org/ns/prov#")
    FOAF = Namespace("http://xmlns.com/foaf/0.1/")
    assert (GOV.Meeting, RDFS.subClassOf, SCHEMA.Event) in onto
    assert (GOV.Action, RDFS.subClassOf, SCHEMA.Action) in onto
    assert (GOV.Passage, RDFS.subClassOf, PROV.Entity) in onto
    assert (GOV.SourceDocument, RDFS.subClassOf, FOAF.Document) in onto
    assert (GOV.Decision, RDFS.seeAlso, URIRef("http://data.vlaanderen.be/ns/besluit#Besluit")) in onto
    assert (GOV.AgendaItem, RDFS.seeAlso, URIRef("http://data.vlaanderen.be/ns/besluit#Agendapunt")) in onto


def test_unknown_term_raises_attribute_error():
    with pytest.raises(AttributeError):
        GOV.Meting  # noqa: B018  (misspelt on purpose)
    with pytest.raises(AttributeError):
        GOV.owner  # noqa: B018


def test_known_term_resolves():
    assert GOV.Meeting == URIRef(GOV_IRI + "Meeting")


def test_ontology_files_prefer_the_wheel_copy(tmp_path, monkeypatch):
    import kg.ontology_files as of

    # source checkout: the repository's ontology/ folder
    monkeypatch.setattr(of, "_PACKAGE_DIR", tmp_path / "missing")
    assert of.ontology_path() == of._REPO_DIR / "govkg.ttl"
    assert of.shapes_path() == of._REPO_DIR / "shapes.ttl"
    # installed wheel: kg/ontology/ wins
    (tmp_path / "govkg.ttl").write_text("", encoding="utf-8")
    (tmp_path / "shapes.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(of, "_PACKAGE_DIR", tmp_path)
    assert of.ontology_path() == tmp_path / "govkg.ttl"
    assert of.shapes_path() == tmp_path / "shapes.ttl"
    # neither: a GovkgError that says what to do
    monkeypatch.setattr(of, "_PACKAGE_DIR", tmp_path / "missing")
    monkeypatch.setattr(of, "_REPO_DIR", tmp_path / "missing-too")
    from kg.errors import GovkgError
    with pytest.raises(GovkgError, match="reinstall"):
        of.shapes_path()
