"""extract: Sections -> Extraction (facts in surface forms, each with its evidence).

A document is read in three passes: the names it uses (people, their initials, the acronyms it
defines), its attendance and heading (the meeting itself), then every sentence through the
components below, one per kind of fact, each in its own module with its own rule tables.
"""
from __future__ import annotations

import re

from kg import gazetteer as gz
from kg.extract.given_register import register_given_names
from kg.extract import actions, attendance as att, decisions, declarations, grammar, judgements, layout, motions
from kg.extract import reports, statements
from kg.extract.meeting import date_without_year, find_date, items, meeting_of, next_meeting_decision
from kg.extract.names import (TITLE_WORDS, NameContext, _initials_fit, ambiguous_aliases, declared_aliases,
                             defined_acronyms, find_people, names_a_thing, trust_places)
from kg.extract.reading import Component, Reading
from kg.extract.sentences import read_sentences
from kg.records import Extraction, OrgRef, PersonRef, Sections

__all__ = ["COMPONENTS", "date_without_year", "extract", "find_date"]

# The sentence components in the order they read each sentence.  One that returns True has read
# the sentence completely: a row of an action table, a labelled action, an entry of a closing
# list, a motion line or a vote line is not read again as prose.  Declarations come before
# decisions (a declaration is not a decision) and decisions before actions (a decision's
# sentence gives an action only where it names who carries it out).
COMPONENTS: tuple[Component, ...] = (
    layout.table_rows,
    layout.labelled_actions,
    layout.closing_lists,
    layout.code_led_actions,
    layout.right_column_actions,
    motions.component,
    decisions.vote_lines,
    declarations.component,
    judgements.component,
    reports.component,
    decisions.component,
    statements.component,
    actions.component,
)


