"""Decisions: what the body resolved, agreed, approved or rejected, and how the vote went.

Each rule is a pattern of minute-writing, named and explained where it is defined.  None
names a person, body or phrase of any one document."""
from __future__ import annotations

import dataclasses
import re

from kg.extract.grammar import Doc, subject_at, subject_starts
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Decision, Evidence
from kg.rxfilter import guarded

DECISION_VERB = r"resolved|agreed|approved|decided|endorsed|adopted|ratified|accepted"
PASSIVE_DECISION = re.compile(
    rf"\b(?:it|It)\s+(?:was|is|has\s+been)\s+(?:also\s+|further\s+|therefore\s+|then\s+)?(?:unanimously\s+|"
    rf"formally\s+)?(?P<verb>(?i:{DECISION_VERB}))\b(?:\s+by\s+(?:the\s+)?[A-Z][\w]*(?:\s+[A-Z][\w]*){{0,4}}\b)?\s*[:\-–]?\s*(?:that|to)?\s*:?\s*"
    r"|\b(?:were|was)\s+(?:unanimously\s+|duly\s+|also\s+)?(?P<verb2>(?i:agreed|approved|adopted|ratified|endorsed|"
    r"resolved|accepted))\b(?!\s+(?:that|with))")
BODY_DECISION = re.compile(rf"^(?:\s*|.*?,\s*(?:and|but)\s+|.*?\s(?:and|but)\s+(?:also\s+)?)"
                           rf"(?:also\s+|further\s+|then\s+|therefore\s+|unanimously\s+)*"
                           rf"(?P<verb>(?i:{DECISION_VERB}|noted|supported|deferred|ratified|"
                           rf"voted|welcomed\s+and\s+noted))\b")
# Members agreeing to a governance act decide; agreeing to a task ("email the Clerk") is an action
GOVERNANCE_VERBS = (r"adopt|approve|defer|accept|release|note|endorse|ratify|buy|purchase|grant|award|spend|budget|"
                    r"increase|reduce|renew|appoint|co-opt|support|allocate|fund|set|proceed|object|refer|"
                    r"recommend|delegate|receive|reject|decline|withdraw|confirm|continue|amend|pay|donate|"
                    r"install|remove|replace|retain|change|keep|include|hold|move|make")
LABEL_DECISION = re.compile(r"^(?:\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s+)?\**_?(?:RESOLVED|Resolved|AGREED|DECISION|DECIDED|"
                            r"Decision|Agreed)\b_?\**"
                            # "Decision made that the Parent Council would fund ...": the label, then what was decided
                            r"(?:\s+(?:also\s+)?(?:was\s+)?(?:made|taken)(?=\s+that\b))?"
                            r"\s*[:.\-–—]?\s*\**(?:[Tt]hat\s*:?\s*)?")
# "Christmas tree: agreed to buy a tree", "- Resolved to object": the body, unnamed
SUBJECTLESS_DECISION = guarded(re.compile(r"(?:^|[:;–—]\s*|^\s*[-•*]\s*|\s[-–—]\s+)\**(?P<verb>[Aa]greed|AGREED|[Rr]esolved|RESOLVED|"
                                          r"[Aa]pproved|APPROVED|[Nn]oted|NOTED)\**\s+(?:to|that|unanimously)\b"
                                          # "- Payments approved: ...", "Accounts noted."
                                          r"|^\s*[-•*]?\s*\**[A-Z][\w’' ]{2,40}?\s+(?P<verb2>approved|agreed|noted|adopted|accepted|"
                                          r"endorsed|ratified)\**\s*[:.–—-]"))
# "Approval of minutes: Approved and signed as correct.", "Circulated, approved & signed",
# "Minutes approved and signed.", "... (Ch. No. 300114) – all approved.": the body, unnamed,
# approving what the item put to it
APPROVED_SHORT = guarded(re.compile(r"(?:^|[:;,]\s*|\s[-–—]\s*)(?:[A-Z][\w’' ]{2,30}?\s+)?(?:all\s+)?(?P<verb>[Aa]pproved|[Cc]onfirmed|"
                                    r"[Aa]ccepted)(?:\s*(?:and|&)\s+signed\b|\s+for\s+payment\b|\s*\.?\s*$)"))
# "All Cllrs were happy with this.", "The Board were in agreement and ...": the members consenting
CONSENT = guarded(re.compile(r"(?:^|:\s+|\band\s+)(?:[Ii]f\s+so,?\s+)?(?:[Aa]ll\s+)?(?:the\s+|The\s+)?(?:Cllrs|Councillors|Members|Trustees|Governors|"
                             r"Directors|Board|Council|Committee)\s+(?:were|was)\s+(?:all\s+)?(?:happy|content|in\s+agreement)\b"
                             r"(?!\s+to\b)"))
# "Cllr A was proposed and agreed to take on the post.", "DO elected to continue in this role.":
# a member taking on, or keeping, an office of the body is an appointment the body makes
APPOINTMENT = guarded(re.compile(r"\b(?:agreed|elected|volunteered|consented)\s+to\s+(?:take\s+on|continue\s+(?:in|as)|remain\s+(?:in|as)|"
                                 r"serve\s+as|act\s+as|stand\s+as)\s+(?:the\s+|this\s+|that\s+|his\s+|her\s+)?"
                                 r"(?:[\w&/’'-]+\s+){0,4}?(?:role|post|position|office)\b"))
# "8. Jo Bright was appointed Independent Examiner for the next year", "The following members were
# elected as Committee for 2025/26:", "... and were elected unopposed", "the Chair declared that Mr A
# and Mr B had been duly elected": the meeting filling an office is a decision of the body.  The
# election is the sentence's own clause: a report of another body's ("their AGM was held in May
# and their chair was re-elected") or of an office filled already ("a new clerk has been appointed")
# is not this meeting's.
ELECTED = guarded(re.compile(r"\b(?:was|were)\s+(?:also\s+|duly\s+|unanimously\s+|then\s+)*(?:re-?elected|elected|appointed|"
                             r"co-opted)\b(?!\s+(?:by|at|in|on)\s+(?:the\s+|a\s+|an\s+)?(?:last|previous|\d|[A-Z][a-z]+\s+(?:AGM|meeting)))"))
