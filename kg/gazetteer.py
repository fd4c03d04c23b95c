"""Curated gazetteers: organisations, given names, posts and titles.

The data are plain text files (see ``data/gazetteer/``):

    organisations.tsv       name, type, acronyms, aliases, generic
    ambiguous_acronyms.txt  acronyms never to expand without context (NCC, PCC, HRA...)
    first_names.txt         given names, one a line
    posts.tsv               post, aliases, kind (officer | member | chair)
    titles.txt              honorifics and member titles (Cllr, Mrs, Revd...)
    trust_places.tsv        place, trust: the towns NHS trusts go by ("Airedale", "Leeds")

Lists are ``;``-separated; lines starting with ``#`` are comments.  In
organisations.tsv the fifth column ``generic`` is ``yes`` for entries that name a
*kind* of body ("the local authority", "CCG", "Public Health") rather than one
particular body: ``resolve`` should tie such a mention to the body meant in the
document's context instead of minting one node shared by every document.

Types (``ORG_TYPES``): ``government_department`` also covers the arm's-length bodies of
central government that neither inspect nor regulate (Homes England, Cafcass, YJB);
``nhs_national`` is a national NHS body, ``nhs_body`` any other NHS organisation that is
not a trust, health board or commissioner.

Matching rules, the same for every lookup here:

* names and aliases match case-insensitively, ignoring a leading "the", accents,
  apostrophes (Children's = Childrens), curly quotes, full stops and commas,
  hyphens (Vice-Chair = Vice Chair), "&" = "and", and Well-being = Wellbeing =
  Well being;
* acronyms match case-sensitively ("LA" is the local authority, "la" is not), and a
  plural or possessive ("CCGs", "LA's") falls back to the acronym; so does a one-word
  name written in capitals (NSPCC, UNISON: "unison" is not the union);
* in posts.tsv an alias without spaces or hyphens and with two or more capitals
  ("RFO", "SENCo") is an acronym.

Files are found, in order: ``$GOVKG_GAZETTEER`` (a folder), the package resources
``kg/gazetteer/`` or ``kg/data/gazetteer/`` (an installed wheel), then the source
checkout's ``data/gazetteer/``.  Everything is read once and cached.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import GovkgError

__all__ = [
    "ORG_TYPES",
    "POST_KINDS",
    "OrgInfo",
    "PostInfo",
    "Mention",
    "gazetteer_dir",
    "normalise",
    "organisations",
    "lookup_org",
    "lookup_org_candidates",
    "expand_acronym",
    "is_ambiguous_acronym",
    "ambiguous_acronyms",
    "org_surface_patterns",
    "org_name_patterns",
    "org_acronym_patterns",
    "case_sensitive_forms",
    "find_orgs",
    "first_names",
    "is_first_name",
    "trust_places",
    "titles",
    "is_title",
    "title_patterns",
    "posts",
    "lookup_post",
    "post_patterns",
    "find_posts",
]

ORG_TYPES = frozenset(
    {
        "regulator",
        "government_department",
        "nhs_national",
        "nhs_body",
        "health_board",
        "ccg_icb",
        "trust",
        "local_authority",
        "parish_council",
        "safeguarding",
        "partnership_board",
        "police",
        "fire",
        "education",
        "charity_association",
        "service",
        "company",
        "other",
    }
)
POST_KINDS = frozenset({"officer", "member", "chair"})

ORG_COLUMNS = ("name", "type", "acronyms", "aliases", "generic")
POST_COLUMNS = ("post", "aliases", "kind")
FILES = ("organisations.tsv", "ambiguous_acronyms.txt", "first_names.txt", "posts.tsv", "titles.txt", "trust_places.tsv")


@dataclass(frozen=True)
class OrgInfo:
    """One organisation (or generic kind of body) of the gazetteer."""

    name: str
    type: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    generic: bool = False

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Name, aliases and acronyms as written in the gazetteer."""
        return (self.name, *self.aliases, *self.acronyms)


