"""Actions written as layout rather than prose.

Minute-takers record owners in several layouts:
- a label after the discussion: "ACTION: JB", "Action by: Clerk/HT", "ACTION: Clerk to chase";
- a table: "Action | Who | When" with rows "Update the SEN policy | HT | Summer term";
- a right-hand column flattened into the line by PDF extraction: "... a revised timeline.   GD/HL";
- closing lists: "1. MW to produce a blog post", "Circulate the audit - AB".
Owner codes are initials ("JB", "AWa"), posts ("Clerk", "HT") or "All".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import gazetteer as gz
from kg.actionnumbers import ACTION_NUMBER, row_number
from kg.extract import actions
from kg.extract import grammar
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Action, Decision, Evidence, Extraction, Owner, PersonRef, Sections

# collective owners ("ACTION: TRUSTEES", "ACTION: DT/Trustees"): the members, i.e. the body
COLLECTIVE = ("All", "ALL", "Trustees", "TRUSTEES", "Members", "MEMBERS", "Councillors", "COUNCILLORS",
              "Governors", "GOVERNORS", "Directors", "DIRECTORS")
_CODE = (r"(?:Trustees|TRUSTEES|Members|MEMBERS|Councillors|COUNCILLORS|Governors|GOVERNORS|Directors|DIRECTORS|"
         r"[A-Z]{2,4}|[A-Z]{2}[a-z]{1,2}|[A-Z][a-z][A-Z]|All|ALL|Clerk|Chair|Chairman|RFO|HT|DHT)")
OWNER_CODES = re.compile(rf"^\s*\(?\s*(?P<codes>{_CODE}(?:\s*(?:/|,|&|\band\b)\s*{_CODE})*)\s*\)?\s*\.?\s*$")
# "[Action: Portal to update in 3 months.]": the label may sit in square brackets, as outcomes
# are marked beside the discussion ("[Close]", "[No further action required.]")
ACTION_LABEL = re.compile(r"^\s*[-•*]?\s*\[?\s*\**(?:ACTIONS?|Actions?)(?:\s+(?:by|owner|for))?\**\s*[:\-–—]\s*\**\s*"
                          r"(?P<rest>.+?)\]?\s*$", re.S)
# "Action Clerk to contact the conservation officer", "Action BM to obtain copies": the label run
# into an owner and "to VERB" with no colon; only an owner (capitalised) then "to" makes it one,
# so that "Action was scheduled for May" or "Action plan agreed" stay prose
ACTION_RUN_IN = re.compile(r"^\s*[-•*]?\s*\[?\s*(?:ACTION|Action)\s+(?P<rest>(?:[Tt]he\s+)?[A-Z][\w&’'./-]*"
                           r"(?:\s*(?:[A-Z][\w&’'./-]*|&|and))*\s+to\s+[a-z].+?)\]?\s*$", re.S)
# "Action: Adopted Resolution 2025-001.", "Action: Presentation received and reports accepted.",
# "Action: Moved by Director A, seconded by B": the label of an action summary states what the
# meeting did (a past participle), not a task for anyone
DISPOSITION = re.compile(r"^(?:[A-Z][a-z]+ed|(?:[A-Z][a-z]+\s+){1,2}(?:received|accepted|noted|approved|adopted|deferred|"
                         r"withdrawn|carried))\b(?!\s+to\s+[a-z])")
# "Portal to update in 6 months": in a label, a capitalised name before "to VERB" is the owner
# even where the minutes name it nowhere else (a body's partner, a contractor)
_NAMED_TO = re.compile(r"^(?:[Tt]he\s+)?(?P<who>[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,3})\s+to\s+(?P<vp>[a-z].+)$", re.S)
# "MT to bring the plan to the September Board": initials the minutes never define, leading a task
CODE_LED = re.compile(rf"^\s*(?:[-•*]\s*)?(?P<codes>{_CODE}(?:\s*(?:/|,|&|\band\b)\s*{_CODE})*)\s+"
                      rf"(?:to|will|agreed\s+to|is\s+to|are\s+to|asked\s+to(?=\s+{actions._TOLD_VERBS}))\s+(?P<vp>[a-z].+)$",
                      re.S)
# "Clerk inform Shaun Pritchard.": the post that runs errands, then a bare verb (see actions.IMPERATIVE)
POST_IMPERATIVE = re.compile(rf"^\s*(?:[-•*]\s*)?(?:[A-Z][\w’'/ ]{{0,40}}:\s+)?(?:[Tt]he\s+)?"
                             rf"(?P<codes>Clerk|RFO|Secretary|Treasurer)\s+"
                             rf"(?P<vp>{actions.ERRAND_VERBS}.+)$", re.S)
RIGHT_COLUMN = re.compile(rf"(?:\t+|[ \u00a0]{{3,}})(?P<codes>{_CODE}(?:\s*(?:/|,|&)\s*{_CODE})*)\s*$")
TRAILING_CODES = re.compile(rf"(?:\s+[-–—]\s*|\s*\|\s*|\s{{2,}}|\t+|\s*Action(?:\s+by)?\s*:\s*|\s+\()"
                            rf"(?P<codes>{_CODE}(?:\s*(?:/|,|&|\band\b)\s*{_CODE})*)\)?\s*\.?\s*$")

HEADER_ROLES = [
    ("owner", re.compile(r"^(?:who|by\s+whom|owner|lead|responsible|action\s+by|officer|person|assigned(?:\s+to)?)\b", re.I)),
    ("due", re.compile(r"^(?:when|by\s+when|due|deadline|date|timescale|target|by\s+date)\b", re.I)),
    ("status", re.compile(r"^(?:status|progress|update|rag|outcome|comments?)\b", re.I)),
    ("text", re.compile(r"^(?:actions?|tasks?|description|what|issue|item|agreed\s+action)\b", re.I)),
    ("number", re.compile(r"^(?:no\.?|ref\.?|#|number)$", re.I)),
]
DUE_CELL = re.compile(r"\d|January|February|March|April|May|June|July|August|September|October|November|"
                      r"December|term|meeting|ongoing|asap|immediate|week|month|year|spring|summer|autumn|winter",
                      re.I)


def codes_to_owners(codes: str, doc: grammar.Doc) -> list[Owner]:
    """'GD/HL', 'Clerk', 'All' -> owners; initials stay surfaces for resolve to match."""
    owners = []
    for code in re.split(r"\s*(?:/|,|&|\band\b)\s*", codes.strip("() .")):
        if not code:
            continue
        if code in COLLECTIVE:
            owners.append(Owner(doc.body or "All members", "body"))
            continue
        post = gz.lookup_post(code)
        if post is not None:
            holder = doc.post_holders.get(post.post.lower())
            owners.append(Owner(post.post, "post", PersonRef(holder) if holder else None))
        elif len(code) >= 3 and code.isupper() and gz.lookup_org(code) is not None:
            owners.append(Owner(code, "org"))  # "SCC will cover the costs": a council, not initials
        else:
            owners.append(Owner(code, "person", PersonRef(code)))
    return owners


# "Action: Priya delete the empty plots", "Action: Tobias send it to the society": a label's owner written by
# the given name alone and a bare verb, the shorthand a clerk writes for posts ("Clerk inform X",
# POST_IMPERATIVE); the name is an attendee's, the one person of the minutes with that given name
GIVEN_BARE = re.compile(r"^(?P<who>[A-Z][a-z]+)\s+(?P<vp>[a-z]+\b.*)$", re.S)


NAMED_BARE = re.compile(r"^(?P<who>[A-Z][a-z][\w&’'-]*(?<!ed)(?<!ing))\s+(?P<vp>[a-z]+(?<!ly)\b.*)$", re.S)


def given_bare(rest: str, given: dict[str, str]) -> tuple[str, str] | None:
    """(the attendee's full name, the task) where a label reads 'GIVEN-NAME bare-verb ...'."""
    m = GIVEN_BARE.match(rest)
    if m is None or m.group("who") not in given or actions._NOT_BARE.match(m.group("vp")) \
            or actions.NOT_TASKS.match(m.group("vp")):
        return None
    return given[m.group("who")], m.group("vp")


def labelled_action(sent: Sent, doc: grammar.Doc, previous: Sent | None,
                    earlier: list[Sent] | None = None, given: dict[str, str] | None = None) -> Action | None:
    """'ACTION: JB' (the task is the sentence before) or 'ACTION: Clerk to chase highways'.

    `earlier` are the sentences of the paragraph the label closes, last first.  The task is
    the sentence before the label, unless that states nothing to be done and an earlier one
    names an owner ("... asked Trustees to try and generate new members. DT thanked David
    for his hard work. ACTION: TRUSTEES").
    """
    m = ACTION_LABEL.match(sent.text) or ACTION_RUN_IN.match(sent.text)
    if not m:
        return None
    rest = m.group("rest").strip().strip("*").strip()
    if DISPOSITION.match(rest):
        return None
    codes = OWNER_CODES.match(rest)
    if codes:
        if previous is None:
            return None
        named = _naming(earlier or [], codes.group("codes"), doc)
        if named is not None and named is not previous and not _TO_BE_DONE.search(previous.text):
            previous = named
        owners = codes_to_owners(codes.group("codes"), doc)
        return _action(previous.text, sent, owners, previous)
    rel = m.start("rest")
    led = CODE_LED.match(rest)
    if led:
        return _action(led.group("vp"), sent, codes_to_owners(led.group("codes"), doc))
    subj = grammar.subject_at(sent, rel, doc)
    if subj is not None and subj.kind != "pronoun":
        vp = re.sub(r"^\s*(?:to|will|agreed\s+to|is\s+to)\s+", "", sent.text[subj.end:]).strip()
        if not vp.strip(" .;,*") and previous is not None:
            # "Action: Jane Smith" / "Action: Town Clerk": the task is the sentence before
            return _action(previous.text, sent, subj.owners, previous)
        return _action(vp, sent, subj.owners)
    tail = TRAILING_CODES.search(rest)
    if tail:
        return _action(rest[:tail.start()], sent, codes_to_owners(tail.group("codes"), doc))
    bare = given_bare(rest, given or {})
    if bare is not None:
        who, vp = bare
        return _action(vp, sent, [Owner(who, "person", PersonRef(who))])
    named = NAMED_BARE.match(rest)
    if named and not actions._NOT_BARE.match(named.group("vp")) and not actions.NOT_TASKS.match(named.group("vp")):
        # "Action: Tobias send it to the board", "Action: Seedbank approve the order": an owner the
        # reader does not know, then a bare verb (as "Portal to update", _NAMED_TO); a person
        # where the minutes write the word before a surname elsewhere ("Tobias Lindqvist")
        who = named.group("who")
        person = gz.is_first_name(who) or re.search(rf"(?<![\w-]){re.escape(who)}\s+[A-Z][a-z]+", sent.source) is not None
        return _action(named.group("vp"), sent, [Owner(who, "person", PersonRef(who)) if person else Owner(who, "org")])
    named = _NAMED_TO.match(rest)
    if named:
        who = named.group("who")
        kind = "person" if gz.is_first_name(who.split()[0]) and len(who.split()) > 1 else "org"
        return _action(named.group("vp"), sent, [Owner(who, kind, PersonRef(who) if kind == "person" else None)])
    return _action(rest, sent, [])


# "All signatories will be reviewed ...": the sentence before the label states a task itself
_TO_BE_DONE = re.compile(r"\b(?:will|shall|should|must|need\s+to|needs\s+to|to\s+be|is\s+to|are\s+to)\b|"
                         r"\b[A-Z][\w’'-]*\s+to\s+[a-z]")


def _naming(earlier: list[Sent], codes: str, doc: grammar.Doc) -> Sent | None:
    """The latest sentence that names an owner of the codes, by code or by name."""
    words = set()
    for code in re.split(r"\s*(?:/|,|&|\band\b)\s*", codes.strip("() .")):
        if code:
            words.add(code.lower())
    for s in earlier:
        if ACTION_LABEL.match(s.text) or ACTION_RUN_IN.match(s.text):
            break
        found = {w.lower() for w in re.findall(r"[\w’'-]+", s.text)}
        if words & found:
            return s
    return None


def code_led(sent: Sent, doc: grammar.Doc) -> Action | None:
    """'HS to circulate the risk assessment': a task led by owner initials, no label."""
    m = CODE_LED.match(sent.text) or POST_IMPERATIVE.match(sent.text)
    if not m or m.group("codes") in ("All", "ALL") and not doc.body or actions.NOT_TASKS.match(m.group("vp")):
        return None
    return _action(m.group("vp"), sent, codes_to_owners(m.group("codes"), doc))


def right_column(sent: Sent, doc: grammar.Doc) -> Action | None:
    """'The chair asked for a revised timeline.     GD/HL': owners in a flattened column."""
    m = RIGHT_COLUMN.search(sent.text)
    if not m or m.start() < 10:
        return None
    return _action(sent.text[:m.start()], sent, codes_to_owners(m.group("codes"), doc))


@dataclass
class TableState:
    """Column roles of the current action table, from its header row."""

    roles: list[str] = field(default_factory=list)


def table_row(sent: Sent, doc: grammar.Doc, state: TableState, in_actions: bool) -> Action | None | bool:
    """A row of an action table; returns True for a header row, None if not an action row."""
    cells = [c.strip() for c in sent.text.strip().strip("|").split("|")]
    if len(cells) < 2 or all(re.fullmatch(r"[-:=\s]*", c) for c in cells):
        return None  # "| ---- | ---- |": a Markdown table's rule under (or over) its header
    roles = [next((r for r, rx in HEADER_ROLES if rx.match(c)), "") for c in cells]
    if sum(1 for r in roles if r) >= 2 and "owner" in roles:
        state.roles = [r or "other" for r in roles]
        return True
    if not state.roles and not in_actions:
        return None
    owners: list[Owner] = []
    text_parts, due = [], None
    for k, cell in enumerate(cells):
        role = state.roles[k] if k < len(state.roles) else ""
        if not cell:
            continue
        codes = OWNER_CODES.match(cell)
        if role == "owner" or (not role and codes and k > 0):
            owners.extend(codes_to_owners(codes.group("codes"), doc) if codes else _named(sent, cell, doc))
        elif role == "due" or (not role and k > 0 and DUE_CELL.search(cell) and len(cell) < 40):
            due = cell
        elif role in ("text", "") and not re.fullmatch(r"\d+[.)]?", cell) and not (k == 0 and ACTION_NUMBER.fullmatch(cell)):
            text_parts.append(cell)
    if not text_parts:
        return None
    a = _action(" ".join(text_parts), sent, owners)
    a.due = due or a.due
    return a


def _named(sent: Sent, cell: str, doc: grammar.Doc) -> list[Owner]:
    """An owner cell holding a name or a post: 'Jane Smith', 'Town Clerk', 'Highways team'."""
    start = sent.text.find(cell)
    subj = grammar.subject_at(sent, start, doc) if start >= 0 else None
    if subj is not None and subj.kind != "pronoun":
        return subj.owners
    post = gz.lookup_post(cell)
    if post is not None:
        holder = doc.post_holders.get(post.post.lower())
        return [Owner(post.post, "post", PersonRef(holder) if holder else None)]
    return _given_names_cell(cell)


# "Priya", "Tomas or Priya", "Ravi K": an owner column's cell naming people as an informal body's
# minutes write them, by given name (and an initial where two share one); the column says they
# are owners, so a name the gazetteer does not know ("Marwick") is one too, but not a service or
# organisation it knows ("Highways").  Seen in: a software collaboration's monthly action tables
# (given names, "X or Y"); a parish council's action table (its owners joined the same way, by
# initials: "GE/NO", read by OWNER_CODES).
_GIVEN_CELL = re.compile(r"^[A-Z][a-z’'-]+(?:\s+[A-Z]\.?)?$")


def _given_names_cell(cell: str) -> list[Owner]:
    """Owners of an owner cell of given names ('Tomas or Priya'); [] where a part is no name."""
    parts = [p.strip() for p in re.split(r"\s*(?:/|,|&|\bor\b|\band\b)\s*", cell.strip(" .")) if p.strip()]
    if not parts or not all(_GIVEN_CELL.match(p) for p in parts):
        return []
    if any(gz.lookup_org(p) is not None or gz.lookup_post(p) is not None or p in COLLECTIVE for p in parts):
        return []
    return [Owner(p, "person", PersonRef(p)) for p in parts]


def _action(text: str, sent: Sent, owners: list[Owner], about: Sent | None = None) -> Action:
    # a paragraph's number goes, "2.1" whole (not "1.5 hours")
    text = re.sub(r"^\s*(?:[-•*]|\d{1,2}(?:\.\d{1,2})+[.)]?\s+(?=[A-Z])|\d{1,2}[.)])\s*", "", text).strip().rstrip(".;, ")
    evidence = sent.evidence
    if about is not None:
        # the label and the sentence it closes are one passage: cite both, exactly
        start, end = min(about.start, sent.start), max(about.end, sent.end)
        evidence = Evidence(sent.source[start:end], start, end)
    a = Action(text=text, evidence=evidence, owners=owners, item_index=sent.item_index)
    a.due = actions.due_of(text)
    a.text = actions.without_trailing_due(text, a.due)
    return a


LIST_MARK = re.compile(r"^\s*(?:[-•·*▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s*")


def list_entry(ex: Extraction, s: Sent, doc: grammar.Doc, secs: Sections) -> None:
    """An entry of a closing Actions or Decisions list."""
    mark = LIST_MARK.match(s.text)
    body_rel = mark.end() if mark else 0
    entry = s.text[body_rel:].strip()
    if not entry:
        return
    if s.section.kind == "decisions":
        # a closing Decisions list repeats decisions recorded in the body: keep those
        if not any(grammar.similar(entry, d.text) >= 0.85 or grammar.similar(entry, d.evidence.quote) >= 0.85 for d in ex.decisions):
            ex.decisions.append(Decision(entry, s.evidence, s.item_index, kind="resolved"))
        return
    if not re.search(r"\b[a-z]{2,}\b|\bTO\b", entry):
        # "=======", "4. Financial Report", "Current Balance : £1,083.00", "AOB": an underline, a
        # heading or a figure inside the list, no task ("CLERK TO WRITE" in capitals is one)
        return
    owners: list[Owner] = []
    text = entry
    tm = TRAILING_CODES.search(entry)
    if tm and tm.start() > 0:
        text = entry[:tm.start()].strip()
        owners = codes_to_owners(tm.group("codes"), doc)
    led = CODE_LED.match(entry.strip("() ")) if not owners else None
    if led and not (led.group("codes") in ("All", "ALL") and not doc.body):
        # "HB/JW to put the council in touch with ...", "(DG & SFF to confirm the statement.)": the
        # entry led by its owners' initials, as a line of prose is (code_led)
        owners = codes_to_owners(led.group("codes"), doc)
        text = led.group("vp").rstrip(".) ")
    if not owners:
        subj = grammar.subject_at(s, body_rel, doc)
        if subj is not None and subj.kind != "pronoun":
            owners = subj.owners
            rest = s.text[subj.end:].strip()
            rest = re.sub(r"^(?:to|will|agreed\s+to)\s+", "", rest)
            text = rest or text
    if not owners and doc.body:
        owners = [Owner(doc.body, "body")]
    a = Action(text.rstrip(". "), s.evidence, owners, s.item_index)
    a.due = actions.due_of(text)
    actions.add_action(ex, a)


# -- components (see kg.extract.COMPONENTS) -------------------------------------------------

def _is_list_heading(s: Sent) -> bool:
    return s.start == s.section.start and s.section.title is not None and s.text.strip() == s.section.title.strip()


def table_rows(r: Reading, s: Sent) -> bool:
    """A row of an action table (Minute | Action | Who | When), or the table's header row."""
    state = r.state.get("table")
    if state is None or state[0] is not s.section:
        state = (s.section, TableState())
        r.state["table"] = state
    if not (" | " in s.text or s.text.count("|") >= 2):
        return False
    row = table_row(s, r.doc, state[1], s.section.kind == "actions")
    if row is True:
        return True
    if row is not None:
        _add_row(r.ex, row)
        return True
    return False


def _add_row(ex: Extraction, row: Action) -> None:
    """Add a table row's action.  A numbered row ('| 74.1 | ... |') is one action of its own: the
    same number twice (a table repeated in the minutes' summary) is one, but two numbers are two
    tasks however alike their words ("Look into the connector's resilience" and "Document the
    connector fix", one owner); it is still the same task as a sentence of the prose that agreed it."""
    number = row_number(row.evidence.quote)
    if number is None:
        actions.add_action(ex, row)
        return
    if any(row_number(o.evidence.quote) == number for o in ex.actions):
        return
    actions.add_action(ex, row, among=lambda o: row_number(o.evidence.quote) is None)


def _given_names(ex: Extraction) -> dict[str, str]:
    """Given names that one person the minutes name in full has ('Priya' -> 'Priya Okonkwo'),
    and those the register taught (ex.aliases); a given name two people share is left out."""
    full: dict[str, set[str]] = {}
    for p in ex.people:
        words = p.surface.split()
        if 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][a-z’'-]+", w) for w in words) \
                and words[0] not in COLLECTIVE and gz.lookup_post(words[0]) is None:
            full.setdefault(words[0], set()).add(p.surface)
    out = {g: next(iter(names)) for g, names in full.items() if len(names) == 1}
    for k, v in ex.aliases.items():
        if re.fullmatch(r"[A-Z][a-z]+", k) and " " in v and k not in full:
            out[k] = v
    return out


def labelled_actions(r: Reading, s: Sent) -> bool:
    """'ACTION: Clerk', 'Action - JB/MW': a label naming who does the task beside or before it."""
    given = _given_names(r.ex)
    labelled = labelled_action(s, r.doc, r.previous, r.paragraph_before(), given)
    if labelled is None:
        return False
    if not actions.owners_confirmed(r.ex, labelled):
        # a label repeats at most a task its own paragraph recorded: "[Action: Portal to update in
        # 3 months.]" under one heading and "... in 6 months." under the next are two tasks
        near = r.paragraph_before() or ([r.previous] if r.previous is not None else [])
        actions.add_action(r.ex, labelled, since=min((x.start for x in near), default=s.start))
    return True


def closing_lists(r: Reading, s: Sent) -> bool:
    """An entry of a closing Actions or Decisions list."""
    if s.section.kind in ("actions", "decisions") and not _is_list_heading(s):
        list_entry(r.ex, s, r.doc, r.secs)
        return True
    return False


def code_led_actions(r: Reading, s: Sent) -> bool:
    """'JB: to write to the contractor': a line led by the owner's initials."""
    led = code_led(s, r.doc)
    if led is None:
        return False
    actions.add_action(r.ex, led)
    return True


def right_column_actions(r: Reading, s: Sent) -> bool:
    """A PDF line whose right-hand Action column holds the owner's initials."""
    column = right_column(s, r.doc)
    if column is None:
        return False
    actions.add_action(r.ex, column)
    return True
