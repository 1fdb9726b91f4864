"""The classes of precision sample 92 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

THU = datetime(2015, 8, 6, 12, 0)


def found(text: str, anchor: datetime = THU) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# أقامت الإدارات الإقليمية لدار اليوم حفل معايدة: دار اليوم is the house that publishes
# the paper Al-Yaum, as صحيفة اليوم is the paper, no day.
@pytest.mark.parametrize(
    "text",
    [
        "أقامت الإدارات الإقليمية لدار اليوم حفلا لمنسوبيها",
        "زار الوفد مبنى دار اليوم للصحافة والنشر",
        "نظم الحفل بالتعاون مع الغرفة التجارية ودار اليوم للإعلام",
        "قال مدير عام دار اليوم إن المشاركة ناجحة",
    ],
)
def test_the_house_of_al_yaum(text: str) -> None:
    assert found(text) == []


# Not a house with its article (الدار), nor دار inside another word (أدار اليوم, the
# verb "ran").
@pytest.mark.parametrize(
    "text",
    [
        "أدار اليوم الحكم المباراة بنجاح",
        "افتتح الأمير الدار اليوم في جدة",
    ],
)
def test_a_day_after_another_dar(text: str) -> None:
    assert [value for _, value in found(text)] == ["2015-08-06"]
