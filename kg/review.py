"""review: what in the graph most needs a person's eye, and the correction that would fix it.

Each row is one thing the reading could not settle, ranked (most needing attention first):

1. initials that fit several people of one body ("MH": Mike Hosking or Marion Harvey?),
   read as a person of their own or left out of an action's owners ("MH and CC will ...");
2. actions owned by a post that no named person holds in those minutes ("the Clerk");
3. names that fit several people ("J Bell": Jim or Jimmy?);
4. initials that fit nobody ("MP" with no MP among those named);
5. people that may be one: close names in one body ("Jim Bell" / "Jimmy Bell");
6. actions without an owner;
7. facts read with low confidence: a name read as a person that the graph also has as an
   organisation ("SCC will cover the costs");
8. people known only by a surname or initials and a surname ("Cllr Shewell"): the graph
   holds them, a person may give their full name.

Within a kind, the more facts a row touches, the higher it ranks.  Every row carries its
evidence (the sentence of the minutes) and `fix`: the lines to paste into the corrections
file (kg.corrections), with `by` and `why` left for the person to fill in.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from kg.query import get_named

COLUMNS = ["rank", "issue", "subject", "body", "facts", "evidence", "source", "fix"]

_WEIGHT = {"initials fit several people": 600, "post with no named holder": 500, "name fits several people": 450,
           "initials fit nobody": 400, "may be one person": 300, "action without owner": 200,
           "may be an organisation": 150, "no full name": 100}


@dataclass
class _Row:
    issue: str
    subject: str
    body: str
    facts: int
    evidence: str
    source: str
    fix: str
    source_quote: str = ""  # an action's sentence this row already offers a fix for

    @property
    def score(self) -> int:
        return _WEIGHT[self.issue] + min(self.facts, 99)


def review(store, meetings: set[str] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Rows of what needs a person's eye in the store, ranked; columns as COLUMNS.  With
    `meetings` (IRIs), only the rows read from those meetings' minutes (ranked among
    themselves).

    The ranked rows of a store folder are kept in its index for the next reader of the same
    state of the store (kg.textindex.remembered): finding them reads every fact naming a
    person (a minute at 4,000 documents), a page or a body's rows after it read them back."""
    from kg import textindex
    rows = textindex.remembered(store, "review " + _code_mark(), lambda: _ranked(store))
    if meetings is not None:
        from kg.ask import meetings as meeting_info
        sources = {m.source for iri, m in meeting_info(store, meetings).items() if iri in meetings and m.source}
        rows = [r for r in rows if r["source"] in sources]
    return COLUMNS, [{"rank": str(i), **r} for i, r in enumerate(rows, 1)]


def _code_mark() -> str:
    """What the ranked rows are made by: this module's and kg.resolve's code (whose name
    tests it uses) and the queries it reads; rows kept by other code are not read back."""
    import hashlib
    from kg import resolve
    h = hashlib.sha256()
    for path in (__file__, resolve.__file__):
        h.update(Path(path).read_bytes())
    for name in ("review-mentions", "review-unowned", "organisations", "corrections"):
        h.update(get_named(name).text.encode())
    return h.hexdigest()[:16]


def _ranked(store) -> list[dict[str, str]]:
    """Every review row of the store, ranked (most needing attention first), without its rank."""
    mentions = store.select(get_named("review-mentions").text)[1]
    unowned = store.select(get_named("review-unowned").text)[1]
    orgs = store.select(get_named("organisations").text)[1]
    # two people a person has already kept apart are not offered for merging again
    apart: dict[str, set[str]] = {}
    for c in store.select(get_named("corrections").text)[1]:
        if c["kind"] == "keep_apart" and c.get("target"):
            apart.setdefault(c["correction"], set()).add(c["target"])
    rows = _people_rows(mentions, orgs, list(apart.values()))
    rows += _left_out_rows(mentions, unowned)
    rows += _unowned_rows(unowned, {r.source_quote for r in rows if r.source_quote})
    rows.sort(key=lambda r: (-r.score, r.body, r.subject))
    return [{"issue": r.issue, "subject": r.subject, "body": r.body, "facts": str(r.facts),
             "evidence": r.evidence, "source": r.source, "fix": r.fix} for r in rows]


