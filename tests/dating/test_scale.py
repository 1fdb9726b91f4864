"""Extraction work grows linearly with an article's length (counted, never timed).

Wall-clock figures are in bench/extract_scale.py; here the work is counted: Python
line events while extracting and labelling, and characters the label scanner reads.
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
import random
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Callable
from datetime import datetime
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.dating
from timeline import article_dates, library
from timeline.dating import extract_mentions
from timeline.dating import values as v
from timeline.dating.absolute import years
from timeline.dating.context import Candidate, make_context
from timeline.dating.lazy import LazyPattern
from timeline.dating.mentions import _select
from timeline.model import DateValue, to_axis

ANCHOR = DateValue("2021-05-22T01:32", "minute", to_axis(datetime(2021, 5, 22, 1, 32)))
# A stretch dense with every kind of date (the worst case: most text is a mention),
# and one where clock times pile up in a single endless sentence.
DENSE = (
    "في 12 مايو 2021 وصل الوفد. يوم الأحد الماضي، الساعة 8:30 صباحا، أمس "
    "واليوم الجمعة في عام 2019 أيار/مايو 24/7/2015م "
)
TIMES = "ثم الساعة 8:30 صباحا و"


def _line_events(work: Callable[[], Any]) -> int:
    """How many Python lines run (in every frame) while work() runs."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def _growth(unit: str, copies: int) -> float:
    """Work on four times the text, over work on the text (4 when linear)."""
    small, large = unit * copies, unit * (4 * copies)
    work_small = _line_events(lambda: library.mention_events(1, small, ANCHOR))
    work_large = _line_events(lambda: library.mention_events(1, large, ANCHOR))
    return work_large / work_small


def test_extraction_and_labels_grow_linearly_on_dense_dates() -> None:
    # Quadratic selection (every candidate against every one taken) or labels that
    # rescan the body from its start give a ratio well above 4 here.
    assert _growth(DENSE, 60) < 4.6


def test_clock_times_in_one_long_sentence_grow_linearly() -> None:
    # Each time looks back for its day; that look-back must not walk every time before it.
    assert _growth(TIMES, 150) < 4.6


def test_label_scans_only_around_the_mention() -> None:
    scanned: list[int] = []

    class Counting(str):
        """The body, noting how much of it each look for a sentence break covers."""

        def find(self, sub: str, start: Any = 0, end: Any = sys.maxsize) -> int:  # type: ignore[override]
            scanned.append(min(end, len(self)) - start)
            return super().find(sub, start, end)

        def rfind(self, sub: str, start: Any = 0, end: Any = sys.maxsize) -> int:  # type: ignore[override]
            scanned.append(min(end, len(self)) - start)
            return super().rfind(sub, start, end)

    body = Counting("كلام. " * 50_000 + "وصل في 12 مايو 2021 الوفد")
    start = body.index("12 مايو")
    label = article_dates.sentence_around(body, start, start + len("12 مايو 2021"))
    assert label == "وصل في 12 مايو 2021 الوفد"
    breaks = len(".!?؟\n")
    assert 0 < sum(scanned) <= breaks * (article_dates._LABEL_CHARS + 2)


def test_label_is_the_sentence_cut_to_its_reach() -> None:
    body = "أول. " + "كلمة " * 100 + "في 12 مايو 2021" + " كلمة" * 100 + ". آخر"
    start = body.index("12 مايو")
    label = article_dates.sentence_around(body, start, start + 12)
    assert "12 مايو 2021" in label
    assert "أول" not in label and "آخر" not in label
    assert len(label) <= article_dates._LABEL_CHARS + article_dates._LABEL_STEP + 12 + len(
        "… "
    ) + len(" …")
    assert article_dates.sentence_around("أمس.", 0, 3) == "أمس."


def _naive_select(cands: list[Candidate]) -> list[Candidate]:
    ranked = sorted(
        cands, key=lambda c: (-(c.end - c.start), c.start)
    )  # every test candidate has the same kind and confidence
    taken: list[Candidate] = []
    for cand in ranked:
        if cand.end > cand.start and all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 30)), max_size=60))
def test_select_keeps_the_longest_non_overlapping_spans(spans: list[tuple[int, int]]) -> None:
    value = v.year_value(2000)
    cands = [Candidate(s, s + n, value, "year", 0.9) for s, n in spans]
    assert _select(cands) == _naive_select(cands)


RUN_PIECES = st.sampled_from(
    ["1", "١", " ", "\n", "س", "ا", "-", "/", ".", "،", "(", "ـ", "خمسة و", "كل ", "يوم ", "اب "]
)
CUES = st.sampled_from(
    [
        *("", "عام ", "في ", "مايو ", "الساعة ", "يوم الأحد ", "منذ ", "قبل ", "ال", "شوال "),
        *("2015", "لمدة ", "أيام ", "ربيع ", "الاثنين "),
    ]
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(CUES, RUN_PIECES, st.integers(500, 6000)), min_size=1, max_size=4))
def test_long_runs_of_digits_spaces_and_letters(runs: list[tuple[str, str, int]]) -> None:
    # A regex that backtracks catastrophically would hang here; every rule runs on it.
    text = "".join(cue + piece * n for cue, piece, n in runs)
    found = extract_mentions(text, datetime(2021, 5, 22))
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start