DECLARED_ELECTED = guarded(re.compile(r"\bdeclared\b[^.;]{0,120}?\b(?:had\s+been\s+|were\s+|was\s+|to\s+be\s+)?(?:duly\s+)?"
                                      r"(?:re-?)?elected\b|\b(?:were|was)\s+declared\s+(?:duly\s+)?(?:re-?)?elected\b"))
# a finite verb before the election: the election is not the sentence's main clause
CLAUSE_BEFORE = re.compile(r"\b(?:was|were|is|are|has|have|had|held|said|reported|noted|who|which|that)\b", re.I)
# "All agreed that the large banner needs to be installed.", "All agreed to approve the paperwork as
# circulated.", "All present agreed a Christmas tea party": everyone at the meeting agreeing is the
# body deciding (not "All agreed." alone, the vote on a motion, nor "All agreed with Cllr A", an opinion)
ALL_AGREED = re.compile(r"^\W*(?:(?:Also|Then|It\s+was)\s+)?(?:[Aa]ll|Everyone|Everybody)\s+(?:present\s+|members\s+|trustees\s+|"
                        r"councillors\s+)?(?:were\s+)?(?:also\s+)?agreed\s+(?!with\b|motion\b|[Mm]otion\s+passed)"
                        r"(?=\w[^.]{8,})", re.I)
# "The minutes were amended to delete an inaccuracy and then accepted as a true and accurate record",
# "The minutes ... were checked for accuracy and content, agreed as a true record of the meeting and
# signed by the Chair": the minutes approved, whatever else the sentence says was done to them
TRUE_RECORD = guarded(re.compile(r"\b(?:agreed|accepted|approved|adopted|confirmed|signed|taken)\s+as\s+(?:being\s+)?an?\s+"
                                 r"(?:true|correct|accurate|fair)(?:\s+and\s+(?:accurate|correct|true))?\s+(?:record|account)\b", re.I))
# "DM/2025/0123 Mill House, rear extension. No objections.", "... repair works – No objections":
# the body's answer to a planning application or consultation put to it
# A list of applications, one a line, each closes on its own answer.
NO_OBJECTION = re.compile(r"(?:^|[.;:]\s+|\s[-–—]\s*|\s(?=NO\s))(?i:no)\s+(?i:objections?|comments?|observations?)"
                          r"(?:\s*[,;]\s*(?:approval|support)\s+recommended)?\s*[.!]?[ \t]*(?=\n|$)")
VOTES_ONLY = re.compile(r"^\s*\(?(?:(?:For|Against|Abstain(?:ed|tions?)?|In\s+favour)\s*:?\s*\d+[,;.]?\s*){1,3}\)?\s*$", re.I)
# "On being put to the vote the amendment was LOST": what was proposed was not decided
LOST = guarded(re.compile(r"\b(?:was|were)\s+(?:LOST|lost|defeated|not\s+carried|withdrawn)\b|\bthe\s+motion\s+fell\b|"
                          # "Motion Failed (2 to 3)", a council's record of the vote
                          r"\b(?:motion|amendment|resolution)\s+(?:failed|lost|defeated)\b", re.I))
# (a name's initials keep their stops: "Proposed by K. Dalton-Aram, seconded by M. Down.")
_NOT_STOP = r"(?:[^.]|(?<=\b[A-Z])\.)"
PROPOSAL_ONLY = re.compile(rf"^\s*\(?(?:Proposed|Moved)\b{_NOT_STOP}{{0,80}}?\bseconded\b{_NOT_STOP}{{0,120}}?\.?\)?\s*$", re.I)
AGREED_THAT_WOULD = guarded(re.compile(r"\b(?:[Ii]t\s+was\s+(?:also\s+)?agreed|(?:[Mm]embers|[Cc]ouncillors|[Gg]overnors|"
                                       r"the\s+\w+)\s+agreed)\s+that\s+"))
# "it was agreed that the Clerk, Jo Bright, would ...": the subject's apposition before its verb
SUBJECT_APPOSITION = r"(?:\s+(?:of|for)\s+[^,.;]{1,50}?)?(?:\s*,\s*[^,.;]{1,60}?){0,2}(?:\s*,)?"
# ("A was nominated by B and seconded by C", "re-appointed as a governor nominated by B, seconded by
# C": an election's nomination is its motion)
PROPOSAL = guarded(re.compile(r"\bproposed\b.*?\bseconded\b|\bseconded\b.*?\bproposed\b|\bmoved\b.*?\bseconded\b|"
                              r"\bnominated\s+by\b.*?\bseconded\b|"
                              r"\b(?:moved|motion)\b.*?\bsupported\s+by\b|\bmotion\s+(?:made\s+)?by\b[^.;]{0,60}?\bseconded\s+by\b|\bmoved\s+and\b.{1,40}?\bsupported\b", re.I | re.S))
# "The Code of Conduct was reviewed and agreed at the Governance meeting in February", "as agreed at
# the December meeting", "until approved at the next meeting": a decision another meeting made (or
# is to make), recalled here, not this meeting's
# "The two nominations were approved at a Special Meeting of the Council on 19th December", "at a
# Special Meeting of the Council held on 19th December, the membership was approved", "following the
# recent Staffing Committee meeting where three new policies were agreed": the same, the meeting named
# by its article or before the decision
OTHER_MEETING = re.compile(r"\b(?i:agreed|approved|adopted|resolved|ratified|decided)\s+at\s+(?:the|an?)\s+"
                           r"(?:(?:[A-Z][\w&’'-]*|and|of|(?i:next|following|last|previous|special|recent))\s+){1,5}"
                           r"(?i:meeting)\b"
                           r"|\b(?:[Aa]t|[Ff]ollowing|[Aa]fter)\s+(?:the|an?)\s+(?:(?:[A-Z][\w&’'-]*|and|of|(?i:last|previous|"
                           r"special|recent))\s+){1,5}(?i:meeting)\b[^.;]{0,80}?(?:\bwhere\b|\bat\s+which\b|\bheld\b[^.;]{0,60}?,)"
                           r"[^.;]{0,80}?\b(?:was|were)\s+(?:\w+\s+){0,2}?(?:agreed|approved|adopted|resolved|ratified|decided)\b")
PAST_NARRATIVE = re.compile(r"\b(?:had\s+been\s+(?:agreed|approved|resolved|decided)|ago|previously|"
                            r"at\s+the\s+(?:last|previous)\s+meeting)\b", re.I)
