"""`timeline show` of a long article: its text and events read and written a page at a
time, each line made as textwrap makes it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import cli as cli_module
from timeline.cli import cli, shortened
from timeline.store import Store

# Words of the kinds textwrap splits text into (no hyphen: textwrap breaks a word after
# one, shortened keeps it whole), and white space of every kind str.split knows.
_WORDS = st.sampled_from(["في", "٣", "مارس", "2020", "وفد،", "x", "طويلةجدًاطويلةجدًا"])
_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2028", "\r"])
_TEXTS = st.lists(st.one_of(_WORDS, _SPACES), max_size=60).map("".join)


@given(text=_TEXTS, width=st.integers(1, 40))
@settings(max_examples=500, deadline=None)
def test_shortened_is_textwrap_shorten(text: str, width: int) -> None:
    assert shortened(text, width) == textwrap.shorten(text, width, placeholder=" …")


def test_shortened_splits_only_the_words_that_can_fill_its_line() -> None:
    """A label a million words long is cut after its first few, never split whole (the
    split's list of words would be as long as the label)."""

    splits: list[int] = []

    class Counted(str):
        def split(self, sep: str | None = None, maxsplit: int = -1) -> list[str]:
            splits.append(maxsplit)
            return super().split(sep, maxsplit)

    long = Counted("كلمة " * 1_000_000)
    assert shortened(long, 80) == " ".join(["كلمة"] * 15) + " …"
    assert splits == [41]  # words enough to fill 80 characters, the rest unsplit


@given(
    paragraph=st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "في",
                    "مارس",
                    "x-y",
                    "a--b",
                    "—",
                    "طويلةجدًاطويلةجدًاطويلةجدًا",
                    "ب" * 100,
                    "ab-" * 40,
                ]
            ),
            st.sampled_from([" ", "  ", "\t", "\r", "\u00a0", "\u2028", "\u3000"]),
        ),
        max_size=200,
    ).map("".join),
    width=st.integers(5, 30),
)
@settings(max_examples=500, deadline=None)
def test_a_paragraph_wrapped_a_piece_at_a_time_has_textwraps_lines(
    paragraph: str, width: int
) -> None:
    wrapped = list(cli_module._wrapped(paragraph, width, piece=40))  # pieces of the shortest
    assert wrapped == (textwrap.wrap(paragraph, width) or [""])


def test_a_word_longer_than_a_piece_is_wrapped_a_part_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """textwrap cuts a long word a line at a time, copying the rest of it for each
    line: a body of 2 M letters without a space took 3.2 s to wrap, 10 M some 80.  It
    is given a part of such a word at a time, and the lines are the same."""
    word = "ب" * 300_000
    whole = textwrap.wrap(word, 98)
    given: list[int] = []
    wrap = textwrap.wrap

    def counted(text: str, width: int) -> list[str]:
        given.append(len(text))
        return wrap(text, width)

    monkeypatch.setattr(textwrap, "wrap", counted)
    assert list(cli_module._wrapped(word, 98)) == whole
    assert max(given) <= 4096 + 98  # at most a run of 4,096 letters, and the line carried


@pytest.fixture
def long_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A library of one article of 3,000 mentions, whose events may not be read whole
    (Store.events_of, event_rows_of), and the writes of click.echo from then on."""
    path = tmp_path / "long.jsonl"
    body = "في 3 مارس 2020 عاد الوفد. " * MENTIONS
    path.write_text(json.dumps({"title": "طويل", "body": body, "published": "2021-05-22"}))
    db = tmp_path / "long.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "import", str(path)]).exit_code == 0

    def read_whole(*_args: object) -> None:
        raise AssertionError("an article's events read whole")

    monkeypatch.setattr(Store, "events_of", read_whole)
    monkeypatch.setattr(Store, "event_rows_of", read_whole)
    writes: list[str] = []
    echo = click.echo

    def counted(message: object = None, *args: object, **kwargs: object) -> None:
        writes.append(str(message))
        echo(message, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(click, "echo", counted)
    return db, writes


MENTIONS = 3000


def test_show_reads_and_writes_a_long_articles_events_a_page_at_a_time(
    long_article: tuple[Path, list[str]],
) -> None:
    """An article of 350,001 mentions took 21 s and 698 MB to show: all its events were
    read at once (rows, an event and a shown event each), its one paragraph split into
    its words by textwrap, and each line written by a call of its own.  Now the rows are
    read a page at a time as they are written, and the lines written a page a call."""
    db, writes = long_article
    result = CliRunner().invoke(cli, ["--db", str(db), "show", "1"], catch_exceptions=False)
    assert result.exit_code == 0
    events = result.output.split("\nevents:\n")[1].splitlines()
    assert len(events) == MENTIONS + 1  # and its publication
    words = ["mentioned", "2020-03-03", "في", "3", "مارس", "2020", "عاد", "الوفد."]
    assert events[1].split() == words
    assert len(writes) < 30  # 13 fields, body lines and events: 3,001 + 828 lines


def test_show_json_writes_a_long_articles_events_as_it_reads_them(
    long_article: tuple[Path, list[str]],
) -> None:
    """show --json of the same article took 1.5 GB: a dict an event, then one string of
    them all.  Now each event is made as it is written, the JSON written in pieces."""
    db, writes = long_article
    args = ["--db", str(db), "show", "1", "--json"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    shown = json.loads(result.output)
    assert len(shown["events"]) == MENTIONS + 1
    assert shown["events"][1]["value"] == "2020-03-03" and "article_id" not in shown["events"][1]
    assert shown["title"] == "طويل" and shown["tags"] == [] and shown["hidden"] is False
    assert len(writes) > 5  # pieces of 64 K characters, not one string
