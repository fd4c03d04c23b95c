"""The shortcut that skips a pattern a text cannot match (kg.rxfilter): it must never skip a
pattern that would have matched, and it must skip where none of the pattern's words is there."""
import re

import pytest

from tests.conftest import CORPUS
from kg import link
from kg.rxfilter import Guarded, folded, guarded, may_match, needs


def _cue_unfiltered(text: str) -> tuple[int, str | None]:
    """link._last_cue as it was before the shortcut: every bare rule searched."""
    return link._last_cue(text, link.STATE_RULES)


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


def _guarded_patterns() -> list[tuple[str, Guarded]]:
    import importlib
    import pkgutil

    import kg
    out = []
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            if isinstance(value, Guarded) and value.__class__ is Guarded:
                out.append((f"{info.name}.{name}", value))
    return out


GUARDED = _guarded_patterns()

# lines in the shape of minutes that the finders' guarded patterns are written for, and
# their near misses (a word of the pattern without the rest, the words in capitals)
FINDER_LINES = [
    "It was agreed that the Clerk would write to the landowner.",
    "Members agreed that the hedge be cut back; the motion was LOST.",
    "Proposed by Cllr Hale, seconded by Cllr Reed, all in favour.",
    "The minutes of the meeting held on 4 May were AGREED as a true and accurate record and signed.",
    "The Library Service is now managed by Suffolk Libraries IPS.",
    "The Partnership, consisting of the three schools, met in June.",
    "Cllr Brown presented the Treasurer’s report on the accounts.",
    "Apologies were received from Cllr Smith and Mrs Jones.",
    "Mr Patel was in attendance for item 6.",
    "The Chairman welcomed everyone and opened the meeting.",
    "Board members present: Clark, Costa and Rice.",
    "The Clerk was asked to contact Highways; the Parish Council resolved that the bench be repaired.",
    "b) That the Highways Team be directed to report back to the next meeting.",
    "Accounts approved for payment.",
    "All Councillors were happy with the proposal.",
    "Jo Bright agreed to continue in the role of Tree Warden.",
    "SIG PM’s to sort the rota; PC Reps to look over the website.",
    "Merlin Waste - £30; Aurora Merchants invoice paid.",
    "Interview on BBC Radio Suffolk about the library.",
    "the Municipal District of Cappamore Kilmallock",
    "We will review the policy and Trustees agreed.",
    "Clerk’s Report: matters arising from the previous meeting.",
    "Trustees expressed their thanks to the volunteers.",
    "no words of any pattern here at all",
    "ſtill awaited: IT WAS AGREED THAT the Clerk write.",
]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.span(), a.groups()) == (b.span(), b.groups())


def _lines_and_corpus_sentences() -> list[str]:
    from kg.segment import sentences
    lines = list(FINDER_LINES)
    try:
        texts = _corpus_texts()
    except pytest.skip.Exception:
        return lines
    for text in texts:
        lines.extend(text[s:e] for s, e in sentences(text, 0, len(text)))
    return lines


def test_the_finders_have_guarded_patterns():
    assert len(GUARDED) >= 20  # the shortcut is in use: each below is checked against its pattern


@pytest.mark.parametrize("name, g", GUARDED, ids=[n for n, _ in GUARDED])
def test_a_guarded_finder_pattern_finds_what_its_pattern_finds(name, g):
    texts = _lines_and_corpus_sentences()
    for text in texts:
        assert _same(g.search(text), g.rx.search(text)), (name, text)
        assert _same(g.match(text), g.rx.match(text)), (name, text)
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in g.rx.finditer(text)], (name, text)
        assert g.findall(text) == g.rx.findall(text), (name, text)
        assert g.sub("#", text) == g.rx.sub("#", text), (name, text)


def test_a_guarded_pattern_answers_as_its_pattern_where_it_cannot_match():
    g = guarded(re.compile(r"\b(?:was|were)\s+(?:lost|defeated)\b", re.I))
    assert isinstance(g, Guarded)
    text = "The bench was repaired."
    assert g.search(text) is None and g.match(text) is None and g.fullmatch(text) is None
    assert list(g.finditer(text)) == [] and g.findall(text) == [] and g.sub("x", text) == text
    assert g.search("The motion WAS  Lost.").group(0) == "WAS  Lost"
    # from a position, the pattern's own search
    assert g.search("It was lost. It was lost.", 5).start() == 16
    assert g.pattern == g.rx.pattern and g.groupindex == g.rx.groupindex


def test_a_pattern_that_needs_no_string_is_not_wrapped():
    rx = re.compile(r"[A-Z][a-z]+")
    assert guarded(rx) is rx


def test_a_copied_or_pickled_guarded_pattern_is_still_guarded():
    import copy
    import pickle
    g = guarded(re.compile(r"\b(?:was|were)\s+(?:lost|defeated)\b", re.I))
    for other in (copy.copy(g), copy.deepcopy(g), pickle.loads(pickle.dumps(g))):
        assert isinstance(other, Guarded)
        assert other.search("The amendment was LOST.").group(0) == "was LOST"
        assert other.search("The bench was repaired.") is None


