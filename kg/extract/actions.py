"""Actions: who agreed, undertook or will do what, and by when.

Each rule is a pattern of minute-writing, named and explained where it is defined.  None
names a person, body or phrase of any one document."""
from __future__ import annotations

import re
from collections.abc import Callable

from kg import gazetteer as gz
from kg.extract.decisions import AGREED_THAT_WOULD, APPOINTMENT, SUBJECT_APPOSITION
from kg.extract.grammar import (TASK_AFTER_SEPARATOR, Doc, clause_text, clauses, similar, subject_at,
                                subject_starts, words)
from kg.extract.names import TITLE_WORDS
from kg.extract.reading import Reading
from kg.extract.sentences import Sent
from kg.records import Action, Extraction, Owner, PersonRef
from kg.rxfilter import guarded

# "I will move at the next meeting that ...", "I will ask the Mayor at the next meeting ...": the
# opening formula of a notice of motion or a question, which the motion or question then states
# ... and "agreed to this proposal", "agreed to the reworded Motion": assent to what was put, a
# noun after "to" where a task has its verb (ASSENTED_TO)
ASSENTED_TO = r"(?:the|this|that|these|those|his|her|their|its|our|such|an?)\s"
NOT_TASKS = re.compile(rf"^(?:{ASSENTED_TO}|abstain|leave\s+the\s+(?:room|meeting)|withdraw|not\s+vote|disagree|differ|"
                       r"move\s+(?:at\s+the\s+next\b|that\b)|ask\s+(?:[\w’'. ]{0,40}?\s)?at\s+the\s+next\s+(?:[\w-]+\s+){0,4}?meeting\b)",
                       re.I)
# "the Civic Administration BE DIRECTED to provide an update", "VHC have been asked to let the
# Council have costings", "Clerk asked to report this to Cllr X": told to do it, in the passive of
# a resolution ("be"), of a report ("have been") or of a clerk's shorthand (no auxiliary; only with
# a verb of the errands minutes hand out, as "X asked to speak" asks leave rather than a task)
_TOLD = r"(?:asked|requested|directed|instructed|tasked|invited|ASKED|REQUESTED|DIRECTED|INSTRUCTED)"
_TOLD_VERBS = (r"(?:provide|report|request|bring|update|look|give|let|raise|prepare|write|contact|ask|"
               r"circulate|investigate|check|arrange|send|obtain|liaise|confirm|follow|pursue|seek|find|"
               r"draft|submit|attend|consider|review|explore|share|forward|inform|notify|chase|respond|reply)\b")
COMMIT = re.compile(r"^\s*(?:,\s*)?(?:also\s+|then\s+|kindly\s+)?(?:(?:(?:has\s+)?agreed|undertook|offered|volunteered|"
                    r"promised|committed|is|are|was|were)\s+(?:due\s+|going\s+|asked\s+|requested\s+|instructed\s+|"
                    r"tasked\s+|authorised\s+|authorized\s+|delegated\s+|invited\s+)?to\s+(?!be\s+\w+ed\b)"
                    rf"|(?:(?:has|have|had)\s+been|be|BE)\s+{_TOLD}\s+to\s+(?!be\s+\w+ed\b)"
                    rf"|(?:also\s+)?asked\s+to\s+(?={_TOLD_VERBS}))"
                    r"(?P<vp>\w.*)$", re.S)
# "X will VP"; not "X will need to", "X will be useful", nor the passive "X will (all) be invited",
# where X receives the act rather than owns it
WILL = re.compile(r"^\s*(?:also\s+)?(?:will|shall)\s+(?!need\b|have\s+to\b|(?:all\s+|also\s+)?be\s+(?:a|an|the|able|useful|"
                  r"good|important|necessary|required|responsible|\w+ed|\w+en|sent|held|made|told|shown|built|"
                  r"brought|put|set|done|kept|met|paid|sought|bought)\b)(?P<vp>\w.*)$", re.S)
# "The Clerk would take forward and send out to contractors", "but that KD would contact X": a
# commitment reported in the conditional; not a wish, need or habit ("would like", "would
# need to", "would usually"), nor a state ("would be useful"), only a person's or post's
WOULD = re.compile(r"^\s*(?:also\s+|then\s+)?would\s+(?:also\s+|then\s+)?(?:be\s+able\s+to\s+|be\s+(?=[a-z]+ing\b))?"
                   r"(?!like\b|love\b|need\b|have\b|not\b|never\b|prefer\b|rather\b|welcome\b|appreciate\b|be\b|"
                   r"expect\b|hope\b|want\b|wish\b|suggest\b|recommend\b|probably\b|only\b|normally\b|usually\b|"
                   r"always\b|often\b|seem\b|appear\b|mean\b|cost\b|require\b|make\s+sense\b)(?P<vp>[a-z]\w*.*)$", re.S)
TO_INFINITIVE = re.compile(r"^\s*(?:to)\s+(?P<vp>[a-z]\w*.*)$", re.S)
# "Clerk inform Shaun Pritchard.", "Clerk write to Glos CC ...": a post, then a bare verb of
# the errands minutes hand out (the clerk's shorthand for "the Clerk to ...")
ERRAND_VERBS = (r"(?:inform|ask|e-?mail|write|contact|notify|chase|order|reply|check|arrange|send|"
                r"circulate|request|obtain|investigate|forward|respond|liaise|book|confirm|invite|purchase|"
                r"draft|prepare|seek|organise|organize|publish|renew|submit|apply|telephone|phone|"
                r"look\s+into|follow\s+up|find\s+out)\b")
IMPERATIVE = re.compile(rf"^\s+(?P<vp>{ERRAND_VERBS}.*)$", re.S)
# "the next update would take place at the May meeting", "A report should be available for the
# June meeting", "The year-end report will be available at the next Board meeting": something
# promised to a coming meeting; its owner is who says so, or the body whose written reply it is
DELIVERABLE = (r"(?:the|a|an)\s+(?:(?!meeting\b)[\w/-]+\s+){0,4}?(?:update|report|design|plan|proposal|review|"
               r"presentation|figures|costings|options)\b[^.;]{0,40}?\s+(?:will|would|should|shall)\s+"
               r"(?:now\s+|then\s+)?(?:take\s+place|be\s+(?:available|ready|presented|circulated|brought|tabled|"
               r"given|provided))\s+(?:at|for|before|to)\s+the\s+[^.;]{0,50}?\bmeeting\b[^.;]*")
