"""A cheap test that a compiled pattern cannot match a text, read off the pattern itself.

Python's regular expressions try a pattern that opens with a word boundary and an
alternation ("\\bno longer ...|\\bwithdrawn\\b|...") at every position of the text, each
alternative in turn.  Most such patterns need one of a few literal strings to match at
all ("no longer ", "withdrawn", ...): `needs` reads those strings from the parsed pattern,
and `may_match` says whether the text holds one of them (a substring test, in C).  When
it does not, the pattern cannot match, so the search is skipped; when it does, the
pattern is searched as before.  The answer is never a guess: a string is only required
when every match of the pattern contains it.
"""
from __future__ import annotations

import re
from functools import lru_cache

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

# With IGNORECASE these four match ASCII letters too ("ſ" matches "s"), and "İ" lower-cases
# to two characters: a text holding one is searched without the shortcut.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    # the most telling requirement: its shortest string longest, then the fewest strings
    return max(cands, key=lambda c: (min(map(len, c)), -len(c))) if cands else None


def _literals(items, fold: bool) -> frozenset[str] | None:
    """Every string the sequence `items` matches, when it only matches a few fixed strings
    ("ha(?:d|s|ve) " -> had, has, have); else None."""
    out = frozenset([""])
    for op, av in items:
        if op is _c.AT:
            continue  # a boundary consumes nothing: the strings either side stay adjacent
        if op is _c.LITERAL:
            ch = chr(av)
            if fold and not ch.isascii():
                return None  # case-folded outside ASCII: not worth being exact about
            alts = frozenset([ch.lower() if fold else ch])
        elif op is _c.IN:
            chars = [chr(a) for o, a in av if o is _c.LITERAL]
            if not chars or len(chars) != len(av) or (fold and not all(ch.isascii() for ch in chars)):
                return None
            alts = frozenset(ch.lower() if fold else ch for ch in chars)
        elif op is _c.BRANCH:
            parts = [_literals(a, fold) for a in av[1]]
            if not all(p is not None for p in parts):
                return None
            alts = frozenset().union(*parts)
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:
            alts = _literals(av[3], fold)
            if alts is None:
                return None
        else:
            return None
        if len(out) * len(alts) > _MAX_STRINGS:
            return None
        out = frozenset(a + b for a in out for b in alts)
    return out


_MAX_STRINGS = 64


def _need(items, fold: bool) -> frozenset[str] | None:
    """One set of strings of which every match of the sequence `items` holds at least one
    (None: none found)."""
    cands: list[frozenset[str]] = []
    run = frozenset([""])  # the strings the items since the last break spell

    def flush() -> None:
        nonlocal run
        if run and all(run):
            cands.append(run)
        run = frozenset([""])

    for item in items:
        op, av = item
        lit = _literals([item], fold)
        if lit is not None and len(run) * len(lit) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in lit)
            continue
        flush()
        sub: frozenset[str] | None = None
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, pattern = av
            if not add_flags and not del_flags:
                sub = _need(pattern, fold)
        elif op is _c.BRANCH:
            alts = [_need(a, fold) for a in av[1]]
            if all(alts):
                sub = frozenset().union(*alts)
        elif op in _REPEATS:
            lo, _hi, pattern = av
            if lo >= 1:
                sub = _need(pattern, fold)
        if sub:
            cands.append(sub)
    flush()
    return _best(cands)


def _parsed(rx: re.Pattern):
    """`rx` as re's own parser reads it, or None for a bytes pattern or a parser that fails
    (another Python's): no shortcut then, the same answers."""
    if not isinstance(rx.pattern, str):
        return None
    try:
        return _p.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a parser of another Python: no shortcut, same answers
        return None


@lru_cache(maxsize=4096)
def needs(rx: re.Pattern) -> frozenset[str] | None:
    """Strings at least one of which every match of `rx` contains (lower-cased when `rx`
    ignores case), or None when the pattern requires no literal string."""
    parsed = _parsed(rx)
    if parsed is None:
        return None
    fold = bool(parsed.state.flags & re.IGNORECASE)
    if parsed.state.flags & re.LOCALE or (rx.flags & re.IGNORECASE) != (parsed.state.flags & re.IGNORECASE):
        return None
    need = _need(list(parsed), fold)
    # testing for many strings costs about what the search it would spare does
    return need if need and len(need) <= MAX_NEEDS else None


