"""extract: Sections -> Extraction (facts in surface forms, each with its evidence)."""
from __future__ import annotations

import re

from kg import gazetteer as gz
from kg.extract import attendance as att
from kg.extract import layout
from kg.extract import motions
from kg.extract import rules
from kg.extract.names import (ORG_HEADS, TITLE_WORDS, NameContext, _initials_fit, ambiguous_aliases,
                             declared_aliases, defined_acronyms, find_people)
from kg.extract.sentences import Sent, read_sentences
from kg.records import (Action, Decision, Evidence, Extraction, Item, Meeting, OrgRef, Owner, PersonRef,
                        Sections)

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"], 1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# "23rd March 2023", "12TH DAY OF JANUARY, 2011", "23rd** **April 2024" (Markdown bold split by a converter)
DATE_WORDS = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+day\s+of)?[\s*_]+{_MONTH},?\s+(\d{{4}})\b", re.I)
# "January 14, 2025", "Thursday, January 23, 2025": the month first, as North American minutes write it
DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*(\d{{4}})\b", re.I)
# "THURSDAY 23RD MARCH AT 3.00PM": a heading that leaves the year out
DATE_NO_YEAR = re.compile(rf"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}\b(?![\s,]+\d{{4}})", re.I)
DATE_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_date(text: str) -> str | None:
    """The first full date in text, as ISO (UK day-first for slashed dates)."""
    best = None
    for rx, order in ((DATE_WORDS, "dmy_word"), (DATE_MDY, "mdy_word"), (DATE_SLASH, "dmy"), (DATE_ISO, "ymd")):
        m = rx.search(text)
        if not m:
            continue
        if order == "dmy_word":
            d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        elif order == "mdy_word":
            d, mo, y = int(m.group(2)), MONTHS[m.group(1).lower()], int(m.group(3))
        elif order == "dmy":
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= d <= 31 and 1 <= mo <= 12 and (best is None or m.start() < best[0]):
            best = (m.start(), f"{y:04d}-{mo:02d}-{d:02d}")
    return best[1] if best else None


def date_without_year(head: str, text: str) -> str | None:
    """A heading's day and month without a year ("THURSDAY 23RD MARCH"), dated by the year the
    rest of the minutes write most often (the previous meeting's date, dates in the items)."""
    m = DATE_NO_YEAR.search(head)
    if not m:
        return None
    years = [int(y.group(3)) for y in DATE_WORDS.finditer(text)] + [int(y.group(3)) for y in DATE_MDY.finditer(text)]
    if not years:
        return None
    year = max(set(years), key=lambda y: (years.count(y), y))
    return f"{year:04d}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"