_RX_DELIVERABLE = re.compile(rf"(?i:{DELIVERABLE})")
REPORTED = re.compile(
    r"^(?:that\s+)?(?P<due>" + DELIVERABLE + r")$"
    r"|^(?:that\s+)?(?:(?P<pro>she|he|I|we|they)\s+(?:will|would|shall|is\s+going\s+to|are\s+going\s+to)\s+"
    r"(?!need\b|have\s+to\b|be\s+(?:a|an|the|able|useful|happy|pleased|good|important)\b)(?P<vp>.+)"
    r"|there\s+(?:will|would)\s+be\s+(?P<there>.+)"
    r"|(?P<np>(?!it\b|this\b|that\b|there\b|if\b|when\b|as\b|by\b|in\b|once\b)[a-z][\w\s’'-]{2,60}?)\s+(?:will|would|can)\s+be\s+"
    # "open", "keen", "often", "even" end like a participle but are not one ("would be open to")
    r"(?P<pp>(?!(?:open|keen|often|even)\b)(?:\w+ed|\w+en)|sent|brought|built|set|put|held|made|done|given|shown|taken|told)\b(?P<rest>.*)"
    r"|(?P<ell>they|she|he|we)\s+(?:would|will)\s*$"
    r")", re.S | re.I)
# "She added that the final scheme would be decided at the October meeting", "Contrast for
# malignancy to be discussed at next meeting": what is to be discussed or decided at a meeting,
# no agent written, is the body's to do; the member reporting it only says so
AT_A_MEETING = re.compile(r"(?:decided|discussed|considered|ratified|agreed|approved|reviewed|revisited|finalised|"
                          r"finalized)\s+(?:again\s+|further\s+)?at\s+(?:the\s+|an?\s+|its\s+)?(?:next\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(?:meeting|Meeting)\b")
# ("stated": "X backed the idea but stated he would hold off ...", a company's directors;
# "X stated that he would talk to both banks", a library friends' trustees)
AND_SAID = guarded(re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:said|added|confirmed|undertook|promised|stated)\s+(?:that\s+)?"
                              r"(?:he|she|they|we|I)\s+(?:would|will)\s+(?!need\b|have\s+to\b|be\s+(?:a|an|the|able|happy)\b)(?P<vp>\w.+)$",
                              re.S))
AND_AGREED = guarded(re.compile(r"\b(?:and|but)\s+(?:also\s+)?(?:agreed|undertook|offered|promised|volunteered)\s+to\s+(?P<vp>\w.+)$",
                                re.S))
# "Stephen Taylor gave his congratulations ... and will ensure Cllr Stamp is made aware": the
# subject's own promise, joined to what they did
# "Ellen noted that there was a further deposit and she would include it on the next report",
# "Cllr A explained their next meeting is next week and she will bring it up then": the speaker,
# as "he" or "she" in a clause of their own after what they reported, undertakes it
AND_SHE_WILL = re.compile(r"\b(?:and|but|so)\s+(?:he|she)(?=\s+(?:also\s+)?(?:will|would)\b)")


def _and_she_will(text: str) -> re.Match | None:
    """The commitment of the clause 'and she will VP' after a reported clause (see AND_SHE_WILL)."""
    m = AND_SHE_WILL.search(text)
    if m is None:
        return None
    rest = text[m.end():]
    return WILL.match(rest) or WOULD.match(rest)


AND_WILL = guarded(re.compile(r"\b(?:and|but)\s+(?:also\s+)?will\s+(?!need\b|have\s+to\b|be\b)(?P<vp>[a-z]\w+.+)$", re.S))
# "X confirmed that the Contract is coming to an end so the scheme will be reviewed", "X explained
# these are provided by Y and will be built by Z": a clause with its own verb before "will be" is
# news, not the speaker's passive task; "the Duck Race will be held", "funding will be required":
# an event or a need, nobody's errand
_CLAUSE_IN_NP = re.compile(r"\b(?:is|are|was|were|has|have|had|so|because)\b", re.I)
_NOT_ERRAND_PARTICIPLES = {"held", "required", "needed"}


def not_reported_task(np: str, participle: str | None) -> bool:
    """Whether 'SPEAKER said that NP will be PARTICIPLE ...' reports news rather than a task the
    speaker takes on (see REPORTED)."""
    return bool(_CLAUSE_IN_NP.search(np)) or (participle or "").lower() in _NOT_ERRAND_PARTICIPLES


REPORT_VERBS = {"said", "added", "replied", "confirmed", "advised", "stated", "explained", "reported", "agreed",
                "responded", "informed", "assured", "indicated", "clarified", "undertook"}


