"""Corrections: what a person decided, kept beside the minutes and applied on every build.

A corrections file (TOML, one per store by default: STORE/corrections.toml) holds entries
that a person edits and keeps in version control.  Every entry says who made it (`by`)
and why (`why`); the graph records both on a gov:Correction node, so a reader can tell
what the minutes said from what a person decided.

    [[merge]]        people = ["R W Gough", "Mr Gough"]      (or organisations = [...]); the first name is kept
    [[keep_apart]]   people = ["J Smith", "John Smith"]
    [[person]]       name = "Andrew St", canonical = "Andrew St. Ledger", post = "Chair", organisation = "..."
    [[alias]]        surface = "MH" (or post = "Chair"), person = "Marion Harvey", body = "...", since = "2012-01-01"
    [[drop]]         iri = "..."  or  document = "minutes.pdf", quote = "..." (kind = "action" to narrow)
    [[action]]       iri = "..."  or  document + quote; owner / owner_org / add_owner / add_owner_org, due, status
    [[report_back]]  action (an IRI) or action_document + action_quote; document + quote of the report; status

Corrections are data applied at defined stages of the pipeline:

- before resolve (`before_resolve`): aliases of initials and posts, action edits (a new
  owner must be resolved like any name read), and which facts to drop;
- after resolve (`after_resolve`): merges, keep-apart, a person's canonical name, post and
  organisation;
- build skips dropped facts and records each correction node and what it touched (it is
  still the only place that mints IRIs);
- report-back links are applied where report-backs are linked (`apply_report_backs`,
  called by kg.link).

The file is parsed and validated up front: a malformed file raises CorrectionsError naming
the file, the line and what is wrong, and nothing is built.  A correction that applied to
no document is reported by the build as stale (see `stale_message`), never silently dropped.
"""
from __future__ import annotations

import copy
import datetime
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GovkgError
from kg.records import Extraction, OrgEntity, OrgRef, Owner, PersonEntity, PersonRef, Resolution

try:  # Python 3.11+; the tomli backport (a dependency on 3.10) otherwise
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

DEFAULT_NAME = "corrections.toml"
STATES = ("open", "done", "in_progress", "no_progress", "carried_forward", "dropped")
FACT_KINDS = ("attendance", "declaration", "decision", "action", "statement", "judgement", "responsibility")
_FACT_IRI = re.compile(r"/(" + "|".join(FACT_KINDS) + r")/([0-9a-f]{10})-(\d+)$")


class CorrectionsError(GovkgError):
    """The corrections file cannot be read or one of its entries is malformed."""


# -- records -------------------------------------------------------------------------------

@dataclass
class Correction:
    """What every entry has: its kind, who made it, why, and where it is in the file."""

    kind: str
    by: str
    why: str
    line: int
    id: str = ""
    text: str = ""  # the entry as written in the file


@dataclass
class Merge(Correction):
    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    body: str | None = None


@dataclass
class KeepApart(Correction):
    people: list[str] = field(default_factory=list)
    body: str | None = None


@dataclass
class PersonFix(Correction):
    name: str = ""
    canonical: str | None = None
    post: str | None = None
    organisation: str | None = None
    body: str | None = None
    document: str | None = None  # one document, where its body is not known


@dataclass
class Alias(Correction):
    person: str = ""
    body: str | None = None  # the body whose minutes it holds in (or document)
    document: str | None = None  # one document, where its body is not known
    surface: str | None = None  # initials or a name as written
    post: str | None = None  # "Chair", "Clerk": the post's holder in this body
    since: str | None = None  # ISO date: from this meeting on


@dataclass
class Target:
    """A fact named by its IRI, or by its document and a quote of its sentence."""

    iri: str | None = None
    document: str | None = None
    quote: str | None = None
    kind: str | None = None  # narrows a quote to one kind of fact


@dataclass
class Drop(Correction):
    target: Target = field(default_factory=Target)


@dataclass
class ActionEdit(Correction):
    target: Target = field(default_factory=Target)
    owner: list[str] | None = None  # replaces the owners read (people)
    owner_org: list[str] | None = None  # replaces the owners read (organisations)
    add_owner: list[str] = field(default_factory=list)
    add_owner_org: list[str] = field(default_factory=list)
    due: str | None = None
    status: str | None = None


