"""Date values in words, counts grouped, and dates that keep their order with any digits."""

from __future__ import annotations

import pytest
from bidi import get_display

from timeline.timescale import LabelStyle
from timeline.ui.date_text import LRM, RLM, group_number, ordered, published_text, value_words

EN = LabelStyle(language="en")
EN_INDIC = LabelStyle(language="en", digits="arabic")
AR = LabelStyle(language="ar")
AR_INDIC = LabelStyle(language="ar", digits="arabic")


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        ("FUTURE_REF", "in the future", "في المستقبل"),
        ("PAST_REF", "in the past", "في الماضي"),
        ("PRESENT_REF", "at present", "في الوقت الحاضر"),
        ("P70Y", "for seven decades", "لمدة سبعة عقود"),
        ("P1Y", "for a year", "لمدة سنة"),
        ("P2Y", "for two years", "لمدة سنتين"),
        ("P5Y", "for five years", "لمدة خمس سنوات"),
        ("P15Y", "for 15 years", "لمدة 15 سنة"),
        ("P200Y", "for two centuries", "لمدة قرنين"),
        ("P3M", "for three months", "لمدة ثلاثة أشهر"),
        ("P11M", "for 11 months", "لمدة 11 شهرًا"),
        ("P2W", "for two weeks", "لمدة أسبوعين"),
        ("P10D", "for ten days", "لمدة عشرة أيام"),
        ("P103D", "for 103 days", "لمدة 103 أيام"),
        ("PT5H", "for five hours", "لمدة خمس ساعات"),
        ("PT30M", "for 30 minutes", "لمدة 30 دقيقة"),
        ("PXY", "for years", "لسنوات"),
        ("PXDE", "for decades", "لعقود"),
        ("PTXH", "for hours", "لساعات"),
        ("XXXX-09-11", "11 September (year not given)", "11 أيلول (دون ذكر السنة)"),
        ("XXXX-05", "May (year not given)", "أيار (دون ذكر السنة)"),
        ("2019-SP", "spring 2019", "ربيع 2019"),
        ("2020-WI", "winter 2020", "شتاء 2020"),
        ("XXXX-SU", "summer (year not given)", "الصيف (دون ذكر السنة)"),
        ("XXXX-WXX-5", "every Friday", "كل جمعة"),
        ("XXXX-XX-XXT15:00", "every day at 15:00", "يوميًا الساعة 15:00"),
        ("XXXX-XX-XXT07:30", "every day at 07:30", "يوميًا الساعة 07:30"),
        ("PT1H", "for an hour", "لمدة ساعة"),
    ],
)
def test_values_in_words(value: str, english: str, arabic: str) -> None:
    assert value_words(value, EN) == english
    assert value_words(value, AR) == arabic


def test_every_season_in_words() -> None:
    assert value_words("XXXX-WI", EN, recurring=True) == "every winter"
    assert value_words("XXXX-WI", AR, recurring=True) == "كل شتاء"


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        ("P1Y6M", "for a year and six months", "لمدة سنة وستة أشهر"),
        ("PT1H20M", "for an hour and 20 minutes", "لمدة ساعة و20 دقيقة"),
        ("PT3H17M", "for three hours and 17 minutes", "لمدة ثلاث ساعات و17 دقيقة"),
        ("P2DT5H", "for two days and five hours", "لمدة يومين وخمس ساعات"),
        ("P1M15D", "for a month and 15 days", "لمدة شهر و15 يومًا"),
        ("P1W3D", "for a week and three days", "لمدة أسبوع وثلاثة أيام"),
    ],
)
def test_lengths_in_two_units_in_words(value: str, english: str, arabic: str) -> None:
    assert value_words(value, EN) == english
    assert value_words(value, AR) == arabic


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        ("2015-Q1", "first quarter of 2015", "الربع الأول من 2015"),
        ("2014-Q4", "fourth quarter of 2014", "الربع الرابع من 2014"),
        ("2015-H2", "second half of 2015", "النصف الثاني من 2015"),
        ("XXXX-Q3", "third quarter (year not given)", "الربع الثالث (دون ذكر السنة)"),
    ],
)
def test_quarters_and_halves_in_words(value: str, english: str, arabic: str) -> None:
    assert value_words(value, EN) == english
    assert value_words(value, AR) == arabic


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        ("P1D", "daily", "يوميًا"),
        ("P1W", "weekly", "أسبوعيًا"),
        ("P1Y", "yearly", "سنويًا"),
        ("P2W", "every two weeks", "كل أسبوعين"),
        ("P3D", "every three days", "كل ثلاثة أيام"),
        ("XXXX-WXX-5", "every Friday", "كل جمعة"),
        ("XXXX-09-11", "every 11 September", "كل 11 أيلول"),
    ],
)
def test_recurring_values_in_words(value: str, english: str, arabic: str) -> None:
    assert value_words(value, EN, recurring=True) == english
    assert value_words(value, AR, recurring=True) == arabic