def actions_of(sent: Sent, doc: Doc, prev_question: str | None) -> list[Action]:
    """Commitments in a sentence: 'X agreed to ...', 'X will ...', 'X said she would ...'."""
    out: list[Action] = []
    for c in clauses(sent, doc) or []:
        text = sent.text[c.body_start:c.end]
        if c.verb == "asked":
            # "X asked if the board will receive updates ... and Y said that they would"
            prev_question = re.sub(r"^\s*(?:if|whether)\s+", "", clause_text(sent, c))
        owners = c.subject.owners
        if c.subject.kind == "pronoun" and not owners:
            continue
        # "X agreed to VP"
        if c.verb in ("agreed", "undertook", "offered", "volunteered"):
            m = re.match(r"^\s*to\s+(?P<vp>.+)$", text, re.S)
            if m and not NOT_TASKS.match(m.group("vp")):
                out.append(_action(sent, owners, m.group("vp")))
                continue
        said = AND_SAID.search(text)
        if said and c.subject.kind in ("person", "post", "pronoun"):
            # "... confirmed that it would and said he would bring the criteria in March"
            out.append(_action(sent, owners, said.group("vp")))
            continue
        also = AND_AGREED.search(text) or (AND_WILL.search(text) if c.subject.kind in ("person", "post") else None) \
            or (_and_she_will(text) if (c.verb in REPORT_VERBS or c.verb == "noted") and c.subject.kind in ("person", "post")
                else None)
        if also and c.subject.kind in ("person", "post", "pronoun", "org") and not NOT_TASKS.match(also.group("vp")):
            # "... replied that it would be cleared by June and agreed to circulate figures"
            out.append(_action(sent, owners, also.group("vp")))
            continue
        if c.verb in REPORT_VERBS and c.subject.kind in ("person", "post", "pronoun"):
            body = re.sub(r"^\s*(?:the\s+(?:board|committee|council|meeting|members)\s+)?(?:that\s+)?", "", text, flags=re.I)
            m = REPORTED.match(body.strip().rstrip(".;,!"))
            if m and m.group("np") and not_reported_task(m.group("np"), m.group("pp")):
                continue
            if m:
                if m.group("ell"):
                    if prev_question:
                        out.append(_action(sent, owners, prev_question))
                    continue
                if m.group("due"):
                    out.append(_action(sent, owners, body.strip()))
                    continue
                vp = m.group("vp") or m.group("there") and "hold " + m.group("there") or body.strip()
                if m.group("pp") and doc.body and AT_A_MEETING.match(m.group("pp") + m.group("rest")):
                    owners = [Owner(doc.body, "body")]  # the body decides at its meetings, not the speaker
                out.append(_action(sent, owners, vp if m.group("vp") else body.strip()))
                continue
    if out:
        # "The Clerk would be able to submit ..., Cllr X agreed to forward": both are tasks
        starts = sorted(c.start for c in clauses(sent, doc))
        return [a for rel in subject_starts(sent) if rel not in starts
                for a in _would(sent, doc, rel, next((k for k in starts if k > rel), None))] + out
    passive = passive_with_agent(sent, doc)
    if passive is not None:
        return [passive]
    told = mandated(sent, doc) or asked_to(sent, doc) or directed(sent, doc)
    if told:
        return told
    that = AGREED_THAT_WOULD.search(sent.text)
    if that:
        subj = subject_at(sent, that.end(), doc)
        if subj is not None and subj.kind in ("person", "post", "org"):
            m = re.match(SUBJECT_APPOSITION + r"\s*(?:would|will|should|is\s+to|was\s+to)\s+(?P<vp>\w.*)$",
                         sent.text[subj.end:], re.S)
            if m:
                return [_action(sent, subj.owners, m.group("vp"))]
    # "SUBJECT will VP" / "SUBJECT agreed to VP" / "SUBJECT was due to VP" / "SUBJECT to VP"
    for rel in subject_starts(sent):
        subj = subject_at(sent, rel, doc)
        if subj is None or subj.kind == "body" and rel > 0:
            continue
        rest = sent.text[subj.end:]
        for rx, allowed in ((COMMIT, None), (WILL, None), (WOULD, ("person", "post")), (TO_INFINITIVE, ("person", "post")),
                            (IMPERATIVE, ("post",))):
            m = rx.match(rest)
            if not m or (allowed and subj.kind not in allowed):
                continue
            if rx in (TO_INFINITIVE, IMPERATIVE) and rel != 0 and not (
                    rx is TO_INFINITIVE and TASK_AFTER_SEPARATOR.search(sent.text[:rel])):
                continue
            if rx is COMMIT and re.match(r"^\s*(?:is|are|was|were)\s+to\b", rest) and subj.kind == "body":
                continue
            vp = m.group("vp")
            if NOT_TASKS.match(vp) or re.match(r"^(?:be\s+)?(?:being|been)\b", vp):
                continue
            if subj.kind == "body" and rx is not COMMIT:
                continue
            if rx is TO_INFINITIVE and rel != 0 and GENERIC_TASK.match(vp):
                # "... the top codes to be put out to report - KC to action": the task is what went before
                vp = TASK_AFTER_SEPARATOR.sub("", sent.text[:rel]).strip(" *")
            out.append(_action(sent, subj.owners, vp))
            return out
    return _and_will_after_clause(sent, doc)


def _and_will_after_clause(sent: Sent, doc: Doc) -> list[Action]:
    """'Michael now has the contact details and will write a letter soon', 'Jo Hart was co-opted
    onto the Council and will sign a Declaration of Acceptance': a person (or post) opening the
    sentence, a clause of what they did or have, then 'and will VP' with no subject of its own,
    their undertaking (AND_WILL).  Not where someone else is named between: the task is then
    theirs or the sentence's grammar is not read here."""
    subj = subject_at(sent, 0, doc)
    if subj is None or subj.kind not in ("person", "post"):
        return []
    m = AND_WILL.search(sent.text, subj.end)
    if m is None or NOT_TASKS.match(m.group("vp")) or \
            any(subj.end < rel < m.start() for rel in subject_starts(sent)):
        return []
    return [_action(sent, subj.owners, m.group("vp"))]


AND_OWNERS_WILL = re.compile(r"\b(?:and|but|;)\s+(?=\S)")


def owners_will(sent: Sent, doc: Doc) -> list[Action]:
    """'... and MH and CC will manage this': named owners promising, after a clause of the body."""
    for m in AND_OWNERS_WILL.finditer(sent.text):
        subj = subject_at(sent, m.end(), doc)
        if subj is None or subj.kind not in ("person", "post"):
            continue
        will = WILL.match(sent.text[subj.end:]) or WOULD.match(sent.text[subj.end:])
        if will and not NOT_TASKS.match(will.group("vp")):
            return [_action(sent, subj.owners, will.group("vp"))]
    return []