def extract(secs: Sections, *, body: str | None = None, date: str | None = None) -> Extraction:
    """Read every fact the minutes state, with the sentence that states it."""
    doc = secs.document
    text = doc.text
    ctx = NameContext(aliases=declared_aliases(text))
    # surnames the document spells out in full let "A Lee" be a person, not the article
    first_pass = [m for m in find_people(text, 0, ctx) if m.kind in ("full", "titled")]
    ctx.surnames = {m.surface.split()[-1] for m in first_pass}
    ctx.given = _unique_given_names(first_pass)
    # attendance first: a register's initials column ("(AK)") declares aliases the prose uses
    if doc.meta.get("source_kind") == "moderngov-xml":
        listed, posts = att.from_moderngov(doc)
    else:
        listed, posts, _affiliation = att.from_lists(text, secs.sections, ctx)
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
    # "Mark Wardle (MW)" declares a person's initials, not an organisation's acronym
    acronyms = {a: n for a, n in defined_acronyms(text).items() if a not in ctx.aliases and n not in ctx.aliases.values()}
    for acr, name in _spelled_elsewhere(text).items():
        if acr not in acronyms and acr not in ctx.aliases and acr not in ambiguous:
            acronyms[acr] = name
    sents = read_sentences(secs, ctx, acronyms)

    meeting = _meeting(secs, sents, body, date)
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
            if s.section.kind == "item" and (s.section.title or "").strip().lower() == o.surface.lower():
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
        if a.role == "chair":
            posts.setdefault("chair", a.person.surface)
        if a.person.org:
            ex.organisations.append(OrgRef(a.person.org, a.evidence.start))
        if a.person.surface not in seen_people:
            seen_people.add(a.person.surface)
            ex.people.append(a.person)
    ex.posts = posts

    ex.items = _items(secs, text, ctx)
    header_orgs = frozenset(o.surface for x in sents if x.section.kind == "header" and x.start < 400 for o in x.orgs)
    rule_doc = rules.Doc(body=meeting.body, post_holders=posts, post_of=_post_of, header_orgs=header_orgs)
    inspector = None
    prev_question: str | None = None
    table = layout.TableState()
    table_section = None
    motion = motions.MotionState()
    for k, s in enumerate(sents):
        if s.section.kind in ("present", "in_attendance", "apologies", "header") and not _has_verb(s.text):
            continue
        people_after = _people_after(s, rule_doc)
        if s.section is not table_section:
            table, table_section = layout.TableState(), s.section
        if " | " in s.text or s.text.count("|") >= 2:
            row = layout.table_row(s, rule_doc, table, s.section.kind == "actions")
            if row is True:
                continue
            if row is not None:
                _add_action(ex, row)
                continue
        labelled = layout.labelled_action(s, rule_doc, _previous(sents, k), _paragraph_before(sents, k))
        if labelled is not None:
            if not _owners_confirmed(ex, labelled):
                _add_action(ex, labelled)
            continue
        if s.section.kind in ("actions", "decisions") and not _is_list_heading(s):
            _list_entry(ex, s, rule_doc, secs)
            continue
        led = layout.code_led(s, rule_doc)
        if led is not None:
            _add_action(ex, led)
            continue
        column = layout.right_column(s, rule_doc)
        if column is not None:
            _add_action(ex, column)
            continue
        consumed, moved = motions.read(sents, k, motion, lambda line: _people_after(line, rule_doc))
        if moved is not None:
            ex.decisions.append(moved)
        if consumed:
            continue
        if (rules.PROPOSAL_ONLY.match(s.text) or rules.VOTES_ONLY.match(s.text)) and ex.decisions \
                and ex.decisions[-1].item_index == s.item_index:
            # "Proposed Cllr A, seconded Cllr B." closes the decision before it
            rules.votes_of(s.text, ex.decisions[-1], people_after)
            continue
        if rules.LOST.search(s.text) and ex.decisions and _previous(sents, k) is not None \
                and ex.decisions[-1].evidence.start == _previous(sents, k).start:
            # the amendment or motion just recorded was put to the vote and lost: a decision too
            ex.decisions[-1].kind = "rejected"
            rules.votes_of(s.text, ex.decisions[-1], people_after)
            continue
        decl = rules.declaration_of(s, rule_doc)
        if decl:
            ex.declarations.append(decl)
        else:
            listed = rules.listed_declarations(s, rule_doc)
            if listed:
                ex.declarations.extend(listed)
                continue
        for o in s.orgs:
            info = gz.lookup_org(o.canonical or o.surface)
            if info and info.type in rules.INSPECTORATE_TYPES:
                inspector = o.canonical or o.surface
        ex.judgements.extend(rules.judgements_of(s, inspector))
        ex.reports.extend(rules.reports_of(s, rule_doc, people_after))
        ex.responsibilities.extend(rules.responsibilities_of(s, people_after))
        decision = None if decl else rules.decision_of(s, rule_doc, people_after)
        numbered = _numbered_resolution(sents, k)
        if numbered is not None:
            decision = Decision(numbered, s.evidence, s.item_index, kind="resolved",
                                number=re.match(r"\s*\(?([\divx]+|[a-h])?", s.text).group(1))
        if decision and ex.decisions and _previous(sents, k) is not None \
                and ex.decisions[-1].evidence.start == _previous(sents, k).start and OUTCOME.match(s.text):
            # "The Forum voted on the proposal ... For 4, Against 1. The transfer was approved."
            ex.decisions[-1].kind = "rejected" if rules.LOST.search(s.text) else "approved"
            decision = None
        elif decision:
            ex.decisions.append(decision)
        statements = rules.statements(s, rule_doc)
        ex.statements.extend(statements)
        if decision is None and decl is None:
            acts = rules.actions_of(s, rule_doc, prev_question)
            before = _previous(sents, k)
            for a in acts:
                if before is not None and rules.GENERIC_TASK.match(a.text) and len(acts) == 1 \
                        and len(s.text.split()) <= 8:
                    # "The Clerk agreed to do.", "Paul Lee and Sam Ward to follow up.": a sentence that
                    # is only an owner and a generic verb; the task is the sentence before
                    task = re.sub(r"^[\s\-–•·*]+", "", before.text).strip().rstrip(".")
                    a.text = re.sub(r"^It\s+was\s+(?:also\s+)?(?:agreed|resolved)\s+(?:that\s+|to\s+)", "", task)
            ex.actions.extend(acts)
        elif decl is None:
            # "It was agreed that SAG should have a budget and MH and CC will manage this":
            # a decision, and the task of those who carry it out
            ex.actions.extend(rules.owners_will(s, rule_doc))
        prev_question = _question_of(statements, prev_question)
    _next_meeting_decision(ex, secs, sents)
    known_orgs = {o.surface for o in ex.organisations}
    for a in ex.actions:
        a.due_date = rules.due_date(a.due, meeting.date)
        for o in a.owners:
            if o.kind == "org" and o.surface in acronyms:
                o.surface = acronyms[o.surface]  # an owner code that is the body's acronym
            if o.kind == "org" and o.surface not in known_orgs:
                # a unit named only as a task's owner ("by the Housing Maintenance section")
                known_orgs.add(o.surface)
                ex.organisations.append(OrgRef(o.surface, a.evidence.start))
    return ex


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
            out[given] = re.sub(r"^(?:\S+\.?\s+)*?(?=" + re.escape(given) + r"\b)", "", full)
    return out