QUESTION_AGREED = re.compile(r"\basked\s+(?:if|whether)\b.*\band\s+it\s+was\s+agreed\b", re.I)
# "He asked if TCC were happy for him to look further into it and they confirmed they were.",
# "Cllr A asked if TCC wanted her to forward it on. This they were happy for her to do.", "Ali
# asked if we could agree to the purchase of cycle maps ... AGREED": a member puts a question
# to the body for its consent and the body gives it; the body decides.  (A question about a
# matter, "asked if Public Health should be included", answered "it was agreed that they should
# be", settles the detail of a decision recorded elsewhere: QUESTION_AGREED.)
ASKED_CONSENT = guarded(re.compile(r"\basked\s+(?:if|whether)\s+(?:the\s+)?(?:[A-Z]{2,6}|we|they|[Mm]embers|[Cc]ouncillors|"
                                   r"Cllrs|[Tt]rustees|[Gg]overnors|[Dd]irectors|Council|Board|Committee|everyone|all)\s+"
                                   r"(?:(?:were|was|would\s+be)\s+(?:all\s+)?(?:happy|content|willing|agreeable|in\s+agreement)|"
                                   r"(?:could|would)\s+agree|agreed|wanted|wished)\b"))
ASKED = guarded(re.compile(r"\basked\s+(?:if|whether)\b"))
# the body's answer in the same sentence: "... and they confirmed they were", "... and all agreed"
CONSENT_GIVEN = re.compile(r"\b(?:and|,)\s+(?:they|all|members|[Cc]ouncillors|[Tt]rustees)\s+(?:(?:all\s+)?(?:confirmed|agreed)\b|"
                           r"were\s+(?:all\s+)?(?:happy|content|in\s+agreement)\b)")
# the answer as a sentence of its own: "AGREED", "All agreed.", "This they were happy for her to do."
BARE_ASSENT = re.compile(r"^\s*(?:AGREED|Agreed|All\s+agreed|This\s+was\s+agreed|They\s+(?:all\s+)?(?:confirmed|agreed)(?:\s+they\s+were)?|"
                         r"(?:This|That)\s+they\s+were\s+(?:all\s+)?(?:happy|content)(?:\s+(?:for\s+\w+\s+)?to\s+do)?|"
                         r"They\s+were\s+(?:all\s+)?(?:happy|content)\s+(?:for\s+\w+\s+)?to\s+do\s+(?:this|so))\s*[.!]?\s*$")
NUMBER_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "all": None}


def decision_of(sent: Sent, doc: Doc, people_after: callable) -> Decision | None:
    """A decision the sentence records, or None.

    Decisions are what the body resolves: 'It was resolved/agreed that...', 'The Board
    agreed/noted...', 'RESOLVED: ...', a proposal that was seconded and voted, a passive
    'The minutes were approved'.  Not: an individual agreeing (that is an action or a
    statement), a consensus answer to a question, or a past agreement being recalled.
    """
    t = sent.text
    if ASKED_CONSENT.search(t) and CONSENT_GIVEN.search(t, ASKED_CONSENT.search(t).end()):
        return Decision(text=" ".join(t.split()), evidence=sent.evidence, item_index=sent.item_index, kind="agreed")
    if QUESTION_AGREED.search(t):
        return None
    kind = None
    text = None
    if PROPOSAL.search(t) and not re.match(r"\W*(?:Should|If|Unless|Once)\b", t):  # "Should the motion be seconded, ..."
        kind, text = "approved", t
        # "It was proposed by A, seconded by B and RESOLVED that X": the decision is X
        # ("... that in future all agreed minutes are stored": not the verb)
        cut = re.search(r"(?:\band|,|\bwas|\bwere|\bit\s+was)\s+(?:RESOLVED|resolved|AGREED|agreed|carried)\b\s*(?:that\s+)?", t)
        if cut and len(t) - cut.end() > 12:
            text = t[cut.end():]
    else:
        m = LABEL_DECISION.match(t)
        if m and len(t) > m.end():
            kind, text = "resolved", t[m.end():]
        elif _RX_RESOLVED_ALONE.fullmatch(t.strip()):
            kind, text = "resolved", t
    if kind is None:
        if PAST_NARRATIVE.search(t) or OTHER_MEETING.search(t):
            return None
        that = AGREED_THAT_WOULD.search(t)
        if that:
            subj = subject_at(sent, that.end(), doc)
            if subj is not None and subj.kind in ("person", "post") and re.match(
                    SUBJECT_APPOSITION + r"\s*(?:would|will|should|is\s+to|was\s+to)\b", t[subj.end:]):
                return None  # "it was agreed that Y would ...": Y's action, not a decision of the body
        m = PASSIVE_DECISION.search(t)
        if ALL_AGREED.match(t):
            kind, text = "agreed", t
        elif m:
            # "X were agreed" needs a subject that is not a person ("the minutes were agreed")
            verb = m.group("verb") or m.group("verb2")
            if m.group("verb2") and re.search(r"\b(?:who|which)\s*$", t[:m.start()]):
                return None
            if m.group("verb") and not t[m.end():].strip(" :.-–—"):
                return None  # "It was resolved that:" opening a list of what was resolved
            kind = "agreed" if verb == "agreed" else "resolved" if verb == "resolved" else "approved"
            text = t[m.end():].strip() if m.group("verb") and len(t) - m.end() > 12 else t
        else:
            sm = SUBJECTLESS_DECISION.search(t)
            if sm:
                kind, text = (sm.group("verb") or sm.group("verb2")).lower(), t
            for rel in ([] if sm else subject_starts(sent)):
                subj = subject_at(sent, rel, doc)
                if subj is not None and subj.kind in ("body", "collective"):
                    bm = BODY_DECISION.match(t[subj.end:])
                    # "Members noted that she had worked in six authorities": what they heard, as
                    # "It was noted that ..." is; "The Council noted the audit report" receives it
                    if bm and bm.group("verb").lower() == "noted" and re.match(r"\s+that\b", t[subj.end + bm.end():]):
                        rest = t[subj.end + bm.end():]
                        later = re.search(rf"\b(?:and|but)\s+(?:also\s+)?(?P<verb>{DECISION_VERB})\b", rest)
                        if later is None or (subj.kind == "collective" and _agreed_to_task(rest[later.start("verb"):])):
                            continue  # ... unless they go on to decide
                        kind, text = later.group("verb").lower(), t
                        break
                    if bm and not (subj.kind == "collective" and _agreed_to_task(t[subj.end:])):
                        kind = bm.group("verb").lower().split()[0]
                        text = t
                        break
    if kind is None and APPOINTMENT.search(t):
        kind, text = "agreed", t
    if kind is None and _elected(t):
        kind, text = "approved", t
    if kind is None and TRUE_RECORD.search(t) and not re.search(r"\b(?:not|until|if|once)\b", t[:TRUE_RECORD.search(t).start()]):
        kind, text = "approved", t
    if kind is None:
        short = APPROVED_SHORT.search(t)
        if short or CONSENT.search(t):
            kind, text = ("approved" if short and short.group("verb").lower() != "confirmed" else "agreed"), t
    if kind is None or text is None:
        return None
    text = text.strip().rstrip(":").strip()
    if not text or text.endswith("following decisions") or re.search(r"\bfollowing\s*:?$", text):
        return None
    if re.fullmatch(r"(?:that|to|as\s+follows|the\s+following)\s*[:\-–—]?", text, re.I):
        return None  # "RESOLVED – That" opening a list of numbered parts
    d = Decision(text=" ".join(text.split()), evidence=sent.evidence, item_index=sent.item_index,
                 kind="rejected" if LOST.search(t) else kind)
    _votes(t, d, people_after)
    return d


