"""ask: plain-English questions about who owns what, answered from the named queries.

A question is matched against a table of (pattern, handler) pairs, in order; the first
pattern that matches decides which named queries run.  Nothing is guessed: a question
that matches no pattern raises QuestionError listing what can be asked.

Names and things are looked up forgivingly.  A person is found by any surface form the
minutes used (skos:altLabel), with or without a title, by initial and surname, or by
surname alone ("Julia Hassall", "J Hassall", "Hassall", "cllr hassall"); case, hyphens,
apostrophes and curly quotes do not matter.  A thing ("the data set", "edge of care") is
matched by its content words, each of which must begin a word of the text, in any order.
User text is only ever bound by the engine (GraphStore.select) or compared in Python,
never formatted into SPARQL.

Every answer row carries the meeting it comes from and the evidence sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from kg.errors import QuestionError
from kg.query import run_named

# -- text folding and words -------------------------------------------------------------

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                         "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\-_/]+")


def fold(text: str) -> str:
    """Lower-case, ASCII, quotes straightened, hyphens and dashes as spaces, apostrophes
    dropped ("Children’s" -> "childrens"), single spaces."""
    t = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    t = _DASHES.sub(" ", t)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii").lower()
    t = t.replace("'", "")
    t = re.sub(r"[^a-z0-9&\"]+", " ", t)
    return " ".join(t.replace('"', " ").split())


STOPWORDS = frozenset("""
a an the of for to in on at by and or with about re regarding from into onto over under as is are was were be been
being this that these those it its their there they them his her he she we our us you your i my any all some each
every which what who whom whose when where why how did do does done has have had will would should shall must can
could may might not no nor so than then also just only very more most such up out off own same other
something anything everything nothing someone anyone
""".split())
# words that say what kind of thing is asked about, not which one
GENERIC = frozenset("""action actions task tasks thing things item items matter matters issue issues work responsibility
responsibilities job jobs service services report reports paper papers document documents
presentation presentations""".split())
TITLES = frozenset("""cllr councillor councilor cl mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd
reverend canon the""".split())


def stem(word: str) -> str:
    """A light suffix stripper, the same on both sides of every comparison:
    quotes/quote -> quot, obtained/obtain -> obtain, services/service -> servic."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str, *, generic: bool = True) -> list[str]:
    """The stems of the words of text that say what it is about (stopwords dropped)."""
    out = []
    for w in fold(text).split():
        if w in STOPWORDS or (generic and w in GENERIC):
            continue
        s = stem(w)
        if s and s not in out:
            out.append(s)
    return out


def text_stems(text: str) -> list[str]:
    return [stem(w) for w in fold(text).split()]


def mentions_all(text: str, words: list[str]) -> bool:
    """True when every (stemmed) word begins some word of text."""
    stems = text_stems(text)
    return all(any(s.startswith(w) for s in stems) for w in words)


# -- names --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entity:
    iri: str
    name: str
    kind: str  # person | organisation
    labels: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()  # "Clerk", "Chair": a person may be named by post


def _name_tokens(text: str) -> list[str]:
    toks = fold(text).split()
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return toks


def entities(store) -> list[Entity]:
    """Every person and organisation, with all the surface forms it was written as."""
    found: dict[str, dict] = {}
    for query, kind, key in (("people", "person", "person"), ("organisations", "organisation", "org")):
        _, rows = run_named(store, query)
        for r in rows:
            e = found.setdefault(r[key], {"name": r.get("name", r[key]), "kind": kind, "labels": []})
            for lab in (r.get("name"), r.get("mention")):
                if lab and lab not in e["labels"]:
                    e["labels"].append(lab)
    posts: dict[str, list[str]] = {}
    _, rows = run_named(store, "posts")
    for r in rows:
        posts.setdefault(r["person"], []).append(r["post"])
    return [Entity(iri, d["name"], d["kind"], tuple(d["labels"]), tuple(posts.get(iri, ())))
            for iri, d in found.items()]


