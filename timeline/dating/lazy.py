"""Regexes compiled on first use, so importing the date rules compiles nothing.

A compiled pattern is also remembered between runs: the regex engine's own program for
each pattern is kept in the user's cache folder, so a later process hands it to the
engine instead of parsing the pattern again (`timeline extract` spent a third of its
start-up parsing and compiling the rules' patterns, in pure Python).  So are the
alternations the rules build from their word lists at import (lexicon.alternation).
"""

from __future__ import annotations

import atexit
import os
import re
import sys
import weakref
from collections.abc import Callable
from pathlib import Path
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
        _made.add(self)

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
            compiled = compile_remembered(self.source)
            self.__dict__["_compiled"] = compiled
            for method in self._METHODS:
                self.__dict__[method] = getattr(compiled, method)
        return getattr(compiled, name)


_made: weakref.WeakSet[LazyPattern] = weakref.WeakSet()  # every pattern, for compile_all


def compile_all() -> int:
    """Compile every pattern made so far that is not compiled yet, as its first use
    would; how many were.  A window does it while idle, so that the first date a user
    types (read by the rules) compiles nothing whatever the user's cache holds."""
    compiled = 0
    for pattern in list(_made):
        if "_compiled" not in pattern.__dict__:
            _ = pattern.search  # the first attribute asked for compiles it
            compiled += 1
    return compiled


def lazy(pattern: str) -> re.Pattern[str]:
    """pattern, compiled on first use (typed as the re.Pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern))


# --- The compiled patterns remembered between runs -----------------------------------
#
# re.compile parses a pattern and turns it into a program for the regex engine (_sre),
# both in Python; the program is a list of integers, the same for the same pattern on
# the same Python.  The cache maps each pattern's source to what _sre.compile takes, in
# one marshal file per Python build, with a checksum; a file of another build, a damaged
# or unreadable one, or any failure of the private API is passed over and the pattern compiled as
# re.compile does.  TIMELINE_PATTERN_CACHE=0 turns it off; a missing cache folder is
# made (0700); where none can be (no home, a read-only one) nothing is remembered.
#
# Each program is kept marshalled on its own and read only when its pattern is used: a
# run uses a fifth of the patterns a well-used cache holds.  The same file keeps texts
# the rules derive from their word lists at import (remembered_text), by kind and key.

CACHE_ENV = "TIMELINE_PATTERN_CACHE"
_APP = "arabic-news-timeline"  # timeline.store's APP_NAME; importing the store costs more
_LIMIT = 2_000  # patterns kept: those used in the run that writes first, then the rest
_TEXT_LIMIT = 500  # derived texts kept, the same way
_HEADER = "timeline-patterns-3"

_programs: dict[str, bytes] | None = None  # read from the file on first use
_texts: dict[str, str] = {}  # read with the programs
_used: set[str] = set()
_new: dict[str, bytes] = {}
_texts_used: set[str] = set()
_texts_new: dict[str, str] = {}


def _enabled() -> bool:
    return os.environ.get(CACHE_ENV, "1") != "0"


def cache_file() -> Path | None:
    """The file of this Python build in the user's cache folder (None: no such folder)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        root = Path(base) if base else None
    elif sys.platform == "darwin":
        home = _home()
        root = home / "Library" / "Caches" if home else None
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        home = _home()
        root = Path(base) if base and os.path.isabs(base) else home / ".cache" if home else None
    if root is None:
        return None  # no home at all: nothing remembered
    tag = f"{sys.implementation.cache_tag}-{_engine().MAGIC}"
    return root / _APP / f"patterns-{tag}.marshal"


def _home() -> Path | None:
    """The user's home folder, if there is one."""
    try:
        return Path.home()
    except (RuntimeError, KeyError):
        return None


def _engine() -> Any:
    """The regex engine's C module (private, and without type stubs)."""
    import _sre  # type: ignore[import-not-found]

    return _sre


