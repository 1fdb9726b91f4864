"""Which words two copies of a story do not share: a word diff on the folded text,
given as character spans of the original text (to be marked where it is shown)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from timeline.text.normalize import WRITTEN_WORD, search_normalize


@dataclass(frozen=True)
class WordDiff:
    """Spans (start, end) of the words only one side has, in each original text."""

    left: list[tuple[int, int]]
    right: list[tuple[int, int]]
    same_words: int  # words the two share, in order


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    folded, spans = [], []
    for m in WRITTEN_WORD.finditer(text):
        folded.append(search_normalize(m.group()).lower())
        spans.append(m.span())
    return folded, spans


def _merged(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Neighbouring marked words as one span when only spaces or punctuation part them."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and not WRITTEN_WORD.search(text, out[-1][1], start):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def word_diff(left: str, right: str) -> WordDiff:
    """The words of each text that the other lacks (spelling variants count as equal)."""
    a, a_spans = _words(left)
    b, b_spans = _words(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    only_left: list[tuple[int, int]] = []
    only_right: list[tuple[int, int]] = []
    same = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same += i2 - i1
            continue
        only_left.extend(a_spans[i1:i2])
        only_right.extend(b_spans[j1:j2])
    return WordDiff(_merged(only_left, left), _merged(only_right, right), same)
