"""The rules' compiled patterns remembered between runs (timeline.dating.lazy)."""

from __future__ import annotations

import marshal
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.dating import (
    absolute,
    clock,
    context,
    dateline,
    lazy,
    lengths,
    lexicon,
    mentions,
    normalize,
    relative,
    timeml,
)
from timeline.dating.context import Anchor, Before
from timeline.dating.lazy import LazyPattern, _compile_with_program, _engine, _key

REPO = Path(__file__).resolve().parents[2]


def _rule_patterns() -> dict[str, str]:
    """The source of every lazy pattern of the date rules, by a name."""
    found: dict[str, str] = {}
    for module in (absolute, clock, context, dateline, lengths, mentions, normalize):
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                found[f"{module.__name__}.{name}"] = value.source
            elif isinstance(value, Anchor | Before):
                found[f"{module.__name__}.{name}"] = value.regex.pattern
                if isinstance(value, Before) and value.gate is not None:
                    found[f"{module.__name__}.{name}.gate"] = value.gate.pattern
    for module in (relative, timeml):
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                found[f"{module.__name__}.{name}"] = value.source
    return found


def test_a_remembered_program_is_the_one_re_compile_makes() -> None:
    # re.Pattern's == compares the engine's program (code), flags and source: a pattern
    # rebuilt from what the cache file holds is the very pattern compiled anew, and that
    # is re.compile's but for the characters a match can begin with, in the program's
    # info block (tests/dating/test_first_characters.py: the same matches).
    from re import _compiler, _parser  # type: ignore[attr-defined]

    sources = _rule_patterns()
    assert len(sources) > 150
    for name, source in sources.items():
        compiled, program = _compile_with_program(source)
        stored = marshal.loads(marshal.dumps(program))
        again = _engine().compile(source, *stored)
        expected = re.compile(source)
        assert again == compiled, name
        assert (again.groups, again.groupindex) == (expected.groups, expected.groupindex), name
        assert again.flags == expected.flags, name
        public = [int(op) for op in _compiler._code(_parser.parse(source, 0), 0)]
        code = stored[1]
        # INFO, skip, flags, min width, max width, [first characters], the pattern.
        assert code[3:5] == public[3:5], name
        assert code[code[1] + 1 :] == public[public[1] + 1 :], name
        if code == public:
            assert compiled == expected, name


RUN = """
import gc, sys
from re import _parser
parsed = []
parse = _parser.parse
def spy(source, *args, **kwargs):
    parsed.append(source)
    return parse(source, *args, **kwargs)
_parser.parse = spy
from datetime import datetime
import timeline.dating.lexicon as lexicon
built = []
make = lexicon._trie_alternation
def spy_make(words):
    built.append(words)
    return make(words)
lexicon._trie_alternation = spy_make
from timeline.dating import extract_mentions
from timeline.dating.lazy import LazyPattern
text = "وصل الوفد أمس الأحد إلى الرياض في 5 أغسطس 2015 لمدة ثلاثة أيام، منذ سنوات."
for m in extract_mentions(text, datetime(2015, 8, 10, 10)):
    print(m.start, m.end, m.value, m.kind, m.type)
rules = {o.source for o in gc.get_objects() if isinstance(o, LazyPattern)}
print("built", len(built), file=sys.stderr)
print("parsed", len({source for source in parsed if source in rules}), file=sys.stderr)
"""


