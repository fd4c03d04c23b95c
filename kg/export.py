"""Export the graph in RDF formats (streamed by Oxigraph) or GraphML (for Gephi, yEd)."""
from __future__ import annotations

import sys
from contextlib import contextmanager

import pyoxigraph as ox

from kg.errors import GovkgError

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    # the streaming writer does not hold the document in memory
    "jsonld": getattr(ox.RdfFormat, "STREAMING_JSON_LD", None) or getattr(ox.RdfFormat, "JSON_LD", None),
}


@contextmanager
def _binary_out(path: str | None):
    if path is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        f = open(path, "wb")
    except OSError as e:
        raise GovkgError(f"cannot write {path}: {e.strerror}; pick another -o path") from None
    with f:
        yield f


class _Counting:
    """Counts statements as Oxigraph streams them (no list of the whole graph is built)."""

    def __init__(self, it):
        self.it = it
        self.n = 0

    def __iter__(self):
        for x in self.it:
            self.n += 1
            yield x


def export_store(store, fmt: str, path: str | None) -> int:
    """Write the union of live graphs to `path` (stdout if None); returns the statement count."""
    if fmt == "graphml":
        from kg.analyse import to_networkx
        import networkx as nx
        g = to_networkx(store)
        with _binary_out(path) as out:
            nx.write_graphml(g, out)
        return g.number_of_edges()
    rdf_format = RDF_FORMATS.get(fmt)
    if rdf_format is None:
        raise GovkgError(f"this Oxigraph has no {fmt} writer; upgrade pyoxigraph or pick another --format")
    quads = _Counting(store.quads())
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    with _binary_out(path) as out:
        if rdf_format.supports_datasets:
            ox.serialize(quads, out, rdf_format, prefixes=prefixes)
        else:
            ox.serialize((q.triple for q in quads), out, rdf_format, prefixes=prefixes)
    return quads.n


PREFIXES = {
    "gov": "https://w3id.org/govkg/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
