"""Fullwidth Latin letters and digits ("１７ Ｊｕｎｅ ２０１５", text copied from pages in
East Asian encodings) read as their ASCII forms are: by the publication field, the date
line, a typed date and the mentions of a body, each mention's span the text's own."""

from __future__ import annotations

import pytest

from timeline import dating
from timeline.article_dates import parse_published
from timeline.dating.dateline import is_date_line
from timeline.edits import read_date, read_published
from timeline.text.normalize import fold_fullwidth


def _wide(text: str) -> str:
    """text with its ASCII letters, digits and punctuation fullwidth, spaces ideographic."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


ENGLISH_DATES = [
    "17 June 2015",
    "June 17, 2015",
    "17/06/2015",
    "2015-06-17",
    "20150617",
    "Sun, 01 Mar 2015 10:00:00 GMT",
    "10 Ramadan 1437 AH",
    "3rd of May 2021 10:30 PM",
]


@pytest.mark.parametrize("ascii_form", ENGLISH_DATES)
def test_a_fullwidth_publication_field_reads_as_its_ascii_form(ascii_form: str) -> None:
    wide = _wide(ascii_form)
    assert fold_fullwidth(wide) == ascii_form
    assert parse_published(ascii_form) is not None
    assert parse_published(wide) == parse_published(ascii_form)


@pytest.mark.parametrize("ascii_form", ["17 June 2015", "June 17, 2015", "10 Ramadan 1437 AH"])
def test_a_fullwidth_date_line_or_typed_date_reads_as_its_ascii_form(ascii_form: str) -> None:
    wide = _wide(ascii_form)
    assert is_date_line(wide)
    assert read_date(wide) == read_date(ascii_form) is not None
    assert read_published(wide) == read_published(ascii_form)


@pytest.mark.parametrize(
    "body",
    ["وقع الحادث في عام 2015 ثم انتهى", "وقع الحادث في 17/06/2015 ثم انتهى"],
)
def test_fullwidth_digits_in_a_body_are_mentions_with_the_texts_own_span(body: str) -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c != " " else c for c in body)
    expected = [(m.start, m.end, m.date) for m in dating.extract_mentions(body, None)]
    found = dating.extract_mentions(wide, None)
    assert expected
    assert [(m.start, m.end, m.date) for m in found] == expected
    assert all(m.text == wide[m.start : m.end] for m in found)


def test_text_without_fullwidth_forms_is_itself() -> None:
    text = "تم نشره 22 أيار 2021"
    assert fold_fullwidth(text) is text


@pytest.mark.parametrize("step", [1, 3, 7, 1000])
def test_a_long_text_is_folded_a_step_at_a_time_as_whole(step: int) -> None:
    text = "في عام ２０１５ و" + _wide("17 June 2015") + " ثم"
    assert fold_fullwidth(text, step) == fold_fullwidth(text) == "في عام 2015 و17 June 2015 ثم"