def _key() -> str:
    engine = _engine()
    return f"{_HEADER} {sys.version} {engine.MAGIC} {engine.CODESIZE}"


def _load() -> dict[str, bytes]:
    """The remembered programs (and texts, into _texts), read from the file once."""
    global _programs
    if _programs is None:
        _programs = {}
        path = cache_file() if _enabled() else None
        if path is not None:
            try:
                import marshal
                import zlib

                key, checksum, payload = marshal.loads(path.read_bytes())
                if key == _key() and checksum == zlib.crc32(payload):
                    programs, texts = marshal.loads(payload)
                    if isinstance(programs, dict) and isinstance(texts, dict):
                        _programs = programs
                        _texts.update(texts)
            except (OSError, ValueError, EOFError, TypeError):
                pass  # none yet, unreadable or damaged: compiled anew, written again
    return _programs


def _remember_at_exit() -> None:
    if not _new and not _texts_new:
        atexit.register(save)


def compile_remembered(source: str) -> re.Pattern[str]:
    """re.compile(source), from the program a run before this one made for it if any."""
    if not _enabled():
        return re.compile(source)
    remembered = _load().get(source)
    if remembered is not None:
        try:
            import marshal

            compiled = cast(
                "re.Pattern[str]", _engine().compile(source, *marshal.loads(remembered))
            )
        except Exception:  # a damaged entry: compile it anew
            compiled = None
        if compiled is not None:
            _used.add(source)
            return compiled
    try:
        compiled, program = _compile_with_program(source)
    except re.error:
        raise
    except Exception:  # the private API moved: compile the public way
        return re.compile(source)
    import marshal

    _remember_at_exit()
    _new[source] = marshal.dumps(program)
    _used.add(source)
    return compiled


def remembered_text(kind: str, key: str, make: Callable[[], str]) -> str:
    """make(), remembered between runs as the text of this kind for this key.

    For the texts the rules build at import from their word lists (lexicon.alternation,
    a tenth of the rules' import): key must hold everything the text is made from.
    """
    if not _enabled():
        return make()
    _load()
    name = f"{kind}\x00{key}"
    text = _texts.get(name)
    if not isinstance(text, str):
        text = make()
        _remember_at_exit()
        _texts_new[name] = text
    _texts_used.add(name)
    return text


