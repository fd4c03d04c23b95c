"""link: tie each action of a body to the later sentences that report on it.

Runs after resolve, per body, whenever a meeting of that body is built (in any order,
rebuilt or added later).  Two halves:

- `report_sentences` (per document, in the pipeline): every sentence of the minutes'
  items is a candidate report-back; it is kept with the state its wording states (done,
  in_progress, no_progress, carried_forward, dropped) and whether it sits where minutes
  put report-backs (matters arising, a clerk's report, an action log).  build writes them
  as gov:ReportSentence passages into the document's graph.
- `link_body` (per body, from the store): every candidate sentence of a meeting is
  scored against every action of the body's earlier meetings, and the best fits become
  gov:ReportBack facts.  A sentence that states a state in a report section but fits no
  known action is kept as a report on an unknown earlier action, not forced onto one.

When links change (kg.pipeline): a changed document is swapped in with its body's link
changes in one transaction (`links_for_document`), so no link points into a version that
is gone; new documents only add, so their bodies are relinked once at the end of the
build (`relink_stale`), which also relinks any body whose link graph does not name all of
its dated meetings (gov:linkedMeeting), as a build killed before its end leaves it.  Only
what a link graph gains and loses is written (`link_changes`: told from the link inputs,
where the stored graph's hash shows it is the graph the stored documents give), at most
kg.store.CHANGE_CHUNK triples a transaction: a larger change (a body's first links) is
written in parts with the graph marked gov:linksPending until the last, and a graph a
killed build left marked is relinked by the next (`GraphStore.apply_graph_changes`).

Where the inputs come from: each document's actions and candidate sentences are read from
its own triples where it is built (`document_inputs`, in the worker) and kept on disk by
body until the relink (`LinkSpool`); only the stored documents of a body being relinked
are read back, a few graphs at a time into memory (`stored_inputs`).  Both use the same
named queries as over the whole store, so the links are the same; over a store of
thousands of documents those queries cost what the whole store holds.

How a sentence and an action are weighed (`score`):
  subject   stemmed content words shared by the sentence (with its item title) and the
            action (its text, evidence and item title), each word weighted by its rarity
            across the body's sentences (inverse document frequency), so "road" or
            "council" count for little and "hedge" or "streetlights" for much;
  owner     the action's owner (name, surname or post) named in the sentence;
  section   the sentence is under matters arising, a clerk's report or an action log;
  state     its wording states a state ("had been done", "no update", "carried forward");
  back      it points back to the meeting the action was agreed at ("since the last
            meeting", "as agreed at the February meeting"): the action of that meeting it
            fits best (and the other wordings of that one in its item) weighs more;
  order     the first later meeting counts fully, each meeting in between costs a share;
  context   a thin promise ("The Clerk will chase for a response.") takes the sub-heading
            it was minuted under ("Land Transfer – ...") or the sentence before, and one
            that points back ("to discuss the issue") the sentence before;
  agenda    a promise to put a subject on an agenda is reported on (done) by the later
            item on that subject;
  people    a report that names people, or says someone acted, none of them the owner,
            keeps 80% for a person's promise;
  restated  what is said of a task restated as a new action is said of the first promise.
The measured effect of each on the development series is in the README.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

import snowballstemmer

from kg.actionnumbers import cited_actions, row_number
from kg.records import LinkAction, LinkSentence, ReportBack, ReportSentence, Resolution, Sections
from kg.rxfilter import guarded
from kg.segment import sentences

STATES = ("done", "in_progress", "no_progress", "carried_forward", "dropped")

# What a report-back's wording says.  When a sentence holds several cues the last one
# wins: minutes put the current state after the history ("there was no update, but it is
# progressing"; "the smells had ceased, but a letter would still be sent").
STATE_RULES: list[tuple[str, re.Pattern]] = [(state, re.compile(rx, re.I)) for state, rx in [
    ("dropped", r"\bno longer (?:required|needed|necessary|relevant)\b|\bwithdrawn\b|\bdecided (?:not to|against)\b"
                r"|\b(?:removed|deleted|closed) from the (?:action )?(?:log|list|project plan|plan)\b"
                r"|\bremoval of\b[^.;]{0,60}\bfrom the\b"
                r"|\bnot (?:be )?(?:proceed(?:ing)?|pursued|taken forward)\b|\bwill not\b|\bwould not\b"),
    ("carried_forward", r"\bcarr(?:y|ied|ies) (?:forward|over)\b|\bc/f\b|\bb/f\b|\bbrought forward\b"
                        r"|\b(?:to|until|at|for) (?:the |a )?(?:next|future|following) (?:meeting|agenda)\b"
                        r"|\b(?:next|future|following) (?:meeting'?s? )?agenda\b|\bdefer(?:red)?\b|\bpostponed\b"
                        r"|\bcontinue to (?:chase|pursue|follow)\b|\bfollow up\b|\bwould still\b|\bwill still\b"
                        r"|\bstill to be\b|\bremains? (?:on|open)\b|\bnot until\b|\bwill now not\b"),
    ("no_progress", r"\bno (?:further )?(?:update|response|reply|progress|news|information|change)\b"
                    r"|\bno action (?:taken|yet)\b|\bunable to\b"
                    r"|\bstill (?:awaited|outstanding|waiting|no)\b|\bnot yet\b|\bhad not (?:yet )?been\b"
                    r"|\bhas not (?:yet )?been\b|\bhave not (?:yet )?been\b|\byet to (?:be(?: \w+ed)?|receive|hear)\b"
                    r"|\bnothing (?:further|to report)\b|\bnot (?:been )?(?:received|heard|done|repaired)\b"),
    ("in_progress", r"\bin hand\b|\bawait(?:ing|ed|s)?\b|\bchasing\b|\bchased\b|\bprogress(?:ing|ed)?\b|\bon[- ]?going\b"
                    r"|\bto be confirmed\b"
                    r"|\bunder ?way\b|\bin progress\b|\bwas due to\b|\bwere due to\b|\bis due to\b|\bcontinu(?:es|ing)\b"
                    r"|\bwaiting\b|\bbeing (?:\w+ed|dealt|looked|considered)\b|\bpending\b|\bwill be (?:\w+ed)\b"
                    r"|\bcould not (?:yet )?confirm\b|\bstarted\b|\binvestigating\b|\bworking (?:on|with)\b"
                    r"|\b(?:clerk|chair|secretary) chase\b|\bchase (?:again|up)\b"),
    ("done", r"\bha(?:d|s|ve) (?:now )?(?:been )?(?:\w+ed|done|sent|written|made|met|spoken|taken|given|paid|held|"
             r"bought|put|set|cut|seen|agreed|completed)\b|\bcompleted?\b|\bconfirmed\b|\bresolved\b|\bdone\b"
             r"|\b(?:was|were) (?:now )?(?:held|installed|received|sent|ordered|paid|purchased|repaired|"
             r"delivered|fixed|replaced|submitted|approved|cleared|cut|planted)\b|\bnow (?:been )?\w+ed\b"
             r"|\bhave all\b|\bclosed\b|\bcomplete\b|\bachieved\b|\bactioned\b|\bin place\b"
             r"|\bno further action (?:is |was )?(?:required|needed|necessary)\b"
             # the owner did it, in the simple past: "The Clerk submitted the form", "Cllr Hill
             # spoke to the insurers", "Clerk contacted the specialist"
             r"|\b(?:clerk|chair(?:man|person)?|secretary|treasurer|cllr \w+(?: \w+)?)\s+(?:also |then |recently |"
             r"subsequently |duly )?(?:submitted|emailed|e-mailed|wrote|sent|contacted|spoke|met|circulated|ordered|"
             r"paid|arranged|attended|visited|posted|booked|forwarded|purchased|bought|installed|delivered|"
             r"published|organised|organized|obtained|placed|applied|phoned|rang|telephoned|responded|replied)\b"),
]]

# each rule skips a sentence that holds none of the words it needs (kg.rxfilter)
_STATE_GUARDS = [(state, guarded(rx)) for state, rx in STATE_RULES]

# Items under which minutes report back on earlier actions.
REPORT_SECTION = guarded(re.compile(
    r"\bmatters? arising\b|\bclerk'?s?'? (?:report|update)s?\b|\baction (?:log|points?|list|sheet|tracker|plan)s?\b"
    r"|\b(?:review of |outstanding |progress on )?actions?\b(?! to)|\bprogress (?:report|update)s?\b"
    r"|\bupdates? (?:on|from) (?:the )?(?:previous|last)\b|\bfrom the (?:previous|last) meeting\b"
    r"|\bchief executive'?s? report\b|\boutstanding (?:items|matters)\b|^\W*updates?\W*$", re.I))

# Words that tell nothing of a subject: grammar, and the vocabulary of every minute.
STOP = frozenset("""
a about above after again against all also am an and any are as at be been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his how
i if in into is it its itself just me more most my no nor not now of off on once only or other our out over own re
same she should so some such than that the their them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your yet still further
agreed agree agrees advised advise confirmed confirm reported report reports update updates updated noted note
council councillor councillors cllr cllrs clerk chair chairman vice meeting meetings minutes minute item items
resolved resolve proposed seconded favour discussed discuss discussion regarding re asked ask said told informed
will would should could may might must shall needed need need new next last previous following time date
mr mrs ms dr members member group committee parish town county borough district board
""".split())
# Words of the process, not the subject: they tie a report to a task only when the task
# says nothing else ("The Clerk will chase for a response").
PROCESS = frozenset("""
agenda add added adding future discuss discussed further chase chased chasing continue continued action actions
actioned progress progressed progressing response respond reply awaiting awaited await due
""".split())
PROCESS_STEMS = frozenset(snowballstemmer.stemmer("english").stemWords(sorted(PROCESS)))

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]", re.I)

# Minutes promise in the infinitive and report in the past ("agreed to write to the owner",
# "had written to the owner", "wrote to"): irregular pasts are read as their verb, which the
# stemmer does not do.
IRREGULAR = {w: base for base, forms in {
    "write": "wrote written", "send": "sent", "meet": "met", "speak": "spoke spoken", "buy": "bought",
    "pay": "paid", "make": "made", "hold": "held", "give": "gave given", "take": "took taken",
    "tell": "told", "sell": "sold", "bring": "brought", "find": "found", "leave": "left", "keep": "kept",
    "begin": "began begun", "draw": "drew drawn", "seek": "sought", "ring": "rang rung", "go": "went gone",
    "get": "got gotten", "build": "built", "lend": "lent", "spend": "spent", "see": "saw seen",
    "choose": "chose chosen", "know": "knew known", "show": "shown", "grow": "grew grown",
}.items() for w in forms.split()}


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=50000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def stems(text: str, *, process: bool = False) -> set[str]:
    """The stemmed content words of a text ("hedges cut back" -> {"hedg", "cut", "back"});
    with `process`, the words of the process too ("chase", "response")."""
    return set(_stems(text or "", process))


@lru_cache(maxsize=200000)
def _stems(text: str, process: bool) -> frozenset[str]:
    stop = STOP if process else STOP | PROCESS
    out = set()
    for w in _WORD.findall(text or ""):
        w = w.lower().replace("’", "'").strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        w = IRREGULAR.get(w, w)
        if len(w) < 3 or w in stop:
            continue
        s = _stem(w)
        if s not in stop:
            out.add(s)
    return frozenset(out)


# The owner acted and now waits on someone else: "the Clerk emailed the Mill Manager and
# awaits a response", "had written to the landowner and was awaiting a reply".  The action
# (to write, to ask) is done; the wait belongs to another.
ACTED = re.compile(r"\b(?:ha(?:d|s|ve) (?:now |already )?(?:\w+ed|written|sent|spoken|met)|emailed|wrote|sent|submitted|"
                   r"contacted|reported|chased|forwarded|circulated|applied|raised|asked|informed|notified|"
                   r"passed)\b", re.I)
WAITING = re.compile(r"\bawait(?:s|ed|ing)?\b|\byet to (?:receive|hear|respond|reply)\b|\bwaiting (?:for|on)\b"
                     r"|\bno (?:response|reply)\b", re.I)


def state_of(text: str) -> str | None:
    """What a report-back's wording says, or None when it states no state."""
    waiting = WAITING.search(text)
    if waiting:
        acted = ACTED.search(text, 0, waiting.start())
        if acted and not WAITING.search(text, waiting.end()) and _last_cue(text)[0] <= waiting.end() + 40:
            return "done"
    return _last_cue(text)[1]


