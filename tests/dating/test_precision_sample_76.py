"""The classes of precision sample 76 and of its recall audit, fixed after them.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 8, 10, 18, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON)]


# نحو عام 1258 قبل الميلاد, سبتمبر 331 قبل الميلاد, 44 ق.م: a year, a month or a range
# before the era is none of ours (no value here holds one); it was read as the year
# 1258 or this September.
@pytest.mark.parametrize(
    "text",
    [
        "وبنى الملك المعبد نحو عام 1250 قبل الميلاد على ضفة النهر",
        "ذكرت النقوش أن المدينة هجرت في العام 1100 ما قبل الميلاد",
        "وفي سنة 1700 ق.م ازدهرت التجارة في المنطقة",
        "وفي أواخر مارس (آذار) 212 قبل الميلاد سقطت المدينة",
        "ولد الشاعر في 10 ديسمبر 65 قبل الميلاد بحسب المؤرخين",
        "حكم الملك بين عامي 1150 و1180 قبل ميلاد المسيح",
    ],
)
def test_a_date_before_the_era_is_none_of_ours(text: str) -> None:
    assert found(text) == []


def test_a_year_before_someone_elses_birth_stays() -> None:
    assert found("انتقلت العائلة إلى المدينة عام 1990 قبل ميلاد ابنها الأكبر") == [
        ("عام 1990", "1990")
    ]