def extract(secs: Sections, *, body: str | None = None, date: str | None = None) -> Extraction:
    """Read every fact the minutes state, with the sentence that states it."""
    doc = secs.document
    text = doc.text
    ctx = NameContext(aliases=declared_aliases(text))
    # surnames the document spells out in full let "A Lee" be a person, not the article
    first_pass = [m for m in find_people(text, 0, ctx, named_only=True) if m.kind in ("full", "titled")]
    ctx.surnames = {m.surface.split()[-1] for m in first_pass}
    ctx.given = _unique_given_names(first_pass)
    # attendance first: a register's initials column ("(AK)") declares aliases the prose uses
    if doc.meta.get("source_kind") == "moderngov-xml":
        listed, posts = att.from_moderngov(doc)
    else:
        listed, posts, _affiliation = att.from_lists(text, secs.sections, ctx)
        for post, holder in att.officer_lines(text, ctx).items():
            posts.setdefault(post, holder)
        for post, holder in att.prose_posts(text, ctx).items():
            posts.setdefault(post, holder)
        roll, roll_posts = att.roll_call(text)
        if not listed:
            listed = roll
        for post, holder in roll_posts.items():
            posts.setdefault(post, holder)
    ambiguous = ambiguous_aliases(text)
    for a in listed:
        ini = a.person.initials
        if not ini:
            continue
        if not _initials_fit(ini, _attendee_key(a.person.surface).title().split()):
            continue  # "(PT)" after a name is a role, not the person's initials
        if ini in ctx.aliases and _attendee_key(ctx.aliases[ini]) != _attendee_key(a.person.surface) \
                or ini in ambiguous:
            # one set of initials for two attendees: keep both people apart, say so
            names = ambiguous.setdefault(ini, [ctx.aliases.pop(ini)] if ini in ctx.aliases else [])
            if all(_attendee_key(n) != _attendee_key(a.person.surface) for n in names):
                names.append(a.person.surface)
            continue
        ctx.aliases[ini] = a.person.surface
    for code, surface in att.attendee_initials(listed, text).items():
        if code not in ambiguous:
            ctx.aliases.setdefault(code, surface)
    for given, surface in att.attendee_given_names(listed, first_pass).items():
        ctx.given.setdefault(given, surface)
    for given in register_given_names(text):
        # "Attendees" / "- Priya" / "- Tobias": a register of given names alone (given_register)
        ctx.given.setdefault(given, given)
    # "Mark Wardle (MW)" declares a person's initials, not an organisation's acronym
    acronyms = {a: n for a, n in defined_acronyms(text).items() if a not in ctx.aliases and n not in ctx.aliases.values()}
    for acr, name in _spelled_elsewhere(text).items():
        if acr not in acronyms and acr not in ctx.aliases and acr not in ambiguous and not names_a_thing(name):
            acronyms[acr] = name
    sents = read_sentences(secs, ctx, acronyms, trust_places(text))

    meeting = meeting_of(secs, sents, body, date)
    ex = Extraction(document=doc, meeting=meeting, aliases={**ctx.given, **ctx.aliases},
                    ambiguous_initials={k: v for k, v in ambiguous.items() if len(v) > 1})

    # people and organisations as written
    seen_people: set[str] = set()
    for s in sents:
        for m in s.people:
            if m.surface not in seen_people:
                seen_people.add(m.surface)
                ex.people.append(PersonRef(m.surface, m.start))
        for o in s.orgs:
            if s.section.kind == "item" and (s.section.title or "").strip().lower() == o.surface.lower() \
                    and not _BODY_TITLE.search(o.surface):
                continue  # an item headed "Planning" or "Highways" names a topic, not a body
            ex.organisations.append(OrgRef(o.canonical or o.surface, o.start))
            if o.canonical and o.canonical != o.surface:
                ex.organisations.append(OrgRef(o.surface, o.start))
    for alias, name in ctx.aliases.items():
        if name not in seen_people:
            ex.people.append(PersonRef(name, text.find(name), initials=alias))
    for acr, name in acronyms.items():
        ex.organisations.append(OrgRef(name, text.find(name)))

    ex.attendance = _dedupe_attendance(listed + att.from_prose(sents))
    for a in ex.attendance:
        if a.role == "chair" and not re.search(r"(?i)\bacting\s+chair", a.evidence.quote):
            # (an acting chair chairs this meeting and holds no post: the Chair sent apologies)
            posts.setdefault("chair", a.person.surface)
        if a.person.org:
            ex.organisations.append(OrgRef(a.person.org, a.evidence.start))
        if a.person.surface not in seen_people:
            seen_people.add(a.person.surface)
            ex.people.append(a.person)
    ex.posts = posts

    ex.items = items(secs, text, ctx)
    header_orgs = frozenset(o.surface for x in sents if x.section.kind == "header" and x.start < 400 for o in x.orgs)
    rule_doc = grammar.Doc(body=meeting.body, post_holders=posts, post_of=_post_of, header_orgs=header_orgs)
    reading = Reading(ex=ex, secs=secs, sents=sents, doc=rule_doc)
    # minutes whose text is one run-on line with no heading, list or number (a PDF's text
    # flattened) are all header: every sentence of it is read, as prose is
    # (a web page's text may open with a line or two of its own: "Page content transcription" /
    # "If your browser does not render page correctly ...", "Loading...": the minutes are the
    # one long line after them)
    run_on = len(secs.sections) == 1 and len(text) > 800 and (
        text.strip().count("\n") < 2 or max(map(len, text.split("\n"))) >= 0.6 * len(text.strip()))
    for k, s in enumerate(sents):
        if s.section.kind in ("present", "in_attendance", "apologies", "header") and not _has_verb(s.text) \
                and not run_on:
            continue
        reading.start(k)
        for component in COMPONENTS:
            if component(reading, s):
                break
    next_meeting_decision(ex, secs, sents)
    for fact in (*ex.decisions, *ex.actions, *ex.statements):
        if "\n>" in fact.evidence.quote and fact.text:
            # a Markdown quote's marker opening each wrapped line ("... write to the Scottish" /
            # "> government asking ...") is the page's markup, not a word of what was said
            fact.text = " ".join(_QUOTE_MARK.sub(" ", fact.text).split())
    known_orgs = {o.surface for o in ex.organisations}
    for a in ex.actions:
        a.due_date = actions.due_date(a.due, meeting.date)
        for o in a.owners:
            if o.kind == "org" and o.surface in acronyms:
                o.surface = acronyms[o.surface]  # an owner code that is the body's acronym
            if o.kind == "org" and o.surface not in known_orgs:
                # a unit named only as a task's owner ("by the Housing Maintenance section")
                known_orgs.add(o.surface)
                ex.organisations.append(OrgRef(o.surface, a.evidence.start))
    return ex


# an item headed by a body's whole name ("3. Budget Committee – (A, B)", "Audit and Risk
# Committee", "Sacramento Water Forum": a board's report from each of its committees and the
# bodies it sits on) names that body; "Public Forum" is the session where the public speak, and
# "Rota for the Forum" a task about one
_BODY_TITLE = re.compile(r"^(?!Public[ \t]+(?:Open[ \t]+)?Forum$)(?!.*\bfor\b).*\b(?:Committee|Sub-Committee|Group|Forum|Authority|Board|Council|Trust|"
                         r"Association|Panel|Partnership|Commission|Agency|Society)$")


def _unique_given_names(mentions) -> dict[str, str]:
    """Given names that belong to one person only, each mapped to that person's full name."""
    from kg.resolve import parse_name
    people: dict[str, set[str]] = {}
    for m in mentions:
        p = parse_name(m.surface, {})
        if p is not None and p.given and gz.is_first_name(p.given[0]):
            people.setdefault(p.given[0], set()).add(p.folded_full())
    out = {}
    for given, fulls in people.items():
        if len(fulls) == 1:
            full = next(m.surface for m in mentions if m.surface.split()[-1] and given in m.surface.split())
            out[given] = _from_word(full, given)
    return out


