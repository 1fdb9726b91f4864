"""The characters a match can begin with, put in the rules' compiled patterns (lazy.py).

The engine then skips every position whose character cannot begin a match; a pattern
so compiled must find exactly what re.compile's finds, wherever it is searched.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from tests.dating.test_pattern_cache import _rule_patterns
from timeline.dating import fold
from timeline.dating.lazy import _compile_with_program
from timeline.dating.normalize import strip_marks

SAMPLE_PATH = "saudinewsnet/sample.jsonl"

# Patterns of the shapes the rules use, and of the ones the reading must leave alone.
SHAPES = [
    r"(?<!\w)[وف]?[بلك]?(?:ال)?(?:يوم|عام|شهر)(?!\w)",
    r"(?<!\w)(?P<p>في\s+)?(?:(?P<n>عام\s*)|(?P<m>سنه\s+))?(?P<y>\d{4})",
    r"(?:(?<!\d)(?P<d0>\d{1,2})\s*(?:-|و)\s*)?(?<![\d/.:,])(?:\(\s*)?(?P<d>\d{1,2})\s*(?:من\s+)?$",
    r"(?<!\w)(?P<def>ال)?(?:\d+|(?(def)ثلاث|خمس))\s+ايام",
    r"(?<!\w)(?:ا{0}ب|(?:)ج|(?=د)د+?)ه?",
    r"(?<!\w)(?:و|)يوم",  # a branch that can be empty: its followers count too
    r"(?<!\w)(?:x*)?(?>ab|c)",
    r"\b(?:ف|)\d",
    r"(?<!\w)(?P<a>[وف])?(?P=a)?يوم",  # a backreference: left alone
    r"(?<!\w).يوم",  # any character: left alone
    r"(?<!\w)[^\d]يوم",  # a negated class: left alone
    r"(?<!\w)(?i:x)y",  # a case-blind flag: left alone
    r"(?<!\w)[وف]?(?:يوم)?",  # can be empty: left alone
    r"(?<!\w)(?:[وف]|ال)*\s*(?:\d{2}|الان)",
]
ALPHABET = [*"وفبلكال يومعامشهرسنه فيxyzab cدجه1234567890()-/.:,\n", "ال", "في ", "عام "]


def _found(pattern: re.Pattern[str], text: str, pos: int = 0, end: int | None = None) -> list:
    endpos = len(text) if end is None else end
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]


def test_the_rules_patterns_skip_where_no_match_begins() -> None:
    # Without the reading, re's compiler gives none of these a set of first characters:
    # the engine tried them at every position.  Most of the rules' patterns now have one.
    sources = _rule_patterns()
    given = [name for name, source in sources.items() if _has_first_characters(source)]
    assert len(given) > len(sources) // 2
    for name in ("lengths.DURATION", "absolute.YEAR", "absolute.DAY_BEFORE", "relative.WEEKDAY"):
        source = sources[f"timeline.dating.{name}"]
        assert _has_first_characters(source), name
        assert not _has_first_characters(source, public=True), name


def _has_first_characters(source: str, public: bool = False) -> bool:
    """Whether the program's info block (INFO, skip, flags, ...) holds a set of first
    characters: re.compile's program if public, else the rules' way of compiling."""
    from re import _compiler, _constants, _parser  # type: ignore[attr-defined]

    if public:
        code = [int(op) for op in _compiler._code(_parser.parse(source, 0), 0)]
    else:
        code = list(_compile_with_program(source)[1][1])
    return bool(code[0] == _constants.INFO and code[2] & _constants.SRE_INFO_CHARSET)


@pytest.mark.parametrize("source", SHAPES)
def test_a_pattern_with_its_first_characters_finds_what_re_finds(source: str) -> None:
    source = strip_marks(source)
    ours, public = _compile_with_program(source)[0], re.compile(source)
    assert ours.groupindex == public.groupindex and ours.groups == public.groups
    rng = random.Random(source)
    for _ in range(300):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))
        pos = rng.randrange(0, len(text) + 1)
        end = rng.randrange(pos, len(text) + 1)
        assert _found(ours, text, pos, end) == _found(public, text, pos, end), text
        assert _span(ours.search(text, pos, end)) == _span(public.search(text, pos, end)), text
        assert _span(ours.match(text, pos, end)) == _span(public.match(text, pos, end)), text


def _span(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple] | None:
    return None if match is None else (match.span(), match.groups())


def test_shapes_the_reading_does_not_know_are_compiled_as_re_does() -> None:
    for source in SHAPES[8:13]:
        assert _compile_with_program(source)[0] == re.compile(source), source
    for source in SHAPES[:8]:
        assert _compile_with_program(source)[0] != re.compile(source), source


def _texts() -> list[str]:
    """Folded news text, dense dates in order and shuffled, as the rules see them."""
    from bench.extract_scale import body_of
    from bench.extract_snapshot import SAMPLE

    texts = [fold(body_of("dates", 20_000)).text, fold(body_of("mixed", 20_000)).text]
    if SAMPLE.exists():
        lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        texts.append(fold("\n".join(json.loads(line)["body"] for line in lines[::4])).text)
    return texts


def test_every_rule_pattern_finds_what_re_finds_on_news_and_dense_text() -> None:
    texts = _texts()
    rng = random.Random(3)
    for name, source in _rule_patterns().items():
        ours, public = _compile_with_program(source)[0], re.compile(source)
        if ours == public:
            continue
        for text in texts:
            assert _found(ours, text) == _found(public, text), name
            # Windows, as Context.scan and the look-backs search them.
            for _ in range(40):
                lo = rng.randrange(0, len(text))
                hi = min(len(text), lo + rng.randrange(1, 200))
                assert _span(ours.search(text, lo, hi)) == _span(public.search(text, lo, hi)), name