MAX_NEEDS = 40


def folded(text: str) -> str | None:
    """The text as `may_match` compares it with a case-ignoring pattern's strings (None when
    it holds a character IGNORECASE matches to an ASCII letter of another kind)."""
    return text.lower() if text.isascii() or not _ODD_CASE.search(text) else None


# several case-ignoring patterns test one sentence in turn: it is lowered once
_lowered = lru_cache(maxsize=8)(folded)


def may_match(rx: re.Pattern, text: str, low: str | None = None) -> bool:
    """False only when `rx` cannot match anywhere in `text` (`low`: `folded(text)`, where the
    caller tests several patterns on one text)."""
    need = needs(rx)
    if need is None:
        return True
    if rx.flags & re.IGNORECASE:
        if low is None:
            low = folded(text)
            if low is None:
                return True
        text = low
    for s in need:
        if s in text:
            return True
    return False


class Guarded:
    """A compiled pattern that answers "no match" at once for a text holding none of the
    strings it needs (`needs`), and otherwise searches as the pattern does.  It has the
    pattern's methods a finder calls on whole texts; anything else is the pattern's own."""

    __slots__ = ("rx", "_need", "_fold")

    def __init__(self, rx: re.Pattern, need: frozenset[str]):
        self.rx = rx
        self._need = tuple(sorted(need))
        self._fold = bool(rx.flags & re.IGNORECASE)

    def _may(self, text: str) -> bool:
        if self._fold:
            text = _lowered(text)
            if text is None:
                return True
        for s in self._need:
            if s in text:
                return True
        return False

    # a search from a position (a finder walking a whole document) is the pattern's own:
    # the test looks at the whole text, which would cost more than the search it spares
    def search(self, text, *args):
        return self.rx.search(text, *args) if args or self._may(text) else None

    def match(self, text, *args):
        return self.rx.match(text, *args) if args or self._may(text) else None

    def fullmatch(self, text, *args):
        return self.rx.fullmatch(text, *args) if args or self._may(text) else None

    def finditer(self, text, *args):
        return self.rx.finditer(text, *args) if args or self._may(text) else iter(())

    def findall(self, text, *args):
        return self.rx.findall(text, *args) if args or self._may(text) else []

    def sub(self, repl, text, count=0):
        return self.rx.sub(repl, text, count) if self._may(text) else text

    def __getattr__(self, name):
        # not the slots (unset while a copy is made) nor the protocols (a copy of a guarded
        # pattern is a guarded pattern, not the bare one)
        if name in Guarded.__slots__ or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.rx, name)

    def __reduce__(self):
        return Guarded, (self.rx, frozenset(self._need))

    def __repr__(self) -> str:
        return f"Guarded({self.rx!r})"


def guarded(rx: re.Pattern) -> re.Pattern | Guarded:
    """`rx`, made to skip texts it cannot match when it needs some string (see Guarded);
    the pattern itself when it needs none."""
    need = needs(rx)
    return Guarded(rx, need) if need else rx


# Categories of a character set that hold the line break, and those that do not (any other
# is taken to hold it: the answer below is then "may cross", never a wrong "stays on its line")
_NL_CATEGORIES = {_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD, _c.CATEGORY_NOT_DIGIT, _c.CATEGORY_LINEBREAK}
_NO_NL_CATEGORIES = {_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_NOT_SPACE, _c.CATEGORY_NOT_LINEBREAK}


def _set_has_newline(items) -> bool:
    negate = hit = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit = hit or av == 10
        elif op is _c.RANGE:
            hit = hit or av[0] <= 10 <= av[1]
        elif op is _c.CATEGORY and av in _NL_CATEGORIES:
            hit = True
        elif not (op is _c.CATEGORY and av in _NO_NL_CATEGORIES):
            return True
    return hit != negate