@dataclass
class ReportBackLink(Correction):
    action: Target = field(default_factory=Target)  # the earlier action
    report: Target = field(default_factory=Target)  # the later sentence that reports on it
    status: str = "in_progress"


@dataclass
class Corrections:
    """A parsed, validated corrections file."""

    path: str | None = None
    sha256: str = ""
    entries: list[Correction] = field(default_factory=list)

    def of(self, cls) -> list:
        return [e for e in self.entries if isinstance(e, cls)]

    def where(self, c: Correction) -> str:
        return f"{self.path}:{c.line}"


# -- parsing -------------------------------------------------------------------------------

_COMMON = {"by", "why", "id"}
_KEYS = {
    "merge": {"people", "organisations", "body"},
    "keep_apart": {"people", "body"},
    "person": {"name", "canonical", "post", "organisation", "body", "document"},
    "alias": {"surface", "post", "person", "body", "document", "since"},
    "drop": {"iri", "document", "quote", "kind"},
    "action": {"iri", "document", "quote", "owner", "owner_org", "add_owner", "add_owner_org", "due", "status"},
    "report_back": {"action", "action_document", "action_quote", "document", "quote", "status"},
}


def default_path(store: str | os.PathLike | None) -> Path | None:
    """STORE/corrections.toml, where a store folder is given."""
    return Path(store) / DEFAULT_NAME if store else None


def load(path: str | os.PathLike) -> Corrections:
    """Read and validate a corrections file; CorrectionsError (file:line: what) if malformed."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise CorrectionsError(f"{p}: no such corrections file; create it or leave out --corrections") from None
    except OSError as e:
        raise CorrectionsError(f"{p}: cannot read the corrections file ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{p}:1: the corrections file is not UTF-8 text; save it as UTF-8") from None
    return parse(text, str(p), sha256=hashlib.sha256(raw).hexdigest())


def parse(text: str, path: str = "corrections.toml", *, sha256: str | None = None) -> Corrections:
    """Parse corrections from TOML text (see the module docstring for the entries)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e))
        line = m.group(1) if m else "?"
        raise CorrectionsError(f"{path}:{line}: not valid TOML: {msg}") from None
    lines = _Lines(text)
    out = Corrections(path=path, sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest())
    for kind, entries in data.items():
        if kind not in _KEYS:
            raise CorrectionsError(f"{path}:{lines.table(kind, 0) or lines.key_anywhere(kind)}: unknown kind of "
                                   f"correction [[{kind}]]; use one of {', '.join('[[' + k + ']]' for k in _KEYS)}")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise CorrectionsError(f"{path}:{lines.key_anywhere(kind)}: write each {kind} correction as a "
                                   f"[[{kind}]] table")
        for i, entry in enumerate(entries):
            line = lines.table(kind, i) or lines.key_anywhere(kind)
            c = _entry(kind, entry, _Where(path, line, lines))
            c.text = lines.entry_text(line) if lines.table(kind, i) else ""
            out.entries.append(c)
    seen: dict[str, int] = {}
    for c in out.entries:
        if c.id in seen:
            raise CorrectionsError(f"{path}:{c.line}: this correction repeats the one at line {seen[c.id]}; "
                                   "remove one of them")
        seen[c.id] = c.line
    return out


class _Lines:
    """Line numbers of [[kind]] tables and of keys, which tomllib does not report."""

    def __init__(self, text: str):
        self.rows = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for n, row in enumerate(self.rows, 1):
            m = re.match(r"\s*\[\[\s*([\w-]+)\s*\]\]", row)
            if m:
                self.tables.setdefault(m.group(1), []).append(n)

    def table(self, kind: str, i: int) -> int | None:
        found = self.tables.get(kind, [])
        return found[i] if i < len(found) else None

    def entry_text(self, start: int) -> str:
        """The lines of the [[table]] that starts at line `start`, without trailing blanks."""
        rows = [self.rows[start - 1]]
        for row in self.rows[start:]:
            if re.match(r"\s*\[", row):
                break
            rows.append(row)
        while rows and not rows[-1].strip():
            rows.pop()
        return "\n".join(rows)

    def key_anywhere(self, key: str) -> int:
        for n, row in enumerate(self.rows, 1):
            if re.match(rf"\s*{re.escape(key)}\s*=", row):
                return n
        return 1

    def key_after(self, start: int, key: str) -> int:
        for n in range(start, len(self.rows) + 1):
            row = self.rows[n - 1]
            if n > start and re.match(r"\s*\[", row):
                break
            if re.match(rf"\s*{re.escape(key)}\s*=", row):
                return n
        return start


