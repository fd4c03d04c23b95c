"""Where the ontology and the SHACL shapes are, in a wheel or in a source checkout.

An installed wheel carries them as package data in ``kg/ontology/``; a source checkout
has them in ``ontology/`` at the repository root.  The wheel's copy wins.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import GovkgError

ONTOLOGY_FILE = "govkg.ttl"
SHAPES_FILE = "shapes.ttl"

_PACKAGE_DIR = Path(__file__).resolve().parent / "ontology"  # installed wheel: kg/ontology/
_REPO_DIR = Path(__file__).resolve().parent.parent / "ontology"  # source checkout: ontology/


class OntologyFileMissing(GovkgError, FileNotFoundError):
    """govkg.ttl or shapes.ttl is in neither place: a broken install or checkout."""


def _find(name: str) -> Path:
    for folder in (_PACKAGE_DIR, _REPO_DIR):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise OntologyFileMissing(
        f"{name} not found in {_PACKAGE_DIR} or {_REPO_DIR}: reinstall govkg, "
        "or run it from a source checkout that has the ontology/ folder"
    )


def ontology_path() -> Path:
    """Path of the OWL ontology, govkg.ttl."""
    return _find(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """Path of the SHACL shapes, shapes.ttl."""
    return _find(SHAPES_FILE)