def _has_verb(t: str) -> bool:
    return bool(re.search(r"\b(?:welcomed|declared|agreed|said|asked|resolved|noted|received)\b", t))


def _post_of(surface: str) -> str | None:
    info = gz.lookup_post(surface)
    return info.post if info else None


def _people_after(s: Sent, doc: rules.Doc):
    """A finder for the first person (or post holder) named in a stretch of the sentence."""
    def find(rel_start: int, before: int | None = None) -> PersonRef | None:
        stop = len(s.text) if before is None else before
        best = None
        for m in s.people + s.posts:
            r = m.start - s.start
            if rel_start <= r < stop and (best is None or r < best[0]):
                best = (r, m)
        if best is None:
            return None
        m = best[1]
        if m.kind == "post":
            holder = doc.post_holders.get((_post_of(m.surface) or m.surface).lower())
            return PersonRef(holder) if holder else None
        return PersonRef(m.surface, m.start)
    return find


def _question_of(statements, prev):
    for st in statements:
        if st.verb == "asked":
            q = re.sub(r"^(?:if|whether)\s+", "", st.text)
            return q
    return prev if not statements else None


def _is_list_heading(s: Sent) -> bool:
    return s.start == s.section.start and s.section.title is not None and s.text.strip() == s.section.title.strip()


# the outcome of the vote just recorded, not a decision of its own
OUTCOME = re.compile(r"^\s*(?:The|This|That)\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:duly\s+)?(?:approved|carried|agreed|"
                     r"adopted|lost|defeated|passed)\b[^.]{0,40}\.?\s*$", re.I)
LIST_MARK = re.compile(r"^\s*(?:[-•·*▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s*")
def _list_entry(ex: Extraction, s: Sent, doc: rules.Doc, secs: Sections) -> None:
    """An entry of a closing Actions or Decisions list."""
    mark = LIST_MARK.match(s.text)
    body_rel = mark.end() if mark else 0
    entry = s.text[body_rel:].strip()
    if not entry:
        return
    if s.section.kind == "decisions":
        # a closing Decisions list repeats decisions recorded in the body: keep those
        if not any(_similar(entry, d.text) >= 0.85 or _similar(entry, d.evidence.quote) >= 0.85 for d in ex.decisions):
            ex.decisions.append(Decision(entry, s.evidence, s.item_index, kind="resolved"))
        return
    owners: list[Owner] = []
    text = entry
    tm = layout.TRAILING_CODES.search(entry)
    if tm and tm.start() > 0:
        text = entry[:tm.start()].strip()
        owners = layout.codes_to_owners(tm.group("codes"), doc)
    if not owners:
        subj = rules.subject_at(s, body_rel, doc)
        if subj is not None and subj.kind != "pronoun":
            owners = subj.owners
            rest = s.text[subj.end:].strip()
            rest = re.sub(r"^(?:to|will|agreed\s+to)\s+", "", rest)
            text = rest or text
    if not owners and doc.body:
        owners = [Owner(doc.body, "body")]
    a = Action(text.rstrip(". "), s.evidence, owners, s.item_index)
    a.due = rules.due_of(text)
    _add_action(ex, a)