def _last_cue(text: str, rules=None) -> tuple[int, str | None]:
    """The last state cue in `text` (where it ends, its state), by `rules` (the guarded
    state rules unless told)."""
    cues = []
    for state, rx in _STATE_GUARDS if rules is None else rules:
        for m in rx.finditer(text):
            # by where the cue ends, the longer first: "still awaited" over "awaited"
            cues.append((m.end(), m.end() - m.start(), state))
    if not cues:
        return -1, None
    end, _, state = max(cues)
    return end, state


def _points_back_to(back: int, gap: int, action_date: str, sentence_date: str) -> bool:
    """Whether a sentence's back reference (`back_reference`) is to the meeting of an action
    `gap` meetings before it: the last one, or the one of that month within the year before."""
    if back == 0:
        return gap == 0
    try:
        ay, am, sy, sm = int(action_date[:4]), int(action_date[5:7]), int(sentence_date[:4]), int(sentence_date[5:7])
    except (TypeError, ValueError):
        return False
    return am == back and 0 < (sy * 12 + sm) - (ay * 12 + am) < 12


def is_report_section(title: str | None) -> bool:
    return bool(title and REPORT_SECTION.search(title))


def report_sentences(secs: Sections, res: Resolution) -> list[ReportSentence]:
    """Every sentence of the items and action tables of one document, as a candidate
    report-back with the state its wording states; and of the prose that follows an attendance
    register where no heading opens an item ("Present: ..." / "Apologies: ..." / "Action 41.0 - X
    has sent ...": a page whose notes run on below its register, seen in a software
    collaboration's monthly pages and a hackerspace committee's)."""
    from kg.records import Evidence
    text = secs.document.text
    titles = {it.index: it.title for it in res.extraction.items}
    out: list[ReportSentence] = []
    for sec in secs.sections:
        if sec.kind not in ("item", "actions", "decisions", "prose"):
            continue
        in_report = sec.kind == "actions" or is_report_section(sec.title or titles.get(sec.item_index))
        for s, e in sentences(text, sec.start, sec.end):
            quote = text[s:e]
            if len(stems(quote)) < 2:
                continue
            out.append(ReportSentence(Evidence(quote, s, e), sec.item_index, state_of(quote), in_report))
    return out


# a minute number a report can cite: "3778", "275/19" (not "4", which is any list's)
MINUTE_NUMBER = re.compile(r"\d{3,5}|\d{1,4}/\d{2,4}")
_CITED = re.compile(r"^[^\w£$€]{0,3}(\d{3,5}|\d{1,4}/\d{2,4})\b(?![./]\d)|\b(?:minute|min\.?|item|ref\.?)\s*(?:no\.?\s*)?"
                    r"(\d+(?:[./]\d+)*)", re.I)


# A sentence that points back to an earlier meeting reports on what was agreed there: "The
# Factory smells had ceased since the last meeting, but a letter would still be sent", "the
# signs have been ordered ... (as agreed at the last meeting)", "submitted the application
# form as agreed at the December meeting", "His queries raised at the November meeting were
# emailed".  "the next meeting", "the April meeting" in March's minutes point forward: only
# "last", "previous" or a month of an earlier meeting counts.
_BACK_REF = re.compile(r"\b(?:since|from|at|in) the (?P<which>last|previous|january|february|march|april|may|june|july|"
                       r"august|september|october|november|december)(?: (?:ordinary|parish council|council|monthly))? "
                       r"meeting\b", re.I)
_MONTH_NO = {m: k for k, m in enumerate("january february march april may june july august september october "
                                         "november december".split(), 1)}


def back_reference(text: str) -> int | None:
    """The earlier meeting a sentence points back to: 0 for the last one ("since the last
    meeting"), a month's number for "the December meeting", None when it points to none."""
    m = _BACK_REF.search(text or "")
    if not m:
        return None
    which = m["which"].lower()
    return 0 if which in ("last", "previous") else _MONTH_NO[which]


def cited_minutes(text: str) -> set[str]:
    """Minute numbers a sentence cites: opening it ("3778 - Play Area – ...") or named
    ("see minute 275/19")."""
    return {a or b for a, b in _CITED.findall(text)}


# weights of the parts of a score (see the module docstring)
W_OWNER = 0.12
W_SECTION = 0.15
W_STATE = 0.15
W_MINUTE = 0.4  # the report cites the action's minute number
W_ITEM = 0.1  # the report sits under an item of the same title as the action's, at a later meeting
# the report points back to the meeting the action was minuted at ("since the last meeting",
# "as agreed at the February meeting"); never with W_MINUTE (a cited minute names its meeting
# already), so MAX_SCORE holds it
W_BACK = 0.1
GAP_COST = 0.35  # share lost per meeting in between
THRESHOLD = 0.36
# a sentence under matters arising that states a state is a report-back on something: a
# weaker subject match is enough
THRESHOLD_REPORTED = 0.3
NEAR_BEST = 0.85  # one sentence may report on several actions that fit almost as well
PER_MEETING = 1  # report-backs kept per action and later meeting
# The most a pair can score before the gap discount: the subject part is at most 1 (the
# words both sides share are a part of each side's words), the bonuses scale it, and a cited
# minute adds its weight.  A term added to the score must be added here too (the test
# test_no_pair_scores_above_the_bound checks it).
MAX_SCORE = 1.0 + W_OWNER + W_SECTION + W_STATE + W_MINUTE + W_ITEM


def max_gap() -> int:
    """Meetings in between beyond which no pair can reach the lower threshold: such pairs
    are not weighed at all (a body's meetings over the years would otherwise make the
    link stage quadratic in them)."""
    floor = min(THRESHOLD, THRESHOLD_REPORTED)
    return math.floor((MAX_SCORE * (1 + 1e-9) / floor - 1.0) / GAP_COST)


# Who a report says acted: the subject before a verb of doing in the past ("The Clerk had
# sent ...", "Cllr Hale spoke to ...", "Resident informed Clerk ..." names the resident).
_ACTOR = re.compile(r"(?:^\W*|[–—:;]\s*|\.\s+|\b(?:and|but)\s+)(?P<who>(?i:(?:the\s+)?(?:parish |town )?(?:clerk|chair(?:man|person)?|"
                    r"secretary|treasurer))|(?i:(?:county |district |borough )?cllrs?\.?) [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
                    r"|[A-Z]{2,3})(?i:\s+(?:also |then |recently |subsequently |duly |had |has |have )*(?:now |already )?"
                    r"(?!(?:agreed|advised|reported|stated|noted|explained|suggested|proposed|seconded|informed|"
                    r"confirmed|requested|queried|questioned|mentioned|thanked|welcomed|declared|resolved|offered|"
                    r"volunteered|undertook|wished|hoped|wanted|needed|asked|shared|added|expressed|commented)\b)"
                    r"(?:\w+ed|wrote|written|sent|spoke|spoken|met|paid|made|bought|held|gave|given|took|taken|rang))\b")