def _elected(t: str) -> bool:
    """'Jo Bright was appointed Independent Examiner', 'were elected unopposed', 'declared duly
    elected': the meeting filling an office, in the sentence's own clause."""
    if DECLARED_ELECTED.search(t):
        return True
    m = ELECTED.search(t)
    if not m or re.search(r"\bnot\b", t[:m.end()]):
        return False
    before = t[:m.start()]
    # "The current officers are all willing to continue, and were elected unopposed": the
    # subject is the clause's before "and", whose own verb does not count
    return bool(re.search(r",?\s+and\s*$", before)) or not CLAUSE_BEFORE.search(before)


def _agreed_to_task(rest: str) -> bool:
    """'agreed to email the Clerk' is a task for the members; 'agreed to defer' decides."""
    # a split infinitive ("agreed to personally fund", "to only open") is read past its adverb
    m = re.match(r"\s*(?:also\s+|further\s+)?agreed\s+to\s+(?:(?:\w+ly|only)\s+)?(\w+)", rest, re.I)
    # "All Cllrs agreed to this proposal": a noun after "to" is what they assent to, no task
    return bool(m) and not re.fullmatch(GOVERNANCE_VERBS, m.group(1).lower()) \
        and not re.fullmatch(r"the|this|that|these|those|his|her|their|its|our|such|an?", m.group(1).lower())


def votes_of(t: str, d: Decision, people_after) -> None:
    """Proposer, seconder and votes, where the sentence gives them."""
    _votes(t, d, people_after)


# "Proposed PE Seconded SH to accept the accounts", "which was seconded Cllr Janet Taylor",
# "Proposed: Sylvia Knights": the mover named straight after the word, without "by";
# "NB Proposed JR Seconded that ...", "Cllr Jim McNeill seconded": named straight before it
# (a post written as a title before the name, as North American minutes write it: "by Treasurer
# Bill Halbower", "by Councilperson Beavers", "by Commissioner Fish")
_NAMED_NEXT = re.compile(r"\s*:?\s*(?:the\s+)?(?:(?:Cllr|Councillor|Director|Trustee|Mr|Mrs|Ms|Miss|Dr|Treasurer|Clerk|"
                         r"Secretary|Supervisor|Council(?:person|member|man|woman)|Commissioner|Mayor|Alderman|President|"
                         # "MOVED by Chairperson BM Steele, seconded by Member TP Grace:" (New Zealand local boards)
                         r"(?:Deputy\s+)?Chairperson|Member)\.?\s+)?")


def _named_next(t: str, m: re.Match, people_after):
    """The person named straight after the word m matched, if any."""
    gap = _NAMED_NEXT.match(t, m.end())
    return people_after(m.end(), before=gap.end() + 1)


def _named_before(t: str, m: re.Match, people_after):
    """The person whose name ends straight before the word m matched, if any."""
    head = t[:m.start()].rstrip(" ,")
    lo, last = max(0, len(head) - 40), None
    ref = people_after(lo, before=m.start())
    while ref is not None:
        pos = t.find(ref.surface, lo, m.start())
        if pos < 0:
            break
        last, lo = ref, pos + 1
        ref = people_after(lo, before=m.start())
    return last if last is not None and head.endswith(last.surface) else None


def _without_vote_word(ref):
    """A name read on into a vote's own word ("Cllr Jim Proposed, seconded ...", "Proposed
    Cllr A Seconded Cllr B") without that word."""
    if ref is None:
        return None
    cut = re.sub(r"(?:\s+(?i:proposed|seconded|moved))+$", "", ref.surface)
    return ref if cut == ref.surface or not cut else dataclasses.replace(ref, surface=cut)


# "7 for 2 abstentions", "Motion passed 5 for 3 against": a tally, number first, with "for" for
# "in favour" (as "six were in favour, one abstained" has it); only where the count is followed by
# the tally's other counts or ends its clause, so "$1,335,331 for 2024" and "5 for standard
# items" are no votes
_WORDS = "|".join(w for w in NUMBER_WORDS if NUMBER_WORDS[w])
BY_VOTES_TO = guarded(re.compile(rf"\bby\s+(\d+|{_WORDS})\s+votes?\s*,?\s+to\s+(\d+|{_WORDS})\b(?!\s*(?:%|per\s*cent|years?))", re.I))
FOR_TALLY = guarded(re.compile(rf"(?<![£$€\d,.])\b(\d+|{_WORDS})\s+(?:votes?\s+)?(?:were\s+)?for\b"
                               rf"(?=\s*(?:[,;.)]|$|,?\s*(?:and\s+)?(?:\d+|{_WORDS}|none|no)\s+(?:votes?\s+)?"
                               r"(?:were\s+)?(?:against|abstain|abstentions?)\b))", re.I))


