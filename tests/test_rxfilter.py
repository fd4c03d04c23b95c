"""The shortcut that skips a pattern a text cannot match (kg.rxfilter): it must never skip a
pattern that would have matched, and it must skip where none of the pattern's words is there."""
import re

import pytest

from tests.conftest import CORPUS
from kg import link
from kg.rxfilter import folded, may_match, needs


def _cue_unfiltered(text: str) -> tuple[int, str | None]:
    """link._last_cue as it was before the shortcut: every rule searched."""
    cues = []
    for state, rx in link.STATE_RULES:
        for m in rx.finditer(text):
            cues.append((m.end(), m.end() - m.start(), state))
    if not cues:
        return -1, None
    end, _, state = max(cues)
    return end, state


# (pattern, flags, text, whether it matches): every pattern shape the shortcut reads
# (alternatives, optional words, fixed groups, boundaries, character sets, repeats)
PATTERNS = [
    (r"\bno longer (?:required|needed)\b|\bwithdrawn\b", re.I, "The item was WITHDRAWN by the applicant.", True),
    (r"\bno longer (?:required|needed)\b|\bwithdrawn\b", re.I, "The hire of the hall is No Longer Needed.", True),
    (r"\bno longer (?:required|needed)\b|\bwithdrawn\b", re.I, "The hall is no longer available.", False),
    (r"\bha(?:d|s|ve) (?:now )?(?:been )?(?:\w+ed|done)\b", re.I, "The Clerk has now written to the owner.", False),
    (r"\bha(?:d|s|ve) (?:now )?(?:been )?(?:\w+ed|done)\b", re.I, "The Clerk Had now emailed the owner.", True),
    (r"\b(?:to|for) (?:the |a )?(?:next|future) (?:meeting|agenda)\b", re.I, "Deferred to the next\nmeeting.", False),
    (r"\b(?:to|for) (?:the |a )?(?:next|future) (?:meeting|agenda)\b", re.I, "Carried to a Future Agenda.", True),
    (r"\bremains? (?:on|open)\b", re.I, "The action remain open.", True),
    (r"\bremains? (?:on|open)\b", re.I, "The action remains on the log.", True),
    (r"\bc/f\b|\bb/f\b", re.I, "Footpath 17 – C/F", True),
    (r"[Ii]t\s+was\s+agreed", 0, "It was agreed to repair the bench.", True),
    (r"[Ii]t\s+was\s+agreed", 0, "it  was\tagreed that the Clerk write.", True),
    (r"[Ii]t\s+was\s+agreed", 0, "IT WAS AGREED to write.", False),
    (r"(?:Cllr|Councillor)\s+[A-Z][a-z]+ (?:will|to) (?:write|contact)", 0, "Councillor Hale to contact the Trust.", True),
    (r"(?:clerk|chair(?:man|person)?)\s+(?:also )?(?:submitted|emailed)\b", re.I, "The Chairperson also emailed the school.", True),
    (r"(?i:awaiting) a reply", 0, "Still AWAITING a reply.", True),
    (r"\bstill (?:awaited|waiting)\b", re.I, "Quote ſtill awaited from the contractor.", True),  # "ſ" matches "s"
    (r"\bstill (?:awaited|waiting)\b", re.I, "\u212along wait: still awaited.", True),
]


@pytest.mark.parametrize("pattern, flags, text, matches", PATTERNS)
def test_a_pattern_is_skipped_only_where_it_cannot_match(pattern, flags, text, matches):
    rx = re.compile(pattern, flags)
    assert bool(rx.search(text)) is matches
    if matches:
        assert may_match(rx, text)


@pytest.mark.parametrize("pattern, flags, text", [
    (r"\bno longer (?:required|needed)\b|\bwithdrawn\b", re.I, "The hall is available on Tuesdays."),
    (r"\bha(?:d|s|ve) (?:now )?(?:been )?(?:\w+ed|done)\b", re.I, "The Clerk wrote to the owner."),
    (r"[Ii]t\s+was\s+agreed", 0, "Members resolved to repair the bench."),
    (r"\b(?:to|for) (?:the |a )?(?:next|future) (?:meeting|agenda)\b", re.I, "Carried forward to March."),
])
def test_a_pattern_none_of_whose_words_the_text_holds_is_skipped(pattern, flags, text):
    rx = re.compile(pattern, flags)
    assert not rx.search(text)
    assert not may_match(rx, text)


def test_a_pattern_that_needs_no_word_is_always_searched():
    rx = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")  # capitalised runs: no literal
    assert needs(rx) is None
    assert may_match(rx, "no capitals here")


def test_odd_case_letters_turn_the_shortcut_off():
    assert folded("Quote ſtill awaited") is None
    assert folded("Still Awaited – the Clerk’s note") == "still awaited – the clerk’s note"


# report-back sentences in the shape minutes write them, each rule's cue and its near misses
STATE_SENTENCES = [
    "Village sign – the quote is no longer required as the Parish Council has withdrawn the request.",
    "Bench at the playing field – carried forward to the next meeting.",
    "Footpath 17 – C/F to a future agenda; the Clerk will still chase Highways.",
    "Streetlight on Indigo Road: no further update; still awaited from the county.",
    "The Clerk had not yet been able to contact the landowner.",
    "Hedge cutting is in hand and the contractor is due to start in March.",
    "The grant application is being considered; the Chair chase up the funder.",
    "Clerk contacted the recommended specialist but no return call received.",
    "Cllr Hale spoke to the Insurance Company and the cover was confirmed.",
    "The Chair welcomed everyone to the meeting.",
    "Councillors discussed locations of charity land in the village.",
    "THE DEFIBRILLATOR HAS BEEN INSTALLED AND IS IN PLACE.",
    "Quote ſtill awaited from the contractor.",
    "Removal of the old noticeboard: deleted from the action log.",
    "Working with the school; investigating a new site; started in May.",
]


@pytest.mark.parametrize("text", STATE_SENTENCES)
def test_the_state_rules_find_the_same_cue_with_the_shortcut(text):
    assert link._last_cue(text) == _cue_unfiltered(text)


def _corpus_texts() -> list[str]:
    from kg.read import read_document
    folders = [CORPUS, CORPUS / "unlabelled"]
    paths = [p for f in folders if f.is_dir() for p in sorted(f.iterdir())
             if p.suffix in (".txt", ".md", ".xml")]
    if not paths:
        pytest.skip(f"{CORPUS} not present (the development corpus is not part of the project)")
    return [read_document(str(p)).text for p in paths]


def test_the_state_rules_find_the_same_cues_over_the_corpus():
    from kg.segment import sentences
    checked = 0
    for text in _corpus_texts():
        for s, e in sentences(text, 0, len(text)):
            quote = text[s:e]
            assert link._last_cue(quote) == _cue_unfiltered(quote), quote
            checked += 1
    assert checked > 1000