ACTOR_OTHER = 0.8  # share kept when the report names or says acted someone other than the owner
# owners that are bodies, not people: a body's promise is carried out by its officers, so a
# report naming them is no sign it is about another promise
_ORG = re.compile(r"\b(?:council|committee|group|board|trust|ltd|limited|agency|highways|school|society|"
                  r"association|department|authority|partnership|forum|trustees|team|service|police|company)\b", re.I)


def actor_of(text: str) -> str | None:
    """Who the report says did something ("The Clerk had written to ..." -> "The Clerk"), or None."""
    m = _ACTOR.search(text)
    return m.group("who") if m else None


def _owner_named(owners: list[str], text: str, low: str | None = None) -> bool:
    # run for every sentence of a body against every owner of its actions: the plain `in`
    # tests come first (the patterns match only where the words occur), the patterns are
    # compiled once per owner; `low`, the text in lower case, where the caller has it
    if low is None:
        low = text.lower()
    for o in owners:
        last, last_rx, initials, initials_rx = _owner_patterns(o)
        if last_rx is not None and last in low and last_rx.search(low):
            return True
        # trustees' and boards' minutes name people by their initials ("MS had contacted ...")
        if initials_rx is not None and initials in text and initials_rx.search(text):
            return True
    return False


@lru_cache(maxsize=20000)
def _owner_patterns(o: str) -> tuple[str, re.Pattern | None, str, re.Pattern | None]:
    """An owner's surname (lower case) and initials, each with the pattern that finds it as
    a word (None where the owner is not named that way)."""
    o = o.strip()
    if not o:
        return "", None, "", None
    last = o.split()[-1].lower()
    last_rx = re.compile(rf"\b{re.escape(last)}\b") if len(last) >= 3 else None
    parts = o.split()
    if 2 <= len(parts) <= 3 and all(w[:1].isupper() for w in parts) and not _ORG.search(o):
        initials = "".join(w[0] for w in parts)
        return last, last_rx, initials, re.compile(rf"(?<![\w/]){initials}(?![\w])")
    return last, last_rx, "", None


# A sub-heading that opens a sentence: "Buckenham Lane Land Transfer – the Clerk ...",
# "b) Online booking system – No update.", "Funding: the second application ...".  Matters
# arising and clerk's reports are written as such paragraphs, and the sentences after the
# first one ("The Clerk will chase for a response.") are about the same subject.
_LEAD = re.compile(r"^\W*(?:\d{1,5}(?:[./]\d{1,4})*\.?\s+|\(?[ivx]{1,4}\)\s*|\(?[a-h][.)]\s+)?"
                   r"(?P<lead>[^–—:;.!?]{3,120}?)\s*(?:\s[–—-]\s|–|—|:\s)")
# a sentence that is a sub-heading only: "(iii) Mill Road."
_HEADING_ONLY = re.compile(r"^\W*(?:\(?[ivx]{1,4}\)|\(?[a-h][.)]|\d{1,3}[.)])?\s*(?P<lead>(?:[A-Z][\w'’&/-]*\s*){1,5})\.?\s*$")
LEAD_WORDS = 8  # a lead longer than this, without its item's title, is a sentence, not a sub-heading


def lead_of(text: str, item_title: str = "") -> str | None:
    """The sub-heading a sentence opens with (without its item's title and minute number),
    or None: "Mill Lane Hedge – This had now been cut." -> "Mill Lane Hedge"."""
    m = _HEADING_ONLY.match(text) or _LEAD.match(text)
    if not m:
        return None
    lead = m.group("lead").strip()
    title = item_title.strip()
    if title and lead.lower().startswith(title.lower()):
        lead = lead[len(title):].strip(" ()")
    elif title:
        # the minute's heading and the paragraph's sub-heading run together ("Matters Arising
        # (and Clerk's Report) Buckenham Lane Land Transfer"): keep the words after the title's
        tw = {w.lower() for w in _WORD.findall(title)}
        words = _WORD.findall(lead)
        k = 0
        while k < len(words) and words[k].lower() in tw | {"and", "the", "of"}:
            k += 1
        if k:
            lead = " ".join(words[k:])
    if not lead or len(_WORD.findall(lead)) > LEAD_WORDS:
        return None
    return lead


def _contexts(candidates: list[LinkSentence]) -> dict[tuple[str, str], list[tuple[int, str, str | None, str]]]:
    """Each item's sentences in order, with the sub-heading each falls under (its own lead or
    the last one before it in the item), keyed by (meeting, item title)."""
    by_item: dict[tuple[str, str], list[LinkSentence]] = defaultdict(list)
    for c in candidates:
        by_item[(c.meeting, c.item_title)].append(c)
    out = {}
    for key, cs in by_item.items():
        cs.sort(key=lambda c: (c.order, c.passage))
        rows, topic = [], None
        for c in cs:
            topic = lead_of(c.text, c.item_title) or topic
            rows.append((c.order, c.text, topic, c.passage))
        out[key] = rows
    return out


# Sentences of courtesy and of the minutes' own approval report on nothing, whatever words
# they share with a promise ("Trustees expressed their thanks to the group for their hard
# work", "The minutes were accepted as a true record to be posted on the noticeboard").
COURTESY = guarded(re.compile(r"\bthank(?:ed|s to|s were|s go)\b|\bexpressed (?:their|his|her|its|our) (?:thanks|gratitude|"
                              r"appreciation)\b|\bvote of thanks\b|\b(?:a )?true (?:and (?:accurate|correct) )?record\b"
                              r"|\b(?:true|accurate|correct) record\b", re.I))

# A question or request raised at the meeting ("GP requested that two notice boards are
# purchased", "AB asked if the school could ...", "The SCC Commissioner asked whether ...")
# opens a matter: unless its wording states a state, it reports on none.
RAISED = guarded(re.compile(r"\b(?:requested|asked) (?:that|if|whether)\b|\bqueried\b|\benquired\b"
                            r"|\bquestioned (?:whether|if|why|how)\b", re.I))

# a promise that points back to the sentence before for its subject
ANAPHOR = re.compile(r"\b(?:it|its|(?:this|these|those)(?! (?:time|year|month|week|evening|meeting|stage|point)s?\b)"
                     r"|they|them|the (?:issue|matter|problem|request|situation|same|above))\b", re.I)

NEAR_CHARS = 300  # the sentence before is read only when it ends this close to the promise

THIN = 3  # an action of fewer subject words than this borrows the sentence before it

# An action to put a subject on a later agenda ("The Clerk agreed to add to the January
# agenda", "This to be an agenda item", "would be added to a future agenda"): the later
# meeting's item on that subject is its report-back, and the item being held is it done.
AGENDA_ACTION = re.compile(r"\b(?:add(?:ed|ing)?|put|place[ds]?|include[ds]?|bring|brought|be)\b[^.;]{0,60}?"
                           r"\bagenda\b|\bagenda item\b|\bfuture items\b", re.I)
_MONTHS = frozenset(_stem(m) for m in "january february march april may june july august september october "
                    "november december".split())


def is_agenda_action(a: LinkAction) -> bool:
    """Whether the action is to put its subject on a later agenda."""
    return bool(AGENDA_ACTION.search(a.text) or AGENDA_ACTION.search(a.evidence))


def is_heading(c: LinkSentence) -> bool:
    """Whether the sentence opens its item with the item's title ("13/20 To Discuss: Footpath 17 ...")."""
    title = (c.item_title or "").strip().lower()
    body = re.sub(r"^\W*(?:\d{1,5}(?:[./]\d{1,4})*\.?)?\s*", "", c.text).lower()
    return bool(title) and len(title) >= 4 and body.startswith(title) and not is_report_section(title)


# a word that makes a line a sentence rather than a heading ("3. The report was approved")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|had|have|been|will|would|can|could|shall|should|must|may|might|"
                     r"did|do|does|need|needs|agreed|confirms?|confirmed)\b", re.I)


def is_title_only(c: LinkSentence) -> bool:
    """Whether the sentence is its item's heading and nothing more ("231/19 To Update on the
    Neighbourhood Plan process", "8. Car Park (NB)"): it says the item was held, not what
    was done.  A numbered point that is a sentence ("3. The sign has been installed"), read
    as an item of its own, is not a heading: it states a state or has a verb."""
    title = [w.lower() for w in _WORD.findall(c.item_title or "")]
    body = [w.lower() for w in _WORD.findall(c.text)]
    return (bool(title) and bool(body) and set(body) <= set(title) and not c.state
            and not _FINITE.search(c.text))


class _Weights(dict):
    """Words' weights; a word no sentence or action of the body holds weighs `unseen`."""
    unseen = 0.0

    def __missing__(self, word: str) -> float:
        return self.unseen


