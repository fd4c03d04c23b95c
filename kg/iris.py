"""The IRIs every part of govkg shares, as plain strings.

Kept apart from kg.vocab (whose namespaces need rdflib, a third of a second to import) so
that the commands that only read the store, such as `govkg ask` and `govkg query`, start
without it.
"""
GOV_IRI = "https://w3id.org/govkg/ontology#"
DEFAULT_BASE = "https://w3id.org/govkg/id/"

import re as _re

# Every IRI minted for a meeting's parts (its items, decisions, actions, reports,
# declarations) hangs below the meeting's own, `{base}meeting/{body}/{date}`, and the date
# is the meeting's as the minutes state it (kg.build mints `source-{key}` where they state
# none): a node's date can be read from its IRI without a look-up.
_MEETING_DATE = _re.compile(r"/meeting/[^/]+/(\d{4})-(\d{2})-(\d{2})(?:/|$)")


def meeting_day(iri: str) -> int | None:
    """The date of the meeting `iri` is, or is part of, as the integer YYYYMMDD (None for
    a person, a body, a post, or a meeting whose minutes state no date)."""
    m = _MEETING_DATE.search(iri)
    return int(m.group(1) + m.group(2) + m.group(3)) if m else None