def test_shuffled_dense_text_keeps_every_span_inside_the_text() -> None:
    rng = random.Random(7)
    words = DENSE.split()
    text = " ".join(rng.choice(words) for _ in range(5000))
    found = extract_mentions(text, datetime(2021, 5, 22))
    assert found and all(text[m.start : m.end] == m.text for m in found)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="اب ت.!?؟\n1", max_size=600),
    data=st.data(),
)
def test_a_label_from_the_breaks_found_once_is_the_label_looked_for(text: str, data: Any) -> None:
    """mention_events finds a body's sentence breaks once and bisects them: the labels
    are the ones sentence_around finds by looking either side of each mention."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    breaks = article_dates.sentence_breaks(text)
    assert article_dates.sentence_around(text, start, end, breaks) == article_dates.sentence_around(
        text, start, end
    )


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(alphabet="اب ت.!?؟\n1", max_size=600),
    points=st.lists(st.tuples(st.integers(0, 600), st.integers(0, 40)), max_size=30),
)
def test_labels_kept_by_their_bounds_are_the_labels_made_anew(
    text: str, points: list[tuple[int, int]]
) -> None:
    """The labels mention_events keeps for a sentence's later mentions are the ones each
    mention would get made afresh, wherever the mentions are."""
    breaks = article_dates.sentence_breaks(text)
    made: dict[tuple[int, int], str] = {}
    for at, width in points:
        start = min(at, len(text))
        end = min(start + width, len(text))
        kept = article_dates.sentence_around(text, start, end, breaks, made)
        assert kept == article_dates.sentence_around(text, start, end)
    assert len(made) <= len(points)


def test_mention_labels_are_the_sentences_around_them() -> None:
    body = DENSE * 40
    for event in library.mention_events(1, body, ANCHOR):
        assert event.span_start is not None and event.span_end is not None
        assert event.label == article_dates.sentence_around(body, event.span_start, event.span_end)


class _Watched(str):
    """A text that notes the lowest position read back from (rfind's start, an index)."""

    lowest: int

    def rfind(self, sub: Any, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        self.lowest = min(self.lowest, start or 0)
        return super().rfind(sub, start, end)

    def __getitem__(self, key: Any) -> str:  # type: ignore[override]
        if isinstance(key, int):
            self.lowest = min(self.lowest, key)
        return super().__getitem__(key)


def test_a_chronology_entry_is_read_back_over_its_opening_only() -> None:
    # A year opening a line ("- 2015: ...") was found by a look back to the line's
    # start: in a long text with no newline, a pass to the text's start for each year.
    from timeline.dating.absolute import _chronology_entry

    text = _Watched("وقائع " * 2000 + "\n - 2015: بدأ العمل " + "في عام 2016: تم " * 50)
    text.lowest = len(text)
    entry = text.index("2015")
    assert _chronology_entry(text, entry, entry + 4)
    assert text.lowest >= entry - 4  # " - " and the newline before it
    later = text.rindex("2016")
    text.lowest = len(text)
    assert not _chronology_entry(text, later, later + 4)
    assert text.lowest >= later - 2


@given(
    st.text(alphabet=" \t-*•●\n:–ab2015", max_size=14),
    st.integers(0, 14),
    st.integers(0, 14),
)
def test_a_chronology_entry_is_what_line_opening_says(text: str, start: int, length: int) -> None:
    from timeline.dating.absolute import ENTRY_MARK_AFTER, LINE_OPENING, _chronology_entry

    start = min(start, len(text))
    end = min(start + length, len(text))
    line = text.rfind("\n", 0, start) + 1
    expected = (
        LINE_OPENING.match(text, line, start) is not None
        and ENTRY_MARK_AFTER.match(text, end) is not None
    )
    assert _chronology_entry(text, start, end) == expected


def test_a_label_cut_inside_its_sentence_opens_and_closes_on_whole_words() -> None:
    """A sentence longer than the label's reach is cut at word boundaries, each cut shown
    by an ellipsis; a label that is a whole sentence has none."""
    words = "الماضية، فيما عجز المنتخب عن العودة إلى المنصة "
    body = "أول. " + words * 6 + "في العام 1960 " + words * 6 + ". آخر"
    for offset in range(7):  # the reach's ends at every place in a word
        text = "x" * offset + body
        start = text.index("العام 1960")
        end = start + len("العام 1960")
        for breaks in (None, article_dates.sentence_breaks(text)):
            label = article_dates.sentence_around(text, start, end, breaks)
            assert label.startswith("… ") and label.endswith(" …")
            inner = label[2:-2].split()
            assert "العام" in inner and "1960" in inner
            assert all(word in [*words.split(), "في", "العام", "1960"] for word in inner)
    assert article_dates.sentence_around("قال. وصل في 12 مايو 2021 الوفد. ثم", 11, 23) == (
        "وصل في 12 مايو 2021 الوفد."
    )


def test_a_chain_of_overlapping_mentions_is_settled_in_linear_work() -> None:
    # مايو مايو مايو...: each name is paired with the next, so every candidate overlaps
    # two others and the whole text is one cluster; checking each against every one
    # kept was the square of the chain.
    assert _growth("مايو ", 300) < 4.6


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(2, 9)), min_size=17, max_size=120))
def test_a_long_cluster_is_settled_as_each_pair_compared(steps: list[tuple[int, int]]) -> None:
    # Each span begins a little after the last and reaches past the next: one cluster
    # of more than _settle's small size, settled by marking the characters taken.
    value = v.year_value(2000)
    cands, start = [], 0
    for step, length in steps:
        start += step
        cands.append(Candidate(start, start + length, value, "year", 0.9))
    assert _select(cands) == _naive_select(cands)


