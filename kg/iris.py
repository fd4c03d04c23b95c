"""The IRIs every part of govkg shares, as plain strings.

Kept apart from kg.vocab (whose namespaces need rdflib, a third of a second to import) so
that the commands that only read the store, such as `govkg ask` and `govkg query`, start
without it.
"""
GOV_IRI = "https://w3id.org/govkg/ontology#"
DEFAULT_BASE = "https://w3id.org/govkg/id/"