@dataclass
class _Where:
    path: str
    line: int
    lines: _Lines

    def fail(self, what: str, key: str | None = None) -> CorrectionsError:
        line = self.lines.key_after(self.line, key) if key else self.line
        return CorrectionsError(f"{self.path}:{line}: {what}")


def _text(entry: dict, key: str, where: _Where, kind: str, *, required: bool = False) -> str | None:
    v = entry.get(key)
    if v is None:
        if required:
            raise where.fail(f"[[{kind}]] needs {key} = \"...\"" + _HELP.get(key, ""))
        return None
    if not isinstance(v, str):
        raise where.fail(f"[[{kind}]] {key} must be text in quotes, not {type(v).__name__}", key)
    v = " ".join(v.split())
    if required and not v:
        raise where.fail(f"[[{kind}]] {key} is empty" + _HELP.get(key, ""), key)
    return v or None


def _names(entry: dict, key: str, where: _Where, kind: str) -> list[str] | None:
    v = entry.get(key)
    if v is None:
        return None
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise where.fail(f"[[{kind}]] {key} must be a name or a list of names in quotes", key)
    return [" ".join(x.split()) for x in v]


_HELP = {"by": " (who made this correction)", "why": " (why: what the minutes got wrong, in a few words)"}


def _date(value: str | None, key: str, where: _Where, kind: str) -> str | None:
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise where.fail(f"[[{kind}]] {key} = {value!r} is not a date; write YYYY-MM-DD", key) from None
    return value


def _target(entry: dict, where: _Where, kind: str, prefix: str = "") -> Target:
    iri = _text(entry, prefix or "iri", where, kind)
    doc = _text(entry, f"{prefix}_document" if prefix else "document", where, kind)
    quote = _text(entry, f"{prefix}_quote" if prefix else "quote", where, kind)
    name = prefix or "iri"
    if iri and (doc or quote):
        raise where.fail(f"[[{kind}]] give either {name} or {prefix + '_' if prefix else ''}document and "
                         f"{prefix + '_' if prefix else ''}quote, not both", name)
    if iri:
        if not _FACT_IRI.search(iri):
            raise where.fail(f"[[{kind}]] {name} = {iri!r} is not the IRI of a fact (an action, decision, "
                             "attendance, declaration, statement, judgement or responsibility)", name)
        return Target(iri=iri)
    if not (doc and quote):
        missing = "quote" if doc else "document"
        raise where.fail(f"[[{kind}]] needs {name} = \"...\" or both {prefix + '_' if prefix else ''}document and "
                         f"{prefix + '_' if prefix else ''}quote (missing {missing})")
    return Target(document=doc, quote=quote)