def as_toml(rows: list[dict[str, str]]) -> str:
    """The fixes of review rows as a corrections file to edit: each headed by its issue and
    evidence as comments; `by` and `why` are left empty, so the file is refused until a
    person fills them in."""
    parts = ["# Corrections suggested by `govkg review`: keep the ones that are right, fill in by and why,",
             "# delete the rest, then paste them into the store's corrections.toml and build again.", ""]
    for r in rows:
        parts.append(f"# {r['rank']}. {r['issue']}: {r['subject']}" + (f" ({r['body']})" if r["body"] else ""))
        if r.get("evidence"):
            parts.append(f"#    {_short(r['evidence'], 150)}")
        parts.append(r["fix"])
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


# -- people ---------------------------------------------------------------------------------

@dataclass
class _Person:
    iri: str
    name: str
    body: str
    body_name: str
    facts: dict  # fact IRI -> row


def _people_rows(mentions: list[dict[str, str]], orgs: list[dict[str, str]],
                 apart: list[set[str]] = ()) -> list[_Row]:
    from kg.resolve import _code_fits, _initials_fit, _surname_fits, parse_name

    people: dict[tuple[str, str], _Person] = {}
    for m in mentions:
        k = (m["person"], m["body"])
        p = people.setdefault(k, _Person(m["person"], m["name"], m["body"], m.get("body_name", ""), {}))
        p.facts.setdefault(m["fact"], m)
    org_forms = {(r.get("mention") or r.get("name") or "").strip().casefold() for r in orgs}
    rows: list[_Row] = []
    by_body: dict[str, list[_Person]] = {}
    for p in people.values():
        by_body.setdefault(p.body, []).append(p)
    for body, members in by_body.items():
        full = []
        for p in members:
            pn = parse_name(p.name, {})
            if pn is not None and pn.full:
                full.append((p, pn))
        for p in members:
            pn = parse_name(p.name, {})
            if pn is None or pn.full:
                continue
            ev, src = _evidence(p)
            if not pn.surname:
                cands = [q for q, qn in full if _code_fits(pn.initials, qn)]
                if len(cands) >= 2:
                    rows.append(_Row("initials fit several people", p.name, p.body_name, len(p.facts), ev, src,
                                     _alias_fix(p, cands)))
                    continue
                if _looks_like_org(p.name, org_forms):
                    rows.extend(_org_rows(p, ev, src))
                    continue
                rows.append(_Row("initials fit nobody", p.name, p.body_name, len(p.facts), ev, src,
                                 _name_fix(p)))
                continue
            cands = [q for q, qn in full if _surname_fits(pn.surname, qn)
                     and (not pn.initials or _initials_fit(pn.initials, qn))]
            if len(cands) >= 2:
                rows.append(_Row("name fits several people", p.name, p.body_name, len(p.facts), ev, src,
                                 _alias_fix(p, cands)))
                continue
            rows.append(_Row("no full name", p.name, p.body_name, len(p.facts), ev, src, _name_fix(p)))
        rows.extend(_close_pairs(full, apart))
    return rows


def _looks_like_org(name: str, org_forms: set[str]) -> bool:
    # two capitals are someone's initials far more often than an organisation's acronym
    return len(name) >= 3 and name.casefold() in org_forms


def _org_rows(p: _Person, ev: str, src: str) -> list[_Row]:
    """A capitalised name read as a person that the graph also has as an organisation."""
    acts = [f for f in p.facts.values() if f.get("kind") == "Action" and f.get("evidence")]
    if acts:
        fix = "\n\n".join(_action_fix(f, f"owner_org = {_s(p.name)}") for f in acts)
        return [_Row("may be an organisation", p.name, p.body_name, len(p.facts), ev, src, fix)]
    fix = "\n\n".join(_drop_fix(f) for f in p.facts.values() if f.get("evidence"))
    return [_Row("may be an organisation", p.name, p.body_name, len(p.facts), ev, src, fix)]