def _from_word(full: str, given: str) -> str:
    """`full` from its first word that opens with `given` followed by a word boundary ("Cllr
    Dr Ann Lee", "Ann" -> "Ann Lee"); `full` itself when none does.  The same as
    `re.sub(r"^(?:\\S+\\.?\\s+)*?(?=" + re.escape(given) + r"\\b)", "", full)`, without a pattern
    compiled for each given name: the words that pattern drops are whole runs of non-space
    and the spaces after them, so it can stop at the text's start or at a later word's first
    character; where it stops at the start (an empty match), re.sub takes its next, non-empty
    match there too ("Ann Ann Lee" -> "Ann Lee").  `given` is not empty."""
    n = len(given)
    cuts = []
    at = 0
    while at < len(full) and len(cuts) < 2:
        if full.startswith(given, at) and _boundary(full, at + n):
            cuts.append(at)
            if at:
                break
        if full[at].isspace():
            break  # no word to drop before a leading space: only the start is tried
        while at < len(full) and not full[at].isspace():
            at += 1
        if at == len(full):
            break  # a last word has no space after it, so it is never dropped
        while at < len(full) and full[at].isspace():
            at += 1
    if not cuts:
        return full
    if cuts[0]:
        return full[cuts[0]:]
    return full[cuts[1]:] if len(cuts) > 1 else full


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _boundary(text: str, at: int) -> bool:
    # `\b` at `at`: a word character on one side only
    left = at > 0 and _word_char(text[at - 1])
    right = at < len(text) and _word_char(text[at])
    return left != right


_QUOTE_MARK = re.compile(r"(?<=\S) >(?= \S)")


def _has_verb(t: str) -> bool:
    return bool(re.search(r"\b(?:welcomed|declared|agreed|said|asked|resolved|noted|received)\b", t))


def _post_of(surface: str) -> str | None:
    info = gz.lookup_post(surface)
    return info.post if info else None


# ("... supported by Suffolk County" / "Council": a letterhead's name wrapped over a line)
_ORG_NAME = re.compile(r"\b[A-Z][a-z]+(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:[A-Z][a-z]+|and|of|for))*(?:[ \t]+|[ \t]*\n[ \t]*)"
                       r"(?:Council|Authority|Trust|Board)\b")


def _spelled_elsewhere(text: str) -> dict[str, str]:
    """'SCC' in a document whose letterhead names Suffolk County Council: an acronym the
    gazetteer holds for several bodies means the one the document spells out, when
    exactly one named body has those initials."""
    found: dict[str, set[str]] = {}
    for m in _ORG_NAME.finditer(text):
        name = " ".join(m.group(0).split())
        if gz.lookup_org(name) is None:
            continue
        acr = "".join(w[0] for w in name.split() if w[0].isupper())
        if len(acr) >= 3 and re.search(rf"\b{acr}\b", text):
            found.setdefault(acr, set()).add(name)
    return {acr: next(iter(names)) for acr, names in found.items() if len(names) == 1}


def _dedupe_attendance(items):
    """One row per person and role.  A person whose apologies are recorded did not attend,
    though the list of members names them ("Attendees: Tony Brown (Chair), ..." and then
    "Apologies were received from Tony Brown"); the chair is then whoever chaired instead."""
    seen = set()
    out = []
    for a in items:
        key = (a.person.surface, a.role)
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    # "In Attendance: ... / Mr A in the Chair", "APOLOGIES: / - Councillor B / CATHAOIRLEACH / - The
    # Cathaoirleach, Councillor C presided.": the line that says who chaired is no entry of the
    # officers' or the apologies list it ends
    chaired = [(a.person.surface, a.evidence.start, a.evidence.end) for a in out if a.role == "chair"]
    out = [a for a in out if not (a.role in ("in_attendance", "apologies") and any(
        a.person.surface == who and start <= a.evidence.start and a.evidence.end <= end for who, start, end in chaired))]
    absent = {_attendee_key(a.person.surface) for a in out if a.role == "apologies"}
    kept = [a for a in out if a.role == "apologies" or _attendee_key(a.person.surface) not in absent]
    if any(a.role == "chair" for a in out) and not any(a.role == "chair" for a in kept):
        return out  # nobody else chaired: keep what the list says
    return kept


def _attendee_key(surface: str) -> str:
    """'Cllr Sarah Stamp' and 'Sarah Stamp' are one attendee."""
    words = [w for w in surface.replace(".", " ").split() if w not in TITLE_WORDS]
    return " ".join(words).lower()