def _initials_fit(q: list[str], label: list[str]) -> bool:
    """q ("j hassall", "julia hassall", "gr white") fits label as given names or initials
    followed by the same surname."""
    if len(q) < 2 or len(label) < 2 or q[-1] != label[-1]:
        return False
    qi, li = q[:-1], label[:-1]
    # "gr" may be two initials run together
    if len(qi) == 1 and 2 <= len(qi[0]) <= 3 and len(li) == len(qi[0]) and all(
            t[0] == c for t, c in zip(li, qi[0])):
        return True
    if len(qi) > len(li):
        return False
    for a, b in zip(reversed(qi), reversed(li)):
        if a == b:
            continue
        if (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            continue
        return False
    return True


def find_entities(store, text: str, *, kinds: tuple[str, ...] = ("person", "organisation"),
                  pool: list[Entity] | None = None) -> list[Entity]:
    """People/organisations that `text` names, best kind of match only:
    1 a surface form equal to text (titles, case, hyphens, quotes ignored);
    2 given names or initials with the surname ("J Hassall" ~ "Julia Hassall");
    3 the surname alone (or the last parts of a double-barrelled name);
    4 a post the person holds ("the Clerk");
    5 every content word of text begins a word of a name ("improvement board");
    6 every content word of text begins a word of a post ("the clerk" ~ "Parish Clerk")."""
    q = _name_tokens(text)
    if not q:
        return []
    pool = [e for e in (pool if pool is not None else entities(store)) if e.kind in kinds]
    joined = " ".join(q)
    tiers: list[list[Entity]] = [[], [], [], [], [], []]
    words = content_words(text, generic=False)
    for e in pool:
        toks = [t for t in (_name_tokens(lab) for lab in e.labels) if t]
        posts = [" ".join(_name_tokens(p)) for p in e.posts]
        if any(" ".join(t) == joined for t in toks) or fold(text) in {fold(lab) for lab in e.labels}:
            tiers[0].append(e)
        elif e.kind == "person" and any(_initials_fit(q, t) for t in toks):
            tiers[1].append(e)
        elif e.kind == "person" and any(t[-len(q):] == q for t in toks if len(t) > len(q)):
            tiers[2].append(e)  # surname, or the last parts of a double-barrelled name
        elif joined in posts:
            tiers[3].append(e)  # "the Clerk"
        elif words and any(mentions_all(lab, words) for lab in e.labels):
            tiers[4].append(e)
        elif words and any(mentions_all(p, words) for p in e.posts):
            tiers[5].append(e)
    for tier in tiers:
        if tier:
            return sorted(tier, key=lambda e: (e.kind, e.name))
    return []


# -- meetings -----------------------------------------------------------------------------

@dataclass(frozen=True)
class MeetingInfo:
    iri: str
    body: str
    date: str

    @property
    def label(self) -> str:
        body = self.body or "Meeting"
        return f"{body}, {self.date}" if self.date else f"{body} (date not stated)"


def meetings(store) -> dict[str, MeetingInfo]:
    _, rows = run_named(store, "meetings")
    out: dict[str, MeetingInfo] = {}
    for r in rows:
        out.setdefault(r["meeting"], MeetingInfo(r["meeting"], r.get("body", ""), r.get("date", "")))
    return out


def meeting_label(info: dict[str, MeetingInfo], iri: str | None) -> str:
    if not iri:
        return "(meeting not recorded)"
    m = info.get(iri)
    return m.label if m else iri


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MON = {m[:3]: i for i, m in enumerate(_MONTHS, 1)}


def parse_date(text: str) -> tuple[str | None, str]:
    """A date in text (ISO, 4 December 2019, 4/12/2019, December 2019) as an ISO prefix,
    and the text without it."""
    t = fold(text)
    m = re.search(r"\b(\d{4}) (\d{2}) (\d{2})\b", t)  # ISO after folding hyphens
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", (t[:m.start()] + t[m.end():]).strip()
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9}) (\d{4})\b", t)
    if m and m.group(2)[:3] in _MON:
        return (f"{int(m.group(3)):04d}-{_MON[m.group(2)[:3]]:02d}-{int(m.group(1)):02d}",
                (t[:m.start()] + t[m.end():]).strip())
    m = re.search(r"\b(\d{1,2}) (\d{1,2}) (\d{4})\b", t)  # 4/12/2019, UK order
    if m:
        return (f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}",
                (t[:m.start()] + t[m.end():]).strip())
    m = re.search(r"\b([a-z]{3,9}) (\d{4})\b", t)
    if m and m.group(1)[:3] in _MON:
        return f"{int(m.group(2)):04d}-{_MON[m.group(1)[:3]]:02d}", (t[:m.start()] + t[m.end():]).strip()
    return None, t


