"""The classes of precision sample 97 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

SAT = datetime(2015, 7, 25, 12, 0)


def found(text: str, anchor: datetime = SAT) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, anchor)]


# ارتفعت الحرارة إلى الخمسينات المئوية: degrees Celsius, a temperature, no decade.
@pytest.mark.parametrize(
    "text",
    [
        "وتقترب درجات الحرارة من الخمسينات المئوية في الأحساء",
        "ويتوقع أن تبلغ الحرارة أواخر الأربعينيات المئوية عند الظهيرة",
    ],
)
def test_a_decade_of_degrees_is_a_temperature(text: str) -> None:
    assert found(text) == []


# A decade of history stays a decade.
def test_a_decade_of_history_stays() -> None:
    assert [value for _, value in found("بني السوق في الخمسينات")] == ["195X"]


# عبدالحكيم العمار مستقبلا عبدالكريم الوابلي: receiving a guest (a caption's participle);
# مستقبلاً أفضل: the noun "a future" with a comparative.  Neither is "in future".
@pytest.mark.parametrize(
    "text",
    [
        "مدير الفرع مستقبلا عبدالله الزهراني في مكتبه",
        "المحافظ مستقبلاً وفد الغرفة التجارية",
        "نسعى إلى أنظمة تضمن مستقبلاً أفضل للرياضة",
        "لكي نصنع مستقبلا أكثر إشراقا لأبنائنا",
    ],
)
def test_future_as_receiving_or_a_noun_is_no_time(text: str) -> None:
    assert found(text) == []


# The adverb stays: before a verb, a country or the end of its clause.
@pytest.mark.parametrize(
    "text",
    [
        "سيشمل التغيير مستقبلا الرسائل القصيرة",
        "وتعمل الشركة في مصر ومستقبلاً الإمارات وقطر",
        "ولن نسمح بذلك مستقبلا.",
    ],
)
def test_future_as_an_adverb_stays(text: str) -> None:
    assert [value for _, value in found(text)] == ["FUTURE_REF"]


# أئمة وخطباء مساجد الجمعة, مسجد الجمعة: the mosques of the Friday prayer (a kind of
# mosque, or one mosque's name), no day.
@pytest.mark.parametrize(
    "text",
    [
        "ووزعت الوزارة الكتيب على أئمة مساجد الجمعة في المنطقة",
        "وزار الوفد مسجد الجمعة في المدينة المنورة",
        "وتقام الخطبة في جوامع الجمعة بالمحافظة",
    ],
)
def test_the_mosques_of_the_friday_prayer_are_no_day(text: str) -> None:
    assert found(text) == []


# With ال, the mosque is its own noun and الجمعة its day.
def test_the_mosque_on_friday_is_a_day() -> None:
    assert [value for _, value in found("وامتلأ المسجد الجمعة الماضية بالمصلين")] == ["2015-07-24"]
