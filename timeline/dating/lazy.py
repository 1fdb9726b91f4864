"""Regexes compiled on first use, so importing the date rules compiles nothing."""

from __future__ import annotations

import re
from typing import Any, cast


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
        return getattr(compiled, name)


def lazy(pattern: str) -> re.Pattern[str]:
    """pattern, compiled on first use (typed as the re.Pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern))