def _crosses_lines(items, dotall: bool, multiline: bool) -> bool:
    """Whether the parsed sequence `items` may match or look at a line break, or needs the
    end of the text (a `$` without MULTILINE also matches before a text's last break, which
    a search cut at a line's end would take for the text's own)."""
    for op, av in items:
        if op is _c.LITERAL:
            bad = av == 10
        elif op is _c.NOT_LITERAL:
            bad = av != 10
        elif op is _c.ANY:
            bad = dotall
        elif op is _c.IN:
            bad = _set_has_newline(av)
        elif op is _c.AT:
            bad = av is _c.AT_END_STRING or (av is _c.AT_END and not multiline)
        elif op is _c.BRANCH:
            bad = any(_crosses_lines(a, dotall, multiline) for a in av[1])
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, pattern = av
            bad = _crosses_lines(pattern, bool((dotall or add_flags & re.DOTALL) and not del_flags & re.DOTALL),
                                 bool((multiline or add_flags & re.MULTILINE) and not del_flags & re.MULTILINE))
        elif op in _REPEATS:
            bad = _crosses_lines(av[2], dotall, multiline)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            bad = _crosses_lines(av[1], dotall, multiline)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            bad = _crosses_lines(av, dotall, multiline)
        elif op is _c.GROUPREF:
            bad = False  # the group's own text, which the checks above already cover
        elif op is _c.GROUPREF_EXISTS:
            bad = _crosses_lines(av[1], dotall, multiline) or (av[2] is not None and _crosses_lines(av[2], dotall, multiline))
        else:
            bad = True
        if bad:
            return True
    return False


def stays_on_a_line(rx: re.Pattern) -> bool:
    """True when no match of `rx`, nor any look-around of it, can take in a line break: every
    match then lies inside one line of the text."""
    parsed = _parsed(rx)
    if parsed is None:
        return False
    flags = parsed.state.flags
    return not _crosses_lines(list(parsed), bool(flags & re.DOTALL), bool(flags & re.MULTILINE))


class LineGuarded(Guarded):
    """A guarded pattern (Guarded) that stays on a line (`stays_on_a_line`), searched over a
    whole text only on the lines that hold one of the strings it needs.

    A finder that scans a whole document with a pattern opening on a capitalised word tries it
    at every capital of the text; when the strings the pattern needs ("elected", "appointed")
    stand on a few lines, the others cannot hold a match, so they are not searched.  Each line
    is searched with the text's own positions (a look-behind sees the line before it) up to and
    including its line break (a look-ahead at the line's end sees the break), so the matches
    are those of the whole text's search, in order."""

    __slots__ = ()

    def _lines(self, text: str):
        # the starts of the lines holding a needed string, in order
        hay = _lowered(text) if self._fold else text
        if hay is None or len(hay) != len(text):
            return None
        starts = set()
        for s in self._need:
            i = hay.find(s)
            while i >= 0:
                starts.add(hay.rfind("\n", 0, i) + 1)
                e = hay.find("\n", i)
                if e < 0:
                    break
                i = hay.find(s, e + 1)
        return sorted(starts)

    def finditer(self, text, *args):
        if args:
            return self.rx.finditer(text, *args)
        starts = self._lines(text)
        if starts is None:
            return self.rx.finditer(text)
        return self._finditer(text, starts)

    def _finditer(self, text, starts):
        rx = self.rx
        for s in starts:
            e = text.find("\n", s)
            yield from rx.finditer(text, s, len(text) if e < 0 else e + 1)

    def search(self, text, *args):
        if args:
            return self.rx.search(text, *args)
        return next(iter(self.finditer(text)), None)

    def __reduce__(self):
        return LineGuarded, (self.rx, frozenset(self._need))

    def __repr__(self) -> str:
        return f"LineGuarded({self.rx!r})"


def line_guarded(rx: re.Pattern) -> re.Pattern | Guarded:
    """`rx` as a LineGuarded pattern when it stays on a line and needs some string; else as
    `guarded` makes it.  For patterns a finder runs over whole documents."""
    need = needs(rx)
    if need and stays_on_a_line(rx):
        return LineGuarded(rx, need)
    return guarded(rx)