def score_pairs(actions: list[LinkAction], candidates: list[LinkSentence]) -> dict[str, list[tuple[float, int]]]:
    """For each candidate sentence (by passage), the score of every earlier action (by index)
    that shares a subject word with it, up to `max_gap()` meetings back."""
    dates = sorted({a.date for a in actions} | {c.date for c in candidates})
    rank = {d: k for k, d in enumerate(dates)}
    # rarity of each word across the body's sentences and actions
    docs = [stems(c.text) for c in candidates] + [stems(a.evidence or a.text) for a in actions]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    unseen = math.log(n + 1)
    idf = _Weights({w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()})
    idf.unseen = unseen
    idf_of = idf.__getitem__

    def weight(ws: set[str]) -> float:
        return sum(map(idf_of, ws))

    # people's names say who, not what: they weigh as the owner, not as subject words
    names = set()
    for a in actions:
        for o in a.owners:
            names |= stems(o)
    people = sorted({o for a in actions for o in a.owners if o and not _ORG.search(o)})
    # items every meeting has (apologies, declarations, "matters for the next agenda"):
    # their titles tell no subject, and their headings report on nothing
    meetings_of: dict[frozenset, set[str]] = defaultdict(set)
    for c in candidates:
        meetings_of[frozenset(stems(c.item_title))].add(c.meeting)
    n_meetings = len({c.meeting for c in candidates})
    standing = {t for t, ms in meetings_of.items() if t and len(ms) >= max(3, 0.6 * n_meetings)}
    contexts = _contexts(candidates)
    topic_of = {r[3]: r[2] for rows in contexts.values() for r in rows}
    act_words = []
    agenda: list[bool] = []
    for a in actions:
        agenda.append(is_agenda_action(a))
        own = (stems(a.text) | stems(a.evidence)) - names
        # a thin action ("The Clerk will chase for a response.", "The Clerk agreed to follow up
        # with NCC.") takes the sub-heading it was minuted under, or else the sentence before;
        # only a thin one, as a minute's sub-heading may have ended unmarked with its paragraph
        ctx: set[str] = set()
        before = [r for r in contexts.get((a.meeting, a.item_title), ()) if r[0] <= a.order]
        if before and len(own) >= THIN and ANAPHOR.search(a.text) and not lead_of(a.evidence, a.item_title):
            # "update Highways on the report that its condition was a risk": the subject is
            # the sentence before's
            prev = [r for r in before if r[0] < a.order and r[0] + len(r[1]) >= a.order - NEAR_CHARS]
            if prev:
                ctx |= stems(prev[-1][1]) - names
        elif before:
            topic = before[-1][2]
            if topic and len(own) < THIN:
                # with its process words: "chase for a response" meets "chased ... for a response"
                own = own | (stems(a.text, process=True) - names) | (stems(topic) - names)
            elif len(own) < THIN:
                prev = [r for r in before if r[0] < a.order and r[0] + len(r[1]) >= a.order - NEAR_CHARS]
                if prev:
                    own = own | (stems(a.text, process=True) - names) | (stems(prev[-1][1]) - names)
        title = stems(a.item_title) - names if not is_report_section(a.item_title) else set()
        if frozenset(stems(a.item_title)) in standing:
            title = set()
        if agenda[-1]:
            # its subject is the item it was minuted under, not the words "add" and "agenda"
            own = (own - PROCESS_STEMS - _MONTHS) | title | ctx
            ctx = title = set()
        if not own:
            own = (stems(a.text, process=True) | stems(a.evidence, process=True)) - names
        act_words.append((own, ((title | ctx) - names) - own))
    # which actions hold each word, in the order of their meetings: a sentence is weighed only
    # against those it shares one with, within reach (`far` meetings back); the reach is cut
    # out of each word's list by bisection, so a body's long history costs it nothing
    far = max_gap()
    holders: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for k, (own, title) in enumerate(act_words):
        r = rank[actions[k].date]
        for w in own | title:
            holders[w].append((r, k))
        if MINUTE_NUMBER.fullmatch(actions[k].item_number or ""):
            holders["#" + actions[k].item_number].append((r, k))
    # actions a log numbers by meeting ("41.2"), by number in the order of their meetings: a row
    # carried to the next table keeps the number, so a number names a chain of wordings of one task
    numbered: dict[str, list[int]] = defaultdict(list)
    action_words = [frozenset(stems(a.text)) for a in actions]
    for k in sorted(range(len(actions)), key=lambda k: (actions[k].date, actions[k].order, k)):
        n = row_number(actions[k].evidence)
        if n:
            numbered[n].append(k)
            holders["@" + n].append((rank[actions[k].date], k))
    for rows in holders.values():
        rows.sort()
    holder_ranks = {w: [r for r, _ in rows] for w, rows in holders.items()}

    def within_reach(words: set[str], rc: int) -> set[int]:
        out: set[int] = set()
        for w in words:
            rows = holders.get(w)
            if rows:
                ranks = holder_ranks[w]
                lo = bisect.bisect_left(ranks, rc - far - 1)
                hi = bisect.bisect_left(ranks, rc, lo)
                out.update(k for _, k in rows[lo:hi])
        return out

    org_owned = [any(_ORG.search(o) for o in a.owners) for a in actions]
    # each action's item by its title's words (none for a report section's: "Matters arising"
    # is where a report sits, not what it is about)
    item_key = [frozenset(stems(a.item_title)) if not is_report_section(a.item_title) else None for a in actions]
    scored: dict[str, list[tuple[float, int]]] = {}
    # an action's own weight is the same against every sentence: weighed once
    weight_of_action: dict[int, float] = {}
    # a sentence that gives a person a new task and states no state ("ACTIONS: Cllr Hale to
    # instruct removal of the fallen tree.", "The Clerk agreed to add the letter to the
    # website.") sets work to do; it reports on none (a restatement says where the task
    # stands: "will continue to chase", "still to be sent").  Not a body's resolution ("The
    # Council agreed to continue with the purchase" follows from what was reported), nor an
    # item's heading (the agenda item a promise was to bring)
    owners_of = {a.iri: a.owners for a in actions}
    stated = _stated_actions(actions, candidates)
    restating = restatements(actions, stated)
    new_tasks = {p for p, iris in stated.items()
                 if p not in restating and all(owners_of[i] and not any(_ORG.search(o) for o in owners_of[i]) for i in iris)}
    for c in sorted(candidates, key=lambda c: (c.date, c.meeting, c.order, c.passage)):
        if COURTESY.search(c.text) or (not c.state and RAISED.search(c.text) and not is_heading(c)):
            continue
        if not c.state and c.passage in new_tasks and not is_heading(c):
            continue
        tkey = frozenset(stems(c.item_title))
        # (only where the body has meetings enough to tell the items every meeting has from a
        # running subject's: with two, "Correspondence" in both is no subject)
        same_item = bool(tkey) and tkey not in standing and not c.report_section and n_meetings >= 3
        cw = stems(c.text) - names
        cw_process = stems(c.text, process=True) - names
        if tkey in standing:
            cw -= tkey  # the heading's words, where the sentence repeats them
        ct = stems(c.item_title) - cw - names if not c.report_section and tkey not in standing else set()
        if topic_of.get(c.passage) and len(cw) < THIN:  # a thin sentence: the sub-heading it falls under
            ct |= stems(topic_of[c.passage]) - cw - names
        if not cw:
            continue
        cw_subject = cw
        low = c.text.lower()
        heading = is_heading(c)
        title_only = is_title_only(c)
        actor = actor_of(c.text)
        named = None  # whether the sentence names any owner of the body: asked only when it matters
        best: list[tuple[float, int]] = []
        weight_of_sentence: dict[bool, float] = {}  # by whether the process words count
        refs = {"#" + n for n in cited_minutes(c.text)}
        # the action a sentence cites by its number ("Action 41.0 - Ann has sent ...", "(43.2)", a
        # carried row "| 72.5 | ... |"): the first wording of the task that number names, before
        # this meeting (the latest earlier one, back through the rows that carried it over in its
        # words); a sentence that cites an action by number reports on that one only
        by_number = {n: _first_of_chain(numbered[n], actions, action_words, c.date)
                     for n in cited_actions(c.text) if n in numbered}
        by_number = {n: k for n, k in by_number.items() if k is not None}
        refs |= {"@" + n for n in by_number}
        numbered_to = set(by_number.values())
        back = back_reference(c.text)
        back_to: list[tuple[float, int, int, float]] = []  # the pairs of the meeting it points back to
        near = within_reach(cw_subject | cw_process | ct | refs, rank[c.date])
        for k in sorted(near):
            a = actions[k]
            if a.date >= c.date or rank[c.date] - rank[a.date] - 1 > far:
                continue
            if title_only and not agenda[k]:
                # an item's bare heading tells that the item was held: a report on a promise
                # to put it on an agenda, on nothing else (it shares the subject's words)
                continue
            if numbered_to and k not in numbered_to:
                continue
            own, title = act_words[k]
            process = bool(own & PROCESS_STEMS and not agenda[k])
            if process:  # a task in process words only meets them in the sentence
                cw = cw_process
            else:
                cw = cw_subject
            shared = weight(cw & own) + 0.5 * weight((cw & title) | (ct & own)) + 0.3 * weight(ct & title)
            cited = "#" + a.item_number in refs or k in numbered_to
            if shared <= 0 and not cited:
                continue
            wc = weight_of_sentence.get(process)
            if wc is None:
                wc = weight_of_sentence[process] = weight(cw | ct) or 1.0
            wa = weight_of_action.get(k)
            if wa is None:
                wa = weight_of_action[k] = weight(own | title) or 1.0
            subject = shared / math.sqrt(wc * wa)
            s = subject
            owner_named = _owner_named(a.owners, c.text, low)
            if owner_named:
                s += W_OWNER * subject
            # a report that someone else acted is less likely about this owner's promise
            # (unless they shared it: "Cllr Reed agreed to send ... and the Clerk agreed to ...")
            if actor and a.owners and not _owner_named(a.owners, actor) and not _owner_named([actor], a.evidence):
                s *= ACTOR_OTHER
            elif a.owners and not org_owned[k] and not owner_named:
                if named is None:
                    named = any(_owner_named([p], c.text, low) for p in people)
                if named:
                    s *= ACTOR_OTHER  # it names people, and not this promise's owner
            if c.report_section or (agenda[k] and heading):
                s += W_SECTION * subject
            if c.state:
                s += W_STATE * subject
            gap = rank[c.date] - rank[a.date] - 1
            pointed = False
            if cited:  # "3778 - Play Area – ...": the report names the minute of the action
                s += W_MINUTE
            elif back is not None and _points_back_to(back, gap, a.date, c.date):
                pointed = True
            if same_item and item_key[k] == tkey:
                # "14. MOLES" in March and "13. MOLES Cllr Hale advised that all ... have now been
                # caught" in April: a running subject keeps its own item from meeting to meeting
                s += W_ITEM
            s *= 1.0 / (1.0 + GAP_COST * gap)
            if pointed:
                back_to.append((s, -k, len(best), 1.0 / (1.0 + GAP_COST * gap)))
            best.append((s, k))
        if back_to:
            # "as agreed at the last meeting" names one agreement of that meeting: the one the
            # sentence fits best, not every task of it the sentence shares a word with; but
            # every wording of it that its item minuted ("Cllr Lane to order the defibrillator"
            # and "Cllr Lane would place the order for the cabinet", one item) and that fits almost
            # as well
            top, _, i, _ = max(back_to)
            place = (actions[best[i][1]].meeting, actions[best[i][1]].item_title)
            for fit, _, j, discount in back_to:
                k = best[j][1]
                if (actions[k].meeting, actions[k].item_title) == place and fit >= NEAR_BEST * top:
                    best[j] = (best[j][0] + W_BACK * discount, k)
        scored[c.passage] = best
    return scored