# "The Council agreed that she bring together costs", "The Chair asked that the Clerk share
# the concern with the Borough", "It was proposed that LSCC order more copies": the mandative
# subjunctive (a bare verb after "that"), the form minutes give to what someone is to do.  Only
# a person or post owns it: a member asking that the body itself act ("requested that TCC
# purchase four more bins") makes a request, which the body may refuse, not a task.
# a resolution may stand as its own "That ..." line ("RESOLVED:" above it, or numbered under it)
MANDATE = guarded(re.compile(r"\b(?:agreed|asked|requested|instructed|directed|proposed|resolved|decided)\s*:?\s+that\s+(?:for\s+)?"
                             r"|^\s*(?:\(?[a-z0-9]{1,3}[.)]\s+)?That\s+(?=(?:the\s+)?[A-Z])"))
_NOT_BARE = re.compile(r"(?:would|will|should|could|can|may|might|must|shall|was|were|is|are|had|has|have|did|does|"
                       r"be|been|being|not|also|needed|wanted|felt|thought|said|agreed|only|all|too|as|at|in|on|of|"
                       r"to|and|or|if|who|which|that|the|a|an)\b|\w+(?:ed|[^s]s)\b")


def mandated(sent: Sent, doc: Doc) -> list[Action]:
    """'agreed/asked/requested that X VERB ...': X's task, X a person or a post."""
    for m in MANDATE.finditer(sent.text):
        pro = re.match(r"(?:she|he)\b", sent.text[m.end():])
        named = [p for p in sent.people if p.start - sent.start < m.start()]
        if pro and named:
            # "Following a suggestion by Cllr A the Council agreed that she bring ...": the
            # person the sentence named before
            owners, end = [Owner(named[-1].surface, "person", PersonRef(named[-1].surface, named[-1].start))], m.end() + pro.end()
        else:
            subj = subject_at(sent, m.end(), doc)
            if subj is None or subj.kind not in ("person", "post", "pronoun") or not subj.owners:
                continue
            owners, end = subj.owners, subj.end
        rest = sent.text[end:]
        # "resolved that the Clerk be asked to write to ...": the subjunctive of being told to
        rest = re.sub(rf"^\s+be\s+{_TOLD}\s+to(?=\s)", "", rest, flags=re.I)
        vp = re.match(r"\s+(?P<vp>[a-z]+\b.*)$", rest, re.S)
        if vp and not _NOT_BARE.match(vp.group("vp")) and not NOT_TASKS.match(vp.group("vp")):
            return [_action(sent, owners, vp.group("vp"))]
    return []


# "Cllr A asked County Cllr B to bring this matter up again with the Highways team", "She asked
# the Clerk to write to the owner": the one asked owns the task, a person or a post (a body
# asked to act is a request it may refuse; "the Chair invited Dr X to present" is done there
# and then, at the meeting)
ASKED = guarded(re.compile(r"(?<!\bbe\s)(?<!\bbeen\s)\b(?:asked|requested|instructed|tasked|invited|urged)\s+(?=\S)"))
_AT_THE_MEETING = re.compile(r"(?:present|introduce|speak|address|join|sit|chair|take\s+the\s+chair|say|comment|"
                             r"explain|declare|vote|note|approve|agree|raise\s+(?:his|her|their)\s+hands?|"
                             r"give\s+(?:a|an|the|his|her|their)\s+(?:\w+\s+)?(?:presentation|update|report|overview|summary))\b")


def asked_to(sent: Sent, doc: Doc) -> list[Action]:
    """'X asked Y to VERB ...': Y's task, Y a person or a post named there."""
    for m in ASKED.finditer(sent.text):
        subj = subject_at(sent, m.end(), doc)
        if subj is None or subj.kind not in ("person", "post") or not subj.owners:
            continue
        vp = re.match(r"\s+to\s+(?!be\b)(?P<vp>[a-z]\w*\b.*)$", sent.text[subj.end:], re.S)
        if vp and not NOT_TASKS.match(vp.group("vp")) and not _AT_THE_MEETING.match(vp.group("vp")) \
                and not sent.text.rstrip().endswith(":"):  # "asked KC to give a brief update on X:" then the update
            return [_action(sent, subj.owners, vp.group("vp"))]
    return []


# "b) the Civic Administration BE DIRECTED to provide an update ...", "that the Highways Team be
# asked to attend": a resolution's passive names the one told, often an officer or a department
# the minutes name nowhere else
DIRECTED = guarded(re.compile(rf"(?:^|[\s(:;])(?:[Tt]he\s+)(?P<who>[A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|for|and)){{0,5}}?)"
                              rf"\s+(?:be|BE)\s+{_TOLD}\s+to\s+(?P<vp>[a-z]\w*\b.*)$", re.S))


def directed(sent: Sent, doc: Doc) -> list[Action]:
    """'the X be directed/requested/asked to VERB ...': X's task."""
    m = DIRECTED.search(sent.text)
    if m is None or NOT_TASKS.match(m.group("vp")) or _AT_THE_MEETING.match(m.group("vp")):
        return []
    subj = subject_at(sent, m.start("who") - 4, doc)
    if subj is not None and subj.kind in ("person", "post", "org") and subj.owners:
        owners = subj.owners
    else:
        info = gz.lookup_post(m.group("who"))
        owners = [Owner(info.post, "post") if info else Owner(m.group("who"), "org")]
    return [_action(sent, owners, m.group("vp"))]


def _would(sent: Sent, doc: Doc, rel: int, end: int | None = None) -> list[Action]:
    """'X would VP' at rel, where X is a person or a post; the VP stops at end (the next clause)."""
    subj = subject_at(sent, rel, doc)
    if subj is None or subj.kind not in ("person", "post"):
        return []
    m = WOULD.match(sent.text[subj.end:end])
    return [_action(sent, subj.owners, m.group("vp"))] if m and not NOT_TASKS.match(m.group("vp")) else []


