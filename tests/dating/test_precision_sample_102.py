"""The classes of precision sample 102 fixed after it.

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


# ارتفعت المبيعات العام الماضي بنسبة 8.5% مقارنة بزيادة 3% عن العام السابق: "the year
# before" compared with last year in its sentence is the year before last year, not last
# year again.
@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت مبيعات المصنع العام الماضي بنسبة 8.5% مقارنة بزيادة 3% عن العام السابق",
        "بلغ عدد الزوار في العام المنصرم 40 ألفا مقابل 35 ألفا في العام السابق",
    ],
)
def test_the_year_before_last_year(text: str) -> None:
    assert [value for _, value in found(text)] == ["2014", "2013"]


# هذا العام ... عن العام السابق: after this year, the year before stays last year; and a
# year phrase between (العام الماضي ... هذا العام ... العام السابق) is the one counted from.
@pytest.mark.parametrize(
    "text",
    [
        "ارتفعت الأرباح هذا العام بنسبة 5% عن العام السابق",
        "تراجعت العام الماضي ثم ارتفعت هذا العام بنسبة 5% عن العام السابق",
    ],
)
def test_the_year_before_this_year_is_last_year(text: str) -> None:
    assert found(text)[-1][1] == "2014"


# الفترة نفسها من العام الماضي ... عن العام السابق: last year after من is itself the year
# compared with, and a month between (في مايو الماضي ... من العام السابق) is the one the
# year before is counted from: both stay last year.
@pytest.mark.parametrize(
    "text",
    [
        "هبطت الأرباح 20% عن الفترة نفسها من العام الماضي، بانخفاض 40% عن العام السابق",
        "تراجع الإنتاج خلال العام الماضي وبلغ العجز في مايو الماضي 9% مقارنة بالفترة نفسها من العام السابق",
    ],
)
def test_the_year_before_a_compared_year_or_a_month(text: str) -> None:
    assert found(text)[-1][1] == "2014"
