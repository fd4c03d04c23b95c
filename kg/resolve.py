"""resolve: Extraction -> Resolution.  Surface forms become stable entity keys.

People: "Julia Hassall", "J Hassall" and "Hassall" are one person when the initials fit
and only one candidate fits; "Gladys Rhodes-White", "Gladys Rhodes White" and "GR White"
fold hyphens and given-name initials; a one-letter slip in a surname next to the same
given name ("McNeil"/"McNeill") is one person.  Where two candidates fit, the mention is
reported as unresolved and kept apart rather than guessed.

People known by a full name get a global key ("julia-hassall") so that later documents
link to them; those known only by title or initials get a key scoped to the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import gazetteer as gz
from kg.extract.names import TITLE_WORDS
from kg.ids import slug
from kg.records import Extraction, OrgEntity, PersonEntity, Resolution

_TITLE_RX = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in TITLE_WORDS) + r")\.?\s+)+")


@dataclass
class ParsedName:
    surface: str
    title: str | None
    given: list[str]  # full given names
    initials: str  # upper-case initials of given names ("GR")
    surname: str

    @property
    def full(self) -> bool:
        return bool(self.given)

    def folded_full(self) -> str:
        return " ".join(w.lower() for w in self.given + [self.surname]).replace("-", " ")


def parse_name(surface: str, aliases: dict[str, str]) -> ParsedName | None:
    s = surface.strip()
    if s in aliases:
        s = aliases[s]
    tm = _TITLE_RX.match(s)
    title = tm.group(0).strip() if tm else None
    rest = s[tm.end():] if tm else s
    rest = _RX_PREFIX_APART.sub(_join_prefix, rest)
    words = rest.replace(".", " ").split()
    if not words:
        return None
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,4}|[A-Z]{1,2}[a-z][A-Z]?", words[0]):
        # an owner code written as initials ("JB", "AWa"): no surname to go on
        return ParsedName(surface, title, [], words[0], "")
    initials_tokens = []
    while len(words) > 1 and re.fullmatch(r"[A-Z]{1,3}", words[0]):
        initials_tokens.append(words.pop(0))
    surname = words[-1]
    given = words[:-1]
    if initials_tokens:
        return ParsedName(surface, title, [], "".join(initials_tokens), surname)
    # "Gladys Rhodes-White" and "Gladys Rhodes White": the hyphen joins surname parts
    return ParsedName(surface, title, given, "".join(g[0].upper() for g in given), surname)


# a surname's prefix written as a word of its own ("Lorna Mc Williams", "Cllr. O Donovan",
# "Mr. Tim O’ Brien") is the same surname as written joined
_RX_PREFIX_APART = re.compile(r"(?<![\w’'-])(Mc|Mac|O[’']?)[ \u00a0]+(?=[A-Z][a-z])")


def _join_prefix(m: re.Match) -> str:
    prefix = m.group(1)
    return prefix + "’" if prefix == "O" else prefix


def _title_kind(title: str) -> str:
    """Councillors, clergy, doctors and police ranks are told apart by title; Mr, Mrs and
    Ms all mean 'not otherwise titled'."""
    t = title.lower().rstrip(".")
    if "cllr" in t or "councillor" in t:
        return "councillor"
    if t in ("mr", "mrs", "ms", "miss", "mx"):
        return "plain"
    return t


def _slip(a: str, b: str) -> bool:
    """'Rachael'/'Rachel': one letter added or dropped, same first letter, names of 5+ letters."""
    a, b = a.lower(), b.lower()
    return a[0] == b[0] and min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) == 1 and _edit1(a, b)


def _edit1(a: str, b: str) -> bool:
    """True if a and b differ by one insertion, deletion or substitution."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or (len(a) == len(b) and a[i + 1:] == b[i + 1:])


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _surname_key(s: str) -> str:
    return s.lower().replace("-", " ").split()[-1]


@dataclass
class KnownPeople:
    """People already in the store, so a later document links to them.

    by_full maps a folded full name to its key; by_body lists, per body key, the full names
    seen in that body's meetings, for matching initials and surnames ("J Hassall") there.
    """

    by_full: dict[str, str] = field(default_factory=dict)
    by_body: dict[str, list[tuple[ParsedName, str]]] = field(default_factory=dict)


def known_people(rows: list[dict[str, str]], base: str) -> KnownPeople:
    """KnownPeople from rows of the known-people query (person, name, body IRIs)."""
    known = KnownPeople()
    for r in rows:
        key = r["person"].removeprefix(base + "person/")
        pn = parse_name(r["name"], {})
        if pn is None or not pn.full:
            continue
        known.by_full.setdefault(pn.folded_full(), key)
        if r.get("body"):
            body_key = r["body"].removeprefix(base + "org/")
            known.by_body.setdefault(body_key, []).append((pn, key))
    return known