# The mover of a motion written in a sentence, as North American boards write it: "Moved by
# Commissioner A and seconded by Commissioner B", "A motion to accept the minutes was made by A
# and supported by B", "Motion to go into closed session ..., by Trustee A, supported by Clerk B",
# "A moved and B supported to approve the budget"; "supported" seconds a motion there
MOTION_WORD = re.compile(r"\b(?:moved|motion(?:ed)?)\b", re.I)
# ("MOVED: Cr Barnes SECONDED: Cr Bethel CARRIED", "MOVED: COUNCILLOR A SECONDED: COUNCILLOR B": a form's labels)
MOVED_BY = re.compile(r"\bmoved\s+by(?:\s*:)?\s+|\bMOVED\s*:\s*|\bmotion(?:ed)?\b[^;]{0,200}?(?<!seconded)(?<!supported)\s+by\s+", re.I)
MOVED = re.compile(r"\bmoved\b", re.I)
SUPPORTED_BY = re.compile(r"\bsupported\s+by\s+", re.I)
SUPPORTED = re.compile(r"\bsupported\b", re.I)


def _mover(t: str, people_after):
    """Who moved the motion a sentence records, where it names them."""
    m = MOVED_BY.search(t)
    if m:
        second = re.search(r"\b(?:seconded|supported)\b", t[:m.end()], re.I)
        if second is None:
            return _named_next(t, m, people_after)
    m = MOVED.search(t)
    return _named_before(t, m, people_after) if m else None


def _votes(t: str, d: Decision, found) -> None:
    def people_after(*a, **k):
        return _without_vote_word(found(*a, **k))

    # "Proposed by NB seconded by RP" opens its sentence as often as it follows a name
    # the name straight after "by": a name the reader missed ("Cllr\nHayward") is not the next one
    # "Proposed by: Cllr A   Seconded by: Cllr B", a form's two labels on one line
    m = re.search(r"\bproposed\b[^,.;:]*?\bby(?:\s*:)?\s+", t, re.I) or re.search(r"\bnominated\s+by\s+(?=[^.;]*\bseconded\b)", t, re.I)
    if m:
        d.proposer = _named_next(t, m, people_after)
    else:
        m = re.search(r"\bproposed\b", t, re.I)
        if m:
            # anyone earlier in the sentence only for the verb ("Cllr A, having read the report,
            # proposed ..."), not a heading's adjective ("Proposed rear extension")
            d.proposer = (_named_before(t, m, people_after) or _named_next(t, m, people_after)
                          or (people_after(0, before=m.start()) if m.group(0) == "proposed" else None))
    if d.proposer is None:
        d.proposer = _mover(t, people_after)
    m = re.search(r"\bseconded\s+by(?:\s*:)?\s+", t, re.I) or (MOTION_WORD.search(t) and SUPPORTED_BY.search(t)) \
        or None
    if m:
        d.seconder = _named_next(t, m, people_after)
    else:
        m = re.search(r"\bseconded\b", t, re.I) or (re.search(r"\bmoved\s+and\b", t, re.I) and SUPPORTED.search(t)) \
            or None
        if m:
            d.seconder = _named_next(t, m, people_after) or _named_before(t, m, people_after) or d.seconder
    m = re.search(r"\b(\w+)\s+(?:were\s+|was\s+|votes?\s+)?in\s+favour", t, re.I)
    if m:
        n = NUMBER_WORDS.get(m.group(1).lower(), int(m.group(1)) if m.group(1).isdigit() else None)
        if m.group(1).lower() == "all":
            d.unanimous = True
        elif n is not None:
            d.votes_for = n
    # "was elected as Convener by 13 votes to 7", "declared as an accurate record by 24 votes, to 10
    # votes": the tally of a vote, those for first
    m = BY_VOTES_TO.search(t)
    if m and d.votes_for is None and d.votes_against is None:
        d.votes_for, d.votes_against = (int(g) if g.isdigit() else NUMBER_WORDS[g.lower()] for g in m.groups())
    if d.votes_for is None:
        m = FOR_TALLY.search(t)
        if m:
            d.votes_for = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    m = re.search(r"\b(\w+)\s+(?:were\s+)?against\b", t, re.I)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUMBER_WORDS):
        d.votes_against = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    m = re.search(r"\b(\w+)\s+(?:abstained|abstentions?)\b", t, re.I)
    if m and (m.group(1).isdigit() or m.group(1).lower() in NUMBER_WORDS):
        d.abstentions = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    # "For 7, Against 2, Abstain 1" as a town clerk records a vote
    for attr, rx in (("votes_for", r"\bFor\s*:?\s*(\d+)"), ("votes_against", r"\bAgainst\s*:?\s*(\d+)"),
                     ("abstentions", r"\bAbstain(?:ed|tions?)?\s*:?\s*(\d+)")):
        m = re.search(rx, t)
        if m and getattr(d, attr) is None:
            setattr(d, attr, int(m.group(1)))
    if re.search(r"\bunanimous(?:ly)?\b|\bnem\.?\s*con\b", t, re.I):
        d.unanimous = True


# -- components (see kg.extract.COMPONENTS) -------------------------------------------------

# "This resolution was carried on a show of hands.", "Motion carried.", "Motion passed": a motion's
# outcome.  After the motion recorded as a decision it is that decision's vote (OUTCOME); after a
# proposal the sentence before states, it carries that proposal.
CARRIED = re.compile(r"^\s*(?:(?:The|This|That|Each)\s+(?!following\b)(?:\w+\s+)?(?:resolution|motion|proposal|amendment|recommendation)s?\s+"
                     r"(?:was|were|has|had)\s+(?:been\s+|also\s+|duly\s+|then\s+|therefore\s+|unanimously\s+)*|(?:Motion|Resolution|Amendment)\s+)"
                     r"(?:carried|passed)\b(?!\s+(?:out|over|forward|on\s+to)\b)", re.I)
PROPOSES = re.compile(r"\b(?:proposed|moved|proposal|motion)\b", re.I)
# "Director A moved to approve the consent calendar." / "Director B seconded the motion." / "Motion
# carried ...", "Commissioner A made a motion to approve the agenda. Commissioner B seconded the
# motion. All voted "aye". The motion has passed.": a US board's motion in three or four sentences
# (a water district, a county commission)
MOVES_TO = guarded(re.compile(r"\b(?:moved|(?:made|makes?)\s+(?:a|the)\s+motion)\s+(?:to|that)\b", re.I))
SECONDED_THE_MOTION = re.compile(r"^[^.;]{0,60}?\bseconded\s+the\s+motion\s*\.?\s*$", re.I)
ALL_VOTED = re.compile(r"^\s*All\s+(?:voted|were\s+in\s+favou?r)\b[^.]{0,20}\.?\s*$", re.I)
# "All Cllrs agreed to this proposal." after "Cllr A suggested it be re-sited ...": the assent says
# only that the proposal just put was carried (as CARRIED does); the sentence before says what it was
ASSENT_TO_PROPOSAL = guarded(re.compile(r"\b(?:agreed|accepted|approved|supported|endorsed)\s+(?:to\s+|with\s+)?(?:this|that|the)\s+"
                                        r"(?:proposal|suggestion|recommendation|motion)\s*[.!]?\s*$", re.I))