def _entry(kind: str, entry: dict, where: _Where) -> Correction:
    unknown = sorted(set(entry) - _KEYS[kind] - _COMMON)
    if unknown:
        raise where.fail(f"[[{kind}]] has no key {unknown[0]!r}; its keys are "
                         f"{', '.join(sorted(_KEYS[kind] | {'by', 'why'}))}", unknown[0])
    by = _text(entry, "by", where, kind, required=True)
    why = _text(entry, "why", where, kind, required=True)
    common = dict(kind=kind, by=by, why=why, line=where.line)
    if kind == "merge":
        people, orgs = _names(entry, "people", where, kind), _names(entry, "organisations", where, kind)
        if bool(people) == bool(orgs):
            raise where.fail("[[merge]] needs people = [...] or organisations = [...] (one of them)")
        names = people or orgs
        if len(set(n.casefold() for n in names)) < 2:
            raise where.fail("[[merge]] needs at least two different names; the first is the one kept",
                             "people" if people else "organisations")
        c: Correction = Merge(**common, people=people or [], organisations=orgs or [],
                              body=_text(entry, "body", where, kind))
    elif kind == "keep_apart":
        people = _names(entry, "people", where, kind) or []
        if len(people) != 2 or people[0].casefold() == people[1].casefold():
            raise where.fail("[[keep_apart]] needs people = [\"A\", \"B\"]: two different names", "people")
        c = KeepApart(**common, people=people, body=_text(entry, "body", where, kind))
    elif kind == "person":
        c = PersonFix(**common, name=_text(entry, "name", where, kind, required=True),
                      canonical=_text(entry, "canonical", where, kind), post=_text(entry, "post", where, kind),
                      organisation=_text(entry, "organisation", where, kind), body=_text(entry, "body", where, kind),
                      document=_text(entry, "document", where, kind))
        if not (c.canonical or c.post or c.organisation):
            raise where.fail("[[person]] needs canonical, post or organisation: what to give the person")
    elif kind == "alias":
        surface, post = _text(entry, "surface", where, kind), _text(entry, "post", where, kind)
        if bool(surface) == bool(post):
            raise where.fail("[[alias]] needs surface = \"MH\" (initials or a name as written) or "
                             "post = \"Chair\" (one of them)")
        body, document = _text(entry, "body", where, kind), _text(entry, "document", where, kind)
        if not (body or document):
            raise where.fail("[[alias]] needs body = \"...\" (the body in whose minutes it holds) or "
                             "document = \"...\" (one document)")
        c = Alias(**common, surface=surface, post=post and re.sub(r"(?i)^the\s+", "", post),
                  person=_text(entry, "person", where, kind, required=True), body=body, document=document,
                  since=_date(_text(entry, "since", where, kind), "since", where, kind))
    elif kind == "drop":
        t = _target(entry, where, kind)
        t.kind = _text(entry, "kind", where, kind)
        if t.kind and t.kind not in FACT_KINDS:
            raise where.fail(f"[[drop]] kind = {t.kind!r}: use one of {', '.join(FACT_KINDS)}", "kind")
        c = Drop(**common, target=t)
    elif kind == "action":
        t = _target(entry, where, kind)
        t.kind = "action"
        status = _text(entry, "status", where, kind)
        if status and status not in STATES:
            raise where.fail(f"[[action]] status = {status!r}: use one of {', '.join(STATES)}", "status")
        c = ActionEdit(**common, target=t, owner=_names(entry, "owner", where, kind),
                       owner_org=_names(entry, "owner_org", where, kind),
                       add_owner=_names(entry, "add_owner", where, kind) or [],
                       add_owner_org=_names(entry, "add_owner_org", where, kind) or [],
                       due=_text(entry, "due", where, kind), status=status)
        if not (c.owner or c.owner_org or c.add_owner or c.add_owner_org or c.due or c.status):
            raise where.fail("[[action]] changes nothing: give owner, owner_org, add_owner, add_owner_org, "
                             "due or status")
    else:  # report_back
        status = _text(entry, "status", where, kind) or "in_progress"
        if status not in STATES or status == "open":
            raise where.fail(f"[[report_back]] status = {status!r}: use one of "
                             f"{', '.join(s for s in STATES if s != 'open')}", "status")
        action = _target(entry, where, kind, prefix="action")
        action.kind = "action"
        c = ReportBackLink(**common, action=action, report=_target(entry, where, kind), status=status)
    c.id = _entry_id(kind, entry)
    return c


def _entry_id(kind: str, entry: dict) -> str:
    """Stable across edits of other entries and of the file's layout: a hash of the entry."""
    if entry.get("id"):
        return re.sub(r"[^a-z0-9-]+", "-", str(entry["id"]).lower()).strip("-") or "x"
    canon = json.dumps({"kind": kind, **entry}, sort_keys=True, ensure_ascii=False, default=str)
    return f"{kind.replace('_', '-')}-{hashlib.sha1(canon.encode('utf-8')).hexdigest()[:10]}"


# -- applying ---------------------------------------------------------------------------

def norm(s: str | None) -> str:
    """Names and quotes compared as a reader would: case, spacing, 'the' and dots folded."""
    s = " ".join((s or "").replace("\u2019", "'").split()).casefold()
    return re.sub(r"^the\s+", "", s)


def _quote_norm(s: str | None) -> str:
    return " ".join((s or "").replace("\u2019", "'").replace("\u2018", "'").split()).casefold()