def _first_of_chain(chain: list[int], actions: list[LinkAction], words: list[frozenset], before: str) -> int | None:
    """Of the actions that bear one number (`chain`, in meeting order), the first wording of the
    task the latest of them before `before` states: back through the earlier rows that carried it
    in its words (a number a log gives again to a new task is that task's)."""
    earlier = [k for k in chain if actions[k].date < before]
    if not earlier:
        return None
    pick = earlier[-1]
    for j in reversed(earlier[:-1]):
        a, b = words[pick], words[j]
        if a and b and len(a & b) >= RESTATED * len(a | b):
            pick = j
        else:
            break
    return pick


def link_body(actions: list[LinkAction], candidates: list[LinkSentence]) -> list[ReportBack]:
    """The report-backs of one body: each candidate sentence tied to the earlier actions it
    reports on (or to none), deterministic whatever order the meetings were built in."""
    if not actions or not candidates:
        return _unknown(candidates, set())
    scored = score_pairs(actions, candidates)
    restating = restatements(actions, _stated_actions(actions, candidates))
    links: list[ReportBack] = []
    by_passage = {c.passage: c for c in candidates}
    for passage, options in scored.items():
        if not options:
            continue
        top = max(s for s, _ in options)
        c = by_passage[passage]
        floor = THRESHOLD_REPORTED if c.report_section and c.state else THRESHOLD
        if top < floor:
            continue
        for s, k in options:
            if s >= floor and s >= NEAR_BEST * top:
                # a task set again in the words it was set in before is still to do
                state = c.state or ("carried_forward" if passage in restating else _default_state(c.text))
                if is_heading(c) and is_agenda_action(actions[k]):
                    state = "done"  # the item it was to put on an agenda was held
                links.append(ReportBack(actions[k].iri, c.meeting, c.passage, state, s, c.date, c.order))
    # an action is reported on once per meeting: keep its best sentence there
    keep: dict[tuple[str, str], list[ReportBack]] = defaultdict(list)
    for r in links:
        keep[(r.action, r.meeting)].append(r)
    out = []
    for group in keep.values():
        group.sort(key=lambda r: (-r.score, r.passage))
        out.extend(group[:PER_MEETING])
        # a numbered log's row carrying the action over ("| 40.5 | ... | Ann |") and a sentence of
        # the notes saying where it stands ("Action 40.5 - Ann is still drafting the guide") are two
        # reports of one meeting: the log's and the minute's
        rows = [r for r in group if row_number(by_passage[r.passage].text)]
        prose = [r for r in group if not row_number(by_passage[r.passage].text)]
        if rows and prose:
            out.append(prose[0] if group[0] is rows[0] else rows[0])
    out = _same_task_twice(out, actions)
    out = _through_restatements(out, actions, candidates)
    linked = {r.passage for r in out}
    out.extend(_unknown(candidates, linked))
    out.sort(key=lambda r: (r.meeting, r.passage, r.action or ""))
    return out


SAME_TASK = 0.5  # share of subject words two wordings of one task have in common, at least


def _same_task_twice(links: list[ReportBack], actions: list[LinkAction]) -> list[ReportBack]:
    """A meeting that minutes one task twice, in its text and again in the item's action line
    ("Cllr Reed agreed that he would close the wall off and look into the cost for repair." /
    "ACTIONS: Cllr Reed to close climbing wall and look into quotes for repair."), has one
    task: a report on either wording is a report on both (same meeting, item and owner, and
    most of the subject words shared)."""
    by_place: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, a in enumerate(actions):
        by_place[(a.meeting, a.item_title)].append(k)
    index = {a.iri: k for k, a in enumerate(actions)}
    words = {}

    def subject(k: int) -> frozenset:
        if k not in words:
            words[k] = frozenset(stems(actions[k].text) - stems(" ".join(actions[k].owners)))
        return words[k]

    have = {(r.action, r.meeting) for r in links}
    out = list(links)
    for r in links:
        k = index.get(r.action)
        if k is None:
            continue
        a = actions[k]
        for j in by_place[(a.meeting, a.item_title)]:
            b = actions[j]
            if j == k or (b.iri, r.meeting) in have or not a.owners or not b.owners:
                continue
            if not any(_owner_named([o], " ".join(b.owners)) for o in a.owners):
                continue
            wa, wb = subject(k), subject(j)
            if not wa or not wb or len(wa & wb) < SAME_TASK * min(len(wa), len(wb)) or len(wa & wb) < 2:
                continue
            out.append(ReportBack(b.iri, r.meeting, r.passage, r.state, r.score, r.date, r.order))
            have.add((b.iri, r.meeting))
    return out


