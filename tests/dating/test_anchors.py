"""Rule patterns compile on first use, and anchors find exactly their regex's hits."""

from __future__ import annotations

import copy
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.dating import absolute, clock, context, fold, lengths, mentions, relative
from timeline.dating.context import Anchor, Before, make_context
from timeline.dating.lazy import lazy

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO.parent / "shared" / "corpus" / "saudinewsnet" / "sample.jsonl"

ANCHORS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (absolute, clock, context, lengths, relative)
    for name, value in vars(module).items()
    if isinstance(value, Anchor)
}

COUNT_COMPILES = """
import re, sys
calls = []
compile_ = re.compile
def spy(pattern, flags=0):
    calls.append(sys._getframe(1).f_code.co_filename.replace("\\\\", "/"))
    return compile_(pattern, flags)
re.compile = spy
import timeline.dating, timeline.dating.mentions, timeline.dating.timeml
at_import = sum("timeline/dating/" in f for f in calls)
timeline.dating.extract_mentions("وصل أمس الأحد في 5 أغسطس 2015", None)
print(at_import, sum("timeline/dating/" in f for f in calls))
"""


def test_importing_the_rules_compiles_no_pattern() -> None:
    out = subprocess.run(
        [sys.executable, "-c", COUNT_COMPILES],
        cwd=REPO,
        # Compiled the public way, not from the programs a run before remembered.
        env={**os.environ, "TIMELINE_PATTERN_CACHE": "0"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    at_import, after_use = int(out[0]), int(out[1])
    assert at_import == 0
    assert after_use > 20  # the spy sees the compiles extraction does need


def test_lazy_pattern_behaves_as_the_compiled_one() -> None:
    pattern = lazy(r"(?P<y>\d{4})")
    assert pattern.pattern == r"(?P<y>\d{4})"
    hit = pattern.search("في 2015 و2016")
    assert hit is not None and hit.group("y") == "2015"
    assert [m.group() for m in pattern.finditer("2015 2016")] == ["2015", "2016"]
    assert pattern.groupindex == {"y": 1}
    for twin in (pickle.loads(pickle.dumps(pattern)), copy.deepcopy(pattern)):
        again = twin.search("عام 1999")
        assert again is not None and again.group("y") == "1999"


def test_anchor_literals_must_begin_every_match() -> None:
    # A literal list that misses a way the regex can begin finds fewer hits: the test
    # below would catch it; an empty literal is refused outright.
    with pytest.raises(ValueError):
        Anchor("a|b", ("a", ""))
    partial = Anchor("ab|cd", ("ab",))
    assert [m.group() for m in partial.finditer("cd ab cd")] == ["ab"]


def _texts() -> list[str]:
    texts = [
        "اليوم الأحد 12 مايو 2021 الساعة 8:30 صباحا، أمس والأسبوع الماضي منذ سنوات 1999 12345678",
        "التسعينيات والقرن العشرين وفصل الربيع، خلال ثلاثة أيام يوميا؛ حاليا وقت  الراهن. ١٤٣٦",
        # A lexicon word of two words is anchored on its first and any whitespace after.
        "في ذي\tالقعدة وذو\u3000الحجة، كانون\nالثاني الساعة الحادية\u2005عشرة؛ الذي ذا ذي\u200bالحجة",
        "الثمانينيات والتسعييات والستينات مرة مرتين مرات مرتان مرور يوميين",
    ]
    if SAMPLE.exists():
        lines = SAMPLE.read_text(encoding="utf-8").splitlines()
        texts.append("\n".join(json.loads(line)["body"] for line in lines))
    return [fold(text).text for text in texts]


@pytest.mark.parametrize("name", sorted(ANCHORS))
def test_anchor_hits_equal_its_regex_hits(name: str) -> None:
    anchor = ANCHORS[name]
    for text in _texts():
        expected = [m.span() for m in anchor.regex.finditer(text)]
        assert [m.span() for m in anchor.finditer(text)] == expected
        # The one pass for all anchors (or, for one-character literals, the character
        # class) finds the same places as str.find for this one.
        starts = make_context(text, None).starts_of(anchor)
        assert starts == anchor.starts(text) == _begins(text, anchor.literals)
        assert [m.span() for m in anchor.finditer(text, starts)] == expected


def test_whitespace_is_what_the_regex_engine_calls_whitespace() -> None:
    every = [chr(code) for code in range(0x110000)]
    assert "".join(c for c in every if c.isspace()) == context.WHITESPACE
    assert "".join(c for c in every if re.match(r"\s", c)) == context.WHITESPACE


def _begins(text: str, literals: tuple[str, ...]) -> list[int]:
    """Where any of the literals begins in text, overlapping ones too (a lookahead)."""
    ahead = re.compile("(?=(?:" + "|".join(map(re.escape, literals)) + "))")
    return [hit.start() for hit in ahead.finditer(text)]


GATES = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": value
    for module in (absolute, clock, context, lengths, mentions, relative)
    for name, value in vars(module).items()
    if isinstance(value, Before)
}
# Dense text of the forms the gated patterns look for (no corpus text).
_DENSE = (
    "منذ 12 مايو 2021 وكل شهر يوليو، في السابع من يونيو 2015 رقم 2015 بنسبة 1999 عند الساعة "
    "8:30 صباح يوم الأحد يوميا حتى 9:30 وحظر التجول منذ  24/7/2015م مساء الخميس، مطلع شهر مارس 2019 أواخر نوفمبر الماضي "
    "عدا يومي السبت والأحد 5 مارس، لمدة عامين خلال ثلاثة أيام على مدى عقود. 1950-1953 بين "
    "2003 و2010 العام الدراسي 2014 / 2015 2015-07-31T10:16 1436/10/28هـ 20 / 10 / 1436هـ "
    "يعمل من 8 حتى 9 مساء وكانت الجلسات تستمر حتى 11 ليلا ومنع العمل تحت أشعة الشمس من الساعة 12 "
    "وتمديد الدوام حتى الساعة 10 مساء "
)


@pytest.mark.parametrize("name", sorted(GATES))
def test_a_gated_pattern_finds_what_its_regex_finds(name: str) -> None:
    """Before.search skips a stretch without any of its literals: never a match lost."""
    gate = GATES[name]
    found = 0
    for text in [*_texts(), fold(_DENSE * 3).text]:
        ends = sorted({*range(0, len(text), 53), *(m.end() for m in re.finditer(r"\s", text))})
        for end in ends[:4_000]:
            for width in (12, 24, 45):
                lo = max(0, end - width)
                expected = _span(gate.regex.search(text, lo, end))
                assert _span(gate.search(text, lo, end)) == expected, (lo, end)
                found += expected is not None
            window = text[max(0, end - 30) : end]  # as some rules call it: on a slice
            assert _span(gate.search(window)) == _span(gate.regex.search(window))
    assert found  # the texts hold matches of every gated pattern


@pytest.mark.parametrize("name", sorted(name for name, gate in GATES.items() if gate.stops))
def test_a_gated_patterns_matches_hold_none_of_its_stops(name: str) -> None:
    """What makes searching from after the last stop exact: no match holds one."""
    gate = GATES[name]
    found = 0
    for text in [*_texts(), fold(_DENSE * 3).text]:
        for end in sorted({*range(0, len(text), 11), *(m.end() for m in re.finditer(r"\s", text))}):
            hit = gate.regex.search(text, max(0, end - 120), end)
            if hit is not None:
                found += 1
                assert not set(hit.group(0)) & set(gate.stops), hit
    assert found


def _span(hit: re.Match[str] | None) -> tuple[int, int] | None:
    return None if hit is None else hit.span()


def test_a_gate_without_its_literal_does_not_run_its_regex() -> None:
    gate = Before(r"(?<!\w)كل\s+$", ("كل",))
    assert gate.search("في يوم ") is None
    assert "_compiled" not in gate.regex.__dict__  # never even compiled
    hit = gate.search("في كل ")
    assert hit is not None and hit.span() == (3, 6)
    with pytest.raises(ValueError):
        Before("a", ("",))


@pytest.mark.parametrize(
    ("pattern", "core"),
    [
        (absolute.ISO, absolute.ISO_CORE),
        (absolute.NUMERIC_DMY, absolute.NUMERIC_DMY_CORE),
        (absolute.NUMERIC_YMD, absolute.NUMERIC_YMD_CORE),
        (absolute.YEAR_RANGE, absolute.YEAR_RANGE_CORE),
    ],
)
def test_a_core_is_in_every_match_of_its_pattern(
    pattern: re.Pattern[str], core: re.Pattern[str]
) -> None:
    """each_match skips the windows when a pattern's core is nowhere in the text."""
    matched = 0
    for text in [*_texts(), fold(_DENSE).text]:
        for hit in pattern.finditer(text):
            assert core.search(hit.group()) is not None, hit.group()
            matched += 1
        ctx = make_context(text, None)
        assert [m.span() for m in ctx.each_match(pattern, core)] == [
            m.span() for m in ctx.each_match(pattern)
        ]
    assert matched