def resolve(ex: Extraction, *, known: KnownPeople | None = None) -> Resolution:
    """Cluster person and organisation surfaces into entities with stable keys."""
    aliases = dict(ex.aliases)
    aliases.update({p.initials: p.surface for p in ex.people if p.initials and p.initials not in aliases})
    unresolved: list[str] = []
    body_name = ex.meeting.body
    body_key = slug(body_name) if body_name else None

    surfaces = []
    for p in ex.people:
        surfaces.append(p.surface)
    for a in ex.attendance:
        surfaces.append(a.person.surface)
    for coll in (ex.declarations,):
        for d in coll:
            surfaces.append(d.person.surface)
    for st in ex.statements:
        if st.speaker:
            surfaces.append(st.speaker.surface)
    for act in ex.actions:
        for o in act.owners:
            if o.person:
                surfaces.append(o.person.surface)
    for it in ex.items:
        surfaces.extend(p.surface for p in it.presenters)
    for r in ex.reports:
        for ref in (r.author, r.introduced_by):
            if ref:
                surfaces.append(ref.surface)
    for d in ex.decisions:
        for ref in (d.proposer, d.seconder):
            if ref:
                surfaces.append(ref.surface)
    for r in ex.responsibilities:
        if r.holder_kind == "person":
            surfaces.append(r.holder)
    surfaces.extend(ex.posts.values())
    surfaces = list(dict.fromkeys(s for s in surfaces if s))

    parsed: dict[str, ParsedName] = {}
    for s in surfaces:
        pn = parse_name(s, aliases)
        if pn is not None:
            parsed[s] = pn
    uf = _UnionFind()
    for s in parsed:
        uf.find(s)

    fulls = [s for s, p in parsed.items() if p.full]
    # 1. same folded full name (hyphens, titles ignored)
    by_folded: dict[str, str] = {}
    for s in fulls:
        f = parsed[s].folded_full()
        if f in by_folded:
            uf.union(by_folded[f], s)
        else:
            by_folded[f] = s
    # 2. "Gladys Rhodes White" ~ "Gladys Rhodes-White": same words once hyphens fold
    # 3. one-letter slips beside an identical other half: "McNeil"/"McNeill" with the same
    # given name, "Rachael"/"Rachel" with the same surname (a letter added or dropped, never
    # changed: Jim Bell and Tim Bell are two people)
    for i, a in enumerate(fulls):
        for b in fulls[i + 1:]:
            pa, pb = parsed[a], parsed[b]
            if not (pa.given and pb.given):
                continue
            same_given = pa.given[0] == pb.given[0]
            same_surname = pa.surname.lower() == pb.surname.lower()
            if same_given and len(pa.surname) >= 5 and not same_surname and _edit1(pa.surname.lower(), pb.surname.lower()):
                uf.union(a, b)
            elif same_surname and not same_given and _slip(pa.given[0], pb.given[0]):
                uf.union(a, b)
    # 4. partial forms: initials + surname, title + surname, declared initials
    titles_of: dict[str, set[str]] = {}
    for s2, p2 in parsed.items():
        if p2.title:
            titles_of.setdefault(uf.find(s2), set()).add(_title_kind(p2.title))
    for s, p in parsed.items():
        if p.full:
            continue
        if not p.surname:
            cands = {uf.find(f) for f in by_folded.values() if _code_fits(p.initials, parsed[f])}
            if len(cands) == 1:
                uf.union(cands.pop(), s)
            elif len(cands) > 1:
                unresolved.append(f"{s}: initials that fit {len(cands)} people; kept apart")
            continue
        cands = set()
        for f in by_folded.values():
            pf = parsed[f]
            if not _surname_fits(p.surname, pf):
                continue
            if p.initials and not _initials_fit(p.initials, pf):
                continue
            cands.add(uf.find(f))
        if len(cands) > 1 and p.title:
            # "Cllr Evans" is the councillor, "Mr Evans" the one who is not
            kind = _title_kind(p.title)
            same = {c for c in cands if kind in titles_of.get(c, set())}
            if not same and kind == "plain":
                same = {c for c in cands if not titles_of.get(c, set()) - {"plain"}}
            cands = same or cands
        if len(cands) == 1:
            uf.union(cands.pop(), s)
        elif len(cands) > 1:
            unresolved.append(f"{s}: could be any of {len(cands)} people; kept apart")
    # 5. partial forms that agree with each other ("Cllr Smith" twice) are one person
    partial_by_key: dict[tuple[str, str], str] = {}
    for s, p in parsed.items():
        if p.full or uf.find(s) != s:
            continue
        k = (p.initials, p.surname.lower())
        if k in partial_by_key:
            uf.union(partial_by_key[k], s)
        else:
            partial_by_key[k] = s
    # titled surname-only forms join a unique initials form with that surname
    for s, p in parsed.items():
        if p.full or p.initials or uf.find(s) != s:
            continue
        # ("Donegan" and "Councillor Donegan" already one: their own cluster is no other candidate)
        cands = {uf.find(o) for o, q in parsed.items() if uf.find(o) != s and q.surname.lower() == p.surname.lower()}
        if len(cands) == 1:
            uf.union(cands.pop(), s)

    clusters: dict[str, list[str]] = {}
    for s in parsed:
        clusters.setdefault(uf.find(s), []).append(s)

    people: dict[str, PersonEntity] = {}
    person_of: dict[str, str] = {}
    for members in clusters.values():
        name = _canonical_name(members, parsed)
        full = [m for m in members if parsed[m].full]
        if full:
            key = slug(parsed[_best_full(full, parsed)].folded_full())
            if known and parsed[_best_full(full, parsed)].folded_full() in known.by_full:
                key = known.by_full[parsed[_best_full(full, parsed)].folded_full()]
        else:
            key = _known_key(members, parsed, known, body_key) or f"{body_key or 'unknown-body'}--{slug(name)}"
        ent = people.get(key) or PersonEntity(key=key, name=name)
        for m in members:
            ent.surfaces.add(aliases.get(m, m) if m in aliases else m)
            if m in aliases:
                if m.isupper() or re.fullmatch(r"[A-Z]{2}[a-z]", m):
                    ent.initials.add(m)
                ent.surfaces.add(m)
            person_of[m] = key
        people[key] = ent
    used = set(surfaces)
    for alias, full in aliases.items():
        if full in person_of:
            person_of[alias] = person_of[full]
            if alias in used or alias in ex.aliases and alias.isupper():
                # an alias is a surface form only where the minutes wrote it (declared initials
                # always count: "Mark Wardle (MW)" writes MW)
                if alias.isupper() or re.fullmatch(r"[A-Z]{2}[a-z]", alias):
                    people[person_of[full]].initials.add(alias)
                people[person_of[full]].surfaces.add(alias)
    for post, holder in ex.posts.items():
        if holder in person_of:
            people[person_of[holder]].posts.add(_post_label(post))

    orgs, org_of = _resolve_orgs(ex, body_name, body_key)
    for a in ex.attendance:
        if a.person.org and a.person.surface in person_of and a.person.org in org_of:
            people[person_of[a.person.surface]].orgs.add(org_of[a.person.org])
    for act in ex.actions:
        for o in act.owners:
            if o.kind == "post" and o.person is None:
                unresolved.append(f"the {o.surface}: a post with no named holder in these minutes")
    return Resolution(ex, people, orgs, person_of, org_of, body_key, sorted(set(unresolved)))


