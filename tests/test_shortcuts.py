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
    ("JS", "JS", True),  # the whole text: nothing either side
    ("JS", "Actions: JS_2 and JS's note.", True),  # "_" is a word's; "’"/"'" join before, not after
    ("JS", "Actions:JS;", True),
    ("JS", "Owner 'JS' agreed.", False),  # a quote before joins the code to it
    ("JS", "-JS to chase", False),  # a dash with no lower-case letter before it joins
    ("JS", "A-JS to chase", False),  # after a capital and a dash it joins
    ("JS", "ÉJS and JSé", False),  # letters beyond ASCII are a word's either side
    ("JS", "é-JS to chase", False),  # only an ASCII lower-case letter before the dash separates
    ("JS", "JS2 and 2JS, then JS.", True),  # the third is free
    ("JS", "²JS", False),  # a numeric sign is a word's character to a regex too
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


# -- the compiled stemmer (PyStemmer, used by snowballstemmer when installed) ----------------

def _python_stem(word: str) -> str:
    from snowballstemmer.english_stemmer import EnglishStemmer
    return EnglishStemmer().stemWord(word)


def test_the_compiled_stemmer_is_the_one_in_use():
    import snowballstemmer
    import Stemmer
    assert isinstance(snowballstemmer.stemmer("english"), Stemmer.Stemmer)


@pytest.mark.parametrize("word", [
    "recruitment", "recruited", "highways", "cemeteries", "cemetery", "councillors", "agreed", "arising",
    "minutes", "resurfacing", "defibrillator", "noticeboard", "precept", "allotments", "generously",
    "organisation", "organization", "reinstated", "chased", "ongoing", "skateboarding", "communities",
    "don't", "o'brien", "st.", "re-sited", "well-being", "naïve", "café", "fryer’s", "2024", "a", "",
])
def test_the_compiled_stemmer_gives_the_python_stems(word):
    from kg.ask import stem
    from kg.link import _stem
    assert _stem(word) == _python_stem(word)
    assert stem(word) == _python_stem({"xmas": "christmas"}.get(word, word).lower())


def test_the_compiled_stemmer_gives_the_python_stems_over_the_corpus():
    from tests.test_rxfilter import _corpus_texts
    words = {w.lower() for text in _corpus_texts() for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)}
    import snowballstemmer
    compiled = snowballstemmer.stemmer("english")
    assert len(words) > 1000
    assert [w for w in sorted(words) if compiled.stemWord(w) != _python_stem(w)] == []
