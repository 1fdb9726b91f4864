"""A rule's window may end inside a word; no match may lean on that end.

Context.scan and each_match search a pattern only in windows around its literals, and
a lookahead at the end of the searched stretch sees nothing after it: (?!\\w) passed
where a window's end cut a word, and الآن (now) was read in الأنباء, الإنترنت,
الانتقال (38 mentions of SaudiNewsNet).  A match ending near a window's end is read
again with the text after it (context._near_starts).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dating import context, extract_mentions
from timeline.dating.context import Anchor, make_context
from timeline.dating.lazy import lazy

# Made-up sentences in which a window (of شهر مايو الماضي's rules) ends inside the word
# after عنه, right after its الان.
CUT_WORDS = ["الأنباء", "الإنترنت", "الانتقال", "الإنتاج"]


@pytest.mark.parametrize("word", CUT_WORDS)
def test_a_word_cut_by_a_window_end_is_no_mention(
    word: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = f"قال التقرير إن شهر مايو الماضي ارتفعت الأسعار عنه {word} كان جيدا"
    found = [m.text for m in extract_mentions(text, datetime(2015, 7, 21))]
    assert found == ["شهر مايو الماضي"]
    # The sentence does reach the edge: without the second read, الآن is found in it.
    monkeypatch.setattr(context, "_EDGE", 0)
    assert [m.text for m in extract_mentions(text, datetime(2015, 7, 21))] == [*found, word[:4]]


WORD = lazy(r"(?<!\w)ab(?!\w)")
WORD_ANCHOR = Anchor("ab", ("ab",))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["ab", "abc", "x", " ", "  ", "-"]), max_size=40).map("".join),
    st.integers(0, 6),
    st.integers(0, 6),
)
def test_every_match_a_scan_finds_is_a_match_in_the_whole_text(
    text: str, before: int, after: int
) -> None:
    # Windows a few characters wide end inside words all the time here.
    ctx = make_context(text, None)
    for hit in ctx.scan(WORD, WORD_ANCHOR, before, after):
        whole = WORD.match(ctx.text, hit.start())
        assert whole is not None and whole.span() == hit.span()