@pytest.mark.parametrize("joint", [" و", " و ", "، و", " أو "])
def test_a_long_list_of_years_is_followed_once(joint: str) -> None:
    # 1436هـ و1436هـ و...: every year of the list is a year, found by its own match and
    # by the list before it (selection keeps one), where following the list again from
    # each of its years made its length squared in candidates.
    count = 400
    text = joint.join(["1436هـ"] * count)
    found = list(years(make_context(text, datetime(2015, 5, 22))))
    spans = [(c.start, c.end) for c in found]
    assert len(set(spans)) == count
    assert len(spans) < 2 * count


def test_no_rule_walks_a_run_of_letters_without_bound() -> None:
    # A repetition without bound of anything that holds letters is walked to the run's
    # end from each hit in it: الأحد والأحد... (a group of words) took 22 s for 100 KB,
    # جماديالساعة-السادسة-... (\S+ over a text with no space) 4 s for 32 KB.  Every
    # such repetition is bounded (a word, \w{1,40}; eight number words) but in the
    # patterns looked for in a fixed stretch before their literal (they end with $),
    # and in timeml's, each of which reads one tag, up to the next tag, or one mention.
    found = unbounded_letter_runs()
    forward = [name for name, pattern in found if not pattern.source.rstrip(")").endswith("$")]
    assert forward == [], forward
    assert any(name == "PAST_CLAUSE_BEFORE" for name, _ in found)  # the walk sees Befores


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _holds_letters(sub: sre_parse.SubPattern) -> bool:
    """Whether a piece of a parsed pattern may match a letter anywhere in it."""
    for op, arg in sub:
        if op is sre.LITERAL and chr(arg).isalpha():
            return True
        if op in (sre.NOT_LITERAL, sre.ANY):
            return True
        if op is sre.IN and any(
            o is sre.NEGATE
            or (o is sre.LITERAL and chr(a).isalpha())
            or (o is sre.CATEGORY and a in (sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE))
            for o, a in arg
        ):
            return True
        if op is sre.SUBPATTERN and _holds_letters(arg[3]):
            return True
        if op is sre.BRANCH and any(_holds_letters(b) for b in arg[1]):
            return True
        if op in _REPEATS and _holds_letters(arg[2]):
            return True
    return False


def _letter_runs(sub: sre_parse.SubPattern) -> int:
    """How many unbounded repetitions of something holding letters sub has."""
    count = 0
    for op, arg in sub:
        if op in _REPEATS:
            if arg[1] == sre.MAXREPEAT and _holds_letters(arg[2]):
                count += 1
            count += _letter_runs(arg[2])
        elif op is sre.SUBPATTERN:
            count += _letter_runs(arg[3])
        elif op is sre.BRANCH:
            count += sum(_letter_runs(b) for b in arg[1])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            count += _letter_runs(arg[1])
    return count


def unbounded_letter_runs() -> list[tuple[str, LazyPattern]]:
    """The rules' patterns (each module's, a Before's or an Anchor's, by name) that repeat
    something holding letters without bound; timeml's reader is left out (above)."""
    found = []
    for info in pkgutil.iter_modules(timeline.dating.__path__):
        if info.name == "timeml":
            continue
        module = importlib.import_module(f"timeline.dating.{info.name}")
        for name, value in vars(module).items():
            pattern = value if isinstance(value, LazyPattern) else getattr(value, "regex", None)
            if isinstance(pattern, LazyPattern) and _letter_runs(sre_parse.parse(pattern.source)):
                found.append((name, pattern))
    return found


def test_the_text_s_own_month_is_read_once_a_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each coming month (يونيو المقبل) asks for the month the text calls its current one;
    # read anew each time, a look over the whole text, it was the square of a run of them.
    from timeline.dating import absolute

    reads: list[int] = []
    read = absolute._read_text_month
    monkeypatch.setattr(absolute, "_read_text_month", lambda ctx: reads.append(1) or read(ctx))
    text = "في يونيو الجاري " + "ثم يوليو المقبل " * 200
    found = extract_mentions(text, datetime(2015, 7, 21))
    assert sum(1 for m in found if m.date.value == "2015-07") == 200  # July of the text's June
    assert len(reads) == 1
