"""The shortcuts taken for speed give the answers of the patterns they stand in front of.

Extraction and linking test a plain substring before running a slow pattern, compile a
pattern once per set of names, and keep what several rules read of one sentence.  Each
table below holds lines in the shape of real minutes; the expected answer is what the
pattern alone gives.
"""
from __future__ import annotations

import re

import pytest

from kg.extract import attendance, judgements, names
from kg.extract.grammar import subject_starts
from kg.extract.sentences import Sent
from kg.link import _owner_named


def _code_pattern(code: str) -> re.Pattern:
    return re.compile(rf"(?:(?<![\w’'-])|(?<=[a-z]-)){re.escape(code)}(?![\w-])")


@pytest.mark.parametrize("code, raw, expected", [
    ("KC", "Referrals are slow to come through - KC to action.", True),
    ("KC", "The audit was put out to report-KC to action", True),
    ("KC", "KCs and their deputies were thanked.", False),
    ("KC", "The BKC figures were noted.", False),
    ("Helen C", "Helen Cross and Helen C will organise the rota.", True),
    ("Helen C", "Helen Cross will organise the rota.", False),
    ("Helen C", "Helen Carter-Helen C", True),  # a dash after a lower-case letter separates
    ("Helen C", "CEO-Helen C", False),  # after a capital it joins
    ("JS", "No update from the working group.", False),
])
def test_attendee_code_found_where_the_pattern_finds_it(code, raw, expected):
    assert attendance._written(code, raw) is expected
    assert bool(_code_pattern(code).search(raw)) is expected


@pytest.mark.parametrize("raw, expected", [
    ("Leadership and management were judged to be good.", ["good"]),
    ("The effectiveness of leaders was found to be 'requires improvement'.", ["requires improvement"]),
    ("Help and protection was judged Inadequate by the inspectors.", ["inadequate"]),
    ("The inspectors met staff, children and carers over five days.", []),
    ("Members noted the report and thanked officers for their work.", []),
])
def test_judgements_read_with_and_without_a_grade_word(raw, expected):
    sent = Sent(0, len(raw), raw, None, None)
    assert [j.grade for j in judgements.judgements_of(sent, "Ofsted")] == expected


@pytest.mark.parametrize("owners, raw, expected", [
    (["Cllr Jane Parfitt"], "Cllr Parfitt had written to the landowner.", True),
    (["Cllr Jane Parfitt"], "The Parfitts' hedge was cut back.", False),
    (["Mark Stubbs"], "MS had contacted the supplier.", True),
    (["Mark Stubbs"], "Reported via IB/MS to the board.", False),
    (["Mark Stubbs"], "The MSc course was discussed.", False),
    (["Highways Team"], "HT is on the agenda.", False),  # a body has no initials
    (["  "], "Nothing to report.", False),
    (["Clerk", "Tom Lee"], "Lee to chase the contractor.", True),
    (["Clerk", "Tom Lee"], "The fleet was inspected.", False),
    (["Clerk", "Tom Leeson"], "Mr Leeson chased the contractor.", True),
])
def test_owner_named_as_the_patterns_say(owners, raw, expected):
    assert _owner_named_by_patterns(owners, raw) is expected
    assert _owner_named(owners, raw) is expected
    assert _owner_named(owners, raw) is expected  # the second time from the compiled patterns


def _owner_named_by_patterns(owners: list[str], text: str) -> bool:
    # the rule as the patterns alone state it, run afresh each time
    from kg.link import _ORG
    for o in owners:
        o = o.strip()
        if not o:
            continue
        last = o.split()[-1].lower()
        if len(last) >= 3 and re.search(rf"\b{re.escape(last)}\b", text.lower()):
            return True
        parts = o.split()
        if 2 <= len(parts) <= 3 and all(w[:1].isupper() for w in parts) and not _ORG.search(o):
            if re.search(rf"(?<![\w/]){''.join(w[0] for w in parts)}(?![\w])", text):
                return True
    return False


def test_declared_initials_are_fresh_lists_each_time():
    # extract() appends to the ambiguous lists; a later document must not see that
    text = "Present: Mike Hosking (MH), Marion Harvey (MH) and Ann Lee (AL)."
    first = names.ambiguous_aliases(text)
    assert first == {"MH": ["Mike Hosking", "Marion Harvey"]}
    first["MH"].append("Someone Else")
    assert names.ambiguous_aliases(text) == {"MH": ["Mike Hosking", "Marion Harvey"]}
    assert names.declared_aliases(text) == {"AL": "Ann Lee"}


def test_subject_starts_kept_per_sentence_and_handed_out_as_a_copy():
    raw = "The Clerk reported that the Chair had written, and Cllr Reed agreed to chase."
    sent = Sent(0, len(raw), raw, None, None)
    first = subject_starts(sent)
    first.append(999)
    assert subject_starts(sent) == first[:-1]