# (pattern, flags, whether no match nor look-around of it can take in a line break)
LINE_SHAPES = [
    (r"(?P<name>[A-Z][\w’'-]+)[ \t]+be[ \t]+elected[ \t]+(?P<post>[A-Z][a-z]+)\b", 0, True),
    (r"\b(?i:to)[ \t]+elect[ \t]+[A-Z]\w+(?![ \t]+[A-Z])", 0, True),
    (r"(?<=[.:;] )The [A-Z][a-z]+, [A-Z]\w+,", 0, True),
    (r"^[ \t]*Chair[ \t]+[-–][ \t]+(?P<name>[^\n]{3,60})", re.M, True),
    (r"elected\s+Chair", 0, False),               # \s takes a line break
    (r"elected[^,]+Chair", 0, False),             # so does a negated set
    (r"elected.+Chair", re.S, False),             # "." with DOTALL
    (r"elected(?s:.)Chair", 0, False),            # a scoped DOTALL
    (r"elected.+Chair", 0, True),                 # "." without it
    (r"elected[ \t]+Chair(?=\s+of)", 0, False),   # a look-ahead over the break
    (r"elected[ \t]+Chair$", 0, False),           # "$" also matches before the text's last break
    (r"elected[ \t]+Chair$", re.M, True),         # a line's end
    (r"elected[ \t]+Chair\n", 0, False),
]


@pytest.mark.parametrize("pattern, flags, expected", LINE_SHAPES)
def test_a_pattern_stays_on_a_line_only_when_no_part_of_it_takes_a_break(pattern, flags, expected):
    from kg.rxfilter import stays_on_a_line
    assert stays_on_a_line(re.compile(pattern, flags)) is expected


# minutes' texts in the shapes the whole-text finders read: the needed word on a line of its
# own, at a line's start and end, twice on a line, wrapped over a break, in capitals
WHOLE_TEXTS = [
    "1. Election of Chair\nIt was RESOLVED that Councillor Mrs A B Hale be elected Chair for the year.\n"
    "Cllr Jo Hart was duly elected Vice-Chairman.\n",
    "Mr R Hill be appointed Clerk\nMr S Day be appointed Treasurer",
    "agreed to elect Mr R Hill as Chair of the Board of Directors. Mr B Day was elected Vice Chair. "
    "Ms C Lee was appointed Secretary",
    "The meeting agreed that Cllr Reed be\nelected Chair (the name and the verb on two lines).\n",
    "Cllr Reed be elected Chair of the Planning Committee\n\nCllr Hale was elected as the Mayor\n",
    "nothing here is an election\nnor here",
    "",
    "elected",
    "Mr A Lee be ELECTED Chair\nTO ELECT Mr B Lee as Chair\n",
]


def _line_guarded_patterns():
    import importlib
    import pkgutil

    import kg
    from kg.rxfilter import LineGuarded
    out = []
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        mod = importlib.import_module(info.name)
        out.extend((f"{info.name}.{n}", v) for n, v in vars(mod).items() if isinstance(v, LineGuarded))
    return out


LINE_GUARDED = _line_guarded_patterns()


def test_the_whole_text_finders_have_line_guarded_patterns():
    assert len(LINE_GUARDED) >= 3


@pytest.mark.parametrize("name, g", LINE_GUARDED, ids=[n for n, _ in LINE_GUARDED])
def test_a_line_guarded_pattern_finds_over_a_whole_text_what_its_pattern_finds(name, g):
    try:
        texts = WHOLE_TEXTS + _corpus_texts()
    except pytest.skip.Exception:
        texts = WHOLE_TEXTS
    for text in texts:
        assert [(m.span(), m.groups()) for m in g.finditer(text)] == \
            [(m.span(), m.groups()) for m in g.rx.finditer(text)], (name, text[:200])
        assert _same(g.search(text), g.rx.search(text)), (name, text[:200])


@pytest.mark.parametrize("pattern, flags", [(p, f) for p, f, ok in LINE_SHAPES if ok] + [
    (r"(?<![\w-])Chair(?![\w-])", 0), (r"\bChair\b", re.I), (r"(?<=\n)Chair", 0), (r"Chair(?=\n)", 0)])
def test_a_line_guarded_pattern_of_each_shape_finds_what_its_pattern_finds(pattern, flags):
    from kg.rxfilter import LineGuarded, line_guarded, stays_on_a_line
    rx = re.compile(pattern, flags)
    g = line_guarded(rx)
    assert isinstance(g, LineGuarded) == (bool(needs(rx)) and stays_on_a_line(rx))
    texts = WHOLE_TEXTS + ["The Chair\nChair\nvice-chair\nCHAIR;chair Chair", "x\nChair", "Chair\n", "\n\nChair"]
    for text in texts:
        assert [m.span() for m in g.finditer(text)] == [m.span() for m in rx.finditer(text)], text
        assert _same(g.search(text), rx.search(text)), text


def test_a_pattern_that_may_cross_a_line_is_only_guarded():
    from kg.rxfilter import LineGuarded, line_guarded
    g = line_guarded(re.compile(r"be\s+elected\s+Chair"))
    assert isinstance(g, Guarded) and not isinstance(g, LineGuarded)
    assert g.search("Cllr Reed be\nelected Chair").group(0) == "be\nelected Chair"