_MEETING_WORDS = frozenset(stem(w) for w in "meeting meetings minutes last latest recent held dated on of".split())
# words that name a kind of body: "the board" means the body of the meetings in the graph
# when no body is called that ("Wirral Children's Trust" is the board of its minutes)
_BODY_WORDS = frozenset(stem(w) for w in """board council committee trust partnership group panel forum authority
governors governing body cabinet executive assembly""".split())


def select_meetings(store, spec: str | None) -> tuple[list[MeetingInfo], str]:
    """Meetings a phrase names ("the 2019-12-04 meeting", "the parish council meeting on
    4 December 2019", "the board"); all meetings when spec says nothing.  Returns the
    meetings and a description for messages."""
    info = list(meetings(store).values())
    if not spec or not spec.strip():
        return info, "any meeting"
    date, rest = parse_date(spec)
    words = [w for w in content_words(rest, generic=False) if w not in _MEETING_WORDS]
    chosen = info
    if date:
        chosen = [m for m in chosen if m.date.startswith(date)]
    if words:
        named = [m for m in chosen if m.body and mentions_all(m.body, words)]
        if not named and all(w in _BODY_WORDS for w in words):
            named = chosen
        chosen = named
    if not date and not words and re.search(r"\b(last|latest|recent)\b", fold(spec)):
        dated = sorted((m for m in info if m.date), key=lambda m: m.date)
        chosen = dated[-1:] if dated else info
    return chosen, repr(spec.strip())


# -- answers ------------------------------------------------------------------------------

@dataclass
class Answer:
    """Rows (dicts of plain strings keyed by `columns`) and how to say them."""

    question: str
    columns: list[str]
    rows: list[dict[str, str]]
    fact: Callable[[dict[str, str]], str] = field(default=lambda r: "", repr=False)
    empty: str = "Nothing in the graph answers that."
    note: str = ""

    def text(self) -> str:
        """One line per fact, the evidence quoted under it, and the meeting."""
        if not self.rows:
            return self.empty
        lines = [self.note] if self.note else []
        for r in self.rows:
            fact = self.fact(r)
            lines.append(fact)
            ev = quote_for(fact, r.get("evidence") or "")
            lines.append(f'    "{ev}"' if ev else "    (no evidence sentence recorded)")
            if r.get("meeting_label") or r.get("meeting"):
                lines.append(f"    - {r.get('meeting_label') or r.get('meeting')}")
        return "\n".join(lines)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def quote_for(fact: str, evidence: str) -> str:
    """The evidence to quote under a fact: the whole passage when it is one sentence, else
    its sentence that shares most words with the fact (a passage can hold several)."""
    ev = " ".join(evidence.split())
    sentences = [x for x in _SENTENCE_END.split(ev) if x.strip()]
    if len(sentences) <= 1 or len(ev) <= 240:
        return ev
    want = set(content_words(fact, generic=False))
    best = max(sentences, key=lambda x: len(want & set(content_words(x, generic=False))))
    return best if want & set(content_words(best, generic=False)) else ev


def _clean_thing(text: str) -> str:
    t = text.strip().strip("\"'\u2018\u2019\u201c\u201d").strip()
    return re.sub(r"^(?:the|a|an)\s+", "", t, flags=re.I)


