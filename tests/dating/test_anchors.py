"""Rule patterns compile on first use, and anchors find exactly their regex's hits."""

from __future__ import annotations

import copy
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.dating import absolute, clock, context, fold, lengths, relative
from timeline.dating.context import Anchor, literal_starts
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
        # The one pass for all anchors finds the same places as str.find for this one.
        starts = literal_starts(text)[anchor.index]
        assert starts == anchor.starts(text)
        assert [m.span() for m in anchor.finditer(text, starts)] == expected