def _close_pairs(full: list, apart: list[set[str]] = ()) -> list[_Row]:
    """Two full names of one body that differ by a letter, or by a given name that one
    shortens ('Jim'/'Jimmy'), the same surname: the reading kept them apart."""
    from kg.resolve import _edit1
    rows = []
    for i, (a, an) in enumerate(full):
        for b, bn in full[i + 1:]:
            if a.iri == b.iri or any({a.iri, b.iri} <= kept for kept in apart):
                continue
            same_sur = an.surname.casefold() == bn.surname.casefold()
            ga, gb = an.given[0].casefold(), bn.given[0].casefold()
            close_given = ga != gb and (ga.startswith(gb) or gb.startswith(ga) or _edit1(ga, gb)) and ga[0] == gb[0]
            # "Tom A" and "Tom C": an initial standing for a surname is no near spelling of another
            close_sur = ga == gb and not same_sur and min(len(an.surname), len(bn.surname)) > 2 \
                and _edit1(an.surname.casefold(), bn.surname.casefold())
            if not ((same_sur and close_given) or close_sur):
                continue
            keep, other = (a, b) if len(a.facts) >= len(b.facts) else (b, a)
            ev, src = _evidence(other)
            body = f"body = {_s(a.body_name)}\n" if a.body_name else ""
            fix = (f"[[merge]]\npeople = [{_s(keep.name)}, {_s(other.name)}]\n{body}by = \"\"\nwhy = \"\"\n"
                   f"# or, if they are two people:\n# [[keep_apart]]\n# people = [{_s(keep.name)}, {_s(other.name)}]\n"
                   + (f"# {body}" if body else "") + "# by = \"\"\n# why = \"\"")
            rows.append(_Row("may be one person", f"{keep.name} / {other.name}", a.body_name,
                             len(a.facts) + len(b.facts), ev, src, fix))
    return rows


def _name_fix(p: _Person) -> str:
    """Give a person the graph knows by part of a name their full name: every form of it
    the minutes wrote ("Cllr Shewell", "Shewell") follows, where an alias would move one."""
    return (f"[[person]]\nname = {_s(p.name)}\ncanonical = \"\"  # their full name\n"
            f"{_within(p.body_name, _evidence(p)[1])}by = \"\"\nwhy = \"\"")


def _left_out_rows(mentions: list[dict[str, str]], unowned: list[dict[str, str]]) -> list[_Row]:
    """Initials written in an action's sentence that fit several people of its body and that
    the reading left out of its owners ("MH and CC will manage this", two people "(MH)")."""
    from kg.resolve import _code_fits, parse_name

    full: dict[str, dict[str, object]] = {}  # body -> person name -> parsed
    owners: dict[str, set[str]] = {}  # action -> names of the people read as its owners
    actions: dict[str, dict] = {}
    for m in mentions:
        pn = parse_name(m["name"], {})
        if pn is not None and pn.full:
            full.setdefault(m["body"], {})[m["name"]] = pn
        if m.get("kind") == "Action" and m.get("evidence"):
            owners.setdefault(m["fact"], set()).add(m["name"])
            actions.setdefault(m["fact"], m)
    for r in unowned:
        if r.get("evidence") and r.get("body"):
            actions.setdefault(r["action"], {**r, "fact": r["action"]})
            owners.setdefault(r["action"], set())
    rows = []
    for iri, a in actions.items():
        ev = " ".join(a["evidence"].split())
        for code in dict.fromkeys(re.findall(r"(?<![\w/])[A-Z][A-Za-z]?[A-Z][a-z]?(?![\w/])", ev)):
            cands = [n for n, pn in full.get(a["body"], {}).items() if _code_fits(code, pn)]
            # read as owners already: as a person of their own ("AH", a row of its own) or a candidate
            if len(cands) < 2 or owners[iri] & (set(cands) | {code}):
                continue
            key = "add_owner" if owners[iri] else "owner"
            fix = _action_fix(a, f"{key} = {_s(cands[0])}  # or " + ", ".join(_s(c) for c in cands[1:]))
            rows.append(_Row("initials fit several people", code, a.get("body_name", ""), 1, ev,
                             a.get("source", ""), fix, source_quote=ev))
    return rows


