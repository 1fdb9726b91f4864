"""The classes of precision sample 84 fixed after it.

Each group of tests below says its class; every sentence here is made up, none is
article text.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.dating import extract_mentions

MON = datetime(2015, 7, 27, 17, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, MON)]


# مجتمعاتنا العربية اليوم طريحة الفراش: a people of today with the adjective of its
# nation or faith between is nowadays, as مجتمعاتنا اليوم already was; the media with
# theirs report a day's news.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويرى الكاتب أن مجتمعاتنا العربية اليوم تائهة", ("اليوم", "PRESENT_REF")),
        (
            "وهي المشكلة التي يعيشها العالم الإسلامي اليوم بين الفرقة والخلاف",
            ("اليوم", "PRESENT_REF"),
        ),
        ("فالشباب السعوديون اليوم أكثر وعيا بحقوقهم", ("اليوم", "PRESENT_REF")),
        ("وذكرت وسائل الإعلام الفرنسية اليوم أن الوزير استقال", ("اليوم", "2015-07-27")),
        ("واستقبل المحافظ الطلاب المتفوقين اليوم في مكتبه", ("اليوم", "2015-07-27")),
    ],
)
def test_a_people_of_today_with_its_nations_adjective_is_nowadays(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text)


# الفكر المتطرف الذي يحظى اليوم بالدعم: what one enjoys (يحظى, يتمتع) is a lasting state,
# nowadays, as يعاني اليوم and يمتلك اليوم already were; a day's event stays the day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وهو التيار الذي يحظى اليوم بتأييد واسع بين الناخبين", ("اليوم", "PRESENT_REF")),
        ("والبلاد تتمتع اليوم بعلاقات جيدة مع جيرانها", ("اليوم", "PRESENT_REF")),
        ("فالعمال يحظون اليوم بحقوق لم تكن لهم", ("اليوم", "PRESENT_REF")),
        ("ويلتقي الوزير اليوم بالسفراء في مكتبه", ("اليوم", "2015-07-27")),
    ],
)
def test_today_after_a_verb_of_enjoying_is_nowadays(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


# ويلفت إلى «أننا وصلنا اليوم إلى حالة أن العلوي لا يثق»: a state we have come to by now
# (وصلنا اليوم إلى حالة / مرحلة / حد), nowadays; a day's arrival stays the day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ويقول الكاتب إننا وصلنا اليوم إلى حالة من اليأس", ("اليوم", "PRESENT_REF")),
        ("لقد وصلنا اليوم إلى مرحلة لا يثق فيها أحد بأحد", ("اليوم", "PRESENT_REF")),
        ("وقال المدرب: وصلنا اليوم إلى جدة استعدادا للمباراة", ("اليوم", "2015-07-27")),
    ],
)
def test_today_in_a_state_we_have_come_to_is_nowadays(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)