# "An inspection will be arranged by the Housing Maintenance section", "which would be completed
# by Councillors": a task in the passive, its owner after "by"
# The terse form drops the auxiliary: "Quotes to be obtained by the Clerk", "(to be agreed by
# the Board)"; two verbs may share the agent ("will be discussed and agreed by the Group").
PASSIVE_AGENT = re.compile(r"(?:\b(?:will|would|shall|is\s+to|are\s+to)\s+|(?<![\w-])(?i:to)\s+)(?:now\s+|also\s+|then\s+)?be\s+"
                           r"(?:(?:discussed|considered|reviewed|checked|drafted|prepared|agreed|approved|signed|"
                           r"circulated|collected|costed)\s+and\s+)?"
                           r"(?P<verb>[a-z]+(?:ed|en)|sent|made|done|put|sought|brought|paid|set|taken|given|led|run|kept)"
                           # "kept on file by the Clerk", "added to the website by the Clerk": a short
                           # place between the verb and its agent
                           r"(?:\s+(?:on|to|onto|into)\s+(?:the\s+|a\s+|our\s+|its\s+)?[a-z][\w-]*)?"
                           r"\s+by\s+(?=(?:the\s+|our\s+)?[A-Z])")
_AGENT_PHRASE = re.compile(r"(?:the\s+|our\s+)?(?P<who>[A-Z][\w’'/-]*(?:\s+(?:[A-Z][\w’'/-]*|section|team|department|"
                           r"office|unit|service|directorate))*)")


def passive_with_agent(sent: Sent, doc: Doc) -> Action | None:
    """'X will be arranged by the Housing Maintenance section': the agent owns the task."""
    m = PASSIVE_AGENT.search(sent.text)
    if not m or m.group("verb") in ("held", "chaired", "attended"):
        return None
    if re.search(r"\b(?:needs?|needed|has|have|had|ought|going|likely|able|wants?|seems?)\s+$", sent.text[:m.start()]):
        return None  # "anything for the website needs to be approved by the Chair": a rule, not a task
    subj = subject_at(sent, m.end(), doc)
    if subj is not None and subj.kind in ("person", "post", "org", "body", "collective"):
        owners = subj.owners
    else:
        phrase = _AGENT_PHRASE.match(sent.text, m.end())
        if not phrase or len(phrase.group("who").split()) < 2:
            return None
        owners = [Owner(phrase.group("who"), "org")]
    task = sent.text[:m.start()].strip().rstrip("(").strip()
    task = re.sub(r"^(?:[A-Z][\w ]{0,30}:\s*)", "", task)  # a "Reply:" label
    if len(task.split()) < 2:
        return None
    a = Action(text=f"{task} {m.group(0).split(' by')[0].strip()}".strip(), evidence=sent.evidence,
               owners=owners, item_index=sent.item_index)
    return a


# "... axials, HC to look at this", "... to report-KC to action", "...; Ann to ask": a task
# written after the discussion it comes from, its owner after a dash, comma or semicolon
# a verb phrase that names no task of its own: the task is the sentence before it
GENERIC_TASK = re.compile(r"^(?:action(?:\s+this)?|follow[\s-]?up(?:\s+on\s+this)?|look\s+(?:at|into)\s+(?:this|it)|"
                          r"progress(?:\s+this)?|sort(?:\s+this)?|investigate|do(?:\s+this|\s+so)?|take\s+forward)\W*$", re.I)


# "Contrast for malignancy to be discussed at next meeting", "Possibility of school photos
# returning will be discussed at the next meeting.", "This to be an agenda item for next
# meeting.": a matter put off to the next meeting is the body's to take up then
NEXT_MEETING = re.compile(r"^\s*[-–•·*]*\s*(?P<task>(?!to\b)[A-Za-z][^.;:?!]{1,120}?)\s+(?:will|is\s+to|are\s+to|to)\s+be\s+"
                          r"(?:(?:discussed|considered|reviewed|revisited|raised|decided|looked\s+at|brought\s+back|"
                          r"taken)(?:\s+(?:further|again|up))?\s+(?:at|to)|(?:put\s+on\s+|placed\s+on\s+|added\s+to\s+)?"
                          r"(?:an?\s+|the\s+)?agenda(?:\s+item)?\s+(?:for|at|of))\s+(?P<due>(?:the\s+)?next\s+meeting)"
                          r"\s*[.!]?\s*(?:-{3,}\s*)?$", re.I | re.S)  # a Markdown page's closing rule


def deferred_to_next_meeting(sent: Sent, doc: Doc) -> Action | None:
    """'X to be discussed at the next meeting': a task of the body, due at its next meeting."""
    if not doc.body:
        return None
    m = NEXT_MEETING.match(sent.text)
    if m is None:
        return None
    text = sent.text[m.start("task"):m.end("due")].strip(" *")
    a = Action(text=text, evidence=sent.evidence, owners=[Owner(doc.body, "body")], item_index=sent.item_index)
    a.due = "next meeting"
    return a


# "Helen C and Helen J organising", "Cllr Marsh is arranging to have a call with the
# sergeant": a task under way, its owners named before the verb of an errand in progress
# ("The Vice Chair has raised this with Y and is following up with Z": after what is done)
_DONE_AND = r"(?:(?:has|have)\s+[^.;]{0,120}?\s+and\s+)?"
IN_HAND = re.compile(rf"^\s*{_DONE_AND}(?:is|are|was|were)?\s*(?:currently\s+|now\s+|kindly\s+)?(?P<vp>(?:organising|organizing|"
                     r"arranging|liaising|following\s+up|looking\s+into|investigating|chasing|drafting|preparing)\b[^.;]*)$", re.S)


def in_hand(sent: Sent, doc: Doc) -> Action | None:
    """A person or post 'organising' or 'is arranging ...': the errand they have in hand."""
    for rel in subject_starts(sent):
        subj = subject_at(sent, rel, doc)
        if subj is None or subj.kind not in ("person", "post"):
            continue
        rest = sent.text[subj.end:].rstrip(" *)].")
        m = IN_HAND.match(rest)
        if m is None or (not re.match(rf"\s*{_DONE_AND}(?:is|are|was|were)\b", rest) and len(m.group("vp").split()) > 1
                         and not re.match(r"\w+\s+to\s+[a-z]", m.group("vp"))):
            # without "is", only a bare participle closing the clause ("- X organising)") or the
            # shorthand "Cllrs A & B arranging to relocate it"
            continue
        vp = m.group("vp").strip()
        if len(vp.split()) == 1:
            # the errand is what went before the owners: "FACE scan protocol (post meeting - X organising)"
            before = re.sub(r"[\s(\-–—,;:*]+$", "", sent.text[:rel]).strip(" *")
            if len(before.split()) < 1:
                continue
            vp = f"{vp} {before}"
        return _action(sent, subj.owners, vp)
    return None