def _known_key(members: list[str], parsed: dict[str, ParsedName], known: KnownPeople | None,
               body_key: str | None) -> str | None:
    """A partial name ("J Hassall") that fits exactly one person already stored for this body."""
    if not known or not body_key:
        return None
    cands = set()
    for m in members:
        p = parsed[m]
        for pf, key in known.by_body.get(body_key, []):
            if p.surname and _surname_fits(p.surname, pf) and (not p.initials or _initials_fit(p.initials, pf)):
                cands.add(key)
            elif not p.surname and _code_fits(p.initials, pf):
                cands.add(key)
    return cands.pop() if len(cands) == 1 else None


def _post_label(post: str) -> str:
    info = gz.lookup_post(post)
    return info.post if info else post.title()


def _surname_fits(surname: str, full: ParsedName) -> bool:
    a = surname.lower().replace("-", " ")
    b = full.surname.lower().replace("-", " ")
    whole = " ".join(full.given[1:] + [full.surname]).lower().replace("-", " ")
    return a == b or a == whole or b.endswith(" " + a) or whole.endswith(" " + a)


def _initials_fit(initials: str, full: ParsedName) -> bool:
    """'J' fits Julia; 'GR' fits Gladys Rhodes (White) and Gladys (Rhodes-White)."""
    given_initials = "".join(g[0].upper() for g in full.given)
    surname_parts = re.split(r"[- ]", full.surname)
    with_surname = given_initials + "".join(p[0].upper() for p in surname_parts[:-1])
    return given_initials.startswith(initials) or with_surname.startswith(initials)


