"""Question patterns compiled when first needed.

`govkg ask` holds about eighty patterns, tried in turn on each question; compiling them all
when kg.ask is imported took a tenth of a second of every command.  A `QuestionPattern`
knows, from its text, how a question it can match must begin (its first word, or one of
the words of a leading group such as `(?:list|show|name|give)`), and is compiled only when
a question begins so; a pattern whose beginning cannot be read that way is always tried.
"""
from __future__ import annotations

import re

# the politeness every question pattern allows before its own words
PREFIX = r"^(?:please )?(?:(?:can|could) you )?(?:tell me )?"
_PREFIXES = [a + b + c for a in ("", "please ") for b in ("", "can you ", "could you ") for c in ("", "tell me ")]
# a leading group of plain alternatives, or a leading word, and what follows it
_LEAD = re.compile(r"\(\?:((?:[a-z' ]+\|)*[a-z' ]+)\)|([a-z']+)")


def _top_level_bar(rx: str) -> bool:
    depth, i = 0, 0
    while i < len(rx):
        c = rx[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: skip to its end
            j = rx.find("]", i + 2)
            i = len(rx) if j < 0 else j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def leads(rx: str) -> tuple[str, ...] | None:
    """How any text the pattern `rx` matches must begin; None when that cannot be read
    from the pattern (the pattern is then always tried)."""
    m = _LEAD.match(rx)
    if not m or _top_level_bar(rx):
        return None
    after = rx[m.end():m.end() + 1]
    if m.group(1) is not None:
        return None if after and after in "?*{+" else tuple(m.group(1).split("|"))
    word = m.group(2)
    if after == "?":  # "meetings?": the word's last letter may be missing
        word = word[:-1]
    elif after and after in "*{+":
        return None
    return (word,) if word else None


class QuestionPattern:
    """`PREFIX + rx + $`, compiled on the first question that begins as it can."""

    def __init__(self, rx: str):
        self.text = PREFIX + rx + r"$"
        self.leads = leads(rx)
        self._rx: re.Pattern | None = None

    @property
    def rx(self) -> re.Pattern:
        if self._rx is None:
            self._rx = re.compile(self.text)
        return self._rx

    def could_match(self, q: str) -> bool:
        if self.leads is None:
            return True
        return any(q.startswith(p) and q[len(p):].startswith(self.leads) for p in _PREFIXES)

    def match(self, q: str):
        return self.rx.match(q) if self.could_match(q) else None

    @property
    def pattern(self) -> str:
        return self.text