def _compile_with_program(source: str) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """What re._compiler.compile does, keeping the arguments it gives _sre.compile."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, 0)
    code = [int(op) for op in _compiler._code(parsed, 0)]  # opcodes are int subclasses
    code = _with_first_characters(parsed, code)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return cast("re.Pattern[str]", _engine().compile(source, *program)), program


# --- Where a match can begin ------------------------------------------------------
#
# re's compiler gives the engine a set of characters every match begins with only when
# the pattern's first item is a character, a class or an alternation of characters.
# The rules' patterns begin with a lookbehind and optional clitics ((?<!\w)[وف]?...),
# so the engine tried the whole pattern at every position of a window; most positions
# cannot begin a match.  The set of characters a match can begin with is read off the
# parsed pattern (past lookarounds, optional items and the branches of alternations and
# conditionals) and put in the program's info block, as re's compiler does for a
# pattern that begins with a class: the engine then skips, in C, every position whose
# character is not in the set.  Matches are the same by construction: a match's first
# character is consumed by the first item its path consumes with, whose characters are
# all in the set.  Anything the reading does not know (a backreference, any character,
# a negated class, a case-blind flag), or a pattern that can match an empty string,
# leaves the program as re.compile makes it.


class _Unknown(Exception):
    """An item whose first characters are not read here: the program is left alone."""


def _first_characters(items: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """(the class items a match of a parsed sequence can begin with, whether it can be empty)."""
    from re import _constants as c  # type: ignore[attr-defined]

    found: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is c.LITERAL:
            found.append((op, av))
            return found, False
        if op is c.IN:
            if any(item_op is c.NEGATE for item_op, _ in av):
                raise _Unknown(op)
            found.extend(av)
            return found, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # consumes nothing
        empty = True
        if op is c.BRANCH:
            empty = False
            for branch in av[1]:
                first, can_be_empty = _first_characters(branch)
                found.extend(first)
                empty = empty or can_be_empty
        elif op is c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if add_flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE):
                raise _Unknown(op)
            first, empty = _first_characters(inner)
            found.extend(first)
        elif op is c.ATOMIC_GROUP:
            first, empty = _first_characters(av)
            found.extend(first)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, most, inner = av
            if most == 0:
                continue
            first, empty = _first_characters(inner)
            found.extend(first)
            empty = empty or least == 0
        elif op is c.GROUPREF_EXISTS:
            _group, yes, no = av
            first, empty = _first_characters(yes)
            found.extend(first)
            if no is None:
                empty = True
            else:
                first, no_empty = _first_characters(no)
                found.extend(first)
                empty = empty or no_empty
        else:
            raise _Unknown(op)  # any character, a backreference, ...
        if not empty:
            return found, False
    return found, True


def _with_first_characters(parsed: Any, code: list[int]) -> list[int]:
    """code with the characters every match begins with in its info block, where re's
    compiler put none and they can be read (else code unchanged)."""
    from re import _compiler  # type: ignore[attr-defined]
    from re import _constants as c  # type: ignore[attr-defined]

    flags = parsed.state.flags
    # The info block re's compiler wrote: INFO, skip, flags, min width, max width, and
    # nothing more when it found neither a literal prefix nor a character set.
    if (
        len(code) < 5
        or code[0] != c.INFO
        or code[1] != 4
        or code[2] != 0
        or code[3] == 0  # can match an empty string: the engine tries every position
        or flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE)
    ):
        return code
    try:
        first, empty = _first_characters(parsed)
    except _Unknown:
        return code
    if empty or not first:
        return code
    # Each class item once: the engine checks a category item (\d, \s) by a call for
    # every character the set's bitmap does not hold.
    charset, _cased = _compiler._optimize_charset(list(dict.fromkeys(first)))
    compiled: list[int] = []
    _compiler._compile_charset(charset, flags, compiled)
    info = [int(c.INFO), 0, int(c.SRE_INFO_CHARSET), code[3], code[4]]
    info.extend(int(op) for op in compiled)
    info[1] = len(info) - 1
    return info + code[5:]


def _merged(new: dict[str, Any], used: set[str], old: dict[str, Any], limit: int) -> dict[str, Any]:
    """This run's new entries, then the old ones it used, then the rest, up to limit."""
    merged = dict(new)
    for name in sorted(used, key=len):
        if name in old:
            merged.setdefault(name, old[name])
    for name, value in old.items():
        if len(merged) >= limit:
            break
        merged.setdefault(name, value)
    return merged


def save() -> None:
    """Write the programs and texts made in this run beside those already remembered.

    Called at exit when anything was made anew; atomic (a temporary file renamed over
    the old one), so processes writing at once leave one whole file.
    """
    if not (_new or _texts_new) or not _enabled():
        return
    path = cache_file()
    if path is None:
        return  # no home folder: nothing remembered
    old = _load()
    programs = _merged(_new, _used, old, _LIMIT)
    texts = _merged(_texts_new, _texts_used, _texts, _TEXT_LIMIT)
    try:
        import marshal
        import zlib

        # The cache folder made where missing, as the XDG base directory spec asks of
        # a writer (0700); a fresh account has none until something writes there.
        path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        payload = marshal.dumps((programs, texts))
        try:
            temporary.write_bytes(marshal.dumps((_key(), zlib.crc32(payload), payload)))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except (OSError, ValueError):
        return  # a read-only or full disk: the next run compiles again
    old.update(_new)
    _new.clear()
    _texts.update(_texts_new)
    _texts_new.clear()