def _stated_actions(actions: list[LinkAction], candidates: list[LinkSentence]) -> dict[str, list[str]]:
    """Each candidate sentence that states an action of its own meeting (by passage), with the
    actions it states (by IRI)."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for c in candidates:
        spans[c.meeting].append((c.order, c.order + len(c.text), c.passage))
    stated_by: dict[str, list[str]] = defaultdict(list)
    for a in actions:
        for start, end, passage in spans.get(a.meeting, ()):
            if start <= a.order < end:
                stated_by[passage].append(a.iri)
                break
    return stated_by


RESTATED = 0.8  # share of a task's subject words a later wording of it repeats, at least


def _owners_meet(a: list[str], b: list[str]) -> bool:
    """Whether two actions' owners can be one ("Ola K" and "Ola Kowalska"); an action
    with no owner named meets any."""
    if not a or not b:
        return True
    wa = {w for o in a for w in re.findall(r"[a-z]{3,}", o.lower())}
    return any(w in wa for o in b for w in re.findall(r"[a-z]{3,}", o.lower()))


def restatements(actions: list[LinkAction], stated_by: dict[str, list[str]]) -> set[str]:
    """The passages that set a task again in the words an earlier meeting of the body set it
    in: a closing list that carries the last meeting's actions over ("Previous action items",
    "Action summary" repeating a line of the last minutes), a task minuted again word for word.
    They report on the earlier action (carried forward) besides setting the task anew: a
    sentence that states a new task reports on nothing, a restatement does."""
    words = [frozenset(stems(a.text)) for a in actions]
    posting: dict[str, list[int]] = defaultdict(list)
    for k, ws in enumerate(words):
        for w in ws:
            posting[w].append(k)
    index = {a.iri: k for k, a in enumerate(actions)}
    out: set[str] = set()
    for passage, iris in stated_by.items():
        for iri in iris:
            k = index[iri]
            mine = words[k]
            if len(mine) < THIN:
                continue
            # an earlier wording sharing RESTATED of the words holds one of the rarest two
            rare = sorted(mine, key=lambda w: (len(posting[w]), w))[:2]
            near = {j for w in rare for j in posting[w]}
            if any(actions[j].date < actions[k].date
                   and len(mine & words[j]) >= RESTATED * len(mine | words[j])
                   and _owners_meet(actions[j].owners, actions[k].owners) for j in near):
                out.add(passage)
                break
    return out


def _through_restatements(links: list[ReportBack], actions: list[LinkAction],
                          candidates: list[LinkSentence]) -> list[ReportBack]:
    """A later meeting that restates a running task as a new action ("Indigo Road
    Streetlights – no update, but the Clerk will continue to chase") reports on the earlier
    action, and what later meetings say of the new action they say of the earlier one too."""
    stated_by = _stated_actions(actions, candidates)  # passage -> the actions it states
    for passage, later in _restated_under_heading(actions, candidates).items():
        stated_by[passage].extend(k for k in later if k not in stated_by[passage])
    by_action: dict[str, list[ReportBack]] = defaultdict(list)
    for r in links:
        by_action[r.action].append(r)
    date_of = {a.iri: a.date for a in actions}
    out = list(links)
    # earliest restatements first, so a chain of them (October -> January -> March) carries through
    for r in sorted(links, key=lambda r: (r.date, r.order, r.passage, r.action)):
        for later in stated_by.get(r.passage, ()):
            if later == r.action or date_of.get(later, "") <= date_of.get(r.action, ""):
                continue
            have = {x.meeting for x in by_action[r.action]}
            for r2 in sorted(by_action.get(later, ()), key=lambda x: (x.date, x.order)):
                if r2.meeting in have:
                    continue
                carried = ReportBack(r.action, r2.meeting, r2.passage, r2.state, r2.score, r2.date, r2.order)
                out.append(carried)
                by_action[r.action].append(carried)
                have.add(r2.meeting)
    return out


# a sentence that opens a new point of a list: "(iv) Lone Worker Policy ...", "b) ...", "• ..."
_POINT = re.compile(r"^\s*(?:\(?[ivx]{1,4}\)|\(?[a-h]\)|[a-h]\.\s|\d{1,3}[.)]\s|[•·*–-]\s)")


def _restated_under_heading(actions: list[LinkAction], candidates: list[LinkSentence]) -> dict[str, list[str]]:
    """Thin promises minuted under the sub-heading a report-back opens, in a report section
    ("Land Transfer – The Clerk wrote to the owner and is yet to receive a reply. ... The
    Clerk will chase for a response."): they restate the task the opening sentence reports
    on, keyed by its passage.  Only a thin promise, which takes its subject from the
    sub-heading: one with a subject of its own ("The Clerk will write to the residents about
    garden waste") is a new task, even under the same sub-heading."""
    by_item: dict[tuple[str, str], list[LinkSentence]] = defaultdict(list)
    for c in candidates:
        by_item[(c.meeting, c.item_title)].append(c)
    acts: dict[tuple[str, str], list[LinkAction]] = defaultdict(list)
    for a in actions:
        if len(stems(a.text)) < THIN:
            acts[(a.meeting, a.item_title)].append(a)
    out: dict[str, list[str]] = {}
    for key, cs in by_item.items():
        thin = acts.get(key)
        if not thin:
            continue
        cs.sort(key=lambda c: (c.order, c.passage))
        opens = [bool(lead_of(c.text, c.item_title)) for c in cs]  # the sentence opens a sub-heading
        for i, c in enumerate(cs):
            if not c.report_section or not opens[i]:
                continue
            # the sub-heading runs to the next one or the next point of a list, or a little past
            # the item's last sentence (a promise too thin to be a candidate sentence is not
            # among them)
            end = next((d.order for j, d in enumerate(cs[i + 1:], i + 1) if opens[j] or _POINT.match(d.text)),
                       cs[-1].order + len(cs[-1].text) + NEAR_CHARS)
            later = [a.iri for a in thin if c.order + len(c.text) <= a.order < end]
            if later:
                out[c.passage] = later
    return out


def _default_state(text: str) -> str:
    # a report that states no state in so many words mostly tells what was done
    return "done"


def _unknown(candidates: list[LinkSentence], linked: set[str]) -> list[ReportBack]:
    """Sentences in report sections that state a state but fit no known action."""
    return [ReportBack(None, c.meeting, c.passage, c.state, 0.0, c.date, c.order) for c in candidates
            if c.passage not in linked and c.report_section and c.state]


def current_state(reports: list[tuple[str, int, str]]) -> str:
    """An action's state after its latest report-back: reports as (meeting date, order, state)."""
    if not reports:
        return "open"
    last = max(reports)
    # at one meeting, a minute that says where the task stands outranks the action log's row
    # carrying it over (link_body keeps both): "Action 61.1 - a student has been working on it"
    said = [r for r in reports if r[0] == last[0] and r[2] != "carried_forward"]
    return max(said)[2] if said else last[2]


# -- reading the body's actions and sentences, and the new link graph -----------------

# A body's link inputs: its actions, candidate sentences and due dates (action IRI -> date).
LinkInputs = tuple[list[LinkAction], list[LinkSentence], dict[str, str]]


def _inputs(store, body_iri: str, leave_out: str | None) -> LinkInputs:
    """The body's actions and candidate sentences in `store` (named queries), without the
    graph `leave_out` (the old version of the document being replaced).  Over a large store
    these queries cost what the whole store holds (Oxigraph joins their OPTIONAL parts over
    every graph), so the build runs them on small in-memory stores: one document's graph
    (`document_inputs`) or a few stored graphs of the body at a time (`stored_inputs`)."""
    from kg.query import get_named
    acts: dict[str, LinkAction] = {}
    due: dict[str, str] = {}
    for r in store.select(get_named("link-actions").text, {"body": body_iri})[1]:
        if r.get("g") == leave_out:
            continue
        a = acts.get(r["action"])
        if a is None:
            a = acts[r["action"]] = LinkAction(r["action"], r["meeting"], r.get("date", "")[:10], r.get("text", ""),
                                               r.get("evidence", ""), r.get("item_title", ""),
                                               order=int(r.get("start") or 0), item_number=r.get("item_number", ""),
                                               graph=r.get("g", ""))
        for o in (r.get("owner_name"), r.get("role")):
            if o and o not in a.owners:
                a.owners.append(o)
        if r.get("due_date"):
            due[a.iri] = r["due_date"][:10]
    sents: dict[str, LinkSentence] = {}
    for r in store.select(get_named("report-sentences").text, {"body": body_iri})[1]:
        if r.get("g") == leave_out or r["passage"] in sents:
            continue
        sents[r["passage"]] = LinkSentence(r["passage"], r["meeting"], r.get("date", "")[:10], r.get("text", ""),
                                           r.get("item_title", ""), r.get("state"),
                                           r.get("report_section") in ("true", "1"), int(r.get("start") or 0))
    for a in acts.values():
        a.owners.sort()
    return sorted(acts.values(), key=lambda a: a.iri), sorted(sents.values(), key=lambda s: s.passage), due


def merge_inputs(parts: list[LinkInputs]) -> LinkInputs:
    """Several graphs' link inputs of one body as one, as `_inputs` reads them from a store
    that holds all of those graphs (an action stated by two graphs is one action, with the
    owners both name)."""
    acts: dict[str, LinkAction] = {}
    sents: dict[str, LinkSentence] = {}
    due: dict[str, str] = {}
    for actions, cands, d in parts:
        for a in actions:
            have = acts.get(a.iri)
            if have is None:
                acts[a.iri] = LinkAction(a.iri, a.meeting, a.date, a.text, a.evidence, a.item_title, list(a.owners),
                                         a.order, a.item_number, a.graph)
            else:
                have.owners.extend(o for o in a.owners if o not in have.owners)
        for c in cands:
            sents.setdefault(c.passage, c)
        due.update(d)
    for a in acts.values():
        a.owners.sort()
    return sorted(acts.values(), key=lambda a: a.iri), sorted(sents.values(), key=lambda s: s.passage), due


def _memory_store(base: str):
    from kg.store import GraphStore
    return GraphStore(None, base=base)


def document_inputs(triples: bytes, graph_iri: str = "", base: str | None = None) -> dict[str, LinkInputs]:
    """The link inputs one document's N-Triples give, per body its meetings name: what
    `_inputs` would read of that document from the store.  Computed where the document is
    built (a worker), so the writer never reads back what it has just written."""
    import pyoxigraph as ox
    from kg.errors import StoreError
    from kg.vocab import DEFAULT_BASE
    doc = _memory_store(base or DEFAULT_BASE)
    g = ox.NamedNode(graph_iri or "urn:govkg:document")
    try:  # parsed by Oxigraph in one call, as the store's bulk load reads it
        doc._store.load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
    except SyntaxError as e:
        raise StoreError(f"invalid N-Triples: {e}") from None
    try:
        return {body: _inputs(doc, body, None) for body in _graph_bodies(doc)}
    finally:
        doc.close()


def _graph_bodies(store) -> list[str]:
    rows = store.select("PREFIX gov: <https://w3id.org/govkg/ontology#> "
                        "SELECT DISTINCT ?b WHERE { GRAPH ?g { ?m a gov:Meeting ; gov:body ?b } }")[1]
    return sorted(r["b"] for r in rows)


# stored graphs copied into one in-memory store at a time (the writer's memory stays flat)
STORED_CHUNK = 64


def body_graphs(store, body_iri: str) -> list[str]:
    """The live document graphs that state a meeting of the body (by the index on gov:body:
    no scan of the store)."""
    import pyoxigraph as ox
    from kg.vocab import GOV
    from rdflib.namespace import RDF
    b, body_p = ox.NamedNode(body_iri), ox.NamedNode(str(GOV.body))
    typ, meeting = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(GOV.Meeting))
    staging = store._staging_prefix()
    out = set()
    for q in store._store.quads_for_pattern(None, body_p, b, None):
        g = q.graph_name
        if not isinstance(g, ox.NamedNode) or g.value.startswith(staging) or g.value in out:
            continue
        if ox.Quad(q.subject, typ, meeting, g) in store._store:
            out.add(g.value)
    return sorted(out)


def stored_inputs(store, body_iri: str, leave_out=frozenset(), kept: StoredInputs | None = None) -> LinkInputs:
    """The body's link inputs from the document graphs `store` holds, without the graphs in
    `leave_out` (an old version being replaced, or documents whose inputs are at hand).
    Each graph is copied into a small in-memory store and read by the same named queries,
    so the cost follows the body's documents, not the whole store.  `kept`: the inputs the
    text index keeps per document, used for every graph it has them for (in step with the
    store), the others read as above and kept there for the next time."""
    graphs = [g for g in body_graphs(store, body_iri) if g not in leave_out]
    if kept is None:
        return _read_graphs(store, body_iri, graphs)
    return kept.inputs(body_iri, graphs)


def _read_graphs(store, body_iri: str, graphs: list[str]) -> LinkInputs:
    import pyoxigraph as ox
    parts = []
    for k in range(0, len(graphs), STORED_CHUNK):
        mem = _memory_store(store.base)
        for g in graphs[k:k + STORED_CHUNK]:
            node = ox.NamedNode(g)
            data = store._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=node)
            mem._store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=node)
        parts.append(_inputs(mem, body_iri, None))
        mem.close()
    return merge_inputs(parts)