def _labelled(store, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    info = meetings(store)
    for r in rows:
        r["meeting_label"] = meeting_label(info, r.get("meeting"))
    return rows


def _dedupe(rows: list[dict[str, str]], keys: tuple[str, ...]) -> list[dict[str, str]]:
    seen, out = set(), []
    for r in rows:
        k = tuple(r.get(c, "") for c in keys)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _thing_rows(store, thing: str) -> list[dict[str, str]]:
    """Rows of owners-of whose thing holds every content word of `thing`."""
    words = content_words(thing) or content_words(thing, generic=False)
    if not words:
        raise QuestionError(f"say which thing you mean: {thing!r} has no words to look for")
    longest = max(words, key=len)
    # the engine only narrows the rows (a stem may not be a substring: bodies -> body)
    _, rows = run_named(store, "owners-of", {"word": longest[:-1] if len(longest) > 3 else longest})
    return [r for r in rows if mentions_all(r.get("thing", ""), words)]


_RELATION_WORDS = {"must do": "must do", "manages": "manages", "presents": "presents", "authored": "wrote",
                   "introduced": "introduced", "inspects": "inspects", "leads": "leads", "chairs": "chairs",
                   "has_member": "has as a member", "presented": "presented",
                   "declared an interest": "declared an interest", "judged": "judged"}


def _say_owner(r: dict[str, str]) -> str:
    rel = r.get("relation", "")
    return f"{r.get('owner_name', '(no owner recorded)')} {_RELATION_WORDS.get(rel, rel)}: {r.get('thing', '')}"


# -- handlers: (store, match groups) -> Answer -----------------------------------------------

def who_owns(store, q: str, g: dict) -> Answer:
    thing = _clean_thing(g["x"])
    rows = _labelled(store, _thing_rows(store, thing))
    owned = [r for r in rows if r.get("owner")]
    unowned = [dict(r, owner_name="(no owner recorded)") for r in rows if not r.get("owner")]
    columns = ["thing", "relation", "owner", "owner_name", "meeting", "meeting_label", "evidence"]
    return Answer(q, columns, _dedupe(owned + unowned, ("thing", "relation", "owner", "evidence")), _say_owner,
                  empty=f"No action, service or report in the graph mentions {thing!r}.")


def who_presented(store, q: str, g: dict) -> Answer:
    verb = fold(g["verb"])
    relations = {"authored"} if verb.startswith(("wrote", "author", "prepar")) else {"presents", "introduced"}
    thing = _clean_thing(g["x"])
    rows = [r for r in _thing_rows(store, thing) if r.get("relation") in relations and r.get("owner")]
    columns = ["thing", "relation", "owner", "owner_name", "meeting", "meeting_label", "evidence"]
    what = "wrote" if relations == {"authored"} else "presented or introduced"
    return Answer(q, columns, _dedupe(_labelled(store, rows), ("thing", "relation", "owner")), _say_owner,
                  empty=f"The graph does not say who {what} anything matching {thing!r}.")


def accountable(store, q: str, g: dict) -> Answer:
    name = g["p"].strip()
    found = find_entities(store, name)
    columns = ["entity_name", "relation", "thing", "meeting", "meeting_label", "evidence"]
    if not found:
        return Answer(q, columns, [], empty=f"No person or organisation in the graph is called {name!r}.")
    iris = {e.iri for e in found}
    _, rows = run_named(store, "accountabilities")
    rows = [r for r in rows if r.get("entity") in iris]
    rows = _dedupe(_labelled(store, rows), ("entity_name", "relation", "thing", "evidence"))
    names = " or ".join(e.name for e in found)
    note = f"{name!r} matches {len(found)}: {', '.join(e.name for e in found)}." if len(found) > 1 else ""

    def say(r):
        rel = _RELATION_WORDS.get(r["relation"], r["relation"])
        return f"{r['entity_name']} {rel}: {r.get('thing', '')}"
    return Answer(q, columns, rows, say, empty=f"The graph records nothing that {names} is accountable for.",
                  note=note)


def decided(store, q: str, g: dict) -> Answer:
    body = (g.get("body") or "").strip()
    thing = _clean_thing(g.get("x") or "")
    info = meetings(store)
    columns = ["decision", "text", "meeting", "meeting_label", "date", "evidence"]
    chosen = set(info)
    if body and fold(body) not in {"they", "we", "it", "you"}:
        ms, _ = select_meetings(store, body)
        if not ms and not content_words(thing) and find_entities(store, body):
            return accountable(store, q, {"p": body})  # "what did J Hassall agree (to do)"
        if not ms:
            return Answer(q, columns, [], empty=f"No meeting of a body matching {body!r} is in the graph.")
        chosen = {m.iri for m in ms}
    _, rows = run_named(store, "decisions")
    rows = [r for r in rows if r["meeting"] in chosen]
    words = [w for w in content_words(thing)] if thing else []
    if words:
        rows = [r for r in rows if mentions_all(r.get("text", "") + " " + r.get("evidence", ""), words)]
    for r in rows:
        r["meeting_label"] = meeting_label(info, r["meeting"])
        r["date"] = info[r["meeting"]].date if r["meeting"] in info else ""
    rows.sort(key=lambda r: (r["date"], r["meeting"]))
    when = lambda r: f" (on {r['date']})" if r.get("date") else " (date not stated)"  # noqa: E731
    about = f" about {thing!r}" if thing else ""
    by = f" by {body!r}" if body else ""
    return Answer(q, columns, _dedupe(rows, ("decision",)), lambda r: f"Decided{when(r)}: {r.get('text', '').lstrip(':;,. ')}",
                  empty=f"No decision{by}{about} is in the graph.")


_ROLES = [  # (regex over the folded verb, roles, how to say it)
    (r"chair", ("chair",), "chaired"),
    (r"apolog|absent|\bsent\b|regrets|missed", ("apologies",), "sent apologies"),
    (r"in attendance", ("in_attendance",), "was in attendance"),
    (r"substitut", ("substitute",), "substituted"),
    (r"attend|present|there|came|were at|was at", ("chair", "present", "in_attendance", "substitute"), "attended"),
]


def attendance(store, q: str, g: dict) -> Answer:
    verb = fold(g["verb"])
    roles, said = next((r, s) for rx, r, s in _ROLES if re.search(rx, verb))
    spec = g.get("m") or ""
    ms, desc = select_meetings(store, spec)
    columns = ["name", "role", "person", "meeting", "meeting_label", "evidence"]
    if not ms:
        return Answer(q, columns, [], empty=f"No meeting in the graph matches {desc}.")
    chosen = {m.iri for m in ms}
    _, rows = run_named(store, "attendance-evidence")
    rows = [r for r in rows if r["meeting"] in chosen and r.get("role") in roles]
    rows = _dedupe(_labelled(store, rows), ("meeting", "person", "role"))
    where = f" {spec.strip()}" if spec.strip() else ""
    return Answer(q, columns, rows,
                  lambda r: f"{r['name']} {_ROLE_SAY.get(r['role'], r['role'])}",
                  empty=f"The graph records nobody who {said}{where}.")


_ROLE_SAY = {"chair": "chaired", "present": "was present", "apologies": "sent apologies",
             "in_attendance": "was in attendance", "substitute": "attended as a substitute"}


def interests(store, q: str, g: dict) -> Answer:
    columns = ["name", "interest", "person", "meeting", "meeting_label", "evidence"]
    _, rows = run_named(store, "declarations")
    who = (g.get("p") or "").strip()
    if who:
        found = find_entities(store, who, kinds=("person",))
        if not found:
            return Answer(q, columns, [], empty=f"No person in the graph is called {who!r}.")
        iris = {e.iri for e in found}
        rows = [r for r in rows if r.get("person") in iris]
        empty = f"The graph records no declaration of interest by {' or '.join(e.name for e in found)}."
    else:
        empty = "The graph records no declarations of interest."
    thing = _clean_thing(g.get("x") or "")
    if thing:
        words = content_words(thing)
        rows = [r for r in rows if mentions_all(r.get("interest", "") + " " + r.get("evidence", ""), words)]
        empty = f"The graph records no declaration of interest about {thing!r}."
    rows = _labelled(store, rows)
    return Answer(q, columns, rows,
                  lambda r: f"{r.get('name', '(person not recorded)')} declared an interest: {r.get('interest', '')}",
                  empty=empty)


def no_owner(store, q: str, g: dict) -> Answer:
    from kg.analyse import unowned
    _, rows = unowned(store)
    rows = [r for r in rows if "owner" in r["missing"]]
    return Answer(q, ["action", "missing", "meeting", "evidence"], rows,
                  lambda r: f"No owner: {r['action']}", empty="Every action in the graph has an owner.")


def no_due(store, q: str, g: dict) -> Answer:
    from kg.analyse import unowned
    _, rows = unowned(store)
    rows = [r for r in rows if "due date" in r["missing"]]
    return Answer(q, ["action", "owner_name", "missing", "meeting", "evidence"], rows,
                  lambda r: f"No due date: {r['action']}" + (f" (owner: {r['owner_name']})" if r.get("owner_name")
                                                             else ""),
                  empty="Every action in the graph has a due date.")


def never_reported(store, q: str, g: dict) -> Answer:
    from kg.analyse import followup
    columns, rows = followup(store)
    asked = fold(q)
    want_open = not re.search(r"\b(?:were|was|have been|has been|got|are|is) (?:reported back|reported on|followed up|"
                              r"completed|done|closed)\b", asked) or re.search(r"\b(?:never|not)\b", asked)
    rows = [r for r in rows if (r["status"] == "open") == bool(want_open)]
    for r in rows:
        r["meeting_label"] = r["meeting"] if r["status"] == "open" else r["later_meeting"]

    def say(r):
        owner = f" (owner: {r['owner_name']})" if r.get("owner_name") else ""
        if r["status"] == "open":
            return f"Never reported back on: {r['action']}{owner}, from {r['meeting']}"
        return f"Reported back: {r['action']}{owner}, from {r['meeting']}"
    earlier = any(True for _ in rows) or _has_earlier_meetings(store)
    empty = ("Every action from an earlier meeting was reported back on at a later meeting." if want_open
             else "No action from an earlier meeting was reported back on.")
    if not earlier:
        empty = "No body has two dated meetings in the graph, so no action can be followed up yet."
    return Answer(q, columns + ["meeting_label"], rows, say, empty=empty)


def _has_earlier_meetings(store) -> bool:
    per_body: dict[str, int] = {}
    for m in meetings(store).values():
        if m.date and m.body:
            per_body[m.body] = per_body.get(m.body, 0) + 1
    return any(n > 1 for n in per_body.values())


def connected(store, q: str, g: dict) -> Answer:
    from kg.analyse import shortest_path
    a, b = g["a"].strip(), g["b"].strip()
    columns, rows = shortest_path(store, a, b)
    for r in rows:
        r["meeting_label"] = r.get("meeting", "")
    return Answer(q, columns, rows, lambda r: f"{r['step']}. {r['from']} {r['relation']} {r['to']}",
                  empty=f"No path links {a!r} and {b!r}.")


def who_said(store, q: str, g: dict) -> Answer:
    thing = _clean_thing(g.get("x") or "")
    who = (g.get("p") or "").strip()
    _, rows = run_named(store, "texts")
    rows = [r for r in rows if r["kind"] == "statement"]
    empty = "The graph records no statements."
    if who:
        found = find_entities(store, who)
        if not found:
            return Answer(q, [], [], empty=f"No person or organisation in the graph is called {who!r}.")
        iris = {e.iri for e in found}
        rows = [r for r in rows if r.get("by") in iris]
        empty = f"The graph records nothing said by {' or '.join(e.name for e in found)}."
    if thing:
        words = content_words(thing)
        rows = [r for r in rows if mentions_all(r.get("text", ""), words)]
        empty = f"No statement in the graph mentions {thing!r}."
    rows = _labelled(store, rows)
    return Answer(q, ["by_name", "verb", "text", "by", "meeting", "meeting_label", "evidence"], rows,
                  lambda r: f"{r.get('by_name', '(speaker not recorded)')} {r.get('verb', 'said')}: {r['text']}",
                  empty=empty)


def list_meetings(store, q: str, g: dict) -> Answer:
    body = (g.get("body") or "").strip()
    ms, desc = select_meetings(store, body)
    _, rows = run_named(store, "meetings")
    chosen = {m.iri for m in ms}
    rows = _dedupe([r for r in rows if r["meeting"] in chosen], ("meeting",))
    _, facts = run_named(store, "fact-meetings")
    ev = {r["fact"]: r.get("evidence", "") for r in facts}
    for r in rows:
        r["evidence"] = ev.get(r["meeting"], "")
    rows = _labelled(store, rows)
    return Answer(q, ["meeting", "body", "date", "chair", "source", "meeting_label", "evidence"], rows,
                  lambda r: f"{r.get('body', 'A meeting')} met" + (f" on {r['date']}" if r.get("date") else
                                                                    " (date not stated)")
                  + (f", chaired by {r['chair']}" if r.get("chair") else ""),
                  empty=f"No meeting in the graph matches {desc}.")


# -- the table: patterns over the folded question, first match wins ------------------------------

def _p(rx: str) -> re.Pattern:
    return re.compile(r"^(?:please )?(?:(?:can|could) you )?(?:tell me )?" + rx + r"$")


_NAME = r"(?P<p>.+?)"
_THING = r"(?P<x>.+?)"
_MEETING = r"(?: (?:to|for|from|at|of|in) )?(?P<m>(?:the |a )?.*?)"

PATTERNS: list[tuple[re.Pattern, Callable]] = [
    # how are A and B connected
    (_p(r"how (?:is|are) (?P<a>.+?) (?:and|to|with) (?P<b>.+?) (?:connected|linked|related)(?: to each other)?"),
     connected),
    (_p(r"(?:what|who) (?:connects|links) (?P<a>.+?) (?:and|to|with) (?P<b>.+?)"), connected),
    (_p(r"(?:show )?(?:the )?(?:path|connection|link) (?:between|from) (?P<a>.+?) (?:and|to) (?P<b>.+?)"), connected),
    # actions without owner / due date; actions never reported back on
    (_p(r".*\b(?:unowned|ownerless|orphan(?:ed)?) actions?\b.*"), no_owner),
    (_p(r".*\bactions?\b.*\b(?:no|without|lacks?|lacking|missing|nobody|not)\b.*"
        r"\b(?:owners?|owned|responsible|assigned)\b.*"), no_owner),
    (_p(r".*\bactions?\b.*\b(?:no|without|lacks?|lacking|missing|not)\b.*"
        r"\b(?:due|deadlines?|target dates?|dates?|timescales?)\b.*"), no_due),
    (_p(r".*\bactions?\b.*\b(?:reported back|report back|followed up|follow up|reported on|still open|"
        r"outstanding|never completed)\b.*"), never_reported),
    (_p(r".*\b(?:outstanding|unreported|open|overdue) actions?\b.*"), never_reported),
    (_p(r".*\b(?:never|not) (?:been )?(?:reported back|followed up)\b.*"), never_reported),
    # interests
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) did " + _NAME +
        r" (?:declare|make|register|give)"), interests),
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) (?:has|have|had) " + _NAME +
        r" (?:declared|made|registered|given)"), interests),
    (_p(r"did " + _NAME + r" declare (?:an? |any )?interests?(?: in " + _THING + r")?"), interests),
    (_p(r"what (?:did|has|have) " + _NAME + r" (?:declare|declared)(?: an? interests? in)?"), interests),
    (_p(r"(?:what|which) (?:interests?|declarations?(?: of interests?)?) (?:were|was|have been|has been) "
        r"(?:declared|made|registered)(?: (?:at|in) (?:the |a )?.*)?"), interests),
    (_p(r"who declared (?:an? |any )?interests?(?: (?:in|on|about|regarding|re) " + _THING + r")?"), interests),
    (_p(r"(?:list |show )?(?:the |all )?declarations?(?: of interests?)?"), interests),
    # attendance
    (_p(r"who (?P<verb>chaired|chairs|was chairing|was (?:the )?chair(?:man|person|woman)? (?:of|at|for)|"
        r"attended|was present at|were present at|was at|were at|came to|was there at|"
        r"sent (?:their |his |her )?apologies|gave (?:their |his |her )?apologies|sent regrets|"
        r"was absent from|were absent from|missed|"
        r"was in attendance at|were in attendance at|substituted at)" + _MEETING), attendance),
    (_p(r"who (?P<verb>was (?:the )?chair(?:man|person|woman)?|was present|were present|was absent|were absent|"
        r"was in attendance|were in attendance|sent apologies|gave apologies)"), attendance),
    # presented / wrote
    (_p(r"who (?P<verb>presented|presents|introduced|introduces|wrote|writes|authored|prepared|"
        r"gave (?:a |the )?presentation (?:on|about|of)|gave|brought|tabled) " + _THING), who_presented),
    # decisions
    (_p(r"what (?:did|has|have|had|does|do) (?P<body>.+?) (?:decide|decided|resolve|resolved|agree|agreed|vote|"
        r"voted|approve|approved)(?: (?:to|on|about|regarding|re|for|over|upon) " + _THING +
        r")?(?:,? and when)?"), decided),
    (_p(r"(?:what|which)(?: decisions?)? (?:was|were|has been|have been|got) (?:decided|resolved|agreed|made|"
        r"taken|approved)(?: (?:about|on|regarding|re|for|over) " + _THING + r")?(?: (?:by|at) (?P<body>.+?))?"
        r"(?:,? and when)?"), decided),
    (_p(r"when (?:did|was|were) (?P<body>.+?) (?:decide|decided|resolve|resolved|agree|agreed|approve|approved)"
        r"(?: (?:to|on|about|regarding|re|that))? " + _THING), decided),
    (_p(r"(?:what|which|list|show)(?: the| all)? decisions?(?: (?:did|has|have|were) (?P<body>.+?) "
        r"(?:make|made|take|taken|reach|reached))?(?: (?:about|on|regarding|re) " + _THING + r")?"
        r"(?:,? and when)?"), decided),
    # what is P accountable for
    (_p(r"what (?:is|are|was|were) " + _NAME + r" (?:accountable|responsible|in charge|on the hook) for"),
     accountable),
    (_p(r"what (?:does|do|did|must|should|will|has|have) " + _NAME +
        r" (?:own|owns|have to do|has to do|need to do|needs to do|got to do|agree to do|agreed to do|"
        r"commit to|committed to|manage|lead|run|present|do)"), accountable),
    (_p(r"what (?:actions?|tasks?|responsibilities) (?:does|do|did|has|have|is|are|was|were) " + _NAME +
        r"(?: (?:got|own|have|hold|holding|responsible for|accountable for|doing|taking on|taken on|been given))?"),
     accountable),
    (_p(r"(?:what|which) (?:actions?|tasks?|responsibilities) (?:belong to|are owned by|are assigned to|fall to|"
        r"are for) " + _NAME), accountable),
    (_p(r"what (?:is|are) " + _NAME + r" (?:doing|working on|accountable|responsible)"), accountable),
    # who said / asked
    (_p(r"what did " + _NAME + r" (?:say|ask|comment|raise|reply|add|report|suggest|mention)(?: (?:about|on|"
        r"regarding|re)(?: " + _THING + r")?)?"), who_said),
    (_p(r"who (?:said|asked|commented|mentioned|raised|spoke|reported|suggested|replied)(?: (?:about|on|that|"
        r"whether|if|regarding|re))? " + _THING), who_said),
    # who owns / is responsible for / will do
    (_p(r"who (?:owns|owned|is responsible for|was responsible for|are responsible for|is accountable for|"
        r"has responsibility for|has the action (?:on|for|to)|holds the action (?:on|for|to)|is in charge of|"
        r"is leading|leads|manages|is managing|runs|is running|looks after|oversees|is doing|will do|does|"
        r"is working on|works on|is handling|handles|will|shall|must|should|is going to|are going to|has to|"
        r"needs to|need to|agreed to|is to|are to|was asked to|is tasked with|was tasked with|"
        r"has been asked to) " + _THING), who_owns),
    (_p(r"whose (?:job|responsibility|action|task) is (?:it )?(?:to )?" + _THING), who_owns),
    (_p(r"who(?:'s|s| is) (?:the )?owner of " + _THING), who_owns),
    # meetings
    (_p(r"(?:which|what|list|show)(?: the| all)? meetings?(?: (?:are|were|is))?(?: in the graph| held| there)?"),
     list_meetings),
    (_p(r"when did (?P<body>.+?) meet"), list_meetings),
]