def _code_fits(code: str, full: ParsedName) -> bool:
    """'JB' fits Jane Brown, 'AWa' fits Andy Warburton, 'GRW' fits Gladys Rhodes-White."""
    words = full.given + re.split(r"[- ]", full.surname)
    parts = re.findall(r"[A-Z][a-z]*", code)
    if len(parts) != len(words) and not (len(parts) == 2 and len(words) > 2):
        return False
    if len(parts) == 2 and len(words) > 2:
        words = [words[0], words[-1]]
    return all(w.lower().startswith(p.lower()) for p, w in zip(parts, words))


def _best_full(full: list[str], parsed: dict[str, ParsedName]) -> str:
    # most words wins ("Gladys Rhodes White" over "Gladys Rhodes-White"), then most common
    return max(full, key=lambda s: (len(parsed[s].folded_full().split()), full.count(s), -len(s)))


def _canonical_name(members: list[str], parsed: dict[str, ParsedName]) -> str:
    full = [m for m in members if parsed[m].full]
    if full:
        best = parsed[_best_full(full, parsed)]
        return " ".join(best.given + [best.surname])
    # no full name: keep the form as written, title included ("Cllr Smith"), in the singular
    best = max(members, key=lambda s: (parsed[s].title is not None, not s.startswith(("Councillors", "Cllrs")), len(s)))
    return re.sub(r"^(Councillor|Cllr)s\b", r"\1", best)


# -- organisations ----------------------------------------------------------------------------

def _resolve_orgs(ex: Extraction, body_name: str | None, body_key: str | None):
    orgs: dict[str, OrgEntity] = {}
    org_of: dict[str, str] = {}

    def ensure(key: str, name: str, org_type: str | None) -> OrgEntity:
        ent = orgs.get(key)
        if ent is None:
            ent = orgs[key] = OrgEntity(key=key, name=name, org_type=org_type)
        return ent

    if body_name and body_key:
        info = gz.lookup_org(body_name)
        body = ensure(body_key, body_name, info.type if info else _type_from_words(body_name))
        body.surfaces.add(body_name)
        org_of[body_name] = body_key
        acronym = "".join(w[0] for w in body_name.split() if w[0].isupper())
        if len(acronym) >= 3:
            org_of[acronym] = body_key
    for ref in ex.organisations:
        surface = ref.surface.strip()
        if not surface or surface in org_of:
            if surface in org_of:
                orgs[org_of[surface]].surfaces.add(surface)
            continue
        info = gz.lookup_org(surface)
        name = info.name if info and not gz.is_ambiguous_acronym(surface) else surface
        if name.isupper() and " " in name:
            name = name.title()
        if body_name and _refers_to_body(name, body_name):
            key = body_key
        elif info and info.generic and body_key:
            # "the local authority", "CCG": the one that serves this body, not all of them
            key = f"{body_key}--{slug(info.name)}"
        else:
            key = slug(name)
        ent = ensure(key, name, info.type if info else _type_from_words(name))
        ent.surfaces.add(surface)
        org_of[surface] = key
    _generic_to_named(orgs, org_of, body_key)
    return orgs, org_of


def _generic_to_named(orgs: dict[str, OrgEntity], org_of: dict[str, str], body_key: str | None) -> None:
    """'The ICB will begin recruitment' where the minutes name one ICB ('NHS North Pennine
    ICB'): the generic mention is that body.  With two candidates it stays generic."""
    if not body_key:
        return
    prefix = f"{body_key}--"
    for key in [k for k in orgs if k.startswith(prefix)]:
        generic = orgs[key]
        info = gz.lookup_org(generic.name)
        forms = {generic.name.lower(), *(a.lower() for a in (info.acronyms if info else ()))}
        named = [o for k, o in orgs.items() if not k.startswith(prefix) and k != body_key
                 and any(s.lower().endswith(" " + f) for s in o.surfaces | {o.name} for f in forms)]
        if len(named) == 1:
            target = named[0]
            target.surfaces |= generic.surfaces
            for surface in generic.surfaces:
                org_of[surface] = target.key
            del orgs[key]


def _refers_to_body(name: str, body: str) -> bool:
    n, b = name.lower(), body.lower()
    return n == b or (len(n) > 8 and b.startswith(n) and n.split()[-1] == b.split()[-1]) or \
        (len(n) > 8 and b.endswith(n) and len(n.split()) >= 2)


def _type_from_words(name: str) -> str | None:
    low = name.lower()
    for word, t in (("parish council", "parish_council"), ("town council", "parish_council"),
                    ("county council", "local_authority"), ("borough council", "local_authority"),
                    ("city council", "local_authority"), ("district council", "local_authority"),
                    ("uhb", "health_board"), ("health board", "health_board"), ("safeguarding", "safeguarding"),
                    ("trust", "trust"), ("police", "police"), ("university", "education"), ("school", "education"),
                    ("board", "partnership_board"), ("committee", "other"), ("group", "other")):
        if word in low:
            return t
    return None