@dataclass
class Applied:
    """What the corrections did to one document: handed from stage to stage, read by build."""

    dropped: set[tuple[str, int]] = field(default_factory=set)  # (fact kind, index)
    # correction id -> what it touched: ("fact", kind, n) | ("person", key) | ("org", key)
    touched: dict[str, list[tuple]] = field(default_factory=dict)
    applied: set[str] = field(default_factory=set)
    missed: dict[str, str] = field(default_factory=dict)  # correction id -> why it did not apply here
    post_aliases: dict[str, str] = field(default_factory=dict)  # post (folded) -> person name

    def hit(self, c: Correction, *what: tuple) -> None:
        self.applied.add(c.id)
        self.missed.pop(c.id, None)
        self.touched.setdefault(c.id, []).extend(what)

    def miss(self, c: Correction, why: str) -> None:
        if c.id not in self.applied:
            self.missed[c.id] = why


def _document_matches(doc_path: str, wanted: str) -> bool:
    a = os.path.abspath(doc_path)
    w = wanted.replace("\\", "/")
    return a == os.path.abspath(wanted) or a.replace("\\", "/").endswith("/" + w.lstrip("/")) \
        or Path(doc_path).name == Path(w).name and "/" not in w


def _body_matches(ex: Extraction, body: str | None) -> bool:
    if not body:
        return True
    from kg.ids import slug
    have = ex.meeting.body or ""
    return bool(have) and (norm(have) == norm(body) or slug(have) == slug(body))


def _since_ok(ex: Extraction, since: str | None) -> bool:
    return not since or bool(ex.meeting.date and ex.meeting.date >= since)


def _fact_lists(ex: Extraction) -> dict[str, list]:
    return {"attendance": ex.attendance, "declaration": ex.declarations, "decision": ex.decisions,
            "action": ex.actions, "statement": ex.statements, "judgement": ex.judgements,
            "responsibility": ex.responsibilities}


def _find_facts(ex: Extraction, t: Target, doc_key: str, c: Correction, applied: Applied) -> list[tuple[str, int]]:
    """The (kind, index) of the facts a target names in this document; a miss is noted."""
    lists = _fact_lists(ex)
    if t.iri:
        m = _FACT_IRI.search(t.iri)
        kind, digest, n = m.group(1), m.group(2), int(m.group(3))
        if digest != doc_key[-10:]:
            return []  # another document's fact
        if n >= len(lists[kind]):
            applied.miss(c, f"{t.iri} is not in the graph any more (its document now has "
                            f"{len(lists[kind])} {kind} fact(s))")
            return []
        return [(kind, n)]
    if not _document_matches(ex.document.path, t.document or ""):
        return []
    q = _quote_norm(t.quote)
    found = []
    ambiguous = []
    for kind, records in lists.items():
        if t.kind and kind != t.kind:
            continue
        hits, exact = [], []
        for n, r in enumerate(records):
            ev = getattr(r, "evidence", None)
            if ev is not None and (q in _quote_norm(ev.quote) or q in _quote_norm(getattr(r, "text", ""))):
                hits.append(n)
                if _quote_norm(ev.quote) == q:
                    exact.append(n)
        # a quote names one fact of a kind: the one whose whole sentence it is, else the one it is in
        hits = exact or hits
        if len(hits) > 1:
            ambiguous.append(f"{len(hits)} {kind} facts")
            continue
        found += [(kind, n) for n in hits]
    if ambiguous and not found:
        applied.miss(c, f"{ex.document.path}: the quote {t.quote!r} fits {' and '.join(ambiguous)}; "
                        "quote more of the sentence, or give the fact's iri")
        return found
    if not found:
        in_text = q in _quote_norm(ex.document.text)
        applied.miss(c, f"{ex.document.path}: " + (
            f"no {t.kind or 'fact'} read from the sentence quoted {t.quote!r}" if in_text
            else f"the quote {t.quote!r} is no longer in the minutes"))
    return found