def _run_counted(cache_home: Path, enabled: bool = True) -> tuple[str, int, int]:
    """The mentions found, the rules' patterns parsed and the word alternations built."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    env["TIMELINE_PATTERN_CACHE"] = "1" if enabled else "0"
    done = subprocess.run(
        [sys.executable, "-c", RUN], cwd=REPO, env=env, check=True, capture_output=True, text=True
    )
    counts = done.stderr.split()
    return done.stdout, int(counts[-1]), int(counts[-3])


def _run(cache_home: Path, enabled: bool = True) -> tuple[str, int]:
    found, parsed, _built = _run_counted(cache_home, enabled)
    return found, parsed


def _cache_files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "arabic-news-timeline").glob("patterns-*"))


def test_a_second_run_parses_no_pattern_and_finds_the_same(tmp_path: Path) -> None:
    public, parsed_public, built_public = _run_counted(tmp_path / "off", enabled=False)
    assert parsed_public > 20 and public.count("\n") >= 3
    assert built_public > 20  # the rules' word alternations, at import
    assert not (tmp_path / "off").exists()  # turned off: nothing written
    (tmp_path / "on").mkdir()
    first, parsed_first, built_first = _run_counted(tmp_path / "on")
    assert parsed_first == parsed_public  # nothing remembered yet: every pattern parsed
    assert built_first == built_public
    [written] = _cache_files(tmp_path / "on")
    key, _checksum, payload = marshal.loads(written.read_bytes())
    programs, texts = marshal.loads(payload)
    assert key == _key() and len(programs) == parsed_first
    assert all(isinstance(program, bytes) for program in programs.values())
    # Every alternation the rules built (a word list is built more than once at times).
    assert 0 < len(texts) <= built_first
    second, parsed_second, built_second = _run_counted(tmp_path / "on")
    assert parsed_second == built_second == 0
    assert first == second == public


def test_a_remembered_alternation_is_the_one_the_words_make(tmp_path: Path) -> None:
    _run(tmp_path)
    [written] = _cache_files(tmp_path)
    _programs, texts = marshal.loads(marshal.loads(written.read_bytes())[2])
    alternations = {
        name: text for name, text in texts.items() if name.startswith("alternation\x00")
    }
    assert len(alternations) > 15
    for name, text in alternations.items():
        words = name.partition("\x00")[2].split("\n")
        assert text == lexicon._trie_alternation(words) != ""
    # The key holds the words, in one order whatever order they come in.
    some = sorted(lexicon.GREGORIAN_MONTHS)
    assert lexicon.alternation(some) == lexicon.alternation(reversed(some))
    assert lexicon.alternation(some) == lexicon._trie_alternation(some)


def test_strip_marks_of_a_long_text_folds_as_the_table_does() -> None:
    # Past 64 characters strip_marks takes fold's way (a regex and replaces), not the
    # table: the same text either way, on text made of every character either touches.
    touched = (
        [chr(c) for c in normalize._DROPPED]
        + list(normalize._FOLD)
        + list(normalize._FOLD.values())
    )
    alphabet = touched + list("وصل الوفد أمس إلى الرياض 5 أغسطس 2015 x.(?:)\\s+")
    rng = random.Random(12)
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300)))
        assert normalize.strip_marks(text) == text.translate(normalize._STRIP_TABLE)
        assert normalize.strip_marks(text) == normalize.fold(text).text


def test_a_damaged_or_foreign_cache_file_is_compiled_anew(tmp_path: Path) -> None:
    (tmp_path / "arabic-news-timeline").mkdir()
    public, parsed_public = _run(tmp_path, enabled=False)
    assert _cache_files(tmp_path) == []
    _run(tmp_path)
    [path] = _cache_files(tmp_path)
    good = path.read_bytes()
    for damaged in (b"", good[: len(good) // 2], b"\x00" * 64):
        path.write_bytes(damaged)
        found, parsed = _run(tmp_path)
        assert found == public and parsed == parsed_public
        assert marshal.loads(path.read_bytes())[0] == _key()  # written whole again
    # Another Python's programs (another key) are never handed to this one's engine.
    _, checksum, payload = marshal.loads(good)
    path.write_bytes(marshal.dumps(("another python", checksum, payload)))
    found, parsed = _run(tmp_path)
    assert found == public and parsed == parsed_public
    # One changed byte inside the programs: the checksum refuses the file.
    key, checksum, payload = marshal.loads(good)
    flipped = bytearray(payload)
    flipped[len(flipped) // 2] ^= 0x01
    path.write_bytes(marshal.dumps((key, checksum, bytes(flipped))))
    found, parsed = _run(tmp_path)
    assert found == public and parsed == parsed_public


def test_a_missing_cache_folder_is_made_and_remembers(tmp_path: Path) -> None:
    # A fresh account has no ~/.cache until something writes there: never making it
    # meant every run compiled every pattern again (the XDG spec asks a writer to make
    # it, 0700).
    missing = tmp_path / "absent" / "cache"
    found, parsed = _run(missing)
    assert parsed > 20 and found
    assert missing.is_dir() and missing.stat().st_mode & 0o777 == 0o700
    assert _cache_files(missing)
    assert _run(missing) == (found, 0)


def test_a_cache_folder_that_cannot_be_made_means_nothing_remembered(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    found, parsed = _run(blocked / "cache")
    assert parsed > 20 and found
    assert _run(blocked / "cache") == (found, parsed)


def _no_home() -> Path:
    raise RuntimeError("Could not determine home directory.")


def test_no_home_folder_means_no_cache_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setattr(lazy.Path, "home", _no_home)
    assert lazy.cache_file() is None
    # Extraction goes on, compiling as re.compile does.
    assert isinstance(lazy.compile_remembered(r"(?P<y>\d{4})x"), re.Pattern)
