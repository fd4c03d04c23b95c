"""govkg demo: the day-one path on the bundled minutes, start to finish."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kg.errors import GovkgError
from kg.export import export_store
from kg.pipeline import build_into_store, bundled_minutes
from kg.store import GraphStore

DEMO_QUESTIONS = (
    "who owns the data set",
    "what is Julia Hassall accountable for",
    "who will recruit an independent advisor",
    "what did the board decide",
    "who manages the edge of care service",
)


def run_demo(store_path: str, out_dir: str = "outputs") -> Iterator[str]:
    """Build the bundled minutes, write the Turtle file and the HTML view, answer questions."""
    from kg.ask import answer
    from kg.viz import write_view

    files = bundled_minutes()
    if not files:
        raise GovkgError("no bundled minutes found (data/minutes); reinstall govkg")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = build_into_store([str(f) for f in files], store_path, force=True)
    for r in report.results:
        yield f"built {Path(r.path).name}: {r.triples} triples ({r.status})"
    with GraphStore(store_path, read_only=True) as store:
        ttl = out / "governance.ttl"
        n = export_store(store, "turtle", str(ttl))
        yield f"wrote {ttl} ({n} triples)"
        html = out / "accountability.html"
        info = write_view(store, str(html))
        yield f"wrote {html} ({info.nodes} nodes, {info.edges} edges; open it in a browser, works offline)"
        for q in DEMO_QUESTIONS:
            yield ""
            yield f"$ govkg ask \"{q}\""
            try:
                yield answer(store, q).text()
            except GovkgError as e:
                yield f"  ({e})"