EXAMPLES = [
    "who owns the data set?",
    "who is responsible for the edge of care service?",
    "who will recruit an independent advisor?",
    "what is J Hassall accountable for?",
    "what did the board decide about the terms of reference, and when?",
    "who presented the Ofsted inspection feedback?",
    "who wrote the report on the terms of reference?",
    "who chaired the meeting?",
    "who attended the 2019-12-04 meeting?",
    "who sent apologies to the parish council meeting?",
    "what interests did Cllr Meaden declare?",
    "who declared an interest?",
    "what did J Owens ask about?",
    "which actions have no owner?",
    "which actions have no due date?",
    "which actions from earlier meetings were never reported back on?",
    "how are Julia Hassall and the DfE connected?",
    "which meetings are in the graph?",
]


def _normalise_question(question: str) -> str:
    """Lower case, quotes straightened, punctuation that ends or separates clauses dropped,
    single spaces; names keep their hyphens (lookups fold them again)."""
    q = unicodedata.normalize("NFKC", question).translate(_QUOTES).lower()
    q = re.sub(r"[?!;:,]+", " ", q)
    return " ".join(q.split()).strip(" .")


def answer(store, question: str) -> Answer:
    """Answer a plain-English question from the graph; QuestionError if it cannot be mapped."""
    if not question or not question.strip():
        raise QuestionError("ask a question, for example: " + "; ".join(EXAMPLES[:4]))
    q = _normalise_question(question)
    for rx, handler in PATTERNS:
        m = rx.match(q)
        if m:
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            return handler(store, question.strip(), groups)
    raise QuestionError(f"cannot map {question.strip()!r} to a query. Questions govkg can answer, for example: "
                        + "; ".join(f'"{e}"' for e in EXAMPLES)
                        + " (or run a named query: govkg query --list)")


# Follow-up questions ("what happened to the dog bin?") come first: they read the stored
# report-back links and would otherwise be taken by the broader action patterns above.
from kg.ask_followup import PATTERNS as _FOLLOWUP_PATTERNS  # noqa: E402

PATTERNS[:0] = _FOLLOWUP_PATTERNS
