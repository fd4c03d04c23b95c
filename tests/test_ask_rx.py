"""Question patterns compiled when first needed match exactly what the compiled pattern
matches: a pattern skipped for how a question begins could never have matched it."""
from __future__ import annotations

import re

import pytest

from kg import ask
from kg.ask_rx import QuestionPattern, leads

QUESTIONS = ask.EXAMPLES + [
    "who owns the plan", "please who owns the plan", "can you tell me who is responsible for the hedge",
    "could you list everyone who attended", "tell me what did cllr grey say about the bins",
    "who's the owner of the website", "whos the owner of the website", "who is the clerk",
    "summarise the meeting of 4 may 2021", "sum up the last meeting", "was the hedge ever cut",
    "which of the clerk's actions from october are still open", "what is overdue", "how many meetings",
    "when is the next meeting", "what time is the next meeting", "is there an unowned action",
    "declarations of interest", "show the declarations", "whatever happened to the bins", "wh", "",
    "how did members vote on the budget", "did ann baker declare an interest", "unowned actions",
    "what has cllr reed not done", "where is the next meeting", "whose job is it to cut the hedge",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_meets_the_same_patterns_as_before(question):
    q = ask._normalise_question(question)
    for rx, _handler in ask.PATTERNS:
        whole = re.compile(rx.text).match(q)
        got = rx.match(q)
        assert (got is None) == (whole is None), (rx.text, q)
        if got:
            assert got.groupdict() == whole.groupdict()


@pytest.mark.parametrize("rx,want", [
    (r"who (?:owns|is) (?P<x>.+)", ("who",)),
    (r"(?:list|show|name|give)(?: me)? (?P<x>.+)", ("list", "show", "name", "give")),
    (r"(?:which|what) of (?P<x>.+)", ("which", "what")),
    (r"(?:the )?declarations?", None),          # an optional first word: always tried
    (r"meetings? (?P<x>.+)", ("meeting",)),      # its last letter may be missing
    (r"(?:list|show)? (?P<x>.+)", None),
    (r"who?m (?P<x>.+)", ("wh",)),              # a letter that may be missing
    (r"who|what (?P<x>.+)", None),              # a choice of whole patterns
    (r"(?P<x>.+) is overdue", None),            # a group first
    (r".*\bunowned\b.*", None),
])
def test_how_a_question_must_begin_is_read_from_the_pattern(rx, want):
    assert leads(rx) == want


def test_a_pattern_is_compiled_only_when_a_question_could_match_it():
    p = QuestionPattern(r"who owns (?P<x>.+)")
    assert p.match("what is overdue") is None and p._rx is None
    assert p.match("please who owns the plan").group("x") == "the plan"
