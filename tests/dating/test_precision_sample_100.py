"""The classes of precision sample 100 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

TUE = datetime(2015, 8, 4, 12, 0)


def found(text: str, anchor: datetime = TUE) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# تعود هذه الصورة إلى 43 عاماً مضت, يعود تاريخ المبنى ل50 عاما مضت: a count of units
# gone by after إلى / لـ is the time that far back (a point, as قبل 43 عاماً), not a length.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("يعود تاريخ هذا الجسر إلى 60 عاماً مضت حين بناه الأهالي", ("60 عاماً مضت", "1955")),
        ("وتعود هذه الوثيقة لخمسين عاما مضت", ("خمسين عاما مضت", "1965")),
        ("ترجع الصورة إلى ما يقارب ثلاثة أشهر مضت", ("ثلاثة أشهر مضت", "2015-05")),
        ("تعود القصة إلى ثلاثة عقود مضت", ("ثلاثة عقود مضت", "1985")),
    ],
)
def test_units_gone_by_after_to_are_that_far_back(text: str, mention: tuple[str, str]) -> None:
    assert found(text) == [mention]


# خلال عشر سنوات مضت, على مدى 8 سنوات مضت: the years gone by over which something ran
# stay a length.
def test_units_gone_by_after_during_stay_a_length() -> None:
    assert found("تضاعف الإنتاج خلال عشر سنوات مضت") == [("عشر سنوات", "P10Y")]


# بعد أن وافق البرلمان على مشروع القانون في نوفمبر: a yearless month in a clause whose
# verb is وافق (agreed, approved) is the last such month, as after أقر or اعتمد.
@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("بعد أن وافق المجلس على مشروع نظام الجمعيات في نوفمبر", ("نوفمبر", "2014-11")),
        ("ووافقت الحكومة على الخطة في ديسمبر بعد نقاش طويل", ("ديسمبر", "2014-12")),
    ],
)
def test_a_month_after_agreed_is_the_last_one(text: str, mention: tuple[str, str]) -> None:
    assert found(text) == [mention]