PUTS_FORWARD = guarded(re.compile(r"\b(?:proposed|moved|proposal|motion|suggested|suggestion|recommended)\b", re.I))
# "It was proposed by A, seconded by B and": a proposal whose resolution is the next paragraph;
# its words capitalised where each opens a line of its own ("Proposed by Councillor A Seconded by
# Councillor B, and" / "Resolved: that ...", "Moved by the Lord Mayor," / "Seconded by Councillor
# B and" / "Resolved - That ...": two Northern Irish district councils)
DANGLING_PROPOSAL = re.compile(r"\b(?:[Pp]roposed|[Mm]oved|PROPOSED|MOVED)\b[^.;]*\b(?:[Ss]econded|SECONDED)\b[^.;]{0,80}?"
                               r"\s(?:and|AND)(?:\s+(?:it\s+was|was))?\s*[:,]?\s*$")
# the outcome of the vote just recorded, not a decision of its own
OUTCOME = re.compile(r"^\s*(?:The|This|That)\s+(?:\w+\s+){0,2}(?:was|were)\s+(?:duly\s+)?(?:approved|carried|agreed|"
                     r"adopted|lost|defeated|passed)\b[^.]{0,40}\.?\s*$", re.I)


# (asked of every sentence: compiled once, not looked up in re's cache each time)
_RX_NUMBERED = re.compile(r"^\s*\(?(\d{1,2}|[ivx]{1,4}|[a-h])[.)]\s+(.+)$", re.S)
_RX_RESOLVED_ALONE = re.compile(r"(?:RESOLVED|Resolved|AGREED|Agreed)\s*[.!]?")


def numbered_resolution(sents: list[Sent], k: int) -> str | None:
    """'1. To approve ...' after 'It was resolved that the Board made the following decisions:'."""
    s = sents[k]
    m = _RX_NUMBERED.match(s.text)
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


# "Page 5 of 8", "<!-- Page 6 -->", "![Page 6 of 8](...)": a page's marks, no sentence of the minutes
_PAGE_FURNITURE = re.compile(r"^\s*(?:(?:Page\s+\d+\s+of\s+\d+|<!--[^>]*-->|!\[[^\]]*\]\([^)]*\))\s*)+$", re.I)


def _moved_and_seconded(r: Reading) -> tuple[Sent, Sent] | None:
    """The sentences 'A moved to X.' and 'B seconded the motion.' before the outcome read now
    (past an 'All voted aye.' between them), where the minutes write the motion so (MOVES_TO)."""
    sents, k = r.sents, r.k
    j = k - 1
    while j >= 0 and k - j < 5 and _PAGE_FURNITURE.match(sents[j].text):
        j -= 1  # a page's footer and the next page's marks between the seconding and the outcome
    if j >= 0 and ALL_VOTED.match(sents[j].text):
        j -= 1
    if j < 1 or sents[j].section is not sents[k].section or sents[j - 1].section is not sents[k].section:
        return None
    second, mover = sents[j], sents[j - 1]
    if not SECONDED_THE_MOTION.match(second.text) or PROPOSAL.search(mover.text) or LOST.search(mover.text):
        return None
    m = MOVES_TO.search(mover.text)
    if m is None or r.people_after(mover)(0, before=m.start()) is None:
        return None
    return mover, second


def vote_lines(r: Reading, s: Sent) -> bool:
    """A line that is only the vote on the decision before it: 'Proposed Cllr A, seconded
    Cllr B.', 'For 4, Against 1.', or that the motion just recorded was lost."""
    ex = r.ex
    if (_vote_only(s.text) or VOTE_TALLY.match(s.text) and FOR_TALLY.search(s.text)) and ex.decisions \
            and ex.decisions[-1].item_index == s.item_index \
            and not (PROPOSAL_ONLY.match(s.text) and (ex.decisions[-1].proposer or ex.decisions[-1].seconder)):
        # a second "Proposed by A, seconded by B." under one item moves a motion of its own
        votes_of(s.text, ex.decisions[-1], r.people_after(s))
        return True
    if LOST.search(s.text) and r.follows_last_decision():
        # the amendment or motion just recorded was put to the vote and lost: a decision too
        ex.decisions[-1].kind = "rejected"
        votes_of(s.text, ex.decisions[-1], r.people_after(s))
        return True
    return False


def _is_title(text: str, title: str | None) -> bool:
    """Whether a sentence is only its item's heading ("3. Approval of minutes 6 May")."""
    bare = re.sub(r"^\s*\(?(?:\d{1,4}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4})[.)]?\s+", "", text)
    return bool(title) and " ".join(bare.split()).rstrip(" .:") == " ".join(title.split()).rstrip(" .:")


def _vote_only(t: str) -> bool:
    """'Proposed Cllr A, seconded Cllr B.', 'For 4, Against 1.': the vote and nothing else; not
    'Proposed by A seconded by B that the minutes are stored electronically', a motion of its own."""
    return bool(VOTES_ONLY.match(t) or PROPOSAL_ONLY.match(t) and not re.search(r"\b(?:that|to)\s+[a-z]", t))


# "Unanimously approved.", "Approved unanimously, with the costs to be reviewed in a year.",
# "Carried.": an outcome line that names nothing of what it carries
BARE_OUTCOME = re.compile(r"^[*_ ]*(?:unanimously\s+)?(?:approved|agreed|carried|passed|accepted)(?:\s+unanimously)?[*_ ]*"
                          r"(?:,\s*with\b[^.]{0,100})?\.?[*_ ]*$", re.I)