def before_resolve(ex: Extraction, cs: Corrections | None, doc_key: str) -> tuple[Extraction, Applied]:
    """Aliases, action edits and drops on one document's records, before resolve.

    Returns a corrected copy of the extraction (the original is left as read) and what
    was applied.  Fact indexes never shift (dropped facts are only marked), so the IRIs
    build mints stay those of the uncorrected reading.
    """
    applied = Applied()
    if not cs or not cs.entries:
        return ex, applied
    ex = copy.copy(ex)
    ex.aliases = dict(ex.aliases)
    ex.posts = dict(ex.posts)
    ex.actions = list(ex.actions)
    ex.organisations = list(ex.organisations)
    text_norm = None
    for c in cs.of(Alias):
        if not (_body_matches(ex, c.body) and _since_ok(ex, c.since)):
            continue
        if c.document and not _document_matches(ex.document.path, c.document):
            continue
        if c.surface:
            # the names as read ("Cllr Eunis" from "Cllrs Eunis and Hart") as well as the text
            read = [s for s in _person_surfaces(ex) if norm(s) == norm(c.surface)]
            text_norm = text_norm if text_norm is not None else " " + " ".join(ex.document.text.split()) + " "
            if not read and not re.search(rf"(?<![\w]){re.escape(c.surface)}(?![\w])", text_norm):
                applied.miss(c, f"{ex.document.path}: {c.surface!r} is not written in these minutes")
                continue
            for s in read or [c.surface]:
                ex.aliases[s] = c.person
            applied.hit(c)
        else:
            ex.posts[c.post.lower()] = c.person
            applied.post_aliases[norm(c.post)] = c.person
            applied.hit(c)
    for c in cs.of(ActionEdit):
        for _kind, n in _find_facts(ex, c.target, doc_key, c, applied):
            ex.actions[n] = _edit_action(ex, ex.actions[n], c)
            applied.hit(c, ("fact", "action", n))
    for c in cs.of(Drop):
        for kind, n in _find_facts(ex, c.target, doc_key, c, applied):
            applied.dropped.add((kind, n))
            applied.hit(c, ("fact", kind, n))
    return ex, applied


def _edit_action(ex: Extraction, a, c: ActionEdit):
    a = copy.copy(a)
    owners = list(a.owners)
    if c.owner is not None or c.owner_org is not None:
        owners = []
    for name in (c.owner or []) + c.add_owner:
        owners.append(Owner(surface=name, kind="person", person=PersonRef(name)))
    for name in (c.owner_org or []) + c.add_owner_org:
        owners.append(Owner(surface=name, kind="org"))
        if not any(norm(o.surface) == norm(name) for o in ex.organisations):
            ex.organisations.append(OrgRef(name))
    a.owners = owners
    if c.due:
        a.due = c.due
        try:
            datetime.date.fromisoformat(c.due)
            a.due_date = c.due
        except ValueError:
            pass
    if c.status:
        a.status = c.status
    return a