def _owners_confirmed(ex: Extraction, label: Action) -> bool:
    """'The General Manager and the Chair will meet ...' then 'ACTION: AW': the label names
    the owner of the task the prose just recorded; it adds owners, not a second task."""
    if not ex.actions or label.evidence.quote.lstrip()[:1] == "":
        return False
    last = ex.actions[-1]
    if not (label.evidence.start <= last.evidence.start < label.evidence.end):
        return False
    keys = {_owner_key(o, ex.aliases) for o in last.owners}
    for o in label.owners:
        if _owner_key(o, ex.aliases) not in keys and not any(_keys_match(_owner_key(o, ex.aliases), k) for k in keys):
            last.owners.append(o)
    return True


def _add_action(ex: Extraction, a: Action) -> None:
    """Add an action unless the same task for the same owner is already recorded
    (agreed in the prose, then listed again in a closing list, log or table, where the
    owner is often written as initials and the task in fewer words)."""
    a.text = " ".join(a.text.split())
    mine = {_owner_key(o, ex.aliases) for o in a.owners}
    for o in ex.actions:
        theirs = {_owner_key(x, ex.aliases) for x in o.owners}
        same_owner = any(_keys_match(p, q) for p in mine for q in theirs)
        shared = len(_words(a.text) & _words(o.text))
        if (same_owner and _similar(a.text, o.text) >= 0.3 and (shared >= 2 or _similar(a.text, o.text) >= 0.6)) \
                or (not mine and _similar(a.text, o.text) >= 0.6):
            return
    ex.actions.append(a)


def _owner_key(o: Owner, aliases: dict[str, str]) -> str:
    """Initials standing for an owner: 'Angela Frost' and 'AF' both give 'AF'."""
    if o.kind == "post" and o.person is None:
        return "post:" + o.surface.lower()  # an unnamed Clerk is not Cllr Cobb ("CC") by initial
    name = o.person.surface if o.person else o.surface
    name = aliases.get(name, name)
    if re.fullmatch(r"[A-Z]{2,4}|[A-Z]{2}[a-z]", name):
        return name.upper()
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and w.rstrip(".") not in TITLE_WORDS]
    return "".join(w[0] for w in words).upper()


def _keys_match(a: str, b: str) -> bool:
    # "Det Supt Halloran" gives "H": it matches "MH" by the surname's initial
    return a == b or (min(len(a), len(b)) == 1 and a[-1] == b[-1])


def _paragraph_before(sents: list[Sent], k: int, limit: int = 4) -> list[Sent]:
    """Up to `limit` sentences before k in its section and paragraph, the nearest first."""
    out: list[Sent] = []
    for j in range(k - 1, max(-1, k - 1 - limit), -1):
        if sents[j].section is not sents[k].section:
            break
        nxt = sents[j + 1]
        if "\n\n" in sents[j].source[sents[j].end:nxt.start]:
            break
        out.append(sents[j])
    return out


def _previous(sents: list[Sent], k: int) -> Sent | None:
    """The sentence before k in the same section: what an 'ACTION:' label closes."""
    if k > 0 and sents[k - 1].section is sents[k].section:
        return sents[k - 1]
    return None


def _numbered_resolution(sents: list[Sent], k: int) -> str | None:
    """'1. To approve ...' after 'It was resolved that the Board made the following decisions:'."""
    s = sents[k]
    m = re.match(r"^\s*\(?(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+(.+)$", s.text, re.S)
    if not m:
        return None
    for back in range(k - 1, max(-1, k - 12), -1):
        p = sents[back]
        if p.section is not s.section and p.section.kind != "header":
            return None
        if re.match(r"^\s*\(?(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+", p.text):
            continue
        if re.search(r"(?::|\bthat|\bThat|[-–—])\s*$", p.text) and \
                re.search(r"\b(?:resolved|agreed|decided|decisions?|resolutions?|RESOLVED|AGREED)\b", p.text):
            return m.group(2).strip()
        return None
    return None


