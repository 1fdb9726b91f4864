"""The classes of precision sample 72 fixed after it.

- الذي سيدشنه سمو الأمير يوم الاثنين: a future verb with its object pronoun is still a
  future verb; the weekday after it is the coming one.
- وبالأمس كانوا في ...، واليوم نراهم في ...: "we see them", the pronoun on نرى, is the
  columnist's now set against then, as نرى alone was.

Every sentence here is made up; none is article text.
"""

from __future__ import annotations

from datetime import datetime

from timeline.dating import extract_mentions

SUN = datetime(2015, 7, 26, 17, 0)


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in extract_mentions(text, SUN)]


def test_a_future_verb_with_its_pronoun_points_ahead() -> None:
    text = "المشروع الذي سيفتتحه الوزير يوم الاثنين يعد من أكبر المشاريع"
    assert found(text) == [("يوم الاثنين", "2015-07-27")]


def test_we_see_them_today_is_nowadays() -> None:
    text = "ضربوا الوطن كله، وبالأمس كانوا في مساجد المدن، واليوم نراهم في مساجد المعسكرات"
    assert ("واليوم", "PRESENT_REF") in found(text)
