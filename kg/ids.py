"""Stable identifiers: slugs and the IRIs built from them.

Only `kg.build` calls the IRI helpers; everything else deals in keys (slugs), so a
person or organisation named the same way in two documents gets the same IRI.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata

from rdflib import URIRef

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, max_len: int = 60) -> str:
    """Lower-case ASCII slug: "Children's Trust Board" -> "childrens-trust-board"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    folded = folded.lower().replace("'", "")
    s = _NON_SLUG.sub("-", folded).strip("-")
    return (s[:max_len].rstrip("-") or "x")


def source_key(path: str) -> str:
    """Identity of a source document: its file name plus a hash of its absolute path.

    Building the same path again replaces its graph; the same file name in another
    folder (every meeting's "minutes.md") stays a different document.
    """
    absolute = os.path.abspath(path)
    digest = hashlib.sha1(absolute.encode("utf-8")).hexdigest()[:10]
    stem = os.path.splitext(os.path.basename(path))[0]
    return f"{slug(stem, 40)}-{digest}"


class Minter:
    """Mints every IRI of the instance data under one base."""

    def __init__(self, base: str):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def person(self, key: str) -> URIRef:
        return self.iri("person", key)

    def org(self, key: str) -> URIRef:
        return self.iri("org", key)

    def source(self, key: str) -> URIRef:
        return self.iri("source", key)

    def graph(self, key: str) -> URIRef:
        return self.iri("graph", key)

    def staging_graph(self, key: str) -> URIRef:
        return self.iri("staging", key)

    def report(self, meeting: str, doc_key: str, title: str) -> URIRef:
        """A report as one document's minutes say it was presented at one meeting.

        Minted from the title alone, the "Clerk's report" of every meeting was one node
        holding every meeting's presenters and sentences, and the merged graph paired the
        presenter of one meeting with the sentence of another.  Nothing links one report
        across meetings (report-backs are tied to actions, not to reports), so the meeting
        and the document scope it, as they scope agenda items and facts.
        """
        return URIRef(f"{meeting}/report/{doc_key[-10:]}-{slug(title, 80)}")