def _alias_fix(p: _Person, cands: list[_Person]) -> str:
    who = cands[0].name if cands else ""
    others = "  # or " + ", ".join(_s(c.name) for c in cands[1:]) if len(cands) > 1 else \
        ("  # who is this?" if not cands else "")
    return (f"[[alias]]\nsurface = {_s(p.name)}\nperson = {_s(who)}{others}\n{_within(p.body_name, _evidence(p)[1])}"
            f"by = \"\"\nwhy = \"\"")


def _within(body: str, source: str) -> str:
    """An alias holds in one body's minutes; where the body is not known, in one document."""
    return f"body = {_s(body)}\n" if body else f"document = {_s(Path(source).name)}\n"


def _evidence(p: _Person) -> tuple[str, str]:
    """The sentence of one of the person's facts, one that writes their name where there is."""
    word = re.split(r"[\s.]+", p.name.strip())[-1].casefold() if p.name.strip() else ""
    with_ev = [f for f in p.facts.values() if f.get("evidence")]
    for f in sorted(with_ev, key=lambda f: word not in f["evidence"].casefold()):
        return " ".join(f["evidence"].split()), f.get("source", "")
    for f in p.facts.values():
        if f.get("source"):
            return "", f["source"]
    return "", ""


# -- actions --------------------------------------------------------------------------------

def _unowned_rows(unowned: list[dict[str, str]], offered: set[str] = frozenset()) -> list[_Row]:
    rows = []
    by_action: dict[str, dict] = {}
    for r in unowned:
        if " ".join(r.get("evidence", "").split()) not in offered:
            by_action.setdefault(r["action"], r)
    posts: dict[tuple[str, str], list[dict]] = {}
    for r in by_action.values():
        if r.get("role"):
            posts.setdefault((r.get("body_name", ""), r["role"]), []).append(r)
            continue
        ev = " ".join(r.get("evidence", "").split())
        # what the reading took for a task may be none (a decision, a hope, a heading)
        alt = "\n".join("# " + ln for ln in _drop_fix(r, "action").splitlines())
        rows.append(_Row("action without owner", _short(" ".join(r["text"].split()), 80), r.get("body_name", ""), 1,
                         ev, r.get("source", ""), _action_fix(r, "owner = \"\"  # or owner_org = \"...\"")
                         + "\n# or, if it is no action:\n" + alt))
    for (body, role), acts in posts.items():
        first = acts[0]
        fix = (f"[[alias]]\npost = {_s(role)}\nperson = \"\"  # who was the {role}?\n"
               f"{_within(body, first.get('source', ''))}"
               + (f"since = {_s(first['date'])}  # from this meeting on; delete to apply to every meeting\n"
                  if first.get("date") else "") + "by = \"\"\nwhy = \"\"")
        rows.append(_Row("post with no named holder", f"the {role}", body, len(acts),
                         " ".join(first.get("evidence", "").split()), first.get("source", ""), fix))
    return rows


def _action_fix(fact: dict, change: str) -> str:
    return (f"[[action]]\ndocument = {_s(Path(fact.get('source', '')).name)}\nquote = {_s(_quote(fact))}\n"
            f"{change}\nby = \"\"\nwhy = \"\"")


def _drop_fix(fact: dict, kind: str | None = None) -> str:
    return (f"[[drop]]\ndocument = {_s(Path(fact.get('source', '')).name)}\nquote = {_s(_quote(fact))}\n"
            + (f"kind = {_s(kind)}\n" if kind else "") + "by = \"\"\nwhy = \"\"")


def _quote(fact: dict) -> str:
    """Enough of the sentence to find it again: its first words, whole words only."""
    q = " ".join((fact.get("evidence") or "").split())
    if len(q) <= 100:
        return q
    cut = q[:100]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _s(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value or "", ensure_ascii=False)
