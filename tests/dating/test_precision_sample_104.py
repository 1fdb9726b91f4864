"""The classes of precision sample 104 fixed after it.

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


# ال16 من كانون أول/ ديسمبر 1965: the Syriac names of two words without ال on the second
# (كانون أول, كانون ثاني, تشرين أول, تشرين ثاني) are those months (كانون أول was no month
# name, so the day before it was lost).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وصلت الرسالة في 16 من كانون أول/ ديسمبر 1970",
            [("16 من كانون أول/ ديسمبر 1970", "1970-12-16")],
        ),
        ("افتتح الجسر في 3 تشرين أول 2012", [("3 تشرين أول 2012", "2012-10-03")]),
        ("تنتهي المهلة في تشرين ثاني المقبل", [("تشرين ثاني المقبل", "2015-11")]),
        ("جرت الانتخابات في كانون ثاني الماضي", [("كانون ثاني الماضي", "2015-01")]),
    ],
)
def test_syriac_month_names_without_the_article(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
