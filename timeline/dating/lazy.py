"""Regexes compiled on first use, so importing the date rules compiles nothing.

A compiled pattern is also remembered between runs: the regex engine's own program for
each pattern is kept in the user's cache folder, so a later process hands it to the
engine instead of parsing the pattern again (`timeline extract` spent a third of its
start-up parsing and compiling the rules' patterns, in pure Python).
"""

from __future__ import annotations

import atexit
import os
import re
import sys
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
# re.compile does.  TIMELINE_PATTERN_CACHE=0 turns it off; where there is no cache
# folder (a read-only home) nothing is remembered.

CACHE_ENV = "TIMELINE_PATTERN_CACHE"
_APP = "arabic-news-timeline"  # timeline.store's APP_NAME; importing the store costs more
_LIMIT = 2_000  # patterns kept: those used in the run that writes first, then the rest
_HEADER = "timeline-patterns-1"

_remembered: dict[str, tuple[Any, ...]] | None = None  # read from the file on first use
_used: set[str] = set()
_new: dict[str, tuple[Any, ...]] = {}


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


def _load() -> dict[str, tuple[Any, ...]]:
    global _remembered
    if _remembered is None:
        _remembered = {}
        path = cache_file() if _enabled() else None
        if path is not None:
            try:
                import marshal
                import zlib

                key, checksum, payload = marshal.loads(path.read_bytes())
                if key == _key() and checksum == zlib.crc32(payload):
                    patterns = marshal.loads(payload)
                    if isinstance(patterns, dict):
                        _remembered = patterns
            except (OSError, ValueError, EOFError, TypeError):
                pass  # none yet, unreadable or damaged: compiled anew, written again
    return _remembered


def compile_remembered(source: str) -> re.Pattern[str]:
    """re.compile(source), from the program a run before this one made for it if any."""
    if not _enabled():
        return re.compile(source)
    remembered = _load().get(source)
    if remembered is not None:
        try:
            compiled = cast("re.Pattern[str]", _engine().compile(source, *remembered))
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
    if not _new:
        atexit.register(save)
    _new[source] = program
    _used.add(source)
    return compiled


def _compile_with_program(source: str) -> tuple[re.Pattern[str], tuple[Any, ...]]:
    """What re._compiler.compile does, keeping the arguments it gives _sre.compile."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, 0)
    code = [int(op) for op in _compiler._code(parsed, 0)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return cast("re.Pattern[str]", _engine().compile(source, *program)), program


def save() -> None:
    """Write the programs compiled in this run beside those already remembered.

    Called at exit when anything was compiled anew; atomic (a temporary file renamed over
    the old one), so processes writing at once leave one whole file.
    """
    if not _new or not _enabled():
        return
    path = cache_file()
    if path is None or not path.parent.parent.is_dir():
        return  # no cache folder at all (nor will one be made here)
    merged = dict(_new)
    old = _load()
    for source in sorted(_used, key=len):
        if source in old:
            merged.setdefault(source, old[source])
    for source, program in old.items():
        if len(merged) >= _LIMIT:
            break
        merged.setdefault(source, program)
    try:
        import marshal
        import zlib

        path.parent.mkdir(exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        payload = marshal.dumps(merged)
        try:
            temporary.write_bytes(marshal.dumps((_key(), zlib.crc32(payload), payload)))
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except (OSError, ValueError):
        return  # a read-only or full disk: the next run compiles again
    old.update(_new)
    _new.clear()