def _action(sent: Sent, owners: list[Owner], vp: str) -> Action:
    vp = vp.strip().rstrip(".;,").strip()
    a = Action(text=vp, evidence=sent.evidence, owners=list(owners), item_index=sent.item_index)
    a.due = due_of(vp)
    a.text = without_trailing_due(vp, a.due)
    return a


def without_trailing_due(text: str, due: str | None) -> str:
    """'renew the policy before it expires on 1 August' -> 'renew the policy': the due date
    that closes a task is kept as its due, not repeated in its text."""
    if due and text.endswith(due):
        rest = text[: -len(due)].rstrip(" ,;")
        if len(rest.split()) >= 2:
            return rest
    return text


DUE = re.compile(r"\b(?:(?:by|before|for|at|in\s+time\s+for|ahead\s+of)\s+(?:the\s+)?(?:end\s+of\s+)?"
                 r"(?:next\s+(?:meeting|month|week|year)|(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|"
                 r"April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?(?:\s+meeting)?|"
                 r"\d{1,2}/\d{1,2}/\d{2,4}|(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
                 r"September|October|November|December)\s+(?:meeting|agenda))"
                 r"|\b(?:in\s+)?(?:early|mid|late)[- ](?:January|February|March|April|May|June|July|August|"
                 r"September|October|November|December)"
                 r"|\bbefore\s+(?:it|they|this|the\s+\w+)\s+(?:expires?|ends?|closes?|lapses?|runs\s+out)\s+on\s+\d{1,2}"
                 r"(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                 r"December)(?:\s+\d{4})?"
                 r"|\bon\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
                 r"October|November|December)(?:\s+\d{4})?"
                 r"|\bto\s+the\s+(?:next|January|February|March|April|May|June|July|August|September|October|"
                 r"November|December)\s+(?:meeting|Board|Committee|Council)"
                 r"|\bat\s+the\s+next\s+meeting|\bASAP\b|\bimmediately\b|\bongoing\b)", re.I)


def due_of(text: str) -> str | None:
    m = DUE.search(text)
    return m.group(0).strip() if m else None


_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]


def due_date(due: str | None, meeting_date: str | None) -> str | None:
    """An ISO date for a due phrase that names a day or a month ('by 31 March 2025', 'by the
    end of January'); the year is the meeting's, or the next one for a month already past."""
    if not due:
        return None
    import calendar
    m = re.search(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(" + "|".join(_MONTHS) + r")(?:\s+(\d{4}))?", due, re.I)
    if m:
        month = _MONTHS.index(m.group(2).lower()) + 1
        year = int(m.group(3)) if m.group(3) else None
        if year is None and meeting_date:
            my, mm = int(meeting_date[:4]), int(meeting_date[5:7])
            year = my + 1 if month < mm else my
        if year is None:
            return None
        day = int(m.group(1)) if m.group(1) else calendar.monthrange(year, month)[1]
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", due)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


# -- one task recorded once (agreed in the prose, listed again in a closing log) -----------

def owners_confirmed(ex: Extraction, label: Action) -> bool:
    """'The General Manager and the Chair will meet ...' then 'ACTION: AW': the label names
    the owner of the task the prose just recorded; it adds owners, not a second task."""
    if not ex.actions or label.evidence.quote.lstrip()[:1] == "":
        return False
    last = ex.actions[-1]
    if not (label.evidence.start <= last.evidence.start < label.evidence.end):
        return False
    if label.owners and all(o.kind == "body" for o in last.owners):
        # "This to be an agenda item for next meeting. ACTION: MS": the label says who
        last.owners = []
    keys = {owner_key(o, ex.aliases) for o in last.owners}
    for o in label.owners:
        if owner_key(o, ex.aliases) not in keys and not any(keys_match(owner_key(o, ex.aliases), k) for k in keys):
            last.owners.append(o)
    return True


def add_action(ex: Extraction, a: Action, since: int | None = None,
               among: Callable[[Action], bool] | None = None) -> None:
    """Add an action unless the same task for the same owner is already recorded
    (agreed in the prose, then listed again in a closing list, log or table, where the
    owner is often written as initials and the task in fewer words).  With `since`, only a
    task recorded from that offset on counts as the same one; with `among`, only one it holds for."""
    a.text = " ".join(a.text.split())
    mine = {owner_key(o, ex.aliases) for o in a.owners}
    for o in ex.actions:
        if since is not None and o.evidence.start < since:
            continue
        if among is not None and not among(o):
            continue
        theirs = {owner_key(x, ex.aliases) for x in o.owners}
        same_owner = any(keys_match(p, q) for p in mine for q in theirs)
        shared = len(words(a.text) & words(o.text))
        # (a task of one word, "MK to confirm." under an item's own "Action" heading, says too little
        # to be the same as an earlier one of that owner, "confirm the uniform policy")
        if (same_owner and similar(a.text, o.text) >= 0.3 and (shared >= 2 or similar(a.text, o.text) >= 0.6
                                                            and min(len(words(a.text)), len(words(o.text))) >= 2)) \
                or (not mine and similar(a.text, o.text) >= 0.6):
            return
    ex.actions.append(a)


def owner_key(o: Owner, aliases: dict[str, str]) -> str:
    """Initials standing for an owner: 'Angela Frost' and 'AF' both give 'AF'."""
    if o.kind == "post" and o.person is None:
        return "post:" + o.surface.lower()  # an unnamed Clerk is not Cllr Cobb ("CC") by initial
    name = o.person.surface if o.person else o.surface
    name = aliases.get(name, name)
    if re.fullmatch(r"[A-Z]{2,4}|[A-Z]{2}[a-z]", name):
        return name.upper()
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and w.rstrip(".") not in TITLE_WORDS]
    return "".join(w[0] for w in words).upper()


