"""Regexes compiled on first use, so importing the date rules compiles nothing."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any, cast

# Windows up to this long are checked for a pattern's required words before the regex
# runs (see required_words); a longer stretch goes straight to the regex, so the check
# never scans more than the regex would.  With more words than _MAX_WORDS the finds
# cost more than the regex they may spare (measured: 60 verbs, four times the regex).
_WINDOW = 300
_MAX_WORDS = 4


class LazyPattern:
    """A regex compiled on its first use, so importing the rules compiles nothing.

    Compiling the rules' patterns was most of `timeline extract`'s start-up.  The first
    attribute asked for compiles the pattern and puts its methods on the instance, so
    later calls go straight to the compiled pattern's (bound) methods.
    """

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")

    def __init__(self, source: str) -> None:
        self.source = source

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str]]:
        # Copies and pickles carry the source only; they compile on their own first use.
        return LazyPattern, (self.source,)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or "source" not in self.__dict__:
            raise AttributeError(name)  # special lookups, or an instance not yet set up
        # Only called for what the instance lacks: before compiling, or an attribute
        # of re.Pattern that is not copied (looked up on the compiled pattern).
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = re.compile(self.source)
            self.__dict__["_compiled"] = compiled
            for method in self._METHODS:
                self.__dict__[method] = getattr(compiled, method)
            words = required_words(self.source)
            if 0 < len(words) <= _MAX_WORDS:
                self.__dict__["search"] = _checked_search(compiled.search, words)
        return getattr(compiled, name)


def _checked_search(search: Callable[..., Any], words: tuple[str, ...]) -> Callable[..., Any]:
    """search, answering None at once for a short window that holds none of words.

    The rules look behind a hit in a window of a few dozen characters (منذ before a
    month, الساعة before a time); the regex tries every position of it, str.find runs
    at C speed.  A match consumes one of words, so a window without any has no match.
    """

    def checked(string: str, pos: int = 0, endpos: int = sys.maxsize) -> Any:
        if endpos - pos <= _WINDOW:
            lo = max(pos, 0)  # the regex reads a negative pos as 0, str.find does not
            for word in words:
                if string.find(word, lo, endpos) != -1:
                    break
            else:
                return None
        return search(string, pos, endpos)

    return checked


def required_words(pattern: str) -> tuple[str, ...]:
    """Words one of which every match of pattern consumes; () when none is known.

    Read from the parsed regex: a run of literal characters that every match goes
    through, or one per branch of an alternation it must pass.  The choice whose
    shortest word is longest wins; words shorter than two characters are no use.
    """
    # The standard library's own regex parser (re._parser), imported where used: only
    # a compiled pattern is read, and only once.
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    try:
        parsed = parser.parse(pattern)
    except re.error:
        return ()
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()

    def best(options: list[tuple[str, ...]]) -> tuple[str, ...]:
        usable = [words for words in options if words and min(map(len, words)) >= 2]
        if not usable:
            return ()
        return max(usable, key=lambda words: (min(map(len, words)), -len(words)))

    def sequence(items: Any) -> tuple[str, ...]:
        options: list[tuple[str, ...]] = []
        run = ""
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if run:
                options.append((run,))
                run = ""
            if op is c.SUBPATTERN:
                _group, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    return ()  # local flags (?i:...) may change what a letter matches
                options.append(sequence(sub))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                options.append(sequence(av[2]))
            elif op is c.ATOMIC_GROUP:
                options.append(sequence(av))
            elif op is c.BRANCH:
                branches = [sequence(branch) for branch in av[1]]
                if all(branches):
                    options.append(tuple(sorted({w for words in branches for w in words})))
        if run:
            options.append((run,))
        return best(options)

    return sequence(parsed.data)


def lazy(pattern: str) -> re.Pattern[str]:
    """pattern, compiled on first use (typed as the re.Pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern))
