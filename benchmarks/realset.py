"""A real-minutes benchmark set: N documents made from the development corpus.

    python benchmarks/realset.py 1000 /tmp/real-1000

The corpus (../shared/corpus beside the project, or --corpus) holds a few dozen real
minutes in many house styles.  Each is read once (PDFs and Word files through govkg's own
readers, written out as their text, so workers do not spend the benchmark in pdfplumber),
then copied round-robin until there are N.  Each copy is made unique: copy k of a document
in round r has every year in it moved r years on (so it is another meeting of its body,
as a decade of minutes would be) and ends with a reference line naming k, so no two copies
share a content hash.  Nothing of the corpus is kept in the project: the set is written
to a folder outside it when the benchmark runs.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

_YEAR = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-4][0-9])(?![0-9])")
# formats kept as they are (text that govkg reads quickly); others become their text
_AS_IS = {".txt", ".md", ".html", ".htm", ".xml"}


class NoCorpus(Exception):
    """The development corpus is not beside the project."""


def corpus_sources(corpus: Path = DEFAULT_CORPUS) -> list[tuple[str, str]]:
    """(file name, text) of every minutes document of the corpus, readable formats as text."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kg.errors import GovkgError
    from kg.read import read_document
    if not corpus.is_dir():
        raise NoCorpus(f"no development corpus at {corpus}")
    out = []
    for p in sorted(corpus.rglob("*")):
        if not p.is_file() or p.name.startswith(".") or p.suffix.lower() == ".json":
            continue
        if p.name in ("README.md", "SOURCES.md"):
            continue
        if p.suffix.lower() in _AS_IS:
            out.append((p.name, p.read_text(encoding="utf-8", errors="replace")))
            continue
        try:
            doc = read_document(p)
        except GovkgError:
            continue
        # a PDF's text may hold NUL bytes, which govkg refuses in a .txt file
        out.append((p.stem + ".txt", doc.text.replace("\x00", "")))
    if not out:
        raise NoCorpus(f"no readable minutes in {corpus}")
    return out


def _shift_years(text: str, by: int) -> str:
    if not by:
        return text
    return _YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


def generate(n: int, out: Path, corpus: Path = DEFAULT_CORPUS) -> list[Path]:
    """Write n unique real-minutes documents to `out`; returns their paths."""
    sources = corpus_sources(corpus)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        name, text = sources[k % len(sources)]
        rnd = k // len(sources)
        stem, dot, ext = name.rpartition(".")
        ref = f"<!-- Reference {k:06d} -->" if ext in ("xml", "html", "htm") else f"Reference {k:06d}"
        body = _shift_years(text, rnd).rstrip("\n") + f"\n\n{ref}\n"
        p = out / f"{k:06d}-{stem}.{ext}"
        p.write_text(body, encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    args = ap.parse_args(argv)
    try:
        paths = generate(args.n, Path(args.out), Path(args.corpus))
    except NoCorpus as e:
        print(f"skipped: {e} (the real-minutes set is made from it)")
        return 0
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} documents, {size / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