def after_resolve(res: Resolution, cs: Corrections | None, applied: Applied) -> Resolution:
    """Post holders, merges, keep-apart and person fixes on one document's entities."""
    if not cs or not cs.entries:
        return res
    ex = res.extraction
    people = dict(res.people)
    person_of = dict(res.person_of)
    orgs = dict(res.orgs)
    org_of = dict(res.org_of)
    unresolved = list(res.unresolved)
    renamed: dict[str, str] = {}

    def entity_named(name: str) -> PersonEntity | None:
        n = norm(name)
        for key in (person_of.get(name), *(k for s, k in person_of.items() if norm(s) == n)):
            if key and key in people:
                return people[key]
        for ent in people.values():
            if norm(ent.name) == n or any(norm(s) == n for s in ent.surfaces):
                return ent
        return None

    def rekey(ent: PersonEntity, key: str, name: str | None = None) -> PersonEntity:
        """Give an entity a new key (merging with what already has it)."""
        people.pop(ent.key, None)
        if ent.key != key:
            renamed[ent.key] = key
        target = people.get(key)
        if target is None:
            target = PersonEntity(key=key, name=name or ent.name)
        target.surfaces |= ent.surfaces
        target.posts |= ent.posts
        target.orgs |= ent.orgs
        target.initials |= ent.initials
        if name:
            target.name = name
        people[key] = target
        for s, k in list(person_of.items()):
            if k == ent.key:
                person_of[s] = key
        return target

    # posts given a holder: every mention of the post ('the Chair') is that person
    for post, holder in applied.post_aliases.items():
        ent = entity_named(holder)
        if ent is None:
            continue
        for s in _person_surfaces(ex):
            if norm(s) == post:
                person_of[s] = ent.key
        unresolved = [u for u in unresolved if not norm(u.split(":")[0]) == post]
    for c in cs.of(Alias):
        ent = entity_named(c.person) if c.id in applied.applied else None
        if ent is not None:
            applied.touched.setdefault(c.id, []).append(("person", ent.key))
    for c in cs.of(Merge):
        if not _body_matches(ex, c.body):
            continue
        if c.people:
            found = [e for e in (entity_named(n) for n in c.people) if e is not None]
            if not found:
                continue
            key = _person_key(c.people[0], res.body_key)
            target = None
            for ent in {id(e): e for e in found}.values():
                target = rekey(ent, key, c.people[0] if _is_full(c.people[0]) else None)
            applied.hit(c, ("person", target.key))
        else:
            found_keys = []
            for n in c.organisations:
                for s, k in org_of.items():
                    if norm(s) == norm(n) or (k in orgs and norm(orgs[k].name) == norm(n)):
                        found_keys.append(k)
            if not found_keys:
                continue
            first = c.organisations[0]
            from kg.ids import slug
            key = next((org_of[s] for s in org_of if norm(s) == norm(first)), None) or slug(first)
            target = orgs.get(key) or OrgEntity(key=key, name=first)
            for k in dict.fromkeys(found_keys):
                if k == key or k not in orgs:
                    continue
                other = orgs.pop(k)
                target.surfaces |= other.surfaces | {other.name}
                target.org_type = target.org_type or other.org_type
                for s, kk in list(org_of.items()):
                    if kk == k:
                        org_of[s] = key
                for ent in people.values():
                    if k in ent.orgs:
                        ent.orgs = (ent.orgs - {k}) | {key}
            orgs[key] = target
            applied.hit(c, ("org", key))
    for c in cs.of(KeepApart):
        if not _body_matches(ex, c.body):
            continue
        a, b = (entity_named(n) for n in c.people)
        if a is None and b is None:
            continue
        if a is not None and a is b:
            b = _split(people, person_of, a, c.people[1], res.body_key)
        applied.hit(c, *(("person", e.key) for e in {id(e): e for e in (a, b) if e is not None}.values()))
    for c in cs.of(PersonFix):
        if not _body_matches(ex, c.body) or c.document and not _document_matches(ex.document.path, c.document):
            continue
        ent = entity_named(c.name) or (entity_named(c.canonical) if c.canonical else None)
        if ent is None:
            continue
        if c.canonical:
            ent = rekey(ent, _person_key(c.canonical, res.body_key) if _is_full(c.canonical) else ent.key,
                        c.canonical)
        if c.post:
            ent.posts.add(c.post)
        if c.organisation:
            from kg.ids import slug
            key = next((org_of[s] for s in org_of if norm(s) == norm(c.organisation)), None) or slug(c.organisation)
            if key not in orgs:
                orgs[key] = OrgEntity(key=key, name=c.organisation, surfaces={c.organisation})
            ent.orgs.add(key)
        applied.hit(c, ("person", ent.key))
    # a key a later correction changed: what was touched under the old key is the new one
    for cid, what in applied.touched.items():
        fixed = []
        for w in what:
            if w[0] == "person":
                key = w[1]
                while key in renamed and renamed[key] != key:
                    key = renamed[key]
                w = ("person", key)
            fixed.append(w)
        applied.touched[cid] = list(dict.fromkeys(fixed))
    return Resolution(ex, people, orgs, person_of, org_of, res.body_key, sorted(set(unresolved)))


def _is_full(name: str) -> bool:
    from kg.resolve import parse_name
    p = parse_name(name, {})
    return bool(p and p.full)


def _person_key(name: str, body_key: str | None) -> str:
    """The key a person named this way gets: global for a full name, else within the body."""
    from kg.ids import slug
    from kg.resolve import parse_name
    p = parse_name(name, {})
    if p and p.full:
        return slug(p.folded_full())
    return f"{body_key or 'unknown-body'}--{slug(name)}"


def _split(people: dict, person_of: dict, ent: PersonEntity, name: str, body_key: str | None) -> PersonEntity:
    """Take `name` (and the forms written exactly so) out of `ent` into a person of its own."""
    n = norm(name)
    moved = {s for s in ent.surfaces if norm(s) == n} or {name}
    key = _person_key(name, body_key)
    if key == ent.key or key in people:
        from kg.ids import slug
        key = f"{body_key or 'unknown-body'}--{slug(name)}"
    new = PersonEntity(key=key, name=name, surfaces=moved)
    ent.surfaces -= moved
    ent.initials -= moved
    people[key] = new
    for s in list(person_of):
        if norm(s) == n:
            person_of[s] = key
    return new


