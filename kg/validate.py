"""validate: check a govkg graph against ontology/shapes.ttl with pyshacl.

Library only: returns a `ValidationReport`, prints nothing.  Violations are defects of the
graph; Warnings (an action nobody owns) are gaps that real minutes have, so a graph with
only Warnings (or Infos) conforms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDFS, SH, SKOS

from kg.ontology_files import ontology_path, shapes_path
from kg.vocab import GOV_IRI, OA, ORG, SCHEMA

SEVERITIES = ("Violation", "Warning", "Info")
_SEVERITY_OF = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

# Prefixes for the one-line human form of a result.
_PREFIXES = {
    "gov": GOV_IRI,
    "foaf": str(FOAF),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
}


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus: str  # IRI (or blank node id) of the node that failed
    path: str | None  # IRI of the property; SPARQL-style path for complex paths; None for node constraints
    message: str
    value: str | None = None  # the offending value, where there is one


@dataclass
class ValidationReport:
    conforms: bool
    results: list[Violation] = field(default_factory=list)

    @property
    def violations(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        return [r for r in self.results if r.severity == "Warning"]


@lru_cache(maxsize=1)
def _shapes_graph() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def _data_copy(data: Graph) -> Graph:
    """A private plain Graph holding every triple of `data` (all named graphs of a Dataset).

    Literals typed xsd:string (as they come back from Oxigraph) become plain literals, the
    same RDF term, so that sh:in ("chair" ...) matches either spelling.
    """
    out = Graph()
    if hasattr(data, "quads"):  # Dataset / ConjunctiveGraph: every named graph
        triples = (q[:3] for q in data.quads((None, None, None, None)))
    else:
        triples = data.triples((None, None, None))
    for s, p, o in triples:
        if isinstance(o, Literal) and o.datatype == XSD.string and o.language is None:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


def _path_str(g: Graph, path) -> str | None:
    """A SHACL property path as text: the bare IRI for a predicate, SPARQL syntax otherwise."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return str(path)
    return _sparql_path(g, path)


def _sparql_path(g: Graph, node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if g.value(node, RDF.first) is not None:
        return "(" + "/".join(_sparql_path(g, p) for p in Collection(g, node)) + ")"
    for pred, fmt in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"),
                      (SH.oneOrMorePath, "{}+"), (SH.zeroOrOnePath, "{}?")):
        inner = g.value(node, pred)
        if inner is not None:
            return fmt.format(_sparql_path(g, inner))
    alt = g.value(node, SH.alternativePath)
    if alt is not None:
        return "(" + "|".join(_sparql_path(g, p) for p in Collection(g, alt)) + ")"
    return str(node)


def _parse_results(results: Graph) -> list[Violation]:
    out: list[Violation] = []
    for result in set(results.objects(None, SH.result)):
        severity_node = results.value(result, SH.resultSeverity)
        severity = _SEVERITY_OF.get(severity_node)
        if severity is None:  # a custom severity: keep its local name
            severity = str(severity_node).rsplit("#", 1)[-1].rsplit("/", 1)[-1] if severity_node else "Violation"
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        english = sorted(str(m) for m in results.objects(result, SH.resultMessage)
                         if isinstance(m, Literal) and m.language in (None, "en"))
        message = (english or messages or [""])[0]
        value = results.value(result, SH.value)
        out.append(Violation(
            severity=severity,
            focus=str(results.value(result, SH.focusNode)),
            path=_path_str(results, results.value(result, SH.resultPath)),
            message=message,
            value=None if value is None else str(value),
        ))
    return sorted(out, key=_sort_key)


def _sort_key(v: Violation):
    rank = SEVERITIES.index(v.severity) if v.severity in SEVERITIES else len(SEVERITIES)
    return (rank, v.focus, v.path or "", v.message, v.value or "")


def validate_graph(data: Graph, *, shapes: Graph | None = None, ontology: Graph | None = None) -> ValidationReport:
    """Validate `data` (a Graph, or a Dataset whose named graphs are taken together).

    Uses ontology/shapes.ttl and, mixed into a private copy of the data, ontology/govkg.ttl
    (so that sh:targetClass sees the subclass axioms).  No inference, no SHACL-AF.
    `data` itself is not changed.
    """
    _, results_graph, _ = pyshacl.validate(
        _data_copy(data),
        shacl_graph=shapes if shapes is not None else _shapes_graph(),
        ont_graph=ontology if ontology is not None else _ontology_graph(),
        inference="none",
        advanced=False,
        inplace=True,  # the copy is ours
        abort_on_first=False,
        allow_warnings=True,
    )
    results = _parse_results(results_graph)
    return ValidationReport(conforms=not any(r.severity == "Violation" for r in results), results=results)


def _short(iri: str) -> str:
    for prefix, ns in _PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _short_path(path: str) -> str:
    if "<" not in path:
        return _short(path)
    return re.sub(r"<([^<>]+)>", lambda m: _short(m.group(1)) if _short(m.group(1)) != m.group(1) else m.group(0), path)


def format_violation(v: Violation) -> str:
    """One line for people: 'Warning  https://.../action/0 schema:agent: An action needs ...'."""
    text = f"{v.severity:<8} {v.focus}"
    if v.path:
        text += " " + _short_path(v.path)
    text += ": " + " ".join(v.message.split())
    if v.value is not None and v.value not in v.message:
        text += f" (value: {v.value})"
    return text
