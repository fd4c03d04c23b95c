"""What keeping every sentence of each document in the text index would cost, and what it reaches.

    python benchmarks/sentencecost.py DOC_OR_FOLDER... [--store DIR] [--questions SET_FOLDER]

For each document: its text read as a build reads it, cut into sentences as build cuts a long
line (kg.build._SENTENCE_END; a line of up to 300 characters is one passage), each sentence's
word stems made as the index makes a fact's (kg.textindex.stems_of), and all of them written to
an SQLite table with an FTS5 table over the stems, as the index's other word tables are.  Prints
the CPU (process time) and bytes per document of that, beside the CPU of reading the documents
and, with --store, the store's own passages (the sentences the graph keeps: facts' evidence and
report-back candidates) and its text index file's size.  Nothing is written to the store: the
sentence table is a temporary file.

With --questions (an unseen set's folder holding questions.py, as /work/unseen/SET/), counts the
questions not right in the set's given results file whose expected fragment is in a sentence of
its text that is no passage of the graph (what kept sentences could reach at most), and of those
the ones whose sentence also holds every content word the question asks about.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_LONG = 300


def sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) of every line, a long line cut at its sentence ends."""
    from kg.build import _SENTENCE_END
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            continue
        if e - s <= _LONG:
            out.append((s, e, line.strip()))
            continue
        at = s
        for part in _SENTENCE_END.split(line):
            if part.strip():
                out.append((at, at + len(part), part.strip()))
            at += len(part) + 1
    return out


def files_of(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out += sorted(x for x in p.rglob("*") if x.is_file() and not x.name.endswith(".json")) if p.is_dir() else [p]
    return out


def measure(files: list[Path]) -> dict:
    from kg.read import read_document
    from kg.textindex import stems_of
    t0 = time.process_time()
    texts = []
    for f in files:
        try:
            texts.append((str(f), read_document(str(f)).text))
        except Exception:  # noqa: BLE001 - a file govkg cannot read is left out of the count
            continue
    read_cpu = time.process_time() - t0
    fd, db_path = tempfile.mkstemp(suffix=".sqlite", dir=os.environ.get("TMPDIR_SENT"))
    os.close(fd)
    db = sqlite3.connect(db_path)
    db.executescript("CREATE TABLE sents (id INTEGER PRIMARY KEY, graph TEXT, start INTEGER, end INTEGER, exact TEXT,"
                     " stems TEXT); CREATE VIRTUAL TABLE sent_words USING fts5(stems, content='sents', "
                     "content_rowid='id', tokenize='unicode61', prefix='2 3 4');")
    t1 = time.process_time()
    n = 0
    for g, text in texts:
        rows = [(g, a, b, ex, stems_of(ex)) for a, b, ex in sentences(text)]
        n += len(rows)
        db.execute("BEGIN")
        cur = db.executemany("INSERT INTO sents (graph, start, end, exact, stems) VALUES (?,?,?,?,?)", rows)
        db.execute("INSERT INTO sent_words (rowid, stems) SELECT id, stems FROM sents WHERE graph = ?", (g,))
        db.execute("COMMIT")
        del cur
    db.execute("PRAGMA wal_checkpoint")
    db.close()
    cpu = time.process_time() - t1
    size = os.path.getsize(db_path)
    os.unlink(db_path)
    chars = sum(len(t) for _, t in texts)
    return {"documents": len(texts), "sentences": n, "text_bytes": chars, "read_cpu_s": read_cpu,
            "sentence_cpu_s": cpu, "sentence_table_bytes": size}


def store_figures(store: str) -> dict:
    from kg.query import run_named
    from kg.store import GraphStore
    from kg.textindex import FILE
    with GraphStore(store, read_only=True) as st:
        _, rows = run_named(st, "passages")
    index = Path(store) / FILE
    return {"passages": len({r["passage"] for r in rows}), "index_bytes": index.stat().st_size if index.exists() else 0}


def reach(set_dir: str, results: str, store_root: str) -> dict:
    """Of a set's questions not right, those whose fragment is in a sentence of its text that no
    passage of its store holds, and of those, those whose sentence holds the question's words."""
    sys.path.insert(0, set_dir)
    import questions as QS  # noqa: E402 - the set's own table
    from kg.ask import content_words, mentions_all
    from kg.query import run_named
    from kg.read import read_document
    from kg.store import GraphStore
    done = {(r["body"], r["question"]): r["verdict"] for r in json.load(open(results))["single"]}
    asked = re.compile(r"^(?:who|what|when|which|how many|were|was|did)\b(?: \w+){0,3}? (?:the )?")
    out = {"not_right": 0, "fragment_in_unkept_sentence": 0, "with_question_words": 0, "which": []}
    for key, qs in QS.SINGLE.items():
        text = read_document(os.path.join(set_dir, QS.FILES[key])).text
        with GraphStore(os.path.join(store_root, key), read_only=True) as st:
            kept = {" ".join(r["exact"].split()) for r in run_named(st, "passages")[1]}
        unkept = [" ".join(s.split()) for _, _, s in sentences(text)]
        unkept = [s for s in unkept if s not in kept and not any(s in k for k in kept)]
        for q in qs:
            if done.get((key, q.question)) == "right":
                continue
            out["not_right"] += 1
            hits = [s for s in unkept if all(re.search(f, s, re.I) for f in q.says)]
            if not hits:
                continue
            out["fragment_in_unkept_sentence"] += 1
            words = content_words(asked.sub("", q.question.lower()))
            words = [w for w in words if w not in {"meet", "minut"}]
            if any(mentions_all(s, words[:3]) for s in hits):
                out["with_question_words"] += 1
                out["which"].append(f"{key}: {q.kind}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--store")
    ap.add_argument("--questions")
    ap.add_argument("--results")
    ap.add_argument("--stores", help="the folder of the set's per-body stores (with --questions)")
    a = ap.parse_args(argv)
    m = measure(files_of(a.paths))
    d = max(m["documents"], 1)
    print(f"documents {m['documents']}, sentences {m['sentences']} ({m['sentences'] / d:.0f} a document), "
          f"text {m['text_bytes'] / d / 1024:.1f} KB a document")
    print(f"sentences kept: {m['sentence_cpu_s'] / d * 1000:.1f} ms CPU a document (reading the documents: "
          f"{m['read_cpu_s'] / d * 1000:.1f} ms), {m['sentence_table_bytes'] / d / 1024:.1f} KB a document")
    if a.store:
        s = store_figures(a.store)
        print(f"store: {s['passages']} passages ({s['passages'] / d:.0f} a document), text index "
              f"{s['index_bytes'] / d / 1024:.1f} KB a document")
    if a.questions:
        r = reach(a.questions, a.results, a.stores)
        print(f"reach: of {r['not_right']} questions not right, {r['fragment_in_unkept_sentence']} have their "
              f"answer in a sentence the graph does not keep; {r['with_question_words']} of those sentences "
              f"also hold the question's words ({', '.join(r['which'])})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