def inputs_json(inputs: LinkInputs) -> str:
    """One document's link inputs for one body as JSON text (the text index keeps them)."""
    import json
    actions, cands, due = inputs
    return json.dumps([[[a.iri, a.meeting, a.date, a.text, a.evidence, a.item_title, list(a.owners), a.order,
                         a.item_number, a.graph] for a in actions],
                       [[c.passage, c.meeting, c.date, c.text, c.item_title, c.state, c.report_section, c.order]
                        for c in cands], due], ensure_ascii=False, separators=(",", ":"))


def inputs_from_json(text: str) -> LinkInputs:
    """`inputs_json` read back."""
    import json
    actions, cands, due = json.loads(text)
    return ([LinkAction(*a) for a in actions], [LinkSentence(*c) for c in cands], dict(due))


class StoredInputs:
    """The link inputs of stored documents, from the text index where it keeps them for the
    version of the document the store holds (its record there has the store's content hash),
    else read from the store's graph and kept in the index for the next relink.  Relinking a
    body then costs its documents' rows, not a copy of each of its graphs out of the store
    and the named queries over it (which grew with every meeting the body held)."""

    def __init__(self, store, index):
        self.store = store
        self.index = index

    def inputs(self, body_iri: str, graphs: list[str]) -> LinkInputs:
        shas = {g: self.store.source_hash(g) for g in graphs}
        kept = self.index.links_of(body_iri, {g: sha for g, sha in shas.items() if sha})
        parts = [inputs_from_json(kept[g]) for g in graphs if g in kept]
        missing = [g for g in graphs if g not in kept]
        if missing:
            read = _graph_inputs(self.store, missing)
            parts.extend(per_body[body_iri] for per_body in read.values() if body_iri in per_body)
            self.index.keep_links({g: (shas[g], {b: inputs_json(i) for b, i in read[g].items()})
                                   for g in missing if shas[g]})
        return merge_inputs(parts)

    def prepare(self, body_iri: str, graphs: list[str]) -> dict[str, str] | None:
        """Make the index keep the link inputs of every one of `graphs` for the body (those
        it lacks read from the store now, a document at a time), so a build's worker can
        read them itself (`index_inputs`); graph IRI -> the content hash they are kept
        for, or None where that cannot be (an index in memory, a document it has no record
        of: then the writer reads them, `inputs`)."""
        if self.index.path is None:
            return None
        shas = {g: self.store.source_hash(g) for g in graphs}
        if not all(shas.values()):
            return None
        for g in [g for g in graphs if g not in self.index.links_known(body_iri, shas)]:
            read = _graph_inputs(self.store, [g])
            self.index.keep_links({g: (shas[g], {b: inputs_json(i) for b, i in read[g].items()})})
        if len(self.index.links_known(body_iri, shas)) != len(shas):
            return None
        return shas


def index_inputs(index_file: str, body_iri: str, shas: dict[str, str]) -> LinkInputs:
    """A body's stored documents' link inputs read from the text index file (`StoredInputs.
    prepare` made it keep them for these content hashes), merged as `merge_inputs` does.
    Raises LookupError when the index no longer keeps one of them."""
    from kg import textindex
    parts, seen = [], set()
    for g, data in textindex.links_at(index_file, body_iri, shas):
        if g not in seen:
            seen.add(g)
            parts.append(inputs_from_json(data))
    if len(seen) != len(shas):
        raise LookupError(f"the text index keeps the link inputs of {len(seen)} of {len(shas)} documents")
    return merge_inputs(parts)


def _graph_inputs(store, graphs: list[str]) -> dict[str, dict[str, LinkInputs]]:
    """graph IRI -> its link inputs per body, each graph copied out of the store and read
    as a build's worker reads a document (`document_inputs`)."""
    import pyoxigraph as ox
    out = {}
    for g in graphs:
        data = store._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))
        per_body = document_inputs(data, g, store.base)
        for actions, _c, _d in per_body.values():
            for a in actions:
                a.graph = g
        out[g] = per_body
    return out


class LinkSpool:
    """The link inputs of the documents a build wrote, kept on disk by body until the body
    is relinked at the end of the build (held in memory they would grow with the build)."""

    def __init__(self):
        import tempfile
        self._file = tempfile.TemporaryFile(prefix="govkg-links-")
        self._at: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._graphs: dict[str, set[str]] = defaultdict(set)

    def add(self, graph_iri: str, inputs: dict[str, LinkInputs]) -> None:
        """Keep one document's link inputs (from `document_inputs`), under its graph IRI."""
        import pickle
        for body, (actions, cands, due) in inputs.items():
            for a in actions:
                a.graph = graph_iri
            data = pickle.dumps((actions, cands, due), protocol=pickle.HIGHEST_PROTOCOL)
            self._file.seek(0, 2)
            self._at[body].append((self._file.tell(), len(data)))
            self._file.write(data)
            self._graphs[body].add(graph_iri)

    def graphs(self, body: str) -> set[str]:
        return self._graphs.get(body, set())

    def read(self, body: str) -> list[LinkInputs]:
        import pickle
        out = []
        for at, n in self._at.get(body, ()):
            self._file.seek(at)
            out.append(pickle.loads(self._file.read(n)))
        return out

    def close(self) -> None:
        self._file.close()


def bodies_of(store) -> list[str]:
    """The bodies whose meetings a store holds (IRIs)."""
    rows = store.select("PREFIX gov: <https://w3id.org/govkg/ontology#> "
                        "SELECT DISTINCT ?b WHERE { ?m a gov:Meeting ; gov:body ?b }")[1]
    return sorted(r["b"] for r in rows)


def links_for_document(store, graph_iri: str, triples: bytes, base: str, corrections=None,
                       inputs: dict[str, LinkInputs] | None = None, kept: StoredInputs | None = None):
    """The link graph change that goes with writing a document: (links graph IRI, staging
    IRI, triples, body IRI) for the document's body (GraphStore.replace_graphs_together's
    `links`: the store writes what changed), from the body's meetings in `store` (the document's
    old version left out) plus the new document; None when the body has one meeting only
    and no link graph yet.  `corrections` (kg.corrections.Corrections): report-backs a
    person added, which replace what was read of their sentences.  `inputs`: the new
    document's link inputs when already read (`document_inputs`); `kept`: the stored
    documents' inputs the text index keeps (`StoredInputs`)."""
    from kg.build import build_links, graph_hashed, links_graph_iri, links_staging_iri
    from kg.corrections import apply_report_backs
    from kg.pipeline import ntriples_of
    if inputs is None:
        inputs = document_inputs(triples, graph_iri, base)
    swaps = []
    for body in sorted(inputs):
        actions, cands, due = merge_inputs([stored_inputs(store, body, {graph_iri}, kept), inputs[body]])
        live = links_graph_iri(body, base)
        dates = {a.date for a in actions} | {s.date for s in cands}
        if len(dates) < 2 and not store._store.contains_named_graph(_node(live)):
            continue
        links, corrected = apply_report_backs(link_body(actions, cands), actions, cands, corrections)
        g = build_links(body, links, actions, due, base, frozenset(c.meeting for c in cands), corrected)
        swaps.append((str(live), str(links_staging_iri(body, base)), graph_hashed(str(live), ntriples_of(g)), body))
    return swaps


def relink_body(store, body_iri: str, base: str, corrections=None, spool: LinkSpool | None = None,
                kept: StoredInputs | None = None) -> int:
    """Recompute one body's link graph from what the store holds and write what changed
    (`write_link_changes`); returns how many report-backs it holds.  `spool`: the link
    inputs of documents this build wrote, used instead of reading those graphs back."""
    task = _relink_task(store, body_iri, base, corrections, spool, kept)
    if task is None:
        return 0
    changes = link_changes(task)
    write_link_changes(store, body_iri, base, changes)
    return changes[3]


def _relink_task(store, body_iri: str, base: str, corrections, spool: LinkSpool | None,
                 kept: StoredInputs | None = None, worker: bool = False) -> tuple | None:
    """What computing a body's link changes needs (its link inputs, read here, in the
    writer), or None when the body has nothing to link and no link graph yet.

    Beside the body's inputs it holds those of the stored documents alone (the documents
    its stored link graph was computed from, when that graph is up to date: this build's
    new documents are in the spool) and the stored graph's gov:graphHash ("" for no graph,
    None for one without a hash or left part-way), so `link_changes` can tell what changed
    without the stored graph being read.  For a `worker` (with the text index at hand) the
    task is of "index" form: it holds the stored documents' content hashes instead of their
    inputs, which the worker reads from the index (`index_inputs`); the worker then tells
    whether the body has anything to link."""
    live = _links_iri(body_iri, base)
    folder = str(store.path) if getattr(store, "path", None) is not None else None
    stored = stored_graph_hash(store, str(live))
    if worker and kept is not None and folder is not None:
        # the worker reads the stored documents' inputs from the index: the writer holds
        # a content hash per document, not the body's inputs (which grow with its meetings)
        leave_out = spool.graphs(body_iri) if spool is not None else set()
        shas = kept.prepare(body_iri, [g for g in body_graphs(store, body_iri) if g not in leave_out])
        if shas is not None:
            from kg.textindex import index_path
            new = spool.read(body_iri) if spool is not None else []
            return ("index", body_iri, base, corrections, str(index_path(store)), shas, new, stored, folder,
                    stored != "")
    if spool is None:
        actions, cands, due = stored_inputs(store, body_iri, kept=kept)
        old = None
    else:
        old = stored_inputs(store, body_iri, spool.graphs(body_iri), kept)
        actions, cands, due = merge_inputs([old, *spool.read(body_iri)])
    dates = {a.date for a in actions} | {c.date for c in cands}
    if len(dates) < 2 and not store._store.contains_named_graph(_node(live)):
        return None
    return body_iri, base, actions, cands, due, corrections, old, stored, folder