def _motion_of_outcome(r: Reading, s: Sent) -> tuple[str, int, list[tuple[str, Sent]]] | None:
    """What a bare outcome line carries, with the motion lines that moved it (each with its kind,
    "proposed", "moved", "seconded", ...): the statement just before the item's last motion lines
    ("Proposed by: A", "Seconded: B"), or the item's heading where a motion line opens the item;
    None where no motion line stands before it in the item (a bare "Agreed." answers the sentence
    before it, as other readers take it)."""
    from kg.extract.motions import MOTION_LINE  # motions reads decisions: imported here, not at the top
    sents, item = r.sents, s.item_index
    first = r.k
    while first > 0 and r.k - first < 8 and sents[first - 1].item_index == item:
        first -= 1
    for j in range(r.k - 1, first - 1, -1):
        if not MOTION_LINE.match(sents[j].text):
            continue
        k = j
        while k > first and MOTION_LINE.match(sents[k - 1].text):
            k -= 1  # "Proposed by: A" / "Seconded by: B": the lines of one motion
        lines = [(MOTION_LINE.match(x.text).group("kind").lower(), x) for x in sents[k:j + 1]]
        if k > first:
            stmt = sents[k - 1]
            if BARE_OUTCOME.match(stmt.text) or stmt.text.rstrip().endswith(":"):
                return None
            if not stmt.text.lstrip().startswith("#"):
                return stmt.text.strip(" *_"), stmt.start, lines
            k = first  # the heading's own line stands before the motion lines
        title = (s.section.title or "").strip(" #*_")
        if k == first and title and re.search(r"[A-Za-z]{3}", title):
            return title, sents[k].start, lines
        return None
    return None


# "7 for 1 against 1 abstention.": the count, number first
VOTE_TALLY = re.compile(r"^\s*\d+\s+(?:for|in\s+favour)\b[^.]{0,40}\.?\s*$", re.I)


def _after_vote_lines(r: Reading) -> bool:
    """Whether the decision recorded last is stated just before, past any lines of its vote
    ('... to accept the estimate. 7 for 1 against 1 abstention. Motion passed.')."""
    if not r.ex.decisions:
        return False
    for p in r.paragraph_before(3):
        if r.ex.decisions[-1].evidence.start == p.start:
            return True
        if not (_vote_only(p.text) or BARE_ASSENT.match(p.text) or VOTE_TALLY.match(p.text)):
            return False
    return False


def no_objections(r: Reading, s: Sent) -> list[Decision]:
    """'No objections' closing each application of a list: one decision for each, its text the
    application it answers (the sentence before, where the answer stands alone)."""
    out: list[Decision] = []
    start = 0
    for m in NO_OBJECTION.finditer(s.text):
        # the application is the line the answer closes, with the lines it wraps over (a line
        # opening in lower case continues the one above); not the lines before it
        line = s.text.rfind("\n", start, m.start()) + 1
        while line > start and s.text[line:line + 1].islower():
            line = s.text.rfind("\n", start, line - 1) + 1
        start = max(start, line)
        quote = s.text[start:m.end()].strip(" \n\t-–—")
        lead = s.text.index(quote, start) if quote else start
        text = quote
        before = r.previous
        if not out and re.fullmatch(r"(?i)no\s+\w+[^\n]*", quote) and before is not None:
            text = f"{before.text} {quote}"  # "No comments." answers the application just named
        out.append(Decision(" ".join(text.split()), Evidence(quote, s.start + lead, s.start + lead + len(quote)),
                            s.item_index, kind="agreed"))
        start = m.end()
    return out


# "That the Rodney Local Board:" before its lettered resolutions: the resolution's lead-in
_LEAD_IN = re.compile(r"^\s*That\s+(?:the\s+)?[A-Z][^:.;]{0,80}:\s*$")


def _lettered_resolution(r: Reading, s: Sent) -> bool:
    """'MOVED by A, seconded by B:' / 'That the Board:' / 'a) accept the apology ...': the
    lettered lines are what the motion just recorded resolved (New Zealand local boards)."""
    m = _RX_NUMBERED.match(s.text)
    if not m or not r.ex.decisions or r.declaration:
        return False
    d = r.ex.decisions[-1]
    sents, k = r.sents, r.k
    j = k - 1
    while j >= 0 and sents[j].item_index == s.item_index and _RX_NUMBERED.match(sents[j].text) \
            and d.evidence.end >= sents[j].end:
        j -= 1  # the resolution's earlier lettered lines, already read into it
    if j < 1 or not _LEAD_IN.match(sents[j].text) or sents[j].item_index != s.item_index:
        return False
    moved = sents[j - 1]
    if d.evidence.start != moved.start or not (d.proposer or d.seconder) or not moved.text.rstrip().endswith(":"):
        return False
    first = d.evidence.end <= moved.end
    d.text = m.group(2).strip() if first else f"{d.text}; {m.group(2).strip()}"
    d.kind = "resolved"
    quote = s.source[moved.start:s.end]
    d.evidence = Evidence(quote, moved.start, s.end)
    return True


# "Motion: 494-2011   Moved by A   Seconded by B" / "“That the agenda ... be adopted as amended.”" /
# "Disposition Carried", "2009-193 Moved by Councillor A Seconded by Councillor B" / "\"THAT the minutes
# ... be approved as circulated.\"": the motion's number and its vote on one line, the resolution
# quoted on the next (two Ontario municipalities' minutes)
_NUMBERED_VOTE_LINE = re.compile(r"^\s*(?:Motion\s*(?:No\.?)?\s*:?\s*)?(?:[A-Z]?\d[\w-]*\s+)?(?:Proposed|Moved)\s+by\b"
                                 r"[^.;:]{0,80}?\bSeconded\s+by\b[^.;:]{0,60}$", re.I)
_QUOTED_THAT = re.compile(r"^\s*[“\"']\s*(?:THAT|That)\b,?\s*(?P<what>.+?)[.]?\s*[”\"']?\s*$", re.S)


def _resolution_after_vote_line(r: Reading, s: Sent) -> bool:
    """The quoted resolution on the line after a motion's numbered vote line (_NUMBERED_VOTE_LINE):
    the decision just read from that line says what it resolved."""
    m = _QUOTED_THAT.match(s.text)
    if not m or not r.follows_last_decision() or r.declaration:
        return False
    d = r.ex.decisions[-1]
    if not _NUMBERED_VOTE_LINE.match(d.text) or not (d.proposer or d.seconder) or d.item_index != s.item_index:
        return False
    d.text = " ".join(m.group("what").strip().rstrip("”\"'.").split())
    quote = s.source[d.evidence.start:s.end]
    d.evidence = Evidence(quote, d.evidence.start, s.end)
    return True


