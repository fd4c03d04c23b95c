"""Motions written over several lines: who proposed, who seconded, and what was resolved.

Councils record a motion in lines of its own rather than in one sentence:

    Notice of Motion submitted by Councillor A        Moved by P. Smith
    "I will move ... that the Council ..."            Seconded by J. Brown
    Proposed: Councillor A                            That Items 2.1 to 2.8 BE APPROVED.
    Seconded: Councillor B
                                                      Proposed by: Councillor A
                                                      Seconded by: Councillor B
                                                      And Resolved:
                                                      "That the draft Minutes be adopted."

A proposed and seconded motion that is not recorded as lost is carried: one decision,
its text the motion ("I will move that X" -> X) or the resolution that follows the lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import decisions
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Decision

# "**Proposed by: Councillor A**", "> Moved by P. Smith", "Seconded: Cllr B"
MOTION_LINE = re.compile(r"^[*_> ]*(?P<kind>Proposed|Moved|Seconded|Proposer|Seconder)(?:\s+by)?[*_ ]*:?[*_ ]*(?P<who>\S.{0,80}?)[*_ .]*$",
                         re.I)
# "And Resolved:", "**RESOLVED:**", "It was agreed:" standing alone, the resolution on the next line;
# "AND AGREED" after "Proposed by A" / "Seconded by B" (an Irish county council's lines; a municipal
# district writes "Seconded by: Cllr B And Agreed “That ...”" in one run)
RESOLVED_LABEL = re.compile(r"^[*_ ]*(?:(?:and\s+)?(?:it\s+was\s+)?(?:resolved|agreed)[*_ ]*:|and\s+(?:unanimously\s+)?"
                            r"(?:resolved|agreed))[*_ ]*:?[*_ ]*$", re.I)
# "I will move at the next meeting ... that X" / "... calling on the Council to X"
MOVED_TEXT = re.compile(r"\bI\s+(?:will|wish\s+to|hereby|would\s+like\s+to)\s+(?:move|propose)\b.*?"
                        r"(?:\bthat\s+|(?=\bcalling\s+on\b))(?P<what>.+)$", re.I | re.S)
THAT_TEXT = re.compile(r"^[*_ “\"']*That,?\s+(?P<what>.+)$", re.S)
# "Resolved - That the minutes ... be signed as correct." after "Moved by A," / "Seconded by B and":
# the label and its resolution in one line (a Northern Irish council's form)
RESOLVED_THAT = re.compile(r"^[*_ ]*(?:and\s+)?resolved\s*[:–—-]\s*(?P<what>that\b.+)$", re.I | re.S)


@dataclass
class MotionState:
    """The motion lines read so far in the current item."""

    item: int | None = None
    lines: list[Sent] = field(default_factory=list)
    decision: Decision | None = None
    awaiting: bool = False  # a "Resolved:" label: the next sentence is the resolution
    voted: Decision | None = None  # the decision just recorded that the lines read so far vote on


def _clean(text: str) -> str:
    return " ".join(text.strip().strip("*_“”\"' ").rstrip(".").split())


def _motion_before(sents: list[Sent], k: int) -> Sent | None:
    """The motion text in the same item before sentence k ("I will move ... that X")."""
    item = sents[k].item_index
    for back in range(k - 1, max(-1, k - 15), -1):
        p = sents[back]
        if p.item_index != item:
            return None
        if MOVED_TEXT.search(p.text):
            return p
    return None


# "Motion: that the accounts be adopted" / "Moved: A" / "Seconded: B" (a users' society's AGM),
# "Motion: publish the plot map" / "Seconded, passed." or "Countermotion: hold the open day in
# May" / "Seconded. Passed." (a foundation's steering committee): the motion
# stated under its label, then the line that moves or seconds it; a draft motion of an agenda
# that no line seconds ("Motion: X [not voted on]", "(not seconded)") is no decision
MOTION_LABEL = re.compile(r"^[*_> ]*(?:[Cc]ounter[- ]?)?[Mm]otion\s*[:–—]\s*(?P<what>\S.+)$", re.S)
_NOT_PUT = re.compile(r"\bnot\s+(?:seconded|voted|put|moved)\b|\bwithdrawn\b", re.I)


def _labelled_motion(sents: list[Sent], k: int) -> Sent | None:
    """The 'Motion: X' line just before the motion lines that end at sentence k."""
    item = sents[k].item_index
    for back in range(k - 1, max(-1, k - 4), -1):
        p = sents[back]
        if p.item_index != item and back != k - 1:
            # the line just before may close the item before ("Countermotion: X" / blank line /
            # "Seconded, passed" read as a heading of its own)
            return None
        if MOTION_LABEL.match(p.text):
            return None if _NOT_PUT.search(p.text) else p
        if not MOTION_LINE.match(p.text):
            return None
    return None


def read(sents: list[Sent], k: int, state: MotionState, people_after) -> tuple[bool, Decision | None]:
    """Read sentence k as part of a motion: (consumed, new decision)."""
    s = sents[k]
    if s.item_index != state.item:
        if state.lines and state.lines[-1] is sents[k - 1] and state.decision is None \
                and (MOTION_LINE.match(s.text) or RESOLVED_THAT.match(s.text)):
            # a motion's lines each a paragraph of its own, the next read as a heading ("Moved by
            # A," / "Seconded by B and" / "Resolved - That ..."): still the motion
            state.item = s.item_index
        else:
            state.item, state.lines, state.decision, state.awaiting = s.item_index, [], None, False
    if state.awaiting:
        if not re.search(r"[A-Za-z]{2}", s.text):
            return True, None  # a page's rule line or number between the label and its resolution
        state.awaiting = False
        m = THAT_TEXT.match(s.text)
        d = Decision(_clean(m.group("what") if m else s.text), s.evidence, s.item_index, kind="resolved")
        for line in state.lines:
            _attach(d, line, people_after)
        state.decision = d
        return True, d
    if RESOLVED_LABEL.match(s.text):
        state.awaiting = True
        return True, None
    if MOTION_LABEL.match(s.text):
        # "Countermotion: Y" after "Motion: X" / "Seconded, passed.": the lines after it are Y's
        state.lines, state.decision = [], None
        return False, None
    m = MOTION_LINE.match(s.text)
    if not m or decisions.PROPOSAL.search(s.text):
        that = THAT_TEXT.match(s.text) or RESOLVED_THAT.match(s.text)
        if state.lines and state.decision is None and that:
            # "Moved by A / Seconded by B / That the report BE RECEIVED.", "Moved by A, / Seconded
            # by B and / Resolved - That the minutes be signed."
            what = that.group("what")
            if that.re is RESOLVED_THAT:
                what = THAT_TEXT.match(what).group("what")
            d = Decision(_clean(what), s.evidence, s.item_index,
                         kind="resolved" if that.re is RESOLVED_THAT else "approved")
            for line in state.lines:
                _attach(d, line, people_after)
            state.decision = d
            return True, d
        return False, None
    if state.decision is not None:
        d = state.decision
        seconding = m.group("kind").lower() in ("seconded", "seconder")
        if (d.seconder if seconding else d.proposer) is None:
            state.lines.append(s)
            _attach(d, s, people_after)  # "That X BE APPROVED. / Moved by A": the lines after it
            return True, None
        # the motion before has its mover and seconder: this line opens the next motion of
        # the item ("Motion Passed / Moved by C / Seconded by D / That the report BE REFERRED")
        state.lines, state.decision = [], None
    state.lines.append(s)
    moved = _motion_before(sents, k) if m.group("kind").lower() not in ("seconded", "seconder") else None
    if moved is not None:
        what = MOVED_TEXT.search(moved.text).group("what")
        d = Decision(_clean(what), moved.evidence, moved.item_index, kind="approved")
        _attach(d, s, people_after)
        state.decision = d
        return True, d
    labelled = _labelled_motion(sents, k)
    if labelled is not None and not decisions.LOST.search(s.text):
        what = re.sub(r"^[“\"']*that,?\s+", "", MOTION_LABEL.match(labelled.text).group("what"), flags=re.I)
        d = Decision(_clean(what), labelled.evidence, labelled.item_index, kind="approved")
        _attach(d, s, people_after)
        state.decision = d
        return True, d
    return True, None


def _attach(d: Decision, line: Sent, people_after) -> None:
    """The proposer or seconder a motion line names."""
    m = MOTION_LINE.match(line.text)
    who = people_after(line)(0)
    paren = re.search(r"\(\s*(?=\S)", line.text)
    if who is None and paren:
        # "Moved by the Mayor (Councillor P Rooney),": the post's holder named in brackets after it
        who = people_after(line)(paren.end(), before=paren.end() + 1)
    if m and who is not None:
        if m.group("kind").lower() in ("seconded", "seconder"):
            d.seconder = d.seconder or who
        else:
            d.proposer = d.proposer or who


def _votes_on_last(r: Reading, s: Sent, state: MotionState) -> bool:
    """'The appointment was agreed.' then 'Proposed: A' and 'Seconded: B' on lines of their
    own: the lines name who moved the decision just recorded (AGM minutes record a vote so)."""
    if not MOTION_LINE.match(s.text) or decisions.PROPOSAL.search(s.text) or not r.ex.decisions:
        return False
    last = r.ex.decisions[-1]
    if last.item_index != s.item_index or not (r.follows_last_decision() or state.voted is last):
        return False
    if state.voted is not last and state.lines and state.item == s.item_index:
        return False  # lines of a motion of their own began before that decision
    if r.people_after(s)(0) is None:
        return False
    _attach(last, s, r.people_after)
    state.voted = last
    return True


def component(r: Reading, s: Sent) -> bool:
    """Motions written as lines: 'Moved by', 'Seconded by', 'RESOLVED' and the resolution."""
    state = r.state.setdefault("motion", MotionState())
    if _votes_on_last(r, s, state):
        return True
    state.voted = None
    consumed, moved = read(r.sents, r.k, state, r.people_after)
    if moved is not None:
        r.ex.decisions.append(moved)
    return consumed
