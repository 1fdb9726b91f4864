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