def component(r: Reading, s: Sent) -> bool:
    """What the body decided in this sentence (none where it records a declaration)."""
    ex = r.ex
    if _lettered_resolution(r, s) or _resolution_after_vote_line(r, s):
        return False
    if not r.declaration and BARE_ASSENT.match(s.text):
        if r.follows_last_decision() or _after_vote_lines(r):
            # "Proposed by A seconded by B to accept the quote. All agreed.": the vote on that motion
            if re.match(r"\s*All\b", s.text):
                ex.decisions[-1].unanimous = True
            return False
        before = r.previous
        # a line the reader broke off ("... asked if this could be" / "circulated.") is read whole
        back = r.k - 1
        while before is not None and before.text[:1].islower() and back > 0 \
                and r.sents[back - 1].section is s.section and r.k - back < 3:
            back -= 1
            before = r.sents[back]
        if before is not None and ASKED.search(s.source[before.start:s.start]):
            # the answer to the question just put: the question says what was agreed
            quote = s.source[before.start:s.end]
            r.decision = Decision(" ".join(quote.split()), Evidence(quote, before.start, s.end), s.item_index,
                                  kind="agreed")
            ex.decisions.append(r.decision)
            return False
    if not r.declaration and CARRIED.match(s.text):
        if r.follows_last_decision() or _after_vote_lines(r):
            ex.decisions[-1].kind = "approved"
            votes_of(s.text, ex.decisions[-1], r.people_after(s))
            return False
        before = r.previous
        start = before.start if before is not None and PROPOSES.search(before.text) and not LOST.search(before.text) \
            else s.start
        moved = _moved_and_seconded(r)
        if moved is not None:
            start = moved[0].start
        quote = s.source[start:s.end]
        r.decision = Decision(" ".join(quote.split()), Evidence(quote, start, s.end), s.item_index, kind="approved")
        if moved is not None:
            mover, second = moved
            m = MOVES_TO.search(mover.text)
            r.decision.proposer = _without_vote_word(_named_before(mover.text, m, r.people_after(mover)))
            votes_of(second.text, r.decision, r.people_after(second))
        elif start != s.start:
            # "A motion to accept the minutes was made by A and seconded by B. Motion carried."
            votes_of(before.text, r.decision, r.people_after(before))
        votes_of(s.text, r.decision, r.people_after(s))
        ex.decisions.append(r.decision)
        return False
    decision = None if r.declaration else decision_of(s, r.doc, r.people_after(s))
    # what a bare outcome line ("Unanimously approved.", "Carried.") carries: the motion its lines moved
    carried = _motion_of_outcome(r, s) if BARE_OUTCOME.match(s.text) and not r.follows_last_decision() else None
    if decision is None and not r.declaration and carried is not None \
            and not (ex.decisions and ex.decisions[-1].evidence.start >= carried[1]):
        # (not where the motion it carries is a decision already: "Motion: X." / "Seconded. Passed.")
        # "Carried." / "Passed." after "Proposed by: A" / "Seconded by: B": the words are the bare
        # outcome's (BARE_OUTCOME) though no decision reads in them; the motion they carry is
        # taken below, as for "Unanimously approved."
        decision = Decision(" ".join(s.text.split()), s.evidence, s.item_index, kind="approved")
    numbered = numbered_resolution(r.sents, r.k)
    if numbered is not None:
        decision = Decision(numbered, s.evidence, s.item_index, kind="resolved",
                            number=re.match(r"\s*\(?([\divx]+|[a-h])?", s.text).group(1))
    if decision and r.follows_last_decision() and OUTCOME.match(s.text):
        # "The Forum voted on the proposal ... For 4, Against 1. The transfer was approved."
        ex.decisions[-1].kind = "rejected" if LOST.search(s.text) else "approved"
        decision = None
    elif decision:
        before = r.previous
        if decision.kind == "resolved" and LABEL_DECISION.match(s.text) and r.follows_last_decision() \
                and DANGLING_PROPOSAL.search(before.text) and (ex.decisions[-1].proposer or ex.decisions[-1].seconder):
            # "It was proposed by A, seconded by B and" / "RESOLVED: That X": one motion, its
            # mover and seconder named before the resolution, as "Proposed by A; Seconded by B;
            # And Resolved:" lines write it (kg.extract.motions)
            moved = ex.decisions.pop()
            decision.proposer, decision.seconder = moved.proposer, moved.seconder
            decision.unanimous = decision.unanimous or moved.unanimous
            quote = s.source[before.start:s.end]
            decision.evidence = Evidence(quote, before.start, s.end)
        elif carried is not None and decision.kind in ("approved", "resolved", "agreed"):
            # "The treasurer shall open a bank account." / "Proposed by: A" / "Seconded by: B" /
            # "Unanimously approved.", or the item's heading then its motion lines: the bare outcome
            # carries what was moved, stated before its motion lines (or by the heading), not its own
            # words; the mover from the "Proposed"/"Moved" line, the seconder from the "Seconded" one
            text, start, lines = carried
            quote = s.source[start:s.end]
            decision.text = " ".join(text.split())
            decision.evidence = Evidence(quote, start, s.end)
            for kind, line in lines:
                if kind.startswith("second"):
                    decision.seconder = decision.seconder or r.people_after(line)(0)
                else:
                    decision.proposer = decision.proposer or r.people_after(line)(0)
        elif _vote_only(s.text) and decision.kind == "approved" and before is not None and not r.follows_last_decision() \
                and not _vote_only(before.text) and not LOST.search(before.text) and before.item_index == s.item_index \
                and not before.text.rstrip().endswith(":") and not _is_title(before.text, s.section.title):
            # "(3) Tintern Charities - Cllr A & County Cllr B." / "Proposed by Cllr C, seconded by Cllr
            # D.", "The Chair, the Treasurer and the Secretary were all elected en bloc. Proposed by
            # A, seconded by B.": a vote line with no decision before it moves what the sentence
            # before it states (not the item's heading: the item's title is searched already)
            quote = s.source[before.start:s.end]
            decision.text = " ".join(quote.split())
            decision.evidence = Evidence(quote, before.start, s.end)
        elif ASSENT_TO_PROPOSAL.search(s.text) and before is not None and PUTS_FORWARD.search(before.text) \
                and not LOST.search(before.text):
            quote = s.source[before.start:s.end]
            decision.text = " ".join(quote.split())
            decision.evidence = Evidence(quote, before.start, s.end)
        ex.decisions.append(decision)
    elif not r.declaration:
        answers = no_objections(r, s)
        ex.decisions.extend(answers)
        decision = answers[-1] if answers else None
    r.decision = decision
    return False