def keys_match(a: str, b: str) -> bool:
    # "Det Supt Halloran" gives "H": it matches "MH" by the surname's initial
    return a == b or (min(len(a), len(b)) == 1 and a[-1] == b[-1])


# -- component (see kg.extract.COMPONENTS) --------------------------------------------------

def _question_of(said, prev: str | None) -> str | None:
    """The question a speaker asked, which 'The Clerk agreed to find out' answers next."""
    for st in said:
        if st.verb == "asked":
            return re.sub(r"^(?:if|whether)\s+", "", st.text)
    return prev if not said else None


# "Reply:" / "REPLY:" / "Response:": the council's written answer to a question or notice of
# motion, as Irish councils print them under each one
REPLY_LABEL = re.compile(r"^\W*(?:reply|response|answer)\W*:", re.I)


def reply_tasks(s: Sent, doc: Doc) -> list[Action]:
    """'A report should be available for the May meeting', in a written reply that names no one:
    the body that replies owns what it promises the meeting."""
    m = _RX_DELIVERABLE.search(s.text)
    if not m or not doc.body:
        return []
    return [_action(s, [Owner(doc.body, "body")], re.sub(r"[\s*_–—-]+$", "", m.group(0)))]


# "The Interim Finance Director reported that the plan is on track. He will send reminders ...",
# "The Chair and General Manager reported on their meeting. They will continue to work with ...",
# "The Garage had advised the Clerk ... They agreed to contact the Clerk": a sentence opening on
# a pronoun carries on from the one before, whose subject it stands for (rather than whoever
# spoke last).  "He"/"She" stand for one person or post, "They" for two or more or for an
# organisation; a subject that is not a person, post or organisation ("Other cameras were to
# be connected. They would link ...") gives no owner.
_RUN_IN_HEADING = re.compile(r"^[^.:;–—\n]{2,60}?(?::|\s[–—-])\s+(?=[A-Z])")
LEADING_PRONOUN = re.compile(r"^[\s\-–•·*]*(?P<p>He|She|They)\s+(?=\S)")


def carried_subject(r: Reading, s: Sent) -> list[Action]:
    """A task whose subject is a pronoun standing for the subject of the sentence before."""
    m = LEADING_PRONOUN.match(s.text)
    before = r.previous
    if m is None or before is None:
        return []
    # "Transition Plan: The Finance Director reported ...": the subject follows the run-in heading
    label = _RUN_IN_HEADING.match(before.text)
    subj = (subject_at(before, label.end(), r.doc) if label else None) or subject_at(before, 0, r.doc)
    if subj is None or subj.kind not in ("person", "post", "org"):
        return []
    many = len(subj.owners) > 1 or subj.kind == "org"
    if (m.group("p") == "They") != many:
        return []
    rest = s.text[m.end() - 1:]
    for rx in (COMMIT, WILL, WOULD):
        t = rx.match(rest)
        if t and not NOT_TASKS.match(t.group("vp")) and not re.match(r"(?:be\s+)?(?:being|been)\b", t.group("vp")):
            return [_action(s, subj.owners, t.group("vp"))]
    return []


# "Horticultural Report, 8th January 2020: Cllr Raj Patel", "6. Curators report (PE)": a member's
# written report read into the minutes, its author named at its head.  What the report says
# will be done, no agent written ("Weeding and raking will be completed by the end of January",
# "In the Spring there will be a further pruning of the shrubs", "Sign wording agreed and will
# be installed shortly"), is its author's to do, as when a member says so in person ("X said that
# there will be another event", see REPORTED).  Only a person or post heads such a report: a
# group's report speaks as "we" (Sent.voice).
REPORT_HEAD = re.compile(r"^[\s\d.)•·*-]*(?:[A-Z][\w’'-]*\s+){1,4}[Rr]eport\b(?:\s*,\s*[^:()–—]{3,30}?)?"
                         r"\s*(?::|(?P<paren>\()|[–—-])\s*")
_AUTHOR_KINDS = ("person", "post")
# a short opening phrase of time or manner before the clause ("In the Spring", "Over the next
# 6-8 weeks,", "As planned,")
_LEAD_ADVERBIAL = (r"(?:(?:in|over|during|within|from|after|by|as|at|early|later|next)\b[^.;:,]{0,40}?,?\s+)?")
REPORT_FUTURE = re.compile(
    r"^[\s\-–•·*]*(?:\(?[ivx]{1,4}\)|\(?[a-z0-9]{1,2}[.)])?\s*(?:"
    rf"{_LEAD_ADVERBIAL}there\s+will\s+be\s+(?P<there>(?:a|an|the|some|further|more)\b.+)"
    r"|(?P<np>(?!(?:it|this|that|these|those|they|there|he|she|we|i|you)\b)[A-Za-z][\w\s,’'&/-]{2,80}?)"
    r"\s+(?:will|is\s+to|are\s+to)\s+(?:now\s+|also\s+|then\s+)?be\s+"
    r"(?P<pp>(?!(?:open|keen|often|even)\b)[a-z]+(?:ed|en)|sent|built|set|put|made|done|kept|paid|taken|given)\b(?P<rest>.*))$",
    re.S | re.I)


# what a place or thing will be, not what anyone does to it
_STATES = {"closed", "opened", "open", "shut", "located", "based", "situated", "affected", "delayed", "cancelled",
           "canceled", "postponed"}


def report_author(s: Sent, doc: Doc, known: set[str] = frozenset()) -> list[Owner] | None:
    """The person or post named as the author at the head of a report ('... Report: Cllr X',
    '... report (PE)'), or None.  A run-in heading runs the name into the report's first words
    ("Cllr Raj Patel Communal beds"): a name the minutes write elsewhere (`known`) that begins
    it is the author."""
    m = REPORT_HEAD.match(s.text)
    if m is not None:
        subj = subject_at(s, m.end(), doc)
        if subj is None or subj.kind not in _AUTHOR_KINDS or not subj.owners:
            return None
        if m.group("paren") and not re.match(r"\s*\)", s.text[subj.end:]):
            return None  # "report (Cllr X asked ...)": a remark, not the author's name
        out = []
        for o in subj.owners:
            name = o.person.surface if o.person else o.surface
            shorter = max((k for k in known if name.startswith(k + " ")), key=len, default=None)
            if shorter and o.kind == "person":
                o = Owner(shorter, "person", PersonRef(shorter, o.person.start if o.person else -1))
            out.append(o)
        return out
    return None