def _next_meeting_decision(ex: Extraction, secs: Sections, sents: list[Sent]) -> None:
    """'Date of next meeting - Wednesday 8 January 2020 at 7 pm' records when the body meets next."""
    for s in sents:
        title = (s.section.title or "")
        if s.section.kind == "item" and re.search(r"(?:date\s+of\s+(?:the\s+)?|^\W*)next\s+meeting", title, re.I):
            # "Next meeting - 8 January 2020", "The next meeting ... will be held on Thursday 20th April at 3pm"
            m = re.search(r"next\s+meeting(?:\s*[-–—:]|\b.{0,100}?\bwill\s+be\s+held(?:\s+on)?)\s*(.+)$",
                          s.text, re.I | re.S)
            if m and (find_date(m.group(1)) or DATE_NO_YEAR.search(m.group(1))):
                ex.meeting.next_meeting = m.group(1).strip()
                ex.decisions.append(Decision(f"Next meeting: {m.group(1).strip()}", s.evidence, s.item_index,
                                             kind="agreed"))
                return
    # a closing line that is only a date: the next meeting
    for s in reversed(sents[-3:]):
        if re.fullmatch(r"(?:(?:Date\s+of\s+(?:the\s+)?next\s+meeting|Next\s+meeting)\s*[:\-–]?\s*)?"
                        r"(?:\w+day\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?(?:\s+at\s+[\w.:]+)?\.?",
                        s.text.strip(), re.I):
            ex.meeting.next_meeting = s.text.strip().rstrip(".")
            return


def _presenters(names: list[str], ctx: NameContext) -> list[PersonRef]:
    """'Julia Hassall', 'Priya Shah, Licensing Officer': the people named; bare posts are dropped."""
    out = []
    for n in names:
        found = find_people(n, 0, ctx)
        if found:
            out.append(PersonRef(found[0].surface))
    return out


def _items(secs: Sections, text: str, ctx: NameContext) -> list[Item]:
    out = []
    for sec in secs.sections:
        if sec.kind != "item" or sec.item_index is None:
            continue
        line_end = text.find("\n", sec.start, sec.end)
        line_end = sec.end if line_end == -1 else line_end
        ev = Evidence(text[sec.start:line_end].strip(), sec.start, sec.start + len(text[sec.start:line_end].strip()))
        out.append(Item(sec.item_index, sec.title or f"Item {sec.item_index + 1}", ev, sec.number, sec.time,
                        _presenters(sec.presenters, ctx), list(sec.documents)))
    return out




def _meeting(secs: Sections, sents: list[Sent], body: str | None, date: str | None) -> Meeting:
    doc = secs.document
    text = doc.text
    header = next((s for s in secs.sections if s.kind == "header"), None)
    head_text = text[: max(header.end if header else 0, 0)][:1500] or text[:600]
    meta = doc.meta
    top = meta.get("front_matter_end", 0)  # the heading of the minutes starts below a page's front matter
    body = body or meta.get("body") or _body_from_header(text[top:top + 800], sents) or _body_from_next_meeting(text)
    date = date or meta.get("date") or find_date(head_text) or find_date(text[:600]) \
        or date_without_year(head_text, text)
    ev = None
    if head_text.strip():
        first = head_text.strip().split("\n")[0][:300]
        start = text.find(first)
        ev = Evidence(first, start, start + len(first))
    return Meeting(body=body, date=date, time=meta.get("time"), location=meta.get("location"),
                   title=doc.title, evidence=ev)


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_HEADING_NOISE = [
    (re.compile(r"^.*?\bmeeting\s+of\s+(?:the\s+)?", re.I), ""),  # "Minutes of the Annual Meeting of the"
    (re.compile(r"^(?:draft\s+|confirmed\s+|approved\s+)?(?:minutes|agenda\s+and\s+minutes)\s+of\s+(?:the\s+|an?\s+)?",
                re.I), ""),
    (re.compile(rf"(?:\s+(?:meeting\s+)?held\b|\s+[-–—]\s+(?:{_WEEKDAY}|\d|minutes\b)|,\s*{_WEEKDAY}|\s+on\s+"
                rf"(?:{_WEEKDAY}|\d)|\s*\(|\s+draft\b|\s+minutes\b).*$", re.I), ""),
    (re.compile(r"\s+meeting$", re.I), ""),
]
_PARENT_BODY = re.compile(r"\b(?:Council|School|Academy|College|Trust|Partnership|ICB|Authority|Board|University|"
                          r"Integrated\s+Care\s+Board|Federation|District)$")