def _person_surfaces(ex: Extraction) -> list[str]:
    out = [p.surface for p in ex.people] + [a.person.surface for a in ex.attendance]
    out += [d.person.surface for d in ex.declarations]
    out += [s.speaker.surface for s in ex.statements if s.speaker]
    for act in ex.actions:
        for o in act.owners:
            out.append(o.surface)
            if o.person:
                out.append(o.person.surface)
    for it in ex.items:
        out += [p.surface for p in it.presenters]
    return list(dict.fromkeys(out))


def apply_report_backs(links: list, actions: list, candidates: list,
                       cs: Corrections | None) -> tuple[list, dict[tuple[str, str], str]]:
    """The link stage's report-backs of one body with those a person added ([[report_back]]).

    `links` are kg.records.ReportBack, `actions` LinkAction and `candidates` LinkSentence, as
    kg.link reads them.  A correction names its earlier action (by IRI, or by document and
    quote) and the later sentence (document and quote); where both are among the body's, its
    link replaces what the reading tied that sentence to.  Returns the links and, for build,
    (action IRI, passage IRI) -> correction id.
    """
    corrected: dict[tuple[str, str], str] = {}
    if not cs:
        return links, corrected
    from kg.records import ReportBack
    for c in cs.of(ReportBackLink):
        acts = [a for a in actions if _is_action(a, c.action)]
        sents = [s for s in candidates if _is_sentence(s, c.report)]
        exact = [s for s in sents if _quote_norm(s.text) == _quote_norm(c.report.quote)]
        sents = exact or sents
        if len(acts) != 1 or len(sents) != 1:
            continue
        a, s = acts[0], sents[0]
        links = [r for r in links if r.passage != s.passage]
        links.append(ReportBack(a.iri, s.meeting, s.passage, c.status, 1.0, s.date, s.order))
        corrected[(a.iri, s.passage)] = c.id
    links.sort(key=lambda r: (r.meeting, r.passage, r.action or ""))
    return links, corrected


def _doc_key_is(doc_key: str, document: str | None) -> bool:
    """A document key ("minutes-2021-0123456789") is that of the file named `document`."""
    if not document:
        return True
    from kg.ids import slug, source_key
    if "/" in document.replace("\\", "/") and os.path.exists(document):
        return doc_key == source_key(document)
    stem = slug(os.path.splitext(os.path.basename(document))[0], 40)
    return bool(re.fullmatch(re.escape(stem) + r"-[0-9a-f]{10}", doc_key))


def _is_action(a, t: Target) -> bool:
    if t.iri:
        return a.iri == t.iri
    q = _quote_norm(t.quote)
    if not (q in _quote_norm(a.evidence) or q in _quote_norm(a.text)):
        return False
    graph = getattr(a, "graph", "") or ""
    return not graph or _doc_key_is(graph.rsplit("/", 1)[-1], t.document)


def _is_sentence(s, t: Target) -> bool:
    if _quote_norm(t.quote) not in _quote_norm(s.text):
        return False
    m = re.search(r"/source/([^/]+)/passage/", s.passage)
    return not m or _doc_key_is(m.group(1), t.document)


def stale_message(cs: Corrections, c: Correction, missed: dict[str, str]) -> str:
    """One line: where the correction is and why it applies to nothing in the store."""
    why = missed.get(c.id)
    if not why:
        if isinstance(c, (Drop, ActionEdit)) and c.target.iri:
            why = f"{c.target.iri} is not in the store"
        elif isinstance(c, (Drop, ActionEdit)):
            why = f"no document in the store is {c.target.document!r}"
        elif isinstance(c, Alias):
            where = f"the minutes of {c.body!r}" if c.body else f"the document {c.document!r}"
            when = f" from {c.since}" if c.since else ""
            why = (f"none of {where}{when} in the store writes {c.surface!r}" if c.surface
                   else f"{where}{when} are not in the store")
        elif isinstance(c, ReportBackLink):
            why = ("no body's minutes in the store hold both the action quoted " +
                   (repr(c.action.iri) if c.action.iri else f"{c.action.quote!r} ({c.action.document})") +
                   f" and, in a later meeting, the sentence {c.report.quote!r} ({c.report.document})")
        else:
            names = getattr(c, "people", None) or getattr(c, "organisations", None) or [getattr(c, "name", "")]
            why = f"no document in the store names {' or '.join(repr(n) for n in names)}"
    return f"{cs.where(c)}: [[{c.kind}]] no longer applies: {why}"