@dataclass(frozen=True)
class PostInfo:
    """One post (office) and the kind of holder: officer, member or chair."""

    post: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A gazetteer hit in a text: ``text[start:end]`` and what it resolved to."""

    start: int
    end: int
    text: str
    entry: OrgInfo | PostInfo | None  # None: an ambiguous acronym (see is_ambiguous_acronym)
    acronym: bool = False


# --------------------------------------------------------------------------- files


def _candidate_dirs() -> Iterator[object]:
    env = os.environ.get("GOVKG_GAZETTEER")
    if env:
        yield Path(env)
    try:
        pkg = resources.files(__package__ or "kg")
    except Exception:  # pragma: no cover - unusual import setups (zip apps, frozen builds)
        pkg = Path(__file__).resolve().parent
    yield pkg / "gazetteer"
    yield pkg / "data" / "gazetteer"
    yield Path(__file__).resolve().parents[1] / "data" / "gazetteer"


@lru_cache(maxsize=1)
def gazetteer_dir():
    """The folder (a ``Path`` or importlib.resources ``Traversable``) holding the files."""
    tried = []
    for d in _candidate_dirs():
        try:
            if (d / "organisations.tsv").is_file():
                return d
        except OSError:
            pass
        tried.append(str(d))
    raise GovkgError(
        "gazetteer files not found (looked in " + ", ".join(tried) + "); "
        "reinstall govkg or set GOVKG_GAZETTEER to the folder holding organisations.tsv"
    )


def _read_lines(filename: str) -> list[str]:
    """Non-empty, non-comment lines of one gazetteer file (trailing white space removed)."""
    text = (gazetteer_dir() / filename).read_text(encoding="utf-8")
    return [ln.rstrip("\r\n") for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _read_tsv(filename: str, columns: tuple[str, ...], required: int) -> list[list[str]]:
    lines = _read_lines(filename)
    if not lines or lines[0].split("\t")[0].strip().lower() != columns[0]:
        raise GovkgError(f"{filename}: the first line must be the header {' | '.join(columns)}; fix the file")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > required and not cells[-1]:
            cells.pop()  # trailing empty cells, e.g. cut by an editor
        if len(cells) < required or len(cells) > len(columns):
            raise GovkgError(f"{filename} line {n}: expected {len(columns)} tab-separated columns, got {len(cells)}")
        rows.append(cells + [""] * (len(columns) - len(cells)))
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split(";") if x.strip())


# --------------------------------------------------------------------------- normalising

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " ", "\u202f": " ",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\uff06": "&",
    }
)
_WELLBEING = re.compile(r"\bwell[\s\-]*being\b")
_LEADING_THE = re.compile(r"^\s*the\s+", re.I)
_NON_WORD = re.compile(r"[^a-z0-9]+")


_SPACES = re.compile(r"\s+")


def _fold(s: str) -> str:
    """Typographic quotes, dashes and odd spaces to plain ASCII ones; white space collapsed."""
    return _SPACES.sub(" ", (s or "").translate(_FOLD)).strip()


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def normalise(s: str) -> str:
    """The case- and punctuation-insensitive key under which names and aliases are matched."""
    s = _strip_accents(_fold(s)).lower()
    s = _WELLBEING.sub("wellbeing", s)
    s = s.replace("&", " and ").replace("'", "")
    s = _NON_WORD.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _clean_surface(surface: str) -> str:
    """Surface form with quotes folded, a leading "the" and trailing punctuation removed."""
    s = _fold(surface)
    s = _LEADING_THE.sub("", s)
    return s.strip(" .,;:!?\"()[]")


def _acronym_variants(s: str) -> list[str]:
    """The surface itself, then without a plural or possessive ending (CCGs, LA's, LAs')."""
    out = [s]
    for suffix in ("'s", "s'", "s"):
        if s.endswith(suffix) and len(s) > len(suffix) + 1:
            out.append(s[: -len(suffix)])
    return out


# --------------------------------------------------------------------------- organisations


class _OrgIndex:
    def __init__(self, entries: tuple[OrgInfo, ...], ambiguous_listed: frozenset[str]):
        self.entries = entries
        self.by_key: dict[str, list[OrgInfo]] = {}
        self.by_acronym: dict[str, list[OrgInfo]] = {}
        for e in entries:
            for form in (e.name, *e.aliases):
                if _is_caps_word(form):
                    continue  # NSPCC, UNISON: matched exactly, like an acronym (below)
                lst = self.by_key.setdefault(normalise(form), [])
                if e not in lst:
                    lst.append(e)
            for a in case_sensitive_forms(e):
                lst = self.by_acronym.setdefault(a, [])
                if e not in lst:
                    lst.append(e)
        self.ambiguous = frozenset(ambiguous_listed | {a for a, lst in self.by_acronym.items() if len(lst) > 1})
        self.max_tokens = max((len(k.split()) for k in self.by_key), default=1)
        self.max_tokens = max(self.max_tokens, max((len(_TOKEN.findall(a)) for a in self.by_acronym), default=1))
        self.first_words = frozenset(k.split()[0] for k in self.by_key if k)
        self.first_acronym_tokens = frozenset(_TOKEN.findall(a)[0] for a in self.by_acronym if _TOKEN.findall(a))


def _is_caps_word(form: str) -> bool:
    """A one-word name in capitals (NSPCC, UNISON, G4S): matched case-sensitively, so
    that "unison" or "solace" in running text is not taken for an organisation."""
    return bool(re.fullmatch(r"[A-Z0-9&/]+", form)) and sum(c.isalpha() for c in form) >= 2


def case_sensitive_forms(e: OrgInfo) -> tuple[str, ...]:
    """The forms of an entry matched exactly: its acronyms and any one-word name in capitals."""
    return tuple(dict.fromkeys((*e.acronyms, *(f for f in (e.name, *e.aliases) if _is_caps_word(f)))))


@lru_cache(maxsize=1)
def organisations() -> tuple[OrgInfo, ...]:
    """Every entry of organisations.tsv, in file order."""
    out = []
    for n, (name, typ, acr, ali, gen) in enumerate(_read_tsv("organisations.tsv", ORG_COLUMNS, 2), start=2):
        if not name:
            raise GovkgError(f"organisations.tsv row {n}: the name is empty; fill it in or delete the row")
        if typ not in ORG_TYPES:
            raise GovkgError(f"organisations.tsv row {n} ({name}): unknown type {typ!r}; use one of {sorted(ORG_TYPES)}")
        out.append(OrgInfo(name, typ, _split(acr), _split(ali), gen.lower() in {"yes", "y", "true", "1", "generic"}))
    return tuple(out)


@lru_cache(maxsize=1)
def ambiguous_acronyms() -> frozenset[str]:
    """Acronyms that expand_acronym refuses: listed in ambiguous_acronyms.txt or shared by entries."""
    return _org_index().ambiguous


@lru_cache(maxsize=1)
def _org_index() -> _OrgIndex:
    listed = frozenset(ln.strip() for ln in _read_lines("ambiguous_acronyms.txt"))
    return _OrgIndex(organisations(), listed)


def lookup_org_candidates(surface: str) -> list[OrgInfo]:
    """Every entry a surface form may denote: several for an ambiguous acronym, else 0 or 1."""
    s = _clean_surface(surface)
    if not s:
        return []
    idx = _org_index()
    for v in _acronym_variants(s):
        if v in idx.by_acronym:
            return list(idx.by_acronym[v])
    key = normalise(s)
    if key in idx.by_key:
        return list(idx.by_key[key])
    # a possessive of a name: "Ofsted's", "the Council's"
    for suffix in ("'s", "s'"):
        if s.endswith(suffix):
            key = normalise(s[: -len(suffix)] + ("s" if suffix == "s'" else ""))
            if key in idx.by_key:
                return list(idx.by_key[key])
    return []


@lru_cache(maxsize=65536)  # the gazetteer is read once and never changes; OrgInfo is frozen
def lookup_org(surface: str) -> OrgInfo | None:
    """The organisation a surface form names, or None if the gazetteer does not know it.

    An acronym of several bodies ("NCC": Norfolk, Nottinghamshire, Northumberland...
    County Council) is known but not expanded: the answer is an OrgInfo whose name is
    the acronym itself, never a guess, and whose type is the one all its candidates
    share ("other" if they differ).  An acronym listed as ambiguous because it is as
    often not an organisation at all (HRA: Housing Revenue Account; PCN: penalty charge
    notice) gives None.  ``is_ambiguous_acronym`` and ``expand_acronym`` tell these cases
    apart; ``lookup_org_candidates`` lists the candidates.
    """
    s = _clean_surface(surface)
    idx = _org_index()
    amb = next((v for v in _acronym_variants(s) if v in idx.ambiguous), None)
    if amb is not None:
        return _ambiguous_info(amb) if len(idx.by_acronym.get(amb, [])) > 1 else None
    found = lookup_org_candidates(s)
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=None)
def _ambiguous_info(acr: str) -> OrgInfo:
    types = {e.type for e in _org_index().by_acronym.get(acr, [])}
    return OrgInfo(acr, types.pop() if len(types) == 1 else "other", (acr,), (), False)


def is_ambiguous_acronym(acr: str) -> bool:
    """True for an acronym of the gazetteer that names more than one body (NCC, PCC, SCC...)."""
    s = _clean_surface(acr)
    return any(v in _org_index().ambiguous for v in _acronym_variants(s))


def expand_acronym(acr: str) -> str | None:
    """The full name an acronym stands for ("DfE" -> "Department for Education"); None if unknown or ambiguous."""
    s = _clean_surface(acr)
    idx = _org_index()
    for v in _acronym_variants(s):
        if v in idx.ambiguous:
            return None
        if v in idx.by_acronym:
            return idx.by_acronym[v][0].name
    return None


def _longest_first(forms: Iterable[str]) -> list[str]:
    return sorted(set(forms), key=lambda f: (-len(f), f))


@lru_cache(maxsize=1)
def _org_patterns() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    acrs = [a for e in organisations() for a in case_sensitive_forms(e)]
    names = [f for e in organisations() for f in (e.name, *e.aliases) if not _is_caps_word(f)]
    return tuple(_longest_first(names)), tuple(_longest_first(acrs)), tuple(_longest_first(names + acrs))


def org_surface_patterns() -> list[str]:
    """All names, aliases and acronyms as written, longest first (for building a regex)."""
    return list(_org_patterns()[2])


def org_name_patterns() -> list[str]:
    """Names and aliases only (match these case-insensitively), longest first."""
    return list(_org_patterns()[0])


def org_acronym_patterns() -> list[str]:
    """Acronyms and one-word names in capitals (match these case-sensitively), longest first."""
    return list(_org_patterns()[1])


# --------------------------------------------------------------------------- finding in text

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|&")
# A match may not run across these: sentence and clause ends, brackets, line breaks.
_BARRIER = re.compile(r"[;:!?()\[\]{}\n]|\.\s")


def _name_keys(span: str) -> list[str]:
    """Keys to try for a span of text: as it is, then without a possessive ("Ofsted's")."""
    keys = [normalise(span)]
    folded = _fold(span)
    if folded.endswith("'s"):
        keys.append(normalise(folded[:-2]))
    elif folded.endswith("s'"):
        keys.append(normalise(folded[:-1]))
    return keys


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _find(text: str, idx: "_OrgIndex | _PostIndex", require_capital: bool) -> list[Mention]:
    """Greedy longest, non-overlapping matches of gazetteer forms in ``text``."""
    by_key, by_acronym, ambiguous, max_tokens = idx.by_key, idx.by_acronym, idx.ambiguous, idx.max_tokens
    toks = _tokens(text)
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        first = text[toks[i][0] : toks[i][1]]
        if first.lower() == "the" or (
            not any((k.split() or [""])[0] in idx.first_words for k in _name_keys(first))
            and not any(v in idx.first_acronym_tokens for v in _acronym_variants(_fold(first)))
        ):
            i += 1  # nothing starts here; and a match never starts with "the" ("the Clerk" -> "Clerk")
            continue
        hit = None
        for j in range(min(len(toks), i + max_tokens) - 1, i - 1, -1):
            start, end = toks[i][0], toks[j][1]
            span = text[start:end]
            if j > i and _BARRIER.search(span):
                continue
            folded = _fold(span)
            variants = _acronym_variants(folded)
            acr = next((v for v in variants if v in by_acronym), None)
            if acr is not None:
                entries = by_acronym[acr]
                if acr in ambiguous and len(entries) < 2:
                    continue  # as often not an organisation at all (HRA, PCN)
                entry = entries[0] if len(entries) == 1 and acr not in ambiguous else None
                hit = Mention(start, end, span, entry, acronym=True)
                break
            key = next((k for k in _name_keys(span) if k in by_key), None)
            if key is not None:
                if require_capital and j == i and not span[:1].isupper():
                    continue  # "planning", "police": ordinary words unless capitalised
                entries = by_key[key]
                hit = Mention(start, end, span, entries[0] if len(entries) == 1 else None)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit)
        while i < len(toks) and toks[i][0] < hit.end:
            i += 1
    return out


def find_orgs(text: str, require_capital: bool = True) -> list[Mention]:
    """Organisations named in a text, longest match first, with character offsets.

    Multi-word names match in any case ("the local authority"); a one-word name must
    start with a capital unless ``require_capital`` is False ("Planning" yes, "planning"
    no); acronyms match exactly.  A Mention with ``entry=None`` is an ambiguous acronym.
    """
    idx = _org_index()
    return _find(text, idx, require_capital)


# --------------------------------------------------------------------------- people: names and titles


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Every given name, lower-cased and without accents."""
    return frozenset(_strip_accents(_fold(ln)).lower() for ln in _read_lines("first_names.txt"))


