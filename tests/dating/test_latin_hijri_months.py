"""Hijri months written in Latin letters ("Ramadan 1437", "Dhul Hijja 1436") read as
their Arabic names are: the same month, day or Hijri year, in any case and in the
usual transliterations."""

from __future__ import annotations

import pytest

from timeline.dating import parse_date_line
from timeline.dating.english import as_arabic_months

# Each Arabic month name with ways English text and transliterations write it.
SPELLINGS = {
    "محرم": ["Muharram", "Moharram", "Muharram al-Haram", "Muḥarram"],
    "صفر": ["Safar", "Safer"],
    "ربيع الأول": [
        "Rabi al-Awwal",
        "Rabi' al-Awwal",
        "Rabiul Awwal",
        "Rabi-ul-Awal",
        "Rabee al-Awwal",
        "Rabi' I",
        "Rabi I",
        "Rabīʿ al-Awwal",
    ],
    "ربيع الآخر": [
        "Rabi al-Thani",
        "Rabi' al-Akhir",
        "Rabi ul Akhir",
        "Rabi' II",
        "Rabi ath-Thani",
        "Rabi al-Sani",
    ],
    "جمادى الأولى": [
        "Jumada al-Ula",
        "Jumada I",
        "Jumada al-Awwal",
        "Jumadi al-Oula",
        "Jumādā l-ʾŪlā",
    ],
    "جمادى الآخرة": [
        "Jumada al-Akhirah",
        "Jumada II",
        "Jumada al-Thani",
        "Jumada al-Thaniyah",
        "Jumada al-Akhira",
    ],
    "رجب": ["Rajab"],
    "شعبان": ["Shaban", "Sha'ban", "Shaaban", "Shaʿbān"],
    "رمضان": ["Ramadan", "Ramadhan", "Ramazan", "Ramzan", "Ramaḍān", "RAMADAN", "ramadan"],
    "شوال": ["Shawwal", "Shawal", "SHAWWAL"],
    "ذو القعدة": ["Dhu al-Qadah", "Dhu al-Qi'dah", "Dhul Qadah", "Dhu'l-Qa'dah", "Zul Qadah"],
    "ذو الحجة": ["Dhu al-Hijjah", "Dhul Hijja", "Dhu'l-Hijjah", "Zul Hijjah", "Dhu al-Hijja"],
}
CASES = [(arabic, latin) for arabic, spellings in SPELLINGS.items() for latin in spellings]


@pytest.mark.parametrize(("arabic", "latin"), CASES)
def test_a_latin_hijri_month_reads_as_its_arabic_name(arabic: str, latin: str) -> None:
    for year in ("1437", "1437 AH", "1437 A.H."):
        expected = parse_date_line(f"{arabic} 1437")
        assert expected is not None and expected.calendar == "hijri"
        assert parse_date_line(as_arabic_months(f"{latin} {year}")) == expected
    day = parse_date_line(f"10 {arabic} 1437 هـ")
    assert day is not None and day.granularity == "day"
    assert parse_date_line(as_arabic_months(f"10 {latin} 1437 AH")) == day
    assert parse_date_line(as_arabic_months(f"{latin} 10, 1437")) == day


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("Ramadan 1437", "2016-06-06/2016-07-05"),
        ("Shawwal 1437", "2016-07-06/2016-08-03"),
        ("Dhu al-Hijjah 1436", "2015-09-14/2015-10-13"),
        ("10 Ramadan 1393 AH", "1973-10-06"),
        ("1st Shawwal 1442", "2021-05-13"),
        ("1437 AH", "2015-10-14/2016-09-30"),
    ],
)
def test_latin_hijri_dates(typed: str, value: str) -> None:
    date = parse_date_line(as_arabic_months(typed))
    assert date is not None and (date.value, date.calendar) == (value, "hijri")


@pytest.mark.parametrize(
    "text",
    [
        "1973-10-06",
        "10 رمضان 1393 هـ",
        "Tariq Ramadani 2015",  # a name that begins as a month is none
        "Rajabali",
        "Safari 2015",
        "I was there in 2015",
    ],
)
def test_text_without_a_latin_month_is_left_as_it_is(text: str) -> None:
    assert as_arabic_months(text) == text


def test_english_gregorian_months_still_read() -> None:
    assert as_arabic_months("May 22, 2021") == "22 مايو 2021"
    date = parse_date_line(as_arabic_months("6 October 1973"))
    assert date is not None and date.value == "1973-10-06"


@pytest.mark.parametrize("month", range(1, 13))
def test_the_windows_own_english_hijri_dates_read_back(month: int) -> None:
    """A Hijri date as the window writes it in English ("17 Rabi' al-Thani 1364 AH",
    copied from the detail pane) goes back to its day."""
    from timeline.timescale import LabelStyle, format_hijri

    day = parse_date_line(f"15 {list(SPELLINGS)[month - 1]} 1437 هـ")
    assert day is not None and day.start is not None
    written = format_hijri(day.start, "day", LabelStyle(language="en"))
    assert written.startswith("15 ") and written.endswith(" 1437 AH")
    again = parse_date_line(as_arabic_months(written))
    assert again is not None and again.start == day.start


@pytest.mark.parametrize(
    ("field", "day"),
    [("10 Ramadan 1437 AH", "2016-06-15"), ("Rajab 5, 1436 A.H.", "2015-04-24")],
)
def test_an_english_feeds_hijri_publication_date_is_read(field: str, day: str) -> None:
    # The publication field and a text's date line took Latin letters for an English
    # Gregorian month only: an English feed's Hijri date gave an undated article.
    from timeline.article_dates import parse_published
    from timeline.dating.dateline import is_date_line

    published = parse_published(field)
    assert published is not None and (published.value, published.calendar) == (day, "hijri")
    assert is_date_line(field)


def test_a_name_that_is_a_month_does_not_date_a_field() -> None:
    from timeline.article_dates import parse_published

    assert parse_published("Ramadan Al-Sherbini") is None
    by = parse_published("By Ramadan Al-Sherbini, 21 July 2015")
    assert by is not None and by.value == "2015-07-21"


@pytest.mark.parametrize(("arabic", "latin"), [c for c in CASES if not c[1].isascii()])
def test_marks_written_apart_read_as_marks_written_in(arabic: str, latin: str) -> None:
    """A name whose marks are written as letters and combining marks (as text pasted
    from a Mac, or typed with a dead key, often is: "Rama" + U+0323 + "da" + U+0304
    + "n") is the same month: it was left unread, the word cut at each mark."""
    import unicodedata

    apart = unicodedata.normalize("NFD", f"10 {latin} 1437 AH")
    assert apart != f"10 {latin} 1437 AH"
    assert as_arabic_months(apart) == as_arabic_months(f"10 {latin} 1437 AH")
    assert as_arabic_months(apart).startswith(f"10 {arabic} 1437")