_SUB_BODY = re.compile(r"\b(?:Committee|Sub-Committee|Cabinet|Board|Group|Panel|Forum|Governing\s+Body|Executive|"
                       r"Working\s+Party|Board\s+of\s+\w+)$")


_SMALL_WORDS = {"And", "Of", "For", "The", "In", "On", "At", "To"}


def _title(caps: str) -> str:
    """'EASTMARCH POLICE AND CRIME PANEL' -> 'Eastmarch Police and Crime Panel'."""
    words = caps.title().split()
    return " ".join(w.lower() if k and w in _SMALL_WORDS else w for k, w in enumerate(words))


# "Minutes of OSGeo:UK 2020 AGM", "Suffolk's Libraries IPS Ltd. - AGM": the body holds its general meeting
_GENERAL_MEETING = re.compile(r"\s*[-–—]?\s*(?:\d{4}\s+)?(?:AGM|EGM|(?:Annual|Extraordinary)\s+General\s+Meeting)\b.*$", re.I)
_BODY_END = (rf"(?:{ORG_HEADS}|School|Academy|Cabinet|Executive|Governing\s+Body|District|"
             r"Board\s+of\s+(?:Education|Directors|Trustees|Governors|Supervisors))$")
# "Municipal District of the Cappamore Kilmallock", "Council of the City of Portland": the head first
_BODY_OF_PLACE = re.compile(rf"^(?:[A-Z][\w’'-]*\s+)?(?:{ORG_HEADS}|District)\s+of\s+(?:the\s+)?[A-Z][\w’'-]*"
                            r"(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3}$")


def _heading_candidate(line: str) -> str | None:
    """A heading line reduced to the body it names, if it names one."""
    t = re.split(r"\t|\s{3,}", line.strip().strip("#*").strip())[0]  # the first column of a laid-out line
    if re.match(r"^[A-Z][\w ]{2,24}:\s", t) or re.match(r"(?i)^(?:the\s+)?(?:above|said)\b", t):
        return None  # "Registered Office: County Library": a label, not a heading
    if t.isupper() and len(t.split()) <= 24:
        t = _title(t)
    t = _GENERAL_MEETING.sub("", t)
    for rx, repl in _HEADING_NOISE:
        t = rx.sub(repl, t).strip(" -–—:,.*")
    if not t or len(t.split()) > 10 or re.search(r"\d", t) or re.match(r"(?i)(?:above|said)\b", t):
        return None
    if re.search(_BODY_END, t) or _BODY_OF_PLACE.match(t):
        return t
    if re.fullmatch(r"[A-Z][\w:.’'&-]*[A-Z][\w:.’'&-]*", t) and not t.isupper() and line.lstrip("#* ").lower().startswith("minutes of"):
        return t  # "Minutes of OSGeo:UK 2020 AGM": a name of its own, no head word
    return None


_PAGE_MARK = re.compile(r"^\s*(?:Page\s+)?\d{1,3}\s+of\s+\d{1,3}\s+", re.I)


_TITLE_OF_MEETING = re.compile(r"(?im)^[ \t]*(?:title|name)\s+of\s+(?:the\s+)?meeting\s*:[ \t]*(\S.*)$")