@lru_cache(maxsize=65536)  # asked for every capitalised word of every sentence; the answer is the word's
def is_first_name(token: str) -> bool:
    """Whether a token is a known given name (case-insensitive; "Mary-Jane" if both parts are)."""
    t = _strip_accents(_fold(token)).strip(" .,;:").lower()
    if not t or any(c.isdigit() for c in t):
        return False
    names = first_names()
    if t in names:
        return True
    parts = t.split("-")
    return len(parts) > 1 and all(p in names for p in parts)


@lru_cache(maxsize=1)
def trust_places() -> dict[str, str]:
    """Place names NHS trusts go by ("Airedale", "Mid Yorkshire"), each to its trust's name
    in organisations.tsv; a place that names no trust there is an error in the file."""
    out: dict[str, str] = {}
    try:
        rows = _read_tsv("trust_places.tsv", ("place", "trust"), 2)
    except FileNotFoundError:
        return out  # a folder of one's own (GOVKG_GAZETTEER) made before the file existed
    for place, trust in rows:
        info = lookup_org(trust)
        if info is None or info.type != "trust":
            raise GovkgError(f"trust_places.tsv: {trust!r} is not a trust of organisations.tsv; fix the file")
        out[place] = info.name
    return out


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Honorifics and member titles as written in titles.txt (Cllr, Mrs, Revd, County Councillor...)."""
    return frozenset(_fold(ln) for ln in _read_lines("titles.txt"))


@lru_cache(maxsize=1)
def _title_keys() -> frozenset[str]:
    return frozenset(_title_key(t) for t in titles())


def _title_key(s: str) -> str:
    return re.sub(r"\s+", " ", _fold(s).replace(".", " ")).strip().lower()


def is_title(token: str) -> bool:
    """Whether a word or phrase is a title: case-insensitive, full stops ignored ("Cllr." = "Cllr")."""
    return _title_key(token) in _title_keys()


def title_patterns() -> list[str]:
    """Titles as written, longest first (so "County Councillor" wins over "Councillor")."""
    return _longest_first(titles())


# --------------------------------------------------------------------------- posts


def _is_acronym(alias: str) -> bool:
    return not re.search(r"[\s\-]", alias) and sum(c.isupper() for c in alias) >= 2


@lru_cache(maxsize=1)
def posts() -> tuple[PostInfo, ...]:
    """Every entry of posts.tsv, in file order."""
    out = []
    for n, (post, ali, kind) in enumerate(_read_tsv("posts.tsv", POST_COLUMNS, 3), start=2):
        if not post:
            raise GovkgError(f"posts.tsv row {n}: the post is empty; fill it in or delete the row")
        if kind not in POST_KINDS:
            raise GovkgError(f"posts.tsv row {n} ({post}): unknown kind {kind!r}; use officer, member or chair")
        out.append(PostInfo(post, kind, _split(ali)))
    return tuple(out)


class _PostIndex:
    def __init__(self, entries: tuple[PostInfo, ...]):
        self.by_key: dict[str, list[PostInfo]] = {}
        self.by_acronym: dict[str, list[PostInfo]] = {}
        for e in entries:
            for form in (e.post, *e.aliases):
                target = self.by_acronym.setdefault(form, []) if _is_acronym(form) else self.by_key.setdefault(normalise(form), [])
                if e not in target:
                    target.append(e)
        self.ambiguous = frozenset(a for a, lst in self.by_acronym.items() if len(lst) > 1)
        self.max_tokens = max((len(k.split()) for k in self.by_key), default=1)
        self.max_tokens = max(self.max_tokens, max((len(_TOKEN.findall(a)) for a in self.by_acronym), default=1))
        self.first_words = frozenset(k.split()[0] for k in self.by_key if k)
        self.first_acronym_tokens = frozenset(_TOKEN.findall(a)[0] for a in self.by_acronym if _TOKEN.findall(a))


@lru_cache(maxsize=1)
def _post_index() -> _PostIndex:
    return _PostIndex(posts())


def lookup_post(surface: str) -> PostInfo | None:
    """The post a surface form names ("Parish Clerk" -> Clerk, "Vice Chair" -> Vice-Chair), or None."""
    s = _clean_surface(surface)
    if not s:
        return None
    idx = _post_index()
    for v in _acronym_variants(s):
        if v in idx.by_acronym:
            found = idx.by_acronym[v]
            return found[0] if len(found) == 1 else None
    found = idx.by_key.get(normalise(s), [])
    return found[0] if len(found) == 1 else None


_ACTING = re.compile(r"(?i:acting|interim)\s+(\S.*)$")


def lookup_held_post(surface: str) -> PostInfo | None:
    """lookup_post, and "Acting Chief Executive", "Interim Chair": who holds a post for the time
    being holds it (a housing association's board, school, trust and NHS boards list them so)."""
    info = lookup_post(surface)
    if info is None:
        m = _ACTING.match(" ".join(surface.split()))
        if m:
            info = lookup_post(m.group(1))
    return info


@lru_cache(maxsize=1)
def _post_patterns() -> tuple[str, ...]:
    return tuple(_longest_first(f for e in posts() for f in (e.post, *e.aliases)))


def post_patterns() -> list[str]:
    """Every post and alias as written, longest first."""
    return list(_post_patterns())


def find_posts(text: str, require_capital: bool = True) -> list[Mention]:
    """Posts named in a text ("the Parish Clerk", "RFO", "Vice Chair"), longest match first."""
    idx = _post_index()
    return _find(text, idx, require_capital)