@pytest.mark.parametrize(
    "value", ["2021-05-22", "1950/1953", "198X", "", "P0D", "XXXX-13", "XXXX-XX-XXT25:00"]
)
def test_other_values_are_left_to_the_caller(value: str) -> None:
    assert value_words(value, EN) is None


def test_words_follow_the_month_names_and_digits() -> None:
    egypt = LabelStyle(language="ar", months="egypt", digits="arabic")
    assert value_words("XXXX-09-11", egypt) == "١١ سبتمبر (دون ذكر السنة)"
    assert value_words("XXXX-XX-XXT17:00", egypt) == "يوميًا الساعة ١٧:٠٠"
    assert value_words("P1500Y", EN_INDIC) == "for ١٥ centuries"
    assert value_words("P1234D", EN) == "for 1,234 days"


@pytest.mark.parametrize(
    ("n", "style", "text"),
    [
        (1_000_000, EN, "1,000,000"),
        (999, EN, "999"),
        (1_000_000, AR_INDIC, "١٬٠٠٠٬٠٠٠"),
        (12_345, AR, "12,345"),
    ],
)
def test_numbers_are_grouped(n: int, style: LabelStyle, text: str) -> None:
    assert group_number(n, style) == text


def test_published_iso_is_written_as_the_axis_writes_dates() -> None:
    strip = str.maketrans("", "", LRM + RLM + "\u2066\u2067\u2069")
    text = published_text("2022-11-20T19:00:00+03:00", EN)
    assert text is not None and text.translate(strip) == "20 November 2022 19:00"
    text = published_text("2022-11-20T19:00:00+03:00", AR_INDIC)
    assert text is not None and text.translate(strip) == "٢٠ تشرين الثاني ٢٠٢٢ ١٩:٠٠"
    assert published_text("2021-05", EN) is not None
    assert published_text("2021-05", EN).translate(strip) == "May 2021"  # type: ignore[union-attr]
    assert published_text(None, EN) is None


@pytest.mark.parametrize(
    ("logical", "language", "visual"),
    [
        # Visual order, left to right, of an English line with Arabic-Indic digits.
        ("٢٢ March ١٩٤٥ ١٠:٠٠", "en", "٢٢ March ١٩٤٥ ١٠:٠٠"),
        ("١٩٥٠ – ١٩٥٣", "en", "١٩٥٠ – ١٩٥٣"),
        ("22 March 1945 10:00", "en", "22 March 1945 10:00"),
    ],
)
def test_numbers_keep_their_order_in_a_line_of_the_interface(
    logical: str, language: str, visual: str
) -> None:
    base = "L" if language == "en" else "R"
    # Without the marks the bidi algorithm reverses the run of Arabic numbers.
    assert get_display(logical, base_dir=base) != visual or "٢" not in logical
    shown = get_display(ordered(logical, language), base_dir=base)
    assert shown.replace(LRM, "").replace(RLM, "") == visual


def test_arabic_lines_read_right_to_left_in_either_digit_set() -> None:
    for logical in ("٢٢ آذار ١٩٤٥ ١٠:٠٠", "22 آذار 1945 10:00"):
        shown = get_display(ordered(logical, "ar"), base_dir="R").replace(RLM, "")
        # Read right to left: the day first, the time last (leftmost).
        tokens = shown.split(" ")
        assert tokens[-1] in ("٢٢", "22") and tokens[0] in ("١٠:٠٠", "10:00")
