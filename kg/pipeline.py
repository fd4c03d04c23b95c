"""The pipeline: read -> segment -> extract -> resolve -> build -> store.

`process_file` is a pure function of a path (plus options) to an rdflib Graph and a
report; only `build_into_store` touches the store, one document at a time, each in its
own atomic replace.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.build import build_graph
from kg.errors import GovkgError, InputError
from kg.extract import extract
from kg.ids import Minter, source_key
from kg.read import iter_sources, read_document
from kg.records import Extraction, Resolution
from kg.resolve import resolve
from kg.segment import segment
from kg.store import GraphStore
from kg.vocab import DEFAULT_BASE


def extract_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None) -> Extraction:
    """read, segment and extract one file: what `govkg extract` prints."""
    doc = read_document(path)
    return extract(segment(doc), body=body, date=date)


def resolve_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None) -> Resolution:
    return resolve(extract_file(path, body=body, date=date))


def graph_of_file(path: str | os.PathLike, *, body: str | None = None, date: str | None = None,
                  base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph one file becomes (what its named graph will hold)."""
    return build_graph(resolve_file(path, body=body, date=date), base)


@dataclass
class FileResult:
    path: str
    status: str  # built | unchanged | failed
    triples: int = 0
    error: str | None = None
    unresolved: list[str] = field(default_factory=list)


@dataclass
class BuildReport:
    store: str
    results: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def built(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "built"]


def _graph_for(path: str, body, date, base) -> tuple[Graph | None, str, FileResult]:
    try:
        doc = read_document(path)
        res = resolve(extract(segment(doc), body=body, date=date))
        g = build_graph(res, base)
        return g, doc.sha256, FileResult(path, "built", len(g), unresolved=res.unresolved)
    except GovkgError as e:
        return None, "", FileResult(path, "failed", error=str(e))
    except RecursionError:
        return None, "", FileResult(path, "failed", error=f"{path}: too deeply nested to read")


def build_into_store(paths: list[str], store_path: str | None, *, body: str | None = None, date: str | None = None,
                     base: str = DEFAULT_BASE, force: bool = False, progress=None) -> BuildReport:
    """Build every file under `paths` into the store, one named graph per file.

    A file whose content hash is already stored is skipped unless `force`; a changed
    file replaces its graph atomically.  Files that fail are reported, the rest still build.
    """
    report = BuildReport(str(store_path))
    files: list[str] = []

    def on_error(err: InputError) -> None:
        report.results.append(FileResult(err.path, "failed", error=str(err)))

    for p in iter_sources(paths, on_error=on_error):
        files.append(str(p))
    minter = Minter(base)
    with GraphStore(store_path, base=base) as store:
        for path in (progress(files) if progress else files):
            key = source_key(path)
            graph_iri = str(minter.graph(key))
            if not force:
                try:
                    sha = _sha_of(path)
                except OSError:
                    sha = None
                if sha and store.source_hash(graph_iri) == sha:
                    report.results.append(FileResult(path, "unchanged"))
                    continue
            g, _sha, result = _graph_for(path, body, date, base)
            if g is not None:
                store.replace_graph(graph_iri, str(minter.staging_graph(key)), g)
            report.results.append(result)
    return report


def _sha_of(path: str) -> str:
    import hashlib
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def bundled_minutes() -> list[Path]:
    """The example minutes shipped with govkg (data/minutes, installed as kg/data/minutes)."""
    here = Path(__file__).parent
    for folder in (here / "data" / "minutes", here.parent / "data" / "minutes"):
        if folder.is_dir():
            return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return []