def reported_in_report(s: Sent, author: list[Owner]) -> Action | None:
    """A sentence of an authored report saying what will be done, no agent written: the author's task."""
    m = REPORT_FUTURE.match(s.text.strip())
    if m is None:
        return None
    if m.group("np") is not None:
        if re.search(r"\bby\s+(?:the\s+|our\s+)?[A-Z]", m.group("rest")) or not_reported_task(m.group("np"), m.group("pp")) \
                or m.group("pp").lower() in _STATES:
            return None  # an agent written (passive_with_agent), news, or a state ("will be closed")
        text = s.text.strip()
    else:
        text = m.group("there")
    text = re.sub(r"^[\s\-–•·*]+", "", text)
    return _action(s, author, text)


_TAKING_OFFICE = re.compile(r"(?:take\s+on|continue\s+(?:in|as)|remain\s+(?:in|as)|serve\s+as|act\s+as|stand\s+as|"
                            r"take\s+(?:his|her|their|the)\s+place)\b")
_BODY_AGREED_AFTER = guarded(re.compile(r",?\s+and\s+(?:it|this)\s+was\s+(?:also\s+|then\s+|unanimously\s+)?"
                                        r"(?:agreed|resolved|decided|approved)\b.*$", re.S))


def undertaking(a: Action) -> Action:
    """A person's task in a sentence of the body's decision, without the decision that follows it."""
    a.text = _BODY_AGREED_AFTER.sub("", a.text).strip() or a.text
    return a


# a section that lists a meeting's actions ("ACTION SUMMARY", "Action Items Resulting",
# "Actions arising"), or a line labelled as one ("ACTIONS: Cllr A to ..."): what it lists the
# items above have mostly minuted already, in their own words
_ACTION_LIST_TITLE = re.compile(r"(?i)^\W*(?:(?:summary\s+of|new)\s+)?actions?(?:\s+(?:summary|items?|points?|list|"
                                r"log|arising|resulting|agreed))*(?:\s+(?:resulting|arising))?\W*$")
_ACTION_LINE = re.compile(r"^\s*[-•*]?\s*\**ACTIONS?\**\s*[:\-–—]")


def _in_action_list(s: Sent) -> bool:
    """Whether the sentence is an entry of a list of the meeting's actions (see _ACTION_LIST_TITLE)."""
    return bool(_ACTION_LINE.match(s.text) or s.section.kind == "item" and _ACTION_LIST_TITLE.match(s.section.title or ""))


def component(r: Reading, s: Sent) -> bool:
    """Tasks agreed in the prose, with their owners and when they are due."""
    ex = r.ex
    prev_question = r.state.get("question")
    if REPLY_LABEL.match(s.text):
        r.state["reply"] = s.section
    elif r.state.get("reply") is not s.section:
        r.state["reply"] = None
    author = report_author(s, r.doc, {p.surface for p in ex.people}) if REPORT_HEAD.match(s.text) else None
    if author is not None:
        r.state["report"] = (s.section, author)
    elif (r.state.get("report") or (None,))[0] is not s.section:
        r.state["report"] = None
    if r.decision is None and r.declaration is None:
        acts = carried_subject(r, s) or actions_of(s, r.doc, prev_question)
        if not acts and r.state.get("report") and author is None:
            told = reported_in_report(s, r.state["report"][1])
            acts = [told] if told is not None else []
        if not acts and r.state.get("reply") is s.section:
            acts = reply_tasks(s, r.doc)
        if not acts:
            later = deferred_to_next_meeting(s, r.doc) or in_hand(s, r.doc)
            acts = [later] if later is not None else []
        before = r.previous
        for a in acts:
            if before is not None and GENERIC_TASK.match(a.text) and len(acts) == 1 and len(s.text.split()) <= 8:
                # "The Clerk agreed to do.", "Paul Lee and Sam Ward to follow up.": a sentence that
                # is only an owner and a generic verb; the task is the sentence before
                task = re.sub(r"^[\s\-–•·*]+", "", before.text).strip().rstrip(".")
                a.text = re.sub(r"^It\s+was\s+(?:also\s+)?(?:agreed|resolved)\s+(?:that\s+|to\s+)", "", task)
        if acts and _in_action_list(s):
            # a closing list of the meeting's actions ("Action summary", "Action items
            # resulting", "ACTIONS: ...") repeats what the items above minuted: one task
            for a in acts:
                add_action(ex, a)
        else:
            ex.actions.extend(acts)
    elif r.declaration is None:
        # "It was agreed that SAG should have a budget and MH and CC will manage this":
        # a decision, and the task of those who carry it out
        acts = owners_will(s, r.doc) or mandated(s, r.doc) or directed(s, r.doc)
        if not acts and APPOINTMENT.search(s.text):
            # "A agreed to look at the work involved and, if not too onerous, to take on the role":
            # the appointment is the body's decision; what A undertakes before it is still A's task
            acts = [a for a in actions_of(s, r.doc, prev_question) if not _TAKING_OFFICE.match(a.text)]
        elif not acts:
            # "The Chair agreed to continue investigations and it was agreed to add to the April
            # agenda", "B volunteered to take his place, and this was unanimously agreed": the
            # body's agreement, and in the same sentence what a person or post undertakes
            acts = [undertaking(a) for a in actions_of(s, r.doc, prev_question)
                    if a.owners and all(o.kind in ("person", "post") for o in a.owners)
                    and not _TAKING_OFFICE.match(a.text)]
        ex.actions.extend(acts)
    r.state["question"] = _question_of(r.said, prev_question)
    return False