def _body_from_header(head: str, sents: list[Sent]) -> str | None:
    """The body named at the top of the minutes, in the shapes clerks use: 'Wyremouth Health
    and Wellbeing Board'; 'MINUTES OF THE MEETING OF THE AUDIT COMMITTEE HELD ON ...';
    'Harlow District Council' then 'Cabinet'; 'Cabinet - Thursday, 12 September 2024';
    'HOLLINBROOK PRIMARY SCHOOL' then 'Minutes of the Full Governing Body meeting'."""
    titled = _TITLE_OF_MEETING.search(head)
    if titled:
        # "Title of Meeting: Suffolk Libraries IPS - Board Meeting": the form names the body
        name = re.sub(r"\s+[-–—]\s+", " ", titled.group(1).strip())
        name = re.sub(r"(?i)\s+(?:meeting|minutes)\s*$", "", name).strip()
        if len(name.split()) >= 2:
            return name
    first_line = head.strip().split("\n")[0] if head.strip() else ""
    first_line = _PAGE_MARK.sub("", first_line)  # a page's running head: "Page 1 of 6 STOKE FERRY ..."
    caps = re.match(r"^((?:[A-Z][A-Z’'&-]+[ \t]+){0,6}[A-Z][A-Z’'&-]+)\b(?=\s+[A-Z][a-z])", first_line)
    if caps and re.search(rules.BODY_WORDS, caps.group(1).title()):
        # "STOKE FERRY PARISH COUNCIL Draft ... Minutes of ...": a capitalised name opens the line
        words = caps.group(1).title().split()
        while words and not re.fullmatch(rules.BODY_WORDS, words[-1]):
            words.pop()
        if words:
            return _title(" ".join(words))
    lines = [ln for ln in head.strip().split("\n") if ln.strip() and not re.fullmatch(r"\s*(?:\[[^\]]*\]\([^)]*\)|[-=*_]{3,}|\d{1,3})\s*", ln)][:4]
    # a capitalised heading that runs over two lines ("... OF LIMERICK CITY AND COUNTY" / "COUNCIL HELD IN ...")
    joined = []
    bare = [ln.strip().strip("*#").strip() for ln in lines]
    for k, ln in enumerate(lines):
        run = [bare[k]]
        while bare[k + len(run) - 1].isupper() and not re.search(r"[.:]$", run[-1]) and k + len(run) < len(lines) \
                and bare[k + len(run)].isupper() and not re.search(r"\d", bare[k + len(run)]):
            run.append(bare[k + len(run)])
        if len(run) > 1:
            joined.append(" ".join(run))
        joined.append(ln)
    cands = [c for c in (_heading_candidate(ln) for ln in joined) if c]
    if cands:
        if len(cands) >= 2 and _PARENT_BODY.search(cands[0]) and _SUB_BODY.search(cands[1]) \
                and cands[1].lower() not in cands[0].lower():
            parent, sub = cands[0], cands[1]
            if sub.split()[0] == parent.split()[-1]:  # "... NHS Trust" + "Trust Board"
                sub = " ".join(sub.split()[1:])
            return f"{parent} {sub}"
        return cands[0]
    for s in sents:
        if s.section.kind not in ("header",) or s.start > 600:
            continue
        for o in s.orgs:
            if o.start - s.start < 5 and not s.text[o.end - s.start:].lstrip().startswith(":"):  # not a label
                name = o.canonical or o.surface
                return name.title() if name.isupper() and " " in name else name
        break
    return None


def _body_from_next_meeting(text: str) -> str | None:
    """'... presented to the next Wirral Children's Trust meeting' names the body itself."""
    m = re.search(r"\bnext\s+((?:[A-Z][\w’'&-]*\s+){1,6})(?:Board\s+)?meeting\b", text)
    if m:
        name = m.group(1).strip()
        if not re.fullmatch(r"(?:Board|Committee|Council|PC|Meeting)", name):
            return name
    return None


_ORG_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+(?:[A-Z][a-z]+|and|of|for))*[ \t]+(?:Council|Authority|Trust|Board)\b")


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
    absent = {_attendee_key(a.person.surface) for a in out if a.role == "apologies"}
    kept = [a for a in out if a.role == "apologies" or _attendee_key(a.person.surface) not in absent]
    if any(a.role == "chair" for a in out) and not any(a.role == "chair" for a in kept):
        return out  # nobody else chaired: keep what the list says
    return kept


def _attendee_key(surface: str) -> str:
    """'Cllr Sarah Stamp' and 'Sarah Stamp' are one attendee."""
    words = [w for w in surface.replace(".", " ").split() if w not in TITLE_WORDS]
    return " ".join(words).lower()


def _words(t: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", t.lower()) if len(w) > 2 and w not in {"the", "and", "for", "that", "with", "will", "this"}}


def _similar(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