def stored_graph_hash(store, graph_iri: str) -> str | None:
    """The gov:graphHash a live derived graph states on itself: "" when the store has no
    such graph, None when it has one without a hash (an earlier govkg's, or one a stopped
    build left part-way: `GraphStore.apply_graph_changes`)."""
    import pyoxigraph as ox
    from kg.vocab import GOV
    g = ox.NamedNode(graph_iri)
    if not store._store.contains_named_graph(g):
        return ""
    if next(store._store.quads_for_pattern(g, ox.NamedNode(str(GOV.linksPending)), None, g), None) is not None:
        return None
    for q in store._store.quads_for_pattern(g, ox.NamedNode(str(GOV.graphHash)), None, g):
        return q.object.value
    return None


def _graph_lines(body_iri: str, base: str, actions, cands, due, corrections) -> tuple[list[bytes], str, int]:
    """A body's link graph from its inputs: its N-Triples lines sorted, their hash (as
    kg.build.graph_hashed states it) and how many report-backs it holds."""
    from kg.build import build_links, graph_lines
    from kg.corrections import apply_report_backs
    from kg.pipeline import ntriples_of
    links, corrected = apply_report_backs(link_body(actions, cands), actions, cands, corrections)
    g = build_links(body_iri, links, actions, due, base, frozenset(c.meeting for c in cands), corrected)
    lines, digest = graph_lines(ntriples_of(g))
    return lines, digest, len(links)


# A body's link changes: (N-Triples to add, N-Triples to remove, whether the first is the
# whole graph with the stored one not known (the writer compares them), report-backs).
LinkChanges = tuple[bytes, bytes, bool, int]


def link_changes(task: tuple) -> LinkChanges:
    """What a body's link graph gains and loses, from its `_relink_task`: a pure function of
    it that touches no store, so a build's workers compute it while the writer writes.

    The stored graph is known without the writer reading it: its hash (in the task) is
    that of the graph in the snapshot the writer published for readers before it changed
    anything (read here, a reader's copy, kg.store), or else of the graph the stored
    documents' inputs give (computed here, as the new one is).  The change is the
    difference of the two; the writer writes only that (a few report-backs and states when
    a meeting is added) and holds no more of the graph than changed.  Otherwise (a graph
    from an earlier govkg, or left part-way) the whole new graph is handed over, to be
    compared with the stored one by the writer."""
    from kg.build import hash_line
    if task[0] == "index":
        _kind, body_iri, base, corrections, index_file, shas, new_parts, stored, folder, has_graph = task
        old = index_inputs(index_file, body_iri, shas)
        actions, cands, due = merge_inputs([old, *new_parts])
        if len({a.date for a in actions} | {c.date for c in cands}) < 2 and not has_graph:
            return b"", b"", False, 0  # one meeting date and no links yet: nothing to link
        task = (body_iri, base, actions, cands, due, corrections, old, stored, folder)
    body_iri, base, actions, cands, due, corrections, old, stored, folder = task
    live = str(_links_iri(body_iri, base))
    lines, digest, n = _graph_lines(body_iri, base, actions, cands, due, corrections)
    if stored == digest:
        return b"", b"", False, n
    new_hash = hash_line(live, digest)
    if stored == "":  # no graph yet: all of it is new
        return b"\n".join(lines) + b"\n" + new_hash, b"", False, n
    old_lines = None
    if stored is not None and folder is not None:
        old_lines = _snapshot_lines(folder, live, stored)
    if old_lines is None and stored is not None and old is not None:
        old_lines, old_digest, _n = _graph_lines(body_iri, base, *old, corrections)
        if old_digest != stored:
            old_lines = None
    if old_lines is None:
        return b"\n".join(lines) + b"\n" + new_hash, b"", True, n
    was, now = set(old_lines), set(lines)
    added = b"".join(line + b"\n" for line in lines if line not in was)
    removed = b"".join(line + b"\n" for line in old_lines if line not in now)
    return added + new_hash, removed + hash_line(live, stored), False, n


def _snapshot_lines(folder: str, graph_iri: str, stored: str) -> list[bytes] | None:
    """The N-Triples lines (its hash's left out) of a derived graph as a reader of the
    store at `folder` sees it (during a build, the writer's published snapshot), if it
    states the hash `stored`; else None."""
    import pyoxigraph as ox
    from kg.build import graph_lines
    from kg.errors import GovkgError
    from kg.store import GraphStore
    try:
        with GraphStore(folder, read_only=True) as st:
            if stored_graph_hash(st, graph_iri) != stored:
                return None
            data = st._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))
    except (GovkgError, OSError, RuntimeError):
        return None
    lines, digest = graph_lines(b"\n".join(line for line in data.splitlines() if b"#graphHash>" not in line))
    # the hash checked once more on what was read: a graph is only trusted whole
    return lines if digest == stored else None


def _links_iri(body_iri: str, base: str):
    from kg.build import links_graph_iri
    return links_graph_iri(body_iri, base)


def write_link_changes(store, body_iri: str, base: str, changes: LinkChanges) -> None:
    """Write a body's link changes (`link_changes`) into the store: only what changed, a
    bounded number of triples a transaction (`GraphStore.apply_graph_changes`)."""
    from kg.build import links_staging_iri
    added, removed, whole, _n = changes
    live, staging = str(_links_iri(body_iri, base)), str(links_staging_iri(body_iri, base))
    if whole:
        store.replace_graph_changes(live, staging, added, pending=body_iri)
    elif added or removed:
        store.apply_graph_changes(live, staging, added, removed, pending=body_iri)


_BODY_PREDICATE = b"<https://w3id.org/govkg/ontology#body>"


def bodies_in(triples: bytes) -> set[str]:
    """The bodies a document's N-Triples name for its meetings."""
    out = set()
    for line in triples.splitlines():
        if _BODY_PREDICATE in line:
            obj = line.split(_BODY_PREDICATE, 1)[1].strip().rstrip(b".").strip()
            if obj.startswith(b"<") and obj.endswith(b">"):
                out.add(obj[1:-1].decode("utf-8"))
    return out


STALE = """PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?b WHERE {
  ?m a gov:Meeting ; gov:body ?b ; dcterms:date ?d .
  FILTER NOT EXISTS { ?b gov:linkedMeeting ?m }
  ?m2 a gov:Meeting ; gov:body ?b ; dcterms:date ?d2 .
  FILTER(?d2 != ?d)
}"""


def relink_stale(store, base: str, bodies: set[str] = frozenset(), corrections=None,
                 spool: LinkSpool | None = None, pool=None, kept: StoredInputs | None = None) -> list[str]:
    """Relink `bodies` and every body with a dated meeting its links were not computed
    from (left so by a build stopped before its end); returns the bodies relinked.
    `corrections`: report-backs a person added (kg.corrections); `spool`: the link inputs
    of the documents this build wrote (`LinkSpool`); `pool`: an executor whose workers
    compute the bodies' link changes (`link_changes`) while this process reads the next
    body's inputs and writes each body's changes, in body order.  `kept`: the stored
    documents' inputs the text index keeps (`StoredInputs`).  A body whose link graph a
    stopped build left part-way (`GraphStore.pending_graphs`) is relinked too."""
    todo = sorted(set(bodies) | {r["b"] for r in store.select(STALE)[1]} | set(store.pending_graphs().values()))
    if pool is None:
        for body in todo:
            relink_body(store, body, base, corrections, spool, kept)
        return todo
    from collections import deque
    window = 2 * max(1, getattr(pool, "_max_workers", 1))  # bodies' inputs in flight at once
    pending: deque = deque()

    def write_next() -> None:
        body, task, fut = pending.popleft()
        try:
            changes = fut.result()
        except Exception:  # noqa: BLE001 - a worker that died, or an index that no longer
            # keeps what it was sent to read: the writer links the body itself
            task = _relink_task(store, body, base, corrections, spool, kept)
            if task is None:
                return
            changes = link_changes(task)
        write_link_changes(store, body, base, changes)

    for body in todo:
        task = _relink_task(store, body, base, corrections, spool, kept, worker=True)
        if task is None:
            continue
        try:
            fut = pool.submit(link_changes, task)
        except Exception:  # noqa: BLE001 - a broken pool: linked here, as without one
            fut = None
        if fut is None:
            write_link_changes(store, body, base, link_changes(task))
            continue
        pending.append((body, task, fut))
        while len(pending) >= window:
            write_next()
    while pending:
        write_next()
    return todo


def _node(iri):
    import pyoxigraph as ox
    return ox.NamedNode(str(iri))
